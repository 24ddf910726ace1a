"""Event triggers: lemma patterns from ``data/event_triggers.tsv`` matched over a parse.

A pattern is a sequence of lemma alternatives ("hand|turn * over * weapon|arm"); ``*``
lets up to ``GAP`` tokens sit between two elements ("handed over their heavy weapons").
Matching never crosses a sentence. Overlapping matches are resolved by strength: more
pattern words first, then the family order in ``FAMILY_RANK``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..actors.dictionary import read_tsv

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


def _token_keys(tok: Any) -> set[str]:
    return {tok.lemma_.casefold(), tok.lower_}


def _match_from(keys: Sequence[set[str]], elements, pos: int, start: int) -> tuple[int, ...] | None:
    """Greedy left-to-right match of ``elements`` with its first element at ``start``."""
    alts, _ = elements[0]
    if not keys[start - pos] & alts:
        return None
    matched = [start]
    cursor = start
    for alts, gap in elements[1:]:
        limit = cursor + 1 + (GAP if gap else 0)
        found = None
        for j in range(cursor + 1, min(limit + 1, pos + len(keys))):
            if keys[j - pos] & alts:
                found = j
                break
        if found is None:
            return None
        matched.append(found)
        cursor = found
    return tuple(matched)


def match_sentence(sent: Any, patterns: Sequence[TriggerPattern]) -> list[TriggerMatch]:
    """All pattern matches in a spaCy sentence span, overlaps resolved by strength."""
    pos = sent.start
    keys = [_token_keys(t) for t in sent]
    found: list[TriggerMatch] = []
    for p in patterns:
        first = p.elements[0][0]
        for i, k in enumerate(keys):
            if k & first:
                toks = _match_from(keys, p.elements, pos, pos + i)
                if toks is not None:
                    found.append(TriggerMatch(p, toks))
    found.sort(key=lambda m: (-m.strength[0], -m.strength[1], m.pattern.order, m.head))
    chosen: list[TriggerMatch] = []
    used: set[int] = set()
    for m in found:
        if used & set(m.tokens):
            continue
        chosen.append(m)
        used.update(m.tokens)
    return sorted(chosen, key=lambda m: m.head)
