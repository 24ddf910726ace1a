"""What scoring one article on one layer returns: additive counts plus items for the report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# Item statuses, shared by the report's colours.
MATCHED = "matched"  # gold found (or prediction confirmed)
MISSED = "missed"  # gold not found
SPURIOUS = "spurious"  # prediction with no gold counterpart
PARTIAL = "partial"  # found, but an attribute is wrong (coordinates, sub-type, technique, ...)


@dataclass
class Item:
    """One gold or predicted record, as the HTML report lists it."""

    status: str
    side: str  # "gold" or "pred"
    start: int
    end: int
    label: str
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "side": self.side,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "detail": self.detail,
        }


@dataclass
class LayerScore:
    """Counts are summed over articles before metrics are computed (micro-averaging)."""

    counts: dict[str, float] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)


def sum_counts(scores: Iterable[LayerScore]) -> dict[str, float]:
    total: dict[str, float] = {}
    for score in scores:
        for key, value in score.counts.items():
            total[key] = total.get(key, 0) + value
    return total
