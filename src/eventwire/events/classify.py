"""The event classifier: a calibrated probability per ACLED sub-type (and "no event") for each sentence.

The rules (``events/triggers.py`` + ``events/extract.py``) stay the candidate generators:
they find triggers, places, actors, dates and tolls. For every sentence the classifier reads
the sentence's words and what the rules proposed (``events/features.py``) and returns a
distribution over the 25 ACLED sub-types and ``NONE``. The events stage then

- relabels the rule events of a sentence with the classifier's sub-type (and its event type),
  unless the rules' own sub-type still has ``P >= keep``; the two territory sub-types are told
  apart as the codebook does, by whether actor1 is a state force (the rules' choice stays),
- vetoes them when ``P(no event) >= veto``,
- adds an event for a sentence where no trigger fired when a sub-type has ``P >= add``:
  a stand-in trigger (the sentence's root) lets the rules find its place, actors and date.

The model is a multinomial logistic regression over sparse binary features, trained by
``eventwire train events`` (``events/train.py``) and shipped as ``data/models/events/model.npz``
with its card ``MODEL_CARD.md``; the probabilities are temperature-calibrated on held-out
folds. Scoring is a few hundred row look-ups and one softmax in numpy: no second pipeline.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .features import candidate_features
from .triggers import TriggerMatch, TriggerPattern

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "events"
MODEL_FILE = "model.npz"
META_FILE = "meta.json"
NONE = "none"
# ACLED codebook: a territory change is "Government regains territory" when actor1 is a state
# force, else "Non-state actor overtakes territory"; the rules decide that from actor1.
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


@dataclass
class EventClassifier:
    """Weights ``W`` (features x classes), bias ``b``, temperature and thresholds."""

    classes: list[str]
    vocab: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    temperature: float = 1.0
    veto: float = 0.7
    add: float = 0.6
    keep: float = 1.01  # keep the rules' sub-type while its P is at least this
    event_types: dict[str, str] = field(default_factory=dict)  # sub-type -> event type
    families: dict[str, str] = field(default_factory=dict)  # sub-type -> trigger family for stand-ins
    record: list[tuple[int, int, list[str]]] | None = None  # training: collect features, decide nothing

    # -- loading ----------------------------------------------------------
    @classmethod
    def load(cls, folder: str | Path | None = None) -> EventClassifier:
        folder = Path(folder) if folder else MODEL_DIR
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        with np.load(folder / MODEL_FILE, allow_pickle=False) as z:
            names = [str(n) for n in z["vocab"]]
            weights = z["weights"].astype(np.float32)
            bias = z["bias"].astype(np.float32)
        return cls(
            classes=list(meta["classes"]),
            vocab={n: i for i, n in enumerate(names)},
            weights=weights,
            bias=bias,
            temperature=float(meta["temperature"]),
            veto=float(meta["veto"]),
            add=float(meta["add"]),
            keep=float(meta.get("keep", 1.01)),
            event_types=dict(meta["event_types"]),
            families=dict(meta["families"]),
        )

    # -- scoring ----------------------------------------------------------
    def probabilities(self, features: list[str]) -> dict[str, float]:
        idx = sorted({self.vocab[f] for f in features if f in self.vocab})
        logits = self.bias + (self.weights[idx].sum(axis=0) if idx else 0.0)
        z = logits / self.temperature
        z = np.exp(z - z.max())
        p = z / z.sum()
        return dict(zip(self.classes, p.tolist(), strict=True))

    def best_event(self, probs: dict[str, float]) -> tuple[str, float]:
        sub = max((c for c in self.classes if c != NONE), key=probs.__getitem__)
        return sub, probs[sub]

    # -- the hook used by EventExtractor ----------------------------------
    def judge(
        self, sent: Any, matches: list[TriggerMatch], actors: list[Any], known: Iterable[Any] = ()
    ) -> Verdict:
        """Before the rules build events: a stand-in match for a trigger-less event sentence.

        ``actors`` are those named in the sentence, ``known`` all of the article's (their kinds
        describe the rules' actor1/actor2 when those come from elsewhere in the article)."""
        kinds = {a.name: a.actor_type for a in known}
        kinds.update({a.name: a.actor_type for a in actors})
        verdict = Verdict(self, sent, matches, [a.actor_type for a in actors], kinds)
        if matches:
            return verdict
        feats = candidate_features(sent, actor_kinds=verdict.actor_kinds, state="norule")
        if self.record is not None:
            self.record.append((sent.start_char, sent.end_char, feats))
            return verdict
        probs = self.probabilities(feats)
        sub, p = self.best_event(probs)
        if p >= self.add:
            verdict.probs, verdict.added = probs, True
            fam = self.families.get(sub, "clash")
            pattern = TriggerPattern(
                fam, ((frozenset(), False),), self.event_types.get(sub, ""), sub, None, -1
            )
            verdict.matches = [TriggerMatch(pattern, (sent.root.i,))]
        return verdict


