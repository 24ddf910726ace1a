"""Fixtures for the geo tests: the real default gazetteer and a nlp+geo pipeline, built once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    """The default index (built on first use into the user cache; reused afterwards)."""
    from eventwire.geo.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture(scope="session")
def geo_pipeline(gazetteer):
    from eventwire.pipeline import Pipeline

    return Pipeline(stages=["nlp", "geo"]).initialize()


@pytest.fixture(scope="session")
def analyze_places(geo_pipeline):
    """text -> Analysis with places, through the real spaCy model and gazetteer."""
    from eventwire.models import Article

    def run(text: str):
        return geo_pipeline.analyze(Article(id="t", text=text))

    return run
