"""The learned decision over rule candidates: for one sentence, a calibrated probability for each
of ACLED's 25 sub-event types and for "no event".

The trigger rules (``triggers.py``) stay the candidate generator: they fire on a verb or noun and
the extractor finds the event's place, actors, date and toll around it. Rules alone decide the
kind of event from one word family, and miss sentences whose wording no pattern lists. The
classifier reads the whole sentence: its lemmas and lemma pairs, what the rules proposed, the
named-entity labels and the kinds of actors the actors stage found there. The extractor asks it
three things (``Decision``):

- *relabel*: a one-word trigger's sub-type that the sentence does not support gives way to the
  classifier's when the classifier is confident (a phrase pattern is specific evidence and keeps
  its reading, and so does a territory rule, which decides who gained from the actors);
- *veto*: a rule candidate that happened, in a sentence the classifier reads as no event at all
  (background, analysis), is dropped when "no event" is very likely (planned and denied events
  stay, marked by their modality);
- *add*: a sentence with no trigger gets a candidate of the classifier's sub-type when it is
  confident, so the extractor can look for its place and actors as usual.

The model is a multinomial logistic regression trained by ``eventwire train events``
(``learn.py``) on the project's own training corpora, with temperature scaling fitted on
out-of-fold predictions; weights ship in ``data/models/events/`` and load with numpy only.
See ``data/models/events/MODEL_CARD.md``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .words import load_words

log = logging.getLogger(__name__)

NONE = "none"
REPORT_LEMMAS = load_words()["report_lemmas"]
MODEL_DIR = "data/models/events"
# Entity labels worth a feature (a date or a number says little about the kind of event).
_ENT_LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC")


def sentence_features(
    sent: Any, rule_subs: Iterable[tuple[str, str]] = (), actor_types: Iterable[str] = ()
) -> list[str]:
    """The feature names of one spaCy sentence span. ``rule_subs`` holds (family, sub-type) of
    the trigger matches in it; ``actor_types`` the types of the actors found in it."""
    feats: list[str] = []
    prev = "<s>"
    for tok in sent:
        if tok.is_space or tok.is_punct:
            continue
        lemma = "#num" if tok.like_num else tok.lemma_.lower()
        feats.append("w=" + lemma)
        feats.append("b=" + prev + " " + lemma)
        prev = lemma
    root = sent.root
    feats.append("root=" + root.lemma_.lower())
    if any(t.dep_ in ("nsubjpass", "auxpass") for t in sent):
        feats.append("passive")
    for family, sub in rule_subs:
        feats.append("fam=" + family)
        feats.append("rule=" + sub)
    if not rule_subs:
        feats.append("rule=none")
    for ent in sent.ents:
        if ent.label_ in _ENT_LABELS:
            feats.append("ent=" + ent.label_)
    for kind in actor_types:
        feats.append("actor=" + kind)
    return feats


@dataclass(frozen=True)
class Decision:
    sub_event_type: str | None  # the sub-type to code, None to drop the candidate
    confidence: float  # the probability of that sub-type (or of "no event" when dropped)


class EventClassifier:
    """A linear model over sentence features; ``probs`` gives one calibrated distribution."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, vocab: dict[str, int], meta: dict[str, Any]):
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.vocab = vocab
        self.labels: list[str] = list(meta["labels"])
        self.none = self.labels.index(NONE)
        self.temperature = float(meta.get("temperature", 1.0))
        t = meta.get("thresholds", {})
        self.relabel_at = float(t.get("relabel", 0.6))
        self.veto_at = float(t.get("veto", 0.9))
        self.add_at = float(t.get("add", 0.8))
        self.meta = meta

    # -- scoring ------------------------------------------------------------
    def probs(self, feats: Iterable[str]) -> np.ndarray:
        idx = [i for i in (self.vocab.get(f) for f in set(feats)) if i is not None]
        z = self.bias + (self.weights[idx].sum(axis=0) if idx else 0.0)
        z = z / self.temperature
        z = np.exp(z - z.max())
        return z / z.sum()

    def top(self, p: np.ndarray) -> tuple[str, float]:
        """The most likely sub-type (never "none") and its probability."""
        q = p.copy()
        q[self.none] = -1.0
        i = int(q.argmax())
        return self.labels[i], float(p[i])

    # -- the three questions --------------------------------------------------
    def decide(self, p: np.ndarray, rule_sub: str, proposed: Iterable[str] = ()) -> Decision:
        """A rule candidate of sub-type ``rule_sub``: keep, relabel or drop it. ``proposed`` holds
        the sub-types other rules proposed in the same sentence: when the classifier's choice is
        one of them, that rule's event exists already and this one keeps its own reading."""
        if float(p[self.none]) >= self.veto_at:
            return Decision(None, float(p[self.none]))
        best, pb = self.top(p)
        if best != rule_sub and best not in set(proposed) and pb >= self.relabel_at:
            return Decision(best, pb)
        ri = self.labels.index(rule_sub) if rule_sub in self.labels else None
        return Decision(rule_sub, float(p[ri]) if ri is not None else pb)

    def propose(self, p: np.ndarray) -> Decision | None:
        """A sentence without a trigger: a sub-type to look for, or None."""
        best, pb = self.top(p)
        return Decision(best, pb) if pb >= self.add_at else None


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, tuple[str, str]]:
    """Sub-event type -> (event type, trigger family), from ``data/acled_taxonomy.json``."""
    raw = json.loads(resources.files("eventwire").joinpath("data/acled_taxonomy.json").read_text("utf-8"))
    return {sub: (etype, family) for sub, (etype, family) in raw["sub_event_types"].items()}


