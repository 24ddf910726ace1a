"""Getting a Dask client: a LocalCluster of worker processes, or an existing scheduler."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import Errors, EventwireError
from .worker import THREAD_ENV

log = logging.getLogger(__name__)


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[object]:
    """Yield a ``distributed.Client``; a LocalCluster started here is closed on exit.

    ``scheduler`` (``tcp://host:8786``) connects to a running cluster, whose workers must
    have eventwire (and its models) installed. Otherwise ``workers`` processes with one
    thread each are started on this machine: the pipeline holds the GIL for most of its
    work, so threads would not run in parallel.
    """
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise EventwireError(Errors.E080.format(address=scheduler, detail=exc)) from exc
        try:
            yield client
        finally:
            client.close()
        return
    n = max(1, int(workers or 1))
    # The scheduler runs in this process and logs every worker's start and stop at INFO;
    # show that only when eventwire itself was asked for INFO logging (-v).
    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        logging.getLogger("distributed").setLevel(logging.WARNING)
    # The scheduler shares this process with the driver, which also writes Parquet and loads
    # the store; with tasks queued on the workers themselves ("inf" saturation) a worker
    # never waits for a busy driver to hand it the next partition.
    #
    # The workers' statistical profiler (the dashboard's Profile page) wakes every 10 ms
    # to sample the task's stack; on a long pure-Python task that costs several percent of
    # each worker's CPU, mostly as thread switching, so it is off.
    tuning = {
        "distributed.scheduler.worker-saturation": "inf",
        "distributed.worker.profile.enabled": False,
        # Dask sets MALLOC_TRIM_THRESHOLD_ for its workers, which also turns off glibc's
        # adaptive mmap threshold: every large buffer spaCy frees and allocates again is
        # then a fresh mmap, and the page faults cost each worker ~10% of its CPU in the
        # kernel. glibc's defaults keep that memory for reuse.
        "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    }
    with dask.config.set(tuning):
        cluster = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: 8787 may belong to another cluster
            env=dict(THREAD_ENV),
            silence_logs=logging.ERROR,
        )
    try:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def dashboard_link(client: object) -> str | None:
    """The dashboard address, or None when bokeh (which draws the dashboard) is not installed."""
    if not importlib.util.find_spec("bokeh"):
        return None
    return getattr(client, "dashboard_link", None)
