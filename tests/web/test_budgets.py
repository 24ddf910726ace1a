"""The page budgets of issue 19: the map page weighs at most 300 kB as sent (gzip), every page
answers its first byte in under 100 ms — on the sample database and on the development corpus."""

from __future__ import annotations

import http.client
import json
import statistics
import time
import urllib.request
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import expect

MAP_BUDGET = 300_000  # bytes as sent over the wire: bodies (compressed) plus headers
TTFB_BUDGET = 0.100  # seconds, median of FETCHES after one warm-up fetch
FETCHES = 5


@pytest.fixture(params=["sample", "dev"])
def corpus_server(request):
    """Each budget test runs on the sample database and on the development corpus (when present)."""
    return request.getfixturevalue("server" if request.param == "sample" else "dev_server")


def api(server: str, path: str):
    with urllib.request.urlopen(server + path) as response:
        return json.loads(response.read())


def every_page(server: str) -> list[str]:
    """One page of each kind: the lists, and the first place, story, outlet and article."""
    pages = ["/ui/", "/ui/map", "/ui/places", "/ui/stories", "/ui/outlets", "/ui/ingest"]
    place = api(server, "/places?limit=1")["items"]
    story = api(server, "/stories")["items"]
    outlet = [o for o in api(server, "/outlets")["items"] if o["outlet"]]
    article = api(server, "/articles?limit=1")["items"]
    pages += ["/ui/places/" + quote(p["name"], safe="") for p in place[:1]]
    pages += ["/ui/stories/" + quote(s["id"], safe="") for s in story[:1]]
    pages += ["/ui/outlets/" + quote(o["outlet"], safe="") for o in outlet[:1]]
    pages += ["/ui/articles/" + quote(a["id"], safe="") for a in article[:1]]
    return pages


def first_byte(server: str, path: str) -> float:
    """Seconds from sending the request to the first byte of the body (a new connection each time)."""
    netloc = urlparse(server).netloc
    conn = http.client.HTTPConnection(netloc, timeout=30)
    try:
        start = time.perf_counter()
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        response.read(1)
        took = time.perf_counter() - start
        assert response.status == 200, (path, response.status)
        response.read()
        return took
    finally:
        conn.close()


def test_map_page_weighs_at_most_300_kB_compressed(browser, corpus_server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(corpus_server + "/ui/map")
    expect(page.locator("#map")).to_have_attribute("data-ready", "true")
    page.wait_for_load_state("networkidle")
    sent = {}
    for request in finished:
        sizes = request.sizes()
        response = request.response()
        sent[request.url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        body = response.body()
        if len(body) > 2000 and "svg" not in (response.headers.get("content-type") or ""):
            assert response.headers.get("content-encoding") == "gzip", f"{request.url} is sent uncompressed"
    context.close()
    paths = {urlparse(u).path for u in sent}
    assert {"/ui/map", "/static/js/map.js", "/basemap/world.json"} <= paths
    assert any(p == "/events" for p in paths), "the map's events were fetched and counted"
    total = sum(sent.values())
    print(f"map page: {len(sent)} resources, {total / 1000:.1f} kB as sent")
    assert total <= MAP_BUDGET, {u: n for u, n in sorted(sent.items(), key=lambda kv: -kv[1])[:5]}


def test_every_page_answers_its_first_byte_within_100_ms(corpus_server):
    medians = {}
    for path in every_page(corpus_server):
        first_byte(corpus_server, path)  # warm-up: view refresh, template compilation, caches
        medians[path] = statistics.median(first_byte(corpus_server, path) for _ in range(FETCHES))
    print("first byte, median ms:", {p: round(1000 * s, 1) for p, s in medians.items()})
    slow = {p: round(1000 * s, 1) for p, s in medians.items() if s >= TTFB_BUDGET}
    assert slow == {}, f"median time to first byte over {TTFB_BUDGET * 1000:.0f} ms"
