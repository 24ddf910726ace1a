"""The stale flag and the update lock of the corpus views, on SQLite and PostgreSQL."""

from __future__ import annotations

from eventwire.store import Store
from eventwire.store.freshness import STALE_KEY, refresh_stale_views, update_lock, views_stale
from tests.stories.helpers import bombing_corpus


def test_a_read_repairs_stale_views_unless_an_update_is_running(store_url):
    with Store(store_url) as store:
        bombing_corpus(store)
        assert refresh_stale_views(store) is None  # nothing stale: nothing done
        store.set_meta(STALE_KEY, "1")  # as a killed update leaves it
        with Store(store_url) as other, update_lock(other, wait=True):
            assert refresh_stale_views(store) is None  # another client is updating: leave it
            assert views_stale(store)
        summary = refresh_stale_views(store)
        assert summary is not None and summary["rebuilt"] is True and summary["stories"]["total"] > 0
        assert not views_stale(store)
