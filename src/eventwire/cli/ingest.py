"""`eventwire ingest`: read, analyze and store articles."""

from __future__ import annotations

import sys

import click
from tqdm import tqdm

from ..core import ingest
from .options import db_option, echo_issues, print_json, user_errors


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@db_option
@click.option("--published", help="Publication date for inputs that carry none.")
@click.option(
    "--max-mb", type=float, default=10, show_default=True, help="Skip single-article files larger than this."
)
@click.option("--outlet", help="Outlet name for inputs that carry none.")
@click.option("--replace", is_flag=True, help="Re-analyze and overwrite articles already stored.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@user_errors
def command(paths, db, published, max_mb, outlet, replace, as_json, quiet) -> None:
    """Store articles and their analyses in a database (SQLite by default).

    Re-ingesting the same article adds nothing. Each article is committed on its own:
    Ctrl-C loses at most the one in flight. Bad inputs are reported and skipped; the
    exit status is non-zero only when nothing could be processed.

    Example:

        eventwire ingest corpus.jsonl articles/ --db eventwire.db
    """
    bar = tqdm(desc="ingest", unit=" articles", disable=quiet or not sys.stderr.isatty(), file=sys.stderr)
    try:
        report = ingest(list(paths), db, replace=replace, progress=lambda _a: bar.update(1),
                        published=published, outlet=outlet, max_mb=max_mb)  # fmt: skip
    finally:
        bar.close()
    echo_issues(report.issues)
    if as_json:
        print_json(report.as_dict())
    else:
        click.echo(
            f"{report.read} read, {report.added} added, {report.already_stored} already stored, "
            f"{report.not_analyzed} not analyzed, {report.failed} failed; "
            f"{report.events} events stored in {db}"
        )
    if not report.ok:
        sys.exit(1)
