"""The pages as a person sees them, in headless Chromium: article view, map, place, story, outlet.

Each test writes a screenshot to screenshots/ (see the README) so a reviewer can look.
"""

from __future__ import annotations

import json
import urllib.request

from playwright.sync_api import expect


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path) as response:
        return json.loads(response.read())


def no_injected_code_ran(page) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.console_errors == [] or not any("Content Security Policy" in e for e in page.console_errors)


def test_article_view_highlights_and_side_panel(page, server, screenshots):
    page.goto(server + "/ui/")
    page.get_by_role("link", name="Shelling kills four in southern Syrian town").click()
    expect(page.locator("#article-title")).to_have_text("Shelling kills four in southern Syrian town")

    place = page.locator("#article-text .hl-place", has_text="Nawa").first
    expect(place).to_be_visible()
    place.hover()
    tooltip = page.locator("#tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Nawa → Nawa, Daraa, SY")
    expect(tooltip).to_contain_text("32.8897, 36.0431")

    notes = page.locator("#event-notes li")
    expect(notes).to_have_count(2)
    expect(notes.first).to_contain_text("in Nawa")
    claim = page.locator("#claims li").first
    expect(claim.locator(".speaker")).to_have_text("The official")
    expect(claim.locator(".claim-text")).to_have_text("two of the dead were children")
    expect(claim.locator(".via")).to_have_text("Levant Wire")

    # hovering a note lights up its evidence in the text
    notes.first.hover()
    expect(page.locator("#article-text .hl-event.active").first).to_be_visible()
    # the legend hides a kind of highlight
    page.locator("#legend input[data-kind=place]").uncheck()
    expect(page.locator("#article-text")).to_have_class("article-text hide-place")
    page.locator("#legend input[data-kind=place]").check()
    page.screenshot(path=str(screenshots / "article.png"), full_page=True)
    assert page.console_errors == []


def test_pasted_article_is_analyzed_and_shown(page, server, screenshots):
    page.goto(server + "/ui/")
    text = (
        "Protesters gathered in central Baghdad on Friday to demand better electricity supplies, "
        "witnesses said.\nPolice dispersed the crowd in the afternoon, a security official told reporters."
    )
    page.locator("textarea[name=text]").fill(text)
    page.locator("input[name=title]").fill("Power protest in Baghdad")
    page.locator("input[name=store]").uncheck()
    page.get_by_role("button", name="Analyze").click()
    expect(page.locator("#article-title")).to_have_text("Power protest in Baghdad")
    expect(page.locator("#article-text")).to_have_text(text)
    expect(page.get_by_text("not stored")).to_be_visible()
    page.screenshot(path=str(screenshots / "article-pasted.png"), full_page=True)


def test_map_shows_markers_coloured_by_type(page, server, screenshots):
    located = [e for e in api(server, "/events?limit=5000")["items"] if e["lat"] is not None]
    assert located, "the sample database has located events"
    page.goto(server + "/ui/map")
    expect(page.locator("#map")).to_have_attribute("data-ready", "true")
    expect(page.locator("#map-status")).to_contain_text(f"{len(located)} event")
    markers = page.locator("#map .marker, #map .cluster")
    assert markers.count() >= 1
    # every marker drawn accounts for its events: singles plus cluster counts add up
    singles = page.locator("#map .marker").count()
    clustered = sum(
        int(c) for c in page.locator("#map .cluster").evaluate_all("els => els.map(e => e.dataset.count)")
    )
    assert singles + clustered == len(located)
    # the base layer drew Syria's provinces offline
    assert page.locator("#map path.province").count() >= 14
    expect(page.locator("#map-attribution")).to_contain_text("Who's On First")
    types = {e["event_type"] for e in located}
    expect(page.locator("#map-legend li")).to_have_count(len(types))
    page.screenshot(path=str(screenshots / "map.png"))

    # filter to one type: only its markers remain
    page.locator("select[name=event_type]").select_option("Battles")
    page.get_by_role("button", name="Apply").click()
    battles = [e for e in located if e["event_type"] == "Battles"]
    expect(page.locator("#map-status")).to_contain_text(f"{len(battles)} event")
    expect(page.locator("#map-legend li")).to_have_count(1)
    assert "type=Battles" in page.url.replace("event_", "")

    # zooming until a marker opens a popup with its source
    page.locator("select[name=event_type]").select_option("")
    page.get_by_role("button", name="Apply").click()
    popup = page.locator("#map-popup")
    for _ in range(15):  # a cluster zooms in; a marker, or events at one spot, open the popup
        singles = page.locator("#map .marker")
        (singles if singles.count() else page.locator("#map .cluster")).first.click()
        if popup.is_visible():
            break
    expect(popup).to_be_visible()
    assert popup.locator("a[href^='/ui/articles/']").count() >= 1
    page.screenshot(path=str(screenshots / "map-popup.png"))
    assert page.console_errors == []


