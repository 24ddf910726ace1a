from __future__ import annotations

import pytest

from eventwire.models import Article
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="session")
def claims_pipeline() -> Pipeline:
    # Real spaCy parse; loaded once for the whole session.
    return Pipeline(stages=["nlp", "claims", "framing"]).initialize()


@pytest.fixture(scope="session")
def analyze_claims(claims_pipeline):
    def run(text: str):
        return claims_pipeline.analyze(Article(id="t", text=text))

    return run
