"""Packaged, commented defaults for the corpus views, overridable per call.

The defaults live in ``data/corpus_views.json`` (thresholds a user may tune) and
``data/event_groups.json`` (which ACLED types belong together, which change control).
"""

from __future__ import annotations

import copy
import json
from functools import cache, lru_cache
from importlib import resources
from typing import Any


@cache
def _load(name: str) -> dict[str, Any]:
    text = resources.files("eventwire.data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def _strip_about(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _strip_about(v) for k, v in data.items() if not k.startswith("_")}
    return data


def settings(overrides: dict[str, dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """The corpus-view settings, with ``overrides`` (``{"copies": {"min_containment": 0.5}}``) applied."""
    merged = copy.deepcopy(_strip_about(_load("corpus_views.json")))
    for section, values in (overrides or {}).items():
        merged.setdefault(section, {}).update(values)
    return merged


def event_groups() -> dict[str, Any]:
    return _strip_about(_load("event_groups.json"))


def acled_codes() -> dict[str, Any]:
    return _strip_about(_load("acled_codes.json"))


@lru_cache(maxsize=1)
def acled_regions() -> dict[str, str]:
    """ISO alpha-2 country code -> ACLED region name."""
    text = resources.files("eventwire.data").joinpath("acled_regions.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("region\t"):
            continue
        region, codes = line.split("\t")
        for code in codes.split(","):
            out[code.strip()] = region
    return out
