"""Stories: events and articles that report one happening, across outlets and over time.

An event joins the story it links to best; two events link when they are at the same
or nearby places (or one province), a few days apart at most, of compatible ACLED types
(``data/event_groups.json``), with actors that do not clash. A story never grows longer
than ``max_span_days``. Events of syndicated copies are not clustered: a copy's article
is listed with its original's story, so the copy does not double-count events.

Clustering is incremental: articles already placed are not revisited unless they were
re-ingested or became copies since; ``rebuild=True`` starts over. The order is by
publication date, so an incremental run and a rebuild of the same corpus agree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from ..store.queries import article_rows, copies_of, event_rows
from .common import (
    HAPPENED,
    Interval,
    actor_adjustment,
    event_interval,
    gap_days,
    place_affinity,
    same_place,
    span_days,
    types_compatible,
)
from .contradictions import find_contradictions
from .settings import settings as load_settings

log = logging.getLogger(__name__)

# Planned events are intentions, not reports of a happening; denials are kept because a
# denial is one outlet's side of a contradiction.
_CLUSTERED = HAPPENED | {"negated"}


@dataclass
class StoryUpdate:
    """What one ``build_stories`` run changed."""

    articles: int = 0  # articles newly placed
    events: int = 0  # events newly placed
    created: int = 0
    touched: int = 0
    removed: int = 0
    total: int = 0
    story_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("articles", "events", "created", "touched", "removed", "total")}


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _story_id(seed_event_id: str) -> str:
    return "S" + hashlib.sha1(seed_event_id.encode("utf-8")).hexdigest()[:10]


class _Story:
    def __init__(self, sid: str):
        self.id = sid
        self.rows: list[dict[str, Any]] = []
        self.span: Interval | None = None

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        interval, proxy = event_interval(row)
        if interval is not None and not proxy:
            self.span = (
                interval
                if self.span is None
                else (min(self.span[0], interval[0]), max(self.span[1], interval[1]))
            )

    def score(self, row: dict[str, Any], cfg: dict[str, Any]) -> float:
        """Best link score of ``row`` to any member (0 when it cannot join)."""
        interval, proxy = event_interval(row)
        if interval is not None and not proxy and self.span is not None:
            joined = (min(self.span[0], interval[0]), max(self.span[1], interval[1]))
            if span_days(joined) > int(cfg["max_span_days"]):
                return 0.0
        best = 0.0
        for member in self.rows:
            best = max(best, _link(row, member, cfg))
        return best


def _link(a: dict[str, Any], b: dict[str, Any], cfg: dict[str, Any]) -> float:
    same_article = a["article_id"] == b["article_id"]
    ia, _ = event_interval(a)
    ib, _ = event_interval(b)
    if ia is None or ib is None:
        if not same_article:
            return 0.0  # undated reports from two articles cannot be tied in time
        gap = 0
    else:
        gap = gap_days(ia, ib)
        # A year- or month-precision background mention ("in 2018 the army retook ...") only
        # links to its own kind of coarse event at the same place, not to a day's fighting.
        if max(span_days(ia), span_days(ib)) > 20 and not (same_place(a, b) and _same_type(a, b)):
            return 0.0
    if gap > int(cfg["window_days"]):
        return 0.0
    place = place_affinity(a, b, float(cfg["near_km"]))
    if place == 0.0:
        return 0.0
    if not types_compatible(a, b):
        # Two kinds of event at one place on one day in one report belong to one story
        # (the army enters a town; residents come out to celebrate).
        if not (same_article and place == 1.0 and gap == 0):
            return 0.0
    score = place + actor_adjustment(a, b) + (0.1 if same_article else 0.0)
    return score if score >= float(cfg["min_score"]) else 0.0


def _same_type(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a.get("event_type") == b.get("event_type") and a.get("sub_event_type") == b.get("sub_event_type")


def _order_key(row: dict[str, Any]) -> tuple:
    return (row.get("published") is None, row.get("published") or "", row["id"])


def build_stories(
    store: Store, *, rebuild: bool = False, settings: dict[str, dict[str, Any]] | None = None
) -> StoryUpdate:
    """Group stored events into stories, incrementally. Run ``mark_copies`` first so copies are skipped."""
    cfg = load_settings(settings)
    scfg = cfg["stories"]
    db = store.db
    update = StoryUpdate()
    if rebuild:
        db.begin()
        for table in ("stories", "story_events", "story_progress"):
            db.execute(f"DELETE FROM {table}")
        db.commit()

    articles = {r["id"]: r for r in article_rows(store)}
    progress = {r["article_id"]: r["ingested_at"] for r in db.query("SELECT * FROM story_progress")}
    stale = [
        aid
        for aid, ingested in progress.items()
        if aid not in articles or articles[aid]["ingested_at"] != ingested or articles[aid]["copy_of"]
    ]
    touched: set[str] = set()
    if stale:
        db.begin()
        for aid in stale:
            touched.update(
                r["story_id"]
                for r in db.query("SELECT story_id FROM story_events WHERE article_id = ?", (aid,))
            )
            db.execute("DELETE FROM story_events WHERE article_id = ?", (aid,))
            db.execute("DELETE FROM story_progress WHERE article_id = ?", (aid,))
            progress.pop(aid, None)
        db.commit()
        log.info("%d articles changed since they were clustered; re-placing them", len(stale))

    # Existing stories with their member events, in memory (the corpus is read once).
    stories: dict[str, _Story] = {}
    membership = db.query("SELECT article_id, idx, story_id FROM story_events")
    by_article: dict[str, dict[int, str]] = {}
    for m in membership:
        by_article.setdefault(m["article_id"], {})[m["idx"]] = m["story_id"]
    if by_article:
        for row in event_rows(store, article_ids=list(by_article)):
            sid = by_article[row["article_id"]].get(row["idx"])
            if sid is not None:
                stories.setdefault(sid, _Story(sid)).add(row)

    pending = sorted(
        (r for aid, r in articles.items() if aid not in progress and not r["copy_of"]), key=_order_key
    )
    new_members: list[tuple[str, int, str]] = []
    for art in pending:
        rows = [
            r
            for r in event_rows(store, article_ids=[art["id"]])
            if (r.get("modality") or "asserted") in _CLUSTERED
        ]
        for row in rows:
            best_sid, best = None, 0.0
            for sid, story in stories.items():
                s = story.score(row, scfg)
                if s > best:
                    best_sid, best = sid, s
            if best_sid is None:
                best_sid = _story_id(row["event_id"])
                stories[best_sid] = _Story(best_sid)
                update.created += 1
            stories[best_sid].add(row)
            touched.add(best_sid)
            new_members.append((row["article_id"], row["idx"], best_sid))
            update.events += 1
        update.articles += 1

    db.begin()
    try:
        db.executemany("INSERT INTO story_events (article_id, idx, story_id) VALUES (?, ?, ?)", new_members)
        db.executemany(
            "INSERT INTO story_progress (article_id, ingested_at) VALUES (?, ?)",
            [(a["id"], a["ingested_at"]) for a in pending],
        )
        copies = copies_of(store)
        existing = {r["id"]: r["created_at"] for r in db.query("SELECT id, created_at FROM stories")}
        for sid in sorted(touched):
            story = stories.get(sid)
            db.execute("DELETE FROM stories WHERE id = ?", (sid,))
            if story is None or not story.rows:
                update.removed += 1
                continue
            summary = summarize(story.rows, copies, cfg["contradictions"])
            db.execute(
                "INSERT INTO stories (id, title, place, country, admin1, date_start, date_end, event_types, "
                "actors, outlets, n_events, n_articles, n_outlets, n_contradictions, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sid, summary["title"], summary["place"], summary["country"], summary["admin1"],
                 summary["date_start"], summary["date_end"], json.dumps(summary["event_types"]),
                 json.dumps(summary["actors"], ensure_ascii=False),
                 json.dumps(summary["outlets"], ensure_ascii=False), summary["n_events"],
                 summary["n_articles"], summary["n_outlets"], summary["n_contradictions"],
                 existing.get(sid, _now()), _now()),
            )  # fmt: skip
        db.commit()
    except BaseException:
        db.rollback()
        raise
    update.touched = len(touched)
    update.story_ids = sorted(touched)
    update.total = int(db.query("SELECT COUNT(*) AS n FROM stories")[0]["n"])
    log.info("stories: %s", update.as_dict())
    return update


# -- summaries and titles -----------------------------------------------------------


def _top(values: list[str | None], n: int) -> list[str]:
    return [v for v, _ in Counter(v for v in values if v).most_common(n)]


def story_place(rows: list[dict[str, Any]]) -> tuple[str | None, str | None, str | None]:
    """(place label, country, admin1) shared by a story's events, from the most to the least precise."""
    locations = _top([r.get("location") for r in rows], 3)
    admins = {r.get("admin1") for r in rows if r.get("admin1")}
    countries = {r.get("country") for r in rows if r.get("country")}
    country = next(iter(countries)) if len(countries) == 1 else None
    admin1 = next(iter(admins)) if len(admins) == 1 else None
    if len(locations) == 1:
        return locations[0], country, admin1
    if admin1:
        return admin1, country, admin1
    if not locations:
        return (country, country, None)
    rest = len({r.get("location") for r in rows if r.get("location")}) - 1
    return f"{locations[0]} and {rest} other place{'s' if rest > 1 else ''}", country, admin1


