"""The event classifier (events/classify.py): loading, calibrated scores, and its effect on events."""

from __future__ import annotations

import math

import numpy as np
import pytest

from eventwire.events.classify import NONE, TERRITORY, EventClassifier, load_classifier
from eventwire.events.features import candidate_features
from eventwire.models import Article
from eventwire.pipeline import Pipeline

STAGES = ("nlp", "geo", "actors", "claims", "events")


@pytest.fixture(scope="module")
def model() -> EventClassifier:
    m = load_classifier()
    assert m is not None, "the packaged event model is missing"
    return m


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(STAGES)


@pytest.fixture(scope="module")
def rules_only() -> Pipeline:
    return Pipeline(STAGES, {"events": {"classifier": False}})


def _events(pipe: Pipeline, text: str):
    return pipe.analyze(Article(id="t", text=text, published="2025-03-10")).events


def test_model_covers_the_25_sub_types_and_no_event(model):
    assert len(model.classes) == 26 and model.classes[-1] == NONE
    assert TERRITORY <= set(model.classes)
    assert set(model.event_types) == set(model.classes) - {NONE}
    assert model.weights.shape == (len(model.vocab), 26) and 0 < model.temperature < 5


def test_probabilities_are_a_distribution(model):
    for feats in ([], ["norule", "w:march", "w:demand"], ["rule", "fam:air", "w:drone", "w:strike"]):
        probs = model.probabilities(feats)
        assert math.isclose(sum(probs.values()), 1.0, rel_tol=1e-5)
        assert all(0.0 <= p <= 1.0 for p in probs.values())


def test_unknown_features_are_ignored(model):
    assert model.probabilities(["rule", "w:zzqxv-never-seen"]) == model.probabilities(["rule"])


def test_features_use_placeholders_not_place_names(pipe):
    doc = pipe.nlp("Gunmen abducted 12 farmers near Kalowa on Sunday.")
    feats = candidate_features(next(iter(doc.sents)), state="norule")
    assert "norule" in feats and "w:abduct" in feats and "w:<num>" in feats
    assert not any("kalowa" in f.lower() for f in feats)


def test_temperature_flattens_or_sharpens(model):
    feats = ["rule", "fam:protest", "w:protester", "w:march"]
    hot = EventClassifier(model.classes, model.vocab, model.weights, model.bias, temperature=5.0)
    cold = EventClassifier(model.classes, model.vocab, model.weights, model.bias, temperature=0.5)
    assert max(hot.probabilities(feats).values()) < max(cold.probabilities(feats).values())


def test_events_carry_a_confidence(pipe):
    events = _events(
        pipe, "Army aircraft bombed a rebel camp outside Bunia on Saturday, killing six fighters."
    )
    assert events and events[0].event_type == "Explosions/Remote violence"
    assert events[0].sub_event_type == "Air/drone strike"
    assert 0.0 < events[0].confidence <= 1.0


def test_rules_only_events_have_no_confidence(rules_only):
    events = _events(
        rules_only, "Army aircraft bombed a rebel camp outside Bunia on Saturday, killing six fighters."
    )
    assert events and all(e.confidence is None for e in events)


def test_classifier_types_a_mob_attack(pipe):
    events = _events(pipe, "A mob beat a suspected thief to death in a market in Kisumu on Friday.")
    assert events and events[0].event_type == "Riots" and events[0].sub_event_type == "Mob violence"


def test_missing_model_means_rules_decide(tmp_path, caplog):
    assert load_classifier(str(tmp_path)) is None
    assert "rules decide" in caplog.text


def test_veto_threshold_drops_rule_events(pipe, model):
    text = "Police arrested four men suspected of smuggling rifles in Kano on Tuesday."
    bias = model.bias.copy()
    bias[model.classes.index(NONE)] += 50.0  # make "no event" certain
    strict = EventClassifier(
        model.classes,
        model.vocab,
        model.weights,
        bias,
        model.temperature,
        veto=0.5,
        add=1.01,
        event_types=model.event_types,
        families=model.families,
    )
    stage = next(s for s in pipe.stages if s.name == "events")
    saved = stage.extractor.classifier
    try:
        stage.extractor.classifier = strict
        assert _events(pipe, text) == []
    finally:
        stage.extractor.classifier = saved
    assert np.all(model.bias == load_classifier().bias)
