"""Read-only queries the corpus views and exports share (events with their articles).

SQL stays portable (SQLite and PostgreSQL): ``?`` placeholders, no dialect functions.
Filtering that needs name normalisation (places, actors) happens in Python on these rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .store import EVENT_COLUMNS, Store

# Article fields carried on every event row (prefixed names avoid clashes with event columns).
_ARTICLE_FIELDS = ("outlet", "published", "url", "title", "copy_of")

_EVENT_SELECT = (
    "SELECT e.article_id, e.idx, "
    + ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    + ", a.outlet, a.published, a.url, a.title, a.copy_of, a.ingested_at"
    + " FROM events e JOIN articles a ON a.id = e.article_id"
)


def event_id(article_id: str, idx: int) -> str:
    """The stable id of a stored event: its article id and its position in that article."""
    return f"{article_id}#{idx}"


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row["event_id"] = event_id(row["article_id"], row["idx"])
    raw = row.get("quantities")
    row["quantities"] = json.loads(raw) if raw else {}
    return row


def event_rows(
    store: Store,
    *,
    article_ids: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    event_types: Iterable[str] = (),
    include_copies: bool = True,
) -> Iterator[dict[str, Any]]:
    """Stored events joined with their article's outlet, date, url, title and ``copy_of``.

    Date bounds compare the stored date text, so partial dates ("2018", "2018-06") are
    kept when their prefix can fall inside the range; exact interval filtering is the
    caller's job (see ``eventwire.exports.filters``). Rows come ordered by article and index.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if article_ids is not None:
        ids = list(article_ids)
        if not ids:
            return
        clauses.append(f"e.article_id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    if date_to:
        clauses.append("(e.date IS NULL OR e.date <= ?)")
        params.append(date_to)
    if date_from:
        # "2018" < "2018-06-01" as text, yet the year overlaps the range: compare the prefix.
        clauses.append("(e.date IS NULL OR e.date >= ? OR e.date = ? OR e.date = ?)")
        params.extend([date_from, date_from[:4], date_from[:7]])
    types = list(event_types)
    if types:
        clauses.append(f"e.event_type IN ({', '.join('?' for _ in types)})")
        params.extend(types)
    if not include_copies:
        clauses.append("a.copy_of IS NULL")
    sql = _EVENT_SELECT
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY e.article_id, e.idx"
    for row in store.db.query(sql, params):
        yield _decode(row)


def article_rows(store: Store, article_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Article metadata rows (no text), ordered by publication date then id."""
    sql = (
        "SELECT id, url, outlet, published, title, language, analyzed, reason, copy_of, ingested_at "
        "FROM articles"
    )
    params: list[Any] = []
    if article_ids is not None:
        ids = list(article_ids)
        if not ids:
            return []
        sql += f" WHERE id IN ({', '.join('?' for _ in ids)})"
        params = ids
    sql += " ORDER BY CASE WHEN published IS NULL THEN 1 ELSE 0 END, published, id"
    return store.db.query(sql, params)


def copies_of(store: Store) -> dict[str, list[dict[str, Any]]]:
    """original article id -> its recorded copies (id, outlet, published)."""
    rows = store.db.query(
        "SELECT id, outlet, published, copy_of FROM articles WHERE copy_of IS NOT NULL ORDER BY id"
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["copy_of"], []).append(
            {"article_id": r["id"], "outlet": r["outlet"], "published": r["published"]}
        )
    return out


def story_of_events(store: Store) -> dict[str, str]:
    """event id -> story id, for events already grouped into stories."""
    if not store.db.table_exists("story_events"):
        return {}
    rows = store.db.query("SELECT article_id, idx, story_id FROM story_events")
    return {event_id(r["article_id"], r["idx"]): r["story_id"] for r in rows}


def framing_counts(store: Store, article_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Framing spans (article, technique, text, neutral, voice) of the given articles."""
    ids = list(article_ids)
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    return store.db.query(
        f"SELECT article_id, idx, technique, text, neutral, voice, start_char, end_char "
        f"FROM framing WHERE article_id IN ({marks}) ORDER BY article_id, idx",
        ids,
    )
