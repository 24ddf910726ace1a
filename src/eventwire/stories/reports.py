"""Whether a near-duplicate is a copy or a report of its own.

Shared wording is not enough to call an article a copy: a state-media rewrite of a wire
report keeps most sentences yet changes the toll, the perpetrator or the day. Such an
article is a separate report (and, in its story, one side of a contradiction), never a
copy whose events are dropped. Two texts differ as reports when

- they give a figure in the same words with a different number ("12 people were killed" /
  "19 people were killed"); or
- an event of the shorter text reports a toll or count for a happening (same type, same
  place) on which no event of the other text agrees.
"""

from __future__ import annotations

import re
from typing import Any

from .common import same_place

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


def _tokens(text: str) -> list[str]:
    """Lower-case words and numbers ("1,200" is one token, "1200")."""
    return [t.replace(",", "") for t in _TOKEN.findall((text or "").casefold())]


def figure_conflicts(short: str, long: str) -> list[str]:
    """Figures the two texts give in the same words with different numbers ("killed 12 people"
    / "killed 19 people"): a number whose neighbouring words recur in the other text around
    another number, never around this one."""

    def contexts(tokens: list[str]) -> dict[tuple[str, str], set[str]]:
        out: dict[tuple[str, str], set[str]] = {}
        for i in range(1, len(tokens) - 1):
            if _NUMBER.fullmatch(tokens[i]) and not _NUMBER.fullmatch(tokens[i - 1] + tokens[i + 1]):
                out.setdefault((tokens[i - 1], tokens[i + 1]), set()).add(tokens[i])
        return out

    a, b = contexts(_tokens(short)), contexts(_tokens(long))
    out = []
    for key in sorted(set(a) & set(b)):
        if not (a[key] & b[key]):
            out.append(f"{key[0]} {'/'.join(sorted(a[key]))} {key[1]} vs {'/'.join(sorted(b[key]))}")
    return out


def _event_conflicts(ev_a: list[dict[str, Any]], ev_b: list[dict[str, Any]]) -> list[str]:
    """Tolls and counts of one happening (same type, same place) on which no event of the
    other text agrees."""
    out: list[str] = []
    for a in ev_a:
        same = [b for b in ev_b if b.get("event_type") == a.get("event_type") and same_place(a, b)]
        tolls = {b["fatalities"] for b in same if b.get("fatalities") is not None}
        if a.get("fatalities") is not None and tolls and a["fatalities"] not in tolls:
            out.append(f"fatalities {a['fatalities']} vs {'/'.join(map(str, sorted(tolls)))}")
        for key, value in sorted((a.get("quantities") or {}).items()):
            others = {(b.get("quantities") or {})[key] for b in same if key in (b.get("quantities") or {})}
            if others and value not in others:
                out.append(f"{key} {value} vs {'/'.join(map(str, sorted(others)))}")
    return out


def report_differences(
    text_a: str, text_b: str, events_a: list[dict[str, Any]], events_b: list[dict[str, Any]]
) -> list[str]:
    """Why two near-duplicate texts are separate reports (empty: one may copy the other)."""
    if len(text_a) > len(text_b):
        text_a, text_b, events_a, events_b = text_b, text_a, events_b, events_a
    return figure_conflicts(text_a, text_b) + _event_conflicts(events_a, events_b)
