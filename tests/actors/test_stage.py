"""The "actors" stage on text written for these tests."""

from __future__ import annotations

import pytest

from eventwire.models import Article
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def analyze():
    pipeline = Pipeline(stages=["nlp", "actors"]).initialize()

    def run(text: str, published: str | None = "2019-06-01"):
        return pipeline.analyze(Article(id="t", text=text, published=published))

    return run


def test_generic_labels_take_the_article_country(analyze):
    text = (
        "Syrian troops advanced near the city. Government forces shelled rebel positions, "
        "and militants fired back. Two civilians were wounded."
    )
    a = analyze(text)
    names = {x.mention: x.name for x in a.actors}
    assert names["Syrian troops"] == "Military Forces of Syria"
    assert names["Government forces"] == "Military Forces of Syria"
    assert names["militants"] == "Opposition Rebels (Syria)"
    assert names["civilians"] == "Civilians (Syria)"
    labelled = next(x for x in a.actors if x.mention == "militants")
    assert labelled.label == "militants" and labelled.actor_type == "rebel group"


def test_offsets_point_at_mentions(analyze):
    text = "Reports said Daesh and the Houthis were not involved; the SDF denied it."
    for actor in analyze(text).actors:
        assert text[actor.start : actor.end] == actor.mention


def test_generic_militants_read_as_the_one_named_group(analyze):
    text = (
        "Al Shabaab claimed the raid on the camp. Somali soldiers said the militants "
        "came at dawn. Al Shabaab has fought the government for years."
    )
    a = analyze(text)
    militants = next(x for x in a.actors if x.mention == "militants")
    assert militants.name == "Al Shabaab" and militants.label == "militants"


def test_no_actors_in_non_conflict_text(analyze):
    assert analyze("The bakery on Main Street won a prize for its bread this spring.").actors == []
