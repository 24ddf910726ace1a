"""Training the framing tagger (``eventwire train framing``), and its cross-validation.

Input: gold JSONL files in the format of ``../shared/corpus/GOLD_SCHEMA.md`` whose ``framing``
lists mark technique spans (by default the PTC training set of SemEval-2020 Task 11 and the
project's own conflict-reporting examples in ``data/training/framing/``, see its DATASHEET).
Every article is parsed with the same spaCy pipeline the analysis uses; tokens inside any gold
span are the positive class (the metric scores the union of spans), labelled B at a span's
first token and I after it. The own examples are few and short beside PTC's long articles, so
the CRF sees each of them ``own_repeat`` times (CRFsuite has no instance weights; repeating a
sequence is weighting it). The CRF is trained with CRFsuite (L-BFGS, L1 + L2 regularisation,
which keeps the model small); the technique classifier with scikit-learn's logistic regression,
saved as plain weights.

Cross-validation splits by article (no article in both parts) and scores what the analysis
ships: the lexicon with its context rules plus the tagger (``FramingFinder``), with no
attributions (the claims stage does not run here). PTC articles are scored every voice (as PTC
annotates), the own examples in the outlet's voice (as the project's gold marks); counts are
summed over the held-out folds (micro-average, as ``eventwire eval`` does).

Needs the ``train`` extra (scikit-learn, python-crfsuite).
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..claims.quotes import quote_regions
from ..eval.framing import framing_metrics, score_framing
from ..eval.gold import load_gold
from ..models import Analysis
from .detect import FramingFinder
from .features import lexicon_marks, sentence_features
from .lexicon import Lexicon
from .tagger import (
    CRF_FILE,
    DEFAULT_GATE,
    DEFAULT_LEXICON_GATE,
    DEFAULT_THRESHOLD,
    TECHNIQUE_FILE,
    SpanTagger,
    TechniqueClassifier,
    span_features,
)

log = logging.getLogger(__name__)

CRF_PARAMS = {"c1": 0.3, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}
OWN_EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "training" / "framing"
OWN_REPEAT = 3  # times the CRF sees each own example (chosen by cross-validation, see MODEL_CARD.md)


@dataclass
class Parsed:
    """One gold article, parsed once: its doc, lexicon marks, quotes and gold spans."""

    gold: Any
    doc: Any
    marks: dict[int, str]
    quoted: list[tuple[int, int]]
    own: bool = False  # one of the project's own examples (outlet-voice convention)
    source: str = ""  # the gold file it came from (its folder and name)


def parse_gold(
    paths: Iterable[str | Path], nlp: Any, lexicon: Lexicon, own_dir: Path = OWN_EXAMPLES
) -> list[Parsed]:
    """Every article of ``paths``, parsed; files under ``own_dir`` are marked as own examples."""
    golds = []
    for p in map(Path, paths):
        own = p.resolve().is_relative_to(own_dir.resolve())
        golds += [(g, own, f"{p.parent.name}/{p.name}") for g in load_gold(p)]
    out = []
    for (g, own, source), doc in zip(golds, nlp.pipe(g.text for g, _, _ in golds), strict=True):
        marks = lexicon_marks(lexicon.matches(g.text))
        out.append(Parsed(g, doc, marks, quote_regions(g.text), own, source))
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


def train(
    items: list[Parsed],
    out_dir: Path,
    threshold: float = DEFAULT_THRESHOLD,
    gate: float = DEFAULT_GATE,
    own_repeat: int = OWN_REPEAT,
) -> None:
    """Train both models on ``items`` (own examples repeated ``own_repeat`` times for the CRF)
    and write them, with the tagging settings, to ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    own = [it for it in items if it.own]
    train_crf(items + own * (own_repeat - 1), out_dir / CRF_FILE)
    (out_dir / TECHNIQUE_FILE).write_text(json.dumps(train_techniques(items).as_dict()), encoding="utf-8")
    meta = {
        "threshold": threshold,
        "gate": gate,
        "lexicon_gate": DEFAULT_LEXICON_GATE,
        "own_repeat": own_repeat,
        "crf_params": CRF_PARAMS,
        "articles": len(items),
        "own_examples": len(own),
        "trained_on": dict(sorted(Counter(it.source for it in items).items())),
        "card": "MODEL_CARD.md",
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def score(items: list[Parsed], tagger: SpanTagger, lexicon: Lexicon, voices: str) -> dict[str, float]:
    """Counts of the shipped combination (lexicon + rules + tagger) on ``items``."""
    totals: dict[str, float] = {}
    for item in items:
        analysis = Analysis(article_id=item.gold.id)
        analysis.framing = FramingFinder(lexicon).find(item.doc, tagger=tagger)
        for key, value in score_framing(item.gold, analysis, voices=voices).counts.items():
            totals[key] = totals.get(key, 0) + value
    return totals


def cross_validate(
    items: list[Parsed],
    folds: int,
    work: Path,
    settings: Iterable[tuple[float, float]],
    report: Callable[[str], None],
    own_repeat: int = OWN_REPEAT,
    lexicon: Lexicon | None = None,
) -> dict[str, Any]:
    """Train on all folds but one, score the one left out, for each (threshold, gate) setting.
    Returns per setting the micro-averaged figures of the benchmark articles (every voice) and
    of the own examples (outlet voice)."""
    lexicon = lexicon or Lexicon.load()
    fold_of: dict[int, int] = {}
    for group in (False, True):  # benchmark and own articles each spread over every fold
        order = sorted((i for i, it in enumerate(items) if it.own == group), key=lambda i: items[i].gold.id)
        fold_of.update({i: k % folds for k, i in enumerate(order)})
    settings = list(settings)
    totals: dict[str, dict[str, dict[str, float]]] = {
        f"{t}/{g}": {"gold": {}, "own": {}} for t, g in settings
    }
    for k in range(folds):
        started = time.monotonic()
        folder = work / f"fold{k}"
        train([it for i, it in enumerate(items) if fold_of[i] != k], folder, own_repeat=own_repeat)
        test = [it for i, it in enumerate(items) if fold_of[i] == k]
        for t, g in settings:
            tagger = SpanTagger.load(folder, threshold=t, gate=g)
            assert tagger is not None
            for part, voices in (("gold", "all"), ("own", "outlet")):
                counts = score([it for it in test if it.own == (part == "own")], tagger, lexicon, voices)
                acc = totals[f"{t}/{g}"][part]
                for key, value in counts.items():
                    acc[key] = acc.get(key, 0) + value
        report(f"fold {k} done ({time.monotonic() - started:.0f} s)")
    return {
        key: {part: framing_metrics(counts) for part, counts in parts.items() if counts.get("gold")}
        for key, parts in totals.items()
    }
