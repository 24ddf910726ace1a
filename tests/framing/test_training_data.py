"""The own conflict-reporting framing examples (data/training/framing/) and the lexicon's
independence from the dev gold: well-formed, in the project's convention, not copied."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.eval.gold import load_gold
from eventwire.framing.lexicon import TECHNIQUES, Lexicon
from eventwire.framing.train import OWN_EXAMPLES

FILES = sorted(OWN_EXAMPLES.glob("*.jsonl"))
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
DEV_GOLD = SHARED / "dev" / "gold.jsonl"
PTC_GOLD = SHARED / "external" / "ptc-train" / "gold.jsonl"


def _records() -> list[dict]:
    return [json.loads(line) for f in FILES for line in f.read_text(encoding="utf-8").splitlines() if line]


def test_examples_exist_with_a_datasheet():
    assert FILES, OWN_EXAMPLES
    assert (OWN_EXAMPLES / "DATASHEET.md").exists()


def test_every_span_is_in_its_text_with_a_known_technique_and_a_neutral_wording():
    golds = [g for f in FILES for g in load_gold(f)]  # load_gold raises on a span not in the text
    assert len(golds) >= 40
    for rec in _records():
        for span in rec["framing"]:
            assert span["technique"] in TECHNIQUES, span
            assert "neutral" in span, span
            assert span["span"].strip() == span["span"] and span["span"], span


def test_wire_examples_carry_no_span_and_partisan_ones_do():
    records = _records()
    wire = [r for r in records if r["style"] == "wire"]
    partisan = [r for r in records if r["style"] in ("state_agency", "partisan_media", "opinion")]
    assert len(wire) >= 15 and len(partisan) >= 20
    assert all(not r["framing"] for r in wire)
    assert sum(1 for r in partisan if r["framing"]) >= len(partisan) - 2


def test_examples_cover_many_countries():
    assert len({r["country"] for r in _records()}) >= 15


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize("path", [DEV_GOLD, PTC_GOLD], ids=["dev", "ptc-train"])
def test_no_eight_word_run_is_shared_with_a_benchmark(path):
    if not path.exists():
        pytest.skip(f"{path} not present")
    ours = set().union(*(_shingles(r["text"]) for r in _records()))
    theirs: set[tuple[str, ...]] = set()
    for g in load_gold(path):
        theirs |= _shingles(g.text)
    assert not ours & theirs, sorted(ours & theirs)[:3]


def test_no_multiword_lexicon_entry_is_a_dev_gold_span_verbatim():
    # one-word labels (terrorists, regime) are the families themselves; a multi-word entry that
    # equals a gold span would exist to hit that one sentence
    if not DEV_GOLD.exists():
        pytest.skip("dev gold not present")
    spans = {f.get("span").lower() for g in load_gold(DEV_GOLD) for f in g.framing}
    copied = [
        e.pattern
        for e in Lexicon.load().entries
        if len(e.pattern.split()) >= 2 and e.regex is not None and any(e.regex.fullmatch(s) for s in spans)
    ]
    assert copied == []
