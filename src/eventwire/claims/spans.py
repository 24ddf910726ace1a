"""Where a claim's words are: that-clauses, parentheticals, quotations around the cue, "according to"."""

from __future__ import annotations

import logging
import re
from typing import Any

from ..models import Attribution
from ..nlp.datelines import opens_paragraph, paragraph_dateline
from .quotes import region_at, region_opening_at
from .resources import ClaimResources
from .words import (
    BODY_LABELS,
    COLON_LEAD_RE,
    OCCASION_NOUNS,
    TAIL_RE,
    _char_span,
    _Claim,
    _span_text,
    _strip_punct,
    _trim,
)

log = logging.getLogger(__name__)

# ", again using a thick accent, “": an aside of a few words between commas, then a quotation.
ASIDE_RE = re.compile(r",[ \t]+([^,;:“”\"'\n]{2,60}?),[ \t]*")


class SpanMixin:
    """Part of `ClaimFinder` (see extract.py); works on its per-article state."""

    res: ClaimResources
    doc: Any
    text: str
    quotes: list[tuple[int, int]]

    def _occasion_clause(self, tok: Any) -> Any | None:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at", "on"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                occasion = pobj.lemma_.lower() in OCCASION_NOUNS
                for c in pobj.children:
                    if c.dep_ not in ("acl", "relcl", "ccomp"):
                        continue
                    if occasion and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                        return c
                    # "alleged in the suit that X earned ...": a complete clause opened by "that"
                    # (the parser took it for a relative clause of any noun)
                    subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                    if c.left_edge.lower_ == "that" and subj is not None and subj.lower_ != "that":
                        if subj.dep_ == "nsubjpass" or any(
                            g.dep_ in ("dobj", "attr", "acomp", "ccomp") and g.lower_ != "that"
                            for g in c.children
                        ):
                            return c  # ("... that the report should be published": passive, no object)
        return None

    def _quote_after(self, tok: Any, subj: Any, colon_only: bool = False) -> list[Any]:
        """The quotation (or, after a colon, the paragraph) that follows an attribution ending in
        ":" or ",": "Asked about the vote, she said:\n\n“We will win.”"."""
        after = max(tok.idx + len(tok.text), subj.right_edge.idx + len(subj.right_edge.text))
        for c in sorted(tok.children, key=lambda c: c.i):
            # "said in a statement:", "said on Monday:": the colon comes after the cue's own phrases
            own = c.dep_ in ("prep", "npadvmod", "advmod", "agent", "dative") or (
                c.dep_ == "dobj" and tok.lemma_.lower() == "tell"  # "told the crowd, “...”"
            )
            # only a phrase that runs on from the cue ("chanted “...” outside the hall" ends at the quote)
            next_to = not self.text[after : c.left_edge.idx].strip()
            if own and next_to and c.i > tok.i and c.right_edge.i < tok.i + 12:
                after = max(after, c.right_edge.idx + len(c.right_edge.text))
        m = COLON_LEAD_RE.match(self.text, after)
        if m is None or m.end() == after and m.group(0) == "":
            return []  # the cue runs on into its sentence: no lead-in, no quotation after it
        if colon_only and ":" not in m.group(0):
            return []
        begin = m.end()
        region = region_opening_at(self.quotes, begin)
        if region is None and not colon_only and (aside := self._aside_before_quote(after)) is not None:
            region = aside  # "X said, again using the accent, “...”"
        if region is None:
            if ":" not in m.group(0):
                return []
            end = self.text.find("\n", begin)
            region = (begin, len(self.text) if end < 0 else end)
        span = self.doc.char_span(region[0], region[1], alignment_mode="expand")
        words = [t for t in span if not t.is_punct] if span is not None else []
        runs_on = self.text[region[1] : region[1] + 2].strip()[:1].isalpha()
        if words and runs_on and all(t.ent_type_ == "WORK_OF_ART" for t in words):
            return []  # "said on ''Meet the Press'' on Sunday that ...": a title the sentence runs on past
        return list(span) if span is not None and len(span) >= 2 else []

    def _aside_before_quote(self, at: int) -> tuple[int, int] | None:
        """The quotation after a short aside between commas that opens with a participle, an adverb
        or a preposition (", pointing at the crowd,", ", on Monday,"), right after the cue at ``at``."""
        m = ASIDE_RE.match(self.text, at)
        if m is None:
            return None
        region = region_opening_at(self.quotes, m.end())
        span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if region is None or span is None or not len(span):
            return None
        opens = span[0].pos_ in ("ADV", "ADP") or span[0].tag_ == "VBG"
        return region if opens and not any(t.lemma_.lower() in self.res.verbs for t in span) else None

    def _fronted_quote(self, tok: Any, subj: Any) -> list[Any]:
        """The quotation that closes (with its comma) right before the cue, or before the speaker
        when the speaker comes first: "“...,” said X" / "“...,” X said"."""
        start = min(tok.idx, self._phrase_head_start(subj)) if subj.i < tok.i else tok.idx
        for qs, qe in self.quotes:
            if qe <= start and start - qe <= 3 and qe - qs > 3:
                if not self.text[qe - 2 : qe].strip("”\"'") or self.text[qe - 2] in ",?!":
                    span = self.doc.char_span(qs, qe, alignment_mode="expand")
                    return list(span) if span is not None and len(span) >= 2 else []
        return []

    def _as_put_it(self, tok: Any) -> list[Any]:
        """ "As Ana Kovac put it, “...”" / "as she put it, the harbour is our future": what follows."""
        it = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
        if it is None or not any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in tok.children):
            return []
        quoted = self._quote_after(it, it)
        if quoted:
            return quoted
        if tok.dep_ != "advcl":
            return []
        own = {t.i for t in tok.subtree}
        return [t for t in tok.head.subtree if t.i not in own and t.i > tok.i]

    def _phrase_head_start(self, subj: Any) -> int:
        """Where the speaker's phrase starts, ignoring a quote the parser hung on it."""
        first = subj
        for c in subj.children:
            if c.i < subj.i and c.dep_ in ("compound", "det", "amod", "poss", "nmod"):
                first = min(first, c.left_edge, key=lambda t: t.i)
        return first.idx

    def _quote_before(self, sent: Any, subj: Any) -> list[Any]:
        limit = subj.left_edge.idx
        if any(c.dep_ in ("ccomp", "parataxis") and c.i < subj.i for c in subj.children):
            limit = subj.idx  # the quote hangs on the speaker's name: it ends before the name
        for qs, qe in reversed(self.quotes):
            if qe <= limit and (limit - qe <= 3 or sent.start_char <= qe) and qe >= sent.start_char - 3:
                span = self.doc.char_span(qs, qe, alignment_mode="expand")
                return list(span) if span is not None else []
        return []

    def _inverted_aside(self, tok: Any, sent: Any) -> tuple[Any, list[Any]] | None:
        """ "The new levy, said Ivo Marek, a tax lawyer, will hit small firms": a speech verb between
        commas with its speaker after it, splitting a claim whose subject comes first and whose verb
        comes last. The parser makes the fronted subject the cue's and the speaker the clause's (or a
        second subject of the cue). Returns (speaker head, claim tokens)."""
        lemma = tok.lemma_.lower()
        if lemma not in self.res.verbs or lemma in self.res.verb_kinds or tok.i < 2:
            return None
        if self.doc[tok.i - 1].text != "," or tok.i + 1 >= sent.end:
            return None
        front = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if front is None or front.pos_ == "PRON" or region_at(self.quotes, front.idx) is not None:
            return None
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
        speaker = next(
            (
                t
                for t in self.doc[tok.i + 1 : min(tok.i + 6, sent.end)]
                if t.dep_ == "nsubj"
                and t.left_edge.i == tok.i + 1
                and t.head.i in {tok.i, *(c.i for c in clauses)}
                and t.pos_ in ("PROPN", "NOUN")
            ),
            None,
        )
        if speaker is None or not clauses or clauses[0].i <= speaker.i:
            return None
        aside_end = max(t.i for t in speaker.subtree)
        if "," not in (self.doc[aside_end].text, self.doc[aside_end + 1].text) or aside_end - tok.i > 15:
            return None  # no closing comma ("X, for example, said the visit — ... — would ..."): no aside
        last = max(t.i for t in clauses[0].subtree)
        return speaker, _strip_punct(list(self.doc[front.left_edge.i : last + 1]))

    def _parenthetical_claim(self, tok: Any, subj: Any, sent: Any) -> list[Any]:
        """Claim of "X killed Y, officials said." / "“...,” said X": the sentence around the attribution."""
        attribution_start = min(subj.left_edge.i, tok.i)
        attribution_end = max(tok.right_edge.i, subj.right_edge.i)
        # "Since May, X said ..." / "As the crowd gathered, they chanted ...": the cue's own
        # fronted time phrase or clause sets the occasion and is not what was said
        own = {
            t.i
            for c in tok.children
            if c.i < attribution_start and c.dep_ in ("advcl", "prep", "npadvmod", "advmod")
            for t in c.subtree
        }
        before = [t for t in sent if t.i < attribution_start and t.i not in own]
        after = [t for t in sent if t.i > attribution_end]
        if tok.dep_ == "ccomp" and tok.head.i > attribution_end:
            after = []  # "X did not object, an aide said": what follows is the clause's own attribution
        before = _strip_punct(before)
        after = _strip_punct(after)
        if tok.dep_ == "parataxis" and before and len(after) >= 2 and tok.head.i > attribution_end:
            # "The harbour, she said, will reopen": the attribution splits the claim
            return before + after
        if len(before) >= 3:
            return before
        # "..., they chanted, “No more!”": a quotation right after the cue is its claim
        quoted = bool(after) and after[0].is_quote
        return after if len(after) >= 3 and (tok.dep_ != "ROOT" or quoted) else []

    def _quoted_as_saying(self, tok: Any) -> tuple[Any, Any, Any | None] | None:
        """ "X was quoted as saying by Y that ...": (speaker X, the "saying" verb, outlet Y or None)."""
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is None:
            return None
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                saying = next((c for c in prep.children if c.lemma_.lower() == "say"), None)
                if saying is None:
                    continue
                outlet = None
                for p in [*saying.children, *tok.children]:
                    if p.dep_ in ("prep", "agent") and p.lower_ == "by":
                        outlet = next((g for g in p.children if g.dep_ == "pobj"), None)
                return subj, saying, outlet
        return None

    def _quoted_claim(self, tok: Any, sent: Any, si: int) -> _Claim | None:
        subj, saying, outlet = self._quoted_as_saying(tok)  # type: ignore[misc]
        comp = next((c for c in saying.children if c.dep_ in ("ccomp", "parataxis")), None)
        if comp is not None:
            claim_toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head.i == comp.i)]
        else:
            claim_toks = self._quote_before(sent, subj) or self._parenthetical_claim(tok, subj, sent)
        claim_toks = _strip_punct([t for t in claim_toks if sent.start <= t.i < sent.end])
        if len(claim_toks) < 2:
            return None
        speaker_toks = self._speaker_tokens(subj)
        att = self._make_attribution(speaker_toks, claim_toks, tok.text, sent)
        if outlet is not None:
            text = _span_text(self.doc, _trim(list(outlet.subtree)))
            att.via = self.res.find_outlet(text) or text
        claim = _Claim(att, tok.i, si, (subj.left_edge.i, subj.i + 1))
        claim.role, claim.person = self._role_and_person(speaker_toks)
        return claim

    def _according_to(self, sent: Any) -> tuple[list[Any], list[Any], Any] | None:
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < sent.end and self.doc[tok.i + 1].lower_ == "to":
                to = self.doc[tok.i + 1]
                pobj = [c for c in to.children if c.dep_ == "pobj"]
                if not pobj:
                    continue
                src = self._speaker_tokens(pobj[0])
                phrase_start, phrase_end = tok.i, pobj[0].right_edge.i
                claim = [t for t in sent if t.i < phrase_start or t.i > phrase_end]
                claim = _strip_punct(claim)
                return src, claim, pobj[0]
        return None

    def _make_attribution(
        self, speaker_toks: list[Any], claim_toks: list[Any], cue: str, sent: Any, cue_tok: Any = None
    ) -> Attribution:
        start, end = _char_span(claim_toks)
        start, end = self._expand_to_quote(start, end)
        anchor = cue_tok.idx if cue_tok is not None else (speaker_toks[0].idx if speaker_toks else None)
        start, end = self._clip_to_paragraph(start, end, anchor)
        found = paragraph_dateline(self.text, start) if opens_paragraph(self.text, start) else None
        if found and found[1] <= end and end - found[1] > 20:
            start = found[1]
        speaker, organization, anonymous = self._describe_speaker(speaker_toks)
        via = self._via(cue_tok, sent) if cue_tok is not None else None
        sent_text = sent.text.lower()
        if any(p in sent_text for p in self.res.anonymity):
            anonymous = True
        if speaker_toks:
            s_start, s_end = _char_span(speaker_toks)
            # Point at the name itself when the phrase also holds a role ("Army spokesman X").
            inner = self.text.find(speaker or "", s_start, s_end) if speaker else -1
            if inner >= 0:
                s_start, s_end = inner, inner + len(speaker or "")
        else:
            s_start = s_end = None
        if anonymous and speaker and via is None:
            outlet = self.res.find_outlet(_span_text(self.doc, speaker_toks))
            if outlet:
                # "Harbour News sources": the outlet relays its own unnamed sources.
                via, organization = outlet, None
        return Attribution(
            claim=self.text[start:end],
            start=start,
            end=end,
            speaker=speaker,
            organization=organization,
            via=via,
            anonymous=anonymous,
            cue=cue,
            speaker_start=s_start,
            speaker_end=s_end,
        )

    def _clip_to_paragraph(self, start: int, end: int, anchor: int | None) -> tuple[int, int]:
        """A claim never crosses a paragraph break: the parser sometimes joins a paragraph that ends
        in a closing quote or "on X." to the next one."""
        if "\n" not in self.text[start:end]:
            return start, end
        anchor = start if anchor is None else anchor
        para_start = self.text.rfind("\n", 0, anchor) + 1
        para_end = self.text.find("\n", anchor)
        para_end = len(self.text) if para_end < 0 else para_end
        new_start, new_end = max(start, para_start), min(end, para_end)
        piece = self.text[new_start:new_end] if new_start < new_end else ""
        if len(piece.split()) < 3:
            return start, end
        new_start += len(piece) - len(piece.lstrip())
        new_end -= len(piece) - len(piece.rstrip())
        return new_start, new_end

    def _expand_to_quote(self, start: int, end: int) -> tuple[int, int]:
        """Keep a quotation whole when the claim starts or ends inside it."""
        # (an opening quotation mark the parser left at the end of the sentence before is not a word)
        words_end = start + len(self.text[start:end].rstrip(" \t\n.,;:'\"“‘"))
        for qs, qe in self.quotes:
            if qs < start < qe or (qs < end < qe and qs < words_end):
                start, end = min(start, qs), max(end, qe)
            elif words_end <= qs < end < qe:
                end = start + len(self.text[start:qs].rstrip())
        return start, end

    def _tail_attribution(self, sent: Any, si: int) -> _Claim | None:
        """ "..., XNA informs." when the parser read the cue as a noun: a sentence-final
        ", <Name> <speech verb>." where the name is a known outlet or a named entity."""
        m = TAIL_RE.search(sent.text)
        if m is None or m.group(2).lower().rstrip("s").rstrip("e") not in self._verb_stems:
            return None
        name = m.group(1)
        name_start = sent.start_char + m.start(1)
        ent = self.index.ent_starting_at(name_start)
        is_entity = ent is not None and ent.label_ in BODY_LABELS | {"PERSON"}
        if self.res.find_outlet(name) is None and not is_entity:
            return None
        claim_end = sent.start_char + m.start()
        claim_text = self.text[sent.start_char : claim_end].strip()
        if len(claim_text.split()) < 3:
            return None
        start = sent.start_char + (
            len(self.text[sent.start_char : claim_end]) - len(self.text[sent.start_char : claim_end].lstrip())
        )
        outlet = self.res.find_outlet(name)
        att = Attribution(
            claim=claim_text,
            start=start,
            end=start + len(claim_text),
            speaker=name,
            organization=self._expand(name),
            cue=m.group(2),
            speaker_start=name_start,
            speaker_end=name_start + len(name),
        )
        if outlet is None:
            att.organization = self._expand(name)
        first = self.doc.char_span(name_start, name_start + len(name), alignment_mode="expand")
        return _Claim(att, first.start if first is not None else sent.start, si, None)
