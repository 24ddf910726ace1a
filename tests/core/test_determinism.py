"""Analysis is a pure function of the article and the settings (issue 13).

A corpus of about 100 articles (the dev gold texts when ../shared is present, plus synthetic
dense reports written by benchmarks/length.py that repeat place, actor and speaker names
across articles) is analyzed forwards and backwards by one long-lived pipeline, and each
article alone as the first analysis of a fresh process. All three must give identical
Analysis JSON.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.models import Article
from eventwire.pipeline import Pipeline

from ..conftest import GOLD, REPO

HERE = Path(__file__).resolve().parent


def _dense_report():
    spec = importlib.util.spec_from_file_location("length_bench", REPO / "benchmarks" / "length.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.dense_report


# Our own short reports: the same names resolved with and without fuzzy matching, a pronoun
# speaker, and a name repeated across articles with different context.
OWN = [
    "KHARKIV, May 2 (Reuters) - Shelling hit Kharkiv overnight, the governor said. He said two "
    "people were killed near Kupiansk.",
    "Fighters clashed near Kupyansk on Tuesday. Local officials said the road to Kharkiv was closed.",
    "Protesters gathered in Khartoum and Omdurman on Friday, witnesses said. Police fired tear gas.",
    "An airstrike hit a market in Idleb, the monitor said. Rescuers said 12 people died in Idlib city.",
    "Gunmen attacked a village near Mopti, killing 9 people, a local official told AFP.",
]


def corpus() -> list[dict]:
    rows: list[dict] = []
    if GOLD.exists():
        for line in GOLD.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                rows.append({"id": r["id"], "text": r["text"], "published": r.get("published"),
                             "outlet": r.get("outlet"), "language": "en"})  # fmt: skip
    for i, text in enumerate(OWN):
        rows.append({"id": f"own-{i}", "text": text, "published": "2024-05-02", "language": "en"})
    dense = _dense_report()
    i = 0
    while len(rows) < 100:
        rows.append({"id": f"dense-{i}", "text": dense(900 + 40 * (i % 10), seed=1000 + i),
                     "published": "2024-03-10", "language": "en"})  # fmt: skip
        i += 1
    return rows


def analyses(pipeline: Pipeline, rows: list[dict]) -> dict[str, str]:
    return {r["id"]: pipeline.analyze(Article(**r)).to_json() for r in rows}


@pytest.mark.slow
def test_forwards_backwards_and_fresh_processes_agree(tmp_path):
    rows = corpus()
    assert len(rows) == 100
    pipeline = Pipeline().initialize()
    forwards = analyses(pipeline, rows)
    backwards = analyses(pipeline, rows[::-1])  # same pipeline: it has seen every article already
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    subprocess.run([sys.executable, str(HERE / "fresh_analyses.py"), str(src), str(dst)], check=True,
                   timeout=900)  # fmt: skip
    fresh = {json.loads(line)["article_id"]: line for line in dst.read_text(encoding="utf-8").splitlines()}
    assert sum(1 for v in forwards.values() if json.loads(v)["analyzed"]) == 100
    differ_back = [k for k in forwards if forwards[k] != backwards[k]]
    differ_fresh = [k for k in forwards if forwards[k] != fresh[k]]
    assert differ_back == [] and differ_fresh == []
