"""Name normalisation and distance: the definitions every layer's matching rests on."""

from __future__ import annotations

import pytest

from eventwire.eval.common import content_words, haversine_km, merge_intervals, normalize_name, prf


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dayr al-Zawr", "dayr al zawr"),
        ("al-Bab", "Bab"),
        ("El-Fasher", "fasher"),
        ("the Golan Heights", "Golan Heights"),
        ("Ma’arrat al-Nu'man", "Maarrat al Numan"),
        ("Hasakah", "Ḥasakah"),
        ("Bunagana", "BUNAGANA"),
    ],
)
def test_normalize_name_equates_spelling_variants(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_normalize_name_keeps_different_places_apart():
    assert normalize_name("Albu Kamal") != normalize_name("Bu Kamal")  # only a separate leading article goes
    assert normalize_name("Homs") != normalize_name("Hama")
    assert normalize_name(None) == ""


def test_content_words_drop_function_words_and_plural():
    assert content_words("the Ministry of Defence") == {"ministry", "defence"}
    assert content_words("military sources") == content_words("a military source")
    assert "of" not in content_words("Syrian Observatory of Human Rights")


def test_haversine_one_degree_on_equator():
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(15.6, 32.5, 15.6, 32.5) == 0.0


def test_merge_intervals():
    assert merge_intervals([(5, 9), (0, 3), (2, 4), (9, 12), (20, 20)]) == [(0, 4), (5, 12)]


def test_prf_empty_denominators_are_zero():
    assert prf(0, 0, 0, 5) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(2, 4, 2, 2) == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3})
