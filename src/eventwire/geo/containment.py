"""Places named through other places: the city a descriptive name belongs to, the unit that
"X (District, Province)" or "X in the sub-district of Y" names as container, and one sense
per name within an article. The resolver (``resolver.py``) applies them."""

from __future__ import annotations

from typing import Any

from ..models import Place
from .candidates import Mention
from .context import haversine_km
from .cue_words import cues
from .gazetteer import PlaceRecord
from .normalize import display_name
from .scoring import SETTLEMENT, Scored


def context_city(
    m: Mention, accepted: list[Mention], best: dict[int, tuple[Scored, list[Scored]]]
) -> PlaceRecord | None:
    """The city a descriptive name belongs to: the nearest settlement named before it (a
    dateline only when nothing else is named), else one named right after it."""

    def city(o: Mention) -> PlaceRecord | None:
        if o is m or id(o) not in best or o.key in cues()["descriptive"]:
            return None
        rec = best[id(o)][0].rec
        return rec if rec.kind in SETTLEMENT and rec.lat is not None else None

    before = [o for o in accepted if o.end <= m.start and city(o) is not None]
    plain = [o for o in before if not o.dateline]
    if plain:
        return city(plain[-1])
    after = [o for o in accepted if o.start >= m.end and o.start - m.end <= 120 and city(o) is not None]
    if after:
        return city(after[0])
    return city(before[-1]) if before else None


def in_city(m: Mention, city: PlaceRecord) -> Place:
    return place_at(
        m,
        city,
        precision="exact",
        confidence=0.6,
        source=f"part of the city named in context: {city.source}",
    )


def container_record(m: Mention, best: dict[int, tuple[Scored, list[Scored]]]) -> PlaceRecord | None:
    c = m.container
    if c is None or id(c) not in best:
        return None
    rec = best[id(c)][0].rec
    if not rec.country:
        return None
    if c.bracket and c.kind_cue == "province" and rec.kind == "district":
        # the widest unit in "X (District, Province)" is province-sized, whatever the entry says
        return PlaceRecord(**{**rec.__dict__, "kind": "region"})
    if rec.kind in ("province", "district", "region"):
        return rec
    if c.kind_cue in ("province", "district", "region") or c.admin_cue:
        # "the sub-district of Qasr Ali" resolved to its seat town: the unit it heads, at its seat.
        return PlaceRecord(**{**rec.__dict__, "kind": "district" if c.kind_cue == "district" else "region"})
    return None


def fit_bracket(
    c: Mention, ranked: list[Scored], accepted: list[Mention], cand_map: dict[int, list[Scored]]
) -> list[Scored]:
    """ "X (Centre)": the unit in brackets is the reading that holds a reading of X ("Centre" in
    the country where X is, not a same-name province elsewhere)."""
    towns = [
        s.rec
        for m in accepted
        if m.container is c
        for s in cand_map.get(id(m), [])
        if s.sim == 1.0 and s.rec.lat is not None
    ]

    def holds(u: PlaceRecord) -> bool:
        return any(
            t.country == u.country
            and (
                (t.admin1 and u.admin1 and t.admin1 == u.admin1)
                or (u.lat is not None and haversine_km(t.lat, t.lon, u.lat, u.lon) <= 150)  # type: ignore[arg-type]
            )
            for t in towns
        )

    # readings that hold X first, each group by score
    return sorted(ranked, key=lambda s: (holds(s.rec), s.score), reverse=True)


def one_sense(mentions: list[Mention], places: list[Place], cand_map: dict[int, list[Scored]]) -> None:
    """One name, one place within an article: a bare or unknown occurrence ("fought in Myaung")
    takes the resolution of a cued occurrence of the same name ("Myaung Township in Sagaing
    Region"). Only names the gazetteer lacks or matches fuzzily are rewritten, so "Dara'a" and
    "Dara'a province" stay apart."""
    by_key: dict[str, list[tuple[Mention, Place]]] = {}
    for m, p in zip(mentions, places, strict=True):
        by_key.setdefault(m.key, []).append((m, p))
    for group in by_key.values():
        if len(group) < 2:
            continue
        cued = [(m, p) for m, p in group if m.strong and m.kind_cue and not m.region_frame]
        if not cued:
            continue
        src_m, src = cued[0]
        for m, p in group:
            if p is src or m.strong or m.region_frame:
                continue
            exact = any(s.sim == 1.0 for s in cand_map.get(id(m), []))
            if exact and src.precision == "exact":
                continue
            for attr in (
                "name",
                "geonameid",
                "lat",
                "lon",
                "country",
                "admin1",
                "kind",
                "precision",
                "source",
            ):
                setattr(p, attr, getattr(src, attr))
            p.confidence = min(p.confidence, src.confidence) if p.confidence else src.confidence
            p.candidates = list(src.candidates)


def place_at(m: Mention, rec: PlaceRecord, **fields: Any) -> Place:
    """A mention resolved to a gazetteer record; ``fields`` set precision, confidence, ..."""
    return rec.as_place(m.text, m.start, m.end, **{"name": display_name(rec.name), **fields})
