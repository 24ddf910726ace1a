"""The article store: articles, analyses and their flattened records in SQL.

Writes are one transaction per article, so a crash or Ctrl-C loses at most the
article in flight; re-adding an article that is already stored changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Errors, EventwireError
from ..ingest.readers import ReadIssue
from ..models import Analysis, Article
from .database import Database
from .migrations import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

DEFAULT_DB = "eventwire.db"
# An issue message longer than this (an exception quoting a whole record) is cut when stored.
MAX_ISSUE_CHARS = 2000

ARTICLE_COLUMNS = (
    "id", "url", "outlet", "published", "title", "text", "language", "source",
    "warnings", "analyzed", "reason", "copy_of", "ingested_at",
)  # fmt: skip

EVENT_COLUMNS = (
    "event_type", "sub_event_type", "trigger", "actor1", "actor2", "assoc_actor_1",
    "location", "geonameid", "lat", "lon", "country", "admin1", "geo_precision",
    "date", "date_precision", "fatalities", "quantities", "modality", "reported_by",
    "notes", "evidence", "start_char", "end_char",
)  # fmt: skip

PLACE_COLUMNS = (
    "mention", "start_char", "end_char", "name", "geonameid", "lat", "lon", "country",
    "admin1", "kind", "precision", "confidence",
)  # fmt: skip

ATTRIBUTION_COLUMNS = (
    "speaker", "organization", "via", "anonymous", "cue", "claim", "start_char", "end_char", "kind",
)  # fmt: skip

FRAMING_COLUMNS = (
    "text", "technique", "neutral", "voice", "target", "family", "start_char", "end_char",
)  # fmt: skip


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


# The article columns an analysis fills; the store adds copy_of (None) and ingested_at.
ANALYZED_ARTICLE_COLUMNS = ARTICLE_COLUMNS[:-2]

CHILD_TABLES = {
    "places": PLACE_COLUMNS,
    "events": EVENT_COLUMNS,
    "attributions": ATTRIBUTION_COLUMNS,
    "framing": FRAMING_COLUMNS,
}


@dataclass(slots=True)
class ArticleRecords:
    """One article's rows for every table, in column order, ready to insert.

    Building them is pure (no database), so a Dask worker builds them next to the analysis
    and the process that owns the store only inserts.
    """

    article_id: str
    article: tuple  # ANALYZED_ARTICLE_COLUMNS
    analysis_json: str
    children: dict[str, list[tuple]]  # CHILD_TABLES name -> rows without article_id and idx


def article_records(article: Article, analysis: Analysis, analysis_json: str | None = None) -> ArticleRecords:
    """The rows `Store.add` inserts for ``article`` and its ``analysis``."""
    row = {
        **{k: getattr(article, k) for k in ("id", "url", "outlet", "published", "title", "text")},
        "language": article.language,
        "source": article.source,
        "warnings": json.dumps(article.warnings),
        "analyzed": int(analysis.analyzed),
        "reason": analysis.reason,
    }
    children = {
        "places": [
            (p.mention, p.start, p.end, p.name, p.geonameid, p.lat, p.lon, p.country, p.admin1,
             p.kind, p.precision, p.confidence)
            for p in analysis.places
            if not p.role  # references ("British", "The Washington Post") are not locations to map
        ],
        "events": [
            (e.event_type, e.sub_event_type, e.trigger, e.actor1, e.actor2, e.assoc_actor_1,
             e.location, e.geonameid, e.lat, e.lon, e.country, e.admin1, e.geo_precision,
             e.date, e.date_precision, e.fatalities, json.dumps(e.quantities, sort_keys=True),
             e.modality, e.reported_by, e.notes, e.evidence, e.start, e.end)
            for e in analysis.events
        ],
        "attributions": [
            (a.speaker, a.organization, a.via, int(a.anonymous), a.cue, a.claim, a.start, a.end, a.kind)
            for a in analysis.attributions
        ],
        "framing": [
            (f.text, f.technique, f.neutral, f.voice, f.target, f.family, f.start, f.end)
            for f in analysis.framing
        ],
    }  # fmt: skip
    return ArticleRecords(
        article_id=article.id,
        article=tuple(row[c] for c in ANALYZED_ARTICLE_COLUMNS),
        analysis_json=analysis_json if analysis_json is not None else analysis.to_json(),
        children=children,
    )


class Store:
    """Open with a SQLite path (default ``eventwire.db``) or a ``postgresql://`` URL."""

    def __init__(self, url: str | Path = DEFAULT_DB):
        self.db = Database(url)
        self.migrate()

    @classmethod
    def open(cls, url: str | Path = DEFAULT_DB) -> Store:
        return cls(url)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        if not self.db.table_exists("meta"):
            return 0
        rows = self.db.query("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0]["value"]) if rows else 0

    def migrate(self) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise EventwireError(Errors.E030.format(found=current, known=SCHEMA_VERSION))
        for number in range(current + 1, SCHEMA_VERSION + 1):
            log.info("applying migration %d", number)
            self.db.begin_schema_change()
            try:
                if self.schema_version >= number:  # another client applied it while we waited
                    self.db.rollback()
                    continue
                for statement in MIGRATIONS[number - 1]:
                    self.db.execute(statement)
                if number == 1:
                    self.db.execute(
                        "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(number),)
                    )
                else:
                    self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(number),))
                self.db.commit()
            except Exception:
                self.db.rollback()
                raise

    # -- writing --------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self.db.query("SELECT 1 AS x FROM articles WHERE id = ?", (article_id,)))

    def add(
        self, article: Article, analysis: Analysis, *, replace: bool = False, analysis_json: str | None = None
    ) -> bool:
        """Store one article and its analysis in one transaction. False if already stored.

        ``analysis_json`` is ``analysis.to_json()`` when the caller has it already, saving
        the serialisation.
        """
        return self.add_records(article_records(article, analysis, analysis_json), replace=replace)

    def add_records(self, records: ArticleRecords, *, replace: bool = False) -> bool:
        """`add` for rows built beforehand (by `article_records`, e.g. on a Dask worker)."""

        def write() -> bool:
            if self.has_article(records.article_id):
                if not replace:
                    return False
                self._delete(records.article_id)
            self._insert(records)
            return True

        return self.db.transaction(write)

    def _delete(self, article_id: str) -> None:
        for table in ("articles", "analyses", *CHILD_TABLES):
            key = "id" if table == "articles" else "article_id"
            self.db.execute(f"DELETE FROM {table} WHERE {key} = ?", (article_id,))

    def _insert(self, records: ArticleRecords) -> None:
        self._insert_rows("articles", ARTICLE_COLUMNS, [(*records.article, None, _now())])
        self.db.execute(
            "INSERT INTO analyses (article_id, json) VALUES (?, ?)",
            (records.article_id, records.analysis_json),
        )
        for table, columns in CHILD_TABLES.items():
            self._insert_rows(
                table,
                ("article_id", "idx", *columns),
                [(records.article_id, i, *r) for i, r in enumerate(records.children[table])],
            )

    def _insert_rows(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        marks = ", ".join("?" for _ in columns)
        self.db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def record_issues(self, issues: Iterable[ReadIssue]) -> int:
        """Keep read and analysis problems in ``ingest_issues``; returns the rows added.

        Idempotent: a problem already recorded (same source and message) is not added
        again, so re-running an ingest over the same input leaves the table as it was.
        """
        wanted = list(dict.fromkeys((i.where, i.message[:MAX_ISSUE_CHARS], int(i.fatal)) for i in issues))
        if not wanted:
            return 0

        def write() -> int:
            known: set[tuple[str, str]] = set()
            sources = sorted({source for source, _m, _f in wanted})
            for start in range(0, len(sources), 500):
                chunk = sources[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                known.update(
                    (r["source"], r["message"])
                    for r in self.db.query(
                        f"SELECT source, message FROM ingest_issues WHERE source IN ({marks})", chunk
                    )
                )
            rows = [(s, m, f, _now()) for s, m, f in wanted if (s, m) not in known]
            self.db.executemany(
                "INSERT INTO ingest_issues (source, message, fatal, created_at) VALUES (?, ?, ?, ?)", rows
            )
            return len(rows)

        return self.db.transaction(write)

    # -- meta (small key/value facts about the store) -------------------------------
    def get_meta(self, key: str) -> str | None:
        rows = self.db.query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Set (or, with None, remove) one meta value, in its own transaction."""

        def write() -> None:
            self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
            if value is not None:
                self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))

        self.db.transaction(write)

    def set_copy_of(self, article_id: str, original_id: str | None) -> None:
        self.db.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (original_id, article_id))
        self.db.commit()

    # -- reading --------------------------------------------------------------
    def count(self, table: str = "articles") -> int:
        if table not in {"articles", "events", "places", "attributions", "framing", "ingest_issues"}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.db.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])

    def article_ids(self) -> set[str]:
        return {r["id"] for r in self.db.query("SELECT id FROM articles")}

    def get_article(self, article_id: str) -> Article | None:
        rows = self.db.query("SELECT * FROM articles WHERE id = ?", (article_id,))
        return _row_to_article(rows[0]) if rows else None

    def get_analysis(self, article_id: str) -> Analysis | None:
        rows = self.db.query("SELECT json FROM analyses WHERE article_id = ?", (article_id,))
        return Analysis.from_json(rows[0]["json"]) if rows else None

    def iter_article_rows(self) -> Iterator[dict[str, Any]]:
        """Article rows (with ``copy_of``), ordered by publication date then id."""
        yield from self.db.query(
            "SELECT * FROM articles ORDER BY CASE WHEN published IS NULL THEN 1 ELSE 0 END, published, id"
        )

    def iter_articles(self) -> Iterator[tuple[Article, Analysis | None]]:
        for row in self.iter_article_rows():
            yield _row_to_article(row), self.get_analysis(row["id"])

    def summary(self) -> dict[str, int]:
        return {
            "articles": self.count("articles"),
            "analyzed": int(self.db.query("SELECT COUNT(*) AS n FROM articles WHERE analyzed = 1")[0]["n"]),
            "events": self.count("events"),
            "places": self.count("places"),
            "attributions": self.count("attributions"),
            "framing": self.count("framing"),
        }


def _row_to_article(row: dict[str, Any]) -> Article:
    # article rows hold the Article's fields (warnings as JSON) plus storage columns, which
    # from_dict ignores
    return Article.from_dict({**row, "warnings": json.loads(row["warnings"] or "[]")})
