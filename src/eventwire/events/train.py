"""Training the event classifier (``eventwire train events``; needs the ``train`` extra).

1. Parse every training record (``data/training/events/**/*.jsonl``) with the events pipeline
   (nlp, geo, actors, events) and collect each sentence's candidate features through the
   classifier hook in record mode (the rules run as at analysis time).
2. Label each sentence with the sub-type of the gold event whose evidence lies in it, else "none".
3. Fit a multinomial logistic regression (scikit-learn, fixed seed); pick its C, the
   temperature and the veto/add thresholds on out-of-fold predictions (folds by record).
4. Write ``model.npz`` (vocabulary, float16 weights, bias) and ``meta.json``: loaded with numpy only.
"""

from __future__ import annotations

import json
import logging
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from ..models import Article
from .classify import META_FILE, MODEL_DIR, MODEL_FILE, NONE, TERRITORY, EventClassifier

log = logging.getLogger(__name__)

TRAINING_DIR = Path(__file__).resolve().parent.parent / "data" / "training" / "events"
SEED = 13
MIN_COUNT = 2
C_GRID = (2.0, 4.0, 8.0)
KEEP_GRID = (0.05, 0.1, 0.2, 0.3, 1.01)
VETO_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
ADD_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def training_files() -> list[Path]:
    return sorted(TRAINING_DIR.glob("*.jsonl")) + sorted((TRAINING_DIR / "written").glob("*.jsonl"))


def read_records(paths: Iterable[Path]) -> list[dict]:
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def _label(text: str, start: int, end: int, events: list[dict]) -> str:
    for ev in events:
        evidence = (ev.get("evidence") or "").strip()
        at = text.find(evidence) if evidence else -1
        if at >= 0 and at < end and start < at + len(evidence):
            return ev["sub_event_type"]
    return NONE


def collect(records: list[dict], progress: Callable[[str], None] | None = None) -> list[dict]:
    """One item per sentence: record id, features, label, whether the rules made an event."""
    from ..pipeline import Pipeline

    pipe = Pipeline(("nlp", "geo", "actors", "events"), {"events": {"classifier": False}})
    stage = next(s for s in pipe.stages if s.name == "events")
    recorder = EventClassifier([NONE], {}, np.zeros((0, 1)), np.zeros(1), record=[])
    stage.extractor.classifier = recorder  # type: ignore[attr-defined]
    items: list[dict] = []
    articles = [Article(id=r["id"], text=r["text"], published=r.get("published")) for r in records]
    for n, (rec, analysis) in enumerate(zip(records, pipe.analyze_many(articles), strict=True)):
        assert recorder.record is not None
        for start, end, feats in recorder.record:
            items.append(
                {"id": rec["id"], "features": feats, "label": _label(rec["text"], start, end, rec["events"])}
            )
        recorder.record.clear()
        if progress and n % 500 == 0:
            progress(f"{n}/{len(records)} records parsed")
        del analysis
    return items


# -- fitting ------------------------------------------------------------------
def _matrix(items: list[dict], vocab: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for i, it in enumerate(items):
        for j in {vocab[f] for f in it["features"] if f in vocab}:
            rows.append(i)
            cols.append(j)
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(items), len(vocab)))


def _vocab(items: list[dict]) -> dict[str, int]:
    counts = Counter(f for it in items for f in set(it["features"]))
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}


def _fit(items: list[dict], classes: list[str], c: float) -> tuple[dict[str, int], Any]:
    from sklearn.linear_model import LogisticRegression

    vocab = _vocab(items)
    y = np.array([classes.index(it["label"]) for it in items])
    clf = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    clf.fit(_matrix(items, vocab), y)
    return vocab, clf


def _logits(clf: Any, items: list[dict], vocab: dict[str, int], n_classes: int) -> np.ndarray:
    raw = clf.decision_function(_matrix(items, vocab))
    out = np.full((len(items), n_classes), -30.0)
    out[:, clf.classes_] = raw
    return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def folds_by_record(items: list[dict], k: int) -> list[list[int]]:
    ids = sorted({it["id"] for it in items})
    random.Random(SEED).shuffle(ids)
    fold_of = {rid: i % k for i, rid in enumerate(ids)}
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, it in enumerate(items):
        folds[fold_of[it["id"]]].append(i)
    return folds


