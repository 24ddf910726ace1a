"""Neutral one-sentence notes for events, in the style of ACLED's ``notes`` column.

Built only from the event's fields (never from the article's wording), so the outlet's
loaded terms ("liberated", "terrorists") do not leak into the description:
"On 30 June 2018, Military Forces of Syria regained control of Busra al-Harir (Daraa)
from Opposition Rebels (Syria), according to SOHR."
"""

from __future__ import annotations

import datetime as dt

from ..models import Event

# sub_event_type -> clause template; {a1}/{a2} are actors, {loc} the location phrase.
TEMPLATES = {
    "Government regains territory": "{a1} regained control of {loc}{from_a2}",
    "Non-state actor overtakes territory": "{a1} took control of {loc}{from_a2}",
    "Armed clash": "{a1} clashed with {a2} in {loc}",
    "Non-violent transfer of territory": "control of {loc} passed {to_a1}without reported fighting{from_a2}",
    "Agreement": "{a1} and {a2} reached an agreement concerning {loc}",
    "Disrupted weapons use": "weapons or explosives were handed over, seized or cleared in {loc}{by_a1}",
    "Shelling/artillery/missile attack": "{a1} shelled {target}in {loc}",
    "Air/drone strike": "{a1} carried out an air or drone strike {on_target}in {loc}",
    "Suicide bomb": "a suicide bombing {by_a1_plain}targeted {target}in {loc}",
    "Remote explosive/landmine/IED": "an explosive device detonated in {loc}{by_a1}",
    "Arrests": "{a1} arrested {a2_people} in {loc}",
    "Abduction/forced disappearance": "{a1} abducted {a2_people} in {loc}",
    "Attack": "{a1} attacked {a2} in {loc}",
    "Peaceful protest": "{a1} demonstrated in {loc}",
    "Violent demonstration": "{a1} rioted in {loc}",
    "Change to group/activity": "{a1} changed its posture or activity in {loc}",
    "Looting/property destruction": "{a1} looted or destroyed property in {loc}",
    "Other": "{a1} took action (strategic development) in {loc}",
}
PREFIX = {
    "negated": "Reported as not having happened: ",
    "planned": "Planned or hypothetical, not reported as happened: ",
}


def date_phrase(date: str | None, precision: str) -> str:
    """ "On 30 June 2018", "On or around 30 June 2018", "In June 2018", "In 2018", "On an unknown date"."""
    if not date:
        return "On an unknown date"
    try:
        if len(date) >= 10:
            d = dt.date.fromisoformat(date[:10])
            day = f"{d.day} {d:%B %Y}"
            return f"On or around {day}" if precision == "week" else f"On {day}"
        if len(date) == 7:
            d = dt.date.fromisoformat(date + "-01")
            return f"In {d:%B %Y}"
    except ValueError:
        return "On an unknown date"
    return f"In {date}"


def make_note(event: Event) -> str:
    a1 = event.actor1 or "an unidentified actor"
    a2 = event.actor2 or "an unidentified actor"
    loc = event.location or "an unknown location"
    if event.location and event.admin1 and event.admin1 != event.location:
        loc = f"{event.location} ({event.admin1})"
    template = TEMPLATES.get(event.sub_event_type or "", "{a1} was involved in an event in {loc}")
    clause = template.format(
        a1=a1,
        a2=a2,
        loc=loc,
        from_a2=f" from {event.actor2}" if event.actor2 else "",
        to_a1=f"to {event.actor1} " if event.actor1 else "",
        by_a1=f", attributed to {event.actor1}" if event.actor1 else "",
        by_a1_plain=f"attributed to {event.actor1} " if event.actor1 else "",
        target=f"{event.actor2} " if event.actor2 else "",
        on_target=f"on {event.actor2} " if event.actor2 else "",
        a2_people=event.actor2 or "people",
    )
    text = f"{date_phrase(event.date, event.date_precision)}, {clause}"
    if event.reported_by:
        text += f", according to {event.reported_by}"
    text += "."
    extras = []
    if event.fatalities is not None:
        extras.append(f"{event.fatalities} reported fatalities")
    for key in ("people", "weapons", "vehicles"):
        if key in event.quantities:
            extras.append(f"{key}: {event.quantities[key]}")
    if extras:
        text += " " + "; ".join(extras).capitalize() + "."
    prefix = PREFIX.get(event.modality)
    if prefix:
        text = prefix + text[0].lower() + text[1:]
    return text
