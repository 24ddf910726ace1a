"""Which listed verbs are cues here: the per-lemma conditions of the rule cues ("called X Y" but not
"called the office", "pointed out" but not "pointed the gun", passives only with an agent)."""

from __future__ import annotations

from typing import Any

from .quotes import region_at
from .resources import ClaimResources
from .words import STATEMENT_NOUNS


class CueRulesMixin:
    """Part of `ClaimFinder` (see extract.py); works on its per-article state."""

    res: ClaimResources
    quotes: list[tuple[int, int]]

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
            # Passive cues count only with a named agent ("announced by XNA");
            # "it was reported" has no source.
            return any(c.dep_ == "agent" for c in children)
        if lemma == "claim" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in children
        ):
            return False  # "claiming the lives of" is a casualty idiom
        if lemma == "report" and not any(c.dep_ in ("ccomp", "dobj", "parataxis") for c in children):
            # "He reports from Vestmark" is a reporter's location; "..., XNA reported." stays a cue.
            if any(c.dep_ == "prep" and c.lower_ == "from" for c in children):
                return False
        has_object = any(c.dep_ == "dobj" for c in children)
        # ("called on voters to ...": "on" read as a particle still introduces who is urged)
        urged = any(c.dep_ == "xcomp" for c in children)
        bad_particle = any(
            c.dep_ == "prt" and not (c.lower_ == "out" and has_object or c.lower_ == "on" and urged)
            for c in children
        )
        if lemma in ("respond", "react", "reply") and not any(c.dep_ in ("ccomp", "dobj") for c in children):
            if any(
                c.dep_ == "prep" and c.lower_ == "by" and any(g.tag_ == "VBG" for g in c.children)
                for c in children
            ):
                return False  # "Beijing responded by opening a bank": what was done, not said
        if lemma == "add" and any(c.dep_ == "prt" and c.lower_ == "up" for c in children):
            return False  # "the numbers don't add up": a sum, not an addition to a statement
        if lemma == "call" and bad_particle:
            return False  # "called off the talks", "called out to the crowd"; "called out the board" is one
        if lemma == "call" and not any(
            c.dep_ in ("oprd", "ccomp")
            or (c.dep_ in ("xcomp", "acomp", "attr") and has_object and self._label_word(c))
            or (c.dep_ == "prep" and c.lower_ in ("for", "upon"))
            or (c.dep_ == "prep" and c.lower_ == "on" and any(g.dep_ == "xcomp" for g in children))
            or (c.dep_ == "prt" and (c.lower_ == "out" and has_object or c.lower_ == "on" and urged))
            or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children))
            # "called to ban the sale": a demand, as "called for"
            or (c.dep_ == "xcomp" and c.i == tok.i + 2 and not has_object and tok.nbor(1).lower_ == "to")
            for c in children
        ):
            # "called him ''a liar''": the parser may take the label for a second object, or
            # lose the frame in the quotation marks; a quotation a few words on is the label
            label_quote = self._label_quote(tok) and any(c.dep_ in ("dobj", "oprd") for c in children)
            if sum(c.dep_ == "dobj" for c in children) < 2 and not label_quote:
                return False  # "called X Y", "called for Z", "called on X to"; "called the office" is not
        if lemma == "point" and not any(
            (c.dep_, c.lower_) in (("prt", "out"), ("prep", "to")) for c in children
        ):  # "pointed out that ...", "pointed to the budget"; not "pointed the gun"
            return False
        if lemma in ("figure", "object", "project", "count") and not any(c.dep_ == "ccomp" for c in children):
            return False
        if lemma == "read" and not self._text_reads(tok, children):
            return False
        return True

    def _text_reads(self, tok: Any, children: list[Any]) -> bool:
        """ "the statement reads", "“...,” read the statement" (the inverted subject read as the
        object), "a caption that reads ...", "The plaque reads: “...”": a text, not a reader."""
        for c in children:
            if c.lemma_.lower() in STATEMENT_NOUNS and (
                c.dep_ == "nsubj" or (c.dep_ == "dobj" and tok.i > 0 and tok.nbor(-1).is_punct)
            ):
                return True
        if tok.dep_ == "relcl" and tok.head.lemma_.lower() in STATEMENT_NOUNS:
            return True
        at = tok.idx + len(tok.text)
        colon = self.text[at : at + 3].lstrip()
        return colon.startswith(":") and any(at < qs <= at + 4 for qs, _qe in self.quotes)

    def _label_quote(self, tok: Any) -> bool:
        """A quotation opening a few words after ``tok`` with no other verb between ("called the
        plan “a fraud”", "called those backing it “fools”"), not "called the office and said “...”"."""
        start = next((qs for qs, _qe in self.quotes if tok.idx < qs <= tok.idx + 90), None)
        if start is None:
            return False
        for t in tok.doc[tok.i + 1 :]:
            if t.idx >= start:
                return True
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl", "amod"):
                return False  # (a participle or clause on the object is part of it: "those pushing for X")
        return True

    @staticmethod
    def _label_word(c: Any) -> bool:
        """ "called the vote “rigged”": a label (adjective, noun, participle), not "called them to act"."""
        return c.pos_ in ("ADJ", "NOUN") or c.tag_ == "VBN"
