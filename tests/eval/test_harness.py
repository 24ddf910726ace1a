"""The harness on a real spaCy parse: hand-made gold, and the shared dev corpus."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import EventwireError
from eventwire.eval import evaluate, run_eval
from eventwire.eval.gold import GoldArticle
from eventwire.eval.harness import LAYERS, check_layers, gold_to_article

TEXT = (
    "Government troops advanced on Aleppo on Tuesday while aircraft struck villages near Idlib, "
    "a monitoring group said. In Damascus, officials denied the report."
)
GOLD_LINE = {
    "id": "hand-1",
    "outlet": "Example Wire",
    "published": "2024-03-06",
    "text": TEXT,
    "places": [
        {"mention": "Aleppo", "name": "Aleppo", "geonameid": 170063, "lat": 36.20, "lon": 37.16},
        {"mention": "Idlib", "name": "Idlib", "geonameid": 169388, "lat": 35.93, "lon": 36.63},
        {"mention": "Damascus", "name": "Damascus", "geonameid": 170654, "lat": 33.51, "lon": 36.29},
    ],
    "events": [],
    "attributions": [{"speaker": "a monitoring group", "claim": "aircraft struck villages near Idlib"}],
    "framing": [],
}


@pytest.fixture()
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_LINE) + "\n", encoding="utf-8")
    return path


def test_all_layers_reported_with_gold_counts(gold_file, gpe_pipeline):
    summary = evaluate(gold_file, pipeline=gpe_pipeline)
    assert summary["articles"] == 1
    assert summary["stages"] == ["nlp", "eval-test-gpe-places"]
    assert set(LAYERS) <= set(summary)
    assert summary["places"]["gold"] == 3
    assert summary["claims"]["gold"] == 1
    # The test stage turns spaCy GPEs into places without coordinates: the small model finds
    # at least Idlib and Damascus; every detected place is unresolved and fails acc_25km.
    places = summary["places"]
    assert places["detected"] >= 2
    assert places["recall"] == places["detected"] / 3
    assert places["unresolved"] == places["detected"]
    assert places["with_coords"] == places["detected"] and places["acc_25km"] == 0.0
    # No claims stage ran: an honest zero.
    assert summary["claims"]["recall"] == 0.0 and summary["claims"]["predicted"] == 0


def test_layers_can_be_chosen(gold_file, gpe_pipeline):
    summary = evaluate(gold_file, layers=["framing", "places"], pipeline=gpe_pipeline)
    assert [k for k in summary if k in LAYERS] == ["places", "framing"]
    with pytest.raises(EventwireError, match="Unknown evaluation layer"):
        check_layers(["geo"])


def test_progress_callback_and_per_article_results(gold_file, gpe_pipeline):
    seen = []
    run = run_eval(gold_file, pipeline=gpe_pipeline, on_article=lambda r: seen.append(r.gold.id))
    assert seen == ["hand-1"]
    assert run.articles[0].analysis.places, "the analysis is kept for the report"


def test_article_keeps_gold_text_and_metadata():
    article = gold_to_article(GoldArticle.from_dict(GOLD_LINE))
    assert article.text == TEXT
    assert (article.id, article.published, article.outlet) == ("hand-1", "2024-03-06", "Example Wire")


def test_dev_corpus_scores_every_layer(gold_path, gpe_pipeline):
    raw = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    run = run_eval(gold_path, pipeline=gpe_pipeline)
    summary = run.summary()
    assert summary["articles"] == len(raw)
    assert all(a.analysis.analyzed for a in run.articles), "gold articles are English and must be analyzed"
    for layer in LAYERS:
        assert summary[layer]["gold"] == sum(
            len(r[layer if layer != "claims" else "attributions"]) for r in raw
        )
        for key, value in summary[layer].items():
            if isinstance(value, float):
                assert 0.0 <= value <= 1.0, (layer, key)
    # spaCy alone finds a good share of gold places by span or name.
    assert summary["places"]["recall"] > 0.3
