"""Distributed ingest: read → partition → analyze on Dask workers → Parquet → load the store.

Each step is safe to kill:

1. **Analyze.** The driver reads the input (in order, as the single-process ingest does),
   cuts it into partitions by text size and submits them to the workers, a bounded
   number at a time. Each finished partition is written to Parquet with a done marker.
   On a restart, partitions with a marker are skipped: only missing work is redone.
2. **Load.** While the workers go on, finished partitions are loaded into the store in
   input order, one transaction per article; articles already stored are skipped, so a
   load killed half-way simply continues.
3. **Finish.** Syndicated copies and stories are updated (as the single-process ingest
   does), read and per-article problems go to ``ingest_issues`` in one transaction, and
   the markers note that the partitions' issues are recorded, so a later re-run reports
   them only for articles it adds.

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
from ..models import Article
from ..pipeline import Pipeline
from ..store import DEFAULT_DB, Store, freshness
from ..store.database import is_postgres_url
from ..store.store import ArticleRecords
from . import parquet
from .cluster import dashboard_link, dask_client
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
    load_seconds: float = 0.0  # of which the driver spent loading the store
    workers: dict[str, int] = field(default_factory=dict)  # worker address -> peak RSS bytes
    task_cpu_seconds: float = 0.0
    task_wall_seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            **super().as_dict(),
            "partitions": self.partitions,
            "resumed": self.resumed,
            "parquet": self.parquet,
            "dashboard": self.dashboard,
            "seconds": round(self.seconds, 2),
            "load_seconds": round(self.load_seconds, 2),
            "worker_peak_mb": {w: round(b / 2**20, 1) for w, b in sorted(self.workers.items())},
            # below ~0.9 the workers were short of CPU (other processes on the same cores)
            "worker_cpu_share": round(self.task_cpu_seconds / self.task_wall_seconds, 2)
            if self.task_wall_seconds
            else None,
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
    update_views: bool = True,
    **overrides: str | None,
) -> ScaleReport:
    """Ingest on a Dask cluster. Same inputs and same stored rows as `eventwire.core.ingest`.

    ``progress(n)`` is called as ``n`` more articles are done; ``on_cluster(link)`` once the
    cluster is up, with its dashboard address when there is one. ``replace`` re-analyzes
    everything, ignoring finished partitions of earlier runs. Afterwards, as in the
    single-process ingest, syndicated copies are marked and stories updated
    (``update_views=False`` skips that).
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
                    report.dashboard = dashboard_link(client)
                    if on_cluster:
                        on_cluster(report.dashboard)
                    client.register_plugin(PipelinePlugin(stages, config))
                return client

            loader = _Loader(store, out, report, replace=replace)
            task_issues = _analyze_phase(
                connect, _unique_articles(paths, report, overrides), known, out, report, loader,
                partition_chars=partition_chars, replace=replace, progress=progress,
            )  # fmt: skip
        loaded, row_issues = loader.loaded, loader.issues
        report.load_seconds = loader.seconds
        # also when a killed run had loaded everything but never reached this step
        unfinished = any(not marker.get("recorded") for marker in loaded)
        if update_views and (report.added or unfinished or freshness.views_stale(store)):
            # through the one place that marks the views stale until the update succeeded
            report.views = freshness.update_views(store)
        store.record_issues([*report.issues, *task_issues, *row_issues])
        report.issues.extend(task_issues + row_issues)
        for marker in loaded:
            if not marker.get("recorded"):
                parquet.write_marker(out, marker["key"], {**marker, "recorded": True})
    report.seconds = time.monotonic() - started
    log.info("%d partitions in %.1f s (load %.1f s)", report.partitions, report.seconds, report.load_seconds)
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
    loader: _Loader,
    *,
    partition_chars: int,
    replace: bool,
    progress: Callable[[int], None] | None,
) -> list[ReadIssue]:
    """Submit unfinished partitions, write each result as it arrives and hand it to the loader."""
    from distributed import as_completed

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
            loader.keys.append(part.key)
            marker = None if replace else parquet.read_marker(out, part.key)
            if marker is not None:
                report.resumed += 1
                # articles stored before that run began; its own rows are counted by the load
                report.already_stored += len(part.articles) - marker["articles"]
                loader.settle(part.key)
                if progress:
                    progress(len(part.articles))
                continue
            todo = [a for a in part.articles if replace or a.id not in known]
            report.already_stored += len(part.articles) - len(todo)
            if not todo:
                parquet.write_partition(out, part.key, [])
                loader.settle(part.key)
                if progress:
                    progress(len(part.articles))
                continue
            client = connect()
            # enough queued work that no worker idles while the driver writes a result
            limit = max(2, 2 * sum(client.nthreads().values()))
            if pending is None:
                pending = as_completed()
            records = [a.as_dict() for a in todo]
            future = client.submit(
                analyze_partition, records, part.key, key=f"eventwire-{part.key}", pure=False
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
            parquet.write_partition(
                out, part.key, result["rows"], events=result["events"], places=result["places"]
            )
            loader.hold(part.key, result["rows"], result["records"])
            worker = result["worker"]
            report.workers[worker] = max(report.workers.get(worker, 0), result["peak_rss"])
            report.task_cpu_seconds += result["cpu_seconds"]
            report.task_wall_seconds += result["wall_seconds"]
        finally:
            future.release()
        # queue the next task before loading, so the workers never wait for the store
        submit_more()
        loader.settle(part.key)
        if progress:
            progress(len(part.articles))
    return issues


class _Loader:
    """Loads finished partitions into the store in input order, each as soon as all earlier ones are settled.

    Loading while the workers analyse keeps the driver's share of the work (JSON decoding,
    SQL inserts) off the end of the run. A settled partition is finished (it has a marker)
    or failed (it has none, and is skipped; the next run redoes it).
    """

    def __init__(self, store: Store, out: Path, report: ScaleReport, *, replace: bool):
        self.store, self.out, self.report, self.replace = store, out, report, replace
        self.keys: list[str] = []
        self.settled: set[str] = set()
        self.next = 0
        self.issues: list[ReadIssue] = []
        self.loaded: list[dict[str, Any]] = []
        self.seconds = 0.0
        # rows of partitions written by this run, kept until loaded: no need to read back
        # and decode what the workers just sent
        self.held: dict[str, tuple[list[dict[str, Any]], list[ArticleRecords | None]]] = {}

    def hold(self, key: str, rows: list[dict[str, Any]], records: list[ArticleRecords | None]) -> None:
        self.held[key] = (rows, records)

    def settle(self, key: str) -> None:
        self.settled.add(key)
        while self.next < len(self.keys) and self.keys[self.next] in self.settled:
            self._load(self.keys[self.next])
            self.settled.discard(self.keys[self.next])
            self.next += 1

    def _load(self, key: str) -> None:
        started = time.monotonic()
        try:
            self._load_rows(key)
        finally:
            self.seconds += time.monotonic() - started

    def _load_rows(self, key: str) -> None:
        marker = parquet.read_marker(self.out, key)
        held = self.held.pop(key, None)
        if marker is None:  # its task failed; reported already, redone by the next run
            return
        if held is not None:
            pairs: Iterable[tuple[dict[str, Any], ArticleRecords | None]] = zip(*held, strict=True)
        else:  # finished by an earlier run: read it back
            pairs = ((row, None) for row in parquet.iter_partition_rows(self.out, marker))
        report = self.report
        for row, records in pairs:
            where = row["source"] or row["id"]
            if row["error"]:
                # never stored; reported once, by the run that finishes this partition
                if not marker.get("recorded"):
                    report.failed += 1
                    self.issues.append(ReadIssue(where, row["error"]))
                continue
            added = self.store.add_records(records or parquet.row_records(row), replace=self.replace)
            if added:
                report.added += 1
                report.events += row["n_events"]
            else:
                report.already_stored += 1
            # a resumed run reports what an interrupted load stored but never reported
            if not row["analyzed"] and (added or not marker.get("recorded")):
                report.not_analyzed += 1
                self.issues.append(ReadIssue(where, row["reason"] or "not analyzed", fatal=False))
        self.loaded.append(marker)
