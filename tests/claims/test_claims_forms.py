"""Attribution forms beyond "X said that ...", and claim kinds, on sentences written for these tests."""

from __future__ import annotations

from eventwire.claims.quotes import quote_regions


def find(analysis, fragment: str):
    found = [a for a in analysis.attributions if fragment in a.claim]
    assert found, f"no claim containing {fragment!r}: {[a.claim for a in analysis.attributions]}"
    return found[0]


def test_colon_introduces_quote_in_next_paragraph(analyze_claims):
    text = (
        "Mayor Ingrid Solberg of Vestmark faced questions on Monday. Asked about the budget, she said:\n\n"
        "“Not one school will lose a teacher this year.”"
    )
    att = find(analyze_claims(text), "Not one school will lose a teacher")
    assert att.speaker == "Ingrid Solberg"
    assert "Asked about the budget" not in att.claim
    assert text[att.start : att.end] == att.claim


def test_inverted_said_name_colon(analyze_claims):
    att = find(
        analyze_claims("Said Tomasz Wierzba, the club's treasurer: “Our accounts are in order.”"),
        "accounts",
    )
    assert att.speaker == "Tomasz Wierzba"
    assert att.kind == "speech"


def test_participial_saying_takes_main_subject(analyze_claims):
    att = find(
        analyze_claims("Councillor Rosa Mendel walked out of the meeting, saying the vote had been rigged."),
        "the vote had been rigged",
    )
    assert att.speaker.endswith("Rosa Mendel")  # a title may stay with the name
    assert att.cue == "saying"


def test_tweet_is_a_channel_not_the_claim(analyze_claims):
    att = find(
        analyze_claims("In one tweet Friday, Governor Paul Brenner said: “The bridge will open next week.”"),
        "bridge will open",
    )
    assert att.speaker == "Paul Brenner"
    assert att.via == "Twitter"
    assert "In one tweet" not in att.claim


def test_belief_and_intention_kept_with_kind(analyze_claims):
    a = analyze_claims(
        "Tomas Varga believes the reform will fail. He wants to run for the council next year."
    )
    belief = find(a, "the reform will fail")
    assert belief.kind == "belief" and belief.speaker == "Tomas Varga"
    plan = find(a, "run for the council")
    assert plan.kind == "belief" and plan.speaker == "Tomas Varga"
    assert {x.kind for x in a.attributions} == {"belief"}  # so a speech-only filter drops both


def test_poll_shows_is_evidence(analyze_claims):
    att = find(
        analyze_claims("A new survey of dairy farmers shows that most of them expect lower prices."),
        "lower",
    )
    assert att.kind == "evidence"


def test_organisation_acts_are_not_beliefs(analyze_claims):
    # an intention of armed men is an act to report as an event, not a claim
    a = analyze_claims("About two hundred fighters agreed to hand over their weapons on Sunday.")
    assert not [x for x in a.attributions if x.kind == "belief"]


def test_called_x_y_is_a_claim(analyze_claims):
    att = find(
        analyze_claims("Senator Dana Whitfield called the new tariff “a tax on every family.”"),
        "tariff",
    )
    assert att.speaker.endswith("Dana Whitfield")


def test_called_without_a_label_is_not(analyze_claims):
    a = analyze_claims("Dana Whitfield called her brother on Sunday evening.")
    assert not a.attributions


def test_discourse_markers_are_not_claims(analyze_claims):
    a = analyze_claims("You know, I mean, the weather in the valley was lovely all week.")
    assert not a.attributions


def test_doubled_apostrophes_are_quotation_marks():
    text = "''We will rebuild the pier,'' she said. It's the town's pier."
    regions = [text[s:e] for s, e in quote_regions(text)]
    assert regions == ["''We will rebuild the pier,''"]


def test_doubled_apostrophe_quote_is_kept_whole(analyze_claims):
    text = "''The ferry will run again in May, and fares will not rise,'' Harbour Master Olu Bankole said."
    att = find(analyze_claims(text), "ferry will run again")
    assert att.claim.startswith("''") and att.claim.endswith("''")
    assert att.speaker.endswith("Olu Bankole")


def test_headline_name_colon_claim(analyze_claims):
    text = "Greta Holm: The Harbour Plan Will Cost Jobs\n\nThe port authority's chair spoke on Monday."
    att = find(analyze_claims(text), "Harbour Plan")
    assert att.speaker == "Greta Holm" and att.cue == ":"
    assert text[att.start : att.end] == att.claim


def test_nested_claim_keeps_its_chain(analyze_claims):
    a = analyze_claims("Nadia Ferreira said that Paulo Reis had claimed the levy was illegal.")
    outer = find(a, "Paulo Reis had claimed")
    inner = next(x for x in a.attributions if x.speaker == "Paulo Reis")
    assert a.attributions[inner.parent] is outer and outer.parent is None


