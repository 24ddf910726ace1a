"""Article exports (jsonl with analyses and ``copy_of``, csv) narrowed by an ``EventFilter``."""

from __future__ import annotations

import csv
import json
from typing import IO

from ..store import Store
from ..store.freshness import refresh_stale_views
from ..stories.common import date_interval
from .cells import safe_row
from .filters import EventFilter, filtered_events

ARTICLE_EXPORT_FIELDS = (
    "id", "url", "outlet", "published", "title", "language", "analyzed", "reason", "copy_of", "text",
)  # fmt: skip


def _selected_ids(store: Store, flt: EventFilter | None) -> set[str] | None:
    """Article ids to keep, or None for all.

    Event criteria (place, bbox, type, actor) keep articles with at least one matching event;
    ``outlet`` and the date range also apply to the article itself (its publication date).
    """
    if flt is None or not flt.as_dict():
        return None
    if flt.selects_events:
        return {
            r["article_id"]
            for r in filtered_events(store, EventFilter(**{**flt.__dict__, "include_copies": True}))
        }
    keep: set[str] = set()
    for row in store.iter_article_rows():
        if flt.outlet and flt.outlet.casefold() not in (row["outlet"] or "").casefold():
            continue
        if flt.article_id and row["id"] != flt.article_id:
            continue
        if flt.date_from or flt.date_to:
            interval = date_interval(row["published"])
            if interval is None:
                continue
            if flt.date_from and interval[1].isoformat() < flt.date_from:
                continue
            if flt.date_to and interval[0].isoformat() > flt.date_to:
                continue
        keep.add(row["id"])
    return keep


def write_articles_jsonl(
    store: Store, out: IO[str], flt: EventFilter | None = None, *, with_analysis: bool = True
) -> int:
    """One JSON object per article: its fields, ``copy_of`` (original's id or null), its analysis."""
    refresh_stale_views(store)
    ids = _selected_ids(store, flt)
    n = 0
    for row in store.iter_article_rows():
        if ids is not None and row["id"] not in ids:
            continue
        record = {k: row[k] for k in ARTICLE_EXPORT_FIELDS}
        record["analyzed"] = bool(record["analyzed"])
        record["warnings"] = json.loads(row["warnings"] or "[]")
        if with_analysis:
            analysis = store.get_analysis(row["id"])
            record["analysis"] = analysis.as_dict() if analysis else None
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_articles_csv(store: Store, out: IO[str], flt: EventFilter | None = None) -> int:
    """Article fields (``ARTICLE_EXPORT_FIELDS``) as CSV, formula-like cells quoted."""
    refresh_stale_views(store)
    ids = _selected_ids(store, flt)
    writer = csv.DictWriter(out, fieldnames=ARTICLE_EXPORT_FIELDS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in store.iter_article_rows():
        if ids is not None and row["id"] not in ids:
            continue
        writer.writerow(safe_row({k: row[k] for k in ARTICLE_EXPORT_FIELDS}))
        n += 1
    return n
