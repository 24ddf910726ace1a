"""The one dateline reader: where a wire story's own words begin."""

from __future__ import annotations

import pytest

from eventwire.nlp.datelines import dateline_after, opens_paragraph, paragraph_dateline


@pytest.mark.parametrize(
    "text, opening",
    [
        ("QUITO, Feb 9 (Reuters) - The army said", "QUITO, Feb 9 (Reuters) - "),
        ("OSLO (AP) — Police closed", "OSLO (AP) — "),
        ("HANOI, May 2. /VNA/. The ministry", "HANOI, May 2. /VNA/. "),
        ("Kisumu, KNA - Rain fell", "Kisumu, KNA - "),
        ("Dar es Salaam, March 1 (Xinhua) -- A ferry", "Dar es Salaam, March 1 (Xinhua) -- "),
        ("St. Paul (AP) - Voters", "St. Paul (AP) - "),
        ("NIAMEY: The junta said", "NIAMEY: "),
    ],
)
def test_paragraph_dateline_finds_the_opening(text, opening):
    found = paragraph_dateline(text, 5)
    assert found is not None and text[found[0] : found[1]] == opening


@pytest.mark.parametrize(
    "text", ["He said: no talks.", "Said Okafor: we will stay.", "the ministry said - x", ""]
)
def test_no_dateline(text):
    assert paragraph_dateline(text, 0) is None


def test_dateline_in_a_later_paragraph_and_after_a_known_place():
    text = "Headline here\nLIMA, June 3 (AFP) - Miners marched."
    start = text.index("LIMA")
    assert paragraph_dateline(text, start + 10) == (start, text.index("Miners"))
    assert opens_paragraph(text, start) and not opens_paragraph(text, text.index("Miners"))
    assert dateline_after(text, start + 4) == text.index("Miners")
    assert dateline_after("in Lima, where miners marched", 7) is None
