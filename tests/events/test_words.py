"""The events stage's word lists (data/event_words.json): documented, loaded once, all in use."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.events.words import load_words, read_words

DATA = Path(str(resources.files("eventwire") / "data" / "event_words.json"))
SOURCES = Path(str(resources.files("eventwire") / "events"))


def test_every_set_is_documented_lower_case_and_non_empty():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert "Source" in data["_about"] and "Licence" in data["_about"]
    for name, entry in data["sets"].items():
        assert len(entry["about"]) > 20, name
        assert entry["words"] and all(w == w.casefold() for w in entry["words"]), name


def test_every_set_is_read_by_the_code():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES.glob("*.py"))
    for name in load_words():
        assert re.search(rf'"{name}"', code), f"set {name!r} is never read"


def test_words_load_once():
    assert load_words() is load_words()


def test_a_broken_word_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "words.json"
    bad.write_text('{"sets": {"x": {"about": "a"}}}', encoding="utf-8")
    with pytest.raises(EventwireError, match="E160|words"):
        read_words(bad)


def test_no_long_word_sets_left_in_the_extractor():
    src = (SOURCES / "extract.py").read_text(encoding="utf-8")
    literal_sets = re.findall(r"\{(?:\s*\"[a-z' -]+\",?){6,}\s*\}", src)
    assert literal_sets == []
