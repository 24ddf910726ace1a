from __future__ import annotations

from eventwire.stories import control_changes, holders, place_timeline, timeline
from eventwire.stories.places import PlaceQuery

from .helpers import add

TEXT_2018 = (
    "Government troops entered Dael on Friday after local armed groups agreed to hand over the town, "
    "and the army took Al-Harak the same day after brief fighting."
)
TEXT_2021 = (
    "Fighters in Daraa al-Balad handed over 40 rifles to the army under a truce signed on Sunday. "
    "Residents said the checkpoints around the old quarter stayed closed "
    "while the lists of names were checked."
)
TEXT_COPY = "According to Valley Wire, f" + TEXT_2021[1:]


def _daraa_store(store):
    gov, reb = "Military Forces of Syria", "Opposition Rebels (Syria)"
    add(store, "y2018", TEXT_2018, outlet="South Wire", published="2018-07-07",
        events=[("Government troops entered Dael on Friday",
                 {"event_type": "Strategic developments", "location": "Dael", "actor1": gov, "actor2": reb,
                  "sub_event_type": "Non-violent transfer of territory", "date": "2018-07-06"}),
                ("the army took Al-Harak the same day",
                 {"event_type": "Battles", "sub_event_type": "Government regains territory",
                  "location": "Al-Harak", "actor1": gov, "actor2": reb, "date": "2018-07-06"})])  # fmt: skip
    add(store, "y2021", TEXT_2021, outlet="Valley Wire", published="2021-09-06",
        events=[("Fighters in Daraa al-Balad handed over 40 rifles",
                 {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use",
                  "location": "Daraa al-Balad", "actor1": gov, "actor2": reb, "date": "2021-09-05",
                  "quantities": {"weapons": 40}})])  # fmt: skip
    add(store, "y2021-copy", TEXT_COPY, outlet="Relay Site", published="2021-09-07",
        events=[("fighters in Daraa al-Balad handed over 40 rifles",
                 {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use",
                  "location": "Daraa al-Balad", "actor1": gov, "date": "2021-09-05"})])  # fmt: skip
    from eventwire.stories import update_corpus_views

    update_corpus_views(store)
    return store


def test_province_timeline_includes_its_towns_in_date_order(store):
    events = timeline(_daraa_store(store), "Dara'a")
    assert [(e["date"], e["location"]) for e in events] == [
        ("2018-07-06", "Dael"),
        ("2018-07-06", "Al-Harak"),
        ("2021-09-05", "Daraa al-Balad"),
    ]
    for e in events:
        for key in (
            "date",
            "event_type",
            "sub_event_type",
            "location",
            "outlet",
            "article_id",
            "notes",
            "evidence",
        ):
            assert key in e
        assert store.get_article(e["article_id"]).text[e["start"] : e["end"]] == e["evidence"]
    # The copy's event is linked to the original, not listed twice.
    last = events[-1]
    assert last["article_id"] == "y2021" and [c["article_id"] for c in last["copies"]] == ["y2021-copy"]
    assert last["outlets"] == ["Relay Site", "Valley Wire"]


def test_spellings_countries_and_date_bounds(store):
    _daraa_store(store)
    assert len(timeline(store, "Deraa")) == 3
    assert len(timeline(store, "Syria")) == 3
    assert [e["location"] for e in timeline(store, "Dael")] == ["Dael"]
    assert [e["date"] for e in timeline(store, "Daraa", date_from="2021-01-01")] == ["2021-09-05"]
    assert timeline(store, "Damascus") == []
    assert len(timeline(store, "Daraa", include_copies=True)) == 4


def test_control_changes_and_holders(store):
    view = place_timeline(_daraa_store(store), "Daraa")
    effects = [(c["date"], c["location"], c["effect"], c["actor"]) for c in view["control"]]
    assert ("2018-07-06", "Dael", "gains", "Military Forces of Syria") in effects
    assert ("2021-09-05", "Daraa al-Balad", "weapons", "Military Forces of Syria") in effects
    weapons = next(c for c in view["control"] if c["effect"] == "weapons")
    assert weapons["outlets"] == ["Relay Site", "Valley Wire"] and weapons["quantities"] == {"weapons": 40}
    assert {h["location"]: h["since"] for h in view["holders"]} == {
        "Dael": "2018-07-06",
        "Al-Harak": "2018-07-06",
    }
    assert holders(control_changes([])) == []


def test_place_query_rejects_similar_but_different_names():
    q = PlaceQuery.parse("Dara'a")
    assert q.match({"location": "Daraya"}) is None
    assert q.match({"location": "Deir ez-Zor"}) is None
    assert q.match({"location": "Daraa al-Balad"}) == "inside"
    assert PlaceQuery.parse("170959").match({"location": "Dael", "geonameid": 170959}) == "at"


def test_dev_corpus_daraa_timeline_has_2018_and_2021_in_order(gold_store):
    events = timeline(gold_store, "Dara'a")
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated)
    years = {d[:4] for d in dated}
    assert {"2018", "2021"} <= years
    outlets = {e["outlet"] for e in events}
    assert {"Press TV", "The Final Call"} <= outlets
    # The Presslajme republication is linked to the Press TV event, not listed on its own.
    assert all(e["article_id"] != "presslajme-copy-2018" for e in events)
    kinds = {(e["date"][:4], e["sub_event_type"]) for e in events if e["date"]}
    assert ("2021", "Agreement") in kinds and ("2021", "Disrupted weapons use") in kinds
