"""The ``claims`` stage: fills ``analysis.attributions`` from the shared parse."""

from __future__ import annotations

import logging
from typing import Any

from ..pipeline import Context, Stage, register_stage
from .extract import ClaimFinder
from .resources import ClaimResources

log = logging.getLogger(__name__)


@register_stage("claims", requires=("doc",), uses=("actors",), assigns=("attributions",))
class ClaimsStage(Stage):
    """Config keys: ``cues_path`` and ``outlets_path`` replace the embedded lists (same TSV columns)."""

    def initialize(self, config: dict[str, Any]) -> None:
        self.resources = ClaimResources.load(config.get("cues_path"), config.get("outlets_path"))

    def __call__(self, ctx: Context) -> None:
        if ctx.doc is None:
            return
        finder = ClaimFinder(self.resources)
        ctx.analysis.attributions = finder.find(ctx.doc, actors=ctx.analysis.actors)
        log.debug("claims: %d attributions in %s", len(ctx.analysis.attributions), ctx.article.id)
