"""Where a lexicon span ends: growing a matched word to the label phrase it belongs to.

A lexicon entry matches the loaded word; the judgment usually covers the noun phrase around it.
These rules, applied after the context rules of ``detect.py`` have kept a match, grow the span
over the words that carry the same judgment (examples written for these docs):

- adjectives in front of a labelled noun ("*ruthless* terrorists", "*bloody* terror attacks",
  "*stunning* series of victories"): the modifier is part of the label; quantifiers and
  ordinals ("several", "remaining", "first", from ``framing_words.tsv``) and nationalities are not;
- a labelled possessor and what it owns ("the terrorists' *depots*"), like the singular label
  before its noun ("terrorist depots", the ``extend_head`` rule);
- an alias in brackets inside a group name ("*Jund (JAS or JSA)* terrorists");
- ``extend_from``: the "from" phrase of a deliverance verb ("liberated *from the gangs*"):
  it names whom the place was freed from.
"""

from __future__ import annotations

from typing import Any

from ..wordsets import word_sets

_WORDS = word_sets("framing_words.tsv")
NOT_MODIFIERS = _WORDS["not_modifiers"]
POSSESSIVE = ("’", "'", "'s", "’s")
MAX_FROM_TOKENS = 4  # a "from" phrase longer than this is a clause, not a name


def left_modifiers(doc: Any, first: Any, last: Any) -> Any | None:
    """The first adjective of an unbroken run of adjectival modifiers of the span's head noun
    right before the span ("bloody" in "bloody terror attacks"), or None."""
    if last.pos_ not in ("NOUN", "PROPN"):
        return None
    head = last
    start = None
    i = first.i - 1
    while i >= first.sent.start:
        tok = doc[i]
        if tok.dep_ != "amod" or tok.pos_ not in ("ADJ", "VERB") or tok.head.i != head.i:
            break
        if tok.lower_ in NOT_MODIFIERS or tok.like_num or tok.ent_type_ in ("NORP", "GPE"):
            break  # counting, ordering or naming who ("Russian occupiers") is no judgment
        start = tok
        i -= 1
        # "Gulf-sponsored": the word before a hyphen is part of the same modifier
        while i - 1 >= first.sent.start and doc[i].text == "-" and doc[i].idx + 1 == start.idx:
            start = doc[i - 1]
            i -= 2
    return start


def possessed(doc: Any, last: Any) -> Any | None:
    """ "the terrorists' depots": the noun a labelled possessor owns, or None."""
    if last.dep_ != "poss" or last.i + 2 >= len(doc):
        return None
    mark = doc[last.i + 1]
    if mark.text not in POSSESSIVE or mark.head.i != last.i:
        return None
    owner = last.head
    if owner.i <= last.i + 1 or owner.i - last.i > 3 or owner.pos_ not in ("NOUN", "PROPN"):
        return None
    return owner


def from_phrase_end(doc: Any, last: Any) -> Any | None:
    """ "liberated from the gangs": the last token of the verb's "from" phrase, or None."""
    if last.i + 1 >= len(doc):
        return None
    prep = doc[last.i + 1]
    if prep.lower_ != "from" or prep.head.i != last.i:
        return None
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return None
    end = max(t.i for t in objects[0].subtree)
    if end - prep.i > MAX_FROM_TOKENS:
        return None
    return doc[end]


def bracketed_alias_start(doc: Any, first: Any) -> int | None:
    """ "Jund (JAS or JSA) terrorists": the token index of the name before a bracketed alias
    that ends right before the span, or None."""
    i = first.i - 1
    if i < 1 or doc[i].text != ")":
        return None
    j = i - 1
    while j > first.sent.start and doc[j].text != "(":
        if doc[j].pos_ not in ("PROPN", "CCONJ", "PUNCT") or doc[j].text in ("(", ")"):
            return None
        j -= 1
    if doc[j].text != "(" or j - 1 < first.sent.start or i - j > 6:
        return None
    name = j - 1
    if doc[name].pos_ != "PROPN":
        return None
    while name - 1 >= first.sent.start and doc[name - 1].pos_ == "PROPN":
        name -= 1
    return name
