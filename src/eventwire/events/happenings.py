"""One event per happening: within a sentence and place, and across repeats in an article;
and ACLED's date for an event the report does not date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..models import Event
from ..time import WEEK

# Events whose damage to property is part of the event, not a looting of its own.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Riots", "Violence against civilians"})


def report_dated(event: Event, published: str | None) -> None:
    """An undated event that happened takes the report's date, precision "week" (ACLED's
    time_precision 2); planned and denied events stay undated."""
    if event.date is None and event.happened and published and len(published) >= 10:
        event.date, event.date_precision = published[:10], WEEK


def merge_repeats(events: list[Event]) -> list[Event]:
    """One event per happening: later mentions of the same type, place and date are merged.

    Reports restate the lead ("X was retaken ... the army retook X on Saturday"); the first
    mention is kept and takes a date, fatalities or quantities the repeats add.
    """
    kept: list[Event] = []
    # kept events by what a twin must share, so each event is compared with its own kind only
    by_kind: dict[tuple, list[Event]] = {}
    for e in events:
        same_kind = by_kind.setdefault((e.event_type, e.sub_event_type, e.location, e.happened), [])
        twin = next(
            (k for k in same_kind if k.date is None or e.date is None or k.date == e.date),
            None,
        )
        if twin is None:
            kept.append(e)
            same_kind.append(e)
            continue
        if twin.date is None and e.date is not None:
            twin.date, twin.date_precision = e.date, e.date_precision
        if twin.fatalities is None:
            twin.fatalities = e.fatalities
        for key, value in e.quantities.items():
            twin.quantities.setdefault(key, value)
        twin.reported_by = twin.reported_by or e.reported_by
    return kept


def _close_dates(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    da, db = _day(a), _day(b)
    if da is None or db is None:
        return a[: min(len(a), len(b))] == b[: min(len(a), len(b))]
    return abs((da - db).days) <= 7


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def merge_summaries(events: list[Event], lead_end: int) -> list[Event]:
    """One event per happening across levels: a report's lead (the text before ``lead_end``, its
    first sentence) often sums up at the level of a province what its body then tells place by
    place ("artillery pounded positions in X province" ... "shelled A, B and C"). A lead event at
    a province is dropped when the body has an event of the same type and sub-type, within a week,
    at a finer place of that province: ACLED codes the finer places only."""
    drop: set[int] = set()
    for e in events:
        # the lead's event is at the first-level unit itself ("Kassala" in Kassala state)
        if not e.admin1 or e.location != e.admin1 or not e.happened or e.start >= lead_end:
            continue
        for f in events:
            if (
                f is not e
                and f.happened
                and id(f) not in drop
                and f.event_type == e.event_type
                and f.sub_event_type == e.sub_event_type
                and f.location != e.location
                and f.admin1 == e.admin1
                and f.start >= lead_end
                and _close_dates(e.date, f.date)
            ):
                drop.add(id(e))
                break
    return [e for e in events if id(e) not in drop]


def _depth(tok: Any) -> int:
    return sum(1 for _ in tok.ancestors)


def _one_per_happening(events: list[Event], triggers: dict[int, Any]) -> list[Event]:
    """One event per happening and place within a sentence.

    - a capture subsumes the fighting at the same place ("stormed and took X");
    - a strike subsumes the clash it is part of ("killed in an air strike amid clashes");
    - an attack, strike or riot subsumes the property it destroys ("a mob ... set cars alight"),
      a protest the arrests made at it ("arrested students protesting"), a riot the protest it
      grew from ("protesters clashed with police");
    - two trigger patterns on one word are one event, read by the longer pattern;
    - of several strategic developments at one place, the one stated by the main verb is kept
      ("reconciled ..., with militants laying down their arms" is the reconciliation).
    """
    by_place: dict[str | None, list[Event]] = {}
    for e in events:
        by_place.setdefault(e.location, []).append(e)
    drop: set[int] = set()
    for group in by_place.values():
        if len(group) < 2:
            continue
        # two patterns on one word ("helicopter attack" / "attack"): the longer pattern is the reading
        for e in group:
            for o in group:
                if (
                    o is not e
                    and triggers[id(o)].i == triggers[id(e)].i
                    and len(o.trigger or "") > len(e.trigger or "")
                ):
                    drop.add(id(e))
        subs = {e.sub_event_type for e in group if id(e) not in drop}
        types = {e.event_type for e in group if id(e) not in drop}
        territorial = subs & {"Government regains territory", "Non-state actor overtakes territory"}
        for e in group:
            if e.sub_event_type == "Armed clash" and (territorial or "Explosions/Remote violence" in types):
                drop.add(id(e))
            if e.event_type == "Violence against civilians" and "Explosions/Remote violence" in types:
                drop.add(id(e))  # the strike's victims belong to the strike
            if e.sub_event_type == "Looting/property destruction" and types & VIOLENT_TYPES:
                drop.add(id(e))  # "shelled the cars ..., burning several": the damage of the attack
            if e.sub_event_type == "Disrupted weapons use" and "Explosions/Remote violence" in types:
                drop.add(id(e))  # "an airstrike destroyed a depot": the strike
            if e.sub_event_type == "Arrests" and "Protests" in types:
                drop.add(id(e))  # "arrested students protesting": the protest's intervention
            if e.event_type == "Protests" and "Riots" in types:
                drop.add(id(e))  # "protesters clashed with police": the protest turned riot
        strategic = [e for e in group if e.event_type == "Strategic developments" and id(e) not in drop]
        if len(strategic) > 1:
            top = min(_depth(triggers[id(e)]) for e in strategic)
            for e in strategic:
                if _depth(triggers[id(e)]) > top:
                    drop.add(id(e))
    return [e for e in events if id(e) not in drop]
