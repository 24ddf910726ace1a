"""Ingest jobs: a capped queue (503 with Retry-After, nothing saved), a capped upload (413),
and no upload left on disk once a job ends or the server stops."""

from __future__ import annotations

import json
import time

from fastapi.testclient import TestClient

from eventwire.api import create_app

ARTICLE = "Two residents said shelling damaged a school near the river crossing on Monday."


def _upload(client: TestClient, name: str, n: int = 1):
    lines = [json.dumps({"id": f"{name}-{i}", "text": f"{ARTICLE} Report {i}."}) for i in range(n)]
    return client.post(
        "/jobs", files={"file": (f"{name}.jsonl", "\n".join(lines).encode(), "application/x-ndjson")}
    )


def _wait_done(client: TestClient, job_id: str) -> dict:
    deadline = time.monotonic() + 60
    while (job := client.get(f"/jobs/{job_id}").json())["state"] not in ("done", "failed"):
        assert time.monotonic() < deadline, job
        time.sleep(0.1)
    return job


def test_the_job_queue_is_capped_and_a_refused_upload_is_not_saved(tmp_path, pipeline):
    app = create_app(tmp_path / "j.db", pipeline=pipeline, max_jobs=1)
    client = TestClient(app)
    settings = app.state.settings
    with settings.pipeline.lock:  # the first job cannot finish while the pipeline is busy
        first = _upload(client, "first")
        assert first.status_code == 202
        assert len(settings.jobs.pending_files()) == 1
        refused = _upload(client, "second")
        assert refused.status_code == 503
        assert int(refused.headers["retry-after"]) > 0
        assert "ingest jobs" in refused.json()["detail"] and refused.json()["error"] == "busy"
        assert "content-security-policy" in refused.headers
        assert len(settings.jobs.pending_files()) == 1  # the refused upload was never written
    assert _wait_done(client, first.json()["id"])["added"] == 1
    assert settings.jobs.pending_files() == []  # deleted when the job ended
    again = _upload(client, "third")  # the queue has room again
    assert again.status_code == 202 and _wait_done(client, again.json()["id"])["state"] == "done"


def test_an_upload_over_the_byte_limit_is_413_and_leaves_nothing(tmp_path, pipeline):
    app = create_app(tmp_path / "j.db", pipeline=pipeline, max_body=4096)
    client = TestClient(app)
    r = _upload(client, "big", n=100)  # ~10 kB
    assert r.status_code == 413 and "4096 bytes" in r.json()["detail"]
    assert app.state.settings.jobs.jobs == {} and app.state.settings.jobs.pending_files() == []


def test_server_shutdown_deletes_uploads_still_waiting(tmp_path, pipeline):
    app = create_app(tmp_path / "j.db", pipeline=pipeline)
    jobs = app.state.settings.jobs
    with TestClient(app) as client, app.state.settings.pipeline.lock:
        assert _upload(client, "waiting").status_code == 202
        root = jobs.root
        assert jobs.pending_files()
    assert not root.exists()  # the lifespan's end removed the folder with the upload
