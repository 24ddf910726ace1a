"""The bounds every HTTP parameter is checked against (422 above them), in one place.

A database integer is 64-bit and SQLite refuses larger ones, a bounding box is on the globe,
and no real filter value is thousands of characters long; checking at the edge turns what
would be a 500 deep in a query into a 422 that names the parameter.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import StringConstraints

MAX_PAGE = 5000  # the map asks for up to this many markers at once
MAX_OFFSET = 10**9  # far beyond any corpus, well inside a 64-bit integer
MAX_QUERY_CHARS = 500  # a search word, a place, an actor or outlet name, an id
MAX_REPEATS = 50  # repeated parameters (event_type=...)
MAX_ARTICLE_CHARS = 1_000_000  # /analyze text; the pipeline may set a lower maximum of its own

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Count = Annotated[int, Query(ge=1, le=MAX_OFFSET)]
Text = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)]
Name = Annotated[str, Path(min_length=1, max_length=MAX_QUERY_CHARS)]
Word = Annotated[str, StringConstraints(max_length=MAX_QUERY_CHARS)]


def text_query(description: str) -> object:
    """A free-text query parameter of bounded length."""
    return Query(max_length=MAX_QUERY_CHARS, description=description)
