"""Distributed ingest: read → partition → analyze on Dask workers → Parquet → load the store.

Three phases, each safe to kill:

1. **Analyze.** The driver reads the input (in order, as the single-process ingest does),
   cuts it into partitions by text size and submits them to the workers, a bounded
   number at a time. Each finished partition is written to Parquet with a done marker.
   On a restart, partitions with a marker are skipped: only missing work is redone.
2. **Load.** Finished partitions are loaded into the store in input order, one
   transaction per article; articles already stored are skipped, so a load killed
   half-way simply continues.
3. **Record issues.** Read problems and per-article analysis problems go to
   ``ingest_issues`` in one transaction; then the markers note that the partitions'
   issues are recorded, so a later re-run reports them only for articles it adds.

The database a resumed run ends with holds the same rows as an uninterrupted run's
(and as the single-process ingest's), except for the ``ingested_at`` / ``created_at``
timestamps and the numbering and order of ``ingest_issues`` rows.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import IngestReport
from ..ingest.readers import ReadIssue, read_paths
from ..models import Analysis, Article
from ..pipeline import Pipeline
from ..store import DEFAULT_DB, Store
from ..store.database import is_postgres_url
from . import parquet
from .cluster import dask_client
from .partition import DEFAULT_PARTITION_CHARS, Partition, partition_articles
from .worker import PipelinePlugin, analyze_partition

log = logging.getLogger(__name__)


@dataclass
class ScaleReport(IngestReport):
    """An `IngestReport` plus what the distributed run did."""

    partitions: int = 0
    resumed: int = 0  # partitions already finished by an earlier (interrupted) run
    parquet: str = ""
    dashboard: str | None = None
    seconds: float = 0.0
    workers: dict[str, int] = field(default_factory=dict)  # worker address -> peak RSS bytes

    def as_dict(self) -> dict:
        return {
            **super().as_dict(),
            "partitions": self.partitions,
            "resumed": self.resumed,
            "parquet": self.parquet,
            "dashboard": self.dashboard,
            "seconds": round(self.seconds, 2),
            "worker_peak_mb": {w: round(b / 2**20, 1) for w, b in sorted(self.workers.items())},
        }


def default_parquet_dir(db: str | Path) -> Path:
    """Next to a SQLite file (``corpus.db`` → ``corpus.parquet``); ``eventwire-parquet`` for a server."""
    if is_postgres_url(db):
        return Path("eventwire-parquet")
    path = Path(str(db).removeprefix("sqlite:///").removeprefix("sqlite://"))
    return path.with_suffix(".parquet")


def ingest_distributed(
    paths: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    *,
    workers: int | None = 2,
    scheduler: str | None = None,
    parquet_dir: str | Path | None = None,
    partition_chars: int = DEFAULT_PARTITION_CHARS,
    pipeline: Pipeline | None = None,
    progress: Callable[[int], None] | None = None,
    on_cluster: Callable[[str | None], None] | None = None,
    replace: bool = False,
    **overrides: str | None,
) -> ScaleReport:
    """Ingest on a Dask cluster. Same inputs and same stored rows as `eventwire.core.ingest`.

    ``progress(n)`` is called as ``n`` more articles are done; ``on_cluster(link)`` once the
    cluster is up, with its dashboard address when there is one. ``replace`` re-analyzes
    everything, ignoring finished partitions of earlier runs.
    """
    started = time.monotonic()
    out = Path(parquet_dir) if parquet_dir is not None else default_parquet_dir(db)
    out.mkdir(parents=True, exist_ok=True)
    parquet.remove_temporary_files(out)
    stages = pipeline.stage_names if pipeline is not None else Pipeline().stage_names
    config = pipeline.config if pipeline is not None else {}
    report = ScaleReport(parquet=str(out))
    with Store(db) as store:
        known = store.article_ids()
        with ExitStack() as stack:
            client: Any = None

            def connect() -> Any:
                # started on first need: a resumed run whose analysis is all done starts no cluster
                nonlocal client
                if client is None:
                    client = stack.enter_context(dask_client(workers, scheduler))
                    report.dashboard = getattr(client, "dashboard_link", None)
                    if on_cluster:
                        on_cluster(report.dashboard)
                    client.register_plugin(PipelinePlugin(stages, config))
                return client

            keys, task_issues = _analyze_phase(
                connect, _unique_articles(paths, report, overrides), known, out, report,
                partition_chars=partition_chars, replace=replace, progress=progress,
            )  # fmt: skip
        row_issues, loaded = _load_phase(store, out, keys, report, replace=replace)
        store.record_issues([*report.issues, *task_issues, *row_issues])
        report.issues.extend(task_issues + row_issues)
        for marker in loaded:
            if not marker.get("recorded"):
                parquet.write_marker(out, marker["key"], {**marker, "recorded": True})
    report.seconds = time.monotonic() - started
    return report


def _unique_articles(
    paths: Iterable[str | Path], report: ScaleReport, overrides: dict[str, str | None]
) -> Iterator[Article]:
    """The input in order, each id once (a repeat inside the same input counts as already stored)."""
    seen: set[str] = set()
    for article in read_paths(paths, issues=report.issues, **overrides):
        report.read += 1
        if article.id in seen:
            report.already_stored += 1
            continue
        seen.add(article.id)
        yield article


def _analyze_phase(
    connect: Callable[[], Any],
    articles: Iterator[Article],
    known: set[str],
    out: Path,
    report: ScaleReport,
    *,
    partition_chars: int,
    replace: bool,
    progress: Callable[[int], None] | None,
) -> tuple[list[str], list[ReadIssue]]:
    """Submit unfinished partitions, write each result as it arrives. Returns the partition keys in order."""
    from distributed import as_completed

    keys: list[str] = []
    issues: list[ReadIssue] = []
    in_flight: dict[Any, tuple[Partition, list[Article]]] = {}
    limit = 2
    pending: Any = None  # as_completed needs a client, which starts on the first submission
    partitions = partition_articles(articles, target_chars=partition_chars)

    def submit_more() -> None:
        nonlocal limit, pending
        while len(in_flight) < limit:
            part = next(partitions, None)
            if part is None:
                return
            report.partitions += 1
            keys.append(part.key)
            marker = None if replace else parquet.read_marker(out, part.key)
            if marker is not None:
                report.resumed += 1
                # articles stored before that run began; its own rows are counted by the load
                report.already_stored += len(part.articles) - marker["articles"]
                if progress:
                    progress(len(part.articles))
                continue
            todo = [a for a in part.articles if replace or a.id not in known]
            report.already_stored += len(part.articles) - len(todo)
            if not todo:
                parquet.write_partition(out, part.key, [])
                if progress:
                    progress(len(part.articles))
                continue
            client = connect()
            # enough queued work that no worker idles while the driver writes a result
            limit = max(2, 2 * sum(client.nthreads().values()))
            if pending is None:
                pending = as_completed()
            future = client.submit(
                analyze_partition, [a.as_dict() for a in todo], key=f"eventwire-{part.key}", pure=False
            )
            in_flight[future] = (part, todo)
            pending.add(future)

    submit_more()
    while in_flight:
        future = next(pending)
        part, todo = in_flight.pop(future)
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker fails its partition, not the run
            log.warning("partition %s failed: %s", part.key, exc)
            report.failed += len(todo)
            issues.append(ReadIssue(f"partition {part.key}", f"worker failed: {type(exc).__name__}: {exc}"))
        else:
            rows = []
            for position, (article, (analysis_json, error)) in enumerate(
                zip(todo, result["results"], strict=True)
            ):
                analysis = Analysis.from_json(analysis_json) if analysis_json is not None else None
                rows.append(parquet.article_row(article, analysis, error, part.key, position))
            parquet.write_partition(out, part.key, rows)
            report.workers[result["worker"]] = max(
                report.workers.get(result["worker"], 0), result["peak_rss"]
            )
        finally:
            future.release()
        if progress:
            progress(len(part.articles))
        submit_more()
    return keys, issues


def _load_phase(
    store: Store, out: Path, keys: list[str], report: ScaleReport, *, replace: bool
) -> tuple[list[ReadIssue], list[dict[str, Any]]]:
    """Load finished partitions in input order. Returns per-article issues and the markers loaded."""
    issues: list[ReadIssue] = []
    loaded: list[dict[str, Any]] = []
    for key in keys:
        marker = parquet.read_marker(out, key)
        if marker is None:  # its task failed; reported already, redone by the next run
            continue
        for row in parquet.iter_partition_rows(out, marker):
            where = row["source"] or row["id"]
            if row["error"]:
                # never stored; reported once, by the run that finishes this partition
                if not marker.get("recorded"):
                    report.failed += 1
                    issues.append(ReadIssue(where, row["error"]))
                continue
            article = parquet.row_to_article(row)
            analysis = Analysis.from_json(row["analysis"])
            added = store.add(article, analysis, replace=replace)
            if added:
                report.added += 1
                report.events += row["n_events"]
            else:
                report.already_stored += 1
            # a resumed run reports what an interrupted load stored but never reported
            if not analysis.analyzed and (added or not marker.get("recorded")):
                report.not_analyzed += 1
                issues.append(ReadIssue(where, analysis.reason or "not analyzed", fatal=False))
        loaded.append(marker)
    return issues, loaded
