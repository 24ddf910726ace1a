"""Event matching and attribute accuracy.

A predicted and a gold event can pair when their ``event_type`` is equal and their
locations match: the same GeoNames id, or coordinates within 25 km, or the same
normalised name (the gold location's canonical name or the mention of that gold place);
for a gold place without coordinates, also the same mention in the text.
Pairs are taken one-to-one, greedily, best first (see `_pair_quality`). Among matched
pairs: ``sub_type_acc``, ``actor1_acc`` (normalised names equal, or equal after the
actor dictionary's alias lookup when that module is available), ``date_acc`` (equal at
the gold's precision; a ``week`` date passes within 7 days) and ``fatalities_acc``.
``exact_f1`` is the F1 of the pairs that are entirely right: sub_event_type, actor1 and
date all agree (precision over predictions, recall over gold events).

Only predicted events that happened count (``Event.happened``: asserted, reported or
hedged); negated and planned events are kept in the analysis but gold records only
what happened.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import logging
from collections.abc import Callable
from typing import Any

from ..models import Analysis, Event
from .common import greedy_pairs, has_coords, haversine_km, normalize_name, overlap, prf, ratio
from .gold import GoldArticle, GoldSpan, as_gold
from .result import MATCHED, MISSED, PARTIAL, SPURIOUS, Item, LayerScore

log = logging.getLogger(__name__)

LOCATION_KM = 25.0
WEEK_DAYS = 7


@functools.lru_cache(maxsize=1)
def _actor_canonicaliser() -> Callable[[str], str | None] | None:
    """The actor dictionary's alias lookup, when the actors package provides one.

    Optional by design: the yardstick must run whatever stages exist, so without the
    dictionary actor names are compared by normalised text only.
    """
    for module_name, attr in (
        ("eventwire.actors", "canonical_name"),
        ("eventwire.actors.dictionary", "canonical_name"),
    ):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        func = getattr(module, attr, None)
        if callable(func):
            return func
    return None


def actor_matches(pred: str | None, gold: str | None) -> bool:
    """Normalised names equal (both empty counts as equal), or equal as canonical aliases."""
    a, b = normalize_name(pred), normalize_name(gold)
    if a == b:
        return True
    if not a or not b:
        return False
    canon = _actor_canonicaliser()
    if canon is None:
        return False
    try:
        ca, cb = canon(pred) or pred, canon(gold) or gold  # type: ignore[arg-type]
    except Exception:  # a half-built dictionary must not break scoring
        log.debug("actor alias lookup failed", exc_info=True)
        return False
    return normalize_name(ca) == normalize_name(cb)


def _parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def date_matches(pred: str | None, gold: str | None, gold_precision: str | None) -> bool:
    """Equal at the gold's precision; a gold date of null means the prediction must be null too."""
    if not gold:
        return not pred
    if not pred:
        return False
    if gold_precision == "week":
        a, b = _parse_day(pred), _parse_day(gold)
        return a is not None and b is not None and abs((a - b).days) <= WEEK_DAYS
    # The gold string's own length carries its precision: YYYY, YYYY-MM or YYYY-MM-DD.
    width = {"year": 4, "month": 7, "day": 10}.get(gold_precision or "", len(gold))
    width = min(width, len(gold))
    return len(pred) >= width and pred[:width] == gold[:width]


def fatalities_match(pred: int | None, gold: int | None) -> bool:
    """Equal counts; 0 and null both mean "no death reported" (ACLED writes 0, the gold schema allows
    either, an analysis leaves it null and the ACLED CSV writes 0)."""
    return (pred or 0) == (gold or 0)


def _same_type(a: str | None, b: str | None) -> bool:
    return normalize_name(a) == normalize_name(b)


def location_matches(
    pred: Event, gold: GoldSpan, article: GoldArticle, pred_mentions: frozenset[str] = frozenset()
) -> bool:
    """Whether ``pred`` is at the gold event's location. ``pred_mentions``: the normalised text of
    the prediction's place mentions, compared only when the gold place has no coordinates (the
    annotators could not locate it, so the name the text gives is all that identifies it)."""
    place = article.place_by_name(gold.get("location"))
    gid = place.get("geonameid") if place else None
    if gid is not None and pred.geonameid is not None and int(gid) == int(pred.geonameid):
        return True
    if (
        place is not None
        and has_coords(place.get("lat"), place.get("lon"))
        and has_coords(pred.lat, pred.lon)
    ):
        if haversine_km(place["lat"], place["lon"], pred.lat, pred.lon) <= LOCATION_KM:  # type: ignore[arg-type]
            return True
    names = {normalize_name(gold.get("location"))}
    if place is not None:
        names.add(normalize_name(place.get("mention")))
    names.discard("")
    if normalize_name(pred.location) in names:
        return True
    unlocated = place is not None and not has_coords(place.get("lat"), place.get("lon")) and gid is None
    return unlocated and bool(names & pred_mentions)


