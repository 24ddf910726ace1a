"""The resolver's filters: readings of a name that the article's geography rules out.

Each takes the mention, a candidate (or the candidates) and what the article is sure of, and
says whether the reading is another place of the same name: a small place in a country the
article hardly touches, a far-away foreign homonym, a near-spelling outside the article's
countries, an entry outside the unit the text names as its container.
"""

from __future__ import annotations

from .candidates import Mention
from .context import Anchors, ArticleContext, haversine_km
from .cue_words import cues
from .gazetteer import PlaceRecord
from .normalize import name_key
from .scoring import Scored


def anchors(
    accepted: list[Mention],
    best: dict[int, tuple[Scored, list[Scored]]],
    mentions: list[Mention],
    demonyms: dict[str, int],
) -> list[tuple[str, str | None, float | None, float | None]]:
    """(key, country, lat, lon) of the pass-1 choices the article is sure of: the frame a far-away
    reading of another name has to fit."""
    out = []
    for m in accepted:
        if id(m) not in best:
            continue
        top, ranked = best[id(m)]
        margin = top.score - (ranked[1].score if len(ranked) > 1 else 0.0)
        if top.sim < 1.0 or (margin <= 1.0 and top.rec.kind != "country"):
            continue
        if m.key in cues()["descriptive"]:
            continue
        out.append((m.key, top.rec.country, top.rec.lat, top.rec.lon))
    for m in mentions:
        if m.demonym:
            out.append(("", m.demonym, None, None))
    out.extend(("", cc, None, None) for cc in demonyms)  # "the Malian army"
    return out


def far_foreign(m: Mention, s: Scored, anchors: Anchors) -> bool:
    """A reading in a country no other name of the article points to and more than 300 km from
    every place the article is sure of is another place of the same name ("Boni" in central
    Mali is not Bonn, which has "Boni" as an alternate name). Datelines, countries, regions
    and well-known cities named by their own main name ("talks in Sochi") stay."""
    r = s.rec
    if m.dateline or not r.country or r.kind in ("country", "region") or r.lat is None or r.lon is None:
        return False
    if not anchors.others(m.key) or anchors.country_backed(m.key, r.country):
        return False
    own_name = s.sim == 1.0 and name_key(r.name) == m.key
    if own_name and (r.population >= 100_000 or r.fcode == "PPLC" or r.kind == "province"):
        return False
    return bool(anchors.all_farther_than(m.key, r.lat, r.lon, 300))


def inside(rec: PlaceRecord, unit: PlaceRecord) -> bool:
    if rec.pid == unit.pid or rec.country != unit.country:
        return False
    if rec.admin1 and unit.admin1:
        if rec.admin1 != unit.admin1:
            return False
        if unit.kind != "district" or unit.lat is None or rec.lat is None:
            return True
    if rec.lat is None or unit.lat is None or unit.lon is None or rec.lon is None:
        return not rec.admin1 and not unit.admin1
    # A district is a few tens of km across; a province (without admin1 on the entry) more.
    limit = 40.0 if unit.kind == "district" else 150.0
    return haversine_km(rec.lat, rec.lon, unit.lat, unit.lon) <= limit


def transliterations_only(cands: list[Scored], ctx: ArticleContext) -> list[Scored]:
    """Near-spellings stand for transliteration variants of a name in the countries the article
    is about ("Dael" for "Da`il" in a report on Daraa), never for another name: without a focus
    country, or when the exact name already fits the article's geography, they are dropped."""
    fuzzy = [s for s in cands if s.sim < 1.0]
    if not fuzzy:
        return cands
    top = max(ctx.countries.values(), default=0.0)

    def focus(cc: str | None) -> bool:
        return bool(cc) and top > 0 and ctx.countries.get(cc or "", 0) >= 0.2 * top

    exact = [s for s in cands if s.sim == 1.0]
    if any(focus(s.rec.country) or s.rec.kind in ("country", "province", "region") for s in exact):
        return exact
    return exact + [s for s in fuzzy if focus(s.rec.country)]


def stray(m: Mention, r: PlaceRecord, ctx: ArticleContext, top_w: float) -> bool:
    """A small place in a country the article hardly touches ("Teke" in a list of Azerbaijani
    villages has forty namesakes in Turkey): another place of the same name. Large cities,
    countries and regions stay, and so does anything the context ties to that country."""
    if m.dateline or (m.demonym and m.demonym == r.country) or not r.country:
        return False
    if r.kind in ("country", "province", "region") or r.population >= 50_000:
        return False
    return ctx.countries.get(r.country, 0) < 0.1 * top_w
