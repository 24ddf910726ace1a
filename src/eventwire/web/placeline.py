"""The place page's timeline as a chart: events along a date axis, control as coloured bands.

``chart(events, control)`` takes the ``events`` and ``control`` of
``eventwire.stories.place_timeline`` and returns the geometry the template draws as SVG
(``templates/_placeline.html``): a date axis with ticks, one band lane per location whose
control changed (each "gains" change starts a band in its holder's colour that lasts until
the next change there; settlements and weapons handovers are marks on the lane), and the
events as dots stacked where they would touch, a partial date ("2018-06") drawn as the
period it can mean. Undated events are counted, not drawn; the page's text list keeps them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..stories.common import date_interval
from .highlight import slug

WIDTH = 900  # viewBox units; the SVG scales to its box
LEFT, RIGHT = 10, 10
AXIS_H = 22
LANE_H, LANE_GAP, LANE_LABEL = 16, 4, 14
DOT_R, ROW_H, MAX_ROWS = 5, 12, 16
MAX_LANES = 12
HOLDER_COLOURS = 8  # CSS classes holder-0 .. holder-7


def _interval(item: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    return date_interval(item.get("date"), item.get("date_precision"))


def _domain(spans: list[tuple[dt.date, dt.date]]) -> tuple[dt.date, dt.date]:
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    pad = max(1, (last - first).days // 40)  # dots at the ends stay inside the frame
    return first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)


def _ticks(first: dt.date, last: dt.date, x: Any) -> list[dict[str, Any]]:
    """Year, month or day ticks, at most about ten, labelled in ISO form."""
    days = (last - first).days
    out: list[dt.date] = []
    if days > 3 * 365:
        step = max(1, (last.year - first.year) // 9)
        out = [dt.date(y, 1, 1) for y in range(first.year + 1, last.year + 1, step)]
        fmt = "%Y"
    elif days > 90:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = max(1, -(-months // 9))
        m = first.year * 12 + first.month  # the month after ``first``'s
        while m <= last.year * 12 + last.month - 1:
            out.append(dt.date(m // 12, m % 12 + 1, 1))
            m += step
        fmt = "%Y-%m"
    else:
        step = max(1, -(-days // 8))
        out = [first + dt.timedelta(days=d) for d in range(step, days, step)]
        fmt = "%Y-%m-%d"
    # the ends are labelled with their full dates: ticks too close to them are left out
    keep = [d for d in out if x(first) + 100 < x(d) < x(last) - 100]
    return [{"x": round(x(d), 1), "label": d.strftime(fmt)} for d in keep]


def _lanes(
    control: list[dict[str, Any]], x: Any, end: dt.date, place: str | None
) -> tuple[list[dict], dict[str, int], int]:
    """One lane per location with a dated control change, bands from each gain to the next.

    At most ``MAX_LANES``: ``place`` itself, then the locations with the most changes; drawn in
    that order, the rest in order of their first change. The lanes left out are counted."""
    by_place: dict[str, list[tuple[tuple[dt.date, dt.date], dict[str, Any]]]] = {}
    for c in control:
        span = _interval(c)
        if span is not None:
            by_place.setdefault(c.get("location") or "(unnamed place)", []).append((span, c))
    colour: dict[str, int] = {}
    lanes = []
    own = (place or "").casefold()
    busiest = sorted(by_place, key=lambda k: (k.casefold() != own, -len(by_place[k]), k))[:MAX_LANES]
    order = sorted(busiest, key=lambda k: (k.casefold() != own, min(s[0] for s, _ in by_place[k]), k))
    for name in order:
        changes = by_place[name]
        changes.sort(key=lambda sc: sc[0][0])
        gains = [(s, c) for s, c in changes if c.get("effect") == "gains" and c.get("actor")]
        bands = []
        for i, (span, c) in enumerate(gains):
            until = gains[i + 1][0][0] if i + 1 < len(gains) else end
            holder = c["actor"]
            colour.setdefault(holder, len(colour) % HOLDER_COLOURS)
            x0, x1 = x(span[0]), x(until)
            bands.append({
                "x": round(x0, 1), "width": round(max(2.0, x1 - x0), 1), "holder": holder,
                "colour": colour[holder], "open": i + 1 == len(gains),
                "title": f"{holder} in control of {name} from {c.get('date')}"
                + (f" until {gains[i + 1][1].get('date')}" if i + 1 < len(gains) else " (last reported)")
                + f": {c.get('sub_event_type')}, per {', '.join(c.get('outlets') or []) or 'unknown outlet'}",
            })  # fmt: skip
        marks = [
            {
                "x": round(x(s[0] + (s[1] - s[0]) / 2), 1),
                "effect": c.get("effect"),
                "title": f"{c.get('date')}: {c.get('sub_event_type')}"
                + (f" ({c['actor']})" if c.get("actor") else "")
                + f" in {name}, per {', '.join(c.get('outlets') or []) or 'unknown outlet'}",
            }
            for s, c in changes
            if c.get("effect") != "gains" or not c.get("actor")
        ]
        lanes.append({"place": name, "bands": bands, "marks": marks})
    return lanes, colour, len(by_place) - len(lanes)


def _dots(
    events: list[tuple[tuple[dt.date, dt.date], dict[str, Any]]], x: Any, note: Any
) -> list[dict[str, Any]]:
    """Event dots in date order, each on the lowest row where it touches no earlier dot
    (past ``MAX_ROWS`` rows the last row takes the rest)."""
    rows_end: list[float] = []
    dots = []
    for span, e in sorted(events, key=lambda se: (se[0][0], se[1].get("event_id") or "")):
        x0, x1 = x(span[0]), x(span[1])
        cx = (x0 + x1) / 2
        left = min(x0, cx - DOT_R)
        row = next((i for i, end in enumerate(rows_end) if end + 1.5 <= left), None)
        if row is None and len(rows_end) < MAX_ROWS:
            rows_end.append(0.0)
            row = len(rows_end) - 1
        elif row is None:
            row = MAX_ROWS - 1
        rows_end[row] = max(rows_end[row], x1, cx + DOT_R)
        unconfirmed = (e.get("modality") or "asserted") not in ("asserted", "reported", "hedged")
        dots.append({
            "cx": round(cx, 1), "row": row, "x0": round(x0, 1), "x1": round(x1, 1),
            "period": (span[1] - span[0]).days >= 1, "type": slug(e.get("event_type") or "unknown"),
            "type_name": e.get("event_type") or "unknown",
            "control": bool(e.get("control")), "unconfirmed": unconfirmed, "article_id": e.get("article_id"),
            "title": f"{e.get('date')}: {note(e)} — {e.get('outlet') or 'unknown outlet'}",
        })  # fmt: skip
    return dots


def chart(
    events: list[dict[str, Any]], control: list[dict[str, Any]], note: Any = None, place: str | None = None
) -> dict[str, Any] | None:
    """The chart's geometry in viewBox units, or None when nothing has a date.

    ``note(event)`` gives an event's one-line description for its tooltip (default: its type);
    ``place`` is the page's place, whose control lane comes first.
    """
    note = note or (lambda e: e.get("sub_event_type") or e.get("event_type") or "event")
    dated = [(s, e) for e in events if (s := _interval(e)) is not None]
    spans = [s for s, _ in dated] + [s for c in control if (s := _interval(c)) is not None]
    if not spans:
        return None
    first, last = _domain(spans)
    scale = (WIDTH - LEFT - RIGHT) / max(1, (last - first).days)

    def x(d: dt.date) -> float:
        return LEFT + (d - first).days * scale

    lanes, colour, lanes_left_out = _lanes(control, x, last, place)
    y = 4 + (LANE_LABEL if lanes else 0)  # "Who was in control" heads the lanes
    lanes_label_y = y - 3
    for lane in lanes:
        lane["y"], lane["label_y"] = y, y + LANE_H - 4  # the name is written inside its lane
        y += LANE_H + LANE_GAP
    dots = _dots(dated, x, note)
    rows = max((d["row"] for d in dots), default=-1) + 1
    events_top = y + LANE_LABEL
    for d in dots:
        d["cy"] = events_top + DOT_R + 1 + d["row"] * ROW_H
    axis_y = events_top + max(1, rows) * ROW_H + 6
    types = sorted({(d["type"], d["type_name"]) for d in dots})
    return {
        "width": WIDTH,
        "height": axis_y + AXIS_H,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "axis_y": axis_y,
        "events_label_y": events_top - 3,
        "lanes_label_y": lanes_label_y,
        "first": first.isoformat(),
        "last": last.isoformat(),
        "ticks": _ticks(first, last, x),
        "lanes": lanes,
        "dots": dots,
        "holders": [{"holder": h, "colour": c} for h, c in colour.items()],
        "types": [{"slug": s, "name": n} for s, n in types],
        "undated": len(events) - len(dated),
        "lanes_left_out": lanes_left_out,
        "dot_r": DOT_R,
        "lane_h": LANE_H,
    }
