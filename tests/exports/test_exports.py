from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.errors import EventwireError
from eventwire.exports import (
    ACLED_COLUMNS,
    EventFilter,
    acled_record,
    event_records,
    events_geojson,
    export,
    write_acled_csv,
    write_parquet,
)
from eventwire.store import Store
from eventwire.stories import update_corpus_views
from tests.stories.helpers import bombing_corpus


@pytest.fixture
def store():
    with Store(":memory:") as s:
        bombing_corpus(s)
        update_corpus_views(s)
        yield s


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "corpus.db")
    with Store(path) as s:
        bombing_corpus(s)
        update_corpus_views(s)
    return path


def ids(store, **flt) -> list[str]:
    return [r["event_id"] for r in event_records(store, EventFilter(**flt))]


def test_copies_do_not_double_count_unless_asked(store):
    assert ids(store) == ["wire-1#0", "local-1#0", "other-1#0"]
    assert "copy-1#0" in ids(store, include_copies=True)
    wire = next(event_records(store, EventFilter(article_id="wire-1")))
    assert wire["copy_outlets"] == ["Daily Relay"] and wire["story_id"]


def test_filters(store):
    assert ids(store, place="Somalia") == ["wire-1#0", "local-1#0"]
    assert ids(store, place="Kharkiv") == ["other-1#0"]
    assert ids(store, bbox=(44.0, 1.0, 46.0, 3.0)) == ["wire-1#0", "local-1#0"]
    assert ids(store, date_from="2020-03-04") == ["other-1#0"]
    assert ids(store, date_to="2020-03-03") == ["wire-1#0", "local-1#0"]
    assert ids(store, event_type="Battles") == []
    assert ids(store, event_type=["Battles", "Explosions/Remote violence"]) == ids(store)
    assert ids(store, actor="russia") == ["other-1#0"]
    assert ids(store, outlet="capital") == ["local-1#0"]
    with pytest.raises(EventwireError):
        EventFilter(bbox=(46.0, 1.0, 44.0, 3.0))
    with pytest.raises(EventwireError):
        EventFilter(date_from="last week")


def test_geojson_is_a_valid_feature_collection(store):
    collection = json.loads(json.dumps(events_geojson(store)))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 3
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) == {"type", "id", "geometry", "properties"}
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feature["properties"], dict) and "event_type" in feature["properties"]
    mogadishu = next(f for f in collection["features"] if f["id"] == "wire-1#0")
    assert mogadishu["geometry"]["coordinates"] == [45.34, 2.04]  # GeoJSON order: lon, lat


def test_parquet_reads_back_in_pandas_and_duckdb(store, tmp_path):
    import duckdb
    import pandas as pd

    path = tmp_path / "events.parquet"
    n = write_parquet(store, path)
    expected = list(event_records(store))
    assert n == len(expected) == 3
    frame = pd.read_parquet(path)
    assert list(frame["event_id"]) == [r["event_id"] for r in expected]
    assert [None if pd.isna(v) else int(v) for v in frame["fatalities"]] == [
        r["fatalities"] for r in expected
    ]
    rows = duckdb.sql(
        f"SELECT event_id, location, lat, lon FROM read_parquet('{path}') ORDER BY event_id"
    ).fetchall()
    assert rows == sorted((r["event_id"], r["location"], r["lat"], r["lon"]) for r in expected)
    assert json.loads(frame["quantities"][0]) == {}


def test_acled_csv_has_acled_columns_and_codes(store):
    out = io.StringIO()
    assert write_acled_csv(store, out) == 3
    out.seek(0)
    reader = csv.DictReader(out)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    rows = list(reader)
    m = next(r for r in rows if r["location"] == "Mogadishu" and r["fatalities"] == "12")
    assert m["event_id_cnty"].startswith("SOM") and m["iso"] == "706" and m["country"] == "Somalia"
    assert m["region"] == "Eastern Africa" and m["disorder_type"] == "Political violence"
    assert m["event_date"] == "2020-03-03" and m["year"] == "2020" and m["time_precision"] == "1"
    assert m["source"] == "Horn Wire; Daily Relay"  # the copy's site is a source, not a second event
    assert m["inter2"] == "7" and m["civilian_targeting"] == "Civilian targeting"
    k = next(r for r in rows if r["location"] == "Kharkiv")
    assert k["inter1"] == "1" and k["region"] == "Europe" and k["country"] == "Ukraine"


