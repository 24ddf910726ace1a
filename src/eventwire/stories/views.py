"""Reading stories back: the list, and one story with its outlets, figures and contradictions."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from ..store import Store
from ..store.freshness import refresh_stale_views
from ..store.queries import article_rows, copies_of, event_rows
from .contradictions import find_contradictions
from .outlets import compare_outlets
from .places import PlaceQuery
from .settings import settings as load_settings

_JSON_COLUMNS = ("event_types", "actors", "outlets")


def _story_row(row: dict[str, Any]) -> dict[str, Any]:
    for key in _JSON_COLUMNS:
        row[key] = json.loads(row[key]) if row.get(key) else []
    return row


def list_stories(
    store: Store,
    *,
    place: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored stories in date order (undated last), optionally filtered.

    ``place`` matches the story's place, province or country the way timelines do;
    ``outlet`` is a case-insensitive substring of one of its outlets.
    """
    refresh_stale_views(store)
    rows = [
        _story_row(r)
        for r in store.db.query(
            "SELECT * FROM stories ORDER BY CASE WHEN date_start IS NULL THEN 1 ELSE 0 END, date_start, id"
        )
    ]
    if place:
        query = PlaceQuery.parse(place)
        rows = [
            r
            for r in rows
            if query.match({"location": r["place"], "admin1": r["admin1"], "country": r["country"]})
        ]
    if date_from:
        rows = [r for r in rows if (r["date_end"] or "9999") + "~" >= date_from]
    if date_to:
        rows = [r for r in rows if (r["date_start"] or "") <= date_to]
    if outlet:
        needle = outlet.casefold()
        rows = [r for r in rows if any(needle in o.casefold() for o in r["outlets"])]
    return rows[:limit] if limit is not None else rows


def story_events(store: Store, story_id: str) -> list[dict[str, Any]]:
    """The story's member events (originals only), in date order."""
    members = store.db.query("SELECT article_id, idx FROM story_events WHERE story_id = ?", (story_id,))
    wanted = {(m["article_id"], m["idx"]) for m in members}
    rows = [
        r
        for r in event_rows(store, article_ids=sorted({a for a, _ in wanted}))
        if (r["article_id"], r["idx"]) in wanted
    ]
    rows.sort(key=lambda r: (r.get("date") is None, r.get("date") or "", r["event_id"]))
    return rows


def get_story(
    store: Store, story_id: str, *, settings: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any] | None:
    """One story: summary, articles (with copies), events, per-outlet events and figures,
    contradictions with both sides' evidence, and each outlet's framing profile. None if unknown."""
    refresh_stale_views(store)
    found = store.db.query("SELECT * FROM stories WHERE id = ?", (story_id,))
    if not found:
        return None
    story = _story_row(found[0])
    events = story_events(store, story_id)
    copies = copies_of(store)
    for e in events:
        e["copies"] = copies.get(e["article_id"], [])
    original_ids = sorted({e["article_id"] for e in events})
    copy_ids = [c["article_id"] for aid in original_ids for c in copies.get(aid, [])]
    articles = article_rows(store, [*original_ids, *copy_ids])
    by_outlet: dict[str, dict[str, Any]] = defaultdict(lambda: {"articles": [], "events": [], "figures": {}})
    for a in articles:
        by_outlet[a["outlet"] or "(unknown outlet)"]["articles"].append(a["id"])
    for e in events:
        entry = by_outlet[e.get("outlet") or "(unknown outlet)"]
        entry["events"].append(e["event_id"])
        figures = entry["figures"]
        if e.get("fatalities") is not None:
            figures["fatalities"] = figures.get("fatalities", 0) + e["fatalities"]
        for key, value in (e.get("quantities") or {}).items():
            figures[key] = figures.get(key, 0) + value
    cfg = load_settings(settings)["contradictions"]
    story["articles"] = articles
    story["events"] = events
    story["by_outlet"] = [{"outlet": k, **v} for k, v in sorted(by_outlet.items())]
    story["contradictions"] = find_contradictions(events, match_days=int(cfg["match_days"]))
    story["framing"] = compare_outlets(store, [a["id"] for a in articles])
    return story
