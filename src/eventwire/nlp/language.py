"""Language detection and the "should this article be analyzed?" decision."""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path

from ..errors import Errors
from ..models import Article

SUPPORTED_LANGUAGES = ("en",)
# Short texts give unreliable language guesses; below this many letters we assume English
# only when most characters are ASCII letters.
MIN_LETTERS_FOR_DETECTION = 40
# The longest text analyzed as one article, in characters: about 30,000 words, far beyond a news
# report, and a fifth of spaCy's max_length, so the parse never fails (E088) and memory stays
# bounded (a 400,000-character dense report peaked at 1.5 GB). Up to 128,000 characters the cost
# per character stays within 1.5x of an 8,000-character report (benchmarks/length.py). A longer
# text is refused before any work starts, with a message.
MAX_ARTICLE_CHARS = 200_000
# Below this many letters a guess other than English is checked against English function words.
SHORT_TEXT_LETTERS = 600
MIN_FUNCTION_WORDS = 4
MIN_FUNCTION_SHARE = 0.25


@functools.lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    path = Path(str(resources.files("eventwire") / "data" / "english_function_words.tsv"))
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#") and w != "word")


def reads_as_english(text: str) -> bool:
    """Whether a short text is written with English grammar words ("On 4 May, gunmen attacked
    a post in X, killing two"): a quarter of its words or more, and at least four."""
    words = re.findall(r"[A-Za-z]+", text.casefold())
    function = english_function_words()
    hits = sum(w in function for w in words)
    return hits >= MIN_FUNCTION_WORDS and hits >= MIN_FUNCTION_SHARE * len(words)


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

    lang, _score = py3langid.classify(sample)
    if lang != "en" and letters < SHORT_TEXT_LETTERS and reads_as_english(sample):
        # a one- or two-sentence English note can look like Pidgin or Scots to the classifier
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
