"""Sentence -> ACLED-style events: triggers, locations, actors, date, modality, quantities.

The pieces live in their own modules: where (``locations``), who (``roles``), what is no
happening (``background``), one event per happening (``happenings``), tolls
(``quantities``), the neutral note (``notes``); this module runs them per sentence.

For each sentence the trigger patterns are matched on lemmas; each trigger becomes one
event per location it is about (a coordinated list of towns is one event per town).
Locations come from the geo stage's places (or, without it, from named-entity and
syntactic cues); the place the clause is about is the one inside the trigger's clause,
most specific first, destinations ("evacuated to Idlib") left out. Actors come from the
roles in the parse (agent, target), with the main state and opposition actors of the
event's country as defaults where the sentence names none ("the towns had been liberated").
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..actors.dictionary import NON_STATE_ARMED, ActorDictionary
from ..models import Actor, Analysis, Article, Event
from ..nlp.index import OffsetIndex
from ..nlp.matching import text_of
from ..time import DAY, DateMention, find_dates
from . import modality as mod
from .background import (
    _is_back_reference,
    _is_background,
    _is_duration_background,
    _is_noun_modifier,
    _is_toll_clause,
)
from .claimed import claimant, credit_claimant
from .classify import EventClassifier, apply_decisions, learned_matches, score_sentences
from .dating import event_date
from .fallback import fallback_places
from .happenings import _one_per_happening, merge_repeats, merge_summaries, report_dated
from .locations import (
    ARMED_PEOPLE,
    _location_name,
    _PlaceRef,
    _vague_places_only,
)
from .notes import make_note
from .placing import choose_locations
from .quantities import extract_quantities, load_nouns
from .refs import anaphoric_place, sentence_refs
from .roles import STRIKE_FAMILIES, RoleReader, demonstration_actors
from .sources import find_source
from .triggers import TriggerMatch, TriggerPattern, match_sentence
from .words import load_words

log = logging.getLogger(__name__)
# The word lists (data/event_words.json, each set documented there), read once.
W = load_words()


MOVEMENT_LEMMAS = W["movement_lemmas"]


@dataclass
class ExtractConfig:
    carry_location_sentences: int = 1  # look back this many sentences for an unnamed location
    carry_date: bool = True  # a sentence without a date continues the previous sentence's date
    # ACLED's convention, on the events themselves: a happened event the report gives no date for
    # takes the report's date, precision "week". Off by default: an event the text does not date
    # stays undated (as the gold schema codes it); the ACLED export applies the convention.
    report_date: bool = False
    # 3 = place inside the trigger's phrase, 2 = in its clause, 1 = elsewhere in the sentence
    min_location_score: int = 1


@dataclass
class _State:
    anchor: str | None = None
    prev_dates: list[DateMention] = field(default_factory=list)
    recent_locations: list[tuple[int, list[_PlaceRef]]] = field(default_factory=list)
    # the article's text and records by offset, read once per article (see nlp/index.py)
    text: str = ""
    places: OffsetIndex | None = None
    actors: OffsetIndex | None = None
    claims: OffsetIndex | None = None
    # trigger matches and the event classifier's probabilities, per sentence (classify.py)
    matches: list[list[TriggerMatch]] = field(default_factory=list)
    learned: list[Any] | None = None


def _span(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


# ---------------------------------------------------------------------------
# the extractor
# ---------------------------------------------------------------------------
class EventExtractor:
    def __init__(
        self,
        patterns: tuple[TriggerPattern, ...],
        cues: mod.Cues,
        dictionary: ActorDictionary,
        config: ExtractConfig | None = None,
        classifier: EventClassifier | None = None,
    ) -> None:
        self.patterns = patterns
        self.classifier = classifier
        self.cues = cues
        self.dictionary = dictionary
        self.nouns = load_nouns()
        self.config = config or ExtractConfig()
        self.country_names = set(dictionary.countries.values())
        self.roles = RoleReader(dictionary)

    # -- article-level defaults -------------------------------------------------
    def _main_actors(
        self, actors: list[Actor], country: str | None, published: str | None
    ) -> tuple[str, str]:
        state = Counter(
            a.name
            for a in actors
            if a.actor_type == "state forces"
            and a.name.startswith("Military")
            and (country is None or a.country == country)
        )
        if not state:
            state = Counter(
                a.name for a in actors if a.actor_type == "state forces" and a.name.startswith("Military")
            )
        opp = Counter(
            a.name
            for a in actors
            if a.actor_type in NON_STATE_ARMED and (country is None or a.country in (country, None))
        )
        main_state = (
            state.most_common(1)[0][0]
            if state
            else self.dictionary.role_actor("state", country, published)[0]
        )
        main_opp = (
            opp.most_common(1)[0][0]
            if opp
            else self.dictionary.role_actor("opposition", country, published)[0]
        )
        return main_state, main_opp

    def extract(
        self, doc: Any, article: Article, analysis: Analysis, country: str | None = None
    ) -> list[Event]:
        published = article.published
        actors = analysis.actors
        # References with a role ("British", "The Washington Post") are never an event's location.
        places = [p for p in analysis.places if not p.role] or fallback_places(
            doc, actors, self.country_names
        )
        main_state, main_opp = self._main_actors(actors, country, published)
        events: list[Event] = []
        state = _State(
            text=text_of(doc),
            places=OffsetIndex(places),
            actors=OffsetIndex(actors),
            claims=OffsetIndex(analysis.attributions),
        )
        sents = list(doc.sents)
        state.matches = [match_sentence(sent, self.patterns) for sent in sents]
        if self.classifier is not None:
            state.learned = score_sentences(self.classifier, sents, state.matches, state.actors)
        for si, sent in enumerate(sents):
            dates = find_dates(sent.text, published, state.anchor, offset=sent.start_char)
            sent_events = self._sentence(
                doc,
                sent,
                si,
                dates,
                state,
                places,
                actors,
                analysis.attributions,
                main_state,
                main_opp,
                country,
                published,
            )
            events.extend(sent_events)
            days = [d for d in dates if d.precision == DAY and d.date]
            if days:
                state.anchor = days[-1].date
            if dates:
                state.prev_dates = dates
            elif not sent_events:
                state.prev_dates = []
        if self.classifier is not None:
            events = apply_decisions(self.classifier, events, sents, state.learned, state.matches)
        for e in events:  # after the classifier's relabelling, which may make an event a protest
            demonstration_actors(e, self.dictionary, published)
        credit_claimant(events, claimant(sents, state.actors))
        events = merge_summaries(merge_repeats(events), sents[0].end_char if sents else 0)
        for e in events:
            if self.config.report_date:
                report_dated(e, published)
            e.notes = make_note(e)
        return events

    # -- one sentence -----------------------------------------------------------
    def _sentence(
        self,
        doc,
        sent,
        si,
        dates,
        state,
        places,
        actors,
        attributions,
        main_state,
        main_opp,
        country,
        published,
    ):
        matches = state.matches[si]
        if not matches and state.learned is not None:
            proposed = self.classifier.propose(state.learned[si])
            if proposed is not None:
                matches = learned_matches(sent, proposed, len(self.patterns))
        if not matches:
            return []
        families = {m.pattern.family for m in matches}
        s0, s1 = sent.start_char, sent.end_char
        sent_places = state.places.starting_between(s0, s1)
        sent_actors = state.actors.starting_between(s0, s1)
        sent_claims = state.claims.overlapping(s0, s1)
        date_spans = [(d.start, d.end) for d in dates]
        refs = sentence_refs(doc, sent, sent_places, sent_actors, date_spans, self.country_names)
        actor_roots = []
        for a in sent_actors:
            span = _span(doc, a.start, a.end)
            # "IS militants" with "IS" parsed as a verb: the phrase is read from its noun
            while span is not None and len(span) > 1 and span[0].pos_ in ("AUX", "VERB", "ADP"):
                span = span[1:]
            if span is not None:
                actor_roots.append((a, span))
        out: list[Event] = []
        triggers: dict[int, Any] = {}
        seen: set[tuple[str, str | None, str | None]] = set()
        matched_tokens = {i: m for m in matches for i in m.tokens}
        for m in matches:
            fam = m.pattern.family
            trig = doc[m.head]
            # a noun pattern ("explosive devices") is governed through its noun, not its adjective
            noun = next((doc[i] for i in m.tokens if doc[i].pos_ in ("NOUN", "PROPN")), None)
            governed = noun is not None and trig.pos_ != "VERB"
            if governed and self._governed_by_stronger(noun, m, matched_tokens):
                continue
            if trig.text[:1].isupper() and any(
                a.start <= trig.idx < a.end and not a.label for a, _ in actor_roots
            ):
                continue  # "the Tigray People's Liberation Front": a word of a group's name
            if fam == "kill" and (families & STRIKE_FAMILIES or trig.pos_ != "VERB"):
                continue  # "our martyrs", "the Martyr X Brigade": people, not a killing
            if fam == "change" and trig.lemma_ == "deploy" and trig.dep_ in ("acl", "amod"):
                continue
            if _is_duration_background(trig) or _is_background(trig, fam) or _is_back_reference(trig):
                continue
            if fam == "transfer" and _is_toll_clause(trig):
                continue
            if _is_noun_modifier(trig, m.tokens):
                continue
            chosen = choose_locations(trig, m, refs, fam, self.config.min_location_score)
            if fam in ("capture", "transfer") and _vague_places_only(trig, chosen):
                continue
            if fam == "transfer" and trig.lemma_.lower() in MOVEMENT_LEMMAS:
                # "leave"/"withdraw" are events only when armed actors or counted people move
                armed = any(
                    a.actor_type in NON_STATE_ARMED or a.actor_type == "state forces" for a, _ in actor_roots
                )
                movers = any(t.lemma_.lower() in ARMED_PEOPLE for t in sent)
                if not (armed or movers) or not chosen:
                    continue
            modality, reporter = mod.classify(trig, self.cues, sent)
            if m.pattern.modality:
                modality = m.pattern.modality
            if not chosen:
                if fam in ("capture", "transfer") and _vague_places_only(trig, []):
                    continue
                chosen = self._carried_locations(state, si)
                if not chosen:  # "entered the town": the town the article named last
                    ref = anaphoric_place(sent, state.places, self.country_names)
                    chosen = [ref] if ref is not None else []
            elif modality not in (mod.NEGATED, mod.PLANNED):
                # only places where something happened carry over to the next sentence
                state.recent_locations.append((si, chosen))
            if not chosen:
                log.debug("event without location skipped: %s", sent.text[:80])
                continue
            loc_country = (chosen[0].place.country or "").upper() or None
            ev_main = (main_state, main_opp)
            if loc_country and loc_country != country:  # defaults of the country the event is in
                ev_main = self._main_actors(actors, loc_country, published)
            roles = self.roles.read(m, trig, actor_roots, *ev_main, country, published, sent, loc_country)
            event_type, sub, a1, a2 = roles.event_type, roles.sub_event_type, roles.actor1, roles.actor2
            reported_by, attributed = find_source(doc, trig, reporter, attributions, sent, sent_claims)
            if attributed and modality == mod.ASSERTED:
                modality = mod.REPORTED
            elif attributions and not attributed and modality == mod.REPORTED:
                modality = mod.ASSERTED  # the claims stage found no claim around the trigger
            date, precision = event_date(doc, trig, dates, state.prev_dates, self.config.carry_date)
            fatalities, quantities = extract_quantities(sent, self.nouns)
            for ref in chosen:
                p = ref.place
                location = _location_name(state.text, p)
                key = (event_type, sub, location)
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    Event(
                        event_type=event_type,
                        sub_event_type=sub,
                        start=s0,
                        end=s0 + len(sent.text.rstrip()),
                        evidence=sent.text.rstrip(),
                        trigger=" ".join(doc[i].text for i in m.tokens),
                        actor1=a1,
                        actor2=a2,
                        assoc_actor_1=roles.assoc_actor_1,
                        location=location,
                        geonameid=p.geonameid,
                        lat=p.lat,
                        lon=p.lon,
                        country=p.country,
                        admin1=p.admin1,
                        geo_precision=p.precision,
                        date=date,
                        date_precision=precision,
                        fatalities=fatalities,
                        quantities=dict(quantities),
                        modality=modality,
                        reported_by=reported_by,
                    )
                )
                triggers[id(out[-1])] = trig
        return _one_per_happening(out, triggers)

    @staticmethod
    def _governed_by_stronger(trig: Any, m: TriggerMatch, matched_tokens: dict[int, TriggerMatch]) -> bool:
        """A noun trigger inside another trigger's phrase ("dismantling mines and car bombs"); the
        subject of the other trigger's verb is no part of its phrase ("an airstrike destroyed ...")."""
        top = trig
        while top.dep_ in ("compound", "amod") and top.head.i != top.i:
            top = top.head  # "a suicide bomber detonated ...": the phrase "suicide bomber" is the subject
        if top.dep_ in ("nsubj", "nsubjpass"):
            return False
        for anc in list(trig.ancestors)[:3]:
            other = matched_tokens.get(anc.i)
            if other is not None and other is not m and other.strength > m.strength:
                return True
        return False

    # -- locations --------------------------------------------------------------
    def _carried_locations(self, state: _State, si: int) -> list[_PlaceRef]:
        for idx, refs in reversed(state.recent_locations):
            if si - idx <= self.config.carry_location_sentences:
                return refs[:1]
            break
        return []
