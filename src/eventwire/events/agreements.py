"""The parties of an agreement named by their countries: "a ceasefire between Armenia and
Azerbaijan took effect", "Ethiopia and the TPLF signed a peace deal". A country's name is no
actor mention (the actors stage finds "Armenian forces", not "Armenia"), so the role reader
alone would code the default actors of the place where the deal was announced.

A truce or ceasefire binds the forces that fight (``Military Forces of X``); a deal, treaty or
accord is signed by governments (``Government of X``), as ACLED codes them."""

from __future__ import annotations

from typing import Any

from ..actors.dictionary import ActorDictionary
from ..models import Actor
from .words import load_words

W = load_words()


def _party_tokens(trig: Any, verb: Any) -> list[Any]:
    """Heads of the parties: the "between X and Y" phrase, else the subject and its conjuncts."""
    out: list[Any] = []
    for head in (trig, verb):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                for g in c.children:
                    if g.dep_ == "pobj":
                        out += [g, *g.conjuncts]
    if not out:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].pos_ == "PRON" and verb.dep_ == "ccomp":
            # "X and Y announced that they had agreed": the parties are the main clause's subject
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        for c in subjects:
            out += [c, *c.conjuncts]
            # "the foreign ministers of X and Y signed": the parties are X and Y
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    out += [g for o in p.children if o.dep_ == "pobj" for g in (o, *o.conjuncts)]
    return sorted(out, key=lambda t: t.i)


def _name(tok: Any) -> str:
    """The whole proper name a token heads ("South Sudan", not "Sudan")."""
    start = min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound" and c.i < tok.i)])
    return tok.doc[start : tok.i + 1].text


def agreement_parties(
    m: Any,
    trig: Any,
    verb: Any,
    actor_roots: list[tuple[Actor, Any]],
    d: ActorDictionary,
    published: str | None,
) -> tuple[str, str | None] | None:
    """(actor1, actor2) in the order the text names the parties of trigger match ``m``, when at
    least one party is a country named by its name; None otherwise (the role reader decides)."""
    truce = any(trig.doc[i].lemma_.lower() in W["truce_nouns"] for i in m.tokens)
    role = "state" if truce else "government"
    names: list[str] = []
    by_name = False
    for tok in _party_tokens(trig, verb):
        actor = next((a for a, span in actor_roots if span.start <= tok.i < span.end), None)
        if actor is not None:
            name = actor.name
        elif tok.pos_ == "PROPN" and (code := d.country_of_adjective(_name(tok))):
            name, by_name = d.role_actor(role, code, published)[0], True
        else:
            continue
        if name not in names:
            names.append(name)
    if not by_name or not names:
        return None
    return names[0], (names[1] if len(names) > 1 else None)
