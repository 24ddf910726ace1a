"""Locating quoted gold spans, and the shared dev corpus loading cleanly."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import InputError
from eventwire.eval.gold import GoldArticle, load_gold, locate

TEXT = "Shelling hit Marea. Residents of Marea fled north as shelling went on."


def test_locate_counts_occurrences_from_zero():
    assert locate(TEXT, "Marea") == (13, 18)
    start, end = locate(TEXT, "Marea", 1)
    assert TEXT[start:end] == "Marea" and start > 18
    assert locate(TEXT, "Marea", 2) is None
    assert locate(TEXT, "Tal Rifaat") is None


def test_locate_counts_overlapping_appearances():
    assert locate("aaa", "aa", 1) == (1, 3)


def test_gold_article_offsets_point_at_quotes():
    gold = GoldArticle.from_dict(
        {
            "id": "t1",
            "text": TEXT,
            "places": [{"mention": "Marea", "occurrence": 1, "name": "Marea"}],
            "events": [{"event_type": "Explosions/Remote violence", "evidence": "Shelling hit Marea."}],
            "attributions": [{"speaker": "residents", "claim": "fled north"}],
            "framing": [{"span": "shelling", "technique": "Loaded_Language"}],
        }
    )
    for layer, key in GoldArticle.QUOTED_FIELDS.items():
        for span in getattr(gold, layer):
            assert TEXT[span.start : span.end] == span[key]
    assert gold.places[0].start == TEXT.index("Marea", 14)


def test_bad_quote_names_the_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    good = {"id": "ok", "text": TEXT}
    bad = {"id": "bad", "text": TEXT, "framing": [{"span": "not in the text", "technique": "Doubt"}]}
    path.write_text(json.dumps(good) + "\n\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_gold(path)
    assert err.value.where.endswith("gold.jsonl:3")
    assert "not in the text" in err.value.message


def test_invalid_json_and_missing_text(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_gold(path)
    path.write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'text'"):
        load_gold(path)


def test_dev_corpus_spans_all_locate(gold_path):
    raw = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    golds = load_gold(gold_path)
    assert [g.id for g in golds] == [r["id"] for r in raw]
    for gold, data in zip(golds, raw, strict=True):
        for layer, key in GoldArticle.QUOTED_FIELDS.items():
            spans = getattr(gold, layer)
            assert len(spans) == len(data.get(layer) or [])
            for span in spans:
                assert gold.text[span.start : span.end] == span[key]
        for event in gold.events:
            # Events name their location by a gold place's canonical name.
            assert gold.place_by_name(event.get("location")) is not None, (gold.id, event.get("location"))
