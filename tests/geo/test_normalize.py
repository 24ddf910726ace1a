from __future__ import annotations

import pytest

from eventwire.geo.normalize import fold, is_latin, name_key, similarity, skeleton


@pytest.mark.parametrize(
    "variants",
    [
        ["Dara'a", "Daraa", "Dar'a", "Dar‘ā", "DARAA"],
        ["Busra al-Harir", "Buşrá al Ḩarīr", "Busra el Harir"],
        ["Tal Abyad", "Tall Abyad", "Tell Abyad", "Tel Abyad"],
        ["Um Walad", "Umm Walad"],
        ["Sheikh Miskin", "Shaykh Miskin", "Shaikh Miskin"],
        ["Jabal Zawiya", "Jebel Zawiya", "Jabal al-Zawiya"],
        ["Kafr Nabl", "Kfar Nabl", "Kafer Nabl"],
        ["Ghariyah ash Sharqiyah", "al-Ghariyah al-Sharqiya", "Ghariya Sharqiyeh"],
        ["Idlib Province", "Idlib", "idlib governorate"],
    ],
)
def test_spelling_variants_share_a_key(variants: list[str]) -> None:
    keys = {name_key(v) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    "a, b",
    [("Deraa", "Daraa"), ("Idleb", "Idlib"), ("Homs", "Hims"), ("Dael", "Da'il"), ("Huwayqa", "Howeiqa")],
)
def test_vowel_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(name_key(a)) == skeleton(name_key(b))


def test_similarity_ranks_spellings_above_other_names() -> None:
    same = similarity(name_key("Jarablos"), name_key("Jarabulus"))
    other = similarity(name_key("Jarablos"), name_key("Jableh"))
    assert same > 0.85 > other


def test_article_is_dropped_everywhere_but_a_lone_word_is_kept() -> None:
    assert name_key("Ras al-Ayn") == name_key("Ras Ayn")
    assert name_key("Al") == "al"  # nothing else left: keep it rather than return an empty key


def test_final_consonant_clusters_are_not_touched() -> None:
    assert name_key("Shaykh") == "shaykh"
    assert name_key("North Kivu") == name_key("Nord Kivu") == "north kivu"


def test_fold_and_script() -> None:
    assert fold("Ḩarāk—al") == "harak al"
    assert is_latin("Buşrá al Ḩarīr")
    assert not is_latin("بصرى الحريري")
