"""Turn an article and its analysis into highlighted text segments and side-panel notes.

Spans overlap (a place inside an actor's name inside an event's evidence sentence), so the
text is cut at every span boundary; each piece carries the set of records covering it.
The template renders pieces as escaped text, so nothing in an article can become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..models import Actor, Analysis, Article, Attribution, Event, FramingSpan, Place

# Short spans get a tooltip of their own; long ones (event evidence, claims) are
# underlined and explained in the side panel instead.
SHORT_KINDS = ("place", "actor", "framing")
LONG_KINDS = ("event", "claim")


@dataclass
class Segment:
    text: str
    refs: dict[str, list[int]] = field(default_factory=dict)  # kind -> record indexes
    tip: str = ""

    @property
    def classes(self) -> str:
        return " ".join(f"hl-{k}" for k in self.refs)

    def data(self, kind: str) -> str:
        return " ".join(str(i) for i in self.refs.get(kind, []))


def slug(value: str | None) -> str:
    """CSS class suffix for an event type: "Explosions/Remote violence" -> "explosions-remote-violence"."""
    return re.sub(r"[^a-z0-9]+", "-", (value or "unknown").lower()).strip("-") or "unknown"


def place_tip(p: Place) -> str:
    if p.lat is None or p.lon is None:
        return f"{p.mention} → not resolved" + (f" ({p.name})" if p.name else "")
    where = ", ".join(x for x in (p.name, p.admin1, p.country) if x)
    parts = [f"{p.mention} → {where}", f"{p.lat:.4f}, {p.lon:.4f}"]
    if p.kind:
        parts.append(p.kind)
    if p.precision:
        parts.append(f"precision: {p.precision}")
    if p.geonameid:
        parts.append(f"GeoNames {p.geonameid}")
    return " · ".join(parts)


def actor_tip(a: Actor) -> str:
    tip = f"{a.mention} → {a.name}"
    if a.actor_type:
        tip += f" ({a.actor_type})"
    if a.label:
        tip += f" · label: {a.label}"
    return tip


def framing_tip(f: FramingSpan) -> str:
    tip = f"{f.technique.replace('_', ' ')}: “{f.text}”"
    if f.neutral:
        tip += f" · neutral: {f.neutral}"
    tip += " · outlet's words" if f.voice == "outlet" else " · a quoted speaker's words"
    return tip


def event_note(e: Event) -> str:
    """A neutral, wire-style line: the stage's own note when it wrote one, else one built from fields."""
    if e.notes:
        return e.notes
    kind = e.event_type + (f" ({e.sub_event_type})" if e.sub_event_type else "")
    parts = [kind]
    if e.location:
        parts.append(f"in {e.location}")
    if e.date:
        parts.append(f"on {e.date}")
    note = " ".join(parts)
    actors = " vs. ".join(a for a in (e.actor1, e.actor2) if a)
    if actors:
        note += f": {actors}"
    if e.fatalities is not None:
        note += f"; {e.fatalities} reported killed"
    if e.modality not in ("asserted", "reported"):
        note += f" [{e.modality}]"
    if e.reported_by:
        note += f". Source: {e.reported_by}"
    return note + "."


def claim_line(c: Attribution) -> dict[str, str]:
    speaker = c.speaker or c.organization or ("anonymous source" if c.anonymous else "unnamed source")
    if c.speaker and c.organization:
        speaker = f"{c.speaker} ({c.organization})"
    return {"speaker": speaker, "claim": c.claim, "via": c.via or ""}


def segments(article: Article, analysis: Analysis | None) -> list[Segment]:
    """The article text cut at every span boundary, each piece tagged with the records covering it."""
    text = article.text
    if analysis is None:
        return [Segment(text)]
    spans: list[tuple[int, int, str, int, str]] = []
    records: list[tuple[str, list[Any], Any]] = [
        ("place", analysis.places, place_tip),
        ("actor", analysis.actors, actor_tip),
        ("framing", analysis.framing, framing_tip),
        ("event", analysis.events, event_note),
        ("claim", analysis.attributions, lambda c: "claim: " + claim_line(c)["speaker"]),
    ]
    for kind, items, tip_of in records:
        for i, rec in enumerate(items):
            start, end = max(0, rec.start), min(len(text), rec.end)
            if start < end:
                spans.append((start, end, kind, i, tip_of(rec)))
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in spans if s[0] <= a and s[1] >= b]
        seg = Segment(text[a:b])
        for _s, _e, kind, i, _tip in active:
            seg.refs.setdefault(kind, []).append(i)
        short = [s[4] for s in active if s[2] in SHORT_KINDS]
        seg.tip = "\n".join(dict.fromkeys(short or [s[4] for s in active]))
        out.append(seg)
    return out


def side_panel(analysis: Analysis | None) -> dict[str, Any]:
    if analysis is None:
        return {"events": [], "claims": [], "framing": [], "places": []}
    return {
        "events": [
            {
                "index": i,
                "note": event_note(e),
                "type": e.event_type,
                "slug": slug(e.event_type),
                "happened": e.happened,
                "evidence": e.evidence,
            }
            for i, e in enumerate(analysis.events)
        ],
        "claims": [
            {"index": i, **claim_line(c), "anonymous": c.anonymous}
            for i, c in enumerate(analysis.attributions)
        ],
        "framing": [
            {"index": i, "tip": framing_tip(f), "technique": f.technique}
            for i, f in enumerate(analysis.framing)
        ],
        "places": [
            {"index": i, "tip": place_tip(p), "name": p.name, "resolved": p.lat is not None}
            for i, p in enumerate(analysis.places)
        ],
    }
