"""The worldwide actor file (``actors_world.tsv``): named groups of many regions, on sentences
written for these tests, and aliases that must not fire inside ordinary words."""

from __future__ import annotations

from collections import defaultdict

import pytest

from eventwire.actors import load_dictionary
from eventwire.actors.dictionary import PACKAGED_ACTOR_FILES, ActorDictionary, _data_path, read_tsv
from eventwire.actors.stage import ActorsStage
from eventwire.models import Article
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return load_dictionary()


def _world_rows() -> list[dict[str, str]]:
    return list(read_tsv(_data_path("actors_world.tsv")))


@pytest.mark.parametrize(
    ("sentence", "mention", "canonical"),
    [
        # Sahel and West Africa
        ("Dozo hunters ambushed a convoy near the river.", "Dozo hunters", "Dozo Communal Militia (Mali)"),
        ("Fighters of Katiba Macina torched two granaries.", "Katiba Macina", "Katiba Macina"),
        ("Koglweogo vigilantes detained three traders.", "Koglweogo vigilantes", "Koglweogo Militia"),
        ("Lakurawa militants raided the cattle market.", "Lakurawa militants", "Lakurawa"),
        # Nigeria, Cameroon, Chad
        (
            "Troops of Operation Hadin Kai repelled the raid.",
            "Operation Hadin Kai",
            "Military Forces of Nigeria (2023-)",
        ),
        ("Amba boys set up a roadblock outside the town.", "Amba boys", "Ambazonian Separatists"),
        ("The BIR arrested four suspects at dawn.", "BIR", "Military Forces of Cameroon"),
        # Sudan, Horn of Africa, Great Lakes, Mozambique
        (
            "The Joint Force of Armed Struggle Movements shelled the camp outskirts.",
            "Joint Force of Armed Struggle Movements",
            "Joint Force of Armed Struggle Movements",
        ),
        (
            "Danab commandos raided a hideout overnight.",
            "Danab commandos",
            "Military Forces of Somalia (2022-)",
        ),
        ("Macawisley fighters clashed with the militants.", "Macawisley", "Macawisley Clan Militia"),
        (
            "The Kenya Defence Forces said the patrol was ambushed.",
            "Kenya Defence Forces",
            "Military Forces of Kenya",
        ),
        ("Wazalendo fighters retook the hill from the rebels.", "Wazalendo fighters", "Wazalendo"),
        ("Imbonerakure members beat a returning refugee.", "Imbonerakure", "Imbonerakure"),
        (
            "Insurgents of the Islamic State Mozambique Province burned a chapel.",
            "Islamic State Mozambique Province",
            "Islamic State Mozambique Province",
        ),
        # Middle East
        ("Kataib Hezbollah claimed the drone attack.", "Kataib Hezbollah", "Kataib Hezbollah"),
        ("The Giants Brigades pushed into the district.", "Giants Brigades", "Giants Brigades"),
        ("Members of the Lions' Den fired at a checkpoint.", "Lions' Den", "Lions' Den"),
        ("Jaish al-Adl gunmen attacked a border post.", "Jaish al-Adl", "Jaish al-Adl"),
        (
            "The Radaa Special Deterrence Force closed the airport road.",
            "Radaa Special Deterrence Force",
            "Radaa Special Deterrence Force",
        ),
        # Europe and Asia
        (
            "The Russian Volunteer Corps said it crossed the border.",
            "Russian Volunteer Corps",
            "Russian Volunteer Corps",
        ),
        ("The SBU detained a suspected informant.", "SBU", "Police Forces of Ukraine"),
        (
            "North Korean troops were seen near the front.",
            "North Korean troops",
            "Military Forces of North Korea",
        ),
        ("The United Wa State Army denied the report.", "United Wa State Army", "UWSA: United Wa State Army"),
        ("Pyu Saw Htee militiamen burned houses.", "Pyu Saw Htee", "Pyu Saw Htee Militia"),
        ("The BLA claimed the attack on the train.", "BLA", "BLA: Balochistan Liberation Army"),
        (
            "Naxalites blew up a culvert on the highway.",
            "Naxalites",
            "CPI (Maoist): Communist Party of India (Maoist)",
        ),
        (
            "Chhatra League activists attacked the students.",
            "Chhatra League activists",
            "BCL: Bangladesh Chhatra League",
        ),
        ("NPA rebels ambushed an army patrol.", "NPA rebels", "NPA: New People's Army"),
        # Americas
        ("The ELN blamed the Gulf Clan for the killings.", "Gulf Clan", "Clan del Golfo"),
        (
            "Gunmen of the Jalisco New Generation Cartel blocked the road.",
            "Jalisco New Generation Cartel",
            "CJNG: Jalisco New Generation Cartel",
        ),
        ("Viv Ansanm gangs attacked the police station.", "Viv Ansanm", "Viv Ansanm"),
        (
            "The Haitian National Police said two officers were wounded.",
            "Haitian National Police",
            "Police Forces of Haiti",
        ),
        ("Members of Los Choneros rioted inside the prison.", "Los Choneros", "Los Choneros"),
        ("The Comando Vermelho fired at the patrol.", "Comando Vermelho", "CV: Red Command"),
    ],
)
def test_named_groups_resolve_to_canonical_names(dictionary, sentence, mention, canonical):
    found = {sentence[m.start : m.end]: m for m in dictionary.find(sentence) if m.lineage}
    # the mention may include a label before it ("Insurgents of the X" is the group X)
    hit = next((m for text, m in found.items() if text.startswith(mention) or text.endswith(mention)), None)
    assert hit is not None, f"{mention!r} not found in {sentence!r}: {list(found)}"
    assert dictionary.entry(hit.lineage, "2025-06-01").canonical == canonical


