"""Background ingest jobs started from the page or the API, with progress to poll.

One worker thread runs jobs in order, so two uploads never compete for the two cores,
and analysis shares the server's pipeline under a lock (spaCy models are not meant to
be called from several threads at once).
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import IngestReport, ingest, read_articles
from ..ingest.readers import ReadIssue
from ..models import Analysis, Article
from ..pipeline import Pipeline

log = logging.getLogger(__name__)

# Finished jobs kept for polling; older ones are forgotten first.
MAX_FINISHED_JOBS = 50
# Uploads waiting or running at once; more are refused (503 with Retry-After) before any byte is saved.
MAX_PENDING_JOBS = 8


class JobQueueFull(Exception):
    """Too many ingest jobs are waiting; the upload was not saved."""

    def __init__(self, pending: int, retry_after: int = 30):
        self.pending = pending
        self.retry_after = retry_after
        super().__init__(
            f"{pending} ingest jobs are already waiting or running (the server's limit); "
            f"retry in {retry_after} s"
        )


class LockedPipeline:
    """Wraps a pipeline so the API's single analyses and ingest jobs take turns."""

    def __init__(self, pipeline: Pipeline, lock: threading.Lock):
        self.pipeline = pipeline
        self.lock = lock

    def analyze(self, article: Article) -> Analysis:
        with self.lock:
            return self.pipeline.analyze(article)

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Analysis]:
        articles = list(articles)
        with self.lock:
            results = list(self.pipeline.analyze_many(articles, batch_size=batch_size))
        return iter(results)


@dataclass
class Job:
    id: str
    filename: str
    state: str = "queued"  # queued | running | done | failed
    total: int | None = None  # records in the upload, counted before analysis starts
    processed: int = 0
    report: IngestReport = field(default_factory=IngestReport)  # counts, once the run ends
    issues: list[str] = field(default_factory=list)
    error: str | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "filename": self.filename,
            "state": self.state,
            "total": self.total,
            "processed": self.processed,
            **{k: v for k, v in self.report.as_dict().items() if k not in ("issues", "views")},
            "issues": self.issues[:100],
            "error": self.error,
        }


class JobManager:
    """Queue of ingest jobs for one database, run by one daemon thread.

    Uploads are saved under one private folder of this manager; each job's file is deleted when
    the job ends, and ``close()`` (server shutdown) deletes whatever is left.
    """

    def __init__(self, db: str, pipeline: LockedPipeline, max_pending: int = MAX_PENDING_JOBS):
        self.db = db
        self.pipeline = pipeline
        self.max_pending = max_pending
        self.root = Path(tempfile.mkdtemp(prefix="eventwire-jobs-"))
        self.jobs: dict[str, Job] = {}
        self._queue: queue.Queue[tuple[Job, Path, dict[str, str | None]]] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, filename: str, data: bytes, **overrides: str | None) -> Job:
        """Save the upload in a private temp folder (its suffix picks the reader) and queue it.

        Raises ``JobQueueFull`` (nothing saved) when ``max_pending`` jobs are waiting or running.
        """
        job = Job(id=uuid.uuid4().hex[:12], filename=filename)
        with self._lock:
            pending = sum(1 for j in self.jobs.values() if j.state in ("queued", "running"))
            if pending >= self.max_pending:
                raise JobQueueFull(pending)
            self.jobs[job.id] = job  # holds its place in the count while the file is written
        try:
            folder = Path(tempfile.mkdtemp(prefix="job-", dir=self.root))
            # only the suffix of the client's name is used: a name like "../../x" never reaches the filesystem
            suffix = Path(filename).suffix.lower()[:10] if Path(filename).suffix.isascii() else ""
            path = folder / f"upload{suffix}"
            path.write_bytes(data)
        except OSError:
            with self._lock:
                del self.jobs[job.id]
            raise
        with self._lock:
            self._forget_old()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="eventwire-ingest", daemon=True)
                self._thread.start()
        self._queue.put((job, path, overrides))
        return job

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def pending_files(self) -> list[Path]:
        """Uploads saved and not yet deleted (waiting or running jobs)."""
        return sorted(self.root.glob("*/upload*"))

    def close(self) -> None:
        """Delete every saved upload (server shutdown; the queue thread is a daemon)."""
        shutil.rmtree(self.root, ignore_errors=True)

    def _forget_old(self) -> None:
        finished = sorted((j for j in self.jobs.values() if j.finished), key=lambda j: j.finished or 0)
        for job in finished[: max(0, len(finished) - MAX_FINISHED_JOBS)]:
            del self.jobs[job.id]

    def _work(self) -> None:
        while True:
            job, path, overrides = self._queue.get()
            try:
                self._run(job, path, overrides)
            finally:
                shutil.rmtree(path.parent, ignore_errors=True)
                job.finished = time.time()
                self._queue.task_done()

    def _run(self, job: Job, path: Path, overrides: dict[str, str | None]) -> None:
        job.state = "running"
        try:
            # Reading is cheap next to analysis: count records first so the bar has a total.
            counted: list[ReadIssue] = []
            job.total = sum(1 for _ in read_articles([path], counted, **overrides))

            def progress(_article: Article) -> None:
                job.processed += 1

            # ingest also brings copies and stories up to date
            report = ingest([path], self.db, pipeline=self.pipeline, progress=progress, **overrides)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - a job failure is reported to the poller, not raised
            log.exception("ingest job %s failed", job.id)
            job.state = "failed"
            job.error = f"{type(exc).__name__}: {exc}"
            return
        job.report = report
        # the temp path means nothing to the user: show the uploaded file's name instead
        job.issues = [str(i).replace(str(path), job.filename) for i in report.issues]
        job.state = "done"
