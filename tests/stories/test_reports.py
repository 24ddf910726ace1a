"""Near-duplicates that differ in their facts are separate reports, not copies (texts written here)."""

from __future__ import annotations

from eventwire.stories import get_story, list_copies, list_stories, update_corpus_views
from eventwire.stories.reports import figure_conflicts, report_differences

from .helpers import add

FULL = (
    "Gunmen attacked a police checkpoint on the northern road out of Kelmora on Friday, killing 12 "
    "officers, the provincial police chief said. Residents said the attackers arrived in two pickup "
    "trucks and fled into the hills after a two-hour gunfight. The rebel front said its fighters carried "
    "out the raid in revenge for the arrest of its commanders. Hospitals in the valley asked for blood "
    "donors as the wounded arrived through the evening, and the road stayed closed on Saturday."
)
# A shortened state-media version: same wording, a much lower toll, no claim of responsibility.
STATE = (
    "Gunmen attacked a police checkpoint on the northern road out of Kelmora on Friday, killing 3 "
    "officers, the provincial police chief said. Residents said the attackers arrived in two pickup "
    "trucks and fled into the hills after a two-hour gunfight. Hospitals in the valley asked for blood "
    "donors as the wounded arrived through the evening."
)
ATTACK = {"event_type": "Battles", "sub_event_type": "Armed clash", "location": "Kelmora",
          "actor1": "Rebel Front", "actor2": "Police Forces", "date": "2022-04-08"}  # fmt: skip
EVIDENCE = "Gunmen attacked a police checkpoint on the northern road out of Kelmora on Friday"


def test_same_words_with_another_number_is_a_figure_conflict():
    assert figure_conflicts(STATE, FULL) == ["killing 3 officers vs 12"]
    assert figure_conflicts(FULL[:200], FULL) == []


def test_differing_tolls_of_one_happening_are_differences():
    a = [{**ATTACK, "fatalities": 3, "article_id": "b"}]
    b = [{**ATTACK, "fatalities": 12, "article_id": "a"}]
    assert report_differences("short", "a longer text", a, b) == ["fatalities 3 vs 12"]
    assert report_differences("short", "a longer text", a, [{**b[0], "fatalities": 3}]) == []


def test_shortened_differing_state_media_version_stays_a_separate_report(store):
    add(store, "opposition-1", FULL, outlet="Valley Voice", published="2022-04-08",
        events=[(EVIDENCE, {**ATTACK, "fatalities": 12})])  # fmt: skip
    add(store, "state-1", STATE, outlet="State Herald", published="2022-04-08",
        events=[(EVIDENCE, {**ATTACK, "fatalities": 3})])  # fmt: skip
    update_corpus_views(store)
    assert list_copies(store) == []
    assert store.db.query("SELECT copy_of FROM articles WHERE id = 'state-1'")[0]["copy_of"] is None
    [story] = list_stories(store)
    assert set(story["articles"]) == {"opposition-1", "state-1"} and story["copies"] == []
    detail = get_story(store, story["id"])
    assert {e["article_id"] for e in detail["events"]} == {"opposition-1", "state-1"}
    [conflict] = [c for c in detail["contradictions"] if c["field"] == "fatalities"]
    assert sorted(conflict["values"]) == [3, 12]
    assert {s["outlet"] for s in conflict["sides"]} == {"Valley Voice", "State Herald"}


def test_a_true_copy_is_listed_with_what_it_copies(bombing_store):
    story = next(s for s in list_stories(bombing_store) if "copy-1" in s["articles"])
    assert story["copies"] == [{"article_id": "copy-1", "copy_of": "wire-1"}]
    assert set(story["articles"]) == {"wire-1", "copy-1", "local-1"}
    assert story["events"] and all(not e.startswith("copy-1#") for e in story["events"])
