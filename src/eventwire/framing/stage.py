"""The ``framing`` stage: fills ``analysis.framing`` and the article's framing ``profile``."""

from __future__ import annotations

import logging
from typing import Any

from ..pipeline import Context, Stage, register_stage
from .detect import FramingFinder
from .lexicon import Lexicon
from .profile import article_profile

log = logging.getLogger(__name__)


@register_stage("framing", requires=("doc",), uses=("actors", "attributions"), assigns=("framing", "profile"))
class FramingStage(Stage):
    """Config key ``lexicon_path`` replaces the embedded lexicon (same TSV columns)."""

    def initialize(self, config: dict[str, Any]) -> None:
        self.lexicon = Lexicon.load(config.get("lexicon_path"))

    def __call__(self, ctx: Context) -> None:
        if ctx.doc is None:
            return
        finder = FramingFinder(self.lexicon)
        spans = finder.find(ctx.doc, attributions=ctx.analysis.attributions, actors=ctx.analysis.actors)
        ctx.analysis.framing = spans
        ctx.analysis.profile = article_profile(spans, ctx.article.text)
