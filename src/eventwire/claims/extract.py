"""Finding claims in a parsed article: who says so, through whom, and what exactly they claim.

Rules work on the shared spaCy dependency parse:

* a speech/cognition verb (``said``, ``told``, ``denied``, ...) with a subject is a cue; its
  that-clause (``ccomp``), its object, or — for parenthetical attributions ("..., officials
  said.") — the rest of the sentence is the claim;
* "according to X" makes X the speaker of the rest of the sentence, or the relaying outlet
  (``via``) when the sentence already names a speaker;
* "told <outlet>", "in a statement to <outlet>", "on Twitter", "..., XNA reported" give ``via``;
* pronouns and definite anaphors ("He said", "The source also noted") continue the previous
  claim and inherit its organisation, ``via`` and anonymity;
* quotations split over several sentences are kept whole.

The finder is split by concern: `subjects`, `spans`, `speakers`, `context` (mixins).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from ..models import Actor, Attribution
from ..nlp.index import DocIndex
from .complements import ComplementMixin
from .context import ContextMixin
from .cues import CueRulesMixin
from .gates import NOT_TOPICS, VerbGateMixin
from .learned import CueModel
from .lines import LineClaimMixin
from .nesting import distinct, link_nested, reported_statements_only
from .nouns import NounCueMixin
from .quotes import quote_regions, region_at
from .resources import MEDIA_HEADS, ClaimResources
from .spans import SpanMixin
from .speakers import SpeakerMixin
from .subjects import SubjectMixin
from .words import (
    DECLARED_ACTS,
    FIGURE_NOUNS,
    NON_SPEAKERS,
    _Claim,
    _span_text,
    _strip_punct,
    _that,
    acronym_defs,
    acronym_map,
)

__all__ = ["ClaimFinder", "acronym_defs", "acronym_map"]

log = logging.getLogger(__name__)

# Pronouns that stand for a thing or an event ("That prompted ...", "a taboo that says ..."; not
# "those who said"): a speaker left unresolved as one of them is no source.
THING_PRONOUNS = frozenset({"that", "which", "what"})


class ClaimFinder(
    SubjectMixin,
    ComplementMixin,
    SpanMixin,
    SpeakerMixin,
    ContextMixin,
    NounCueMixin,
    LineClaimMixin,
    CueRulesMixin,
    VerbGateMixin,
):
    """Finds attributions in one parsed document. Build once per article."""

    def __init__(self, res: ClaimResources, cue_model: CueModel | None = None):
        self.res = res
        self.cue_model = cue_model  # learned cues beyond the listed verbs (None: rules only)
        # Stems of the speech verbs, for the text fallback ("informs" -> "inform").
        self._verb_stems = {v.rstrip("e") for v in res.verbs}

    # -- public -------------------------------------------------------------
    def find(self, doc: Any, actors: Iterable[Actor] = ()) -> list[Attribution]:
        self.doc = doc
        self.index = DocIndex(doc)
        self.text = self.index.text
        self._full_names: dict[str, Any] | None = None
        self._titles: dict[str, set[bool]] | None = None
        self.quotes = quote_regions(self.text)
        self.acronym_defs = acronym_defs(self.text)
        self.acronyms = {a: f for a, (f, _p) in self.acronym_defs.items()}
        self.actors = list(actors)
        self.sents = self.index.sents
        claims: list[_Claim] = []
        lines = self._line_claims()  # "Name: claim" headlines and transcript lines
        claims.extend(lines)
        spans = [(c.att.speaker_start or c.att.start, c.att.end) for c in lines]
        for si, sent in enumerate(self.sents):
            if any(s <= sent.start_char < e for s, e in spans):
                continue
            found = self._sentence_claims(sent, si, claims)
            claims.extend(found)
        atts = distinct([c.att for c in claims if (c.att.speaker or "").lower() not in THING_PRONOUNS])
        link_nested(atts)
        atts = reported_statements_only(atts)
        link_nested(atts)
        return atts

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
        if self.cue_model is not None:
            out.extend(self._learned_claims(sent, si, earlier, out))
        out.extend(self._framed_quote_claims(sent, si, earlier, out))
        out.extend(self._noun_claims(sent, si, earlier, out))
        out.extend(self._adjective_claims(sent, si, earlier, out))
        out.extend(self._held_view_claims(sent, si, earlier, out))
        out.extend(self._stance_role_claims(sent, si, earlier, out))
        out.extend(self._survey_claims(sent, si, out))
        if not out:
            tail = self._tail_attribution(sent, si)
            if tail is not None:
                out.append(tail)
        if according is not None:
            # "According to X, ..., adding that ...": the participle continues X's claim.
            out = [c for c in out if not self._participial(self.doc[c.cue_i])]
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
            elif claim_toks and not (out and outlet) and src_head.lower_ not in ("which", "whom", "who"):
                # "X said ..., according to the report": the report's claim holds X's (nested)
                att = self._make_attribution(src_toks, claim_toks, "according to", sent)
                att.kind = self.res.kind_of("say", src_head.lemma_.lower())
                claim = _Claim(att, src_toks[0].i - 2, si, (src_toks[0].i, src_toks[-1].i + 1))
                claim.role, claim.person = self._role_and_person(src_toks)
                # "according to the ministry" / "according to the statement" points back to a speaker.
                self._resolve_anaphor(claim, self._statement_owner(src_head), earlier)
                out.append(claim)
        return out

    def _claim_for_cue(
        self, tok: Any, sent: Any, si: int, earlier: list[_Claim], learned: bool = False
    ) -> _Claim | None:
        lemma = tok.lemma_.lower()
        if lemma == "quote" and self._quoted_as_saying(tok) is not None:
            return self._quoted_claim(tok, sent, si)
        aside = self._inverted_aside(tok, sent)
        if aside is not None:  # "The levy, said Ivo Marek, a lawyer, will hit small firms"
            return self._claim_from(tok, aside[0], aside[1], sent, si, earlier, learned)
        subj = self._subject(tok)
        if subj is None or subj.dep_ == "expl" or subj.lower_ == "you":
            return None
        if lemma in ("know", "mean", "guess") and subj.lower_ in ("i", "we"):
            return None  # "I mean", "you know": discourse markers, not claims
        if subj.lemma_.lower() in NON_SPEAKERS and subj.ent_type_ != "PERSON":
            return None  # ("the law says ...", but "Steven Law said")
        if (
            subj.lower_ in ("that", "this")
            and subj.i + 1 == tok.i
            and self.doc[tok.i + 1 : tok.i + 2].text == ","
        ):
            return None  # "That said, ...": a discourse marker
        children = list(tok.children)
        ccomp = [
            c
            for c in children
            if c.dep_ in ("ccomp", "parataxis")
            and not (c.i < tok.i and subj.head.i == c.i and subj.dep_ == "nsubj")
        ]  # (a clause before the cue whose subject is the speaker is not what the speaker said)
        if not ccomp and lemma in self.res.verbs and lemma not in self.res.verb_kinds:
            # "said cutting output must be a priority": the parser hangs the clause on a gerund;
            # "says the rise in rents that X decries also hurts ...": the clause's subject read as
            # the object, its verb as a relative clause with a "that" of its own
            ccomp = [
                c
                for c in children
                if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > tok.i and not self._said_participle(c)
            ] or [
                c
                for c in children
                if c.dep_ in ("dobj", "dep")
                and c.i > tok.i
                and c.pos_ == "NOUN"
                and any(
                    r.dep_ == "relcl"
                    and any(g.dep_ == "mark" for g in r.children)
                    # "said those donations paid for ...": the clause's verb read as a participle
                    or (lemma == "say" and r.dep_ == "acl" and r.i == c.i + 1 and r.tag_ in ("VBD", "VBN"))
                    for r in c.children
                )
            ]
        # "After the vote ended, X said ...": a clause under "after"/"when" is the occasion, not the claim
        # ("..., he said as the crowd booed": nor one opening with "as" after the cue)
        ccomp = [c for c in ccomp if not self._occasion(c, before=c.i < tok.i)]
        # ("said on ''Meet the Press'' that ...": a programme's title is not a clause)
        ccomp = [c for c in ccomp if c.ent_type_ != "WORK_OF_ART"]
        if any(c.dep_ in ("oprd", "xcomp") and c.i > tok.i for c in children):
            # "She drew his ire - he called her “weak”", "..., he urged them to act": the cue's own
            # complement after it is the claim, not a clause the parser hung on it from before
            ccomp = [c for c in ccomp if c.i > tok.i]
        if subj.dep_ != "nsubj" and subj.dep_ != "pobj" and subj.i < tok.i and subj.head.i != tok.i:
            ccomp = [c for c in ccomp if c.i < subj.left_edge.i or c.i > tok.i]
        as_put = self._as_put_it(tok) if lemma == "put" else []
        if lemma in ("put", "estimate") and not as_put:
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in FIGURE_NOUNS for c in children):
                if not ccomp:
                    return None
        if lemma == "describe" and not any(c.lower_ == "as" for c in tok.subtree):
            # "described the scene as ..."; without "as" only a person's account ("she described
            # hearing the blasts"), not "the report describes the site"
            if not (self._person_like(subj) and any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in children)):
                return None
        claim_toks: list[Any] = []
        passive_subj = [c for c in children if c.dep_ == "nsubjpass"]
        inverted = subj.i > tok.i and lemma not in self.res.verb_kinds
        # "“Why now?” she asks as ...": a quotation that closes right before the speaker and cue
        start = subj.left_edge.i
        # (or a cue the parser joined to the quotation's own verb: "“...,” Kettil, 61, told Radio Nord")
        joined = tok.dep_ == "conj" and region_at(self.quotes, tok.head.idx) is not None
        start += int(self.doc[start].is_quote)  # (the closing quotation mark hung on the speaker)
        before = (
            subj.i < tok.i and (tok.dep_ == "ROOT" or joined) and start > 0 and self.doc[start - 1].is_quote
        )
        objects = ("ccomp", "xcomp") if lemma == "tell" else ("ccomp", "dobj", "xcomp")  # "told Reuters"
        before = before and not any(
            c.dep_ in objects and c.i > tok.i and not self._said_participle(c) and not self._addressee(c)
            for c in children
        )  # ("“...,” X said, adding ...": the participle's statement is its own; "“Why?” X asked
        # him": the person asked is no claim)
        fronted = self._fronted_quote(tok, subj) if inverted or before else []
        quoted = None  # the quotation after the cue, read once
        if not as_put and lemma in self.res.verbs and lemma not in self.res.verb_kinds:
            # "..., an official said, “We will not comment.”": a quotation right after the cue
            quoted = self._quote_after(tok, subj)
            if quoted and quoted[0].is_quote:
                # "“We will win,” Kovac said, “and rebuild.”": one quotation split by the attribution
                # ("“A,” Kovac said, adding, “B.”": the participle's claim is only the second one)
                split = not self._participial(tok)
                as_put = ((fronted or self._fronted_quote(tok, subj)) if split else []) + quoted
        if fronted or as_put:
            # "“We will win,” said Ana Kovac, who ..." / "“...,” Kovac said": the quote just before;
            # "As Kovac put it, ...": what follows
            claim_toks = as_put or fronted
        elif self._coordinated_aside(tok, subj):
            # "The force will grow, the minister told a panel.": the parser coordinated the cue with
            # the clause it reports; that clause, up to the speaker, is the claim
            claim_toks = [t for t in tok.head.subtree if t.i < subj.left_edge.i - 1]
        elif passive_subj:
            # "an agreement that was first announced by XNA": the announced thing is the claim.
            ps = passive_subj[0]
            target = tok.head if ps.lower_ in ("that", "which") and tok.dep_ == "relcl" else ps
            skip = {t.i for t in tok.subtree} if target is tok.head else set()
            claim_toks = [t for t in target.subtree if t.i not in skip]
        elif ccomp:
            # "- a mosque, which looks like a church - X said he ...": a clause right after the cue is
            # the claim rather than one the parser hung on it from before the speaker
            after = [
                c
                for c in ccomp
                if c.i > tok.i
                and c.left_edge.i <= tok.i + 2
                # ("“A,” X said, adding of Y, “B”": the parser hung B, and "adding", on the cue)
                and not any(self._said_participle(t) and t.i < c.i for t in c.subtree)
            ]
            comp = after[0] if after and subj.i < tok.i and ccomp[0].i < subj.left_edge.i else ccomp[0]
            if comp.pos_ == "ADJ":
                # "made it clear that ...": the that-clause the parser hung on the adjective
                comp = next((c for c in comp.children if c.dep_ in ("ccomp", "advcl") and _that(c)), comp)
            # "said the plan would fail, saying ...": a speech participle the parser hung on the
            # clause is a statement of its own
            tail = {t.i for c in comp.children if self._speech_participle(c, comp) for t in c.subtree}
            # "said that she would stay and predicted that ...": a subjectless cue verb the parser
            # conjoined inside the clause is the speaker's next statement; the claim ends before it
            end = min((c.left_edge.i for c in comp.subtree if self._conjoined_cue(c)), default=None)
            claim_toks = [
                t
                for t in comp.subtree
                if t.i not in tail
                and not (t.dep_ == "mark" and t.head.i == comp.i)
                and (end is None or t.i < end)
            ]
        elif (
            occasion := self._occasion_clause(tok)
            or self._stray_that_clause(tok, lemma)
            or self._document_content(tok)
        ) is not None:
            # "said in a statement that ...": the parser hangs the that-clause on "statement".
            claim_toks = [t for t in occasion.subtree if not (t.dep_ == "mark" and t.head.i == occasion.i)]
        elif self._stock_object(tok) or (
            (learned or self._object_claim_ok(lemma, subj) or self._topic_claim_ok(tok, subj))
            and any(
                c.dep_ in ("dobj", "xcomp", "prep", "dative", "pcomp", "advcl", "oprd") and c.i > tok.i
                for c in children
            )
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
            # "denounced the plan and called for a vote": the second verb is a claim of its own
            verbs = [c for c in children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
            if any(c.dep_ in ("dobj", "xcomp", "prep", "dative", "oprd") and c.i > tok.i for c in children):
                # "praised the plan, saying ...", "refused to go, insisting ...": a trailing
                # speech participle is not the object but a claim of its own
                verbs += [c for c in children if self._speech_participle(c, tok)]
            skip = {t.i for c in verbs for t in c.subtree}
            skip |= {c.i for c in children if c.dep_ == "cc"} if skip else set()
            # the claim ends where the first skipped verb begins (its trailing punctuation is the
            # sentence's, not the claim's)
            end = min((i for i in skip if i > tok.i), default=tok.right_edge.i + 1)
            claim_toks = [t for t in tok.subtree if tok.i <= t.i < end]
        elif (
            tok.dep_ != "relcl"
            and not any(c.dep_ == "dobj" for c in children)
            and (
                lemma not in self.res.verb_kinds
                or self._person_like(subj)
                or subj.lemma_.lower() in self.res.evidence_nouns  # "..., records show, ..."
            )
        ):
            claim_toks = self._quote_after(tok, subj, colon_only=True) or self._parenthetical_claim(
                tok, subj, sent
            )
        kept_whole = claim_toks is as_put or claim_toks is fronted
        outside = claim_toks and (claim_toks[0].i >= sent.end or kept_whole)
        if not outside:
            # a quotation after "said:" may lie past the sentence, one before "said X" before it
            claim_toks = [t for t in claim_toks if sent.start <= t.i < sent.end]
        claim_toks = _strip_punct(claim_toks)
        if not claim_toks or len([t for t in claim_toks if not t.is_punct]) < 2:
            # "“... !” the president's tweet reads.": the quote closed just before this sentence.
            claim_toks = self._quote_before(sent, subj) if lemma not in self.res.verb_kinds else []
            if not claim_toks and lemma not in self.res.verb_kinds:
                # "He said:" / "Said X," with the quotation after the colon, maybe in the next paragraph
                claim_toks = quoted if quoted is not None else self._quote_after(tok, subj)
            if not claim_toks:
                return None
        return self._claim_from(tok, subj, claim_toks, sent, si, earlier, learned)

    def _claim_from(
        self,
        tok: Any,
        subj: Any,
        claim_toks: list[Any],
        sent: Any,
        si: int,
        earlier: list[_Claim],
        learned: bool,
    ) -> _Claim | None:
        """The claim of cue ``tok`` once its subject and words are found."""
        lemma = tok.lemma_.lower()
        words = [t for t in claim_toks if t.i != tok.i and not t.is_punct and t.pos_ not in ("ADP", "DET")]
        if words and all(t.ent_type_ in NOT_TOPICS for t in words):
            return None  # "spoke on Friday", "wrote from Vestmark": when and where, not what
        speaker_toks = self._speaker_tokens(self._statement_owner(subj))
        if subj.dep_ != "nsubj" and subj.dep_ != "pobj" and tok.dep_ in ("ROOT", "conj"):
            speaker_toks = self._name_tokens(subj)
        att = self._make_attribution(speaker_toks, claim_toks, tok.text, sent, cue_tok=tok)
        att.kind = self.res.kind_of(lemma, subj.lemma_.lower())
        if learned and att.kind == "speech":
            att.kind = "belief"  # a stance taken ("blasted", "championed"), not a report of speech
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
