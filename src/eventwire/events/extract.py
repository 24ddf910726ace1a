"""Sentence -> ACLED-style events: triggers, locations, actors, date, modality, quantities.

For each sentence the trigger patterns are matched on lemmas; each trigger becomes one
event per location it is about (a coordinated list of towns is one event per town).
Locations come from the geo stage's places (or, without it, from named-entity and
syntactic cues); the place the clause is about is the one inside the trigger's clause,
most specific first, destinations ("evacuated to Idlib") left out. Actors come from the
subject / object of the trigger, with the article's main state and opposition actors as
defaults where the sentence names none ("the towns had been liberated").
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..actors.dictionary import NON_STATE_ARMED, ActorDictionary
from ..claims import claim_at, source_label
from ..models import Actor, Analysis, Article, Attribution, Event, Place
from ..nlp.datelines import dateline_after, opens_paragraph
from ..nlp.index import OffsetIndex
from ..time import DAY, UNKNOWN, DateMention, find_dates
from . import modality as mod
from .classify import EventClassifier
from .notes import make_note
from .quantities import extract_quantities, load_nouns
from .triggers import TriggerMatch, TriggerPattern, match_sentence

log = logging.getLogger(__name__)

# Place kinds by specificity: an event is coded at the most precise place named.
KIND_LEVEL = {
    "village": 0, "town": 0, "city": 0, "neighborhood": 0, "neighbourhood": 0, "border_crossing": 0,
    "other": 0, "water": 1, "district": 1, "region": 1, "province": 2, "country": 3,
}  # fmt: skip
_PROVINCE_WORDS = re.compile(r"\b(province|governorate|state|oblast|region|prefecture)\b", re.I)
_DISTRICT_WORDS = re.compile(r"\b(district|countryside|county|township|municipality|rural)\b", re.I)
# Prepositions introducing where people or things went, not where the event happened.
DESTINATION_PREPS = {"to", "toward", "towards", "into"}
MOVEMENT_DESTINATION_PREPS = DESTINATION_PREPS | {"for"}  # "left Douma for Jarablus"
ORIGIN_PREPS = {"from", "out"}
# Head nouns and prepositions that put a proper noun in a locative position, used only
# when the geo stage has not supplied places.
PLACE_NOUNS = {
    "town", "village", "city", "area", "district", "province", "region", "countryside", "outskirts",
    "neighborhood", "neighbourhood", "suburb", "settlement", "governorate", "capital", "base",
    "crossing", "camp", "airport", "mountain", "hill", "border", "enclave", "locality", "township",
}  # fmt: skip
LOCATIVE_PREPS = {
    "in",
    "near",
    "at",
    "from",
    "into",
    "around",
    "outside",
    "over",
    "across",
    "inside",
    "toward",
    "towards",
    "to",
    "of",
    "on",
}
TITLE_WORDS = {
    "president",
    "minister",
    "general",
    "marshal",
    "commander",
    "colonel",
    "mr",
    "mrs",
    "ms",
    "dr",
    "head",
    "leader",
    "spokesman",
    "governor",
    "king",
    "prince",
}

# Families whose actors are "state side vs. armed opposition" by nature rather than by syntax.
SIDED_FAMILIES = {"transfer", "agreement", "weapons"}
MOVEMENT_LEMMAS = {
    "leave",
    "depart",
    "exit",
    "relocate",
    "withdraw",
    "retreat",
    "evacuate",
    "evacuation",
    "pull",
}
# People whose departure is a territorial transfer even when no named actor is given.
ARMED_PEOPLE = {
    "fighter",
    "militant",
    "rebel",
    "terrorist",
    "gunman",
    "insurgent",
    "jihadist",
    "combatant",
    "soldier",
    "troop",
}
STRIKE_FAMILIES = {"air", "shelling", "suicide", "ied"}
# People a strike kills or wounds who are civilians by the word itself (ACLED codes the strike's
# actor2 as "Civilians (Country)"); "people" counts only where a civilian place was hit.
VICTIM_NOUNS = {
    "civilian",
    "resident",
    "villager",
    "woman",
    "child",
    "children",
    "student",
    "schoolgirl",
    "schoolboy",
    "pupil",
    "worshipper",
    "shopper",
    "passenger",
    "farmer",
    "herder",
    "displaced",
    "refugee",
    "patient",
    "family",
    "infant",
    "baby",
    "girl",
    "boy",
    "mourner",
    "fisherman",
}
CIVILIAN_PLACES = {
    "market",
    "house",
    "home",
    "hospital",
    "school",
    "camp",
    "crowd",
    "mosque",
    "church",
    "bus",
    "wedding",
    "funeral",
    "bakery",
    "neighbourhood",
    "neighborhood",
    "village",
    "residential",
    "shelter",
    "clinic",
    "square",
    "restaurant",
    "cafe",
    "hotel",
}
# What a strike on the armed side hits: the attacker is then not the state the target belongs to.
MILITARY_TARGETS = {
    "military",
    "army",
    "soldier",
    "troop",
    "base",
    "barracks",
    "checkpoint",
    "convoy",
    "patrol",
    "garrison",
    "outpost",
    "post",
    "officer",
    "academy",
    "airbase",
}
REPORT_LEMMAS = {"say", "tell", "report", "announce", "state", "add", "confirm", "quote", "cite"}
# "claimed responsibility for the attack", "condemned the bombing": a back-reference to an event
# the article has already reported, not a new one.
BACKREF_VERBS = {"claim", "condemn", "denounce", "blame", "deny", "investigate", "responsibility"}
PROTEST_FORCE = {"disperse", "gas", "cannon", "baton", "bullet", "truncheon", "beat", "charge"}
PROTEST_LETHAL = {"kill", "shoot", "shot", "fire", "dead"}
# "12 km north of X", "on the outskirts of X": X only locates the place meant.
REFERENCE_HEADS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "outskirts", "outskirt", "km", "kilometre", "kilometer", "kilometres", "kilometers", "mile", "miles",
}  # fmt: skip
# Verbs and nouns of movement whose "to"/"for" phrase names a destination.
MOVEMENT_HEADS = {
    "take", "head", "go", "move", "relocate", "transfer", "evacuate", "leave", "depart", "send",
    "deport", "displace", "flee", "bound", "transport", "bus", "carry", "drive", "exit", "travel",
    "convoy", "route", "way", "evacuation", "relocation", "departure", "return",
}  # fmt: skip
# Facility nouns that, after an unresolved name, are part of the place ("El Salini base").
FACILITY_NOUNS = {
    "base", "airport", "airbase", "camp", "school", "crossing", "checkpoint", "prison", "hospital",
    "bridge", "dam", "port", "barracks", "outpost", "refinery", "field", "station",
}  # fmt: skip
# Plural place nouns: "several towns and villages" names no place of its own.
VAGUE_PLACE_NOUNS = {
    "town",
    "village",
    "area",
    "city",
    "locality",
    "settlement",
    "region",
    "district",
    "position",
}
# Nouns that cannot be an event's agent: "the conflict has killed thousands" is a running toll.
ABSTRACT_AGENTS = {
    "conflict",
    "war",
    "crisis",
    "violence",
    "fighting",
    "unrest",
    "insurgency",
    "clash",
    "fight",
}
LONG_SPANS = {"year", "decade", "month"}
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "pcomp", "acl", "csubj", "parataxis"}


@dataclass
class ExtractConfig:
    carry_location_sentences: int = 1  # look back this many sentences for an unnamed location
    carry_date: bool = True  # a sentence without a date continues the previous sentence's date
    # 3 = place inside the trigger's phrase, 2 = in its clause, 1 = elsewhere in the sentence
    min_location_score: int = 1


@dataclass
class _PlaceRef:
    place: Place
    root: Any  # the place span's syntactic head token
    level: int


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


_ADMIN_SUFFIX = re.compile(
    r"\s+(?P<word>Province|Governorate|Region|State|Oblast|Prefecture|District|Township|County|"
    r"Municipality|province|governorate|region|state|oblast|district|township|county|countryside)\b"
)
_SUFFIX_LEVEL = {"district": 1, "township": 1, "county": 1, "municipality": 1, "countryside": 1}


def suffix_level(text: str, place: Place) -> int | None:
    """ "Sagaing Region", "Myaung Township": the word after a name states its level, whatever
    the gazetteer matched the bare name to (Sagaing is also a city)."""
    m = _ADMIN_SUFFIX.match(text, place.end)
    if m is None:
        return None
    return _SUFFIX_LEVEL.get(m["word"].lower(), 2)


def place_level(place: Place, country_names: Iterable[str] = ()) -> int:
    if place.kind in KIND_LEVEL:
        return KIND_LEVEL[place.kind]
    if place.precision == "country":
        return 3
    text = place.mention
    if text in country_names or (place.name or "") in country_names:
        return 3
    if _PROVINCE_WORDS.search(text):
        return 2
    if _DISTRICT_WORDS.search(text):
        return 1
    return 0


def sent_bounds(sent: Any) -> tuple[int, int]:
    return sent.start_char, sent.end_char


def _span(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


def _span_root(span: Any) -> Any:
    return span.root


def _in_subtree(tok: Any, head: Any) -> bool:
    """Whether ``tok`` is under ``head``, not counting conjoined clauses ("stormed X and took Y")."""
    cur = tok
    for _ in range(40):
        if cur.i == head.i:
            return True
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "conj" and cur.head.i == head.i and cur.pos_ in ("VERB", "AUX"):
            return False
        cur = cur.head
    return False


def _in_role(tok: Any, head: Any, deps: set[str]) -> bool:
    """Whether ``tok`` lies in a child subtree of ``head`` attached with one of ``deps``."""
    return any(c.dep_ in deps and _in_subtree(tok, c) for c in head.children)


def clause_root(tok: Any) -> Any:
    cur = tok
    for _ in range(8):
        if cur.dep_ in CLAUSE_DEPS and cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _path_preps(tok: Any, stop: Any) -> list[str]:
    """Prepositions crossed going from ``tok`` up to ``stop`` (or the sentence root)."""
    preps = []
    cur = tok
    for _ in range(10):
        if cur.i == stop.i or cur.head.i == cur.i:
            break
        if cur.dep_ == "pobj" and cur.head.dep_ in ("prep", "agent", "dative"):
            preps.append(cur.head.lower_)
        cur = cur.head
    return preps


# ---------------------------------------------------------------------------
# places without the geo stage
# ---------------------------------------------------------------------------
def fallback_places(doc: Any, actors: list[Actor], country_names: set[str]) -> list[Place]:
    """Place mentions from spaCy entities and locative proper nouns (used when geo did not run)."""
    taken: list[tuple[int, int]] = [(a.start, a.end) for a in actors]
    out: list[Place] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    doc_text = doc.text

    def add(s: int, e: int, kind: str | None = None) -> None:
        text = doc_text[s:e]
        if text.lower().startswith("the "):
            s += 4
            text = text[4:]
        if not text or not free(s, e):
            return
        if kind is None and text in country_names:
            kind = "country"
        out.append(Place(mention=text, start=s, end=e, name=text, kind=kind, source="spacy"))
        taken.append((s, e))

    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            add(ent.start_char, ent.end_char)
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        left = tok.left_edge
        # the proper-noun run ending at tok: its compounds and "al-" pieces
        start = tok.i
        while (
            start - 1 >= left.i
            and doc[start - 1].dep_ in ("compound", "punct")
            and doc[start - 1].pos_ in ("PROPN", "PUNCT", "NOUN")
        ):
            if doc[start - 1].text in (",", "(", ")"):
                break
            start -= 1
        span = doc[start : tok.i + 1]
        if any(t.lower_ in TITLE_WORDS for t in doc[max(0, start - 2) : tok.i + 1]):
            continue
        # The small model often tags unfamiliar town names as NORP/ORG/PERSON; the locative
        # position decides instead. Dates and numbers are never places.
        if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY") for t in span):
            continue
        anchor = tok
        while anchor.dep_ == "conj" and anchor.head is not anchor:
            anchor = anchor.head
        head = anchor.head
        locative = (
            (
                anchor.dep_ == "pobj"
                and head.lower_ in LOCATIVE_PREPS
                and (head.lower_ != "of" or head.head.lemma_.lower() in PLACE_NOUNS)
            )
            or (head.lemma_.lower() in PLACE_NOUNS and anchor.dep_ in ("compound", "appos", "nmod"))
            or (anchor.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB")
        )
        if locative:
            add(span.start_char, span.end_char)
    return sorted(out, key=lambda p: p.start)


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
        self.cues = cues
        self.dictionary = dictionary
        self.nouns = load_nouns()
        self.config = config or ExtractConfig()
        self.country_names = set(dictionary.countries.values())
        self.classifier = classifier  # events/classify.py; None = the rules decide types

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
            text=doc.text,
            places=OffsetIndex(places),
            actors=OffsetIndex(actors),
            claims=OffsetIndex(analysis.attributions),
        )
        for si, sent in enumerate(doc.sents):
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
        events = merge_repeats(events)
        for e in events:
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
        matches = match_sentence(sent, self.patterns)
        # -- event classifier hook (events/classify.py): may add a stand-in match, relabels at the end
        verdict = None
        if self.classifier is not None:
            verdict = self.classifier.judge(
                sent, matches, state.actors.starting_between(*sent_bounds(sent)), state.actors.items
            )
            matches = verdict.matches
        # -- end hook
        if not matches:
            return []
        families = {m.pattern.family for m in matches}
        s0, s1 = sent.start_char, sent.end_char
        sent_places = state.places.starting_between(s0, s1)
        sent_actors = state.actors.starting_between(s0, s1)
        sent_claims = state.claims.overlapping(s0, s1)
        date_spans = [(d.start, d.end) for d in dates]
        refs: list[_PlaceRef] = []
        for p in sent_places:
            # A place inside a named actor ("Ahrar al-Sham") is no location; inside a generic label
            # ("residents of Goma", "Daraa rebels") it says where those people are.
            if any(p.start < a.end and a.start < p.end and not a.label for a in sent_actors):
                continue
            if _is_dateline(state.text, p):
                continue
            if any(p.start < e and s < p.end for s, e in date_spans):
                continue
            span = _span(doc, p.start, p.end)
            if span is None:
                continue
            level = place_level(p, self.country_names)
            stated = suffix_level(state.text, p)
            if stated is not None and place_level(p, ()) < 3:
                level = stated
            refs.append(_PlaceRef(p, _span_root(span), level))
        actor_roots = []
        for a in sent_actors:
            span = _span(doc, a.start, a.end)
            if span is not None:
                actor_roots.append((a, span))
        out: list[Event] = []
        triggers: dict[int, Any] = {}
        seen: set[tuple[str, str | None, str | None]] = set()
        matched_tokens = {i: m for m in matches for i in m.tokens}
        for m in matches:
            fam = m.pattern.family
            trig = doc[m.head]
            if trig.pos_ in ("NOUN", "PROPN") and self._governed_by_stronger(trig, m, matched_tokens):
                continue
            if fam == "kill" and (families & STRIKE_FAMILIES or trig.pos_ != "VERB"):
                continue  # "our martyrs", "the Martyr X Brigade": people, not a killing
            if fam == "change" and trig.lemma_ == "deploy" and trig.dep_ in ("acl", "amod"):
                continue
            if _is_duration_background(trig) or _is_background(trig, fam) or _is_back_reference(trig):
                continue
            chosen = self._locations(trig, m, refs, fam)
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
            elif modality not in (mod.NEGATED, mod.PLANNED):
                # only places where something happened carry over to the next sentence
                state.recent_locations.append((si, chosen))
            if not chosen:
                log.debug("event without location skipped: %s", sent.text[:80])
                continue
            event_type, sub, a1, a2 = self._actors(
                m, trig, actor_roots, main_state, main_opp, country, published, sent, chosen[0].place.country
            )
            reported_by, attributed = self._reported_by(doc, trig, reporter, attributions, sent, sent_claims)
            if attributed and modality == mod.ASSERTED:
                modality = mod.REPORTED
            elif attributions and not attributed and modality == mod.REPORTED:
                modality = mod.ASSERTED  # the claims stage found no claim around the trigger
            date, precision = self._date(trig, dates, state)
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
        out = _one_per_happening(out, triggers)
        return verdict.apply(out) if verdict is not None else out  # event classifier hook

    @staticmethod
    def _governed_by_stronger(trig: Any, m: TriggerMatch, matched_tokens: dict[int, TriggerMatch]) -> bool:
        """A noun trigger inside another trigger's phrase ("dismantling mines and car bombs")."""
        for anc in list(trig.ancestors)[:3]:
            other = matched_tokens.get(anc.i)
            if other is not None and other is not m and other.strength > m.strength:
                return True
        return False

    # -- locations --------------------------------------------------------------
    def _locations(self, trig: Any, m: TriggerMatch, refs: list[_PlaceRef], fam: str) -> list[_PlaceRef]:
        if not refs:
            return []
        root = clause_root(trig)
        scored: list[tuple[int, _PlaceRef]] = []
        for ref in refs:
            tok = ref.root
            if ref.level >= 3:
                continue  # events are coded below country level
            if _in_subtree(tok, trig) and not _in_role(tok, trig, {"nsubj", "csubj"}):
                score = 3
            elif _in_subtree(tok, root):
                score = 2
            else:
                score = 1
            if _in_description(tok, trig):
                score = 0  # "Dara'a, which borders the Golan Heights": geography, not the event
            preps = _path_preps(tok, root)
            destinations = MOVEMENT_DESTINATION_PREPS if fam == "transfer" else DESTINATION_PREPS
            if (preps and preps[-1] in destinations) or _is_destination(tok, root):
                # the outermost preposition decides: "left Douma for Idlib" -> Idlib is a destination;
                # so does a movement word anywhere on the path ("a convoy heading for Jarablus")
                score -= 3 if fam in ("transfer", "weapons", "agreement") else 1
            if _is_reference_point(tok):
                score -= 2  # "Dumayr, northeast of Damascus": Damascus only locates Dumayr
            if fam == "transfer" and preps and preps[-1] in ORIGIN_PREPS:
                score += 1
            scored.append((score, ref))
        if not scored:
            return []
        best = max(s for s, _ in scored)
        if best <= self.config.min_location_score - 1:
            return []
        top = [r for s, r in scored if s == best]
        level = min(r.level for r in top)
        if best == 1:
            # Only a loose link to the trigger: take the nearest most-specific place.
            nearest = min((r for r in top if r.level == level), key=lambda r: abs(r.root.i - trig.i))
            return [nearest] + [
                r for r in top if r is not nearest and r.level == level and _coordinated(r.root, nearest.root)
            ]
        chosen = [r for r in top if r.level == level]
        chosen = [r for r in chosen if not any(_contains(r, o) for o in chosen if o is not r)]
        return sorted(chosen, key=lambda r: r.place.start)

    def _carried_locations(self, state: _State, si: int) -> list[_PlaceRef]:
        for idx, refs in reversed(state.recent_locations):
            if si - idx <= self.config.carry_location_sentences:
                return refs[:1]
            break
        return []

    # -- actors -------------------------------------------------------------------
    def _actors(self, m, trig, actor_roots, main_state, main_opp, country, published, sent, loc_country=None):
        fam = m.pattern.family
        event_type, sub = m.pattern.event_type, m.pattern.sub_event_type
        root = clause_root(trig)
        # "..., the Saudi-led coalition said", "police said": the source is not a party
        actor_roots = [(a, span) for a, span in actor_roots if not _is_source(span.root, trig)]
        verb = trig if trig.pos_ in ("VERB", "AUX") else root
        agent = patient = None
        for a, span in actor_roots:
            r = span.root
            deps_chain = [r, *list(r.ancestors)[:4]]
            rel = None
            target_prep = None
            for t in deps_chain:
                if (
                    t.dep_ == "pobj"
                    and t.head.lower_ in ("on", "against", "targeting")
                    and t.head.head != verb
                ):
                    target_prep = t.head.lower_  # "a drone attack on a military academy"
                if t.head.i in (verb.i, trig.i):
                    rel = (
                        f"prep_{target_prep}" if target_prep and t.dep_ in ("nsubj", "nsubjpass") else t.dep_
                    )
                    if t.dep_ == "pobj" or t.dep_ in ("prep", "agent"):
                        prep = t.head if t.dep_ == "pobj" else t
                        rel = (
                            "agent" if prep.dep_ == "agent" or prep.lower_ == "by" else f"prep_{prep.lower_}"
                        )
                    break
                if t.dep_ == "pobj" and t.head.head in (verb, trig):
                    rel = (
                        "agent"
                        if t.head.dep_ == "agent" or t.head.lower_ == "by"
                        else f"prep_{t.head.lower_}"
                    )
                    break
                if t.dep_ == "poss" and t.head.i == trig.i:
                    rel = "nsubj"
                    break
            if rel in ("nsubj", "agent", "poss", "compound") and agent is None:
                agent = a
            elif (
                rel in ("dobj", "prep_from", "prep_against", "prep_with", "prep_on", "nsubjpass", "prep_of")
                and patient is None
            ):
                patient = a
        others = [a for a, _ in actor_roots if a is not agent and a is not patient]
        # "..., killing three soldiers": the people killed are a victim side, never the attacker
        victims = {id(a) for a, span in actor_roots if _is_victim(span.root)}
        armed = [
            a
            for a in others
            if a.actor_type in NON_STATE_ARMED or a.actor_type in ("state forces", "external forces")
        ]
        civilians = [a for a, _ in actor_roots if a.actor_type == "civilians"]

        def is_state(a: Actor | None) -> bool:
            return a is not None and a.actor_type == "state forces"

        if fam == "protest":
            name = self.dictionary.role_actor("protesters", country, published)[0]
            lemmas = {t.lemma_.lower() for t in sent}
            if lemmas & PROTEST_LETHAL and lemmas & {"protester", "demonstrator", "protestor", "crowd"}:
                return event_type, "Excessive force against protesters", name, None
            if lemmas & PROTEST_FORCE or "tear" in lemmas:
                return event_type, "Protest with intervention", name, None
            return event_type, sub, name, None
        if fam in SIDED_FAMILIES:
            pool = [a for a in (agent, patient, *others) if a is not None]
            st = next((a.name for a in pool if is_state(a)), main_state)
            ns = next((a.name for a in pool if a.actor_type in NON_STATE_ARMED), main_opp)
            return event_type, sub, st, ns
        a1 = agent
        attackers = [a for a in armed if id(a) not in victims]
        if a1 is None and attackers:
            a1 = next((a for a in attackers if is_state(a)), attackers[0])
        a2 = patient if patient is not None and patient is not a1 else None
        if a2 is None:
            a2 = next((a for a in armed if a is not a1 and a.name != (a1.name if a1 else None)), None)
        name1 = a1.name if a1 else None
        name2 = a2.name if a2 else None
        heads = [trig.doc[i] for i in m.tokens] + [trig.head] * (trig.dep_ == "compound")
        military_target = fam in STRIKE_FAMILIES and any(_hits(h, verb, MILITARY_TARGETS) for h in heads)
        if military_target and not is_state(a1) and name1 != main_state:
            # "a drone attack on a military ceremony": the state is the target, the attacker unnamed
            name2 = name2 or main_state
        elif fam in ("capture", "clash", "kill", "siege", "shelling", "air") and name1 is None:
            name1 = main_state
        if fam in ("capture", "clash", "kill") and name2 is None:
            name2 = main_opp if name1 == main_state or is_state(a1) else main_state
        if fam in ("kill", "clash") and (
            patient is not None
            and patient.actor_type == "civilians"
            or (civilians and not armed and agent is not None)
        ):
            event_type, sub = "Violence against civilians", "Attack"
            name2 = (patient or civilians[0]).name
        if fam in STRIKE_FAMILIES and not military_target and (name2 is None or patient is None):
            victims = civilians[0].name if civilians else None
            if victims is None and _civilian_victims(sent, trig, verb):
                # the civilians of the place hit ("Civilians (Lebanon)" in an article about Israel)
                victims = self.dictionary.role_actor("civilians", loc_country or country, published)[0]
            if victims and (
                name2 is None or not (a2 and a2.actor_type in NON_STATE_ARMED | {"state forces"})
            ):
                name2 = victims
        if fam == "abduction" and name2 is None:
            name2 = self.dictionary.role_actor("civilians", country, published)[0]  # VAC by definition
        if fam in ("abduction", "arrest") and name2 and name2.startswith("Government of"):
            # "abducted pupils from a government school": the government names the school
            name2 = self.dictionary.role_actor("civilians", country, published)[0]
        if (
            fam == "clash"
            and trig.lemma_ in ("attack", "assault")
            and any(t.lemma_ in ("residential", "civilian", "resident", "home", "house") for t in sent)
        ):
            event_type, sub = "Violence against civilians", "Attack"
            name2 = (
                civilians[0].name
                if civilians
                else self.dictionary.role_actor("civilians", country, published)[0]
            )
        if sub == "@territory":
            a1_state = is_state(a1) if a1 is not None else name1 == main_state
            sub = "Government regains territory" if a1_state else "Non-state actor overtakes territory"
        if name1 and name1.startswith("Government of") and fam not in ("agreement",):
            # a government "acting" in a violent event is coded as its forces
            name1 = self.dictionary.role_actor("state", a1.country if a1 else country, published)[0]
        if name1 == name2:
            name2 = None
        return event_type, sub, name1, name2

    # -- attribution --------------------------------------------------------------
    def _reported_by(
        self, doc, trig, reporter, attributions: list[Attribution], sent,
        near: list[Attribution] | None = None,
    ) -> tuple[str | None, bool]:  # fmt: skip
        # The claims stage knows who says what: an event whose trigger lies in a claim is that
        # source's report. The trigger, not the whole sentence, decides ("X said on Monday that
        # ..." attributes the clause, not the speech act).
        # ``near``: the claims that overlap the sentence, when the caller has them (same answer, less work)
        att = claim_at(attributions if near is None else near, trig.idx, trig.idx + len(trig.text))
        if att is not None:
            return source_label(att), True
        if attributions:
            # The claims stage ran and put the trigger in no claim: the outlet's own voice.
            return None, False
        if reporter is not None:
            subj = next((t for t in reporter.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in ("it", "they", "he", "she", "we", "i", "who"):
                text = doc[subj.left_edge.i : subj.right_edge.i + 1].text
                return _strip_det(text), True
            return None, True
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                obj = next((t for t in doc[tok.i + 1].children if t.dep_ == "pobj"), None)
                if obj is not None:
                    return _strip_det(doc[obj.left_edge.i : obj.right_edge.i + 1].text), True
        return None, False

    # -- date -----------------------------------------------------------------------
    def _date(self, trig, dates: list[DateMention], state: _State) -> tuple[str | None, str]:
        usable = [d for d in dates if d.date]
        if usable:
            best = min(usable, key=lambda d: abs(d.start - trig.idx))
            return best.date, best.precision
        if self.config.carry_date:
            prev = [d for d in state.prev_dates if d.date]
            if prev:
                return prev[-1].date, prev[-1].precision
        return None, UNKNOWN


def merge_repeats(events: list[Event]) -> list[Event]:
    """One event per happening: later mentions of the same type, place and date are merged.

    Reports restate the lead ("X was retaken ... the army retook X on Saturday"); the first
    mention is kept and takes a date, fatalities or quantities the repeats add.
    """
    kept: list[Event] = []
    # kept events by what a twin must share, so each event is compared with its own kind only
    by_kind: dict[tuple, list[Event]] = {}
    for e in events:
        same_kind = by_kind.setdefault((e.event_type, e.sub_event_type, e.location, e.happened), [])
        twin = next(
            (k for k in same_kind if k.date is None or e.date is None or k.date == e.date),
            None,
        )
        if twin is None:
            kept.append(e)
            same_kind.append(e)
            continue
        if twin.date is None and e.date is not None:
            twin.date, twin.date_precision = e.date, e.date_precision
        if twin.fatalities is None:
            twin.fatalities = e.fatalities
        for key, value in e.quantities.items():
            twin.quantities.setdefault(key, value)
        twin.reported_by = twin.reported_by or e.reported_by
    return kept


# Participles that describe where a place lies ("Idlib province bordering Turkey").
GEOGRAPHY_VERBS = {
    "border",
    "situate",
    "locate",
    "lie",
    "overlook",
    "abut",
    "neighbour",
    "neighbor",
    "adjoin",
}
TIME_NOUNS = {"year", "month", "week", "decade", "day", "hour"}


def _is_duration_background(trig: Any) -> bool:
    """ "after years of fighting", "a four-year battle": a state of affairs, not one event."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    head = trig.head
    if trig.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in TIME_NOUNS:
        return True
    return any(c.dep_ in ("amod", "compound", "nmod") and "-year" in c.lower_ for c in trig.children)


def _in_description(tok: Any, trig: Any) -> bool:
    """Whether ``tok`` sits in a relative / participle clause that does not contain the trigger."""
    for anc in [tok, *tok.ancestors]:
        if anc.i == trig.i:
            return False
        # a relative clause on a proper noun describes that place; on "militants, who ..." it
        # may well say where they were, so it is kept
        describing = (
            (anc.dep_ == "relcl" and anc.head.pos_ == "PROPN")
            or (anc.dep_ == "acl" and anc.lemma_.lower() in GEOGRAPHY_VERBS)
            # "despite the agreement reached in Sochi": the clause locates the agreement, not the
            # bombardment; a clause on a noun inside the trigger's phrase ("attacked positions
            # held by the army in Hama") or on people ("militants who ...") still locates it
            or (
                anc.dep_ in ("acl", "relcl")
                and anc.pos_ == "VERB"
                and not _in_subtree(anc.head, trig)
                and not _in_subtree(trig, anc.head)
                and anc.head.lemma_.lower() not in ARMED_PEOPLE | VICTIM_NOUNS
                and anc.head.pos_ == "NOUN"
            )
        )
        if describing and not _in_subtree(trig, anc):
            return True
        if _reduced_relative(anc, trig):
            return True
    return False


def _reduced_relative(verb: Any, trig: Any) -> bool:
    """ "despite the truce agreed in Astana" parsed as an adverbial clause: a subjectless past
    participle right after a noun (not the trigger, not people) still describes that noun."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i == 0 or _in_subtree(trig, verb):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return False
    noun = verb.doc[verb.i - 1]
    return (
        noun.pos_ == "NOUN"
        and noun.i != trig.i
        and noun.lemma_.lower() not in ARMED_PEOPLE | VICTIM_NOUNS
        and not _in_subtree(noun, trig)
    )


def _is_source(tok: Any, trig: Any) -> bool:
    """Whether ``tok`` is (inside) the subject of a reporting verb or "according to X"."""
    for t in [tok, *tok.ancestors]:
        if t.i == trig.i:
            return False
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in REPORT_LEMMAS:
            if t.head.i == trig.i:
                return False
            # "X said it had taken Y", "X told Reuters their fighters ...": the speaker is the
            # agent its own pronoun refers to
            if _in_subtree(trig, t.head) and any(
                w.lower_ in ("it", "they", "we", "its", "their", "our") and w.dep_ in ("nsubj", "poss")
                for w in trig.sent
                if w.i > t.head.i or w.i < t.i
            ):
                return False
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return True
    return False


def _is_victim(tok: Any) -> bool:
    """Whether ``tok`` is the object of a killing or wounding verb ("killing three soldiers")."""
    for t in [tok, *list(tok.ancestors)[:2]]:
        if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in ("kill", "wound", "injure", "maim"):
            return True
    return False


def _is_back_reference(trig: Any) -> bool:
    """ "claimed responsibility for the attack", "condemned the bombing": a definite event noun
    the article reported already."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its") for c in trig.children
    ):
        return False
    head = trig.head
    if head.dep_ == "prep":
        head = head.head
    return head.lemma_.lower() in BACKREF_VERBS


def _hits(trig: Any, verb: Any, nouns: set[str]) -> bool:
    """Whether the strike's target ("on a military ceremony", "struck an army post") is one of ``nouns``."""
    targets = []
    for h in {trig, verb}:
        for c in h.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                targets.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "near", "targeting"):
                targets.extend(g for g in c.children if g.dep_ == "pobj")
    return any(t.lemma_.lower() in nouns for tg in targets for t in tg.subtree)


def _civilian_victims(sent: Any, trig: Any, verb: Any) -> bool:
    """Killed or wounded civilians by the word ("killing four civilians", "mostly women and
    children"), or people killed where a civilian place was hit ("struck a market, killing 30 people")."""
    victims = False
    for t in sent:
        if t.lemma_.lower() in ("kill", "wound", "injure", "maim") and t.pos_ == "VERB":
            for c in t.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    words = {w.lemma_.lower() for w in c.subtree}
                    if words & VICTIM_NOUNS:
                        return True
                    if words & {"people", "person"}:
                        victims = True
    return victims and (
        _hits(trig, verb, CIVILIAN_PLACES) or any(t.lemma_.lower() in CIVILIAN_PLACES for t in sent)
    )


def _is_dateline(text: str, place: Place) -> bool:
    """ "TEHRAN (FNA) -": the place an article was filed from, at the start of a paragraph."""
    return opens_paragraph(text, place.start) and dateline_after(text, place.end) is not None


def _coordinated(a: Any, b: Any) -> bool:
    """Whether two tokens sit in one coordination ("A, B and C")."""

    def top(t: Any) -> Any:
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        return t

    return top(a) is top(b)


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det) :]
    return text


