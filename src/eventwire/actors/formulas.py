"""ACLED's generic actor formulas written out in a text: "Military Forces of Peru",
"Police Forces of the Philippines", "Protesters (Togo)", "Civilians (Mali)",
"Unidentified Armed Group (Nigeria)", "Opposition Rebels (Chad)", "Government of Kenya".

Analysts' notes (and eventwire's own ``notes``) name actors this way; read back, the
formula is the actor of that role in that country, for any country the dictionary or
GeoNames names (``ActorDictionary.country_name``). An optional ACLED period suffix
("Military Forces of Mali (2021-)") is part of the mention.
"""

from __future__ import annotations

import functools
import re

from .dictionary import ActorDictionary, ActorMatch, world_country_names

# formula head -> role; "of" formulas put the country after "of", the others in brackets
OF_FORMULAS = {"military forces of": "state", "police forces of": "police", "government of": "government"}
BRACKET_FORMULAS = {
    "protesters": "protesters",
    "rioters": "rioters",
    "civilians": "civilians",
    "unidentified armed group": "unidentified",
    "opposition rebels": "opposition",
}
_PERIOD = r"(?:\s+\(\d{4}(?:-\d{4}|-)?\))?"


@functools.lru_cache(maxsize=8)
def _compiled(dictionary: ActorDictionary) -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}  # casefolded country name -> ISO2
    for code, name in world_country_names().items():
        names[name.casefold()] = code
    for code, name in dictionary.countries.items():
        names[name.casefold()] = code
    for code, name in dictionary.of_names.items():
        names[name.casefold()] = code
    country = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    of = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in OF_FORMULAS)
    bracket = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in BRACKET_FORMULAS)
    rx = re.compile(
        rf"(?<![\w])(?:(?P<of>{of})\s+(?P<c1>(?:the\s+)?(?:{country})){_PERIOD}"
        rf"|(?P<br>{bracket})\s+\((?P<c2>{country})\))(?![\w])",
        re.IGNORECASE,
    )
    return rx, names


def _code(names: dict[str, str], country: str) -> str | None:
    key = " ".join(country.split()).casefold()
    return names.get(key) or names.get(key.removeprefix("the "))


def find_formulas(text: str, dictionary: ActorDictionary) -> list[ActorMatch]:
    """The generic ACLED formulas written in ``text`` (role and country set, no lineage)."""
    if "(" not in text and " of " not in text.casefold():
        return []
    rx, names = _compiled(dictionary)
    out = []
    for m in rx.finditer(text):
        head = " ".join((m["of"] or m["br"]).split()).casefold()
        role = OF_FORMULAS.get(head) or BRACKET_FORMULAS[head]
        code = _code(names, m["c1"] or m["c2"])
        if code is None:
            continue
        # the formula must be written as ACLED writes it (capitalised), not "the civilians (...)"
        if not m.group(0)[0].isupper():
            continue
        out.append(ActorMatch(m.start(), m.end(), m.group(0), None, None, role, code))
    return out


def with_formulas(text: str, dictionary: ActorDictionary, matches: list[ActorMatch]) -> list[ActorMatch]:
    """``matches`` with the formulas of ``text`` added; a formula replaces what it overlaps."""
    formulas = find_formulas(text, dictionary)
    if not formulas:
        return matches
    kept = [m for m in matches if not any(m.start < f.end and f.start < m.end for f in formulas)]
    return sorted([*kept, *formulas], key=lambda m: m.start)
