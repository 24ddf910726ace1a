"""What runs on a Dask worker: the pipeline, loaded once per worker, and the per-partition task.

The pipeline (spaCy model, gazetteer, lexicons) takes seconds to load and hundreds of
megabytes to hold; a task per partition must not reload it. :class:`PipelinePlugin` is a
Dask worker plugin: the scheduler runs its ``setup`` once on every worker (and again on a
worker that restarts), and tasks find the loaded pipeline through it.
"""

from __future__ import annotations

import logging
import os
import resource
import time
from typing import Any

from distributed import WorkerPlugin, get_worker

from ..models import Analysis, Article
from ..pipeline import Pipeline
from ..store.store import article_records
from . import parquet

log = logging.getLogger(__name__)

PLUGIN_NAME = "eventwire-pipeline"

# Each worker is one process with one thread: numeric libraries must not start their own
# thread pools on top, or N workers on N cores oversubscribe the machine.
THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


class PipelinePlugin(WorkerPlugin):
    """Builds the eventwire pipeline on each worker, once. Pickled with stage names and config only."""

    name = PLUGIN_NAME

    def __init__(self, stages: tuple[str, ...], config: dict[str, dict]):
        self.stages = tuple(stages)
        self.config = config
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        for key, value in THREAD_ENV.items():
            os.environ.setdefault(key, value)
        self.pipeline = Pipeline(stages=self.stages, config=self.config).initialize()
        log.info("worker %s: pipeline %s loaded", getattr(worker, "address", "?"), ",".join(self.stages))

    def teardown(self, worker: Any) -> None:
        self.pipeline = None


def _worker_pipeline() -> Pipeline:
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if plugin is None or plugin.pipeline is None:  # pragma: no cover - plugin registration failed
        raise RuntimeError("the eventwire pipeline plugin is not set up on this worker")
    return plugin.pipeline


def peak_rss_bytes() -> int:
    """This process's peak resident memory (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def analyze_records(articles: list[Article], pipeline: Pipeline) -> list[tuple[Analysis | None, str | None]]:
    """(analysis, error) per article, exactly as the single-process ingest analyses them.

    The batching and the one-by-one retry of a failing batch are the single-process
    path's own (``eventwire.core._analyze_safely``), so both paths store the same analyses.
    """
    from ..core import IngestReport, _analyze_safely

    report = IngestReport()
    analyses = list(_analyze_safely(iter(articles), pipeline, report))
    failures = iter(issue.message for issue in report.issues)
    return [(a, None if a is not None else next(failures, "analysis failed")) for a in analyses]


def analyze_partition(records: list[dict[str, Any]], key: str) -> dict[str, Any]:
    """The Dask task: analyze a partition's articles on this worker's pipeline.

    Returns the Parquet rows and, per article, the store's rows (None when the analysis
    failed): everything derived from an analysis is built here, in parallel, so the driver
    only writes files and inserts rows.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    articles = [Article.from_dict(r) for r in records]
    rows, events, places, store_rows = [], [], [], []
    for position, (article, (analysis, error)) in enumerate(
        zip(articles, analyze_records(articles, _worker_pipeline()), strict=True)
    ):
        built = article_records(article, analysis) if analysis is not None else None
        row = parquet.article_row(
            article, analysis, error, key, position, analysis_json=built.analysis_json if built else None
        )
        if built is not None:
            more_events, more_places = parquet.records_child_rows(row, built)
            events.extend(more_events)
            places.extend(more_places)
        rows.append(row)
        store_rows.append(built)
    return {
        "rows": rows,
        "events": events,
        "places": places,
        "records": store_rows,
        "worker": get_worker().address,
        "pid": os.getpid(),
        "peak_rss": peak_rss_bytes(),
        # CPU time over wall time: well under 1 means the worker waited for a core
        "cpu_seconds": time.process_time() - cpu,
        "wall_seconds": time.perf_counter() - wall,
    }
