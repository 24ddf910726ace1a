"""Corpus read-outs the HTTP API and the pages share, over ``eventwire.exports`` and ``eventwire.stories``.

Events, stories, timelines, contradictions and exports come from those packages (the same
functions the CLI uses). This module adds what only the pages and API need: article and
place listings, a place's resolution, the filter menus, claims per story, and an outlet's
framing profile over time (by month), read from the store's tables with portable SQL.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..exports import EventFilter, event_records
from ..store import Store
from ..stories import place_timeline as stories_place_timeline

log = logging.getLogger(__name__)


# -- events --------------------------------------------------------------------------------
def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def page_of(rows: Iterator[dict[str, Any]], limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """(total, rows[offset:offset + limit]) from an iterator, counting the rest without keeping it."""
    rows = iter(rows)
    items = list(islice(rows, offset, offset + limit))
    total = offset + len(items) + sum(1 for _ in rows) if len(items) == limit else offset + len(items)
    return total, items


def query_events(
    store: Store, flt: EventFilter, *, limit: int = 100, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of flat event records) in date order, undated events last."""
    return page_of(event_records(store, flt), limit, offset)


def facets(store: Store) -> dict[str, list[str]]:
    """Distinct values for the filter drop-downs."""

    def distinct(sql: str) -> list[str]:
        return [r["v"] for r in store.db.query(sql) if r["v"]]

    return {
        "event_type": distinct("SELECT DISTINCT event_type AS v FROM events ORDER BY v"),
        "outlet": distinct("SELECT DISTINCT outlet AS v FROM articles ORDER BY v"),
    }