@pytest.mark.parametrize(
    ("actor1", "actor2", "inter1", "inter2", "interaction"),
    [
        ("Military Forces of Chad", "Civilians (Chad)", 1, 7, 17),
        ("Civilians (Chad)", "Military Forces of Chad", 7, 1, 17),  # lower code first
        ("Protesters (Chad)", None, 6, "", 60),  # one actor: its code times ten
        ("Rioters (Chad)", "Police Forces of Chad", 5, 1, 15),
    ],
)
def test_acled_record_interaction_codes_and_zero_fatalities(actor1, actor2, inter1, inter2, interaction):
    record = {"event_id": "e1", "actor1": actor1, "actor2": actor2, "country": "TD", "fatalities": None,
              "event_type": "Protests", "date": "2024-02-01", "date_precision": "week"}  # fmt: skip
    row = acled_record(record, {})
    assert (row["inter1"], row["inter2"], row["interaction"]) == (inter1, inter2, interaction)
    assert row["fatalities"] == 0  # ACLED writes 0 where no death is reported
    assert row["time_precision"] == 2 and row["country"] == "Chad"


def test_acled_record_dates_an_undated_event_by_the_report():
    base = {"event_id": "e2", "actor1": "Rioters (Chad)", "country": "TD", "event_type": "Riots",
            "date": None, "date_precision": "unknown", "published": "2024-02-10T08:00:00"}  # fmt: skip
    row = acled_record({**base, "modality": "reported"}, {})
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-02-10", "2024", 2)
    planned = acled_record({**base, "modality": "planned"}, {})
    assert planned["event_date"] == "" and planned["time_precision"] == 3
    dated = acled_record({**base, "modality": "asserted", "date": "2024-02-08", "date_precision": "day"}, {})
    assert (dated["event_date"], dated["time_precision"]) == ("2024-02-08", 1)


def test_export_rejects_unknown_format(store):
    with pytest.raises(EventwireError):
        export(store, "xlsx", io.StringIO())


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_article_jsonl_keeps_copy_of_and_filters(db):
    lines = [
        json.loads(x)
        for x in run("export", "--db", db, "--format", "jsonl").splitlines()
        if x.startswith("{")
    ]
    copy_of = {r["id"]: r["copy_of"] for r in lines}
    assert copy_of == {"wire-1": None, "copy-1": "wire-1", "local-1": None, "other-1": None}
    some = [
        json.loads(x)
        for x in run("export", "--db", db, "--place", "Kharkiv").splitlines()
        if x.startswith("{")
    ]
    assert [r["id"] for r in some] == ["other-1"]


def test_cli_event_formats(db, tmp_path):
    out = tmp_path / "e.geojson"
    run("export", "--db", db, "--format", "geojson", "--place", "Mogadishu", "-o", str(out))
    assert len(json.loads(out.read_text())["features"]) == 2
    acled = run("export", "--db", db, "--format", "acled-csv", "--actor", "Shabaab")
    assert acled.splitlines()[0] == ",".join(ACLED_COLUMNS)
    parquet = tmp_path / "e.parquet"
    run(
        "export",
        "--db",
        db,
        "--format",
        "parquet",
        "-o",
        str(parquet),
        "--from",
        "2020-03-01",
        "--to",
        "2020-03-31",
    )
    import pandas as pd

    assert len(pd.read_parquet(parquet)) == 3
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "parquet"])
    assert result.exit_code != 0 and "Parquet is binary" in result.output
    bad = CliRunner().invoke(cli, ["export", "--db", db, "--format", "geojson", "--bbox", "1,2,3"])
    assert bad.exit_code != 0
