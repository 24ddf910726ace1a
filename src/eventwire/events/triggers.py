"""Event triggers: lemma patterns from ``data/event_triggers.tsv`` matched over a parse.

A pattern is a sequence of lemma alternatives ("hand|turn * over * weapon|arm"); ``*``
lets up to ``GAP`` tokens sit between two elements ("handed over all their rifles").
Matching never crosses a sentence; it is the matching layer's ``nlp.matching.GapSequences``
(why not spaCy's ``Matcher`` is said there). Overlapping matches are resolved by strength:
more pattern words first, then the family order in ``FAMILY_RANK``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..actors.dictionary import read_tsv
from ..nlp.matching import GapSequences

GAP = 8

# When two families claim the same words, the more specific reading wins: a weapons
# hand-over is not a territory transfer, an air strike that kills is not a bare killing.
FAMILY_RANK = [
    "weapons",
    "agreement",
    "suicide",
    "air",
    "shelling",
    "ied",
    "capture",
    "transfer",
    "arrest",
    "abduction",
    "siege",
    "protest",
    "riot",
    "vac",
    "clash",
    "kill",
    "change",
    "looting",
]


@dataclass(frozen=True)
class TriggerPattern:
    family: str
    elements: tuple[tuple[frozenset[str], bool], ...]  # (alternatives, gap allowed before)
    event_type: str
    sub_event_type: str
    modality: str | None
    order: int

    @property
    def size(self) -> int:
        return len(self.elements)


@dataclass(frozen=True)
class TriggerMatch:
    pattern: TriggerPattern
    tokens: tuple[int, ...]  # doc token indices of the matched words

    @property
    def head(self) -> int:
        return self.tokens[0]

    @property
    def strength(self) -> tuple[int, int]:
        rank = FAMILY_RANK.index(self.pattern.family) if self.pattern.family in FAMILY_RANK else 99
        return (self.pattern.size, -rank)


def parse_pattern(text: str) -> tuple[tuple[frozenset[str], bool], ...]:
    elements: list[tuple[frozenset[str], bool]] = []
    gap = False
    for part in text.split():
        if part == "*":
            gap = True
            continue
        elements.append((frozenset(a.casefold() for a in part.split("|") if a), gap))
        gap = False
    return tuple(elements)


@functools.lru_cache(maxsize=4)
def load_triggers(path: str | None = None) -> tuple[TriggerPattern, ...]:
    source = Path(path) if path else Path(str(resources.files("eventwire") / "data" / "event_triggers.tsv"))
    out = []
    for i, row in enumerate(read_tsv(source)):
        out.append(
            TriggerPattern(
                family=row["family"],
                elements=parse_pattern(row["pattern"]),
                event_type=row["event_type"],
                sub_event_type=row["sub_event_type"],
                modality=row.get("modality") or None,
                order=i,
            )
        )
    return tuple(out)


_SEQUENCES: dict[int, tuple[Sequence[TriggerPattern], GapSequences]] = {}


def _sequences(patterns: Sequence[TriggerPattern]) -> GapSequences:
    """The matcher for a pattern set, built once per set (kept with the set, so its id stays its own)."""
    held = _SEQUENCES.get(id(patterns))
    if held is None or held[0] is not patterns:
        held = _SEQUENCES[id(patterns)] = (patterns, GapSequences((p.elements for p in patterns), GAP))
    return held[1]


def match_sentence(sent: Any, patterns: Sequence[TriggerPattern]) -> list[TriggerMatch]:
    """All pattern matches in a spaCy sentence span, overlaps resolved by strength."""
    found = [TriggerMatch(patterns[k], toks) for k, toks in _sequences(patterns).find(sent)]
    found.sort(key=lambda m: (-m.strength[0], -m.strength[1], m.pattern.order, m.head))
    chosen: list[TriggerMatch] = []
    used: set[int] = set()
    for m in found:
        if used & set(m.tokens):
            continue
        chosen.append(m)
        used.update(m.tokens)
    return sorted(chosen, key=lambda m: m.head)
