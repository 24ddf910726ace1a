"""End to end on the dev corpus with the real pipeline: ingest, then copies, stories, timeline."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.core import ingest
from eventwire.store import Store
from eventwire.stories import list_copies, timeline, update_corpus_views

from .gold import GOLD


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> str:
    if not GOLD.exists():
        pytest.skip("shared dev corpus not available")
    db = str(tmp_path_factory.mktemp("dev") / "dev.db")
    with Store(db) as store:
        ingest([GOLD], store)
        update_corpus_views(store)
    return db


def test_press_tv_copy_found_and_its_events_not_duplicated(ingested):
    with Store(ingested) as store:
        pairs = {(r["copy_id"], r["original_id"]) for r in list_copies(store)}
        assert ("presslajme-copy-2018", "seed-presstv-2018") in pairs
        events = timeline(store, "Syria")
        assert all(e["article_id"] != "presslajme-copy-2018" for e in events)


def test_daraa_timeline_lists_2018_and_2021_in_date_order_with_outlets(ingested):
    result = CliRunner().invoke(cli, ["timeline", "Dara'a", "--db", ingested, "--json", "--no-update"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    dated = [e for e in events if e["date"]]
    assert [e["date"] for e in dated] == sorted(e["date"] for e in dated)
    assert {e["date"][:4] for e in dated} >= {"2018", "2021"}
    assert all(e["outlet"] for e in events)
    table = CliRunner().invoke(cli, ["timeline", "Dara'a", "--db", ingested, "--no-update"]).stdout
    assert "The Final Call" in table and "Press TV" in table
    stories = CliRunner().invoke(cli, ["stories", "--db", ingested, "--json", "--place", "Dara'a"])
    assert stories.exit_code == 0 and json.loads(stories.stdout)
