"""Token features for the trained framing tagger: word, shape, part of speech, sentiment,
lexicon family and quotation, for each token and its neighbours.

The same function feeds training (``framing/train.py``) and tagging (``framing/tagger.py``),
so the model always sees features computed the same way. Features are strings (CRFsuite's
attribute names); a sentence is a list of per-token feature lists.

Sentiment comes from the VADER lexicon (Hutto & Gilbert 2014, MIT licence), read from the
``vaderSentiment`` package: a word whose mean valence is strong (|v| >= 2) or moderate
(|v| >= 1) gets a feature, as loaded language is mostly strongly valenced vocabulary.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from importlib import resources
from typing import Any

log = logging.getLogger(__name__)

WINDOW = 2  # neighbours on each side whose word and valence are features


@functools.cache
def valence() -> dict[str, float]:
    """Word -> mean valence from VADER's lexicon (empty, with a warning, when it is not installed)."""
    try:
        text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        log.warning("vaderSentiment is not installed: the framing tagger runs without sentiment features")
        return {}
    out: dict[str, float] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            try:
                out[cols[0]] = float(cols[1])
            except ValueError:
                continue
    return out


def _valence_bucket(word: str, lemma: str, table: dict[str, float]) -> str:
    v = table.get(word)
    if v is None:
        v = table.get(lemma, 0.0)
    if v <= -2:
        return "neg2"
    if v <= -1:
        return "neg1"
    if v >= 2:
        return "pos2"
    if v >= 1:
        return "pos1"
    return ""


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "UP"
    if text[:1].isupper():
        return "Cap"
    if text.isdigit():
        return "d"
    if text.isalpha():
        return "x"
    return "p"


def token_rows(
    sent: Any, lexicon_marks: dict[int, str], quoted: Iterable[tuple[int, int]]
) -> list[dict[str, str]]:
    """Per token of ``sent``: its own features (before neighbours are added)."""
    table = valence()
    regions = list(quoted)
    rows = []
    for tok in sent:
        word = tok.lower_
        lemma = tok.lemma_.lower()
        row = {
            "w": word,
            "l": lemma,
            "p": tok.pos_,
            "s": _shape(tok.text),
            "v": _valence_bucket(word, lemma, table),
        }
        if len(word) > 4:
            row["suf"] = word[-3:]
        fam = lexicon_marks.get(tok.idx)
        if fam:
            row["lex"] = fam
        if any(s <= tok.idx < e for s, e in regions):
            row["q"] = "1"
        if tok.ent_type_:
            row["e"] = tok.ent_type_
        rows.append(row)
    return rows


def sentence_features(
    sent: Any, lexicon_marks: dict[int, str], quoted: Iterable[tuple[int, int]]
) -> list[list[str]]:
    """CRFsuite attribute lists for every token of ``sent``, neighbours included."""
    rows = token_rows(sent, lexicon_marks, quoted)
    n = len(rows)
    strong = sum(1 for r in rows if r["v"] in ("neg2", "pos2"))
    exclaim = any(r["w"] in ("!", "?") for r in rows)
    sent_feats = [f"sv={min(strong, 3)}"] + (["sx"] if exclaim else [])
    out: list[list[str]] = []
    for i, row in enumerate(rows):
        feats = ["b"] + sent_feats + [f"{k}={v}" for k, v in row.items() if v]
        for d in range(1, WINDOW + 1):
            for j, tag in ((i - d, f"-{d}"), (i + d, f"+{d}")):
                if 0 <= j < n:
                    other = rows[j]
                    feats.append(f"{tag}l={other['l']}")
                    if other["v"]:
                        feats.append(f"{tag}v={other['v']}")
                    if d == 1:
                        feats.append(f"{tag}p={other['p']}")
                        if "lex" in other:
                            feats.append(f"{tag}lex")
                elif d == 1:
                    feats.append(f"{tag}edge")
        out.append(feats)
    return out


def lexicon_marks(matches: Iterable[tuple[int, int, Any]]) -> dict[int, str]:
    """Character offset -> lexicon family, for every character of the lexicon's ``matches``
    (``Lexicon.matches(text)``), so each token starting inside a match finds it by ``token.idx``."""
    marks: dict[int, str] = {}
    for start, end, entry in matches:
        for i in range(start, end):
            marks[i] = entry.family or entry.technique
    return marks