def _is_reference_point(tok: Any) -> bool:
    """ "north of X", "on the outskirts of X", "12 km from X": X is a landmark, not the place."""
    cur = tok
    while cur.dep_ == "conj" and cur.head is not cur:
        cur = cur.head
    if cur.dep_ != "pobj":
        return False
    prep = cur.head
    head = prep.head
    while head.dep_ == "conj" and head.head is not head:  # "west and south of Tripoli"
        if head.lemma_.lower() in REFERENCE_HEADS:
            break
        head = head.head
    if prep.lower_ == "of" and head.lemma_.lower() in REFERENCE_HEADS:
        return True
    return prep.lower_ == "from" and head.lower_ in REFERENCE_HEADS


def _is_destination(tok: Any, stop: Any) -> bool:
    """Whether a "to"/"toward"/"for" phrase on the way up from ``tok`` follows a movement word."""
    cur = tok
    for _ in range(10):
        if cur.i == stop.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ in MOVEMENT_DESTINATION_PREPS:
            governor = cur.head.head
            if governor.lemma_.lower() in MOVEMENT_HEADS or governor.lower_ in MOVEMENT_HEADS:
                return True
        cur = cur.head
    return False


def _is_background(trig: Any, fam: str) -> bool:
    """State-of-affairs and descriptive mentions that are not one happening.

    - "for years", "over the past six years": a span of years or months around the trigger;
    - "terrorists fighting against the government", "areas seized by X": a participle describing
      a noun (the happening, if any, is reported in its own clause);
    - "the conflict has killed thousands": a running toll with no agent;
    - "a hotbed of riots", "a launch pad for attacks": a bare plural event noun modifying a noun.
    """
    root = clause_root(trig)
    for head in {trig, root}:
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in ("for", "over", "during", "throughout"):
                continue
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in LONG_SPANS and obj.tag_ in ("NNS", "NNPS"):
                    return True
    if (
        fam != "agreement"  # "the deal, reached on 14 August" is how agreements are reported
        and trig.pos_ == "VERB"
        and trig.dep_ == "acl"
        and trig.head.dep_ != "ROOT"  # a verbless parse: the "participle" is the main verb
        # a participle with its own object is more often a misparsed main verb
        and not any(c.dep_ == "dobj" for c in trig.children)
    ):
        return True
    if fam == "kill" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in ABSTRACT_AGENTS for c in trig.children
    ):
        return True
    if (
        trig.pos_ == "NOUN"
        and trig.tag_ == "NNS"
        and trig.dep_ == "pobj"
        and trig.head.lower_ in ("of", "for")
        and trig.head.head.pos_ == "NOUN"
        and not any(c.dep_ in ("det", "nummod", "poss") for c in trig.children)
    ):
        return True
    return False


