"""Where an event happened: the place its trigger's clause is about.

Place levels (village ... country), and the syntax that decides whether a place locates the
event: inside the trigger's phrase or clause, not a destination ("evacuated to X"), not a
landmark ("20 km north of X"), not a container of a finer place ("X Township in Y Region"),
not a place only described ("X, which borders Y"), not a dateline. Without the geo stage,
places come from named entities and locative proper nouns (``fallback.fallback_places``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..models import Place
from ..nlp.datelines import dateline_after, opens_paragraph
from .syntax import in_subtree as _in_subtree
from .words import load_words

W = load_words()

# Place kinds by specificity: an event is coded at the most precise place named.
KIND_LEVEL = {
    "village": 0, "town": 0, "city": 0, "neighborhood": 0, "neighbourhood": 0, "border_crossing": 0,
    "other": 0, "water": 1, "district": 1, "region": 1, "province": 2, "country": 3,
}  # fmt: skip

_PROVINCE_WORDS = re.compile(r"\b(province|governorate|state|oblast|region|prefecture)\b", re.I)

_DISTRICT_WORDS = re.compile(r"\b(district|countryside|county|township|municipality|rural)\b", re.I)

DESTINATION_PREPS = W["destination_preps"]

MOVEMENT_DESTINATION_PREPS = DESTINATION_PREPS | W["movement_destination_preps"]

ORIGIN_PREPS = W["origin_preps"]

TO_COMPLEMENT_HEADS = W["to_complement_heads"]

PLACE_NOUNS = W["place_nouns"]

ARMED_PEOPLE = W["armed_people"]

VICTIM_NOUNS = W["victim_nouns"]

REFERENCE_HEADS = W["reference_heads"]

MOVEMENT_HEADS = W["movement_heads"]

FACILITY_NOUNS = W["facility_nouns"]

VAGUE_PLACE_NOUNS = W["vague_place_nouns"]

GEOGRAPHY_VERBS = W["geography_verbs"]

PLACE_PARTS = W["place_part_nouns"]

SHARE_NOUNS = W["share_nouns"]

PROXIMITY_PREPS = W["proximity_preps"]

ROUTE_NOUNS = W["route_nouns"]

ROUTE_VERBS = W["route_verbs"]


@dataclass
class _PlaceRef:
    place: Place
    root: Any  # the place span's syntactic head token
    level: int


def place_level(place: Place, country_names: Iterable[str] = ()) -> int:
    if place.kind in KIND_LEVEL:
        return KIND_LEVEL[place.kind]
    if place.precision == "country":
        return 3
    text = place.mention
    if text in country_names or (place.name or "") in country_names:
        return 3
    if _PROVINCE_WORDS.search(text):
        return 2
    if _DISTRICT_WORDS.search(text):
        return 1
    return 0


def _in_role(tok: Any, head: Any, deps: set[str]) -> bool:
    """Whether ``tok`` lies in a child subtree of ``head`` attached with one of ``deps``."""
    return any(c.dep_ in deps and _in_subtree(tok, c) for c in head.children)


def _path_preps(tok: Any, stop: Any) -> list[str]:
    """Prepositions crossed going from ``tok`` up to ``stop`` (or the sentence root)."""
    preps = []
    cur = tok
    for _ in range(10):
        if cur.i == stop.i or cur.head.i == cur.i:
            break
        if cur.dep_ == "pobj" and cur.head.dep_ in ("prep", "agent", "dative"):
            prep = cur.head
            # "set fire to X", "agreed to a truce": no destination
            if not (prep.lower_ == "to" and prep.head.lemma_.lower() in TO_COMPLEMENT_HEADS):
                preps.append(prep.lower_)
        cur = cur.head
    return preps


def _in_description(tok: Any, trig: Any) -> bool:
    """Whether ``tok`` sits in a relative / participle clause that does not contain the trigger."""
    for anc in [tok, *tok.ancestors]:
        if anc.i == trig.i:
            return False
        # a relative clause on a proper noun describes that place; on "militants, who ..." it
        # may well say where they were, so it is kept
        describing = (
            (anc.dep_ == "relcl" and anc.head.pos_ == "PROPN")
            or (anc.dep_ == "acl" and anc.lemma_.lower() in GEOGRAPHY_VERBS)
            # "despite the agreement reached in Sochi": the clause locates the agreement, not the
            # bombardment; a clause on a noun inside the trigger's phrase ("attacked positions
            # held by the army in Hama") or on people ("militants who ...") still locates it
            or (
                anc.dep_ in ("acl", "relcl")
                and anc.pos_ == "VERB"
                and not _in_subtree(anc.head, trig)
                and not _in_subtree(trig, anc.head)
                and anc.head.lemma_.lower() not in ARMED_PEOPLE | VICTIM_NOUNS
                and anc.head.pos_ == "NOUN"
            )
        )
        if describing and not _in_subtree(trig, anc):
            return True
        if _reduced_relative(anc, trig):
            return True
    return False


def _reduced_relative(verb: Any, trig: Any) -> bool:
    """ "despite the truce agreed in Astana" parsed as an adverbial clause or a conjunct: a
    subjectless past participle right after a noun (not the trigger, not people) still describes
    that noun."""
    # a subjectless past form right after a noun is a participle whatever its tag or attachment
    # ("the truce agreed in Astana" comes out as VBD, as an adverbial clause or a conjunct)
    if (
        verb.dep_ not in ("advcl", "conj")
        or verb.tag_ not in ("VBN", "VBD")
        or verb.i == 0
        or _in_subtree(trig, verb)
    ):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return False
    noun = verb.doc[verb.i - 1]
    return (
        noun.pos_ == "NOUN"
        and noun.i != trig.i
        and noun.lemma_.lower() not in ARMED_PEOPLE | VICTIM_NOUNS
        and not _in_subtree(noun, trig)
    )


def _is_dateline(text: str, place: Place) -> bool:
    """ "TEHRAN (FNA) -": the place an article was filed from, at the start of a paragraph."""
    return opens_paragraph(text, place.start) and dateline_after(text, place.end) is not None


def _coordinated(a: Any, b: Any) -> bool:
    """Whether two tokens sit in one coordination ("A, B and C")."""

    def top(t: Any) -> Any:
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        return t

    return top(a).i == top(b).i


def _place_noun(tok: Any) -> bool:
    """ "town", "governorates" (the small model leaves some plurals unlemmatised)."""
    lemma = tok.lemma_.lower()
    return lemma in PLACE_NOUNS or (lemma.endswith("s") and lemma[:-1] in PLACE_NOUNS)


def _on_route(tok: Any) -> bool:
    """ "the highway between X and Y", "the road linking X to Y": X and Y name the road's ends."""
    cur = _top(tok)
    head = cur.head
    # "between the two governorates of X and Y": climb the place noun's own phrase
    if cur.dep_ == "pobj" and head.lower_ == "of" and _place_noun(head.head):
        cur = head.head
        head = cur.head
    if cur.dep_ == "pobj" and head.lower_ == "between":
        return head.head.lemma_.lower() in ROUTE_NOUNS
    verb = head.head if cur.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" else head
    return (
        cur.dep_ in ("dobj", "pobj", "pcomp")
        and verb.dep_ == "acl"
        and verb.lemma_.lower() in ROUTE_VERBS
        and verb.head.lemma_.lower() in ROUTE_NOUNS
    )


