"""Hand-built articles and analyses for corpus-view tests (texts written for these tests)."""

from __future__ import annotations

from typing import Any

from eventwire.models import Analysis, Article, Entity, Event, FramingSpan
from eventwire.store import Store

# Coordinates of real places (GeoNames), so distance rules see true geography.
PLACES: dict[str, dict[str, Any]] = {
    "Dael": {"geonameid": 170959, "lat": 32.75, "lon": 36.13, "country": "SY", "admin1": "Daraa"},
    "Al-Harak": {"geonameid": 173819, "lat": 32.75, "lon": 36.31, "country": "SY", "admin1": "Daraa"},
    "Daraa al-Balad": {"lat": 32.61, "lon": 36.10, "country": "SY", "admin1": "Daraa"},
    "Daraa Governorate": {"country": "SY", "admin1": "Daraa"},
    "Mogadishu": {"geonameid": 53654, "lat": 2.04, "lon": 45.34, "country": "SO", "admin1": "Banaadir"},
    "Afgooye": {
        "geonameid": 58933,
        "lat": 2.14,
        "lon": 45.12,
        "country": "SO",
        "admin1": "Shabeellaha Hoose",
    },
    "Kharkiv": {"geonameid": 706483, "lat": 50.00, "lon": 36.23, "country": "UA", "admin1": "Kharkiv"},
}


def event(text: str, evidence: str, **fields: Any) -> Event:
    """An Event whose evidence span is located in ``text`` (so offsets are real)."""
    start = text.index(evidence)
    place = PLACES.get(fields.get("location") or "", {})
    merged = {**place, **fields}
    merged.setdefault("date_precision", "day" if merged.get("date") else "unknown")
    return Event(start=start, end=start + len(evidence), evidence=evidence, **merged)


def add(
    store: Store,
    article_id: str,
    text: str,
    *,
    outlet: str,
    published: str | None,
    events: list[tuple[str, dict[str, Any]]] = (),  # type: ignore[assignment]
    framing: list[tuple[str, str]] = (),  # type: ignore[assignment]
    profile: dict[str, Any] | None = None,
    entities: list[tuple[str, str]] = (),  # type: ignore[assignment]
    title: str | None = None,
) -> tuple[Article, Analysis]:
    article = Article(
        id=article_id, text=text, outlet=outlet, published=published, language="en", title=title
    )
    spans = []
    for words, technique in framing:
        start = text.index(words)
        spans.append(FramingSpan(text=words, start=start, end=start + len(words), technique=technique))
    analysis = Analysis(
        article_id=article_id,
        published=published,
        outlet=outlet,
        language="en",
        events=[event(text, ev, **f) for ev, f in events],
        framing=spans,
        entities=[
            Entity(text=w, label=label, start=text.index(w), end=text.index(w) + len(w))
            for w, label in entities
        ],
        profile=profile or {},
    )
    store.add(article, analysis)
    return article, analysis


# Two outlets report one bombing with different tolls; a third site republishes the first.
WIRE_TEXT = (
    "MOGADISHU, March 3 - A car bomb exploded outside a busy hotel in Mogadishu on Tuesday, "
    "killing 12 people, police said. The blast shattered windows along the main road and sent "
    "smoke over the port district. Al Shabaab said it carried out the attack. Ambulances carried "
    "the wounded to Madina hospital, where doctors appealed for blood donors. The group has "
    "fought the federal government for more than a decade and often targets hotels used by officials."
)
REPUBLISHED_TEXT = (
    "According to Horn Wire, a car bomb exploded outside a busy hotel in Mogadishu on Tuesday, "
    "killing 12 people, police said. The blast shattered windows along the main road and sent "
    "smoke over the port district. Al Shabaab said it carried out the attack. Ambulances carried "
    "the wounded to Madina hospital, where doctors appealed for blood donors."
)
LOCAL_TEXT = (
    "At least 19 people died when militants detonated an explosives-laden vehicle next to a hotel "
    "in the Somali capital on Tuesday afternoon, a district official told our reporter. Witnesses "
    "described gunfire after the explosion. The terrorist gang claimed responsibility on its radio station."
)
OTHER_TEXT = (
    "KHARKIV - Russian forces shelled residential blocks in the city of Kharkiv overnight, regional "
    "officials said on Wednesday. Three people were wounded and a school was damaged, they said."
)


WIRE_EVIDENCE = "A car bomb exploded outside a busy hotel in Mogadishu on Tuesday, killing 12 people"
LOCAL_EVIDENCE = (
    "At least 19 people died when militants detonated an explosives-laden vehicle next to a hotel "
    "in the Somali capital on Tuesday afternoon"
)
BOMBING = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Suicide bomb",
    "location": "Mogadishu",
    "actor1": "Al Shabaab",
    "actor2": "Civilians (Somalia)",
    "date": "2020-03-03",
}
SHELLING = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
    "location": "Kharkiv",
    "actor1": "Military Forces of Russia",
    "date": "2020-03-04",
}


def bombing_corpus(store: Store) -> None:
    """Store the written bombing corpus: two outlets, one copy, and one unrelated report."""
    add(store, "wire-1", WIRE_TEXT, outlet="Horn Wire", published="2020-03-03",
        events=[(WIRE_EVIDENCE, {**BOMBING, "fatalities": 12})])  # fmt: skip
    add(store, "copy-1", REPUBLISHED_TEXT, outlet="Daily Relay", published="2020-03-03",
        events=[(WIRE_EVIDENCE.replace("A car", "a car"), {**BOMBING, "fatalities": 12})])  # fmt: skip
    add(store, "local-1", LOCAL_TEXT, outlet="Capital Voice", published="2020-03-04",
        events=[(LOCAL_EVIDENCE, {**BOMBING, "fatalities": 19})],
        framing=[("terrorist gang", "Name_Calling,Labeling")])  # fmt: skip
    add(store, "other-1", OTHER_TEXT, outlet="Horn Wire", published="2020-03-04",
        events=[("Russian forces shelled residential blocks", SHELLING)])  # fmt: skip
