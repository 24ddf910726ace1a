"""Modality of an event mention: asserted, reported, hedged, negated or planned.

Read from the dependency parse around the trigger, with cue words from
``data/modality_cues.tsv``: a negation or a "fail to"/"refuse to" governor negates; a
modal auxiliary ("would"), a planning governor ("pledged to", "demanded that") or a
condition ("if") makes it planned/hypothetical; "reportedly"/"allegedly" hedge it; a
reporting verb governing it ("X said that ...") makes it reported. The strongest wins:
negated > planned > hedged > reported > asserted.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..actors.dictionary import read_tsv

ASSERTED, REPORTED, HEDGED, NEGATED, PLANNED = "asserted", "reported", "hedged", "negated", "planned"
ORDER = [NEGATED, PLANNED, HEDGED, REPORTED, ASSERTED]

# Dependencies that link a clause to the clause governing it; climbing them finds the
# verbs whose meaning scopes over the event ("pledged [to resume]", "said [that ...]").
CLAUSE_LINKS = {
    "xcomp",
    "ccomp",
    "advcl",
    "relcl",
    "acl",
    "pcomp",
    "conj",
    "dobj",
    "nsubj",
    "nsubjpass",
    "pobj",
    "prep",
    "csubj",
    "attr",
    "oprd",
    "appos",
    "npadvmod",
}
# Clausal complements: a reporting or planning verb scopes over these, not over its subject.
COMPLEMENTS = {"xcomp", "ccomp", "advcl", "dobj", "pobj", "prep", "pcomp", "oprd", "acl"}
MAX_CLIMB = 6


@dataclass(frozen=True)
class Cues:
    hedge: frozenset[str]
    modal: frozenset[str]
    planned: frozenset[str]
    negating: frozenset[str]
    report: frozenset[str]


@functools.lru_cache(maxsize=2)
def load_cues(path: str | None = None) -> Cues:
    source = Path(path) if path else Path(str(resources.files("eventwire") / "data" / "modality_cues.tsv"))
    kinds: dict[str, set[str]] = {k: set() for k in ("hedge", "modal", "planned", "negating", "report")}
    for row in read_tsv(source):
        kinds.setdefault(row["kind"], set()).add(row["cue"].casefold())
    return Cues(**{k: frozenset(v) for k, v in kinds.items() if k in Cues.__annotations__})


def _has_negation(tok: Any) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children)


def _has_modal(tok: Any, cues: Cues) -> bool:
    return any(c.dep_ == "aux" and c.lemma_.casefold() in cues.modal for c in tok.children)


def _is_be_to(tok: Any) -> bool:
    """ "were to depart": a form of "be" with an infinitive complement states an obligation."""
    return tok.lemma_ == "be" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children
    )


def classify(trigger: Any, cues: Cues, sent: Any) -> tuple[str, Any | None]:
    """(modality, reporting verb token or None) for the trigger token of an event."""
    found: set[str] = set()
    reporter = None
    tok = trigger
    came_from = None
    for depth in range(MAX_CLIMB + 1):
        lemma = tok.lemma_.casefold()
        if depth == 0 or tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            if _has_negation(tok):
                found.add(NEGATED)
            if _has_modal(tok, cues) and not _is_perfect_hedge(tok):
                found.add(PLANNED)
            elif _has_modal(tok, cues):
                found.add(HEDGED)
        if depth > 0 and came_from is not None and came_from.dep_ in COMPLEMENTS:
            if lemma in cues.negating:
                found.add(NEGATED)
            elif lemma in cues.planned and not (lemma == "agree" and came_from.dep_ != "xcomp"):
                found.add(PLANNED)
            elif lemma in cues.report and reporter is None:
                reporter = tok
            if _is_be_to(tok) and came_from.dep_ == "xcomp":
                found.add(PLANNED)
        if lemma in ("due",) and depth > 0:
            found.add(PLANNED)
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            found.add(PLANNED)
        if tok.head is tok or tok.dep_ not in CLAUSE_LINKS:
            break
        came_from, tok = tok, tok.head
    for t in sent:
        if t.lemma_.casefold() in cues.hedge and t.pos_ in ("ADV", "ADJ"):
            found.add(HEDGED)
    if reporter is not None:
        found.add(REPORTED)
    for m in ORDER:
        if m in found:
            return m, reporter
    return ASSERTED, reporter


def _is_perfect_hedge(tok: Any) -> bool:
    """ "may have killed": modal + perfect is an uncertain past, not a plan."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children) and any(
        c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in tok.children
    )
