"""An event's date: the date expression of its own clause, or the date the narrative runs on.

The sentence's date expressions come from ``eventwire.time.find_dates``; this module decides
which of them dates the trigger, and when the previous sentence's date carries over:

- a date inside a relative or participle clause that does not hold the trigger dates that
  clause's verb, not the trigger ("retook the town in an offensive that began on 3 May");
- with no date of its own, a sentence continues the previous sentence's date, except when
  its clause places the event before that time ("had earlier taken X", "had previously ...")
  or the previous date only opens a span ("since early March": the start of a situation, not
  the day of the next event told).

What is left undated stays undated (``None``, precision ``unknown``): the report's date is
ACLED's coding convention for such events, applied when exporting (``exports.writers``) or,
with ``config={"events": {"report_date": True}}``, on the events themselves.
"""

from __future__ import annotations

from typing import Any

from ..time import UNKNOWN, DateMention
from .syntax import in_subtree
from .words import load_words

W = load_words()

PRIOR_ADVERBS = W["prior_time_adverbs"]
SPAN_OPENERS = W["span_opening_words"]


def _token_at(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _in_other_clause(tok: Any, trig: Any) -> bool:
    """Whether ``tok`` lies in a relative clause ("which ...", "that ...") not holding the trigger.
    Participle clauses are left alone: the parser often hangs a sentence-final date on them."""
    for anc in [tok, *tok.ancestors]:
        if anc.i == trig.i:
            return False
        if (
            anc.dep_ == "relcl"
            and anc.pos_ in ("VERB", "AUX")
            and any(c.tag_ in ("WDT", "WP") for c in anc.children)
            and not in_subtree(trig, anc)
        ):
            return True
    return False


def _placed_before(trig: Any) -> bool:
    """ "had earlier seized", "had previously taken": the clause says the event came before the
    time the narrative has reached. (The pluperfect alone does not: after "said" it is mostly
    the reported present perfect, "X said the towns had been retaken".)"""
    verb = trig
    for _ in range(4):  # a noun trigger's verb, and the verbs an infinitive or gerund hangs on
        if verb.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "advmod" and c.lower_ in PRIOR_ADVERBS for c in verb.children):
                return True
            if verb.dep_ not in ("xcomp",):
                break
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return False


def _opens_span(d: DateMention) -> bool:
    first = d.text.split(" ", 1)[0].lower()
    return first in SPAN_OPENERS


def own_dates(doc: Any, trig: Any, dates: list[DateMention]) -> list[DateMention]:
    """The sentence's resolved dates that may date ``trig``."""
    usable = [d for d in dates if d.date]
    if not usable:
        return []
    out = []
    for d in usable:
        tok = _token_at(doc, d.start, d.end)
        if tok is None:
            out.append(d)
            continue
        if _in_other_clause(tok, trig):
            continue
        out.append(d)
    return out


def event_date(
    doc: Any, trig: Any, dates: list[DateMention], prev_dates: list[DateMention], carry: bool
) -> tuple[str | None, str]:
    """(date, precision) for the event of ``trig``: its own clause's nearest date, else the date
    the narrative runs on (``prev_dates``: the previous sentence's, when ``carry``), else none."""
    own = own_dates(doc, trig, dates)
    if own:
        best = min(own, key=lambda d: abs(d.start - trig.idx))
        return best.date, best.precision
    if any(d.date for d in dates):
        return None, UNKNOWN  # the sentence dates something else: nothing to carry over
    if carry and not _placed_before(trig):
        prev = [d for d in prev_dates if d.date]
        if prev and not _opens_span(prev[-1]):
            return prev[-1].date, prev[-1].precision
    return None, UNKNOWN
