"""Scale: analyze big corpora on a Dask cluster, write partitioned Parquet, load the store.

``ingest_distributed`` is the entry point (``eventwire ingest PATH --workers N``); see
docs/scale.md for running on a real cluster and querying the Parquet with DuckDB.
"""

from .partition import DEFAULT_PARTITION_CHARS, Partition, partition_articles
from .run import ScaleReport, default_parquet_dir, ingest_distributed

__all__ = [
    "DEFAULT_PARTITION_CHARS",
    "Partition",
    "ScaleReport",
    "default_parquet_dir",
    "ingest_distributed",
    "partition_articles",
]
