"""Fixtures for the eval tests: a real spaCy pipeline with a minimal place stage, loaded once."""

from __future__ import annotations

import pytest

from eventwire.models import Place
from eventwire.pipeline import Context, Pipeline, Stage, register_stage


@register_stage("eval-test-gpe-places", requires=("entities",), assigns=("places",))
class GpePlacesStage(Stage):
    """Every spaCy GPE/LOC entity becomes an unresolved place.

    A small but real stage, so harness tests see non-zero place figures from a real parse
    without depending on the geo stage another helper is still building.
    """

    def __call__(self, ctx: Context) -> None:
        ctx.analysis.places = [
            Place(mention=e.text, start=e.start, end=e.end)
            for e in ctx.analysis.entities
            if e.label in ("GPE", "LOC")
        ]


@pytest.fixture(scope="session")
def gpe_pipeline() -> Pipeline:
    return Pipeline(stages=["nlp", "eval-test-gpe-places"]).initialize()
