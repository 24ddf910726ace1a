"""The trained framing tagger: loading, tagging, the technique classifier, and training itself."""

from __future__ import annotations

import json

import pytest

from eventwire.framing.tagger import MODEL_DIR, SpanTagger, TechniqueClassifier
from eventwire.models import Article
from eventwire.pipeline import Pipeline

LOADED = (
    "The corrupt and cowardly traitors in the capital have betrayed every decent citizen, "
    "and their disgraceful lies will destroy this great nation unless patriots stand up now!"
)
NEUTRAL = (
    "The council met on Tuesday and approved the budget for the next fiscal year by a vote of nine to two."
)


@pytest.fixture(scope="module")
def tagger_pipeline():
    return Pipeline(stages=["nlp", "claims", "framing"]).initialize()


def test_the_packaged_model_loads():
    tagger = SpanTagger.load()
    assert tagger is not None, f"no model in {MODEL_DIR}"
    assert 0.05 <= tagger.threshold <= 0.95
    assert "Loaded_Language" in tagger.techniques.classes


def test_strongly_loaded_prose_gets_model_spans(tagger_pipeline):
    a = tagger_pipeline.analyze(Article(id="t", text=LOADED))
    model_spans = [s for s in a.framing if s.family == "model"]
    assert model_spans, [s.text for s in a.framing]
    for s in model_spans:
        assert LOADED[s.start : s.end] == s.text and s.text.strip() == s.text
        assert s.technique in tagger_pipeline.stages[-1].tagger.techniques.classes


def test_plain_reporting_gets_none(tagger_pipeline):
    a = tagger_pipeline.analyze(Article(id="t", text=NEUTRAL))
    assert a.framing == []


def test_tagger_off_by_config():
    pipeline = Pipeline(stages=["nlp", "framing"], config={"framing": {"tagger": False}}).initialize()
    a = pipeline.analyze(Article(id="t", text=LOADED))
    assert all(s.family != "model" for s in a.framing)


def test_technique_classifier_picks_the_highest_scoring_class():
    clf = TechniqueClassifier(
        ["Doubt", "Slogans"], {"l=maybe": 0, "l=vote": 1}, [[2.0, 0.0], [0.0, 2.0]], [0.0, 0.0]
    )
    assert clf.predict(["l=maybe"])[0] == "Doubt"
    label, p = clf.predict(["l=vote", "l=unknown"])
    assert label == "Slogans" and 0.5 < p < 1.0


def test_training_on_a_small_gold_file_gives_a_loadable_model(tmp_path):
    pytest.importorskip("sklearn")
    from eventwire.framing.lexicon import Lexicon
    from eventwire.framing.train import parse_gold, train
    from eventwire.nlp.model import load_model

    lines = []
    for i in range(6):
        text = f"{LOADED} {NEUTRAL} Report number {i} followed."
        framing = [
            {"span": "corrupt and cowardly traitors", "technique": "Name_Calling,Labeling"},
            {"span": "disgraceful lies", "technique": "Loaded_Language"},
        ]
        lines.append(
            {"id": f"g{i}", "text": text, "places": [], "events": [], "attributions": [], "framing": framing}
        )
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = parse_gold([gold], load_model(None), Lexicon.load())
    train(items, tmp_path / "model", threshold=0.3, gate=0.0)
    tagger = SpanTagger.load(tmp_path / "model")
    assert tagger is not None and tagger.threshold == 0.3
    item = items[0]
    found = tagger.tag(item.doc, item.marks, item.quoted)
    assert any(s.start <= item.gold.text.index("traitors") < s.end for s in found)


def test_own_examples_are_marked_weighted_and_recorded(tmp_path):
    pytest.importorskip("sklearn")
    from eventwire.framing.lexicon import Lexicon
    from eventwire.framing.train import parse_gold, train
    from eventwire.nlp.model import load_model

    own_dir = tmp_path / "own"
    own_dir.mkdir()
    spans = [
        {"span": "disgraceful lies", "technique": "Loaded_Language"},
        {"span": "cowardly traitors", "technique": "Name_Calling,Labeling"},
    ]
    loaded = {"id": "o1", "text": LOADED, "framing": spans}
    plain = {"id": "o2", "text": NEUTRAL, "framing": []}
    lines = [json.dumps(loaded), json.dumps(plain)]
    (own_dir / "mine.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({**loaded, "id": "b1"}) + "\n", encoding="utf-8")
    items = parse_gold([other, own_dir / "mine.jsonl"], load_model(None), Lexicon.load(), own_dir=own_dir)
    assert [(it.gold.id, it.own) for it in items] == [("b1", False), ("o1", True), ("o2", True)]
    train(items, tmp_path / "model", threshold=0.35, gate=0.01, own_repeat=2)
    meta = json.loads((tmp_path / "model" / "meta.json").read_text(encoding="utf-8"))
    assert meta["own_examples"] == 2 and meta["own_repeat"] == 2 and meta["articles"] == 3
    assert meta["trained_on"] == {"own/mine.jsonl": 2, f"{tmp_path.name}/other.jsonl": 1}
    tagger = SpanTagger.load(tmp_path / "model")
    assert tagger is not None and (tagger.threshold, tagger.gate) == (0.35, 0.01)


LABELLED = (
    " Takfiri terrorists fled the hills as the army liberated Dorvan, and foreign-backed militants"
    " abandoned the terrorist-held villages around it."
)


def test_lexicon_register_silences_the_tagger(tagger_pipeline):
    # dense conflict labels in the outlet's voice: the lexicon alone speaks there
    a = tagger_pipeline.analyze(Article(id="t", text=LOADED + LABELLED))
    assert [s for s in a.framing if s.family != "model"]
    assert not [s for s in a.framing if s.family == "model"], [s.text for s in a.framing]
    off = Pipeline(stages=["nlp", "claims", "framing"], config={"framing": {"lexicon_gate": 1000.0}})
    b = off.initialize().analyze(Article(id="t", text=LOADED + LABELLED))
    assert [s for s in b.framing if s.family == "model"]
