"""Reading articles from files, folders, corpora and stdin.

Every reader yields `Article`s and reports problems as `ReadIssue`s instead of raising,
so one bad file or line never aborts a batch. Supported inputs:

- ``.txt`` / ``.text`` / ``.md`` (and files with no suffix): one article per file
- ``.html`` / ``.htm``: body and metadata extracted with trafilatura
- ``.jsonl`` / ``.ndjson``: one JSON object per line with ``text`` and optional
  ``id, url, outlet, published, title``
- ``.csv``: the same columns, ``text`` required (see ``csvfile``)
- a folder: every supported file inside, recursively, in sorted order; a file of any
  other type is reported (one line each) and skipped
- ``-``: stdin (a single text, or JSON Lines when every line is a JSON object)

A JSON Lines record must give ``text`` as a string; metadata as strings (a number is kept
as its text, with a warning); a list or an object in any of these fields, or a line
nested deeper than any article record, is refused for that record (see ``fields``).
"""

from __future__ import annotations

import hashlib
import io
import logging
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import Errors
from ..models import Article
from ..nlp.language import MAX_ARTICLE_CHARS, detect_language  # per-article cap, checked when reading
from .csvfile import csv_records
from .dates import normalize_published
from .decode import decode_text, looks_binary
from .fields import FieldError, kind_of, parse_json_record, text_field
from .html import extract_html
from .issues import ReadIssue

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

# Single-article files above this size are not news articles (logs, dumps, books).
DEFAULT_MAX_MB = 10

METADATA_FIELDS = ("id", "url", "outlet", "published", "title")


def content_id(text: str) -> str:
    """Stable id from the text: the same article re-read gets the same id."""
    norm = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def make_article(
    text: str,
    *,
    id: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: object = None,
    title: str | None = None,
    source: str | None = None,
    warnings: list[str] | None = None,
) -> Article:
    """Build an Article: normalised date, detected language, content-hash id when none given."""
    warnings = list(warnings or [])
    try:
        published_iso = normalize_published(published)
    except (ValueError, OverflowError):
        warnings.append(Errors.E019.format(value=published))
        published_iso = None
    return Article(
        id=str(id).strip() if id not in (None, "") else content_id(text),
        text=text,
        title=_clean(title),
        url=_clean(url),
        outlet=_clean(outlet),
        published=published_iso,
        language=detect_language(text),
        source=source,
        warnings=warnings,
    )


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _overrides_applied(article: Article, overrides: dict[str, str | None]) -> Article:
    for key in ("outlet", "published"):
        value = overrides.get(key)
        if value:
            if key == "published":
                value = normalize_published(value)
            setattr(article, key, value)
    return article


def read_paths(
    paths: Iterable[str | Path],
    issues: list[ReadIssue] | None = None,
    *,
    max_mb: float = DEFAULT_MAX_MB,
    stdin: io.TextIOBase | None = None,
    **overrides: str | None,
) -> Iterator[Article]:
    """Yield articles from every path ("-" is stdin). ``overrides`` sets outlet/published."""
    issues = issues if issues is not None else []
    for path in paths:
        if str(path) == "-":
            stream = stdin if stdin is not None else sys.stdin
            try:
                for art in read_stdin(stream, issues):
                    yield _overrides_applied(art, overrides)
            except Exception as exc:  # noqa: BLE001 - reported like any unreadable input
                issues.append(ReadIssue("<stdin>", Errors.E027.format(detail=f"{type(exc).__name__}: {exc}")))
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        elif p.is_file():
            files = [p]
        else:
            issues.append(ReadIssue(str(p), Errors.E018))
            continue
        for f in files:
            for art in read_file(f, issues, max_mb=max_mb):
                yield _overrides_applied(art, overrides)


def read_file(path: Path, issues: list[ReadIssue], *, max_mb: float = DEFAULT_MAX_MB) -> Iterator[Article]:
    """Articles of one file. Whatever goes wrong is reported for that file (or line), never raised."""
    try:
        yield from _read_file(path, issues, max_mb=max_mb)
    except Exception as exc:  # noqa: BLE001 - one unreadable file never aborts a batch
        log.debug("reading %s failed", path, exc_info=True)
        issues.append(ReadIssue(str(path), Errors.E027.format(detail=f"{type(exc).__name__}: {exc}")))


def _read_file(path: Path, issues: list[ReadIssue], *, max_mb: float) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, issues)
        return
    if suffix in CSV_SUFFIXES:
        yield from read_csv(path, issues)
        return
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        issues.append(ReadIssue(str(path), Errors.E017.format(suffix=suffix)))
        return
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        issues.append(ReadIssue(str(path), Errors.E013.format(size_mb=size / 1024 / 1024, limit_mb=max_mb)))
        return
    data = path.read_bytes()
    article = article_from_bytes(data, str(path), issues, html=suffix in HTML_SUFFIXES)
    if article is not None:
        yield article


