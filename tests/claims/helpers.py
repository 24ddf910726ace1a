"""Small helpers shared by the claims tests."""

from __future__ import annotations

from eventwire.models import Attribution


def by_cue(analysis, cue: str) -> list[Attribution]:
    """The claims of one cue word, in text order."""
    return [x for x in analysis.attributions if x.cue == cue]
