"""ingest_issues keeps each problem once, however often the same input is ingested again."""

from __future__ import annotations

from eventwire.ingest.readers import ReadIssue
from eventwire.store import Store


def test_record_issues_is_idempotent(store_url):
    issues = [ReadIssue("c.jsonl:2", "truncated or invalid JSON"), ReadIssue("c.jsonl:5", "odd date", False)]
    with Store(store_url) as store:
        assert store.record_issues(issues) == 2
        assert store.record_issues(issues) == 0
        assert store.record_issues([*issues, ReadIssue("c.jsonl:9", "new problem")]) == 1
        assert store.count("ingest_issues") == 3


def test_meta_values_set_and_cleared(store_url):
    with Store(store_url) as store:
        store.set_meta("views_stale", "1")
        assert store.get_meta("views_stale") == "1"
        store.set_meta("views_stale", None)
        assert store.get_meta("views_stale") is None


def test_migration_removes_repeats_earlier_runs_added(tmp_path):
    db = str(tmp_path / "old.db")
    with Store(db) as store:
        store.db.execute("DROP INDEX ingest_issues_source")  # back to schema 3, as an older eventwire left it
        store.db.execute("DROP INDEX attributions_kind")  # (and undo the later migration 5)
        store.db.execute("ALTER TABLE attributions DROP COLUMN kind")
        store.db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        for _ in range(3):
            store.db.execute(
                "INSERT INTO ingest_issues (source, message, fatal, created_at) VALUES ('a:1', 'bad', 1, 'x')"
            )
    with Store(db) as store:
        assert store.schema_version == 5 and store.count("ingest_issues") == 1
