"""Lookups into one parsed article that cost the same whatever the article's length.

spaCy rebuilds ``doc.text`` (every token) and ``doc.ents`` (every entity) on each access, and
a rule that scans every entity, sentence or place for each candidate makes the analysis
quadratic in the article's length. Rules build these indexes once per article and ask them
instead. They hold nothing between articles: build a new one for each document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from .matching import text_of

T = TypeVar("T")


class DocIndex:
    """The text, entities and sentences of one spaCy ``Doc``, each read once."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.text: str = text_of(doc)
        self.ents: tuple[Any, ...] = tuple(doc.ents)
        self._ent_start_chars = [e.start_char for e in self.ents]
        self._ent_starts = [e.start for e in self.ents]
        self._ent_at_char = {e.start_char: e for e in self.ents}
        self._ent_of_token: dict[int, Any] = {}
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self._ent_of_token[i] = ent
        self.sents: list[Any] = list(doc.sents)
        self._sent_starts = [s.start for s in self.sents]

    def span_text(self, toks: Sequence[Any]) -> str:
        """The text from the first token's start to the last token's end."""
        if not toks:
            return ""
        return self.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]

    def ent_of(self, i: int) -> Any | None:
        """The entity that holds token ``i``, or None."""
        return self._ent_of_token.get(i)

    def ent_starting_at(self, char: int) -> Any | None:
        """The entity whose first character is ``char``, or None."""
        return self._ent_at_char.get(char)

    def ents_starting_between(self, start_char: int, end_char: int) -> tuple[Any, ...]:
        """Entities whose first character lies in ``[start_char, end_char)``, in text order."""
        lo = bisect_left(self._ent_start_chars, start_char)
        hi = bisect_left(self._ent_start_chars, end_char, lo)
        return self.ents[lo:hi]

    def ents_in_tokens(self, start: int, end: int) -> tuple[Any, ...]:
        """Entities whose first token lies in ``[start, end)``, in text order."""
        lo = bisect_left(self._ent_starts, start)
        hi = bisect_left(self._ent_starts, end, lo)
        return self.ents[lo:hi]

    def sent_index(self, i: int) -> int:
        """Index of the sentence that holds token ``i`` (0 when there is none)."""
        if not self.sents:
            return 0
        k = bisect_right(self._sent_starts, i) - 1
        if k >= 0 and i < self.sents[k].end:
            return k
        return 0


class OffsetIndex(Generic[T]):
    """Records with character offsets (places, actors, claims), found by position.

    Answers keep the records' original order, so a rule that took "the first match" from a
    scan of the whole list takes the same one from the index.
    """

    def __init__(
        self,
        items: Sequence[T],
        start: Callable[[T], int] = lambda x: x.start,  # type: ignore[attr-defined]
        end: Callable[[T], int] = lambda x: x.end,  # type: ignore[attr-defined]
    ):
        self.items = list(items)
        order = sorted(range(len(self.items)), key=lambda k: start(self.items[k]))
        self._order = order
        self._starts = [start(self.items[k]) for k in order]
        self._ends = [end(x) for x in self.items]
        self._longest = max((self._ends[k] - start(self.items[k]) for k in order), default=0)

    def starting_between(self, start: int, end: int) -> list[T]:
        """Records whose start lies in ``[start, end)``."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end, lo)
        return [self.items[k] for k in sorted(self._order[lo:hi])]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Records whose span overlaps ``[start, end)`` (or touches it when it is empty)."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_right(self._starts, end, lo)
        ks = [k for k in self._order[lo:hi] if self._ends[k] >= start]
        return [self.items[k] for k in sorted(ks)]
