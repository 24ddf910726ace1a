"""Place metrics on small hand-made gold/prediction pairs."""

from __future__ import annotations

import pytest

from eventwire.eval.places import place_metrics, score_places
from eventwire.eval.result import sum_counts
from eventwire.models import Analysis, Place

TEXT = "Drone strikes hit Kassala and al-Fashir on Monday. Later, El Fashir was quiet; Sudan mourned."
KASSALA = (15.45, 36.40)
FASHIR = (13.63, 25.35)
KM_PER_DEG_LAT = 111.195


def gold_article(**extra):
    places = [
        {"mention": "Kassala", "name": "Kassala", "lat": KASSALA[0], "lon": KASSALA[1], "kind": "city"},
        {"mention": "al-Fashir", "name": "El Fasher", "lat": FASHIR[0], "lon": FASHIR[1], "kind": "city"},
        {"mention": "Sudan", "name": "Sudan", "lat": None, "lon": None, "kind": "country"},
    ]
    return {"id": "p", "text": TEXT, "places": places, **extra}


def place(mention, occurrence=0, lat=None, lon=None, name=None):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(mention, start + 1)
    return Place(
        mention=mention, start=start, end=start + len(mention), lat=lat, lon=lon, name=name or mention
    )


def metrics(preds):
    return place_metrics(score_places(gold_article(), Analysis(article_id="p", places=preds)).counts)


def perfect():
    return [
        place("Kassala", lat=KASSALA[0], lon=KASSALA[1]),
        place("al-Fashir", lat=FASHIR[0], lon=FASHIR[1]),
        place("Sudan"),
    ]


def test_perfect_prediction_scores_one():
    m = metrics(perfect())
    assert (m["precision"], m["recall"], m["f1"], m["acc_25km"], m["acc_161km"]) == (1.0, 1.0, 1.0, 1.0, 1.0)
    assert m["with_coords"] == 2
    assert m["unresolved"] == 1  # the country has no predicted coordinates


def test_a_missed_place_lowers_recall_only():
    m = metrics(perfect()[:2])
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["precision"] == 1.0


def test_a_spurious_place_lowers_precision_only():
    m = metrics(perfect() + [place("Monday")])
    assert m["precision"] == pytest.approx(3 / 4)
    assert m["recall"] == 1.0


def test_thirty_km_error_fails_25km_but_passes_161km():
    off = KASSALA[0] + 30 / KM_PER_DEG_LAT
    preds = [place("Kassala", lat=off, lon=KASSALA[1]), place("al-Fashir", lat=FASHIR[0], lon=FASHIR[1])]
    m = metrics(preds)
    assert m["acc_25km"] == pytest.approx(0.5)
    assert m["acc_161km"] == 1.0


def test_detected_without_coordinates_is_unresolved_and_fails_accuracy():
    m = metrics([place("Kassala"), place("al-Fashir", lat=FASHIR[0], lon=FASHIR[1])])
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["unresolved"] == 1
    assert m["acc_25km"] == pytest.approx(0.5) and m["acc_161km"] == pytest.approx(0.5)


def test_a_later_mention_with_the_same_normalised_name_detects():
    # "El Fashir" later in the text normalises like the gold mention "al-Fashir".
    m = metrics([place("El Fashir", lat=FASHIR[0], lon=FASHIR[1])])
    assert m["detected"] == 1 and m["precision"] == 1.0 and m["acc_25km"] == 1.0


def test_partial_span_overlap_detects():
    m = metrics([place("Fashir", lat=FASHIR[0], lon=FASHIR[1])])
    assert m["detected"] == 1


def test_predicted_places_are_distinct_by_normalised_mention():
    m = metrics([place("Monday"), place("Monday")] + perfect())
    assert m["predicted"] == 4
    assert m["precision"] == pytest.approx(3 / 4)


def test_counts_micro_average_over_articles():
    one = score_places(gold_article(), Analysis(article_id="p", places=perfect()))
    two = score_places(gold_article(), Analysis(article_id="p", places=[]))
    m = place_metrics(sum_counts([one, two]))
    assert m["recall"] == pytest.approx(0.5)
    assert m["precision"] == 1.0


def test_report_items_name_missed_and_spurious():
    score = score_places(gold_article(), Analysis(article_id="p", places=[place("Monday")]))
    statuses = {(i.status, i.label.split(" ")[0]) for i in score.items}
    assert ("missed", "Kassala") in statuses and ("spurious", "Monday") in statuses


def test_the_gold_geonames_id_counts_as_distance_zero_and_as_exact_id():
    gold = gold_article()
    gold["places"][2].update({"geonameid": 366755, "lat": 16.0, "lon": 30.0})  # a GeoNames-style point
    gold["places"][0]["geonameid"] = 372753
    sudan = place("Sudan", lat=13.5, lon=29.9)  # another source's label point, ~280 km away
    sudan.geonameid = 366755
    far = place("Sudan", lat=13.5, lon=29.9)  # the same point without the id: a real distance
    kassala = place("Kassala", lat=KASSALA[0], lon=KASSALA[1])
    kassala.geonameid = 1  # some other entry at the right point: close, but not the exact id
    fashir = place("al-Fashir", lat=FASHIR[0], lon=FASHIR[1])

    def run(preds):
        return place_metrics(score_places(gold, Analysis(article_id="p", places=preds)).counts)

    with_id = run([kassala, fashir, sudan])
    assert (with_id["acc_161km"], with_id["with_id"], with_id["exact_id"]) == (1.0, 2, 0.5)
    without = run([kassala, fashir, far])
    assert without["acc_161km"] == pytest.approx(2 / 3) and without["exact_id"] == 0.0
