"""Quotation regions: where a speaker's verbatim words are, so a quote split over several
sentences is kept whole and framing inside it is marked as the speaker's voice."""

from __future__ import annotations

import re

OPENERS = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
# Archive copy writes quotation marks as two apostrophes: ''We will win,'' she said.
DOUBLED = "''"
# Every character that can open or close a quotation, and the paragraph break that ends one.
_MARKS = re.compile("''|[\n\"“”«»„]")
# A quotation that has not closed after this many characters is a stray mark, not a quote.
MAX_QUOTE_CHARS = 1500


def quote_regions(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation, marks included. Quotes never cross a paragraph break:
    wire style reopens a quote at each new paragraph without closing the previous one."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    for m in _MARKS.finditer(text):
        mark, i = m.group(), m.start()
        if mark == "\n":
            open_at = None
            continue
        if open_at is None:
            if mark in OPENERS:
                open_at, closer = i, OPENERS[mark]
            elif mark in (STRAIGHT, DOUBLED):
                open_at, closer = i, mark
            continue
        # Mixed marks occur in real copy ('"Our forces ...”'), so any closing mark closes;
        # two apostrophes close only a quotation they opened.
        if mark == closer or mark in ("”", STRAIGHT, "»"):
            if i - open_at <= MAX_QUOTE_CHARS:
                regions.append((open_at, m.end()))
            open_at = None
    return regions


def region_at(regions: list[tuple[int, int]], start: int, end: int | None = None) -> tuple[int, int] | None:
    """The quotation containing ``[start, end)`` (``end`` defaults to ``start + 1``)."""
    end = start + 1 if end is None else end
    for qs, qe in regions:
        if qs <= start and end <= qe:
            return qs, qe
    return None


def region_opening_at(regions: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    """The quotation whose opening mark is at character ``at``."""
    return next(((qs, qe) for qs, qe in regions if qs == at), None)
