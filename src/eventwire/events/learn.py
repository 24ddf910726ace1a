"""Training the event classifier (``eventwire train events``), and its cross-validation.

Input: the project's training corpora, ``data/training/events/*.jsonl`` (generated from
templates) and ``data/training/events/written/*.jsonl`` (written by hand); each record has a
short text and its events with their ``evidence`` (see the DATASHEET.md files). Every text is
run through the same nlp, geo and actors stages as an analysis; each sentence becomes one
example labelled with the sub-type of the event whose evidence lies in it (a sentence with two
events is two examples), or "none". Rules' proposals are features, as at run time.

The model: multinomial logistic regression (scikit-learn, L2). Cross-validation is grouped by
record. Out-of-fold scores give the temperature (the one scalar that best calibrates the
probabilities, by log-loss) and the three thresholds of ``classify.Decision`` (the lowest
probability at which relabelling, vetoing or adding is right at least ``TARGET_PRECISION`` of
the time out of fold). Needs the ``train`` extra.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .classify import NONE, candidate_features, model_dir, taxonomy

log = logging.getLogger(__name__)

TRAINING = Path(__file__).resolve().parent.parent / "data" / "training" / "events"
SEED = 13
C = 4.0
MIN_COUNT = 2
TARGET_PRECISION = {"relabel": 0.75, "veto": 0.85, "add": 0.8}
# Never decide below these, whatever the folds say: the training texts are one or two clean
# sentences, news sentences are longer and mix background with the event, so overruling a rule
# (relabel, veto) needs more certainty than proposing an event where no rule fired.
FLOOR = {"relabel": 0.85, "veto": 0.9, "add": 0.6}


@dataclass
class Example:
    group: str  # the record's template (or id): folds never split a template's records
    feats: list[str]
    label: str
    rule_subs: list[str] = field(default_factory=list)


def training_files(folder: Path = TRAINING) -> list[Path]:
    return sorted(folder.glob("*.jsonl")) + sorted((folder / "written").glob("*.jsonl"))


def read_records(paths: Iterable[Path]) -> list[dict]:
    out = []
    for p in paths:
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{p}:{n}: not JSON ({exc.msg})") from exc
    return out


def examples(records: list[dict], pipeline: Any) -> list[Example]:
    """Parse every record with the pipeline's nlp, geo and actors stages; one example per
    sentence and event."""
    from ..models import Analysis, Article
    from ..nlp.index import OffsetIndex
    from ..pipeline import Context
    from .triggers import load_triggers, match_sentence

    nlp = pipeline.nlp
    stages = [s for s in pipeline.stages if s.name in ("geo", "actors")]
    patterns = load_triggers(None)
    out: list[Example] = []
    texts = [r["text"] for r in records]
    for r, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
        article = Article(id=r["id"], text=r["text"], published=r.get("published"), language="en")
        ctx = Context(article=article, analysis=Analysis(article_id=r["id"]), doc=doc)
        for stage in stages:
            stage(ctx)
        actors = OffsetIndex(ctx.analysis.actors)
        spans = []
        for e in r.get("events") or []:
            ev = e.get("evidence") or ""
            at = r["text"].find(ev) if ev else -1
            if at >= 0:
                spans.append((at, at + len(ev), e["sub_event_type"]))
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            matches = match_sentence(sent, patterns)
            feats = candidate_features(sent, matches, actors)
            labels = [sub for s, e, sub in spans if s < sent.end_char and sent.start_char < e] or [NONE]
            rule_subs = [m.pattern.sub_event_type for m in matches]
            for label in dict.fromkeys(labels):
                out.append(Example(r.get("template") or r["id"], feats, label, rule_subs))
    return out


def _matrix(exs: list[Example], vocab: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for i, ex in enumerate(exs):
        for j in {vocab[f] for f in ex.feats if f in vocab}:
            rows.append(i)
            cols.append(j)
    return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(exs), len(vocab)))


def _vocab(exs: list[Example]) -> dict[str, int]:
    from collections import Counter

    counts = Counter(f for ex in exs for f in set(ex.feats))
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}


def _fit(exs: list[Example], labels: list[str]):
    from sklearn.linear_model import LogisticRegression

    vocab = _vocab(exs)
    model = LogisticRegression(C=C, max_iter=3000, random_state=SEED)
    y = np.array([labels.index(ex.label) for ex in exs])
    model.fit(_matrix(exs, vocab), y)
    # classes absent from these examples get no column: put every class in the label order
    w = np.zeros((len(vocab), len(labels)), dtype=np.float64)
    b = np.full(len(labels), -30.0)
    for k, cls in enumerate(model.classes_):
        w[:, cls] = model.coef_[k]
        b[cls] = model.intercept_[k]
    return vocab, w, b


def _logits(exs: list[Example], vocab: dict[str, int], w: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.asarray(_matrix(exs, vocab) @ w) + b


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def out_of_fold(exs: list[Example], labels: list[str], k: int = 5) -> np.ndarray:
    """Logits of every example from a model trained on the other folds (grouped by record)."""
    groups = sorted({ex.group for ex in exs})
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(groups))
    fold_of = {groups[i]: n % k for n, i in enumerate(order)}
    z = np.zeros((len(exs), len(labels)))
    for f in range(k):
        train = [ex for ex in exs if fold_of[ex.group] != f]
        test_idx = [i for i, ex in enumerate(exs) if fold_of[ex.group] == f]
        vocab, w, b = _fit(train, labels)
        z[test_idx] = _logits([exs[i] for i in test_idx], vocab, w, b)
    return z


def temperature(z: np.ndarray, y: np.ndarray) -> float:
    best, best_t = None, 1.0
    for t in np.arange(0.5, 3.01, 0.05):
        p = _softmax(z / t)
        nll = -np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1)).mean()
        if best is None or nll < best:
            best, best_t = nll, float(t)
    return round(best_t, 2)


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    conf = p.max(axis=1)
    right = p.argmax(axis=1) == y
    total = 0.0
    for lo in np.linspace(0, 1, bins, endpoint=False):
        m = (conf >= lo) & (conf < lo + 1 / bins)
        if m.any():
            total += m.mean() * abs(conf[m].mean() - right[m].mean())
    return float(total)


def thresholds(exs: list[Example], p: np.ndarray, labels: list[str]) -> dict[str, float]:
    """The lowest probability at which each decision is right often enough out of fold."""
    none = labels.index(NONE)
    q = p.copy()
    q[:, none] = -1
    best = q.argmax(axis=1)
    pbest = p[np.arange(len(p)), best]
    cases = {"relabel": [], "veto": [], "add": []}
    for i, ex in enumerate(exs):
        truth = ex.label
        if ex.rule_subs:
            cases["veto"].append((float(p[i, none]), truth == NONE))
            if labels[best[i]] not in ex.rule_subs:
                cases["relabel"].append((float(pbest[i]), truth == labels[best[i]]))
        else:
            cases["add"].append((float(pbest[i]), truth == labels[best[i]]))
    out = {}
    for name, pairs in cases.items():
        out[name] = 0.99
        for t in np.arange(FLOOR[name], 0.991, 0.01):
            chosen = [ok for pr, ok in pairs if pr >= t]
            if len(chosen) >= 5 and sum(chosen) / len(chosen) >= TARGET_PRECISION[name]:
                out[name] = round(float(t), 2)
                break
    return out


def labels_of() -> list[str]:
    """The model's classes: the 25 sub-event types, then "none"."""
    return [*taxonomy(), NONE]


