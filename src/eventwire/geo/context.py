"""What the resolver knows about an article's geography: its countries, provinces and anchors.

``ArticleContext`` gathers the focus country, the provinces named and a spatial centre;
``Anchors`` holds the places the article is sure of, bounded and precomputed, so checking a
far-away reading of another name costs the same whatever the article's length.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

# At most this many anchor cells (1° squares) per article: a long report names hundreds of
# places, but a far-away reading only has to be compared with where the article is.
MAX_ANCHOR_CELLS = 64


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


@dataclass
class ArticleContext:
    """What the resolver learns about an article: focus country, provinces, a spatial centre."""

    countries: Counter[str] = field(default_factory=Counter)
    provinces: Counter[tuple[str, str]] = field(default_factory=Counter)  # (country, admin1)
    points: list[tuple[float, float]] = field(default_factory=list)

    @property
    def focus_country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None

    @property
    def focus_province(self) -> tuple[str, str] | None:
        fc = self.focus_country
        ranked = [p for p, _ in self.provinces.most_common() if p[0] == fc] or [
            p for p, _ in self.provinces.most_common()
        ]
        return ranked[0] if ranked else None

    def centre(self) -> tuple[float, float] | None:
        """The median point of the confident places (memoised: it is read for every candidate)."""
        memo = self.__dict__.get("_centre")
        if memo is not None and memo[0] == len(self.points):
            return memo[1]
        value = self._median()
        self.__dict__["_centre"] = (len(self.points), value)
        return value

    def _median(self) -> tuple[float, float] | None:
        if not self.points:
            return None
        lats = sorted(p[0] for p in self.points)
        lons = sorted(p[1] for p in self.points)
        return lats[len(lats) // 2], lons[len(lons) // 2]


class Anchors:
    """Countries and points of the places an article is sure of, each tagged with the name key it
    came from (a name is never its own evidence). Points are pooled into 1° cells, at most
    ``MAX_ANCHOR_CELLS``; a check is one vectorised distance over them."""

    def __init__(self, anchors: list[tuple[str, str | None, float | None, float | None]]):
        self.countries: Counter[str] = Counter()
        self.by_key: Counter[tuple[str, str]] = Counter()
        self.keys: Counter[str] = Counter()
        cells: dict[tuple[int, int], tuple[float, float, set[str]]] = {}
        for key, cc, lat, lon in anchors:
            self.keys[key] += 1
            if cc:
                self.countries[cc] += 1
                self.by_key[(key, cc)] += 1
            if lat is not None and lon is not None:
                cell = (math.floor(lat), math.floor(lon))
                if cell in cells:
                    cells[cell][2].add(key)
                elif len(cells) < MAX_ANCHOR_CELLS:
                    cells[cell] = (lat, lon, {key})
        self.total = sum(self.keys.values())
        self._cells = list(cells.values())
        self._lat = np.radians([c[0] for c in self._cells])
        self._lon = np.radians([c[1] for c in self._cells])

    def others(self, key: str) -> bool:
        """Whether any anchor comes from another name than ``key``."""
        return self.total - self.keys.get(key, 0) > 0

    def country_backed(self, key: str, cc: str) -> bool:
        """Whether another name of the article points to country ``cc``."""
        return self.countries.get(cc, 0) - self.by_key.get((key, cc), 0) > 0

    def all_farther_than(self, key: str, lat: float, lon: float, km: float) -> bool | None:
        """True when every anchor point from another name is more than ``km`` away; None when there
        is no such point."""
        mask = np.array([c[2] != {key} for c in self._cells], dtype=bool)
        if not mask.any():
            return None
        p1, l1 = math.radians(lat), math.radians(lon)
        dp, dl = self._lat[mask] - p1, self._lon[mask] - l1
        a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(self._lat[mask]) * np.sin(dl / 2) ** 2
        d = 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, a)))
        return bool((d > km).all())
