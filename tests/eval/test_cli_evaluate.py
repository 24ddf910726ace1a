"""`eventwire eval` through click's CliRunner, on a hand-made gold file and a real spaCy parse."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli

from .test_harness import GOLD_LINE

STAGES = "nlp,eval-test-gpe-places"


@pytest.fixture()
def gold_file(tmp_path, gpe_pipeline):  # gpe_pipeline: the model is loaded once per session
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_LINE) + "\n", encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(cli, ["eval", *map(str, args)])


def test_json_prints_exactly_one_object(gold_file):
    result = run(gold_file, "--json", "--stages", STAGES)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1
    for layer in ("places", "events", "claims", "framing"):
        assert {"precision", "recall", "f1"} <= set(summary[layer])
    assert summary["places"]["detected"] >= 2


def test_layer_option_limits_the_output(gold_file):
    result = run(gold_file, "--json", "--layer", "claims", "--stages", STAGES, "--no-progress")
    summary = json.loads(result.stdout)
    assert "claims" in summary and "places" not in summary and "framing" not in summary


def test_table_and_report(gold_file, tmp_path):
    report = tmp_path / "out.html"
    result = run(gold_file, "--stages", STAGES, "--report", report)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1 articles; stages: nlp, eval-test-gpe-places")
    assert [line.split()[0] for line in lines[2:6]] == ["places", "events", "claims", "framing"]
    page = report.read_text(encoding="utf-8")
    assert "hand-1" in page and "a monitoring group" in page  # the missed claim is listed


def test_bad_gold_is_a_user_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Short.", "places": [{"mention": "Kabul"}]}) + "\n")
    result = run(path, "--stages", "nlp")
    assert result.exit_code != 0
    assert "Error:" in result.output and "Kabul" in result.output


def test_unknown_stage_is_a_user_error(gold_file):
    result = run(gold_file, "--stages", "nlp,no-such-stage")
    assert result.exit_code != 0 and "Unknown stage" in result.output
