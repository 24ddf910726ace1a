"""Cue lists and the outlets list behind the claims stage, loaded once from ``eventwire/data``.

Both files are readable TSV with a header comment naming their source and licence; a user
can point the stage at bigger lists with the same columns (``outlets_path``, ``cues_path``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_CUES = DATA_DIR / "claims_cues.tsv"
DEFAULT_OUTLETS = DATA_DIR / "outlets.tsv"

# Head nouns that make a noun phrase a news medium even when it is not in the outlets list
# ("told state television", "in a statement to a local newspaper").
MEDIA_HEADS = frozenset(
    {
        "agency",
        "television",
        "tv",
        "radio",
        "newspaper",
        "channel",
        "broadcaster",
        "outlet",
        "website",
        "daily",
        "media",
        "network",
        "station",
        "news",
        "paper",
        "magazine",
        "wire",
        "observatory",
        "monitor",
    }
)


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@dataclass
class ClaimResources:
    verbs: set[str] = field(default_factory=set)
    # cue lemma -> claim kind ("belief", "evidence"); a cue not listed here is "speech"
    verb_kinds: dict[str, str] = field(default_factory=dict)
    evidence_nouns: set[str] = field(default_factory=set)
    # noun cue lemma -> claim kind ("his claim that ..." speech, "her belief that ..." belief)
    noun_kinds: dict[str, str] = field(default_factory=dict)
    # noun cues that are a statement only when a person owns them ("her attacks on X")
    person_nouns: set[str] = field(default_factory=set)
    object_verbs: set[str] = field(default_factory=set)
    anon_heads: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    channels: dict[str, str] = field(default_factory=dict)
    anonymity: list[str] = field(default_factory=list)
    # alias -> canonical outlet name
    outlets: dict[str, str] = field(default_factory=dict)
    _outlet_re: re.Pattern[str] | None = None

    @classmethod
    def load(
        cls, cues_path: str | Path | None = None, outlets_path: str | Path | None = None
    ) -> ClaimResources:
        res = cls()
        for row in _rows(Path(cues_path or DEFAULT_CUES)):
            term, kind = row[0].strip(), row[1].strip()
            if kind == "verb":
                res.verbs.add(term.lower())
            elif kind in ("belief", "evidence"):
                res.verbs.add(term.lower())
                res.verb_kinds[term.lower()] = kind
            elif kind in ("speech_noun", "belief_noun"):
                res.noun_kinds[term.lower()] = kind.split("_")[0]
            elif kind == "person_noun":
                res.noun_kinds[term.lower()] = "speech"
                res.person_nouns.add(term.lower())
            elif kind == "evidence_noun":
                res.evidence_nouns.add(term.lower())
            elif kind == "object":
                res.object_verbs.add(term.lower())
            elif kind == "anon_head":
                res.anon_heads.add(term.lower())
            elif kind == "role":
                res.roles.add(term.lower())
            elif kind == "channel":
                res.channels[term] = term
            elif kind == "anonymity":
                res.anonymity.append(term.lower())
            else:
                log.warning("claims cues: unknown kind %r for %r", kind, term)
        for row in _rows(Path(outlets_path or DEFAULT_OUTLETS)):
            name = row[0].strip()
            aliases = [a.strip() for a in row[1].split("|")] if len(row) > 1 else []
            for alias in [name, *aliases]:
                if alias:
                    res.outlets[alias] = name
        alts = sorted(res.outlets, key=len, reverse=True)
        res._outlet_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")
        return res

    def kind_of(self, cue_lemma: str, subject_lemma: str | None) -> str:
        """ "speech", "belief" or "evidence" for a cue and the head of its subject."""
        if subject_lemma and subject_lemma in self.evidence_nouns:
            return "evidence"
        return self.verb_kinds.get(cue_lemma, "speech")

    def find_outlet_alias(self, text: str) -> str | None:
        """The outlet name as written in ``text`` ("Harbour news agency"), or None."""
        if self._outlet_re is None:
            return None
        m = self._outlet_re.search(text)
        return m.group(1) if m else None

    def find_outlet(self, text: str) -> str | None:
        """Canonical outlet named in ``text`` ("Russia's Sputnik news agency" -> "Sputnik"), or None."""
        if self._outlet_re is None:
            return None
        m = self._outlet_re.search(text)
        return self.outlets[m.group(1)] if m else None
