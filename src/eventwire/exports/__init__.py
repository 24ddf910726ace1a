"""Exports of the stored corpus: articles (jsonl, csv) and events (jsonl, csv, ACLED CSV, GeoJSON, Parquet).

Every export takes an ``EventFilter`` (place, bbox, date range, event type, actor, outlet)::

    from eventwire.store import Store
    from eventwire.exports import EventFilter, export

    with Store("eventwire.db") as store, open("daraa.geojson", "w") as out:
        export(store, "geojson", out, EventFilter(place="Dara'a", date_from="2018-01-01"))
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from ..errors import Errors, EventwireError
from ..store import Store
from .articles import write_articles_csv, write_articles_jsonl
from .filters import EventFilter, filtered_events
from .writers import (
    ACLED_COLUMNS,
    EVENT_EXPORT_FIELDS,
    acled_record,
    event_records,
    events_geojson,
    write_acled_csv,
    write_events_csv,
    write_events_jsonl,
    write_geojson,
    write_parquet,
)

# format name -> (writer, what it writes, binary output?)
FORMATS: dict[str, tuple[Any, str, bool]] = {
    "jsonl": (write_articles_jsonl, "articles", False),
    "csv": (write_articles_csv, "articles", False),
    "events-jsonl": (write_events_jsonl, "events", False),
    "events-csv": (write_events_csv, "events", False),
    "acled-csv": (write_acled_csv, "events", False),
    "geojson": (write_geojson, "events", False),
    "parquet": (write_parquet, "events", True),
}


def export(
    store: Store, fmt: str, out: IO[str] | IO[bytes] | str | Path, flt: EventFilter | None = None
) -> int:
    """Write the store in format ``fmt`` (see ``FORMATS``) to ``out``; returns the records written."""
    if fmt not in FORMATS:
        raise EventwireError(Errors.E052.format(name=fmt, known=", ".join(FORMATS)))
    writer, _what, _binary = FORMATS[fmt]
    return writer(store, out, flt)


__all__ = [
    "ACLED_COLUMNS",
    "EVENT_EXPORT_FIELDS",
    "FORMATS",
    "EventFilter",
    "acled_record",
    "event_records",
    "events_geojson",
    "export",
    "filtered_events",
    "write_acled_csv",
    "write_articles_csv",
    "write_articles_jsonl",
    "write_events_csv",
    "write_events_jsonl",
    "write_geojson",
    "write_parquet",
]
