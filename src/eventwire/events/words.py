"""The events stage's word lists, read once from ``data/event_words.json``.

Each named set says what it is for in its ``about`` text ("victim_nouns": people who are
civilians by the word itself, ...); the code names a set by its key.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path

from ..errors import Errors, EventwireError

PACKAGED = "event_words.json"


def read_words(path: Path) -> dict[str, frozenset[str]]:
    """Set name -> words of one word-list file (format of ``data/event_words.json``)."""
    try:
        sets = json.loads(path.read_text(encoding="utf-8"))["sets"]
        return {name: frozenset(w.casefold() for w in entry["words"]) for name, entry in sets.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EventwireError(Errors.E160.format(path=path, detail=exc)) from exc


@functools.lru_cache(maxsize=1)
def load_words() -> dict[str, frozenset[str]]:
    """The packaged word lists (read once per process)."""
    return read_words(Path(str(resources.files("eventwire") / "data" / PACKAGED)))


def words(name: str) -> frozenset[str]:
    """One packaged set by name."""
    return load_words()[name]
