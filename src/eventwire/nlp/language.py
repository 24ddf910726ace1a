"""Language detection and the "should this article be analyzed?" decision."""

from __future__ import annotations

from ..errors import Errors
from ..models import Article

SUPPORTED_LANGUAGES = ("en",)
# Short texts give unreliable language guesses; below this many letters we assume English
# only when most characters are ASCII letters.
MIN_LETTERS_FOR_DETECTION = 40
# A log-probability gap between the best guess and English below this much per character counts
# as English: short English notes often lose to an English-lexified creole by a whisker, while the
# gap for a text truly in another language is several times larger.
ENGLISH_TIE_PER_CHAR = 0.2
# The longest text analyzed as one article, in characters: about 30,000 words, far beyond a news
# report, and a fifth of spaCy's max_length, so the parse never fails (E088) and memory stays
# bounded (a 400,000-character dense report peaked at 1.5 GB). Up to 128,000 characters the cost
# per character stays within 1.5x of an 8,000-character report (benchmarks/length.py). A longer
# text is refused before any work starts, with a message.
MAX_ARTICLE_CHARS = 200_000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text with too few letters."""
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters == 0:
        return None
    if letters < MIN_LETTERS_FOR_DETECTION:
        ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in sample)
        return "en" if ascii_letters / letters > 0.9 else None
    import py3langid  # imported lazily: loading its model costs ~0.3 s

    ranked = py3langid.rank(sample)
    lang, top = ranked[0]
    if lang != "en":
        # Short English notes ("On 3 May 2024, gunmen killed 6 people in X (Y).") are often
        # guessed as an English-lexified creole by a whisker; a near tie goes to English.
        en = next((score for code, score in ranked if code == "en"), None)
        if en is not None and top - en <= ENGLISH_TIE_PER_CHAR * len(sample):
            return "en"
    return lang


def skip_reason(article: Article) -> str | None:
    """Why an article is stored but not analyzed, or None when it should be analyzed."""
    if not article.text or not article.text.strip():
        return "empty text"
    if len(article.text) > MAX_ARTICLE_CHARS:
        return Errors.E070.format(chars=len(article.text), limit=MAX_ARTICLE_CHARS)
    if article.language is not None and article.language not in SUPPORTED_LANGUAGES:
        return f"language '{article.language}' is not supported (English only); stored, not analyzed"
    return None
