"""The offline base-map builder (no browser needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.web.basemap import build_all, simplify, simplify_geometry

BOUNDARIES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "boundaries"
SHIPPED = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "data" / "basemap"


def test_simplify_keeps_ends_and_drops_collinear_points():
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (3.0, 5.0), (4.0, 0.0)]
    out = simplify(line, 0.01)
    assert out[0] == line[0] and out[-1] == line[-1]
    assert (1.0, 0.001) not in out and (3.0, 5.0) in out


def test_tiny_polygons_vanish_rather_than_degenerate():
    speck = {"type": "Polygon", "coordinates": [[[0, 0], [0.0001, 0], [0.0001, 0.0001], [0, 0]]]}
    assert simplify_geometry(speck, 0.01) is None


def test_shipped_layers_are_small_and_attributed():
    total = sum(p.stat().st_size for p in SHIPPED.glob("*.json"))
    assert total < 1_000_000
    for path in SHIPPED.glob("*.json"):
        layer = json.loads(path.read_text(encoding="utf-8"))
        assert layer["attribution"] and layer["features"]
    admin = json.loads((SHIPPED / "admin.json").read_text(encoding="utf-8"))
    provinces = [f for f in admin["features"] if f["properties"]["level"] == "province"]
    assert len(provinces) >= 14


def test_rebuilding_from_the_shared_boundaries_reproduces_the_shipped_layers(tmp_path):
    if not BOUNDARIES.exists():
        pytest.skip("../shared/data/boundaries is not present")
    for path in build_all(BOUNDARIES, tmp_path):
        assert path.read_bytes() == (SHIPPED / path.name).read_bytes()
