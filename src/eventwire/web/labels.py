"""Build the map's label layer: country names, capitals and towns from Natural Earth (public domain).

The map draws these names above its outlines and markers, choosing which to show by
rank and screen space (collision-aware, in ``static/js/map.js``). The packaged file keeps
every country label and capital of the world plus larger towns in a region box, so it
stays small (tens of kB)::

    python -m eventwire.web.labels ../shared/data/naturalearth --out src/eventwire/data/basemap/labels.json
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# towns are kept inside this box (lon/lat): the region the packaged outlines cover
REGION = (25.0, 27.0, 52.0, 42.5)
MAX_TOWN_RANK = 8
MIN_COUNTRY_POP = 200_000  # Natural Earth scalerank: 0 (largest) .. 10


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _point(lon: float, lat: float, name: str, kind: str, rank: int) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 3), round(lat, 3)]},
        "properties": {"name": name, "kind": kind, "rank": rank},
    }


def build_labels(naturalearth: Path, region: tuple[float, float, float, float] = REGION) -> dict[str, Any]:
    """Country labels (admin0 label points), capitals, and towns within ``region``."""
    features = []
    for row in _rows(naturalearth / "admin0.tsv"):
        # tiny territories (bases, unclaimed strips) would crowd out real countries' names
        if (
            row.get("label_lon")
            and row.get("label_lat")
            and float(row.get("pop_est") or 0) >= MIN_COUNTRY_POP
        ):
            name = row.get("name_en") or row["name"]
            features.append(_point(float(row["label_lon"]), float(row["label_lat"]), name, "country", 0))
    min_lon, min_lat, max_lon, max_lat = region
    for row in _rows(naturalearth / "populated_places.tsv"):
        lon, lat, rank = float(row["longitude"]), float(row["latitude"]), int(row["scalerank"] or 10)
        name = row.get("name_en") or row["name"]
        if row.get("adm0cap") == "1":
            features.append(_point(lon, lat, name, "capital", rank))
        elif rank <= MAX_TOWN_RANK and min_lon <= lon <= max_lon and min_lat <= lat <= max_lat:
            kind = "admin-capital" if "Admin-1" in (row.get("featurecla") or "") else "town"
            features.append(_point(lon, lat, name, kind, rank))
    features.sort(key=lambda f: (f["properties"]["kind"] != "country", f["properties"]["rank"]))
    return {
        "type": "FeatureCollection",
        "attribution": "Names: Natural Earth (public domain)",
        "features": features,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("naturalearth", type=Path, help="folder with admin0.tsv and populated_places.tsv")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    layer = build_labels(args.naturalearth)
    args.out.write_text(json.dumps(layer, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    log.info("wrote %d labels to %s", len(layer["features"]), args.out)


if __name__ == "__main__":
    main()
