"""Claims: every attributed statement in an article — speaker, organisation, relaying outlet
(``via``), anonymity, cue and the claim span. See docs/claims-and-framing.md."""

from __future__ import annotations

from ..models import Attribution

__all__ = ["claim_at", "source_label"]


def source_label(att: Attribution) -> str:
    """A short "who says so" label for an event's ``reported_by`` ("military source (via Reuters)")."""
    who = att.speaker or att.organization or "unnamed source"
    if att.organization and att.speaker and att.organization != att.speaker and not att.anonymous:
        who = f"{who} ({att.organization})"
    if att.via and att.via != who:
        who = f"{who} (via {att.via})"
    return who


def claim_at(attributions: list[Attribution], start: int, end: int) -> Attribution | None:
    """The claim whose span overlaps ``[start, end)`` most; events inside it get its source."""
    best, best_overlap = None, 0
    for att in attributions:
        overlap = min(end, att.end) - max(start, att.start)
        if overlap > best_overlap:
            best, best_overlap = att, overlap
    return best
