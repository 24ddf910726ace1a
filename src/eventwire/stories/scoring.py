"""How strongly two articles belong to one story: text, entities, publication time, events.

``pair_score`` = (text similarity blended with entity similarity) x time decay + event term:

- text and entities: cosines of tf-idf weighted hashed features (``features.py``);
- time: ``floor + (1 - floor) * 0.5 ** (gap / half_life_days)`` for two dated articles, so
  coverage a week apart loses little, a year apart loses most — but never everything,
  so follow-up coverage (arrest, charge, trial) with the same words and names can still
  join; an undated article is not penalised (nothing says it is far in time);
- events, where both articles have them: a pair of events of compatible kinds at the same
  or nearby places a few days apart adds ``event_bonus`` (times the place affinity: 1 for
  the same place, 0.8 nearby, 0.6 one province); events of one kind whose dates
  or places are clearly different (two earthquakes, two bombings a month apart) and no
  matching pair subtract ``event_penalty``.
"""

from __future__ import annotations

from typing import Any

from .common import event_interval, gap_days, parse_date, place_affinity, types_compatible
from .features import ArticleFeatures
from .index import StoryIndex, cosine

# A feature vector with its weights under the current document counts.
Weighted = tuple[dict[int, float], dict[int, float]]


def weighted(index: StoryIndex, f: ArticleFeatures) -> Weighted:
    return index.weights(f.text_tf), index.weights(f.entity_tf)


def _days_between(a: str | None, b: str | None) -> int | None:
    da, db = parse_date(a), parse_date(b)
    if da is None or db is None:
        return None
    return abs((da - db).days)


def time_factor(a: str | None, b: str | None, cfg: dict[str, Any]) -> float:
    gap = _days_between(a, b)
    if gap is None:
        return 1.0
    floor = float(cfg["time_floor"])
    return floor + (1.0 - floor) * 0.5 ** (gap / float(cfg["half_life_days"]))


def event_term(ev_a: list[dict[str, Any]], ev_b: list[dict[str, Any]], cfg: dict[str, Any]) -> float:
    """+event_bonus for one happening reported by both, -event_penalty for two of one kind, else 0."""
    if not ev_a or not ev_b:
        return 0.0
    near_km, window = float(cfg["near_km"]), int(cfg["window_days"])
    apart = False
    best = 0.0
    for a in ev_a:
        ia, proxy_a = event_interval(a)
        for b in ev_b:
            if not types_compatible(a, b):
                continue
            ib, proxy_b = event_interval(b)
            place = place_affinity(a, b, near_km)
            gap = gap_days(ia, ib) if ia is not None and ib is not None else None
            if place > 0 and (gap is None or gap <= window):
                best = max(best, float(cfg["event_bonus"]) * place)
                continue
            located = bool(a.get("location") or a.get("country")) and bool(
                b.get("location") or b.get("country")
            )
            own_dates = not proxy_a and not proxy_b and gap is not None
            if (located and place == 0 and a.get("country") != b.get("country")) or (
                own_dates and gap > int(cfg["apart_days"])
            ):
                apart = True
    if best:
        return best
    return -float(cfg["event_penalty"]) if apart else 0.0


def pair_score(
    a: ArticleFeatures,
    wa: Weighted,
    ev_a: list[dict[str, Any]],
    b: ArticleFeatures,
    wb: Weighted,
    ev_b: list[dict[str, Any]],
    cfg: dict[str, Any],
) -> float:
    w_ent = float(cfg["entity_weight"])
    text = cosine(wa[0], wb[0])
    ents = cosine(wa[1], wb[1]) if wa[1] and wb[1] else text
    sim = (1.0 - w_ent) * text + w_ent * ents
    return sim * time_factor(a.published, b.published, cfg) + event_term(ev_a, ev_b, cfg)
