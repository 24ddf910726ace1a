"""Who covered a story: its independent sources by outlet kind, for the coverage bars.

An outlet's kind (news agency, broadcaster, newspaper, monitor) comes from the outlets list,
``data/outlets.tsv`` (the one the claims stage reads; its third column). A stored outlet name
is matched by the listed names and aliases it contains, first outside brackets ("TRT World",
"The Irrawaddy"), then in its credit ("Daily Example (Reuters)", "…, citing Sputnik": a
republished wire story counts as the wire's kind). Names the list does not know are "not
listed". Copies are not sources: only outlets with an article of their own are counted.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..claims.resources import DEFAULT_OUTLETS

# kind -> label, in the order the bars and legends show them
KINDS = {
    "agency": "news agency / wire",
    "broadcaster": "broadcaster",
    "newspaper": "newspaper or news site",
    "monitor": "monitor",
    "unlisted": "not in the outlets list",
}
UNKNOWN_OUTLET = "(unknown outlet)"
_CREDIT = re.compile(r"\(([^)]*)\)|,?\s+(?:citing|via|republishing)\s+(.*)$", re.IGNORECASE)


class OutletKinds:
    """Outlet name -> kind, from an outlets TSV (name, aliases, kind, country)."""

    def __init__(self, path: str | Path = DEFAULT_OUTLETS):
        self.kind_of_name: dict[str, str] = {}
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if len(cols) < 3 or cols[2] not in KINDS:
                continue
            for alias in [cols[0], *cols[1].split("|")]:
                if alias.strip():
                    self.kind_of_name.setdefault(alias.strip(), cols[2])
        alts = sorted(self.kind_of_name, key=len, reverse=True)
        self._names = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")

    def _find(self, text: str) -> str | None:
        m = self._names.search(text)
        return self.kind_of_name[m.group(1)] if m else None

    def kind(self, outlet: str | None) -> str:
        """``agency``, ``broadcaster``, ``newspaper``, ``monitor`` or ``unlisted``."""
        if not outlet:
            return "unlisted"
        credits = [g for m in _CREDIT.finditer(outlet) for g in m.groups() if g]
        return self._find(_CREDIT.sub(" ", outlet)) or next(
            (k for c in credits if (k := self._find(c))), "unlisted"
        )


@lru_cache(maxsize=1)
def default_kinds() -> OutletKinds:
    return OutletKinds()


def independent_sources(articles: list[dict[str, Any]]) -> list[str]:
    """Outlets with an article of their own (not a copy), sorted. Rows need ``outlet`` and
    ``copy_of`` (or ``role`` == "copy")."""
    return sorted(
        {
            a.get("outlet") or UNKNOWN_OUTLET
            for a in articles
            if not a.get("copy_of") and a.get("role") != "copy"
        }
    )


def coverage(articles: list[dict[str, Any]], kinds: OutletKinds | None = None) -> dict[str, Any]:
    """Independent sources per kind: ``sources`` (n), ``copies`` (articles that are copies),
    ``segments`` (kind, label, n, outlets, ``x``/``width`` in percent of the bar), in ``KINDS`` order."""
    kinds = kinds or default_kinds()
    sources = independent_sources(articles)
    by_kind: dict[str, list[str]] = {}
    for outlet in sources:
        by_kind.setdefault(kinds.kind(None if outlet == UNKNOWN_OUTLET else outlet), []).append(outlet)
    segments, x = [], 0.0
    for kind, label in KINDS.items():
        outlets = by_kind.get(kind, [])
        if not outlets:
            continue
        width = 100.0 * len(outlets) / len(sources)
        segments.append({"kind": kind, "label": label, "n": len(outlets), "outlets": outlets,
                         "x": round(x, 2), "width": round(width, 2)})  # fmt: skip
        x += width
    copies = sum(1 for a in articles if a.get("copy_of") or a.get("role") == "copy")
    return {"sources": len(sources), "copies": copies, "segments": segments}
