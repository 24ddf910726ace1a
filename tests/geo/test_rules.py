"""The geoparser's general rules, one test per rule, on sentences written for these tests.

Examples come from several conflicts (Somalia, Myanmar, Ukraine, Sudan, Sahel, Yemen, DRC,
Syria), since the rules must hold for reporting the dev corpus has never seen.
"""

from __future__ import annotations

import pytest


def _mentions(analysis) -> list[str]:
    return [p.mention for p in analysis.places]


def _place(analysis, mention: str):
    found = [p for p in analysis.places if p.mention == mention]
    assert found, f"{mention!r} not among {_mentions(analysis)}"
    return found[0]


# -- actor and outlet names ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, not_places",
    [
        # A group's name that some village also bears (Shabāb in Iran).
        ("Al Shabaab fighters stormed a base near Afgooye on Tuesday, officials said.", ["Shabaab"]),
        # "al-Sham" alone keys to Damascus (Bilad al-Sham); inside a group's name it is no place.
        ("Hayat Tahrir al-Sham fighters shelled government positions near Saraqib.", ["Sham"]),
        # A news agency spelt like a capital (SANA / Sanaa).
        ("Troops entered the town of Nawa on Sunday, SANA reported.", ["SANA"]),
        # A place name heading a unit's name is part of that name.
        (
            "The Monywa District People's Defense Force ambushed a junta convoy near Kani.",
            ["Monywa"],
        ),
    ],
)
def test_actor_and_outlet_names_are_not_places(analyze_places, text, not_places) -> None:
    a = analyze_places(text)
    # A place inside a unit's or outlet's name may be reported as a reference (role "embedded"),
    # never as a location.
    locations = [p.mention for p in a.places if p.role is None]
    for name in not_places:
        assert not any(name in m for m in locations), (name, locations)
    assert all(p.role == "embedded" for p in a.places if any(n in p.mention for n in not_places))


def test_a_town_named_like_an_actor_stays_a_place_with_a_cue(analyze_places) -> None:
    # "Azov" is a regiment's alias in the actor dictionary and a Russian port.
    a = analyze_places("Drones struck the port city of Azov and the outskirts of Rostov-on-Don overnight.")
    assert _place(a, "Azov").country == "RU"
    assert _place(a, "Rostov-on-Don").country == "RU"


# -- continents, supranational regions, descriptors ----------------------------------------------


def test_continents_and_regions_are_regions_never_towns(analyze_places) -> None:
    a = analyze_places(
        "Jihadist violence has spread across the Sahel and into coastal West Africa, "
        "the most violent region in Africa this year."
    )
    for mention in ("Sahel", "West Africa", "Africa"):
        p = _place(a, mention)
        assert p.kind == "region" and p.country is None, (mention, p)


def test_region_used_to_describe_a_country_is_not_a_place(analyze_places) -> None:
    a = analyze_places(
        "Fighting continued in Mogadishu. The Horn of Africa nation has faced insurgency for years."
    )
    assert "Mogadishu" in _mentions(a)
    assert not any("Africa" in m or "Horn" in m for m in _mentions(a)), _mentions(a)


# -- fuzzy matches and the unit the text names --------------------------------------------------


def test_unknown_township_stays_in_the_region_the_sentence_names(analyze_places) -> None:
    # "Myaung" is one letter from "Myanaung", a town in Ayeyarwady: the sentence says Sagaing.
    a = analyze_places(
        "Junta troops burned houses in Myaung Township in Sagaing Region on Tuesday. "
        "Local defence forces in Myaung said two civilians were killed."
    )
    region = _place(a, "Sagaing")
    assert region.kind == "province" and region.precision == "province"
    first, second = [p for p in a.places if p.mention == "Myaung"]
    for p in (first, second):
        assert p.admin1 == region.admin1 and p.country == "MM", p
        assert p.geonameid is None and p.precision == "province"


