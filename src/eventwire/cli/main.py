"""The `eventwire` command: one sub-command per verb, each a thin layer over the Python API.

Each verb lives in its own module in this package and is registered here by name.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging

import click

from .. import __version__
from ..errors import EventwireError

# verb -> module in eventwire.cli defining a click command named `command`
COMMANDS = {
    "analyze": "analyze",
    "ingest": "ingest",
    "export": "export",
    "eval": "evaluate",
    "gazetteer": "gazetteer",
    "stories": "stories",
    "timeline": "timeline",
    "serve": "serve",
    "stages": "stages",
    "train": "train",
}


class LazyGroup(click.Group):
    """Imports a verb's module only when it is used, so `eventwire --help` stays fast."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(v for v, m in COMMANDS.items() if importlib.util.find_spec(f"{__package__}.{m}"))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        try:
            return importlib.import_module(f"{__package__}.{module}").command
        except EventwireError as exc:  # an optional extra is missing: say which, on use
            return _unavailable(cmd_name, str(exc))


def _unavailable(name: str, message: str) -> click.Command:
    """A stand-in for a verb whose optional packages are not installed."""

    def run() -> None:
        raise click.ClickException(message)

    lenient = {"ignore_unknown_options": True, "allow_extra_args": True}
    return click.Command(name, callback=run, help=f"(unavailable: {message})", context_settings=lenient)


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="eventwire")
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """eventwire: news reports in, verifiable geolocated event data out."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    cli()
