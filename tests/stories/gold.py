"""Turn gold annotations of the shared dev corpus into stored articles and analyses.

The corpus views read the store, not text; storing the gold events lets the tests check
copies, stories and timelines on real articles independently of the event extractor.
The corpus is read from ../shared (never copied into the project).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.models import Analysis, Article, Event, FramingSpan

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / ".." / "shared" / "corpus" / "dev" / "gold.jsonl"


def _find(text: str, needle: str, occurrence: int = 0) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            return -1
    return start


def gold_records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_pair(rec: dict[str, Any]) -> tuple[Article, Analysis]:
    text = rec["text"]
    article = Article(
        id=rec["id"], text=text, title=rec.get("title"), url=rec.get("url"), outlet=rec.get("outlet"),
        published=rec.get("published"), language="en",
    )  # fmt: skip
    places = {p["name"]: p for p in rec.get("places", [])}
    events = []
    for ev in rec.get("events", []):
        start = _find(text, ev["evidence"])
        place = places.get(ev.get("location"), {})
        events.append(
            Event(
                event_type=ev["event_type"], sub_event_type=ev.get("sub_event_type"),
                start=start, end=start + len(ev["evidence"]), evidence=ev["evidence"],
                actor1=ev.get("actor1"), actor2=ev.get("actor2"), location=ev.get("location"),
                geonameid=place.get("geonameid"), lat=place.get("lat"), lon=place.get("lon"),
                country=place.get("country"), date=ev.get("date"),
                date_precision=ev.get("date_precision") or "unknown", fatalities=ev.get("fatalities"),
                quantities=ev.get("quantities") or {}, reported_by=ev.get("reported_by"),
            )
        )  # fmt: skip
    framing = []
    for fr in rec.get("framing", []):
        start = _find(text, fr["span"], fr.get("occurrence", 0))
        framing.append(
            FramingSpan(text=fr["span"], start=start, end=start + len(fr["span"]), technique=fr["technique"],
                        neutral=fr.get("neutral"))
        )  # fmt: skip
    analysis = Analysis(
        article_id=rec["id"], language="en", published=rec.get("published"), outlet=rec.get("outlet"),
        events=events, framing=framing, stages=["gold"],
    )  # fmt: skip
    return article, analysis
