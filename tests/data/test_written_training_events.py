"""The hand-written event training examples (data/training/events/written) and their checker.

Runs scripts/check-written-training-events on the shipped files and on copies broken on purpose, and
checks the breadth the datasheet promises: every ACLED sub-type, every style per event type.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "scripts" / "check-written-training-events"
DATA = ROOT / "src" / "eventwire" / "data" / "training" / "events" / "written"


def _run(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), str(path)], capture_output=True, text=True)


def _records():
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            yield path.stem, json.loads(line)


def test_shipped_corpus_passes_the_check():
    done = _run(DATA)
    assert done.returncode == 0, done.stderr
    assert "Mob violence" in done.stdout and "negatives" in done.stdout


def test_every_sub_type_and_style_is_covered():
    per_sub, styles = Counter(), defaultdict(set)
    for _stem, rec in _records():
        for ev in rec["events"]:
            per_sub[ev["sub_event_type"]] += 1
            styles[ev["event_type"]].add(rec["style"])
    assert len(per_sub) == 25
    assert min(per_sub.values()) >= 20, per_sub.most_common()[-3:]
    assert all(len(s) == 6 for s in styles.values()), styles
    assert sum(1 for stem, _ in _records() if stem == "negatives") >= 100
    assert len({rec["country"] for _, rec in _records()}) >= 30


def _break(tmp_path: Path, stem: str, edit) -> Path:
    for path in DATA.glob("*.jsonl"):
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / f"{stem}.jsonl"
    lines = target.read_text(encoding="utf-8").splitlines()
    lines[0] = edit(lines[0])
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def _edit_event(key, value):
    def edit(line):
        rec = json.loads(line)
        rec["events"][0][key] = value
        return json.dumps(rec)

    return edit


def test_check_rejects_evidence_not_in_text(tmp_path):
    done = _run(_break(tmp_path, "battles", _edit_event("evidence", "words that are nowhere")))
    assert done.returncode == 1
    assert "battles.jsonl:1" in done.stderr and "not an exact substring" in done.stderr


def test_check_rejects_sub_type_of_another_event_type(tmp_path):
    done = _run(_break(tmp_path, "riots", _edit_event("sub_event_type", "Armed clash")))
    assert done.returncode == 1 and "does not belong to 'Riots'" in done.stderr


def test_check_rejects_bad_json_and_negative_with_events(tmp_path):
    def edit(line):
        rec = json.loads(line)
        rec["events"] = [{"event_type": "Riots"}]
        return json.dumps(rec) + "\n{not json"

    done = _run(_break(tmp_path, "negatives", edit))
    assert done.returncode == 1
    assert "a negative must have events: []" in done.stderr and "not JSON" in done.stderr
