"""One test per trigger family, on sentences written for these tests (real spaCy parse)."""

from __future__ import annotations

import pytest


def happened(analysis):
    return [e for e in analysis.events if e.happened]


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type", "location"),
    [
        (
            "The Iraqi army recaptured the town of Hit from Islamic State on Tuesday.",
            "Battles",
            "Government regains territory",
            "Hit",
        ),
        (
            "Houthi fighters seized the town of Harib after heavy fighting.",
            "Battles",
            "Non-state actor overtakes territory",
            "Harib",
        ),
        (
            "Government forces clashed with RSF fighters in Omdurman on Friday.",
            "Battles",
            "Armed clash",
            "Omdurman",
        ),
        (
            "Russian warplanes carried out air strikes on the village of Kafr Nabl.",
            "Explosions/Remote violence",
            "Air/drone strike",
            "Kafr Nabl",
        ),
        (
            "Ukrainian artillery shelled Russian positions near Bakhmut overnight.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Bakhmut",
        ),
        (
            "A roadside bomb exploded near a police patrol in Kirkuk.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            "Kirkuk",
        ),
        (
            "A suicide bomber struck a checkpoint in Mogadishu on Sunday.",
            "Explosions/Remote violence",
            "Suicide bomb",
            "Mogadishu",
        ),
        (
            "Rebels in the town of Rastan handed over their heavy weapons to the army.",
            "Strategic developments",
            "Disrupted weapons use",
            "Rastan",
        ),
        (
            "Army engineers dismantled mines left behind in the town of Sukhnah.",
            "Strategic developments",
            "Disrupted weapons use",
            "Sukhnah",
        ),
        (
            "The militants in Madaya reached a truce with the government on Monday.",
            "Strategic developments",
            "Agreement",
            "Madaya",
        ),
        (
            "The fighters in the town of Qudsaya reconciled with the government.",
            "Strategic developments",
            "Non-violent transfer of territory",
            "Qudsaya",
        ),
        (
            "Hundreds of fighters and their families were evacuated from Harasta on buses.",
            "Strategic developments",
            "Non-violent transfer of territory",
            "Harasta",
        ),
        (
            "Police arrested dozens of men in Kano after the unrest.",
            "Strategic developments",
            "Arrests",
            "Kano",
        ),
        ("Government troops laid siege to the town of Yabrud.", "Strategic developments", "Other", "Yabrud"),
        (
            "Thousands of residents protested in Sweida against rising prices.",
            "Protests",
            "Peaceful protest",
            "Sweida",
        ),
        (
            "Gunmen abducted twelve villagers in Zamfara on Saturday.",
            "Violence against civilians",
            "Abduction/forced disappearance",
            "Zamfara",
        ),
    ],
)
def test_trigger_families(analyze_events, text, event_type, sub_event_type, location):
    events = happened(analyze_events(text))
    assert any(
        e.event_type == event_type and e.sub_event_type == sub_event_type and e.location == location
        for e in events
    ), [(e.event_type, e.sub_event_type, e.location) for e in events]


def test_coordinated_places_are_one_event_each(analyze_events):
    text = "The villages of Tell Abyad, Ain Issa and Suluk were retaken by the army on Sunday."
    events = happened(analyze_events(text))
    assert sorted(e.location for e in events) == ["Ain Issa", "Suluk", "Tell Abyad"]
    assert {e.sub_event_type for e in events} == {"Government regains territory"}


def test_wider_region_is_not_an_extra_event(analyze_events):
    text = "The towns of Kafr Zita and Latamneh, both in northern Hama province, were retaken by the army."
    locations = {e.location for e in happened(analyze_events(text))}
    assert locations == {"Kafr Zita", "Latamneh"}


def test_destination_is_not_the_location(analyze_events):
    text = "Some 500 fighters were evacuated from the town of Zabadani to Idlib on Thursday."
    events = happened(analyze_events(text))
    assert [e.location for e in events] == ["Zabadani"]


def test_evidence_and_offsets(analyze_events):
    text = "Farmers sold wheat at the market. Islamic State fighters attacked the town of Baiji on Friday."
    a = analyze_events(text)
    [event] = happened(a)
    assert text[event.start : event.end] == event.evidence
    assert event.evidence.startswith("Islamic State fighters attacked")
    assert event.actor1 == "Islamic State"


def test_non_conflict_news_yields_no_events(analyze_events):
    text = (
        "The city council approved a new budget for schools in Springfield on Monday. "
        "The mayor said the plan would take effect next year."
    )
    assert analyze_events(text).events == []


def test_background_sentence_without_trigger_yields_no_events(analyze_events):
    text = "The province of Idlib borders Turkey and has long been home to displaced families."
    assert analyze_events(text).events == []
