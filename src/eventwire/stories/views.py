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


def story_members(store: Store, story_ids: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """story id -> its articles (``article_id``, ``role`` member/copy, ``copy_of``, ``outlet``,
    ``published``), in publication order (undated last)."""
    sql = (
        "SELECT m.story_id, m.article_id, m.role, m.copy_of, m.score, a.outlet, a.published "
        "FROM story_articles m JOIN articles a ON a.id = m.article_id"
    )
    params: list[Any] = []
    if story_ids is not None:
        if not story_ids:
            return {}
        sql += f" WHERE m.story_id IN ({', '.join('?' for _ in story_ids)})"
        params = list(story_ids)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in store.db.query(sql, params):
        out[r.pop("story_id")].append(r)
    for rows in out.values():
        rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["article_id"]))
    return dict(out)


def _event_ids(store: Store) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for r in store.db.query("SELECT story_id, article_id, idx FROM story_events ORDER BY article_id, idx"):
        out[r["story_id"]].append(f"{r['article_id']}#{r['idx']}")
    return out


def _with_members(
    rows: list[dict[str, Any]], members: dict[str, list[dict[str, Any]]], events: dict[str, list[str]]
) -> list[dict[str, Any]]:
    for r in rows:
        arts = members.get(r["id"], [])
        r["articles"] = [a["article_id"] for a in arts]
        r["dates"] = sorted({a["published"] for a in arts if a["published"]})
        r["copies"] = [
            {"article_id": a["article_id"], "copy_of": a["copy_of"]} for a in arts if a["role"] == "copy"
        ]
        r["events"] = events.get(r["id"], [])
    return rows


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

    Each row has the summary columns (``title``, ``place``, ``date_start``, ``outlets``,
    ``n_articles``, ...) and ``articles`` (ids, originals and copies), ``dates`` (publication
    dates), ``copies`` (``article_id`` and ``copy_of``), ``events`` (event ids) and
    ``contradictions`` (as in ``get_story``). ``place`` matches the story's place, province or
    country the way timelines do; ``outlet`` is a case-insensitive substring of one of its outlets.
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
    rows = rows[:limit] if limit is not None else rows
    _with_members(rows, story_members(store, [r["id"] for r in rows]), _event_ids(store))
    cfg = load_settings()["contradictions"]
    for r in rows:
        r["contradictions"] = (
            find_contradictions(story_events(store, r["id"]), match_days=int(cfg["match_days"]))
            if r["n_contradictions"]
            else []
        )
    return rows


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
    """One story: summary, articles (rows with ``copy_of`` and ``role``; ``article_ids`` lists
    their ids), ``dates``, ``copies``, events, per-outlet events and figures, contradictions
    with both sides' evidence, and each outlet's framing profile. None if unknown."""
    refresh_stale_views(store)
    found = store.db.query("SELECT * FROM stories WHERE id = ?", (story_id,))
    if not found:
        return None
    story = _story_row(found[0])
    events = story_events(store, story_id)
    copies = copies_of(store)
    for e in events:
        e["copies"] = copies.get(e["article_id"], [])
    members = story_members(store, [story_id]).get(story_id, [])
    _with_members([story], {story_id: members}, {story_id: [e["event_id"] for e in events]})
    role = {m["article_id"]: m["role"] for m in members}
    articles = article_rows(store, [m["article_id"] for m in members])
    for a in articles:
        a["role"] = role.get(a["id"], "member")
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
    story["article_ids"] = story["articles"]
    story["articles"] = articles
    story["events"] = events
    story["by_outlet"] = [{"outlet": k, **v} for k, v in sorted(by_outlet.items())]
    story["contradictions"] = find_contradictions(events, match_days=int(cfg["match_days"]))
    story["framing"] = compare_outlets(store, [a["id"] for a in articles])
    return story
