"""What an article brings to story building: hashed text terms, named entities, places, date.

Text terms are the words of the title and text (lower-cased, stop words and numbers
dropped, a light plural fold), each hashed into a fixed feature space so the vocabulary
never has to be known in advance: a new article adds its features' document counts to
the stored table and nothing else is recomputed. The title and the lead (the first
``lead_words`` words) count twice, as wire copy puts the happening there.

Entities are the named people, organisations, places and events the analysis found
(``Analysis.entities``), plus resolved places (``Analysis.places``, by GeoNames id when
known); they are hashed into the same space under an ``e:`` prefix, so one document-count
table weighs both.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..models import Analysis

# Feature space: 2**22 buckets keep collisions rare for corpora of millions of words.
BUCKETS = 1 << 22

_WORD = re.compile(r"[^\W\d_]{2,}|\d+(?:[.,]\d+)*")
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"})
# Determiners and possessives spaCy keeps inside entity spans ("the Lakers", "Obama's").
_ENTITY_EDGE = re.compile(r"^(?:the|a|an)\s+|'s$|’s$")


def feature(token: str) -> int:
    """The bucket of a term or entity key (stable across runs and machines)."""
    return zlib.crc32(token.encode("utf-8")) % BUCKETS


def fold(text: str) -> str:
    """Case and diacritics folded (NFKD, combining marks dropped)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _stem(word: str) -> str:
    # "reports"/"report", "casualties"/"casualty"; not "news", "press", "bus".
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Content words of ``text`` in order (stop words, numbers and one-letter tokens dropped)."""
    return [_stem(w) for w in _WORD.findall(fold(text)) if w not in STOP_WORDS]


def entity_key(text: str) -> str:
    """A normalised entity name: "the Lakers'" and "Lakers" agree."""
    name = " ".join(fold(text).replace("’", "'").split())
    name = _ENTITY_EDGE.sub("", name).strip(" .,'\"")
    return name


@dataclass
class ArticleFeatures:
    """One article's term counts (bucket -> sublinear weight), entity keys and publication date."""

    article_id: str
    text_tf: dict[int, float] = field(default_factory=dict)
    entity_tf: dict[int, float] = field(default_factory=dict)
    published: str | None = None

    def all_features(self) -> set[int]:
        return set(self.text_tf) | set(self.entity_tf)

    def encode(self) -> str:
        """Compact storage: "t bucket:weight ...|e bucket:weight ..."."""

        def part(tf: dict[int, float]) -> str:
            return " ".join(f"{k}:{v:.3g}" for k, v in sorted(tf.items()))

        return f"{part(self.text_tf)}|{part(self.entity_tf)}"

    @classmethod
    def decode(cls, article_id: str, text: str, published: str | None) -> ArticleFeatures:
        text_part, _, entity_part = text.partition("|")

        def parse(part: str) -> dict[int, float]:
            out: dict[int, float] = {}
            for item in part.split():
                k, _, v = item.partition(":")
                out[int(k)] = float(v)
            return out

        return cls(article_id, parse(text_part), parse(entity_part), published)


def _sublinear(counts: Counter[int]) -> dict[int, float]:
    return {k: 1.0 + math.log(v) for k, v in counts.items()}


def article_features(
    article: dict[str, Any], analysis: Analysis | None, *, lead_words: int = 60
) -> ArticleFeatures:
    """Features of one stored article (``article`` has ``id``, ``text``, ``title``, ``published``)."""
    title = article.get("title") or ""
    words = terms(article.get("text") or "")
    counts: Counter[int] = Counter(feature(w) for w in words)
    # Title and lead count twice: they name the happening; the rest adds background.
    counts.update(feature(w) for w in terms(title))
    counts.update(feature(w) for w in words[:lead_words])
    ents: Counter[int] = Counter()
    if analysis is not None:
        for ent in analysis.entities:
            if ent.label in _ENTITY_LABELS:
                key = entity_key(ent.text)
                if len(key) > 1:
                    ents[feature("e:" + key)] += 1
        for place in analysis.places:
            if place.geonameid is not None:
                ents[feature(f"e:geo:{place.geonameid}")] += 1
            elif place.name:
                ents[feature("e:" + entity_key(place.name))] += 1
    return ArticleFeatures(
        article_id=article["id"],
        text_tf=_sublinear(counts),
        entity_tf=_sublinear(ents),
        published=article.get("published"),
    )
