"""Corpus views that catch up after an update died half way.

Updating the corpus views (syndicated copies, then stories) takes several transactions.
A process killed between them leaves the views behind the articles, and an incremental
update cannot tell: the articles it missed look already done. So every update goes
through `update_views`, the one place that:

- holds the *update lock* while it runs (a lock file next to a SQLite database, a session
  advisory lock on PostgreSQL); the operating system or the server drops it when the
  process dies, so a held lock means "an update is running", never "one died";
- sets ``views_stale`` in the store's ``meta`` table before the update and clears it once
  the update succeeded. A flag found set (with the lock free) means an update did not
  finish; the next update then rebuilds the views from the stored articles instead of
  extending them.

`refresh_stale_views` is the hook a read of the views calls first (``list_stories``,
``get_story``, ``timeline``, ``list_copies``): one small query when the views are current;
a rebuild when an update died and nobody is running one.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .store import Store

log = logging.getLogger(__name__)

STALE_KEY = "views_stale"
# Stores this process is updating right now (by id): a read inside an update never repairs.
_UPDATING: set[int] = set()
# PostgreSQL advisory lock id for view updates ("ewvw"); migrations use another.
_VIEWS_LOCK = 0x65777677


def views_stale(store: Store) -> bool:
    """True when the last update of the corpus views started and did not finish."""
    return store.get_meta(STALE_KEY) is not None


def update_views(
    store: Store, *, rebuild: bool = False, settings: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Bring copies and stories up to date (``eventwire.stories.update_corpus_views``).

    Waits while another process updates them. Rebuilds when an earlier update died.
    """
    with update_lock(store, wait=True):
        return _update_locked(store, rebuild=rebuild, settings=settings)


def refresh_stale_views(store: Store) -> dict[str, Any] | None:
    """Repair the views if an update died; the summary of the repair, or None if none was needed.

    Never raises: a reader (maybe on a read-only database) still reads what is there.
    """
    try:
        if id(store) in _UPDATING or not views_stale(store):
            return None
        with update_lock(store, wait=False) as held:
            if not held:  # an update is running right now; it will clear the flag
                return None
            if not views_stale(store):  # repaired while we took the lock
                return None
            log.warning("the last update of copies and stories did not finish; rebuilding them")
            return _update_locked(store)
    except Exception:  # noqa: BLE001 - a failed repair must not fail the read
        log.warning("could not repair the corpus views", exc_info=True)
        return None


def _update_locked(
    store: Store, *, rebuild: bool = False, settings: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    from ..stories import update_corpus_views

    if views_stale(store):
        log.info("an earlier update of the corpus views did not finish; rebuilding them")
        rebuild = True
    store.set_meta(STALE_KEY, "1")
    _UPDATING.add(id(store))
    try:
        summary = update_corpus_views(store, rebuild=rebuild, settings=settings)
    finally:
        _UPDATING.discard(id(store))
    store.set_meta(STALE_KEY, None)
    if rebuild:
        summary = {**summary, "rebuilt": True}
    return summary


@contextlib.contextmanager
def update_lock(store: Store, *, wait: bool) -> Iterator[bool]:
    """Hold the view-update lock; yields False (without waiting) when ``wait`` is off and it is taken."""
    db = store.db
    if db.dialect == "postgresql":
        if wait:
            db.query("SELECT pg_advisory_lock(?)", (_VIEWS_LOCK,))
            held = True
        else:
            held = bool(db.query("SELECT pg_try_advisory_lock(?) AS ok", (_VIEWS_LOCK,))[0]["ok"])
        try:
            yield held
        finally:
            if held:
                db.query("SELECT pg_advisory_unlock(?)", (_VIEWS_LOCK,))
        return
    path = _lock_path(db.url)
    if path is None:  # an in-memory database has a single client
        yield True
        return
    with _file_lock(path, wait=wait) as held:
        yield held


def _lock_path(url: str) -> Path | None:
    path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
    return None if path in ("", ":memory:") else Path(f"{path}-views.lock")


@contextlib.contextmanager
def _file_lock(path: Path, *, wait: bool) -> Iterator[bool]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: updates are not serialised
        yield True
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a read-only folder: a reader leaves the views alone, a writer tries anyway
        yield wait
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
