"""A quick scorer for claims on the gold dev corpus (until eventwire.eval scores claims).

Match rule (from the issue): the predicted claim span overlaps the gold claim span AND the
predicted speaker or organisation shares a content word with the gold speaker/organisation.
Matching is one-to-one, greedy in text order. Run directly to print figures:
``.venv/bin/python tests/claims/claims_devscore.py``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / ".." / "shared" / "corpus" / "dev" / "gold.jsonl"
STOP = {"the", "of", "a", "an", "for", "and", "in", "on", "to", "s", "its", "their"}


def content_words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in STOP and len(w) > 1}


def gold_spans(record: dict) -> list[dict]:
    out = []
    text = record["text"]
    for att in record["attributions"]:
        start = text.find(att["claim"])
        out.append({**att, "start": start, "end": start + len(att["claim"])})
    return out


def match_claims(pred: list, gold: list[dict]) -> tuple[int, list[tuple]]:
    used: set[int] = set()
    pairs = []
    for p in pred:
        pw = content_words(p.speaker) | content_words(p.organization)
        for gi, g in enumerate(gold):
            if gi in used or not (p.start < g["end"] and g["start"] < p.end):
                continue
            if pw & (content_words(g["speaker"]) | content_words(g["organization"])):
                used.add(gi)
                pairs.append((p, g))
                break
    return len(pairs), pairs


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(pipeline, records: list[dict], verbose: bool = False) -> dict:
    from eventwire.models import Article

    tp = npred = ngold = 0
    via_ok = anon_ok = 0
    for rec in records:
        art = Article(
            id=rec["id"], text=rec["text"], outlet=rec.get("outlet"), published=rec.get("published")
        )
        analysis = pipeline.analyze(art)
        gold = gold_spans(rec)
        n, pairs = match_claims(analysis.attributions, gold)
        tp += n
        npred += len(analysis.attributions)
        ngold += len(gold)
        for p, g in pairs:
            via_ok += (p.via or None) == (g["via"] or None) or bool(
                p.via and g["via"] and content_words(p.via) & content_words(g["via"])
            )
            anon_ok += p.anonymous == g["anonymous"]
        if verbose:
            print(f"== {rec['id']}: {n} matched / {len(analysis.attributions)} pred / {len(gold)} gold")
            matched = {id(p) for p, _ in pairs}
            for p in analysis.attributions:
                flag = "+" if id(p) in matched else "-"
                print(
                    f"  {flag} [{p.cue}] {p.speaker!r} org={p.organization!r} via={p.via!r} "
                    f"anon={p.anonymous} | {p.claim[:80]!r}"
                )
            got = {id(g) for _, g in pairs}
            for g in gold:
                if id(g) not in got:
                    print(f"  MISSED {g['speaker']!r} via={g['via']!r} | {g['claim'][:80]!r}")
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1,
        "tp": tp,
        "pred": npred,
        "gold": ngold,
        "via_acc": via_ok / tp if tp else 0.0,
        "anonymous_acc": anon_ok / tp if tp else 0.0,
    }


if __name__ == "__main__":
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(stages=["nlp", "claims"])
    print(json.dumps(score(pipe, load_gold(), verbose="-v" in sys.argv), indent=1))
