"""Scoring for the resolver: how much a mention looks like a place, and how well an entry fits it.

- ``evidence``: cues for "this is a place at all" (NER label, kind nouns, prepositions,
  datelines, abbreviations, the candidates' kinds and sizes) against person, organisation and
  common-word counter-evidence;
- ``score``: one entry against one mention: name similarity, kind and size priors (an admin-1
  unit weighs as a large city), the kind the context asks for, the article's countries,
  provinces and centre;
- small priors shared by the resolver's rules (``prominence``, seats, other names).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .candidates import Mention
from .context import ArticleContext, haversine_km
from .cue_words import cues
from .gazetteer import PlaceRecord
from .normalize import name_key, similarity

SETTLEMENT = {"city", "town", "village", "neighborhood"}
_HYPHENS = re.compile(r"[-‐‑]")
_CITY_WORDS = frozenset({"city", "town", "municipality", "ciudad"})
KIND_PRIOR = {
    "country": 2.0,
    "province": 1.0,
    "city": 0.8,
    "town": 0.4,
    "village": 0.0,
    "district": -0.3,
    "region": 0.6,
    "neighborhood": -0.2,
    "border_crossing": -0.8,
    "other": -0.8,
    "water": -0.5,
}


@dataclass(slots=True)
class Scored:
    rec: PlaceRecord
    sim: float
    score: float = 0.0
    alt: bool = False  # matched through another name of the entry, not a spelling of its own name
    seat: bool = False  # a province whose name a bare mention means as a city ("Homs", "Gaza")
    rival: bool = False  # an alternate name that another candidate carries as its own name


def evidence(m: Mention, cands: list[Scored]) -> float:
    """How strongly the text makes a mention a place at all, from its cues and its candidates."""
    c = cues()
    ev = 0.0
    if m.ner in ("GPE", "LOC", "FAC"):
        ev += 2.0
    elif m.ner == "PERSON":
        # The small model tags many transliterated village names as PERSON: weak evidence,
        # weaker still against a kind noun ("Ala, Beta and Gamu villages").
        ev -= 0.5 if m.strong and m.kind_cue else 1.0
    elif m.ner == "ORG":
        ev -= 0.5  # "Douma for Jarablus" comes out as one ORG: weak
    elif m.ner == "NORP":
        ev -= 1.0
    elif m.ner in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        ev -= 1.5
    elif m.ner in ("EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE"):
        # On short notes the small model gives unfamiliar town names these labels ("attacked
        # Mocimboa da Praia" as a WORK_OF_ART): weak counter-evidence, weaker still with a cue.
        ev -= 0.5 if (m.prep or m.strong or m.bracket) else 1.0
    if m.strong:
        ev += 3.0
    if m.prep:
        ev += 1.0
    if m.region_frame:
        ev += 1.0
    if m.dateline:
        ev += 3.0
    if m.country_hint:
        ev += 2.0  # "U.S.", "Va." after a comma: short forms that only name places
    if m.bracket:
        ev += 1.5  # "X (Province)": a place with its admin units, or one of them
    if "list-of-places" in m.notes:
        ev += 1.5
    if m.person_cue:
        ev -= 2.0
    if m.partial:
        ev -= 3.0
    if "inside-PERSON" in m.notes:
        ev -= 1.5
    elif "inside-ORG" in m.notes:
        ev -= 0.5
    if m.words == 1 and (m.key in c["generic"] or m.key in c["directions"] or m.key in c["not_names"]):
        ev -= 4.0
    if m.acronym and not m.dateline:
        ev -= 4.0  # "SANA", "TASS", "SOHR": agencies and groups, not places
    if m.pos in (
        "ADJ",
        "ADV",
        "VERB",
        "AUX",
        "ADP",
        "DET",
        "PRON",
        "CCONJ",
        "SCONJ",
        "NUM",
        "INTJ",
        "PART",
    ):
        ev -= 2.5  # "Approximately", "Military": a common word that some village is named after
    if cands:
        best = max(cands, key=lambda s: (s.sim, s.rec.population))
        kinds = {s.rec.kind for s in cands if s.sim == 1.0}
        if "country" in kinds:
            ev += 2.5
        elif "province" in kinds or "region" in kinds:
            ev += 1.2
        pop = max((s.rec.population for s in cands if s.sim == 1.0), default=0)
        if pop >= 1_000_000:
            ev += 2.0
        elif pop >= 100_000:
            ev += 1.2
        elif pop >= 10_000:
            ev += 0.4
        if m.words >= 2 or len(_HYPHENS.split(m.text)) >= 3:
            ev += 1.0  # a name of several words ("Pointe-a-Pitre" too) is rarely a common word
        if best.sim < 1.0:
            ev -= 0.5
        if m.demonym and any(s.rec.country == m.demonym for s in cands):
            ev += 1.0
    if len(m.key) <= 3:
        ev -= 1.0
    if m.sentence_initial and m.words == 1 and not m.strong:
        ev -= 0.5
    return ev


# -- scoring an entry for a mention -----------------------------------------------


def score(m: Mention, s: Scored, ctx: ArticleContext, second_pass: bool) -> float:
    """How well one gazetteer entry fits a mention in the article's context."""
    r = s.rec
    # Fuzzy pairs pay steeply for the distance: a near-spelling is a different place unless
    # the context (country, province, neighbours) says otherwise.
    sc = 3.0 * s.sim - 8.0 * (1.0 - s.sim) + KIND_PRIOR.get(r.kind, 0.0)
    sc += size_prior(r)
    if s.rival:
        sc -= 3.0  # "Illinois" as an old alternate name of some town, when a place is called that
    if m.demonym:
        sc += 2.0 if r.country == m.demonym else -1.0
    cue = m.kind_cue
    if cue:
        if cue == "province" and r.kind == "province":
            sc += 3.0
        elif cue == "district" and r.kind in ("district", "province"):
            sc += 2.0
        elif cue in ("city", "town", "village") and r.kind in SETTLEMENT:
            sc += 2.0
        elif cue == "border_crossing" and r.kind == "border_crossing":
            sc += 3.0
        elif cue == "region" and r.kind in ("region", "province"):
            sc += 1.5
        elif cue == "neighborhood" and r.kind == "neighborhood":
            sc += 2.0
        elif cue in ("province", "district") and r.kind in SETTLEMENT:
            sc -= 1.5
        elif cue == "region" and m.admin_cue and r.kind in SETTLEMENT:
            sc -= 1.5  # "the Afar region", "X areas": the unit, not a town of that name
        elif cue in ("city", "town", "village") and r.kind in (
            "province",
            "district",
            "region",
            "country",
        ):
            sc -= 2.0
    else:
        # A bare name: the settlement before the unit named after it.
        if r.kind == "district":
            sc -= 1.0
        if r.kind in ("border_crossing", "other"):
            sc -= 1.0
        if r.kind == "province" and s.seat and not m.region_frame:
            sc -= 1.2  # bare "Homs", "Aleppo": the city, unless the context names the province
    if m.region_frame and r.kind == "province":
        sc += 2.5
    if r.fcode == "PPLC":
        sc += 0.8
    if r.kind == "region" and not r.country and r.fcode in ("CONT", "RGN") and not m.bracket:
        sc += 5.0  # "Africa", "the Sahel": a continent or supranational region, not a town named after it
    if r.source.startswith("whosonfirst") and r.geonameid:
        sc += 0.1
    # Focus country and countries mentioned.
    total = sum(ctx.countries.values()) or 1.0
    if r.country and ctx.countries:
        share = ctx.countries.get(r.country, 0) / total
        sc += 2.0 * share
        if r.country == ctx.focus_country:
            sc += 1.0
    if second_pass:
        weight = ctx.provinces.get((r.country or "", r.admin1 or ""), 0)
        sc += 1.2 if weight >= 2 else 0.4 if weight > 0 else 0.0
        centre = ctx.centre()
        if centre and r.lat is not None and r.lon is not None and r.kind != "country":
            d = haversine_km(centre[0], centre[1], r.lat, r.lon)
            sc += 1.5 if d < 75 else 1.0 if d < 200 else 0.3 if d < 600 else -0.5
    return sc


