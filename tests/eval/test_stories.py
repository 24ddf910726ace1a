"""Story scoring: B-cubed and pairwise on hand-worked clusterings, and the eval CLI end to end."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.errors import EventwireError
from eventwire.eval.stories import bcubed, is_cluster_gold, load_gold_clusters, pairwise, story_metrics


def test_bcubed_and_pairwise_by_hand():
    gold = {"a": "x", "b": "y", "c": "y"}
    pred = {"a": "1", "b": "1", "c": "2"}
    b3 = bcubed(pred, gold)
    assert b3["precision"] == pytest.approx(2 / 3) and b3["recall"] == pytest.approx(2 / 3)
    pw = pairwise(pred, gold)
    assert pw["precision"] == 0 and pw["recall"] == 0 and pw["gold_pairs"] == 1


def test_perfect_and_unplaced():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": "s", "b": "s", "c": "t"}, gold)["f1"] == pytest.approx(1.0)
    # nothing placed: every article alone, precision 1, recall below 1
    m = story_metrics({}, gold)
    assert m["bcubed"]["precision"] == 1.0 and m["bcubed"]["recall"] < 1.0 and m["placed"] == 0


def test_bad_gold_is_a_clear_error(tmp_path):
    bad = tmp_path / "gold_clusters.json"
    bad.write_text('{"clusters": {}}', encoding="utf-8")
    with pytest.raises(EventwireError, match="article_cluster"):
        load_gold_clusters(bad)
    assert not is_cluster_gold(bad) and not is_cluster_gold(tmp_path / "missing.json")


TEXTS = {
    "f1": "Floodwater covered the lower town of Brenmoor on Monday after the river burst its banks, "
    "and the mayor of Brenmoor ordered schools closed.",
    "f2": "The mayor of Brenmoor said the floodwater in the lower town was falling on Tuesday, a day "
    "after the river burst its banks and schools closed.",
    "e1": "Voters in the island republic of Castavel chose a new parliament on Sunday, and the opposition "
    "alliance claimed victory before the count ended.",
}


def test_eval_cli_scores_stories_from_a_gold_clustering(tmp_path, gpe_pipeline):
    folder = tmp_path / "bench"
    folder.mkdir()
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for aid, text in TEXTS.items():
            out.write(json.dumps({"id": aid, "text": text, "published": "2023-02-06"}) + "\n")
    gold = folder / "gold_clusters.json"
    gold.write_text(json.dumps({"article_cluster": {"f1": "flood", "f2": "flood", "e1": "vote"}}))
    result = CliRunner().invoke(cli, ["eval", str(gold), "--layer", "stories", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["articles"] == 3 and summary["placed"] == 3
    assert {"precision", "recall", "f1"} <= set(summary["bcubed"]) and "f1" in summary["pairwise"]
    assert summary["bcubed"]["f1"] == pytest.approx(1.0)
    table = CliRunner().invoke(cli, ["eval", str(gold)])  # a gold clustering is recognised
    assert table.exit_code == 0 and "bcubed" in table.stdout and "pairwise" in table.stdout
    mixed = CliRunner().invoke(cli, ["eval", str(gold), "--layer", "stories", "--layer", "places"])
    assert mixed.exit_code != 0
