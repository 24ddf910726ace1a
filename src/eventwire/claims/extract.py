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
from ..nlp.datelines import opens_paragraph, paragraph_dateline
from ..nlp.index import DocIndex
from .quotes import quote_regions, region_at
from .resources import MEDIA_HEADS, ClaimResources

log = logging.getLogger(__name__)

# Subjects that point back to an earlier speaker rather than naming one.
PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
ANAPHOR_HEADS = frozenset(
    {
        "source",
        "sources",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "group",
        "party",
        "movement",
        "organisation",
        "organization",
        "observatory",
        "monitor",
        "agency",
        "ministry",
        "army",
        "military",
        "government",
        "statement",
        "report",
        "office",
        "command",
        "commander",
    }
)
# Entity labels that name a speaker who can be a body ("the United Nations said").
BODY_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
# ", SANA informs." at the end of a sentence (used when the parser misreads the cue).
TAIL_RE = re.compile(r",\s+((?:[A-Z][\w'’.\-]*\s+){0,4}[A-Z][\w'’.\-]*)\s+([a-z]+)\s*[.!]?\s*$")
# Objects that make "declare" an act rather than a claim.
DECLARED_ACTS = frozenset(
    {"ceasefire", "truce", "war", "emergency", "curfew", "independence", "mobilisation"}
)
# Definite subjects that name a body ("the party said"): resolved to the body named just before.
BODY_ANAPHORS = frozenset(
    {"group", "party", "movement", "organisation", "organization", "observatory", "monitor"}
)
# Subjects that carry someone else's statement ("a statement from his office said").
STATEMENT_NOUNS = frozenset(
    {"statement", "tweet", "post", "message", "communique", "letter", "text", "video"}
)
# Subjects that never speak: documents and deals "state" terms, they do not make claims.
NON_SPEAKERS = frozenset(
    {
        "deal",
        "agreement",
        "accord",
        "treaty",
        "law",
        "plan",
        "truce",
        "ceasefire",
        "resolution",
        "decision",
        "move",
        "step",
        "incident",
        "situation",
        "attack",
        "offensive",
    }
)
# Speaker heads that can be "he"/"she" later on.
PERSON_HEADS = frozenset(
    {
        "source",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commander",
        "officer",
        "member",
        "witness",
        "resident",
        "activist",
        "reporter",
        "correspondent",
        "president",
        "minister",
        "general",
    }
)
# Nouns whose plain object makes "put"/"estimate" an attribution ("put the death toll at 30").
FIGURE_NOUNS = frozenset({"toll", "number", "figure", "tally", "count", "total"})
# Acronym definitions: "Syrian Observatory for Human Rights (SOHR)".
ACRONYM_RE = re.compile(
    r"((?:[A-Z][\w'’.\-]*|of|for|the|and|on|in|al|el|de|du|des|la)"
    r"(?:\s+(?:[A-Z][\w'’.\-]*|of|for|the|and|on|in|al|el|de|du|des|la))*)\s+\(([A-Z][A-Za-z]{1,9})\)"
)
# How far back (in sentences) a pronoun may point to an earlier speaker.
ANAPHOR_WINDOW = 4
# Role nouns that follow a portfolio word rather than an organisation ("Defense Minister").
PORTFOLIO_ROLES = frozenset({"minister", "secretary"})
# Nouns of an occasion that carries a statement: "said in a statement that ...".
OCCASION_NOUNS = frozenset(
    {"statement", "report", "interview", "speech", "address", "briefing", "post", "message", "video"}
)


@dataclass
class _Claim:
    att: Attribution
    cue_i: int  # token index of the cue
    sent_i: int
    speaker_tokens: tuple[int, int] | None  # token span of the speaker as written
    role: str = ""  # role words written with the speaker ("president", "spokesman")
    person: bool = False  # the speaker is a person (he/she can point back to it)


def acronym_map(text: str) -> dict[str, str]:
    """Acronym -> full name from "Full Name (ACR)" definitions in the text."""
    return {acr: full for acr, (full, _pos) in acronym_defs(text).items()}


def acronym_defs(text: str) -> dict[str, tuple[str, int]]:
    """Acronym -> (full name, offset of the definition)."""
    found: dict[str, tuple[str, int]] = {}
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
            if words and acr not in found:  # the first definition is the one later mentions rely on
                found[acr] = (" ".join(words), m.start(2))
    return found


