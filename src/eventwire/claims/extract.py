"""Finding claims in a parsed article: who says so, through whom, and what exactly they claim.

Rules work on the shared spaCy dependency parse:

* a speech/cognition verb (``said``, ``told``, ``denied``, ...) with a subject is a cue; its
  that-clause (``ccomp``), its object, or — for parenthetical attributions ("..., officials
  said.") — the rest of the sentence is the claim;
* "according to X" makes X the speaker of the rest of the sentence, or the relaying outlet
  (``via``) when the sentence already names a speaker;
* "told <outlet>", "in a statement to <outlet>", "on Twitter", "..., SANA reported" give ``via``;
* pronouns and definite anaphors ("He said", "The source also noted") continue the previous
  claim and inherit its organisation, ``via`` and anonymity;
* quotations split over several sentences are kept whole.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Actor, Attribution
from .quotes import quote_regions, region_at
from .resources import MEDIA_HEADS, ClaimResources

log = logging.getLogger(__name__)

# Subjects that point back to an earlier speaker rather than naming one.
PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
ANAPHOR_HEADS = frozenset(
    {"source", "sources", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "group",
     "party", "movement", "organisation", "organization", "observatory", "monitor", "agency", "ministry",
     "army", "military", "government", "statement", "report", "office", "command", "commander"}
)
# Entity labels that name a speaker who can be a body ("the United Nations said").
BODY_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
# Nouns whose plain object makes "put"/"estimate" an attribution ("put the death toll at 30").
FIGURE_NOUNS = frozenset({"toll", "number", "figure", "tally", "count", "total"})
# Acronym definitions: "Syrian Observatory for Human Rights (SOHR)".
ACRONYM_RE = re.compile(
    r"((?:[A-Z][\w'’.\-]*|of|for|the|and|on|in|al|el|de|du|des|la)"
    r"(?:\s+(?:[A-Z][\w'’.\-]*|of|for|the|and|on|in|al|el|de|du|des|la))*)\s+\(([A-Z][A-Za-z]{1,9})\)"
)
# How far back (in sentences) a pronoun may point to an earlier speaker.
ANAPHOR_WINDOW = 4


@dataclass
class _Claim:
    att: Attribution
    cue_i: int  # token index of the cue
    sent_i: int
    speaker_tokens: tuple[int, int] | None  # token span of the speaker as written


def acronym_map(text: str) -> dict[str, str]:
    """Acronym -> full name from "Full Name (ACR)" definitions in the text."""
    found: dict[str, str] = {}
    for m in ACRONYM_RE.finditer(text):
        full, acr = m.group(1), m.group(2)
        words = full.split()
        # Keep only the trailing words that can spell the acronym, dropping sentence openers.
        initials = [w for w in words if w[:1].isupper()]
        if len(initials) >= 2:
            while words and (not words[0][:1].isupper() or words[0] in ("The", "A")):
                words = words[1:]
            while len([w for w in words if w[:1].isupper()]) > len(acr) + 1 and words:
                words = words[1:]
            if words:
                found[acr] = " ".join(words)
    return found


def _trim(tokens: Sequence[Any]) -> list[Any]:
    """Drop determiners, punctuation and doubt markers at the edges of a noun phrase."""
    toks = list(tokens)
    edge_drop = {"the", "a", "an", "so", "-", "called", "so-called", "“", "”", '"', ",", "'", "’"}
    while toks and (toks[0].lower_ in edge_drop or toks[0].is_punct or toks[0].dep_ == "det"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in {"’s", "'s"} and False):
        toks = toks[:-1]
    return toks


def _span_text(doc: Any, toks: Sequence[Any]) -> str:
    if not toks:
        return ""
    return doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]


def _char_span(toks: Sequence[Any]) -> tuple[int, int]:
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


class ClaimFinder:
    """Finds attributions in one parsed document. Build once per article."""

    def __init__(self, res: ClaimResources):
        self.res = res

    # -- public -------------------------------------------------------------
    def find(self, doc: Any, actors: Iterable[Actor] = ()) -> list[Attribution]:
        self.doc = doc
        self.text = doc.text
        self.quotes = quote_regions(self.text)
        self.acronyms = acronym_map(self.text)
        self.actors = list(actors)
        self.sents = list(doc.sents)
        claims: list[_Claim] = []
        for si, sent in enumerate(self.sents):
            found = self._sentence_claims(sent, si, claims)
            claims.extend(found)
        return [c.att for c in claims]

    # -- per sentence ---------------------------------------------------------
    def _sentence_claims(self, sent: Any, si: int, earlier: list[_Claim]) -> list[_Claim]:
        out: list[_Claim] = []
        according = self._according_to(sent)
        for tok in sent:
            if not self._is_cue(tok):
                continue
            claim = self._claim_for_cue(tok, sent, si, earlier + out)
            if claim is not None:
                out.append(claim)
        out = self._merge_relays(out)
        if according is not None:
            src_toks, claim_toks = according
            src_text = _span_text(self.doc, src_toks)
            outlet = self.res.find_outlet(src_text) or (
                src_text if src_toks[-1].lemma_.lower() in MEDIA_HEADS else None
            )
            inner = [c for c in out if c.att.via is None]
            if inner and outlet:
                for c in inner:
                    c.att.via = outlet
            elif not out and claim_toks:
                att = self._make_attribution(src_toks, claim_toks, "according to", sent)
                out.append(_Claim(att, src_toks[0].i - 2, si, (src_toks[0].i, src_toks[-1].i + 1)))
        return out

    def _is_cue(self, tok: Any) -> bool:
        lemma = tok.lemma_.lower()
        if lemma not in self.res.verbs or tok.pos_ not in ("VERB", "AUX"):
            return False
        if tok.dep_ in ("amod", "compound", "auxpass", "aux"):
            return False
        # Passive "it was reported that" has no source; participles modifying nouns are not cues.
        if any(c.dep_ == "auxpass" for c in tok.children):
            return False
        if region_at(self.quotes, tok.idx) is not None:
            return False  # a verb inside someone's quote is their reported speech, not the outlet's cue
        return True

    def _subject(self, tok: Any) -> Any | None:
        cur = tok
        for _ in range(4):
            for c in cur.children:
                if c.dep_ in ("nsubj",) and c.i < cur.i + 40:
                    if c.lower_ in ("that", "which", "who") and cur.dep_ == "relcl":
                        return cur.head
                    return c
            if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX"):
                cur = cur.head
                continue
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head  # "sources confirming that ..."
            break
        return None

    def _claim_for_cue(self, tok: Any, sent: Any, si: int, earlier: list[_Claim]) -> _Claim | None:
        lemma = tok.lemma_.lower()
        subj = self._subject(tok)
        if subj is None or subj.lower_ in ("i", "you") or subj.dep_ == "expl":
            return None
        children = list(tok.children)
        ccomp = [c for c in children if c.dep_ in ("ccomp", "parataxis") and c.i != subj.i]
        if lemma in ("put", "estimate"):
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in FIGURE_NOUNS for c in children):
                if not ccomp:
                    return None
        if lemma == "describe" and not any(c.lower_ == "as" for c in tok.subtree):
            return None
        claim_toks: list[Any] = []
        if ccomp:
            comp = ccomp[0]
            claim_toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head.i == comp.i)]
        elif lemma in self.res.object_verbs and any(
            c.dep_ in ("dobj", "xcomp", "prep", "dative", "pcomp", "advcl", "oprd") and c.i > tok.i
            for c in children
        ):
            claim_toks = [t for t in tok.subtree if t.i >= tok.i]
        else:
            claim_toks = self._parenthetical_claim(tok, subj, sent)
        claim_toks = [t for t in claim_toks if t.i >= sent.start and t.i < sent.end]
        claim_toks = _strip_punct(claim_toks)
        if not claim_toks or len([t for t in claim_toks if not t.is_punct]) < 2:
            return None
        att = self._make_attribution(self._speaker_tokens(subj), claim_toks, tok.text, sent, cue_tok=tok)
        speaker_span = (subj.left_edge.i, subj.i + 1)
        claim = _Claim(att, tok.i, si, speaker_span)
        self._resolve_anaphor(claim, subj, earlier)
        return claim

    def _parenthetical_claim(self, tok: Any, subj: Any, sent: Any) -> list[Any]:
        """Claim of "X killed Y, officials said." / "“...,” said X": the sentence around the attribution."""
        attribution_start = min(subj.left_edge.i, tok.i)
        attribution_end = max(tok.right_edge.i, subj.right_edge.i)
        before = [t for t in sent if t.i < attribution_start]
        after = [t for t in sent if t.i > attribution_end]
        before = _strip_punct(before)
        if len(before) >= 3:
            return before
        after = _strip_punct(after)
        return after if len(after) >= 3 and tok.dep_ != "ROOT" else []

    def _according_to(self, sent: Any) -> tuple[list[Any], list[Any]] | None:
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
                return src, claim
        return None

    # -- speaker, organisation, via, anonymity ------------------------------------
    def _speaker_tokens(self, head: Any) -> list[Any]:
        """The speaker's noun phrase without appositions and relative clauses."""
        skip: set[int] = set()
        for c in head.children:
            if c.dep_ in ("appos", "relcl", "acl", "punct", "advmod", "cc", "conj") and c.i > head.i:
                skip.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.i > head.i and c.lower_ not in ("of", "for", "in", "from", "at"):
                skip.update(t.i for t in c.subtree)
        toks = [t for t in head.subtree if t.i not in skip]
        # Keep a contiguous run ending at or after the head.
        run = [t for t in toks if t.i <= head.i]
        tail = [t for t in toks if t.i > head.i]
        cont = []
        for t in tail:
            if cont and t.i != cont[-1].i + 1 or not cont and t.i != head.i + 1:
                break
            cont.append(t)
        return _trim(run + cont)

    def _make_attribution(
        self, speaker_toks: list[Any], claim_toks: list[Any], cue: str, sent: Any, cue_tok: Any = None
    ) -> Attribution:
        start, end = _char_span(claim_toks)
        start, end = self._expand_to_quote(start, end)
        speaker, organization, anonymous = self._describe_speaker(speaker_toks)
        via = self._via(cue_tok, sent) if cue_tok is not None else None
        sent_text = sent.text.lower()
        if any(p in sent_text for p in self.res.anonymity):
            anonymous = True
        if speaker_toks:
            s_start, s_end = _char_span(speaker_toks)
        else:
            s_start = s_end = None
        if via is not None and speaker is not None and self.res.find_outlet(speaker) == via and anonymous:
            # "Enab Baladi sources": the outlet relays its own unnamed sources.
            organization = None
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

    def _expand_to_quote(self, start: int, end: int) -> tuple[int, int]:
        """Keep a quotation whole when the claim starts or ends inside it."""
        for qs, qe in self.quotes:
            if qs < start < qe or qs < end < qe:
                start, end = min(start, qs), max(end, qe)
        return start, end

    def _describe_speaker(self, toks: list[Any]) -> tuple[str | None, str | None, bool]:
        if not toks:
            return None, None, False
        doc = self.doc
        head = next((t for t in toks if t.head not in toks or t.head == t), toks[-1])
        persons = [t for t in toks if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
        organization: str | None = None
        speaker = _span_text(doc, toks)
        role_prefix: list[Any] = []
        if persons and persons[-1].i == head.i:
            # "SOHR head Rami Abdel Rahman": the name is the speaker, what precedes it is role + organisation.
            first = persons[-1]
            while first.i - 1 >= toks[0].i and doc[first.i - 1].ent_type_ == "PERSON" and (
                doc[first.i - 1].pos_ == "PROPN"
            ):
                first = doc[first.i - 1]
            name = [t for t in toks if t.i >= first.i]
            role_prefix = [t for t in toks if t.i < first.i]
            speaker = _span_text(doc, name)
        org_toks = [t for t in role_prefix if t.lemma_.lower() not in self.res.roles and t.pos_ != "DET"]
        org_toks = [t for t in org_toks if t.lower_ not in ("’s", "'s")]
        if org_toks and any(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ") for t in org_toks):
            if any(t.pos_ == "PROPN" or t.text.isupper() for t in org_toks):
                organization = self._expand(_span_text(doc, org_toks))
        # Organisation from an apposition: "X, spokesman for the TPLF" / "X, al Shabaab's spokesman".
        if organization is None:
            organization = self._org_from_appos(head)
        is_body = not persons and (
            any(t.ent_type_ in BODY_LABELS for t in toks) or self.res.find_outlet(speaker) is not None
        )
        if is_body and organization is None and head.lemma_.lower() not in self.res.anon_heads:
            organization = self._expand(_strip_paren(speaker))
        anonymous = (
            not persons
            and head.lemma_.lower() in self.res.anon_heads
            and (not any(t.ent_type_ == "ORG" for t in toks) or head.lemma_.lower() == "source")
        )
        if organization is None:
            organization = self._actor_for(toks)
        speaker = self._expand(_strip_paren(speaker)) if is_body else speaker
        return speaker, organization, anonymous

    def _org_from_appos(self, head: Any) -> str | None:
        for c in head.children:
            if c.dep_ != "appos":
                continue
            for g in c.children:
                if g.dep_ == "poss":
                    toks = _trim([t for t in g.subtree if t.lower_ not in ("’s", "'s")])
                    if toks and toks[0].text[:1].isupper():
                        return self._expand(_span_text(self.doc, toks))
                if g.dep_ == "prep" and g.lower_ in ("for", "of", "at", "with"):
                    pobj = [p for p in g.children if p.dep_ == "pobj"]
                    if pobj:
                        toks = _trim(list(pobj[0].subtree))
                        if toks and any(t.pos_ == "PROPN" for t in toks):
                            return self._expand(_strip_paren(_span_text(self.doc, toks)))
        return None

    def _actor_for(self, toks: list[Any]) -> str | None:
        if not self.actors or not toks:
            return None
        start, end = _char_span(toks)
        for actor in self.actors:
            if actor.start < end and start < actor.end:
                return actor.name
        return None

    def _expand(self, text: str) -> str:
        """Acronym -> full name where the article defines it ("SOHR" -> "Syrian Observatory ...")."""
        key = text.strip()
        return self.acronyms.get(key, key)

    def _via(self, tok: Any, sent: Any) -> str | None:
        lemma = tok.lemma_.lower()
        candidates: list[Any] = []
        if lemma == "tell":
            candidates += [c for c in tok.children if c.dep_ in ("dative", "dobj", "iobj")]
        # "in a statement to X", "in an interview with X", "speaking to X", "on Twitter", "quoted by X".
        for t in tok.subtree:
            if t.dep_ == "prep" and t.lower_ in ("to", "with", "on", "by", "in") and t.i < sent.end:
                if region_at(self.quotes, t.idx) is not None:
                    continue
                if t.head.i == tok.i or t.head.head.i == tok.i or t.head.dep_ in ("pobj", "advcl"):
                    candidates += [c for c in t.children if c.dep_ == "pobj"]
        for t in sent:
            if t.dep_ == "prep" and t.head.i != tok.i and t.head.dep_ == "pobj" and t.head.head.head.i == tok.i:
                candidates += [c for c in t.children if c.dep_ == "pobj"]
        for cand in candidates:
            toks = _trim(list(cand.subtree))
            text = _span_text(self.doc, toks)
            if not text:
                continue
            if cand.text in self.res.channels and cand.text != "X":
                return self.res.channels[cand.text]
            if cand.text == "X" and cand.head.lower_ == "on":
                return "Twitter"
            outlet = self.res.find_outlet(text)
            if outlet:
                return outlet
            if cand.lemma_.lower() in MEDIA_HEADS and lemma == "tell" and cand.lemma_.lower() != "statement":
                return text
        return None

    # -- context across sentences -------------------------------------------------
    def _resolve_anaphor(self, claim: _Claim, subj: Any, earlier: list[_Claim]) -> None:
        att = claim.att
        head = subj.lower_
        is_pronoun = head in PRONOUNS and subj.pos_ == "PRON"
        det = [c.lower_ for c in subj.children if c.dep_ == "det"]
        is_definite = (
            subj.lemma_.lower() in ANAPHOR_HEADS
            and det[:1] in (["the"], ["this"], ["that"])
            and not any(c.pos_ in ("PROPN",) or c.ent_type_ for c in subj.children if c.dep_ != "det")
        )
        recent = [c for c in earlier if claim.sent_i - c.sent_i <= ANAPHOR_WINDOW]
        if is_pronoun or is_definite:
            prev = None
            if recent:
                if is_definite and subj.lemma_.lower() not in ("source", "sources"):
                    prev = next(
                        (c for c in reversed(recent) if subj.lemma_.lower() in (c.att.speaker or "").lower()), None
                    )
                    if prev is None and subj.lemma_.lower() in ("group", "party", "movement"):
                        prev = None
                else:
                    prev = recent[-1]
            if prev is not None:
                att.speaker = prev.att.speaker
                att.organization = att.organization or prev.att.organization
                att.via = att.via or prev.att.via
                att.anonymous = att.anonymous or prev.att.anonymous
                att.speaker_start, att.speaker_end = prev.att.speaker_start, prev.att.speaker_end
                return
            ent = self._preceding_body(subj)
            if ent is not None:
                att.speaker = self._expand(_strip_paren(ent.text))
                att.organization = att.organization or att.speaker
                att.speaker_start, att.speaker_end = ent.start_char, ent.end_char
                att.anonymous = False
            return
        # "Reda added": a surname that completes an earlier speaker's full name.
        if subj.pos_ == "PROPN" and att.speaker and " " not in att.speaker:
            for c in reversed(earlier):
                full = c.att.speaker or ""
                if full.split() and full.split()[-1] == att.speaker and full != att.speaker:
                    att.speaker = full
                    att.organization = att.organization or c.att.organization
                    return

    def _preceding_body(self, subj: Any) -> Any | None:
        """Nearest organisation named before ``subj`` in this or the previous two sentences."""
        start = self.sents[max(0, self._sent_index(subj) - 2)].start_char
        best = None
        for ent in self.doc.ents:
            if ent.label_ == "ORG" and start <= ent.start_char < subj.idx:
                best = ent
        return best

    def _sent_index(self, tok: Any) -> int:
        for i, s in enumerate(self.sents):
            if s.start <= tok.i < s.end:
                return i
        return 0

    def _merge_relays(self, claims: list[_Claim]) -> list[_Claim]:
        """"A source said X, SANA reported": the outer outlet relays the inner claim."""
        keep: list[_Claim] = []
        for outer in claims:
            inner = [
                c
                for c in claims
                if c is not outer and outer.att.start <= self.doc[c.cue_i].idx < outer.att.end
            ]
            outlet = self.res.find_outlet(outer.att.speaker or "") if outer.att.speaker else None
            if inner and outlet:
                for c in inner:
                    c.att.via = c.att.via or outlet
                continue
            keep.append(outer)
        return keep


def _strip_punct(toks: list[Any]) -> list[Any]:
    junk = {",", ";", ":", "-", "—", "–"}
    while toks and (toks[0].text in junk or toks[0].is_space or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and (toks[-1].text in junk or toks[-1].text == "." or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    return toks


def _strip_paren(text: str) -> str:
    """"Syrian Observatory for Human Rights (SOHR)" -> "Syrian Observatory for Human Rights"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", text).strip()
