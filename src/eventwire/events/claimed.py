"""Attacks claimed later in the report: "A car bomb exploded at the market ... Al-Shabaab
claimed responsibility." ACLED codes a claimed attack to the group that claimed it; the rules
read a sentence at a time and give the bomb "Unidentified Armed Group (<Country>)".

``claimant`` finds the one armed group the article has claiming responsibility ("X claimed
responsibility (for the attack)", "X claimed the attack/bombing") or blamed for it ("X was
blamed", "officials blamed X", "X fighters were suspected", "attributed to X"), and
``credit_claimant`` gives it the article's happened events that had no perpetrator named. A
claim under negation ("no group has claimed") or naming two different groups settles nothing.
"""

from __future__ import annotations

from typing import Any

from ..actors.dictionary import NON_STATE_ARMED
from ..models import Event
from .words import load_words

W = load_words()

CLAIM_VERBS = frozenset({"claim", "admit"})
BLAME_VERBS = frozenset({"blame", "suspect", "attribute"})
CLAIM_OBJECTS = W["claimed_objects"]
UNIDENTIFIED = "Unidentified Armed Group"
# generic armed actors ("gunmen", "militants") that a named claimant stands for
GENERIC = (UNIDENTIFIED, "Opposition Rebels")


def _affirmed_verbs(sent: Any, lemmas: frozenset[str]) -> Any:
    """The verbs of ``lemmas`` in a sentence that are not negated."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lemmas:
            if not any(c.dep_ == "neg" for c in tok.children):
                yield tok


def _claims_in(sent: Any) -> list[Any]:
    """Subject tokens of "claimed responsibility"-type clauses in one sentence."""
    out = []
    for tok in _affirmed_verbs(sent, CLAIM_VERBS):
        if any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_OBJECTS for c in tok.children):
            out.extend(c for c in tok.children if c.dep_ == "nsubj")
    return out + _blamed_in(sent)


def _blamed_in(sent: Any) -> list[Any]:
    """Tokens naming who is blamed: "X was blamed / suspected", "blamed X", "blamed on / attributed to X"."""
    out = []
    for tok in _affirmed_verbs(sent, BLAME_VERBS):
        for c in tok.children:
            if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and tok.lemma_.lower() != "attribute"):
                out.append(c)
            elif c.dep_ in ("prep", "agent") and c.lower_ in ("on", "to"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def claimant(sents: list[Any], actors: Any) -> str | None:
    """The one non-state armed group the article has claiming an attack (``actors``: the article's
    OffsetIndex of actors), or None."""
    names = set()
    for sent in sents:
        for subj in _claims_in(sent):
            s, e = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
            for a in actors.starting_between(s, e):
                if a.actor_type in NON_STATE_ARMED and not a.name.startswith(GENERIC):
                    names.add(a.name)
    return names.pop() if len(names) == 1 else None


def credit_claimant(events: list[Event], name: str | None) -> None:
    """Happened events coded to an unidentified armed group or generic rebels go to the claimant."""
    if not name:
        return
    for e in events:
        if e.happened and (e.actor1 or "").startswith(GENERIC):
            e.actor1 = name
