"""Describing a speaker: name, organisation, anonymity, and the outlet or channel that relays it (``via``)."""

from __future__ import annotations

import logging
from typing import Any

from .quotes import region_at
from .resources import MEDIA_HEADS, ClaimResources
from .words import (
    BODY_LABELS,
    PERSON_HEADS,
    PORTFOLIO_ROLES,
    STATEMENT_NOUNS,
    _char_span,
    _span_text,
    _strip_paren,
    _trim,
)

log = logging.getLogger(__name__)


class SpeakerMixin:
    """Part of `ClaimFinder` (see extract.py); works on its per-article state."""

    res: ClaimResources
    doc: Any
    text: str

    def _describe_speaker(self, toks: list[Any]) -> tuple[str | None, str | None, bool]:
        if not toks:
            return None, None, False
        doc = self.doc
        head = next((t for t in toks if t.head not in toks or t.head == t), toks[-1])
        persons = [t for t in toks if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
        body_as_person = persons and any(t.lower_ in ("'s", "’s") for t in self._entity_of(head))
        if body_as_person:
            persons = []  # "the Hill People's Liberation Front" tagged as a person is a body
        if not persons:
            persons = self._name_after_role(toks, head)
        elif persons[-1].dep_ == "appos" and persons[-1].head.i == head.i and persons[-1].i == toks[-1].i:
            head = persons[-1]  # "the Herald columnist Ana Kovac": the name ends the phrase and heads it
        appos_name = self._appos_name(head) if not persons else None
        if appos_name:
            # "An army spokesman, Brigadier Ivo Marek, told ...": the apposition names the speaker.
            organization = self._actor_for(toks)
            return _span_text(doc, appos_name), organization, False
        organization: str | None = None
        speaker = _span_text(doc, toks)
        role_prefix: list[Any] = []
        if persons and persons[-1].i == head.i:
            # "CMN head Laila Haddad": the name is the speaker, what precedes it is role + organisation.
            first = persons[-1]
            while first.i - 1 >= toks[0].i:
                left = doc[first.i - 1]
                initial = (
                    len(left.text) == 2 and left.text[1] == "." and left.text[0].isupper()
                )  # "Paul D. Ryan"
                if (
                    left.pos_ != "PROPN"
                    or left.lemma_.lower() in self.res.roles
                    or (left.text.isupper() and not initial)
                ):
                    break
                split_name = (
                    left.ent_type_ == "ORG"
                    and left.dep_ == "compound"
                    and left.head.i == first.i
                    and not (left.i > 0 and doc[left.i - 1].pos_ == "PROPN")
                )  # "Ivo Marek" with the first name tagged as an organisation
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
            # "state media outlet XNA": the parser may hang the name anywhere under the head.
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
            # "Ruritania's private Harbour news agency" -> "Harbour news agency"
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
        """ "An army spokesman, Ivo Marek, said", "his wife, Mira, said": the name in apposition."""
        lemma = head.lemma_.lower()
        if lemma not in self.res.roles and lemma not in self.res.anon_heads:
            if head.tag_ != "NN" or head.ent_type_:
                return None  # (plural "two objectors, A and B," name a group; "the assailant, A," one)
        for c in head.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > head.i:
                ent = [t for t in self._entity_of(c) if t.pos_ == "PROPN"]
                return ent or None
        return None

    def _name_after_role(self, toks: list[Any], head: Any) -> list[Any]:
        """ "Foreign Ministry spokesperson Ana Kovac" when the tagger missed the person:
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
        """Acronym -> full name where the article defines it ("CMN" -> "Coastal Monitoring ...")."""
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

    # -- the speaker's phrase, role and owner ---------------------------------------
    def _speaker_tokens(self, head: Any) -> list[Any]:
        """The speaker's noun phrase without appositions and relative clauses."""
        skip: set[int] = set()
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and head.lemma_.lower() in MEDIA_HEADS:
                continue  # "state media outlet XNA": the name is the speaker
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == head.i + 1:
                continue  # "the Herald columnist Ana Kovac": no comma, so the name is the head's own
            if c.dep_ in ("appos", "relcl", "acl", "punct", "advmod", "cc", "conj") and c.i > head.i:
                skip.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.i > head.i and c.lower_ not in ("of", "for", "in", "from", "at"):
                skip.update(t.i for t in c.subtree)
            if c.dep_ in ("advmod", "cc", "punct", "ccomp", "parataxis") and c.i < head.i:
                # "“We will win,” Ana Kovac told ...": the parser may hang the quote on the name
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

    def _org_in_phrase(self, start: Any, name: Any) -> str | None:
        name_start = self._name_tokens(name)[0].i
        for t in self.doc[start.i : name_start]:
            if t.lower_ not in self.res.roles:
                continue
            # "chief of the Coastal Monitoring Network ... Ivo Marek": the role's object.
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
            # "Lindqvist says" (tagged a body) after "Oskar Lindqvist" was named as a person
            or (len(toks) == 1 and toks[0].pos_ == "PROPN" and self._first_full_name(toks[0].text))
            or (head is not None and head.lemma_.lower() in PERSON_HEADS and head.tag_ in ("NN", "NNP"))
        )
        return role, person

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
