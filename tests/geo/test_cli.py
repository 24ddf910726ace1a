from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.geo.gazetteer import Gazetteer


def test_import_then_info(tmp_path: Path) -> None:
    dump = tmp_path / "cities.txt"
    cols = [
        "91000001",
        "Qaryat Mithal",
        "Qaryat Mithal",
        "Mithal,Mithaal",
        "34.5",
        "38.2",
        "P",
        "PPL",
        "SY",
        "",
        "12",
        "",
        "",
        "",
        "700",
        "",
        "400",
        "Asia/Damascus",
        "2024-01-01",
    ]
    dump.write_text("\t".join(cols) + "\n", encoding="utf-8")
    db = tmp_path / "g.sqlite"
    runner = CliRunner()
    res = runner.invoke(cli, ["gazetteer", "import", str(dump), "--db-path", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    assert "1 added" in res.output
    res = runner.invoke(cli, ["gazetteer", "info", "--db-path", str(db), "--json"])
    assert res.exit_code == 0, res.output
    info = json.loads(res.output)
    assert info["places"] == 1 and info["by_kind"] == {"village": 1}
    assert any("cities.txt" in line for line in info["imports"])
    assert [r.name for r in Gazetteer(db).by_key("mithal")] == ["Qaryat Mithal"]


def test_import_missing_file_is_a_user_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["gazetteer", "import", str(tmp_path / "nope.txt")])
    assert res.exit_code != 0
