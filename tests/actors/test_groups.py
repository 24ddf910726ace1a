"""Armed groups the dictionary does not list are kept under their own names (actors/groups.py)."""

from __future__ import annotations

import pytest

from eventwire.actors.stage import ActorsStage


@pytest.fixture(scope="module")
def stage() -> ActorsStage:
    s = ActorsStage()
    s.initialize({})
    return s


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        ("Fighters of the Martyrs of Lake Kivu Brigade attacked a post.", "Martyrs of Lake Kivu Brigade",
         "political militia"),
        ("The Southern Plains Liberation Front took two villages.", "Southern Plains Liberation Front",
         "rebel group"),
        ("The Front for the Defence of the Highlands ambushed a convoy.",
         "Front for the Defence of the Highlands", "rebel group"),
        ("Members of the Green Valley Self-Defence Group burned a market.", "Green Valley Self-Defence Group",
         "identity militia"),
    ],
)  # fmt: skip
def test_unlisted_groups_keep_their_own_names(stage, text, name, actor_type):
    actors, _ = stage.find(text, "2024-01-05")
    group = next(a for a in actors if a.name == name)
    assert group.actor_type == actor_type and group.label is None


def test_a_label_after_the_group_joins_its_mention(stage):
    actors, _ = stage.find("Northern Hills Front militants raided a town.", "2024-01-05")
    assert [(a.mention, a.name, a.label) for a in actors] == [
        ("Northern Hills Front militants", "Northern Hills Front", "militants")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Malian Army said it had repelled the attack.",  # a state's own army
        "The Front was quiet on Monday.",  # a bare head names nothing
        "They crossed the front line at dawn.",
    ],
)
def test_no_group_is_invented(stage, text):
    actors, _ = stage.find(text, "2024-01-05")
    assert not any(a.actor_type in ("rebel group", "political militia") and a.name.endswith(("Army", "Front"))
                   and not a.name.startswith("Military") for a in actors)  # fmt: skip
