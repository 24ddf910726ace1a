"""Date expressions in news text, resolved against the publication date.

``find_dates(text, published)`` finds expressions ("on Saturday", "Sept. 6", "since late
July", "back in 2018", "a few months ago", "in recent days") and resolves each to an ISO
date string with a precision in the spirit of ACLED's time_precision:

- ``day``   — "YYYY-MM-DD", the day is known;
- ``week``  — "YYYY-MM-DD", the latest day of a span of a few days ("in recent days");
- ``month`` — "YYYY-MM";
- ``year``  — "YYYY";
- ``unknown`` — no date.

Rules that keep the output honest: a day is never invented (a month stays a month); with
no publication date, relative expressions ("on Saturday", "yesterday", "a few months ago")
stay unresolved, and so do month-and-day dates without a year. ``anchor`` (the latest day
already named in the article) resolves "earlier in the day" / "the next day".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

DAY, WEEK, MONTH, YEAR, UNKNOWN = "day", "week", "month", "year", "unknown"

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2,
}  # fmt: skip

# Month names are matched capitalised only, so the modal "may" and the verb "march" never count.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Sept|Aug|Oct|Nov|Dec|Jan|Feb)"
)
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEARNUM = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?P<part>early|late|mid-?|the end of|the beginning of|the start of|the middle of)"
_NUM = r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of)"
_FEW = r"(?P<few>a few|few|several|some|many|a number of)"


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text, with offsets and its resolution."""

    start: int
    end: int
    text: str
    date: str | None
    precision: str
    relative: bool  # resolved from the publication date or an anchor, not stated outright


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_num(token: str) -> int:
    return MONTHS[token.rstrip(".").casefold()]


def _count(token: str) -> int:
    token = token.casefold()
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token, 1)


PART_DAY = {
    "early": 1,
    "the beginning of": 1,
    "the start of": 1,
    "mid": 10,
    "mid-": 10,
    "the middle of": 10,
    "late": 20,
    "the end of": 20,
}


def _infer_year(month: int, day: int | None, pub: dt.date, part: str | None = None) -> int:
    """The year that puts a month(-day) on or shortly before publication."""
    year = pub.year
    if day is not None:
        candidate, slack = _safe_date(year, month, day), 7
    else:
        candidate, slack = _safe_date(year, month, PART_DAY.get((part or "").casefold(), 1)), 0
    # News reports past events: a date after publication belongs to last year (a week's
    # slack for days, since reports announce dates just ahead).
    if candidate and candidate > pub + dt.timedelta(days=slack):
        year -= 1
    return year


Resolved = tuple[str | None, str]
Rule = tuple[re.Pattern[str], Callable[[re.Match[str], dt.date | None, dt.date | None], Resolved], bool]

_RULES: list[Rule] = []


def _rule(pattern: str, relative: bool, flags: int = 0):
    def deco(func):
        _RULES.append((re.compile(rf"(?<![\w-]){pattern}(?![\w-])", flags), func, relative))
        return func

    return deco


def _day(d: dt.date | None, precision: str = DAY) -> Resolved:
    return (d.isoformat(), precision) if d else (None, UNKNOWN)


def _month_of(d: dt.date) -> Resolved:
    return f"{d.year:04d}-{d.month:02d}", MONTH


@_rule(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)", False)
def _iso(m, pub, anchor):
    return _day(_safe_date(int(m["y"]), int(m["m"]), int(m["d"])))


@_rule(rf"{_DAYNUM}\s+(?:of\s+)?{_MONTH},?\s+{_YEARNUM}", False)
def _day_month_year(m, pub, anchor):
    return _day(_safe_date(int(m["year"]), _month_num(m["month"]), int(m["day"])))


@_rule(rf"{_MONTH}\s+{_DAYNUM},?\s+{_YEARNUM}", False)
def _month_day_year(m, pub, anchor):
    return _day(_safe_date(int(m["year"]), _month_num(m["month"]), int(m["day"])))


@_rule(rf"{_MONTH}\s+{_DAYNUM}(?!\s*,?\s*\d)", True)
def _month_day(m, pub, anchor):
    if pub is None:
        return None, UNKNOWN
    month, day = _month_num(m["month"]), int(m["day"])
    return _day(_safe_date(_infer_year(month, day, pub), month, day))


@_rule(rf"{_DAYNUM}\s+(?:of\s+)?{_MONTH}(?!\s*,?\s*\d)", True)
def _day_month(m, pub, anchor):
    return _month_day(m, pub, anchor)


@_rule(
    rf"(?:(?:in|since|during|until|by|from|through|throughout)\s+)?(?:{_PART}[\s-]+)?{_MONTH},?\s+(?:of\s+)?{_YEARNUM}",
    False,
)
def _month_year(m, pub, anchor):
    return f"{int(m['year']):04d}-{_month_num(m['month']):02d}", MONTH