def out_of_fold(items: list[dict], classes: list[str], k: int, c: float) -> np.ndarray:
    logits = np.zeros((len(items), len(classes)))
    for fold in folds_by_record(items, k):
        held = set(fold)
        train = [it for i, it in enumerate(items) if i not in held]
        vocab, clf = _fit(train, classes, c)
        logits[fold] = _logits(clf, [items[i] for i in fold], vocab, len(classes))
    return logits


def nll(probs: np.ndarray, y: np.ndarray) -> float:
    return float(-np.log(np.clip(probs[np.arange(len(y)), y], 1e-12, None)).mean())


def ece(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> tuple[float, list[dict]]:
    """Expected calibration error of the top class, and the reliability table."""
    conf, pred = probs.max(axis=1), probs.argmax(axis=1)
    table, total = [], 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            acc, mean = float((pred[sel] == y[sel]).mean()), float(conf[sel].mean())
            total += sel.mean() * abs(acc - mean)
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(sel.sum()), "conf": mean, "acc": acc})
    return float(total), table


def decide(
    probs: np.ndarray, items: list[dict], classes: list[str], veto: float, add: float, keep: float = 1.01
) -> list[str]:
    """What the events stage would output per sentence with these thresholds (as ``Verdict.apply``)."""
    none = classes.index(NONE)
    out = []
    for p, it in zip(probs, items, strict=True):
        state = it["features"][0]
        q = p.copy()
        q[none] = -1
        best = classes[int(q.argmax())]
        if state == "rule":
            subs = [f[5:] for f in it["features"] if f.startswith("rsub:")]
            if len(subs) == 1 and subs[0] in classes:
                rule = subs[0]
                if (best in TERRITORY and rule in TERRITORY) or p[classes.index(rule)] >= keep:
                    best = rule
            out.append(NONE if p[none] >= veto else best)
        elif state == "norule":
            out.append(best if q.max() >= add else NONE)
        else:
            out.append(NONE)
    return out


def sentence_scores(pred: list[str], gold: list[str], event_types: dict[str, str]) -> dict[str, float]:
    tp = sum(p == g != NONE for p, g in zip(pred, gold, strict=True))
    n_pred, n_gold = sum(p != NONE for p in pred), sum(g != NONE for g in gold)
    found = [(p, g) for p, g in zip(pred, gold, strict=True) if p != NONE and g != NONE]
    prec, rec = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {
        "precision": prec,
        "recall": rec,
        "f1": 2 * prec * rec / max(prec + rec, 1e-9),
        "sub_type_acc": sum(p == g for p, g in found) / max(len(found), 1),
        "event_type_acc": sum(event_types[p] == event_types[g] for p, g in found) / max(len(found), 1),
    }


