"""Dates: expressions in news text resolved against the publication date."""

from .resolve import DAY, MONTH, UNKNOWN, WEEK, YEAR, DateMention, find_dates, resolve_date

__all__ = ["DAY", "MONTH", "UNKNOWN", "WEEK", "YEAR", "DateMention", "find_dates", "resolve_date"]
