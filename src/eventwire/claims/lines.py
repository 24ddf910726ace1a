"""Claims given to a name by a colon at the start of a line.

* a headline "Name: claim" ("Greta Holm: The Harbour Plan Will Cost Jobs", "Poll: Holm Leads"):
  the named person or body, or the poll, says the rest of the line;
* a transcript line "HOLM: We will build it." (a speaker's name in capitals) or a paragraph
  that opens with a person's or body's name and a colon: the name says the rest of the line.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..models import Attribution
from .resources import ClaimResources
from .words import GROUP_HEADS, HEADLINE_RE, LINE_LABELS, STANCE_VERBS, STATEMENT_NOUNS, _Claim

log = logging.getLogger(__name__)

# A title-case headline: capitalised words, a cue verb, the rest ("Ana Kovac Says The Pier Will Reopen").
HEADLINE_VERB_RE = re.compile(r"((?:[A-Z][\w.'’\-]*\s){1,5}?)([A-Z][a-z]+)\s+(\S[^\n]{8,})")
IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "thinks": "think"}
WORD_RE = re.compile(r"[\w.'’\-]+")
QUESTION_WORDS = frozenset({"how", "why", "what", "when", "where", "who", "whether"})
# A line that opens with a name and a colon: "HOLM: ...", "Greta Holm: ...".
LINE_RE = re.compile(r"([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}): (\S[^\n]{10,})")

# After a name: an optional party tag, a colon, space and the quotation ("Ivo Marek (D-Ore.): “...”").
COLON_QUOTE_RE = re.compile(r"(?: \([^)\n]{1,24}\))?:[ \t]*(?:\n[ \t]*){0,2}")


class LineClaimMixin:
    """Part of `ClaimFinder` (see extract.py); works on its per-article state."""

    res: ClaimResources
    doc: Any
    text: str

    def _line_claims(self) -> list[_Claim]:
        out: list[_Claim] = []
        headline = self._headline_claim()
        if headline is not None:
            out.append(headline)
        pos = self.text.find("\n")
        while pos >= 0:
            start = pos + 1
            while start < len(self.text) and self.text[start] in " \t\n":
                start += 1
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            m = LINE_RE.match(self.text, start, end)
            if m is not None:
                claim = self._colon_claim(m, transcript=True)
                if claim is not None:
                    out.append(claim)
            pos = self.text.find("\n", end) if end < len(self.text) else -1
        starts = {c.att.start for c in out}
        out.extend(c for c in self._colon_quote_claims() if c.att.start not in starts)
        return out

    def _colon_quote_claims(self) -> list[_Claim]:
        """ "More from Ana Kovac: “...”", "Rep. Ivo Marek (D-Ore.): “...”", "From her post: “...”":
        a person or body (or a statement of theirs) right before a colon says the quotation after it."""
        out: list[_Claim] = []
        opens = {qs: qe for qs, qe in self.quotes}
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG") or ent.root.head.lemma_.lower() in self.res.verbs:
                continue  # "X told Reuters: “...”" is the cue's (Reuters relays)
            m = COLON_QUOTE_RE.match(self.text, ent.end_char)
            owner = ent
            if m is None:
                # "Ana Kovac's Facebook post: “...”": the statement's owner speaks
                noun = ent[-1].head if ent[-1].dep_ == "poss" else None
                if noun is None or noun.lemma_.lower() not in STATEMENT_NOUNS:
                    continue
                m = COLON_QUOTE_RE.match(self.text, noun.idx + len(noun.text))
            if m is None or m.end() not in opens:
                continue
            claim_start, claim_end = m.end(), opens[m.end()]
            span = self.doc.char_span(claim_start, claim_end, alignment_mode="expand")
            if span is None or len(span) < 4:
                continue
            att = Attribution(
                claim=self.text[claim_start:claim_end],
                start=claim_start,
                end=claim_end,
                speaker=self._expand(owner.text),
                organization=self._expand(owner.text)
                if owner.label_ == "ORG"
                else self._actor_for(list(owner)),
                cue=":",
                speaker_start=owner.start_char,
                speaker_end=owner.end_char,
            )
            claim = _Claim(att, owner.end, self.index.sent_index(owner.start), (owner.start, owner.end))
            claim.person = owner.label_ == "PERSON"
            out.append(claim)
        return out

    def _headline_claim(self) -> _Claim | None:
        line_end = self.text.find("\n")
        line_end = len(self.text) if line_end < 0 else line_end
        m = HEADLINE_RE.match(self.text, 0, line_end)
        if not self.sents:
            return None
        if m is None:
            return self._headline_verb_claim(line_end)
        return self._colon_claim(m, transcript=False) or self._headline_verb_claim(line_end)

    def _headline_verb_claim(self, line_end: int) -> _Claim | None:
        """A title-case headline "Ana Kovac Says The Pier Will Reopen": title case defeats the parser,
        so a cue verb after a run of capitalised words is read from the text."""
        if HEADLINE_VERB_RE.match(self.text, 0, line_end) is None:
            return None
        known = set(self.res.verbs) | STANCE_VERBS
        # the name may run to five words ("France's Marine Le Pen Backs ..."): the first
        # capitalised word after it that is a cue verb ends it
        words = list(WORD_RE.finditer(self.text, 0, line_end))
        m = None
        for k, w in enumerate(words[1:6], start=1):
            verb = w.group(0).lower()
            if not w.group(0)[:1].isupper() or k + 1 >= len(words):
                break
            stems = [verb[: -len(end)] for end in ("es", "s") if verb.endswith(end)]
            lemma = IRREGULAR.get(verb) or next((v for v in stems if v in known), None)
            if lemma is not None:
                m = (words[0].start(), words[k - 1].end(), w, words[k + 1].start())
                break
        if m is None:
            return None
        name_start, name_end = m[0], m[1]
        while self.text[name_start:name_end].split(" ", 1)[0].lower() in QUESTION_WORDS:
            name_start = self.text.index(" ", name_start) + 1
        claim_start, claim_end = m[3], line_end
        claim_text = self.text[claim_start:claim_end].rstrip(" .")
        if len(claim_text) < 3:
            return None
        att = Attribution(
            claim=claim_text,
            start=claim_start,
            end=claim_start + len(claim_text),
            speaker=self._expand(self.text[name_start:name_end].strip()),
            cue=m[2].group(0),
            speaker_start=name_start,
            speaker_end=name_end,
            kind=self.res.kind_of(lemma, None),
        )
        tok = self.doc.char_span(name_start, name_end, alignment_mode="expand")
        first, last = (tok.start, tok.end) if tok is not None else (0, 0)
        claim = _Claim(att, last, 0, (first, last))
        claim.person = any(t.ent_type_ == "PERSON" for t in tok) if tok is not None else False
        return claim

    def _colon_claim(self, m: re.Match[str], transcript: bool) -> _Claim | None:
        name_start, name_end = m.span(1)
        name = m.group(1)
        if name.lower() in LINE_LABELS or len(name) < 2:
            return None  # "UPDATE: ...", "Photo: ...": a label, not a speaker
        ent = self.index.ent_starting_at(name_start)
        named = ent is not None and ent.end_char == name_end and ent.label_ in ("PERSON", "ORG")
        caps = transcript and name.isupper() and len(name) > 2  # "HOLM: ..." in a transcript
        poll = not transcript and name.split()[-1].lower() in self.res.evidence_nouns
        # A headline's "Holm: ..." or "Insiders: ...": title case hides names from the tagger, so a
        # short capitalised name that is not a place, or a group noun, is the speaker
        span = self.doc.char_span(name_start, name_end, alignment_mode="expand")
        headline = (
            not transcript
            and not name.isupper()  # "AMMAN: ..." is a dateline
            and span is not None
            and len(span) <= 3
            and not any(
                t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") or t.pos_ in ("VERB", "AUX") for t in span
            )
            and (
                all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in span)
                or span[-1].lemma_.lower().rstrip("s") in GROUP_HEADS
            )
        )
        if not (named or caps or poll or headline):
            return None
        claim_start, claim_end = m.span(2)
        claim_text = self.text[claim_start:claim_end].rstrip(" .")
        if len(claim_text.split()) < 3:
            return None
        speaker = self._expand(ent.text) if named else name
        att = Attribution(
            claim=claim_text,
            start=claim_start,
            end=claim_start + len(claim_text),
            speaker=speaker,
            organization=self._expand(ent.text) if named and ent.label_ == "ORG" else None,
            cue=":",
            speaker_start=name_start,
            speaker_end=name_end,
        )
        if named and ent.label_ != "ORG":
            att.organization = self._actor_for(list(ent))
        if poll:
            att.kind = "evidence"
        first, last = (span.start, span.end) if span is not None else (0, 0)
        claim = _Claim(att, last, self.index.sent_index(first), (first, last))
        claim.person = (named and ent.label_ == "PERSON") or caps
        return claim
