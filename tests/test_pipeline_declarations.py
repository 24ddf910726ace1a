"""Stages declare what they read and write, and the pipeline holds them to it."""

from __future__ import annotations

import pytest

from eventwire.errors import EventwireError
from eventwire.models import Analysis, Article
from eventwire.pipeline import DEFAULT_STAGES, GIVEN, Pipeline, get_stage_class

# Our own text, dense enough that every stage has something to do.
TEXTS = [
    (
        "KISMAYO, Somalia (Example Wire) - Government forces clashed with al-Shabaab fighters near "
        "the town of Jamame on Tuesday, killing four militants, a regional official said. "
        '"The terrorists fled into the forest," the official told reporters.'
    ),
    (
        "Protesters gathered outside parliament in Nairobi on Friday. Police fired tear gas at the "
        "crowd, the Kenya Red Cross said, and several people were detained."
    ),
]
ANALYSIS_METHODS = {"sentence_at": "sentences"}  # methods read the field they name


@pytest.fixture(scope="module")
def traced() -> Pipeline:
    pipeline = Pipeline(trace=True)
    for i, text in enumerate(TEXTS):
        pipeline.analyze(Article(id=f"t{i}", text=text, published="2024-03-08", outlet="Example Wire"))
    return pipeline


@pytest.mark.parametrize("name", DEFAULT_STAGES)
def test_every_stage_reads_only_what_it_declares(traced, name):
    cls = get_stage_class(name)
    reads = {ANALYSIS_METHODS.get(r, r) for r in traced.reads[name]}
    declared = set(cls.requires) | set(cls.uses) | set(cls.assigns) | GIVEN  # own output may be pre-filled
    assert reads <= declared, f"{name} reads {sorted(reads - declared)} without declaring it"


@pytest.mark.parametrize("name", DEFAULT_STAGES)
def test_every_declared_requirement_is_read(traced, name):
    cls = get_stage_class(name)
    unread = set(cls.requires) - traced.reads[name]
    assert not unread, f"{name} declares it requires {sorted(unread)} but never reads it"


def test_assigns_name_analysis_fields_or_the_parse():
    fields = set(Analysis.__dataclass_fields__)
    for name in DEFAULT_STAGES:
        cls = get_stage_class(name)
        assert set(cls.assigns) <= fields | {"doc"}, name


def test_tracing_changes_nothing(traced):
    article = Article(id="t0", text=TEXTS[0], published="2024-03-08", outlet="Example Wire")
    assert traced.analyze(article) == Pipeline().analyze(article)


def test_removing_a_needed_stage_fails_at_build_naming_both():
    pipeline = Pipeline(stages=["nlp", "events"])  # events needs actors (and their country)
    with pytest.raises(EventwireError) as err:
        pipeline.initialize()
    message = str(err.value)
    assert "'events'" in message and "actors" in message
