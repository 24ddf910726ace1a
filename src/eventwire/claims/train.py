"""Train the learned cue detector (`learned.CueModel`) on a PolNeAR-style gold file.

    eventwire train claims            # = python -m eventwire.claims.train GOLD.jsonl

Articles whose line number (from 0) is a multiple of 4 are kept back and never read here,
so ``eventwire eval`` on them (``--holdout``-style sample: every 4th line) measures articles
the model has not seen. Of the rest, lines ``4k+1`` pick the threshold; the final fit uses
all of them. A verb is a positive example when it lies inside the gold cue of an attribution
(the cue text found next to the gold claim and source). Needs scikit-learn (training only).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from .learned import DEFAULT_WEIGHTS, verb_features
from .quotes import quote_regions, region_at
from .resources import ClaimResources

log = logging.getLogger(__name__)

# Minimum training positives for a lemma to be kept as a possible cue.
MIN_POSITIVES = 1
# Features seen fewer times than this in training are dropped; weights smaller than MIN_WEIGHT too.
MIN_COUNT = 3
MIN_WEIGHT = 0.05


def _cue_offsets(text: str, gold: dict[str, Any]) -> tuple[int, int] | None:
    cue = (gold.get("polnear_cue") or "").strip()
    frags = gold.get("polnear_content_fragments") or []
    if not cue or not frags:
        return None
    cs = min(f[0] for f in frags)
    ce = max(f[1] for f in frags)
    src = gold.get("polnear_source_span") or [cs, cs]
    lo, hi = max(0, min(cs, src[0]) - 120), min(len(text), max(ce, src[1]) + 120)
    best: tuple[int, int] | None = None
    at = text.find(cue, lo, hi)
    while at >= 0:
        # not a word of the content itself; a gap between its fragments ("“A,” she said, “B”") is fine
        if not any(f[0] <= at < f[1] for f in frags):
            if best is None or abs(at - cs) < abs(best[0] - cs):
                best = (at, at + len(cue))
        at = text.find(cue, at + 1, hi)
    return best


def examples(nlp: Any, rows: list[dict[str, Any]]) -> tuple[list[list[str]], list[int]]:
    feats: list[list[str]] = []
    labels: list[int] = []
    listed = ClaimResources.load().verbs
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        text = row["text"]
        cues = [c for c in (_cue_offsets(text, g) for g in row.get("attributions", [])) if c]
        quotes = quote_regions(text)
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() in listed:
                continue  # the listed cues are rules; the model is only asked about other verbs
            label = int(any(s <= tok.idx < e for s, e in cues))
            feats.append(verb_features(tok, region_at(quotes, tok.idx) is not None))
            labels.append(label)
    return feats, labels


def train(gold_path: str | Path, out: str | Path = DEFAULT_WEIGHTS, refit: bool = True) -> dict[str, Any]:
    """Fit on lines 4k+2 and 4k+3, pick the threshold on 4k+1, then (``refit``) fit again on all
    three. Without the refit, lines 4k+1 stay unseen, so choices made on them are honest."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from ..pipeline import Pipeline

    lines = Path(gold_path).read_text(encoding="utf-8").splitlines()
    rows = [(i, json.loads(line)) for i, line in enumerate(lines) if line.strip() and i % 4 != 0]
    nlp = Pipeline(stages=("nlp",)).nlp
    fit_rows = [r for i, r in rows if i % 4 != 1]
    val_rows = [r for i, r in rows if i % 4 == 1]
    xf, yf = examples(nlp, fit_rows)
    xv, yv = examples(nlp, val_rows)

    def fit(x: list[list[str]], y: list[int]) -> tuple[DictVectorizer, LogisticRegression, set[str]]:
        pos: dict[str, int] = {}
        for f, lab in zip(x, y, strict=True):
            if lab:
                pos[f[0]] = pos.get(f[0], 0) + 1
        lemmas = {k for k, v in pos.items() if v >= MIN_POSITIVES}
        seen: dict[str, int] = {}
        for f in x:
            for name in f:
                seen[name] = seen.get(name, 0) + 1
        vec = DictVectorizer()
        m = vec.fit_transform([{k: 1 for k in f if seen[k] >= MIN_COUNT} for f in x])
        clf = LogisticRegression(C=0.5, max_iter=2000, class_weight=None)
        clf.fit(m, y)
        return vec, clf, lemmas

    vec, clf, lemmas = fit(xf, yf)
    pv = clf.predict_proba(vec.transform([dict.fromkeys(f, 1) for f in xv]))[:, 1]
    known = np.array([f[0] in lemmas for f in xv])
    yv_a = np.array(yv)
    best = (0.0, 0.5)
    for th in np.arange(0.2, 0.8, 0.05):
        pred = (pv >= th) & known
        tp = int((pred & (yv_a == 1)).sum())
        p = tp / max(1, int(pred.sum()))
        r = tp / max(1, int(yv_a.sum()))
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best[0]:
            best = (f, float(th))
    if refit:
        vec, clf, lemmas = fit(xf + xv, yf + yv)
    names = vec.get_feature_names_out()
    weights = {}
    for name, w in zip(names, clf.coef_[0], strict=True):
        key = str(name).split("=", 1)[0] + "=" + str(name).split("=", 1)[1]
        if abs(w) >= MIN_WEIGHT:  # (a lemma seen only as a plain verb keeps its weight against it)
            weights[key] = round(float(w), 4)
    model = {
        "about": {
            "purpose": "learned attribution-cue detector for eventwire claims (logistic regression)",
            "source": "PolNeAR train split (github.com/networkdynamics/PolNeAR), articles whose "
            "line number in gold.jsonl is not a multiple of 4; lines 4k are held out for evaluation",
            "command": "eventwire train claims [polnear-train/gold.jsonl]",
            "scope": "verbs not listed as cues in claims_cues.tsv (the rules handle those); cue_lemmas "
            "are the lemmas seen as cues, any other verb needs the claims stage's UNSEEN_THRESHOLD",
            "features": "lemma, dependency, tag, complements and their prepositions, the object's "
            "lemma and entity type, negation, the governing verb, kind of subject, inside a quotation",
            "fit_on": "lines 4k+1, 4k+2, 4k+3" if refit else "lines 4k+2, 4k+3 (4k+1 unseen)",
            "examples": len(yf) + len(yv) * refit,
            "positives": int(sum(yf) + sum(yv) * refit),
            "validation_token_f1": round(best[0], 3),
        },
        "bias": round(float(clf.intercept_[0]), 4),
        "threshold": round(best[1], 2),
        "cue_lemmas": sorted(k[2:] for k in lemmas),
        "weights": dict(sorted(weights.items())),
    }
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    log.info("claims cue model: %d weights, threshold %.2f, validation F1 %.3f", len(weights), *best[::-1])
    return model["about"]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        sys.stderr.write("usage: python -m eventwire.claims.train GOLD.jsonl [OUT.json]\n")
        return 2
    logging.basicConfig(level=logging.INFO)
    about = train(args[0], *(args[1:2] or [DEFAULT_WEIGHTS]))
    sys.stdout.write(json.dumps(about, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
