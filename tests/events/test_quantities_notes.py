"""Quantities, fatalities, repeats, datelines and neutral notes (sentences written for these tests)."""

from __future__ import annotations

from eventwire.events.notes import date_phrase, make_note
from eventwire.models import Event


def only(analysis):
    events = [e for e in analysis.events if e.happened]
    assert len(events) == 1, [(e.sub_event_type, e.location) for e in events]
    return events[0]


def test_people_weapons_and_vehicles(analyze_events):
    e = only(
        analyze_events(
            "In the town of Tafas, 212 fighters handed over 87 pieces of weaponry and 4 tanks to the army."
        )
    )
    assert e.quantities == {"people": 212, "weapons": 87, "vehicles": 4}
    assert e.fatalities is None


def test_fatalities_from_a_strike(analyze_events):
    e = only(analyze_events("An air strike on the village of Hass killed 14 civilians on Tuesday."))
    assert e.sub_event_type == "Air/drone strike"
    assert e.fatalities == 14


def test_vague_amounts_are_not_numbers(analyze_events):
    e = only(analyze_events("Dozens of militants handed over their weapons in the town of Inkhil."))
    assert "people" not in e.quantities


def test_restated_event_is_merged(analyze_events):
    text = (
        "The army retook the town of Morek on Sunday. "
        "State media said the army retook the town of Morek after a week of fighting."
    )
    events = [
        e
        for e in analyze_events(text, "2019-08-25").events
        if e.sub_event_type == "Government regains territory"
    ]
    assert len(events) == 1 and events[0].date == "2019-08-25"


def test_dateline_is_not_an_event_location(analyze_events):
    text = "BEIRUT (Wire) - Rebels shelled government positions, a monitor said."
    assert all(e.location != "BEIRUT" for e in analyze_events(text).events)


def test_years_of_fighting_is_background(analyze_events):
    text = "Residents of Homs returned after years of fighting."
    assert [e for e in analyze_events(text).events if e.sub_event_type == "Armed clash"] == []


def test_note_is_built_from_fields():
    e = Event(
        event_type="Battles",
        sub_event_type="Government regains territory",
        start=0,
        end=10,
        evidence="x",
        actor1="Military Forces of Syria",
        actor2="Opposition Rebels (Syria)",
        location="Busra al-Harir",
        admin1="Daraa",
        date="2018-06-30",
        date_precision="day",
        reported_by="SOHR",
    )
    assert make_note(e) == (
        "On 30 June 2018, Military Forces of Syria regained control of Busra al-Harir (Daraa) "
        "from Opposition Rebels (Syria), according to SOHR."
    )
    e.modality = "planned"
    assert make_note(e).startswith("Planned or hypothetical")


def test_date_phrases():
    assert date_phrase("2018-06-30", "week") == "On or around 30 June 2018"
    assert date_phrase("2021-07", "month") == "In July 2021"
    assert date_phrase("2012", "year") == "In 2012"
    assert date_phrase(None, "unknown") == "On an unknown date"
