"""Fatalities from the many ways reports state a toll (events/quantities.py), on our own sentences."""

from __future__ import annotations

import pytest

from eventwire.events.quantities import extract_quantities
from eventwire.nlp.model import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Gunmen killed a soldier near the checkpoint.", 1),
        ("An officer was killed in the ambush.", 1),
        ("Twenty-three people were killed in the raid.", 23),
        ("Forty-one villagers died in the attack.", 41),
        ("Eleven rebels dead after the battle, the army said.", 11),
        ("The explosion left 9 dead.", 9),
        ("The death toll rose to 14 on Tuesday.", 14),
        ("Fighting killed a dozen militants.", 12),
        ("Seven civilians were killed and 20 wounded.", 7),
        ("No casualties were reported.", 0),
        ("A soldier was wounded.", None),
        ("Dozens of people fled the town.", None),
    ],
)
def test_fatalities_from_any_phrasing(nlp, text, fatalities):
    assert extract_quantities(nlp(text))[0] == fatalities
