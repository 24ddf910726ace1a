"""The "events" stage: ACLED-style event records from the parse, places and actors."""

from __future__ import annotations

import logging
from typing import Any

from ..actors.dictionary import load_dictionary
from ..pipeline import Context, Stage, register_stage
from .classify import load_classifier
from .extract import EventExtractor, ExtractConfig
from .modality import load_cues
from .triggers import load_triggers

log = logging.getLogger(__name__)


@register_stage(
    "events",
    requires=("doc", "actors", "country"),
    uses=("places", "attributions"),  # without places it finds its own; attributions give reported_by
    assigns=("events",),
)
class EventsStage(Stage):
    """Config keys: ``triggers`` (path to an event_triggers.tsv replacement),
    ``actors`` (extra actor dictionary files), ``classifier`` (a model folder written by
    ``eventwire train events``, or ``false`` for the rules alone), ``carry_location_sentences``,
    ``carry_date``, ``report_date`` (undated happened events take the report's date; default false,
    the ACLED export applies it)."""

    def initialize(self, config: dict[str, Any]) -> None:
        extra = config.get("actors") or ()
        if isinstance(extra, str):
            extra = (extra,)
        defaults = ExtractConfig()
        self.extractor = EventExtractor(
            load_triggers(config.get("triggers")),
            load_cues(),
            load_dictionary(tuple(str(p) for p in extra)),
            ExtractConfig(
                carry_location_sentences=int(
                    config.get("carry_location_sentences", defaults.carry_location_sentences)
                ),
                carry_date=bool(config.get("carry_date", defaults.carry_date)),
                report_date=bool(config.get("report_date", defaults.report_date)),
                min_location_score=int(config.get("min_location_score", defaults.min_location_score)),
            ),
            None if config.get("classifier") is False else load_classifier(config.get("classifier")),
        )

    def __call__(self, ctx: Context) -> None:
        a = ctx.analysis
        a.events = self.extractor.extract(ctx.doc, ctx.article, a, a.country)
