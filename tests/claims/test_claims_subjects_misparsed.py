"""Speakers the parser hangs in the wrong place (a quoted word, a phrase after a comma, an
aside between commas, a relative clause), colon quotations inside a paragraph, cried quotations,
and which claims inside claims are kept. Sentences written for these tests."""

from __future__ import annotations

from eventwire.claims.nesting import distinct, link_nested, reported_statements_only
from eventwire.models import Attribution

from .helpers import by_cue


def test_a_word_of_the_quotation_is_not_the_subject(analyze_claims):
    a = analyze_claims(
        "Runa Dahl runs a bakery on the quay.\n\n"
        "“Bread,” said Dahl, a member of the traders' guild. “Bread and a dry road.”"
    )
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Runa Dahl" and "Bread" in said[0].claim


def test_a_speaker_hung_on_the_quotation_after_a_comma(analyze_claims):
    a = analyze_claims(
        "“The pumps are failing and the crews are exhausted,” an engineer at the plant, who was not "
        "allowed to speak publicly, told the Vestby Courier."
    )
    told = by_cue(a, "told")
    assert told and "engineer" in (told[0].speaker or "")
    assert "pumps are failing" in told[0].claim


def test_an_inverted_speaker_the_parser_gave_to_the_next_clause(analyze_claims):
    a = analyze_claims(
        "“I will not resign over a rumour, so let it go,” said harbour master Lene Sund, asked about "
        "the report that she would step down."
    )
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Lene Sund" and "resign over a rumour" in said[0].claim


def test_a_name_and_a_colon_inside_a_paragraph_introduce_a_quotation(analyze_claims):
    a = analyze_claims(
        "The count ran late into the night. More from Oskar Vinter and Mia Lund: “Turnout in the "
        "northern wards was the highest we have recorded since the war.”"
    )
    colon = by_cue(a, ":")
    assert colon and colon[0].speaker in ("Mia Lund", "Oskar Vinter and Mia Lund")
    assert colon[0].claim.startswith("“Turnout")


def test_the_listener_of_told_before_a_colon_is_not_the_speaker(analyze_claims):
    a = analyze_claims("Farmer Ivo Brandt told the Vestby Courier: “The river took half my fields.”")
    assert {x.speaker for x in a.attributions} == {"Ivo Brandt"}


def test_an_exclamation_cried_after_any_verb_is_what_was_cried(analyze_claims):
    a = analyze_claims("As the mayor left the hall, her old friends jeered, “Fix the road first!”")
    assert ("her old friends", "“Fix the road first!”") in {(x.speaker, x.claim) for x in a.attributions}


def test_a_quoted_label_that_is_not_an_exclamation_is_no_claim(analyze_claims):
    a = analyze_claims("The minister touted “historic” growth figures at the fair.")
    assert not any("historic" in x.claim and x.claim.startswith("“") for x in a.attributions)


def test_a_close_apposition_names_the_speaker(analyze_claims):
    a = analyze_claims(
        "The Vestby Courier columnist Hanne Moe wrote on Sunday that the ferry plan had failed."
    )
    wrote = by_cue(a, "wrote")
    assert wrote and wrote[0].speaker == "Hanne Moe"


def test_a_trailing_stance_participle_ends_the_claim(analyze_claims):
    a = analyze_claims(
        "Councillor Pia Holt conceded that the budget would have to be cut, citing the fall in port fees."
    )
    conceded = by_cue(a, "conceded")
    assert conceded and "citing" not in conceded[0].claim


def test_an_aside_between_commas_names_the_speaker_after_the_verb(analyze_claims):
    # two parses: the speaker as the clause's subject, or as a second subject of the cue
    for text, who, first, last in (
        (
            "Any fair reading of the treaty, said Paul Brenner, a jurist at the Lund Institute, would "
            "treat it as binding.",
            "Paul Brenner",
            "Any fair reading",
            "as binding",
        ),
        (
            "The new levy, said the finance minister, would hurt exporters.",
            "finance minister",
            "The new levy",
            "exporters",
        ),
    ):
        said = by_cue(analyze_claims(text), "said")
        assert said and said[0].speaker == who, (text, said)
        assert said[0].claim.startswith(first) and said[0].claim.endswith(last), said[0].claim
    # a subject before the cue and no closing comma after the next phrase: no aside
    plain = analyze_claims(
        "County chairman Ivo Lund, for example, said the mayor's visit to Vestby — the region's biggest "
        "market — last Friday would earn her wide coverage."
    )
    said = by_cue(plain, "said")
    assert said and said[0].speaker == "Ivo Lund" and said[0].claim.startswith("the mayor's visit")


def test_a_relative_clause_after_the_speaker_is_not_the_claim(analyze_claims):
    a = analyze_claims(
        "Ana Berg, whose latest firm helps bakers find suppliers, said the mayor was a candidate "
        "in the spirit of the valley."
    )
    said = by_cue(a, "said")
    assert said and said[0].speaker == "Ana Berg"
    assert said[0].claim.startswith("the mayor was a candidate") and "suppliers" not in said[0].claim