@_rule(rf"(?:(?:in|since|during|until|by|from|through|throughout|of)\s+)?{_PART}[\s-]+{_MONTH}", True)
def _part_month(m, pub, anchor):
    if pub is None:
        return None, UNKNOWN
    month = _month_num(m["month"])
    return f"{_infer_year(month, None, pub, m['part']):04d}-{month:02d}", MONTH


@_rule(rf"(?P<prep>in|since|during|until|by|from|through|throughout|last|this)\s+{_MONTH}", True)
def _prep_month(m, pub, anchor):
    if pub is None:
        return None, UNKNOWN
    month = _month_num(m["month"])
    year = _infer_year(month, None, pub)
    if m["prep"] == "last" and year == pub.year and month >= pub.month:
        year -= 1
    return f"{year:04d}-{month:02d}", MONTH


@_rule(rf"(?:(?P<mod>last|this|next|on|late on|early on|late|early)\s+)?{_WEEKDAY}", True, re.IGNORECASE)
def _weekday(m, pub, anchor):
    if pub is None or not m["weekday"][0].isupper():
        return None, UNKNOWN
    target = WEEKDAYS.index(m["weekday"].casefold())
    back = (pub.weekday() - target) % 7
    mod = (m["mod"] or "").casefold()
    if mod == "next":
        return _day(pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7))
    if mod == "last" and back == 0:
        back = 7
    return _day(pub - dt.timedelta(days=back))


@_rule(r"(?:earlier |later )?today|this (?:morning|afternoon|evening)|tonight|overnight", True, re.IGNORECASE)
def _today(m, pub, anchor):
    return _day(pub)


@_rule(r"yesterday(?: (?:morning|afternoon|evening))?|last night", True, re.IGNORECASE)
def _yesterday(m, pub, anchor):
    return _day(pub - dt.timedelta(days=1) if pub else None)


@_rule(r"tomorrow", True, re.IGNORECASE)
def _tomorrow(m, pub, anchor):
    return _day(pub + dt.timedelta(days=1) if pub else None)


@_rule(
    r"(?:earlier|later) (?:in|on) the day|(?:earlier|later) that day"
    r"|the same day|that same day|on the same day",
    True,
    re.IGNORECASE,
)
def _same_day(m, pub, anchor):
    return _day(anchor or pub)


@_rule(r"the (?:day before|previous day)|a day earlier", True, re.IGNORECASE)
def _day_before(m, pub, anchor):
    base = anchor or pub
    return _day(base - dt.timedelta(days=1) if base else None)


@_rule(r"the (?:next|following) day|a day later", True, re.IGNORECASE)
def _day_after(m, pub, anchor):
    return _day(anchor + dt.timedelta(days=1) if anchor else None)


@_rule(rf"{_NUM} days? ago", True, re.IGNORECASE)
def _n_days_ago(m, pub, anchor):
    return _day(pub - dt.timedelta(days=_count(m["num"])) if pub else None)


@_rule(
    r"in (?:the )?recent days|(?:in|over|during) the (?:past|last) (?:few |couple of |several |\w+ )?days"
    r"|(?:a few|several|some) days ago|days ago|(?:earlier )?this week|in the last few days",
    True,
    re.IGNORECASE,
)
def _recent_days(m, pub, anchor):
    # "the publication date or the latest day named": the span ends on the day of the report.
    return _day(pub, WEEK)


@_rule(r"last week|a week ago|the previous week|the past week", True, re.IGNORECASE)
def _last_week(m, pub, anchor):
    return _day(pub - dt.timedelta(days=7) if pub else None, WEEK)


@_rule(rf"{_NUM} weeks ago", True, re.IGNORECASE)
def _n_weeks_ago(m, pub, anchor):
    return _day(pub - dt.timedelta(days=7 * _count(m["num"])) if pub else None, WEEK)


@_rule(
    rf"{_FEW} weeks ago|in (?:the )?recent weeks"
    r"|(?:in|over|during) the (?:past|last) (?:few |several )?weeks",
    True,
    re.IGNORECASE,
)
def _recent_weeks(m, pub, anchor):
    return _month_of(pub - dt.timedelta(days=14)) if pub else (None, UNKNOWN)


@_rule(r"(?:earlier |so far |later )?this month", True, re.IGNORECASE)
def _this_month(m, pub, anchor):
    return _month_of(pub) if pub else (None, UNKNOWN)


@_rule(r"last month|a month ago|the previous month", True, re.IGNORECASE)
def _last_month(m, pub, anchor):
    return _month_of(pub.replace(day=1) - dt.timedelta(days=1)) if pub else (None, UNKNOWN)


