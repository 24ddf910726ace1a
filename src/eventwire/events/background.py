"""Trigger words that are no happening: states of affairs, descriptions, running tolls and
back-references to an event already reported."""

from __future__ import annotations

from typing import Any

from .syntax import clause_root
from .words import load_words

W = load_words()

TIME_NOUNS = W["time_nouns"]

LONG_SPANS = W["long_spans"]

ABSTRACT_AGENTS = W["abstract_agents"]

BACKREF_VERBS = W["backref_verbs"]

SALVO_NOUNS = W["salvo_nouns"]

PROTEST_PEOPLE = W["protest_people"]

TOLL_STATES = W["toll_states"]


def _is_toll_clause(trig: Any) -> bool:
    """ "..., leaving 11 dead": "leave" stating a toll, not a departure."""
    return trig.lemma_.lower() == "leave" and any(t.lemma_.lower() in TOLL_STATES for t in trig.subtree)


def _is_duration_background(trig: Any) -> bool:
    """ "after years of fighting", "a four-year battle": a state of affairs, not one event."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    head = trig.head
    if trig.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in TIME_NOUNS:
        return True
    return any(c.dep_ in ("amod", "compound", "nmod") and "-year" in c.lower_ for c in trig.children)


def _is_background(trig: Any, fam: str) -> bool:
    """State-of-affairs and descriptive mentions that are not one happening.

    - "for years", "over the past four years": a span of years or months around the trigger;
    - "terrorists fighting against the government", "areas seized by X": a participle describing
      a noun (the happening, if any, is reported in its own clause) -- but people protesting
      ("students protesting against X") are a protest;
    - "the conflict has killed thousands": a running toll with no agent;
    - "a hotbed of riots", "a launch pad for attacks": a bare plural event noun modifying a noun;
    - "the occupied region", "the recaptured villages": a territorial participle used as an
      adjective.
    """
    root = clause_root(trig)
    for head in {trig, root}:
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in ("for", "over", "during", "throughout"):
                continue
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in LONG_SPANS and obj.tag_ in ("NNS", "NNPS"):
                    return True
    if (
        fam != "agreement"  # "the deal, reached on 14 August" is how agreements are reported
        and trig.pos_ == "VERB"
        and trig.dep_ == "acl"
        and trig.head.dep_ != "ROOT"  # a verbless parse: the "participle" is the main verb
        # a participle with its own object is more often a misparsed main verb
        and not any(c.dep_ == "dobj" for c in trig.children)
        # "police fired at students protesting against X": people protesting is a protest
        and not (fam == "protest" and trig.head.lemma_.lower() in PROTEST_PEOPLE)
    ):
        return True
    if (
        fam in ("capture", "transfer", "siege")
        and trig.dep_ == "amod"
        and trig.tag_ in ("VBN", "JJ")
        and trig.head.pos_ in ("NOUN", "PROPN")
    ):
        return True  # "the occupied region", "the besieged town": a place described by its past
    if fam == "kill" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in ABSTRACT_AGENTS for c in trig.children
    ):
        return True
    if (
        trig.pos_ == "NOUN"
        and trig.tag_ == "NNS"
        and trig.dep_ == "pobj"
        and trig.head.lower_ in ("of", "for")
        and trig.head.head.pos_ == "NOUN"
        and trig.head.head.lemma_.lower() not in SALVO_NOUNS  # "a wave of missiles" is the strike
        and not any(c.dep_ in ("det", "nummod", "poss") for c in trig.children)
    ):
        return True
    return False


def _is_back_reference(trig: Any) -> bool:
    """ "claimed responsibility for the attack", "condemned the bombing": a definite event noun
    the article reported already."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its") for c in trig.children
    ):
        return False
    head = trig.head
    if head.dep_ == "prep":
        head = head.head
    return head.lemma_.lower() in BACKREF_VERBS


def _is_noun_modifier(trig: Any, tokens: tuple[int, ...]) -> bool:
    """ "the evacuation procedures", "a protest movement", "the reconciliation centre": an event
    noun modifying another noun that is not part of the trigger's own pattern names that noun's
    kind, not a happening. A pattern of several words ("suicide ... bomb") is read as a whole."""
    return (
        len(tokens) == 1
        and trig.pos_ == "NOUN"
        and trig.dep_ == "compound"
        and trig.head.pos_ == "NOUN"
        and trig.head.i not in tokens
        and trig.head.i > trig.i
    )
