"""`eventwire export`: read stored articles back out."""

from __future__ import annotations

import click

from ..store import Store
from ..store.export import export_articles_csv, export_articles_jsonl
from .options import db_option, user_errors

FORMATS = {"jsonl": export_articles_jsonl, "csv": export_articles_csv}


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="jsonl", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (default stdout).",
)
@user_errors
def command(db: str, fmt: str, output) -> None:
    """Export stored articles (jsonl: with analyses and copy_of; csv: article fields).

    Example:

        eventwire export --db eventwire.db --format jsonl > articles.jsonl
    """
    with Store(db) as store:
        FORMATS[fmt](store, output)
