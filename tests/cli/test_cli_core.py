"""analyze / ingest / export end to end through the CLI, on real files and a real SQLite db."""

from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner

from eventwire.cli.main import cli

TEXT = (
    "Syrian government forces retook the town of Nawa in Daraa province on Saturday, a monitor said.\n"
    "Rebels said talks with Russian officers had failed."
)


def run(*args, input=None):
    result = CliRunner().invoke(cli, list(map(str, args)), input=input, catch_exceptions=False)
    return result


def test_analyze_json_offsets(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    result = run("analyze", f, "--format", "json", "--published", "2018-07-01", "--outlet", "Wire")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["published"] == "2018-07-01" and data["outlet"] == "Wire"
    assert len(data["sentences"]) == 2
    assert data["entities"], "spaCy finds entities"
    for ent in data["entities"]:
        assert TEXT[ent["start"] : ent["end"]] == ent["text"]


def test_analyze_seed_offsets(seed_paths):
    text = seed_paths[0].read_text(encoding="utf-8")
    result = run("analyze", seed_paths[0], "--format", "json")
    data = json.loads(result.stdout)
    spans = data["entities"] + data["places"] + data["framing"]
    assert spans
    for span in spans:
        mention = span.get("text", span.get("mention"))
        assert text[span["start"] : span["end"]] == mention
    for sent in data["sentences"]:
        assert 0 <= sent["start"] < sent["end"] <= len(text)


def test_analyze_table_and_stdin():
    result = run("analyze", "-", input=TEXT)
    assert result.exit_code == 0
    assert "2 sentences" in result.stdout


def test_analyze_unreadable_input_fails_clearly(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("   ")
    result = CliRunner().invoke(cli, ["analyze", str(f)])
    assert result.exit_code != 0
    assert "empty.txt" in result.stderr and "empty" in result.stderr


def test_ingest_twice_is_idempotent_and_exports(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "text": TEXT, "outlet": "Wire", "published": "2018-07-01"})
        + "\n{broken\n"
        + json.dumps({"id": "a2", "text": "Clashes broke out in Tripoli on Friday, officials said."})
        + "\n"
    )
    db = tmp_path / "x.db"
    first = run("ingest", corpus, "--db", db)
    # one bad line does not stop the batch, but the exit status and the summary say it failed
    assert first.exit_code == 1
    assert "2 added" in first.stdout and "1 unreadable" in first.stdout and f"{corpus}:2" in first.stderr
    assert "1 record not stored" in first.stderr
    second = run("ingest", corpus, "--db", db, "--json")
    assert json.loads(second.stdout)["added"] == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    exported = [
        json.loads(line) for line in run("export", "--db", db, "--format", "jsonl").stdout.splitlines()
    ]
    assert {r["id"] for r in exported} == {"a1", "a2"}
    a1 = next(r for r in exported if r["id"] == "a1")
    assert a1["text"] == TEXT and a1["copy_of"] is None and a1["analysis"]["article_id"] == "a1"
    csv_out = run("export", "--db", db, "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("id,url,outlet,published")


def test_ingest_nothing_readable_exits_nonzero(tmp_path):
    f = tmp_path / "bin.txt"
    f.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(cli, ["ingest", str(f), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "binary" in result.stderr


def test_ingest_gold_corpus(gold_path, tmp_path):
    db = tmp_path / "gold.db"
    assert run("ingest", gold_path, "--db", db).exit_code == 0
    n_gold = sum(1 for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip())
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == n_gold
    assert "0 added" in run("ingest", gold_path, "--db", db).stdout
    assert len(run("export", "--db", db).stdout.splitlines()) == n_gold
