"""The framing lexicon: loading ``data/framing_lexicon.tsv`` (or a user's file with the same columns)
and finding its entries in text.

Entries are word patterns ("terror attack*", "counter-terror* operation*") found by the matching
layer (``nlp.matching.WordPatterns``; why regular expressions and not spaCy's ``Matcher`` is
said there)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..nlp.matching import WordPatterns, longest_first, word_pattern

log = logging.getLogger(__name__)

DEFAULT_LEXICON = Path(__file__).resolve().parent.parent / "data" / "framing_lexicon.tsv"
TECHNIQUES = frozenset(
    {
        "Loaded_Language",
        "Name_Calling,Labeling",
        "Doubt",
        "Exaggeration,Minimisation",
        "Appeal_to_fear-prejudice",
        "Flag-Waving",
        "Causal_Oversimplification",
        "Appeal_to_Authority",
        "Black-and-White_Fallacy",
        "Thought-terminating_Cliches",
        "Whataboutism",
        "Slogans",
        "Repetition",
    }
)


@dataclass
class Entry:
    pattern: str
    technique: str
    family: str
    neutral: str
    side: str
    rules: frozenset[str] = field(default_factory=frozenset)
    regex: re.Pattern[str] | None = None  # the pattern as ``nlp.matching.word_pattern`` reads it


@dataclass
class Lexicon:
    entries: list[Entry]
    _patterns: WordPatterns | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        entries = []
        for n, line in enumerate(Path(path or DEFAULT_LEXICON).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t") + [""] * 6
            pattern, technique, family, neutral, side, rules = (c.strip() for c in cols[:6])
            if technique not in TECHNIQUES:
                log.warning("framing lexicon line %d: unknown technique %r; skipped", n, technique)
                continue
            entries.append(
                Entry(
                    pattern,
                    technique,
                    family,
                    neutral,
                    side or "-",
                    frozenset(r.strip() for r in rules.split(",") if r.strip()),
                    word_pattern(pattern),
                )
            )
        return cls(entries)

    def matches(self, text: str) -> list[tuple[int, int, Entry]]:
        """Non-overlapping matches, longest first (so "terror attacks" beats "terror"), in text order."""
        if self._patterns is None:
            self._patterns = WordPatterns(e.pattern for e in self.entries)
        found = longest_first(self._patterns.spans(text))
        return [(f.start, f.end, self.entries[f.key]) for f in found]