# -- article ------------------------------------------------------------------


def size_prior(r: PlaceRecord) -> float:
    """Size prior: an admin-1 unit without a census figure weighs as a large city ("California" the
    state, not a village of that name), a country as its population."""
    pop = r.population or (1_000_000 if r.kind == "province" else 0)
    return 0.4 * math.log10(1 + max(pop, 0))


def prominence(r: PlaceRecord) -> float:
    return KIND_PRIOR.get(r.kind, 0.0) + size_prior(r)


def embeddable(m: Mention, cands: list[Scored]) -> bool:
    """A country, a state or a well-known city named by its own name inside an organisation's name."""
    if m.person_cue or "inside-PERSON" in m.notes or m.acronym or m.ner == "PERSON":
        return False
    if m.ner not in ("ORG", "FAC", "GPE") and "inside-ORG" not in m.notes and not m.actor:
        return False
    return any(
        s.sim == 1.0
        and not s.alt
        and (s.rec.kind in ("country", "province") or s.rec.fcode == "PPLC" or s.rec.population >= 100_000)
        for s in cands
    )


def other_name(rec: PlaceRecord, key: str) -> bool:
    """The key is another name of the entry ("Illinois" listed for a town called Riverside), not a
    spelling of its own ("Dara'a" for "Dar`a")."""
    own = name_key(rec.name)
    # "Marawi City" is called Marawi: a generic word around the name does not make another name.
    bare = " ".join(w for w in own.split() if w not in _CITY_WORDS) or own
    if own == key or bare == key:
        return False
    # "East Liverpool" lists "Liverpool": a longer name around the key is another place's name
    if set(key.split()) < set(bare.split()):
        return True
    return similarity(own, key) < 0.75


def big_city_elsewhere(town: PlaceRecord, province: PlaceRecord, ctx: ArticleContext) -> bool:
    """A city of 100,000+ with the province's name ("Gaza" the city, not Mozambique's province), unless
    the province lies in the article's country and the city does not ("Ontario" in a Canadian story)."""
    if town.population < 100_000:
        return False
    focus = ctx.focus_country
    return not (focus and province.country == focus and town.country != focus)


def seat_of(town: PlaceRecord, province: PlaceRecord) -> bool:
    """A settlement named like the province it lies in: the city the bare name usually means."""
    if town.country != province.country:
        return False
    if town.admin1 and province.admin1:
        return town.admin1 == province.admin1
    if None in (town.lat, town.lon, province.lat, province.lon):
        return False
    return haversine_km(town.lat, town.lon, province.lat, province.lon) <= 150  # type: ignore[arg-type]
