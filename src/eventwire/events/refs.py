"""A sentence's candidate event locations and the level each one is stated at.

``sentence_refs`` turns the places the geo stage found in a sentence into ``_PlaceRef``s (the
place, its syntactic head, its level), leaving out places inside a named actor, datelines and
places inside a date expression, and adds the unlocated names of a list that holds a located
place (``lists.list_companions``). The level is the gazetteer's, unless the text states it: the
word after a name ("Sagaing Region", "Myaung Township") or the phrase before it ("the
sub-district of X", "the province of X").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..models import Actor, Place
from ..nlp.matching import text_of
from .lists import list_companions
from .locations import _coordinated, _is_dateline, _PlaceRef, place_level
from .words import load_words

_ADMIN_SUFFIX = re.compile(
    r"\s+(?P<word>Province|Governorate|Region|State|Oblast|Prefecture|District|Township|County|"
    r"Municipality|province|governorate|region|state|oblast|district|township|county|countryside|"
    r"provinces|governorates|regions|states|districts|townships|counties)\b"
)
# a "place" that is only such a word ("Region" cut off "Sagaing Region") names no place
_ADMIN_WORDS = frozenset(
    "province governorate region state oblast prefecture district sub-district subdistrict township "
    "county municipality countryside".split()
)

_ADMIN_PREFIX = re.compile(
    r"\bthe\s+(?P<word>province|governorate|region|state|oblast|prefecture|district|sub-?district|"
    r"township|county|municipality|countryside)\s+of\s+$",
    re.I,
)

_SUFFIX_LEVEL = {
    "district": 1, "township": 1, "county": 1, "municipality": 1, "countryside": 1, "subdistrict": 1,
    "sub-district": 1,
}  # fmt: skip


def suffix_level(text: str, place: Place) -> int | None:
    """ "Sagaing Region", "Myaung Township": the word after a name states its level, whatever
    the gazetteer matched the bare name to (Sagaing is also a city)."""
    m = _ADMIN_SUFFIX.match(text, place.end)
    if m is None:
        return None
    word = m["word"].lower()
    singular = {"counties": "county"}.get(word, word[:-1] if word.endswith("s") else word)
    return _SUFFIX_LEVEL.get(singular, 2)


def prefix_level(text: str, place: Place) -> int | None:
    """ "the sub-district of X", "the province of X": the phrase before a name states its level."""
    m = _ADMIN_PREFIX.search(text, max(0, place.start - 40), place.start)
    if m is None:
        return None
    return _SUFFIX_LEVEL.get(m["word"].lower(), 2)


def stated_level(text: str, place: Place) -> int | None:
    stated = suffix_level(text, place)
    return stated if stated is not None else prefix_level(text, place)


def sentence_refs(
    doc: Any, sent: Any, places: list[Place], actors: list[Actor], date_spans: list[tuple[int, int]],
    country_names: Iterable[str],
) -> list[_PlaceRef]:  # fmt: skip
    """The candidate locations of one sentence (``places``, ``actors``: those starting in it)."""
    text = text_of(doc)  # built once per Doc (spaCy rebuilds doc.text on every access)
    names = set(country_names)

    def level_of(p: Place) -> int:
        level = place_level(p, names)
        stated = stated_level(text, p)
        if stated is not None and place_level(p, ()) < 3:
            level = stated
        return level

    kept: list[Place] = []
    for p in places:
        # A place inside a named actor ("Ahrar al-Sham") is no location; inside a generic label
        # ("residents of Bunia", "Kidal rebels") it says where those people are.
        if any(p.start < a.end and a.start < p.end and not a.label for a in actors):
            continue
        if _is_dateline(text, p) or p.mention.lower() in _ADMIN_WORDS:
            continue
        if any(p.start < e and s < p.end for s, e in date_spans):
            continue
        kept.append(p)
    levelled = [(p, level_of(p)) for p in kept]
    taken = [(a.start, a.end) for a in actors] + list(date_spans)
    levelled += list_companions(sent, kept, taken, names, level_of)
    refs: list[_PlaceRef] = []
    for p, level in levelled:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        refs.append(_PlaceRef(p, span.root, level))
    # "the Kassala and Gedaref regions": a plural level word states the level of every name
    # coordinated with the one it follows
    for ref in refs:
        m = _ADMIN_SUFFIX.match(text, ref.place.end)
        if m and m["word"].lower().endswith("s") and m["word"].lower() not in ("countryside",):
            for other in refs:
                if other is not ref and _coordinated(other.root, ref.root) and place_level(other.place) < 3:
                    other.level = ref.level
    return refs


_ANAPHORIC_NOUNS = frozenset({"town", "city", "village"})
_PARTS = load_words()["place_part_nouns"]


def anaphoric_place(sent: Any, places: Any, country_names: Iterable[str] = ()) -> _PlaceRef | None:
    """ "entered the town", "in the city centre": a definite town noun naming no place of its own
    refers back to the last town, city or village the article named before the sentence
    (``places``: the article's OffsetIndex of places)."""

    def definite(t: Any) -> bool:
        return any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)

    def part_of_definite(t: Any) -> bool:  # "the town centre"
        return t.dep_ == "compound" and t.head.lemma_.lower() in _PARTS and definite(t.head)

    noun = next(
        (
            t
            for t in sent
            if t.lemma_.lower() in _ANAPHORIC_NOUNS
            and t.tag_ == "NN"
            # "the town", "the town centre"; not "the town of X", "the X town"
            and (
                definite(t) or (t.dep_ == "compound" and t.head.lemma_.lower() in _PARTS and definite(t.head))
            )
            and not any(c.dep_ in ("prep", "compound", "appos") for c in t.children)
        ),
        None,
    )
    if noun is None:
        return None
    before = [p for p in places.starting_between(0, sent.start_char) if not p.role]
    names = set(country_names)
    town = next((p for p in reversed(before) if place_level(p, names) == 0 and p.kind), None)
    return _PlaceRef(town, noun, 0) if town is not None else None
