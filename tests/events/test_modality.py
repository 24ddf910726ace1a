"""Modality: asserted, reported, hedged, negated, planned (sentences written for these tests)."""

from __future__ import annotations

import pytest


def first(analysis):
    assert analysis.events, "expected an event"
    return analysis.events[0]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The army retook the town of Hajin on Monday.", "asserted"),
        ("The army reportedly retook the town of Hajin on Monday.", "hedged"),
        ("Rebels allegedly shelled the town of Mhardeh.", "hedged"),
        ("The army did not retake the town of Hajin.", "negated"),
        ("The rebels refused to hand over their weapons in the town of Busra.", "negated"),
        ("The talks over the town of Douma failed on Friday.", "negated"),
        ("The army pledged to retake the town of Hajin.", "planned"),
        ("The army would retake the town of Hajin if the talks collapsed.", "planned"),
        ("The rebels were due to hand over their weapons in the town of Busra.", "planned"),
        ("A deal would allow the army to recapture the town of Hajin.", "planned"),
    ],
)
def test_modality(analyze_events, text, modality):
    assert first(analyze_events(text)).modality == modality


def test_reported_event_names_its_source(analyze_events):
    a = analyze_events("A military source said that the army retook the town of Hajin on Monday.")
    e = first(a)
    assert e.modality == "reported"
    assert e.reported_by == "military source"


def test_according_to_is_reported(analyze_events):
    e = first(analyze_events("The army retook the town of Hajin, according to the Syrian Observatory."))
    assert e.modality == "reported" and e.reported_by == "Syrian Observatory"


def test_only_asserted_reported_hedged_count_as_happened(analyze_events):
    a = analyze_events("The army pledged to retake the town of Hajin. The army retook the town of Kishma.")
    assert [(e.location, e.happened) for e in a.events] == [("Hajin", False), ("Kishma", True)]


def test_attribution_from_claims_stage_marks_reported(events_pipeline):
    from eventwire.models import Article, Attribution
    from eventwire.pipeline import Context

    text = "Officials said rebels shelled the town of Mhardeh on Friday."
    claim_start = text.index("rebels")
    article = Article(id="t", text=text, published="2020-02-02")
    from eventwire.models import Analysis

    analysis = Analysis(article_id="t", published=article.published)
    ctx = Context(article=article, analysis=analysis)
    for stage in events_pipeline.stages:
        if stage.name == "events":
            analysis.attributions = [
                Attribution(
                    claim=text[claim_start:-1], start=claim_start, end=len(text) - 1, speaker="Officials"
                )
            ]
        stage(ctx)
    e = first(analysis)
    assert e.modality == "reported" and e.reported_by == "Officials"
