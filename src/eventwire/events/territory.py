"""Who gained ground: ACLED's two territorial sub-types.

"Government regains territory" is the government of the country where it happens (or forces
fighting with it) taking a place back; "Non-state actor overtakes territory" is anyone else
taking it, a foreign state's forces included (ACLED codebook). ``territory_sub_type`` decides
from the capturing side the role reader found. A capture the sentence says was unopposed (the
other side withdrew, vacated the place, "without a fight": ``unopposed``) is a Non-violent
transfer of territory; a capture of people (``captives``) is an arrest.
"""

from __future__ import annotations

from typing import Any

from ..actors.dictionary import ActorDictionary
from ..models import Actor
from .words import load_words

REGAINS, OVERTAKES = "Government regains territory", "Non-state actor overtakes territory"
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
ARRESTS = ("Strategic developments", "Arrests")
W = load_words()


def captives(trig: Any) -> bool:
    """ "captured two ELN members", "seized a commander": the capture verb's object is people."""
    for c in trig.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in W["captive_nouns"] | W["armed_people"]:
            return True
    return False


def unopposed(sent: Any, tokens: tuple[int, ...]) -> bool:
    """A capture that was no fight: the side holding the place left or gave it up ("took over the
    base after the garrison withdrew", "a camp vacated by X") or it was taken "without a fight"."""
    for tok in sent:
        if tok.i in tokens:
            continue
        lemma = tok.lemma_.lower()
        if lemma in W["departure_cues"]:
            return True
        if tok.lower_ == "without" and any(
            c.dep_ == "pobj" and c.lemma_.lower() in W["unopposed_nouns"] for c in tok.children
        ):
            return True
    return False


def forces_country(dictionary: ActorDictionary, name: str | None) -> str | None:
    """The country of a state-forces formula ("Military Forces of Turkey" -> "TR")."""
    for prefix in ("Military Forces of ", "Police Forces of "):
        if name and name.startswith(prefix):
            rest = name[len(prefix) :].removeprefix("the ")
            names = dictionary.countries.items()
            return next((c for c, n in names if rest == n or rest.startswith(n + " ")), None)
    return None


def home_forces_named(dictionary: ActorDictionary, span: Any, homes: set[str]) -> bool:
    """ "Mozambican and Rwandan forces": the agent's phrase names the home country's forces too."""
    if span is None:
        return False
    mods = [c for c in span.root.children if c.dep_ in ("amod", "compound", "nmod", "poss", "conj")]
    mods += [g for c in mods for g in c.children if g.dep_ == "conj"]
    words = {t.text.casefold() for t in mods} | {t.text for t in mods}
    return any(dictionary.adjectives.get(w) in homes for w in words)


def territory_sub_type(
    dictionary: ActorDictionary, a1_state: bool, a1: Actor | None, name1: str | None,
    assoc: Actor | None, a1_span: Any, where: str | None, country: str | None,
) -> str:  # fmt: skip
    """REGAINS when state forces of the event's country (``where``, else the article's
    ``country``) take the place, OVERTAKES otherwise."""
    if not a1_state:
        return OVERTAKES
    homes = {c.upper() for c in (where, country) if c}
    a1_country = (a1.country if a1 is not None else None) or forces_country(dictionary, name1)
    if not homes or not a1_country or a1_country.upper() in homes:
        return REGAINS
    if assoc is not None and assoc.actor_type == "state forces" and (assoc.country or "").upper() in homes:
        return REGAINS  # foreign forces fighting with the home government's
    if home_forces_named(dictionary, a1_span, homes):
        return REGAINS
    return OVERTAKES
