"""Helpers every layer's metrics share: name normalisation, span overlap, distance, ratios.

These definitions are part of the yardstick: change them only deliberately, since every
figure reported for eventwire depends on them.
"""

from __future__ import annotations

import re
import unicodedata

from ..geo.distance import haversine_km  # noqa: F401 - part of the eval helpers

# Apostrophe-like marks are dropped, not spaced: "Dara'a", "Dara’a" and "Daraa" are one name.
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʼʻʿʾ′"), None)
_NON_WORD = re.compile(r"[^\w]+")
# Arabic article and English "the" at the start of a name are optional in wire copy
# ("al-Qaim" / "Qaim", "the Nuba Mountains" / "Nuba Mountains").
_LEADING_ARTICLE = re.compile(r"^(?:al|el|the)\s+")
# Words too common to tie a speaker to an organisation ("the Ministry of Defence" and
# "the ministry of health" must not match through "the"/"of").
_FUNCTION_WORDS = frozenset("a an and at by de du for from in its of on or the to with al el".split())


def normalize_name(value: str | None) -> str:
    """Case, diacritics, hyphens, apostrophes and a leading al-/el-/the ignored."""
    if not value:
        return ""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_APOSTROPHES).replace(".", "")
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)


def content_words(*values: str | None) -> set[str]:
    """Content words of names, lightly stemmed so "source"/"sources" agree."""
    words: set[str] = set()
    for value in values:
        for word in normalize_name(value).split():
            if word in _FUNCTION_WORDS:
                continue
            if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
            words.add(word)
    return words


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Length of the intersection of two half-open character ranges."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def merge_intervals(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of ranges, so text covered twice is not credited twice."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def covered(start: int, end: int, union: list[tuple[int, int]]) -> int:
    """How many characters of ``[start, end)`` a union of ranges covers."""
    return sum(overlap(start, end, s, e) for s, e in union)


def has_coords(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None


def ratio(num: float, den: float) -> float:
    """``num / den``, 0.0 for an empty denominator (an honest zero for a layer not built yet)."""
    return float(num) / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(matched_pred: float, n_pred: float, matched_gold: float, n_gold: float) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    p = ratio(matched_pred, n_pred)
    r = ratio(matched_gold, n_gold)
    return {"precision": p, "recall": r, "f1": f1(p, r)}


def greedy_pairs(candidates: list[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one matching from (quality, gold index, predicted index) triples, best first.

    Ties go to the earlier gold, then the earlier prediction, so runs are repeatable.
    Returns gold index -> predicted index.
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(candidates, key=lambda t: (-t[0], t[1], t[2])):
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs
