"""Checks on the fields of one JSON Lines record, before any of it becomes an `Article`.

JSON allows any value anywhere; an article record needs text. A list or an object where
a string belongs is refused for that record (never stored as a Python repr), a number
where a string belongs is kept as its text with a warning, and a line nested deeper than
any article record needs is refused before the parser recurses into it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import Errors

# An article record is one flat object; metadata nested a few levels is plausible, hundreds is not.
MAX_JSON_DEPTH = 32

# A JSON string literal (escapes included), removed before counting brackets.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET = re.compile(r"[\[\]{}]")


class FieldError(ValueError):
    """The record cannot be used; the message says why (for a `ReadIssue`)."""


def too_deep(line: str, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when the JSON text opens more than ``limit`` nested arrays/objects."""
    if line.count("[") + line.count("{") <= limit:  # the common case: no need to scan
        return False
    depth = 0
    for bracket in _BRACKET.findall(_STRING.sub("", line)):
        if bracket in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def parse_json_record(line: str) -> dict[str, Any]:
    """One JSON object from one line; FieldError (with the reason) otherwise."""
    if too_deep(line):
        raise FieldError(Errors.E021.format(limit=MAX_JSON_DEPTH))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise FieldError(Errors.E014.format(detail=exc.msg)) from exc
    except RecursionError as exc:  # a nesting the bracket count missed; never abort the batch
        raise FieldError(Errors.E021.format(limit=MAX_JSON_DEPTH)) from exc
    if not isinstance(record, dict):
        raise FieldError(Errors.E014.format(detail="not a JSON object"))
    return record


def kind_of(value: Any) -> str:
    return {bool: "true/false", list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def text_field(record: dict[str, Any], name: str, warnings: list[str], *, quiet: bool = False) -> str | None:
    """The field as text (None when absent or null).

    A number becomes its text, with a warning unless ``quiet`` (numeric ids are common);
    a list, an object or true/false is a FieldError.
    """
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = json.dumps(value)
        if not quiet:
            warnings.append(Errors.E023.format(field=name, value=text))
        return text
    raise FieldError(Errors.E022.format(field=name, kind=kind_of(value)))
