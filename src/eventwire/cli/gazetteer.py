"""`eventwire gazetteer`: what the place index holds, and importing full GeoNames dumps into it."""

from __future__ import annotations

from pathlib import Path

import click

from .options import json_option, print_json, user_errors

db_path_option = click.option(
    "--db-path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    envvar="EVENTWIRE_GAZETTEER",
    help="Gazetteer index file (default: $EVENTWIRE_HOME/gazetteer.sqlite or ~/.cache/eventwire/...).",
)


@click.group(name="gazetteer")
def command() -> None:
    """The place gazetteer: GeoNames + Who's On First + OpenSyria, in a local SQLite index."""


@command.command(name="info")
@db_path_option
@json_option
@user_errors
def info(db_path: Path | None, as_json: bool) -> None:
    """Say what is loaded (builds the default index on first use).

    Example:

    \b
        eventwire gazetteer info --json
    """
    from ..geo.gazetteer import Gazetteer

    data = Gazetteer(db_path).info()
    if as_json:
        print_json(data)
        return
    click.echo(f"index:     {data['path']} ({data['size_mb']} MB, built {data['built']})")
    click.echo(f"places:    {data['places']:,} in {data['countries']} countries, {data['names']:,} name keys")
    click.echo("by kind:   " + ", ".join(f"{k} {v:,}" for k, v in sorted(data["by_kind"].items())))
    click.echo("by source: " + ", ".join(f"{k} {v:,}" for k, v in sorted(data["by_source"].items())))
    for line in data["imports"]:
        click.echo(f"imported:  {line}")


@command.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_path_option
@click.option(
    "--min-population",
    type=int,
    default=0,
    show_default=True,
    help="Skip populated places smaller than this (admin units, regions, crossings are always kept).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@user_errors
def import_(file: Path, db_path: Path | None, min_population: int, quiet: bool) -> None:
    """Import a GeoNames dump (19-column format: allCountries.txt, SY.txt or SY.zip, cities500.txt).

    Rows extend the index: known geonameids gain names and feature codes, new ones are added.
    The import streams the file in batches, so memory stays flat even for allCountries.txt.

    Example:

    \b
        eventwire gazetteer import SY.zip
    """
    from tqdm import tqdm

    from ..geo.gazetteer import import_geonames

    # Progress counts bytes of text read; a zip's size says nothing about that, so no total there.
    total = None if file.suffix.lower() == ".zip" else file.stat().st_size
    with tqdm(total=total, unit="B", unit_scale=True, disable=quiet, desc=file.name) as bar:
        stats = import_geonames(file, db_path, min_population=min_population, progress=bar.update)
    click.echo(
        f"{file.name}: {stats['read']:,} rows read, {stats['added']:,} added, {stats['updated']:,} updated, "
        f"{stats['skipped']:,} skipped, {stats['bad']:,} malformed"
    )
