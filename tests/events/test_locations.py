"""Which places locate an event: lists of names the gazetteer lacks, containers stated by the text,
landmarks given by a distance (events/lists.py, events/refs.py, events/locations.py)."""

from __future__ import annotations

import pytest

from eventwire.events.lists import _lists
from eventwire.events.refs import suffix_level
from eventwire.models import Article, Place
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline().initialize()


def locations(pipeline, text: str) -> set[str]:
    analysis = pipeline.analyze(Article(id="l", text=text, published="2023-05-20", language="en"))
    return {e.location for e in analysis.events if e.happened}


def test_a_list_run_is_found_on_the_surface(pipeline):
    text = "Troops shelled the Bakori school, Ungwan Dawa, al-Rimi, the Airport and el-Kufa on Monday."
    doc = pipeline.nlp(text)
    runs = [[doc[a:b].text for a, b in items] for sent in doc.sents for items in _lists(sent)]
    assert ["the Bakori school", "Ungwan Dawa", "al-Rimi", "the Airport", "el-Kufa"] in runs


def test_unknown_names_in_a_list_with_a_located_town_are_event_locations(pipeline):
    found = locations(
        pipeline, "Government artillery shelled Kadugli, Umm Sirdiba Wadi and Zabarwi Kunda on Monday."
    )
    assert {"Kadugli", "Umm Sirdiba Wadi", "Zabarwi Kunda"} <= found


def test_a_list_of_countries_adds_no_place(pipeline):
    found = locations(pipeline, "Warplanes bombed Kadugli on Monday, Sudan, Chad and Wonderlandia said.")
    assert "Wonderlandia" not in found


def test_a_place_modifying_a_place_noun_contains_the_places_it_names(pipeline):
    found = locations(pipeline, "Rebels captured the Kordofan villages of Dilling and Talodi on Monday.")
    assert {"Dilling", "Talodi"} <= found and "Kordofan" not in found


def test_a_stated_sub_district_is_a_container(pipeline):
    text = "Rebels captured the village of Talodi in the sub-district of Dilling on Monday."
    found = locations(pipeline, text)
    assert "Talodi" in found and "Dilling" not in found


def test_a_distance_from_a_town_centre_makes_the_town_a_landmark(pipeline):
    found = locations(
        pipeline,
        "Rebels are now four kilometres from the centre of the town of Kadugli after capturing "
        "the village of Talodi.",
    )
    assert "Kadugli" not in found


def test_a_share_of_a_region_is_no_place(pipeline):
    assert not locations(
        pipeline, "Government forces retook more than half of North Kordofan state on Monday."
    )


def test_a_plural_level_word_states_the_level_of_every_name_before_it(pipeline):
    found = locations(
        pipeline, "Troops recaptured several villages in the Kassala and Gedaref regions on Monday."
    )
    assert not found  # an unnamed set of villages in two districts: no place pinned down
    text = "in the Kassala and Gedaref regions"
    at = text.index("Gedaref")
    assert suffix_level(text, Place(mention="Gedaref", start=at, end=at + 7)) == 2
    assert suffix_level("in Myaung townships", Place(mention="Myaung", start=3, end=9)) == 1


def test_an_event_noun_modifying_a_noun_is_no_happening(pipeline):
    text = "With the evacuation arrangements agreed, engineers reopened the bridge near Kidal on Monday."
    analysis = pipeline.analyze(Article(id="m", text=text, published="2023-05-20", language="en"))
    assert not any(e.trigger == "evacuation" for e in analysis.events)


def test_counted_villages_near_a_town_are_not_located_at_the_town(pipeline):
    assert not locations(pipeline, "Rebels took control of four villages near the town of Kadugli on Monday.")
    assert "Kadugli" in locations(pipeline, "Rebels took control of four villages in Kadugli on Monday.")


def test_the_ends_of_a_road_are_not_the_event_location(pipeline):
    text = "Gunmen ambushed a convoy on the highway between Kadugli and Dilling on Monday."
    assert not {"Kadugli", "Dilling"} & locations(pipeline, text)
    text = "Gunmen ambushed a convoy on the road linking Kadugli to Dilling on Monday."
    assert not {"Kadugli", "Dilling"} & locations(pipeline, text)


def test_the_town_refers_back_to_the_town_named_last(pipeline):
    text = (
        "Rebels attacked an army post in Bunia on Sunday. Residents said troops were reinforcing "
        "their positions. On Monday the rebels entered the city amid heavy air strikes."
    )
    analysis = pipeline.analyze(Article(id="a", text=text, published="2023-05-20", language="en"))
    strikes = [e for e in analysis.events if e.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].location == "Bunia"


def test_a_named_town_noun_is_not_an_anaphor(pipeline):
    from eventwire.events.refs import anaphoric_place
    from eventwire.nlp.index import OffsetIndex

    doc = pipeline.nlp("The army shelled the town of Dilling.")
    place = Place(mention="Kadugli", start=0, end=7, name="Kadugli", kind="town")
    assert anaphoric_place(next(iter(doc.sents)), OffsetIndex([place])) is None
