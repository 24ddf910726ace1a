"""The default pipeline must give the same analysis in every process.

A distributed run analyses each article in some worker process; for its results to equal
the single-process run's, no stage may depend on Python's per-process hash randomisation
(iterating a set of strings, ties broken by dict order built from a set, ...).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import write_jsonl, written_records

EVENTWIRE = Path(sys.executable).with_name("eventwire")


def test_same_analysis_under_different_hash_seeds(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", written_records(6))
    outputs = []
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [str(EVENTWIRE), "analyze", str(corpus), "--format", "json"],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
