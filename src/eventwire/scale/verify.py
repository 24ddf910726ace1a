"""Comparing two stores row by row: the check behind "same database" claims.

Used by the benchmark and the tests to show that a distributed run, a resumed run, the
single-process ingest, SQLite and PostgreSQL all end with the same rows. Two kinds of
column are left out because they legitimately differ between equal runs: wall-clock
timestamps (``ingested_at``, ``created_at``, ...) and the auto-numbered ``ingest_issues.id``
(issues are logged in the order they are met, which differs between one process and many).
Rows are compared as sorted multisets, never in storage order.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..store import Store

TIMESTAMP_COLUMNS = frozenset({"ingested_at", "created_at", "updated_at", "detected_at"})
SKIPPED_COLUMNS = {"ingest_issues": frozenset({"id"})}


def table_names(store: Store) -> list[str]:
    if store.db.dialect == "sqlite":
        rows = store.db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        return [r["name"] for r in rows if not r["name"].startswith("sqlite_")]
    rows = store.db.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [r["tablename"] for r in rows]


def _normal(value: Any) -> Any:
    # PostgreSQL returns Python ints for BIGINT/INTEGER and floats for DOUBLE PRECISION,
    # SQLite the same; bools never reach the store (stored as 0/1). None sorts first.
    return (value is not None, value if value is not None else 0)


def table_rows(store: Store, table: str) -> list[tuple]:
    rows = store.db.query(f"SELECT * FROM {table}")
    skip = TIMESTAMP_COLUMNS | SKIPPED_COLUMNS.get(table, frozenset())
    out = []
    for row in rows:
        out.append(tuple((k, v) for k, v in sorted(row.items()) if k not in skip))
    return sorted(out, key=lambda r: [(k, _normal(v)) for k, v in r])


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every table's rows, timestamps and issue numbers left out, sorted."""
    return {table: table_rows(store, table) for table in table_names(store)}


def differences(a: Store, b: Store, limit: int = 5) -> list[str]:
    """Human-readable differences between two stores; empty when they hold the same rows."""
    left, right = snapshot(a), snapshot(b)
    problems = []
    for table in sorted(set(left) | set(right)):
        if table not in left or table not in right:
            problems.append(f"table {table} only in {'second' if table not in left else 'first'} store")
            continue
        if len(left[table]) != len(right[table]):
            problems.append(f"{table}: {len(left[table])} rows vs {len(right[table])}")
        only_left = Counter(left[table]) - Counter(right[table])
        only_right = Counter(right[table]) - Counter(left[table])
        for row in list(only_left)[:limit]:
            problems.append(f"{table}: only in first: {_short(row)}")
        for row in list(only_right)[:limit]:
            problems.append(f"{table}: only in second: {_short(row)}")
    return problems


def _short(row: tuple, width: int = 160) -> str:
    text = repr(dict(row))
    return text if len(text) <= width else text[: width - 1] + "…"