def test_pronoun_takes_the_person_named_since_the_last_claim(analyze_claims):
    text = (
        "Ivo Marek said the tunnel was safe. Later, Lara Stein toured the site with engineers. "
        "She said the lining had cracked."
    )
    att = find(analyze_claims(text), "the lining had cracked")
    assert att.speaker == "Lara Stein"


def test_learned_cue_for_a_person_and_not_for_acts(analyze_claims, claims_pipeline):
    from eventwire.models import Article
    from eventwire.pipeline import Pipeline

    text = "Senator Dana Whitfield blasted the governor for the delay in the flood payments."
    att = find(analyze_claims(text), "the delay in the flood payments")
    assert att.speaker.endswith("Dana Whitfield") and att.kind == "belief"
    assert not analyze_claims("Troops seized the bridge over the river on Sunday.").attributions
    rules_only = Pipeline(stages=["nlp", "claims"], config={"claims": {"learned_cues": False}})
    assert not rules_only.analyze(Article(id="r", text=text)).attributions


def test_asked_with_an_object_is_a_request_or_question(analyze_claims):
    a = analyze_claims("Ana Kovac asked the delegates to support the harbour levy.")
    assert any(att.cue == "asked" and "support the harbour levy" in att.claim for att in a.attributions)


def test_reporting_verbs_with_a_plain_object(analyze_claims):
    a = analyze_claims("Ivo Marek acknowledged the delay at the harbour on Monday.")
    assert any(att.cue == "acknowledged" and "delay at the harbour" in att.claim for att in a.attributions)
    b = analyze_claims("Ana Kovac responded to the council's charges in a long letter.")
    assert any(att.cue == "responded" for att in b.attributions)


def test_a_group_view_with_an_object_but_not_a_group_intention(analyze_claims):
    a = analyze_claims("Most voters in Vestmark prefer the harbour plan.")
    assert any(att.kind == "belief" and "harbour plan" in att.claim for att in a.attributions)
    b = analyze_claims("The people of Harrowgate want to leave the camp.")
    assert not b.attributions


def test_two_conjoined_cues_give_two_claims(analyze_claims):
    a = analyze_claims("Ana Kovac confirmed the delay and urged the council to scrap the toll.")
    cues = {att.cue for att in a.attributions}
    assert {"confirmed", "urged"} <= cues


def test_a_trailing_saying_is_its_own_claim(analyze_claims):
    a = analyze_claims("Ivo Marek praised the harbour plan, saying it would bring new jobs to Vestmark.")
    praised = next(att for att in a.attributions if att.cue == "praised")
    assert "new jobs" not in praised.claim
    assert any(att.cue == "saying" and "new jobs" in att.claim for att in a.attributions)


def test_a_clause_right_after_said_wins_over_one_hung_before_the_speaker(analyze_claims):
    text = "Inside the hall – which looks like a barn – John Peters said he would rebuild the pier."
    a = analyze_claims(text)
    att = next(att for att in a.attributions if att.cue == "said")
    assert "rebuild the pier" in att.claim and "barn" not in att.claim
    b = analyze_claims("The rebels seized the town of Harrowgate, local residents said on Monday, in a blow.")
    said = next(att for att in b.attributions if att.cue == "said")
    assert "seized the town" in said.claim


def test_a_participle_hung_on_the_reported_clause_is_its_own_claim(analyze_claims):
    a = analyze_claims("John Peters said the pier would close in May, adding that the ferry would stop too.")
    said = next(att for att in a.attributions if att.cue == "said")
    assert "pier would close" in said.claim and "ferry" not in said.claim


def test_called_with_a_quoted_label(analyze_claims):
    a = analyze_claims("John Peters called the harbour vote “rigged” in a post on Tuesday.")
    assert any(att.cue == "called" for att in a.attributions)


def test_a_participle_after_a_passive_belongs_to_its_subject(analyze_claims):
    a = analyze_claims("Mary Collins was booed by the crowd after telling them that the pier would close.")
    att = next(att for att in a.attributions if att.cue == "telling")
    assert "Collins" in att.speaker


def test_citing_a_reason_keeps_the_speaker(analyze_claims):
    reason = analyze_claims(
        "Hale defended the plan to raise the number of permits, citing Norway's efforts to attract engineers."
    )
    assert [a.speaker for a in reason.attributions if a.cue == "defended"] == ["Hale"]
    source = analyze_claims("Prices at the port rose sharply, the agency said, citing officials at the port.")
    said = [a for a in source.attributions if a.cue == "said"]
    assert said and "officials" in (said[0].speaker or "") and said[0].via


def test_called_with_a_participle_on_the_object_before_the_label(analyze_claims):
    a = analyze_claims('In October, Dahl called those pushing for more troops "fools" who never served.')
    called = find(a, "fools")
    assert called.speaker == "Dahl" and called.cue == "called"
