"""Outlet comparison: each outlet's framing profile for one story, side by side.

Counts come from the stored framing spans (technique, the words, their neutral wording);
when the framing helper's ``eventwire.framing.profile.aggregate_profiles`` is available
the articles' own ``Analysis.profile`` dicts are merged with it as well. Syndicated copies
count for the outlet that republished them: a republisher's edits ("terrorist-held" for
"militant-held") are part of its framing.
"""

from __future__ import annotations

import importlib
import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from ..store import Store
from ..store.queries import framing_counts

log = logging.getLogger(__name__)

# Example spans listed per outlet (the full list is in the store).
_EXAMPLES = 5


def _aggregator() -> Callable[[list[dict]], dict] | None:
    try:
        module = importlib.import_module("eventwire.framing.profile")
    except ImportError:
        return None
    return getattr(module, "aggregate_profiles", None)


def merge_profiles(profiles: list[dict[str, Any]]) -> dict[str, Any]:
    """Merge per-article framing profiles, with the framing helper's aggregator when present.

    The local fallback sums numbers key by key (nested dicts recursively) and keeps the
    article count, which is what a side-by-side count table needs.
    """
    profiles = [p for p in profiles if p]
    if not profiles:
        return {}
    aggregate = _aggregator()
    if aggregate is not None:
        try:
            return aggregate(profiles)
        except Exception:  # noqa: BLE001 - a helper's bug must not hide the story
            log.warning("aggregate_profiles failed; using plain sums", exc_info=True)
    return _sum_dicts(profiles)


def _sum_dicts(items: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        for key, value in item.items():
            if isinstance(value, bool):
                continue
            if isinstance(value, int | float):
                out[key] = out.get(key, 0) + value
            elif isinstance(value, dict):
                out[key] = (
                    _sum_dicts([out.get(key, {}), value]) if isinstance(out.get(key, {}), dict) else value
                )
    return out


def compare_outlets(store: Store, article_ids: list[str]) -> list[dict[str, Any]]:
    """One framing profile per outlet over ``article_ids``, ordered by outlet name."""
    if not article_ids:
        return []
    meta = {
        r["id"]: r
        for r in store.db.query(
            f"SELECT id, outlet, text FROM articles WHERE id IN ({', '.join('?' for _ in article_ids)})",
            list(article_ids),
        )
    }
    spans = framing_counts(store, article_ids)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for aid in article_ids:
        if aid in meta:
            by_outlet[meta[aid]["outlet"] or "(unknown outlet)"].append(aid)
    out: list[dict[str, Any]] = []
    for outlet in sorted(by_outlet):
        ids = by_outlet[outlet]
        own = [s for s in spans if s["article_id"] in ids]
        outlet_voice = [s for s in own if (s.get("voice") or "outlet") == "outlet"]
        words = sum(len((meta[a]["text"] or "").split()) for a in ids)
        techniques = Counter(s["technique"] for s in outlet_voice)
        profiles = []
        for aid in ids:
            analysis = store.get_analysis(aid)
            if analysis is not None and analysis.profile:
                profiles.append(analysis.profile)
        out.append(
            {
                "outlet": outlet,
                "articles": ids,
                "words": words,
                "framing_spans": len(outlet_voice),
                "quoted_spans": len(own) - len(outlet_voice),
                "per_1000_words": round(1000 * len(outlet_voice) / words, 2) if words else 0.0,
                "techniques": dict(techniques.most_common()),
                "examples": [
                    {
                        "text": s["text"],
                        "technique": s["technique"],
                        "neutral": s["neutral"],
                        "article_id": s["article_id"],
                        "start": s["start_char"],
                        "end": s["end_char"],
                    }
                    for s in outlet_voice[:_EXAMPLES]
                ],  # fmt: skip
                "profile": merge_profiles(profiles),
            }
        )
    return out
