"""Neutral one-sentence notes for events, in the style of ACLED's ``notes`` column.

Built only from the event's fields (never from the article's wording), so the outlet's
loaded terms ("liberated", "terrorists") do not leak into the description:
"On 30 June 2018, Military Forces of Syria regained control of Busra al-Harir (Daraa)
from Opposition Rebels (Syria), according to SOHR." Actors are written in their short
form where it reads back as the same actor ("JNIM", not "JNIM: Group for Support of
Islam and Muslims", whose colon would split the sentence).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from importlib import resources
from pathlib import Path

from ..actors.dictionary import canonical_name
from ..models import Event


# The clause templates, one pair per sub-event type (data/note_templates.json).
@functools.lru_cache(maxsize=1)
def load_templates() -> tuple[dict[str, tuple[str, str]], tuple[str, str]]:
    """sub_event_type -> (clause with actor2, clause without), and the fallback pair."""
    path = Path(str(resources.files("eventwire") / "data" / "note_templates.json"))
    data = json.loads(path.read_text(encoding="utf-8"))
    templates = {k: (t["with_actor2"], t["without"]) for k, t in data["templates"].items()}
    fallback = data["fallback"]
    return templates, (fallback["with_actor2"], fallback["without"])


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


def note_name(actor: str) -> str:
    """An actor as a note writes it: "JNIM" for "JNIM: Group for Support of Islam and Muslims",
    "Military Forces of Mali" for "Military Forces of Mali (2021-)" (the period is the date's),
    when that short form is an alias of the same actor (read back, it gives the full name)."""
    bare = re.sub(r"\s+\(\d{4}-(?:\d{4})?\)$", "", actor)
    forms = [part.strip() for part in bare.split(":", 1)] if ":" in bare else [bare]
    forms += [piece.strip() for form in forms if "/" in form for piece in form.split("/")]  # "SSPP/SSA"
    for short in sorted(forms, key=lambda f: "/" in f):  # "SLM/A-MM" parses badly: slash-free first
        if short == actor or canonical_name(short) == canonical_name(actor):
            return short
    return actor


def make_note(event: Event) -> str:
    a1 = note_name(event.actor1) if event.actor1 else "an unidentified actor"
    a2 = note_name(event.actor2) if event.actor2 else None
    loc = event.location or "an unknown location"
    if event.location and event.admin1 and event.admin1 != event.location:
        loc = f"{event.location} ({event.admin1})"
    templates, fallback = load_templates()
    with_a2, without = templates.get(event.sub_event_type or "", fallback)
    clause = (with_a2 if a2 else without).format(a1=a1, a2=a2, loc=loc)
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
