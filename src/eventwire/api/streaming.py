"""Exports streamed over HTTP: memory per request stays a few chunks, whatever the corpus size.

The export writers of ``eventwire.exports`` write to a file object; here they run on a small
fixed pool of writer threads (each export with its own store connection) and write into a
bounded line of chunks that the response reads from the event loop. A writer waits while the
client is slow, and stops when the client goes away. At most ``max_writers`` exports are
written at once; further requests wait their turn without a thread, so concurrent downloads
cannot multiply the server's memory (a new thread per download would also give each its own
malloc arena, which keeps its high-water mark).
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from ..exports import FORMATS, EventFilter, export
from ..store import Store

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
QUEUED_CHUNKS = 4


class _Stopped(Exception):
    """The client went away: the writer thread stops."""


class _ChunkSink:
    """A write-only text/binary file object that hands ``CHUNK``-sized pieces to the event loop."""

    def __init__(self, put: Any):
        self._put = put
        self._parts: list[bytes] = []
        self._size = 0

    def write(self, data: str | bytes) -> int:
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self._parts.append(raw)
        self._size += len(raw)
        if self._size >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self._parts:
            self._put(b"".join(self._parts))
            self._parts, self._size = [], 0


class ExportStreamer:
    """Runs export writers on threads, bounded, and yields their output as bytes."""

    def __init__(self, db: str, max_writers: int = 2):
        self.db = db
        self._pool = ThreadPoolExecutor(max(1, max_writers), thread_name_prefix="eventwire-export")

    async def stream(self, fmt: str, flt: EventFilter) -> AsyncIterator[bytes]:
        loop = asyncio.get_running_loop()
        line: asyncio.Queue[bytes | BaseException | None] = asyncio.Queue(QUEUED_CHUNKS)
        stopped = threading.Event()

        def put(item: bytes | BaseException | None) -> None:
            if stopped.is_set():
                raise _Stopped
            future = asyncio.run_coroutine_threadsafe(line.put(item), loop)
            while True:
                if stopped.is_set():
                    future.cancel()
                    raise _Stopped
                try:
                    future.result(timeout=0.5)
                    return
                except FutureTimeout:
                    continue

        def produce() -> None:
            try:
                if stopped.is_set():  # the client left while this export waited its turn
                    return
                self._write(fmt, flt, put)
                put(None)
            except _Stopped:
                log.info("export %s stopped: the client went away", fmt)
            except Exception as exc:  # noqa: BLE001 - reported on the stream's side
                log.exception("export %s failed", fmt)
                try:
                    put(exc)
                except _Stopped:
                    pass

        self._pool.submit(produce)
        try:
            while True:
                item = await line.get()
                if item is None:
                    return
                if isinstance(item, BaseException):
                    # the status line is already sent: end the body early; the error is in the log
                    raise RuntimeError(f"export {fmt} failed while streaming") from item
                yield item
        finally:
            stopped.set()
            while not line.empty():  # let a writer blocked on a full line see the stop
                line.get_nowait()

    def _write(self, fmt: str, flt: EventFilter, put: Any) -> None:
        _writer, _what, binary = FORMATS[fmt]
        with Store(self.db) as store:
            if not binary:
                sink = _ChunkSink(put)
                export(store, fmt, sink, flt)  # type: ignore[arg-type]
                sink.flush()
                return
            folder = Path(tempfile.mkdtemp(prefix="eventwire-export-"))
            try:
                path = folder / "out"
                export(store, fmt, path, flt)
                with path.open("rb") as f:
                    while chunk := f.read(CHUNK):
                        put(chunk)
            finally:
                shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
