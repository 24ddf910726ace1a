"""Places outside the Levant, references with a role, abbreviations and datelines, on sentences
written for these tests (real spaCy model, real default gazetteer)."""

from __future__ import annotations

from eventwire.eval.common import haversine_km
from eventwire.geo import places_in
from eventwire.models import Place


def _one(analysis, mention: str) -> Place:
    found = [p for p in analysis.places if p.mention == mention]
    assert found, f"{mention!r} not found in {[p.mention for p in analysis.places]}"
    return found[0]


def test_a_us_state_beats_a_village_of_the_same_name(analyze_places) -> None:
    a = analyze_places(
        "Wildfires forced thousands of residents to leave their homes in California on Tuesday."
    )
    ca = _one(a, "California")
    assert (ca.kind, ca.country, ca.precision) == ("province", "US", "province")
    assert ca.geonameid is not None and haversine_km(ca.lat, ca.lon, 37.2, -119.5) < 300


def test_a_city_inside_its_province_still_wins_a_bare_name(analyze_places) -> None:
    a = analyze_places("Shelling hit residential blocks in Aleppo on Friday, a monitor said.")
    assert _one(a, "Aleppo").kind == "city"


def test_countries_carry_a_point_and_their_geonames_id(analyze_places) -> None:
    a = analyze_places("Floods displaced thousands of families across Mozambique this week.")
    mz = _one(a, "Mozambique")
    assert mz.kind == "country" and mz.precision == "country" and mz.geonameid is not None
    assert mz.lat is not None and haversine_km(mz.lat, mz.lon, -18.0, 35.0) < 800


def test_all_caps_dateline_is_a_place(analyze_places) -> None:
    a = analyze_places("SAN ANTONIO (AP) — Floodwaters closed several roads across the area on Monday.")
    sa = _one(a, "SAN ANTONIO")
    assert sa.country == "US" and haversine_km(sa.lat, sa.lon, 29.42, -98.49) < 25


def test_a_dateline_after_a_byline_is_a_place(analyze_places) -> None:
    a = analyze_places(
        "By a staff reporter. NAIROBI, March 3 — Traders reopened their stalls after the storm."
    )
    assert _one(a, "NAIROBI").country == "KE"


def test_explicit_hierarchy_decides_the_country(analyze_places) -> None:
    a = analyze_places("Gunmen clashed overnight in Tripoli, Lebanon, leaving three people wounded.")
    assert _one(a, "Tripoli").country == "LB"


def test_state_abbreviation_after_a_comma(analyze_places) -> None:
    a = analyze_places("A tornado damaged dozens of houses near Richmond, Va., late on Sunday.")
    va = _one(a, "Va.")
    assert (va.name, va.country, va.kind) == ("Virginia", "US", "province")
    assert haversine_km(*(_one(a, "Richmond").lat, _one(a, "Richmond").lon), 37.55, -77.46) < 25


def test_country_short_forms(analyze_places) -> None:
    a = analyze_places("Flood victims in the U.S. and in the UK received new aid on Thursday.")
    assert (_one(a, "U.S.").country, _one(a, "U.S.").kind) == ("US", "country")
    assert _one(a, "UK").country == "GB"


def test_demonyms_are_references_with_a_role_not_locations(analyze_places) -> None:
    text = "British officials met their French counterparts in Calais on Monday."
    a = analyze_places(text)
    british, french, calais = _one(a, "British"), _one(a, "French"), _one(a, "Calais")
    assert (british.role, british.country, british.kind) == ("modifier", "GB", "country")
    assert french.role == "modifier" and french.country == "FR"
    assert calais.role is None and calais.country == "FR"
    assert places_in(a, 0, len(text)) == [calais]  # a span's locations leave references out


def test_a_place_inside_an_organisation_name_is_embedded(analyze_places) -> None:
    a = analyze_places("The Washington Post reported that the talks in Geneva had stalled.")
    assert _one(a, "Washington").role == "embedded"
    assert _one(a, "Geneva").role is None


def test_a_person_named_like_a_town_is_not_a_place(analyze_places) -> None:
    a = analyze_places("Police questioned Mark Everett on Friday. Everett denied every charge against him.")
    assert not [p for p in a.places if p.mention == "Everett"]


def test_near_spellings_do_not_cross_to_another_name_abroad(analyze_places) -> None:
    a = analyze_places("Hundreds of tourists were stranded in Samos, waiting for ferries to Athens.")
    assert _one(a, "Samos").country == "GR"
    assert all(p.country != "TR" for p in a.places)  # not Samsun, a near-spelling across the sea


def test_a_syrian_transliteration_variant_is_still_resolved(analyze_places) -> None:
    a = analyze_places("Government forces entered the town of Dael in Dara'a province on Saturday.")
    dael = _one(a, "Dael")
    assert dael.country == "SY" and haversine_km(dael.lat, dael.lon, 32.755, 36.130) < 10


def test_role_round_trips_through_as_dict() -> None:
    p = Place(mention="British", start=0, end=7, name="United Kingdom", country="GB", role="modifier")
    assert Place.from_dict(p.as_dict()) == p
    assert Place.from_dict({"mention": "X", "start": 0, "end": 1}).role is None


def test_analysis_does_not_depend_on_what_was_analyzed_before(geo_pipeline) -> None:
    from eventwire.models import Article

    first = "Clashes were reported in Dael and near the village of Ghariyah on Monday."
    other = "Dael was quiet, residents of Daraa said, while Ghariya saw shelling."

    def places(text: str) -> list[dict]:
        return [p.as_dict() for p in geo_pipeline.analyze(Article(id="t", text=text)).places]

    alone = places(first)
    places(other)
    assert places(first) == alone
