"""Stories: every analyzed article belongs to one, alone or with the other reports of its happening.

An article joins the story it scores best with (``scoring.pair_score`` against the story's
members among its retrieved candidates, ``link`` deciding how those pair scores combine),
when that score reaches ``min_score``; otherwise it starts a story. Candidates come from the
stored index (``index.StoryIndex``): only articles sharing the new article's distinctive
words or names are scored, so a batch costs its own size times a bounded candidate list.

A syndicated copy (``articles.copy_of``) is a member too, with role ``copy`` and what it
copies: it joins its original's story, is listed with it and counts as an outlet, but its
events are not counted twice. The story's events (``story_events``) are those of its
original members.

Clustering is incremental: articles already placed are not revisited unless they were
re-ingested or changed copy status; ``rebuild=True`` starts over (for changed settings).
Within a run articles are placed in publication order (undated last), after the run's
document counts are added, so a rebuild of a corpus ingested in one run agrees with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from ..store.queries import article_rows, event_rows
from .agglomerate import Agglomeration
from .common import HAPPENED
from .features import ArticleFeatures, article_features
from .index import StoryIndex
from .scoring import Weighted, pair_score, weighted
from .settings import settings as load_settings
from .summary import summarize

log = logging.getLogger(__name__)

# Planned events are intentions, not reports of a happening; denials are kept because a
# denial is one outlet's side of a contradiction.
CLUSTERED = HAPPENED | {"negated"}


@dataclass
class StoryUpdate:
    """What one ``build_stories`` run changed."""

    articles: int = 0  # articles newly placed (originals and copies)
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


def story_id_for(seed_article_id: str) -> str:
    return "S" + hashlib.sha1(seed_article_id.encode("utf-8")).hexdigest()[:10]


def _order_key(row: dict[str, Any]) -> tuple:
    return (row.get("published") is None, row.get("published") or "", row["id"])


def _clear(store: Store, index: StoryIndex) -> None:
    db = store.db
    db.begin()
    for table in ("stories", "story_events", "story_progress", "story_articles"):
        db.execute(f"DELETE FROM {table}")
    index.clear()
    db.commit()


class _Placer:
    """Scores one article against its candidates' stories; caches what it reads."""

    def __init__(self, store: Store, index: StoryIndex, cfg: dict[str, Any]):
        self.store, self.index, self.cfg = store, index, cfg
        self.story: dict[str, str] = {}  # article id -> story id (members only)
        self.events: dict[str, list[dict[str, Any]]] = {}
        self.weights: dict[str, Weighted] = {}
        self._complete: set[str] = set()  # stories whose stored members are all loaded

    def load_events(self, article_ids: list[str]) -> None:
        missing = [a for a in article_ids if a not in self.events]
        for a in missing:
            self.events[a] = []
        for i in range(0, len(missing), 500):
            for row in event_rows(self.store, article_ids=missing[i : i + 500]):
                if (row.get("modality") or "asserted") in CLUSTERED:
                    self.events[row["article_id"]].append(row)

    def load_stories(self, article_ids: list[str]) -> None:
        missing = [a for a in article_ids if a not in self.story]
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            for r in self.store.db.query(
                f"SELECT article_id, story_id FROM story_articles WHERE role = 'member' "
                f"AND article_id IN ({marks})",
                chunk,
            ):
                self.story[r["article_id"]] = r["story_id"]

    def _weighted(self, f: ArticleFeatures) -> Weighted:
        if f.article_id not in self.weights:
            self.weights[f.article_id] = weighted(self.index, f)
        return self.weights[f.article_id]

    def members(self, story_ids: list[str]) -> dict[str, list[str]]:
        """story id -> its original members' ids (this run's placements included)."""
        out: dict[str, list[str]] = {}
        for aid, sid in self.story.items():
            if sid in story_ids:
                out.setdefault(sid, []).append(aid)
        wanted = [s for s in story_ids if s not in self._complete]
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            for r in self.store.db.query(
                "SELECT article_id, story_id FROM story_articles "
                f"WHERE role = 'member' AND story_id IN ({marks})",
                chunk,
            ):
                self.story[r["article_id"]] = r["story_id"]
                if r["article_id"] not in out.get(r["story_id"], []):
                    out.setdefault(r["story_id"], []).append(r["article_id"])
            self._complete.update(chunk)
        return out

    def group(self, pending: list[ArticleFeatures]) -> dict[str, tuple[str, float]]:
        """article id -> (its group, the score its group joined at).

        A group is an existing story id, or a key of ``self.new_groups`` (see ``agglomerate``)."""
        agg = Agglomeration()
        cands = {f.article_id: self.index.candidates(f) for f in pending}
        everyone = sorted({c for cs in cands.values() for c in cs})
        self.load_stories(everyone)
        story_ids = sorted({self.story[c] for c in everyone if c in self.story})
        groups = self.members(story_ids)
        for sid in story_ids:
            agg.add_cluster(sid, groups.get(sid, []), fixed=True)
        for f in pending:
            agg.add_cluster("new:" + f.article_id, [f.article_id], fixed=False)
        ids = sorted({*everyone, *(f.article_id for f in pending)})
        vectors = self.index.vectors(ids)
        self.load_events(ids)
        done: set[tuple[str, str]] = set()
        for f in pending:
            wf = self._weighted(f)
            for c in cands[f.article_id]:
                key = (min(f.article_id, c), max(f.article_id, c))
                if key in done or c not in vectors or c not in agg.cluster_of:
                    continue
                done.add(key)
                cf = vectors[c]
                score = pair_score(f, wf, self.events[f.article_id], cf, self._weighted(cf),
                                   self.events[c], self.cfg)  # fmt: skip
                agg.add_pair(f.article_id, c, score)
        joined = agg.run(float(self.cfg["min_score"]))
        out: dict[str, tuple[str, float]] = {}
        for f in pending:
            cid = agg.cluster_of[f.article_id]
            out[f.article_id] = (cid, joined.get(cid, 0.0))
        self.new_groups = {cid: m for cid, m in agg.members.items() if cid not in agg.fixed}
        return out


