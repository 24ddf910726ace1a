"""Independent sources of a story by outlet kind (web/coverage.py), on an outlets list written here."""

from __future__ import annotations

import pytest

from eventwire.web.coverage import OutletKinds, coverage, default_kinds, independent_sources

OUTLETS = (
    "# test outlets: name, aliases, kind, country\n"
    "Example Wire\tExample Wire|EXW\tagency\tGB\n"
    "Hill Radio\tHill Radio|HR\tbroadcaster\tSY\n"
    "Valley Post\tThe Valley Post|Valley Post\tnewspaper\tSY\n"
    "Watch Group\tWatch Group\tmonitor\tGB\n"
    "Odd One\tOdd One\tpodcast\tGB\n"
)


@pytest.fixture
def kinds(tmp_path):
    path = tmp_path / "outlets.tsv"
    path.write_text(OUTLETS, encoding="utf-8")
    return OutletKinds(path)


@pytest.mark.parametrize(
    "outlet, kind",
    [
        ("Example Wire", "agency"),
        ("The Valley Post", "newspaper"),
        ("Hill Radio English", "broadcaster"),  # a listed name inside a longer one
        ("Town Daily (EXW)", "agency"),  # a republished wire story: the wire's kind
        ("Town Daily, citing Hill Radio", "broadcaster"),
        ("Valley Post (via Example Wire)", "newspaper"),  # its own name first, then the credit
        ("HRW", "unlisted"),  # "HR" is an alias, but not as part of a longer word
        ("Odd One", "unlisted"),  # a kind the bars do not know
        ("", "unlisted"),
        (None, "unlisted"),
    ],
)
def test_outlet_kind(kinds, outlet, kind):
    assert kinds.kind(outlet) == kind


def test_copies_are_not_sources_and_segments_fill_the_bar(kinds):
    articles = [
        {"outlet": "Example Wire", "copy_of": None},
        {"outlet": "Example Wire", "copy_of": None},  # a second article from one outlet: one source
        {"outlet": "Town Daily (EXW)", "copy_of": "a1"},  # a copy
        {"outlet": "Hill Radio", "role": "member"},
        {"outlet": "Somewhere Else", "role": "copy"},  # a copy as story_members marks it
        {"outlet": None},
    ]
    assert independent_sources(articles) == ["(unknown outlet)", "Example Wire", "Hill Radio"]
    cov = coverage(articles, kinds)
    assert cov["sources"] == 3 and cov["copies"] == 2
    assert [(s["kind"], s["n"]) for s in cov["segments"]] == [
        ("agency", 1),
        ("broadcaster", 1),
        ("unlisted", 1),
    ]
    assert sum(s["width"] for s in cov["segments"]) == pytest.approx(100, abs=0.05)
    xs = [s["x"] for s in cov["segments"]]
    assert xs[0] == 0 and xs == sorted(xs)


def test_no_sources_no_segments(kinds):
    assert coverage([], kinds) == {"sources": 0, "copies": 0, "segments": []}


def test_the_packaged_outlets_list_has_every_kind():
    kinds = set(default_kinds().kind_of_name.values())
    assert {"agency", "broadcaster", "newspaper"} <= kinds
