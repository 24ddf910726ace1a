"""A story page's two views: outlets side by side, and events x outlets with copies folded."""

from __future__ import annotations

from typing import Any

from ..api import corpus
from ..store import Store
from . import coverage


def story_columns(db: Store, story: dict[str, Any]) -> list[dict[str, Any]]:
    """Outlets side by side: each outlet's articles, events, figures, claims and framing."""
    articles = {a["id"]: a for a in story["articles"]}
    events = {e["event_id"]: e for e in story["events"]}
    framing = {f["outlet"]: f for f in story.get("framing", [])}
    claims = corpus.story_claims(db, list(articles))
    columns = []
    for entry in story["by_outlet"]:
        ids = set(entry["articles"])
        columns.append(
            {
                "outlet": entry["outlet"],
                "articles": [articles[a] for a in entry["articles"] if a in articles],
                "events": [events[e] for e in entry["events"] if e in events],
                "figures": entry.get("figures", {}),
                "claims": [c for c in claims if c["article_id"] in ids],
                "framing": framing.get(entry["outlet"]),
            }
        )
    return columns


def story_grid(story: dict[str, Any]) -> dict[str, Any]:
    """Events x outlets aligned by event (type, place, date); copies folded under their original.

    Tolerates both story shapes: articles with ``copy_of`` (a copy's original id) or without it.
    """
    articles = {a["id"]: a for a in story["articles"]}
    copies = [
        {"article": a, "original": articles.get(a["copy_of"]) or {"id": a["copy_of"]}}
        for a in story["articles"]
        if a.get("copy_of")
    ]
    independent = coverage.independent_sources(story["articles"])
    rows: dict[tuple, dict[str, Any]] = {}
    outlets: list[str] = []
    for e in story["events"]:
        outlet = e.get("outlet") or "(unknown outlet)"
        if outlet not in outlets:
            outlets.append(outlet)
        key = (e.get("event_type"), e.get("location"), e.get("date"))
        row = rows.setdefault(key, {"event_type": key[0], "location": key[1], "date": key[2], "cells": {}})
        row["cells"].setdefault(outlet, []).append(e)
    ordered = sorted(
        rows.values(), key=lambda r: (r["date"] or "9999", r["event_type"] or "", r["location"] or "")
    )
    return {"outlets": sorted(outlets), "rows": ordered, "independent": independent, "copies": copies}
