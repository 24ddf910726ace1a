"""The hook ``eventwire ingest`` calls at the end of a run: bring every corpus view up to date."""

from __future__ import annotations

import logging
from typing import Any

from ..store import Store
from .cluster import build_stories
from .dedupe import mark_copies

log = logging.getLogger(__name__)


def update_corpus_views(
    store: Store, *, rebuild: bool = False, settings: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Mark syndicated copies, then place new articles into stories (incremental).

    Copies come first so a copy joins its original's story as a copy and its events are not
    counted twice. ``rebuild`` starts over (after changed settings). Returns a summary:
    ``{"copies": n, "stories": {...}}``.
    """
    pairs = mark_copies(store, rebuild=rebuild, settings=settings)
    update = build_stories(store, rebuild=rebuild, settings=settings)
    summary = {"copies": len(pairs), "stories": update.as_dict()}
    log.info("corpus views updated: %s", summary)
    return summary


def rebuild_corpus_views(
    store: Store, *, settings: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Recompute copies and stories from scratch (``eventwire stories --rebuild``)."""
    return update_corpus_views(store, rebuild=True, settings=settings)
