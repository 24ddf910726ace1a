"""The map as a workbench: labels, clusters that never overlap, the time brush, every link, mobile width."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import expect

PAGES = [
    "/ui/",
    "/ui/map",
    "/ui/places",
    "/ui/stories",
    "/ui/stories?min_articles=1",
    "/ui/outlets",
    "/ui/ingest",
]


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path) as response:
        return json.loads(response.read())


def open_map(page, server: str) -> None:
    page.goto(server + "/ui/map")
    expect(page.locator("#map")).to_have_attribute("data-ready", "true")


def visible_labels(page) -> list[str]:
    return page.locator("#map .labels text.place-label").all_inner_texts()


def test_labels_visible_above_markers_at_two_zoom_levels(page, server, screenshots):
    open_map(page, server)
    first = visible_labels(page)
    assert first, "names are drawn at the fitted zoom"
    # labels are drawn after (above) the markers and never catch clicks
    order = page.evaluate(
        "[...document.querySelector('#map svg').children].map(g => g.getAttribute('class'))"
    )
    assert order.index("labels") > order.index("markers")
    for _ in range(3):
        page.locator("#zoom-in").click()
    second = visible_labels(page)
    assert second and second != first, "a closer zoom shows other (smaller) names"
    # no two labels overlap (collision-aware placement)
    boxes = page.evaluate(
        "[...document.querySelectorAll('#map .labels text')]"
        ".map(t => {const b = t.getBBox(); return [b.x, b.y, b.width, b.height];})"
    )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (
                a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
            )
    page.screenshot(path=str(screenshots / "map-zoomed.png"))


def marker_circles(page) -> list[tuple[float, float, float]]:
    return page.evaluate(
        "[...document.querySelectorAll('#map .markers > circle, #map .markers > g.cluster > circle')]"
        ".map(c => [+c.getAttribute('cx'), +c.getAttribute('cy'), +c.getAttribute('r')])"
    )


def test_no_two_markers_overlap_at_any_zoom(page, server):
    open_map(page, server)
    assert marker_circles(page)
    for _ in range(4):
        circles = marker_circles(page)
        for i, (x1, y1, r1) in enumerate(circles):
            for x2, y2, r2 in circles[i + 1 :]:
                assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= r1 + r2, "two markers overlap"
        page.locator("#zoom-in").click()


def test_histogram_brush_filters_the_feed_and_the_map(page, server, screenshots):
    open_map(page, server)
    feed = page.locator("#feed")
    total = int(feed.get_attribute("data-count"))
    assert total >= 2
    dates = feed.locator(".feed-date").all_inner_texts()
    assert dates == sorted(dates, reverse=True) or any(d.startswith("published") for d in dates)
    bars = page.locator("#timebar rect.time-bin")
    assert bars.count() >= 2
    box = page.locator("#timebar svg").bounding_box()
    # drag across the first third of the bars
    page.mouse.move(box["x"] + 3, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 3, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    expect(page.locator(".timebar-label")).to_contain_text("Showing")
    label = page.locator(".timebar-label").inner_text()
    start, end = label.split("Showing ")[1].split(" (")[0].split(" to ")
    # the feed is redrawn on the next animation frame after the brush is released
    expect(feed).not_to_have_attribute("data-count", str(total))
    shown = int(feed.get_attribute("data-count"))
    assert shown < total
    for d in feed.locator(".feed-date").all_inner_texts():
        assert start <= (d + "-01-01")[:10] <= end or d.startswith("published")  # partial dates: first day
    # the map shows the same events: singles plus cluster counts
    singles = page.locator("#map .marker").count()
    clustered = sum(
        int(c) for c in page.locator("#map .cluster").evaluate_all("els => els.map(e => +e.dataset.count)")
    )
    assert singles + clustered <= total and singles + clustered >= shown
    page.screenshot(path=str(screenshots / "map-brushed.png"))
    # clicking a feed entry finds it on the map
    if shown:
        feed.locator(".feed-link").first.click()
        expect(page.locator("#map-popup")).to_be_visible()
    page.locator("#timebar svg").focus()
    page.keyboard.press("Escape")
    expect(page.locator(".timebar-label")).to_contain_text("All dates")
    page.locator("#zoom-fit").click()  # the feed follows the visible area too
    expect(feed).to_have_attribute("data-count", str(total))


def _links(page) -> list[str]:
    return page.locator("a[href]").evaluate_all("els => els.map(a => a.getAttribute('href'))")


def test_every_link_on_every_page_answers(page, server):
    pages = list(PAGES)
    places = api(server, "/places?limit=2")
    items = places.get("items", places) if isinstance(places, dict) else places
    pages += ["/ui/places/" + urllib.request.quote(p["name"], safe="") for p in items[:2]]
    stories = api(server, "/stories")
    items = stories.get("items", stories) if isinstance(stories, dict) else stories
    pages += ["/ui/stories/" + urllib.request.quote(s["id"], safe="") for s in items[:2]]
    outlets = api(server, "/outlets")
    items = outlets.get("items", outlets) if isinstance(outlets, dict) else outlets
    pages += ["/ui/outlets/" + urllib.request.quote(o["outlet"], safe="") for o in items[:2] if o["outlet"]]
    pages += [p for p in every_page(server).values() if p not in pages]  # an article page too
    checked: dict[str, int] = {}
    for path in pages:
        page.goto(server + path)
        if path == "/ui/map":
            expect(page.locator("#map")).to_have_attribute("data-ready", "true")
        for href in _links(page):
            url = urljoin(server + path, href)
            if urlparse(url).netloc != urlparse(server).netloc or url in checked:
                continue
            try:
                with urllib.request.urlopen(url) as response:
                    checked[url] = response.status
            except urllib.error.HTTPError as exc:
                checked[url] = exc.code
    assert any("/export/" in u for u in checked), "export links are on the pages"
    assert any("/export/" in u and "?" in u for u in checked), "the map exports its current view"
    broken = {u: s for u, s in checked.items() if s != 200}
    assert broken == {}


def every_page(server: str) -> dict[str, str]:
    """Screenshot name -> path: each list page and the first place, story, outlet and article."""
    pages = {
        "home": "/ui/",
        "map": "/ui/map",
        "places": "/ui/places",
        "stories": "/ui/stories?min_articles=1",
        "outlets": "/ui/outlets",
        "ingest": "/ui/ingest",
    }
    first = {
        "place": ("/places?limit=1", "name", "/ui/places/"),
        "outlet": ("/outlets", "outlet", "/ui/outlets/"),
        "article": ("/articles?limit=1", "id", "/ui/articles/"),
    }
    for name, (query, key, prefix) in first.items():
        items = [i for i in api(server, query)["items"] if i.get(key)]
        pages[name] = prefix + urllib.request.quote(items[0][key], safe="")
    story = max(api(server, "/stories")["items"], key=lambda s: (s["n_outlets"], s["n_events"]))
    pages["story"] = "/ui/stories/" + urllib.request.quote(story["id"], safe="")
    return pages


@pytest.mark.parametrize("width", [1400, 420])
def test_every_page_at_desktop_and_mobile_width(browser, server, screenshots, width):
    """No page scrolls sideways (wide tables and charts scroll inside their panel), nothing fails
    in the console; a screenshot of each: ``desktop-NAME.png`` and ``mobile-NAME.png``."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    wide = {}
    for name, path in every_page(server).items():
        response = pg.goto(server + path)
        assert response.status == 200, path
        if name == "map":
            expect(pg.locator("#map")).to_have_attribute("data-ready", "true")
        size = pg.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if size[0] > size[1]:
            wide[path] = size
        prefix = "mobile" if width < 600 else "desktop"
        pg.screenshot(path=str(screenshots / f"{prefix}-{name}.png"), full_page=name != "map")
    context.close()
    assert wide == {}, f"pages that scroll sideways at {width} px: {wide}"
    assert errors == []


