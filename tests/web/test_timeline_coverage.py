"""The place timeline drawn as a chart (control bands, dated events) and stories' coverage bars."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from eventwire.ingest.readers import make_article
from eventwire.models import Event, Place
from eventwire.store import Store
from eventwire.stories import update_corpus_views
from eventwire.web.coverage import KINDS, default_kinds

from .conftest import serve

# Written for this test: an invented town changing hands twice, a truce, shelling known to the month.
TEXT = (
    "Fighters of the Northern Front seized the hill town of Kafr Sella on 2 March 2021 after a night "
    "of clashes. Shelling hit the edge of Kafr Sella in May 2021, residents said. Government troops "
    "retook Kafr Sella on 14 August 2021, the army said. Elders in Kafr Sella agreed a truce with both "
    "sides on 3 November 2021."
)
TOWN = {"location": "Kafr Sella", "lat": 35.1, "lon": 36.6, "country": "SY", "admin1": "Hama"}
EVENTS = [
    ("Fighters of the Northern Front seized", "Battles", "Non-state actor overtakes territory",
     {"actor1": "Northern Front", "date": "2021-03-02", "date_precision": "day"}),
    ("Shelling hit the edge", "Explosions/Remote violence", "Shelling/artillery/missile attack",
     {"date": "2021-05", "date_precision": "month"}),
    ("Government troops retook", "Battles", "Government regains territory",
     {"actor1": "Government troops", "date": "2021-08-14", "date_precision": "day"}),
    ("Elders in Kafr Sella agreed a truce", "Strategic developments", "Agreement",
     {"date": "2021-11-03", "date_precision": "day"}),
    ("a night of clashes", "Battles", "Armed clash", {}),
]  # fmt: skip


def _sentence_at(text: str, start: int) -> tuple[int, int]:
    end = text.find(". ", start)
    return start, (end + 1 if end >= 0 else len(text))


@pytest.fixture(scope="module")
def town_server(tmp_path_factory, web_pipeline):
    db = tmp_path_factory.mktemp("town") / "town.db"
    article = make_article(
        TEXT, title="A hill town changes hands", outlet="Example Wire", published="2021-11-05"
    )
    analysis = web_pipeline.analyze(article)
    at = TEXT.index("Kafr Sella")
    where = {k: v for k, v in TOWN.items() if k != "location"}
    analysis.places = [
        Place(
            start=at,
            end=at + 10,
            mention="Kafr Sella",
            name="Kafr Sella",
            kind="town",
            precision="exact",
            **where,
        )
    ]
    analysis.events = []
    for quote_, event_type, sub, extra in EVENTS:
        start, end = _sentence_at(TEXT, TEXT.index(quote_))
        analysis.events.append(Event(start=start, end=end, evidence=TEXT[start:end], event_type=event_type,
                                     sub_event_type=sub, modality="asserted", **TOWN, **extra))  # fmt: skip
    with Store(str(db)) as store:
        store.add(article, analysis)
        update_corpus_views(store, rebuild=True)
    with serve(db, web_pipeline) as url:
        yield url


def api(server: str, path: str):
    with urllib.request.urlopen(server + path) as response:
        return json.loads(response.read())


def test_place_timeline_draws_control_bands_and_dated_events(page, town_server, screenshots):
    page.goto(town_server + "/ui/places/" + quote("Kafr Sella"))
    chart = page.locator("#placeline")
    expect(chart).to_be_visible()
    # one band per takeover, in date order, coloured per holder, each named in the legend
    bands = chart.locator(".control-lane .control-band")
    assert bands.evaluate_all("els => els.map(e => e.dataset.holder)") == [
        "Northern Front",
        "Government troops",
    ]
    boxes = [b.bounding_box() for b in bands.all()]
    assert boxes[0]["x"] < boxes[1]["x"] and abs(boxes[0]["x"] + boxes[0]["width"] - boxes[1]["x"]) < 1.5
    fills = bands.evaluate_all("els => els.map(e => getComputedStyle(e).fill)")
    assert fills[0] != fills[1]
    legend = chart.locator("#placeline-legend")
    for holder in ("Northern Front", "Government troops"):
        expect(legend).to_contain_text(holder)
    swatches = legend.locator(".band-swatch").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)"
    )
    assert sorted(swatches) == sorted(fills), "the legend's colours are the bands' colours"
    expect(chart.locator(".control-mark")).to_have_count(1)  # the truce: a mark, not a new holder
    # the dated events are dots in date order; the undated one is counted, not drawn
    dots = chart.locator(".tl-dot")
    expect(dots).to_have_count(4)
    titles = dots.evaluate_all("els => els.map(e => e.querySelector('title').textContent)")
    xs = dots.evaluate_all("els => els.map(e => e.querySelector('circle').getBoundingClientRect().x)")
    dates = [t.split(":")[0] for t in titles]
    assert [d for _x, d in sorted(zip(xs, dates, strict=True))] == [
        "2021-03-02",
        "2021-05",
        "2021-08-14",
        "2021-11-03",
    ]
    expect(chart.locator("#placeline-undated")).to_contain_text("1 undated event")
    # the second takeover's dot sits where its band begins
    retook = dates.index("2021-08-14")
    circle = dots.nth(retook).locator("circle").bounding_box()
    assert abs(circle["x"] + circle["width"] / 2 - boxes[1]["x"]) < 3
    # a month-only date is drawn as its period
    expect(dots.nth(dates.index("2021-05")).locator(".tl-period")).to_have_count(1)
    # a dot links to its article; the text alternative stays on the page
    assert dots.first.get_attribute("href").startswith("/ui/articles/")
    expect(page.locator("#placeline svg")).to_have_attribute("role", "img")
    expect(page.locator("#timeline .tl-event")).to_have_count(5)
    assert page.console_errors == []
    page.screenshot(path=str(screenshots / "place-timeline.png"), full_page=True)


def test_sample_place_page_draws_its_control_change(page, server):
    """On the shared sample database: every dated control gain of the place is one band."""
    places = api(server, "/places?limit=50")["items"]
    for p in places:
        found = api(server, "/places/" + quote(p["name"], safe=""))
        gains = [c for c in found["control"] if c["effect"] == "gains" and c.get("actor") and c.get("date")]
        if gains:
            break
    else:
        pytest.skip("no place with a control change in the sample database")
    page.goto(server + "/ui/places/" + quote(p["name"], safe=""))
    expect(page.locator("#placeline .control-band")).to_have_count(len(gains))
    dated = [e for e in found["events"] if e.get("date")]
    expect(page.locator("#placeline .tl-dot")).to_have_count(len(dated))


def test_stories_show_independent_sources_and_coverage_by_kind(page, server, screenshots):
    every = api(server, "/stories")
    every = every.get("items", every) if isinstance(every, dict) else every
    page.goto(server + "/ui/stories?min_articles=1")
    rows = page.locator("#story-list tbody tr")
    expect(rows).to_have_count(len(every))
    kinds = default_kinds()
    for i, story in enumerate(page.locator("#story-list tbody tr td:nth-child(2) a").all()):
        story_id = story.get_attribute("href").rsplit("/", 1)[1]
        detail = api(server, "/stories/" + story_id)
        own = {a.get("outlet") for a in detail["articles"] if not a.get("copy_of")}
        row = rows.nth(i)
        expect(row.locator(".n-sources")).to_have_text(str(len(own)))
        drawn = row.locator(".coverage-bar rect").evaluate_all(
            "els => Object.fromEntries(els.map(e => [e.dataset.kind, +e.dataset.n]))"
        )
        expected: dict[str, int] = {}
        for outlet in own:
            expected[kinds.kind(outlet)] = expected.get(kinds.kind(outlet), 0) + 1
        assert drawn == expected, story_id
        widths = row.locator(".coverage-bar rect").evaluate_all(
            "els => els.map(e => +e.getAttribute('width'))"
        )
        assert abs(sum(widths) - 100) < 0.1
    expect(page.locator(".coverage-key")).to_contain_text(KINDS["agency"])
    page.screenshot(path=str(screenshots / "stories.png"), full_page=True)


def test_story_page_has_a_coverage_bar_with_its_legend(page, server):
    every = api(server, "/stories")
    every = every.get("items", every) if isinstance(every, dict) else every
    story = max(every, key=lambda s: (s["n_outlets"], s["n_events"]))
    detail = api(server, "/stories/" + quote(story["id"], safe=""))
    own = sorted({a.get("outlet") or "(unknown outlet)" for a in detail["articles"] if not a.get("copy_of")})
    page.goto(server + "/ui/stories/" + quote(story["id"], safe=""))
    box = page.locator("#story-coverage")
    segments = box.locator(".coverage-bar rect")
    assert sum(int(n) for n in segments.evaluate_all("els => els.map(e => e.dataset.n)")) == len(own)
    legend = box.locator(".coverage-legend")
    for outlet in own:
        expect(legend).to_contain_text(outlet)
    # the bar's segments are as wide as their share of the sources
    bar = box.locator(".coverage-bar").bounding_box()
    for rect in segments.all():
        share = int(rect.get_attribute("data-n")) / len(own)
        assert abs(rect.bounding_box()["width"] - share * bar["width"]) < 2
