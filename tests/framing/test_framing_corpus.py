"""Framing on the shared seed and dev articles (read from ../shared; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.eval import evaluate
from eventwire.models import Article

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"


def seed_analysis(pipeline, prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None) if SEEDS.is_dir() else None
    if path is None:
        pytest.skip("shared seeds not available")
    return pipeline.analyze(Article(id=prefix, text=path.read_text(encoding="utf-8")))


def test_seed_labels_and_doubt(framing_pipeline):
    a = seed_analysis(framing_pipeline, "000")
    outlet = [s for s in a.framing if s.voice == "outlet"]
    doubt = [s for s in outlet if s.technique == "Doubt"]
    assert [s.text for s in doubt] == ["so-called", "so-called"]
    texts = {s.text: s for s in outlet}
    for label in ("Takfiri terrorists", "foreign-backed riots"):
        assert label in texts and texts[label].technique == "Name_Calling,Labeling"
        assert texts[label].neutral
    assert a.profile["direction"] == "pro-government"


def test_seed_foreign_sponsored(framing_pipeline):
    a = seed_analysis(framing_pipeline, "003")
    found = [s for s in a.framing if s.text == "foreign-sponsored militants"]
    assert found and found[0].neutral and found[0].technique == "Name_Calling,Labeling"


def test_dev_corpus_framing_f1(framing_pipeline, gold_path):
    result = evaluate(gold_path, layers=["framing"], pipeline=framing_pipeline)["framing"]
    assert result["f1"] >= 0.55, result
