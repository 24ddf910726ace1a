"""A batch with bad records: the rest stored, views built; exit status and summary count the failures."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.store import Store

TEXT = "Riot police dispersed a march in the port city of Kestrel on Sunday, organisers said."


def test_bad_records_are_counted_and_the_rest_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps({"id": "a1", "text": TEXT, "outlet": "Wire", "published": "2022-03-06"}),
        '{"id": "deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        json.dumps({"id": "a2", "text": TEXT + " Twelve were detained.", "title": ["x"]}),
        json.dumps({"id": "a3", "text": "Police in Kestrel said the march ended peacefully on Sunday."}),
    ]
    (folder / "c.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 fake")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    assert "2 read, 2 added" in result.stdout and "3 unreadable" in result.stdout
    assert "corpus views:" in result.stdout  # the stories were built all the same
    assert "3 records not stored" in result.stderr
    for where in (f"{folder / 'c.jsonl'}:2", f"{folder / 'c.jsonl'}:3", str(folder / "scan.pdf")):
        assert where in result.stderr
    with Store(db) as store:
        assert store.article_ids() == {"a1", "a3"}
        issues_after_first = store.count("ingest_issues")
    again = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--json"])
    assert again.exit_code == 1 and json.loads(again.stdout)["errors"] == 3
    with Store(db) as store:  # re-running records no problem twice
        assert store.count("ingest_issues") == issues_after_first == 3


def test_clean_batch_exits_zero(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n")
    result = CliRunner().invoke(cli, ["ingest", str(f), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0 and "0 failed, 0 unreadable" in result.stdout
