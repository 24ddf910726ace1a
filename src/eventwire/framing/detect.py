"""Finding framing spans: lexicon matches, filtered and shaped by context rules.

The lexicon says which words can carry judgment; the rules here decide whether they do in
this sentence (a proper name, a reported designation, an attributed claim, a fixed term such as
"sanctions regime") and whose voice it is (the outlet's, or a quoted speaker's).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..claims.quotes import quote_regions
from ..models import Actor, Attribution, FramingSpan
from ..nlp.matching import text_of
from ..wordsets import word_sets
from . import bounds
from .features import lexicon_marks
from .lexicon import Entry, Lexicon
from .tagger import GATE_MIN_TOKENS

log = logging.getLogger(__name__)

# Closed word classes of the rules below, from data/framing_words.tsv (its header says what each is).
_WORDS = word_sets("framing_words.tsv")
DESIGNATION_CUES = _WORDS["designation_cues"]
DESIGNATION_NEXT = _WORDS["designation_next"]
AS_CUES = DESIGNATION_CUES | _WORDS["as_cues"]
PEOPLE_NOUNS = _WORDS["people_nouns"]
LABELLING_VERBS = _WORDS["labelling_verbs"]
REGIME_RULE_WORDS = _WORDS["regime_rule_words"]
REGIME_RIGHT = _WORDS["regime_right"]
LEGAL_CONTEXT = re.compile(
    r"\b(charged|accused|convicted|trial|court|case|sentenced|prosecut\w*|convention|alleg\w*|tribunal)\b",
    re.I,
)
MERCENARY_CONTEXT = re.compile(r"\b(wagner|private military|contractors?|pmcs?|africa corps)\b", re.I)
# Entity labels that make a capitalised match a proper name ("Oromo Liberation Army").
NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PERSON", "GPE", "LOC"})
# What the noun after a dropped label becomes in neutral wording ("foreign-backed riots").
HEAD_NEUTRAL = {
    "riots": "protests",
    "riot": "protest",
    "militancy": "insurgency",
    "terrorists": "fighters",
    "terrorist": "militant",
    "terror": "militant",
}
# A quotation this long is a speaker's words even when no cue is found next to it.
QUOTE_MIN_WORDS = 4


class FramingFinder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def find(
        self,
        doc: Any,
        attributions: Iterable[Attribution] = (),
        actors: Iterable[Actor] = (),
        tagger: Any = None,
    ) -> list[FramingSpan]:
        """Lexicon spans judged by the rules below, plus (with a trained ``tagger``,
        ``framing.tagger.SpanTagger``) the spans it finds where the lexicon has none."""
        text = text_of(doc)
        self.doc, self.text = doc, text
        self.attributions = list(attributions)
        self.actors = list(actors)
        self.quotes = quote_regions(text)
        if hasattr(self, "_home"):
            del self._home
        spans: list[FramingSpan] = []
        matches = self.lexicon.matches(text)
        for start, end, entry in matches:
            span = self._judge(start, end, entry)
            if span is not None:
                spans.append(span)
        spans = self._merge(spans)
        if tagger is not None and not self._lexicon_register(spans, tagger.lexicon_gate):
            spans = self._add_tagged(spans, tagger.tag(doc, lexicon_marks(matches), self.quotes), matches)
        return spans

    def _lexicon_register(self, spans: list[FramingSpan], per_1000_words: float) -> bool:
        """Whether the lexicon's outlet-voice labels are dense enough (``SpanTagger.lexicon_gate``)
        to mark conflict reporting of the kind it was written for, where it alone speaks. A short
        text counts as ``GATE_MIN_TOKENS`` words, as for the tagger's gate: one label in a flash
        of 30 words does not make the register."""
        outlet = sum(1 for s in spans if s.voice == "outlet")
        return outlet * 1000 / max(len(self.text.split()), GATE_MIN_TOKENS) >= per_1000_words

    def _add_tagged(
        self, spans: list[FramingSpan], tagged: list[Any], matches: list[Any]
    ) -> list[FramingSpan]:
        """The tagger's spans that neither overlap a kept lexicon span nor one the rules
        rejected (a designation, a source's verdict): the rules know those cases better."""
        judged = [(s.start, s.end) for s in spans] + [(s, e) for s, e, _ in matches]
        out = list(spans)
        for t in tagged:
            if any(s < t.end and t.start < e for s, e in judged):
                continue
            out.append(
                FramingSpan(
                    text=self.text[t.start : t.end],
                    start=t.start,
                    end=t.end,
                    technique=t.technique,
                    voice=self._voice(t.start, t.end),
                    target=self._target(t.start, t.end),
                    family="model",
                )
            )
        return sorted(out, key=lambda s: (s.start, s.end))

    # -- one match -------------------------------------------------------------------
    def _judge(self, start: int, end: int, entry: Entry) -> FramingSpan | None:
        doc = self.doc
        cs = doc.char_span(start, end, alignment_mode="expand")
        if cs is None or len(cs) == 0:
            return None
        first, last = cs[0], cs[-1]
        sent = first.sent
        rules = entry.rules
        if "noname" in rules and self._in_name(first, start):
            return None
        if "designation" in rules and self._is_designation(first, last, start):
            return None
        if "unattributed" in rules and (self._in_claim(start, end) or self._labelled_by_speaker(start)):
            return None  # a source's verdict, or "what it called a massacre"
        if "noname" in rules and self._names_past_event(first):
            return None
        if "human_target" in rules and not self._targets_people(first):
            return None
        if "legal" in rules and LEGAL_CONTEXT.search(sent.text):
            return None
        if "mercenary" in rules and MERCENARY_CONTEXT.search(sent.text):
            return None
        if "islamic_state" in rules and re.match(r"[\s\"“]*(the\s+)?islamic\s+state", self.text[end:], re.I):
            return None
        neutral = entry.neutral
        target = None
        if "regime" in rules:
            shaped = self._regime(first, last, start, end)
            if shaped is None:
                return None
            start, end, neutral, target = shaped
        if "extend_name" in rules:
            start, neutral = self._extend_name(first, start, neutral)
        if "extend_head" in rules:
            end, neutral = self._extend_head(last, end, neutral, entry)
        start, end, neutral = self._grow(start, end, neutral, entry)
        # whom the label targets (non-state, state, foreign-state), for the profile
        side = entry.side if entry.side != "-" else None
        if "regime" in rules and target and target != "government" and self._is_foreign(target):
            side = "foreign-state"
        return FramingSpan(
            text=self.text[start:end],
            start=start,
            end=end,
            technique=entry.technique,
            neutral=neutral,
            voice=self._voice(start, end),
            target=self._target(start, end) or target,
            family=entry.family,
            side=side,
        )

    def _in_name(self, tok: Any, start: int) -> bool:
        if tok.ent_type_ in NAME_LABELS and tok.ent_iob_ != "O":
            return True
        # Capitalised mid-sentence: a proper name ("Martyrs' Square", "Liberation Front").
        return (
            self.text[start].isupper()
            and not tok.is_sent_start
            and self.doc[tok.i - 1].text not in ("“", '"')
        )

    def _names_past_event(self, tok: Any) -> bool:
        """ "the Srebrenica massacre", "Rwanda's 1994 genocide": the name of a historical event."""
        if tok.i == 0:
            return False
        prev = self.doc[tok.i - 1]
        if prev.like_num and len(prev.text) == 4 and prev.text[:2] in ("18", "19", "20"):
            return True
        return prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == tok.i

    def _targets_people(self, tok: Any) -> bool:
        """ "eliminated 40 terrorists" / "the commander was eliminated": a euphemism for killing only
        when the object is people ("eliminate poverty", "eliminated from the tournament" are not)."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        for obj in objects:
            if obj.lemma_.lower() in PEOPLE_NOUNS or obj.ent_type_ in ("PERSON", "NORP"):
                return True
            if obj.like_num or any(g.dep_ == "nummod" for g in obj.children):
                return obj.lemma_.lower() in PEOPLE_NOUNS or obj.like_num
        return False

    def _is_designation(self, first: Any, last: Any, start: int) -> bool:
        before = self.text[max(0, start - 14) : start].lower()
        if before.endswith(("anti-", "counter-", "anti ", "counter ")):
            return True
        window = self.doc[max(first.sent.start, first.i - 6) : first.i]
        if any(_is_cue_verb(t, DESIGNATION_CUES) for t in window):
            return True
        # "Turkey considers the Kurdish forces ... as terrorists": someone else's label, reported.
        if first.i > first.sent.start and self.doc[first.i - 1].lower_ == "as":
            if any(_is_cue_verb(t, AS_CUES) for t in self.doc[first.sent.start : first.i]):
                return True
        nxt = self.doc[last.i + 1] if last.i + 1 < len(self.doc) else None
        return nxt is not None and nxt.lower_ in DESIGNATION_NEXT

    def _in_claim(self, start: int, end: int) -> bool:
        return any(a.start <= start and end <= a.end for a in self.attributions)

    def _regime(self, first: Any, last: Any, start: int, end: int) -> tuple[int, int, str, str | None] | None:
        doc = self.doc
        i = first.i - 1
        prev = doc[i] if i >= first.sent.start else None
        if prev is not None and prev.lower_ in REGIME_RULE_WORDS:
            return None
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in ("change", "changes"):
            return None  # "regime change" is a fixed policy term
        modifier = None
        if prev is not None and prev.lower_ in ("’s", "'s") and i - 1 >= first.sent.start:
            owner = doc[i - 1]
            if owner.pos_ == "PROPN":
                modifier = owner
        elif prev is not None and (prev.ent_type_ in ("NORP", "GPE", "PERSON") or prev.pos_ == "PROPN"):
            modifier = prev
        if modifier is not None:
            start = modifier.idx
        if nxt is not None and nxt.lower_ in REGIME_RIGHT:
            end = nxt.idx + len(nxt.text)
        span_text = self.text[start:end]
        if modifier is not None:
            # "Zionist regime" -> "Israeli government": a labelled modifier takes its own neutral form.
            for entry in self.lexicon.entries:
                if entry.neutral and entry.regex is not None and entry.regex.fullmatch(modifier.text):
                    span_text = entry.neutral + self.text[modifier.idx + len(modifier.text) : end]
                    break
        neutral = re.sub(r"(?i)regime", "government", span_text)
        neutral = re.sub(r"['’]s government", " government", neutral)
        target = f"{modifier.text} government" if modifier is not None else "government"
        return start, end, neutral, target

    def _is_foreign(self, target: str) -> bool:
        """Whether "<X> regime" names a state other than the one the article is mostly about.
        Country and nationality names are compared by their first four letters (Syria/Syrian)."""
        if not hasattr(self, "_home"):
            stems = Counter(
                e.text.lower()[:4] for e in self.doc.ents if e.label_ in ("GPE", "NORP") and len(e.text) >= 4
            )
            self._home = stems.most_common(1)[0][0] if stems else None
        return self._home is not None and target.lower()[:4] != self._home

    def _extend_name(self, first: Any, start: int, neutral: str) -> tuple[int, str]:
        doc = self.doc
        i = first.i - 1
        name_start = None
        while i >= first.sent.start and (
            doc[i].pos_ == "PROPN" or (doc[i].text in ("-", "/") and i > first.sent.start)
        ):
            if doc[i].head.i != first.i and doc[i].head.i >= first.i:
                break
            name_start = i
            i -= 1
        if name_start is None or doc[name_start].text in ("-", "/"):
            return start, neutral
        name = self.text[doc[name_start].idx : start].strip()
        return doc[name_start].idx, f"{name} {neutral}".strip()

    def _grow(self, start: int, end: int, neutral: str, entry: Entry) -> tuple[int, int, str]:
        """The span grown to the label phrase (``bounds.py``)."""
        doc, text = self.doc, self.text
        cs = doc.char_span(start, end, alignment_mode="expand")
        first, last = cs[0], cs[-1]
        if "extend_from" in entry.rules and (tok := bounds.from_phrase_end(doc, last)) is not None:
            new_end = tok.idx + len(tok.text)
            neutral, end = f"{neutral}{text[end:new_end]}", new_end
        label_only = not ({"regime", "extend_head"} & entry.rules)  # not grown to a noun already
        owner = bounds.possessed(doc, last) if entry.technique == "Name_Calling,Labeling" else None
        if label_only and owner is not None:
            new_end = owner.idx + len(owner.text)
            neutral, end = f"{neutral}{text[end:new_end]}", new_end
        alias = bounds.bracketed_alias_start(doc, first) if "extend_name" in entry.rules else None
        if alias is not None:
            neutral, start = f"{text[doc[alias].idx : start]}{neutral}", doc[alias].idx
            first = doc[alias]
        # "regime" is shaped by _regime
        mod = None if "regime" in entry.rules else bounds.left_modifiers(doc, first, last)
        if mod is not None:
            words = text[mod.idx : start]
            neutral, start = (f"{words}{neutral}" if neutral else words.strip()), mod.idx
        return start, end, neutral

    def _extend_head(self, last: Any, end: int, neutral: str, entry: Entry) -> tuple[int, str]:
        head = last.head
        if head.i <= last.i or head.i - last.i > 3 or head.pos_ not in ("NOUN", "PROPN"):
            return end, neutral
        if head.sent.start != last.sent.start:
            return end, neutral
        new_end = head.idx + len(head.text)
        head_word = head.text
        base = HEAD_NEUTRAL.get(head_word.lower(), head_word)
        if entry.neutral:
            return (
                new_end,
                f"{entry.neutral} {base}" if entry.family != "terror_label" else f"militant {base}",
            )
        return new_end, base

    def _voice(self, start: int, end: int) -> str:
        for qs, qe in self.quotes:
            if qs <= start and end <= qe:
                quoted_claim = any(a.start < qe and qs < a.end for a in self.attributions)
                if quoted_claim or len(self.text[qs:qe].split()) >= QUOTE_MIN_WORDS:
                    return "quoted"
                if self._labelled_by_speaker(qs):
                    return "quoted"
        return "outlet"

    def _labelled_by_speaker(self, quote_start: int) -> bool:
        """ "the government called the attack a "massacre"": a short quote after a labelling verb
        reports the speaker's word (scare quotes), it is not the outlet's label."""
        cs = self.doc.char_span(quote_start, quote_start + 1, alignment_mode="expand")
        if cs is None:
            return False
        tok = cs[0]
        window = self.doc[max(tok.sent.start, tok.i - 6) : tok.i]
        return any(_is_cue_verb(t, LABELLING_VERBS) for t in window)

    def _target(self, start: int, end: int) -> str | None:
        for actor in self.actors:
            if actor.start < end and start < actor.end:
                return actor.name
        return None

    def _merge(self, spans: list[FramingSpan]) -> list[FramingSpan]:
        """Join spans that grew into each other ("foreign-backed" + "Takfiri" + "militants")."""
        spans.sort(key=lambda s: s.start)
        out: list[FramingSpan] = []
        for span in spans:
            gap = self.text[out[-1].end : span.start] if out else ""
            if out and span.start >= out[-1].end and re.fullmatch(r"\s+of(\s+the)?\s+", gap):
                if span.family == out[-1].family or span.technique == out[-1].technique:
                    # "gunmen of the terrorist militias" is one label.
                    prev = out[-1]
                    prev.neutral = f"{prev.neutral}{gap}{span.neutral}" if span.neutral else prev.neutral
                    prev.end = span.end
                    prev.text = self.text[prev.start : prev.end]
                    continue
            if out and span.start < out[-1].end:
                prev = out[-1]
                if span.end > prev.end:
                    prev.side = span.side  # the grown span targets whom its head targets
                    prev.end = span.end
                    prev.text = self.text[prev.start : prev.end]
                    prev.neutral = span.neutral or prev.neutral
                if prev.technique != "Name_Calling,Labeling" and span.technique == "Name_Calling,Labeling":
                    prev.technique = span.technique
                continue
            out.append(span)
        return out


def _is_cue_verb(tok: Any, cues: frozenset[str]) -> bool:
    """A reporting/labelling verb, not the "called" inside "so-called"."""
    if tok.lemma_.lower() not in cues or tok.pos_ not in ("VERB", "AUX"):
        return False
    return not (tok.i > 0 and tok.doc[tok.i - 1].text == "-")
