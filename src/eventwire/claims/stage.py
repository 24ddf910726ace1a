"""The ``claims`` stage: fills ``analysis.attributions`` from the shared parse."""

from __future__ import annotations

import logging
from typing import Any

from ..pipeline import Context, Stage, register_stage
from .extract import ClaimFinder
from .learned import CueModel
from .resources import ClaimResources

log = logging.getLogger(__name__)


@register_stage("claims", requires=("doc",), uses=("actors",), assigns=("attributions",))
class ClaimsStage(Stage):
    """Config keys: ``cues_path`` and ``outlets_path`` replace the embedded lists (same TSV columns);
    ``learned_cues`` (default true) adds the learned cue detector, ``cue_model_path`` replaces its weights."""

    def initialize(self, config: dict[str, Any]) -> None:
        self.resources = ClaimResources.load(config.get("cues_path"), config.get("outlets_path"))
        learned = config.get("learned_cues", True)
        self.cue_model = CueModel.load(config.get("cue_model_path")) if learned else None

    def __call__(self, ctx: Context) -> None:
        if ctx.doc is None:
            return
        finder = ClaimFinder(self.resources, self.cue_model)
        ctx.analysis.attributions = finder.find(ctx.doc, actors=ctx.analysis.actors)
        log.debug("claims: %d attributions in %s", len(ctx.analysis.attributions), ctx.article.id)
