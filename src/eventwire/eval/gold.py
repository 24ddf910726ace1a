"""Reading gold files (format: ``shared/corpus/GOLD_SCHEMA.md``) and locating their spans.

Gold annotations quote exact substrings of the article text instead of typing offsets.
Here every quoted substring is turned into ``start``/``end`` character offsets, so the
metrics can compare gold and predicted spans by position, exactly as the pipeline's
records carry them.

* places and framing quote ``mention`` / ``span`` plus a 0-based ``occurrence``;
* events quote their ``evidence``, attributions their ``claim`` (first occurrence unless
  an ``occurrence`` key is given).

A quote that cannot be found is an error in the gold file, never silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError


def locate(text: str, needle: str, occurrence: int = 0) -> tuple[int, int] | None:
    """Offsets of the ``occurrence``-th (0-based) appearance of ``needle`` in ``text``.

    Appearances may overlap each other ("aa" occurs twice in "aaa"): the search resumes
    one character after the previous hit, which is how annotators count when they read.
    """
    if not needle or occurrence < 0:
        return None
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


@dataclass
class GoldSpan:
    """One gold annotation with its located offsets; ``data`` is the raw gold dict."""

    start: int
    end: int
    data: dict[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


@dataclass
class GoldArticle:
    """A gold line: the article's text and metadata, and its annotations with offsets."""

    id: str
    text: str
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    places: list[GoldSpan] = field(default_factory=list)
    events: list[GoldSpan] = field(default_factory=list)
    attributions: list[GoldSpan] = field(default_factory=list)
    framing: list[GoldSpan] = field(default_factory=list)

    # layer -> (field holding the quoted substring)
    QUOTED_FIELDS = {"places": "mention", "events": "evidence", "attributions": "claim", "framing": "span"}

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "<gold>") -> GoldArticle:
        """Build from one parsed gold line; raises `InputError` naming ``where`` on bad quotes."""
        if not isinstance(data, dict):
            raise InputError(where, Errors.E041.format(detail=type(data).__name__))
        text = data.get("text")
        if not isinstance(text, str):
            raise InputError(where, Errors.E042)
        located: dict[str, list[GoldSpan]] = {}
        for layer, key in cls.QUOTED_FIELDS.items():
            spans: list[GoldSpan] = []
            for item in data.get(layer) or []:
                occurrence = int(item.get("occurrence") or 0)
                quote = item.get(key) or ""
                hit = locate(text, quote, occurrence)
                if hit is None:
                    message = Errors.E040.format(field=key, value=quote, occurrence=occurrence)
                    raise InputError(where, message)
                spans.append(GoldSpan(start=hit[0], end=hit[1], data=item))
            located[layer] = spans
        return cls(
            id=str(data.get("id") or where),
            text=text,
            outlet=data.get("outlet"),
            published=data.get("published"),
            title=data.get("title"),
            url=data.get("url"),
            **located,
        )

    def place_by_name(self, name: str | None) -> GoldSpan | None:
        """The gold place whose canonical ``name`` is ``name`` (events refer to places this way)."""
        if not name:
            return None
        for place in self.places:
            if place.get("name") == name:
                return place
        return None


def as_gold(gold: GoldArticle | dict[str, Any]) -> GoldArticle:
    """Accept a parsed gold dict wherever a `GoldArticle` is expected (handy in tests and scripts)."""
    return gold if isinstance(gold, GoldArticle) else GoldArticle.from_dict(gold)


def iter_gold(path: str | Path) -> Iterator[GoldArticle]:
    """Yield the gold articles of a JSONL file, one per non-blank line."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), Errors.E018 if isinstance(exc, FileNotFoundError) else str(exc)) from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, Errors.E041.format(detail=exc.msg)) from exc
            yield GoldArticle.from_dict(data, where=where)


def load_gold(path: str | Path) -> list[GoldArticle]:
    """All gold articles of a JSONL file, with located offsets."""
    return list(iter_gold(path))


__all__ = ["GoldArticle", "GoldSpan", "as_gold", "iter_gold", "load_gold", "locate"]
