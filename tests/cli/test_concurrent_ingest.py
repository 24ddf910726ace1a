"""Real `eventwire ingest` processes sharing one SQLite file with each other and with another writer."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

from eventwire.ingest.readers import make_article
from eventwire.models import Analysis
from eventwire.store import Store

EVENTWIRE = Path(sys.executable).with_name("eventwire")
N = 25


def corpus(path: Path, tag: str, n: int = N) -> Path:
    rows = [
        {
            "id": f"{tag}{i}",
            "text": f"Protesters gathered in the square of Halvik on Monday, report {tag} {i} said.",
        }
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def ingest(corpus_path: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(EVENTWIRE), "ingest", str(corpus_path), "--db", str(db), "--json", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_two_concurrent_ingests_store_every_article(tmp_path):
    db = tmp_path / "shared.db"
    procs = [ingest(corpus(tmp_path / f"{t}.jsonl", t), db) for t in "ab"]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert json.loads(out)["added"] == N
    with Store(db) as store:
        assert store.article_ids() == {f"{t}{i}" for t in "ab" for i in range(N)}


def test_ingest_while_another_connection_writes(tmp_path):
    db = tmp_path / "shared.db"
    Store(db).close()
    proc = ingest(corpus(tmp_path / "a.jsonl", "a"), db)
    written: list[str] = []

    def server() -> None:  # stores analyses one by one, as `eventwire serve` does, while ingest runs
        with Store(db) as store:
            for i in range(100):
                if proc.poll() is not None:
                    break
                article = make_article(f"A reader pasted report {i} into the page.", id=f"s{i}")
                store.add(article, Analysis(article_id=article.id))
                written.append(article.id)
                time.sleep(0.05)

    thread = threading.Thread(target=server)
    thread.start()
    out, err = proc.communicate(timeout=600)
    thread.join()
    assert proc.returncode == 0, err
    assert json.loads(out)["added"] == N and written
    with Store(db) as store:
        assert store.article_ids() == {f"a{i}" for i in range(N)} | set(written)
