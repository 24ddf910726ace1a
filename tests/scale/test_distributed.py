"""Distributed ingest on a real Dask cluster: the same rows as one process, on SQLite and PostgreSQL.

These tests are about the scale machinery (partitioning, workers, Parquet, loading, resuming),
so they run the spaCy stage only, the project's convention for ingest and storage tests.
"""

from __future__ import annotations

import pytest

from eventwire.core import ingest
from eventwire.pipeline import Context, Pipeline, Stage, register_stage
from eventwire.scale import ingest_distributed
from eventwire.scale.verify import differences
from eventwire.store import Store

from .conftest import write_jsonl, written_records

REPORT_FIELDS = ("read", "added", "already_stored", "not_analyzed", "failed", "events")


def counts(report) -> dict:
    return {k: getattr(report, k) for k in REPORT_FIELDS}


def run_small_partitions(corpus, db, out, pipeline, **kwargs):
    """Two workers, partitions of a few short articles each, so every run has several."""
    return ingest_distributed(
        [corpus], db, workers=2, parquet_dir=out, partition_chars=300, pipeline=pipeline, **kwargs
    )


def test_same_rows_as_single_process_and_rerun_adds_nothing(mixed_corpus, tmp_path, nlp_pipeline):
    single_db, dist_db = tmp_path / "single.db", tmp_path / "dist.db"
    single = ingest([mixed_corpus], single_db, pipeline=nlp_pipeline)
    done = []
    dist = run_small_partitions(mixed_corpus, dist_db, tmp_path / "out", nlp_pipeline, progress=done.append)
    assert counts(dist) == counts(single)
    assert single.not_analyzed == 1 and single.already_stored == 1  # the French text, the repeat
    # every unique article reported once (the repeat is not partitioned)
    assert sum(done) == dist.read - 1
    assert dist.partitions > 3 and dist.resumed == 0
    assert dist.workers and all(peak > 50 * 2**20 for peak in dist.workers.values())
    with Store(single_db) as a, Store(dist_db) as b:
        assert a.summary()["articles"] == 19
        assert differences(a, b) == []
    assert list((tmp_path / "out" / "articles").glob("year=2019/month=03/*.parquet"))

    # a second run of each: nothing added, read problems logged again, the same database
    again_single = ingest([mixed_corpus], single_db, pipeline=nlp_pipeline)
    again = run_small_partitions(mixed_corpus, dist_db, tmp_path / "out", nlp_pipeline)
    assert again.added == again_single.added == 0
    assert again.resumed == again.partitions and again.dashboard is None  # no cluster was needed
    with Store(single_db) as a, Store(dist_db) as b:
        assert differences(a, b) == []


@pytest.mark.postgres
def test_postgres_store_matches_sqlite(mixed_corpus, tmp_path, pg_url, nlp_pipeline):
    ingest([mixed_corpus], tmp_path / "single.db", pipeline=nlp_pipeline)
    report = run_small_partitions(mixed_corpus, pg_url, tmp_path / "out", nlp_pipeline)
    assert report.added == 19
    with Store(tmp_path / "single.db") as a, Store(pg_url) as b:
        assert b.db.dialect == "postgresql"
        assert differences(a, b) == []


def test_interrupted_load_resumes_to_the_same_database(mixed_corpus, tmp_path, nlp_pipeline, monkeypatch):
    ingest([mixed_corpus], tmp_path / "single.db", pipeline=nlp_pipeline)
    real_add = Store.add_records
    calls = []

    def add_then_die(self, records, **kwargs):
        if len(calls) == 7:
            raise KeyboardInterrupt  # as if Ctrl-C arrived in the middle of loading
        calls.append(records.article_id)
        return real_add(self, records, **kwargs)

    monkeypatch.setattr(Store, "add_records", add_then_die)
    with pytest.raises(KeyboardInterrupt):
        ingest_distributed(
            [mixed_corpus], tmp_path / "d.db", workers=1, parquet_dir=tmp_path / "out", pipeline=nlp_pipeline
        )
    monkeypatch.setattr(Store, "add_records", real_add)
    with Store(tmp_path / "d.db") as partial:
        assert partial.count("articles") == 7 and partial.count("ingest_issues") == 0
    report = ingest_distributed(
        [mixed_corpus], tmp_path / "d.db", workers=1, parquet_dir=tmp_path / "out", pipeline=nlp_pipeline
    )
    assert report.added == 12 and report.resumed == report.partitions
    with Store(tmp_path / "single.db") as a, Store(tmp_path / "d.db") as b:
        assert differences(a, b) == []


@register_stage("test_explode", requires=("sentences",))
class ExplodeStage(Stage):
    """Fails on one marked article: the failure must stay with that article."""

    def __call__(self, ctx: Context) -> None:
        if "EXPLODE" in ctx.article.text:
            raise ValueError("cannot analyze this one")


def test_existing_scheduler_and_failure_isolation(tmp_path):
    from distributed import LocalCluster

    records = written_records(8)
    records[3]["text"] += " EXPLODE"
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    # an in-process cluster: its worker shares this process's stage registry (test_explode)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        report = ingest_distributed(
            [corpus], tmp_path / "d.db", scheduler=cluster.scheduler_address, parquet_dir=tmp_path / "out",
            pipeline=Pipeline(stages=["nlp", "test_explode"]),
        )  # fmt: skip
    assert report.added == 7 and report.failed == 1
    failure = [i for i in report.issues if "cannot analyze" in i.message]
    assert len(failure) == 1 and failure[0].where.endswith(":4")
    with Store(tmp_path / "d.db") as store:
        assert "w0003" not in store.article_ids()
        issues = store.db.query("SELECT message FROM ingest_issues")
        assert [i["message"] for i in issues] == ["analysis failed: ValueError: cannot analyze this one"]
        assert store.get_analysis("w0000").stages == ["nlp", "test_explode"]


def _worker_settings() -> dict:
    import os

    import dask

    return {
        "MALLOC_TRIM_THRESHOLD_": os.environ.get("MALLOC_TRIM_THRESHOLD_"),
        "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS"),
        "profile": dask.config.get("distributed.worker.profile.enabled"),
    }


def test_local_workers_run_without_dask_malloc_trim_and_profiler(monkeypatch):
    from eventwire.scale.cluster import dask_client

    # Dask's own default for worker processes; a user's explicit setting would be inherited
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with dask_client(workers=1) as client:
        settings = list(client.run(_worker_settings).values())
    assert settings == [{"MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": "1", "profile": False}]
