"""Optional features and the extra that brings each one.

The core install (analyze, ingest into SQLite, export, stories, eval) needs none of
these packages. A command that needs one calls :func:`require` first, so a missing
package gives one clear message naming the extra to install instead of an ImportError
from deep inside.
"""

from __future__ import annotations

import importlib.util

from .errors import Errors, EventwireError

# extra -> (what it enables, modules it needs)
EXTRAS: dict[str, tuple[str, tuple[str, ...]]] = {
    "server": ("the HTTP API and web page (eventwire serve)", ("fastapi", "uvicorn")),
    "scale": ("distributed ingest with Dask (--workers, --scheduler)", ("dask", "distributed", "pyarrow")),
    "parquet": ("Parquet export", ("pyarrow",)),
    "postgres": ("PostgreSQL databases (postgresql:// URLs)", ("psycopg",)),
    "train": ("training the learned components (eventwire train)", ("sklearn", "pycrfsuite")),
}


def missing(extra: str) -> list[str]:
    """The modules of ``extra`` that cannot be imported here (empty when all are installed)."""
    _, modules = EXTRAS[extra]
    return [m for m in modules if importlib.util.find_spec(m) is None]


def available(extra: str) -> bool:
    return not missing(extra)


def require(extra: str) -> None:
    """Raise a clear :class:`EventwireError` when the packages of ``extra`` are not installed."""
    absent = missing(extra)
    if absent:
        feature, _ = EXTRAS[extra]
        raise EventwireError(Errors.E004.format(feature=feature, modules=", ".join(absent), extra=extra))
