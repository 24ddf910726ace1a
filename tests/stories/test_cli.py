from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.store import Store

from .helpers import bombing_corpus


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "corpus.db")
    with Store(path) as s:
        bombing_corpus(s)
    return path


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_stories_updates_views_and_lists_as_table_and_json(db):
    table = run("stories", "--db", db)
    assert "Suicide bomb in Mogadishu" in table and "Horn Wire" in table
    rows = json.loads(run("stories", "--db", db, "--json"))
    assert [r["place"] for r in rows] == ["Mogadishu", "Kharkiv"]
    with Store(db) as s:  # the views were written, not just printed
        assert s.db.query("SELECT copy_of FROM articles WHERE id = 'copy-1'")[0]["copy_of"] == "wire-1"


def test_story_detail_shows_the_contradiction_with_both_sides(db):
    sid = json.loads(run("stories", "--db", db, "--json", "--place", "Mogadishu"))[0]["id"]
    detail = run("stories", sid, "--db", db)
    assert "fatalities at Mogadishu" in detail and "12 vs 19" in detail
    assert "killing 12 people" in detail and "At least 19 people died" in detail
    story = json.loads(run("stories", sid, "--db", db, "--json"))
    assert len(story["contradictions"]) == 1 and len(story["contradictions"][0]["sides"]) == 2


def test_unknown_story_is_a_user_error(db):
    result = CliRunner().invoke(cli, ["stories", "S-nope", "--db", db])
    assert result.exit_code != 0 and "No story with id 'S-nope'" in result.output


def test_copies_listing(db):
    rows = json.loads(run("stories", "--db", db, "--copies", "--json"))
    assert [(r["copy_id"], r["original_id"]) for r in rows] == [("copy-1", "wire-1")]


def test_timeline_json_is_a_date_ordered_list_with_the_documented_keys(db):
    events = json.loads(run("timeline", "Somalia", "--db", db, "--json"))
    assert isinstance(events, list) and len(events) == 2
    for e in events:
        assert {"date", "event_type", "sub_event_type", "location", "outlet", "article_id"} <= set(e)
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    table = run("timeline", "Mogadishu", "--db", db)
    assert "Suicide bomb" in table and "Capital Voice" in table


def test_dev_corpus_daraa_timeline_cli(gold_db):
    events = json.loads(run("timeline", "Dara'a", "--db", gold_db, "--json", "--no-update"))
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated) and dated[0].startswith("2018") and dated[-1].startswith("2021")
    table = run("timeline", "Dara'a", "--db", gold_db, "--no-update")
    assert "The Final Call" in table and "Press TV" in table
    control = json.loads(run("timeline", "Dara'a", "--db", gold_db, "--control", "--json", "--no-update"))
    assert {c["effect"] for c in control} >= {"gains", "settlement", "weapons"}
