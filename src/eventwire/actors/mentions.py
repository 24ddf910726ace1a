"""Generic labels in a text, with the country adjective before them ("Malian troops",
"Russian and Ukrainian forces") and the named group some of them stand for ("militants of X"),
for ``ActorDictionary.find``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..nlp.matching import Found

if TYPE_CHECKING:
    from .dictionary import ActorDictionary, ActorMatch

# Between a country adjective and the label it qualifies: white space or hyphens ("Malian troops").
_SEPARATOR = re.compile(r"[\s-]+")
# between a label and the group it names members of: "militants of (the) X"
_MEMBERS_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.I)
# between coordinated country adjectives: "Russian and Ukrainian forces", "US, British aircraft"
_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")


def group_after(d: ActorDictionary, lab: ActorMatch, named: list[ActorMatch], text: str) -> ActorMatch | None:
    """The armed group of "fighters of the X" right after an armed-people label."""
    from .dictionary import NON_STATE_ARMED  # the module that imports this one

    if lab.role not in ("opposition", "unidentified") or lab.country:
        return None
    for c in named:
        if c.start > lab.end and _MEMBERS_OF.fullmatch(text, lab.end, c.start):
            entry = d.entries[c.lineage][0] if c.lineage in d.entries else None
            return c if entry is not None and entry.actor_type in NON_STATE_ARMED else None
    return None


def label_mentions(d: ActorDictionary, doc: Any, text: str) -> Iterator[tuple[Found | None, Found, int]]:
    """(country adjective or None, label, end of the mention), left to right, no overlaps.

    At a position an adjective followed by a label is tried first (acronym adjectives,
    then the others, each longest first, with the longest label after it), then a label
    alone; what a mention covers is skipped. An adjective coordinated with one that has a
    label ("Russian and Ukrainian forces") is a mention of that label too, ending with the
    adjective."""
    adjectives: dict[int, list[Found]] = {}
    for index in (d._adj_cs, d._adj_ci):
        for f in sorted(index.spans(doc, text), key=lambda f: -f.end):
            adjectives.setdefault(f.start, []).append(f)
    labels: dict[int, list[Found]] = {}
    for f in sorted(d._label_index.spans(doc, text), key=lambda f: -f.end):
        labels.setdefault(f.start, []).append(f)

    def label_after(adj: Found) -> Found | None:
        sep = _SEPARATOR.match(text, adj.end)
        return labels[sep.end()][0] if sep and sep.end() in labels else None

    last_end = -1
    for pos in sorted(adjectives.keys() | labels.keys()):
        if pos < last_end:
            continue
        hit: tuple[Found | None, Found, int] | None = None
        for adj in adjectives.get(pos, ()):
            lab = label_after(adj)
            if lab is not None:
                hit = (adj, lab, lab.end)
                break
            conj = _AND.match(text, adj.end)
            shared = (
                next((lab for nxt in adjectives.get(conj.end(), ()) if (lab := label_after(nxt))), None)
                if conj
                else None
            )
            if shared is not None:
                hit = (adj, shared, adj.end)
                break
        if hit is None and pos in labels:
            hit = (None, labels[pos][0], labels[pos][0].end)
        if hit is not None:
            last_end = hit[2]
            yield hit
