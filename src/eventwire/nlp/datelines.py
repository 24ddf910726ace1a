"""Datelines: the place (often a date and an agency too) that opens a wire story's paragraph.

"LAGOS, Feb 9 (Reuters) - ...", "OSLO (AP) — ...", "HANOI, May 2. /VNA/. ...", "Kisumu, KNA - ...".
A dateline says where the report was filed, not where the event happened, and its words are
neither a speaker nor part of a claim. Every stage asks this one module:

- ``dateline_after(text, end)``: the text right after a place name reads as a dateline's rest
  (an optional ", date" or ", AGENCY", an optional "(AGENCY)", then a dash or "/AGENCY/");
  returns where the story's own words begin, else ``None``;
- ``paragraph_dateline(text, pos)``: the dateline opening the paragraph that holds ``pos``,
  as ``(start, end)``, else ``None``;
- ``opens_paragraph(text, start)``: nothing but white space between the line start and ``start``.
"""

from __future__ import annotations

import re

# After the place name: ", March 3" / ", AGENCY" (short), "(AGENCY)", then the separator.
# A colon separates only after an all-capitals name ("BAMAKO: ..."); "He said: ..." is no dateline.
_REST = re.compile(
    r"(?P<rest>\s*(?:,[^\n]{0,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?)"
    r"(?:(?P<sep>--|[-—–])|(?P<agency>/[A-Za-z .\-]{2,20}/\.?)|(?P<colon>:))(?=\s)\s*"
)
# One word of a place name ("St.", "Al-Bab", "N'Djamena"); a name has at most four.
_WORD = re.compile(r"[A-Za-z'’.]+(?:-[A-Za-z'’.]+)*")


def opens_paragraph(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def dateline_after(text: str, end: int, caps: bool | None = None) -> int | None:
    """Where the story begins if ``text[end:]`` is the rest of a dateline, else ``None``.

    ``caps`` says whether the place name was written in capitals (colons count only then);
    left ``None`` it is read from the word before ``end``."""
    m = _REST.match(text, end, min(len(text), end + 80))
    if m is None:
        return None
    if m.group("colon"):
        if caps is None:
            words = text[text.rfind("\n", 0, end) + 1 : end].split()
            caps = bool(words) and words[-1].isupper()
        if not caps:
            return None
    return m.end()


def paragraph_dateline(text: str, pos: int) -> tuple[int, int] | None:
    """The dateline that opens the paragraph holding ``pos``: ``(start, end)`` or ``None``."""
    start = text.rfind("\n", 0, pos) + 1
    i = start
    while i < len(text) and text[i] in " \t":
        i += 1
    if i >= len(text) or not text[i].isupper():
        return None
    end, words = i, []
    for _ in range(4):  # a name of one to four words ("Dar es Salaam", "Port au Prince")
        word = _WORD.match(text, end)
        if word is None:
            return None
        words.append(word.group())
        end = word.end()
        caps = "".join(words).replace("-", "").replace(".", "").replace("'", "").isupper()
        found = dateline_after(text, end, caps)
        if found is not None:
            return start, found
        if text[end : end + 1] != " ":
            return None
        end += 1
    return None
