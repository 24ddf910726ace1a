"""Each claim pattern on sentences written for these tests (real spaCy parse, no mocks)."""

from __future__ import annotations

import pytest


def one(analysis, fragment: str):
    found = [a for a in analysis.attributions if fragment in a.claim]
    assert found, f"no claim containing {fragment!r}: {[a.claim for a in analysis.attributions]}"
    return found[0]


def test_said_that_clause_with_named_speaker(analyze_claims):
    a = analyze_claims(
        "Army spokesman Ahmed Khalil said on Monday that troops had entered the northern town."
    )
    att = one(a, "troops had entered the northern town")
    assert att.speaker == "Ahmed Khalil"
    assert att.cue == "said"
    assert not att.anonymous
    assert a.attributions[0].claim == a.attributions[0].claim.strip()
    text = "Army spokesman Ahmed Khalil said on Monday that troops had entered the northern town."
    assert text[att.start : att.end] == att.claim
    assert text[att.speaker_start : att.speaker_end] == "Ahmed Khalil"


def test_role_and_acronym_resolve_organisation(analyze_claims):
    text = (
        "The Coastal Monitoring Network (CMN) tracks the fighting. "
        "CMN head Laila Haddad said that three villages had changed hands overnight."
    )
    att = one(analyze_claims(text), "three villages had changed hands")
    assert att.speaker == "Laila Haddad"
    assert att.organization == "Coastal Monitoring Network"


def test_parenthetical_attribution_unnamed_officials(analyze_claims):
    att = one(
        analyze_claims("Gunmen attacked a checkpoint near the airport overnight, officials said."),
        "Gunmen attacked a checkpoint",
    )
    assert att.speaker == "officials"
    assert att.anonymous


def test_told_outlet_gives_via_and_anonymity(analyze_claims):
    text = (
        "A security source, speaking on condition of anonymity, told Russia's Sputnik news agency "
        "that 50 fighters had surrendered their rifles."
    )
    att = one(analyze_claims(text), "50 fighters had surrendered")
    assert att.via == "Sputnik"
    assert att.anonymous
    assert "source" in att.speaker


def test_statement_to_outlet_gives_via(analyze_claims):
    text = (
        "In a statement to the state news agency SUNA, "
        "a military source said that the bridge had been retaken."
    )
    att = one(analyze_claims(text), "the bridge had been retaken")
    assert att.via == "SUNA"
    assert att.anonymous


def test_according_to(analyze_claims):
    att = one(
        analyze_claims("Two drones struck the fuel depot late on Tuesday, according to local residents."),
        "Two drones struck the fuel depot",
    )
    assert att.cue == "according to"
    assert att.speaker == "local residents"
    assert att.anonymous


def test_according_to_outlet_becomes_via(analyze_claims):
    att = one(
        analyze_claims("According to Al Jazeera, the ministry said that the talks had collapsed."),
        "the talks had collapsed",
    )
    assert att.speaker == "ministry"
    assert att.via == "Al Jazeera"


def test_direct_quote_after_cue_split_over_sentences(analyze_claims):
    text = (
        "“We hold the hill. We will not leave it,” "
        "Musa Farah, a commander of the Coastal Brigade, told Reuters."
    )
    a = analyze_claims(text)
    att = one(a, "We will not leave it")
    assert att.claim.startswith("“We hold the hill.")
    assert att.speaker == "Musa Farah"
    assert att.organization == "Coastal Brigade"
    assert att.via == "Reuters"


def test_continuation_by_pronoun_inherits_source(analyze_claims):
    text = (
        "A local official told AFP that the market had been shelled twice. "
        "He added that at least nine people were wounded."
    )
    a = analyze_claims(text)
    second = one(a, "at least nine people were wounded")
    assert second.speaker == "local official"
    assert second.via == "AFP"
    assert second.anonymous


def test_definite_source_continues_anonymous_claim(analyze_claims):
    text = (
        "A military source said the army had cut the supply road. "
        "The source also noted that engineers were clearing mines near the bridge."
    )
    second = one(analyze_claims(text), "engineers were clearing mines")
    assert second.speaker == "military source"
    assert second.anonymous


def test_surname_resolves_to_full_name(analyze_claims):
    text = (
        "Rebel spokesman Tomas Kabila said the group controlled the border post. "
        "“We are moving south,” Kabila added."
    )
    second = one(analyze_claims(text), "We are moving south")
    assert second.speaker == "Tomas Kabila"


def test_object_claims_deny_and_claim_responsibility(analyze_claims):
    a = analyze_claims(
        "The insurgent group claimed responsibility for the ambush. "
        "Neighbouring Ruvia denied arming the fighters."
    )
    assert one(a, "responsibility").speaker == "insurgent group"
    assert "Ruvia" in one(a, "arming the fighters").speaker


