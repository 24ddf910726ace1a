"""A quick scorer for framing on the gold dev corpus (until eventwire.eval scores framing).

SemEval-style partial-overlap credit, simplified: a predicted outlet-voice span matches a gold
span of the same technique when their characters overlap (one-to-one, greedy in text order).
Run directly to print figures: ``.venv/bin/python tests/framing/framing_devscore.py [-v]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / ".." / "shared" / "corpus" / "dev" / "gold.jsonl"


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_spans(record: dict) -> list[dict]:
    text = record["text"]
    out = []
    for f in record["framing"]:
        pos = -1
        for _ in range(f.get("occurrence", 0) + 1):
            pos = text.find(f["span"], pos + 1)
        out.append({**f, "start": pos, "end": pos + len(f["span"])})
    return out


def score(pipeline, records: list[dict], verbose: bool = False, technique: bool = True) -> dict:
    from eventwire.models import Article

    tp = npred = ngold = 0
    for rec in records:
        art = Article(
            id=rec["id"], text=rec["text"], outlet=rec.get("outlet"), published=rec.get("published")
        )
        analysis = pipeline.analyze(art)
        pred = [s for s in analysis.framing if s.voice == "outlet"]
        gold = gold_spans(rec)
        used: set[int] = set()
        hits = set()
        for p in pred:
            for gi, g in enumerate(gold):
                if gi in used or not (p.start < g["end"] and g["start"] < p.end):
                    continue
                if technique and p.technique != g["technique"]:
                    continue
                used.add(gi)
                hits.add(id(p))
                break
        tp += len(hits)
        npred += len(pred)
        ngold += len(gold)
        if verbose and (len(pred) != len(hits) or len(used) != len(gold)):
            print(f"== {rec['id']}: {len(hits)} / {len(pred)} pred / {len(gold)} gold")
            for p in pred:
                if id(p) not in hits:
                    print(f"  FP {p.technique} {p.text!r} -> {p.neutral!r}")
            for gi, g in enumerate(gold):
                if gi not in used:
                    print(f"  MISSED {g['technique']} {g['span']!r}")
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "pred": npred, "gold": ngold}


if __name__ == "__main__":
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(stages=["nlp", "claims", "framing"])
    recs = load_gold()
    print(json.dumps(score(pipe, recs, verbose="-v" in sys.argv), indent=1))
    print("any technique:", json.dumps(score(pipe, recs, technique=False)))