def _vague_places_only(trig: Any, chosen: list[_PlaceRef]) -> bool:
    """ "liberated several towns and villages in X Province": an unnamed set of places.

    True when the trigger's object is a plural place noun naming no place of its own and no
    chosen location is finer than a district: coding it at the province would invent a happening
    the report does not pin down (the named towns, if any, come in their own sentences).
    """
    if any(r.level == 0 for r in chosen):
        return False
    args = [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    # "a string of towns": the counted noun
    args += [
        g for a in list(args) for p in a.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"
    ]
    for a in args:
        if a.lemma_.lower() in VAGUE_PLACE_NOUNS and a.tag_ == "NNS":
            named = any(t.pos_ == "PROPN" for t in a.subtree if t.i < a.i and t.dep_ == "compound")
            if not named and not any(_names(r.root, a) for r in chosen):
                return True
    return False


def _names(tok: Any, noun: Any) -> bool:
    """Whether place ``tok`` names (part of) ``noun``: "the areas of X", "the X and Y regions"."""
    top = tok
    while top.dep_ == "conj" and top.head is not top:
        top = top.head
    if top.head.i == noun.head.i and top.dep_ == noun.dep_:
        return True  # co-ordinated arguments the parser split: "retook the X and Y regions"
    cur = tok
    for _ in range(8):
        if cur.i == noun.i:
            return True
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ != "of":
            return False  # "villages in X": X contains them, it does not name them
        cur = cur.head
    return False


def _location_name(text: str, place: Place) -> str:
    """The event's location: the gazetteer name, or for an unresolved name followed by a facility
    noun ("El Salini base"), the facility as written."""
    name = place.name or place.mention
    if place.geonameid is not None:
        return name
    after = text[place.end : place.end + 20]
    m = re.match(r"\s+([A-Za-z]+)", after)
    if m and m.group(1).lower() in FACILITY_NOUNS:
        return f"{place.mention} {m.group(1).lower()}"
    return name


def _depth(tok: Any) -> int:
    return sum(1 for _ in tok.ancestors)


def _one_per_happening(events: list[Event], triggers: dict[int, Any]) -> list[Event]:
    """One event per happening and place within a sentence.

    - a capture subsumes the fighting at the same place ("stormed and took X");
    - a strike subsumes the clash it is part of ("killed in an air strike amid clashes");
    - two trigger patterns on one word are one event, read by the longer pattern;
    - of several strategic developments at one place, the one stated by the main verb is kept
      ("reconciled ..., with militants laying down their arms" is the reconciliation).
    """
    by_place: dict[str | None, list[Event]] = {}
    for e in events:
        by_place.setdefault(e.location, []).append(e)
    drop: set[int] = set()
    for group in by_place.values():
        if len(group) < 2:
            continue
        # two patterns on one word ("helicopter attack" / "attack"): the longer pattern is the reading
        for e in group:
            for o in group:
                if (
                    o is not e
                    and triggers[id(o)].i == triggers[id(e)].i
                    and len(o.trigger or "") > len(e.trigger or "")
                ):
                    drop.add(id(e))
        subs = {e.sub_event_type for e in group if id(e) not in drop}
        types = {e.event_type for e in group if id(e) not in drop}
        territorial = subs & {"Government regains territory", "Non-state actor overtakes territory"}
        for e in group:
            if e.sub_event_type == "Armed clash" and (territorial or "Explosions/Remote violence" in types):
                drop.add(id(e))
            if e.event_type == "Violence against civilians" and "Explosions/Remote violence" in types:
                drop.add(id(e))  # the strike's victims belong to the strike
        strategic = [e for e in group if e.event_type == "Strategic developments" and id(e) not in drop]
        if len(strategic) > 1:
            top = min(_depth(triggers[id(e)]) for e in strategic)
            for e in strategic:
                if _depth(triggers[id(e)]) > top:
                    drop.add(id(e))
    return [e for e in events if id(e) not in drop]


def _contains(outer: _PlaceRef, inner: _PlaceRef) -> bool:
    """ "Myaung Township in Sagaing Region": the second place only says where the first lies."""
    tok = outer.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "of"):
        return False
    holder = tok.head.head
    if tok.head.dep_ != "prep" or holder.pos_ not in ("NOUN", "PROPN"):
        return False  # "in Douma and in Harasta": two places, neither inside the other
    if tok.head.lower_ == "of" and holder.lemma_.lower() not in PLACE_NOUNS:
        return False
    # the preposition hangs on the inner place (or on the place noun naming it: "the town of X in Y")
    return holder.i == inner.root.i or inner.root.i in {t.i for t in holder.subtree if t.i < tok.i}
