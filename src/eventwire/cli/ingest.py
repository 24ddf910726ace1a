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
@click.option("--workers", type=click.IntRange(min=1), help="Analyze on a local Dask cluster of N processes.")
@click.option("--scheduler", metavar="URL", help="Analyze on a running Dask cluster (tcp://host:8786).")
@click.option(
    "--parquet", "parquet_dir", type=click.Path(file_okay=False),
    help="With --workers/--scheduler: Parquet output folder [default: next to the SQLite file].",
)  # fmt: skip
@click.option(
    "--partition-kb", type=click.IntRange(min=1), default=64, show_default=True,
    help="With --workers/--scheduler: text per task, in thousands of characters.",
)  # fmt: skip
@user_errors
def command(paths, db, published, max_mb, outlet, replace, as_json, quiet, workers, scheduler, parquet_dir,
            partition_kb) -> None:  # fmt: skip
    """Store articles and their analyses in a database (SQLite by default).

    Re-ingesting the same article adds nothing. Each article is committed on its own:
    Ctrl-C loses at most the one in flight. A bad record (an unreadable line, a file of an
    unsupported type, an analysis that fails) is reported with its file and line and
    skipped, and the rest is stored; the exit status is then 1 and the summary says how
    many records failed. Several ingests (and a server) may write one database at once.

    Example:

    \b
        eventwire ingest corpus.jsonl articles/ --db eventwire.db

    With --workers N (or --scheduler) the analysis runs on Dask; results are written as
    Parquet partitioned by publication year/month, then loaded into the database. A run
    killed at any point and started again redoes only what is missing.

    \b
        eventwire ingest big.jsonl --workers 4 --db corpus.db --parquet corpus.parquet
    """
    if workers or scheduler:
        from ..scale.cli import run_distributed

        run_distributed(list(paths), db, workers=workers, scheduler=scheduler, parquet_dir=parquet_dir,
                        partition_chars=partition_kb * 1000, replace=replace, as_json=as_json, quiet=quiet,
                        published=published, outlet=outlet, max_mb=max_mb)  # fmt: skip
        return
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
            f"{report.not_analyzed} not analyzed, {report.failed} failed, {report.unreadable} unreadable; "
            f"{report.events} events stored in {db}"
        )
        if report.views:
            stories = report.views.get("stories", {})
            click.echo(
                f"corpus views: {report.views.get('copies', 0)} syndicated copies; "
                + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in stories.items() if isinstance(v, int))
            )
    if not report.ok:
        click.echo(
            f"Error: {report.errors} record{'s' if report.errors != 1 else ''} not stored "
            f"({report.failed} failed analysis, {report.unreadable} unreadable); see the errors above.",
            err=True,
        )
        sys.exit(1)