def model_dir() -> Path:
    return Path(str(resources.files("eventwire").joinpath(MODEL_DIR)))


def load_classifier(path: str | Path | None = None) -> EventClassifier | None:
    """The shipped (or given) model, or None when there is none (rules alone decide)."""
    return _load(str(path) if path else str(model_dir()))


@lru_cache(maxsize=4)
def _load(folder: str) -> EventClassifier | None:
    base = Path(folder)
    if not (base / "model.npz").is_file():
        log.info("no event classifier in %s: the rules alone decide", base)
        return None
    meta = json.loads((base / "meta.json").read_text(encoding="utf-8"))
    arrays = np.load(base / "model.npz")
    vocab = {f: i for i, f in enumerate(meta["features"])}
    return EventClassifier(arrays["weights"], arrays["bias"], vocab, meta)


# -- how the extractor uses it ------------------------------------------------------
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def candidate_features(sent: Any, found: list[Any], actors: Any) -> list[str]:
    """The features of one sentence, as in training: its trigger matches ``found`` and the
    actors starting in it (``actors`` is the article's ``nlp.index.OffsetIndex`` of actors)."""
    kinds = sorted(
        {a.actor_type for a in actors.starting_between(sent.start_char, sent.end_char) if a.actor_type}
    )
    rule = [(m.pattern.family, m.pattern.sub_event_type) for m in found]
    return sentence_features(sent, rule, kinds)


def score_sentences(clf: EventClassifier, sents: list[Any], matches: list[list[Any]], actors: Any):
    """One probability vector per sentence (``actors``: the article's OffsetIndex of actors)."""
    return [clf.probs(candidate_features(s, found, actors)) for s, found in zip(sents, matches, strict=True)]


def learned_matches(sent: Any, decision: Decision, order: int) -> list[Any]:
    """A candidate for a sentence no trigger matched: the classifier's sub-type, anchored at the
    sentence's main verb, with the family whose rules find place and actors for that sub-type."""
    from .triggers import TriggerMatch, TriggerPattern

    etype, family = taxonomy()[decision.sub_event_type]
    anchor = sent.root
    if anchor.lemma_.lower() in REPORT_LEMMAS:
        # "X did Y, the army said": the event is the reported clause, the speaker no party to it
        reported = (c for c in anchor.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ == "VERB")
        anchor = next(reported, anchor)
    if anchor.pos_ not in ("VERB", "NOUN", "PROPN"):
        anchor = next((t for t in sent if t.pos_ == "VERB"), anchor)
    pattern = TriggerPattern(family, (), etype, decision.sub_event_type, None, order)
    return [TriggerMatch(pattern, (anchor.i,))]


def apply_decisions(
    clf: EventClassifier, events: list[Any], sents: list[Any], probs: list[Any], matches: list[list[Any]]
) -> list[Any]:
    """Relabel or drop rule events by their sentence's probabilities; record the confidence."""
    starts = {s.start_char: i for i, s in enumerate(sents)}
    kept = []
    for e in events:
        si = starts.get(e.start)
        if si is None:
            kept.append(e)
            continue
        p = probs[si]
        rule_sub = e.sub_event_type or ""
        d = clf.decide(p, rule_sub, (m.pattern.sub_event_type for m in matches[si]))
        if d.sub_event_type is None and not e.happened:
            d = Decision(rule_sub, float(p[clf.none]))  # planned, denied: kept as such, never vetoed
        if d.sub_event_type is None:
            log.debug("classifier drops %s (no event %.2f): %s", rule_sub, d.confidence, e.evidence[:60])
            continue
        specific = len((e.trigger or "").split()) >= 2  # a phrase pattern ("handed over ... weapons")
        if (
            d.sub_event_type != rule_sub
            and not specific
            and not (rule_sub in TERRITORY and d.sub_event_type in TERRITORY)
        ):
            e.event_type = taxonomy()[d.sub_event_type][0]
            e.sub_event_type = d.sub_event_type
        e.confidence = round(d.confidence, 3)
        kept.append(e)
    return kept
