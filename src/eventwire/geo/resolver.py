"""Disambiguation: which gazetteer entry a mention names, or which province encloses it.

For each mention the resolver gathers entries whose name key matches exactly, plus fuzzy
ones sharing its consonant skeleton with ``similarity >= fuzzy_threshold``. Every entry is
scored with evidence from the whole article, in two passes:

1. name similarity, a prior by kind and population, the kind the context names
   ("X province" wants a province, "the village of X" a settlement, "X crossing" a border
   crossing), and the article's *focus country* (countries named, weighted by how
   unambiguous the names are);
2. the same plus *spatial coherence*: provinces co-mentioned ("in northern Kordofan") and
   distance to the places resolved with confidence in pass 1.

Mentions without an acceptable entry but with a strong cue are kept and resolved to the
enclosing unit the context gives (the nearest province named, else the article's main
province), with ``precision="province"`` and the province's coordinates, as ACLED codes
geo_precision 2/3 — never dropped, never given coordinates of their own.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from typing import Any

from ..models import Candidate, Place
from .candidates import Mention
from .containment import container_record, context_city, fit_bracket, in_city, one_sense, place_at
from .context import Anchors, ArticleContext, haversine_km
from .cue_words import cues
from .filters import anchors, far_foreign, inside, stray, transliterations_only
from .gazetteer import Gazetteer, PlaceRecord
from .normalize import display_name, similarity, skeleton
from .references import EMBEDDED
from .scoring import (
    SETTLEMENT,
    Scored,
    big_city_elsewhere,
    embeddable,
    evidence,
    other_name,
    prominence,
    score,
    seat_of,
)

log = logging.getLogger(__name__)

# Default knobs; the geo stage's config overrides them (see docs/geo.md).
DEFAULTS: dict[str, float] = {
    "fuzzy_threshold": 0.82,  # tuned on the dev corpus: below it, fuzzy pairs are mostly other places
    "accept": 1.0,  # minimum evidence to report a known name as a place
    "accept_unknown": 2.0,  # minimum evidence to report a name the gazetteer lacks
}


class Resolver:
    # The rules live in their own modules; the resolver applies them in order.
    evidence = staticmethod(evidence)
    score = staticmethod(score)
    _anchors = staticmethod(anchors)
    _far_foreign = staticmethod(far_foreign)
    _inside = staticmethod(inside)
    _transliterations_only = staticmethod(transliterations_only)
    _stray = staticmethod(stray)
    _context_city = staticmethod(context_city)
    _in_city = staticmethod(in_city)
    _container_record = staticmethod(container_record)
    _fit_bracket = staticmethod(fit_bracket)
    _one_sense = staticmethod(one_sense)

    def __init__(self, gazetteer: Gazetteer, config: dict[str, Any] | None = None):
        self.gaz = gazetteer
        self.cfg = {**DEFAULTS, **(config or {})}
        # Keyed by every input that changes the answer (the key and whether near-spellings are
        # looked up), so an article's analysis never depends on what was analyzed before.
        self._cand_cache: dict[tuple[str, bool], list[Scored]] = {}

    # -- candidates -------------------------------------------------------------
    def candidates(self, key: str, fuzzy: bool = True) -> list[Scored]:
        fuzzy = fuzzy and len(key) >= 4
        cached = self._cand_cache.get((key, fuzzy))
        if cached is not None:
            return [Scored(c.rec, c.sim, alt=c.alt) for c in cached]  # fresh objects: scoring writes on them
        out: dict[int, Scored] = {r.pid: Scored(r, 1.0, alt=other_name(r, key)) for r in self.gaz.by_key(key)}
        if fuzzy:
            for k, rec in self.gaz.by_skeleton(skeleton(key)):
                if rec.pid in out:
                    continue
                sim = similarity(key, k)
                # Short names have few letters to spare: vowels vary freely in transliteration
                # ("Haddad" ~ "Hadad", "Zuhra" ~ "Zahrah"), but a different first letter makes
                # another name ("Pelu" is not "Belu", whose skeletons the p/b folding merges).
                if len(key.replace(" ", "")) <= 6 and key[:1] != k[:1]:
                    continue
                if sim >= self.cfg["fuzzy_threshold"]:
                    prev = out.get(rec.pid)
                    if prev is None or prev.sim < sim:
                        out[rec.pid] = Scored(rec, sim, alt=True)
        res = list(out.values())
        if len(self._cand_cache) > 20000:
            self._cand_cache.clear()
        self._cand_cache[(key, fuzzy)] = res
        return [Scored(c.rec, c.sim, alt=c.alt) for c in res]

    # -- evidence that a mention is a place at all ------------------------------------
    def resolve(self, mentions: list[Mention], demonyms: dict[str, int] | None = None) -> list[Place]:
        """Resolve all mentions of one article; returns places in text order."""
        cand_map: dict[int, list[Scored]] = {}
        evid: dict[int, float] = {}
        embedded: list[tuple[Mention, list[Scored]]] = []
        for m in mentions:
            if m.key in cues()["demonyms"] or (m.words == 1 and m.key in cues()["generic"]):
                continue  # "Syrian", "Daesh": adjectives and group names, never places
            if not m.known and not (m.strong or m.prep or m.dateline or m.ner in ("GPE", "LOC", "FAC")):
                continue  # an unknown name needs a place cue before anything is looked up
            fuzzy = bool(
                m.strong or m.prep or m.ner in ("GPE", "LOC", "FAC") or m.region_frame or not m.known
            )
            cands = self.candidates(m.key, fuzzy=fuzzy) if m.key else []
            if m.country_hint:
                cands = [s for s in cands if s.rec.country == m.country_hint and s.sim == 1.0]
            if m.partial and not m.strong:
                if embeddable(m, cands):
                    embedded.append((m, [s for s in cands if s.sim == 1.0]))
                continue  # part of a larger name: "Paris Attack", "Sami Abdel Karim"
            if m.actor and not m.dateline:
                # Part of an armed group's or outlet's name ("Jaysh al-Nasr", "Xinhua", "Kalay PDF").
                # Only a name that IS an actor alias and also a town ("Azov", "Wagner") stays a place
                # when the context says so ("the city of Azov", "in Azov").
                if not ("actor-equal" in m.notes and ("kind-before" in m.notes or "prep-direct" in m.notes)):
                    if "actor-equal" not in m.notes and embeddable(m, cands):
                        embedded.append((m, [s for s in cands if s.sim == 1.0]))  # "Kenya Defence Forces"
                    continue
            if m.descriptor:
                continue  # "the Sahel country": the region describes a country
            if m.metonymy and not m.dateline:
                if "possessive-actor" in m.notes or any(
                    s.rec.fcode == "PPLC" or s.rec.kind == "country" for s in cands if s.sim == 1.0
                ):
                    continue
            cand_map[id(m)] = cands
            evid[id(m)] = self.evidence(m, cands)

        # Focus countries from the confident mentions (and country adjectives), then a second
        # look at borderline ones: a PERSON-tagged "Jarablos" after "to" is a place when the
        # article is about Syria and Syria has a Jarablos.
        ctx = ArticleContext()
        for cc, n in (demonyms or {}).items():
            ctx.countries[cc] += 0.5 * n
        for m in mentions:
            if id(m) not in evid or evid[id(m)] < self.cfg["accept"] + 1.0:
                continue
            exact = [s for s in cand_map[id(m)] if s.sim == 1.0]
            # An ambiguous name points to its readings' countries in proportion to how prominent each
            # reading is: "Gaza" is the city of 400,000 far more often than a village of that name.
            weights: Counter[str] = Counter()
            for s in exact:
                if s.rec.country:
                    weights[s.rec.country] += math.exp(prominence(s.rec))
            total = sum(weights.values())
            for cc in sorted(weights):
                ctx.countries[cc] += weights[cc] / total
            for s in exact:
                if s.rec.kind == "country" and s.rec.country:
                    ctx.countries[s.rec.country] += 1.0
        focus = ctx.focus_country
        cued_keys = {m.key for m in mentions if id(m) in evid and m.strong and m.kind_cue}
        accepted: list[Mention] = []
        for m in mentions:
            if id(m) not in evid:
                continue
            cands = cand_map[id(m)]
            if focus:
                # Fuzzy look-alikes abroad are noise once the article's country is known.
                top_w = max(ctx.countries.values())
                cands = [
                    s
                    for s in cands
                    if (s.sim == 1.0 and not self._stray(m, s.rec, ctx, top_w))
                    or ctx.countries.get(s.rec.country or "", 0) >= 0.2 * top_w
                ]
                cand_map[id(m)] = cands
            cands = cand_map[id(m)] = self._transliterations_only(cands, ctx)
            ev = evid[id(m)]
            if focus and any(s.rec.country == focus for s in cands):
                ev += 1.0
            if not cands and not m.strong and m.key not in cued_keys:
                continue  # (a name cued elsewhere in the article is a place here too: "in Tamu")
            weak = not (m.strong or m.dateline or m.ner in ("GPE", "LOC", "FAC") or m.words > 1)
            top_w = max(ctx.countries.values()) if ctx.countries else 0
            if (
                focus
                and weak
                and cands
                and not any(
                    not s.rec.country or ctx.countries.get(s.rec.country, 0) >= 0.2 * top_w for s in cands
                )
            ):
                continue  # a weakly cued name only counts where the article is
            threshold = (
                self.cfg["accept"] if cands or (m.strong and m.kind_cue) else self.cfg["accept_unknown"]
            )
            if ev < threshold:
                continue
            accepted.append(m)

        # pass 1
        best: dict[int, tuple[Scored, list[Scored]]] = {}
        for m in accepted:
            ranked = self._rank(m, cand_map[id(m)], ctx, False)
            if ranked:
                best[id(m)] = (ranked[0], ranked)
        # coherence context from confident pass-1 choices
        for m in accepted:
            if id(m) not in best:
                continue
            top, ranked = best[id(m)]
            margin = top.score - (ranked[1].score if len(ranked) > 1 else 0.0)
            if top.rec.kind == "province" and top.rec.admin1 and (m.admin_cue or m.region_frame):
                ctx.provinces[(top.rec.country or "", top.rec.admin1)] += 2
            elif top.rec.admin1 and margin > 1.0:
                ctx.provinces[(top.rec.country or "", top.rec.admin1)] += 0.5
            if (
                top.rec.lat is not None
                and top.rec.kind in SETTLEMENT | {"district", "border_crossing"}
                and margin > 1.0
            ):
                ctx.points.append((top.rec.lat, top.rec.lon))
        # pass 2
        places: list[Place] = []
        centre = ctx.centre()
        # Enclosing units named by the text ("... in the sub-district of Y") first, with the whole
        # article's context, so the places they enclose are checked against their final reading.
        for c in {id(m.container): m.container for m in accepted if m.container is not None}.values():
            if c is not None and id(c) in best:
                ranked = self._rank(c, cand_map[id(c)], ctx, True)
                if ranked and c.bracket:
                    ranked = self._fit_bracket(c, ranked, accepted, cand_map)
                if ranked:
                    best[id(c)] = (ranked[0], ranked)
        anchors = Anchors(self._anchors(accepted, best, mentions, demonyms or {}))
        kept: list[Mention] = []
        for m in accepted:
            cands = cand_map[id(m)]
            if m.key in cues()["descriptive"] and not m.dateline:
                # "the Old City", "the airport": a part of the city the context names. A homonym
                # there is fine; anywhere else the mention is coded to that city, or dropped.
                city = self._context_city(m, accepted, best)
                near = [
                    s
                    for s in cands
                    if city is not None
                    and s.rec.lat is not None
                    and city.lat is not None
                    and haversine_km(s.rec.lat, s.rec.lon, city.lat, city.lon) <= 30
                ]
                if near:
                    cands = near
                elif city is not None:
                    places.append(self._in_city(m, city))
                    kept.append(m)
                    continue
                else:
                    continue
            else:
                cands = [s for s in cands if not self._far_foreign(m, s, anchors)]
            unit = self._container_record(m, best)
            if unit is not None:
                # The text says which unit encloses m ("the village of X in the sub-district of Y"):
                # an entry elsewhere is another place of the same name, however close the spelling.
                cands = [s for s in cands if self._inside(s.rec, unit)]
            if centre and len(ctx.points) >= 2:
                # A near-spelling hundreds of km from everything else the article names is
                # another place: better the enclosing province than a wrong village.
                cands = [
                    s
                    for s in cands
                    if s.sim == 1.0
                    or s.rec.lat is None
                    or haversine_km(centre[0], centre[1], s.rec.lat, s.rec.lon) <= 150
                ]
            ranked = self._rank(m, cands, ctx, True)
            if m.bracket and any(o.container is m for o in accepted):
                ranked = self._fit_bracket(m, ranked, accepted, cand_map)
            places.append(self._to_place(m, ranked, ctx, places, unit))
            kept.append(m)
        self._one_sense(kept, places, cand_map)
        for m, cands in embedded:
            # "The Washington Post", "Iowa House": a place named inside an organisation's name, read in
            # the article's context, reported as a reference that is never a location.
            ranked = self._rank(m, cands, ctx, True)
            if ranked:
                place = self._to_place(m, ranked, ctx, places)
                place.role = EMBEDDED
                places.append(place)
        places.sort(key=lambda p: p.start)
        self.last_context = ctx
        return places

    def _rank(self, m: Mention, cands: list[Scored], ctx: ArticleContext, second: bool) -> list[Scored]:
        own = any(not s.alt and s.sim == 1.0 for s in cands)
        towns = [s.rec for s in cands if s.sim == 1.0 and s.rec.kind in SETTLEMENT]
        for s in cands:
            s.rival = own and s.alt and s.sim == 1.0 and s.rec.kind not in ("country", "province")
            if s.rec.kind == "province":
                s.seat = any(seat_of(t, s.rec) or big_city_elsewhere(t, s.rec, ctx) for t in towns)
            s.score = self.score(m, s, ctx, second)
        return sorted(cands, key=lambda s: s.score, reverse=True)

    def _enclosing(
        self, m: Mention, ctx: ArticleContext, places_so_far: list[Place], unit: PlaceRecord | None = None
    ) -> PlaceRecord | None:
        if unit is not None:
            return unit  # named by the text: "X in the sub-district of Y"
        for p in reversed(places_so_far):
            # "western Kunar" (coded as a region of the province) encloses as well as "Kunar province".
            if (
                p.precision == "province"
                and p.kind in ("province", "region")
                and p.country == ctx.focus_country
            ):
                return self.gaz.province(p.country, p.admin1)
        fp = ctx.focus_province
        return self.gaz.province(*fp) if fp else None

    def _to_place(
        self,
        m: Mention,
        ranked: list[Scored],
        ctx: ArticleContext,
        before: list[Place],
        unit: PlaceRecord | None = None,
    ) -> Place:
        runners = [
            Candidate(
                name=display_name(s.rec.name),
                geonameid=s.rec.geonameid,
                lat=s.rec.lat,
                lon=s.rec.lon,
                country=s.rec.country,
                admin1=s.rec.admin1,
                kind=s.rec.kind,
                score=round(s.score, 3),
            )
            for s in ranked[1:4]
        ]
        if not ranked:
            enc = self._enclosing(m, ctx, before, unit)
            return Place(
                mention=m.text,
                start=m.start,
                end=m.end,
                name=m.text,
                kind=m.kind_cue or "other",
                country=enc.country if enc else ctx.focus_country,
                admin1=enc.admin1 if enc else None,
                lat=enc.lat if enc else None,
                lon=enc.lon if enc else None,
                precision=(
                    ("district" if enc.kind == "district" else "province")
                    if enc
                    else ("country" if ctx.focus_country else None)
                ),
                confidence=0.3,
                source=f"enclosing: {enc.source}" if enc else "unresolved",
            )
        top = ranked[0]
        r = top.rec
        second = ranked[1].score if len(ranked) > 1 else top.score - 4.0
        confidence = round(top.sim / (1.0 + math.exp(-(top.score - second))), 3)
        kind = r.kind
        precision = {
            "country": "country",
            "province": "province",
            "district": "district",
            "region": "province",
        }.get(kind, "exact")
        place = place_at(
            m, r, kind=kind, precision=precision, confidence=confidence, source=r.source, candidates=runners
        )
        if m.region_frame and kind == "province":
            place.kind = "region"  # "western Kunar": part of the province, coded to it
        return place
