"""Names in a list of places that the gazetteer did not know.

Reports list the places an event hit ("shelled the villages of A, B, the airport and C"). The
geo stage resolves the names its gazetteer holds; the others are still places of the same
list, and ACLED codes one event at each. ``list_companions`` finds them on the surface, where
the parser often breaks long lists of unfamiliar names: a run of items separated by commas and
a final "and", each item a capitalised name (with its "al-" pieces, after an optional "the",
before an optional place or facility noun: "the Bakori school"), holding at least one place
the geo stage located below country level. Items that are actors, dates or countries are left
out. The new places carry no coordinates (``source="list"``): the event is located by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..models import Place
from .words import load_words

W = load_words()

ITEM_NOUNS = W["place_nouns"] | W["facility_nouns"]
_NAME_PIECES = {"al", "el", "-", "ad", "ar", "as", "at", "an", "az", "ash", "de", "du", "la"}
_NOT_PLACE_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "NORP"}


def _item_end(sent: Any, i: int) -> int | None:
    """The index after the list item starting at token ``i`` ("the" Name... [noun]), or None."""
    end = sent.end
    doc = sent.doc
    j = i
    if j < end and doc[j].lower_ == "the":
        j += 1
    start = j
    while j < end and (
        (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper())
        or (
            doc[j].lower_ in _NAME_PIECES
            and j + 1 < end
            and (doc[j + 1].pos_ == "PROPN" or doc[j + 1].text == "-")
        )
    ):
        j += 1
    if j == start or not any(doc[k].pos_ == "PROPN" for k in range(start, j)):
        return None
    if j < end and doc[j].pos_ == "NOUN" and doc[j].lemma_.lower() in ITEM_NOUNS:
        j += 1
    return j


def _separator_end(sent: Any, j: int) -> tuple[int, bool] | None:
    """After an item: (index of the next item, whether the separator held "and"), or None."""
    doc = sent.doc
    if j < sent.end and doc[j].text == ",":
        j += 1
        if j < sent.end and doc[j].lower_ == "and":
            return j + 1, True
        return j, False
    if j < sent.end and doc[j].lower_ == "and":
        return j + 1, True
    return None


def _lists(sent: Any) -> list[list[tuple[int, int]]]:
    """Runs of two or more items (token ranges) closed by "and"."""
    out = []
    i = sent.start
    while i < sent.end:
        items: list[tuple[int, int]] = []
        closed = False
        j = i
        while True:
            e = _item_end(sent, j)
            if e is None:
                break
            items.append((j, e))
            if closed:
                break
            sep = _separator_end(sent, e)
            if sep is None:
                break
            j, closed = sep
        if len(items) >= 2 and closed:
            out.append(items)
            i = items[-1][1]
        else:
            i += 1
    return out


def list_companions(
    sent: Any, places: list[Place], taken: Iterable[tuple[int, int]], country_names: Iterable[str],
    level_of: Any,
) -> list[tuple[Place, int]]:  # fmt: skip
    """(place, level) for each unlocated item of a list holding a located place. ``places``: the
    sentence's places; ``taken``: character spans that are no place (actors, dates); ``level_of``:
    a place's level (see ``locations.place_level``)."""
    doc = sent.doc
    blocked = list(taken)
    countries = set(country_names)
    out: list[tuple[Place, int]] = []
    for items in _lists(sent):
        known, unknown = [], []
        for a, b in items:
            s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
            hit = [p for p in places if p.start < e and s < p.end]
            (known if hit else unknown).append((a, b, hit))
        levels = [level_of(p) for _, _, hit in known for p in hit]
        levels = [lv for lv in levels if lv < 3]
        if not levels:
            continue
        level = min(levels)
        for a, b, _ in unknown:
            if doc[a].lower_ == "the":
                a += 1
            if a == sent.start:
                continue  # a capitalised first word may be any noun ("Rebels, ...")
            span = doc[a:b]
            s, e = span.start_char, span.end_char
            if any(s < y and x < e for x, y in blocked):
                continue
            if any(t.ent_type_ in _NOT_PLACE_ENTS for t in span) or span.text in countries:
                continue
            name = span.text
            out.append((Place(mention=name, start=s, end=e, name=name, source="list"), level))
    return out