def test_place_timeline(page, server, screenshots):
    page.goto(server + "/ui/places")
    page.get_by_role("link", name="Tafas", exact=True).click()
    expect(page.locator("#place-name")).to_have_text("Tafas")
    expect(page.locator("#place-resolution")).to_contain_text("Daraa, SY")
    changes = page.locator("#control-changes li")
    expect(changes).to_have_count(1)
    expect(changes.first).to_contain_text("Government regains territory")
    expect(changes.first).to_contain_text("Military Forces of Syria")
    days = page.locator("#timeline > li.day > .date").all_inner_texts()
    assert days == sorted(days) and len(days) == 2
    page.screenshot(path=str(screenshots / "place.png"), full_page=True)

    # a province's page includes its towns' events
    page.goto(server + "/ui/places/Daraa")
    assert page.locator("#timeline .tl-event").count() >= 5


def test_story_page_sets_outlets_side_by_side(page, server, screenshots):
    page.goto(server + "/ui/stories?min_outlets=2")
    rows = page.locator("#story-list tbody tr")
    expect(rows).to_have_count(1)
    rows.first.locator("a").first.click()
    columns = page.locator("#outlet-columns .outlet-column")
    assert columns.count() >= 2
    names = columns.locator(".outlet-name").all_inner_texts()
    assert "Levant Wire" in names and "Capital TV" in names
    contradictions = page.locator("#contradictions")
    expect(contradictions).to_contain_text("the death toll")
    expect(contradictions).to_contain_text("Levant Wire: 4")
    expect(contradictions).to_contain_text("Capital TV: 2")
    capital = columns.filter(has=page.locator(".outlet-name", has_text="Capital TV"))
    expect(capital).to_contain_text("terrorist groups")
    page.screenshot(path=str(screenshots / "story.png"), full_page=True)


def test_outlet_framing_profile(page, server, screenshots):
    page.goto(server + "/ui/outlets")
    page.get_by_role("link", name="Capital TV").click()
    expect(page.locator("#outlet-name")).to_have_text("Capital TV")
    expect(page.locator("#framing-chart rect.bar")).to_have_count(1)
    expect(page.locator("#framing-table tbody tr").first).to_contain_text("2024-03")
    page.screenshot(path=str(screenshots / "outlet.png"), full_page=True)


def test_untrusted_title_text_and_outlet_run_nothing(page, server, screenshots):
    page.goto(server + "/ui/articles/xss-test-1")
    expect(page.locator("#article-title")).to_have_text("<script>window.__xss = 1</script> Clashes reported")
    expect(page.locator("#article-text")).to_contain_text('<img src=x onerror="window.__xss=2">')
    expect(page.locator("#article-text")).to_contain_text("<script>window.__xss = 4</script>")
    expect(page.locator(".meta .outlet")).to_have_text("<b>Bold Outlet</b>")
    assert page.locator("#article-text img, #article-text script, .meta b").count() == 0
    # the article's url is javascript: and must not become a link
    assert page.locator("a[href^='javascript']").count() == 0
    # a framing tooltip with markup in it shows as text
    page.locator("#article-text .hl-framing").first.hover()
    expect(page.locator("#tooltip")).to_contain_text('<img src=y onerror="window.__xss=6">')
    no_injected_code_ran(page)
    page.screenshot(path=str(screenshots / "untrusted-article.png"), full_page=True)

    for path in ("/ui/", "/ui/outlets", "/ui/stories", "/ui/places/Daraa", "/ui/map"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        no_injected_code_ran(page)
    assert page.locator("select[name=outlet] option", has_text="<b>Bold Outlet</b>").count() == 1


def test_ingest_job_shows_progress(page, server, screenshots, tmp_path):
    upload = tmp_path / "batch.jsonl"
    records = [
        {"id": f"batch-{i}", "outlet": "Test Desk", "published": "2024-06-0" + str(i + 1),
         "text": f"Residents of Idlib reported heavy rain on day {i + 1}, local officials said."}
        for i in range(3)
    ]  # fmt: skip
    upload.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    page.goto(server + "/ui/ingest")
    page.locator("input[name=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Start ingest").click()
    expect(page.locator("#job-state")).to_contain_text("done", timeout=60_000)
    expect(page.locator("#job-counts")).to_contain_text("3 of 3 processed · 3 added")
    assert page.locator("#job-progress").evaluate("el => el.value === el.max")
    page.screenshot(path=str(screenshots / "ingest.png"), full_page=True)
    assert api(server, "/articles?outlet=Test%20Desk")["total"] == 3


def test_api_docs_page_works_offline(page, server, screenshots):
    page.goto(server + "/docs")
    expect(page.locator(".opblock-summary-path", has_text="/analyze").first).to_be_visible(timeout=15_000)
    page.screenshot(path=str(screenshots / "api-docs.png"))
