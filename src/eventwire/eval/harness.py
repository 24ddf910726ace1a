"""The evaluation harness: analyze every gold article, score each layer, micro-average.

Each layer's scorer is pure (gold article + `Analysis` → counts); the harness only runs
the pipeline and sums counts over articles before turning them into metrics, so one long
article weighs more than a short one, as in the issue's definitions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, EventwireError
from ..models import Analysis, Article
from ..pipeline import Pipeline, default_pipeline
from .claims import claim_metrics, score_claims
from .events import event_metrics, score_events
from .framing import framing_metrics, score_framing
from .gold import GoldArticle, load_gold
from .places import place_metrics, score_places
from .result import LayerScore, sum_counts
from .stories import evaluate_stories

log = logging.getLogger(__name__)

Scorer = Callable[[GoldArticle, Analysis], LayerScore]
Metrics = Callable[[dict[str, float]], dict[str, float]]

# Layer name -> (scorer, metrics). The order is the order of the printed table.
LAYERS: dict[str, tuple[Scorer, Metrics]] = {
    "places": (score_places, place_metrics),
    "events": (score_events, event_metrics),
    "claims": (score_claims, claim_metrics),
    "framing": (score_framing, framing_metrics),
}

# Layers scored on the whole corpus against a gold clustering (not per article against spans):
# name -> evaluate(gold_path, db=..., pipeline=...) -> summary. See eval/stories.py.
CORPUS_LAYERS: dict[str, Callable[..., dict[str, Any]]] = {"stories": evaluate_stories}

# The stage whose output each layer scores; a layer whose stage did not run scores an honest 0.
LAYER_STAGES: dict[str, str] = {"places": "geo", "events": "events", "claims": "claims", "framing": "framing"}


def check_layers(layers: Iterable[str] | None) -> tuple[str, ...]:
    """The requested layers in canonical order; all of them when ``layers`` is empty."""
    wanted = tuple(layers or ())
    for name in wanted:
        if name not in LAYERS:
            raise EventwireError(Errors.E043.format(name=name, known=", ".join(LAYERS)))
    return tuple(name for name in LAYERS if not wanted or name in wanted)


@dataclass
class ArticleResult:
    gold: GoldArticle
    analysis: Analysis
    layers: dict[str, LayerScore] = field(default_factory=dict)


@dataclass
class EvalRun:
    """Per-article results of one evaluation, and their micro-averaged summary."""

    layers: tuple[str, ...]
    stages: tuple[str, ...]
    articles: list[ArticleResult] = field(default_factory=list)

    def layer_counts(self, layer: str) -> dict[str, float]:
        return sum_counts(a.layers[layer] for a in self.articles)

    def summary(self) -> dict[str, Any]:
        """``{"articles": N, "stages": [...], "places": {...}, ...}`` for the layers scored."""
        out: dict[str, Any] = {"articles": len(self.articles), "stages": list(self.stages)}
        for layer in self.layers:
            out[layer] = LAYERS[layer][1](self.layer_counts(layer))
        return out


def gold_to_article(gold: GoldArticle) -> Article:
    """The article as ingestion would build it from the gold line's text and metadata."""
    try:
        from ..ingest.readers import make_article
    except ImportError:  # ingest is optional for scoring; build the record directly
        make_article = None
    if make_article is not None:
        article = make_article(
            gold.text,
            id=gold.id,
            published=gold.published,
            outlet=gold.outlet,
            title=gold.title,
            url=gold.url,
        )
        if article.text == gold.text:
            return article
        # Gold offsets index the exact gold text; any rewriting by ingest would shift them.
        log.warning("ingest changed the text of %s; evaluating the gold text as is", gold.id)
    return Article(
        id=gold.id,
        text=gold.text,
        published=gold.published,
        outlet=gold.outlet,
        title=gold.title,
        url=gold.url,
        language="en",
    )


def score_article(
    gold: GoldArticle, analysis: Analysis, layers: Iterable[str] | None = None, framing_voices: str = "outlet"
) -> ArticleResult:
    """Score one analysis against its gold article on the given layers (all by default).
    ``framing_voices="all"`` scores framing spans in quoted speakers' voices too."""
    result = ArticleResult(gold=gold, analysis=analysis)
    for layer in check_layers(layers):
        if layer == "framing":
            result.layers[layer] = score_framing(gold, analysis, voices=framing_voices)
        else:
            result.layers[layer] = LAYERS[layer][0](gold, analysis)
    return result


def run_eval(
    gold: str | Path | Iterable[GoldArticle],
    layers: Iterable[str] | None = None,
    pipeline: Pipeline | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
    framing_voices: str = "outlet",
) -> EvalRun:
    """Analyze and score every gold article. ``on_article`` is called after each (progress bars)."""
    wanted = check_layers(layers)
    golds = load_gold(gold) if isinstance(gold, str | Path) else list(gold)
    pipeline = pipeline or default_pipeline()
    run = EvalRun(layers=wanted, stages=tuple(pipeline.stage_names))
    analyses: Iterator[Analysis] = pipeline.analyze_many(gold_to_article(g) for g in golds)
    for g, analysis in zip(golds, analyses, strict=True):
        if not analysis.analyzed:
            log.warning("%s was not analyzed: %s", g.id, analysis.reason)
        result = score_article(g, analysis, wanted, framing_voices=framing_voices)
        run.articles.append(result)
        if on_article is not None:
            on_article(result)
    return run


def evaluate(
    gold_path: str | Path,
    layers: Iterable[str] | None = None,
    pipeline: Pipeline | None = None,
) -> dict[str, Any]:
    """Score the pipeline (default: `default_pipeline()`) against a gold JSONL file.

    Returns ``{"articles": N, "stages": [...], "places": {...}, "events": {...},
    "claims": {...}, "framing": {...}}`` (only the requested ``layers``).
    """
    return run_eval(gold_path, layers=layers, pipeline=pipeline).summary()
