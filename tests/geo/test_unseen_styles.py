"""Places in reports from other conflicts than the dev corpus (sentences written for these tests):
descriptive names resolve to the city of the story, far homonyms abroad lose, and a capitalised
common noun opening a sentence does not hide the place after it."""

from __future__ import annotations

import pytest


def by_mention(analysis, mention):
    return [p for p in analysis.places if p.mention == mention]


@pytest.mark.parametrize(
    "text, mention, country, name",
    [
        (
            "Iraqi forces entered Mosul on Sunday. They recaptured the last streets in the Old City.",
            "Old City",
            "IQ",
            "Mosul",
        ),
        (
            "Gunmen abducted two workers in Kirkuk on Sunday near the Old City, police said.",
            "Old City",
            "IQ",
            "Kirkuk",
        ),
    ],
)
def test_descriptive_name_is_part_of_the_city_in_context(analyze_places, text, mention, country, name):
    (p,) = by_mention(analyze_places(text), mention)
    assert (p.country, p.name) == (country, name)
    assert p.precision == "exact"


def test_descriptive_name_keeps_a_homonym_inside_the_city(analyze_places):
    # Jerusalem's Old City stays itself in a story about Jerusalem.
    a = analyze_places("Police clashed with worshippers in Jerusalem's Old City on Friday.")
    (p,) = by_mention(a, "Old City")
    assert p.country in ("PS", "IL")


def test_far_homonym_in_a_country_the_article_never_names_loses(analyze_places):
    a = analyze_places(
        "Suspected jihadists attacked the village of Diallassagou in central Mali's Mopti region. "
        "A roadside bomb struck an army vehicle near Boni on Sunday."
    )
    (p,) = by_mention(a, "Boni")
    assert p.country == "ML"  # not Bonn, which lists "Boni" among its alternate names
    assert p.precision == "province"


def test_well_known_foreign_city_stays(analyze_places):
    a = analyze_places(
        "Rebels in Idlib province said the bombardment of Kafr Nabl continued despite the agreement "
        "reached in Sochi."
    )
    (p,) = by_mention(a, "Sochi")
    assert p.country == "RU"


def test_sentence_initial_common_noun_does_not_hide_the_place(analyze_places):
    a = analyze_places("Residents of Goma protested on Monday against the peacekeeping mission.")
    found = by_mention(a, "Goma")
    assert len(found) == 1, [(p.mention, p.name) for p in a.places]
    assert found[0].country == "CD"
