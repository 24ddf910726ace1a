"""Corpora for the scale tests, written here or derived at run time from ../shared (never copied)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import GOLD
from tests.pg import pg_server, pg_url  # noqa: F401 - fixtures

# Our own short wire-style reports (invented for these tests), with publication dates
# spread over several months so the Parquet output has several year/month folders.
WRITTEN = [
    (
        "2019-03-02",
        "Government troops shelled rebel positions near the town of Idlib on Friday, a monitor said.",
    ),
    (
        "2019-03-15",
        "Hundreds of protesters marched through central Khartoum on Thursday demanding civilian rule.",
    ),
    ("2019-04-01", "A roadside bomb killed two soldiers outside Mogadishu, police officials told reporters."),
    (
        "2020-11-20",
        "Fighters from the armed group seized a police station in North Kivu province, residents said.",
    ),
    (None, "An airstrike hit a market in the city of Taiz, according to local health workers."),
    (
        "2021-02-07",
        "The army said it had retaken three villages in Borno state after clashes with militants.",
    ),
]
NOT_ENGLISH = "Les forces gouvernementales ont repris le contrôle de la ville après des combats violents."


def written_records(n: int) -> list[dict]:
    records = []
    for i in range(n):
        published, text = WRITTEN[i % len(WRITTEN)]
        records.append({"id": f"w{i:04d}", "published": published, "outlet": "Test Wire", "text": text})
    return records


def gold_records(n: int) -> list[dict]:
    """The dev corpus repeated with varied ids (read from ../shared at run time)."""
    if not GOLD.exists():
        pytest.skip("../shared/corpus is not available")
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    fields = ("url", "outlet", "published", "title", "text")
    return [
        {**{k: rows[i % len(rows)][k] for k in fields}, "id": f"{rows[i % len(rows)]['id']}-{i:05d}"}
        for i in range(n)
    ]


def write_jsonl(path: Path, records: list[dict], *, extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.extend(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def mixed_corpus(tmp_path) -> Path:
    """Written articles plus the awkward cases: a repeat, a non-English text, a broken line, no text."""
    records = written_records(18)
    records.append(dict(records[0]))  # the same id again: stored once
    records.append({"id": "fr1", "published": "2019-05-05", "text": NOT_ENGLISH})
    return write_jsonl(
        tmp_path / "mixed.jsonl", records, extra_lines=('{"id": "broken", "text": ', '{"id": "x"}')
    )
