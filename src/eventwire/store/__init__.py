"""Persistence: SQLite by default, PostgreSQL for teams."""

from .store import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
