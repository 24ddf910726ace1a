"""/analyze off the event loop: a long analysis never makes a listing wait; a full line is a
503 with Retry-After; a request past the time limit is a 504 with a message."""

from __future__ import annotations

import importlib.util
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app

LOAD_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "load.py"
SHORT = "Two residents said shelling damaged a school near the river crossing on Monday."


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("ew_load_benchmark", LOAD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


load = _load_benchmark()


def _wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.01)


@pytest.fixture
def live(sample_db, pipeline):
    """The app served by a real uvicorn on a free 127.0.0.1 port, in a thread; yields (url, app)."""
    import uvicorn

    app = create_app(sample_db, pipeline=pipeline, max_body=1024 * 1024, analyze_timeout=120)
    port = load.free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="eventwire-test-live", daemon=True)
    thread.start()
    _wait_for(lambda: server.started, 30)
    yield f"http://127.0.0.1:{port}", app
    server.should_exit = True
    thread.join(timeout=30)


def test_a_listing_answers_while_a_long_article_is_analyzed(live):
    url, app = live
    gate = app.state.settings.gate
    text = load.synthetic_article(24)  # real analysis of ~24 KB takes seconds, not milliseconds
    finished: dict[str, float] = {}

    def long_analysis() -> None:
        r = httpx.post(f"{url}/analyze", json={"text": text}, timeout=300)
        finished["analysis"] = time.monotonic()
        finished["status"] = r.status_code

    worker = threading.Thread(target=long_analysis)
    worker.start()
    _wait_for(lambda: gate.in_flight == 1)
    time.sleep(0.3)  # well into the analysis
    for path in ("/articles", "/events?limit=100", "/places"):
        start = time.monotonic()
        r = httpx.get(f"{url}{path}", timeout=30)
        assert r.status_code == 200
        assert time.monotonic() - start < 2.0, path  # generous: a blocked loop would wait seconds
    listed = time.monotonic()
    worker.join(timeout=300)
    assert finished["status"] == 200
    assert finished["analysis"] > listed, "the analysis ended before the listings: nothing was in flight"


def test_a_full_line_is_503_and_an_overrun_is_504(sample_db, pipeline):
    app = create_app(sample_db, pipeline=pipeline, analyze_timeout=0.5, analyze_queue=0)
    client = TestClient(app)
    settings = app.state.settings
    results: dict[str, httpx.Response] = {}
    with settings.pipeline.lock:  # an ingest job holding the pipeline: the analysis cannot start
        first = threading.Thread(
            target=lambda: results.update(first=client.post("/analyze", json={"text": SHORT}))
        )
        first.start()
        _wait_for(lambda: settings.gate.in_flight == 1)
        busy = client.post("/analyze", json={"text": SHORT})
        first.join(timeout=30)
    assert busy.status_code == 503
    assert int(busy.headers["retry-after"]) >= 1
    assert "busy" in busy.json()["detail"] and busy.json()["error"] == "busy"
    late = results["first"]
    assert late.status_code == 504
    assert late.json()["error"] == "timeout" and "0.5 s" in late.json()["detail"]
    assert "content-security-policy" in late.headers and "content-security-policy" in busy.headers
    # the overrun finishes in the background and gives its place back; then analyses work again
    _wait_for(lambda: settings.gate.in_flight == 0, 60)
    assert client.post("/analyze", json={"text": SHORT}).status_code == 200


def test_the_load_script_refuses_other_hosts():
    for host in ("0.0.0.0", "192.168.1.20", "example.org", "localhost", "::1"):
        with pytest.raises(SystemExit, match="only against 127.0.0.1"):
            load.main(["--host", host])


def test_the_synthetic_article_has_the_asked_size():
    text = load.synthetic_article(60)
    assert 60 * 1024 <= len(text) < 62 * 1024
    assert load.synthetic_article(60) == text and load.synthetic_article(60, seed=1) != text
