"""Scoring eventwire against gold annotations: one module per layer, a harness, a report.

    from eventwire.eval import evaluate
    figures = evaluate("../shared/corpus/dev/gold.jsonl")   # {"articles": 25, "places": {...}, ...}

The scorers (`score_places`, `score_events`, `score_claims`, `score_framing`) are pure:
a gold article (dict or `GoldArticle`) and an `Analysis` in, additive counts out.
"""

from __future__ import annotations

from .claims import claim_metrics, score_claims
from .events import event_metrics, score_events
from .framing import framing_metrics, score_framing
from .gold import GoldArticle, GoldSpan, load_gold, locate
from .harness import LAYERS, EvalRun, evaluate, run_eval, score_article
from .places import place_metrics, score_places

__all__ = [
    "LAYERS",
    "EvalRun",
    "GoldArticle",
    "GoldSpan",
    "claim_metrics",
    "evaluate",
    "event_metrics",
    "framing_metrics",
    "load_gold",
    "locate",
    "place_metrics",
    "run_eval",
    "score_article",
    "score_claims",
    "score_events",
    "score_framing",
    "score_places",
]
