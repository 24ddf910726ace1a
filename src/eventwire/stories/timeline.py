"""Place timelines: every event at a place and inside it, in date order, with its sources.

``timeline(store, "Dara'a")`` lists events located in Daraa (any spelling), in the
province's towns and in names that extend it ("Daraa al-Balad"); see ``places.PlaceQuery``.
Events of syndicated copies are not listed twice: an original event carries the copies
that repeat it under ``copies``, and its ``outlets`` name every site that carried it.

``control_changes`` derives who took or settled the place from when, per which outlets,
from the ACLED sub-event types that change or settle control (``data/event_groups.json``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..store import Store
from ..store.freshness import refresh_stale_views
from ..store.queries import event_rows, story_of_events
from .common import HAPPENED, control_effect, date_interval, loc_key
from .places import PlaceQuery

# The fields every timeline entry carries (scripts rely on the first six).
TIMELINE_FIELDS = (
    "date", "event_type", "sub_event_type", "location", "outlet", "article_id",
    "date_precision", "admin1", "country", "lat", "lon", "geonameid", "actor1", "actor2", "assoc_actor_1",
    "fatalities", "quantities", "modality", "reported_by", "notes", "evidence", "published", "title", "url",
)  # fmt: skip


def _sort_key(entry: dict[str, Any]) -> tuple:
    # Ordered by the date as shown ("2018" < "2018-06" < "2018-06-30"), so a year-only
    # background mention sorts before the days of that year; undated events go last.
    date = entry.get("date")
    return (date is None, date or "", entry.get("published") or "", entry["event_id"])


def _copy_key(row: dict[str, Any]) -> tuple:
    return (row.get("event_type"), loc_key(row))


def timeline(
    store: Store,
    place: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    include_copies: bool = False,
    include_unconfirmed: bool = False,
) -> list[dict[str, Any]]:
    """Events at or inside ``place``, in date order, undated last.

    Each entry has ``date``, ``event_type``, ``sub_event_type``, ``location``, ``outlet``,
    ``article_id`` (and the rest of ``TIMELINE_FIELDS``), plus ``event_id``, ``start``/``end``
    (the evidence span in the article text), ``match`` ("at" / "inside"), ``copies``,
    ``outlets``, ``story_id`` and ``control`` (see ``control_changes``).
    ``include_unconfirmed`` adds planned and denied events.
    """
    refresh_stale_views(store)
    query = PlaceQuery.parse(place)
    stories = story_of_events(store)
    rows = list(event_rows(store))
    copy_rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r.get("copy_of"):
            copy_rows[r["copy_of"]].append(r)
    out: list[dict[str, Any]] = []
    for r in rows:
        if r.get("copy_of") and not include_copies:
            continue
        if not include_unconfirmed and (r.get("modality") or "asserted") not in HAPPENED:
            continue
        how = query.match(r)
        if how is None:
            continue
        interval = date_interval(r.get("date"), r.get("date_precision"))
        if date_from and (interval is None or interval[1].isoformat() < date_from):
            continue
        if date_to and (interval is None or interval[0].isoformat() > date_to):
            continue
        entry = {k: r.get(k) for k in TIMELINE_FIELDS}
        entry["event_id"] = r["event_id"]
        entry["start"] = r.get("start_char")
        entry["end"] = r.get("end_char")
        entry["match"] = how
        entry["copy_of"] = r.get("copy_of")
        entry["copies"] = [
            {"article_id": c["article_id"], "outlet": c.get("outlet"), "event_id": c["event_id"]}
            for c in copy_rows.get(r["article_id"], [])
            if _copy_key(c) == _copy_key(r)
        ]
        entry["outlets"] = sorted(
            {o for o in [r.get("outlet"), *(c["outlet"] for c in entry["copies"])] if o}
        )
        entry["story_id"] = stories.get(r["event_id"])
        entry["control"] = control_effect(r)
        out.append(entry)
    out.sort(key=_sort_key)
    return out


def control_changes(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who took, settled or disarmed which place when, merged across outlets.

    Takes ``timeline`` entries. Reports of one change (same date, place, kind and actor)
    from several outlets become one change listing every outlet and evidence span.
    """
    merged: dict[tuple, dict[str, Any]] = {}
    for e in events:
        effect = e.get("control")
        if effect is None:
            continue
        key = (e.get("date"), loc_key(e), effect, e.get("sub_event_type"), e.get("actor1"))
        change = merged.get(key)
        if change is None:
            change = merged[key] = {
                "date": e.get("date"),
                "date_precision": e.get("date_precision"),
                "location": e.get("location"),
                "effect": effect,
                "sub_event_type": e.get("sub_event_type"),
                "actor": e.get("actor1"),
                "counterpart": e.get("actor2"),
                "quantities": dict(e.get("quantities") or {}),
                "outlets": [],
                "sources": [],
                "_sort": _sort_key(e),
            }
        for outlet in e.get("outlets") or [e.get("outlet")]:
            if outlet and outlet not in change["outlets"]:
                change["outlets"].append(outlet)
        change["sources"].append(
            {"outlet": e.get("outlet"), "article_id": e["article_id"], "event_id": e["event_id"],
             "reported_by": e.get("reported_by"), "evidence": e.get("evidence"), "start": e.get("start"),
             "end": e.get("end")}
        )  # fmt: skip
    changes = sorted(merged.values(), key=lambda c: c["_sort"])
    for c in changes:
        del c["_sort"]
        c["outlets"].sort()
    return changes


def holders(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per location, the last actor reported to take it (``effect == "gains"``), since when, per whom."""
    latest: dict[str, dict[str, Any]] = {}
    for c in changes:
        if c["effect"] != "gains" or not c.get("actor") or not c.get("date"):
            continue
        latest[loc_key(c) or (c.get("location") or "")] = c
    return [
        {
            "location": c["location"],
            "holder": c["actor"],
            "since": c["date"],
            "since_precision": c["date_precision"],
            "outlets": c["outlets"],
        }
        for c in sorted(latest.values(), key=lambda c: c["date"])
    ]


def place_timeline(store: Store, place: str, **options: Any) -> dict[str, Any]:
    """Everything a place page shows: ``events``, ``control`` changes and current ``holders``."""
    events = timeline(store, place, **options)
    changes = control_changes(events)
    return {"place": place, "events": events, "control": changes, "holders": holders(changes)}
