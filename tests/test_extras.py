"""The core works without the optional extras, and each extra-only command names its extra."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from eventwire.errors import EventwireError
from eventwire.extras import EXTRAS, missing, require

# What a core install lacks: every module of the server, scale and postgres extras, and pandas.
OPTIONAL = sorted({m for _, mods in EXTRAS.values() for m in mods} | {"pandas", "starlette"})


def run_without_extras(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run the eventwire CLI in a fresh interpreter where the optional packages cannot be imported."""
    code = textwrap.dedent(
        f"""
        import sys
        for name in {OPTIONAL!r}:
            sys.modules[name] = None  # import fails, find_spec says absent
        sys.argv = ["eventwire", *{list(args)!r}]
        from eventwire.cli.main import main
        main()
        """
    )
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True,
                          env=env, timeout=300)  # fmt: skip


def test_analyze_runs_with_no_optional_package(tmp_path):
    text = "Police detained four people after a protest outside the town hall in Mombasa on Monday."
    done = run_without_extras("analyze", "-", "--format", "json", "--published", "2024-05-06", stdin=text)
    assert done.returncode == 0, done.stderr
    analysis = json.loads(done.stdout)
    assert analysis["analyzed"] and analysis["sentences"]
    db = tmp_path / "core.db"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    done = run_without_extras("ingest", str(tmp_path / "a.txt"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert db.exists()


@pytest.mark.parametrize(
    "args, extra",
    [
        (["serve", "--port", "0"], "server"),
        (["ingest", "x.jsonl", "--workers", "2"], "scale"),
        (["export", "--format", "parquet", "-o", "x.parquet"], "parquet"),
    ],
)
def test_a_command_needing_an_extra_names_it(args, extra, tmp_path):
    done = run_without_extras(*args, "--db", str(tmp_path / "x.db"))
    assert done.returncode != 0
    assert f"eventwire[{extra}]" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_require_names_the_missing_modules(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    assert missing("postgres") == ["psycopg"]
    with pytest.raises(EventwireError, match=r"psycopg.*eventwire\[postgres\]"):
        require("postgres")
