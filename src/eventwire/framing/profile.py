"""Article framing profile (counts per technique, loaded terms per 1,000 words, whom labels
target, direction) and its aggregation per outlet."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..models import FramingSpan

# Families whose side says which camp a label targets: "non-state" labels (terrorists, mercenaries)
# are the government camp's framing; "state" labels (regime) are the opposition camp's.
DIRECTION_THRESHOLD = 0.34


def _direction(non_state: int, state: int) -> tuple[str, float]:
    total = non_state + state
    if total == 0:
        return "neutral", 0.0
    score = (non_state - state) / total
    if score >= DIRECTION_THRESHOLD:
        return "pro-government", round(score, 3)
    if score <= -DIRECTION_THRESHOLD:
        return "pro-opposition", round(score, 3)
    return "mixed", round(score, 3)


def article_profile(spans: list[FramingSpan], text: str) -> dict[str, Any]:
    """Profile of one article. Only the outlet's voice counts; quoted speakers' labels are
    counted separately under ``quoted``. A span's ``side`` says whom its label targets
    (non-state / state / foreign-state), as the lexicon says."""
    words = len(re.findall(r"\w+", text))
    outlet = [s for s in spans if s.voice == "outlet"]
    quoted = [s for s in spans if s.voice != "outlet"]
    counts = Counter(s.technique for s in outlet)
    side_of = {id(s): s.side or "" for s in outlet}
    targets = Counter(s.target or side_of[id(s)] for s in outlet if s.technique == "Name_Calling,Labeling")
    side_counts = Counter(v for v in side_of.values() if v)
    direction, score = _direction(side_counts["non-state"], side_counts["state"])
    return {
        "words": words,
        "spans": len(outlet),
        "counts": dict(counts),
        "quoted": dict(Counter(s.technique for s in quoted)),
        "loaded_per_1000_words": round(1000 * len(outlet) / words, 2) if words else 0.0,
        "targets": {k: v for k, v in targets.items() if k},
        "sides": dict(side_counts),
        "direction": direction,
        "direction_score": score,
    }


def aggregate_profiles(profiles: list[dict[str, Any]]) -> dict[str, Any]:
    """Sum article profiles (e.g. all articles of one outlet) into one profile of the same shape."""
    words = sum(p.get("words", 0) for p in profiles)
    spans = sum(p.get("spans", 0) for p in profiles)
    counts: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    targets: Counter[str] = Counter()
    sides: Counter[str] = Counter()
    directions: Counter[str] = Counter()
    for p in profiles:
        counts.update(p.get("counts", {}))
        quoted.update(p.get("quoted", {}))
        targets.update(p.get("targets", {}))
        sides.update(p.get("sides", {}))
        if p.get("direction"):
            directions[p["direction"]] += 1
    direction, score = _direction(sides["non-state"], sides["state"])
    return {
        "articles": len(profiles),
        "words": words,
        "spans": spans,
        "counts": dict(counts),
        "quoted": dict(quoted),
        "loaded_per_1000_words": round(1000 * spans / words, 2) if words else 0.0,
        "targets": dict(targets.most_common()),
        "sides": dict(sides),
        "direction": direction,
        "direction_score": score,
        "article_directions": dict(directions),
    }