def _trim(tokens: Sequence[Any]) -> list[Any]:
    """Drop determiners, punctuation and doubt markers at the edges of a noun phrase."""
    toks = list(tokens)
    edge_drop = {"the", "a", "an", "so", "-", "called", "so-called", "“", "”", '"', ",", "'", "’"}
    while toks and (toks[0].lower_ in edge_drop or toks[0].is_punct or toks[0].dep_ == "det"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in {"’s", "'s", "`s"}):
        toks = toks[:-1]
    return toks


def _span_text(doc: Any, toks: Sequence[Any]) -> str:
    if not toks:
        return ""
    # a slice of the doc, not of ``doc.text``: spaCy rebuilds the whole text on every access
    return doc[toks[0].i : toks[-1].i + 1].text


def _char_span(toks: Sequence[Any]) -> tuple[int, int]:
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


class ClaimFinder:
    """Finds attributions in one parsed document. Build once per article."""

    def __init__(self, res: ClaimResources):
        self.res = res
        # Stems of the speech verbs, for the text fallback ("informs" -> "inform").
        self._verb_stems = {v.rstrip("e") for v in res.verbs}

    # -- public -------------------------------------------------------------
    def find(self, doc: Any, actors: Iterable[Actor] = ()) -> list[Attribution]:
        self.doc = doc
        self.index = DocIndex(doc)
        self.text = self.index.text
        self._full_names: dict[str, Any] | None = None
        self.quotes = quote_regions(self.text)
        self.acronym_defs = acronym_defs(self.text)
        self.acronyms = {a: f for a, (f, _p) in self.acronym_defs.items()}
        self.actors = list(actors)
        self.sents = self.index.sents
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
        if not out:
            tail = self._tail_attribution(sent, si)
            if tail is not None:
                out.append(tail)
        out = self._merge_relays(out)
        for c in out:
            self._apply_citing(c)
        if according is not None:
            src_toks, claim_toks, src_head = according
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
                claim = _Claim(att, src_toks[0].i - 2, si, (src_toks[0].i, src_toks[-1].i + 1))
                claim.role, claim.person = self._role_and_person(src_toks)
                # "according to the ministry" / "according to the statement" points back to a speaker.
                self._resolve_anaphor(claim, self._statement_owner(src_head), earlier)
                out.append(claim)
        return out

    def _apply_citing(self, claim: _Claim) -> None:
        """ "..., the Kenya News Agency reported, citing a military statement": the cited source is
        the speaker; an outlet (or the first speaker) that cites it becomes ``via``."""
        cue = self.doc[claim.cue_i]
        for c in cue.children:
            if c.lower_ != "citing" or c.dep_ not in ("advcl", "xcomp", "prep", "acl"):
                continue
            obj = next((g for g in c.children if g.dep_ in ("dobj", "pobj")), None)
            if obj is None:
                continue
            toks = self._speaker_tokens(self._statement_owner(obj))
            att = claim.att
            relay = att.via or self.res.find_outlet(att.speaker or "") or att.speaker
            speaker, organization, anonymous = self._describe_speaker(toks)
            if self._statement_owner(obj) is obj and obj.lemma_.lower() in STATEMENT_NOUNS:
                speaker = _span_text(self.doc, _trim(toks))
            att.speaker, att.organization, att.via = speaker, organization, relay
            att.anonymous = anonymous
            att.speaker_start, att.speaker_end = _char_span(toks) if toks else (None, None)
            return

    def _tail_attribution(self, sent: Any, si: int) -> _Claim | None:
        """ "..., SANA informs." when the parser read the cue as a noun: a sentence-final
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

    def _is_cue(self, tok: Any) -> bool:
        lemma = tok.lemma_.lower()
        if lemma not in self.res.verbs or tok.pos_ not in ("VERB", "AUX"):
            return False
        if tok.dep_ in ("amod", "compound", "auxpass", "aux"):
            return False
        if region_at(self.quotes, tok.idx) is not None:
            return False  # a verb inside someone's quote is their reported speech, not the outlet's cue
        children = list(tok.children)
        if lemma == "quote" and self._quoted_as_saying(tok) is not None:
            return True
        if any(c.dep_ == "auxpass" for c in children):
            # Passive cues count only with a named agent ("announced by SANA");
            # "it was reported" has no source.
            return any(c.dep_ == "agent" for c in children)
        if lemma == "claim" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in children
        ):
            return False  # "claiming the lives of" is a casualty idiom
        if lemma == "report" and not any(c.dep_ in ("ccomp", "dobj", "parataxis") for c in children):
            # "He reports from Hatay" is a reporter's location; "..., SANA reported." stays a cue.
            if any(c.dep_ == "prep" and c.lower_ == "from" for c in children):
                return False
        if lemma == "read" and not any(
            c.dep_ == "nsubj" and c.lemma_.lower() in STATEMENT_NOUNS for c in children
        ):
            return False
        return True

    def _subject(self, tok: Any) -> Any | None:
        cur = tok
        if tok.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in tok.children):
            # "Rashists shelled Kherson, ..., regional head Oleksandr Prokudin wrote": the parser
            # coordinated the cue with the claim's verb; the name right before the cue speaks.
            named = self._name_before(tok)
            if named is not None and named.ent_type_ == "PERSON" and named.head.i != tok.head.i:
                return named
        for _ in range(4):
            children = list(cur.children)
            nsubjs = [c for c in children if c.dep_ == "nsubj"]
            if len(nsubjs) > 1:
                # "BAMAKO, Jan 14 (Reuters) - Mali's government said": the dateline's place is not a subject.
                nsubjs = [c for c in nsubjs if not self._in_dateline(c)] or nsubjs
            for c in nsubjs + [c for c in children if c.dep_ == "agent"]:
                if c.dep_ == "nsubj":
                    if c.lower_ in ("that", "which", "who") and cur.dep_ == "relcl":
                        return cur.head
                    if any(g.lower_ == "whose" for g in c.children):
                        return None  # "whose government accused ...": the owner is out of reach
                    return c
                if c.dep_ == "agent":
                    pobj = [g for g in c.children if g.dep_ == "pobj"]
                    if pobj:
                        return pobj[0]
            if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX"):
                cur = cur.head
                continue
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                head = cur.head
                if head.lemma_.lower() in self.res.anon_heads or head.ent_type_ in ("PERSON", "ORG"):
                    return head  # "sources confirming that ..."
            break
        if tok.dep_ == "ROOT":
            return self._name_before(tok)
        return self._torn_subject(tok)

    def _in_dateline(self, tok: Any) -> bool:
        found = paragraph_dateline(self.text, tok.idx)
        return found is not None and tok.idx < found[1]

    def _torn_subject(self, tok: Any) -> Any | None:
        """ "... wrote on X.\nHamas-run authorities claimed that ...": when the parser joins two
        paragraphs, the second one's subject hangs off the first. A noun right before the cue,
        in the cue's paragraph, whose head lies in the previous paragraph, is the subject."""
        prev = self.doc[tok.i - 1] if tok.i > 0 else None
        if prev is None or prev.pos_ not in ("NOUN", "PROPN"):
            return None
        para_start = self.text.rfind("\n", 0, tok.idx) + 1
        if para_start == 0 or prev.idx < para_start or prev.head.idx >= para_start:
            return None
        return prev

    def _name_before(self, tok: Any) -> Any | None:
        """ "..., chief of the Center Yuri Yevtushenko said": the parser folded the speaker into
        the claim; take the person or organisation that ends right before the cue."""
        prev = tok.i - 1
        while prev >= 0 and self.doc[prev].pos_ in ("ADV", "AUX"):
            prev -= 1
        if prev < 0:
            return None
        t = self.doc[prev]
        if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG"):
            return t
        return None

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
        att = self._make_attribution(self._speaker_tokens(subj), claim_toks, tok.text, sent)
        if outlet is not None:
            text = _span_text(self.doc, _trim(list(outlet.subtree)))
            att.via = self.res.find_outlet(text) or text
        claim = _Claim(att, tok.i, si, (subj.left_edge.i, subj.i + 1))
        claim.role, claim.person = self._role_and_person(self._speaker_tokens(subj))
        return claim

    def _claim_for_cue(self, tok: Any, sent: Any, si: int, earlier: list[_Claim]) -> _Claim | None:
        lemma = tok.lemma_.lower()
        if lemma == "quote" and self._quoted_as_saying(tok) is not None:
            return self._quoted_claim(tok, sent, si)
        subj = self._subject(tok)
        if subj is None or subj.lower_ in ("i", "you") or subj.dep_ == "expl":
            return None
        if subj.lemma_.lower() in NON_SPEAKERS:
            return None
        children = list(tok.children)
        ccomp = [c for c in children if c.dep_ in ("ccomp", "parataxis") and c.i != subj.i]
        if subj.dep_ != "nsubj" and subj.dep_ != "pobj" and subj.i < tok.i and subj.head.i != tok.i:
            ccomp = [c for c in ccomp if c.i < subj.left_edge.i or c.i > tok.i]
        if lemma in ("put", "estimate"):
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in FIGURE_NOUNS for c in children):
                if not ccomp:
                    return None
        if lemma == "describe" and not any(c.lower_ == "as" for c in tok.subtree):
            return None
        claim_toks: list[Any] = []
        passive_subj = [c for c in children if c.dep_ == "nsubjpass"]
        if passive_subj:
            # "an agreement that was first announced by SANA": the announced thing is the claim.
            ps = passive_subj[0]
            target = tok.head if ps.lower_ in ("that", "which") and tok.dep_ == "relcl" else ps
            skip = {t.i for t in tok.subtree} if target is tok.head else set()
            claim_toks = [t for t in target.subtree if t.i not in skip]
        elif ccomp:
            comp = ccomp[0]
            claim_toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head.i == comp.i)]
        elif (occasion := self._occasion_clause(tok)) is not None:
            # "said in a statement that ...": the parser hangs the that-clause on "statement".
            claim_toks = [t for t in occasion.subtree if not (t.dep_ == "mark" and t.head.i == occasion.i)]
        elif lemma in self.res.object_verbs and any(
            c.dep_ in ("dobj", "xcomp", "prep", "dative", "pcomp", "advcl", "oprd") and c.i > tok.i
            for c in children
        ):
            if lemma == "declare" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in DECLARED_ACTS for c in children
            ):
                return None  # "declared a ceasefire" is an act (an event), "declared the town clear" a claim
            if (
                tok.dep_ == "relcl"
                and lemma in ("accuse", "deny", "blame")
                and not any(c.dep_ == "dobj" for c in children)
            ):
                return None
            claim_toks = [t for t in tok.subtree if t.i >= tok.i]
        elif tok.dep_ != "relcl" and not any(c.dep_ == "dobj" for c in children):
            claim_toks = self._parenthetical_claim(tok, subj, sent)
        claim_toks = [t for t in claim_toks if sent.start <= t.i < sent.end]
        claim_toks = _strip_punct(claim_toks)
        if not claim_toks or len([t for t in claim_toks if not t.is_punct]) < 2:
            # "“... !” the president's tweet reads.": the quote closed just before this sentence.
            claim_toks = self._quote_before(sent, subj)
            if not claim_toks:
                return None
        speaker_toks = self._speaker_tokens(self._statement_owner(subj))
        if subj.dep_ != "nsubj" and subj.dep_ != "pobj" and tok.dep_ in ("ROOT", "conj"):
            speaker_toks = self._name_tokens(subj)
        att = self._make_attribution(speaker_toks, claim_toks, tok.text, sent, cue_tok=tok)
        if subj.lemma_.lower() == "tweet" and att.via is None:
            att.via = "Twitter"
        claim = _Claim(att, tok.i, si, (subj.left_edge.i, subj.i + 1))
        claim.role, claim.person = self._role_and_person(speaker_toks)
        if subj.dep_ != "nsubj" and subj.dep_ != "pobj" and tok.dep_ in ("ROOT", "conj"):
            # The speaker was folded into the claim: cut the claim before the speaker's phrase.
            cut = self._phrase_start(subj)
            if att.start < cut.idx < att.end:
                att.end = cut.idx
                att.claim = self.text[att.start : att.end].rstrip(" ,")
                att.end = att.start + len(att.claim)
            if att.organization is None:
                att.organization = self._org_in_phrase(cut, subj)
        self._resolve_anaphor(claim, self._statement_owner(subj), earlier)
        return claim

    def _occasion_clause(self, tok: Any) -> Any | None:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at", "on"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.lemma_.lower() not in OCCASION_NOUNS:
                    continue
                for c in pobj.children:
                    if c.dep_ in ("acl", "relcl", "ccomp") and any(
                        g.dep_ == "mark" and g.lower_ == "that" for g in c.children
                    ):
                        return c
        return None

    def _quote_before(self, sent: Any, subj: Any) -> list[Any]:
        limit = subj.left_edge.idx
        for qs, qe in reversed(self.quotes):
            if qe <= limit and (limit - qe <= 3 or sent.start_char <= qe) and qe >= sent.start_char - 3:
                span = self.doc.char_span(qs, qe, alignment_mode="expand")
                return list(span) if span is not None else []
        return []

    def _statement_owner(self, subj: Any) -> Any:
        """ "a statement from his office said" / "the president's tweet reads": the owner speaks."""
        if subj.lemma_.lower() not in STATEMENT_NOUNS:
            return subj
        for c in subj.children:
            if c.dep_ == "poss":
                return c
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if pobj:
                    return pobj[0]
        return subj

    def _name_tokens(self, tok: Any) -> list[Any]:
        """The whole entity around ``tok`` (for speakers found without a subject relation)."""
        ent = self.index.ent_of(tok.i)
        toks = list(ent) if ent is not None else [tok]
        first = toks[0]
        while first.i > 0:
            left = self.doc[first.i - 1]
            if left.pos_ != "PROPN" or left.dep_ != "compound" or left.head.i != tok.i:
                break
            if left.ent_type_ not in ("", "ORG", "PERSON"):
                break  # "... in Syria Yuri Yevtushenko": a place before the name belongs to the role
            first = left
        return [t for t in self.doc[first.i : toks[-1].i + 1]]

    def _phrase_start(self, tok: Any) -> Any:
        """Start of the apposition that holds a folded-in speaker: back to the last comma."""
        i = tok.i
        while i > 0 and self.doc[i - 1].text not in (",", ";") and not self.doc[i - 1].is_sent_start:
            i -= 1
        return self.doc[i]

    def _org_in_phrase(self, start: Any, name: Any) -> str | None:
        name_start = self._name_tokens(name)[0].i
        for t in self.doc[start.i : name_start]:
            if t.lower_ not in self.res.roles:
                continue
            # "chief of the Russian Center for Reconciliation ... Yuri Yevtushenko": the role's object.
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        toks = _trim([g for g in pobj.subtree if g.i < name_start])
                        if toks and any(g.pos_ == "PROPN" for g in toks):
                            return self._expand(_strip_paren(_span_text(self.doc, toks)))
        for ent in self.index.ents_in_tokens(start.i, name_start):
            if ent.label_ == "ORG" and start.i <= ent.start and ent.end <= name_start:
                return self._expand(_strip_paren(_span_text(self.doc, _trim(list(ent)))))
        return None

    def _role_and_person(self, toks: list[Any]) -> tuple[str, bool]:
        role = " ".join(t.lower_ for t in toks if t.lemma_.lower() in self.res.roles)
        head = toks[-1] if toks else None
        named = (
            bool(toks)
            and all(t.pos_ == "PROPN" or t.text == "-" for t in toks)
            and not any(t.ent_type_ in BODY_LABELS for t in toks)
        )
        person = (
            any(t.ent_type_ == "PERSON" for t in toks)
            or named
            or (head is not None and head.lemma_.lower() in PERSON_HEADS and head.tag_ in ("NN", "NNP"))
        )
        return role, person

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

    # -- speaker, organisation, via, anonymity ------------------------------------
    def _speaker_tokens(self, head: Any) -> list[Any]:
        """The speaker's noun phrase without appositions and relative clauses."""
        skip: set[int] = set()
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and head.lemma_.lower() in MEDIA_HEADS:
                continue  # "state media outlet SANA": the name is the speaker
            if c.dep_ in ("appos", "relcl", "acl", "punct", "advmod", "cc", "conj") and c.i > head.i:
                skip.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.i > head.i and c.lower_ not in ("of", "for", "in", "from", "at"):
                skip.update(t.i for t in c.subtree)
            if c.dep_ in ("advmod", "cc", "punct") and c.i < head.i:
                skip.update(t.i for t in c.subtree)
        toks = [t for t in head.subtree if t.i not in skip]
        para_start = self.text.rfind("\n", 0, head.idx) + 1
        toks = [t for t in toks if t.idx >= para_start]  # a merged paragraph's tail is not the speaker
        # Keep a contiguous run ending at or after the head.
        run = [t for t in toks if t.i <= head.i]
        while len(run) > 1 and run[-1].i - run[-2].i > 1:
            run = run[:-2] + run[-1:]
        tail = [t for t in toks if t.i > head.i]
        cont: list[Any] = []
        for t in tail:
            if (cont and t.i != cont[-1].i + 1) or (not cont and t.i != head.i + 1):
                break
            cont.append(t)
        return _trim(run + cont)

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
                # "Enab Baladi sources": the outlet relays its own unnamed sources.
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
        body_as_person = persons and any(t.lower_ in ("'s", "’s") for t in self._entity_of(head))
        if body_as_person:
            persons = []  # "the Tigray People's Liberation Front" tagged as a person is a body
        if not persons:
            persons = self._name_after_role(toks, head)
        appos_name = self._appos_name(head) if not persons else None
        if appos_name:
            # "An army spokesman, Brigadier Nabil Abdallah, told ...": the apposition names the speaker.
            organization = self._actor_for(toks)
            return _span_text(doc, appos_name), organization, False
        organization: str | None = None
        speaker = _span_text(doc, toks)
        role_prefix: list[Any] = []
        if persons and persons[-1].i == head.i:
            # "SOHR head Rami Abdel Rahman": the name is the speaker, what precedes it is role + organisation.
            first = persons[-1]
            while first.i - 1 >= toks[0].i:
                left = doc[first.i - 1]
                if left.pos_ != "PROPN" or left.lemma_.lower() in self.res.roles or left.text.isupper():
                    break
                split_name = (
                    left.ent_type_ == "ORG"
                    and left.dep_ == "compound"
                    and left.head.i == first.i
                    and not (left.i > 0 and doc[left.i - 1].pos_ == "PROPN")
                )  # "Oleksandr Prokudin" with the first name tagged as an organisation
                if (left.ent_type_ not in ("PERSON", "") and not split_name) or left.text in self.acronyms:
                    break
                first = left
            name = [t for t in toks if t.i >= first.i]
            role_prefix = [t for t in toks if t.i < first.i]
            speaker = _span_text(doc, name)
        org_toks = [
            t
            for t in role_prefix
            if t.ent_type_ in ("ORG", "GPE", "NORP") or (t.text.isupper() and len(t.text) > 1)
        ]
        if (
            len(org_toks) == 1
            and org_toks[0].i + 1 < len(doc)
            and doc[org_toks[0].i + 1].lower_ in PORTFOLIO_ROLES
        ):
            org_toks = []  # "Defense Minister X": a portfolio, not an organisation's name
        if org_toks:
            org_toks = [t for t in org_toks if t.lower_ not in ("’s", "'s", "`s")]
            organization = self._expand(_span_text(doc, org_toks).rstrip("`'’s ").strip())
        # Organisation from an apposition: "X, spokesman for the TPLF" / "X, al Shabaab's spokesman".
        if organization is None:
            organization = self._org_from_appos(head)
        outlet = self.res.find_outlet(speaker) if not persons else None
        if outlet is None and not persons and head.lemma_.lower() in MEDIA_HEADS:
            # "state media outlet SANA": the parser may hang the name anywhere under the head.
            alias = self.res.find_outlet_alias(_span_text(doc, list(head.subtree)))
            if alias:
                outlet, speaker = self.res.find_outlet(alias), alias
        is_body = not persons and (
            any(t.ent_type_ in BODY_LABELS for t in toks) or outlet is not None or body_as_person
        )
        anonymous = (
            not persons
            and head.lemma_.lower() in self.res.anon_heads
            and (not any(t.ent_type_ == "ORG" for t in toks) or head.lemma_.lower() == "source")
        )
        if outlet and not anonymous and head.lemma_.lower() not in self.res.roles:
            # "Turkey's private Dogan news agency" -> "Dogan news agency"
            speaker = self.res.find_outlet_alias(speaker) or speaker
        if is_body and organization is None and not anonymous and head.lemma_.lower() not in self.res.roles:
            organization = self._expand(_strip_paren(speaker))
        if organization is None:
            organization = self._actor_for(toks)
        speaker = self._expand(_strip_paren(speaker)) if is_body else speaker
        return speaker, organization, anonymous

    def _entity_of(self, tok: Any) -> list[Any]:
        ent = self.index.ent_of(tok.i)
        return list(ent) if ent is not None else []

    def _appos_name(self, head: Any) -> list[Any] | None:
        if head.lemma_.lower() not in self.res.roles and head.lemma_.lower() not in self.res.anon_heads:
            return None
        for c in head.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > head.i:
                ent = [t for t in self._entity_of(c) if t.pos_ == "PROPN"]
                return ent or None
        return None

    def _name_after_role(self, toks: list[Any], head: Any) -> list[Any]:
        """ "Foreign Ministry spokesperson Leyla Abdullayeva" when the tagger missed the person:
        capitalised words after a lowercase role noun, ending at the head, are a name."""
        roles = [i for i, t in enumerate(toks) if t.lower_ in self.res.roles and t.text.islower()]
        if not roles:
            return []
        name = toks[roles[-1] + 1 :]
        if not name or head not in name or not 1 <= len(name) <= 4:
            return []
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in name):
            return []
        if self.res.find_outlet(_span_text(self.doc, name)) or any(t.ent_type_ in BODY_LABELS for t in name):
            return []
        return name

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
        claim_comp = {t.i for c in tok.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
        for t in tok.subtree:
            if t.i in claim_comp or region_at(self.quotes, t.idx) is not None:
                continue
            if t.dep_ == "prep" and t.lower_ in ("to", "with", "on", "by", "in", "via"):
                # the small parser attaches a paragraph-final "X." as dep, not pobj
                candidates += [c for c in t.children if c.dep_ in ("pobj", "dep")]
        for t in sent:
            if t.dep_ == "prep" and t.i < tok.i and t.head.i == tok.i and t.lower_ == "in":
                candidates += [c for c in t.children if c.dep_ == "pobj"]
        seen: set[int] = set()
        for cand in candidates:
            if cand.i in seen:
                continue
            seen.add(cand.i)
            toks = _trim(list(cand.subtree))
            text = _span_text(self.doc, toks)
            if not text:
                continue
            for t in toks:
                if t.text.rstrip(".") in self.res.channels and t.text.rstrip(".") != "X":
                    return self.res.channels[t.text.rstrip(".")]
                if t.text in self.res.channels and t.text != "X":
                    return self.res.channels[t.text]
                if t.lower_ in ("tweet", "tweets"):
                    return "Twitter"
            if any(
                t.text in ("X", "X.") and t.i > 0 and self.doc[t.i - 1].lower_ == "on" for t in cand.subtree
            ):
                return "Twitter"
            outlet = self.res.find_outlet(text)
            if outlet:
                return outlet
            if cand.lemma_.lower() in MEDIA_HEADS and lemma == "tell":
                return text
        return None

    # -- context across sentences -------------------------------------------------
    def _resolve_anaphor(self, claim: _Claim, subj: Any, earlier: list[_Claim]) -> None:
        att = claim.att
        lemma = subj.lemma_.lower()
        is_pronoun = subj.lower_ in PRONOUNS and subj.pos_ == "PRON"
        if subj.dep_ == "poss" and subj.pos_ == "PRON":
            return  # "his office said": keep the office as the speaker
        det = [c.lower_ for c in subj.children if c.dep_ in ("det", "poss")]
        is_definite = (
            (lemma in ANAPHOR_HEADS or lemma in self.res.roles)
            and det[:1] in (["the"], ["this"], ["that"], ["his"], ["her"], ["its"], ["their"])
            and not any(c.pos_ == "PROPN" or c.ent_type_ for c in subj.children if c.dep_ != "det")
        )
        recent = [c for c in earlier if claim.sent_i - c.sent_i <= ANAPHOR_WINDOW]
        if not is_definite and det[:1] == ["the"] and subj.pos_ == "NOUN" and not _has_name(subj):
            # "The service said" after "the Government Communication Service said": any definite
            # common noun that repeats the head of a recent speaker's name is that speaker.
            is_definite = any(
                lemma in (c.att.speaker or "").lower().split() and not c.att.anonymous for c in recent
            )
        statement_back = lemma in STATEMENT_NOUNS and det[:1] in (["the"], ["this"], ["that"])
        if statement_back and not is_pronoun:
            # "according to the statement": the statement of the last named speaker.
            prev = next((c for c in reversed(recent) if not c.att.anonymous and c.att.speaker), None)
            if prev is not None:
                att.speaker, att.organization = prev.att.speaker, att.organization or prev.att.organization
                att.via = att.via or prev.att.via
                att.speaker_start, att.speaker_end = prev.att.speaker_start, prev.att.speaker_end
            return
        if is_pronoun or is_definite:
            prev = None
            if is_pronoun:
                wants_person = subj.lower_ in ("he", "she")
                prev = next((c for c in reversed(recent) if not wants_person or c.person), None)
            elif lemma in ("source", "sources"):
                prev = next((c for c in reversed(recent) if c.att.anonymous), None)
            else:
                prev = next(
                    (
                        c
                        for c in reversed(recent)
                        if lemma in (c.att.speaker or "").lower() or lemma in c.role
                    ),
                    None,
                )
            if prev is not None:
                att.speaker = prev.att.speaker
                att.organization = att.organization or prev.att.organization
                att.via = att.via or prev.att.via
                att.anonymous = att.anonymous or prev.att.anonymous
                att.speaker_start, att.speaker_end = prev.att.speaker_start, prev.att.speaker_end
                claim.person = prev.person
                return
            if is_pronoun and subj.lower_ in ("he", "she"):
                found = self._preceding_entity(subj, ("PERSON",))
            elif is_pronoun or lemma in BODY_ANAPHORS:
                found = self._preceding_entity(subj, ("ORG",), acronyms=True)
            else:
                found = None
            if found is not None:
                text, start, end = found
                if text.lower().startswith("the "):
                    text, start = text[4:], start + 4
                att.speaker = self._expand(_strip_paren(text))
                if lemma in BODY_ANAPHORS or subj.lower_ in ("they", "it"):
                    att.organization = att.organization or att.speaker
                att.speaker_start, att.speaker_end = start, end
                att.anonymous = False
            return
        # "according to the General Staff" after "the General Staff of the Armed Forces of Ukraine".
        if subj.pos_ == "PROPN" and att.speaker and " " in att.speaker:
            for c in reversed(recent):
                full = c.att.speaker or ""
                if full.startswith(att.speaker + " ") and not c.person:
                    att.speaker, att.organization = full, att.organization or c.att.organization
                    return
        # "Reda added" / "Mao said": one part of an earlier speaker's two- or three-word name
        # (surname last in most names, family name first in Chinese and Korean ones).
        if subj.pos_ == "PROPN" and att.speaker and " " not in att.speaker:
            for c in reversed(earlier):
                full = c.att.speaker or ""
                parts = full.split()
                first_part = c.person and len(parts) == 2 and parts[0] == att.speaker
                if parts and (parts[-1] == att.speaker or first_part) and full != att.speaker:
                    att.speaker = full
                    att.organization = att.organization or c.att.organization
                    return
            ent = self._first_full_name(att.speaker)
            if ent is not None and ent.end_char <= subj.idx:
                att.speaker = ent.text
                return

    def _first_full_name(self, last_word: str) -> Any | None:
        """The first person entity of two or more words ending in ``last_word``."""
        if self._full_names is None:
            self._full_names = {}
            for ent in self.index.ents:
                if ent.label_ == "PERSON" and " " in ent.text:
                    self._full_names.setdefault(ent.text.split()[-1], ent)
        return self._full_names.get(last_word)

    def _preceding_entity(
        self, subj: Any, labels: tuple[str, ...], acronyms: bool = False
    ) -> tuple[str, int, int] | None:
        """Nearest named person/organisation before ``subj`` in this or the previous two sentences."""
        start = self.sents[max(0, self._sent_index(subj) - 2)].start_char
        best: tuple[str, int, int] | None = None
        for ent in self.index.ents_starting_between(start, subj.idx):
            if ent.label_ in labels and start <= ent.start_char < subj.idx:
                if best is None or ent.start_char > best[1]:
                    best = (ent.text, ent.start_char, ent.end_char)
        if acronyms:
            for acr, (full, pos) in self.acronym_defs.items():
                if start <= pos < subj.idx and (best is None or pos > best[1]):
                    best = (full, pos, pos + len(acr))
        return best

    def _sent_index(self, tok: Any) -> int:
        return self.index.sent_index(tok.i)

    def _merge_relays(self, claims: list[_Claim]) -> list[_Claim]:
        """Nested cues in one sentence. "A source said X, SANA reported": the outer outlet relays
        the inner claim (inner kept, outer becomes its ``via``). "The government said it was
        declaring a ceasefire": the inner cue is the same speaker's content (outer kept)."""
        drop: set[int] = set()
        for outer in claims:
            for inner in claims:
                if inner is outer or id(inner) in drop or id(outer) in drop:
                    continue
                if not (outer.att.start <= self.doc[inner.cue_i].idx < outer.att.end):
                    continue
                if inner.att.speaker == outer.att.speaker or self.doc[inner.cue_i].dep_ in ("xcomp", "acl"):
                    drop.add(id(inner))
                    continue
                if outer.cue_i < inner.cue_i:
                    continue  # "SANA reported that ..., as sources informed": two claims, not a relay
                outlet = self.res.find_outlet(outer.att.speaker or "")
                if outlet or outer.att.anonymous:
                    inner.att.via = inner.att.via or outlet
                    drop.add(id(outer))
        return [c for c in claims if id(c) not in drop]


def _has_name(tok: Any) -> bool:
    return any(c.pos_ == "PROPN" or c.ent_type_ for c in tok.children if c.dep_ != "det")


def _strip_punct(toks: list[Any]) -> list[Any]:
    junk = {",", ";", ":", "-", "—", "–"}
    while toks and (toks[0].text in junk or toks[0].is_space or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and (
        toks[-1].text in junk or toks[-1].text == "." or toks[-1].is_space or toks[-1].dep_ == "cc"
    ):
        toks = toks[:-1]
    return toks


def _strip_paren(text: str) -> str:
    """ "Syrian Observatory for Human Rights (SOHR)" -> "Syrian Observatory for Human Rights"."""
    return re.sub(r"\s*\([^)]*\)?\s*$", "", text).strip()
