"""SemEval-style framing span scores with partial-overlap credit."""

from __future__ import annotations

import pytest

from eventwire.eval.framing import framing_metrics, score_framing
from eventwire.models import Analysis, FramingSpan

TEXT = "The so-called rebels, mercenary gangs backed from abroad, fled the heroic advance."

GOLD = {
    "id": "f",
    "text": TEXT,
    "framing": [
        {"span": "so-called", "technique": "Doubt"},
        {"span": "mercenary gangs", "technique": "Name_Calling,Labeling"},
        {"span": "heroic", "technique": "Loaded_Language"},
    ],
}


def span(text, technique, **kw):
    start = TEXT.index(text)
    return FramingSpan(text=text, start=start, end=start + len(text), technique=technique, **kw)


def perfect():
    return [
        span("so-called", "Doubt"),
        span("mercenary gangs", "Name_Calling,Labeling"),
        span("heroic", "Loaded_Language"),
    ]


def metrics(preds):
    return framing_metrics(score_framing(GOLD, Analysis(article_id="f", framing=preds)).counts)


def test_perfect_prediction_scores_one():
    m = metrics(perfect())
    assert (m["precision"], m["recall"], m["f1"], m["technique_acc"]) == (1.0, 1.0, 1.0, 1.0)


def test_a_miss_lowers_recall():
    m = metrics(perfect()[:2])
    assert m["recall"] == pytest.approx(2 / 3) and m["precision"] == 1.0


def test_a_spurious_span_lowers_precision():
    m = metrics(perfect() + [span("advance", "Loaded_Language")])
    assert m["precision"] == pytest.approx(3 / 4) and m["recall"] == 1.0


def test_partial_overlap_gives_partial_credit():
    # "gangs backed" (12 chars) overlaps gold "mercenary gangs" (15 chars) on "gangs" (5 chars).
    m = metrics([span("gangs backed", "Name_Calling,Labeling")])
    assert m["precision"] == pytest.approx(5 / 12)
    assert m["recall"] == pytest.approx((5 / 15) / 3)
    assert m["technique_acc"] == 1.0


def test_a_wider_prediction_earns_full_recall_but_partial_precision():
    m = metrics([span("heroic advance", "Loaded_Language")])
    assert m["precision"] == pytest.approx(6 / 14)
    assert m["recall"] == pytest.approx(1 / 3)


def test_technique_accuracy_among_overlapping_pairs():
    m = metrics([span("so-called", "Loaded_Language"), span("heroic", "Loaded_Language")])
    assert m["technique_acc"] == 0.5
    assert m["precision"] == 1.0


def test_quoted_voice_is_not_scored():
    m = metrics(perfect() + [span("advance", "Loaded_Language", voice="quoted")])
    assert m["predicted"] == 3 and m["precision"] == 1.0
