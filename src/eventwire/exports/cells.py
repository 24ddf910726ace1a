"""CSV cells a spreadsheet opens as data, never as a formula (CSV injection, CWE-1236).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as
a formula by Excel, LibreOffice and Google Sheets ("=HYPERLINK(...)" in an article title
becomes a link the analyst clicks). Such a text cell gets a leading single quote, as
OWASP recommends and spreadsheet-safe exporters do; spreadsheets show the quote-prefixed
text as text. Numbers stay numbers: a stored number (``-12.5``, a longitude) and a text
that is nothing but a number are written as they are.
"""

from __future__ import annotations

import json
import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """The value as a CSV writer should see it: lists/dicts as JSON, formula-like text quoted."""
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in row.items()}
