"""Quotation regions: where a speaker's verbatim words are, so a quote split over several
sentences is kept whole and framing inside it is marked as the speaker's voice."""

from __future__ import annotations

OPENERS = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
DOUBLED = "''"
# A quotation that has not closed after this many characters is a stray mark, not a quote.
MAX_QUOTE_CHARS = 1500


def quote_regions(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation, marks included. Quotes never cross a paragraph break:
    wire style reopens a quote at each new paragraph without closing the previous one."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            open_at = None
            i += 1
            continue
        # Archive copy writes quotation marks as two apostrophes: ''We will win,'' she said.
        double = ch == "'" and text.startswith(DOUBLED, i)
        if open_at is None:
            if ch in OPENERS:
                open_at, closer = i, OPENERS[ch]
            elif ch == STRAIGHT:
                open_at, closer = i, STRAIGHT
            elif double:
                open_at, closer = i, DOUBLED
                i += 1
            i += 1
            continue
        # Mixed marks occur in real copy ('"Our forces ...”'), so any closing mark closes.
        if ch == closer or ch in ("”", STRAIGHT, "»") or (double and closer == DOUBLED):
            end = i + (2 if double and closer == DOUBLED else 1)
            if i - open_at <= MAX_QUOTE_CHARS:
                regions.append((open_at, end))
            open_at = None
            i = end
            continue
        i += 1
    return regions


def region_at(regions: list[tuple[int, int]], start: int, end: int | None = None) -> tuple[int, int] | None:
    """The quotation containing ``[start, end)`` (``end`` defaults to ``start + 1``)."""
    end = start + 1 if end is None else end
    for qs, qe in regions:
        if qs <= start and end <= qe:
            return qs, qe
    return None