def test_a_person_noun_with_a_name_in_apposition_gives_the_name(analyze_claims):
    one = analyze_claims("On a radio show Tuesday, his wife, Jane, called for an open primary.")
    assert [a.speaker for a in by_cue(one, "called")] == ["Jane"]
    # plural: the description stays (the names are a list)
    two = analyze_claims("Two objectors, Ann Berg and Ivo Lund, argued that the ballot was invalid.")
    assert [a.speaker for a in by_cue(two, "argued")] == ["Two objectors"]


def test_who_after_a_name_and_its_role_points_to_the_name(analyze_claims):
    a = analyze_claims(
        "“We are ready,” said Scott Moe, the chamber's chief strategist, who added that his group "
        "plans to focus on local races."
    )
    assert [x.speaker for x in by_cue(a, "added")] == ["Scott Moe"]


def test_a_clause_read_as_an_object_with_a_relative_clause_is_the_claim(analyze_claims):
    a = analyze_claims("Hale says the rise in rents that the mayor decries also hurts the young.")
    says = by_cue(a, "says")
    assert says and says[0].speaker == "Hale" and says[0].claim.endswith("hurts the young")
    # a plain object stays no claim of "say"
    assert not analyze_claims("Hale said a short prayer that morning.").attributions


def test_a_cue_joined_to_the_quotations_verb_keeps_the_speaker_named_after_it(analyze_claims):
    # the parser makes "told" a conjunct of the quotation's verb, whose subject ("I") lies inside
    # the quotation, and hangs the closing quotation mark on the speaker
    a = analyze_claims(
        '"Had the bank waited a month, I would have been paying the loan for a long time," '
        "Mr. Olsen, now 81 and retired in Bergen, told the paper on Friday."
    )
    told = by_cue(a, "told")
    assert told and "Olsen" in (told[0].speaker or "") and "paying the loan" in told[0].claim


def test_a_that_clause_after_an_aside_is_the_claim_even_in_the_passive(analyze_claims):
    # the parser reads "that ..." as a relative clause of "show"
    for text, speaker, claim in (
        (
            "Tor Vik said on a late-night show, where he is a weekly panelist, that the report "
            "should be published in full.",
            "Tor Vik",
            "the report should be published in full",
        ),
        (
            "Siv Aune said on a talk show, where she now works as a commentator, that Holm should "
            "be removed from office.",
            "Siv Aune",
            "Holm should be removed from office",
        ),
    ):
        said = by_cue(analyze_claims(text), "said")
        assert said and said[0].speaker == speaker and said[0].claim == claim


def test_a_relative_clause_on_what_the_subject_is_speaks_for_the_subject(analyze_claims):
    a = analyze_claims(
        "Lund is a serial liar, bully and coward who has repeatedly pledged to close the port."
    )
    pledged = by_cue(a, "pledged")
    assert pledged and pledged[0].speaker == "Lund"
    # a relative clause on an object still speaks for the object
    a = analyze_claims("The council hired a lawyer who says the contract is void.")
    says = by_cue(a, "says")
    assert says and says[0].speaker == "lawyer"


def test_whose_views_are_the_views_of_the_name_the_clause_describes(analyze_claims):
    a = analyze_claims(
        "Lund, whose harsh views on fishing quotas have angered even members of his own party, "
        "spoke on Monday."
    )
    views = by_cue(a, "views")
    assert views and views[0].speaker == "Lund"
    assert all((x.speaker or "").lower() != "whose" for x in a.attributions)


def test_that_said_is_a_discourse_marker_not_a_speaker(analyze_claims):
    a = analyze_claims("That said, the minister also argued that the bridge was safe.")
    assert not by_cue(a, "said")
    argued = by_cue(a, "argued")
    assert argued and "minister" in (argued[0].speaker or "")


def _att(start, end, speaker, kind="speech"):
    return Attribution(claim="x" * (end - start), start=start, end=end, speaker=speaker, kind=kind)


def test_inside_a_claim_only_someone_elses_statement_stays():
    outer = _att(0, 100, "Ana Kovac")
    other = _att(10, 40, "Ivo Marek")  # "Kovac said that Marek denied ..."
    belief = _att(50, 70, "the council", kind="belief")  # "... that the council wants ..."
    own = _att(75, 95, "Kovac")  # her own second cue
    atts = [outer, other, belief, own]
    link_nested(atts)
    kept = reported_statements_only(atts)
    assert kept == [outer, other]


def test_one_claim_per_span_and_speaker():
    a, b, c = _att(0, 10, "Ana Kovac"), _att(0, 10, "ana kovac"), _att(0, 10, "Ivo Marek")
    assert distinct([a, b, c]) == [a, c]
