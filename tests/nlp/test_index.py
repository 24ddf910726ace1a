"""DocIndex and OffsetIndex answer exactly what a scan of the whole document would."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from eventwire.nlp.index import DocIndex, OffsetIndex
from eventwire.nlp.model import load_model

TEXT = (
    "Maria Lopez, a spokeswoman for the Red Cross, said on Monday that shelling hit Kharkiv.\n"
    "The United Nations said 40 families fled Mosul for Erbil. Lopez added that Jonas Berg of the "
    "World Food Programme had reached Goma.\n"
    "Police in Nairobi arrested three men, the Kenya News Agency reported."
)


@pytest.fixture(scope="module")
def doc():
    return load_model()(TEXT)


def test_text_entities_and_sentences_match_the_doc(doc):
    index = DocIndex(doc)
    assert index.text == doc.text
    assert [e.start_char for e in index.ents] == [e.start_char for e in doc.ents]
    for tok in doc:
        whole = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        got = index.ent_of(tok.i)
        assert (None if got is None else (got.start, got.end)) == (
            None if whole is None else (whole.start, whole.end)
        )
        sent_i = next(i for i, s in enumerate(doc.sents) if s.start <= tok.i < s.end)
        assert index.sent_index(tok.i) == sent_i


def test_span_text_is_the_slice_between_first_and_last_token(doc):
    index = DocIndex(doc)
    toks = list(doc[3:9])
    assert index.span_text(toks) == doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
    assert index.span_text([]) == ""


def test_entity_ranges_match_a_scan(doc):
    index = DocIndex(doc)
    for a, b in [(0, 50), (40, 200), (90, len(TEXT)), (len(TEXT), len(TEXT) + 5)]:
        want = [e.start_char for e in doc.ents if a <= e.start_char < b]
        assert [e.start_char for e in index.ents_starting_between(a, b)] == want
    for a, b in [(0, 10), (5, 30), (20, len(doc))]:
        want = [e.start for e in doc.ents if a <= e.start < b]
        assert [e.start for e in index.ents_in_tokens(a, b)] == want
    for ent in doc.ents:
        assert index.ent_starting_at(ent.start_char).text == ent.text
    assert index.ent_starting_at(-1) is None


@dataclass
class Rec:
    start: int
    end: int


def test_offset_index_keeps_the_original_order():
    # deliberately not sorted by start: answers must follow the list, as a scan would
    recs = [Rec(50, 60), Rec(10, 20), Rec(12, 90), Rec(55, 56), Rec(0, 5), Rec(95, 99)]
    index = OffsetIndex(recs)
    for a, b in [(0, 100), (10, 56), (56, 57), (60, 95), (100, 120)]:
        assert index.starting_between(a, b) == [r for r in recs if a <= r.start < b]
        overlap = [r for r in recs if min(b, r.end) - max(a, r.start) > 0]
        got = index.overlapping(a, b)
        assert [r for r in got if min(b, r.end) - max(a, r.start) > 0] == overlap
    assert OffsetIndex([]).overlapping(0, 10) == []
