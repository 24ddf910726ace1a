"""Span boundaries of lexicon labels (framing/bounds.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from .test_framing_detect import by_text


@pytest.mark.parametrize(
    ("sentence", "span", "neutral"),
    [
        # adjectives in front of a labelled noun belong to the label
        ("Troops chased ruthless terrorists into the marshes.", "ruthless terrorists", "ruthless fighters"),
        ("The valley had seen bloody terror attacks for years.", "bloody terror attacks", "bloody attacks"),
        # a hyphenated modifier is taken whole
        ("The patrol met Gulf-sponsored terrorists near the well.", "Gulf-sponsored terrorists", None),
        # a labelled possessor takes what it owns
        ("Jets struck the terrorists' depots outside Marvan.", "terrorists' depots", "fighters' depots"),
        # a bracketed alias is part of the group name
        ("Shells hit Jund (JAS or JSA) terrorists near Tel Oumar.", "Jund (JAS or JSA) terrorists", None),
        # the "from" phrase of a deliverance verb names whom the place was freed from
        ("Farmers went back to fields liberated from the gangs.", "liberated from the gangs", None),
    ],
)
def test_label_phrase(analyze_framing, sentence, span, neutral):
    found = by_text(analyze_framing(sentence), span)
    assert found.voice == "outlet"
    if neutral is not None:
        assert found.neutral == neutral


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        # counting, ordering and nationality words are no part of the label
        ("Police arrested several terrorists at the port.", "terrorists"),
        ("The latest massacre emptied the hamlet of Sorrin.", "massacre"),
        ("Farmers fled the Borvanian occupiers at dawn.", "occupiers"),
        # a plain deliverance verb stays one word
        ("Troops liberated the hilltop on Sunday.", "liberated"),
    ],
)
def test_label_does_not_grow(analyze_framing, sentence, span):
    assert by_text(analyze_framing(sentence), span).text == span
