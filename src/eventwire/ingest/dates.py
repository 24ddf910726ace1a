"""Publication dates: normalise what sources give to ISO "YYYY-MM-DD", or None."""

from __future__ import annotations

import datetime as dt
import re

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalize_published(value: object) -> str | None:
    """ISO date string, or None when ``value`` is empty.

    Raises ValueError for a value that is present but cannot be read as a date, so the
    caller can warn instead of silently dropping it.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text or text.lower() in {"null", "none", "nan", "n/a", "unknown"}:
        return None
    m = _ISO_PREFIX.match(text)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    from dateutil import parser

    # default day=1 would invent a day for "July 2018": refuse partial dates instead
    sentinel_a = dt.datetime(1900, 1, 1)
    sentinel_b = dt.datetime(1901, 2, 2)
    a = parser.parse(text, default=sentinel_a, fuzzy=False)
    b = parser.parse(text, default=sentinel_b, fuzzy=False)
    if a.date() != b.date():
        raise ValueError(f"incomplete date: {text!r}")
    return a.date().isoformat()
