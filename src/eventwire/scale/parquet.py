"""Partitioned Parquet output: what a distributed run writes before loading the store.

Layout (Hive-style partitions, readable by DuckDB, pandas/pyarrow, Spark, Polars)::

    OUT/articles/year=2018/month=07/part-000003-1f2e3d4c5b6a.parquet
    OUT/events/year=2018/month=07/part-000003-1f2e3d4c5b6a.parquet
    OUT/places/year=2018/month=07/part-000003-1f2e3d4c5b6a.parquet
    OUT/_partitions/000003-1f2e3d4c5b6a.json      <- written last: the partition is done

Articles without a publication date go to ``year=unknown/month=unknown``. One input
partition spans as many year/month folders as its articles' dates do. Every file is
written under a temporary name and renamed, and the ``_partitions`` marker is written
after all of a partition's files: a partition without a marker is redone on resume, so
a run killed at any point never leaves half a partition that counts as finished.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..models import Analysis, Article
from ..store.store import EVENT_COLUMNS, PLACE_COLUMNS, ArticleRecords, article_records

DATASETS = ("articles", "events", "places")
MARKERS = "_partitions"
UNKNOWN = "unknown"

ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()), ("url", pa.string()), ("outlet", pa.string()), ("published", pa.string()),
        ("title", pa.string()), ("text", pa.string()), ("language", pa.string()), ("source", pa.string()),
        ("warnings", pa.list_(pa.string())),
        ("analyzed", pa.bool_()), ("reason", pa.string()),
        ("error", pa.string()),  # analysis raised: the article is reported, not stored
        ("n_events", pa.int32()),  # events that happened (modality asserted/reported/hedged)
        ("analysis", pa.string()),  # the full Analysis as JSON (Analysis.from_json reads it)
        ("partition", pa.string()), ("position", pa.int32()),
    ]
)  # fmt: skip

_FLOAT = {"lat", "lon", "confidence"}
_INT = {"start_char", "end_char", "fatalities", "geonameid"}


def _child_schema(columns: tuple[str, ...]) -> pa.Schema:
    fields = [("article_id", pa.string()), ("idx", pa.int32()), ("published", pa.string())]
    for col in columns:
        kind = pa.float64() if col in _FLOAT else pa.int64() if col in _INT else pa.string()
        fields.append((col, kind))
    return pa.schema(fields)


EVENT_SCHEMA = _child_schema(EVENT_COLUMNS)
PLACE_SCHEMA = _child_schema(PLACE_COLUMNS)


def year_month(published: str | None) -> tuple[str, str]:
    if published and len(published) >= 7 and published[:4].isdigit() and published[5:7].isdigit():
        return published[:4], published[5:7]
    if published and len(published) >= 4 and published[:4].isdigit():
        return published[:4], UNKNOWN
    return UNKNOWN, UNKNOWN


def article_row(
    article: Article,
    analysis: Analysis | None,
    error: str | None,
    partition: str,
    position: int,
    *,
    analysis_json: str | None = None,
) -> dict[str, Any]:
    """The ``articles`` dataset row; ``analysis_json`` saves serialising an analysis twice."""
    if analysis is not None and analysis_json is None:
        analysis_json = analysis.to_json()
    return {
        **{k: getattr(article, k) for k in ("id", "url", "outlet", "published", "title", "text", "language")},
        "source": article.source,
        "warnings": list(article.warnings),
        "analyzed": bool(analysis.analyzed) if analysis else False,
        "reason": analysis.reason if analysis else None,
        "error": error,
        "n_events": sum(1 for e in analysis.events if e.happened) if analysis else 0,
        "analysis": analysis_json,
        "partition": partition,
        "position": position,
    }


def records_child_rows(
    row: dict[str, Any], records: ArticleRecords
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``events`` and ``places`` dataset rows: the store's rows, keyed and dated."""
    key = {"article_id": row["id"], "published": row["published"]}

    def keyed(table: str, columns: tuple[str, ...]) -> list[dict[str, Any]]:
        return [
            {**key, "idx": i, **dict(zip(columns, values, strict=True))}
            for i, values in enumerate(records.children[table])
        ]

    return keyed("events", EVENT_COLUMNS), keyed("places", PLACE_COLUMNS)


def row_records(row: dict[str, Any]) -> ArticleRecords:
    """An analysed ``articles`` row back into the store's rows (decodes the analysis JSON)."""
    return article_records(row_to_article(row), Analysis.from_json(row["analysis"]), row["analysis"])


def _write_atomic(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    # snappy (pyarrow's and DuckDB's default): zstd files are a quarter smaller but cost the
    # driver twice the CPU, which on a small machine comes out of the workers' share
    pq.write_table(table, tmp, compression="snappy")
    os.replace(tmp, path)


def child_rows(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The events and places rows of analysed article rows (for the ``events``/``places`` datasets)."""
    events: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    for row in rows:
        if row["analysis"] is not None:
            more_events, more_places = records_child_rows(row, row_records(row))
            events.extend(more_events)
            places.extend(more_places)
    return events, places


def write_partition(
    out: Path,
    key: str,
    rows: list[dict[str, Any]],
    *,
    events: list[dict[str, Any]] | None = None,
    places: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Write one partition's article rows and their events/places rows; then its done marker.

    ``events``/``places`` are derived from ``rows`` unless given (workers derive them, so
    the driver does not decode every analysis twice).
    """
    if events is None or places is None:
        events, places = child_rows(rows)
    groups: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = defaultdict(
        lambda: {"articles": [], "events": [], "places": []}
    )
    for dataset, items in (("articles", rows), ("events", events), ("places", places)):
        for item in items:
            groups[year_month(item["published"])][dataset].append(item)
    files: list[str] = []
    schemas = {"articles": ARTICLE_SCHEMA, "events": EVENT_SCHEMA, "places": PLACE_SCHEMA}
    for (year, month), datasets in sorted(groups.items()):
        for dataset, items in datasets.items():
            # an empty events file per month would only add noise for readers
            if not items:
                continue
            rel = f"{dataset}/year={year}/month={month}/part-{key}.parquet"
            _write_atomic(pa.Table.from_pylist(items, schema=schemas[dataset]), out / rel)
            files.append(rel)
    marker = {
        "key": key,
        "articles": len(rows),
        "failed": sum(1 for r in rows if r["error"]),
        "files": files,
    }
    write_marker(out, key, marker)
    return marker


def write_marker(out: Path, key: str, marker: dict[str, Any]) -> None:
    path = out / MARKERS / f"{key}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(marker, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def read_marker(out: Path, key: str) -> dict[str, Any] | None:
    path = out / MARKERS / f"{key}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def iter_partition_rows(out: Path, marker: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A finished partition's article rows, in input order."""
    rows: list[dict[str, Any]] = []
    for rel in marker["files"]:
        if rel.startswith("articles/"):
            # ParquetFile, not read_table: the latter would add year/month columns from the path
            rows.extend(pq.ParquetFile(out / rel).read().to_pylist())
    rows.sort(key=lambda r: r["position"])
    yield from rows


def remove_temporary_files(out: Path) -> None:
    """Half-written files left by a killed run (never renamed into place)."""
    for tmp in out.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def row_to_article(row: dict[str, Any]) -> Article:
    return Article.from_dict({**row, "warnings": list(row["warnings"] or [])})
