"""Each HTTP edge answers 4xx with a message (and the security headers), never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.models import Analysis, Article, Place
from eventwire.store import Store

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")
LONG = "a" * 50_000


def assert_refused(r, status: int, field: str | None = None) -> dict:
    assert r.status_code == status, r.text[:300]
    body = r.json()
    message = body.get("message") or body.get("detail")
    assert isinstance(message, str) and message, body
    if field is not None:
        assert body["detail"][0]["field"] == field
        assert field in body["message"]
    for name in SECURITY_HEADERS:
        assert name in r.headers, (status, name)
    return body


# -- numbers -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "field"),
    [("/events?offset=1e20", "offset"), ("/events?offset=100000000000000000000", "offset"),
     ("/articles?offset=99999999999999999999", "offset"), ("/places?offset=-1", "offset"),
     ("/events?limit=5001", "limit"), ("/stories?min_outlets=100000000000000000000", "min_outlets"),
     ("/events?date_from=99999-01-01", "date_from"), ("/stories?date_to=2024-13-40", "date_to")],
)  # fmt: skip
def test_out_of_range_numbers_and_dates_are_422(client, url, field):
    assert_refused(client.get(url), 422, field)


OFF_THE_GLOBE = ["nan,nan,nan,nan", "-inf,0,inf,1", "0,0,1e400,1", "-200,0,10,10", "0,-95,1,1"]


@pytest.mark.parametrize("bbox", OFF_THE_GLOBE)
def test_a_bbox_off_the_globe_is_422(client, bbox):
    assert_refused(client.get(f"/events?bbox={bbox}"), 422, "bbox")
    assert_refused(client.get(f"/export/events-csv?bbox={bbox}"), 422, "bbox")


# -- lengths -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "field"),
    [(f"/articles?q={LONG}", "q"), (f"/places?q={LONG}", "q"), (f"/events?place={LONG}", "place"),
     (f"/events?actor={LONG}", "actor"), (f"/export/jsonl?outlet={LONG}", "outlet"),
     (f"/stories?place={LONG}", "place"), (f"/events?event_type={LONG}", "event_type.0")],
)  # fmt: skip
def test_a_50000_character_query_is_422(client, url, field):
    assert_refused(client.get(url), 422, field)


def test_too_many_repeated_event_types_is_422(client):
    query = "&".join(["event_type=Battles"] * 51)
    assert_refused(client.get(f"/events?{query}"), 422, "event_type")


@pytest.mark.parametrize("path", ["/articles/", "/places/", "/outlets/"])
def test_an_overlong_path_parameter_is_422(client, path):
    url = path + "x" * 600 + ("/framing" if path == "/outlets/" else "")
    assert_refused(client.get(url), 422)


def test_an_overlong_article_is_refused_before_analysis(client):
    from eventwire.api.limits import MAX_ARTICLE_CHARS

    app = TestClient(create_app(":memory:", max_body=4 * MAX_ARTICLE_CHARS))
    assert_refused(app.post("/analyze", json={"text": "x" * (MAX_ARTICLE_CHARS + 1)}), 422, "text")


# -- "/" inside a name or id -------------------------------------------------------------------------------
@pytest.fixture
def slashed(tmp_path):
    """An article whose id, outlet and place name contain "/" (hand-built, no analysis run)."""
    db = tmp_path / "slash.db"
    text = "Shelling hit Tal Sabt/Kafr Nour on Monday, residents said."
    mention = "Tal Sabt/Kafr Nour"
    start = text.index(mention)
    article = Article(id="wire/2024/07/1", text=text, outlet="North/South Wire", published="2024-07-01")
    place = Place(mention=mention, start=start, end=start + len(mention), name=mention, lat=36.1, lon=37.2,
                  country="SY", kind="village", precision="exact")  # fmt: skip
    analysis = Analysis(article_id=article.id, published=article.published, outlet=article.outlet,
                        places=[place])  # fmt: skip
    with Store(str(db)) as store:
        store.add(article, analysis)
    return TestClient(create_app(db))


def test_ids_and_names_with_a_slash_resolve_on_their_own_routes(slashed):
    r = slashed.get("/articles/wire/2024/07/1")
    assert r.status_code == 200 and r.json()["article"]["id"] == "wire/2024/07/1"
    r = slashed.get("/articles/wire%2F2024%2F07%2F1")  # the encoded form reaches the same article
    assert r.status_code == 200 and r.json()["article"]["outlet"] == "North/South Wire"
    r = slashed.get("/outlets/North/South Wire/framing")
    assert r.status_code == 200 and r.json()["outlet"] == "North/South Wire" and r.json()["articles"] == 1
    r = slashed.get("/places/Tal Sabt/Kafr Nour")
    assert r.status_code == 200 and r.json()["resolution"]["name"] == "Tal Sabt/Kafr Nour"
    # a slashed id that does not exist is still a 404 with the id in its message
    assert "wire/2024/07/2" in assert_refused(slashed.get("/articles/wire/2024/07/2"), 404)["detail"]


# -- other replies carry the headers too -------------------------------------------------------------
def test_unknown_routes_and_methods_have_messages_and_headers(client):
    assert_refused(client.get("/no/such/route"), 404)
    assert_refused(client.delete("/events"), 405)


def test_an_unexpected_failure_is_a_json_500_with_the_headers(tmp_path):
    class Broken:
        def analyze(self, article):
            raise RuntimeError("a stage failed")

    app = TestClient(create_app(tmp_path / "b.db", pipeline=Broken()), raise_server_exceptions=False)
    r = app.post("/analyze", json={"text": "Some text."})
    assert r.status_code == 500
    assert r.json()["error"] == "internal" and "log" in r.json()["detail"]
    assert "a stage failed" not in r.text  # the server's internals stay in its log
    for name in SECURITY_HEADERS:
        assert name in r.headers


def test_refusals_from_the_guard_and_the_body_limit_carry_the_headers(sample_db, pipeline):
    token = "a-strong-token-for-tests"
    app = TestClient(create_app(sample_db, token=token, pipeline=pipeline, max_body=1024))
    assert_refused(app.get("/events"), 401)
    auth = {"Authorization": f"Bearer {token}"}
    assert_refused(app.post("/analyze", json={"text": "x" * 2000}, headers=auth), 413)
    cross_site = {**auth, "origin": "https://evil.example"}
    assert_refused(app.post("/analyze", json={"text": "x"}, headers=cross_site), 403)
