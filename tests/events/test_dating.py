"""Which date expression dates an event, and when a narrative's date carries over (events/dating.py)."""

from __future__ import annotations

import pytest

from eventwire.models import Article
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline().initialize()


def happened(pipeline, text: str, published: str = "2023-05-20"):
    analysis = pipeline.analyze(Article(id="d", text=text, published=published, language="en"))
    return [e for e in analysis.events if e.happened]


def test_a_date_in_a_relative_clause_on_another_noun_dates_that_clause(pipeline):
    found = happened(
        pipeline,
        "Government troops have so far retaken the town of Kadugli in an offensive which began on 2 May.",
    )
    assert found and all(e.date != "2023-05-02" for e in found)


def test_the_date_of_the_trigger_clause_still_counts(pipeline):
    text = "On 12 May, government troops retook the town of Kadugli, which lies in the south."
    found = happened(pipeline, text)
    assert found and found[0].date == "2023-05-12"


def test_an_event_told_as_earlier_does_not_take_the_previous_sentence_date(pipeline):
    text = (
        "On 14 May, the army shelled rebel positions in Kadugli. "
        "The rebels had earlier seized the town of Dilling."
    )
    found = {e.location: e for e in happened(pipeline, text)}
    assert found["Kadugli"].date == "2023-05-14"
    assert found["Dilling"].date is None


def test_a_span_start_is_not_carried_to_the_next_sentence(pipeline):
    text = (
        "Fighting has flared around Kadugli since early April. "
        "Government troops shelled rebel positions in the town of Dilling."
    )
    dilling = [e for e in happened(pipeline, text) if e.location == "Dilling"]
    assert dilling and dilling[0].date is None


def test_a_plain_narrative_still_carries_its_date(pipeline):
    text = "On 14 May, the army shelled rebel positions in Kadugli. Rebels attacked an army base in Dilling."
    dilling = [e for e in happened(pipeline, text) if e.location == "Dilling"]
    assert dilling and dilling[0].date == "2023-05-14"
