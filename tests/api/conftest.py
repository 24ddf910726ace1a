"""Fixtures for the HTTP API tests: one real pipeline and one sample database per session."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.pipeline import Pipeline


def _load_sample_module():
    # loaded by path so tests/web can share it without making tests/ a package
    path = Path(__file__).resolve().parent / "ew_sample_db.py"
    spec = importlib.util.spec_from_file_location("ew_sample_db", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ew_sample_db", module)
    spec.loader.exec_module(module)
    return module


sample = _load_sample_module()


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline (real spaCy parse and every stage registered so far), built once."""
    return Pipeline().initialize()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, pipeline) -> Path:
    db = tmp_path_factory.mktemp("api") / "sample.db"
    sample.build_sample_db(db, pipeline)
    return db


@pytest.fixture(scope="session")
def client(sample_db, pipeline) -> TestClient:
    return TestClient(create_app(sample_db, pipeline=pipeline, max_body=64 * 1024))
