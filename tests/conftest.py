"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "corpus" / "dev" / "gold.jsonl"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def gold_path() -> Path:
    """The shared gold dev corpus; tests using it skip where ../shared is absent."""
    if not GOLD.exists():
        pytest.skip("../shared/corpus is not available")
    return GOLD


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    if not SEEDS.exists():
        pytest.skip("../shared/corpus/seeds is not available")
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline, built once per test session (model and gazetteer load once)."""
    from eventwire.pipeline import Pipeline

    return Pipeline().initialize()


@pytest.fixture(scope="session")
def nlp_pipeline():
    """Only the spaCy stage: for tests about ingest and storage, not analysis quality."""
    from eventwire.pipeline import Pipeline

    return Pipeline(stages=["nlp"]).initialize()
