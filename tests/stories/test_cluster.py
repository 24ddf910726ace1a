from __future__ import annotations

from eventwire.stories import build_stories, get_story, list_stories, mark_copies, update_corpus_views

from .helpers import OTHER_TEXT, SHELLING, add, bombing_corpus


def _story_of(store, article_id):
    rows = store.db.query("SELECT story_id FROM story_events WHERE article_id = ?", (article_id,))
    return {r["story_id"] for r in rows}


def test_two_outlets_reporting_one_bombing_form_one_story(bombing_store):
    stories = list_stories(bombing_store)
    assert len(stories) == 2
    bombing = next(s for s in stories if s["place"] == "Mogadishu")
    assert bombing["n_events"] == 2  # the copy's event is linked, not counted
    assert bombing["n_articles"] == 3  # wire, local report and the copy
    assert bombing["outlets"] == ["Capital Voice", "Daily Relay", "Horn Wire"]
    assert "Suicide bomb" in bombing["title"] and "Mogadishu" in bombing["title"]
    assert "Al Shabaab" in bombing["title"] and "2020-03-03" in bombing["title"]
    assert _story_of(bombing_store, "copy-1") == set()


def test_story_detail_lists_outlets_events_and_copies(bombing_store):
    sid = next(s["id"] for s in list_stories(bombing_store) if s["place"] == "Mogadishu")
    story = get_story(bombing_store, sid)
    assert sorted(e["article_id"] for e in story["events"]) == ["local-1", "wire-1"]
    wire_event = next(e for e in story["events"] if e["article_id"] == "wire-1")
    assert [c["article_id"] for c in wire_event["copies"]] == ["copy-1"]
    figures = {o["outlet"]: o["figures"] for o in story["by_outlet"]}
    assert figures["Horn Wire"] == {"fatalities": 12}
    assert figures["Capital Voice"] == {"fatalities": 19}
    framing = {f["outlet"]: f for f in story["framing"]}
    assert framing["Capital Voice"]["techniques"] == {"Name_Calling,Labeling": 1}
    assert framing["Horn Wire"]["framing_spans"] == 0
    assert get_story(bombing_store, "S-missing") is None


def test_far_apart_or_unrelated_events_stay_apart(bombing_store):
    assert _story_of(bombing_store, "other-1") != _story_of(bombing_store, "wire-1")


def test_new_article_joins_its_story_incrementally(bombing_store):
    before = {s["id"] for s in list_stories(bombing_store)}
    text = "Kharkiv came under renewed artillery fire on Thursday, the regional governor said."
    evidence = "Kharkiv came under renewed artillery fire on Thursday"
    add(bombing_store, "other-2", text, outlet="Steppe News", published="2020-03-05",
        events=[(evidence, {**SHELLING, "date": "2020-03-05"})])  # fmt: skip
    update = update_corpus_views(bombing_store)["stories"]
    assert update["articles"] == 1 and update["created"] == 0
    assert {s["id"] for s in list_stories(bombing_store)} == before
    assert _story_of(bombing_store, "other-2") == _story_of(bombing_store, "other-1")


def test_events_months_apart_are_separate_stories(bombing_store):
    add(bombing_store, "other-3", OTHER_TEXT, outlet="Steppe News", published="2020-09-04",
        events=[("Russian forces shelled", {**SHELLING, "date": "2020-09-04"})])  # fmt: skip
    update_corpus_views(bombing_store)
    assert _story_of(bombing_store, "other-3") != _story_of(bombing_store, "other-1")


def test_rebuild_gives_the_same_stories(bombing_store):
    before = [(s["id"], s["title"], s["n_events"]) for s in list_stories(bombing_store)]
    build_stories(bombing_store, rebuild=True)
    assert [(s["id"], s["title"], s["n_events"]) for s in list_stories(bombing_store)] == before


def test_an_article_that_becomes_a_copy_leaves_its_story(store):
    bombing_corpus(store)
    build_stories(store)  # before copy detection, the copy's event sits in the story
    assert _story_of(store, "copy-1")
    mark_copies(store)
    build_stories(store)
    assert _story_of(store, "copy-1") == set()


def test_list_stories_filters(bombing_store):
    assert [s["place"] for s in list_stories(bombing_store, place="Somalia")] == ["Mogadishu"]
    assert [s["place"] for s in list_stories(bombing_store, outlet="capital voice")] == ["Mogadishu"]
    assert list_stories(bombing_store, date_from="2021-01-01") == []


def test_dev_corpus_press_tv_towns_share_a_story(gold_store):
    rows = gold_store.db.query(
        "SELECT e.location, s.story_id FROM events e JOIN story_events s "
        "ON s.article_id = e.article_id AND s.idx = e.idx WHERE e.article_id = 'seed-presstv-2018'"
    )
    by_place = {r["location"]: r["story_id"] for r in rows}
    # Towns retaken on one day by one army a few kilometres apart are one story.
    assert by_place["Al-Harak"] == by_place["Busra al-Harir"] == by_place["Al-Ghariyah al-Sharqiyah"]
    # The 2021 truce in Daraa al-Balad is a different story from the 2018 offensive.
    truce = gold_store.db.query(
        "SELECT s.story_id FROM events e JOIN story_events s "
        "ON s.article_id = e.article_id AND s.idx = e.idx WHERE e.article_id = 'seed-daraa-2021' "
        "AND e.sub_event_type = 'Agreement' AND e.date LIKE '2021%'"
    )
    assert truce and truce[0]["story_id"] not in set(by_place.values())
