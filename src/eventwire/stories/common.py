"""Comparing two stored events: when they happened, where, what kind, by whom.

Shared by story clustering, contradictions and timelines. Event rows are the dicts
``eventwire.store.queries.event_rows`` yields.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from typing import Any

from ..geo.normalize import name_key
from .places import haversine_km
from .settings import event_groups

Interval = tuple[dt.date, dt.date]

# Modalities of events that took place; planned or denied events are not part of a story.
HAPPENED = frozenset({"asserted", "reported", "hedged"})


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def date_interval(date: str | None, precision: str | None = None) -> Interval | None:
    """The days a (possibly partial) date can mean: "2018" is the whole year, a week-precision
    day is the seven days ending on it (wire copy says "in recent days" looking back)."""
    if not date:
        return None
    parts = date.split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    if precision == "week":
        return day - dt.timedelta(days=6), day
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


def event_interval(row: dict[str, Any]) -> tuple[Interval | None, bool]:
    """(interval, is_proxy): the event's own date, else the week before its article's publication."""
    own = date_interval(row.get("date"), row.get("date_precision"))
    if own is not None:
        return own, False
    published = parse_date(row.get("published"))
    if published is not None:
        return (published - dt.timedelta(days=7), published), True
    return None, False


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def span_days(a: Interval) -> int:
    return (a[1] - a[0]).days


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[str]]:
    """type key ("Battles" or "Battles/Armed clash") -> names of the groups it belongs to."""
    out: dict[str, set[str]] = {}
    for group, keys in event_groups()["compatible_groups"].items():
        for key in keys:
            out.setdefault(key, set()).add(group)
    return {k: frozenset(v) for k, v in out.items()}


def type_groups(row: dict[str, Any]) -> frozenset[str]:
    groups = _groups()
    etype = row.get("event_type") or ""
    sub = row.get("sub_event_type") or ""
    return groups.get(etype, frozenset()) | groups.get(f"{etype}/{sub}", frozenset())


def types_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("event_type") == b.get("event_type") and a.get("sub_event_type") == b.get("sub_event_type"):
        return True
    return bool(type_groups(a) & type_groups(b))


def control_effect(row: dict[str, Any]) -> str | None:
    """'gains', 'settlement', 'weapons' or None (see data/event_groups.json)."""
    key = f"{row.get('event_type')}/{row.get('sub_event_type')}"
    return event_groups()["control"].get(key)


def loc_key(row: dict[str, Any]) -> str:
    return name_key(row.get("location") or "")


def admin_key(row: dict[str, Any]) -> str:
    return name_key(row.get("admin1") or "")


def same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("geonameid") is not None and a.get("geonameid") == b.get("geonameid"):
        return True
    ka, kb = loc_key(a), loc_key(b)
    return bool(ka) and ka == kb


def place_affinity(a: dict[str, Any], b: dict[str, Any], near_km: float) -> float:
    """1 for the same place, 0.8 for nearby places, 0.6 for places in one province, else 0."""
    if same_place(a, b):
        return 1.0
    if None not in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        if haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) <= near_km:
            return 0.8
    la, lb, pa, pb = loc_key(a), loc_key(b), admin_key(a), admin_key(b)
    if pa and pa == pb:
        return 0.6
    # One event is coded at the province the other lies in ("Kunar Province" / a town in Kunar).
    if (la and la == pb) or (lb and lb == pa):
        return 0.6
    return 0.0


def actors(row: dict[str, Any]) -> set[str]:
    return {a for a in (row.get("actor1"), row.get("actor2"), row.get("assoc_actor_1")) if a}


def actor_adjustment(a: dict[str, Any], b: dict[str, Any]) -> float:
    """+0.2 when the events share an actor, -0.3 when both name actors and none is shared."""
    sa, sb = actors(a), actors(b)
    if sa & sb:
        return 0.2
    if sa and sb:
        return -0.3
    return 0.0
