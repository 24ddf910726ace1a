"""Kill a real distributed run (SIGKILL to the CLI and its workers), run it again, get the same database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.ingest.readers import read_paths
from eventwire.scale.parquet import MARKERS
from eventwire.scale.partition import partition_articles
from eventwire.scale.verify import differences
from eventwire.store import Store

from .conftest import GOLD, gold_records, write_jsonl, written_records

EVENTWIRE = Path(sys.executable).with_name("eventwire")
PARTITION_KB = 12


# One hash seed for every process (driver, workers, reference): this test is about resuming,
# and must not depend on whether every stage is independent of Python's hash randomisation
# (test_determinism.py checks that separately).
ENV = {**os.environ, "PYTHONHASHSEED": "0"}


def run_cli(corpus: Path, db: Path, out: Path | None = None, **popen) -> subprocess.Popen:
    args = [str(EVENTWIRE), "ingest", str(corpus), "--db", str(db), "--json", "-q"]
    if out is not None:
        args += ["--workers", "2", "--parquet", str(out), "--partition-kb", str(PARTITION_KB)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, **popen)


def markers(out: Path) -> list[Path]:
    return sorted((out / MARKERS).glob("*.json")) if (out / MARKERS).exists() else []


@pytest.mark.slow
def test_killed_run_resumes_to_the_same_database(tmp_path):
    records = gold_records(80) if GOLD.exists() else written_records(600)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    total = sum(1 for _ in partition_articles(read_paths([corpus]), target_chars=PARTITION_KB * 1000))
    out, db = tmp_path / "out", tmp_path / "dist.db"

    # a process group of its own, so the kill takes the workers down too, as a crash would
    proc = run_cli(corpus, db, out, start_new_session=True)
    deadline = time.monotonic() + 240
    while len(markers(out)) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    finished = len(markers(out))
    assert 2 <= finished < total, "the kill should land in the middle of the analysis"
    with Store(db) as partial:
        # finished partitions are loaded while the rest is analysed: some, never all
        loaded_before = partial.count("articles")
        assert loaded_before < len(records)
        assert partial.count("ingest_issues") == 0

    resumed = run_cli(corpus, db, out)
    stdout, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr
    report = json.loads(stdout)
    assert report["resumed"] == finished and report["partitions"] == total
    assert report["added"] == len(records) - loaded_before

    single = run_cli(corpus, tmp_path / "single.db")
    assert single.wait(timeout=600) == 0
    with Store(tmp_path / "single.db") as a, Store(db) as b:
        assert differences(a, b) == []
