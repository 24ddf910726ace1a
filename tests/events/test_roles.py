"""Who did what to whom (events/roles.py), on sentences written for these tests, with the full
pipeline so that places carry their country."""

from __future__ import annotations

import re

import pytest

from eventwire.models import Article
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline().initialize()


def events(pipeline, text: str, published: str = "2024-02-10"):
    return pipeline.analyze(Article(id="r", text=text, published=published, language="en")).events


def only(pipeline, text: str, **kw):
    found = [e for e in events(pipeline, text, **kw) if e.happened]
    assert found, f"no event in {text!r}"
    return found[0]


def test_passive_by_phrase_is_the_agent(pipeline):
    e = only(pipeline, "A police station in Garissa was attacked by bandits on Monday.")
    assert e.actor1 == "Unidentified Armed Group (Kenya)" and e.actor2 == "Police Forces of Kenya"


def test_came_under_fire_from_inverts_the_subject(pipeline):
    e = only(pipeline, "Somali soldiers came under fire from al-Shabaab fighters near Baidoa on Tuesday.")
    assert e.actor1 == "Al Shabaab" and e.actor2.startswith("Military Forces of Somalia")


def test_repelled_assault_names_the_attacker_first(pipeline):
    e = only(pipeline, "Ukrainian troops repelled a Russian assault on Vuhledar on Sunday.")
    assert e.actor1 == "Military Forces of Russia" and e.actor2.startswith("Military Forces of Ukraine")


def test_active_subject_and_object(pipeline):
    e = only(pipeline, "Chadian soldiers attacked Boko Haram fighters near Bol on Thursday.")
    assert e.actor1.startswith("Military Forces of Chad") and e.actor2.startswith("Boko Haram")


def test_conjoined_agent_is_the_associate(pipeline):
    e = only(pipeline, "Somali troops and Kenyan soldiers attacked al-Shabaab fighters near Kismayo.")
    assert e.actor1.startswith("Military Forces of Somalia")
    assert e.assoc_actor_1 is not None and e.assoc_actor_1.startswith("Military Forces of Kenya")


def test_a_country_acting_is_its_forces(pipeline):
    e = only(pipeline, "Israel struck a warehouse near Tyre on Wednesday, killing two people.")
    assert e.actor1 == "Military Forces of Israel"


def test_generic_actors_take_the_country_of_the_event_place(pipeline):
    # the report is about Mali, the attack happened across the border in Niger
    text = (
        "Malian officials in Bamako said on Saturday that gunmen had attacked a village near "
        "Tillaberi in Niger on Friday."
    )
    e = only(pipeline, text)
    assert e.country == "NE" and e.actor1 == "Unidentified Armed Group (Niger)"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Protesters gathered in Lima on Monday to demand new elections.", "Protesters (Peru)"),
        ("Police in Dhaka arrested ten students on Sunday.", "Police Forces of Bangladesh"),
        ("Rioters torched shops in Durban on Saturday.", "Rioters (South Africa)"),
        ("Soldiers clashed with gunmen near Davao on Saturday.", "Military Forces of the Philippines"),
    ],
)
def test_generic_formulas_name_the_country_never_its_code(pipeline, text, actor1):
    e = only(pipeline, text)
    assert e.actor1 == actor1
    for name in (e.actor1, e.actor2):
        assert not re.search(r"\([A-Z]{2}\)$| of [A-Z]{2}$", name or ""), name


def test_protesters_are_named_by_where_they_protest(pipeline):
    e = only(pipeline, "Hundreds of Sudanese demonstrators protested outside the embassy in Cairo on Friday.")
    assert e.actor1 == "Protesters (Egypt)"


def test_a_bomb_with_no_perpetrator_is_an_unidentified_armed_group(pipeline):
    e = only(pipeline, "A roadside bomb exploded near a market in Kirkuk on Sunday, killing three people.")
    assert e.actor1 == "Unidentified Armed Group (Iraq)"


def test_the_intervening_force_is_actor2_of_a_dispersed_protest(pipeline):
    e = only(pipeline, "Students protested in Nairobi on Tuesday and police dispersed them with tear gas.")
    assert e.sub_event_type == "Protest with intervention" and e.actor2 == "Police Forces of Kenya"


def test_an_undated_event_stays_undated_unless_asked_for_the_report_date(pipeline):
    text = "Gunmen abducted five traders near Zaria, police said."
    e = only(pipeline, text, published="2024-02-10")
    assert (e.date, e.date_precision) == (None, "unknown")
    acled = Pipeline(config={"events": {"report_date": True}}).initialize()
    e = only(acled, text, published="2024-02-10")
    assert (e.date, e.date_precision) == ("2024-02-10", "week")


def test_a_planned_event_stays_undated(pipeline):
    found = events(pipeline, "Rebels threatened to attack Goma.", published="2024-02-10")
    assert all(e.date is None for e in found if not e.happened)


def test_a_territory_handed_over_goes_to_the_actor_it_is_left_to(pipeline):
    e = only(pipeline, "French troops handed over their base in Gao to Malian soldiers on Monday.")
    assert e.sub_event_type == "Non-violent transfer of territory"
    assert e.actor1.startswith("Military Forces of Mali") and e.actor2 == "Military Forces of France"


