"""Analysis processes (what `eventwire serve` uses): a short article is answered while a long
one occupies another process, and an analysis over the time limit has its process replaced."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app

from .test_gate import SHORT, load


@pytest.fixture
def two_processes(sample_db):
    app = create_app(sample_db, analysis_processes=2, analyze_timeout=300)
    processes = app.state.settings.processes
    try:
        assert processes.wait_ready(), "the analysis processes did not start"
        yield app
    finally:
        processes.close()


def test_short_articles_pass_a_long_one_and_an_overrun_is_stopped(two_processes):
    app = two_processes
    client = TestClient(app)
    settings = app.state.settings
    long_text = load.synthetic_article(24)
    done: dict[str, float] = {}

    def long_analysis() -> None:
        r = client.post("/analyze", json={"text": long_text})
        done["long"] = time.monotonic()
        done["status"] = r.status_code

    worker = threading.Thread(target=long_analysis)
    worker.start()
    deadline = time.monotonic() + 10
    while settings.gate.in_flight < 1:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    r = client.post("/analyze", json={"text": SHORT, "published": "2024-04-01"})
    short_done = time.monotonic()
    assert r.status_code == 200 and r.json()["sentences"]
    worker.join(timeout=300)
    assert done["status"] == 200
    assert short_done < done["long"], "the short article waited for the long one"

    # over the limit: the request gets a 504 at once and the busy process is replaced
    settings.gate.timeout = 0.5
    pids = {w.process.pid for w in settings.processes._all}
    start = time.monotonic()
    r = client.post("/analyze", json={"text": long_text})
    assert r.status_code == 504 and "0.5 s" in r.json()["detail"]
    assert time.monotonic() - start < 5
    deadline = time.monotonic() + 10
    while len({w.process.pid for w in settings.processes._all} - pids) != 1:  # replaced a moment later
        assert time.monotonic() < deadline, "the overrunning process was not replaced"
        time.sleep(0.05)
    assert settings.processes.size == 2
    settings.gate.timeout = 300
    assert settings.processes.wait_ready()
    assert client.post("/analyze", json={"text": SHORT}).status_code == 200
