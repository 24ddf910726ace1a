"""Analysis processes for the server: each has its own pipeline, so a long article occupies one
process while short ones go through another, and an analysis over the time limit is stopped by
ending its process (a thread could not be stopped) and starting a fresh one in its place.

Processes are started with "spawn" (never fork a process that runs threads and spaCy models);
each loads the default pipeline once, then answers one article at a time over a pipe.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import queue
import threading
import time
from typing import Any

from ..models import Analysis, Article
from .gate import GateTimeout

log = logging.getLogger(__name__)

START_TIMEOUT = 300.0  # loading spaCy and the gazetteer on a busy machine


def _serve(conn: Any) -> None:
    """A worker process: load the pipeline, then analyze articles until the pipe closes."""
    from ..pipeline import default_pipeline

    pipeline = default_pipeline().initialize()
    conn.send(("ready", None))
    while True:
        try:
            article = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", pipeline.analyze(article))
        except Exception as exc:  # noqa: BLE001 - sent back and raised in the server
            try:
                pickle.loads(pickle.dumps(exc))  # it must also be rebuilt on the other side
                reply = ("error", exc)
            except Exception:  # noqa: BLE001 - an exception that cannot travel is sent as text
                reply = ("error", RuntimeError(f"{type(exc).__name__}: {exc}"))
        conn.send(reply)


class _Worker:
    def __init__(self, ctx: Any, number: int):
        self.conn, child = ctx.Pipe()
        name = f"eventwire-analysis-{number}"
        self.process = ctx.Process(target=_serve, args=(child,), name=name, daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(timeout):
            try:
                self.ready = self.conn.recv()[0] == "ready"
            except (EOFError, OSError):
                return False
        return self.ready

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=10)
        self.conn.close()


class AnalysisProcesses:
    """``processes`` analysis processes; ``analyze(article, deadline)`` uses a free one."""

    def __init__(self, processes: int = 2):
        self._ctx = multiprocessing.get_context("spawn")
        self._count = 0
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, processes)):
            self._idle.put(self._start())

    @property
    def size(self) -> int:
        return len(self._all)

    def _start(self) -> _Worker:
        with self._lock:
            self._count += 1
            worker = _Worker(self._ctx, self._count)
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        if not self._closed:
            self._idle.put(self._start())

    def wait_ready(self, timeout: float = START_TIMEOUT) -> bool:
        """Block until every process has loaded its pipeline (True) or ``timeout`` passes."""
        deadline = time.monotonic() + timeout
        return all(w.wait_ready(max(0.0, deadline - time.monotonic())) for w in list(self._all))

    def analyze(self, article: Article, deadline: float, limit: float) -> Analysis:
        """The analysis of ``article`` by a free process; ``GateTimeout`` at ``deadline``
        (monotonic), when the process running it is ended and replaced."""
        try:
            worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise GateTimeout(limit) from None
        try:
            if not worker.wait_ready(max(0.0, deadline - time.monotonic())):
                if not worker.process.is_alive():
                    self._replace(worker)
                    worker = None
                    raise RuntimeError("an analysis process failed to start; see the server log")
                self._idle.put(worker)  # still loading: it stays, the request has run out of time
                worker = None
                raise GateTimeout(limit)
            worker.conn.send(article)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                log.warning("analysis of %s over the %g s limit: its process is replaced", article.id, limit)
                self._replace(worker)
                worker = None
                raise GateTimeout(limit)
            status, value = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            if worker is not None:
                self._replace(worker)
                worker = None
            raise RuntimeError("an analysis process ended unexpectedly; it has been restarted") from exc
        finally:
            if worker is not None:
                self._idle.put(worker)
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        self._closed = True
        for worker in list(self._all):
            worker.stop()
        self._all.clear()
