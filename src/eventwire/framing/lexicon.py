"""The framing lexicon: loading ``data/framing_lexicon.tsv`` (or a user's file with the same columns)
and finding its entries in text."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

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
    regex: re.Pattern[str] | None = None
    # lower-cased letters every match contains (the first word up to a hyphen or apostrophe):
    # a text without them cannot match, so the regex is not run over it
    needle: str = ""


def _compile(pattern: str) -> re.Pattern[str]:
    parts = []
    for word in pattern.split():
        w = re.escape(word.rstrip("*")).replace(r"\-", r"[\s\-]?").replace("'", "['’]")
        parts.append(w + (r"[\w\-]*" if word.endswith("*") else ""))
    return re.compile(r"(?<![\w\-])" + r"\s+".join(parts) + r"(?![\w\-])", re.IGNORECASE)


def _needle(pattern: str) -> str:
    first = pattern.split()[0].rstrip("*") if pattern.split() else ""
    return re.split(r"[-'’]", first)[0].lower()


@dataclass
class Lexicon:
    entries: list[Entry]

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
                    _compile(pattern),
                    _needle(pattern),
                )
            )
        return cls(entries)

    def matches(self, text: str) -> list[tuple[int, int, Entry]]:
        """Non-overlapping matches, longest first (so "terror attacks" beats "terror")."""
        found = []
        lowered = text.lower()
        for entry in self.entries:
            assert entry.regex is not None
            if entry.needle not in lowered:
                continue
            for m in entry.regex.finditer(text):
                found.append((m.start(), m.end(), entry))
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken: list[tuple[int, int]] = []
        out = []
        for start, end, entry in found:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            out.append((start, end, entry))
        return sorted(out, key=lambda f: f[0])
