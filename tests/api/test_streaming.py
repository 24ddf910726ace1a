"""Exports over HTTP are streamed in chunks by a bounded number of writers, and stop when the
client goes away."""

from __future__ import annotations

import asyncio
import io
import json

from eventwire.api import streaming
from eventwire.api.streaming import ExportStreamer
from eventwire.exports import EventFilter, events_geojson, export
from eventwire.store import Store


def _collect(streamer: ExportStreamer, fmt: str, flt: EventFilter | None = None) -> list[bytes]:
    async def run() -> list[bytes]:
        return [chunk async for chunk in streamer.stream(fmt, flt or EventFilter())]

    return asyncio.run(run())


def test_a_streamed_export_is_the_export_in_small_chunks(sample_db, monkeypatch):
    monkeypatch.setattr(streaming, "CHUNK", 512)
    for fmt in ("jsonl", "events-csv", "acled-csv"):
        chunks = _collect(ExportStreamer(str(sample_db)), fmt)
        whole = io.StringIO()
        with Store(str(sample_db)) as store:
            export(store, fmt, whole, EventFilter())
        if fmt == "acled-csv":  # its last column is the export time
            strip = lambda text: [line.rsplit(",", 1)[0] for line in text.splitlines()]  # noqa: E731
            assert strip(b"".join(chunks).decode()) == strip(whole.getvalue())
        else:
            assert b"".join(chunks).decode() == whole.getvalue()
        assert len(chunks) > 1, fmt


def test_the_streamed_geojson_is_the_same_collection(sample_db):
    body = b"".join(_collect(ExportStreamer(str(sample_db)), "geojson"))
    with Store(str(sample_db)) as store:
        expected = events_geojson(store, EventFilter())
    assert json.loads(body) == expected and expected["features"]
    assert body.decode() == json.dumps(expected, ensure_ascii=False) + "\n"


def test_parquet_is_streamed_from_a_temp_file_that_is_removed(sample_db, tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    monkeypatch.setattr(streaming.tempfile, "tempdir", str(tmp_path))
    body = b"".join(_collect(ExportStreamer(str(sample_db)), "parquet"))
    (tmp_path / "got.parquet").write_bytes(body)
    assert pq.read_table(tmp_path / "got.parquet").num_rows == 8
    assert not list(tmp_path.glob("eventwire-export-*"))


def test_a_client_that_goes_away_stops_the_writer(sample_db, monkeypatch):
    monkeypatch.setattr(streaming, "CHUNK", 64)
    streamer = ExportStreamer(str(sample_db), max_writers=1)

    async def first_chunk_only() -> bytes:
        stream = streamer.stream("jsonl", EventFilter())
        chunk = await anext(stream)
        await stream.aclose()  # what the server does when the connection closes
        return chunk

    async def whole() -> list[bytes]:
        return [c async for c in streamer.stream("events-jsonl", EventFilter())]

    assert asyncio.run(first_chunk_only())
    # the only writer is free again: a stopped export does not hold it (else this would hang)
    assert asyncio.run(asyncio.wait_for(whole(), 20))


def test_the_http_export_is_chunked_and_complete(client):
    r = client.get("/export/events-jsonl")
    assert r.status_code == 200 and "content-length" not in r.headers
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert len(r.text.splitlines()) == client.get("/events").json()["total"]
    assert "content-security-policy" in r.headers
