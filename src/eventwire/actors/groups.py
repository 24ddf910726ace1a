"""Armed groups the dictionary does not list, kept under their own names.

A run of capitalised words ending in (or led by) an armed-group head noun of
``data/actor_group_heads.tsv`` is a group's name: "the Martyrs of Kivu Brigade", "Southern
Liberation Front", "Front for the Defence of the Plateau". ACLED codes an unlisted group by
its own name, so the name as written (without "the") is the canonical name. Names a state
gives its own forces ("the Malian Army", "Chadian Defence Forces") are not taken: a head
marked ``state_ok=no`` after a country name or adjective is left to the dictionary.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path

from ..models import Actor
from .dictionary import ActorDictionary, read_tsv

CONNECTORS = {"of", "for", "the", "and", "al", "el", "de", "du", "des", "la"}
# capitalised words that do not make a name ("The Brigade", "Their Front")
STOP_WORDS = {"The", "A", "An", "This", "That", "These", "Those", "Our", "Their", "His", "Her", "Its"}
MAX_WORDS = 7


@functools.lru_cache(maxsize=1)
def _rows() -> list[dict[str, str]]:
    return list(read_tsv(Path(str(resources.files("eventwire") / "data" / "actor_group_heads.tsv"))))


@functools.lru_cache(maxsize=1)
def load_heads() -> dict[str, tuple[str, bool]]:
    """Head noun -> (actor type, whether a country word before it still makes a group)."""
    return {
        r["head"]: (r["actor_type"], r.get("state_ok", "yes") != "no")
        for r in _rows()
        if r["actor_type"] != "-"
    }


@functools.lru_cache(maxsize=1)
def description_words() -> frozenset[str]:
    """Words opening a description before "of" ("Fighters of the X Brigade")."""
    return frozenset(r["head"] for r in _rows() if r["actor_type"] == "-")


@functools.lru_cache(maxsize=1)
def _head_re() -> re.Pattern[str]:
    heads = sorted(load_heads(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in heads) + r")(?![\w-])")


def _capitalised(word: str) -> bool:
    core = word.split("-", 1)[1] if word[:3].casefold() in ("al-", "el-") else word
    return bool(core) and (core[0].isupper() or core[0].isdigit())


def _words_before(text: str, end: int) -> list[tuple[int, int]]:
    """Spans of the name words right before ``end``, nearest last (capitalised words and
    connectors between them; stops at punctuation or a line break)."""
    spans: list[tuple[int, int]] = []
    pos = end
    for _ in range(MAX_WORDS):
        gap = pos
        while gap > 0 and text[gap - 1] == " ":
            gap -= 1
        if gap == pos or gap == 0:
            break
        start = gap
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        word = text[start:gap]
        if not re.fullmatch(r"[\w'’-]+", word):
            break
        if not (_capitalised(word) or word in CONNECTORS):
            break
        spans.append((start, gap))
        pos = start
    spans.reverse()
    for i in range(len(spans) - 1, -1, -1):  # "Fighters of the X Brigade": the name starts after "of"
        if text[spans[i][0] : spans[i][1]] in description_words():
            spans = spans[i + 1 :]
            break
    while spans and (text[spans[0][0] : spans[0][1]] in CONNECTORS | STOP_WORDS):
        spans.pop(0)
    return spans


def _words_after(text: str, start: int) -> int:
    """End of a tail like " for the Liberation of Kivu" after a head (``start`` when none)."""
    m = re.match(r"(?:\s+(?:of|for|and)(?:\s+the)?(?:\s+[A-Z][\w'’-]*)+)+", text[start:])
    return start + m.end() if m else start


def unlisted_groups(
    text: str, dictionary: ActorDictionary, taken: list[tuple[int, int]], country: str | None
) -> list[Actor]:
    """Named armed groups in ``text`` that overlap none of the ``taken`` spans."""
    heads = load_heads()
    out: list[Actor] = []
    for m in _head_re().finditer(text):
        actor_type, state_ok = heads[m.group(0)]
        before = _words_before(text, m.start())
        end = _words_after(text, m.end())
        if not before and end == m.end():
            continue  # a bare head ("the Front") names nothing
        start = before[0][0] if before else m.start()
        words = [text[s:e] for s, e in before]
        if not any(_capitalised(w) and w not in STOP_WORDS for w in words) and end == m.end():
            continue
        if not state_ok and any(dictionary.country_of_adjective(w) for w in words):
            continue  # "the Malian Army": a state's forces
        if any(start < b and a < end for a, b in taken):
            continue
        if out and out[-1].end > start:
            continue
        name = text[start:end]
        out.append(Actor(name, start, end, name, actor_type, country, None))
    return out


def with_groups(actors: list[Actor], groups: list[Actor], text: str) -> list[Actor]:
    """``actors`` plus ``groups``; a generic label right after a group ("X Front militants")
    joins the group's mention, as a label after a listed group does."""
    if not groups:
        return actors
    kept = []
    by_end = {g.end: g for g in groups}
    for a in actors:
        host = next((g for e, g in by_end.items() if 0 < a.start - e <= 1 and text[e : a.start].isspace()),
                    None)  # fmt: skip
        if host is not None and a.label and host.label is None:
            host.mention, host.end, host.label = text[host.start : a.end], a.end, a.label
            continue
        kept.append(a)
    return sorted([*kept, *groups], key=lambda a: a.start)
