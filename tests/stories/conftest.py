from __future__ import annotations

import pytest

from eventwire.store import Store
from eventwire.stories import update_corpus_views
from tests.pg import pg_server, pg_url, store_url  # noqa: F401 - fixtures

from .gold import GOLD, gold_pair, gold_records
from .helpers import bombing_corpus


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


@pytest.fixture
def bombing_store(store):
    bombing_corpus(store)
    update_corpus_views(store)
    return store


@pytest.fixture(scope="session")
def gold_db(tmp_path_factory) -> str:
    """A SQLite file holding the shared dev corpus with its gold events, views updated."""
    if not GOLD.exists():
        pytest.skip("shared dev corpus (../shared/corpus/dev/gold.jsonl) not available")
    path = str(tmp_path_factory.mktemp("gold") / "gold.db")
    with Store(path) as s:
        for rec in gold_records():
            s.add(*gold_pair(rec))
        update_corpus_views(s)
    return path


@pytest.fixture
def gold_store(gold_db):
    with Store(gold_db) as s:
        yield s
