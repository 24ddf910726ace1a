"""Which verbs of which subjects carry a claim beyond the listed cues' plain cases.

* the learned cue detector's verbs, gated by the kind of subject: a person's stance at the
  model's threshold, a group's and any other noun's at surer ones, never an armed actor's, a
  place's or a weapon's ("rebels refused to withdraw" is an act to report);
* any verb of a person that frames a quotation ("She boomed: “...”", "“Why?” he pressed.");
* what a speech verb is about ("complained about the delays"), but not when or where;
* the word classes of those tests: a person-like subject, a conjoined cue, a speech participle.
"""

from __future__ import annotations

from typing import Any

from .learned import CueModel
from .quotes import region_at, region_opening_at
from .resources import ClaimResources
from .words import GROUP_HEADS, INSTITUTION_HEADS, NON_STANCE_HEADS, PERSON_HEADS, STANCE_VERBS, _Claim

# Learned-cue score a person subject needs, a group ("the campaign", "voters") and any other noun
# ("the mayor's office", "his allies"). All chosen on PolNeAR lines 4k+1 by claim F1; the model's
# own threshold is the best for single verbs, and a claim costs more than a verb.
PERSON_THRESHOLD = 0.3
GROUP_THRESHOLD = 0.5
OTHER_THRESHOLD = 0.45
# The score a verb whose lemma was never a cue in training needs (whatever its subject): read
# from its other features, "quipped that" or "mused that" can still be cues.
UNSEEN_THRESHOLD = 0.35
# Prepositions that introduce what a statement is about ("spoke about", "warned against").
TOPIC_PREPS = frozenset({"about", "of", "on", "against", "over", "for"})
# Speech verbs whose prepositional phrase is a setting, not a topic ("told of" is; "reported on"
# a beat is a job).
NO_TOPIC_VERBS = frozenset({"report", "tell"})
# Verbs heading a clause of their own (a clause before the speaker is what a parenthetical cue reports).
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "parataxis", "conj"})
# Entity types a prepositional object has when it is the time or place of a statement.
NOT_TOPICS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"})


