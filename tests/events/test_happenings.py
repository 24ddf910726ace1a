"""Which mentions are happenings, and where: background, reference points, one event per happening.

Sentences written for these tests; real spaCy parse, places from the parse (no geo stage) unless a
test builds its own Place / Attribution records.
"""

from __future__ import annotations

import pytest

from eventwire.events.refs import suffix_level
from eventwire.models import Analysis, Article, Attribution, Place
from eventwire.pipeline import Context
from eventwire.time import find_dates


def happened(analysis):
    return [e for e in analysis.events if e.happened]


def locations(analysis):
    return sorted({e.location for e in happened(analysis)})


def test_reference_point_is_not_the_location(analyze_events):
    a = analyze_events("Rebels evacuated the town of Saraqib, 20 km east of Idlib, on Monday.")
    assert "Saraqib" in locations(a)
    assert "Idlib" not in locations(a)


def test_outskirts_name_a_landmark(analyze_events):
    a = analyze_events("Government troops recaptured Harasta on the outskirts of Damascus on Monday.")
    assert locations(a) == ["Harasta"]


def test_destination_after_movement_word(analyze_events):
    a = analyze_events(
        "Hundreds of fighters left Madaya on Sunday in a convoy of buses heading for Idlib.",
    )
    assert "Madaya" in locations(a)
    assert "Idlib" not in locations(a)


@pytest.mark.parametrize(
    "text",
    [
        "For years, the valley served as a base for attacks against army convoys near Kunduz.",
        "Over the past five years, the army has been fighting insurgents in Borno.",
        "The war has so far killed tens of thousands of people in Tigray.",
        "Marib became a hotbed of protests against the government in Sanaa.",
        "The region around Kidal is held by militants fighting against the army.",
    ],
)
def test_background_yields_no_happening(analyze_events, text):
    assert happened(analyze_events(text)) == []


def test_unnamed_towns_in_a_province_are_not_coded(analyze_events):
    a = analyze_events("The army has recaptured several villages in Hama province on Tuesday.")
    assert happened(a) == []


def test_named_towns_of_a_list_are_coded(analyze_events):
    a = analyze_events("The army recaptured the villages of Kafr Zita and Latamna on Tuesday.")
    assert {"Kafr Zita", "Latamna"} <= set(locations(a))


def test_capture_subsumes_the_fighting_at_the_same_place(analyze_events):
    a = analyze_events("Houthi fighters stormed Harib and took control of the town on Friday.")
    subs = {e.sub_event_type for e in happened(a) if e.location == "Harib"}
    assert "Non-state actor overtakes territory" in subs
    assert "Armed clash" not in subs


def test_main_verb_decides_among_strategic_developments(analyze_events):
    a = analyze_events(
        "The town of Kafr Batna reconciled with the government on Friday, "
        "with fighters laying down their arms."
    )
    subs = [e.sub_event_type for e in happened(a) if e.location == "Kafr Batna"]
    assert subs == ["Non-violent transfer of territory"]


def test_martyr_as_a_noun_is_not_a_killing(analyze_events):
    a = analyze_events("The Martyrs Brigade moved into Deraa on Monday.")
    assert all(e.sub_event_type != "Armed clash" for e in a.events)


def test_suffix_states_the_level():
    text = "A man was killed in Myaung Township in Sagaing Region."
    sagaing = Place(mention="Sagaing", start=text.index("Sagaing"), end=text.index("Sagaing") + 7)
    myaung = Place(mention="Myaung", start=text.index("Myaung"), end=text.index("Myaung") + 6)
    assert suffix_level(text, sagaing) == 2
    assert suffix_level(text, myaung) == 1
    assert suffix_level("Clashes in Sagaing.", Place(mention="Sagaing", start=11, end=18)) is None


def _run_with(pipeline, text, published, places=(), attributions=()):
    """nlp and actors from the pipeline, then the given geo / claims records, then events."""
    stages = {s.name: s for s in pipeline.stages}
    ctx = Context(article=Article(id="t", text=text, published=published), analysis=Analysis(article_id="t"))
    stages["nlp"](ctx)
    stages["actors"](ctx)
    ctx.analysis.places = list(places)
    ctx.analysis.attributions = list(attributions)
    stages["events"](ctx)
    return ctx.analysis