def _stale(store: Store, articles: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Memberships that no longer hold: article gone, re-ingested, or its copy status changed."""
    out = []
    for m in store.db.query("SELECT article_id, story_id, role, copy_of, ingested_at FROM story_articles"):
        art = articles.get(m["article_id"])
        if (
            art is None
            or art["ingested_at"] != m["ingested_at"]
            or (art["copy_of"] or None) != (m["copy_of"] or None)
        ):
            out.append(m)
    return out


def build_stories(
    store: Store, *, rebuild: bool = False, settings: dict[str, dict[str, Any]] | None = None
) -> StoryUpdate:
    """Place every analyzed article not yet in a story, incrementally. Run ``mark_copies`` first."""
    cfg = load_settings(settings)
    scfg = cfg["stories"]
    db = store.db
    update = StoryUpdate()
    index = StoryIndex(
        store, postings=int(scfg["postings"]), candidates=int(scfg["candidates"]), max_df=int(scfg["max_df"])
    )
    if rebuild:
        _clear(store, index)
    index.load()
    articles = {r["id"]: r for r in article_rows(store)}
    touched: set[str] = set()
    db.begin()
    try:
        stale = _stale(store, articles)
        for m in stale:
            touched.add(m["story_id"])
            db.execute("DELETE FROM story_articles WHERE article_id = ?", (m["article_id"],))
            db.execute("DELETE FROM story_events WHERE article_id = ?", (m["article_id"],))
            art = articles.get(m["article_id"])
            if art is None or art["ingested_at"] != m["ingested_at"] or m["role"] == "member":
                index.remove(m["article_id"])
        if stale:
            log.info("%d articles changed since they were placed; re-placing them", len(stale))
        placed = {r["article_id"] for r in db.query("SELECT article_id FROM story_articles")}
        pending = sorted(
            (a for aid, a in articles.items() if aid not in placed and a["analyzed"] and not a["copy_of"]),
            key=_order_key,
        )
        feats = []
        for a in pending:
            text = db.query("SELECT text FROM articles WHERE id = ?", (a["id"],))[0]["text"]
            feats.append(article_features({**a, "text": text}, store.get_analysis(a["id"]),
                                          lead_words=int(scfg["lead_words"])))  # fmt: skip
        index.count(feats)
        for a, f in zip(pending, feats, strict=True):
            index.add(f, a["ingested_at"])
        placer = _Placer(store, index, scfg)
        placement = placer.group(feats)
        order = {a["id"]: i for i, a in enumerate(pending)}
        seed_story = {
            cid: story_id_for(min(m, key=order.__getitem__)) for cid, m in placer.new_groups.items()
        }
        update.created = len(seed_story)
        members: list[tuple] = []
        for a in pending:
            sid, score = placement[a["id"]]
            sid = seed_story.get(sid, sid)
            touched.add(sid)
            members.append((a["id"], sid, "member", None, round(score, 4), a["ingested_at"]))
            update.events += len(placer.events[a["id"]])
            db.executemany(
                "INSERT INTO story_events (article_id, idx, story_id) VALUES (?, ?, ?)",
                [(e["article_id"], e["idx"], sid) for e in placer.events[a["id"]]],
            )
        db.executemany(
            "INSERT INTO story_articles (article_id, story_id, role, copy_of, score, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            members,
        )
        members = _place_copies(store, articles, placed | {m[0] for m in members}, touched)
        update.articles = len(pending) + len(members)
        index.flush()
        update.removed = _write_summaries(store, touched, cfg)
        db.commit()
    except BaseException:
        db.rollback()
        raise
    update.touched = len(touched)
    update.story_ids = sorted(touched)
    update.total = int(db.query("SELECT COUNT(*) AS n FROM stories")[0]["n"])
    log.info("stories: %s", update.as_dict())
    return update


def _place_copies(
    store: Store, articles: dict[str, dict[str, Any]], placed: set[str], touched: set[str]
) -> list[tuple]:
    """Copies join their original's story (role ``copy``), and follow it if it moved; returns new rows."""
    db = store.db
    story_of: dict[str, str] = {}
    copy_story: dict[str, str] = {}
    for r in db.query("SELECT article_id, story_id, role FROM story_articles"):
        (story_of if r["role"] == "member" else copy_story)[r["article_id"]] = r["story_id"]
    rows = []
    for aid, a in sorted(articles.items()):
        original = a["copy_of"]
        if not original or original not in story_of:
            continue
        sid = story_of[original]
        if aid in copy_story:
            if copy_story[aid] != sid:
                db.execute("UPDATE story_articles SET story_id = ? WHERE article_id = ?", (sid, aid))
                touched.update({sid, copy_story[aid]})
            continue
        if aid in placed:
            continue
        rows.append((aid, sid, "copy", original, None, a["ingested_at"]))
        touched.add(sid)
    db.executemany(
        "INSERT INTO story_articles (article_id, story_id, role, copy_of, score, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    return rows


def _write_summaries(store: Store, story_ids: set[str], cfg: dict[str, Any]) -> int:
    """Recompute the ``stories`` rows of these stories (inside the caller's transaction)."""
    db = store.db
    ids = sorted(story_ids)
    existing = {r["id"]: r["created_at"] for r in db.query("SELECT id, created_at FROM stories")}
    removed = 0
    for i in range(0, len(ids), 200):
        chunk = ids[i : i + 200]
        marks = ", ".join("?" for _ in chunk)
        members = db.query(
            f"SELECT m.story_id, m.role, a.id, a.title, a.outlet, a.published, a.text FROM story_articles m "
            f"JOIN articles a ON a.id = m.article_id WHERE m.story_id IN ({marks})",
            chunk,
        )
        by_story: dict[str, list[dict[str, Any]]] = {}
        for m in members:
            by_story.setdefault(m["story_id"], []).append(m)
        originals = [m["id"] for m in members if m["role"] == "member"]
        events: dict[str, list[dict[str, Any]]] = {}
        for j in range(0, len(originals), 500):
            for row in event_rows(store, article_ids=originals[j : j + 500]):
                if (row.get("modality") or "asserted") in CLUSTERED:
                    events.setdefault(row["article_id"], []).append(row)
        db.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
        for sid in chunk:
            arts = sorted(by_story.get(sid, []), key=_order_key)
            if not arts:
                removed += 1
                continue
            rows = [e for a in arts if a["role"] == "member" for e in events.get(a["id"], [])]
            s = summarize(rows, arts, cfg["contradictions"])
            db.execute(
                "INSERT INTO stories (id, title, place, country, admin1, date_start, date_end, event_types, "
                "actors, outlets, n_events, n_articles, n_outlets, n_contradictions, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (sid, s["title"], s["place"], s["country"], s["admin1"], s["date_start"], s["date_end"],
                 json.dumps(s["event_types"]), json.dumps(s["actors"], ensure_ascii=False),
                 json.dumps(s["outlets"], ensure_ascii=False), s["n_events"], s["n_articles"],
                 s["n_outlets"], s["n_contradictions"], existing.get(sid, _now()), _now()),
            )  # fmt: skip
    return removed
