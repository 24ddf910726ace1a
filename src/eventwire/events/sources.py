"""Who an event is reported by (``Event.reported_by``): the claim around the trigger when the
claims stage ran, else the subject of a reporting verb or "according to X" in the sentence."""

from __future__ import annotations

from typing import Any

from ..claims import claim_at, source_label
from ..models import Attribution
from .words import load_words

W = load_words()


def find_source(
    doc: Any, trig: Any, reporter: Any, attributions: list[Attribution], sent: Any,
    near: list[Attribution] | None = None,
) -> tuple[str | None, bool]:  # fmt: skip
    """(source label, whether the event is attributed) for the event of ``trig``."""
    # The claims stage knows who says what: an event whose trigger lies in a claim is that
    # source's report. The trigger, not the whole sentence, decides ("X said on Monday that
    # ..." attributes the clause, not the speech act).
    # ``near``: the claims that overlap the sentence, when the caller has them (same answer, less work)
    att = claim_at(attributions if near is None else near, trig.idx, trig.idx + len(trig.text))
    if att is not None:
        return source_label(att), True
    if attributions:
        # The claims stage ran and put the trigger in no claim: the outlet's own voice.
        return None, False
    if reporter is not None:
        subj = next((t for t in reporter.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ not in W["pronoun_subjects"]:
            text = doc[subj.left_edge.i : subj.right_edge.i + 1].text
            return _strip_det(text), True
        return None, True
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((t for t in doc[tok.i + 1].children if t.dep_ == "pobj"), None)
            if obj is not None:
                return _strip_det(doc[obj.left_edge.i : obj.right_edge.i + 1].text), True
    return None, False


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det) :]
    return text
