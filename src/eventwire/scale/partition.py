"""Cutting a stream of articles into partitions of roughly equal text size.

Partitions are cut by characters of text, not by article count: a corpus mixing wire
briefs with long features would otherwise give some workers ten times the work of
others. A partition's key is its position in the input plus a hash of its article ids,
so re-reading the same input gives the same keys, and a finished partition is
recognised (and skipped) when a run is resumed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..models import Article

# About 16 wire stories of 4,000 characters: seconds of analysis per task, so tasks
# balance across workers, and small enough that a kill loses little finished work.
DEFAULT_PARTITION_CHARS = 64_000
# A cap on articles per partition, for corpora of very short texts (headlines, posts).
MAX_PARTITION_ARTICLES = 500


@dataclass
class Partition:
    """Articles read consecutively from the input; ``key`` names the partition's files."""

    index: int
    articles: list[Article] = field(default_factory=list)
    chars: int = 0

    @property
    def key(self) -> str:
        digest = hashlib.sha256("\n".join(a.id for a in self.articles).encode("utf-8")).hexdigest()[:12]
        return f"{self.index:06d}-{digest}"


def partition_articles(
    articles: Iterable[Article],
    target_chars: int = DEFAULT_PARTITION_CHARS,
    max_articles: int = MAX_PARTITION_ARTICLES,
) -> Iterator[Partition]:
    """Yield partitions in input order, each holding about ``target_chars`` characters of text.

    A single article longer than ``target_chars`` gets a partition of its own.
    """
    current = Partition(index=0)
    for article in articles:
        size = len(article.text)
        if current.articles and (
            current.chars + size > target_chars or len(current.articles) >= max_articles
        ):
            yield current
            current = Partition(index=current.index + 1)
        current.articles.append(article)
        current.chars += size
    if current.articles:
        yield current
