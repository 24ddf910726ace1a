"""The ``framing`` stage: fills ``analysis.framing`` and the article's framing ``profile``."""

from __future__ import annotations

import logging
from typing import Any

from ..pipeline import Context, Stage, register_stage
from .detect import FramingFinder
from .lexicon import Lexicon
from .profile import article_profile
from .tagger import SpanTagger

log = logging.getLogger(__name__)


@register_stage("framing", requires=("doc",), uses=("actors", "attributions"), assigns=("framing", "profile"))
class FramingStage(Stage):
    """Config keys: ``lexicon_path`` replaces the embedded lexicon (same TSV columns);
    ``model`` a folder with a framing model trained by ``eventwire train framing`` (default:
    the packaged one); ``tagger: false`` runs the lexicon alone; ``threshold`` the tagger's
    minimum token probability and ``gate`` its minimum share of marked tokens in an article;
    ``lexicon_gate`` the outlet-voice lexicon spans per 1,000 words from which the lexicon
    alone speaks (defaults: the model's own, from its ``meta.json``)."""

    def initialize(self, config: dict[str, Any]) -> None:
        self.lexicon = Lexicon.load(config.get("lexicon_path"))
        self.tagger = (
            SpanTagger.load(
                config.get("model"),
                threshold=config.get("threshold"),
                gate=config.get("gate"),
                lexicon_gate=config.get("lexicon_gate"),
            )
            if config.get("tagger", True)
            else None
        )

    def __call__(self, ctx: Context) -> None:
        if ctx.doc is None:
            return
        finder = FramingFinder(self.lexicon)
        a = ctx.analysis
        spans = finder.find(ctx.doc, attributions=a.attributions, actors=a.actors, tagger=self.tagger)
        a.framing = spans
        a.profile = article_profile(spans, ctx.article.text)
