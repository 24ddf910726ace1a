"""The trained event classifier (events/classify.py, learn.py): the shipped model, its three
decisions inside the extractor, and the calibration helpers. Sentences written for this test."""

from __future__ import annotations

import json

import numpy as np
import pytest

from eventwire import Article, analyze
from eventwire.events import learn
from eventwire.events.classify import NONE, load_classifier, model_dir, taxonomy


@pytest.fixture(scope="module")
def clf():
    model = load_classifier()
    assert model is not None, "the package ships an event classifier"
    return model


def test_shipped_model_covers_the_taxonomy(clf):
    assert set(clf.labels) == set(taxonomy()) | {NONE} and len(taxonomy()) == 25
    meta = json.loads((model_dir() / "meta.json").read_text())
    assert meta["cv"]["ece_after"] <= meta["cv"]["ece_before"] + 0.01  # calibration did not hurt
    for name, floor in learn.FLOOR.items():
        assert floor <= meta["thresholds"][name] <= 0.99
    p = clf.probs(["w=protest", "w=march"])
    assert p.shape == (len(clf.labels),) and abs(float(p.sum()) - 1) < 1e-5


@pytest.mark.parametrize(
    "text, sub",
    [
        ("Unknown assailants lobbed a grenade into a bar in Gulu on Saturday, wounding six.", "Grenade"),
        ("Gunmen abducted four aid workers near Kaga-Bandoro on Monday.", "Abduction/forced disappearance"),
        ("Police arrested twelve opposition activists in Lusaka on Tuesday.", "Arrests"),
        ("Soldiers raped three women in a village near Bunia, a UN report said.", "Sexual violence"),
        ("The army set up a new base in Kidal on Thursday.", "Headquarters or base established"),
    ],
)
def test_sub_types_the_rules_had_no_family_for(text, sub):
    events = analyze(text, published="2024-03-10").events
    assert [e.sub_event_type for e in events][:1] == [sub]
    assert 0.6 <= events[0].confidence <= 1.0


def test_a_forecast_is_no_happened_event(clf):
    events = analyze("Analysts expect fighting to resume around Goma if the talks fail.").events
    assert not [e for e in events if e.happened]


def test_decisions_follow_the_thresholds(clf):
    labels = clf.labels
    p = np.full(len(labels), 0.001, dtype=np.float32)
    p[labels.index("Armed clash")] = 0.95
    assert clf.decide(p, "Attack").sub_event_type == "Armed clash"  # confident: relabel
    assert clf.decide(p, "Armed clash").sub_event_type == "Armed clash"
    q = np.full(len(labels), 0.001, dtype=np.float32)
    q[labels.index(NONE)] = 0.97
    assert clf.decide(q, "Armed clash").sub_event_type is None  # veto
    assert clf.propose(q) is None
    r = np.full(len(labels), 0.01, dtype=np.float32)
    r[labels.index("Looting/property destruction")] = 0.5
    r[labels.index(NONE)] = 0.3
    assert clf.propose(r) is None  # below the adding threshold
    assert clf.decide(r, "Attack").sub_event_type == "Attack"  # not sure enough to overrule


def test_rules_alone_when_disabled():
    from eventwire.pipeline import Pipeline

    text = "Gunmen abducted four aid workers near Kaga-Bandoro on Monday."
    rules = (
        Pipeline(config={"events": {"classifier": False}})
        .initialize()
        .analyze(Article(id="x", text=text, published="2024-03-10", language="en"))
    )
    assert all(e.confidence is None for e in rules.events)


def test_temperature_and_thresholds_on_synthetic_scores():
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 3, 400)
    z = np.eye(3)[truth] * 6.0 + rng.normal(0, 1, (400, 3))
    y = np.where(rng.random(400) < 0.25, (truth + 1) % 3, truth)  # a quarter wrong: overconfident
    t = learn.temperature(z, y)
    assert t > 1.5  # overconfidence is cooled
    assert learn.ece(learn._softmax(z / t), y) < learn.ece(learn._softmax(z), y) / 2