# -- articles -----------------------------------------------------------------------------
def list_articles(
    store: Store, *, outlet: str | None = None, q: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    clauses, params = [], []
    if outlet:
        clauses.append("LOWER(a.outlet) = ?")
        params.append(outlet.lower())
    if q:
        clauses.append("(LOWER(a.title) LIKE ? ESCAPE '\\' OR LOWER(a.text) LIKE ? ESCAPE '\\')")
        params.extend([_like(q)] * 2)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = store.db.query(f"SELECT COUNT(*) AS n FROM articles a{where}", params)
    rows = store.db.query(
        "SELECT a.id, a.title, a.outlet, a.published, a.url, a.language, a.analyzed, a.reason, a.copy_of, "
        "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events, "
        "(SELECT COUNT(*) FROM places p WHERE p.article_id = a.id) AS places, "
        "(SELECT COUNT(*) FROM framing f WHERE f.article_id = a.id) AS framing "
        f"FROM articles a{where} "
        "ORDER BY CASE WHEN a.published IS NULL THEN 1 ELSE 0 END, a.published DESC, a.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    for row in rows:
        row["analyzed"] = bool(row["analyzed"])
    return int(total[0]["n"]), rows


# -- places ---------------------------------------------------------------------------------
def list_places(
    store: Store, *, q: str | None = None, limit: int = 100, offset: int = 0
) -> tuple[int, list[dict]]:
    """Resolved places with how many articles mention them and how many events happen there."""
    params: list[Any] = []
    where = " WHERE p.name IS NOT NULL"
    if q:
        where += " AND LOWER(p.name) LIKE ? ESCAPE '\\'"
        params.append(_like(q))
    total = store.db.query(f"SELECT COUNT(DISTINCT p.name) AS n FROM places p{where}", params)
    rows = store.db.query(
        "SELECT p.name AS name, MAX(p.country) AS country, MAX(p.admin1) AS admin1, MAX(p.kind) AS kind, "
        "MAX(p.geonameid) AS geonameid, AVG(p.lat) AS lat, AVG(p.lon) AS lon, "
        "COUNT(DISTINCT p.article_id) AS articles, "
        "(SELECT COUNT(*) FROM events e WHERE e.location = p.name) AS events "
        f"FROM places p{where} GROUP BY p.name ORDER BY articles DESC, p.name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return int(total[0]["n"]), rows


def place_info(store: Store, name: str) -> dict[str, Any] | None:
    """How a place name resolved across the corpus (the most frequent resolution first)."""
    rows = store.db.query(
        "SELECT name, country, admin1, kind, geonameid, lat, lon, precision, COUNT(*) AS mentions, "
        "COUNT(DISTINCT article_id) AS articles FROM places WHERE LOWER(name) = ? "
        "GROUP BY name, country, admin1, kind, geonameid, lat, lon, precision ORDER BY mentions DESC",
        [name.lower()],
    )
    if not rows:
        return None
    info = dict(rows[0])
    info["articles"] = sum(r["articles"] for r in rows)
    info["mentions"] = sum(r["mentions"] for r in rows)
    return info


def place_page(store: Store, name: str, *, include_unconfirmed: bool = False) -> dict[str, Any] | None:
    """A place's resolution plus ``eventwire.stories.place_timeline`` (events, control, holders)."""
    info = place_info(store, name)
    found = stories_place_timeline(store, name, include_unconfirmed=include_unconfirmed)
    if info is None and not found["events"]:
        return None
    if info is None:
        first = found["events"][0]
        info = {k: first.get(k) for k in ("country", "admin1", "geonameid", "lat", "lon")}
        info.update(name=first.get("location") or name, kind=None, precision=None, mentions=0,
                    articles=len({e["article_id"] for e in found["events"]}))  # fmt: skip
    return {**found, "resolution": info}


def story_claims(
    store: Store, article_ids: list[str], kinds: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Attributed claims of the given articles (speaker, organization, via, claim, kind);
    ``kinds`` keeps only those kinds ("speech", "belief", "evidence")."""
    if not article_ids:
        return []
    marks = ", ".join("?" for _ in article_ids)
    params: list[Any] = list(article_ids)
    where = f"article_id IN ({marks})"
    wanted = list(kinds or ())
    if wanted:
        where += f" AND kind IN ({', '.join('?' for _ in wanted)})"
        params += wanted
    rows = store.db.query(
        "SELECT article_id, speaker, organization, via, anonymous, claim, start_char, end_char, kind "
        f"FROM attributions WHERE {where} ORDER BY article_id, idx",
        params,
    )
    for r in rows:
        r["anonymous"] = bool(r["anonymous"])
    return rows


# -- outlets ----------------------------------------------------------------------------------
def list_outlets(store: Store) -> list[dict[str, Any]]:
    return store.db.query(
        "SELECT COALESCE(a.outlet, '') AS outlet, COUNT(*) AS articles, MIN(a.published) AS first_published, "
        "MAX(a.published) AS last_published, "
        "(SELECT COUNT(*) FROM framing f JOIN articles b ON b.id = f.article_id "
        " WHERE COALESCE(b.outlet, '') = COALESCE(a.outlet, '')) AS framing, "
        "(SELECT COUNT(*) FROM events e JOIN articles b ON b.id = e.article_id "
        " WHERE COALESCE(b.outlet, '') = COALESCE(a.outlet, '')) AS events "
        "FROM articles a GROUP BY COALESCE(a.outlet, '') ORDER BY articles DESC, outlet"
    )


def outlet_profile(store: Store, outlet: str) -> dict[str, Any] | None:
    """Framing over time: per month, spans per technique and per 1,000 words of the outlet's text.

    Only the outlet's own voice counts toward the profile; quoted speakers' loaded words are
    reported separately, since relaying a quote is not the outlet's judgment.
    """
    articles = store.db.query(
        "SELECT id, published, title, text FROM articles WHERE LOWER(COALESCE(outlet, '')) = ?",
        [outlet.lower()],
    )
    if not articles:
        return None
    spans = store.db.query(
        "SELECT f.article_id, f.text, f.technique, f.neutral, f.voice, f.target FROM framing f "
        "JOIN articles a ON a.id = f.article_id WHERE LOWER(COALESCE(a.outlet, '')) = ?",
        [outlet.lower()],
    )
    month_of = {a["id"]: (a["published"] or "")[:7] or "undated" for a in articles}
    words: Counter[str] = Counter()
    count_articles: Counter[str] = Counter()
    for a in articles:
        words[month_of[a["id"]]] += len(a["text"].split())
        count_articles[month_of[a["id"]]] += 1
    per_month: dict[str, Counter[str]] = defaultdict(Counter)
    quoted: Counter[str] = Counter()
    terms: Counter[tuple[str, str]] = Counter()
    for s in spans:
        if s["voice"] == "quoted":
            quoted[s["technique"]] += 1
            continue
        per_month[month_of[s["article_id"]]][s["technique"]] += 1
        terms[(s["text"].lower(), s["technique"])] += 1
    techniques = sorted({t for c in per_month.values() for t in c})
    months = sorted(words, key=lambda m: (m == "undated", m))
    series = []
    for m in months:
        counts = per_month.get(m, Counter())
        total = sum(counts.values())
        series.append(
            {
                "month": m,
                "articles": count_articles[m],
                "words": words[m],
                "spans": total,
                "per_1000_words": round(1000 * total / words[m], 2) if words[m] else 0.0,
                "techniques": dict(sorted(counts.items())),
            }
        )
    return {
        "outlet": outlet,
        "articles": len(articles),
        "techniques": techniques,
        "months": series,
        "quoted": dict(sorted(quoted.items())),
        "top_terms": [{"text": t, "technique": k, "count": n} for (t, k), n in terms.most_common(20)],
    }


def refresh_views(db: str) -> None:
    """Bring copies and stories up to date after new articles (incremental, like the CLI verbs do).

    A failure here must not lose the articles just stored, so it is logged, not raised.
    """
    from ..store.freshness import update_views

    try:
        with Store(db) as store:
            update_views(store)
    except Exception:  # noqa: BLE001 - stored articles stay stored; the views catch up next time
        log.warning("updating stories after ingest failed", exc_info=True)
