"""CSV corpora read record by record: a malformed record is reported with its line and skipped.

Python's csv reader, left lenient, lets an unclosed quote swallow the records after it
into one field and stores the merge without a word. Here it runs strict, and after a
malformed record reading starts again on the line after that record's first line, so
one stray quote costs one record, not the rest of the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import Errors
from .decode import decode_text, looks_binary
from .issues import ReadIssue

# Articles routinely exceed csv's default 128 KB field limit; spaCy takes 1,000,000 characters.
FIELD_LIMIT = 4_000_000


class _Lines:
    """The physical lines of a text, handed to csv one at a time, with a position to restart from."""

    def __init__(self, text: str):
        self.lines = io.StringIO(text, newline="").readlines()
        self.next = 0  # index of the next line to hand out (so line number next + 1)

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.next >= len(self.lines):
            raise StopIteration
        self.next += 1
        return self.lines[self.next - 1]


def csv_records(path: Path, issues: list[ReadIssue]) -> Iterator[tuple[str, dict[str, str]]]:
    """(``path:line``, record) per row, with lower-cased column names; problems go to ``issues``."""
    data = path.read_bytes()
    if looks_binary(data):
        issues.append(ReadIssue(str(path), Errors.E011))
        return
    text, warnings = decode_text(data)
    for w in warnings:
        issues.append(ReadIssue(str(path), w, fatal=False))
    csv.field_size_limit(FIELD_LIMIT)
    lines = _Lines(text)
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        issues.append(ReadIssue(f"{path}:1", Errors.E024.format(detail=exc)))
        return
    columns = [c.strip().lower() for c in header]
    if "text" not in columns:
        issues.append(ReadIssue(str(path), Errors.E015.format(columns=", ".join(columns) or "none")))
        return
    while True:
        first = lines.next  # the record starts on line first + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            issues.append(ReadIssue(f"{path}:{first + 1}", Errors.E024.format(detail=exc)))
            lines.next = first + 1
            reader = csv.reader(lines, strict=True)
            continue
        if not values:  # a blank line
            continue
        where = f"{path}:{first + 1}"
        extra = values[len(columns) :]
        if any(v.strip() for v in extra):
            issues.append(ReadIssue(where, Errors.E025.format(found=len(values), expected=len(columns))))
            continue
        if len(values) < len(columns):
            issues.append(
                ReadIssue(where, Errors.E026.format(found=len(values), expected=len(columns)), fatal=False)
            )
        yield where, dict(zip(columns, values, strict=False))
