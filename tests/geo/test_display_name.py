"""Output names are readable: transliteration marks folded, a lost ayn restored as an apostrophe."""

import pytest

from eventwire.geo.normalize import display_name


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Al Ḩarāk", "Al Harak"),
        ("Da`il", "Da'il"),
        ("Dar a", "Dar'a"),
        ("Al Qunayţirah", "Al Qunaytirah"),
        ("Umm Walad", "Umm Walad"),
        ("Dayr az Zawr", "Dayr az Zawr"),
        ("دمشق", "دمشق"),
    ],
)
def test_display_name(raw, shown):
    assert display_name(raw) == shown
