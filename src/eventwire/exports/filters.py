"""The event filter shared by every export (and by the HTTP API): place, bbox, dates, type, actor, outlet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from ..errors import Errors, EventwireError
from ..store import Store
from ..store.queries import event_rows
from ..stories.common import HAPPENED, date_interval
from ..stories.places import PlaceQuery


@dataclass
class EventFilter:
    """Which events to export. Every field is optional; an empty filter keeps every event.

    - ``place``: a place name (any spelling), matching events at it and inside it (a province
      includes its towns), a country name, or a GeoNames id.
    - ``bbox``: (min_lon, min_lat, max_lon, max_lat); events without coordinates are left out.
    - ``date_from`` / ``date_to``: YYYY-MM-DD, inclusive; a partial event date ("2018-07")
      is kept when its period overlaps the range; undated events are left out.
    - ``event_type``: one ACLED event type or several (any of them).
    - ``actor``: case-insensitive substring of actor1, actor2 or assoc_actor_1.
    - ``outlet``: case-insensitive substring of the article's outlet.
    - ``include_copies``: also export events of syndicated copies (off: copies do not double-count).
    - ``include_unconfirmed``: also export planned and denied events.
    """

    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    date_from: str | None = None
    date_to: str | None = None
    event_type: str | tuple[str, ...] | list[str] | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    outlet: str | None = None
    article_id: str | None = None
    include_copies: bool = False
    include_unconfirmed: bool = False

    def __post_init__(self) -> None:
        if self.bbox is not None:
            if len(self.bbox) != 4:
                raise EventwireError(Errors.E050.format(value=self.bbox))
            min_lon, min_lat, max_lon, max_lat = (float(v) for v in self.bbox)
            if min_lon > max_lon or min_lat > max_lat:
                raise EventwireError(Errors.E050.format(value=self.bbox))
            self.bbox = (min_lon, min_lat, max_lon, max_lat)
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and date_interval(value) is None:
                raise EventwireError(Errors.E051.format(value=value))

    @property
    def event_types(self) -> tuple[str, ...]:
        if not self.event_type:
            return ()
        return (self.event_type,) if isinstance(self.event_type, str) else tuple(self.event_type)

    @property
    def selects_events(self) -> bool:
        """True when the filter names something only events have (used for article exports)."""
        return bool(self.place or self.bbox or self.event_type or self.sub_event_type or self.actor)

    def as_dict(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, False)
        }

    def matches(self, row: dict[str, Any], place: PlaceQuery | None = None) -> bool:
        if not self.include_copies and row.get("copy_of"):
            return False
        if not self.include_unconfirmed and (row.get("modality") or "asserted") not in HAPPENED:
            return False
        if self.article_id and row.get("article_id") != self.article_id:
            return False
        types = self.event_types
        if types and row.get("event_type") not in types:
            return False
        if (
            self.sub_event_type
            and (row.get("sub_event_type") or "").casefold() != self.sub_event_type.casefold()
        ):
            return False
        if self.bbox is not None:
            lat, lon = row.get("lat"), row.get("lon")
            if lat is None or lon is None:
                return False
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
                return False
        if self.date_from or self.date_to:
            interval = date_interval(row.get("date"), row.get("date_precision"))
            if interval is None:
                return False
            if self.date_from and interval[1] < date_interval(self.date_from)[0]:  # type: ignore[index]
                return False
            if self.date_to and interval[0] > date_interval(self.date_to)[1]:  # type: ignore[index]
                return False
        if self.actor:
            needle = self.actor.casefold()
            if not any(
                needle in (row.get(k) or "").casefold() for k in ("actor1", "actor2", "assoc_actor_1")
            ):
                return False
        if self.outlet and self.outlet.casefold() not in (row.get("outlet") or "").casefold():
            return False
        if place is not None and place.match(row) is None:
            return False
        return True


def filtered_events(store: Store, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Stored event rows (with article fields) that pass ``flt``, in date order, undated last."""
    flt = flt or EventFilter()
    place = PlaceQuery.parse(flt.place) if flt.place else None
    rows = [
        r
        for r in event_rows(store, event_types=flt.event_types, include_copies=flt.include_copies)
        if flt.matches(r, place)
    ]

    def key(r: dict[str, Any]) -> tuple:
        interval = date_interval(r.get("date"), r.get("date_precision"))
        return (
            interval is None,
            interval[0].isoformat() if interval else "",
            r.get("date") or "",
            r.get("published") or "",
            r["event_id"],
        )

    rows.sort(key=key)
    yield from rows