def test_actors_on_the_head_of_a_two_word_trigger(pipeline):
    e = only(pipeline, "Two al-Shabaab suicide bombers struck a hotel in Mogadishu on Friday.")
    assert e.sub_event_type == "Suicide bomb" and e.actor1 == "Al Shabaab"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Al-Shabaab fighters withdrew from Bulo Burte on Sunday.",
            "Al Shabaab",
            "Military Forces of Somalia",
        ),
        (
            "Malian soldiers pulled out of Kidal on Monday.",
            "Military Forces of Mali",
            "Opposition Rebels (Mali)",
        ),
    ],
)
def test_a_withdrawal_is_coded_to_the_side_that_moves(pipeline, text, actor1, actor2):
    e = only(pipeline, text)
    assert e.sub_event_type == "Non-violent transfer of territory"
    assert e.actor1.startswith(actor1) and (e.actor2 or "").startswith(actor2)


def test_a_government_handing_over_weapons_acts_through_its_forces(pipeline):
    e = only(pipeline, "The Government of Somalia seized a cache of weapons in Baidoa on Monday.")
    assert e.sub_event_type == "Disrupted weapons use" and e.actor1.startswith("Military Forces of Somalia")


def test_an_unattributed_bombing_goes_to_the_group_the_report_is_about(pipeline):
    text = (
        "A suicide bomber struck a checkpoint in Baidoa on Monday, killing four people. "
        "Al-Shabaab claimed the attack; al-Shabaab has struck the town before."
    )
    bombing = next(e for e in events(pipeline, text) if e.sub_event_type == "Suicide bomb")
    assert bombing.actor1 == "Al Shabaab"


def test_demonstration_events_carry_acled_demonstrator_actors():
    from eventwire.actors import load_dictionary
    from eventwire.events.roles import demonstration_actors
    from eventwire.models import Event

    d = load_dictionary()

    def event(etype, actor1, actor2=None):
        return Event(start=0, end=1, evidence="x", event_type=etype, sub_event_type=None,
                     actor1=actor1, actor2=actor2, country="KE")  # fmt: skip

    riot = event("Riots", "Protesters (Kenya)")
    demonstration_actors(riot, d, "2024-02-01")
    assert riot.actor1 == "Rioters (Kenya)"
    policed = event("Protests", "Police Forces of Kenya")
    demonstration_actors(policed, d, "2024-02-01")
    assert (policed.actor1, policed.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya")
    led = event("Riots", "Al Shabaab")
    demonstration_actors(led, d, "2024-02-01")
    assert (led.actor1, led.assoc_actor_1) == ("Rioters (Kenya)", "Al Shabaab")
    battle = event("Battles", "Al Shabaab")
    demonstration_actors(battle, d, "2024-02-01")
    assert battle.actor1 == "Al Shabaab"


def test_agreement_parties_in_the_order_stated(pipeline):
    e = only(pipeline, "Al-Shabaab and Somali troops agreed a truce in Baidoa on Monday.")
    assert e.sub_event_type == "Agreement"
    assert e.actor1 == "Al Shabaab" and e.actor2.startswith("Military Forces of Somalia")


def test_a_foreign_state_taking_ground_overtakes_territory(pipeline):
    e = only(pipeline, "Turkish troops captured the village of Kafr Nabl in Idlib province on Monday.")
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert e.actor1 == "Military Forces of Turkey"


def test_the_home_government_with_foreign_allies_regains_territory(pipeline):
    e = only(pipeline, "Syrian troops captured the village of Kafr Nabl in Idlib province on Monday.")
    assert e.sub_event_type == "Government regains territory"
    e = only(pipeline, "On 3 May, Malian and Russian troops retook the town of Kidal.")
    assert e.sub_event_type == "Government regains territory"


def test_an_attack_claimed_later_goes_to_the_claimant(pipeline):
    text = (
        "A car bomb exploded near a checkpoint in Baidoa on Sunday, killing four soldiers. "
        "Al-Shabaab claimed responsibility for the attack."
    )
    e = only(pipeline, text)
    assert e.sub_event_type == "Remote explosive/landmine/IED" and e.actor1 == "Al Shabaab"


def test_only_an_affirmed_claim_of_an_attack_counts(pipeline):
    from eventwire.events.claimed import _claims_in

    def subjects(text):
        return [t.text for sent in pipeline.nlp(text).sents for t in _claims_in(sent)]

    assert subjects("Al-Shabaab claimed responsibility for the attack.") == ["Shabaab"]
    assert subjects("The group claimed the bombing in a statement.") == ["group"]
    assert subjects("Al-Shabaab did not claim the attack.") == []
    assert subjects("The rebels claimed victory in Kadugli.") == []


def test_a_town_declared_clear_goes_to_the_side_that_left(pipeline):
    e = only(
        pipeline,
        "On Monday the army declared the town of Kafr Nabl clear of rebels after their exit to Idlib.",
    )
    assert e.sub_event_type == "Non-violent transfer of territory"
    assert e.actor1 == "Opposition Rebels (Syria)" and e.actor2 == "Military Forces of Syria"


def test_civilians_leaving_with_fighters_are_not_the_mover(pipeline):
    e = only(pipeline, "Some 700 civilians and 200 fighters of Ansar Dine left Tessalit on Monday.")
    assert e.actor1 == "Ansar Dine"


def test_ground_returned_to_government_control_goes_to_its_forces(pipeline):
    e = only(pipeline, "The town of Aguelhok was returned to government control on Monday.")
    assert e.actor1.startswith("Military Forces of Mali")
