"""The trained framing tagger: which words carry a propaganda technique, and which technique.

Two small models, trained by ``eventwire train framing`` (``framing/train.py``) and shipped in
``data/models/framing/`` with their model card (``MODEL_CARD.md``):

- a linear-chain CRF (CRFsuite) tagging each token as outside (O), beginning (B) or inside (I)
  a framing span, over the features of ``framing/features.py``; a token belongs to a span when
  its probability of being B/I reaches ``threshold``;
- an article-level gate: the CRF was trained on opinion and propaganda articles, where framing
  is dense; in an article where its best path marks fewer than ``gate`` of the tokens (plain
  wire copy, most agency reports) its calls are mostly noise, so it adds nothing there and the
  lexicon alone speaks (a short text counts as ``GATE_MIN_TOKENS`` tokens, so a few marks in a
  brief flash do not open the gate);
- a register switch: in an article where the lexicon already finds its conflict labels in the
  outlet's voice at ``lexicon_gate`` or more per 1,000 words, the article is partisan conflict
  reporting of the kind the lexicon was written for; there the CRF, taught mostly by opinion
  articles, adds clause-long spans and lists of place names, so the lexicon alone speaks;
- a multinomial logistic regression naming the technique of each span from the words in it,
  its lexicon families and its shape, stored as plain weights and applied with NumPy.

Both load once (``SpanTagger.load``) and run on CPU in milliseconds per article.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .features import sentence_features

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "framing"
CRF_FILE = "spans.crfsuite"
TECHNIQUE_FILE = "techniques.json"
DEFAULT_THRESHOLD = 0.2
DEFAULT_GATE = 0.04
GATE_MIN_TOKENS = 300
# Outlet-voice lexicon spans per 1,000 words from which the lexicon alone speaks (see FramingFinder.find)
DEFAULT_LEXICON_GATE = 10.0


@dataclass
class TaggedSpan:
    start: int
    end: int
    technique: str
    probability: float


def span_features(tokens: list[Any], marks: dict[int, str]) -> list[str]:
    """Features of a candidate span for the technique classifier."""
    feats = {f"l={t.lemma_.lower()}" for t in tokens if not t.is_punct}
    feats |= {f"lex={marks[t.idx]}" for t in tokens if t.idx in marks}
    feats |= {f"e={t.ent_type_}" for t in tokens if t.ent_type_}
    n = len(tokens)
    feats.add("len=" + ("1" if n == 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9+"))
    feats.add(f"first={tokens[0].lemma_.lower()}")
    feats.add(f"head_pos={tokens[-1].pos_}")
    if any(t.text in ("!", "?") for t in tokens):
        feats.add("punct=!?")
    return sorted(feats)


class TechniqueClassifier:
    """Multinomial logistic regression over sparse binary features (weights from training)."""

    def __init__(
        self, classes: list[str], vocab: dict[str, int], coef: list[list[float]], intercept: list[float]
    ):
        self.classes = classes
        self.vocab = vocab
        self.coef = coef  # one row per class, one column per vocabulary entry
        self.intercept = intercept

    @classmethod
    def load(cls, path: Path) -> TechniqueClassifier:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["classes"], data["vocab"], data["coef"], data["intercept"])

    def as_dict(self) -> dict[str, Any]:
        return {"classes": self.classes, "vocab": self.vocab, "coef": self.coef, "intercept": self.intercept}

    def predict(self, feats: list[str]) -> tuple[str, float]:
        idx = [self.vocab[f] for f in feats if f in self.vocab]
        scores = [b + sum(row[i] for i in idx) for row, b in zip(self.coef, self.intercept, strict=True)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        best = max(range(len(scores)), key=scores.__getitem__)
        return self.classes[best], exp[best] / sum(exp)


class SpanTagger:
    def __init__(
        self,
        crf_path: Path,
        techniques: TechniqueClassifier,
        threshold: float = DEFAULT_THRESHOLD,
        gate: float = DEFAULT_GATE,
        span_min: float = 0.0,
        lexicon_gate: float = DEFAULT_LEXICON_GATE,
    ):
        import pycrfsuite

        self.crf_path = crf_path
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(crf_path))
        self.techniques = techniques
        self.threshold = threshold
        self.gate = gate
        self.span_min = span_min  # a span's minimum mean token probability
        self.lexicon_gate = lexicon_gate  # lexicon spans per 1,000 words that silence the tagger

    @classmethod
    def load(
        cls,
        folder: str | Path | None = None,
        threshold: float | None = None,
        gate: float | None = None,
        lexicon_gate: float | None = None,
    ) -> SpanTagger | None:
        """The shipped (or a user's) model; None, with a warning, when it cannot be used here."""
        folder = Path(folder) if folder else MODEL_DIR
        crf, tech = folder / CRF_FILE, folder / TECHNIQUE_FILE
        if not crf.exists() or not tech.exists():
            log.warning("no framing model in %s: framing uses the lexicon only", folder)
            return None
        try:
            meta = (
                json.loads((folder / "meta.json").read_text(encoding="utf-8"))
                if (folder / "meta.json").exists()
                else {}
            )
            t = threshold if threshold is not None else float(meta.get("threshold", DEFAULT_THRESHOLD))
            g = gate if gate is not None else float(meta.get("gate", DEFAULT_GATE))
            lg = (
                lexicon_gate
                if lexicon_gate is not None
                else float(meta.get("lexicon_gate", DEFAULT_LEXICON_GATE))
            )
            return cls(crf, TechniqueClassifier.load(tech), t, g, float(meta.get("span_min", 0.0)), lg)
        except ImportError:
            log.warning("python-crfsuite is not installed: framing uses the lexicon only")
            return None

    def tag(self, doc: Any, marks: dict[int, str], quoted: list[tuple[int, int]]) -> list[TaggedSpan]:
        """Framing spans of ``doc`` with their technique and the tagger's confidence."""
        tagger = self._tagger
        sents = [s for s in doc.sents if len(s) >= 2]
        feats = [sentence_features(s, marks, quoted) for s in sents]
        marked = tokens = 0
        paths = []
        for xseq in feats:
            tagger.set(xseq)
            labels = tagger.tag()
            paths.append(labels)
            marked += sum(1 for lab in labels if lab != "O")
            tokens += len(labels)
        # a short text gives a noisy density: shrink it toward plain reporting, as if it had at
        # least GATE_MIN_TOKENS tokens (a flash of 90 words needs as many marks as one of 250)
        if not tokens or marked / max(tokens, GATE_MIN_TOKENS) < self.gate:
            return []
        out: list[TaggedSpan] = []
        for sent, xseq, labels in zip(sents, feats, paths, strict=True):
            if self.threshold >= 0.5 and all(lab == "O" for lab in labels):
                continue  # the best path marks nothing: no token can reach the threshold
            tagger.set(xseq)
            probs = [1.0 - tagger.marginal("O", i) for i in range(len(sent))]
            out.extend(self._spans(sent, probs, marks))
        return out

    def _spans(self, sent: Any, probs: list[float], marks: dict[int, str]) -> list[TaggedSpan]:
        spans: list[TaggedSpan] = []
        run: list[int] = []
        for i in range(len(sent) + 1):
            inside = i < len(sent) and probs[i] >= self.threshold
            if inside:
                run.append(i)
                continue
            if run:
                toks = [sent[j] for j in run]
                while toks and toks[-1].is_punct:  # a span ends on a word
                    toks.pop()
                while toks and toks[0].is_punct:
                    toks.pop(0)
                p = sum(probs[j] for j in run) / len(run)
                if toks and p >= self.span_min:
                    technique, _ = self.techniques.predict(span_features(toks, marks))
                    spans.append(TaggedSpan(toks[0].idx, toks[-1].idx + len(toks[-1].text), technique, p))
                run = []
        return spans
