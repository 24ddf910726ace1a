"""Partitioning by text size: balanced tasks, stable keys for resuming."""

from __future__ import annotations

from eventwire.ingest.readers import make_article
from eventwire.scale.partition import partition_articles


def articles(sizes):
    return [make_article("x" * size, id=f"a{i}") for i, size in enumerate(sizes)]


def test_cut_by_characters_not_count():
    parts = list(
        partition_articles(articles([400, 400, 400, 100, 100, 100, 100, 100, 100]), target_chars=800)
    )
    assert [len(p.articles) for p in parts] == [2, 5, 2]
    assert all(p.chars <= 800 for p in parts)
    assert [a.id for p in parts for a in p.articles] == [f"a{i}" for i in range(9)]  # input order kept


def test_long_article_gets_its_own_partition():
    parts = list(partition_articles(articles([100, 5000, 100]), target_chars=1000))
    assert [len(p.articles) for p in parts] == [1, 1, 1]


def test_article_cap_for_tiny_texts():
    parts = list(partition_articles(articles([10] * 25), target_chars=10**6, max_articles=10))
    assert [len(p.articles) for p in parts] == [10, 10, 5]


def test_keys_are_stable_and_content_dependent():
    first = [p.key for p in partition_articles(articles([300] * 6), target_chars=600)]
    again = [p.key for p in partition_articles(articles([300] * 6), target_chars=600)]
    assert first == again and len(set(first)) == 3
    other = articles([300] * 6)
    other[2].id = "changed"
    changed = [p.key for p in partition_articles(other, target_chars=600)]
    assert changed[0] == first[0] and changed[1] != first[1] and changed[2] == first[2]
