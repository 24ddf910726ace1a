"""Places in short ACLED-style notes and one-line wire sentences (written for these tests): names
with lower-case particles, a town followed by its admin units in brackets, misread NER labels."""

from __future__ import annotations

import pytest

from eventwire.geo.chunks import name_chunks


def by_mention(analysis, mention):
    return [p for p in analysis.places if p.mention == mention and p.role is None]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Gunmen attacked a bus station in Saint-Louis-du-Nord on Monday.", "Saint-Louis-du-Nord"),
        ("Police clashed with protesters in Santa Rosa de Copan on Monday.", "Santa Rosa de Copan"),
        ("A bomb went off outside a bank in Vila Nova de Gaia.", "Vila Nova de Gaia"),
        ("Riot police dispersed a march in Sao Joao del Rei on Friday.", "Sao Joao del Rei"),
        ("Strikers blocked the port of Pointe-a-Pitre on Tuesday.", "Pointe-a-Pitre"),
    ],
)
def test_names_with_particles_are_one_place(analyze_places, text, name):
    assert [" ".join(w.text for w in ch) for ch in name_chunks(text) if name.split()[0] in ch[0].text]
    places = by_mention(analyze_places(text), name)
    assert len(places) == 1 and places[0].precision == "exact", analyze_places(text).places


def test_particles_join_only_between_name_words():
    chunks = [
        [w.text for w in ch] for ch in name_chunks("Officials in Santa Rosa de la Sierra and de la Cruz met.")
    ]
    assert ["Santa", "Rosa", "de", "la", "Sierra"] in chunks
    assert all(ch[0] not in ("de", "la") for ch in chunks)
    # a capitalised particle opens a name
    assert ["La", "Paz"] in [[w.text for w in ch] for ch in name_chunks("Marchers filled La Paz.")]


@pytest.mark.parametrize(
    "text, mention, country, admin_or_none",
    [
        # a same-name place abroad loses to the one inside the bracketed unit
        ("On 3 May 2024, ELN rebels clashed with soldiers near Tame (Arauca).", "Tame", "CO", "Arauca"),
        ("On 3 May 2024, a gang attacked Mirebalais (Centre), killing 12.", "Mirebalais", "HT", None),
        ("On 9 May 2024, the NPA ambushed soldiers near Catbalogan (Samar).", "Catbalogan", "PH", None),
        ("On 9 May 2024, militants attacked Arbinda (Soum, Sahel), killing 20.", "Arbinda", "BF", None),
    ],
)
def test_bracketed_units_support_the_town(analyze_places, text, mention, country, admin_or_none):
    a = analyze_places(text)
    (town,) = by_mention(a, mention)
    assert town.country == country and town.precision == "exact", a.places
    if admin_or_none:
        assert town.admin1 == admin_or_none
    # the bracket members are places of the same country, not replacements of the town
    inside = [p for p in a.places if p.start > town.end and p.role is None]
    assert inside and all(p.country == country for p in inside), a.places


def test_bracketed_region_is_the_province_not_the_supranational_region(analyze_places):
    a = analyze_places("On 9 May 2024, militants attacked Arbinda (Soum, Sahel), killing 20.")
    (sahel,) = by_mention(a, "Sahel")
    assert sahel.country == "BF" and sahel.kind == "province"


def test_unknown_town_in_brackets_is_coded_to_its_unit(analyze_places):
    a = analyze_places("On 3 May 2024, soldiers burned houses in Zyxwabad (Sagaing Region).")
    (town,) = by_mention(a, "Zyxwabad")
    assert town.country == "MM" and town.precision == "province" and town.geonameid is None


def test_acronyms_in_brackets_are_no_units(analyze_places):
    a = analyze_places("The Ministry of Defence (MoD) said the Cauvery Water Board (CWB) had met.")
    assert not [p for p in a.places if p.role is None and p.mention in ("MoD", "CWB", "Ministry of Defence")]


@pytest.mark.parametrize(
    "text, mention, country",
    [
        ("A mob beat a man in Mbale on Friday.", "Mbale", "UG"),  # tagged PRODUCT by the small model
        ("Militants attacked a checkpoint in Marawi on Saturday.", "Marawi", "PH"),  # "Marawi City"
    ],
)
def test_cities_in_short_sentences(analyze_places, text, mention, country):
    a = analyze_places(text)
    (p,) = by_mention(a, mention)
    assert p.country == country and p.kind == "city", a.places


def test_title_word_ending_a_hyphenated_name_is_no_title(analyze_places):
    # "Prince" ends the city's name; the country after the comma is a place, not a person's name.
    a = analyze_places("Gangs clashed in Port-au-Prince, Haiti, on Sunday.")
    assert {p.mention for p in a.places if p.role is None} == {"Port-au-Prince", "Haiti"}


def _rec(name: str):
    from eventwire.geo.gazetteer import PlaceRecord

    return PlaceRecord(1, "u", None, name, 0.0, 0.0, "XX", None, "town", "PPL", 1000, "test")


def test_other_name_of_an_entry():
    from eventwire.geo.normalize import name_key
    from eventwire.geo.scoring import other_name

    # a longer name around the key is another place's name ("East X" named after X) ...
    assert other_name(_rec("East Brakton"), name_key("Brakton"))
    # ... but a generic city word is not ("X City" is called X)
    assert not other_name(_rec("Brakton City"), name_key("Brakton"))
    assert not other_name(_rec("Brakton"), name_key("Brakton"))


def test_unknown_district_in_brackets_still_frames_the_town(analyze_places):
    # the district is missing from the gazetteer; the province after it still encloses the town
    a = analyze_places("On 3 May 2024, gunmen attacked Zyxwabad (Qorbleh, North Kivu), killing 3.")
    (town,) = by_mention(a, "Zyxwabad")
    assert town.country == "CD" and town.precision == "province"


@pytest.mark.parametrize(
    "text, mention, country",
    [
        ("Armed men robbed a pharmacy in Petion-Ville on Sunday.", "Petion-Ville", "HT"),
        ("Residents of Delmas fled the shooting on Sunday.", "Delmas", "HT"),
    ],
)
def test_a_hyphenated_name_the_index_knows_joined(analyze_places, text, mention, country):
    [place] = by_mention(analyze_places(text), mention)
    assert place.precision == "exact" and (place.country or "").upper() == country


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen imposed a curfew on residents of Djibo.",
        "Soldiers patrolled the streets of Djibo on Monday.",
    ],
)
def test_people_and_parts_of_a_place_name_it(analyze_places, text):
    [place] = by_mention(analyze_places(text), "Djibo")
    assert (place.country or "").upper() == "BF"
