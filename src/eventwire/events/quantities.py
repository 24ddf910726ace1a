"""Quantities and fatalities stated in an event sentence.

A number counts what its noun counts (``data/quantity_nouns.tsv``): "430 militants" is
people, "40 pieces of artillery" weapons, "24 buses" vehicles. Numbers of people whose
governing verb says they died ("nine guards were killed", "killing at least 9
civilians", "23 rebels dead", "left 9 dead") are fatalities, and so is one person named
with "a"/"an" ("killed a soldier" = 1) and a stated toll ("the death toll rose to 14").
"No casualties were reported" is 0. Vague amounts ("dozens", "a number of") are left out
rather than guessed.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..actors.dictionary import read_tsv
from .words import load_words

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "dozen": 12,
}  # fmt: skip
W = load_words()
DEATH_LEMMAS = W["death_lemmas"]
_NUMERIC = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


@functools.lru_cache(maxsize=2)
def load_nouns(path: str | None = None) -> dict[str, str]:
    source = Path(path) if path else Path(str(resources.files("eventwire") / "data" / "quantity_nouns.tsv"))
    nouns = {row["lemma"].casefold(): row["category"] for row in read_tsv(source)}
    # "12 Palestinians", "five Somalis": people named by nationality (adjectives of the actor
    # country list, in their plural forms)
    countries = Path(str(resources.files("eventwire") / "data" / "actor_countries.tsv"))
    for row in read_tsv(countries):
        for adj in (row.get("adjectives") or "").split("|"):
            adj = adj.strip().casefold()
            if adj and not adj.endswith("'s") and adj[-1] not in "sh":
                nouns.setdefault(adj + "s", "people")
                nouns.setdefault(adj, "people")
    return nouns


def number_value(tok: Any) -> int | None:
    text = tok.text.casefold()
    if _NUMERIC.match(text):
        return int(text.replace(",", ""))
    if text in WORD_NUMBERS:
        return WORD_NUMBERS[text]
    return None


def _counted_noun(num: Any, nouns: dict[str, str]) -> tuple[Any, str] | None:
    noun = num.head if num.dep_ in ("nummod", "quantmod", "compound", "amod") else None
    if noun is None or noun is num:
        return None
    # "430" may hang off another number token ("10,000" split or "at least 12")
    while noun.like_num and noun.head is not noun and noun.dep_ in ("nummod", "compound", "quantmod"):
        noun = noun.head
    category = nouns.get(noun.lemma_.casefold()) or nouns.get(noun.lower_)
    if category == "unit":
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        inner = nouns.get(obj.lemma_.casefold())
                        if inner and inner != "unit":
                            return obj, inner
        return None
    if category is None:
        return None
    return noun, category


def _is_fatal(noun: Any, num: Any) -> bool:
    for tok in (noun, num):
        head = tok.head
        if tok.dep_ in ("nsubjpass", "nsubj", "dobj", "attr") and head.lemma_.casefold() in DEATH_LEMMAS:
            return True
        if any(
            c.lemma_.casefold() in DEATH_LEMMAS and c.dep_ in ("acl", "amod", "relcl") for c in tok.children
        ):
            return True
    return False


def extract_quantities(tokens: Any, nouns: dict[str, str] | None = None) -> tuple[int | None, dict[str, int]]:
    """(fatalities or None, {"people": n, "weapons": n, "vehicles": n}) for a token span."""
    nouns = nouns if nouns is not None else load_nouns()
    quantities: dict[str, int] = {}
    fatalities: int | None = None
    seen_nouns: set[int] = set()
    tokens = list(tokens)
    skip: set[int] = set()
    for tok in tokens:
        if tok.i in skip or tok.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"):
            continue
        value = number_value(tok)
        if value is None:
            continue
        value, tok = _hyphenated(tok, value, skip)
        if _is_toll(tok):
            fatalities = max(fatalities or 0, value)  # "the death toll rose to 14": the total
            continue
        found = _counted_noun(tok, nouns)
        if found is None:
            # "killing at least 12", "left 9 dead": the number itself is who died
            if (
                tok.dep_ in ("dobj", "nsubjpass", "nsubj") and tok.head.lemma_.casefold() in DEATH_LEMMAS
            ) or _dead_after(tok):
                fatalities = (fatalities or 0) + value
            continue
        noun, category = found
        if noun.i in seen_nouns:
            continue
        seen_nouns.add(noun.i)
        quantities[category] = quantities.get(category, 0) + value
        if category == "people" and (_is_fatal(noun, tok) or _dead_after(noun)):
            fatalities = (fatalities or 0) + value
    for tok in tokens:  # "killed a soldier", "an officer was killed": one person
        if tok.i in seen_nouns or nouns.get(tok.lemma_.casefold()) != "people" or tok.tag_ in ("NNS", "NNPS"):
            continue
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) and _is_fatal(tok, tok):
            fatalities = (fatalities or 0) + 1
    if fatalities is None and _none_reported(tokens):
        fatalities = 0
    return fatalities, quantities


def _hyphenated(tok: Any, value: int, skip: set[int]) -> tuple[int, Any]:
    """ "Twenty-three": spaCy splits it into a compound; the value is 23, carried by the last token."""
    head = tok.head
    if tok.dep_ == "compound" and head.i == tok.i + 2 and tok.nbor(1).text == "-" and 20 <= value < 100:
        unit = number_value(head)
        if unit is not None and unit < 10:
            skip.add(head.i)
            return value + unit, head
    return value, tok


def _is_toll(num: Any) -> bool:
    """ "the death toll rose to 14", "a toll of 9", "the toll stood at 30"."""
    toll = W["toll_nouns"]
    if num.dep_ != "pobj":
        return False
    prep = num.head
    if prep.head.lemma_.casefold() in toll:
        return True  # "a toll of 9"
    verb = prep.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.casefold() in toll for c in verb.children)


def _dead_after(tok: Any) -> bool:
    """ "23 rebels dead", "left 9 dead": "dead" right after the count."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ == "dead"


def _none_reported(tokens: list[Any]) -> bool:
    """ "No casualties were reported", "no deaths": the report states that nobody died."""
    nouns = W["no_casualty_nouns"]
    return any(
        t.lemma_.casefold() in nouns and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
        for t in tokens
    )
