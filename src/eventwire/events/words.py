"""The events stage's word lists, read once from ``data/event_words.json`` (through the one
word-set loader, ``eventwire.wordsets``).

Each named set says what it is for in its ``about`` text ("victim_nouns": people who are
civilians by the word itself, ...); the code names a set by its key.
"""

from __future__ import annotations

from pathlib import Path

from ..wordsets import load_word_sets, word_sets

PACKAGED = "event_words.json"


def read_words(path: Path) -> dict[str, frozenset[str]]:
    """Set name -> words of one word-list file (format of ``data/event_words.json``)."""
    return load_word_sets(path)


def load_words() -> dict[str, frozenset[str]]:
    """The packaged word lists (read once per process)."""
    return word_sets(PACKAGED)


def words(name: str) -> frozenset[str]:
    """One packaged set by name."""
    return load_words()[name]
