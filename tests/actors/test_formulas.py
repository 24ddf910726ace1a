"""ACLED's generic actor formulas: named for any country in English, and read back from a text."""

from __future__ import annotations

import pytest

from eventwire.actors import load_dictionary
from eventwire.actors.formulas import find_formulas
from eventwire.actors.stage import ActorsStage


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary()


@pytest.mark.parametrize(
    ("role", "country", "name"),
    [
        ("protesters", "PE", "Protesters (Peru)"),
        ("police", "PH", "Police Forces of the Philippines"),
        ("state", "JP", "Military Forces of Japan"),
        ("rioters", "GE", "Rioters (Georgia)"),
        ("unidentified", "EC", "Unidentified Armed Group (Ecuador)"),
        ("opposition", "TD", "Opposition Rebels (Chad)"),
        ("civilians", "FJ", "Civilians (Fiji)"),  # not in actor_countries.tsv: GeoNames' name
    ],
)
def test_role_actor_names_the_country_in_english(dictionary, role, country, name):
    assert dictionary.role_actor(role, country)[0] == name


def test_an_unknown_code_drops_the_country_rather_than_printing_it(dictionary):
    assert dictionary.role_actor("protesters", "QQ")[0] == "Protesters"


def test_formulas_written_in_a_text_are_found_with_role_and_country(dictionary):
    text = (
        "On 3 May, Police Forces of the Philippines arrested Protesters (Philippines) in Cebu; "
        "Military Forces of Mali (2021-) clashed with Unidentified Armed Group (Mali)."
    )
    found = [(m.text, m.role, m.country) for m in find_formulas(text, dictionary)]
    assert found == [
        ("Police Forces of the Philippines", "police", "PH"),
        ("Protesters (Philippines)", "protesters", "PH"),
        ("Military Forces of Mali (2021-)", "state", "ML"),
        ("Unidentified Armed Group (Mali)", "unidentified", "ML"),
    ]


def test_lower_case_prose_is_not_a_formula(dictionary):
    assert find_formulas("the civilians (mostly farmers) fled", dictionary) == []


def test_the_actors_stage_resolves_formulas_to_canonical_actors():
    stage = ActorsStage()
    stage.initialize({})
    actors, _ = stage.find("Military Forces of Somalia clashed with Civilians (Kenya).", "2024-01-05")
    assert [(a.mention, a.name) for a in actors] == [
        ("Military Forces of Somalia", "Military Forces of Somalia (2022-)"),
        ("Civilians (Kenya)", "Civilians (Kenya)"),
    ]
