"""Framing families, voice and context rules, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

WIRE = Path(__file__).parent / "data" / "wire_style.txt"


def spans(analysis, voice: str | None = "outlet"):
    return [s for s in analysis.framing if voice is None or s.voice == voice]


def by_text(analysis, text: str):
    found = [s for s in analysis.framing if s.text == text]
    assert found, f"{text!r} not found in {[s.text for s in analysis.framing]}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "span", "technique", "family"),
    [
        (
            "The army pushed Takfiri terrorists out of three villages.",
            "Takfiri terrorists",
            "Name_Calling,Labeling",
            "terror_label",
        ),
        ("Troops liberated the hilltop on Sunday.", "liberated", "Loaded_Language", "triumph"),
        ("The operation purged the valley of gunmen.", "purged", "Loaded_Language", "triumph"),
        (
            "The capitulation of the garrison followed a week of shelling.",
            "capitulation",
            "Loaded_Language",
            "triumph",
        ),
        (
            "Foreign-sponsored militants fired rockets at the base.",
            "Foreign-sponsored militants",
            "Name_Calling,Labeling",
            "sponsor_label",
        ),
        (
            "The area was an early hotbed of foreign-backed riots.",
            "foreign-backed riots",
            "Name_Calling,Labeling",
            "sponsor_label",
        ),
        (
            "The army made sweeping gains in the south.",
            "sweeping gains",
            "Exaggeration,Minimisation",
            "exaggeration",
        ),
        ("The so-called Kivu Human Rights Watch published a list.", "so-called", "Doubt", "doubt"),
        ("The Syrian regime shelled the town.", "Syrian regime", "Name_Calling,Labeling", "regime_label"),
        ("Soldiers killed in the clash were hailed as martyrs.", "martyrs", "Loaded_Language", "triumph"),
        ("Gunmen carried out a massacre in the village.", "massacre", "Loaded_Language", "atrocity"),
        ("The heroic army entered the city.", "heroic", "Flag-Waving", "flag"),
        ("The offensive ended in a bloodbath.", "bloodbath", "Appeal_to_fear-prejudice", "fear"),
        ("Ukronazis shelled the suburb overnight.", "Ukronazis", "Name_Calling,Labeling", "slur"),
    ],
)
def test_family(analyze_framing, sentence, span, technique, family):
    found = by_text(analyze_framing(sentence), span)
    assert found.technique == technique
    assert found.family == family
    assert found.voice == "outlet"
    assert sentence[found.start : found.end] == span
    assert found.neutral is not None


def test_neutral_wordings(analyze_framing):
    a = analyze_framing("Foreign-backed riots spread as regime forces shelled the so-called safe zone.")
    assert by_text(a, "Foreign-backed riots").neutral == "protests"
    assert by_text(a, "regime forces").neutral == "government forces"
    assert by_text(a, "so-called").neutral == ""


def test_group_name_joins_label(analyze_framing):
    found = by_text(
        analyze_framing("Troops killed several Jabhat al-Nusra terrorists near the dam."),
        "Jabhat al-Nusra terrorists",
    )
    assert found.neutral == "Jabhat al-Nusra fighters"


def test_quoted_speaker_voice(analyze_framing):
    text = '"These terrorists will be crushed," Defence Minister Omar Salem told reporters on Sunday.'
    a = analyze_framing(text)
    quoted = spans(a, voice="quoted")
    assert [s.text for s in quoted] == ["terrorists"]
    assert spans(a) == []
    assert a.profile["spans"] == 0 and a.profile["quoted"] == {"Name_Calling,Labeling": 1}


def test_attributed_massacre_is_not_the_outlets(analyze_framing):
    a = analyze_framing("Activists said that government troops committed a massacre in the village.")
    assert not [s for s in spans(a) if s.family == "atrocity"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The government has designated the group a terrorist organisation.",
        "Two men were sentenced on terrorism charges.",
        "The bloc kept its sanctions regime in place.",
        "The Tigray People's Liberation Front took the capital.",
        "Fighters of the so-called Islamic State attacked the convoy.",
        "Rebels seized the Israeli-occupied hills as government forces withdrew from the junta's posts.",
        "Officials have described the rebels as terrorists.",
        "Russian mercenaries of the Wagner group were deployed near the mine.",
    ],
)
def test_wire_terms_are_not_framing(analyze_framing, sentence):
    assert spans(analyze_framing(sentence)) == []


def test_wire_style_article_false_positive_rate(analyze_framing):
    text = WIRE.read_text(encoding="utf-8")
    words = len(text.split())
    assert words >= 500
    found = spans(analyze_framing(text))
    assert len(found) <= words / 500, [s.text for s in found]


def test_profile_direction(analyze_framing):
    a = analyze_framing(
        "Takfiri terrorists fled as the army liberated the town. Foreign-backed militants lost more ground."
    )
    p = a.profile
    assert p["direction"] == "pro-government"
    assert p["counts"]["Name_Calling,Labeling"] == 2
    assert p["loaded_per_1000_words"] > 100
    b = analyze_framing("Regime forces shelled the town, and the Assad regime blamed the rebels.")
    assert b.profile["direction"] == "pro-opposition"


def test_foreign_regime_label_does_not_move_direction(analyze_framing):
    a = analyze_framing(
        "Syrian troops entered two Syrian villages near the Syrian border town. "
        "The Turkish regime shelled the area, Syrian state media said."
    )
    assert a.profile["sides"] == {"foreign-state": 1}
    assert a.profile["direction"] == "neutral"