def test_the_stage_names_groups_from_several_regions():
    pipeline = Pipeline(stages=["nlp", "actors"]).initialize()
    text = (
        "Wazalendo fighters clashed with AFC/M23 fighters north of the lake, while in another "
        "province Twirwaneho militiamen attacked a herders' camp. Far away, the Tren de Aragua "
        "and ELN guerrillas were blamed for a kidnapping."
    )
    analysis = pipeline.analyze(Article(id="t", text=text, published="2025-03-10"))
    names = {a.mention: a.name for a in analysis.actors}
    assert names["Wazalendo fighters"] == "Wazalendo"
    assert names["AFC/M23"] == "M23: March 23 Movement"  # the armed wing of the AFC
    assert names["Twirwaneho"] == "Twirwaneho"
    assert names["Tren de Aragua"] == "Tren de Aragua"
    assert names["ELN guerrillas"] == "ELN: National Liberation Army"
    for actor in analysis.actors:
        assert text[actor.start : actor.end] == actor.mention


@pytest.mark.parametrize(
    "sentence",
    [
        "The ambassador said the embassy would reopen after the elections.",  # "Amba boys" needs "boys"
        "Macintosh users complained that the update broke their printers.",
        "The cartel-style pricing of cement angered the builders' union.",
        "Let them eat cake, the columnist wrote about the bread queues.",  # "LeT" is not an alias
        "Its shares fell on the stock exchange after the bank's plc results.",  # "PLC" is not an alias
        "She sang a Viagra joke and the audience laughed at the tlacoyo stand.",
        "Basilica visitors admired the mosaics; the danabol ad was removed.",
        "The kidnapping of the stadium's mascot amused the fans of the club.",
        "Comandos, bras and gear were sold at the market in the capital.",
    ],
)
def test_aliases_do_not_fire_inside_ordinary_words(dictionary, sentence):
    named = [sentence[m.start : m.end] for m in dictionary.find(sentence) if m.lineage]
    assert named == []


def test_acronym_aliases_are_case_sensitive(dictionary):
    # "ELN" and "BIR" are acronyms: lower-case words with those letters are not the groups
    assert [m.lineage for m in dictionary.find("The eln and bir spelling is not ours.") if m.lineage] == []
    assert [m.lineage for m in dictionary.find("The ELN and the BIR met.") if m.lineage] == ["eln", "mil:CM"]


def test_world_file_has_a_documented_header_and_enough_new_actors():
    path = _data_path("actors_world.tsv")
    head = path.read_text(encoding="utf-8").splitlines()[:12]
    assert any("Source:" in line for line in head) and any("ACLED" in line for line in head)
    known = {r["lineage"] for r in read_tsv(_data_path("actors.tsv"))}
    rows = _world_rows()
    new = {r["lineage"] for r in rows} - known
    assert len(new) >= 300
    assert "actors_world.tsv" in PACKAGED_ACTOR_FILES
    types = {"state forces", "rebel group", "political militia", "identity militia", "external forces"}
    for r in rows:
        assert r["actor_type"] in types, r
        for key in ("valid_from", "valid_to"):
            assert not r[key] or len(r[key]) == 10, r
        assert not r["country"] or len(r["country"]) == 2, r


def test_no_alias_belongs_to_two_lineages(dictionary):
    owners: dict[str, set[str]] = defaultdict(set)
    for name in PACKAGED_ACTOR_FILES:
        for r in read_tsv(_data_path(name)):
            for alias in [r["canonical"], *r["aliases"].split("|")]:
                if alias.strip():
                    owners[dictionary._key(alias.strip())].add(r["lineage"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_alias_rows_keep_the_dated_names_of_known_lineages(dictionary):
    # actors_world.tsv adds "Danab" to mil:SO without a new entry: names still follow the dates
    assert dictionary.canonical_name("Danab", "2019-01-01") == "Military Forces of Somalia (2017-2022)"
    assert dictionary.canonical_name("Danab", "2024-01-01") == "Military Forces of Somalia (2022-)"
    assert len(dictionary.entries["mil:SO"]) == 3


def test_named_unit_and_generic_formula_agree(dictionary):
    # a named unit of a state without a period suffix gives the generic formula's name
    assert dictionary.canonical_name("Kenya Defence Forces") == dictionary.role_actor("state", "KE")[0]
    assert dictionary.canonical_name("Haitian National Police") == "Police Forces of Haiti"


def test_stage_config_still_takes_user_files(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "lineage\tcanonical\tactor_type\tcountry\tvalid_from\tvalid_to\taliases\n"
        "my_va\tViv Ansanm (user name)\tpolitical militia\tHT\t\t\tViv Ansanm\n",
        encoding="utf-8",
    )
    stage = ActorsStage()
    stage.initialize({"dictionary": str(extra)})
    actors, _country = stage.find("Viv Ansanm gangs raided the port.", "2025-01-01")
    [actor] = [a for a in actors if a.name]
    assert actor.name == "Viv Ansanm (user name)"
