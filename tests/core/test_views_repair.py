"""A kill during the copies/stories update is repaired by the next ingest (adding 0) or by a read."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from eventwire.core import ingest
from eventwire.store import Store
from eventwire.store.freshness import STALE_KEY, update_views, views_stale
from eventwire.stories import list_stories
from tests.stories.helpers import bombing_corpus

# In a child process: store the written corpus, then die by SIGKILL between the copies and the
# stories transactions of the update (after copy detection committed its signatures).
KILLED_UPDATE = """
import os, signal, sys
import eventwire.stories.update as update
from eventwire.store import Store
from eventwire.store.freshness import update_views
from tests.stories.helpers import bombing_corpus

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

update.build_stories = die
with Store(sys.argv[1]) as store:
    bombing_corpus(store)
    update_views(store)
"""


def views(db) -> dict:
    with Store(db) as store:
        q = store.db.query
        return {
            "copies": q("SELECT article_id, original_id FROM copies ORDER BY article_id"),
            "copy_of": q("SELECT id, copy_of FROM articles ORDER BY id"),
            "stories": q("SELECT id, title, n_events, n_articles FROM stories ORDER BY id"),
            "members": q("SELECT article_id, idx, story_id FROM story_events ORDER BY article_id, idx"),
        }


@pytest.fixture
def reference(tmp_path):
    """The same corpus with one uninterrupted update."""
    db = tmp_path / "ref.db"
    with Store(db) as store:
        bombing_corpus(store)
        update_views(store)
    found = views(db)
    assert found["copies"] and found["stories"]  # the corpus has a copy and stories
    return found


def killed_store(tmp_path):
    db = tmp_path / "killed.db"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    result = subprocess.run([sys.executable, "-c", KILLED_UPDATE, str(db)], cwd=root, capture_output=True)
    assert result.returncode == -signal.SIGKILL, result.stderr
    with Store(db) as store:
        assert views_stale(store)
        assert store.count("articles") == 4 and not store.db.query("SELECT id FROM stories")
    return db


def test_next_ingest_adding_nothing_repairs_a_killed_update(tmp_path, reference, nlp_pipeline):
    db = killed_store(tmp_path)
    again = tmp_path / "again.jsonl"
    with Store(db) as store:
        rows = [{"id": a.id, "text": a.text} for a, _ in store.iter_articles()]
    again.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = ingest([again], db, pipeline=nlp_pipeline)
    assert (report.added, report.already_stored) == (0, 4)
    assert report.views.get("rebuilt") is True
    assert views(db) == reference
    with Store(db) as store:
        assert not views_stale(store) and store.get_meta(STALE_KEY) is None


def test_a_read_of_the_stories_repairs_a_killed_update(tmp_path, reference):
    db = killed_store(tmp_path)
    with Store(db) as store:
        listed = list_stories(store)
    assert {s["id"] for s in listed} == {s["id"] for s in reference["stories"]}
    assert views(db) == reference


def test_a_failed_update_leaves_the_flag_and_the_next_run_clears_it(tmp_path, monkeypatch, nlp_pipeline):
    import eventwire.stories.update as update

    db = tmp_path / "x.db"
    with Store(db) as store:
        bombing_corpus(store)
    real = update.build_stories

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(update, "build_stories", boom)
    first = ingest([], db, pipeline=nlp_pipeline)
    assert first.views == {}  # nothing added and nothing stale yet: no update was due
    with Store(db) as store, pytest.raises(RuntimeError):
        update_views(store)
    with Store(db) as store:
        assert views_stale(store)
    monkeypatch.setattr(update, "build_stories", real)
    second = ingest([], db, pipeline=nlp_pipeline)
    assert second.views["stories"]["total"] > 0
    with Store(db) as store:
        assert not views_stale(store)