def test_twitter_channel_is_via(analyze_claims):
    att = one(
        analyze_claims("President Anna Berg announced on Twitter that the army had reached the river."),
        "the army had reached the river",
    )
    assert att.speaker == "Anna Berg"
    assert att.via == "Twitter"


def test_outlet_relays_inner_claim(analyze_claims):
    a = analyze_claims("A police source said five soldiers were killed in the blast, SANA reported.")
    att = one(a, "five soldiers were killed")
    assert att.via == "SANA"
    assert att.anonymous
    assert not any(x.speaker == "SANA" for x in a.attributions)


@pytest.mark.parametrize(
    "text",
    [
        "The offensive began in March and displaced thousands of families.",
        "Shelling killed four people in the old market on Sunday.",
        "It was reported that the road reopened.",
    ],
)
def test_no_claim_without_a_source(analyze_claims, text):
    assert analyze_claims(text).attributions == []


def test_she_with_nobody_in_reach_goes_to_the_last_named_person(analyze_claims):
    text = (
        "Senator Ana Kovac opened the new bridge in Vestmark on Monday. The bridge cost ten million crowns. "
        "Work on it began in May. Traffic was light at first. She said the town would grow."
    )
    a = analyze_claims(text)
    att = next(att for att in a.attributions if att.claim and "town would grow" in att.claim)
    assert "Ana Kovac" in att.speaker


def test_a_stance_noun_with_an_owner_is_a_claim(analyze_claims):
    a = analyze_claims("Mayor Ana Kovac's belief that the harbour levy would fail surprised the council.")
    att = next(att for att in a.attributions if att.claim and "harbour levy would fail" in att.claim)
    assert att.speaker == "Ana Kovac" and att.kind == "belief"
    b = analyze_claims("The senator's claim that the bridge was unsafe drew criticism in Vestmark.")
    assert any(att.kind == "speech" and "bridge was unsafe" in (att.claim or "") for att in b.attributions)


def test_a_place_s_plan_is_no_claim(analyze_claims):
    a = analyze_claims("Norway's decision to close its border angered traders.")
    assert not a.attributions


def test_quote_hung_on_the_name_and_a_subordinate_subject(analyze_claims):
    text = (
        "“The levy is fair, because the harbour needs repair,” Ana Kovac, 61, told Vestmark Radio.\n\n"
        "Asked whether Ivo Marek would back the levy, she replied: “I hope so.”"
    )
    a = analyze_claims(text)
    first = next(att for att in a.attributions if "levy is fair" in (att.claim or ""))
    assert first.speaker == "Ana Kovac"
    second = next(att for att in a.attributions if "hope so" in (att.claim or ""))
    assert second.speaker == "Ana Kovac"


def test_a_fronted_when_clause_is_not_the_claim(analyze_claims):
    a = analyze_claims("After the council voted on Monday, Ana Kovac said the harbour would reopen in May.")
    att = next(att for att in a.attributions if att.cue == "said")
    assert "harbour would reopen" in att.claim and "council voted" not in att.claim


def test_a_stance_adjective_after_be_is_a_belief(analyze_claims):
    a = analyze_claims("Senator Ana Kovac is not sure the harbour levy can pass this year.")
    att = next(att for att in a.attributions if "harbour levy can pass" in (att.claim or ""))
    assert att.kind == "belief" and "Ana Kovac" in att.speaker
    b = analyze_claims("The bridge is ready for traffic.")
    assert not b.attributions


def test_infinitive_and_gerund_cues_take_the_main_subject(analyze_claims):
    a = analyze_claims("Ana Kovac was quick to point out that the harbour levy had failed twice.")
    att = next(att for att in a.attributions if "levy had failed" in (att.claim or ""))
    assert att.speaker == "Ana Kovac"
    b = analyze_claims("Ivo Marek answered the council by warning that the bridge would close.")
    att = next(att for att in b.attributions if "bridge would close" in (att.claim or ""))
    assert att.speaker == "Ivo Marek"


def test_transcript_and_poll_lines_give_claims(analyze_claims):
    text = (
        "Poll: Harbour Levy Loses Support in Vestmark.\n\n"
        "The radio host spoke to the mayor on Sunday.\n\n"
        "KOVAC: We will rebuild the harbour before the winter storms.\n\n"
        "UPDATE: The interview was recorded on Saturday."
    )
    a = analyze_claims(text)
    assert any(att.speaker == "Poll" and att.kind == "evidence" for att in a.attributions)
    assert any(att.speaker == "KOVAC" and "rebuild the harbour" in att.claim for att in a.attributions)
    assert not any(att.speaker == "UPDATE" for att in a.attributions)


