"""A small learned cue detector: which verbs, besides the listed cues, attribute a claim.

News attributes stances with an open set of verbs ("blasted the mayor for ...", "championed
the bill", "has long opposed the plan"). A logistic regression over parse features of each verb
(lemma, dependency, complements, kind of subject) scores them; a verb above the threshold
becomes a cue whose claim is its complement and whose speaker is its subject. The weights
are a plain JSON file (``data/models/claims/cues.json``) read with the standard library and
scored with a dot product; ``eventwire.claims.train`` rebuilds them (see docs/claims.md).
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, EventwireError

log = logging.getLogger(__name__)

DEFAULT_WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "models" / "claims" / "cues.json"
# Dependencies of a complement that can hold the claim.
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "prep", "advcl", "oprd", "dative", "attr", "acomp")


def subject_of(tok: Any) -> Any | None:
    """The verb's own subject, or (for a conjoined or participial verb) its head's."""
    cur = tok
    for _ in range(3):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head.pos_ in ("VERB", "AUX") and cur.head != cur:
            cur = cur.head
            continue
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return cur.head
        break
    return None


def verb_features(tok: Any, in_quote: bool) -> list[str]:
    """Sparse binary features of one verb token (strings; unknown ones simply weigh nothing)."""
    lemma = tok.lemma_.lower()
    feats = [f"l={lemma}", f"d={tok.dep_}", f"t={tok.tag_}", f"l={lemma}|d={tok.dep_}"]
    deps = set()
    for c in tok.children:
        deps.add(c.dep_)
        if c.dep_ == "prep":
            feats.append(f"p={c.lower_}")
            feats.append(f"l={lemma}|p={c.lower_}")
        if c.dep_ == "prt":
            feats.append(f"l={lemma}|prt={c.lower_}")
        if c.dep_ in ("dobj", "xcomp"):
            # what is made, released or wanted tells a stance from an act ("made the case" / "made a trip")
            feats.append(f"o={c.lemma_.lower()}")
            feats.append(f"l={lemma}|o={c.lemma_.lower()}")
            if c.ent_type_:
                feats.append(f"oe={c.ent_type_}")
        if c.dep_ == "neg":
            feats.append("n=neg")
    for d in sorted(deps):
        feats.append(f"c={d}")
        if d in ("ccomp", "xcomp", "dobj"):
            feats.append(f"l={lemma}|c={d}")
    subj = subject_of(tok)
    if subj is None:
        feats.append("s=none")
    else:
        if subj.pos_ == "PRON":
            feats.append(f"s=pron:{subj.lower_}")
        elif subj.ent_type_:
            feats.append(f"s=ent:{subj.ent_type_}")
        else:
            feats.append(f"s={subj.pos_}")
        feats.append(f"sl={subj.lemma_.lower()}")
    if tok.dep_ in ("xcomp", "ccomp", "advcl", "conj"):
        feats.append(f"h={tok.head.lemma_.lower()}")
    if in_quote:
        feats.append("q=1")
    return feats


@dataclass
class CueModel:
    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    about: dict[str, Any] = field(default_factory=dict)
    # lemmas seen as a cue in training (None: every lemma with a weight of its own, as older files)
    cue_lemmas: frozenset[str] | None = None

    @classmethod
    def load(cls, path: str | Path | None = None) -> CueModel | None:
        p = Path(path or DEFAULT_WEIGHTS)
        if not p.exists():
            log.info("claims: no learned cue weights at %s; rules only", p)
            return None
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            lemmas = data.get("cue_lemmas")
            return cls(
                weights={str(k): float(v) for k, v in data["weights"].items()},
                bias=float(data["bias"]),
                threshold=float(data.get("threshold", 0.5)),
                about=dict(data.get("about", {})),
                cue_lemmas=frozenset(str(x) for x in lemmas) if lemmas is not None else None,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise EventwireError(Errors.E120.format(path=p, detail=f"{type(exc).__name__}: {exc}")) from exc

    def score(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def __post_init__(self) -> None:
        if self.cue_lemmas is None:
            self.cue_lemmas = frozenset(k[2:] for k in self.weights if k.startswith("l=") and "|" not in k)

    def knows(self, tok: Any) -> bool:
        """Whether the verb's lemma was seen as a cue in training."""
        return tok.lemma_.lower() in self.cue_lemmas  # type: ignore[operator]

    def cue_score(self, tok: Any, in_quote: bool) -> float:
        return self.score(verb_features(tok, in_quote))

    def clears(self, tok: Any, score: float, threshold: float, unseen: float | None = None) -> bool:
        """Whether a verb's ``score`` makes it a cue at ``threshold``. A lemma never seen as a cue in
        training ("quipped" when only "joked" was) is scored on its other features (subject,
        complements, the lemma's own weight if it was seen as a plain verb) and needs ``unseen``
        as well; without it, it never fires."""
        if not self.knows(tok):
            if unseen is None:
                return False
            threshold = max(threshold, unseen)
        return score >= threshold

    def is_cue(
        self, tok: Any, in_quote: bool, threshold: float | None = None, unseen: float | None = None
    ) -> bool:
        need = self.threshold if threshold is None else threshold
        return self.clears(tok, self.cue_score(tok, in_quote), need, unseen)
