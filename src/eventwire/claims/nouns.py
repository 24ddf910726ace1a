"""Claims carried by a noun or an adjective: "his claim that ...", "X is sure that ...".

A speech or stance noun (``speech_noun`` / ``belief_noun`` in ``claims_cues.tsv``) whose owner is
written as a possessive ("the mayor's promise to ...") or with "by" ("a decision by the council
to ...") is a cue: the owner is the speaker, the noun's that-clause, infinitive or "for"/"on"
object is the claim. "Her view is that ..." (the noun as a copula's subject) takes the
copula's clause. Possessive pronouns point back like *he*/*she*/*they*. A stance adjective after
"be" (``stance_adjectives`` in ``claims_words.tsv``: "voters are tired of ...", "she is not sure she
can ...") with a person or group subject is a belief; the claim is the adjective's complement.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from .quotes import region_at, region_opening_at
from .resources import ClaimResources
from .words import (
    HELD_VIEWS,
    PERSON_HEADS,
    STANCE_ADJECTIVES,
    STANCE_ROLES,
    SURVEY_NOUNS,
    VIEW_NOUNS,
    _char_span,
    _Claim,
    _span_text,
    _strip_punct,
    _trim,
)

log = logging.getLogger(__name__)

# Possessive pronoun -> the subject pronoun it stands for.
POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they", "my": "i", "our": "we"}
# Person nouns whose "attack" or "response" is in words; a commander's or a chief's may be armed.
VERBAL_PERSON_HEADS = PERSON_HEADS - {"commander", "general", "officer", "chief", "leader"}
# "a fan of hers": an owner, not a side taken.
OWN_PRONOUNS = frozenset({"mine", "yours", "his", "hers", "ours", "theirs"})
# Dependencies under the noun that hold its content.
CLAIM_DEPS = ("acl", "ccomp", "relcl", "xcomp")
CLAIM_PREPS = ("for", "on", "of", "against", "about", "to")
# After "was" of "his answer was": an optional word ("blunt", "simple") and a colon.
COPULA_COLON_RE = re.compile(r"[ \t]*(?:[A-Za-z]+[ \t]*)?:[ \t]*(?:\n[ \t]*){0,2}")


class NounCueMixin:
    """Part of `ClaimFinder` (see extract.py); works on its per-article state."""

    res: ClaimResources
    doc: Any
    text: str

    def _noun_claims(self, sent: Any, si: int, earlier: list[_Claim], found: list[_Claim]) -> list[_Claim]:
        out: list[_Claim] = []
        covered = [(c.att.start, c.att.end) for c in found]
        for tok in sent:
            kind = self.res.noun_kinds.get(tok.lemma_.lower())
            if kind is None or tok.pos_ != "NOUN" or region_at(self.quotes, tok.idx) is not None:
                continue
            owner = self._noun_owner(tok)
            if owner is None or owner.ent_type_ in ("GPE", "LOC", "FAC"):
                continue  # "Vestmark's plan to ...": a place's plan is its government's act
            if tok.lemma_.lower() in self.res.person_nouns and not self._verbal_attacker(owner):
                continue  # "the militia's attack on the town" is an event, not a statement
            claim_toks = self._noun_content(tok)
            claim_toks = _strip_punct([t for t in claim_toks if sent.start <= t.i < sent.end])
            # one word is enough for the object of "her attacks on X" (a name, a noun), not "to"
            named = (
                len(claim_toks) == 1
                and (claim_toks[0].pos_ in ("PROPN", "NOUN") or tok.lemma_.lower() in self.res.person_nouns)
                and claim_toks[0].dep_ == "pobj"
            )
            if len([t for t in claim_toks if not t.is_punct]) < 2 and not named:
                continue
            start, end = _char_span(claim_toks)
            if any(s <= start and end <= e for s, e in covered):
                continue  # already inside a claim found from a verb
            claim = self._owned_claim(owner, owner, claim_toks, tok, sent, si, kind)
            pron = POSSESSIVE.get(owner.lower_)
            if pron is not None:
                if not self._resolve_possessive(claim, owner, pron, earlier + found + out):
                    continue
            out.append(claim)
        return out

    def _verbal_attacker(self, owner: Any) -> bool:
        """A named person, a person noun ("the governor's response to ...") or "his"/"her" (a
        person's "attacks on X" are words; a group's are acts)."""
        if owner.lower_ in ("his", "her"):
            return True
        person = owner.ent_type_ == "PERSON" or owner.lemma_.lower() in VERBAL_PERSON_HEADS
        return person and not self._acting_subject(owner)

    def _adjective_claims(
        self, sent: Any, si: int, earlier: list[_Claim], found: list[_Claim]
    ) -> list[_Claim]:
        out: list[_Claim] = []
        taken = {c.cue_i for c in found}
        for adj in sent:
            if (
                adj.dep_ != "acomp"
                or adj.lemma_.lower() not in STANCE_ADJECTIVES
                and adj.lower_ not in STANCE_ADJECTIVES
            ):
                continue
            verb = adj.head
            if verb.lemma_ != "be" or verb.i in taken or region_at(self.quotes, adj.idx) is not None:
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None or not (self._person_like(subj) or self._group_like(subj)):
                continue
            content = None
            for c in adj.children:
                if c.i < adj.i:
                    continue
                if c.dep_ in ("ccomp", "xcomp") or (
                    c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
                ):
                    content = c
                    break
            if content is None:
                content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > adj.i), None)
            if content is None:
                continue
            skip = content.i if content.dep_ == "prep" else -1
            claim_toks = [
                t for t in content.subtree if t.i != skip and not (t.dep_ == "mark" and t.head.i == content.i)
            ]
            claim_toks = _strip_punct([t for t in claim_toks if sent.start <= t.i < sent.end])
            if len([t for t in claim_toks if not t.is_punct]) < 2:
                continue
            claim = self._owned_claim(self._statement_owner(subj), subj, claim_toks, adj, sent, si)
            self._resolve_anaphor(claim, subj, earlier + found + out)
            out.append(claim)
        return out

    def _stance_role_claims(
        self, sent: Any, si: int, earlier: list[_Claim], found: list[_Claim]
    ) -> list[_Claim]:
        """ "The mayor is a vocal critic of the levy", "she has been a champion of the pier": the side
        the subject takes (the "of" object) is a belief of the subject."""
        out: list[_Claim] = []
        taken = {c.cue_i for c in found}
        for role in sent:
            if role.dep_ != "attr" or role.lemma_.lower() not in STANCE_ROLES or role.head.lemma_ != "be":
                continue
            verb = role.head
            if verb.i in taken or region_at(self.quotes, role.idx) is not None:
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None or not (self._person_like(subj) or self._group_like(subj)):
                continue
            if self._acting_subject(subj):
                continue  # "the rebels are enemies of the state" is a side in a war, not a view
            of = next((c for c in role.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is None:
                continue
            claim_toks = _strip_punct([t for t in of.subtree if t.i != of.i and sent.start <= t.i < sent.end])
            if not any(
                t.pos_ in ("NOUN", "PROPN", "VERB") and t.lower_ not in OWN_PRONOUNS for t in claim_toks
            ):
                continue  # "a fan of hers"
            claim = self._owned_claim(self._statement_owner(subj), subj, claim_toks, role, sent, si)
            claim.att.kind = "belief"
            self._resolve_anaphor(claim, subj, earlier + found + out)
            out.append(claim)
        return out

    def _held_view_claims(
        self, sent: Any, si: int, earlier: list[_Claim], found: list[_Claim]
    ) -> list[_Claim]:
        """ "Voters have doubts about the levy", "she had no interest in running": a view held."""
        out: list[_Claim] = []
        taken = {c.cue_i for c in found}
        for tok in sent:
            if tok.lemma_ != "have" or tok.i in taken or region_at(self.quotes, tok.idx) is not None:
                continue
            obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in HELD_VIEWS), None)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if obj is None or subj is None or not (self._person_like(subj) or self._group_like(subj)):
                continue
            claim_toks = _strip_punct([t for t in obj.subtree if sent.start <= t.i < sent.end])
            if len([t for t in claim_toks if not t.is_punct]) < 3:
                continue  # "has concerns" alone says nothing
            claim = self._owned_claim(subj, subj, claim_toks, tok, sent, si)
            self._resolve_anaphor(claim, subj, earlier + found + out)
            out.append(claim)
        return out

    def _survey_claims(self, sent: Any, si: int, found: list[_Claim]) -> list[_Claim]:
        """ "In a new poll, 40 percent back the levy" / "She leads in the polls": the poll's finding;
        "In Kovac's view, the levy is fair" / "in the words of X": X's view."""
        for prep in sent:
            if prep.dep_ != "prep" or prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in VIEW_NOUNS:
                owner = self._noun_owner(pobj) or next(
                    (
                        g
                        for c in pobj.children
                        if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children
                        if g.dep_ == "pobj"
                    ),
                    None,
                )
                if owner is not None and owner.lower_ not in POSSESSIVE:
                    phrase = {t.i for t in prep.subtree}
                    claim_toks = _strip_punct(
                        [t for t in prep.head.subtree if t.i not in phrase and sent.start <= t.i < sent.end]
                    )
                    if len([t for t in claim_toks if not t.is_punct]) >= 3:
                        speaker_toks = self._speaker_tokens(owner)
                        att = self._make_attribution(
                            speaker_toks, claim_toks, prep.text + " " + pobj.text, sent
                        )
                        att.kind = "belief"
                        claim = _Claim(att, prep.i, si, (owner.left_edge.i, owner.i + 1))
                        claim.role, claim.person = self._role_and_person(speaker_toks)
                        return [claim]
            if pobj is None or pobj.lemma_.lower() not in SURVEY_NOUNS:
                continue
            if found and not all(self._respondents(c) for c in found):
                continue  # ("In a poll, 40 percent said ...": the poll's finding holds the answer)
            phrase = {t.i for t in prep.subtree}
            claim_toks = _strip_punct(
                [t for t in prep.head.subtree if t.i not in phrase and sent.start <= t.i < sent.end]
            )
            if len([t for t in claim_toks if not t.is_punct]) < 3:
                continue
            src = _trim([t for t in pobj.subtree if t.i in phrase])
            att = self._make_attribution(src, claim_toks, "in", sent)
            att.kind = "evidence"
            att.speaker = _span_text(self.doc, src)
            return [_Claim(att, prep.i, si, (src[0].i, src[-1].i + 1))]
        return []

    def _respondents(self, claim: _Claim) -> bool:
        """A claim whose speaker is a share of those asked ("40 percent", "most voters")."""
        if claim.speaker_tokens is None:
            return False
        toks = self.doc[claim.speaker_tokens[0] : claim.speaker_tokens[1]]
        counted = any(t.ent_type_ in ("PERCENT", "CARDINAL") or t.like_num for t in toks)
        return counted or self._group_like(toks.root)

    def _owned_claim(
        self,
        owner: Any,
        subject: Any,
        claim_toks: list[Any],
        cue: Any,
        sent: Any,
        si: int,
        kind: str = "belief",
    ) -> _Claim:
        """The claim of ``owner`` (the speaker's phrase) cued by token ``cue``; ``subject`` is the
        phrase the text names the holder by (for anaphora)."""
        speaker_toks = self._speaker_tokens(owner)
        att = self._make_attribution(speaker_toks, claim_toks, cue.text, sent, cue_tok=cue)
        att.kind = kind
        claim = _Claim(att, cue.i, si, (subject.left_edge.i, subject.i + 1))
        claim.role, claim.person = self._role_and_person(speaker_toks)
        return claim

    def _noun_owner(self, noun: Any) -> Any | None:
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ == "whose":
                # "Lund, whose views on quotas have angered ...": the name the clause describes
                clause = noun.head
                return (
                    clause.head if clause.dep_ == "relcl" and clause.head.pos_ in ("PROPN", "NOUN") else None
                )
            if c.dep_ == "poss":
                return c
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and (pobj.pos_ in ("PROPN", "PRON") or pobj.ent_type_):
                    return pobj
        return None

    def _noun_content(self, noun: Any) -> list[Any]:
        for c in noun.children:
            if c.dep_ in CLAIM_DEPS and c.i > noun.i and c.pos_ in ("VERB", "AUX"):
                if c.tag_ == "VBN" and not any(
                    g.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for g in c.children
                ):
                    continue  # "comments made in an interview": a bare participle says when, not what
                if c.dep_ == "relcl" and not any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
                    continue  # "the claim he made" is not its content
                return [t for t in c.subtree if not (t.dep_ == "mark" and t.head.i == c.i)]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in CLAIM_PREPS and c.i > noun.i:
                speech = self.res.noun_kinds.get(noun.lemma_.lower()) == "speech"
                if c.lower_ == "of" and not speech and not any(g.dep_ == "pcomp" for g in c.children):
                    # "his view of the race" is a topic; "his promise of cutting taxes" and "her
                    # criticism of the plan" are claims
                    continue
                content = [t for t in c.subtree if t.i != c.i]
                if content and content[-1].lower_ == "anonymity":
                    continue  # "remarks on (the) condition of anonymity": how, not what
                return content
        head = noun.head
        if noun.dep_ == "nsubj" and head.lemma_ == "be":
            # "Her view is that the levy will fail."
            comp = next((c for c in head.children if c.dep_ in ("ccomp", "attr") and c.i > head.i), None)
            if comp is not None and comp.pos_ in ("VERB", "AUX"):
                return [t for t in comp.subtree if not (t.dep_ == "mark" and t.head.i == comp.i)]
            # "His answer was: “Never.”", "Her reply was blunt: “No.”": the quotation after the colon
            lead = COPULA_COLON_RE.match(self.text, head.idx + len(head.text))
            region = region_opening_at(self.quotes, lead.end()) if lead is not None else None
            span = self.doc.char_span(*region, alignment_mode="expand") if region is not None else None
            if span is not None and len(span) >= 3:
                return list(span)
        return []

    def _resolve_possessive(self, claim: _Claim, owner: Any, pron: str, earlier: list[_Claim]) -> bool:
        """ "his claim that ...": the person (or, for *its*/*their*, the body) it points back to."""
        att = claim.att
        if pron in ("i", "we"):
            return True
        found = None
        if pron in ("he", "she"):
            female = pron == "she"
            recent = [
                c
                for c in earlier
                if claim.sent_i - c.sent_i <= 2
                and c.person
                and self._gender_fits(c.att.speaker, c.att.speaker_start, female)
            ]
            if recent and recent[-1].att.speaker:
                prev = recent[-1].att
                found = (prev.speaker, prev.speaker_start or 0, prev.speaker_end or 0)
            else:
                found = self._preceding_entity(owner, ("PERSON",), female=female)
                found = found or self._last_person(owner, earlier) or self._given_name_person(owner)
            claim.person = True
        else:
            found = self._preceding_entity(owner, ("ORG",), acronyms=True)
        if found is None:
            return False
        att.speaker, att.speaker_start, att.speaker_end = found
        att.anonymous = False
        return True
