"""Scale: analyze big corpora on a Dask cluster, write partitioned Parquet, load the store.

``ingest_distributed`` is the entry point (``eventwire ingest PATH --workers N``); see
docs/scale.md for running on a real cluster and querying the Parquet with DuckDB.
"""

from ..extras import require

require("scale")  # a clear message naming the extra, before Dask or pyarrow are imported

from .partition import DEFAULT_PARTITION_CHARS, Partition, partition_articles  # noqa: E402
from .run import ScaleReport, default_parquet_dir, ingest_distributed  # noqa: E402

__all__ = [
    "DEFAULT_PARTITION_CHARS",
    "Partition",
    "ScaleReport",
    "default_parquet_dir",
    "ingest_distributed",
    "partition_articles",
]
