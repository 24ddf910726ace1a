"""Neutral rendering: a wire-style digest of an article — its events as neutral notes, then
its claims with their sources, loaded words replaced by neutral ones."""

from __future__ import annotations

from ..framing.neutral import neutralize
from ..models import Analysis, Article, Attribution, Event
from . import claim_at, source_label


def event_note(event: Event) -> str:
    """The events stage's neutral note when set, else one built from the event's fields."""
    if event.notes:
        return event.notes
    kind = event.sub_event_type or event.event_type
    actors = " and ".join(a for a in (event.actor1, event.actor2) if a)
    parts = [kind]
    if actors:
        parts.append(f"involving {actors}")
    if event.location:
        parts.append(f"in {event.location}")
    if event.date:
        parts.append(f"on {event.date}" if event.date_precision == "day" else f"({event.date})")
    if event.fatalities:
        parts.append(f"with {event.fatalities} reported fatalities")
    return " ".join(parts) + "."


def claim_line(att: Attribution, analysis: Analysis) -> str:
    who = source_label(att)
    if att.anonymous:
        who += " [unnamed source]"
    text = neutralize(att.claim, analysis.framing, offset=att.start)
    return f"{who}: {text}"


def neutral_digest(analysis: Analysis, article: Article) -> str:
    """Plain-text digest: events (with who reports them) and claims (with speaker, organisation,
    relaying outlet and anonymity). Words in the outlet's voice that carry judgment are replaced by
    their neutral wording; quoted speakers' words stay verbatim."""
    lines: list[str] = []
    title = article.title or article.id
    lines.append(f"{title}" + (f" ({article.outlet}, {article.published})" if article.outlet else ""))
    lines.append("")
    lines.append("Events:")
    if not analysis.events:
        lines.append("  (none found)")
    for event in analysis.events:
        source = event.reported_by
        if source is None:
            att = claim_at(analysis.attributions, event.start, event.end)
            source = source_label(att) if att is not None else None
        note = event_note(event)
        lines.append(f"  - {note}" + (f" (reported by {source})" if source else " (outlet's own account)"))
    lines.append("")
    lines.append("Claims:")
    if not analysis.attributions:
        lines.append("  (none found)")
    for att in analysis.attributions:
        lines.append(f"  - {claim_line(att, analysis)}")
    outlet_spans = [s for s in analysis.framing if s.voice == "outlet"]
    if outlet_spans:
        lines.append("")
        lines.append("Outlet wording replaced:")
        for span in outlet_spans:
            neutral = span.neutral if span.neutral else "(omitted)"
            lines.append(f"  - {span.text!r} -> {neutral!r} [{span.technique}]")
    return "\n".join(lines) + "\n"
