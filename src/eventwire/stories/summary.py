"""Story summaries: a neutral title, the shared place, date range, outlets and counts.

Built from a story's member articles and their (non-copy) events; a story without events
is titled by its earliest article.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .common import HAPPENED
from .contradictions import find_contradictions


def _top(values: list[str | None], n: int) -> list[str]:
    return [v for v, _ in Counter(v for v in values if v).most_common(n)]


def story_place(rows: list[dict[str, Any]]) -> tuple[str | None, str | None, str | None]:
    """(place label, country, admin1) shared by a story's events, from the most to the least precise."""
    locations = _top([r.get("location") for r in rows], 3)
    admins = {r.get("admin1") for r in rows if r.get("admin1")}
    countries = {r.get("country") for r in rows if r.get("country")}
    country = next(iter(countries)) if len(countries) == 1 else None
    admin1 = next(iter(admins)) if len(admins) == 1 else None
    if len(locations) == 1:
        return locations[0], country, admin1
    if admin1:
        return admin1, country, admin1
    if not locations:
        return (country, country, None)
    rest = len({r.get("location") for r in rows if r.get("location")}) - 1
    return f"{locations[0]} and {rest} other place{'s' if rest > 1 else ''}", country, admin1


def story_title(
    rows: list[dict[str, Any]], place: str | None, date_start: str | None, date_end: str | None
) -> str:
    """A neutral title built from the events: what (ACLED types), where, who, when."""
    kinds = _top([r.get("sub_event_type") or r.get("event_type") for r in rows], 2)
    what = " and ".join([kinds[0], *(k.lower() for k in kinds[1:])]) if kinds else "Events"
    title = what + (f" in {place}" if place else "")
    actor1 = _top([r.get("actor1") for r in rows], 1)
    actor2 = _top([r.get("actor2") for r in rows if r.get("actor2") not in actor1], 1)
    if actor1:
        title += f": {actor1[0]}" + (f" / {actor2[0]}" if actor2 else "")
    if date_start:
        title += f" ({date_start}" + (f" to {date_end}" if date_end and date_end != date_start else "") + ")"
    return title


def _date_bounds(rows: list[dict[str, Any]], articles: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    dated = [r["date"] for r in rows if r.get("date")]
    if not dated:
        dated = [a["published"] for a in articles if a.get("published")]
    return (min(dated), max(dated)) if dated else (None, None)


def _lead_title(articles: list[dict[str, Any]], words: int = 12) -> str:
    """The earliest member's title, else the first words of its text."""
    first = articles[0]
    if first.get("title"):
        return str(first["title"])
    lead = (first.get("text") or "").split()
    return " ".join(lead[:words]) + (" ..." if len(lead) > words else "") or first["id"]


def summarize(
    rows: list[dict[str, Any]], articles: list[dict[str, Any]], contradiction_cfg: dict[str, Any]
) -> dict[str, Any]:
    """Summary columns of one story from its event rows (originals only) and member articles
    (originals and copies, in publication order; ``text`` is used only for an event-less title)."""
    happened = [r for r in rows if (r.get("modality") or "asserted") in HAPPENED] or rows
    place, country, admin1 = story_place(happened)
    date_start, date_end = _date_bounds(happened, articles)
    outlet_list = sorted(
        {o for o in [*(r.get("outlet") for r in rows), *(a.get("outlet") for a in articles)] if o}
    )
    title = story_title(happened, place, date_start, date_end) if happened else _lead_title(articles)
    return {
        "title": title,
        "place": place,
        "country": country,
        "admin1": admin1,
        "date_start": date_start,
        "date_end": date_end,
        "event_types": _top([r.get("event_type") for r in happened], 6),
        "actors": _top([a for r in happened for a in (r.get("actor1"), r.get("actor2"))], 8),
        "outlets": outlet_list,
        "n_events": len(happened),
        "n_articles": len(articles),
        "n_outlets": len(outlet_list),
        "n_contradictions": len(find_contradictions(rows, match_days=int(contradiction_cfg["match_days"]))),
    }
