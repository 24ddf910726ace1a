"""Analysis off the event loop: a few analyses at a time, a short line, a time limit per request.

Analyses run on the gate's own worker threads, never on the event loop nor in the thread pool
the listing endpoints use, so a long article never makes a small request wait. When every
worker is busy and the line is full the request is refused at once (``GateBusy`` -> 503 with
Retry-After); a request that waits and runs longer than ``timeout`` seconds gets ``GateTimeout``
(-> 504). A Python thread cannot be stopped: on threads an analysis that overruns finishes in
the background and keeps its place until then, so overruns shorten the line instead of piling
up; with ``workers.AnalysisProcesses`` (what ``eventwire serve`` uses) its process is ended.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class GateBusy(Exception):
    """Every analysis worker is busy and the line is full."""

    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__(f"the server is busy analyzing other articles; retry in {retry_after} s")


class GateTimeout(Exception):
    """An analysis did not finish within the per-request time limit."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        super().__init__(f"the analysis took longer than the server's limit of {timeout:g} s")


class AnalysisGate:
    """``await gate.run(fn, *args)``: ``fn`` on a worker thread, bounded and timed."""

    def __init__(self, *, workers: int = 1, max_waiting: int = 4, timeout: float = 60.0):
        self.workers = max(1, workers)
        self.max_waiting = max(0, max_waiting)
        self.timeout = timeout
        self._slots = threading.BoundedSemaphore(self.workers + self.max_waiting)
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="eventwire-analyze")
        self._lock = threading.Lock()
        self._taken = 0

    @property
    def in_flight(self) -> int:
        """Analyses running or waiting (including overruns still finishing)."""
        return self._taken

    def _release(self, _future: Future) -> None:
        with self._lock:
            self._taken -= 1
        self._slots.release()

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        if not self._slots.acquire(blocking=False):
            raise GateBusy(retry_after=2)  # a short article takes about a second: try again soon
        with self._lock:
            self._taken += 1
        try:
            future = self._executor.submit(fn, *args)
        except BaseException:
            self._release(None)  # type: ignore[arg-type]
            raise
        # the place in line is given back when the work really ends (or is cancelled unstarted)
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            # an analysis that has not started yet is dropped; a running one finishes unseen
            future.cancel()
            log.warning("analysis over the %g s limit%s", self.timeout, " (dropped before it started)"
                        if future.cancelled() else "")  # fmt: skip
            raise GateTimeout(self.timeout) from None

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
