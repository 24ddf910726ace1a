"""`ReadIssue`: one problem reading one input, reported instead of raised."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ReadIssue:
    """A problem reading one input. ``fatal`` means the record was skipped."""

    where: str  # "path" or "path:line"
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        level = "error" if self.fatal else "warning"
        return f"{level}: {self.where}: {self.message}"
