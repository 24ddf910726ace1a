"""The command-line side of a distributed ingest: progress bar, dashboard link, summary.

Called by ``eventwire ingest --workers N`` / ``--scheduler URL`` (eventwire/cli/ingest.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from ..cli.options import echo_issues, print_json
from .run import ingest_distributed


def run_distributed(
    paths: list[str], db: str, *, as_json: bool = False, quiet: bool = False, **kwargs: object
) -> None:
    """Run `ingest_distributed`, show progress on stderr, print the summary; exit 1 when nothing was read."""
    bar = tqdm(desc="analyze", unit=" articles", disable=quiet or not sys.stderr.isatty(), file=sys.stderr)

    def cluster_up(link: str | None) -> None:
        if link and not quiet:
            click.echo(f"Dask dashboard: {link}", err=True)

    try:
        report = ingest_distributed(paths, db, progress=bar.update, on_cluster=cluster_up, **kwargs)  # type: ignore[arg-type]
    finally:
        bar.close()
    echo_issues(report.issues)
    if as_json:
        print_json(report.as_dict())
    else:
        peaks = ", ".join(f"{mb} MB" for mb in report.as_dict()["worker_peak_mb"].values()) or "n/a"
        click.echo(
            f"{report.read} read, {report.added} added, {report.already_stored} already stored, "
            f"{report.not_analyzed} not analyzed, {report.failed} failed; "
            f"{report.events} events stored in {db}\n"
            f"{report.partitions} partitions ({report.resumed} finished earlier) in {report.seconds:.1f} s; "
            f"Parquet in {Path(report.parquet)}; peak memory per worker: {peaks}"
        )
    if not report.ok:
        sys.exit(1)
