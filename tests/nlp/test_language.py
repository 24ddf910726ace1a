"""Language detection: short English notes stay English even when the classifier guesses otherwise."""

from __future__ import annotations

import py3langid
import pytest

from eventwire.nlp.language import detect_language, reads_as_english

NOTE = "On 3 May 2024, gunmen attacked a police post near the market of Garoua, killing two officers."


def test_short_english_note_reads_as_english():
    assert reads_as_english(NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "Wetin dey happen for here, make we go house now abeg.",  # Nigerian Pidgin
        "Die Polizei hat am Montag zwei Männer in der Stadt festgenommen.",
        "Kidal Gao Mopti Tombouctou Menaka",  # names only: no grammar to go by
    ],
)
def test_other_languages_do_not_read_as_english(text):
    assert not reads_as_english(text)


def test_a_wrong_guess_on_a_short_english_note_is_overridden(monkeypatch):
    monkeypatch.setattr(py3langid, "classify", lambda text: ("pcm", -10.0))
    assert detect_language(NOTE) == "en"
    # real Pidgin keeps the classifier's answer
    assert detect_language("Wetin dey happen for here, make we go house now abeg, abeg o.") == "pcm"


def test_long_texts_keep_the_classifier_answer(monkeypatch):
    monkeypatch.setattr(py3langid, "classify", lambda text: ("pcm", -10.0))
    assert detect_language(" ".join([NOTE] * 12)) == "pcm"
