"""A quotation before a cue whose object is the person asked, a quotation after a short aside,
answers and accounts as nouns, a demonstrative left as the speaker, a body's decisions, a surname
read as a modal. Sentences written for these tests."""

from __future__ import annotations

from .helpers import by_cue


def test_the_person_asked_is_not_the_claim(analyze_claims):
    a = analyze_claims("“But why now?” the reporter asked him.")
    asked = by_cue(a, "asked")
    assert asked and asked[0].claim.startswith("“But why now?")
    a = analyze_claims("“Are you serious?” Lena Ortiz asked the mayor.")
    asked = by_cue(a, "asked")
    assert asked and "Are you serious" in asked[0].claim and "mayor" not in asked[0].claim


def test_the_target_of_an_accusation_is_not_an_addressee(analyze_claims):
    a = analyze_claims("“Shameful,” he wrote. The new ad accuses Ortiz of selling favours to donors.")
    accuses = by_cue(a, "accuses")
    assert accuses and "selling favours" in accuses[0].claim


def test_a_quotation_after_a_short_aside(analyze_claims):
    a = analyze_claims("The mayor said, pointing at the river, “This is where the water came in.”")
    said = by_cue(a, "said")
    assert said and said[0].claim.startswith("“This is where") and "pointing" not in said[0].claim
    a = analyze_claims("Ortiz joked, again using a thick accent, “Welcome aboard, friend!”")
    joked = by_cue(a, "joked")
    assert joked and "Welcome aboard" in joked[0].claim and "accent" not in joked[0].claim


def test_a_persons_response_as_a_noun(analyze_claims):
    a = analyze_claims("The governor's response was that the plan would fail.")
    response = by_cue(a, "response")
    assert response and response[0].speaker == "governor" and response[0].claim == "the plan would fail"
    a = analyze_claims("The governor's answer was: “We will not negotiate.”")
    answer = by_cue(a, "answer")
    assert answer and "not negotiate" in answer[0].claim


def test_a_countrys_or_an_armys_response_is_an_act(analyze_claims):
    a = analyze_claims(
        "Norway's response to the rocket fire was swift. The battalion commander's response to the "
        "ambush left two villages burning. The army's reply to the shelling came at dawn."
    )
    assert not by_cue(a, "response")


def test_an_account_as_a_noun(analyze_claims):
    a = analyze_claims(
        "Senator Ana Kovac spoke to the committee on Tuesday. Kovac's explanations of the delay "
        "satisfied no one."
    )
    explanations = by_cue(a, "explanations")
    assert explanations and "Kovac" in (explanations[0].speaker or "")
    assert explanations[0].claim == "the delay"


def test_remarks_on_condition_of_anonymity_are_no_claim(analyze_claims):
    a = analyze_claims("The aides' explanation on the condition of anonymity was brief.")
    assert not [x for x in a.attributions if "anonymity" in x.claim]


def test_a_demonstrative_left_as_the_speaker_is_no_source(analyze_claims):
    a = analyze_claims(
        'The mayor kept shouting. That led the chairwoman to call the session "a farce," '
        "and the hall fell silent."
    )
    assert not [x for x in a.attributions if (x.speaker or "").lower() == "that"]
    a = analyze_claims("Those who said the harbour mattered most backed the mayor.")
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Those"


def test_a_bodys_decision_to_act_is_its_stance(analyze_claims):
    a = analyze_claims("Late last year, the shipyard firm agreed to refund $40,000 to its former tenants.")
    agreed = by_cue(a, "agreed")
    assert agreed and agreed[0].speaker == "shipyard firm" and "refund" in agreed[0].claim
    a = analyze_claims("The people want to leave the camp. The army agreed to withdraw from the town.")
    assert not by_cue(a, "want") and not by_cue(a, "agreed")


def test_a_surname_the_tagger_reads_as_a_modal(analyze_claims):
    a = analyze_claims("Since the floods, Will believes Kovac has a real chance to take the district.")
    believes = by_cue(a, "believes")
    assert believes and believes[0].speaker == "Will" and believes[0].claim.startswith("Kovac has a real")
    a = analyze_claims("Will you come with me? He will decide tomorrow.")
    assert not a.attributions


def test_what_a_text_reads(analyze_claims):
    a = analyze_claims(
        '"We found no fault with the tender and we stand by the award," read the statement, '
        "which was signed by its chair."
    )
    read = by_cue(a, "read")
    assert read and read[0].speaker == "statement" and "found no fault" in read[0].claim
    a = analyze_claims(
        "The plaque reads: “Dedicated to those who served.” She reads the paper every morning."
    )
    reads = by_cue(a, "reads")
    assert len(reads) == 1 and reads[0].speaker == "plaque" and "Dedicated" in reads[0].claim


def test_called_on_with_on_read_as_a_particle(analyze_claims):
    a = analyze_claims("The mayor called on residents to stay indoors. The referee called off the match.")
    called = by_cue(a, "called")
    assert len(called) == 1 and called[0].speaker == "mayor" and "stay indoors" in called[0].claim


def test_an_answer_comes_from_the_person_asked(analyze_claims):
    a = analyze_claims(
        "Ana Kovac spoke first. A student asked Marko Petrovic whether the ferry would return. "
        "He replied: “Not this winter, and maybe not next.”"
    )
    replied = by_cue(a, "replied")
    assert replied and replied[0].speaker == "Marko Petrovic"


def test_a_name_apposed_to_the_subject_is_nearer_than_an_earlier_speaker(analyze_claims):
    a = analyze_claims(
        "Senator Ivo Marek said the audit was late. The city's new police chief, Marko Petrovic, toured "
        "the harbour on Friday. He said the port was safe."
    )
    said = [x for x in by_cue(a, "said") if "port was safe" in x.claim]
    assert said and said[0].speaker == "Marko Petrovic"


def test_the_object_of_force_or_prompt_does_what_follows(analyze_claims):
    a = analyze_claims(
        "The count in the northern wards may well force Senator Ana Kovac to acknowledge that the "
        "ferry plan is dead."
    )
    acknowledge = by_cue(a, "acknowledge")
    assert acknowledge and acknowledge[0].speaker == "Senator Ana Kovac"


def test_the_first_of_a_kind_to_act_is_the_subject_of_be(analyze_claims):
    a = analyze_claims("Ana Vik was the only senator to oppose the bill.")
    oppose = by_cue(a, "oppose")
    assert oppose and oppose[0].speaker == "Ana Vik"


def test_what_a_written_document_says(analyze_claims):
    a = analyze_claims("Kovac wrote a letter thanking the volunteers for rebuilding the pier.")
    wrote = by_cue(a, "wrote")
    assert wrote and wrote[0].speaker == "Kovac" and wrote[0].claim.startswith("thanking the volunteers")
    a = analyze_claims("Kovac wrote a letter to the editor.")
    assert not by_cue(a, "wrote")


def test_a_cue_tagged_as_a_participle_after_its_subject(analyze_claims):
    a = analyze_claims(
        "The plan prompted the assembly to hold a hearing in May on whether to stop it; one delegate "
        'called Marek "the silver duke of self-interest." But the effort stalled.'
    )
    called = by_cue(a, "called")
    assert called and called[0].speaker == "one delegate" and "Marek" in called[0].claim
    a = analyze_claims("The officials quoted by the paper were silent. A village called Dara was shelled.")
    assert not by_cue(a, "called") and not by_cue(a, "quoted")
