"""The "actors" stage: actor mentions resolved to canonical names, with offsets.

Named actors come from the dictionary; generic labels ("government forces",
"militants") resolve to the state forces / an unnamed armed group of the country the
article is about, keeping the label used. When an article names exactly one non-state
armed group repeatedly, its generic "militants" are taken to be that group, the way an
analyst reads "al-Shabaab ... the militants".
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..models import Actor
from ..pipeline import Context, Stage, register_stage
from .dictionary import NON_STATE_ARMED, ActorDictionary, ActorMatch, load_dictionary
from .formulas import with_formulas
from .groups import unlisted_groups, with_groups

log = logging.getLogger(__name__)

# A named group must be mentioned this often before generic labels are read as it.
MIN_MENTIONS_FOR_CONTEXT = 2


def article_country(
    dictionary: ActorDictionary, matches: list[ActorMatch], places: list[Any], entities: list[Any]
) -> str | None:
    """The country an article is mostly about: votes from actors, places and country names."""
    votes: Counter[str] = Counter()
    # One vote per mention: armed actors, country names and adjectives, located places.
    # Foreign forces (Russian negotiators in Syria, Turkish troops in Afrin) are usually
    # outnumbered by mentions of the country itself ("Syria", "Syrian").
    for m in matches:
        if m.lineage:
            entry = dictionary.entries[m.lineage][0]
            if entry.country and entry.actor_type in NON_STATE_ARMED | {"state forces"}:
                votes[entry.country] += 1
        elif m.country:
            votes[m.country] += 1
    for place in places:
        country = getattr(place, "country", None)
        if country and not getattr(place, "role", None):  # adjectives are counted below, as entities
            # a resolved place says where the report happens, more than who is named; a dateline
            # ("BEIRUT (Wire) -", all capitals) only where the reporter files from
            mention = getattr(place, "mention", "") or ""
            votes[country.upper()] += 1 if mention.isupper() and len(mention) > 3 else 2
    for ent in entities:
        if getattr(ent, "label", None) in ("GPE", "NORP", "LOC"):
            code = dictionary.country_of_adjective(ent.text)
            if code:
                votes[code] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]


@register_stage("actors", requires=("doc", "entities"), uses=("places",), assigns=("actors", "country"))
class ActorsStage(Stage):
    def initialize(self, config: dict[str, Any]) -> None:
        extra = config.get("dictionary") or ()
        if isinstance(extra, str):
            extra = (extra,)
        self.dictionary = load_dictionary(tuple(str(p) for p in extra)).prepare()

    def __call__(self, ctx: Context) -> None:
        a = ctx.analysis
        text = ctx.doc or ctx.article.text
        a.actors, a.country = self.find(text, ctx.article.published, a.places, a.entities)

    def find(
        self, text: Any, published: str | None, places: Sequence[Any] = (), entities: Sequence[Any] = ()
    ) -> tuple[list[Actor], str | None]:
        """Actor mentions of ``text`` (a string or its spaCy ``Doc``) and the country the article
        is mostly about."""
        d = self.dictionary
        raw = text if isinstance(text, str) else text.text
        matches = with_formulas(raw, d, d.find(text))  # "Protesters (Peru)" as ACLED writes it
        country = article_country(d, matches, list(places), list(entities))
        named_groups = Counter(
            m.lineage
            for m in matches
            if m.lineage and d.entry(m.lineage, published).actor_type in NON_STATE_ARMED
        )
        context_group = None
        if len(named_groups) == 1:
            lineage, count = named_groups.most_common(1)[0]
            if count >= MIN_MENTIONS_FOR_CONTEXT:
                context_group = lineage
        actors: list[Actor] = []
        for m in matches:
            if m.lineage:
                e = d.entry(m.lineage, published)
                actors.append(Actor(m.text, m.start, m.end, e.canonical, e.actor_type, e.country, m.label))
                continue
            assert m.role is not None
            if m.role == "opposition" and context_group and not m.country:
                e = d.entry(context_group, published)
                actors.append(Actor(m.text, m.start, m.end, e.canonical, e.actor_type, e.country, m.label))
                continue
            where = m.country or country
            name, actor_type = d.role_actor(m.role, where, published)
            actors.append(Actor(m.text, m.start, m.end, name, actor_type, where, m.label))
        # armed groups the dictionary does not list, under their own names ("the X Brigade")
        groups = unlisted_groups(raw, d, [(m.start, m.end) for m in matches], country)
        actors = with_groups(actors, groups, raw)
        log.debug("actors: %d mentions, article country %s", len(actors), country)
        return actors, country
