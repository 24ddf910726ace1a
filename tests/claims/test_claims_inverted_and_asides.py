"""Inverted speakers the parser misreads (an object, an adverb, a word of the quotation), cues it
coordinates with the clause they report, labels after "called", split quotations with a
participle, documents an outlet reports on, and names with initials. Sentences written for
these tests."""

from __future__ import annotations

from .helpers import by_cue


def test_an_inverted_speaker_read_as_the_object(analyze_claims):
    a = analyze_claims(
        '"There are more candidates competing in the northern districts," added another Porto Socialist.'
    )
    added = by_cue(a, "added")
    assert added and "Socialist" in (added[0].speaker or "")
    assert "more candidates" in added[0].claim


def test_an_inverted_name_read_as_another_word_class(analyze_claims):
    a = analyze_claims("“It was worth it,” said Kiely, adding that he would return.")
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Kiely" and "worth it" in said[0].claim


def test_a_surname_that_is_also_a_plain_noun(analyze_claims):
    a = analyze_claims(
        "The clinic has raised $2 million for its new wing, and there is strong demand among patients "
        "for more beds, Law said."
    )
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Law" and "raised $2 million" in said[0].claim


def test_a_participle_taken_for_the_subject(analyze_claims):
    a = analyze_claims(
        "Half of the teachers in three counties going to the meeting on Labor Day said "
        "they oppose the merger."
    )
    said = by_cue(a, "said")
    assert said and "teachers" in (said[0].speaker or "") and "oppose the merger" in said[0].claim


def test_a_clause_reported_by_a_later_cue_is_not_its_own_claim(analyze_claims):
    a = analyze_claims(
        "Lisbon did not complain when the harbour fees rose, a Portuguese official said, adding that "
        "the talks would go on."
    )
    said = by_cue(a, "said")
    assert said and "official" in (said[0].speaker or "")
    assert "did not complain" in said[0].claim
    assert not any("official said" in x.claim for x in a.attributions)


def test_a_cue_coordinated_with_the_clause_it_reports(analyze_claims):
    a = analyze_claims(
        "The plan covers a special force to assist Sami herders, Defense Secretary Mark Olsen told a "
        "Senate committee."
    )
    told = by_cue(a, "told")
    assert told and told[0].speaker == "Mark Olsen" and "special force" in told[0].claim


def test_a_coordinated_cue_with_its_own_clause_keeps_it(analyze_claims):
    a = analyze_claims(
        "The monitors say the trucks left at dawn, and if the army wanted to deny it then it should "
        "show the convoy, also the monitors learned that two buses are still inside the town."
    )
    learned = by_cue(a, "learned")
    assert learned and "two buses" in learned[0].claim


def test_a_label_after_a_long_object(analyze_claims):
    a = analyze_claims(
        "In March, Varga called those pushing for a larger deployment in the mountains “reckless” and "
        "urged patience."
    )
    called = by_cue(a, "called")
    assert called and called[0].speaker == "Varga" and "reckless" in called[0].claim


def test_called_with_an_infinitive_is_a_demand(analyze_claims):
    a = analyze_claims("Most recently, Varga called to ban the night rallies in the capital.")
    called = by_cue(a, "called")
    assert called and called[0].speaker == "Varga" and "ban the night rallies" in called[0].claim


def test_a_label_with_a_clause_before_the_speaker(analyze_claims):
    a = analyze_claims("For that she drew the mayor's anger - he called her “naive” in a radio interview.")
    called = by_cue(a, "called")
    assert called and "naive" in called[0].claim and "anger" not in called[0].claim


def test_a_named_speaker_whose_verb_the_parser_hung_on_the_name(analyze_claims):
    a = analyze_claims(
        "Senator Ivo K. Marek, the chamber's most senior member, on Tuesday called the minister's "
        "remarks about the judges ''shameful,'' a rare rebuke."
    )
    called = by_cue(a, "called")
    assert called and called[0].speaker == "Senator Ivo K. Marek" and "shameful" in called[0].claim


def test_a_middle_initial_is_part_of_the_name(analyze_claims):
    a = analyze_claims("Senator Paul K. Marek said the vote would pass by a wide margin.")
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Senator Paul K. Marek" and said[0].organization is None


def test_a_quotation_split_by_a_participle(analyze_claims):
    a = analyze_claims(
        "“It has been a total failure,” Varga said, adding, “Nobody believes it. And frankly, the "
        "ministry knows it.”"
    )
    said, adding = by_cue(a, "said"), by_cue(a, "adding")
    assert said and said[0].claim.startswith("“It has been") and "Nobody" not in said[0].claim
    assert adding and "Nobody believes it" in adding[0].claim and "total failure" not in adding[0].claim


def test_an_opening_quotation_mark_left_on_the_sentence_before(analyze_claims):
    a = analyze_claims(
        "Like his remarks about the court, Mr. Sund said, the attacks were entirely unacceptable. "
        "''This is a place where we have never gone before,'' he said."
    )
    said = by_cue(a, "said")
    assert len(said) == 2
    assert said[0].claim.endswith("unacceptable.") and said[1].claim.startswith("''This is")


def test_a_word_of_the_quotation_taken_for_the_subject_of_a_long_apposition(analyze_claims):
    a = analyze_claims(
        "“Very good engineer, very good engineer this man,” Varga, the party's leading candidate "
        "nationally and the current favourite in the south by a wide margin, said when Sund asked "
        "him a question."
    )
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Varga" and "good engineer" in said[0].claim


def test_a_that_clause_hung_on_a_news_conference(analyze_claims):
    a = analyze_claims(
        "Courted by most of the candidates, Okafor said earlier on Friday during a news conference "
        "that he may wait until the spring to decide whom to back."
    )
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Okafor" and "wait until the spring" in said[0].claim


def test_a_document_an_outlet_reports_on_speaks_for_itself(analyze_claims):
    a = analyze_claims(
        "According to the Guardian, an email was sent from the club's director to its members. "
        "The email said, “We are going to wind down the association.”"
    )
    said = by_cue(a, "said")
    assert said and said[0].speaker != "Guardian" and "wind down" in said[0].claim


def test_a_person_describing_without_as(analyze_claims):
    a = analyze_claims("Ms. Helen Ward described the dire situation the farmers face in the coming harvest.")
    described = by_cue(a, "described")
    assert described and described[0].speaker == "Ms. Helen Ward"


def test_an_apposition_names_the_speaker_after_any_singular_noun(analyze_claims):
    a = analyze_claims("“He deserved it,” the attacker, Tomas Brandt, told a television programme.")
    told = by_cue(a, "told")
    assert told and told[0].speaker == "Tomas Brandt"


def test_a_named_body_wanting_or_planning_to_act_states_an_intention(analyze_claims):
    a = analyze_claims(
        "The Marek campaign wants to address concerns about its fundraising. Mr. Holt's group plans "
        "to demand the resignation of the party chairwoman."
    )
    wants, plans = by_cue(a, "wants"), by_cue(a, "plans")
    assert wants and "campaign" in (wants[0].speaker or "") and wants[0].kind == "belief"
    assert plans and "group" in (plans[0].speaker or "") and "resignation" in plans[0].claim


def test_people_wanting_to_leave_is_not_a_stance(analyze_claims):
    a = analyze_claims("People want to leave the town before the river rises again.")
    assert not by_cue(a, "want")


def test_a_persons_attacks_in_words_but_not_an_armed_attack(analyze_claims):
    a = analyze_claims(
        "Ana Berg praised the mayor on Monday. But Mr. Lund's attacks on him are now routine. "
        "The militia's attack on the town killed five people."
    )
    attacks = by_cue(a, "attacks")
    assert attacks and attacks[0].speaker == "Mr. Lund" and attacks[0].claim == "him"
    assert not by_cue(a, "attack")


def test_a_claim_span_runs_in_text_order_whatever_the_token_order():
    import spacy

    from eventwire.claims.words import _char_span

    doc = spacy.blank("en")("spoke of the malaise and the lack of jobs")
    toks = list(doc[4:]) + list(doc[0:4])
    assert _char_span(toks) == (0, len(doc.text))


def test_a_quotation_after_adding_of_someone_is_the_participles(analyze_claims):
    a = analyze_claims(
        "''We have started all those talks,'' Mr. Brandt said, adding of Ms. Lund, "
        "''She cares about the team.''"
    )
    said, adding = by_cue(a, "said"), by_cue(a, "adding")
    assert said and "started all those talks" in said[0].claim and "cares" not in said[0].claim
    assert adding and "cares about the team" in adding[0].claim


def test_a_clause_opening_with_as_after_the_cue_is_the_occasion(analyze_claims):
    a = analyze_claims('"He did not report the loans," Varga said as some in the hall booed.')
    said = by_cue(a, "said")
    assert said and "report the loans" in said[0].claim and "booed" not in said[0].claim


def test_since_inside_a_that_clause_is_part_of_the_claim(analyze_claims):
    a = analyze_claims(
        "Research suggests that job losses since the turn of the century have deepened the divide."
    )
    suggests = by_cue(a, "suggests")
    assert suggests and "deepened the divide" in suggests[0].claim


def test_what_a_person_tweeted_is_the_claim(analyze_claims):
    a = analyze_claims(
        "Mayor Ana Kovac on Saturday tweeted an image of her rival beside a pile of banknotes."
    )
    tweeted = by_cue(a, "tweeted")
    assert tweeted and tweeted[0].speaker == "Ana Kovac" and "image of her rival" in tweeted[0].claim


def test_numbers_that_do_not_add_up_are_not_an_addition(analyze_claims):
    a = analyze_claims("The figures don't add up, said Ivo Marek, who backs the mayor.")
    assert not by_cue(a, "add")
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Ivo Marek" and "add up" in said[0].claim


def test_responding_by_doing_something_is_an_act(analyze_claims):
    a = analyze_claims("Vestmark responded by closing the border crossing, stranding hundreds of trucks.")
    assert not by_cue(a, "responded")
    a = analyze_claims("The minister responded by saying the report was false.")
    assert any("report was false" in x.claim for x in a.attributions)


def test_a_poll_holds_what_its_respondents_said(analyze_claims):
    a = analyze_claims(
        "In a regional poll released Monday, 31% of farmers said they were extremely worried "
        "about the drought."
    )
    poll = [x for x in a.attributions if x.kind == "evidence"]
    said = by_cue(a, "said")
    assert poll and "poll" in (poll[0].speaker or "") and "31% of farmers said" in poll[0].claim
    assert said and "farmers" in (said[0].speaker or "")


def test_a_programme_title_in_quotation_marks_is_not_the_claim(analyze_claims):
    a = analyze_claims(
        "Mr. Lund said on CBS's ''Face the Nation'' on Sunday that the budget had been cut twice."
    )
    said = by_cue(a, "said")
    assert said and said[0].claim == "the budget had been cut twice"


def test_stock_answers_and_accounts_are_claims(analyze_claims):
    a = analyze_claims(
        "Six in 10 growers said the mayor is honest, and three-quarters said the same of her rival. "
        "Asked if the levy was fair, 46 percent of growers said yes. The ministry told a different story."
    )
    claims = [x.claim for x in a.attributions]
    assert any("the same of her rival" in c for c in claims)
    assert any(c.endswith("yes") for c in claims)
    assert any("different story" in x.claim for x in by_cue(a, "told"))


def test_a_reported_clause_whose_verb_the_parser_read_as_a_participle(analyze_claims):
    a = analyze_claims("In both cases, Ana Lund said, those grants paid for repairs at the harbour school.")
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Ana Lund" and "grants paid for repairs" in said[0].claim


def test_the_same_read_as_a_second_subject_is_still_the_answer(analyze_claims):
    a = analyze_claims("A year ago, 41 percent said the same.")
    said = by_cue(a, "said")
    assert said and said[0].speaker == "41 percent" and said[0].claim.endswith("the same")
