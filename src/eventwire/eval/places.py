"""Place detection and geocoding accuracy.

A gold place is *detected* when a predicted place mention overlaps its gold mention span,
or some predicted mention has the same normalised text (`common.normalize_name`).
Precision counts predicted places distinct by normalised mention: a distinct predicted
place is matched when any of its mentions detects some gold place. Among detected gold
places that have gold coordinates, ``acc_25km`` / ``acc_161km`` give the share whose
predicted coordinates lie within 25 / 161 km (great circle); a prediction carrying the gold's
GeoNames id is at distance 0 (the same entry, whatever point another source gives it); a
detected place whose predictions carry no coordinates counts as a miss there and as
``unresolved``. ``exact_id`` is the share of detected gold places with a GeoNames id whose
prediction carries that same id. Predicted references with a ``role`` (demonyms, places inside
organisation names) are scored only against gold that types its places (``role`` or
``gwn_type``): a gold of locations only neither asks for them nor counts them as errors.
"""

from __future__ import annotations

from typing import Any

from ..models import Analysis, Place
from .common import has_coords, haversine_km, normalize_name, overlap, prf, ratio
from .gold import GoldArticle, GoldSpan, as_gold
from .result import MATCHED, MISSED, PARTIAL, SPURIOUS, Item, LayerScore

NEAR_KM = 25.0
# 161 km = 100 miles, the coarse threshold used in geoparsing evaluations.
FAR_KM = 161.0


def _predictions_for(gold: GoldSpan, preds: list[Place]) -> list[Place]:
    """Predicted places detecting a gold place: overlapping ones first, then same-name ones."""
    key = normalize_name(gold["mention"])
    by_span = [p for p in preds if overlap(p.start, p.end, gold.start, gold.end) > 0]
    seen = {id(p) for p in by_span}
    by_name = [p for p in preds if id(p) not in seen and key and normalize_name(p.mention) == key]
    return by_span + by_name


def _annotates_roles(gold: GoldArticle) -> bool:
    """Whether the gold annotates references that are not locations ("British", "Washington" in
    "The Washington Post"): it then types its places (``role`` or GeoWebNews' ``gwn_type``)."""
    return any(g.get("role") is not None or g.get("gwn_type") is not None for g in gold.places)


def score_places(gold: GoldArticle | dict[str, Any], analysis: Analysis) -> LayerScore:
    """Counts for one article: detection against gold mentions, then coordinate accuracy."""
    gold = as_gold(gold)
    preds = [p for p in analysis.places if not p.role or _annotates_roles(gold)]
    score = LayerScore()
    c = {
        "gold": len(gold.places),
        "detected": 0,
        "predicted": 0,
        "predicted_matched": 0,
        "with_coords": 0,
        "within_25km": 0,
        "within_161km": 0,
        "unresolved": 0,
        "with_id": 0,
        "exact_id": 0,
    }
    matched_pred_ids: set[int] = set()
    for g in gold.places:
        found = _predictions_for(g, preds)
        gold_label = f"{g['mention']} → {g.get('name')}"
        if not found:
            score.items.append(Item(MISSED, "gold", g.start, g.end, gold_label, "not detected"))
            continue
        c["detected"] += 1
        matched_pred_ids.update(id(p) for p in found)
        located = next((p for p in found if has_coords(p.lat, p.lon)), None)
        gold_id = g.get("geonameid")
        same = next((p for p in found if gold_id and p.geonameid == gold_id), None)
        if gold_id:
            c["with_id"] += 1
            c["exact_id"] += int(same is not None)
        if same is not None:
            located = same
        if located is None:
            c["unresolved"] += 1
        status, detail = MATCHED, f"as {found[0].mention!r} → {found[0].name}"
        if has_coords(g.get("lat"), g.get("lon")):
            c["with_coords"] += 1
            if located is None:
                status, detail = PARTIAL, f"{detail}; no predicted coordinates"
            else:
                km = (
                    0.0
                    if located is same or not has_coords(located.lat, located.lon)
                    else haversine_km(g["lat"], g["lon"], located.lat, located.lon)  # type: ignore[arg-type]
                )
                c["within_25km"] += int(km <= NEAR_KM)
                c["within_161km"] += int(km <= FAR_KM)
                detail = f"as {located.mention!r} → {located.name}; {km:.1f} km off"
                if km > NEAR_KM:
                    status = PARTIAL
        score.items.append(Item(status, "gold", g.start, g.end, gold_label, detail))

    # Distinct by normalised mention: repeating a wrong place ten times is one error, not ten.
    groups: dict[str, list[Place]] = {}
    for p in preds:
        groups.setdefault(normalize_name(p.mention) or p.mention, []).append(p)
    c["predicted"] = len(groups)
    for members in groups.values():
        if any(id(p) in matched_pred_ids for p in members):
            c["predicted_matched"] += 1
        else:
            for p in members:
                detail = f"{p.name} ({p.kind}, {p.country})" if p.name else "unresolved"
                score.items.append(Item(SPURIOUS, "pred", p.start, p.end, p.mention, detail))
    score.counts = c
    return score


def place_metrics(c: dict[str, float]) -> dict[str, float]:
    """Metrics from (summed) counts."""
    out: dict[str, float] = prf(
        c.get("predicted_matched", 0), c.get("predicted", 0), c.get("detected", 0), c.get("gold", 0)
    )
    out["acc_25km"] = ratio(c.get("within_25km", 0), c.get("with_coords", 0))
    out["acc_161km"] = ratio(c.get("within_161km", 0), c.get("with_coords", 0))
    out["exact_id"] = ratio(c.get("exact_id", 0), c.get("with_id", 0))
    out["unresolved"] = int(c.get("unresolved", 0))
    for key in ("gold", "predicted", "detected", "predicted_matched", "with_coords", "with_id"):
        out[key] = int(c.get(key, 0))
    return out
