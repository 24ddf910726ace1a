"""Framing spans, scored like SemEval-2020 Task 11 span identification.

Partial overlaps earn partial credit: each predicted span s earns |s ∩ gold| / |s| toward
precision, each gold span t earns |t ∩ predicted| / |t| toward recall, where "gold" and
"predicted" are the unions of the spans on that side (text marked twice is not credited
twice). ``technique_acc`` is the share of overlapping (predicted, gold) pairs whose
technique names agree.

By default only predictions in the outlet's own voice are scored: gold marks the outlet's
words, and leaves loaded words inside a named speaker's verbatim quote to the attribution.
``voices="all"`` scores every prediction, for corpora that annotate quoted speakers too (PTC).
"""

from __future__ import annotations

from typing import Any

from ..models import Analysis
from .common import covered, merge_intervals, overlap, ratio
from .common import f1 as f1_score
from .gold import GoldArticle, as_gold
from .result import MATCHED, MISSED, PARTIAL, SPURIOUS, Item, LayerScore

VOICES = ("outlet", "all")


def score_framing(
    gold: GoldArticle | dict[str, Any], analysis: Analysis, voices: str = "outlet"
) -> LayerScore:
    gold = as_gold(gold)
    preds = [f for f in analysis.framing if (voices == "all" or f.voice == "outlet") and f.end > f.start]
    golds = [g for g in gold.framing if g.end > g.start]
    gold_union = merge_intervals([(g.start, g.end) for g in golds])
    pred_union = merge_intervals([(p.start, p.end) for p in preds])

    score = LayerScore()
    c = {
        "gold": len(golds),
        "predicted": len(preds),
        "precision_credit": 0.0,
        "recall_credit": 0.0,
        "pairs": 0,
        "technique_ok": 0,
    }
    for p in preds:
        credit = covered(p.start, p.end, gold_union) / (p.end - p.start)
        c["precision_credit"] += credit
        if credit == 0:
            score.items.append(Item(SPURIOUS, "pred", p.start, p.end, p.technique, f"{p.text!r}"))
    for g in golds:
        credit = covered(g.start, g.end, pred_union) / (g.end - g.start)
        c["recall_credit"] += credit
        label = f"{g.get('technique')}: {g.get('span')!r}"
        if credit == 0:
            score.items.append(Item(MISSED, "gold", g.start, g.end, label, f"neutral: {g.get('neutral')!r}"))
            continue
        techniques = []
        for p in preds:
            if overlap(p.start, p.end, g.start, g.end) > 0:
                c["pairs"] += 1
                c["technique_ok"] += int(p.technique == g.get("technique"))
                techniques.append(p.technique)
        status = MATCHED if credit >= 1.0 and g.get("technique") in techniques else PARTIAL
        detail = f"{credit:.0%} covered; predicted {', '.join(sorted(set(techniques)))}"
        score.items.append(Item(status, "gold", g.start, g.end, label, detail))
    score.counts = c
    return score


def framing_metrics(c: dict[str, float]) -> dict[str, float]:
    precision = ratio(c.get("precision_credit", 0.0), c.get("predicted", 0))
    recall = ratio(c.get("recall_credit", 0.0), c.get("gold", 0))
    out: dict[str, float] = {"precision": precision, "recall": recall, "f1": f1_score(precision, recall)}
    out["technique_acc"] = ratio(c.get("technique_ok", 0), c.get("pairs", 0))
    for key in ("gold", "predicted", "pairs"):
        out[key] = int(c.get(key, 0))
    return out
