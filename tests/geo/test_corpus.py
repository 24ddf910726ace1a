"""The seed article and the dev corpus from ../shared (skipped where it is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eval.common import haversine_km
from eventwire.eval.gold import as_gold
from eventwire.eval.places import place_metrics, score_places
from eventwire.models import Article

GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev" / "gold.jsonl"


@pytest.fixture(scope="module")
def gold() -> dict[str, dict]:
    if not GOLD.exists():
        pytest.skip("../shared/corpus is not available")
    return {r["id"]: r for r in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines()) if r}


@pytest.fixture(scope="module")
def seed(gold, geo_pipeline):
    g = gold["seed-presstv-2018"]
    return g, geo_pipeline.analyze(Article(id=g["id"], text=g["text"], published=g["published"]))


def test_every_seed_place_with_coordinates_is_within_10_km(seed) -> None:
    g, a = seed
    checked = 0
    for gp in as_gold(g).places:
        if gp.get("lat") is None:
            continue
        found = [p for p in a.places if p.start < gp.end and gp.start < p.end]
        assert found, f"{gp['mention']} not detected"
        p = found[0]
        assert p.lat is not None, f"{gp['mention']} unresolved"
        # The same GeoNames entry is the same place, whichever source gave its point (a country's
        # label point is not GeoNames' country point); otherwise the point must be close.
        same_entry = gp.get("geonameid") is not None and p.geonameid == gp["geonameid"]
        assert same_entry or haversine_km(p.lat, p.lon, gp["lat"], gp["lon"]) < 10, (
            gp["mention"],
            p.name,
            p.lat,
            p.lon,
        )
        checked += 1
    assert checked >= 6


def test_seed_regions_provinces_and_crossing(seed) -> None:
    g, a = seed
    by = {}
    for p in a.places:
        by.setdefault(p.mention, p)
    for name, kind in [
        ("Golan Heights", "region"),
        ("Eastern Ghouta", "region"),
        ("Eastern Qalamoun", "region"),
    ]:
        assert by[name].kind == kind and by[name].country == "SY"
    assert by["Nasib"].kind == "border_crossing"
    assert by["Homs"].kind == "city" and by["Damascus"].kind == "city"
    provinces = [p for p in a.places if p.mention.startswith("Dara") and p.kind in ("province", "region")]
    assert provinces and all(p.admin1 == "Daraa" for p in provinces)
    cities = [p for p in a.places if p.mention.startswith("Dara") and p.kind == "city"]
    assert all(haversine_km(p.lat, p.lon, 32.6189, 36.1021) < 10 for p in cities)


def test_seed_unknown_villages_are_kept_at_province_precision(seed) -> None:
    _, a = seed
    for name in ("Tal Khleif", "Tal al-Sheikh Hassan"):
        found = [p for p in a.places if p.mention == name]
        assert found, f"{name} dropped"
        assert found[0].precision == "province" and found[0].admin1 == "Daraa" and found[0].geonameid is None


def test_seed_people_and_groups_are_not_places(seed) -> None:
    _, a = seed
    text = " ".join(p.mention for p in a.places)
    for word in ("Assad", "Rahman", "Nusra"):
        assert word not in text


def test_dev_corpus_place_scores(gold, geo_pipeline) -> None:
    totals: dict[str, float] = {}
    for g in gold.values():
        a = geo_pipeline.analyze(Article(id=g["id"], text=g["text"], published=g.get("published")))
        for k, v in score_places(g, a).counts.items():
            totals[k] = totals.get(k, 0) + v
    m = place_metrics(totals)
    assert m["f1"] >= 0.85, m
    assert m["acc_25km"] >= 0.90, m
