from __future__ import annotations

from eventwire.stories import find_contradictions, get_story, list_stories

from .helpers import BOMBING, add


def test_two_outlets_with_different_death_tolls_give_one_contradiction(bombing_store):
    sid = next(s["id"] for s in list_stories(bombing_store) if s["place"] == "Mogadishu")
    story = get_story(bombing_store, sid)
    assert story["n_contradictions"] == 1
    [c] = story["contradictions"]
    assert (c["kind"], c["field"], c["values"]) == ("figure", "fatalities", [12, 19])
    assert c["location"] == "Mogadishu"
    sides = {s["outlet"]: s for s in c["sides"]}
    assert set(sides) == {"Horn Wire", "Capital Voice"}  # the copy repeats Horn Wire; not a side
    for side in c["sides"]:
        text = bombing_store.get_article(side["article_id"]).text
        assert text[side["start"] : side["end"]] == side["evidence"]
    assert "killing 12 people" in sides["Horn Wire"]["evidence"]
    assert "At least 19 people died" in sides["Capital Voice"]["evidence"]


def _row(article_id, outlet, **fields):
    base = {"article_id": article_id, "event_id": f"{article_id}#0", "outlet": outlet,
            "published": "2020-03-04", "evidence": "x", "start_char": 0, "end_char": 1,
            "modality": "asserted", "quantities": {}}  # fmt: skip
    return {**base, **BOMBING, **fields}


def test_agreeing_reports_and_one_outlets_updates_are_not_contradictions():
    same = [_row("a", "Horn Wire", fatalities=12), _row("b", "Capital Voice", fatalities=12)]
    assert find_contradictions(same) == []
    update = [_row("a", "Horn Wire", fatalities=12), _row("b", "Horn Wire", fatalities=15)]
    assert find_contradictions(update) == []


def test_different_places_or_far_dates_are_not_compared():
    other_place = [
        _row("a", "Horn Wire", fatalities=12),
        _row("b", "Capital Voice", fatalities=3, location="Afgooye"),
    ]
    assert find_contradictions(other_place) == []
    later = [
        _row("a", "Horn Wire", fatalities=12),
        _row("b", "Capital Voice", fatalities=3, date="2020-03-20"),
    ]
    assert find_contradictions(later) == []


def test_quantities_actors_and_outcomes_are_compared():
    rows = [
        _row("a", "Wire A", event_type="Battles", sub_event_type="Government regains territory",
             actor1="Military Forces of Somalia (2017-2022)", quantities={"weapons": 40}),
        _row("b", "Wire B", event_type="Battles", sub_event_type="Armed clash",
             actor1="Military Forces of Somalia (2017-2022)", quantities={}),
        _row("c", "Wire C", event_type="Battles", sub_event_type="Government regains territory",
             actor1="African Union Mission in Somalia", quantities={"weapons": 25}),
    ]  # fmt: skip
    found = {(c["kind"], c["field"]): c for c in find_contradictions(rows)}
    assert found[("figure", "weapons")]["values"] == [25, 40]
    assert set(found[("actor", "actor1")]["values"]) == {
        "Military Forces of Somalia (2017-2022)",
        "African Union Mission in Somalia",
    }
    assert found[("outcome", "sub_event_type")]["values"] == ["Armed clash", "Government regains territory"]


def test_a_denial_contradicts_a_report(store):
    text_a = "Government aircraft struck a market in the town on Monday, witnesses said."
    text_b = "The army denied that its aircraft struck a market in the town on Monday."
    fields = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
              "location": "Afgooye", "date": "2020-05-04"}  # fmt: skip
    add(
        store,
        "a",
        text_a,
        outlet="Wire A",
        published="2020-05-04",
        events=[("Government aircraft struck", fields)],
    )
    add(store, "b", text_b, outlet="Wire B", published="2020-05-05",
        events=[("its aircraft struck a market", {**fields, "modality": "negated"})])  # fmt: skip
    from eventwire.stories import update_corpus_views

    update_corpus_views(store)
    [story] = list_stories(store)
    [c] = get_story(store, story["id"])["contradictions"]
    assert (c["field"], c["values"]) == ("modality", ["denied", "reported"])