def test_unknown_place_is_not_recognised_with_suggestions(page, server):
    name = api(server, "/places?limit=1")
    first = (name.get("items", name) if isinstance(name, dict) else name)[0]["name"]
    misspelt = first[:-1] + ("x" if first[-1] != "x" else "y")
    response = page.goto(server + "/ui/places/" + urllib.request.quote(misspelt, safe=""))
    assert response.status == 404
    expect(page.locator("#place-unknown h1")).to_contain_text("not recognised")
    expect(page.locator("#place-unknown").get_by_role("link", name=first, exact=True)).to_be_visible()


def test_stories_hide_single_article_ones_by_default(page, server):
    every = api(server, "/stories")
    every = every.get("items", every) if isinstance(every, dict) else every
    multi = [s for s in every if s["n_articles"] >= 2]
    page.goto(server + "/ui/stories")
    expect(page.locator("#story-list tbody tr")).to_have_count(len(multi)) if multi else None
    if len(multi) < len(every):
        expect(page.locator("#stories-hidden")).to_contain_text(str(len(every) - len(multi)))
    page.goto(server + "/ui/stories?min_articles=1")
    expect(page.locator("#story-list tbody tr")).to_have_count(len(every))


def test_story_grid_counts_independent_sources(page, server, screenshots):
    every = api(server, "/stories")
    every = every.get("items", every) if isinstance(every, dict) else every
    story = max(every, key=lambda s: (s["n_outlets"], s["n_events"]))
    page.goto(server + "/ui/stories/" + urllib.request.quote(story["id"], safe=""))
    detail = api(server, "/stories/" + urllib.request.quote(story["id"], safe=""))
    own = {a.get("outlet") or "(unknown outlet)" for a in detail["articles"] if not a.get("copy_of")}
    expect(page.locator("#independent-sources")).to_contain_text(f"{len(own)} independent source")
    outlets = {e.get("outlet") or "(unknown outlet)" for e in detail["events"]}
    expect(page.locator("#story-grid thead th")).to_have_count(len(outlets) + 1)
    page.screenshot(path=str(screenshots / "story.png"), full_page=True)


def test_evidence_spans_are_reached_by_keyboard(page, server):
    page.goto(server + "/ui/")
    page.get_by_role("link", name="Shelling kills four in southern Syrian town").click()
    note = page.locator("#event-notes li").first
    note.focus()
    expect(page.locator("#article-text .hl-event.active").first).to_be_visible()
    page.keyboard.press("Enter")
    # the handler may move focus after the keypress returns: wait for it (fails after 5 s)
    page.wait_for_function(
        "document.activeElement && document.activeElement.closest('#article-text') !== null", timeout=5000
    )