def _place(text, name, kind, precision):
    s = text.index(name)
    return Place(mention=name, start=s, end=s + len(name), name=name, kind=kind, precision=precision)


def test_container_place_is_dropped(events_pipeline):
    text = "Junta troops shelled Payein village in Myingyan District on Friday."
    places = [_place(text, "Payein", "village", "exact"), _place(text, "Myingyan", "city", "exact")]
    a = _run_with(events_pipeline, text, "2022-10-28", places)
    assert locations(a) == ["Payein"]


def test_geo_place_resolved_as_city_but_named_as_region(events_pipeline):
    text = "Junta troops shelled Kani Township in Sagaing Region on Friday."
    places = [_place(text, "Kani", "town", "exact"), _place(text, "Sagaing", "city", "exact")]
    a = _run_with(events_pipeline, text, "2022-10-28", places)
    assert locations(a) == ["Kani"]


def test_reported_by_comes_from_the_claim_span(events_pipeline):
    text = "Local officials said rebels seized the town of Rutshuru on Sunday."
    claim = "rebels seized the town of Rutshuru on Sunday"
    s = text.index(claim)
    att = Attribution(claim=claim, start=s, end=s + len(claim), speaker="Local officials", anonymous=True)
    places = [_place(text, "Rutshuru", "town", "exact")]
    a = _run_with(events_pipeline, text, "2022-06-13", places, [att])
    evs = happened(a)
    assert evs and all(e.reported_by == "Local officials" and e.modality == "reported" for e in evs)


def test_event_outside_the_claim_keeps_no_source(events_pipeline):
    text = "Rebels seized the town of Rutshuru on Sunday, hours after officials said talks would resume."
    claim = "talks would resume"
    s = text.index(claim)
    att = Attribution(claim=claim, start=s, end=s + len(claim), speaker="officials", anonymous=True)
    places = [_place(text, "Rutshuru", "town", "exact")]
    a = _run_with(events_pipeline, text, "2022-06-13", places, [att])
    evs = [e for e in happened(a) if e.location == "Rutshuru"]
    assert evs and all(e.reported_by is None for e in evs)


def test_stated_month_year_beats_relative_month():
    (d,) = find_dates("The city was besieged from September 2014.", "2017-09-05")
    assert (d.date, d.precision) == ("2014-09", "month")


def test_occupying_a_base_is_a_capture_but_an_occupied_region_is_a_description(pipeline):
    found = [e for e in pipeline.analyze(Article(
        id="o", text="Al-Shabaab fighters stormed and occupied an army base in Jowhar on Tuesday.",
        published="2024-02-10", language="en")).events if e.happened]  # fmt: skip
    assert any(e.sub_event_type == "Non-state actor overtakes territory" for e in found)
    found = pipeline.analyze(Article(
        id="p", text="Troops moved closer to the occupied region of Kherson on Tuesday.",
        published="2024-02-10", language="en")).events  # fmt: skip
    assert not any(e.event_type == "Battles" and e.trigger == "occupied" for e in found)


def test_a_lead_at_province_level_is_the_summary_of_the_body_events(pipeline):
    text = (
        "KHARTOUM - Army artillery pounded rebel positions in North Kordofan state, killing dozens.\n"
        "On Monday, the army's artillery shelled rebel positions in Bara and Um Rawaba."
    )
    found = [e for e in pipeline.analyze(Article(id="s", text=text, published="2024-02-10",
                                                 language="en")).events if e.happened]  # fmt: skip
    shelled = {e.location for e in found if e.sub_event_type == "Shelling/artillery/missile attack"}
    assert {"Barah", "Umm Ruwaba"} <= shelled  # the gazetteer's names
    assert "Shamal Kurdufan" not in shelled  # North Kordofan, as the gazetteer names it
    # without the body's finer events, the lead's province event stays
    lead = text.split("\n")[0]
    alone = pipeline.analyze(Article(id="t", text=lead, published="2024-02-10", language="en")).events
    assert any(e.location == "Shamal Kurdufan" for e in alone)


def test_a_trigger_word_inside_a_group_name_is_no_event(pipeline):
    text = "Fighters of the Tigray People's Liberation Front held talks in Mekelle on Tuesday."
    found = pipeline.analyze(Article(id="n", text=text, published="2024-02-10", language="en")).events
    assert not any(e.trigger == "Liberation" for e in found)
