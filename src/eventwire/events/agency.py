"""Agent and target in the parse: how an actor's phrase attaches to the event's verb or
trigger (subject, "by" phrase, object, "on"/"against" phrases), frames that invert the subject
("Y came under fire from X", "Y repelled an attack by X"), conjoined actors. The role reader
(``roles.py``) turns these into ACLED's actor1 / actor2 / assoc_actor_1."""

from __future__ import annotations

from typing import Any

from ..models import Actor
from .syntax import in_subtree
from .words import load_words

W = load_words()
AGENT_RELS = ("nsubj", "agent", "poss", "compound", "amod")
PATIENT_RELS = (
    "dobj",
    "prep_from",
    "prep_against",
    "prep_with",
    "prep_on",
    "prep_at",
    "nsubjpass",
    "prep_of",
)


def relation(r: Any, verb: Any, trig: Any) -> str | None:
    """How an actor's head token ``r`` attaches to the event's verb or trigger (nsubj, agent, prep_on...)."""
    target_prep = None
    for t in [r, *list(r.ancestors)[:4]]:
        if t.dep_ == "pobj" and t.head.lower_ in W["target_preps"] and t.head.head != verb:
            target_prep = t.head.lower_  # "a drone attack on a military academy"
        if t.head.i in (verb.i, trig.i):
            if t.dep_ == "pobj" or t.dep_ in ("prep", "agent"):
                prep = t.head if t.dep_ == "pobj" else t
                return "agent" if prep.dep_ == "agent" or prep.lower_ == "by" else f"prep_{prep.lower_}"
            return f"prep_{target_prep}" if target_prep and t.dep_ in ("nsubj", "nsubjpass") else t.dep_
        if t.dep_ == "pobj" and t.head.head in (verb, trig):
            return "agent" if t.head.dep_ == "agent" or t.head.lower_ == "by" else f"prep_{t.head.lower_}"
        if t.dep_ == "poss" and t.head.i == trig.i:
            return "nsubj"
    return None


def _attack_noun(verb: Any, trig: Any) -> Any:
    """The attack noun of a frame whose subject is the target, or None: "Y came under fire from X"
    (fire), "Y repelled an assault by X" (assault), "Y repelled a Russian attack", "Y's vehicle
    struck a mine"."""
    defence = W["defence_verbs"]
    if trig.pos_ == "NOUN" and trig.dep_ == "dobj" and trig.head.lemma_.lower() in defence:
        return trig
    if trig.pos_ == "NOUN" and trig.lemma_.lower() in W["mine_nouns"]:
        # "a police vehicle struck a landmine", "soldiers stepped on a mine": the subject is hit
        verb_of = trig.head.head if trig.dep_ == "pobj" else trig.head
        if trig.dep_ in ("dobj", "pobj") and verb_of.lemma_.lower() in W["mine_contact_verbs"]:
            return trig
    if trig.pos_ == "VERB" and trig.lemma_.lower() in defence:
        for c in trig.children:
            if c.dep_ == "dobj" and c.lemma_.lower() in W["under_attack_nouns"]:
                return c
    if trig.dep_ == "pobj" and trig.head.lower_ == "under" and trig.lemma_.lower() in W["under_attack_nouns"]:
        return trig
    for head in {verb, trig.head, trig}:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "under":
                for g in c.children:
                    if g.dep_ == "pobj" and g.lemma_.lower() in W["under_attack_nouns"]:
                        return g
    return None


def roles_by_syntax(actor_roots: list[tuple[Actor, Any]], verb: Any, trig: Any) -> tuple[Any, Any, Any]:
    """(agent, target, the attack noun of an inverted frame) among the sentence's actors."""
    agent = patient = None
    noun = _attack_noun(verb, trig)
    early_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)
    for a, span in actor_roots:
        rel = relation(span.root, verb, trig)
        if rel == "nsubj" and early_subject and span.root.i > verb.i:
            rel = "dobj"  # "X arrested Protesters (Y)" misparsed as a second subject after the verb
        elif rel and rel.startswith("prep_") and not early_subject and _dated_subject(span, verb):
            rel = "nsubj"  # "On 2 May, X shelled Y" misparsed as "On 2 May X": X is the subject
        if noun is not None:
            # the attacker is in the "from"/"by" phrase or on the attack noun; the subject is hit
            if rel in ("prep_from", "agent", "poss", "compound", "amod") or (
                rel is None and in_subtree(span.root, noun) and span.root.i != noun.i
            ):
                rel = "agent"
            elif rel in ("nsubj", "nsubjpass"):
                rel = "dobj"
        if rel in AGENT_RELS and agent is None:
            agent = a
        elif rel in PATIENT_RELS and patient is None:
            patient = a
    if agent is None and noun is None and verb.pos_ == "VERB" and verb.dep_ in ("amod", "compound", "nmod"):
        # a verb parsed as a modifier ("X attacked Civilians (Y)" read as one noun phrase): the
        # actor written before the verb acts, the one after it is acted on
        before = [a for a, span in actor_roots if span.end <= verb.i and a is not patient]
        after = [a for a, span in actor_roots if span.start > verb.i and a is not patient]
        if before:
            agent = before[-1]
            if patient is None and after:
                patient = after[0]
    return agent, patient, noun


def enters(tok: Any) -> bool:
    """ "X entered / took over / moved into the town": the subject of a verb of gaining a place."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in W["entry_verbs"]


def _dated_subject(span: Any, verb: Any) -> bool:
    """Whether an actor before ``verb`` hangs on a sentence-opening date phrase ("On 2 May 2023, X ...")."""
    if span.root.i >= verb.i:
        return False
    for t in span.root.ancestors:
        if t.dep_ == "prep" and t.i == t.sent.start:
            return any(w.ent_type_ == "DATE" for w in t.subtree)
        if t.i == verb.i:
            break
    return False


def subjectless(trig: Any) -> bool:
    """A verb with no subject of its own hanging on another verb ("..., killing a soldier")."""
    return (
        trig.pos_ == "VERB"
        and trig.dep_ in ("advcl", "xcomp", "conj")
        and trig.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children)
    )


def _phrase_head(tok: Any) -> Any:
    """The noun a modifier belongs to ("Wagner" in "Wagner fighters")."""
    for _ in range(4):
        if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def conjoined(a_span: Any, b_span: Any) -> bool:
    """ "X and Y attacked": Y's head is a conjunct of X's."""
    x, y = _phrase_head(a_span.root), _phrase_head(b_span.root)
    return (y.dep_ == "conj" and y.head.i == x.i) or (x.dep_ == "conj" and x.head.i == y.i)
