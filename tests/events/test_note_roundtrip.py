"""Round trip: an event eventwire writes as a note, read back by eventwire, is the same event.

A property test over generated events (seeded, so failures repeat): every ACLED sub-type,
countries on five continents, the generic actors of each country and the named groups the
dictionary lists for it, dates of day / week / month precision. Each event's note
(``make_note``) is analyzed as a one-sentence article published a few days later; among
the events read back one must have the same type, sub-type, actor1, actor2, place and date.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

import pytest

from eventwire.actors.dictionary import NON_STATE_ARMED, load_dictionary
from eventwire.eval.events import actor_matches, date_matches
from eventwire.events.notes import make_note
from eventwire.models import Article, Event
from eventwire.pipeline import Pipeline

SEED = 16
N_EVENTS = 240
# (town or city, ISO2): places in many countries, chosen by us; each is resolved by eventwire
# first, and the event is coded at the place eventwire resolves it to.
PLACES = [
    ("Bamako", "ML"), ("Gao", "ML"), ("Niamey", "NE"), ("Ouagadougou", "BF"), ("Maiduguri", "NG"),
    ("Kano", "NG"), ("Mogadishu", "SO"), ("Kismayo", "SO"), ("Khartoum", "SD"), ("Juba", "SS"),
    ("Goma", "CD"), ("Bangui", "CF"), ("Maputo", "MZ"), ("Nairobi", "KE"), ("Mekele", "ET"),
    ("Aden", "YE"), ("Mosul", "IQ"), ("Aleppo", "SY"), ("Benghazi", "LY"), ("Kabul", "AF"),
    ("Peshawar", "PK"), ("Mandalay", "MM"), ("Dhaka", "BD"), ("Manila", "PH"), ("Kharkiv", "UA"),
    ("Medellin", "CO"), ("Culiacan", "MX"), ("Lima", "PE"), ("Caracas", "VE"), ("Port-au-Prince", "HT"),
    ("Tbilisi", "GE"), ("Belgrade", "RS"), ("Lome", "TG"), ("Yaounde", "CM"), ("Bujumbura", "BI"),
]  # fmt: skip
SUB_TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Grenade",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}  # fmt: skip
# sub-type -> (roles actor1 may take, roles actor2 may take; None = no actor2)
ROLES = {
    "Armed clash": (["state", "group", "unidentified"], ["state", "group"]),
    # territory changes hands between two sides: eventwire always names the side that lost it
    "Government regains territory": (["state"], ["group", "opposition"]),
    "Non-state actor overtakes territory": (["group"], ["state"]),
    "Chemical weapon": (["state"], ["civilians", None]),
    "Air/drone strike": (["state"], ["civilians", "group", None]),
    "Suicide bomb": (["group"], ["civilians", "state", None]),
    "Shelling/artillery/missile attack": (["state", "group"], ["civilians", None]),
    "Remote explosive/landmine/IED": (["group", "unidentified"], ["civilians", "state", None]),
    "Grenade": (["group", "unidentified"], ["civilians", "police", None]),
    "Sexual violence": (["group", "unidentified", "state"], ["civilians"]),
    "Attack": (["group", "unidentified", "state"], ["civilians"]),
    "Abduction/forced disappearance": (["group", "unidentified"], ["civilians"]),
    "Peaceful protest": (["protesters"], [None]),
    "Protest with intervention": (["protesters"], ["police"]),
    "Excessive force against protesters": (["protesters"], ["police", "state"]),
    "Violent demonstration": (["rioters"], [None, "police"]),
    "Mob violence": (["rioters"], ["civilians"]),
    "Agreement": (["state"], ["group", "opposition"]),
    "Arrests": (["police", "state"], ["civilians", "protesters"]),
    "Change to group/activity": (["state", "group"], [None]),
    "Disrupted weapons use": (["state"], ["group", "opposition"]),  # state side vs armed side
    "Headquarters or base established": (["group", "state"], [None]),
    "Looting/property destruction": (["group", "unidentified", "rioters"], ["civilians", None]),
    "Non-violent transfer of territory": (["state"], ["group", "opposition"]),
    "Other": (["state"], ["group", None]),
}
GENERIC = {"state": "state", "police": "police", "civilians": "civilians", "protesters": "protesters",
           "rioters": "rioters", "unidentified": "unidentified", "opposition": "opposition"}  # fmt: skip


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline().initialize()


@pytest.fixture(scope="module")
def places(pipeline) -> list[tuple[str, str | None, str]]:
    """(location, admin1, country) as eventwire resolves each of PLACES."""
    out = []
    for name, country in PLACES:
        text = f"On 2 May 2023, fighting was reported in {name}."
        analysis = pipeline.analyze(Article(id="p", text=text, published="2023-05-03", language="en"))
        resolved = [e for e in analysis.events if (e.country or "").upper() == country]
        if resolved:
            out.append((resolved[0].location, resolved[0].admin1, country))
    assert len(out) >= 25, "too few test places resolve"
    return out


def _actor(role: str, country: str, date: str, rng: random.Random) -> str | None:
    d = load_dictionary()
    if role == "group":
        groups = _groups(country, date)
        if groups:
            return rng.choice(groups)
        role = "opposition"
    return d.role_actor(GENERIC[role], country, date)[0]


@cache
def _groups(country: str, date: str) -> list[str]:
    """Named armed groups the dictionary lists for ``country``, as named on ``date``."""
    d = load_dictionary()
    names = set()
    for lineage in d.entries:
        e = d.entry(lineage, date)
        valid = (e.valid_from or "") <= date and (e.valid_to is None or date < e.valid_to)
        if e.country == country and e.actor_type in NON_STATE_ARMED and valid:
            names.add(e.canonical)
    return sorted(names)


def _date(rng: random.Random) -> tuple[str, str, str]:
    """(date, precision, published)."""
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
    precision = rng.choice(["day", "day", "day", "week", "month"])
    if precision == "month":
        return day.strftime("%Y-%m"), precision, (day.replace(day=28) + dt.timedelta(days=5)).isoformat()
    return day.isoformat(), precision, (day + dt.timedelta(days=rng.randint(1, 3))).isoformat()


def generated_events(places: list[tuple[str, str | None, str]]) -> list[tuple[Event, str]]:
    rng = random.Random(SEED)
    subs = [(etype, sub) for etype, values in SUB_TYPES.items() for sub in values]
    out = []
    for i in range(N_EVENTS):
        etype, sub = subs[i % len(subs)]  # every sub-type, in turn
        location, admin1, country = rng.choice(places)
        date, precision, published = _date(rng)
        roles1, roles2 = ROLES[sub]
        a1 = _actor(rng.choice(roles1), country, date, rng)
        role2 = rng.choice(roles2)
        a2 = _actor(role2, country, date, rng) if role2 else None
        if a2 == a1:  # two sides of one event are two actors
            a2 = (
                None
                if None in roles2
                else _actor("state" if role2 != "state" else "opposition", country, date, rng)
            )
        event = Event(
            start=0, end=0, evidence="", event_type=etype, sub_event_type=sub, actor1=a1, actor2=a2,
            location=location, admin1=admin1, country=country, date=date, date_precision=precision,
        )  # fmt: skip
        out.append((event, published))
    return out


def _same(got: Event, want: Event) -> bool:
    return (
        got.event_type == want.event_type
        and got.sub_event_type == want.sub_event_type
        and actor_matches(got.actor1, want.actor1)
        and actor_matches(got.actor2, want.actor2)
        and got.location == want.location
        and date_matches(got.date, want.date, want.date_precision)
    )


def _describe(e: Event) -> str:
    return f"{e.event_type} / {e.sub_event_type} | {e.actor1} | {e.actor2} | {e.location} | {e.date}"


def test_generated_events_cover_every_sub_type_and_many_countries(places):
    events = [e for e, _ in generated_events(places)]
    assert {e.sub_event_type for e in events} == {s for subs in SUB_TYPES.values() for s in subs}
    assert len({e.country for e in events}) >= 20
    assert len({e.actor1 for e in events}) >= 60


def test_every_note_reads_back_as_its_event(pipeline, places):
    failures = []
    for i, (event, published) in enumerate(generated_events(places)):
        note = make_note(event)
        analysis = pipeline.analyze(Article(id=f"rt{i}", text=note, published=published, language="en"))
        if not any(_same(got, event) for got in analysis.events):
            read = "; ".join(_describe(g) for g in analysis.events) or "no event"
            failures.append(f"{note}\n    wanted {_describe(event)}\n    read   {read}")
    assert not failures, f"{len(failures)} of {N_EVENTS} notes do not read back:\n" + "\n".join(failures)
