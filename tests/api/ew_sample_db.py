"""Builds the test database: written example articles, analyzed by the real pipeline, plus
hand-built places/events/claims/framing for them (annotations.json).

The hand-built records stand in for stages that are still being written (events,
claims, framing), so the API and pages are tested on known records; every span in
annotations.json is quoted from the article and turned into offsets here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.core import IngestReport, ingest
from eventwire.models import Actor, Attribution, Event, FramingSpan, Place
from eventwire.pipeline import Pipeline
from eventwire.store import Store
from eventwire.stories import update_corpus_views

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles.jsonl"
ANNOTATIONS = FIXTURES / "annotations.json"


def annotations() -> dict[str, dict[str, Any]]:
    data = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    if start < 0:
        raise ValueError(f"{quote!r} is not in the article text")
    return start, start + len(quote)


def _record(cls: type, text: str, fields: dict[str, Any], quoted: str) -> Any:
    start, end = _span(text, fields[quoted])
    return cls(start=start, end=end, **fields)


def build_sample_db(db: str | Path, pipeline: Pipeline) -> IngestReport:
    """Ingest the example articles with ``pipeline``, then add the hand-built records."""
    report = ingest([ARTICLES], str(db), pipeline=pipeline)
    with Store(str(db)) as store:
        for article_id, ann in annotations().items():
            article = store.get_article(article_id)
            analysis = store.get_analysis(article_id)
            assert article is not None and analysis is not None, article_id
            text = article.text
            analysis.places = [_record(Place, text, p, "mention") for p in ann["places"]]
            analysis.actors = [_record(Actor, text, a, "mention") for a in ann["actors"]]
            analysis.events = [_record(Event, text, e, "evidence") for e in ann["events"]]
            analysis.attributions = [_record(Attribution, text, c, "claim") for c in ann["attributions"]]
            analysis.framing = [_record(FramingSpan, text, f, "text") for f in ann["framing"]]
            store.add(article, analysis, replace=True)
        update_corpus_views(store, rebuild=True)
    return report
