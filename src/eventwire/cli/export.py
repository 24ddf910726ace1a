"""`eventwire export`: read stored articles or events back out, filtered."""

from __future__ import annotations

import sys

import click

from ..errors import Errors, EventwireError
from ..exports import FORMATS, EventFilter, export
from ..store import Store
from .options import db_option, user_errors


def _bbox(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[float, ...] | None:
    if not value:
        return None
    try:
        parts = tuple(float(v) for v in value.split(","))
    except ValueError as exc:
        raise click.BadParameter(Errors.E050.format(value=value)) from exc
    if len(parts) != 4:
        raise click.BadParameter(Errors.E050.format(value=value))
    return parts


def filter_options(func):
    """The event filter options, declared once for every command that filters events."""
    options = [
        click.option(
            "--place",
            help="Place name (any spelling; a province includes its towns), country or GeoNames id.",
        ),
        click.option(
            "--bbox", callback=_bbox, metavar="W,S,E,N", help="Bounding box: min_lon,min_lat,max_lon,max_lat."
        ),
        click.option(
            "--from", "date_from", metavar="DATE", help="Earliest event date (YYYY-MM-DD), inclusive."
        ),
        click.option("--to", "date_to", metavar="DATE", help="Latest event date (YYYY-MM-DD), inclusive."),
        click.option(
            "--event-type", "event_types", multiple=True, help="ACLED event type (repeat for several)."
        ),
        click.option("--actor", help="Actor name or part of it (actor1, actor2 or associated actor)."),
        click.option("--outlet", help="Outlet name or part of it."),
        click.option("--include-copies", is_flag=True, help="Also export events of syndicated copies."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def build_filter(place, bbox, date_from, date_to, event_types, actor, outlet, include_copies) -> EventFilter:
    return EventFilter(
        place=place, bbox=bbox, date_from=date_from, date_to=date_to, event_type=tuple(event_types) or None,
        actor=actor, outlet=outlet, include_copies=include_copies,
    )  # fmt: skip


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="jsonl", show_default=True)
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write (default stdout; parquet needs a file).")  # fmt: skip
@filter_options
@user_errors
def command(
    db, fmt, output, place, bbox, date_from, date_to, event_types, actor, outlet, include_copies
) -> None:
    """Export stored articles or events.

    jsonl / csv write articles (jsonl with analyses and copy_of); events-jsonl, events-csv,
    acled-csv (ACLED's columns), geojson (a FeatureCollection of located events) and parquet
    write events. Filters narrow events; for article formats they keep the articles that
    have a matching event (or, for --outlet/--from/--to alone, match the article itself).
    Events of syndicated copies are left out unless --include-copies.

    Example:

    \b
        eventwire export --db eventwire.db --format acled-csv --place "Dara'a" --from 2018-01-01 -o daraa.csv
    """
    flt = build_filter(place, bbox, date_from, date_to, event_types, actor, outlet, include_copies)
    _writer, what, binary = FORMATS[fmt]
    with Store(db) as store:
        if binary:
            if output == "-":
                raise EventwireError(Errors.E053)
            n = export(store, fmt, output, flt)
        elif output == "-":
            n = export(store, fmt, sys.stdout, flt)
        else:
            with open(output, "w", encoding="utf-8", newline="") as out:
                n = export(store, fmt, out, flt)
    click.echo(f"{n} {what} written" + (f" to {output}" if output != "-" else ""), err=True)
