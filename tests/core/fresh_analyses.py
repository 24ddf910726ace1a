"""Analyze each article of a JSONL file as the first analysis of a fresh process.

Run as ``python fresh_analyses.py IN.jsonl OUT.jsonl``. The parent builds the pipeline and
analyzes nothing; each article is analyzed in its own child, forked from that parent and
discarded after one article. A child therefore starts exactly as a new process does after
loading eventwire, and no cache, global or resolver state carries from one article to the next,
without paying the model and gazetteer load for every article.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import sys

from eventwire.models import Article
from eventwire.pipeline import Pipeline

PIPELINE = Pipeline().initialize()


def analyze_one(row: dict) -> str:
    article = Article(**row)
    return PIPELINE.analyze(article).to_json()


def main(src: str, dst: str) -> None:
    rows = [json.loads(line) for line in open(src, encoding="utf-8") if line.strip()]
    ctx = mp.get_context("fork")
    with ctx.Pool(processes=1, maxtasksperchild=1) as pool, open(dst, "w", encoding="utf-8") as out:
        for text in pool.imap(analyze_one, rows, chunksize=1):
            out.write(text + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
