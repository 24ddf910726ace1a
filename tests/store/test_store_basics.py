"""Store behaviour on SQLite and a real PostgreSQL server: migrations, idempotence, transactions."""

from __future__ import annotations

import pytest

from eventwire.ingest.readers import make_article
from eventwire.models import Analysis, Event, Place
from eventwire.store import Store
from eventwire.store.migrations import SCHEMA_VERSION


def sample(i: int = 0):
    article = make_article(
        f"Troops entered Nawa on Sunday ({i}).", id=f"a{i}", outlet="Wire", published="2018-07-01"
    )
    analysis = Analysis(
        article_id=article.id,
        places=[Place(mention="Nawa", start=15, end=19, name="Nawa", lat=32.89, lon=36.04, country="SY")],
        events=[
            Event(event_type="Battles", sub_event_type="Government regains territory", start=0, end=30,
                  evidence=article.text[:30], location="Nawa", date="2018-07-01", date_precision="day",
                  quantities={"people": 3})
        ],
    )  # fmt: skip
    return article, analysis


def test_migrations_versioned(store_url):
    db = store_url
    Store(db).close()
    with Store(db) as store:  # reopening applies nothing new
        assert store.schema_version == SCHEMA_VERSION


def test_newer_schema_refused(store_url):
    db = store_url
    with Store(db) as store:
        store.db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(Exception, match="newer"):
        Store(db)


def test_add_is_idempotent_and_round_trips(store_url):
    article, analysis = sample()
    with Store(store_url) as store:
        assert store.add(article, analysis) is True
        assert store.add(article, analysis) is False
        assert store.summary()["articles"] == 1 and store.summary()["events"] == 1
        assert store.get_analysis(article.id) == analysis
        assert store.get_article(article.id) == article


def test_replace_rewrites_children(store_url):
    article, analysis = sample()
    with Store(store_url) as store:
        store.add(article, analysis)
        analysis.events = []
        assert store.add(article, analysis, replace=True)
        assert store.count("events") == 0


def test_failed_article_rolls_back_alone(store_url):
    with Store(store_url) as store:
        store.add(*sample(1))
        article, analysis = sample(2)
        # not storable: fails after the article and its places rows were written
        analysis.events[0].quantities = {"people": object()}
        analysis.to_json = lambda: "{}"  # let the analysis row through to reach the events
        with pytest.raises(TypeError):
            store.add(article, analysis)
        assert store.article_ids() == {"a1"}
        assert store.count("places") == 1


def test_rows_built_apart_store_exactly_what_add_stores(store_url, tmp_path):
    from eventwire.scale.verify import differences
    from eventwire.store.store import article_records

    pairs = [sample(i) for i in range(3)]
    pairs[1][1].analyzed, pairs[1][1].reason = False, "not English"
    with Store(tmp_path / "added.db") as added, Store(store_url) as built:
        for article, analysis in pairs:
            added.add(article, analysis)
            # built with no database at hand, as a Dask worker builds them
            records = article_records(article, analysis)
            assert built.add_records(records) is True
            assert built.add_records(records) is False
        assert differences(added, built) == []
        assert built.get_analysis("a2") == pairs[2][1]
