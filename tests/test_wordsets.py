"""Word-set data files: every packaged one parses, has its header, and the loader says where a
malformed line is."""

from __future__ import annotations

import pytest

from eventwire.errors import EventwireError
from eventwire.wordsets import DATA, load_word_sets, word_sets


@pytest.mark.parametrize("name", ["claims_words.tsv", "framing_words.tsv"])
def test_packaged_tsv_word_sets_have_a_header_naming_each_set(name):
    sets = word_sets(name)
    header = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any("Source" in line for line in header)
    for set_name, words in sets.items():
        assert words and all(w == w.strip() for w in words)
        assert any(set_name in line for line in header), f"{set_name} is not described in the header"


def test_malformed_line_names_file_and_line(tmp_path):
    path = tmp_path / "w.tsv"
    path.write_text("# header\nalpha\tone\nbeta\n", encoding="utf-8")
    with pytest.raises(EventwireError, match=r"w\.tsv: line 3"):
        load_word_sets(path)
    path.write_text("alpha\tone\nbeta\tone\ngamma\ttwo\n", encoding="utf-8")
    assert load_word_sets(path) == {"one": frozenset({"alpha", "beta"}), "two": frozenset({"gamma"})}


def test_json_word_sets_document_each_set():
    import json

    raw = json.loads((DATA / "event_words.json").read_text(encoding="utf-8"))
    assert raw["_about"] and all(entry["about"] and entry["words"] for entry in raw["sets"].values())
    assert set(word_sets("event_words.json")) == set(raw["sets"])
