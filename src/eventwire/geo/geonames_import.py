"""Extending the index with a GeoNames dump (``eventwire gazetteer import``).

Streams the standard 19-column format (``allCountries.txt``, a country extract such as
``SY.zip``, ``cities500.txt``) in batches, so memory stays bounded whatever the file's size.
"""

from __future__ import annotations

import gzip
import io
import logging
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import Errors, EventwireError
from .build import locality_kind
from .gazetteer import Gazetteer
from .index_writer import (
    FCODE_KIND,
    KEEP_CLASSES,
    KEEP_S_CODES,
    MAX_ALT_NAMES,
    Builder,
    create_empty,
    to_number,
)
from .normalize import is_latin

log = logging.getLogger(__name__)


GEONAMES_COLUMNS = (
    "geonameid name asciiname alternatenames latitude longitude feature_class feature_code country_code cc2 "
    "admin1_code admin2_code admin3_code admin4_code population elevation dem timezone modification_date"
).split()


def _open_dump(path: Path) -> Iterator[io.TextIOBase]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")]
            if not members:
                raise EventwireError(Errors.E061.format(path=path))
            for member in members:
                with zf.open(member) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", newline="")
    else:
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
            yield fh


def import_geonames(
    path: Path | str,
    db_path: Path | str | None = None,
    *,
    min_population: int = 0,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 5000,
) -> dict[str, int]:
    """Stream a GeoNames dump (19-column ``allCountries.txt``, ``SY.txt``/``SY.zip``, ``cities500.txt``)
    into the index. Rows already present (same geonameid) gain the dump's names and data;
    new ones are added. Memory stays bounded: rows are written in batches of ``batch_size``.

    ``progress`` is called with the number of bytes read since the last call.
    """
    path = Path(path)
    if not path.exists():
        raise EventwireError(Errors.E062.format(path=path))
    if db_path is not None and not Path(db_path).exists():
        target = create_empty(db_path)  # a standalone index holding only this dump
    else:
        gaz = Gazetteer(db_path)  # makes sure the default index exists before extending it
        gaz.close()
        target = gaz.path
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA synchronous=OFF")
    builder = Builder(conn)
    stats = {"read": 0, "added": 0, "updated": 0, "skipped": 0, "bad": 0}
    pending = 0
    try:
        for fh in _open_dump(path):
            for line in fh:
                if progress is not None:
                    progress(len(line.encode("utf-8")))
                if not line.strip() or line.startswith("#"):
                    continue
                stats["read"] += 1
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 19:
                    stats["bad"] += 1
                    continue
                rec = dict(zip(GEONAMES_COLUMNS, parts, strict=True))
                fclass, fcode = rec["feature_class"], rec["feature_code"]
                if fclass not in KEEP_CLASSES and fcode not in KEEP_S_CODES:
                    stats["skipped"] += 1
                    continue
                pop = to_number(rec["population"], int) or 0
                if fclass == "P" and pop < min_population:
                    stats["skipped"] += 1
                    continue
                try:
                    gid = int(rec["geonameid"])
                    lat, lon = float(rec["latitude"]), float(rec["longitude"])
                except ValueError:
                    stats["bad"] += 1
                    continue
                alts = [a for a in rec["alternatenames"].split(",") if a and is_latin(a)][:MAX_ALT_NAMES]
                names = [rec["name"], rec["asciiname"], *alts]
                cc = rec["country_code"]
                pid = builder.pid_for_geonameid(gid)
                if pid is not None:
                    conn.execute(
                        "UPDATE places SET fcode=?, population=MAX(population, ?), lat=COALESCE(lat, ?),"
                        " lon=COALESCE(lon, ?) WHERE pid=?",
                        (fcode, pop, lat, lon, pid),
                    )
                    builder.add_names(pid, names)
                    stats["updated"] += 1
                else:
                    if fclass == "P":
                        kind = "neighborhood" if fcode == "PPLX" else locality_kind(fcode, pop)
                    else:
                        kind = FCODE_KIND.get(fcode, "other")
                    admin1 = builder.admin1.get((cc, rec["admin1_code"]))
                    if fcode == "ADM1":
                        admin1 = rec["name"]
                        builder.admin1[(cc, rec["admin1_code"])] = rec["name"]
                        conn.execute(
                            "INSERT OR IGNORE INTO admin1 VALUES (?,?,?)",
                            (cc, rec["admin1_code"], rec["name"]),
                        )
                    builder.add(
                        {
                            "uid": f"gn:{gid}",
                            "geonameid": gid,
                            "name": rec["name"],
                            "lat": lat,
                            "lon": lon,
                            "country": cc,
                            "admin1": admin1,
                            "kind": kind,
                            "fcode": fcode,
                            "population": pop,
                            "source": f"geonames:{gid} ({path.name})",
                        },
                        names,
                    )
                    stats["added"] += 1
                pending += 1
                if pending >= batch_size:
                    conn.commit()
                    pending = 0
        import datetime as _dt

        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            (
                f"import:{path.name}",
                f"{path.name}: {stats['added']} added, {stats['updated']} updated "
                f"({_dt.datetime.now().isoformat(timespec='seconds')})",
            ),
        )
        conn.commit()
    finally:
        conn.close()
    log.info("imported %s: %s", path, stats)
    return stats