def _is_reference_point(tok: Any) -> bool:
    """ "north of X", "on the outskirts of X", "12 km from X": X is a landmark, not the place."""
    cur = _top(tok)
    if cur.dep_ != "pobj":
        return False
    prep = cur.head
    head = prep.head
    # "the centre of the town of X", "the edge of X": climb to the phrase the place noun is in
    for _ in range(3):
        noun = head.lemma_.lower()
        if prep.lower_ != "of" or noun not in PLACE_NOUNS | PLACE_PARTS or head.dep_ != "pobj":
            break
        prep, head = head.head, head.head.head
    if prep.lower_ == "from" and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in REFERENCE_HEADS for c in (*prep.children, *head.children)
    ):
        return True  # "four kilometres from (the centre of) X"
    while head.dep_ == "conj" and head.head is not head:  # "west and south of Tripoli"
        if head.lemma_.lower() in REFERENCE_HEADS:
            break
        head = head.head
    if prep.lower_ == "of" and head.lemma_.lower() in REFERENCE_HEADS:
        return True
    return prep.lower_ == "from" and head.lower_ in REFERENCE_HEADS


def _is_destination(tok: Any, stop: Any) -> bool:
    """Whether a "to"/"toward"/"for" phrase on the way up from ``tok`` follows a movement word."""
    cur = tok
    for _ in range(10):
        if cur.i == stop.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ in MOVEMENT_DESTINATION_PREPS:
            governor = cur.head.head
            if governor.lemma_.lower() in MOVEMENT_HEADS or governor.lower_ in MOVEMENT_HEADS:
                return True
        cur = cur.head
    return False


