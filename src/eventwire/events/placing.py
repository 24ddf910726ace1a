"""Which of a sentence's places an event is at (``choose_locations``): the place inside the
trigger's phrase or clause, most specific first; not a place only described ("X, which borders
Y"), not a destination ("evacuated to X"), not a road's ends, not a landmark ("20 km north of
X") unless the landmark is the nearest place named ("the outskirts of X (Y province)" is X).
The syntax tests live in ``locations.py``."""

from __future__ import annotations

from typing import Any

from .locations import (
    DESTINATION_PREPS,
    MOVEMENT_DESTINATION_PREPS,
    ORIGIN_PREPS,
    _contains,
    _coordinated,
    _in_description,
    _in_role,
    _is_destination,
    _is_reference_point,
    _on_route,
    _path_preps,
    _PlaceRef,
)
from .syntax import clause_root
from .syntax import in_subtree as _in_subtree


def choose_locations(
    trig: Any, m: Any, refs: list[_PlaceRef], fam: str, min_score: int = 1
) -> list[_PlaceRef]:
    """The places an event of trigger match ``m`` is about, among the sentence's ``refs``: scored
    3 inside the trigger's phrase, 2 in its clause, 1 elsewhere; descriptions, destinations, road
    ends and landmarks lose; the best score at or above ``min_score`` wins, most specific first."""
    if not refs:
        return []
    # a noun-headed pattern with a verb ("a mob ... beat") is located from its verb
    anchor = trig
    if trig.pos_ != "VERB":
        anchor = next((trig.doc[i] for i in m.tokens if trig.doc[i].pos_ == "VERB"), trig)
    root = clause_root(anchor)
    scored: list[tuple[int, _PlaceRef]] = []
    landmarks: list[tuple[int, _PlaceRef]] = []
    for ref in refs:
        tok = ref.root
        if ref.level >= 3:
            continue  # events are coded below country level
        if _in_subtree(tok, anchor) and not _in_role(tok, anchor, {"nsubj", "csubj"}):
            score = 3
        elif _in_subtree(tok, root):
            score = 2
        else:
            score = 1
        if _in_description(tok, anchor):
            score = 0  # "Dara'a, which borders the Golan Heights": geography, not the event
        preps = _path_preps(tok, root)
        destinations = MOVEMENT_DESTINATION_PREPS if fam == "transfer" else DESTINATION_PREPS
        if (preps and preps[-1] in destinations) or _is_destination(tok, root):
            # the outermost preposition decides: "left Douma for Idlib" -> Idlib is a destination;
            # so does a movement word anywhere on the path ("a convoy heading for Jarablus")
            score -= 3 if fam in ("transfer", "weapons", "agreement") else 1
        if _on_route(tok):
            score -= 3  # "the highway between X and Y": the road's ends, not where it happened
        elif _is_reference_point(tok):
            score -= 2  # "Kadugli, south of El Obeid": El Obeid only locates Kadugli
            landmarks.append((score + 2, ref))
        if fam == "transfer" and preps and preps[-1] in ORIGIN_PREPS:
            score += 1
        scored.append((score, ref))
    if not scored:
        return []
    best = max(s for s, _ in scored)
    if best <= min_score - 1:
        return []
    top = [r for s, r in scored if s == best]
    # "on the outskirts of X (Y province)": X is the nearest place named, not its province
    inner = [r for s, r in landmarks if s >= best and any(_holds(t, r) for t in top)]
    if inner:
        return inner[:1]
    level = min(r.level for r in top)
    if best == 1:
        # Only a loose link to the trigger: take the nearest most-specific place.
        nearest = min((r for r in top if r.level == level), key=lambda r: abs(r.root.i - trig.i))
        return [nearest] + [
            r for r in top if r is not nearest and r.level == level and _coordinated(r.root, nearest.root)
        ]
    chosen = [r for r in top if r.level == level]
    chosen = [r for r in chosen if not any(_contains(r, o) for o in chosen if o is not r)]
    return sorted(chosen, key=lambda r: r.place.start)


def _holds(outer: _PlaceRef, inner: _PlaceRef) -> bool:
    """Whether ``outer`` is a coarser place around ``inner``: said so ("X in Y"), or its province."""
    if outer.level <= inner.level or (outer.place.country or "") != (inner.place.country or ""):
        return False
    province = outer.level == 2 and bool(outer.place.admin1) and outer.place.admin1 == inner.place.admin1
    return province or _contains(outer, inner)
