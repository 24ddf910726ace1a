"""Closed word classes kept in data files: one loader for every stage.

A word-set file under ``eventwire/data/`` is either

- a TSV with one ``word <TAB> set`` per line; lines starting with ``#`` are its header
  (purpose, source, one line per set) — ``claims_words.tsv``, ``framing_words.tsv``; or
- a JSON object ``{"_about": ..., "sets": {name: {"about": ..., "words": [...]}}}``, where each
  set documents itself — ``event_words.json``.

Stages read them once, as frozensets: ``word_sets("claims_words.tsv")["pronouns"]``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import Errors, EventwireError

DATA = Path(__file__).resolve().parent / "data"


def load_word_sets(path: str | Path) -> dict[str, frozenset[str]]:
    """``{set name: words}`` from a word-set file (TSV or JSON, see above)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            sets = json.loads(text)["sets"]
            return {name: frozenset(w.casefold() for w in entry["words"]) for name, entry in sets.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EventwireError(Errors.E160.format(path=path, detail=exc)) from exc
    found: dict[str, set[str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            detail = f"line {n}: expected 'word<TAB>set', got {line!r}"
            raise EventwireError(Errors.E160.format(path=path, detail=detail))
        found.setdefault(parts[1].strip(), set()).add(parts[0].strip())
    return {name: frozenset(words) for name, words in found.items()}


@lru_cache(maxsize=16)
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """The packaged word-set file ``name`` (e.g. ``"framing_words.tsv"``), read once."""
    return load_word_sets(DATA / name)
