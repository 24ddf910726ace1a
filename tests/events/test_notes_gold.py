"""The notes-style test set (tests/data/events/notes_gold.jsonl, issue 16): its schema, its
offsets, and the events layer scored on it. The trained event classifier of issue 16 holds a
floor; the issue's targets are a non-strict xfail until they are reached."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eventwire.eval import evaluate
from eventwire.eval.gold import load_gold

# ACLED's 25 sub-event types by event type (ACLED codebook)
TAXONOMY = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ],
}
EVENT_TYPE = {sub: etype for etype, subs in TAXONOMY.items() for sub in subs}

NOTES = Path(__file__).parents[1] / "data" / "events" / "notes_gold.jsonl"
KINDS = {
    "country",
    "province",
    "district",
    "city",
    "town",
    "village",
    "neighborhood",
    "region",
    "border_crossing",
    "water",
    "other",
}


@pytest.fixture(scope="module")
def raw() -> list[dict]:
    return [json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def scores() -> dict:
    return evaluate(NOTES, layers=["events"])["events"]


def test_every_note_loads_with_located_quotes(raw):
    gold = load_gold(NOTES)
    assert len(gold) == len(raw) >= 250
    for article in gold:
        for span in [*article.places, *article.events]:
            quote = span.get("mention") or span.get("evidence")
            assert article.text[span.start : span.end] == quote


def test_schema_of_each_note(raw):
    ids = [d["id"] for d in raw]
    assert len(set(ids)) == len(ids)
    for doc in raw:
        assert doc["outlet"] == "eventwire test notes" and doc["published"]
        assert 1 <= doc["text"].count(". ") + 1 <= 3, doc["id"]  # one or two sentences
        names = {p["name"] for p in doc["places"]}
        for place in doc["places"]:
            assert place["kind"] in KINDS and len(place["country"]) == 2
            assert (place["lat"] is None) == (place["lon"] is None)
        [event] = doc["events"]
        assert EVENT_TYPE[event["sub_event_type"]] == event["event_type"]
        assert event["location"] in names and event["actor1"]
        assert event["date"] <= doc["published"] and event["date_precision"] in {"day", "week", "month"}
        assert isinstance(event["fatalities"], int) and event["fatalities"] >= 0


def test_coverage_of_sub_types_and_countries(raw):
    subs = Counter(e["sub_event_type"] for d in raw for e in d["events"])
    assert set(subs) == set(EVENT_TYPE) and min(subs.values()) >= 8
    assert len({d["places"][0]["country"] for d in raw}) >= 30


def test_events_layer_scores_and_reports_counts(scores, raw):
    assert scores["gold"] == sum(len(d["events"]) for d in raw)
    assert 0 <= scores["matched"] <= min(scores["gold"], scores["predicted"])
    for key in ("precision", "recall", "f1", "sub_type_acc", "actor1_acc", "date_acc"):
        assert 0.0 <= scores[key] <= 1.0


def test_issue_16_type_targets(scores):
    # event_type accuracy = share of gold events paired (pairs need event_type + location)
    assert scores["matched"] / scores["gold"] >= 0.90
    assert scores["matched"] and scores["sub_type_acc"] * scores["matched"] / scores["gold"] >= 0.80


def test_issue_16_actor1_target(scores):
    assert scores["actor1_acc"] * scores["matched"] / scores["gold"] >= 0.80


def test_trained_classifier_keeps_its_measured_level(scores):
    # measured when the classifier landed (rules alone: F1 .40, sub-type .88); a floor, not a target
    assert scores["f1"] >= 0.60 and scores["sub_type_acc"] >= 0.90
    # event type right for .663 of gold events (pairs / gold; rules alone .372), sub-type for .632
    assert scores["matched"] / scores["gold"] >= 0.63
    assert scores["sub_type_acc"] * scores["matched"] / scores["gold"] >= 0.60
