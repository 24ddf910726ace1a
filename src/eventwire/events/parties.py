"""Who is a party to an event and who only speaks of it: sources of a report, people killed,
what a strike hit."""

from __future__ import annotations

from typing import Any

from .syntax import in_subtree
from .words import load_words

W = load_words()


def is_source(tok: Any, trig: Any) -> bool:
    """Whether ``tok`` is (inside) the subject of a reporting verb or "according to X"."""
    for t in [tok, *tok.ancestors]:
        if t.i == trig.i:
            return False
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in W["report_lemmas"]:
            if t.head.i == trig.i:
                return False
            # "X said it had taken Y", "X told Reuters their fighters ...": the speaker is the
            # agent its own pronoun refers to
            if in_subtree(trig, t.head) and any(
                w.lower_ in W["source_pronouns"] and w.dep_ in ("nsubj", "poss")
                for w in trig.sent
                if w.i > t.head.i or w.i < t.i
            ):
                return False
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return True
    return False


def is_victim(tok: Any) -> bool:
    """Whether ``tok`` is the object of a killing or wounding verb ("killing three soldiers")."""
    for t in [tok, *list(tok.ancestors)[:2]]:
        if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in W["harm_verbs"]:
            return True
    return False


def hits(trig: Any, verb: Any, nouns: frozenset[str] | set[str]) -> bool:
    """Whether the strike's target ("on a military ceremony", "struck an army post") is one of ``nouns``."""
    targets = []
    for h in {trig, verb}:
        for c in h.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                targets.append(c)
            elif c.dep_ == "prep" and c.lower_ in W["strike_target_preps"]:
                targets.extend(g for g in c.children if g.dep_ == "pobj")
    return any(t.lemma_.lower() in nouns for tg in targets for t in tg.subtree)


def civilian_victims(sent: Any, trig: Any, verb: Any) -> bool:
    """Killed or wounded civilians by the word ("killing four civilians", "mostly women and
    children"), or people killed where a civilian place was hit ("struck a market, killing 30 people")."""
    victims = False
    for t in sent:
        if t.lemma_.lower() in W["harm_verbs"] and t.pos_ == "VERB":
            for c in t.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    words = {w.lemma_.lower() for w in c.subtree}
                    if words & W["victim_nouns"]:
                        return True
                    if words & W["people_nouns"]:
                        victims = True
    places = W["civilian_places"]
    return victims and (hits(trig, verb, places) or any(t.lemma_.lower() in places for t in sent))


def crowd_agent(verb: Any) -> bool:
    """ "crowds looted shops", "a mob ransacked ...": the verb's subject is an unorganised crowd."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in W["crowd_nouns"] for c in verb.children)


def killed_civilians(trig: Any) -> bool:
    """ "killed 12 farmers", "two herders were killed": who was killed is civilian by the word."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in W["victim_nouns"] for c in trig.children
    )


def disappeared(sent: Any) -> bool:
    """ "detained a teacher; his whereabouts remain unknown": the sentence or the clause after it
    says the person detained has disappeared (ACLED's forced disappearance)."""
    after = sent.doc[sent.start : min(len(sent.doc), sent.end + 20)]
    return any(t.lemma_.lower() in W["disappearance_cues"] for t in after)
