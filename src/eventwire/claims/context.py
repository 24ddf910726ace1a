"""Context across sentences: pronouns and descriptions resolved to earlier speakers, relays and citations."""

from __future__ import annotations

import logging
import re
from typing import Any

from ..wordsets import word_sets
from .quotes import region_at
from .resources import MEDIA_HEADS, ClaimResources
from .words import (
    ANAPHOR_HEADS,
    ANAPHOR_WINDOW,
    BODY_ANAPHORS,
    PRONOUNS,
    STATEMENT_NOUNS,
    SURVEY_NOUNS,
    _char_span,
    _Claim,
    _has_name,
    _span_text,
    _strip_paren,
    _trim,
)

log = logging.getLogger(__name__)

# Cues of an answer: their "he"/"she" is the person just asked.
ANSWER_VERBS = frozenset({"reply", "answer", "respond", "retort"})

# Given names used overwhelmingly for one sex ("Ana" female, "Ivo" male): name -> "female" / "male".
# The hand-written list wins over the one derived from the 1990 US Census.
GIVEN_NAMES = {
    name: sex
    for file in ("given_names_census.tsv", "given_names.tsv")
    for sex, names in word_sets(file).items()
    for name in names
}

# "Mr. Marek", "Mrs. Kovac", "Ms. Holm": a title that tells *he* from *she* for the surname.
TITLE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.? ([A-Z][\w'’\-]+)")


class ContextMixin:
    """Part of `ClaimFinder` (see extract.py); works on its per-article state."""

    res: ClaimResources
    doc: Any
    text: str

    def _apply_citing(self, claim: _Claim) -> None:
        """ "..., the Harbour News Agency reported, citing a military statement": the cited source is
        the speaker; an outlet (or the first speaker) that cites it becomes ``via``."""
        cue = self.doc[claim.cue_i]
        for c in cue.children:
            if c.lower_ != "citing" or c.dep_ not in ("advcl", "xcomp", "prep", "acl"):
                continue
            obj = next((g for g in c.children if g.dep_ in ("dobj", "pobj")), None)
            if obj is None or not self._cited_source(obj):
                continue  # "citing rising costs": a reason given, not who says so
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

    def _cited_source(self, obj: Any) -> bool:
        """What "citing" can name as a source: a named person or body, a person or group
        (`_person_like`, `_group_like`), a statement or survey, a role or an outlet."""
        owner = self._statement_owner(obj)
        lemma = owner.lemma_.lower()
        return (
            obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or obj.pos_ == "PROPN"
            or self._person_like(owner)
            or self._group_like(owner)
            or lemma in STATEMENT_NOUNS
            or lemma in SURVEY_NOUNS
            or lemma in MEDIA_HEADS
            or lemma in self.res.roles
            or lemma in self.res.evidence_nouns
        )

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
            if prev is not None and not self._outlet_reporting(prev):
                # (an outlet that reported on the letter only relays it; the letter speaks for itself)
                att.speaker, att.organization = prev.att.speaker, att.organization or prev.att.organization
                att.via = att.via or prev.att.via
                att.speaker_start, att.speaker_end = prev.att.speaker_start, prev.att.speaker_end
            return
        if is_pronoun or is_definite:
            prev = None
            if is_pronoun:
                wants_person = subj.lower_ in ("he", "she")
                female = subj.lower_ == "she"
                prev = next(
                    (
                        c
                        for c in reversed(recent)
                        if (
                            c.person and self._gender_fits(c.att.speaker, c.att.speaker_start, female)
                            if wants_person
                            else not c.person  # "they"/"it" never point back to a single person
                        )
                    ),
                    None,
                )
                nearer = self._nearer_subject_person(subj, prev) if wants_person else None
                if wants_person and self.doc[claim.cue_i].lemma_.lower() in ANSWER_VERBS:
                    # "A reporter asked Ann Ray how she felt. She replied: ...": who was asked answers
                    nearer = self._person_asked(subj) or nearer
                if nearer is not None:
                    # "Ann Ray met Bo Li. He said ...": a person named as a subject since the last
                    # claim is nearer than that claim's speaker
                    text, start, end = nearer
                    att.speaker, att.speaker_start, att.speaker_end = text, start, end
                    att.anonymous = False
                    claim.person = True
                    return
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
                found = self._preceding_entity(subj, ("PERSON",), female=subj.lower_ == "she")
                found = found or self._last_person(subj, earlier) or self._given_name_person(subj)
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
        # "according to the High Command" after "the High Command of the Ruritanian Army".
        if subj.pos_ == "PROPN" and att.speaker and " " in att.speaker:
            for c in reversed(recent):
                full = c.att.speaker or ""
                if full.startswith(att.speaker + " ") and not c.person:
                    att.speaker, att.organization = full, att.organization or c.att.organization
                    return
        # "Marek added" / "Chen said": one part of an earlier speaker's two- or three-word name
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

    def _outlet_reporting(self, claim: _Claim) -> bool:
        """ "According to the Courier, a memo was sent ...": an outlet telling of a document."""
        cue = (claim.att.cue or "").lower()
        reporting = cue == "according to" or cue.startswith("report")
        return reporting and self.res.find_outlet(claim.att.speaker or "") is not None

    def _nearer_subject_person(self, pron: Any, prev: Any) -> tuple[str, int, int] | None:
        """The nearest person named as a subject before ``pron`` (this or the previous two
        sentences), outside quotations and of a compatible title (no "Mrs." for "he"), when it
        comes after the speaker of the claim ``prev`` (or there is none)."""
        floor = prev.att.speaker_end if prev is not None and prev.att.speaker_end is not None else -1
        start = self.sents[max(0, self._sent_index(pron) - 2)].start_char
        female = pron.lower_ == "she"
        best = None
        for ent in self.index.ents_starting_between(start, pron.idx):
            if not self._person_ent(ent) or ent.start_char <= floor or ent.end_char > pron.idx:
                continue
            if region_at(self.quotes, ent.start_char):
                continue
            fronted = self._topic_fronted(ent)
            root = ent.root
            if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
                root = root.head  # "the agency's director, Ann Ray, said ...": the subject's name
            if root.dep_ not in ("nsubj", "nsubjpass") and not fronted:
                continue
            if root.head.dep_ not in ("ROOT", "conj") and not fronted:
                continue  # "Asked whether Ann Ray would run, she said": a subordinate clause's subject
            if not self._gender_fits(ent.text, ent.start_char, female):
                continue
            if best is None or ent.start_char > best.start_char:
                best = ent
        if best is None:
            return None
        return self._expand(best.text), best.start_char, best.end_char

    def _person_asked(self, pron: Any) -> tuple[str, int, int] | None:
        """The person named as the object of "asked" in this or the previous sentence, before ``pron``."""
        start = self.sents[max(0, self._sent_index(pron) - 1)].start_char
        asked = None
        for ent in self.index.ents_starting_between(start, pron.idx):
            root = ent.root
            if self._person_ent(ent) and root.dep_ == "dobj" and root.head.lemma_.lower() == "ask":
                if not region_at(self.quotes, ent.start_char):
                    asked = ent
        return (self._expand(asked.text), asked.start_char, asked.end_char) if asked is not None else None

    def _topic_fronted(self, ent: Any) -> bool:
        """ "As for Ana Kovac, she said ...": the person the sentence is about, named up front."""
        sent = ent.root.sent
        lead = self.text[sent.start_char : ent.start_char].lower().split()
        return lead[-2:] == ["as", "for"] and len(lead) <= 3

    def _last_person(self, pron: Any, earlier: list[_Claim]) -> tuple[str, int, int] | None:
        """Fallback for a *he*/*she* with nobody in reach: the last person who spoke before, however
        far back, or else the last person named outside a quotation (no "Mrs." for *he*, no "Mr."
        for *she*)."""
        female = pron.lower_ in ("she", "her")
        for c in reversed(earlier):
            start = c.att.speaker_start
            if c.person and c.att.speaker and c.att.speaker.lower() not in PRONOUNS and start is not None:
                if self._gender_fits(c.att.speaker, start, female):
                    return c.att.speaker, c.att.speaker_start, c.att.speaker_end or c.att.speaker_start
        best = None
        for ent in self.index.ents_starting_between(0, pron.idx):
            if not self._person_ent(ent) or ent.end_char > pron.idx or region_at(self.quotes, ent.start_char):
                continue
            if best is None or ent.start_char > best.start_char:
                best = ent if self._gender_fits(ent.text, ent.start_char, female) else best
        return None if best is None else (best.text, best.start_char, best.end_char)

    def _gender_fits(self, name: str | None, start: int | None, female: bool) -> bool:
        """Whether *he* (or *she*) can be ``name``: no "Mrs."/"Ms." for *he* and no "Mr." for *she*,
        right before this mention or before the same surname anywhere in the article."""
        if start is not None:
            before = self.text[max(0, start - 5) : start]
            if (female and "Mr." in before) or (not female and ("Mrs." in before or "Ms." in before)):
                return False
        if self._titles is None:
            self._titles = {}
            for m in TITLE_RE.finditer(self.text):
                self._titles.setdefault(m.group(2), set()).add(m.group(1) != "Mr")
        words = (name or "").split()
        seen = self._titles.get(words[-1], set()) if words else set()
        if seen and female not in seen:
            return False
        if len(words) == 1:
            full = self._first_full_name(words[0])  # "Kovac" -> "Ana Kovac" named earlier
            words = full.text.split() if full is not None else words
        given = next((GIVEN_NAMES[w] for w in words if w in GIVEN_NAMES), None)
        return given is None or given == ("female" if female else "male")

    def _given_name_person(self, pron: Any) -> tuple[str, int, int] | None:
        """Last resort for *he*/*she*: the last "Given Surname" outside quotations whose given name
        (``given_names.tsv``) is of the pronoun's sex, when the tagger saw no person at all."""
        want = "female" if pron.lower_ in ("she", "her") else "male"
        for tok in reversed(self.doc[: pron.i]):
            nxt = self.doc[tok.i + 1] if tok.i + 1 < pron.i else None
            if GIVEN_NAMES.get(tok.text) != want or nxt is None or nxt.pos_ != "PROPN":
                continue
            if region_at(self.quotes, tok.idx) is not None or not nxt.text[:1].isupper():
                continue
            return f"{tok.text} {nxt.text}", tok.idx, nxt.idx + len(nxt.text)
        return None

    def _person_ent(self, ent: Any) -> bool:
        """A person entity, or a one-word name the tagger took for a body ("Lindqvist" as ORG) after
        the article named that person in full."""
        return ent.label_ == "PERSON" or (" " not in ent.text and self._first_full_name(ent.text) is not None)

    def _first_full_name(self, last_word: str) -> Any | None:
        """The first person entity of two or more words ending in ``last_word``."""
        if self._full_names is None:
            self._full_names = {}
            for ent in self.index.ents:
                if ent.label_ == "PERSON" and " " in ent.text:
                    self._full_names.setdefault(ent.text.split()[-1], ent)
        return self._full_names.get(last_word)

    def _preceding_entity(
        self, subj: Any, labels: tuple[str, ...], acronyms: bool = False, female: bool | None = None
    ) -> tuple[str, int, int] | None:
        """Nearest named person/organisation before ``subj`` in this or the previous two sentences."""
        start = self.sents[max(0, self._sent_index(subj) - 2)].start_char
        best: tuple[str, int, int] | None = None
        for ent in self.index.ents_starting_between(start, subj.idx):
            if female is not None and not self._gender_fits(ent.text, ent.start_char, female):
                continue
            if "PERSON" in labels and region_at(self.quotes, ent.start_char) is not None:
                continue  # a name inside someone's quotation is not who *he* points back to
            label = "PERSON" if self._person_ent(ent) else ent.label_
            if label in labels and start <= ent.start_char < subj.idx:
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
        """Nested cues in one sentence. "A source said X, XNA reported": the outer outlet relays
        the inner claim (inner kept, outer becomes its ``via``). "The government said it was
        declaring a ceasefire": the inner cue is the same speaker's content (outer kept)."""
        # A cue that only completes another ("declined to comment", "plans to say") goes first, so
        # that it takes no statement of the same speaker with it ("..., saying that ...").
        drop = {
            id(inner)
            for inner in claims
            if self.doc[inner.cue_i].dep_ in ("xcomp", "acl")
            and any(o is not inner and o.att.start <= self.doc[inner.cue_i].idx < o.att.end for o in claims)
        }
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
                    continue  # "XNA reported that ..., as sources informed": two claims, not a relay
                outlet = self.res.find_outlet(outer.att.speaker or "")
                if outlet or outer.att.anonymous:
                    inner.att.via = inner.att.via or outlet
                    drop.add(id(outer))
        return [c for c in claims if id(c) not in drop]