def _vague_places_only(trig: Any, chosen: list[_PlaceRef]) -> bool:
    """ "liberated several towns and villages in X Province": an unnamed set of places; "retook
    more than half of X", "most of X": a share of a region.

    True when the trigger's object is a plural place noun naming no place of its own and no
    chosen location is finer than a district: coding it at the province would invent a happening
    the report does not pin down (the named towns, if any, come in their own sentences).
    """
    # a town only "near" which the places lie ("four villages near X") does not name them
    if any(r.level == 0 and not _only_near(r.root) for r in chosen):
        return False
    args = [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    # "a string of towns": the counted noun
    args += [
        g for a in list(args) for p in a.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"
    ]
    for a in args:
        if a.lemma_.lower() in SHARE_NOUNS and a.dep_ in ("dobj", "nsubjpass", "nsubj"):
            return True  # "retook more than half of X province": a share of a region, no place
        if a.lemma_.lower() in VAGUE_PLACE_NOUNS and a.tag_ == "NNS":
            named = any(t.pos_ == "PROPN" for t in a.subtree if t.i < a.i and t.dep_ == "compound")
            if not named and not any(_names(r.root, a) for r in chosen):
                return True
    return False


def _only_near(tok: Any) -> bool:
    """ "near the town of X", "around X": X is reached through a preposition of proximity."""
    cur = _top(tok)
    for _ in range(3):
        if cur.dep_ != "pobj":
            return False
        prep = cur.head
        if prep.lower_ in PROXIMITY_PREPS:
            return True
        if prep.lower_ != "of" or prep.head.lemma_.lower() not in PLACE_NOUNS:
            return False
        cur = prep.head  # "the town of X": the place noun's own phrase decides
    return False


def _names(tok: Any, noun: Any) -> bool:
    """Whether place ``tok`` names (part of) ``noun``: "the areas of X", "the X and Y regions"."""
    top = tok
    while top.dep_ == "conj" and top.head is not top:
        top = top.head
    if top.head.i == noun.head.i and top.dep_ == noun.dep_:
        return True  # co-ordinated arguments the parser split: "retook the X and Y regions"
    cur = tok
    for _ in range(8):
        if cur.i == noun.i:
            return True
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ != "of":
            return False  # "villages in X": X contains them, it does not name them
        cur = cur.head
    return False


def _location_name(text: str, place: Place) -> str:
    """The event's location: the gazetteer name, or for an unresolved name followed by a facility
    noun ("Al Qadir base"), the facility as written."""
    name = place.name or place.mention
    if place.geonameid is not None:
        return name
    after = text[place.end : place.end + 20]
    m = re.match(r"\s+([A-Za-z]+)", after)
    if m and m.group(1).lower() in FACILITY_NOUNS:
        return f"{place.mention} {m.group(1).lower()}"
    return name


def _top(tok: Any) -> Any:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _modifies_named_places(outer: _PlaceRef, inner: _PlaceRef) -> bool:
    """ "the Kassala areas of A and B", "Gedaref's villages of A and B": the place modifying the
    place noun holds the places its "of" phrase names."""
    tok = outer.root
    holder = tok.head
    if tok.dep_ not in ("compound", "poss", "amod", "nmod") or holder.lemma_.lower() not in PLACE_NOUNS:
        return False
    named = _top(inner.root)
    return named.dep_ == "pobj" and named.head.lower_ == "of" and named.head.head.i == holder.i


def _contains(outer: _PlaceRef, inner: _PlaceRef) -> bool:
    """ "Tamu Township in Magway Region": the second place only says where the first lies."""
    if _modifies_named_places(outer, inner):
        return True
    if _modifies_named_places(inner, outer):
        return False  # the places the "of" phrase names are inside the modifier, not around it
    tok = _top(outer.root)
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "of"):
        return False
    holder = tok.head.head
    if tok.head.dep_ != "prep" or holder.pos_ not in ("NOUN", "PROPN"):
        return False  # "in Douma and in Harasta": two places, neither inside the other
    if tok.head.lower_ == "of" and holder.lemma_.lower() not in PLACE_NOUNS:
        return False
    # the preposition hangs on the inner place (or on the place noun naming it: "the town of X in Y")
    return holder.i == inner.root.i or inner.root.i in {t.i for t in holder.subtree if t.i < tok.i}
