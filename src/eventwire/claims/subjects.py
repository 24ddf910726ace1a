"""Who a cue's subject is: the parse relation, a name folded into the claim, a torn paragraph."""

from __future__ import annotations

import logging
from typing import Any

from ..nlp.datelines import paragraph_dateline
from .quotes import region_at
from .resources import ClaimResources
from .words import (
    CONTROL_VERBS,
    GROUP_HEADS,
    PERSON_HEADS,
    STANCE_VERBS,
)

log = logging.getLogger(__name__)


# Punctuation that can open a speaker's phrase the parser misattached ("..., an aide said").
PHRASE_OPENERS = frozenset({",", "—", "–", "-"})


class SubjectMixin:
    """Part of `ClaimFinder` (see extract.py); works on its per-article state."""

    res: ClaimResources
    doc: Any
    text: str

    def _subject(self, tok: Any) -> Any | None:
        cur = tok
        if (
            tok.tag_ in ("VBD", "VBZ")
            and tok.i > 0
            and not any(c.dep_.startswith("nsubj") for c in tok.children)
        ):
            prev = self.doc[tok.i - 1]
            if prev.tag_ == "MD" and prev.text.istitle():
                return prev  # "Will wrote", "Will believes": a modal takes a bare verb; this is a surname
        if tok.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in tok.children):
            # "Gunmen shelled the port, ..., regional head Ivo Marek wrote": the parser
            # coordinated the cue with the claim's verb; the name right before the cue speaks.
            named = self._name_before(tok)
            if named is not None and named.ent_type_ == "PERSON" and named.head.i != tok.head.i:
                return named
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.lemma_.lower() in STANCE_VERBS:
            if tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return tok.head  # "a group backing the mayor", "those opposing the levy"
        if (
            self._conjoined_cue(tok)
            and tok.head.dep_ == "ccomp"
            and tok.head.head.lemma_.lower() in self.res.verbs
        ):
            # "X said A had helped and said that B": the parser joined the second "said" to the
            # first one's clause; its speaker is the first one's
            cur = tok.head.head
        for _ in range(4):
            children = list(cur.children)
            nsubjs = [c for c in children if c.dep_ == "nsubj"]
            if len(nsubjs) > 1:
                # "VESTMARK, Jan 14 (Reuters) - The government said": the dateline's place is not a subject.
                nsubjs = [c for c in nsubjs if not self._in_dateline(c)] or nsubjs
                # "“Bread,” said Dahl": a word of the quotation the parser made a second subject
                nsubjs = [c for c in nsubjs if region_at(self.quotes, c.idx) is None] or nsubjs
            if not nsubjs:
                # "Most voters going to the polls said ...": the parser made the participle a clausal
                # subject; its own subject is the cue's
                nsubjs = [
                    g
                    for c in children
                    if c.dep_ == "csubj" and c.tag_ == "VBG"
                    for g in c.children
                    if g.dep_ == "nsubj" and g.i < c.i
                ]
            passive = [c for c in children if c.dep_ == "nsubjpass"]
            if cur is not tok and passive and not nsubjs:
                # "X was booed by the crowd after telling ...": who was booed is who told
                return passive[0]
            for c in nsubjs + [c for c in children if c.dep_ == "agent"]:
                if c.dep_ == "nsubj":
                    if c.lower_ in ("that", "which", "who") and cur.dep_ == "relcl":
                        head = cur.head
                        if c.lower_ == "who" and head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
                            return head.head  # "said Ana Berg, the firm's founder, who added ..."
                        return self._described_subject(head)
                    if any(g.lower_ == "whose" for g in c.children):
                        return None  # "whose government accused ...": the owner is out of reach
                    if self._in_dateline(c):
                        # "VESTMARK, May 2 (Reuters) — Mayor Ana Kovac told ...": the parser made the
                        # dateline's place the subject and the speaker its apposition
                        later = [g for g in c.children if g.dep_ == "appos" and not self._in_dateline(g)]
                        return later[-1] if later else (self._name_before(tok) or c)
                    quote = region_at(self.quotes, c.idx) if cur is not tok else None
                    if quote and not region_at(self.quotes, tok.idx):
                        # "“..., I would have stayed,” Mr. Olsen, now retired, said": the parser joined
                        # the cue to the quotation's verb; the speaker is named after the quotation
                        return self._subject_after_quote(quote[1], c, tok)
                    quote = region_at(self.quotes, c.idx) if cur is tok and c.i < tok.i else None
                    if quote and not region_at(self.quotes, tok.idx):
                        # "“Good reporter, this guy,” Trump, the front-runner, said": a word of the
                        # quotation taken for the subject, the name after the quotation its apposition
                        return self._subject_after_quote(quote[1], c, tok) or c
                    return c
                if c.dep_ == "agent":
                    pobj = [g for g in c.children if g.dep_ == "pobj"]
                    if pobj:
                        return pobj[0]
            if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX"):
                cur = cur.head
                continue
            nested = cur is not tok and tok.dep_ == "conj" and cur.dep_ == "ccomp"
            if nested and cur.head.pos_ in ("VERB", "AUX"):
                # "X said A - there are two - but said B": the parser hung the second "said" on
                # the first one's clause; its subject is the first one's
                cur = cur.head
                continue
            if cur.dep_ in ("advcl", "xcomp") and cur.tag_ == "VBG" and cur.head.pos_ in ("VERB", "AUX"):
                # participial attribution: "She left the stage, saying ...": the main clause's subject
                cur = cur.head
                reported = cur.dep_ == "ccomp" and cur.head.lemma_.lower() in self.res.verbs
                # (not a "said" inside the quotation the parser made the sentence's root)
                reported = reported and region_at(self.quotes, cur.head.idx) is None
                if reported and tok.lemma_ in self.res.verbs:
                    # "X argued that the plan would fail, saying ...": X says it, not the plan
                    cur = cur.head
                continue
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            if cur.dep_ in ("xcomp", "advcl") and infinitive:
                # "She was quick to point out ...", "He rose to demand ...": the main clause's subject
                head = cur.head
                if head.dep_ == "acomp" and head.pos_ == "ADJ":
                    head = head.head
                if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in self.res.verb_kinds:
                    if cur is tok and head.lemma_.lower() in CONTROL_VERBS:
                        # "The results will force Kovac to acknowledge ...": Kovac does
                        made = next((c for c in head.children if c.dep_ == "dobj" and c.i < cur.i), None)
                        if made is not None and (self._person_like(made) or self._group_like(made)):
                            return made
                    cur = head  # ("wanted to state ..." is an intention: no statement yet)
                    continue
            if cur.dep_ == "pcomp" and cur.tag_ == "VBG" and cur.head.dep_ == "prep":
                # "He answered by calling for ...", "after warning that ...": the main clause's subject
                if cur.head.head.pos_ in ("VERB", "AUX"):
                    cur = cur.head.head
                    continue
            to = cur is tok and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
            if to and cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN"):
                described = self._described_subject(cur.head)  # "Vik was the first senator to back X"
                if described is not cur.head and (self._person_like(cur.head) or self._group_like(cur.head)):
                    return described  # (not "got enough delegates to claim ...": no "be", no speaker)
            if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN") and not passive:
                # "X, the party's leader, on Tuesday called ...", "one lawmaker called ...": a finite
                # verb the parser hung on its own subject as a clause of it
                has_claim = any(c.dep_ in ("dobj", "oprd", "ccomp") for c in children)
                # ("one lawmaker called Trump “...”" with "called" tagged a participle: right after its
                # subject, with an object and no "by", it is no passive)
                active = (
                    cur.tag_ == "VBN"
                    and cur.head.i == cur.i - 1
                    and "agent" not in {c.dep_ for c in children}
                )
                finite = (cur.tag_ == "VBD" or cur.dep_ == "relcl" or active) and has_claim
                finite = finite and not any(c.dep_ in ("mark", "advmod") for c in children)
                if (
                    cur is tok
                    and finite
                    and not nsubjs
                    and (self._person_like(cur.head) or self._group_like(cur.head))
                ):
                    return cur.head
            if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                head = cur.head
                if head.lemma_.lower() in self.res.anon_heads or head.ent_type_ in ("PERSON", "ORG"):
                    return head  # "sources confirming that ..."
                lem = head.lemma_.lower()
                if cur.tag_ == "VBG" and (lem in self.res.evidence_nouns or lem in PERSON_HEADS):
                    return head  # "a poll showing that ...", "candidates proposing ..."
            break
        if tok.dep_ == "ROOT":
            return (
                self._name_before(tok)
                or self._relative_subject(tok)
                or self._phrase_before(tok)
                or self._subject_after(tok)
            )
        return self._torn_subject(tok)

    def _group_like(self, subj: Any) -> bool:
        """A subject that can take a stance as a group: "they", a party, voters, 40 percent."""
        lemma = subj.lemma_.lower()
        return (
            subj.lower_ == "they"
            or lemma in GROUP_HEADS
            or lemma.rstrip("s") in GROUP_HEADS
            or lemma in self.res.anon_heads
            or subj.ent_type_ in ("ORG", "NORP")
        )

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
        """ "..., chief of the Network Ivo Marek said": the parser folded the speaker into
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

    def _relative_subject(self, tok: Any) -> Any | None:
        """ "Ana Berg, whose firm makes locks, said ...": the parser read the relative clause as a
        clause the cue reports, with the speaker as that clause's subject."""
        if tok.lemma_.lower() not in self.res.verbs or any(c.dep_ == "nsubj" for c in tok.children):
            return None
        if tok.i < 1 or self.doc[tok.i - 1].text != ",":
            return None
        for clause in tok.children:
            if clause.dep_ != "ccomp" or clause.i > tok.i:
                continue
            subj = next((g for g in clause.children if g.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ not in ("PROPN", "NOUN") or subj.i + 2 >= tok.i:
                continue
            if self.doc[subj.i + 1].text == "," and self.doc[subj.i + 2].lower_ in ("who", "whose"):
                return subj
        return None

    def _phrase_before(self, tok: Any) -> Any | None:
        """ "“...,” an aide, who asked not to be named, told reporters": the parser hung the speaker
        on the quotation's clause; take the noun phrase that opens after a comma or quotation
        mark and runs up to a speech cue."""
        if tok.lemma_.lower() not in self.res.verbs or any(c.dep_ == "nsubj" for c in tok.children):
            return None
        prev = tok.i - 1
        while prev > 0 and (self.doc[prev].pos_ == "ADV" or self.doc[prev].lower_ == ","):
            prev -= 1
        cur = self.doc[prev]
        while cur.head.i != cur.i and cur.right_edge.i < tok.i:
            before = self.doc[cur.left_edge.i - 1] if cur.left_edge.i > 0 else None
            if cur.pos_ in ("NOUN", "PROPN") and before is not None and before.is_punct:
                return cur if before.lower_ in PHRASE_OPENERS or before.is_quote else None
            cur = cur.head
        return None

    def _described_subject(self, head: Any) -> Any:
        """ "Lund is a liar and a coward who has pledged ...": a relative clause on what the subject
        of "be" is said to be speaks for that subject; any other head speaks for itself."""
        noun = head
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and (subj.pos_ in ("PROPN", "NOUN") or subj.ent_type_):
                return subj
        return head

    def _subject_after_quote(self, end: int, inside: Any, tok: Any) -> Any | None:
        """The noun phrase that opens after the quotation ending at char ``end`` (which holds
        ``inside``), before the cue ``tok`` (its head: "Mr. Olsen, now 81," -> "Olsen"); None when
        it is no noun."""
        first = next((t for t in self.doc[inside.i + 1 : tok.i] if t.idx >= end and not t.is_punct), None)
        if first is None:
            return None
        root = first
        while (
            first.i <= root.head.i < tok.i and root.head.i != root.i and root.head.pos_ in ("PROPN", "NOUN")
        ):
            root = root.head
        return root if root.pos_ in ("PROPN", "NOUN") else None

    def _subject_after(self, tok: Any) -> Any | None:
        """ "“...,” said Ana Kovac, asked about the delay": after a quotation, the parser made the
        inverted speaker the subject of the clause that follows."""
        if tok.lemma_.lower() not in self.res.verbs or tok.i < 2 or not self.doc[tok.i - 1].is_quote:
            return None
        for c in tok.children:
            if c.i > tok.i and c.pos_ in ("VERB", "AUX"):
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None and subj.left_edge.i == tok.i + 1 and subj.pos_ in ("NOUN", "PROPN"):
                    return subj
            if c.dep_ == "dobj" and c.left_edge.i == tok.i + 1 and c.pos_ in ("NOUN", "PROPN", "PRON"):
                # "“...,” added a local Democrat.": the parser took the inverted speaker for an object
                if c.right_edge.i + 1 >= tok.sent.end or self.doc[c.right_edge.i + 1].is_punct:
                    return c
        # "“...,” said Lund, ...": a name the tagger took for another word class
        name = self.doc[tok.i + 1 : tok.i + 4]
        run = [t for t in name if t.text[:1].isupper() and not t.is_punct]
        if run and run[0].i == tok.i + 1 and all(t.ent_type_ not in ("DATE", "TIME") for t in run):
            last = run[0]
            for t in run[1:]:
                if t.i != last.i + 1:
                    break
                last = t
            after = self.doc[last.i + 1] if last.i + 1 < len(self.doc) else None
            if after is None or after.is_punct:
                return last
        return None

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
                break  # "... in Vestmark Ivo Marek": a place before the name belongs to the role
            first = left
        return [t for t in self.doc[first.i : toks[-1].i + 1]]

    def _phrase_start(self, tok: Any) -> Any:
        """Start of the apposition that holds a folded-in speaker: back to the last comma."""
        i = tok.i
        while i > 0 and self.doc[i - 1].text not in (",", ";") and not self.doc[i - 1].is_sent_start:
            i -= 1
        return self.doc[i]
