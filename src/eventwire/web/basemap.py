"""Build the offline base map: simplified country / province / district outlines as GeoJSON.

The map page draws these outlines itself (no tile server, no JavaScript library), so the
files must be small. This module turns full-resolution open boundary files into compact
ones: Douglas-Peucker simplification, coordinates rounded to ~100 m, only the properties
the page shows (name, level, country, GeoNames id).

Run it to rebuild the shipped layers or to make layers for another region::

    python -m eventwire.web.basemap ../shared/data/boundaries --out src/eventwire/data/basemap

A user can point ``eventwire serve --basemap DIR`` at a folder made this way (see docs/web.md).
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

Point = tuple[float, float]

# Tolerances in degrees: ~400 m for provinces/districts keeps shapes recognisable at
# district zoom; ~5 km for whole countries seen at regional zoom.
ADMIN_TOLERANCE = 0.004
COUNTRY_TOLERANCE = 0.05
DECIMALS = 3


def _perpendicular(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (rings can have tens of thousands of points)."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _perpendicular(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring(ring: Sequence[Sequence[float]], tolerance: float) -> list[list[float]] | None:
    pts = simplify([(float(x), float(y)) for x, y, *_ in ring], tolerance)
    out: list[list[float]] = []
    for x, y in pts:
        q = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != q:
            out.append(q)
    # a ring needs 3 distinct points plus closure; tiny islands vanish at this scale
    if len(out) < 4:
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def simplify_geometry(geometry: dict[str, Any], tolerance: float) -> dict[str, Any] | None:
    """Simplify a Polygon or MultiPolygon; None when nothing is left at this tolerance."""
    if geometry["type"] == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        return None
    result = []
    for polygon in polygons:
        outer = _ring(polygon[0], tolerance)
        if outer is None:
            continue
        holes = [r for r in (_ring(h, tolerance) for h in polygon[1:]) if r is not None]
        result.append([outer, *holes])
    if not result:
        return None
    return {"type": "MultiPolygon", "coordinates": result}


def _label_point(props: dict[str, Any]) -> list[float] | None:
    try:
        return [round(float(props["label_lon"]), DECIMALS), round(float(props["label_lat"]), DECIMALS)]
    except (KeyError, TypeError, ValueError):
        return None


def build_layer(
    source: dict[str, Any], *, level_of: dict[str, str], tolerance: float, attribution: str
) -> dict[str, Any]:
    """Keep name/level/country/geonameid per feature; ``level_of`` maps a placetype to a level."""
    features = []
    for feature in source["features"]:
        props = feature.get("properties") or {}
        level = level_of.get(props.get("placetype", "country"))
        if level is None:
            continue
        geometry = simplify_geometry(feature["geometry"], tolerance)
        if geometry is None:
            continue
        out_props: dict[str, Any] = {"name": props.get("name"), "level": level}
        if props.get("country"):
            out_props["country"] = props["country"]
        if props.get("geonameid") not in (None, "", "None"):
            out_props["geonameid"] = int(props["geonameid"])
        label = _label_point(props)
        if label:
            out_props["label"] = label
        features.append({"type": "Feature", "properties": out_props, "geometry": geometry})
    return {"type": "FeatureCollection", "attribution": attribution, "features": features}


WOF_ATTRIBUTION = "Data from Who's On First (CC0; Mesoshapes CC0; Quattroshapes CC BY)"
NE_ATTRIBUTION = "Natural Earth 1:110m via johan/world.geo.json (public domain)"


def build_all(boundaries: Path, out: Path) -> list[Path]:
    """Build the three shipped layers from the folder of ``../shared/data/boundaries``."""
    out.mkdir(parents=True, exist_ok=True)
    jobs = [
        ("world.json", "countries.geo.json", {"country": "country"}, COUNTRY_TOLERANCE, NE_ATTRIBUTION),
        (
            "countries.json",
            "wof-countries-sy-jo-lb-iq-tr-il.geojson",
            {"country": "country"},
            ADMIN_TOLERANCE,
            WOF_ATTRIBUTION,
        ),
        (
            "admin.json",
            "wof-sy-admin1-admin2.geojson",
            {"region": "province", "county": "district"},
            ADMIN_TOLERANCE,
            WOF_ATTRIBUTION,
        ),
    ]
    written = []
    for name, source_name, level_of, tolerance, attribution in jobs:
        source = json.loads((boundaries / source_name).read_text(encoding="utf-8"))
        layer = build_layer(source, level_of=level_of, tolerance=tolerance, attribution=attribution)
        path = out / name
        path.write_text(json.dumps(layer, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
        log.info("%s: %d features, %d bytes", path, len(layer["features"]), path.stat().st_size)
        written.append(path)
    return written


LEVELS = {"country": "country", "region": "province", "county": "district"}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("boundaries", type=Path, nargs="?", help="folder with the shared boundary files")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "basemap")
    parser.add_argument(
        "--layer",
        nargs=2,
        action="append",
        metavar=("NAME", "GEOJSON"),
        default=[],
        help="build one layer NAME.json from any GeoJSON with name/placetype properties",
    )
    parser.add_argument("--attribution", default="", help="credit line for --layer files")
    parser.add_argument("--tolerance", type=float, default=ADMIN_TOLERANCE, help="degrees, for --layer files")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.boundaries is None and not args.layer:
        parser.error("give the boundaries folder or at least one --layer NAME GEOJSON")
    if args.boundaries is not None:
        build_all(args.boundaries, args.out)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, source in args.layer:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
        layer = build_layer(data, level_of=LEVELS, tolerance=args.tolerance, attribution=args.attribution)
        path = args.out / f"{name}.json"
        path.write_text(json.dumps(layer, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
        log.info("%s: %d features, %d bytes", path, len(layer["features"]), path.stat().st_size)


if __name__ == "__main__":
    main()
