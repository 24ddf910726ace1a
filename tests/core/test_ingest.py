"""core.ingest: one bad article never aborts a batch, and each analysis is stored as it is made."""

from __future__ import annotations

import json

import pytest

from eventwire.core import ingest
from eventwire.pipeline import Context, Pipeline, Stage, register_stage
from eventwire.store import Store

TEXTS = [f"Clashes broke out in the town of Nawa on Sunday, residents said ({i})." for i in range(6)]


@register_stage("test_fail_marked", requires=("sentences",))
class FailMarked(Stage):
    def __call__(self, ctx: Context) -> None:
        if "BOOM" in ctx.article.text:
            raise ValueError("cannot analyze this one")


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [{"id": f"a{i}", "text": t + (" BOOM" if i == 2 else "")} for i, t in enumerate(TEXTS)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_failing_article_is_reported_and_the_rest_stored(corpus, tmp_path):
    report = ingest([corpus], tmp_path / "x.db", pipeline=Pipeline(stages=["nlp", "test_fail_marked"]))
    assert (report.read, report.added, report.failed) == (6, 5, 1)
    (issue,) = [i for i in report.issues if i.fatal]
    assert issue.where == f"{corpus}:3" and "cannot analyze this one" in issue.message
    with Store(tmp_path / "x.db") as store:
        assert store.article_ids() == {"a0", "a1", "a3", "a4", "a5"}


SEEN_STORED: list[int] = []


@register_stage("test_count_stored", requires=("sentences",))
class CountStored(Stage):
    """Records how many articles the database holds when each article is analyzed."""

    def initialize(self, config) -> None:
        self.db = config["db"]

    def __call__(self, ctx: Context) -> None:
        with Store(self.db) as store:
            SEEN_STORED.append(store.count("articles"))


def test_each_article_is_stored_before_the_next_is_analyzed(corpus, tmp_path):
    db = tmp_path / "x.db"
    Store(db).close()
    SEEN_STORED.clear()
    pipeline = Pipeline(stages=["nlp", "test_count_stored"], config={"test_count_stored": {"db": db}})
    ingest([corpus], db, pipeline=pipeline, update_views=False)
    # a crash while analyzing article k loses only article k: the k before it are committed
    assert SEEN_STORED == [0, 1, 2, 3, 4, 5]
