"""The cue words the place finder reads (``data/gazetteer/cues.json``) and the outlet names
that are never places (``data/outlets.tsv``), each loaded once."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .build import DATA_DIR
from .normalize import name_key
from .references import demonym_table

CUES_FILE = DATA_DIR / "cues.json"


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    data = json.loads(CUES_FILE.read_text(encoding="utf-8"))
    kinds = {k: v for k, v in data["kind_nouns"].items() if not k.startswith("_")}
    return {
        "kind_nouns": kinds,
        "admin_nouns": set(data["admin_kind_nouns"]["list"]),
        "people_frames": set(data["people_frames"]["list"]),
        "frames_before": sorted(data["region_frames"]["before"], key=len, reverse=True),
        "directions": set(data["region_frames"]["directions"]),
        "preps": set(data["prepositions"]["list"]),
        "possessed": set(data["metonymy"]["possessed_nouns"]),
        "meto_before": sorted(data["metonymy"]["before_patterns"], key=len, reverse=True),
        "meto_verbs": set(data["metonymy"]["verbs_after"]),
        "not_names": set(data["not_names"]["list"]),
        "generic": set(data["generic_words"]["list"]),
        "titles": set(data["person_context"]["titles_before"]),
        "speech": set(data["person_context"]["verbs_after"]),
        "demonyms": {form: cc for form, (cc, _place) in demonym_table().items() if cc},
        "actor_nouns": set(data["metonymy"]["actor_nouns"]),
        "adjectives": set(data["metonymy"]["adjectives"]),
        "between_nouns": set(data["metonymy"]["between_nouns"]),
        "actor_conjuncts": set(data["metonymy"]["actor_conjuncts"]),
        "relative_verbs": set(data["metonymy"]["relative_verbs"]),
        "calendar": set(data["calendar_words"]["list"]),
        "containers": set(data["container_nouns"]["list"]),
        "area_frames": sorted(data["area_frames"]["list"], key=len, reverse=True),
        "descriptors": set(data["descriptor_nouns"]["list"]),
        "descriptive": {name_key(n) for n in data["descriptive_names"]["list"]},
    }


OUTLETS_FILE = DATA_DIR.parent / "outlets.tsv"


@lru_cache(maxsize=1)
def outlet_aliases() -> frozenset[str]:
    """Names of news outlets from ``data/outlets.tsv`` (shared with the claims stage, read-only
    here): "Xinhua", "Tasnim", "Al Mayadeen TV" are sources, never places."""
    out: set[str] = set()
    if not OUTLETS_FILE.exists():
        return frozenset()
    for line in OUTLETS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        out.update(a.strip() for a in [cols[0], *(cols[1].split("|") if len(cols) > 1 else [])] if a.strip())
    return frozenset(out)