@dataclass
class Verdict:
    """The classifier's reading of one sentence; ``apply`` rewrites the rules' events."""

    model: EventClassifier
    sent: Any
    matches: list[TriggerMatch]
    actor_kinds: list[str]
    kinds: dict[str, str] = field(default_factory=dict)  # actor name -> actor type
    probs: dict[str, float] | None = None
    added: bool = False

    def apply(self, events: list[Any]) -> list[Any]:
        model = self.model
        if self.added:
            sub, p = model.best_event(self.probs or {})
            return [_relabel(e, sub, model.event_types.get(sub, e.event_type), p) for e in events]
        if not self.matches:
            return events
        feats = candidate_features(
            self.sent,
            families=[m.pattern.family for m in self.matches],
            proposals=[e.sub_event_type for e in events if e.sub_event_type]
            or [m.pattern.sub_event_type for m in self.matches],
            trigger_lemmas=[self.sent.doc[m.head].lemma_ for m in self.matches],
            actor_kinds=self.actor_kinds,
            roles=[
                (role, self.kinds.get(name or "", "unknown"))
                for e in events
                for role, name in (("a1", e.actor1), ("a2", e.actor2))
            ],
            state="rule" if events else "dropped",
        )
        if model.record is not None:
            model.record.append((self.sent.start_char, self.sent.end_char, feats))
            return events
        if not events:
            return events
        probs = model.probabilities(feats)
        if probs[NONE] >= model.veto:
            log.debug("classifier vetoed %d event(s): %s", len(events), self.sent.text[:80])
            return []
        sub, p = model.best_event(probs)
        rule_subs = {e.sub_event_type for e in events}
        if len(rule_subs) == 1:
            rule_sub = next(iter(rule_subs)) or ""
            if sub in TERRITORY and rule_sub in TERRITORY:
                sub, p = rule_sub, sum(probs.get(t, 0.0) for t in TERRITORY)
            elif probs.get(rule_sub, 0.0) >= model.keep:
                sub, p = rule_sub, probs[rule_sub]
            return [_relabel(e, sub, model.event_types.get(sub, e.event_type), p) for e in events]
        for e in events:  # several happenings of different kinds: keep the rules' split
            e.confidence = round(probs.get(e.sub_event_type or "", 0.0), 3)
        return events


def _relabel(event: Any, sub: str, event_type: str, p: float) -> Any:
    event.sub_event_type, event.event_type, event.confidence = sub, event_type, round(p, 3)
    return event


@functools.lru_cache(maxsize=4)
def load_classifier(folder: str | None = None) -> EventClassifier | None:
    """The packaged (or given) model; None, with a warning, when its files are missing."""
    try:
        return EventClassifier.load(folder)
    except FileNotFoundError:
        log.warning("event classifier model not found in %s: rules decide event types", folder or MODEL_DIR)
        return None
