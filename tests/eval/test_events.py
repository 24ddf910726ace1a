"""Event matching and attribute accuracy on hand-made pairs."""

from __future__ import annotations

import pytest

from eventwire.eval.events import date_matches, event_metrics, fatalities_match, score_events
from eventwire.models import Analysis, Event

TEXT = (
    "Rebels shelled the outskirts of Goma on 3 May, killing two civilians. "
    "Two days later troops retook Bunagana after heavy fighting."
)
S1 = TEXT.split(". ")[0] + "."
S2 = TEXT[len(S1) + 1 :]
GOMA = (-1.68, 29.22)
BUNAGANA = (-1.28, 29.60)

GOLD = {
    "id": "e",
    "text": TEXT,
    "published": "2022-05-06",
    "places": [
        {"mention": "Goma", "name": "Goma", "geonameid": 216281, "lat": GOMA[0], "lon": GOMA[1]},
        {
            "mention": "Bunagana",
            "name": "Bunagana",
            "geonameid": None,
            "lat": BUNAGANA[0],
            "lon": BUNAGANA[1],
        },
    ],
    "events": [
        {
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": "M23: March 23 Movement",
            "location": "Goma",
            "date": "2022-05-03",
            "date_precision": "day",
            "fatalities": 2,
            "evidence": S1,
        },
        {
            "event_type": "Battles",
            "sub_event_type": "Government regains territory",
            "actor1": "Military Forces of the Democratic Republic of Congo",
            "location": "Bunagana",
            "date": "2022-05-05",
            "date_precision": "day",
            "fatalities": None,
            "evidence": S2,
        },
    ],
}


def shelling(**kw):
    base = dict(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        start=0,
        end=len(S1),
        evidence=S1,
        actor1="M23: March 23 Movement",
        location="Goma",
        geonameid=216281,
        date="2022-05-03",
        date_precision="day",
        fatalities=2,
    )
    base.update(kw)
    return Event(**base)


def battle(**kw):
    base = dict(
        event_type="Battles",
        sub_event_type="Government regains territory",
        start=len(S1) + 1,
        end=len(TEXT),
        evidence=S2,
        actor1="Military Forces of the Democratic Republic of Congo",
        location="Bunagana",
        lat=BUNAGANA[0],
        lon=BUNAGANA[1],
        date="2022-05-05",
        date_precision="day",
    )
    base.update(kw)
    return Event(**base)


def metrics(events):
    return event_metrics(score_events(GOLD, Analysis(article_id="e", events=events)).counts)


def test_perfect_prediction_scores_one():
    m = metrics([shelling(), battle()])
    for key in ("precision", "recall", "f1", "sub_type_acc", "actor1_acc", "date_acc", "fatalities_acc"):
        assert m[key] == 1.0, key


def test_a_missed_event_lowers_recall():
    m = metrics([shelling()])
    assert m["recall"] == 0.5 and m["precision"] == 1.0


def test_a_spurious_event_lowers_precision():
    extra = shelling(event_type="Protests", sub_event_type="Peaceful protest")
    m = metrics([shelling(), battle(), extra])
    assert m["precision"] == pytest.approx(2 / 3) and m["recall"] == 1.0


def test_location_matches_by_geonameid_distance_or_name():
    by_id = shelling(location="Somewhere else", lat=None, lon=None)
    near = battle(location="x", lat=BUNAGANA[0] + 0.1, lon=BUNAGANA[1])  # about 11 km away
    assert metrics([by_id, near])["matched"] == 2
    by_name = battle(location="BUNAGANA", lat=None, lon=None)
    assert metrics([by_name])["matched"] == 1


def test_wrong_location_or_type_does_not_match():
    far = battle(location="Rutshuru", lat=BUNAGANA[0] + 0.3, lon=BUNAGANA[1])  # about 33 km away
    wrong_type = shelling(event_type="Battles", sub_event_type="Armed clash")
    m = metrics([far, wrong_type])
    assert m["matched"] == 0 and m["precision"] == 0.0 and m["recall"] == 0.0


def test_matching_is_one_to_one():
    m = metrics([shelling(), shelling()])
    assert m["matched"] == 1 and m["precision"] == 0.5


def test_greedy_prefers_the_better_pair():
    # Both predictions could pair with the shelling; the one agreeing on attributes should win.
    worse = shelling(sub_event_type="Air/drone strike", actor1="Unknown", date=None)
    m = metrics([worse, shelling()])
    assert m["sub_type_acc"] == 1.0 and m["actor1_acc"] == 1.0 and m["date_acc"] == 1.0


def test_attribute_errors_lower_their_accuracy_only():
    m = metrics([shelling(actor1="Civilians (DRC)", fatalities=3), battle(date="2022-05-04")])
    assert m["f1"] == 1.0
    assert m["actor1_acc"] == 0.5 and m["fatalities_acc"] == 0.5 and m["date_acc"] == 0.5
    assert m["sub_type_acc"] == 1.0


def test_exact_f1_counts_only_pairs_right_in_sub_type_actor1_and_date():
    assert metrics([shelling(), battle()])["exact_f1"] == 1.0
    # one pair right in everything, one with the wrong date; a third prediction is spurious
    extra = shelling(event_type="Protests", sub_event_type="Peaceful protest")
    m = metrics([shelling(), battle(date="2022-05-04"), extra])
    assert m["f1"] == pytest.approx(0.8)
    # exact: 1 of 3 predictions, 1 of 2 gold events -> P 1/3, R 1/2, F1 0.4
    assert m["exact_f1"] == pytest.approx(0.4)
    wrong_sub = metrics([shelling(sub_event_type="Air/drone strike"), battle(actor1="Someone else")])
    assert wrong_sub["f1"] == 1.0 and wrong_sub["exact_f1"] == 0.0


def test_actor_names_compare_normalised():
    m = metrics([shelling(actor1="m23 march 23 movement")])
    assert m["actor1_acc"] == 1.0


@pytest.mark.parametrize("modality", ["negated", "planned"])
def test_events_that_did_not_happen_are_not_counted(modality):
    m = metrics([shelling(), battle(), battle(modality=modality, location="Goma")])
    assert m["predicted"] == 2 and m["precision"] == 1.0


@pytest.mark.parametrize(
    ("pred", "gold", "precision", "ok"),
    [
        ("2022-05-03", "2022-05-03", "day", True),
        ("2022-05-04", "2022-05-03", "day", False),
        ("2022-05", "2022-05-03", "day", False),
        ("2022-05-09", "2022-05-03", "week", True),
        ("2022-05-11", "2022-05-03", "week", False),
        ("2022-05-30", "2022-05", "month", True),
        ("2022-06", "2022-05", "month", False),
        ("2022-11-02", "2022", "year", True),
        (None, None, "unknown", True),
        ("2022-05-03", None, "unknown", False),
        (None, "2022-05-03", "day", False),
    ],
)
def test_date_equal_at_gold_precision(pred, gold, precision, ok):
    assert date_matches(pred, gold, precision) is ok


def test_actor_aliases_match_through_the_actor_dictionary():
    pytest.importorskip("eventwire.actors.dictionary")
    from eventwire.eval.events import actor_matches

    assert actor_matches("Daesh", "Islamic State")
    assert not actor_matches("Daesh", "Al Shabaab")


def test_no_death_reported_is_zero_or_null_alike():
    assert fatalities_match(None, 0) and fatalities_match(0, None) and fatalities_match(None, None)
    assert fatalities_match(3, 3)
    assert not fatalities_match(None, 2) and not fatalities_match(2, 0) and not fatalities_match(1, 4)


def test_an_unlocated_gold_place_matches_by_the_mention_the_prediction_came_from():
    from eventwire.models import Place

    text = "Troops stormed Kafr Zeta on Monday."
    gold = {
        "id": "u",
        "text": text,
        "published": "2022-05-06",
        "places": [{"mention": "Kafr Zeta", "name": "Kafr Zeta", "geonameid": None, "lat": None,
                    "lon": None}],
        "events": [{"event_type": "Battles", "sub_event_type": "Armed clash", "location": "Kafr Zeta",
                    "evidence": text}],
    }  # fmt: skip
    resolved = Place(mention="Kafr Zeta", start=15, end=24, name="Kafr Zayta", geonameid=1, lat=35.3,
                     lon=36.6)  # fmt: skip
    event = Event(event_type="Battles", sub_event_type="Armed clash", start=0, end=len(text), evidence=text,
                  location="Kafr Zayta", geonameid=1, lat=35.3, lon=36.6)  # fmt: skip
    counts = score_events(gold, Analysis(article_id="u", places=[resolved], events=[event])).counts
    assert counts["matched"] == 1
    # a located gold place still needs the same place: a mention alone does not do
    gold["places"][0].update(lat=34.0, lon=38.0)
    counts = score_events(gold, Analysis(article_id="u", places=[resolved], events=[event])).counts
    assert counts["matched"] == 0
