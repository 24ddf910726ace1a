"""References to places that are not place names in full: abbreviations and demonyms.

- ``abbreviation``: "U.S.", "UK", "Calif." read as the name they stand for. State and province
  short forms count only as the second part of an explicit hierarchy ("Richmond, Va."), where
  they cannot be anything else (``data/gazetteer/abbreviations.tsv``).
- ``demonym_spans``: country and region adjectives ("British", "South African", "European";
  ``data/gazetteer/demonyms.tsv``). The geo stage reports them as places with
  ``role="modifier"`` (or ``"embedded"`` inside an organisation's name, "British Airways"):
  they are references to a place, counted as toponyms, never an event's location.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..models import Entity, Place
from .build import DATA_DIR
from .normalize import name_key

if TYPE_CHECKING:
    from .gazetteer import Gazetteer, PlaceRecord

ABBREVIATIONS_FILE = DATA_DIR / "abbreviations.tsv"
DEMONYMS_FILE = DATA_DIR / "demonyms.tsv"

# Roles of a place reference that is not a location (``Place.role``); None means a location.
MODIFIER = "modifier"
EMBEDDED = "embedded"
NOT_LOCATIONS = frozenset({MODIFIER, EMBEDDED})


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, tuple[str, str]]:
    """``demonyms.tsv``: lower-case form -> (country code or "", place name when not the country)."""
    out: dict[str, tuple[str, str]] = {}
    for line in DEMONYMS_FILE.read_text(encoding="utf-8").splitlines()[1:]:
        if not line or line.startswith("#") or line.startswith("form\t"):
            continue
        form, cc, place = (line.split("\t") + ["", ""])[:3]
        out[form] = (cc, place)
    return out


@dataclass(frozen=True)
class Abbreviation:
    form: str
    name: str
    country: str
    after_comma: bool


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, Abbreviation]:
    out: dict[str, Abbreviation] = {}
    for line in ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("form\t"):
            continue
        form, name, cc, after = line.split("\t")
        out[form] = Abbreviation(form, name, cc, after == "yes")
    return out


def abbreviation(text: str, start: int, end: int) -> tuple[Abbreviation, int] | None:
    """The abbreviation written at ``text[start:end]`` (its full stop included when it has one) and
    where it ends, or None."""
    table = abbreviations()
    word = text[start:end]
    hit, stop = table.get(word), end
    if hit is None and text[end : end + 1] == ".":
        hit, stop = table.get(word + "."), end + 1
    if hit is None:
        return None
    if stop < len(text) and (text[stop].isalnum() or text[stop] in "-‐‑"):
        return None  # "USAID", "US-based" is fine only through the hyphen rule of the finder
    if hit.after_comma and not re.search(r"[^\W\d_][\w.]*,\s*$", text[max(0, start - 40) : start]):
        return None  # "Ga." only in "Atlanta, Ga."
    return hit, stop


def abbreviation_key(hit: Abbreviation) -> str:
    return name_key(hit.name)


_CAP_WORDS = re.compile(r"[A-Z][a-zé]+(?:[ -][A-Z][a-zé]+)?")


def demonym_spans(text: str, entities: list[Entity]) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, country code, place name, inside an organisation's name) for each demonym.

    Two-word forms ("South African") win over one-word ones; a plural or a language
    ("in English", spaCy's LANGUAGE label) is not a demonym."""
    table = demonym_table()
    ents = sorted(entities, key=lambda e: e.start)
    starts = [e.start for e in ents]
    spans = []
    for m in _CAP_WORDS.finditer(text):
        start, end = m.start(), m.end()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-‐‑"):
            continue
        form = m.group().replace("-", " ").lower()
        if form not in table:
            first = m.group().split(" ")[0].split("-")[0]
            form, end = first.lower(), start + len(first)
            if form not in table:
                continue
        if end < len(text) and text[end].isalnum():
            continue
        i = bisect.bisect_right(starts, start) - 1
        ent = ents[i] if i >= 0 and end <= ents[i].end else None
        if ent is not None and ent.label in ("LANGUAGE", "PERSON"):
            continue
        inside_org = ent is not None and ent.label in ("ORG", "FAC") and (ent.start < start or ent.end > end)
        cc, place = table[form]
        spans.append((start, end, cc, place, inside_org))
    return spans


def demonym_places(text: str, entities: list[Entity], gaz: Gazetteer, taken: list[Place]) -> list[Place]:
    """The demonyms of ``text`` as places with a role, resolved to their country or region; spans
    that overlap a place already found (``taken``) are left to it."""
    out: list[Place] = []
    cache: dict[tuple[str, str], PlaceRecord | None] = {}
    for start, end, cc, place, inside_org in demonym_spans(text, entities):
        if any(p.start < end and start < p.end for p in taken):
            continue
        if (cc, place) not in cache:
            cache[(cc, place)] = _target(gaz, cc, place)
        rec = cache[(cc, place)]
        if rec is None:
            continue
        out.append(
            rec.as_place(
                text[start:end],
                start,
                end,
                precision="country" if rec.kind == "country" else "province",
                confidence=0.9,
                source=f"demonym: {rec.source}",
                role=EMBEDDED if inside_org else MODIFIER,
            )
        )
    return out


def _target(gaz: Gazetteer, cc: str, place: str) -> PlaceRecord | None:
    if not place:
        return gaz.country(cc)
    recs = [r for r in gaz.by_key(name_key(place)) if (r.country or "") == cc]
    rank = {"region": 0, "province": 1, "country": 2}
    recs = [r for r in recs if r.kind in rank]
    return min(recs, key=lambda r: rank[r.kind]) if recs else None