def story_title(
    rows: list[dict[str, Any]], place: str | None, date_start: str | None, date_end: str | None
) -> str:
    """A neutral title built from the events: what (ACLED types), where, who, when."""
    kinds = _top([r.get("sub_event_type") or r.get("event_type") for r in rows], 2)
    what = " and ".join([kinds[0], *(k.lower() for k in kinds[1:])]) if kinds else "Events"
    title = what + (f" in {place}" if place else "")
    actor1 = _top([r.get("actor1") for r in rows], 1)
    actor2 = _top([r.get("actor2") for r in rows if r.get("actor2") not in actor1], 1)
    if actor1:
        title += f": {actor1[0]}" + (f" / {actor2[0]}" if actor2 else "")
    if date_start:
        title += f" ({date_start}" + (f" to {date_end}" if date_end and date_end != date_start else "") + ")"
    return title


def _date_bounds(rows: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    dated = [r["date"] for r in rows if r.get("date")]
    if not dated:
        published = [r["published"] for r in rows if r.get("published")]
        return (min(published), max(published)) if published else (None, None)
    return min(dated), max(dated)


def summarize(
    rows: list[dict[str, Any]], copies: dict[str, list[dict[str, Any]]], contradiction_cfg: dict[str, Any]
) -> dict[str, Any]:
    happened = [r for r in rows if (r.get("modality") or "asserted") in HAPPENED] or rows
    place, country, admin1 = story_place(happened)
    date_start, date_end = _date_bounds(happened)
    article_ids = {r["article_id"] for r in rows}
    outlets = [r.get("outlet") for r in rows]
    for aid in sorted(article_ids):
        for c in copies.get(aid, []):
            outlets.append(c["outlet"])
            article_ids = article_ids | {c["article_id"]}
    outlet_list = sorted({o for o in outlets if o})
    return {
        "title": story_title(happened, place, date_start, date_end),
        "place": place,
        "country": country,
        "admin1": admin1,
        "date_start": date_start,
        "date_end": date_end,
        "event_types": _top([r.get("event_type") for r in happened], 6),
        "actors": _top([a for r in happened for a in (r.get("actor1"), r.get("actor2"))], 8),
        "outlets": outlet_list,
        "n_events": len(happened),
        "n_articles": len(article_ids),
        "n_outlets": len(outlet_list),
        "n_contradictions": len(find_contradictions(rows, match_days=int(contradiction_cfg["match_days"]))),
    }
