"""The one data model that flows through every stage: `Article` in, `Analysis` out.

Every record that points into the text carries `start`/`end` character offsets into
`Article.text` (Python string indices), so any output can be shown as evidence:
``article.text[rec.start:rec.end] == rec.text`` (or ``.mention`` for places/actors).

Serialisation: every class has ``as_dict()`` / ``from_dict()``; ``Analysis.to_json()``
and ``Analysis.from_json()`` round-trip exactly (tests assert equality).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

T = TypeVar("T", bound="Record")

SCHEMA_VERSION = 1


class Record:
    """Mixin: dict round-trip for (possibly nested) dataclasses."""

    # name of field -> Record subclass for nested lists/objects
    _nested: ClassVar[dict[str, type[Record]]] = {}

    def as_dict(self) -> dict[str, Any]:
        # dataclasses.asdict deep-copies every value; this is the hot path of storing and
        # shipping analyses, and our values are plain JSON types, so copy containers only.
        return {name: _plain(getattr(self, name)) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                continue  # tolerate fields added by newer versions
            sub = cls._nested.get(key)
            if sub is not None and value is not None:
                if isinstance(value, list):
                    value = [sub.from_dict(v) for v in value]
                else:
                    value = sub.from_dict(value)
            kwargs[key] = value
        return cls(**kwargs)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass
class Article(Record):
    """One news report as ingested. Missing metadata is ``None``, never invented."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" (or None when unknown)
    language: str | None = None  # ISO 639-1 code from language detection
    source: str | None = None  # where it was read from: "path" or "path:line"
    warnings: list[str] = field(default_factory=list)


@dataclass
class Sentence(Record):
    start: int
    end: int


@dataclass
class Entity(Record):
    """A named entity as the NLP model tagged it (evidence for later stages)."""

    text: str
    label: str
    start: int
    end: int


@dataclass
class Candidate(Record):
    """A gazetteer candidate considered for a place mention (runner-ups)."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    kind: str | None = None
    score: float = 0.0


@dataclass
class Place(Record):
    """A place mention, resolved against the gazetteer where possible.

    ``precision`` follows ACLED's geo_precision idea: "exact" (the place itself),
    "district", "province" (resolved to the enclosing province), "country".
    Unresolvable places keep ``lat``/``lon`` None rather than invented coordinates.
    """

    mention: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    kind: str | None = None
    precision: str | None = None
    confidence: float = 0.0
    source: str | None = None  # which gazetteer row/resource resolved it
    candidates: list[Candidate] = field(default_factory=list)
    # None for a location; "modifier" for an adjective ("British officials"), "embedded" for a place
    # inside an organisation's name ("The Washington Post"): references that are never a location.
    role: str | None = None
    _nested: ClassVar[dict[str, type[Record]]] = {"candidates": Candidate}


@dataclass
class Actor(Record):
    """An actor mention resolved to a canonical (ACLED-style) actor name."""

    mention: str
    start: int
    end: int
    name: str  # canonical, e.g. "Military Forces of Syria"
    actor_type: str | None = None  # state forces, rebel group, ... (see data/actors)
    country: str | None = None
    label: str | None = None  # generic label used ("militants", "terrorists") if any


@dataclass
class Event(Record):
    """An ACLED-style event record with its evidence span."""

    event_type: str
    sub_event_type: str | None
    start: int  # evidence span (sentence or clause)
    end: int
    evidence: str
    trigger: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: str | None = None
    location: str | None = None  # canonical place name
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geo_precision: str | None = None
    date: str | None = None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None
    date_precision: str = "unknown"  # day | week | month | year | unknown
    fatalities: int | None = None
    quantities: dict[str, int] = field(default_factory=dict)
    modality: str = "asserted"  # asserted | reported | hedged | negated | planned
    reported_by: str | None = None
    notes: str | None = None  # neutral one-sentence description
    confidence: float | None = None  # the event classifier's probability of this sub-type

    @property
    def happened(self) -> bool:
        return self.modality in ("asserted", "reported", "hedged")


@dataclass
class Attribution(Record):
    """A claim: who says so, through whom."""

    claim: str
    start: int  # claim span
    end: int
    speaker: str | None = None
    organization: str | None = None
    via: str | None = None
    anonymous: bool = False
    cue: str | None = None  # "said", "according to", ...
    speaker_start: int | None = None
    speaker_end: int | None = None
    # "speech" (said, told), "belief" (thinks, wants, plans) or "evidence" (a poll shows, data indicate)
    kind: str = "speech"
    # index (in ``Analysis.attributions``) of the claim this one is reported inside, if any:
    # "X said that Y claimed Z" gives Y's claim the parent X's
    parent: int | None = None


@dataclass
class FramingSpan(Record):
    """Words that carry the outlet's (or a quoted speaker's) judgment."""

    text: str
    start: int
    end: int
    technique: str  # SemEval-2020 technique name
    neutral: str | None = None
    voice: str = "outlet"  # "outlet" or "quoted" (a quoted speaker's own words)
    target: str | None = None  # canonical actor the label targets, if any
    family: str | None = None  # lexicon entry family, for auditing
    side: str | None = None  # whom a label serves: "state", "non-state", "foreign-state" or None


@dataclass
class Analysis(Record):
    """Everything eventwire found in one article."""

    article_id: str
    analyzed: bool = True
    reason: str | None = None  # why not analyzed (non-English, empty, ...)
    language: str | None = None
    published: str | None = None
    outlet: str | None = None
    country: str | None = None  # ISO code of the country the article is mostly about (actors stage)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    framing: list[FramingSpan] = field(default_factory=list)
    profile: dict[str, Any] = field(default_factory=dict)  # framing profile
    stages: list[str] = field(default_factory=list)  # stages that ran, in order
    schema_version: int = SCHEMA_VERSION

    _nested: ClassVar[dict[str, type[Record]]] = {
        "sentences": Sentence,
        "entities": Entity,
        "places": Place,
        "actors": Actor,
        "events": Event,
        "attributions": Attribution,
        "framing": FramingSpan,
    }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        return cls.from_dict(json.loads(text))

    def sentence_at(self, offset: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None
