"""The HTTP API on a real SQLite database built from written example articles."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app


@pytest.fixture
def writable(tmp_path, pipeline):
    """A fresh, empty database and app for tests that write."""
    return TestClient(create_app(tmp_path / "w.db", pipeline=pipeline, max_body=64 * 1024))


ARTICLE = (
    "Fighters of the Islamic State attacked an army checkpoint near Deir ez-Zor on Tuesday, "
    "killing three soldiers, the Syrian Observatory for Human Rights said.\n"
    "The group said in a statement that it had seized weapons from the checkpoint."
)


# -- analysis -------------------------------------------------------------------------
def test_analyze_returns_analysis_json_with_real_parse(client):
    r = client.post("/analyze", json={"text": ARTICLE, "published": "2024-04-02", "outlet": "Test Wire"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["analyzed"] is True
    assert body["outlet"] == "Test Wire" and body["published"] == "2024-04-02"
    assert len(body["sentences"]) == 2
    assert body["stages"][0] == "nlp"
    assert body["entities"], "spaCy found no entities"
    for ent in body["entities"]:
        assert ARTICLE[ent["start"] : ent["end"]] == ent["text"]
    assert r.headers["x-eventwire-stored"] == "false"


def test_analyze_can_store(writable):
    r = writable.post("/analyze?store=true", json={"text": ARTICLE, "title": "Checkpoint attack"})
    assert r.status_code == 200
    assert r.headers["x-eventwire-stored"] == "true"
    article_id = r.json()["article_id"]
    stored = writable.get(f"/articles/{article_id}").json()
    assert stored["article"]["title"] == "Checkpoint attack"
    assert stored["analysis"]["sentences"] == r.json()["sentences"]
    # the stored events are what /events serves for that article (whatever the stages found)
    happened = [e for e in r.json()["events"] if e["modality"] in ("asserted", "reported", "hedged")]
    assert writable.get(f"/events?article_id={article_id}").json()["total"] == len(happened)
    # storing the same text again adds nothing
    again = writable.post("/analyze?store=true", json={"text": ARTICLE})
    assert again.headers["x-eventwire-stored"] == "false"
    assert writable.get("/articles").json()["total"] == 1


def test_validation_error_names_the_field(client):
    r = client.post("/analyze", json={"title": "no text"})
    assert r.status_code == 422
    body = r.json()
    assert body["detail"][0]["field"] == "text"
    assert "text" in body["message"]
    r = client.post("/analyze", json={"text": ""})
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "text"


def test_bad_json_is_400_with_message(client):
    r = client.post(
        "/analyze", content=b'{"text": "unterminated', headers={"content-type": "application/json"}
    )
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_json"
    assert "not valid JSON" in r.json()["detail"]


def test_oversized_body_is_413(client):
    big = {"text": "word " * 20_000}  # ~100 kB, over the 64 kB limit of the fixture app
    r = client.post("/analyze", json=big)
    assert r.status_code == 413
    assert r.json()["error"] == "payload_too_large"
    assert "65536 bytes" in r.json()["detail"]


def test_oversized_chunked_body_is_413(client):
    def chunks():
        for _ in range(100):
            yield b"x" * 1024

    r = client.post("/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize(
    "path",
    ["/articles/no-such-id", "/stories/no-such-story", "/places/Atlantis", "/outlets/Nobody/framing",
     "/jobs/nojob", "/export/no-such-format", "/basemap/nothing.json", "/ui/articles/no-such-id"],
)  # fmt: skip
def test_unknown_ids_are_404_with_message(client, path):
    r = client.get(path)
    assert r.status_code == 404
    if path.startswith("/ui/"):
        assert "no-such-id" in r.text and r.headers["content-type"].startswith("text/html")
    else:
        assert r.json()["detail"]


# -- articles and events ---------------------------------------------------------------------
def test_articles_list_and_filter(client):
    body = client.get("/articles").json()
    assert body["total"] == 5
    assert "text" not in body["items"][0]
    dates = [a["published"] for a in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert client.get("/articles?outlet=capital tv").json()["total"] == 1
    assert client.get("/articles?q=drone").json()["items"][0]["id"] == "sudan-fasher-1"


def test_events_filters(client):
    everything = client.get("/events?limit=1000").json()
    assert everything["total"] == len(everything["items"]) == 8
    nawa = client.get("/events?place=Nawa").json()["items"]
    assert nawa and all(e["location"] == "Nawa" for e in nawa)
    # a province includes its towns
    daraa = client.get("/events?place=Daraa").json()["items"]
    assert {e["location"] for e in daraa} >= {"Nawa", "Tafas"}
    inside = client.get("/events?bbox=25,13,26,14").json()["items"]
    assert [e["location"] for e in inside] == ["El Fasher"]
    battles = client.get("/events?event_type=Battles").json()["items"]
    assert battles and all(e["event_type"] == "Battles" for e in battles)
    both = client.get("/events?event_type=Battles&event_type=Explosions/Remote violence").json()
    assert both["total"] == everything["total"]
    rebels = client.get("/events?actor=rebel").json()["items"]
    assert rebels and all("Rebel" in (e["actor1"] or "") + (e["actor2"] or "") for e in rebels)
    capital = client.get("/events?outlet=Capital").json()["items"]
    assert {e["outlet"] for e in capital} == {"Capital TV"}
    march = client.get("/events?date_from=2024-03-01&date_to=2024-03-31").json()["items"]
    assert march and all(e["date"].startswith("2024-03") for e in march)


def test_events_pagination(client):
    first = client.get("/events?limit=3").json()
    second = client.get("/events?limit=3&offset=3").json()
    assert first["total"] == second["total"] == 8
    assert first["next_offset"] == 3
    ids = [e["event_id"] for e in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 6
    assert client.get("/events?limit=0").status_code == 422


@pytest.mark.parametrize(
    ("query", "field"),
    [("bbox=1,2,3", "bbox"), ("bbox=10,0,5,1", "bbox"), ("date_from=yesterday", "date_from"),
     ("limit=abc", "limit"), ("date_from=2024-05-01&date_to=2024-01-01", "date_from")],
)  # fmt: skip
def test_event_filter_errors_name_the_field(client, query, field):
    r = client.get(f"/events?{query}")
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == field


# -- places, stories, outlets -------------------------------------------------------------------
def test_place_timeline_with_control_change(client):
    body = client.get("/places/Tafas").json()
    assert body["resolution"]["admin1"] == "Daraa"
    assert [c["sub_event_type"] for c in body["control"]] == ["Government regains territory"]
    assert body["holders"][0]["holder"] == "Military Forces of Syria"
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates)
    places = client.get("/places").json()["items"]
    assert places[0]["name"] == "Nawa" and places[0]["articles"] == 2


def test_stories_and_contradictions(client):
    stories = client.get("/stories?min_outlets=2").json()["items"]
    assert len(stories) == 1
    story = client.get(f"/stories/{stories[0]['id']}").json()
    outlets = {o["outlet"] for o in story["by_outlet"]}
    assert {"Levant Wire", "Capital TV"} <= outlets
    tolls = [c for c in story["contradictions"] if c["field"] == "fatalities"]
    assert tolls and sorted(tolls[0]["values"]) == [2, 4]


def test_outlet_framing_profile_counts_only_the_outlets_voice(client):
    outlets = {o["outlet"]: o for o in client.get("/outlets").json()["items"]}
    assert outlets["Capital TV"]["framing"] == 3
    profile = client.get("/outlets/Capital TV/framing").json()
    assert profile["months"][0]["month"] == "2024-03"
    assert profile["months"][0]["spans"] == 1  # two of the three spans are in a quoted speaker's words
    assert profile["quoted"] == {"Loaded_Language": 1, "Name_Calling,Labeling": 1}


# -- exports --------------------------------------------------------------------------------------
def test_exports_match_the_cli_formats(client):
    total = client.get("/events?limit=1000").json()["total"]
    rows = list(csv.DictReader(io.StringIO(client.get("/export/events-csv").text)))
    assert len(rows) == total
    lines = client.get("/export/jsonl").text.splitlines()
    assert len(lines) == 5 and all(json.loads(line)["analysis"] for line in lines)
    geo = client.get("/export/geojson?place=Nawa").json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    r = client.get("/export/acled-csv")
    assert r.text.startswith("event_id_cnty,event_date")
    assert 'filename="events-acled.csv"' in r.headers["content-disposition"]


# -- safety -----------------------------------------------------------------------------------------
def test_pages_escape_untrusted_text_and_send_a_strict_csp(client):
    r = client.get("/ui/articles/xss-test-1")
    assert r.status_code == 200
    assert "<script>window.__xss" not in r.text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in r.text
    assert "<img src=x onerror" not in r.text
    assert 'href="javascript:' not in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_cross_site_writes_are_refused(client):
    r = client.post("/analyze", json={"text": ARTICLE}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    r = client.post("/analyze", json={"text": ARTICLE}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403


def test_token_is_required_when_set(sample_db, pipeline):
    app = TestClient(create_app(sample_db, token="s3cret-token", pipeline=pipeline))
    assert app.get("/events").status_code == 401
    assert app.get("/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert app.get("/events", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    page = app.get("/ui/map", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/ui/login"
    assert app.post("/ui/login", data={"token": "nope"}).status_code == 401
    login = app.post("/ui/login", data={"token": "s3cret-token"}, follow_redirects=False)
    assert login.status_code == 303
    assert "httponly" in login.headers["set-cookie"].lower()
    assert app.get("/ui/map").status_code == 200  # the cookie now carries the token


def test_read_only_refuses_writes_but_analyzes(sample_db, pipeline):
    app = TestClient(create_app(sample_db, read_only=True, pipeline=pipeline))
    assert app.post("/analyze", json={"text": ARTICLE}).status_code == 200
    r = app.post("/analyze?store=true", json={"text": ARTICLE})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    r = app.post("/jobs", files={"file": ("a.txt", ARTICLE.encode(), "text/plain")})
    assert r.status_code == 403
    assert "read-only" in app.get("/ui/").text


def test_ingest_job_reports_progress(writable):
    lines = [
        json.dumps({"id": f"j{i}", "text": ARTICLE + f" Report {i}.", "outlet": "Job Wire"}) for i in range(3)
    ]
    lines.insert(1, "{not json")
    r = writable.post(
        "/jobs", files={"file": ("batch.jsonl", "\n".join(lines).encode(), "application/x-ndjson")}
    )
    assert r.status_code == 202
    job_id = r.json()["id"]
    deadline = time.monotonic() + 60
    while (job := writable.get(f"/jobs/{job_id}").json())["state"] not in ("done", "failed"):
        assert time.monotonic() < deadline, job
        time.sleep(0.2)
    assert job["state"] == "done", job
    assert job["total"] == 3 and job["processed"] == 3 and job["added"] == 3
    assert any("batch.jsonl:2" in issue for issue in job["issues"])
    assert writable.get("/articles?outlet=Job Wire").json()["total"] == 3
    empty = writable.post("/jobs", files={"file": ("e.txt", b"", "text/plain")})
    assert empty.status_code == 422 and empty.json()["detail"][0]["field"] == "file"


# -- docs and static files ------------------------------------------------------------------------------
def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/analyze", "/events", "/places/{name}", "/stories/{story_id}", "/export/{fmt}", "/jobs"):
        assert path in spec["paths"]
    docs = client.get("/docs").text
    assert "cdn" not in docs.lower()
    for src in ("/static/vendor/swagger/swagger-ui-bundle.js", "/static/js/swagger-init.js"):
        assert src in docs
        assert client.get(src).status_code == 200


def test_basemap_layers_are_served_offline(client):
    layers = client.get("/basemap/index.json").json()["layers"]
    assert {"world", "countries", "admin"} <= set(layers)
    admin = client.get("/basemap/admin.json").json()
    levels = {f["properties"]["level"] for f in admin["features"]}
    assert levels == {"province", "district"}
    assert "Who's On First" in admin["attribution"]
    assert client.get("/basemap/..%2F..%2Fstore%2Fstore.json").status_code == 404
