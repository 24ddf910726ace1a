"""Writing stored articles back out (JSON Lines with analyses, or CSV)."""

from __future__ import annotations

import csv
import json
from typing import IO

from .store import Store

ARTICLE_EXPORT_FIELDS = (
    "id", "url", "outlet", "published", "title", "language", "analyzed", "reason", "copy_of", "text",
)  # fmt: skip


def export_articles_jsonl(store: Store, out: IO[str], *, with_analysis: bool = True) -> int:
    """One JSON object per article: its fields, ``copy_of``, and (by default) its analysis."""
    n = 0
    for row in store.iter_article_rows():
        record = {k: row[k] for k in ARTICLE_EXPORT_FIELDS}
        record["analyzed"] = bool(record["analyzed"])
        record["warnings"] = json.loads(row["warnings"] or "[]")
        if with_analysis:
            analysis = store.get_analysis(row["id"])
            record["analysis"] = analysis.as_dict() if analysis else None
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_articles_csv(store: Store, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ARTICLE_EXPORT_FIELDS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in store.iter_article_rows():
        writer.writerow(row)
        n += 1
    return n
