"""The `geo` stage: every place mention of the article, resolved, into ``Analysis.places``."""

from __future__ import annotations

import logging
from typing import Any

from ..actors.dictionary import load_dictionary
from ..pipeline import Context, Stage, register_stage
from .candidates import CandidateFinder
from .cue_words import outlet_aliases
from .gazetteer import get_gazetteer
from .references import demonym_places
from .resolver import Resolver

log = logging.getLogger(__name__)


@register_stage("geo", requires=("doc", "sentences", "entities"), assigns=("places",))
class GeoStage(Stage):
    """Config keys: ``db_path`` (a gazetteer index other than the default), and the resolver
    knobs ``fuzzy_threshold``, ``accept``, ``accept_unknown`` (see ``resolver.DEFAULTS``)."""

    def initialize(self, config: dict[str, Any]) -> None:
        self.gazetteer = get_gazetteer(config.get("db_path"))
        knobs = {k: v for k, v in config.items() if k != "db_path"}
        self.resolver = Resolver(self.gazetteer, knobs)
        self.actors = load_dictionary().prepare()
        self.finder = CandidateFinder(self.gazetteer.has_key, outlet_aliases())

    def __call__(self, ctx: Context) -> None:
        text = ctx.article.text
        sentences = [(s.start, s.end) for s in ctx.analysis.sentences]
        pos = {t.idx: t.pos_ for t in ctx.doc} if ctx.doc is not None else None
        # Named actors (armed groups, units), not generic labels: "Jaysh al-Nasr" hides a place
        # name, "Daraa rebels" does not.
        actor_spans = [(a.start, a.end) for a in self.actors.find(ctx.doc or text) if a.lineage]
        mentions = self.finder.find(text, sentences, ctx.analysis.entities, pos, actor_spans)
        places = self.resolver.resolve(mentions, self.finder.demonym_counts(text))
        places += demonym_places(text, ctx.analysis.entities, self.gazetteer, places)
        ctx.analysis.places = sorted(places, key=lambda p: p.start)
