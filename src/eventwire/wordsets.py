"""Closed word classes kept in data files: one loader for every stage.

A word-set file is a TSV under ``eventwire/data/`` with one ``word <TAB> set`` per line;
lines starting with ``#`` are its header (purpose, source, one line per set). Stages read
them once, as frozensets: ``word_sets("claims_words.tsv")["pronouns"]``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def load_word_sets(path: str | Path) -> dict[str, frozenset[str]]:
    """``{set name: words}`` from a ``word <TAB> set`` file (``#`` lines are comments)."""
    path = Path(path)
    sets: dict[str, set[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            raise ValueError(f"{path}:{n}: expected 'word<TAB>set', got {line!r}")
        sets.setdefault(parts[1].strip(), set()).add(parts[0].strip())
    return {name: frozenset(words) for name, words in sets.items()}


@lru_cache(maxsize=16)
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """The packaged word-set file ``name`` (e.g. ``"framing_words.tsv"``), read once."""
    return load_word_sets(DATA / name)
