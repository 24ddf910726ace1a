"""Date expressions resolved against a publication date (sentences written for these tests)."""

from __future__ import annotations

import pytest

from eventwire.time import find_dates, resolve_date

SUNDAY = "2018-07-01"  # a Sunday


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Saturday", ("2018-06-30", "day")),
        ("on Sunday", ("2018-07-01", "day")),
        ("last Sunday", ("2018-06-24", "day")),
        ("late on Monday", ("2018-06-25", "day")),
        ("yesterday", ("2018-06-30", "day")),
        ("earlier today", ("2018-07-01", "day")),
        ("Sept. 6", ("2017-09-06", "day")),  # after publication -> the previous year
        ("June 12", ("2018-06-12", "day")),
        ("on 4 April", ("2018-04-04", "day")),
        ("since late July", ("2017-07", "month")),
        ("in early May", ("2018-05", "month")),
        ("back in 2016", ("2016", "year")),
        ("a 2012 offensive", ("2012", "year")),
        ("a few months ago", ("2018", "year")),
        ("last year", ("2017", "year")),
        ("earlier this month", ("2018-07", "month")),
        ("last month", ("2018-06", "month")),
        ("in recent days", ("2018-07-01", "week")),
        ("over the past two days", ("2018-07-01", "week")),
        ("three days ago", ("2018-06-28", "day")),
        ("March 3, 2015", ("2015-03-03", "day")),
        ("14 February 2019", ("2019-02-14", "day")),
        ("September 2014", ("2014-09", "month")),
    ],
)
def test_resolves_against_publication_date(expression, expected):
    assert resolve_date(expression, SUNDAY) == expected


@pytest.mark.parametrize(
    "expression", ["on Saturday", "yesterday", "a few months ago", "Sept. 6", "in recent days"]
)
def test_relative_expressions_stay_unresolved_without_publication_date(expression):
    assert resolve_date(expression, None) == (None, "unknown")


def test_absolute_dates_resolve_without_publication_date():
    assert resolve_date("on 9 March 2021", None) == ("2021-03-09", "day")
    assert resolve_date("since 2011", None) == ("2011", "year")


def test_anchor_resolves_same_day_references():
    # "earlier in the day" refers to the day named before it, not to publication
    assert resolve_date("Earlier in the day", SUNDAY, anchor="2018-06-30") == ("2018-06-30", "day")
    assert resolve_date("the next day", SUNDAY, anchor="2018-06-20") == ("2018-06-21", "day")
    assert resolve_date("the next day", SUNDAY) == (None, "unknown")


def test_month_names_are_not_confused_with_verbs():
    assert find_dates("Troops may march on the town if talks fail.", SUNDAY) == []


def test_a_month_never_becomes_a_day():
    date, precision = resolve_date("in late August", SUNDAY)
    assert (date, precision) == ("2017-08", "month")


def test_offsets_point_into_the_text():
    text = "Fighting resumed on Friday near the airport, officials said."
    [mention] = find_dates(text, SUNDAY, offset=100)
    assert text[mention.start - 100 : mention.end - 100] == "on Friday"
    assert mention.date == "2018-06-29"


def test_rules_skipped_for_want_of_their_words_find_nothing_they_would_have():
    # each rule is tried only on a text holding one of its words (time/resolve.py _NEEDS);
    # a check that skipping never loses a date a rule would have found
    from eventwire.time import resolve as R

    texts = [
        "Fighting resumed on 3 Sept. 2023 and again late on Friday night, two weeks ago.",
        "Troops withdrew earlier this month; a year ago they held the town since mid-March.",
        "The deal, signed in 2019, lapsed the previous day and talks resume tomorrow.",
    ]
    for text in texts:
        low = text.lower()
        for rx, func, _ in R._RULES:
            need = R._NEEDS.get(func.__name__, ())
            if rx.search(text):
                assert not need or any(n in low for n in need), func.__name__
