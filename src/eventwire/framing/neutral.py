"""Neutral wording: replace the outlet's loaded words in a piece of text by the lexicon's neutral ones."""

from __future__ import annotations

import re

from ..models import FramingSpan


def neutralize(text: str, spans: list[FramingSpan], offset: int = 0) -> str:
    """``text`` (which starts at ``offset`` in the article) with each outlet-voice framing span
    inside it replaced by its neutral wording. Quoted speakers' words are left as they are."""
    out = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.voice != "outlet" or span.neutral is None:
            continue
        s, e = span.start - offset, span.end - offset
        if s < pos or s < 0 or e > len(text):
            continue
        out.append(text[pos:s])
        out.append(span.neutral)
        pos = e
    out.append(text[pos:])
    result = "".join(out)
    # Dropped words ("so-called") leave doubled spaces.
    result = re.sub(r"[ \t]{2,}", " ", result)
    return re.sub(r" ([,.;:])", r"\1", result).strip()