def article_from_bytes(
    data: bytes, where: str, issues: list[ReadIssue], *, html: bool = False, **meta: object
) -> Article | None:
    """One article from raw bytes (a file or an upload); None (with an issue) when unusable."""
    if looks_binary(data):
        issues.append(ReadIssue(where, Errors.E011))
        return None
    text, warnings = decode_text(data)
    for w in warnings:
        issues.append(ReadIssue(where, w, fatal=False))
    if html or (not meta and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        page = extract_html(text, url=meta.get("url"))  # type: ignore[arg-type]
        text = page.text
        meta = {
            "title": page.title,
            "published": page.published,
            "outlet": page.outlet,
            "url": page.url,
            **{k: v for k, v in meta.items() if v},
        }
    if not text.strip():
        issues.append(ReadIssue(where, Errors.E010))
        return None
    if len(text) > MAX_ARTICLE_CHARS:
        issues.append(ReadIssue(where, Errors.E070.format(chars=len(text), limit=MAX_ARTICLE_CHARS)))
        return None
    article = make_article(text, source=where, warnings=warnings, **meta)  # type: ignore[arg-type]
    _report_article_warnings(article, where, issues, skip=warnings)
    return article


def _report_article_warnings(article: Article, where: str, issues: list[ReadIssue], skip=()) -> None:
    for w in article.warnings:
        if w not in skip:
            issues.append(ReadIssue(where, w, fatal=False))


def _record_to_article(record: dict[str, Any], where: str, issues: list[ReadIssue]) -> Article | None:
    text = record.get("text")
    if text is None:
        issues.append(ReadIssue(where, Errors.E016))
        return None
    if not isinstance(text, str):
        issues.append(ReadIssue(where, Errors.E022.format(field="text", kind=kind_of(text))))
        return None
    if not text.strip():
        issues.append(ReadIssue(where, Errors.E010))
        return None
    if len(text) > MAX_ARTICLE_CHARS:
        issues.append(ReadIssue(where, Errors.E070.format(chars=len(text), limit=MAX_ARTICLE_CHARS)))
        return None
    warnings: list[str] = []
    try:
        meta = {k: text_field(record, k, warnings, quiet=k == "id") for k in METADATA_FIELDS}
    except FieldError as exc:
        issues.append(ReadIssue(where, str(exc)))
        return None
    article = make_article(text, source=where, warnings=warnings, **meta)  # type: ignore[arg-type]
    _report_article_warnings(article, where, issues)
    return article


def read_jsonl(path: Path, issues: list[ReadIssue]) -> Iterator[Article]:
    with path.open("rb") as fh:
        yield from _read_jsonl_lines(fh, str(path), issues)


def _read_jsonl_lines(lines: Iterable[bytes | str], name: str, issues: list[ReadIssue]) -> Iterator[Article]:
    for lineno, raw in enumerate(lines, start=1):
        where = f"{name}:{lineno}"
        if isinstance(raw, bytes):
            line, warnings = decode_text(raw)
            for w in warnings:
                issues.append(ReadIssue(where, w, fatal=False))
        else:
            line = raw
        if not line.strip():
            continue
        try:
            record = parse_json_record(line)
            article = _record_to_article(record, where, issues)
        except FieldError as exc:
            issues.append(ReadIssue(where, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad line never aborts a batch
            log.debug("reading %s failed", where, exc_info=True)
            issues.append(ReadIssue(where, Errors.E027.format(detail=f"{type(exc).__name__}: {exc}")))
            continue
        if article is not None:
            yield article


def read_csv(path: Path, issues: list[ReadIssue]) -> Iterator[Article]:
    for where, record in csv_records(path, issues):
        article = _record_to_article(record, where, issues)
        if article is not None:
            yield article


def read_stdin(stream: io.TextIOBase | io.BufferedIOBase, issues: list[ReadIssue]) -> Iterator[Article]:
    """stdin holds one text (or HTML page), or JSON Lines when every line is a JSON object."""
    buffer = getattr(stream, "buffer", None)
    raw = buffer.read() if buffer is not None else stream.read()
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    lines = [ln for ln in data.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith(b"{") for ln in lines):
        yield from _read_jsonl_lines(data.splitlines(), "<stdin>", issues)
        return
    article = article_from_bytes(data, "<stdin>", issues)
    if article is not None:
        yield article
