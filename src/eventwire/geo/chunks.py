"""Name chunks: the text cut into runs of capitalised words, inner particles included
("al-Ghariyah al-Sharqiya", "Mocimboa da Praia", "Rostov-on-Don"). The place finder
(``candidates.py``) looks every sub-span of a chunk up in the gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cue_words import cues

# A word: letters/digits with inner apostrophes and hyphens ("Dara'a", "al-Harak", "Turkey-backed").
# Dotted initials ("U.S.", "N.J.") are one word.
WORD_RE = re.compile(r"(?:[A-Z]\.){2,}(?![a-z])|[^\W_][\w'’‘`ʿʾ]*(?:[-‐‑][\w'’‘`ʿʾ]+)*")
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an|ez|ed|es|esh|et|er|en|adh|ath)[-‐‑]", re.I)
_POSSESSIVE = re.compile(r"[’'‘]s$|[’']$")
# Lower-case particles allowed inside a name chunk ("Tell al Qasr", "Isle of the Dead").
# Standalone "at", "as", "an", "en" are English words far more often than sun-letter articles,
# so only the unambiguous article forms join a chunk ("at Marib" is not a name).
# Romance particles join a name too ("Mocimboa da Praia", "San Vicente del Caguan", "Santa Cruz de
# la Sierra", "Croix des Bouquets"), also two in a row ("de la", "de los").
INNER = frozenset(
    "al el ad ash az ez ed esh adh ath of the de du la le bin ibn bani wa "
    "da do dos das del della dei di des los las".split()
)
_HYPHEN_INNER = frozenset("on upon sur am an der im en au aux les sous a à lès lez".split())
INNER_START_OK = frozenset("al el ash ez esh adh ath".split())


@dataclass
class Word:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


# "Tobruk-based", "Idlib-based": the name is a place (unlike "Turkey-backed", an actor).
_PLACE_SUFFIX = re.compile(r"[-‐‑](?:based)$")


def _words(text: str) -> list[Word]:
    out: list[Word] = []
    for m in WORD_RE.finditer(text):
        w, s = m.group(), m.start()
        pm = _POSSESSIVE.search(w)
        if pm:
            w = w[: pm.start()]
        sm = _PLACE_SUFFIX.search(w)
        if sm:
            w = w[: sm.start()]
        out.append(Word(w, s, s + len(w)))
    return out


def _is_cap(word: str) -> bool:
    """A name word: capitalised (after an optional al-/el- prefix) and every hyphen part too."""
    core = ARTICLE_PREFIX.sub("", word)
    if not core or not core[0].isupper():
        return False
    parts = re.split(r"[-‐‑]", core)
    # "Turkey-backed", "Russian-led": a capitalised word glued to a lower-case one is an adjective.
    # Inner parts of hyphenated names: "Rostov-on-Don", "Frankfurt-am-Main", "Boulogne-sur-Mer".
    return parts[0][:1].isupper() and all(
        p[:1].isupper() or p.lower() in INNER or p.lower() in _HYPHEN_INNER for p in parts if p
    )


def _gap_ok(text: str, a: Word, b: Word) -> bool:
    """Two words belong to one chunk when only one space (or a non-breaking space) separates them."""
    gap = text[a.end : b.start]
    return gap in (" ", "\u00a0") or (gap == "" and False)


def name_chunks(text: str) -> list[list[Word]]:
    """Maximal runs of name words (with inner particles), split at punctuation."""
    words = _words(text)
    chunks: list[list[Word]] = []
    cur: list[Word] = []
    c = cues()
    for i, w in enumerate(words):
        low = w.lower
        is_name = _is_cap(w.text) and low not in c["not_names"]
        if not is_name and cur and low in c["calendar"] and _is_cap(w.text):
            # "Ywa Ma village", "Nyaung June": a month word after a name word is part of the name,
            # unless a number follows ("Damascus, Mar 5").
            nxt_w = words[i + 1] if i + 1 < len(words) else None
            is_name = not (nxt_w is not None and nxt_w.text[:1].isdigit()) and text[w.end : w.end + 1] != "."
        # Inner particles join a chunk only between name words ("Busra al Harir"), or start it when
        # an article is followed by a name word ("al Harak").
        nxt = words[i + 1] if i + 1 < len(words) else None
        # A particle may be followed by a second one before the name word ("de la Sierra").
        nxt2 = words[i + 2] if i + 2 < len(words) else None
        is_inner = (
            low in INNER
            and nxt is not None
            and _gap_ok(text, w, nxt)
            and (
                _is_cap(nxt.text)
                or (
                    nxt.lower in INNER
                    and nxt2 is not None
                    and _gap_ok(text, nxt, nxt2)
                    and _is_cap(nxt2.text)
                )
            )
            and (bool(cur) or low in INNER_START_OK)
        )
        if cur and not _gap_ok(text, cur[-1], w):
            chunks.append(cur)
            cur = []
        if is_name or (is_inner and (cur or low in INNER_START_OK)):
            # A possessive ends the chunk: "Tripoli's airport".
            cur.append(w)
            if text[w.end : w.end + 1] in "'’" and text[w.end + 1 : w.end + 2] in ("s", ""):
                chunks.append(cur)
                cur = []
        elif cur:
            chunks.append(cur)
            cur = []
    if cur:
        chunks.append(cur)
    # Strip particles hanging at either end.
    out = []
    for ch in chunks:
        while ch and ch[-1].lower in INNER:
            ch = ch[:-1]
        # (a capitalised particle opening a name is part of it: "Los Angeles", "La Paz", "Des Moines")
        while ch and ch[0].text.islower() and ch[0].lower in INNER and ch[0].lower not in INNER_START_OK:
            ch = ch[1:]
        if ch:
            out.append(ch)
    return out
