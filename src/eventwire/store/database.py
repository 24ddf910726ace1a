"""A small DB-API wrapper so the store speaks one dialect to SQLite and PostgreSQL.

SQL in eventwire is written with ``?`` placeholders; for PostgreSQL they become ``%s``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import Errors, EventwireError

_PLACEHOLDER = re.compile(r"\?")


class Database:
    """One connection. ``dialect`` is "sqlite" or "postgresql"."""

    def __init__(self, url: str | Path):
        self.url = str(url)
        if self.url.startswith(("postgresql://", "postgres://")):
            try:
                import psycopg
            except ImportError as exc:  # pragma: no cover - depends on install
                raise EventwireError("PostgreSQL needs psycopg: pip install 'eventwire[postgres]'") from exc
            self.dialect = "postgresql"
            self.conn: Any = psycopg.connect(self.url)
        elif "://" in self.url and not self.url.startswith("sqlite://"):
            raise EventwireError(Errors.E031.format(url=self.url))
        else:
            path = self.url.removeprefix("sqlite:///").removeprefix("sqlite://")
            self.dialect = "sqlite"
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per article
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA busy_timeout=30000")

    def _sql(self, sql: str) -> str:
        return _PLACEHOLDER.sub("%s", sql) if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        if self.dialect == "postgresql":
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)
        else:
            self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        if cur.description is None:
            return []
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def begin(self) -> None:
        if self.dialect == "sqlite":
            self.conn.execute("BEGIN")

    def commit(self) -> None:
        if self.dialect == "sqlite":
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")
        else:
            self.conn.commit()

    def rollback(self) -> None:
        if self.dialect == "sqlite":
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        else:
            self.conn.rollback()

    def table_exists(self, name: str) -> bool:
        if self.dialect == "sqlite":
            rows = self.query("SELECT name FROM sqlite_master WHERE type='table' AND name=?", (name,))
        else:
            rows = self.query("SELECT tablename FROM pg_tables WHERE tablename=?", (name,))
        return bool(rows)

    def close(self) -> None:
        self.conn.close()