def report(exs: list[Example], z: np.ndarray, labels: list[str], t: float) -> dict[str, Any]:
    y = np.array([labels.index(ex.label) for ex in exs])
    p = _softmax(z / t)
    pred = p.argmax(axis=1)
    ev = y != labels.index(NONE)
    return {
        "examples": len(exs),
        "accuracy": round(float((pred == y).mean()), 3),
        "sub_type_accuracy_on_events": round(float((pred[ev] == y[ev]).mean()), 3),
        "ece_before": round(ece(_softmax(z), y), 3),
        "ece_after": round(ece(p, y), 3),
    }


def train(
    out: Path | None = None, pipeline: Any = None, k: int = 5, write: bool = True, progress: Any = None
) -> dict[str, Any]:
    """Cross-validate on the training corpora, then (``write``) fit on all of it and write the
    model (``model.npz``, ``meta.json``). Returns the model's description and its figures."""
    from ..pipeline import Pipeline

    say = progress or (lambda _line: None)
    started = time.perf_counter()
    pipeline = pipeline or Pipeline(stages=["nlp", "geo", "actors"]).initialize()
    files = training_files()
    records = read_records(files)
    say(f"parsing {len(records)} training texts from {len(files)} files")
    exs = examples(records, pipeline)
    say(f"{len(exs)} sentence examples; {k}-fold cross-validation by template")
    labels = labels_of()
    y = np.array([labels.index(ex.label) for ex in exs])
    z = out_of_fold(exs, labels, k)
    t = temperature(z, y)
    figures = report(exs, z, labels, t)
    th = thresholds(exs, _softmax(z / t), labels)
    if not write:
        return {"cv": figures, "temperature": t, "thresholds": th, "seconds": time.perf_counter() - started}
    say("fitting on every example")
    vocab, w, b = _fit(exs, labels)
    keep = np.abs(w).max(axis=1) >= 1e-3
    feats = [f for f, i in sorted(vocab.items(), key=lambda x: x[1]) if keep[i]]
    out = Path(out or model_dir())
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "model.npz", weights=w[keep].astype(np.float16), bias=b.astype(np.float32))
    meta = {
        "labels": labels,
        "features": feats,
        "temperature": t,
        "thresholds": th,
        "training": [str(p.relative_to(TRAINING.parent.parent.parent)) for p in files],
        "C": C,
        "min_count": MIN_COUNT,
        "seed": SEED,
        "cv_folds": k,
        "cv": figures,
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta
