"""Where one claim ends and the next begins, and cues framed by quotations, headlines, topics and
subjects the tagger misses. Sentences written for these tests."""

from __future__ import annotations

from eventwire.claims.context import GIVEN_NAMES


def claims(analysis) -> dict[str, tuple[str | None, str]]:
    """cue -> (speaker, claim) for the claims of one analysis."""
    return {a.cue: (a.speaker, a.claim) for a in analysis.attributions}


def test_a_stance_then_a_label_then_a_tweet_are_three_claims(analyze_claims):
    a = analyze_claims(
        "Nadia Brekke blasted the harbour board at a rally, calling its chair “a careless steward,” "
        "and then posted that the board was “finished.”"
    )
    got = claims(a)
    assert "blasted" in got and "calling" in got and "posted" in got
    assert "calling" not in got["blasted"][1] and "posted" not in got["blasted"][1]
    assert got["posted"][0] == "Nadia Brekke" and "finished" in got["posted"][1]


def test_a_second_speech_verb_inside_the_first_clause_is_its_own_claim(analyze_claims):
    a = analyze_claims(
        "Tomas Lindqvist said the tolls had hurt local traders and predicted that the bridge would "
        "close within a year."
    )
    got = claims(a)
    assert got["said"] == ("Tomas Lindqvist", "the tolls had hurt local traders")
    assert got["predicted"] == ("Tomas Lindqvist", "the bridge would close within a year")


def test_conjoined_said_hung_on_the_first_clause_keeps_the_speaker(analyze_claims):
    a = analyze_claims(
        "He said the new ferry had given the island hope and said that the mainland owed it a road."
    )
    said = [x for x in a.attributions if x.cue == "said"]
    assert len(said) == 2 and all(x.speaker == "He" for x in said)
    assert said[1].claim == "the mainland owed it a road"


def test_a_fronted_time_phrase_or_clause_is_not_what_was_said(analyze_claims):
    a = analyze_claims(
        "Since early spring, the growers and their union have said cutting quotas must come first."
    )
    assert claims(a)["said"][1] == "cutting quotas must come first"
    b = analyze_claims('As the mayor arrived, the crowd chanted, "Open the gates!"')
    assert claims(b)["chanted"][1] == '"Open the gates!"'


def test_quotation_after_said_comma_is_the_claim_and_a_split_quote_is_one(analyze_claims):
    a = analyze_claims(
        'In a statement to reporters, a port authority official said, "We will not discuss the tender."'
    )
    assert claims(a)["said"][1] == '"We will not discuss the tender."'
    b = analyze_claims("“The levy is fair,” Ines Alvaro said, “and it will stay.”")
    assert claims(b)["said"] == ("Ines Alvaro", "“The levy is fair,” Ines Alvaro said, “and it will stay.”")


def test_any_verb_of_a_person_frames_a_quotation_after_a_colon(analyze_claims):
    a = analyze_claims('The mayor smiled: "We have never had a busier summer."')
    assert claims(a)["smiled"] == ("mayor", '"We have never had a busier summer."')
    assert not analyze_claims("He arrived at noon: the crowd cheered.").attributions


def test_made_it_clear_that(analyze_claims):
    a = analyze_claims("Minister Selin Kaya made it clear that the subsidy would not return.")
    assert a.attributions and a.attributions[0].claim == "the subsidy would not return"


def test_called_x_with_the_label_in_quotation_marks(analyze_claims):
    a = analyze_claims("Councillor Ivo Marek called the tender ''a quiet scandal'' on Monday.")
    assert "a quiet scandal" in claims(a)["called"][1]
    b = analyze_claims('She called the depot on Monday and said "We are on our way."')
    assert "called" not in claims(b) and claims(b)["said"][1] == '"We are on our way."'


