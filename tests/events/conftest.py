from __future__ import annotations

import pytest

from eventwire.models import Article
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="session")
def events_pipeline() -> Pipeline:
    # Real spaCy parse, loaded once; no geo stage, so places come from the parse itself.
    return Pipeline(stages=["nlp", "actors", "events"]).initialize()


@pytest.fixture(scope="session")
def analyze_events(events_pipeline):
    def run(text: str, published: str | None = "2023-05-14"):
        return events_pipeline.analyze(Article(id="t", text=text, published=published))

    return run
