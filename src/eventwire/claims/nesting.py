"""Claims inside claims: one claim per span and speaker, the chain from an inner claim to the
outer one it is reported in ("X said that Y claimed Z"), and which inner claims stand alone."""

from __future__ import annotations

from ..models import Attribution


def distinct(atts: list[Attribution]) -> list[Attribution]:
    """One claim per span and speaker: two cues of one statement ("said ..., adding")
    or a headline read by two rules give it once, the first reading."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for a in atts:
        key = (a.start, a.end, (a.speaker or "").lower())
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def reported_statements_only(atts: list[Attribution]) -> list[Attribution]:
    """Inside another claim, only someone else's statement is a claim of its own ("X said that Y
    denied Z"). A belief or finding read inside a claim ("X said Y wants Z", "X said she plans
    ...") and the speaker's own second cue are part of the outer claim: on PolNeAR lines 4k+1
    fewer than one in six of them is an attribution of its own."""
    keep = []
    for a in atts:
        outer = atts[a.parent] if a.parent is not None else None
        if outer is not None and (a.kind != "speech" or _same_speaker(a, outer)):
            continue
        keep.append(a)
    return keep  # their ``parent`` indexes point into ``atts``: call `link_nested` again


def _same_speaker(a: Attribution, b: Attribution) -> bool:
    return bool(_speaker_words(a) & _speaker_words(b))


def _speaker_words(a: Attribution) -> set[str]:
    return {w for w in (a.speaker or "").lower().replace("’s", " ").split() if len(w) > 2}


def link_nested(atts: list[Attribution]) -> None:
    """ "X said that Y claimed Z": Y's claim lies inside X's; ``parent`` keeps the chain."""
    for i, inner in enumerate(atts):
        best = None
        for j, outer in enumerate(atts):
            if i == j or not (outer.start <= inner.start and inner.end <= outer.end):
                continue
            if (outer.start, outer.end) == (inner.start, inner.end):
                continue
            if best is None or outer.end - outer.start < atts[best].end - atts[best].start:
                best = j
        inner.parent = best