class VerbGateMixin:
    """Part of `ClaimFinder` (see extract.py); works on its per-article state."""

    res: ClaimResources
    doc: Any
    quotes: list[tuple[int, int]]
    cue_model: CueModel | None

    def _learned_claims(self, sent: Any, si: int, earlier: list[_Claim], found: list[_Claim]) -> list[_Claim]:
        """Claims of verbs the learned detector takes for cues ("blasted X for ...", "championed Y")."""
        out: list[_Claim] = []
        taken = {c.cue_i for c in found}
        model: CueModel = self.cue_model  # type: ignore[assignment]
        for tok in sent:
            if tok.pos_ != "VERB" or tok.i in taken:
                continue
            if tok.lemma_.lower() in self.res.verbs or tok.dep_ in ("amod", "compound", "aux", "auxpass"):
                continue
            if region_at(self.quotes, tok.idx) is not None:
                continue
            # the score first, at the lowest threshold (most verbs stop here, before the parse walks)
            score = model.cue_score(tok, False)
            if not model.clears(tok, score, PERSON_THRESHOLD, UNSEEN_THRESHOLD):
                continue
            if self._cried_quote(tok):
                continue  # (what was cried is read by `_framed_quote_claims`)
            subj = self._subject(tok)
            if subj is None:
                continue
            person = self._person_like(subj) and subj.lower_ != "they"
            # A group's stance verb is often an act to report ("refused to withdraw"): a group
            # subject needs a surer score than a person, any other noun a surer one still.
            other = not person and not self._group_like(subj)
            if not person and self._participial(tok):
                continue  # "..., officials said, underscoring the threat": the outlet's gloss
            if other and (subj.pos_ not in ("NOUN", "PROPN") or subj.ent_type_ in NOT_TOPICS):
                continue
            if not person and self._acting_subject(subj):
                continue
            need = PERSON_THRESHOLD if person or tok.lemma_.lower() in STANCE_VERBS else GROUP_THRESHOLD
            need = OTHER_THRESHOLD if other else need
            if not model.clears(tok, score, need, UNSEEN_THRESHOLD):
                continue
            claim = self._claim_for_cue(tok, sent, si, earlier + found + out, learned=True)
            if claim is not None:
                out.append(claim)
        return out

    def _acting_subject(self, subj: Any) -> bool:
        """An armed actor, a place or a weapon: its verbs are acts to report, not stances ("rebels
        refused to withdraw", "the towns accepted government rule", "the convoy came under fire")."""
        phrase = list(self.doc[subj.left_edge.i : subj.i + 1])  # "Operation Dawn", "rebel fighters"
        if not self._group_like(subj):
            # "a row of villages", "a column of tanks": after a quantity's "of" comes the actor
            # (not after a group's: "leaders of the town" may take a stance)
            phrase += [g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        for tok in phrase:
            lemma = tok.lemma_.lower()
            if lemma in NON_STANCE_HEADS or lemma.rstrip("s") in NON_STANCE_HEADS:
                return True
        start, end = subj.left_edge.idx, subj.idx + len(subj.text)
        return any(a.start < end and start < a.end for a in self.actors)

    def _framed_quote_claims(
        self, sent: Any, si: int, earlier: list[_Claim], found: list[_Claim]
    ) -> list[_Claim]:
        """ "She boomed: “We will win.”", "“Why?” he pressed.": any verb of a person that a colon and a
        quotation follow, or that follows a quotation, introduces it."""
        out: list[_Claim] = []
        taken = {c.cue_i for c in found}
        for tok in sent:
            if tok.pos_ != "VERB" or tok.i in taken or tok.lemma_.lower() in self.res.verbs:
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None or region_at(self.quotes, tok.idx) is not None:
                continue
            if not self._person_like(subj):
                continue
            claim_toks = self._quote_after(tok, subj, colon_only=True)
            if not claim_toks or not claim_toks[0].is_quote:
                # "“Is it negotiable?” the host pressed.": a quotation closing right before the person
                fronted = self._fronted_quote(tok, subj) if tok.dep_ == "ROOT" else []
                claim_toks = fronted if fronted and fronted[0].is_quote else self._cried_quote(tok)
            if not claim_toks:
                continue
            att = self._make_attribution(self._speaker_tokens(subj), claim_toks, tok.text, sent, cue_tok=tok)
            claim = _Claim(att, tok.i, si, (subj.left_edge.i, subj.i + 1))
            claim.role, claim.person = self._role_and_person(self._speaker_tokens(subj))
            self._resolve_anaphor(claim, subj, earlier + found + out)
            out.append(claim)
        return out

    def _speech_participle(self, c: Any, head: Any) -> bool:
        """ "..., saying ...", "..., calling it ...", "..., touting ...": a participle after the claim
        that is a statement or stance of its own (a listed, stance or learned cue)."""
        if not (c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > head.i):
            return False
        lemma = c.lemma_.lower()
        if lemma in self.res.verbs or lemma in STANCE_VERBS:
            return True
        model = self.cue_model
        return model is not None and model.is_cue(c, False, PERSON_THRESHOLD, unseen=UNSEEN_THRESHOLD)

    def _conjoined_cue(self, c: Any) -> bool:
        """A cue verb conjoined after "and"/"but" with no subject of its own ("..., but added")."""
        lemma = c.lemma_.lower()
        if c.dep_ != "conj" or c.pos_ != "VERB" or not (lemma in self.res.verbs or lemma in STANCE_VERBS):
            return False
        if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            return False
        return (c.i > 0 and self.doc[c.i - 1].dep_ == "cc") or any(g.dep_ == "cc" for g in c.head.children)

    @staticmethod
    def _participial(tok: Any) -> bool:
        return tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VBG"

    def _person_like(self, subj: Any) -> bool:
        """A subject that can hold a belief: a named person, a personal pronoun, a person noun."""
        return (
            subj.ent_type_ == "PERSON"
            or subj.lower_ in ("he", "she", "i", "we", "they")
            or subj.lemma_.lower() in PERSON_HEADS
            # a surname the tagger missed here but read as a person's in full elsewhere ("Marek")
            or (
                subj.text[:1].isupper()
                and subj.ent_type_ in ("", "ORG", "GPE", "NORP")
                and self._first_full_name(subj.text) is not None
            )
        )

    def _cried_quote(self, tok: Any) -> list[Any]:
        """ "a woman shouted back “Not again!”", "the crowd jeered, ''Go home!''": an exclamation or question
        quoted right after a verb with no object of its own is what was cried."""
        if any(c.dep_ in ("dobj", "ccomp") and region_at(self.quotes, c.idx) is None for c in tok.children):
            return []
        at = tok.idx + len(tok.text)
        at += len(self.text[at:]) - len(self.text[at:].lstrip(" ,"))
        region = region_opening_at(self.quotes, at)
        if region is None or self.text[at : region[1]].rstrip("”\"' ")[-1:] not in ("!", "?"):
            return []
        span = self.doc.char_span(*region, alignment_mode="expand")
        return list(span) if span is not None and len(span) >= 3 else []

    def _topic_claim_ok(self, tok: Any, subj: Any) -> bool:
        """ "complained about the delays", "spoke out against the plan", "wrote of a betrayal": what a
        person or group speaks about is the claim of a speech verb with no clause."""
        lemma = tok.lemma_.lower()
        if lemma not in self.res.verbs or lemma in self.res.verb_kinds or lemma in NO_TOPIC_VERBS:
            return False
        if not (self._person_like(subj) or self._group_like(subj)):
            return False
        before = [t for t in tok.sent if t.i < subj.left_edge.i]
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS for t in before):
            return False  # "Shells hit the port, the governor wrote on Telegram": that clause is the claim
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in TOPIC_PREPS or c.i < tok.i:
                continue
            if lemma == "say" and c.lower_ != "of":
                continue  # "said of the plan" names a topic; "said on Monday" a time
            if c.lower_ == "on" and any(g.ent_type_ in ("ORG", "PRODUCT") for g in c.children):
                continue  # "wrote on Telegram": a channel
            if any(
                g.dep_ == "pcomp" or g.dep_ == "pobj" and g.ent_type_ not in NOT_TOPICS for g in c.children
            ):
                return True
        return False

    def _object_claim_ok(self, lemma: str, subj: Any) -> bool:
        """Whether a plain object or infinitive is the claim: "denied backing", "wants to run".
        Beliefs and intentions count only for a person ("militants agreed to leave" is an act),
        findings only for data ("the survey found a rise", not "police found the bodies")."""
        if lemma not in self.res.object_verbs:
            return False
        kind = self.res.kind_of(lemma, subj.lemma_.lower())
        if kind == "evidence":
            return subj.lemma_.lower() in self.res.evidence_nouns
        if lemma in self.res.verb_kinds:  # a belief verb
            if self._person_like(subj) and subj.lower_ != "they":
                return True
            # "most voters prefer Kovac", "a quarter of residents agree with her": a group's view
            # (not "the people want to leave": an infinitive after a group is an intended act)
            lem = subj.lemma_.lower()
            verb = subj.head
            group = lem in GROUP_HEADS or lem.rstrip("s") in GROUP_HEADS
            if group and any(c.dep_ in ("dobj", "prep") for c in verb.children):
                return True
            # "the Sanders campaign wants to ...", "the court agreed to ...", "they plan to ...": a
            # named body's (or a resumed group's) intention is its stance; "people want to leave" is an act
            named = subj.ent_type_ in ("ORG", "NORP") or subj.pos_ == "PROPN" or subj.lower_ == "they"
            named = named or any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in subj.children)
            # ("the company plans to ...", "the court agreed to ...": a body that acts by decision)
            body = lem in INSTITUTION_HEADS and any(
                c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "no") for c in subj.children
            )
            return (named and self._group_like(subj) or body) and not self._acting_subject(subj)
        return True
