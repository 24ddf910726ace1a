"""Place mentions when the geo stage did not run: spaCy's place entities, and proper nouns in a
locative position ("in X", "the town of X", the object of a verb), so the events stage also
works in ``Pipeline(stages=["nlp", "actors", "events"])``."""

from __future__ import annotations

from typing import Any

from ..models import Actor, Place
from ..nlp.matching import text_of
from .words import load_words

W = load_words()

PLACE_NOUNS = W["place_nouns"]
LOCATIVE_PREPS = W["locative_preps"]
TITLE_WORDS = W["title_words"]


def fallback_places(doc: Any, actors: list[Actor], country_names: set[str]) -> list[Place]:
    """Place mentions from spaCy entities and locative proper nouns (used when geo did not run)."""
    taken: list[tuple[int, int]] = [(a.start, a.end) for a in actors]
    out: list[Place] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    doc_text = text_of(doc)

    def add(s: int, e: int, kind: str | None = None) -> None:
        text = doc_text[s:e]
        if text.lower().startswith("the "):
            s += 4
            text = text[4:]
        if not text or not free(s, e):
            return
        if kind is None and text in country_names:
            kind = "country"
        out.append(Place(mention=text, start=s, end=e, name=text, kind=kind, source="spacy"))
        taken.append((s, e))

    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            add(ent.start_char, ent.end_char)
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        left = tok.left_edge
        # the proper-noun run ending at tok: its compounds and "al-" pieces
        start = tok.i
        while (
            start - 1 >= left.i
            and doc[start - 1].dep_ in ("compound", "punct")
            and doc[start - 1].pos_ in ("PROPN", "PUNCT", "NOUN")
        ):
            if doc[start - 1].text in (",", "(", ")"):
                break
            start -= 1
        span = doc[start : tok.i + 1]
        if any(t.lower_ in TITLE_WORDS for t in doc[max(0, start - 2) : tok.i + 1]):
            continue
        # The small model often tags unfamiliar town names as NORP/ORG/PERSON; the locative
        # position decides instead. Dates and numbers are never places.
        if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY") for t in span):
            continue
        anchor = tok
        while anchor.dep_ == "conj" and anchor.head is not anchor:
            anchor = anchor.head
        head = anchor.head
        locative = (
            (
                anchor.dep_ == "pobj"
                and head.lower_ in LOCATIVE_PREPS
                and (head.lower_ != "of" or head.head.lemma_.lower() in PLACE_NOUNS)
            )
            or (head.lemma_.lower() in PLACE_NOUNS and anchor.dep_ in ("compound", "appos", "nmod"))
            or (anchor.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB")
        )
        if locative:
            add(span.start_char, span.end_char)
    return sorted(out, key=lambda p: p.start)
