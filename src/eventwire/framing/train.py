"""Training the framing tagger (``eventwire train framing``), and its cross-validation.

Input: gold JSONL files in the format of ``../shared/corpus/GOLD_SCHEMA.md`` whose ``framing``
lists mark technique spans (by default the PTC training set of SemEval-2020 Task 11 and the
project's own conflict-reporting examples in ``data/training/framing/``). Every article is
parsed with the same spaCy pipeline the analysis uses; tokens inside any gold span are the
positive class (the metric scores the union of spans), labelled B at a span's first token
and I after it. The CRF is trained with CRFsuite (L-BFGS, L1 + L2 regularisation, which
keeps the model small); the technique classifier with scikit-learn's logistic regression,
saved as plain weights. Cross-validation splits by article, so no article is in both parts.

Needs the ``train`` extra (scikit-learn, python-crfsuite).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..claims.quotes import quote_regions
from ..eval.framing import framing_metrics, score_framing
from ..eval.gold import load_gold
from ..models import Analysis, FramingSpan
from .features import lexicon_marks, sentence_features
from .lexicon import Lexicon
from .tagger import CRF_FILE, TECHNIQUE_FILE, SpanTagger, TechniqueClassifier, span_features

log = logging.getLogger(__name__)

CRF_PARAMS = {"c1": 0.3, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}
OWN_EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "training" / "framing"


@dataclass
class Parsed:
    """One gold article, parsed once: its doc, lexicon marks, quotes and gold spans."""

    gold: Any
    doc: Any
    marks: dict[int, str]
    quoted: list[tuple[int, int]]


def parse_gold(paths: Iterable[str | Path], nlp: Any, lexicon: Lexicon) -> list[Parsed]:
    golds = [g for p in paths for g in load_gold(p)]
    out = []
    for g, doc in zip(golds, nlp.pipe(g.text for g in golds), strict=True):
        out.append(Parsed(g, doc, lexicon_marks(lexicon.matches(g.text)), quote_regions(g.text)))
    return out


def _labels(sent: Any, spans: list[tuple[int, int]]) -> list[str]:
    labels = []
    prev_in = False
    for tok in sent:
        inside = any(s <= tok.idx < e for s, e in spans)
        labels.append("O" if not inside else "I" if prev_in else "B")
        prev_in = inside
    return labels


def sequences(items: list[Parsed]) -> Iterable[tuple[list[list[str]], list[str]]]:
    for item in items:
        spans = [(f.start, f.end) for f in item.gold.framing if f.end > f.start]
        for sent in item.doc.sents:
            if len(sent) >= 2:
                yield sentence_features(sent, item.marks, item.quoted), _labels(sent, spans)


def train_crf(items: list[Parsed], path: Path, params: dict[str, Any] | None = None) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in sequences(items):
        trainer.append(xseq, yseq)
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    trainer.train(str(path))


def train_techniques(items: list[Parsed]) -> TechniqueClassifier:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for item in items:
        for f in item.gold.framing:
            span = item.doc.char_span(f.start, f.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            rows.append(dict.fromkeys(span_features(list(span), item.marks), 1))
            labels.append(f.get("technique"))
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=1.0, max_iter=300)
    model.fit(x, labels)
    vocab = {name: i for i, name in enumerate(vec.get_feature_names_out())}
    coef = [[round(float(w), 4) for w in row] for row in model.coef_]
    return TechniqueClassifier(
        list(model.classes_), vocab, coef, [round(float(b), 4) for b in model.intercept_]
    )


def train(items: list[Parsed], out_dir: Path, threshold: float) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    train_crf(items, out_dir / CRF_FILE)
    (out_dir / TECHNIQUE_FILE).write_text(json.dumps(train_techniques(items).as_dict()), encoding="utf-8")
    (out_dir / "meta.json").write_text(
        json.dumps({"threshold": threshold, "crf_params": CRF_PARAMS, "articles": len(items)}, indent=2)
        + "\n",
        encoding="utf-8",
    )


def score(items: list[Parsed], tagger: SpanTagger) -> dict[str, float]:
    """Span P/R/F1 of the tagger alone on ``items``, every voice counted (as PTC annotates)."""
    totals: dict[str, float] = {}
    for item in items:
        spans = tagger.tag(item.doc, item.marks, item.quoted)
        analysis = Analysis(article_id=item.gold.id)
        analysis.framing = [
            FramingSpan(text=item.gold.text[s.start : s.end], start=s.start, end=s.end, technique=s.technique)
            for s in spans
        ]
        for key, value in score_framing(item.gold, analysis, voices="all").counts.items():
            totals[key] = totals.get(key, 0) + value
    return framing_metrics(totals)


def cross_validate(
    items: list[Parsed], folds: int, work: Path, thresholds: Iterable[float], report: Callable[[str], None]
) -> dict[str, Any]:
    """Train on all folds but one, score the one left out; each threshold, every fold."""
    order = sorted(range(len(items)), key=lambda i: items[i].gold.id)
    fold_of = {i: k % folds for k, i in enumerate(order)}
    thresholds = list(thresholds)
    per_fold: list[dict[str, Any]] = []
    for k in range(folds):
        started = time.monotonic()
        train_items = [it for i, it in enumerate(items) if fold_of[i] != k]
        test_items = [it for i, it in enumerate(items) if fold_of[i] == k]
        folder = work / f"fold{k}"
        train(train_items, folder, thresholds[0])
        row: dict[str, Any] = {"fold": k, "test_articles": len(test_items)}
        for t in thresholds:
            tagger = SpanTagger.load(folder, threshold=t)
            assert tagger is not None
            row[str(t)] = score(test_items, tagger)
        per_fold.append(row)
        report(f"fold {k}: " + ", ".join(f"t={t} F1 {row[str(t)]['f1']:.3f}" for t in thresholds)
               + f" ({time.monotonic() - started:.0f} s)")  # fmt: skip
    mean = {
        str(t): {m: sum(r[str(t)][m] for r in per_fold) / folds for m in ("precision", "recall", "f1")}
        for t in thresholds
    }
    return {"folds": per_fold, "mean": mean}
