"""Finding place mentions: gazetteer matching over capitalised name chunks, with context cues.

spaCy's small model tags many transliterated village names as PERSON or ORG, so mentions
are not taken from NER. Instead the text is cut into *name chunks* (runs of capitalised
words, Arabic articles included: "al-Ghariyah al-Sharqiya", "Deir ez-Zor"), and every
sub-span of a chunk (``chunks.py``) is looked up in the gazetteer, longest first. NER labels and the words
around a span (``cues.json``) are then weighed as evidence:

- kind nouns: "the town of X", "villages of A, B and C", "X province", "X crossing";
- spatial prepositions and capture verbs: "in X", "retook X";
- region frames: "eastern X", "the northern countryside of X", "rural X";
- datelines: an all-caps name opening the text ("MOSCOW, March 23 (TASS) -");
- counter-evidence: a PERSON/ORG entity, a title before ("President X"), a larger name the
  match is only part of ("Sami Abdel Karim"), common capitalised words.

Unknown names with a strong cue ("the villages of Tal Khleif and ...") become mentions too;
the resolver places them in the enclosing province.

The gazetteer lookup stays outside the matching layer (``nlp.matching``): a sub-span is folded
(``normalize.name_key``: diacritics, articles, transliteration) and looked up among some 719,000
keys in the SQLite index; at the actor index's cost (0.36 s and 15 MB for 15,500 spellings) a
``PhraseMatcher`` over them would add about 17 s and 700 MB to start-up, and spaCy's tokens
carry no folded form to match on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..models import Entity
from .chunks import ARTICLE_PREFIX, INNER, INNER_START_OK, WORD_RE, Word, name_chunks
from .cue_reader import ContextCues, after_words, before_words
from .cue_words import cues
from .normalize import ADMIN_SUFFIXES, fold, name_key
from .references import abbreviation, abbreviation_key

MAX_WORDS = 6


@dataclass
class Mention:
    """A candidate place span with the evidence gathered around it."""

    start: int
    end: int
    text: str
    key: str  # name_key of the name part
    name_start: int = 0
    name_end: int = 0
    known: bool = True  # the gazetteer has this key
    kind_cue: str | None = None  # kind named by the context ("province", "village", ...)
    admin_cue: bool = False  # an admin noun next to it (X province, countryside of X)
    strong: bool = False  # a cue that makes it a place whatever the gazetteer says
    prep: bool = False
    region_frame: bool = False  # "eastern X", "countryside of X"
    dateline: bool = False
    ner: str | None = None
    person_cue: bool = False
    metonymy: bool = False
    partial: bool = False  # only part of a larger capitalised name
    sentence_initial: bool = False
    demonym: str | None = None  # country of an adjective before it ("the Syrian town of X")
    pos: str | None = None  # spaCy part of speech of a one-word mention
    acronym: bool = False  # all capitals outside a dateline ("SANA", "TASS")
    actor: str | None = None  # inside an actor or outlet name ("Jaysh al-Nasr", "Kalay PDF", "Xinhua")
    plural_after: str | None = None  # "three Kordofan towns": a plural settlement noun right after the name
    descriptor: bool = False  # "the Sahel country": a region naming a country, not a location
    container: Mention | None = None  # "X in the sub-district of Y", "X in Y province": Y encloses X
    country_hint: str | None = None  # the country an abbreviation names ("Va." is in the US)
    bracket: bool = False  # "X (District, Province)": a name with its admin units in brackets, or one of them
    words: int = 1
    notes: list[str] = field(default_factory=list)


class CandidateFinder(ContextCues):
    """Finds place mentions in a text given a key-lookup function over the gazetteer."""

    def __init__(self, has_key: Any, outlets: frozenset[str] = frozenset()):
        self.has_key = has_key
        self.c = cues()
        # Aliases of news outlets ("Xinhua", "Tasnim", "Al Mayadeen TV"): never places themselves.
        self.outlets = outlets

    # -- context --------------------------------------------------------------
    # -- main -------------------------------------------------------------------
    def _key(self, name: str) -> str:
        """The index key of a name as written; a hyphenated name the index knows only joined
        ("Petion-Ville" for "Petionville") takes the joined key."""
        key = name_key(name)
        if "-" in name and key and not self.has_key(key):
            joined = name_key(name.replace("-", ""))
            if joined and self.has_key(joined):
                return joined
        return key

    def find(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        entities: list[Entity],
        pos: dict[int, str] | None = None,
        actor_spans: list[tuple[int, int]] | None = None,
    ) -> list[Mention]:
        """Mentions in ``text``; ``pos`` maps token start offsets to spaCy POS tags (optional evidence);
        ``actor_spans`` are the offsets of named actors (armed groups, units) found in the text."""
        c = self.c
        mentions: list[Mention] = []
        sent_starts = [s for s, _ in sentences] or [0]

        def sent_start_of(pos: int) -> int:
            i = bisect.bisect_right(sent_starts, pos)
            return sent_starts[i - 1] if i else 0

        for chunk in name_chunks(text):
            n = len(chunk)
            covered = [False] * n
            found: list[tuple[int, int]] = []
            i = 0
            while i < n:
                match = None
                for j in range(min(n, i + MAX_WORDS), i, -1):
                    sub = chunk[i:j]
                    first = sub[0]
                    if first.text.islower() and first.lower in INNER and first.lower not in INNER_START_OK:
                        continue
                    if sub[-1].lower in INNER:
                        continue
                    if len(sub) == 1 and (sub[0].lower in c["directions"] or sub[0].lower in c["generic"]):
                        continue
                    if len(sub) > 1 and (
                        sub[-1].lower in c["admin_nouns"] or sub[-1].lower in ADMIN_SUFFIXES
                    ):
                        continue  # "Kunar Province" keys as "Kunar": match the name, read the noun as a cue
                    abbr = abbreviation(text, sub[0].start, sub[0].end) if len(sub) == 1 else None
                    key = abbreviation_key(abbr[0]) if abbr else self._key(text[sub[0].start : sub[-1].end])
                    if key and len(key) >= 3 and self.has_key(key):
                        match = (i, j)
                        break
                if match:
                    found.append(match)
                    for k in range(match[0], match[1]):
                        covered[k] = True
                    i = match[1]
                else:
                    i += 1
            # Words of the chunk no match covers: cue nouns and directions are fine; any other
            # capitalised word means the match is part of a larger name (person, group, unit).
            leftovers = [
                chunk[k].lower
                for k in range(n)
                if not covered[k]
                and chunk[k].lower not in c["kind_nouns"]
                and chunk[k].lower not in c["directions"]
                and chunk[k].lower not in INNER
                and chunk[k].lower not in ("rural", "greater", "old", "new", "border")
                # "Residents of Goma", "Protesters in Lagos": a common noun capitalised only
                # because it opens the sentence is not part of a name
                and not (
                    k == 0
                    and pos is not None
                    and pos.get(chunk[0].start) in ("NOUN", "ADJ", "VERB", "ADV", "DET", "PRON", "NUM")
                    and re.fullmatch(
                        r"(?:.*[-—–:]\s*)?[\s\"'“‘(]*",
                        text[sent_start_of(chunk[0].start) : chunk[0].start],
                        re.S,
                    )
                )
            ]
            if leftovers and found:
                # "in Chad Ahmat Brahim said": the leftover words are another entity.
                last_end = chunk[found[-1][1] - 1].end
                first_start = chunk[found[0][0]].start
                rest = [chunk[k] for k in range(n) if not covered[k]]
                if all(
                    any(e.start >= last_end and e.start <= w.start and w.end <= e.end for e in entities)
                    or any(e.end <= first_start and e.start <= w.start and w.end <= e.end for e in entities)
                    for w in rest
                ):
                    leftovers = []
            partial = bool(leftovers)
            if (
                partial
                and found
                and len(found) == 1
                and all(ARTICLE_PREFIX.match(chunk[k].text) for k in range(found[0][1], n) if not covered[k])
                and not any(not covered[k] for k in range(0, found[0][0]))
            ):
                # "Kafr Nabl al-Gharbi": a known name extended by article-words is a part of that place.
                core_j = found[0][1]
                found = [(found[0][0], n)]
                partial = False
            else:
                core_j = 0
            if (partial or len(found) > 1) and self._whole_chunk_cued(text, chunk):
                # "Kafr al-Wadi Saleh" after "the hamlets of": the whole chunk is one (unknown) name,
                # even if a part of it ("Wadi Saleh") names some other place.
                found, partial = [], False
            if not found:
                # Unknown to the gazetteer: keep as a possible place; the cue check decides.
                core = [w for w in chunk if w.lower not in c["kind_nouns"] and w.lower not in c["directions"]]
                if core and len(core) <= 4:
                    found = [(chunk.index(core[0]), chunk.index(core[-1]) + 1)]
                    partial = False
                    known = False
                else:
                    continue
            else:
                known = True
            for i, j in found:
                sub = chunk[i:j]
                s, e = sub[0].start, sub[-1].end
                key = self._key(text[s : chunk[core_j - 1].end]) if core_j else self._key(text[s:e])
                abbr = abbreviation(text, s, e) if j - i == 1 and known else None
                if abbr:
                    key, e = abbreviation_key(abbr[0]), abbr[1]  # "Calif." stands for California
                m = Mention(
                    start=s,
                    end=e,
                    text=text[s:e],
                    key=key,
                    name_start=s,
                    name_end=e,
                    known=known,
                    partial=partial,
                    words=j - i,
                )
                if abbr:
                    m.country_hint = abbr[0].country
                    m.notes.append("abbreviation")
                if pos is not None and j - i == 1:
                    m.pos = pos.get(s)
                self._context(text, m, sent_start_of(s))
                mentions.append(m)

        self._propagate_lists(text, mentions)
        self._containers(text, mentions)
        self._brackets(text, mentions)
        self._datelines(text, mentions)
        self._attach_ner(mentions, entities)
        self._person_names(text, mentions, entities)
        self._attach_actors(text, mentions, list(actor_spans or []))
        self._attach_actors(text, mentions, self._outlet_spans(text), outlet=True)
        return mentions

    def _outlet_spans(self, text: str) -> list[tuple[int, int]]:
        if not self.outlets:
            return []
        if not hasattr(self, "_outlet_re"):
            alts = sorted(self.outlets, key=len, reverse=True)
            self._outlet_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alts)) + r")(?![\w-])")
        return [(m.start(), m.end()) for m in self._outlet_re.finditer(text)]

    def _attach_actors(
        self, text: str, mentions: list[Mention], spans: list[tuple[int, int]], outlet: bool = False
    ) -> None:
        """A name inside an actor's or outlet's name ("Jaysh al-Nasr", "Ansar al-Din", "Xinhua"), or
        naming the unit of one ("Myingyan District People's Defense Force", "Myingyan PDF"), is part
        of that name, not a location."""
        c = self.c
        for m in mentions:
            for s, e in spans:
                if s <= m.start and m.end <= e:
                    m.actor = text[s:e]
                    if (s, e) == (m.start, m.end) and not outlet:
                        m.notes.append("actor-equal")  # "Azov", "Wagner": also real towns
                    break
                if m.end <= s <= m.end + 20:
                    between = fold(text[m.end : s]).split()
                    if (
                        all(w in c["admin_nouns"] or w in c["kind_nouns"] for w in between)
                        and len(between) <= 1
                    ):
                        if text[m.end : s].strip(" \u00a0-").count("\n") == 0 and "," not in text[m.end : s]:
                            m.actor = text[m.start : e]
                            break

    def _whole_chunk_cued(self, text: str, chunk: list[Word]) -> bool:
        before = before_words(text, chunk[0].start).split()
        prev, prev2 = (before[-1] if before else ""), (before[-2] if len(before) > 1 else "")
        kinds = self.c["kind_nouns"]
        if (prev == "of" and prev2 in kinds) or prev in ("village", "villages", "town", "towns"):
            return True
        # "raided Ywa Ma village", "Hpa Lan village": a singular settlement noun right after.
        after = after_words(text, chunk[-1].end).split()
        if after[:1] and after[0] in ("village", "town", "hamlet", "township", "settlement", "camp"):
            return True
        # Later members of a cued list: "the areas of Tal Khleif and Tal al-Sheikh Hassan".
        raw_before = text[max(0, chunk[0].start - 3) : chunk[0].start]
        if prev in ("and", "or") or raw_before.rstrip().endswith(","):
            words = before
            for i in range(len(words) - 1):
                if words[i] in kinds and words[i + 1] == "of":
                    return True
        return False

    def demonym_counts(self, text: str) -> dict[str, int]:
        """How often each country's adjective occurs ("Syrian", "Turkish-backed")."""
        counts: dict[str, int] = {}
        for w in WORD_RE.finditer(text):
            word = w.group()
            if not word[:1].isupper():
                continue
            cc = self.c["demonyms"].get(re.split(r"[-‐‑]", word)[0].lower())
            if cc:
                counts[cc] = counts.get(cc, 0) + 1
        return counts

    @staticmethod
    def _person_names(text: str, mentions: list[Mention], entities: list[Entity]) -> None:
        """A one-word name that is a word of a full person name elsewhere in the article ("President
        Ali Bongo ... Bongo said") is that person, unless the text uses it as a place here ("in X")."""
        words = set()
        for e in entities:
            parts = text[e.start : e.end].split()
            if e.label == "PERSON" and len(parts) >= 2:
                words.update(name_key(w) for w in (parts[0], parts[-1]))
        for m in mentions:
            if m.words == 1 and m.key in words and not m.strong and not m.dateline:
                if m.ner == "PERSON" or not m.prep:
                    m.person_cue = True
                    m.notes.append("person-name")

    @staticmethod
    def _attach_ner(mentions: list[Mention], entities: list[Entity]) -> None:
        ents = sorted(entities, key=lambda e: e.start)
        ends = [e.end for e in ents]
        for m in mentions:
            # the first entity ending after the mention starts, and a few after it (entities do not nest)
            i = bisect.bisect_right(ends, m.name_start)
            for e in ents[i : i + 4]:
                if e.start < m.name_end and m.name_start < e.end:
                    m.ner = e.label
                    # A PERSON entity that extends beyond the match is a larger name.
                    if e.label in ("PERSON", "ORG") and (e.start < m.name_start - 1 or e.end > m.end + 1):
                        m.notes.append("inside-" + e.label)
                    break
