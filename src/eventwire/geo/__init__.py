"""Places: a gazetteer (GeoNames, Who's On First, OpenSyria) and a geoparser for conflict news.

- ``gazetteer``: the on-disk SQLite index; ``geonames_import``: extending it with a dump;
  ``build`` / ``build_world``: the packaged extracts (maintainers);
- ``normalize``: name keys for Arabic-origin names in Latin letters;
- ``candidates``: finding place mentions; ``cue_reader``: the context cues around them;
- ``references``: abbreviations, demonyms and roles (``modifier``, ``embedded``);
- ``resolver``: disambiguation, with ``scoring`` (evidence, entry scores, priors),
  ``filters`` (readings the article's geography rules out) and ``context`` (focus
  countries, provinces, anchors);
- ``stage``: the pipeline's ``geo`` stage.

Later stages ask "where is this sentence about?" with :func:`places_in`.
"""

from __future__ import annotations

from ..models import Analysis, Place


def places_in(analysis: Analysis, start: int, end: int) -> list[Place]:
    """Locations mentioned inside ``[start, end)`` (a sentence, a clause), in text order; references
    with a role ("British", "The Washington Post") are not locations and are left out."""
    return [p for p in analysis.places if p.start >= start and p.end <= end and not p.role]


def place_for_span(analysis: Analysis, start: int, end: int) -> Place | None:
    """The most precise place for a span: its own mentions first, then the nearest one before it
    in the article (wire copy names the place once and then says "the town")."""
    inside = places_in(analysis, start, end)
    order = {"exact": 0, "district": 1, "province": 2, "country": 3, None: 4}
    if inside:
        return min(inside, key=lambda p: (order.get(p.precision, 4), -p.confidence))
    before = [
        p for p in analysis.places if p.end <= start and p.precision in ("exact", "district") and not p.role
    ]
    return before[-1] if before else None


__all__ = ["place_for_span", "places_in"]
