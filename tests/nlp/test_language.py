"""Language detection on short texts: English notes are analyzed, other languages are not."""

from eventwire.nlp.language import detect_language


def test_short_english_notes_are_english() -> None:
    # Short ACLED-style notes that a character model guesses as an English-lexified creole.
    for text in (
        "On 13 November 2024, gunmen killed 6 people in Culiacan (Sinaloa).",
        "On 15 December 2024, demonstrators marched in Kampala against corruption.",
        "On 7 September 2024, the army retook Omdurman (Khartoum) from the RSF.",
    ):
        assert detect_language(text) == "en", text


def test_other_languages_stay_other() -> None:
    assert detect_language("Die Polizei hat am Montag in Berlin drei Menschen festgenommen.") == "de"
    assert detect_language("La policía detuvo a tres personas en Bogotá el lunes.") == "es"
    pidgin = (
        "Wetin dey happen for Lagos? Police don arrest di man wey dem catch for market yesterday, "
        "dem talk say e no get money."
    )
    assert detect_language(pidgin) != "en"