def _mentions(pred: Event, analysis: Analysis) -> frozenset[str]:
    """The text of the place mentions in ``pred``'s evidence that the event's location came from."""
    out = set()
    for p in analysis.places:
        same_id = p.geonameid is not None and p.geonameid == pred.geonameid
        if pred.start <= p.start < pred.end and (same_id or (p.name or p.mention) == pred.location):
            out.add(normalize_name(p.mention))
    out.discard("")
    return frozenset(out)


def _pair_quality(pred: Event, gold: GoldSpan) -> float:
    """Rank candidate pairs: the same sentence first, then agreeing attributes."""
    return (
        2.0 * (overlap(pred.start, pred.end, gold.start, gold.end) > 0)
        + 1.0 * _same_type(pred.sub_event_type, gold.get("sub_event_type"))
        + 0.5 * actor_matches(pred.actor1, gold.get("actor1"))
        + 0.5 * date_matches(pred.date, gold.get("date"), gold.get("date_precision"))
    )


def _label(event_type: str | None, sub: str | None, location: str | None) -> str:
    return f"{event_type} / {sub} @ {location}"


def score_events(gold: GoldArticle | dict[str, Any], analysis: Analysis) -> LayerScore:
    """Counts for one article: one-to-one greedy matching, then attribute agreement."""
    gold = as_gold(gold)
    preds = [e for e in analysis.events if e.happened]
    mentions = [_mentions(p, analysis) for p in preds]
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold.events):
        for pi, p in enumerate(preds):
            if _same_type(p.event_type, g.get("event_type")) and location_matches(p, g, gold, mentions[pi]):
                candidates.append((_pair_quality(p, g), gi, pi))
    pairs = greedy_pairs(candidates)
    used = set(pairs.values())

    score = LayerScore()
    c = {"gold": len(gold.events), "predicted": len(preds), "matched": len(pairs)}
    for key in ("sub_type_ok", "actor1_ok", "date_ok", "fatalities_ok", "exact"):
        c[key] = 0
    for gi, g in enumerate(gold.events):
        label = _label(g.get("event_type"), g.get("sub_event_type"), g.get("location"))
        if gi not in pairs:
            score.items.append(Item(MISSED, "gold", g.start, g.end, label, "no matching prediction"))
            continue
        p = preds[pairs[gi]]
        checks = {
            "sub_type_ok": _same_type(p.sub_event_type, g.get("sub_event_type")),
            "actor1_ok": actor_matches(p.actor1, g.get("actor1")),
            "date_ok": date_matches(p.date, g.get("date"), g.get("date_precision")),
            "fatalities_ok": fatalities_match(p.fatalities, g.get("fatalities")),
        }
        wrong = []
        for key, ok in checks.items():
            c[key] += int(ok)
        c["exact"] += int(checks["sub_type_ok"] and checks["actor1_ok"] and checks["date_ok"])
        if not checks["sub_type_ok"]:
            wrong.append(f"sub-type {p.sub_event_type!r} ≠ {g.get('sub_event_type')!r}")
        if not checks["actor1_ok"]:
            wrong.append(f"actor1 {p.actor1!r} ≠ {g.get('actor1')!r}")
        if not checks["date_ok"]:
            wrong.append(f"date {p.date!r} ≠ {g.get('date')!r} ({g.get('date_precision')})")
        if not checks["fatalities_ok"]:
            wrong.append(f"fatalities {p.fatalities!r} ≠ {g.get('fatalities')!r}")
        status = PARTIAL if wrong else MATCHED
        score.items.append(
            Item(status, "gold", g.start, g.end, label, "; ".join(wrong) or "all attributes agree")
        )
    for pi, p in enumerate(preds):
        if pi not in used:
            label = _label(p.event_type, p.sub_event_type, p.location)
            detail = f"actor1 {p.actor1!r}, date {p.date!r}"
            score.items.append(Item(SPURIOUS, "pred", p.start, p.end, label, detail))
    score.counts = c
    return score


def event_metrics(c: dict[str, float]) -> dict[str, float]:
    matched = c.get("matched", 0)
    out: dict[str, float] = prf(matched, c.get("predicted", 0), matched, c.get("gold", 0))
    out["sub_type_acc"] = ratio(c.get("sub_type_ok", 0), matched)
    out["actor1_acc"] = ratio(c.get("actor1_ok", 0), matched)
    out["date_acc"] = ratio(c.get("date_ok", 0), matched)
    out["fatalities_acc"] = ratio(c.get("fatalities_ok", 0), matched)
    exact = c.get("exact", 0)
    out["exact_f1"] = prf(exact, c.get("predicted", 0), exact, c.get("gold", 0))["f1"]
    for key in ("gold", "predicted", "matched"):
        out[key] = int(c.get(key, 0))
    return out
