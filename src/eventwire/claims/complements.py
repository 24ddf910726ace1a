"""Where a cue's claim lies when the parser misplaces it: a clause coordinated with the cue, a
that-clause hung on a title, a stock answer as the object, an occasion clause, a speech participle."""

from __future__ import annotations

from typing import Any

from .resources import ClaimResources
from .words import STATEMENT_NOUNS, _that

# Plain objects of "say"/"tell" that are an answer or an account ("said yes", "told a different story").
STOCK_OBJECTS = {"say": frozenset({"same", "so", "yes", "no"}), "tell": frozenset({"story", "tale"})}
# Subordinators of a clause that is the occasion of a statement, not its content.
OCCASION_MARKS = frozenset({"after", "before", "when", "while", "as", "since", "because", "until", "once"})
# Object pronouns: who was spoken to ("“Why?” she asked him").
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
# Cues whose object is the person spoken to (a plain object of "tell" never blocks the quotation).
ADDRESS_VERBS = frozenset({"ask", "assure", "reassure", "remind", "warn", "urge", "answer", "inform"})


class ComplementMixin:
    """Part of `ClaimFinder` (see extract.py); works on its per-article state."""

    res: ClaimResources
    doc: Any

    def _stray_that_clause(self, tok: Any, lemma: str) -> Any | None:
        """ "said on NBC's ''Meet the Press'' on Sunday that X had ...": a speech verb's complete clause
        opened by "that" which the parser hung on a noun of the cue's phrases (a title, a day)."""
        if lemma not in self.res.verbs or lemma in self.res.verb_kinds:
            return None
        for t in tok.subtree:
            if t.i <= tok.i or t.i > tok.i + 16 or t.pos_ not in ("VERB", "AUX"):
                continue
            if t.dep_ not in ("relcl", "acl", "ccomp"):
                continue
            if t.head.pos_ != "PROPN" and t.head.ent_type_ not in ("WORK_OF_ART", "DATE", "TIME"):
                continue  # (not "the assertion that ...": a noun's own clause)
            mark = t.left_edge
            subj = next((g for g in t.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if mark.lower_ == "that" and mark.dep_ == "mark" and subj is not None and subj.i > mark.i:
                return t
        return None

    @staticmethod
    def _stock_object(tok: Any) -> bool:
        """ "46 percent said yes", "a third said the same of Kovac", "Lund told a different story":
        an answer or an account as the plain object of "say"/"tell"."""
        wanted = STOCK_OBJECTS.get(tok.lemma_.lower(), frozenset())
        return any(
            # ("26 percent said the same": the parser may make "the same" a second subject)
            c.dep_ in ("dobj", "intj", "nsubj") and c.lemma_.lower() in wanted and c.i > tok.i
            for c in tok.children
        )

    @staticmethod
    def _occasion(clause: Any, before: bool) -> bool:
        """A clause under "after"/"when"/"as": the occasion of a statement. After the cue only when
        it opens with that word ("said as the crowd booed", not "said that ... since 2000")."""
        marks = [g for g in clause.children if g.dep_ == "mark"]
        if before:
            return any(g.lower_ in OCCASION_MARKS for g in marks)
        return not _that(clause) and any(
            g.lower_ in OCCASION_MARKS and g.i == clause.left_edge.i for g in marks
        )

    def _said_participle(self, c: Any) -> bool:
        """ "adding", "saying": a speech verb's participle, a statement of its own."""
        return c.tag_ == "VBG" and c.lemma_.lower() in self.res.verbs

    def _document_content(self, tok: Any) -> Any | None:
        """ "wrote a letter congratulating the organizers", "posted a note saying ...": what the written
        object says, a participle or "that"-clause on a document noun the cue has for its object."""
        for c in tok.children:
            if c.dep_ != "dobj" or c.lemma_.lower() not in STATEMENT_NOUNS:
                continue
            for g in c.children:
                if g.dep_ == "acl" and g.tag_ == "VBG" or g.dep_ in ("acl", "relcl") and _that(g):
                    return g
        return None

    def _addressee(self, c: Any) -> bool:
        """ "asked him", "assured the crowd", "told reporters": a cue's object that is who was spoken to."""
        if c.dep_ != "dobj" or c.head.lemma_.lower() not in ADDRESS_VERBS:
            return False  # ("accused Trump": the object of other cues is their target)
        return c.lower_ in OBJECT_PRONOUNS or self._person_like(c) or self._group_like(c)

    def _coordinated_aside(self, tok: Any, subj: Any) -> bool:
        """A speech verb joined without "and" to the clause before its comma and speaker."""
        if (
            tok.dep_ != "conj"
            or tok.lemma_.lower() not in self.res.verbs
            or tok.lemma_.lower() in self.res.verb_kinds
        ):
            return False
        if subj.dep_ != "nsubj" or subj.head.i != tok.i or not tok.head.i < subj.left_edge.i < tok.i:
            return False
        if any(c.dep_ in ("ccomp", "xcomp", "parataxis", "advcl") and c.i > tok.i for c in tok.children):
            return False  # (the cue reports a clause of its own after it)
        comma = self.doc[subj.left_edge.i - 1]
        coordinated = any(c.dep_ == "cc" and c.i < tok.i for c in tok.head.children)
        return comma.text == "," and not coordinated and tok.head.pos_ in ("VERB", "AUX")
