"""The learned cue detector: shipped weights, scoring, and how training finds gold cues."""

from __future__ import annotations

import pytest

from eventwire.claims.learned import DEFAULT_WEIGHTS, CueModel
from eventwire.claims.train import _cue_offsets
from eventwire.errors import EventwireError


def test_shipped_weights_say_what_they_were_trained_on():
    model = CueModel.load()
    assert model is not None and DEFAULT_WEIGHTS.stat().st_size < 400_000
    assert "PolNeAR" in model.about["source"] and "multiple of 4" in model.about["source"]
    assert 0.0 < model.threshold < 1.0 and model.weights


def test_missing_weights_mean_rules_only(tmp_path):
    assert CueModel.load(tmp_path / "none.json") is None


def test_score_is_a_probability_and_unknown_features_weigh_nothing():
    model = CueModel(weights={"l=blast": 2.0, "c=dobj": 0.5}, bias=-1.0)
    assert model.score(["l=blast", "c=dobj"]) > model.score(["l=blast"]) > model.score([]) > 0.0
    assert model.score(["never=seen"]) == model.score([])


def test_training_finds_the_cue_next_to_the_claim():
    text = "Mara said yes. Later Mara said the road would reopen in May."
    start = text.index("the road")
    gold = {
        "polnear_cue": "said",
        "polnear_content_fragments": [[start, len(text) - 1]],
        "polnear_source_span": [start - 10, start - 6],
    }
    s, e = _cue_offsets(text, gold)
    assert text[s:e] == "said" and s == start - 5


def test_training_finds_the_cue_between_two_fragments_of_a_split_quotation():
    text = "“The road is shut,” Mara replied, “and it will stay shut until May.”"
    first, second = text.index("“The"), text.index("“and")
    gold = {
        "polnear_cue": "replied",
        "polnear_content_fragments": [[first, text.index(",”") + 2], [second, len(text)]],
        "polnear_source_span": [text.index("Mara"), text.index("Mara") + 4],
    }
    s, e = _cue_offsets(text, gold)
    assert text[s:e] == "replied"


def test_unreadable_weights_give_a_clear_error(tmp_path):
    bad = tmp_path / "cues.json"
    for content in ("{not json", '{"bias": 0.1}', '{"weights": {"l=say": "heavy"}, "bias": 0}'):
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(EventwireError, match="E120|cue model"):
            CueModel.load(bad)


def test_a_group_stance_is_a_claim_but_a_group_act_is_not(analyze_claims):
    a = analyze_claims("Most farmers in Vestmark support the new water levy, a survey found.")
    assert any("water levy" in (att.claim or "") for att in a.attributions)
    b = analyze_claims("Rebels in Harrowgate refused to lay down their weapons on Tuesday.")
    assert not any(att.cue == "refused" for att in b.attributions)


def test_a_person_noun_subject_takes_a_learned_stance_verb(analyze_claims):
    a = analyze_claims("The judge blasted the harbour board for hiding the audit.")
    assert any(att.speaker and "judge" in att.speaker for att in a.attributions)


def test_a_lemma_never_seen_as_a_cue_needs_the_unseen_threshold(claims_pipeline):
    doc = claims_pipeline.nlp("Ana Berg quipped that the bridge would outlast the council.")
    verb = next(t for t in doc if t.lemma_ == "quip")
    model = CueModel(
        weights={"c=ccomp": 2.5, "s=ent:PERSON": 1.0, "l=walk": -3.0},
        bias=-2.0,
        threshold=0.5,
        cue_lemmas=frozenset({"blast"}),
    )
    assert not model.knows(verb)
    assert not model.is_cue(verb, False)  # without an unseen threshold it never fires
    assert model.is_cue(verb, False, 0.3, unseen=0.6)  # complements and subject carry it
    assert not model.is_cue(verb, False, 0.3, unseen=0.9)


def test_shipped_weights_list_their_cue_lemmas_and_keep_plain_verbs_against():
    model = CueModel.load()
    assert model is not None and "say" not in model.cue_lemmas and len(model.cue_lemmas) > 50
    negative = [k for k, w in model.weights.items() if k.startswith("l=") and "|" not in k and w < 0]
    assert any(k[2:] not in model.cue_lemmas for k in negative)
