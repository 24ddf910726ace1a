"""Claim (attribution) matching.

A predicted claim matches a gold attribution when its claim span overlaps the gold
claim's span and its speaker or organisation shares a content word with the gold
speaker or organisation (`common.content_words`). Matching is one-to-one, greedy by
overlap length. Among matched pairs: ``via_acc`` (both empty, or sharing a content word:
"SANA" agrees with "Syria's official SANA news agency") and ``anonymous_acc``.
"""

from __future__ import annotations

from typing import Any

from ..models import Analysis, Attribution
from .common import content_words, greedy_pairs, overlap, prf, ratio
from .gold import GoldArticle, GoldSpan, as_gold
from .result import MATCHED, MISSED, PARTIAL, SPURIOUS, Item, LayerScore


def speaker_matches(pred: Attribution, gold: GoldSpan) -> bool:
    return bool(
        content_words(pred.speaker, pred.organization)
        & content_words(gold.get("speaker"), gold.get("organization"))
    )


def via_matches(pred: str | None, gold: str | None) -> bool:
    if not pred and not gold:
        return True
    return bool(content_words(pred) & content_words(gold))


def score_claims(gold: GoldArticle | dict[str, Any], analysis: Analysis) -> LayerScore:
    gold = as_gold(gold)
    preds = list(analysis.attributions)
    candidates: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold.attributions):
        for pi, p in enumerate(preds):
            shared = overlap(p.start, p.end, g.start, g.end)
            if shared > 0 and speaker_matches(p, g):
                candidates.append((shared, gi, pi))
    pairs = greedy_pairs(candidates)
    used = set(pairs.values())

    score = LayerScore()
    c = {
        "gold": len(gold.attributions),
        "predicted": len(preds),
        "matched": len(pairs),
        "via_ok": 0,
        "anonymous_ok": 0,
    }
    for gi, g in enumerate(gold.attributions):
        who = g.get("speaker") or "?"
        if g.get("organization") and g.get("organization") != who:
            who = f"{who} ({g.get('organization')})"
        label = f"{who}" + (f" via {g.get('via')}" if g.get("via") else "")
        if gi not in pairs:
            score.items.append(Item(MISSED, "gold", g.start, g.end, label, "no matching claim"))
            continue
        p = preds[pairs[gi]]
        via_ok = via_matches(p.via, g.get("via"))
        anon_ok = bool(p.anonymous) == bool(g.get("anonymous"))
        c["via_ok"] += int(via_ok)
        c["anonymous_ok"] += int(anon_ok)
        wrong = []
        if not via_ok:
            wrong.append(f"via {p.via!r} ≠ {g.get('via')!r}")
        if not anon_ok:
            wrong.append(f"anonymous {p.anonymous} ≠ {g.get('anonymous')}")
        detail = f"speaker {p.speaker!r}" + ("; " + "; ".join(wrong) if wrong else "")
        score.items.append(Item(PARTIAL if wrong else MATCHED, "gold", g.start, g.end, label, detail))
    for pi, p in enumerate(preds):
        if pi not in used:
            label = f"{p.speaker or '?'}" + (f" ({p.organization})" if p.organization else "")
            score.items.append(Item(SPURIOUS, "pred", p.start, p.end, label, f"cue {p.cue!r}"))
    score.counts = c
    return score


def claim_metrics(c: dict[str, float]) -> dict[str, float]:
    matched = c.get("matched", 0)
    out: dict[str, float] = prf(matched, c.get("predicted", 0), matched, c.get("gold", 0))
    out["via_acc"] = ratio(c.get("via_ok", 0), matched)
    out["anonymous_acc"] = ratio(c.get("anonymous_ok", 0), matched)
    for key in ("gold", "predicted", "matched"):
        out[key] = int(c.get(key, 0))
    return out
