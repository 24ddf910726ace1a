"""Article-level stories from text, names and time, on the written corpus in corpus.py."""

from __future__ import annotations

from eventwire.stories import build_stories, list_stories, update_corpus_views

from .corpus import EXPECTED, OTHER, QUAKE_A, QUAKE_B, TRIAL, add_all, groups, story_corpus


def _expected():
    return sorted(EXPECTED, key=lambda g: sorted(g))


def test_every_article_gets_a_story_and_two_earthquakes_are_two_stories(store):
    story_corpus(store)
    update_corpus_views(store)
    assert groups(store) == _expected()


def test_undated_article_joins_by_its_words_and_names(store):
    story_corpus(store)
    update_corpus_views(store)
    rows = store.db.query(
        "SELECT article_id, story_id FROM story_articles WHERE article_id IN ('qa1', 'qa3')"
    )
    assert len({r["story_id"] for r in rows}) == 1


def test_follow_up_months_later_stays_when_the_names_agree(store):
    story_corpus(store)
    update_corpus_views(store)
    trial = next(s for s in list_stories(store) if "t1" in s["articles"])
    assert set(trial["articles"]) == {"t1", "t2"}
    assert trial["dates"] == ["2021-01-05", "2021-06-20"]
    assert trial["outlets"] == ["Ridge Times", "Valley Post"]


def test_batches_join_existing_stories_and_a_rebuild_agrees(store):
    add_all(store, [QUAKE_A[0], QUAKE_B[0], TRIAL[0], *OTHER])
    first = update_corpus_views(store)["stories"]
    assert first["created"] == 5
    add_all(store, [*QUAKE_A[1:], QUAKE_B[1], TRIAL[1]])
    second = update_corpus_views(store)["stories"]
    assert second["articles"] == 4 and second["created"] == 0
    incremental = groups(store)
    assert incremental == _expected()
    build_stories(store, rebuild=True)
    assert groups(store) == incremental


def test_stricter_settings_on_rebuild_split_stories(store):
    story_corpus(store)
    update_corpus_views(store)
    build_stories(store, rebuild=True, settings={"stories": {"min_score": 0.99}})
    assert len(groups(store)) == len(store.article_ids())


def test_reingested_article_is_placed_again(store):
    story_corpus(store)
    update_corpus_views(store)
    aid, outlet, published, text, entities = QUAKE_B[1]
    store.db.execute("UPDATE articles SET ingested_at = 'later' WHERE id = ?", (aid,))
    store.db.commit()
    update = update_corpus_views(store)["stories"]
    assert update["articles"] == 1
    assert groups(store) == _expected()