@_rule(
    rf"(?:{_FEW}|{_NUM}) months ago|in (?:the )?recent months"
    r"|(?:in|over|during) the (?:past|last) (?:few |several |\w+ )?months",
    True,
    re.IGNORECASE,
)
def _months_ago(m, pub, anchor):
    if pub is None:
        return None, UNKNOWN
    months = _count(m["num"]) if m["num"] else 3
    back = pub - dt.timedelta(days=30 * months)
    # "A few months ago" does not fix a month; the year is what a coder can stand behind.
    return f"{back.year:04d}", YEAR


@_rule(r"(?:earlier |so far |later )?this year", True, re.IGNORECASE)
def _this_year(m, pub, anchor):
    return (f"{pub.year:04d}", YEAR) if pub else (None, UNKNOWN)


@_rule(r"last year|a year ago|the previous year", True, re.IGNORECASE)
def _last_year(m, pub, anchor):
    return (f"{pub.year - 1:04d}", YEAR) if pub else (None, UNKNOWN)


@_rule(rf"{_NUM} years ago", True, re.IGNORECASE)
def _n_years_ago(m, pub, anchor):
    return (f"{pub.year - _count(m['num']):04d}", YEAR) if pub else (None, UNKNOWN)


@_rule(
    rf"(?:(?:back |as early as |as late as )?(?:in|since|during|until|by|from|throughout|of|early|late|mid-?|"
    rf"the end of|the beginning of|the start of)\s+){_YEARNUM}(?!\s*-\s*\d)",
    False,
    re.IGNORECASE,
)
def _prep_year(m, pub, anchor):
    return m["year"], YEAR


@_rule(rf"(?:a|the|an)\s+{_YEARNUM}(?=\s+[a-z])", False, re.IGNORECASE)
def _adjectival_year(m, pub, anchor):
    return m["year"], YEAR


# What each rule's match must contain (lower-cased substrings): a rule is tried only on a text
# holding one of them, so most rules skip most sentences. Rules not listed are always tried.
_DIGITS = tuple("0123456789")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDS: dict[str, tuple[str, ...]] = {
    "_iso": _DIGITS,
    **dict.fromkeys(
        ("_day_month_year", "_month_day_year", "_month_day", "_day_month", "_month_year", "_part_month",
         "_prep_month"),
        _MONTHS,
    ),
    "_weekday": ("day",),
    "_today": ("day", "morning", "afternoon", "evening", "night"),
    "_yesterday": ("yesterday", "night"),
    "_tomorrow": ("tomorrow",),
    **dict.fromkeys(("_same_day", "_day_before", "_day_after", "_n_days_ago"), ("day",)),
    "_recent_days": ("day", "week"),
    **dict.fromkeys(("_last_week", "_n_weeks_ago", "_recent_weeks"), ("week",)),
    **dict.fromkeys(("_this_month", "_last_month", "_months_ago"), ("month",)),
    **dict.fromkeys(("_this_year", "_last_year", "_n_years_ago"), ("year",)),
    **dict.fromkeys(("_prep_year", "_adjectival_year"), _DIGITS),
}  # fmt: skip


def find_dates(
    text: str, published: str | None = None, anchor: str | None = None, offset: int = 0
) -> list[DateMention]:
    """Date expressions in ``text`` (offsets shifted by ``offset``), longest first, no overlaps."""
    pub, anc = _parse_iso(published), _parse_iso(anchor)
    low = text.lower()
    found: list[tuple[int, int, str, Resolved, bool]] = []
    for rx, func, relative in _RULES:
        need = _NEEDS.get(func.__name__)
        if need is not None and not any(n in low for n in need):
            continue
        for m in rx.finditer(text):
            found.append((m.start(), m.end(), m.group(0), func(m, pub, anc), relative))
    # Equal lengths: a stated date beats one resolved from the publication date.
    found.sort(key=lambda f: (-(f[1] - f[0]), f[4], f[0]))
    chosen: list[tuple[int, int, str, Resolved, bool]] = []
    for f in found:
        if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
            chosen.append(f)
    chosen.sort()
    return [DateMention(s + offset, e + offset, t, r[0], r[1], rel) for s, e, t, r, rel in chosen]


def resolve_date(
    expression: str, published: str | None = None, anchor: str | None = None
) -> tuple[str | None, str]:
    """``(date, precision)`` for one expression; ``(None, "unknown")`` when it cannot be resolved."""
    mentions = find_dates(expression, published, anchor)
    if not mentions:
        return None, UNKNOWN
    best = max(mentions, key=lambda d: d.end - d.start)
    return best.date, best.precision
