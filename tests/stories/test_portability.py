"""The corpus views give the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

from eventwire.exports import event_records
from eventwire.store import Store
from eventwire.stories import get_story, list_copies, list_stories, timeline, update_corpus_views

from .helpers import bombing_corpus


def test_views_on_both_backends(store_url):
    with Store(store_url) as store:
        bombing_corpus(store)
        summary = update_corpus_views(store)
        assert summary["copies"] == 1 and summary["stories"]["total"] == 2
        assert [(r["copy_id"], r["original_id"]) for r in list_copies(store)] == [("copy-1", "wire-1")]
        stories = list_stories(store)
        assert [s["place"] for s in stories] == ["Mogadishu", "Kharkiv"]
        story = get_story(store, stories[0]["id"])
        assert [c["values"] for c in story["contradictions"]] == [[12, 19]]
        assert [e["article_id"] for e in timeline(store, "Somalia")] == ["wire-1", "local-1"]
        assert len(list(event_records(store))) == 3
        # A second run finds nothing new to do.
        again = update_corpus_views(store)
        assert again["stories"]["articles"] == 0 and again["stories"]["total"] == 2
