"""Cutting an article into highlighted segments (no browser needed)."""

from __future__ import annotations

from eventwire.models import Actor, Analysis, Article, Event, Place
from eventwire.web.highlight import event_note, segments, slug

TEXT = "Troops of the army shelled Kafr Nabl on Monday. Residents fled."


def _analysis() -> Analysis:
    town = TEXT.index("Kafr Nabl")
    return Analysis(
        article_id="a",
        places=[Place(mention="Kafr Nabl", start=town, end=town + 9, name="Kafr Nabl", lat=35.53, lon=36.56,
                      country="SY", admin1="Idlib", precision="exact")],
        actors=[Actor(mention="Troops of the army", start=0, end=18, name="Military Forces of Syria")],
        events=[Event(event_type="Explosions/Remote violence",
                      sub_event_type="Shelling/artillery/missile attack", start=0, end=47, evidence=TEXT[:47],
                      location="Kafr Nabl", date="2024-01-08", actor1="Military Forces of Syria",
                      modality="asserted")],
    )  # fmt: skip


def test_segments_cover_the_text_exactly_and_nest_spans():
    segs = segments(Article(id="a", text=TEXT), _analysis())
    assert "".join(s.text for s in segs) == TEXT
    town = next(s for s in segs if s.text == "Kafr Nabl")
    assert set(town.refs) == {"place", "event"}
    assert "Idlib, SY" in town.tip and "35.5300, 36.5600" in town.tip
    assert not next(s for s in segs if s.text.endswith("Residents fled.")).refs


def test_spans_outside_the_text_are_clipped():
    analysis = _analysis()
    analysis.places[0].end = 10_000
    segs = segments(Article(id="a", text=TEXT), analysis)
    assert "".join(s.text for s in segs) == TEXT


def test_event_note_is_neutral_and_names_the_source():
    event = _analysis().events[0]
    event.reported_by = "local monitors"
    note = event_note(event)
    assert note.startswith(
        "Explosions/Remote violence (Shelling/artillery/missile attack) in Kafr Nabl on 2024-01-08"
    )
    assert note.endswith("Source: local monitors.")
    event.modality = "negated"
    assert "[negated]" in event_note(event)


def test_slug():
    assert slug("Explosions/Remote violence") == "explosions-remote-violence"
    assert slug(None) == "unknown"