def test_village_outside_the_named_subdistrict_is_not_taken(analyze_places) -> None:
    # Namesakes of "Houran" exist in Turkey (exact), Dara'a (the Hauran plain) and Idlib (fuzzy);
    # the text puts it in the Sharran sub-district of Aleppo.
    a = analyze_places(
        "In northern Syria, Turkish-backed factions took the village of Houran in the sub-district "
        "of Sharran, north of Afrin, on Friday."
    )
    p = _place(a, "Houran")
    assert p.country == "SY" and p.admin1 == "Aleppo", p
    assert p.geonameid is None and p.precision in ("district", "province")


def test_short_name_fuzzy_match_keeps_vowel_variants_only(gazetteer) -> None:
    from eventwire.geo.resolver import Resolver

    r = Resolver(gazetteer)
    # Vowels vary in transliteration: "Aiyyash" is the Deir ez-Zor village `Ayyash.
    assert any(s.rec.name == "`Ayyash" and s.rec.country == "SY" for s in r.candidates("aiyash"))
    # A different first consonant is a different name, even where the skeletons merge p and b:
    # "Payein" keeps only names that start with p.
    for s in r.candidates("payein"):
        assert s.sim == 1.0 or any(
            k.startswith("p") for k, rec in gazetteer.by_skeleton("pn") if rec.pid == s.rec.pid
        )


def test_calendar_word_continues_a_name_but_not_after_a_number(analyze_places) -> None:
    a = analyze_places("Soldiers raided Zee Pin Mar village at dawn. KYIV, Mar 3 - Drones hit Odesa.")
    assert "Zee Pin Mar" in _mentions(a)
    assert not any(m.endswith("Mar") and m != "Zee Pin Mar" for m in _mentions(a))


# -- kind cues --------------------------------------------------------------------------------


def test_plural_settlement_noun_after_one_name_means_the_province(analyze_places) -> None:
    a = analyze_places("Government forces recaptured five Idlib villages and shelled Homs on Monday.")
    idlib = _place(a, "Idlib")
    assert idlib.precision == "province" and idlib.admin1 == "Idlib"
    assert _place(a, "Homs").precision == "exact"  # a bare name is still the city


def test_plural_noun_after_a_list_names_its_members(analyze_places) -> None:
    a = analyze_places("The army entered Kafr Nabl, Hass and Kansafra villages in southern Idlib.")
    for mention in ("Kafr Nabl", "Hass", "Kansafra"):
        p = _place(a, mention)
        assert p.kind in ("village", "town", "city") and p.admin1 == "Idlib", p


def test_area_quantity_frame_means_the_province(analyze_places) -> None:
    a = analyze_places("Rebels now hold more than half of Aleppo, a monitor said, after clashes in Aleppo.")
    first, second = [p for p in a.places if p.mention == "Aleppo"]
    assert first.precision == "province"
    assert second.precision == "exact"


def test_capitalised_region_noun_names_the_province(analyze_places) -> None:
    a = analyze_places("Clashes erupted in the Amhara Region town of Kobo on Sunday.")
    assert _place(a, "Amhara").kind == "province"


# -- metonymy --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, not_place, place",
    [
        ("The talks between the paramilitaries and Khartoum collapsed in Jeddah.", "Khartoum", "Jeddah"),
        ("Observers noted the cooperation between Kigali and the rebels near Goma.", "Kigali", "Goma"),
        ("A soldier told Russia's RIA news agency that drones struck Belgorod.", "Russia", "Belgorod"),
        (
            "The deal was brokered by Oman, which has hosted earlier rounds, for prisoners held in Marib.",
            "Oman",
            "Marib",
        ),
        ("Mali's junta expelled the envoy after an attack near Gao.", "Mali", "Gao"),
    ],
)
def test_states_acting_are_not_places(analyze_places, text, not_place, place) -> None:
    a = analyze_places(text)
    assert not_place not in _mentions(a), _mentions(a)
    assert place in _mentions(a), _mentions(a)


def test_capital_as_location_and_dateline_stay_places(analyze_places) -> None:
    a = analyze_places(
        "KHARTOUM, April 20 (Wire) - Envoys met in Moscow on Monday, while shelling continued in Khartoum."
    )
    assert {"KHARTOUM", "Moscow", "Khartoum"} <= set(_mentions(a))
