"""Reading the words around a place mention: the cues that make it a place, a unit, a person or a
government acting (``cues.json``), lists that share a cue, containers the text names, datelines.

``ContextCues`` is the half of the mention finder (``candidates.CandidateFinder``) that reads
context; the other half cuts the text into name chunks and looks them up.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..nlp.datelines import dateline_after
from .normalize import fold

if TYPE_CHECKING:
    from .candidates import Mention

_CLAUSE_END = re.compile(r"[.!?;:\n(]\s")


def _acronym(name: str) -> bool:
    """ "MoD", "DPRK", "IBRiS": a word with two capitals spells out a name, it is no admin unit."""
    return any(sum(ch.isupper() for ch in w) > 1 for w in re.split(r"[\s-]+", name))


def before_words(text: str, start: int, n: int = 60) -> str:
    """Folded words before ``start`` in the same sentence (cues never cross a full stop)."""
    seg = text[max(0, start - n) : start]
    cut = [m.end() for m in _CLAUSE_END.finditer(seg)]
    if cut:
        seg = seg[cut[-1] :]
    return " ".join(fold(seg).split())


def after_words(text: str, end: int, n: int = 40) -> str:
    seg = text[end : end + n]
    m = re.search(r"[.!?;\n]", seg.replace("'s", "  ").replace("’s", "  "))
    if m:
        seg = seg[: m.start()]
    return " ".join(fold(seg).split())


class ContextCues:
    """Context readers over ``self.c`` (the cue lists) and ``self.outlets`` (outlet names)."""

    c: dict[str, Any]
    outlets: frozenset[str]

    def _context(self, text: str, m: Mention, sent_start: int) -> None:
        c = self.c
        before = before_words(text, m.start)
        after = after_words(text, m.name_end)
        bwords = before.split()
        while bwords and bwords[-1] in ("the", "a"):
            bwords.pop()  # "in the Central African Republic", "a village"
        awords = after.split()
        prev = bwords[-1] if bwords else ""
        prev2 = bwords[-2] if len(bwords) > 1 else ""
        nxt = awords[0] if awords else ""
        # "the town of X", "villages of X"
        if prev == "of" and prev2 in c["kind_nouns"]:
            m.kind_cue = c["kind_nouns"][prev2]
            m.strong = True
            m.notes.append("kind-before")
            m.admin_cue = prev2 in c["admin_nouns"]
            m.region_frame = prev2 in ("countryside", "outskirts", "vicinity", "suburbs")
        # "residents of X", "the streets of X": a place, kind unsaid
        elif prev == "of" and prev2 in c["people_frames"]:
            m.strong = True
            m.notes.append("people-of")
        # "the village X" (noun directly before a name)
        elif prev in c["kind_nouns"] and prev not in ("area", "areas", "base", "state", "heights"):
            m.kind_cue = c["kind_nouns"][prev]
            m.strong = True
            m.notes.append("kind-before")
        # "X province", "X village", "X crossing", "X countryside"
        glued = text[m.name_end : m.name_end + 1] in (" ", "\u00a0")
        if nxt in c["containers"] and glued:
            # "three Kordofan towns": the name encloses the towns. After a list ("A, B and C villages")
            # the list pass turns this back into the members' kind.
            m.plural_after = c["kind_nouns"].get(nxt, "region")
            m.region_frame = True
            m.admin_cue = True
            m.strong = True
        elif nxt in c["kind_nouns"] and nxt != "state" and glued:
            kind = c["kind_nouns"][nxt]
            m.kind_cue = kind
            m.strong = True
            m.admin_cue = m.admin_cue or nxt in c["admin_nouns"]
            if nxt == "countryside":
                m.region_frame = True
            elif (
                m.admin_cue
                and kind == "region"
                and after[:1]
                and text[m.name_end + 1 : m.name_end + 2].isupper()
            ):
                # "Magway Region", "Afar Region": a capitalised unit noun is the official unit name.
                m.kind_cue = "province"
        elif nxt in c["descriptors"] and glued and before.endswith("the"):
            m.descriptor = True  # "the Sahel country", "the Gulf state"
        if any(before.endswith(f) for f in c["area_frames"]):
            m.region_frame = True  # "most of Kordofan", "parts of Zaporizhzhia"
        if nxt == "border" and len(awords) > 1 and awords[1] in ("crossing", "crossings", "point"):
            m.kind_cue = "border_crossing"
            m.strong = True
        if prev in c["directions"] or (prev == "rural" or before.endswith("countryside of")):
            m.region_frame = True
            m.admin_cue = True
        if prev in c["preps"] or (prev in c["directions"] and prev2 in c["preps"]) or prev == "rural":
            m.prep = True
            m.notes.append("prep-direct")
        # Continuation of a cued list: "the towns of A, B and C", "A, B and C villages".
        # Handled by the caller (list propagation).
        # Titles and speech verbs: a person.
        # (a title only right before the name: "Prince Harry", not "Port-au-Prince, Haiti")
        titled = prev in c["titles"] and re.search(r"\w[ \u00a0]+$", text[max(0, m.start - 4) : m.start])
        if titled or (nxt in c["speech"] and not m.prep):
            m.person_cue = True
        # Metonymy: "X's plans", "backed by X", "X said".
        poss = text[m.name_end : m.name_end + 2] in ("'s", "’s")
        if poss:
            nxt = awords[1] if len(awords) > 1 else ""
            if nxt in c["possessed"] or (
                nxt in c["adjectives"] and len(awords) > 2 and awords[2] in c["possessed"]
            ):
                m.metonymy = True
                m.notes.append("possessive-actor")
        elif nxt in c["actor_nouns"]:
            m.metonymy = True  # "Sudan junta", "Mali government": a state as actor
        for pat in c["meto_before"]:
            if before.endswith(pat):
                if pat == "by" and not (m.start >= 2):
                    continue
                m.metonymy = True
                break
        if nxt in c["meto_verbs"] and not m.prep and not m.strong and not poss:
            m.metonymy = True
        if poss and (nxt in c["possessed"] or self._outletafter_words(text, m.name_end + 2)):
            m.metonymy = True  # "Russia's Sputnik news agency", "Moscow's envoy"
            if "possessive-actor" not in m.notes:
                m.notes.append("possessive-actor")
        if self._between_political(bwords, awords):
            m.metonymy = True
            m.notes.append("between")
        raw_after = text[m.name_end : m.name_end + 40]
        rel = re.match(r",\s+(?:which|who)\s+(\w+)(?:\s+(\w+))?", raw_after)
        if (
            rel
            and (rel.group(1) in c["relative_verbs"])
            and (
                rel.group(1) not in ("has", "had", "is", "was") or (rel.group(2) or "") in c["relative_verbs"]
            )
        ):
            m.metonymy = True  # "and Rwanda, which has backed the rebels"
        m.sentence_initial = m.start == sent_start or not text[sent_start : m.start].strip()
        for k in (3, 2, 1):
            for w in (" ".join(bwords[-k - 1 : -1]) if k > 1 else "", bwords[-k] if len(bwords) >= k else ""):
                if w in c["demonyms"]:
                    m.demonym = c["demonyms"][w]
                    break
            if m.demonym:
                break
        if (
            m.words == 1
            and m.country_hint is None
            and text[m.name_start : m.name_end].isupper()
            and m.name_end - m.name_start > 1
        ):
            m.acronym = True

    def _between_political(self, bwords: list[str], awords: list[str]) -> bool:
        """'talks between militant factions and X', 'collaboration between X and the militants'."""
        c = self.c
        # X as the second conjunct: "<political noun> between ... and X" within a few words.
        if len(bwords) >= 2 and bwords[-1] == "and":
            window = bwords[-7:-1]
            if "between" in window:
                i = len(window) - 1 - window[::-1].index("between")
                if i > 0 and window[i - 1] in c["between_nouns"]:
                    return True
                if i == 0 and len(bwords) >= 8 and bwords[-8] in c["between_nouns"]:
                    return True
            # "the militants and Damascus": coordinated with an actor noun phrase.
            if len(bwords) >= 2 and bwords[-2] in c["actor_conjuncts"] and "between" in bwords[-6:]:
                return True
        # X as the first conjunct: "<political noun> between X and ..."
        if bwords and bwords[-1] == "between" and len(bwords) >= 2 and bwords[-2] in c["between_nouns"]:
            return True
        if bwords and bwords[-1] == "between" and awords[:1] == ["and"]:
            rest = [w for w in awords[1:4] if w not in ("the", "a")]
            if rest and rest[0] in c["actor_conjuncts"]:
                return True
        return False

    def _outletafter_words(self, text: str, pos: int) -> bool:
        """An outlet's name right after a possessive ("Russia's Sputnik", "Iran's Press TV")."""
        follow = text[pos : pos + 40].lstrip()
        return any(follow.startswith(a + " ") or follow == a for a in self.outlets)

    def _propagate_lists(self, text: str, mentions: list[Mention]) -> None:
        """A cue on one member of "A, B and C" holds for all members ("the towns of A, B and C")."""
        mentions.sort(key=lambda m: m.start)
        groups: list[list[Mention]] = []
        for m in mentions:
            if groups:
                last = groups[-1][-1]
                gap = text[last.end : m.start]
                if re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or|&)\s*(?:the\s+)?", gap):
                    groups[-1].append(m)
                    continue
            groups.append([m])
        for g in groups:
            if len(g) >= 2 and g[-1].plural_after:
                # "A, B and C villages": the noun names the members, it does not enclose the last one.
                last = g[-1]
                last.kind_cue = last.plural_after
                last.region_frame = False
                last.admin_cue = False
                last.plural_after = None
            if len(g) < 2:
                continue
            if g[0].metonymy and not g[0].strong:
                for m in g[1:]:
                    m.metonymy = m.metonymy or not m.strong  # "backed by Russia and Iran"
            cued = [m for m in g if m.strong and m.kind_cue]
            if not cued:
                preps = any(m.prep for m in g[:1])
                known = sum(1 for m in g if m.known)
                # "in A, B and C": the preposition covers the list; a list of mostly known places
                # makes its unknown members places too.
                for m in g:
                    m.prep = m.prep or preps
                    if known >= 2 and known * 2 >= len(g):
                        m.notes.append("list-of-places")
                continue
            kind = cued[0].kind_cue
            admin = any(m.admin_cue for m in cued)
            for m in g:
                if not m.kind_cue:
                    m.kind_cue = kind
                    m.admin_cue = m.admin_cue or admin  # "Kayes and Sikasso regions"
                m.strong = True

    def _containers(self, text: str, mentions: list[Mention]) -> None:
        """ "the village of X in the sub-district of Y", "A and B in Y province", "X, Y Region":
        the text itself says which unit encloses X. The resolver keeps X's candidates inside Y and,
        when none is, codes X to Y."""
        ordered = sorted(mentions, key=lambda m: m.start)
        units = self.c["admin_nouns"] | {"township", "townships", "area", "areas", "sub", "subdistrict"}
        for i, m in enumerate(ordered[:-1]):
            # the end of the list m belongs to ("A, B and C in ...")
            j = i
            while j + 1 < len(ordered) and re.fullmatch(
                r"\s*(?:,|,?\s+and|,?\s+or)\s*(?:the\s+)?", text[ordered[j].end : ordered[j + 1].start]
            ):
                j += 1
            if j + 1 >= len(ordered):
                continue
            last, nxt = ordered[j], ordered[j + 1]
            gap = fold(text[last.end : nxt.start]).split()
            while gap and gap[0] in self.c["kind_nouns"]:
                gap = gap[1:]  # "Tamu Township in Magway Region"
            if not gap or gap[0] != "in" or len(gap) > 6:
                continue
            rest = [w for w in gap[1:] if w not in ("the", "a")]
            # "in the (sub-)district of Y" / "in the eastern countryside of Y" / "in Y province"
            named_before = bool(rest) and rest[-1] == "of" and any(w in units for w in rest[:-1])
            named_after = not rest and (nxt.admin_cue or nxt.kind_cue in ("province", "district", "region"))
            if named_before or named_after:
                m.container = nxt

    def _brackets(self, text: str, mentions: list[Mention]) -> None:
        """ "X (Province)", "X (District, Province)": ACLED-style notes name a place's admin units in
        brackets after it. The units support X rather than replace it: X is a place (known or not),
        the bracket members are admin units, and the last (widest) one is X's container, so X's
        readings must lie inside it (a same-name town abroad loses) and an unknown X is coded to it."""
        ordered = sorted(mentions, key=lambda m: m.start)
        by_start = {m.start: m for m in ordered}
        for m in ordered:
            open_ = re.match(r"[ \u00a0]*\((?=[^)\n]{1,80}\))", text[m.end :])
            if not open_:
                continue
            pos = m.end + open_.end()
            close = text.index(")", pos)
            members: list[Mention] = []
            while pos < close:
                nxt = by_start.get(pos)
                # An acronym in brackets spells out the name before it ("the Ministry of Defence (MoD)").
                if nxt is None or nxt.end > close or _acronym(nxt.text):
                    members = []
                    break
                members.append(nxt)
                sep = re.match(r"(?:\s+[A-Za-z]+)?\s*(?:,\s*|(?=\)))", text[nxt.end : close + 1])
                if not sep or (sep.group().strip(" ,") and fold(sep.group()) not in self.c["admin_nouns"]):
                    members = []  # "(Nampula province)" is fine; "(Gedo said)" is no bracket of units
                    break
                pos = nxt.end + sep.end()
            # the widest unit must be known; a district before it may be missing from the gazetteer
            if not members or len(members) > 3 or not members[-1].known:
                continue
            m.bracket = True
            if m.container is None:
                m.container = members[-1]
            if m.ner not in ("ORG", "NORP"):
                m.strong = True
            for k, u in enumerate(members):
                u.bracket = True
                u.admin_cue = True
                if not u.kind_cue:
                    u.kind_cue = "province" if k == len(members) - 1 else "district"

    def _datelines(self, text: str, mentions: list[Mention]) -> None:
        """An all-capitals place name opening the text, or opening a story anywhere and followed by
        the dateline's comma, bracket or dash ("SAN ANTONIO (AP) -", "WASHINGTON—", "LONDON, May 2")."""
        for m in mentions:
            if not m.text.isupper() or m.country_hint or m.text in self.outlets or not m.known:
                continue  # ("Aleppo, SANA -": the agency's name after the dateline)
            marker = dateline_after(text, m.end, caps=True) is not None
            if (m.start <= 3 and (marker or m.text.replace(" ", "").isalpha())) or (
                marker and len(m.key) >= 4
            ):
                m.dateline = True
                m.strong = True
                m.metonymy = False
