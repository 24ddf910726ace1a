"""Parquet output: Hive year/month folders, done markers, readable by DuckDB and pandas."""

from __future__ import annotations

import duckdb
import pandas as pd

from eventwire.ingest.readers import make_article
from eventwire.models import Analysis, Event, Place
from eventwire.scale import parquet


def rows():
    out = []
    for i, published in enumerate(["2019-03-02", "2019-03-30", "2020-01-10", None]):
        article = make_article("Troops entered the town of Nawa on Sunday.", id=f"p{i}", published=published)
        analysis = Analysis(
            article_id=article.id,
            places=[Place(mention="Nawa", start=26, end=30, name="Nawa", lat=32.9, lon=36.0, country="SY")],
            events=[
                Event(event_type="Battles", sub_event_type="Armed clash", start=0, end=43,
                      evidence=article.text, location="Nawa", modality="reported" if i else "negated")
            ],
        )  # fmt: skip
        out.append(parquet.article_row(article, analysis, None, "k", i))
    failed = make_article("Another report.", id="bad", published="2019-03-05")
    out.append(parquet.article_row(failed, None, "analysis failed: ValueError: boom", "k", 4))
    return out


def test_year_month_folders_and_marker(tmp_path):
    marker = parquet.write_partition(tmp_path, "000000-abc", rows())
    assert marker["articles"] == 5 and marker["failed"] == 1
    assert "articles/year=2019/month=03/part-000000-abc.parquet" in marker["files"]
    assert "articles/year=unknown/month=unknown/part-000000-abc.parquet" in marker["files"]
    assert parquet.read_marker(tmp_path, "000000-abc") == marker
    assert not list(tmp_path.rglob("*.tmp"))
    back = list(parquet.iter_partition_rows(tmp_path, marker))
    assert [r["id"] for r in back] == ["p0", "p1", "p2", "p3", "bad"]  # input order, across folders
    assert Analysis.from_json(back[1]["analysis"]).events[0].location == "Nawa"
    assert back[0]["n_events"] == 0 and back[1]["n_events"] == 1  # a negated event did not happen


def test_duckdb_and_pandas_read_the_dataset(tmp_path):
    parquet.write_partition(tmp_path, "000000-abc", rows())
    counts = duckdb.sql(
        f"SELECT year, month, count(*) AS n FROM read_parquet('{tmp_path}/articles/**/*.parquet', "
        "hive_partitioning = true) GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert counts == [("2019", "03", 3), ("2020", "01", 1), ("unknown", "unknown", 1)]
    events = duckdb.sql(
        "SELECT article_id, event_type, location "
        f"FROM read_parquet('{tmp_path}/events/**/*.parquet') ORDER BY 1"
    ).fetchall()
    assert events[0] == ("p0", "Battles", "Nawa") and len(events) == 4
    frame = pd.read_parquet(tmp_path / "places")
    assert sorted(frame["article_id"]) == ["p0", "p1", "p2", "p3"]
    assert set(frame["year"].astype(str)) == {"2019", "2020", "unknown"}


def test_leftover_temporary_files_are_removed(tmp_path):
    (tmp_path / "articles" / "year=2019").mkdir(parents=True)
    leftover = tmp_path / "articles" / "year=2019" / ".part-x.parquet.tmp"
    leftover.write_bytes(b"half")
    parquet.remove_temporary_files(tmp_path)
    assert not leftover.exists()
