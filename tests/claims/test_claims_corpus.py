"""Claims on the shared seed and dev articles (read from ../shared; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.eval import evaluate
from eventwire.models import Analysis, Article

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
SEEDS = SHARED / "seeds"


def seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not available")
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} not available")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_presstv(claims_pipeline):
    return claims_pipeline.analyze(Article(id="seed-000", text=seed("000")))


@pytest.fixture(scope="module")
def seed_daraa(claims_pipeline):
    return claims_pipeline.analyze(Article(id="seed-003", text=seed("003")))


def test_seed_sohr_and_its_head(seed_presstv):
    atts = seed_presstv.attributions
    sohr = [a for a in atts if a.speaker == "Syrian Observatory for Human Rights"]
    assert sohr and sohr[0].organization == "Syrian Observatory for Human Rights"
    rahman = [a for a in atts if a.speaker == "Rami Abdel Rahman"]
    assert rahman and rahman[0].organization == "Syrian Observatory for Human Rights"
    assert not rahman[0].anonymous


def test_seed_sana_military_source_over_two_sentences(seed_presstv):
    sana = [a for a in seed_presstv.attributions if a.via == "SANA"]
    assert len(sana) == 2, [(a.speaker, a.via) for a in seed_presstv.attributions]
    assert all(a.anonymous and "military source" in a.speaker for a in sana)
    assert {a.cue for a in sana} == {"said", "noted"}


def test_seed_anonymous_sputnik_source(seed_daraa):
    sputnik = [a for a in seed_daraa.attributions if a.via == "Sputnik"]
    assert len(sputnik) == 1
    assert sputnik[0].anonymous
    assert "430 militants" in sputnik[0].claim


def test_offsets_and_round_trip(seed_presstv):
    text = seed("000")
    for att in seed_presstv.attributions:
        assert text[att.start : att.end] == att.claim
    assert Analysis.from_json(seed_presstv.to_json()) == seed_presstv


def test_dev_corpus_claims_f1(claims_pipeline, gold_path):
    result = evaluate(gold_path, layers=["claims"], pipeline=claims_pipeline)["claims"]
    assert result["f1"] >= 0.70, result
    assert result["via_acc"] >= 0.8 and result["anonymous_acc"] >= 0.8, result