def test_according_to_a_report_holds_the_nested_claim_and_in_a_poll_is_evidence(analyze_claims):
    a = analyze_claims("Ana Kovac said the levy was fair, according to a transcript of the hearing.")
    assert any(att.cue == "according to" and "transcript" in att.speaker for att in a.attributions)
    b = analyze_claims("In a new Vestmark Courier poll, 40 percent of voters chose Ana Kovac over Ivo Marek.")
    assert any(att.kind == "evidence" and "poll" in att.speaker for att in b.attributions)


def test_inverted_said_after_a_quote_takes_the_quote(analyze_claims):
    text = "''We will not close the harbour,'' said Ana Kovac, a councillor who co-founded the port board."
    a = analyze_claims(text)
    att = next(att for att in a.attributions if att.cue == "said")
    assert "close the harbour" in att.claim and att.speaker == "Ana Kovac"


def test_called_on_called_out_and_called_for(analyze_claims):
    a = analyze_claims("Ana Kovac called on the council to reopen the harbour.")
    assert any(att.cue == "called" and "reopen the harbour" in att.claim for att in a.attributions)
    b = analyze_claims("Ivo Marek called out his rival for ignoring the harbour.")
    assert any(att.cue == "called" and "ignoring the harbour" in att.claim for att in b.attributions)
    c = analyze_claims("The union called off the strike in Vestmark.")
    assert not c.attributions


def test_as_x_put_it(analyze_claims):
    a = analyze_claims("As Ivo Marek put it, the harbour is the town's future.")
    assert any(att.speaker == "Ivo Marek" and "harbour is the town" in att.claim for att in a.attributions)


def test_a_view_held_with_have(analyze_claims):
    a = analyze_claims("Many voters in Vestmark have doubts about the harbour levy.")
    assert any(att.kind == "belief" and "harbour levy" in att.claim for att in a.attributions)


def test_she_skips_a_male_speaker(analyze_claims):
    text = (
        "Mayor Mary Collins met John Peters at the harbour. Peters said the pier was unsafe. "
        "She said the town would repair it."
    )
    a = analyze_claims(text)
    att = next(att for att in a.attributions if "repair it" in (att.claim or ""))
    assert "Collins" in att.speaker


def test_he_never_points_to_a_name_inside_a_quote(analyze_claims):
    text = (
        "“You are either with the harbour board or with John Peters,” Marek says.\n\n"
        "“The board has no plan,” he adds."
    )
    a = analyze_claims(text)
    att = next(att for att in a.attributions if "no plan" in (att.claim or ""))
    assert "Peters" not in (att.speaker or "")


def test_in_x_s_view(analyze_claims):
    a = analyze_claims("In Professor Mary Collins's view, the levy would be the only fair tax.")
    assert any(att.kind == "belief" and "Mary Collins" in att.speaker for att in a.attributions)
    b = analyze_claims("He lives in the view of the hills.")
    assert not b.attributions


def test_a_dateline_place_parsed_as_subject_is_not_the_speaker(analyze_claims):
    text = "TAMPERE, July 19 (UPI) — Former Attorney General Oskar Lindqvist told delegates it would fail."
    a = analyze_claims(text)
    assert next(att for att in a.attributions if att.cue == "told").speaker == "Oskar Lindqvist"


def test_they_never_points_back_to_one_person(analyze_claims):
    text = "John Peters said the pier was unsafe. The workers met on Monday. They said the pier was safe."
    a = analyze_claims(text)
    att = next(att for att in a.attributions if att.claim == "the pier was safe")
    assert "Peters" not in (att.speaker or "")


def test_said_in_a_statement_colon_takes_the_quote(analyze_claims):
    a = analyze_claims("Regarding the pier, the board said in a statement: “It stays open all winter.”")
    att = next(att for att in a.attributions if att.cue == "said")
    assert "stays open" in att.claim and "Regarding" not in att.claim


def test_title_case_headline_with_a_cue_verb(analyze_claims):
    a = analyze_claims("Ana Kovac Says The Pier Will Reopen In May.\n\nThe mayor spoke on Monday.")
    assert any(att.speaker == "Ana Kovac" and "Pier Will Reopen" in att.claim for att in a.attributions)
    b = analyze_claims("Harbour Pier Closes After Storm.\n\nThe pier in Vestmark shut on Monday.")
    assert not b.attributions


def test_she_reaches_a_surname_the_tagger_took_for_a_body(analyze_claims):
    text = (
        "Mary Collins spoke in Vestmark on Monday. Later Collins visited the pier with John Peters. "
        "She said the town would repair it."
    )
    a = analyze_claims(text)
    att = next(att for att in a.attributions if "repair it" in (att.claim or ""))
    assert "Collins" in att.speaker


def test_she_reaches_a_given_name_the_tagger_missed(analyze_claims):
    text = "Linda Vantorra spoke in Vestmark. The hall was full. The crowd was loud. She said it would open."
    a = analyze_claims(text)
    att = next(att for att in a.attributions if "would open" in (att.claim or ""))
    assert att.speaker == "Linda Vantorra"
