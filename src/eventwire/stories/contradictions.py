"""Contradictions: outlets that report one happening differently.

Inside a story, events from different articles that are at the same place, of
compatible types and a few days apart at most are taken as reports of one happening.
Each such group is checked for differing figures (fatalities and the quantities an
event records: people, weapons, ...), differing actors, and differing outcomes (a
capture against a clash, an assertion against a denial). A contradiction needs at least
two outlets and two values; every side carries its outlet and evidence span, so the
reader can check both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .common import event_interval, gap_days, same_place

# Sub-event types that state how a fight ended, or that it happened at all; two of them
# disagreeing about one happening is a contradiction of outcome.
_OUTCOMES = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
        "Armed clash",
    }
)


def _close_in_time(a: dict[str, Any], b: dict[str, Any], match_days: int) -> bool:
    ia, _ = event_interval(a)
    ib, _ = event_interval(b)
    if ia is None or ib is None:
        # Undated reports of one place in one story: the story already tied them in time.
        return True
    return gap_days(ia, ib) <= match_days


def _same_happening(a: dict[str, Any], b: dict[str, Any], match_days: int) -> bool:
    """Same place, same ACLED type and sub-type, close dates, two different articles."""
    return (
        a["article_id"] != b["article_id"]
        and a.get("event_type") == b.get("event_type")
        and a.get("sub_event_type") == b.get("sub_event_type")
        and same_place(a, b)
        and _close_in_time(a, b, match_days)
    )


def _same_fight(a: dict[str, Any], b: dict[str, Any], match_days: int) -> bool:
    """Two reports of how one fight at one place ended (the sub-types may differ)."""
    return (
        a["article_id"] != b["article_id"]
        and a.get("sub_event_type") in _OUTCOMES
        and b.get("sub_event_type") in _OUTCOMES
        and same_place(a, b)
        and _close_in_time(a, b, match_days)
    )


def _groups(
    rows: list[dict[str, Any]], linked: Callable[[dict, dict, int], bool], match_days: int
) -> list[list[dict[str, Any]]]:
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if linked(rows[i], rows[j], match_days):
                parent[find(i)] = find(j)
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(find(i), []).append(row)
    return [g for g in groups.values() if len({r["article_id"] for r in g}) > 1]


def happenings(rows: list[dict[str, Any]], match_days: int = 2) -> list[list[dict[str, Any]]]:
    """Groups of events (from two or more articles) that report one happening."""
    return _groups(rows, _same_happening, match_days)


def _side(row: dict[str, Any], value: Any) -> dict[str, Any]:
    return {
        "value": value,
        "outlet": row.get("outlet"),
        "article_id": row["article_id"],
        "event_id": row.get("event_id"),
        "published": row.get("published"),
        "reported_by": row.get("reported_by"),
        "evidence": row.get("evidence"),
        "start": row.get("start_char"),
        "end": row.get("end_char"),
    }


def _field_values(group: list[dict[str, Any]]) -> Iterable[tuple[str, str, list[tuple[Any, dict]]]]:
    """(kind, field, [(value, row)]) for every comparable field of one happening."""
    yield "figure", "fatalities", [(r["fatalities"], r) for r in group if r.get("fatalities") is not None]
    keys = sorted({k for r in group for k in (r.get("quantities") or {})})
    for key in keys:
        yield "figure", key, [(r["quantities"][key], r) for r in group if key in (r.get("quantities") or {})]
    for field in ("actor1", "actor2"):
        yield "actor", field, [(r[field], r) for r in group if r.get(field)]
    yield (
        "outcome",
        "modality",
        [("denied" if r.get("modality") == "negated" else "reported", r) for r in group],
    )


def _outlet(row: dict[str, Any]) -> str:
    return row.get("outlet") or row["article_id"]


def _disagree(values: list[tuple[Any, dict[str, Any]]]) -> bool:
    """True when two outlets report disjoint values (an outlet that gives both agrees with each)."""
    per_outlet: dict[str, set[Any]] = {}
    for value, row in values:
        per_outlet.setdefault(_outlet(row), set()).add(value)
    sets = list(per_outlet.values())
    return any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1 :])


def _contradiction(kind: str, field: str, values: list[tuple[Any, dict[str, Any]]]) -> dict[str, Any]:
    first = min((r for _, r in values), key=lambda r: (r.get("date") or "9999", r["event_id"]))
    ordered = sorted(values, key=lambda vr: (vr[1].get("published") or "", vr[1]["event_id"]))
    return {
        "kind": kind,
        "field": field,
        "values": sorted({v for v, _ in values}, key=str),
        "location": first.get("location"),
        "date": first.get("date"),
        "event_type": first.get("event_type"),
        "sub_event_type": first.get("sub_event_type"),
        "sides": [_side(r, v) for v, r in ordered],
    }


def find_contradictions(rows: list[dict[str, Any]], *, match_days: int = 2) -> list[dict[str, Any]]:
    """Contradictions among event rows (normally one story's events, copies excluded)."""
    out: list[dict[str, Any]] = []
    for group in happenings(rows, match_days):
        for kind, field, values in _field_values(group):
            if _disagree(values):
                out.append(_contradiction(kind, field, values))
    for group in _groups(rows, _same_fight, match_days):
        values = [(r["sub_event_type"], r) for r in group]
        if _disagree(values):
            out.append(_contradiction("outcome", "sub_event_type", values))
    return out
