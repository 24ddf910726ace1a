"""Several writers on one database wait their turn: nothing is lost, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from eventwire.errors import EventwireError
from eventwire.store import Store
from eventwire.store.database import Database

# A writer process: N articles, one transaction each, as fast as it can (no analysis in between,
# so the two writers collide far more often than two ingests do).
WRITER = """
import sys
from eventwire.ingest.readers import make_article
from eventwire.models import Analysis
from eventwire.store import Store

url, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Store(url) as store:
    for i in range(n):
        article = make_article(f"Writer {tag} stored report number {i}.", id=f"{tag}-{i}")
        assert store.add(article, Analysis(article_id=article.id))
    store.record_issues([])
"""


def _writers(url: str, tags: list[str], n: int) -> list[subprocess.CompletedProcess]:
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, url, tag, str(n)], stderr=subprocess.PIPE, text=True)
        for tag in tags
    ]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=300), "", p.stderr.read()) for p in procs]


def test_concurrent_writer_processes_lose_nothing(store_url):
    Store(store_url).close()  # both writers find the schema in place
    n = 150
    results = _writers(store_url, ["a", "b"], n)
    for result in results:
        assert result.returncode == 0, result.stderr
    with Store(store_url) as store:
        ids = store.article_ids()
    assert len(ids) == 2 * n
    assert {f"{t}-{i}" for t in "ab" for i in range(n)} == ids


def test_writers_opening_a_new_file_together(tmp_path):
    """Three processes create, migrate and write one fresh SQLite file at the same moment."""
    url = str(tmp_path / "fresh.db")
    results = _writers(url, ["a", "b", "c"], 40)
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr for r in results]
    with Store(url) as store:
        assert store.count() == 120


def test_a_writer_waits_for_the_lock_then_commits(tmp_path):
    url = str(tmp_path / "w.db")
    Store(url).close()
    holder = Database(url)
    holder.begin()  # another client holds the write lock ...
    holder.execute("INSERT INTO meta (key, value) VALUES ('held', '1')")
    threading.Timer(0.5, holder.commit).start()  # ... and lets go half a second later
    waiter = Database(url, busy_timeout=0.1, lock_retries=8)
    started = time.monotonic()
    waiter.transaction(lambda: waiter.execute("INSERT INTO meta (key, value) VALUES ('waited', '1')"))
    assert time.monotonic() - started >= 0.4
    rows = {r["key"] for r in waiter.query("SELECT key FROM meta")}
    assert {"held", "waited"} <= rows
    holder.close()
    waiter.close()


def test_a_lock_held_too_long_is_a_clear_error(tmp_path):
    url = str(tmp_path / "w.db")
    Store(url).close()
    holder = Database(url)
    holder.begin()
    waiter = Database(url, busy_timeout=0.05, lock_retries=2)
    with pytest.raises(EventwireError, match="locked by another writer"):
        waiter.transaction(lambda: waiter.execute("INSERT INTO meta (key, value) VALUES ('x', '1')"))
    assert not waiter.in_transaction
    holder.rollback()
    holder.close()
    waiter.close()


def test_write_transactions_take_the_lock_up_front(tmp_path):
    """A second writer cannot begin while the first one's transaction is open, even before it wrote."""
    url = str(tmp_path / "w.db")
    Store(url).close()
    first, second = Database(url), Database(url, busy_timeout=0.05, lock_retries=0)
    first.begin()
    with pytest.raises(EventwireError):
        second.begin()
    first.rollback()
    second.begin()  # free again
    second.rollback()
    first.close()
    second.close()
