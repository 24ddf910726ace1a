"""Word classes, patterns and small helpers the claim rules share.

The word classes live in ``eventwire/data/claims_words.tsv`` (one word a line, with its set);
they are loaded once here as frozensets (``eventwire.wordsets``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Attribution
from ..wordsets import word_sets

_SETS = word_sets("claims_words.tsv")
PRONOUNS = _SETS["pronouns"]
ANAPHOR_HEADS = _SETS["anaphor_heads"]
BODY_LABELS = _SETS["body_labels"]
DECLARED_ACTS = _SETS["declared_acts"]
BODY_ANAPHORS = _SETS["body_anaphors"]
STATEMENT_NOUNS = _SETS["statement_nouns"]
NON_SPEAKERS = _SETS["non_speakers"]
NON_STANCE_HEADS = _SETS["non_stance_heads"]
PERSON_HEADS = _SETS["person_heads"]
FIGURE_NOUNS = _SETS["figure_nouns"]
PORTFOLIO_ROLES = _SETS["portfolio_roles"]
OCCASION_NOUNS = _SETS["occasion_nouns"]
LINE_LABELS = _SETS["line_labels"]
SURVEY_NOUNS = _SETS["survey_nouns"]
HELD_VIEWS = _SETS["held_views"]
VIEW_NOUNS = _SETS["view_nouns"]
GROUP_HEADS = _SETS["group_heads"]
INSTITUTION_HEADS = _SETS["institution_heads"]
CONTROL_VERBS = _SETS["control_verbs"]
STANCE_VERBS = _SETS["stance_verbs"]
STANCE_ADJECTIVES = _SETS["stance_adjectives"]
STANCE_ROLES = _SETS["stance_roles"]

# ", XNA informs." at the end of a sentence (used when the parser misreads the cue).
TAIL_RE = re.compile(r",\s+((?:[A-Z][\w'’.\-]*\s+){0,4}[A-Z][\w'’.\-]*)\s+([a-z]+)\s*[.!]?\s*$")

# Acronym definitions: "Coastal Monitoring Network (CMN)".
ACRONYM_RE = re.compile(
    r"((?:[A-Z][\w'’.\-]*|of|for|the|and|on|in|al|el|de|du|des|la)"
    r"(?:\s+(?:[A-Z][\w'’.\-]*|of|for|the|and|on|in|al|el|de|du|des|la))*)\s+\(([A-Z][A-Za-z]{1,9})\)"
)

# A headline that gives a claim to a name: "Greta Holm: The Harbour Plan Will Cost Jobs".
HEADLINE_RE = re.compile(r"([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}): (\S.{10,200})")
# What may separate an attribution from the quotation it introduces: "said:", "said,\n\n", "chanted “".
COLON_LEAD_RE = re.compile(r"[ \t]*[:,]?[ \t]*(?:\n[ \t]*){0,2}")

# How far back (in sentences) a pronoun may point to an earlier speaker.
ANAPHOR_WINDOW = 2


@dataclass
class _Claim:
    att: Attribution
    cue_i: int  # token index of the cue
    sent_i: int
    speaker_tokens: tuple[int, int] | None  # token span of the speaker as written
    role: str = ""  # role words written with the speaker ("president", "spokesman")
    person: bool = False  # the speaker is a person (he/she can point back to it)


def acronym_map(text: str) -> dict[str, str]:
    """Acronym -> full name from "Full Name (ACR)" definitions in the text."""
    return {acr: full for acr, (full, _pos) in acronym_defs(text).items()}


def acronym_defs(text: str) -> dict[str, tuple[str, int]]:
    """Acronym -> (full name, offset of the definition)."""
    found: dict[str, tuple[str, int]] = {}
    for m in ACRONYM_RE.finditer(text):
        full, acr = m.group(1), m.group(2)
        words = full.split()
        # Keep only the trailing words that can spell the acronym, dropping sentence openers.
        initials = [w for w in words if w[:1].isupper()]
        if len(initials) >= 2:
            while words and (not words[0][:1].isupper() or words[0] in ("The", "A")):
                words = words[1:]
            while len([w for w in words if w[:1].isupper()]) > len(acr) + 1 and words:
                words = words[1:]
            if words and acr not in found:  # the first definition is the one later mentions rely on
                found[acr] = (" ".join(words), m.start(2))
    return found


def _trim(tokens: Sequence[Any]) -> list[Any]:
    """Drop determiners, punctuation and doubt markers at the edges of a noun phrase."""
    toks = list(tokens)
    edge_drop = {"the", "a", "an", "so", "-", "called", "so-called", "“", "”", '"', ",", "'", "’"}
    while toks and (toks[0].lower_ in edge_drop or toks[0].is_punct or toks[0].dep_ == "det"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in {"’s", "'s", "`s"}):
        toks = toks[:-1]
    return toks


def _span_text(doc: Any, toks: Sequence[Any]) -> str:
    if not toks:
        return ""
    # a slice of the doc, not of ``doc.text``: spaCy rebuilds the whole text on every access
    return doc[toks[0].i : toks[-1].i + 1].text


def _char_span(toks: Sequence[Any]) -> tuple[int, int]:
    """Characters from the first token to the last, in text order (whatever order the list has)."""
    first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _that(clause: Any) -> bool:
    """Whether a clause opens with the complementiser "that" (a mark on its verb)."""
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)


def _has_name(tok: Any) -> bool:
    return any(c.pos_ == "PROPN" or c.ent_type_ for c in tok.children if c.dep_ != "det")


def _strip_punct(toks: list[Any]) -> list[Any]:
    junk = {",", ";", ":", "-", "—", "–"}
    while toks and (toks[0].text in junk or toks[0].is_space or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and (
        toks[-1].text in junk or toks[-1].text == "." or toks[-1].is_space or toks[-1].dep_ == "cc"
    ):
        toks = toks[:-1]
    return toks


def _strip_paren(text: str) -> str:
    """ "Coastal Monitoring Network (CMN)" -> "Coastal Monitoring Network"."""
    return re.sub(r"\s*\([^)]*\)?\s*$", "", text).strip()
