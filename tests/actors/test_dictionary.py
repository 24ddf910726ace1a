"""The actor dictionary: aliases, renamings by date, generic labels, user extensions."""

from __future__ import annotations

import pytest

from eventwire.actors import canonical_name, load_dictionary
from eventwire.actors.dictionary import ActorDictionary


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return load_dictionary()


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Syrian army", "Military Forces of Syria"),
        ("SAA", "Military Forces of Syria"),
        ("regime forces", "Military Forces of Syria"),
        ("Tiger Forces", "Military Forces of Syria"),
        ("Daesh", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("IS", "Islamic State"),
        ("RSF", "RSF: Rapid Support Forces"),
        ("Houthis", "Houthi Movement (Ansar Allah)"),
        ("JNIM", "JNIM: Group for Support of Islam and Muslims"),
        ("al-Shabab", "Al Shabaab"),
        ("Tatmadaw", "Military Forces of Myanmar (2021-)"),
        ("M23", "M23: March 23 Movement"),
        ("YPG", "YPG: People's Protection Units"),
        ("Russian military police", "Military Forces of Russia - Military Police"),
    ],
)
def test_aliases_resolve_to_canonical_names(alias, canonical):
    assert canonical_name(alias) == canonical


def test_renamed_groups_resolve_by_date(dictionary):
    assert dictionary.canonical_name("Nusra Front", "2015-03-01") == "Jabhat al-Nusra"
    assert dictionary.canonical_name("Nusra Front", "2016-10-01") == "Jabhat Fatah al-Sham"
    assert dictionary.canonical_name("Nusra Front", "2018-07-01") == "Hayat Tahrir al-Sham"
    assert dictionary.canonical_name("Iraqi army", "2017-07-09") == "Military Forces of Iraq (2014-2018)"
    assert dictionary.canonical_name("Iraqi army", "2020-01-01") == "Military Forces of Iraq (2018-2022)"


def test_acronyms_match_case_sensitively(dictionary):
    found = dictionary.find("It is said that IS fighters fled.")
    assert [m.text for m in found] == ["IS"]


def test_label_after_a_name_joins_the_name(dictionary):
    [m] = dictionary.find("Al-Shabaab militants stormed the base.")
    assert m.lineage == "shabaab" and m.label == "militants" and m.text == "Al-Shabaab militants"


def test_country_adjective_fixes_a_generic_label(dictionary):
    [m] = dictionary.find("Ethiopian troops withdrew.")
    assert m.lineage == "mil:ET"
    [m] = dictionary.find("Malian soldiers patrolled.")
    assert m.lineage == "mil:ML"
    [m] = dictionary.find("Kenyan soldiers patrolled.")  # no named lineage: built from the role
    assert m.lineage is None and m.role == "state" and m.country == "KE"


def test_vague_labels_need_a_country(dictionary):
    assert dictionary.find("Joint forces advanced.") == []


def test_role_actor_names(dictionary):
    assert dictionary.role_actor("opposition", "SY")[0] == "Opposition Rebels (Syria)"
    assert dictionary.role_actor("civilians", "YE")[0] == "Civilians (Yemen)"
    assert dictionary.role_actor("state", "SO", "2021-01-01")[0] == "Military Forces of Somalia (2017-2022)"
    assert dictionary.role_actor("unidentified", None)[0] == "Unidentified Armed Group"


def test_user_file_extends_and_overrides(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "# my additions\n"
        "lineage\tcanonical\tactor_type\tcountry\tvalid_from\tvalid_to\taliases\n"
        "katiba_x\tKatiba Example\trebel group\tML\t\t\tKatiba Example|Example Brigade\n",
        encoding="utf-8",
    )
    d = ActorDictionary([extra])
    assert d.canonical_name("Example Brigade") == "Katiba Example"
    assert [m.lineage for m in d.find("The Example Brigade attacked.")] == ["katiba_x"]
    assert d.canonical_name("Daesh") == "Islamic State"  # packaged entries still there


def test_a_parsed_article_is_searched_once(dictionary):
    from eventwire.nlp.matching import as_doc

    doc = as_doc("Malian and Nigerien troops clashed with militants of JNIM near Menaka.")
    first = dictionary.find(doc)
    assert [m.text for m in first] == ["Malian", "Nigerien troops", "militants of JNIM"]
    first.append(None)  # a caller changing its list does not change what the Doc holds
    assert dictionary.find(doc) == first[:-1]
    assert dictionary.find(doc.text) == first[:-1]  # a string is searched afresh, with the same result