def test_what_a_speech_verb_is_about_but_not_when_or_where(analyze_claims):
    a = analyze_claims("Hana Novak complained about the delays at the border crossing.")
    assert "the delays" in claims(a)["complained"][1]
    assert not analyze_claims("Residents said on Monday.").attributions
    assert not analyze_claims("He spoke on Friday.").attributions
    # a channel after "on" is not a topic, and a clause before the speaker is the claim
    b = analyze_claims("Shells hit the old market again, the governor wrote on Telegram.")
    assert claims(b)["wrote"][1] == "Shells hit the old market again"


def test_criticism_of_and_attacks_on_as_claims(analyze_claims):
    a = analyze_claims("The senator's criticism of the tariff was muted.")
    assert claims(a)["criticism"] == ("senator", "the tariff")


def test_more_stance_adjectives(analyze_claims):
    a = analyze_claims("Most voters are uneasy about the new quotas.")
    assert claims(a)["uneasy"] == ("Most voters", "the new quotas")


def test_surname_alone_is_a_person_when_named_in_full_before(analyze_claims):
    # the tagger reads neither "Fairweather" nor "Steel" alone as a person here
    for full, last in (("Leo Fairweather", "Fairweather"), ("Mia Steel", "Steel")):
        text = f"{full} chairs the council. {last} championed the new timetable on Monday."
        assert claims(analyze_claims(text))["championed"][0] in (full, last)


def test_noun_subjects_take_stances_but_armed_actors_act(analyze_claims):
    a = analyze_claims("The mayor's office slammed the regional budget on Tuesday.")
    assert "slammed" in claims(a)
    assert not [x for x in analyze_claims("The rebel convoy refused to leave the valley.").attributions]


def test_alleged_in_the_suit_that(analyze_claims):
    a = analyze_claims("Prosecutor Lena Voss alleged in the filing that the firm had hidden its losses.")
    assert claims(a)["alleged"][1] == "the firm had hidden its losses"


def test_a_parenthetical_said_splits_the_claim(analyze_claims):
    a = analyze_claims("The coastal road, the engineer said, will reopen next week.")
    assert claims(a)["said"][1] == "The coastal road, the engineer said, will reopen next week"


def test_headline_name_colon_without_a_tagged_name(analyze_claims):
    a = analyze_claims("Brandvold: The Ferry Line Will Not Be Sold.\n\nThe owner spoke on Monday.")
    assert claims(a)[":"][0] == "Brandvold"
    b = analyze_claims("VESTMARK: Floods cut the coastal road again on Monday, officials said.")
    assert ":" not in claims(b)  # an upper-case dateline is not a speaker


def test_census_given_names_tell_he_from_she():
    assert GIVEN_NAMES["Margaret"] == "female" and GIVEN_NAMES["Robert"] == "male"
    assert "Leslie" not in GIVEN_NAMES  # common for both: never decides a pronoun


def test_quotation_right_after_the_cue_or_its_listener(analyze_claims):
    a = analyze_claims("The marchers chanted “Bread, not bullets!” outside the ministry.")
    assert claims(a)["chanted"][1] == "“Bread, not bullets!”"
    b = analyze_claims("Mayor Ana Kovac took a risk, telling the crowd, “I am a builder like you, folks.”")
    assert claims(b)["telling"] == ("Ana Kovac", "“I am a builder like you, folks.”")
    c = analyze_claims("“The depot is empty,” a customs source, who asked not to be named, told Reuters.")
    assert claims(c)["told"][1] == "“The depot is empty,”"


def test_title_case_headline_with_a_long_name(analyze_claims):
    a = analyze_claims("Vestmark’s Mayor Ana Kovac Backs Harbour Levy.\n\nThe mayor spoke on Monday.")
    att = next(x for x in a.attributions if x.cue == "Backs")
    assert att.speaker.endswith("Ana Kovac") and att.claim == "Harbour Levy"
    assert not [x for x in analyze_claims("The Harbour Reopens After Floods\n\nText.").attributions]


def test_a_quantity_of_places_acts_like_the_places(analyze_claims):
    a = analyze_claims("A row of hill villages welcomed government rule as the front collapsed.")
    assert not [x for x in a.attributions if x.cue == "welcomed"]
