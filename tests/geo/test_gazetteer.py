from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from eventwire.geo.gazetteer import Gazetteer, import_geonames
from eventwire.geo.normalize import name_key


def _row(
    gid: int,
    name: str,
    alts: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    cc: str,
    adm1: str,
    pop: int,
) -> str:
    cols = [
        str(gid),
        name,
        name,
        alts,
        str(lat),
        str(lon),
        fclass,
        fcode,
        cc,
        "",
        adm1,
        "",
        "",
        "",
        str(pop),
        "",
        "100",
        "Asia/Damascus",
        "2024-01-01",
    ]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    """A small GeoNames-format extract written here (invented ids above 90,000,000)."""
    path = tmp_path / "XX.txt"
    path.write_text(
        _row(90000001, "Qaryat Testiyah", "Testiya,Qaryat Testiyeh", 33.1, 36.2, "P", "PPL", "SY", "08", 1200)
        + _row(90000002, "Muhafazat Testa", "Testa Governorate", 33.0, 36.0, "A", "ADM1", "SY", "99", 50000)
        + _row(90000003, "Testa Stream", "", 33.0, 36.1, "H", "STM", "SY", "99", 0)
        + _row(90000004, "Testa Hotel", "", 33.0, 36.1, "S", "HTL", "SY", "99", 0)
        + "broken\tline\n",
        encoding="utf-8",
    )
    return path


def test_import_into_a_new_index(dump: Path, tmp_path: Path) -> None:
    db = tmp_path / "gaz.sqlite"
    stats = import_geonames(dump, db)
    assert stats == {"read": 5, "added": 3, "updated": 0, "skipped": 1, "bad": 1}
    gaz = Gazetteer(db)
    (village,) = gaz.by_key(name_key("Qaryat Testiyeh"))
    assert village.geonameid == 90000001 and village.kind == "village"
    assert (village.lat, village.lon) == (33.1, 36.2)
    (prov,) = gaz.by_key(name_key("Testa Governorate"))
    assert prov.kind == "province" and prov.admin1 == "Muhafazat Testa"
    assert [r.kind for r in gaz.by_key("testa stream")] == ["water"]
    assert gaz.by_key("testa hotel") == []  # hotels are not kept
    assert gaz.info()["places"] == 3


def test_reimport_updates_instead_of_duplicating(dump: Path, tmp_path: Path) -> None:
    db = tmp_path / "gaz.sqlite"
    import_geonames(dump, db)
    stats = import_geonames(dump, db)
    assert stats["added"] == 0 and stats["updated"] == 3
    assert Gazetteer(db).info()["places"] == 3


def test_import_from_zip(dump: Path, tmp_path: Path) -> None:
    zpath = tmp_path / "XX.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.write(dump, "XX.txt")
        zf.writestr("readme.txt", "not data")
    stats = import_geonames(zpath, tmp_path / "z.sqlite")
    assert stats["added"] == 3


def test_default_index_covers_syrian_villages_and_neighbours(gazetteer: Gazetteer) -> None:
    info = gazetteer.info()
    assert info["places"] > 300_000
    assert {"wof", "gn", "osy", "adm1", "sup"} <= set(info["by_source"])
    # A Daraa village only Who's On First/GeoNames full data has (not cities500).
    assert any(r.country == "SY" and r.admin1 == "Daraa" for r in gazetteer.by_key(name_key("Umm Walad")))
    kinds = {r.kind for r in gazetteer.by_key(name_key("Nasib"))}
    assert {"border_crossing", "village"} <= kinds
    assert any(r.kind == "province" for r in gazetteer.by_key(name_key("Tigray")))


def test_province_lookup(gazetteer: Gazetteer) -> None:
    daraa = gazetteer.province("SY", "Daraa")
    assert daraa is not None and daraa.kind == "province" and daraa.lat is not None


def test_a_known_name_is_answered_once_per_gazetteer(gazetteer: Gazetteer) -> None:
    fresh = Gazetteer(gazetteer.path, build=False)
    calls: list[str] = []
    fresh.conn.set_trace_callback(calls.append)
    known = name_key("Aleppo")
    assert fresh.has_key(known) and not fresh.has_key("qqqzzyx")
    assert fresh.has_key(known) and not fresh.has_key("qqqzzyx")
    assert len(calls) == 2  # the second answers come from memory, not the index
    fresh.close()