# -- model selection, cross-validation, writing -----------------------------------
def select(items: list[dict], records: list[dict], k: int = 5, say: Callable[[str], None] = log.info) -> dict:
    """Choose C, temperature and thresholds on out-of-fold predictions; figures by fold."""
    event_types = {e["sub_event_type"]: e["event_type"] for r in records for e in r["events"]}
    event_types[NONE] = NONE
    classes = sorted({it["label"] for it in items} - {NONE}) + [NONE]
    y = np.array([classes.index(it["label"]) for it in items])
    gold = [it["label"] for it in items]
    best: dict | None = None
    for c in C_GRID:
        logits = out_of_fold(items, classes, k, c)
        temps = np.round(np.arange(0.3, 3.01, 0.05), 2)
        t = float(min(temps, key=lambda t: nll(_softmax(logits / t), y)))
        probs = _softmax(logits / t)
        grid = [(v, a, kp) for v in VETO_GRID for a in ADD_GRID for kp in KEEP_GRID]
        scored = [
            (sentence_scores(decide(probs, items, classes, v, a, kp), gold, event_types)["f1"], v, a, kp)
            for v, a, kp in grid
        ]
        f1, veto, add, keep = max(scored)
        say(
            f"C={c}: out-of-fold NLL {nll(probs, y):.3f} (T={t}), F1 {f1:.3f}"
            f" at veto {veto} add {add} keep {keep}"
        )
        if best is None or f1 > best["f1"]:
            best = {"c": c, "temperature": t, "veto": veto, "add": add, "keep": keep, "f1": f1}
            best["logits"] = logits
    assert best is not None
    probs_raw, probs = _softmax(best["logits"]), _softmax(best["logits"] / best["temperature"])
    ece_raw, _ = ece(probs_raw, y)
    ece_cal, table = ece(probs, y)
    by_fold = []
    for fold in folds_by_record(items, k):
        pred = decide(probs[fold], [items[i] for i in fold], classes, best["veto"], best["add"], best["keep"])
        by_fold.append(sentence_scores(pred, [gold[i] for i in fold], event_types))
    rules = [it["features"][0] == "rule" for it in items]
    return {
        "classes": classes,
        "event_types": event_types,
        "c": best["c"],
        "temperature": best["temperature"],
        "veto": best["veto"],
        "add": best["add"],
        "keep": best["keep"],
        "folds": k,
        "by_fold": by_fold,
        "mean": {m: float(np.mean([f[m] for f in by_fold])) for m in by_fold[0]},
        "rules_only": sentence_scores(_rules_only(items, gold), gold, event_types) if any(rules) else {},
        "ece_uncalibrated": ece_raw,
        "ece": ece_cal,
        "reliability": table,
        "sentences": len(items),
        "records": len(records),
    }


def _rules_only(items: list[dict], gold: list[str]) -> list[str]:
    """Baseline: the rules' own proposal for the sentences where they made an event."""
    out = []
    for it in items:
        subs = [f[5:] for f in it["features"] if f.startswith("rsub:")]
        out.append(subs[0] if it["features"][0] == "rule" and subs else NONE)
    return out


def train(
    records: list[dict],
    items: list[dict],
    folder: Path | None = None,
    k: int = 5,
    say: Callable[[str], None] = log.info,
) -> dict:
    """Select settings by k-fold CV, fit on everything, write the model; returns the CV report."""
    report = select(items, records, k, say)
    classes = report["classes"]
    vocab, clf = _fit(items, classes, report["c"])
    weights = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    bias = np.full(len(classes), -30.0, dtype=np.float32)
    weights[:, clf.classes_] = clf.coef_.T
    bias[clf.classes_] = clf.intercept_
    families: dict[str, Counter] = defaultdict(Counter)
    for it in items:
        if it["label"] != NONE:
            families[it["label"]].update(f[4:] for f in it["features"] if f.startswith("fam:"))
    folder = folder or MODEL_DIR
    folder.mkdir(parents=True, exist_ok=True)
    names = sorted(vocab, key=vocab.__getitem__)
    np.savez_compressed(
        folder / MODEL_FILE, vocab=np.array(names), weights=weights.astype(np.float16), bias=bias
    )
    meta = {k2: report[k2] for k2 in ("classes", "temperature", "veto", "add", "keep", "c")}
    meta["event_types"] = {s: t for s, t in report["event_types"].items() if s != NONE}
    meta["families"] = {s: c.most_common(1)[0][0] for s, c in families.items() if c}
    meta["cv"] = {
        k2: report[k2]
        for k2 in (
            "folds",
            "mean",
            "by_fold",
            "rules_only",
            "ece_uncalibrated",
            "ece",
            "reliability",
            "sentences",
            "records",
        )
    }
    meta["features"] = len(vocab)
    meta["seed"] = SEED
    (folder / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return report


def train_events(
    folder: Path | None = None, folds: int = 5, write: bool = True, say: Callable[[str], None] = log.info
) -> dict:
    """The whole recipe behind ``eventwire train events``: parse, select by CV, fit, write."""
    records = read_records(training_files())
    items = collect(records, say)
    if not write:
        return select(items, records, folds, say)
    return train(records, items, folder, folds, say)
