"""The matching layer: phrases found over spaCy tokens with the spelling variants it promises."""

from __future__ import annotations

import pytest

from eventwire.nlp.matching import (
    Found,
    PhraseIndex,
    WordPatterns,
    leftmost_longest,
    longest_first,
    spelling_variants,
    word_pattern,
)


def texts(found: list[Found]) -> list[str]:
    return [f.text for f in found]


def test_spelling_variants_cover_hyphens_spaces_and_apostrophes():
    v = spelling_variants("Brave Lions' Front")
    assert {"Brave Lions' Front", "Brave-Lions’ Front", "Brave Lions'-Front"} <= v
    # a long name keeps its own spelling, all spaces and all hyphens only
    long = spelling_variants("a-b c d e f")
    assert {"a-b c d e f", "a b c d e f", "a-b-c-d-e-f"} == long


def test_case_is_ignored_and_separators_are_interchangeable():
    index = PhraseIndex(["Brave-Lions Front"], ignore_case=True)
    text = "The brave lions front met the BRAVE-LIONS-FRONT; Brave Lions Front left."
    found = index.spans(index_doc(text))
    assert texts(found) == ["brave lions front", "BRAVE-LIONS-FRONT", "Brave Lions Front"]
    assert all(text[f.start : f.end] == f.text for f in found)


def test_acronyms_keep_their_case():
    index = PhraseIndex(["BLF"], ignore_case=False)
    assert texts(index.spans(index_doc("BLF and blf and Blf."))) == ["BLF"]


def test_apostrophe_forms_match_each_other():
    index = PhraseIndex(["Farmers' Union"], ignore_case=True)
    assert texts(index.spans(index_doc("The Farmers’ Union spoke."))) == ["Farmers’ Union"]


def test_only_whole_words_match():
    index = PhraseIndex(["lion"], ignore_case=True)
    assert texts(index.spans(index_doc("lions, a lion, lionhearted"))) == ["lion"]


@pytest.mark.parametrize(
    "spans, leftmost, longest",
    [
        # left to right the first start wins; by length the longer occurrence does
        ([(0, 3), (2, 7), (4, 5)], [(0, 3), (4, 5)], [(2, 7)]),
        ([(0, 3), (3, 5), (0, 2)], [(0, 3), (3, 5)], [(0, 3), (3, 5)]),
    ],
)
def test_overlap_policies(spans, leftmost, longest):
    found = [Found(s, e, 0, 0, "") for s, e in spans]
    assert [(f.start, f.end) for f in leftmost_longest(found)] == leftmost
    assert [(f.start, f.end) for f in longest_first(found)] == longest


def index_doc(text: str):
    from eventwire.nlp.matching import as_doc

    return as_doc(text)


def test_word_patterns_read_prefixes_hyphens_and_boundaries():
    patterns = WordPatterns(["storm* cloud*", "over-reach"])
    text = "Stormy clouds, storm-cloud, overreach, over reach, over-reach and anti-over-reach."
    found = patterns.spans(text)
    assert [(f.key, f.text) for f in found] == [
        (0, "Stormy clouds"),
        (1, "overreach"),
        (1, "over reach"),
        (1, "over-reach"),
    ]


def test_word_patterns_skip_texts_without_the_first_word():
    patterns = WordPatterns(["storm* cloud*"])
    assert patterns.spans("Clouds gathered.") == []
    assert word_pattern("storm* cloud*").fullmatch("STORMING CLOUDBANKS")


def test_gap_sequences_take_the_first_fitting_token_within_reach():
    from eventwire.nlp.matching import GapSequences
    from eventwire.nlp.model import load_model

    seqs = GapSequences(
        [
            ((frozenset({"hand"}), False), (frozenset({"over"}), True), (frozenset({"key"}), True)),
            ((frozenset({"walk"}), False), (frozenset({"away"}), False)),
        ],
        gap=2,
    )
    text = "They handed the old keys over. They handed it over to the keys. He walked slowly away."
    doc = load_model(None)(text)
    found = [(k, [doc[i].text for i in toks]) for k, toks in seqs.find(doc[:])]
    # lemmas match ("handed" -> hand); "over" must come within 2 tokens after "handed" and "keys"
    # within 2 after "over" (so not in the first sentence); "away" allows no gap after "walked"
    assert found == [(0, ["handed", "over", "keys"])]


def test_a_docs_text_is_built_once():
    from eventwire.nlp.matching import as_doc, text_of

    doc = as_doc("Troops entered the town on Monday.")
    assert text_of(doc) == doc.text and doc.user_data["eventwire.text"] is text_of(doc)
