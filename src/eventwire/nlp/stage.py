"""The `nlp` stage: one spaCy parse per article; sentences and entities into the Analysis."""

from __future__ import annotations

from typing import Any

from ..models import Entity, Sentence
from ..pipeline import Context, Stage, register_stage
from .model import load_model


@register_stage("nlp", assigns=("doc", "sentences", "entities"))
class NlpStage(Stage):
    def initialize(self, config: dict[str, Any]) -> None:
        self.nlp = load_model(config.get("model"))

    def __call__(self, ctx: Context) -> None:
        doc = ctx.doc
        if doc is None:  # single-article call without batching
            doc = ctx.doc = self.nlp(ctx.article.text)
        # trailing line breaks belong to no sentence: evidence spans end at the last character
        ctx.analysis.sentences = [
            Sentence(start=s.start_char, end=s.start_char + len(s.text.rstrip()))
            for s in doc.sents
            if s.text.strip()
        ]
        ctx.analysis.entities = [
            Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char) for e in doc.ents
        ]
