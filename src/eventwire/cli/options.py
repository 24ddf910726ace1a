"""Options shared by several verbs, declared once (the sqlite-utils habit)."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from ..errors import EventwireError
from ..store import DEFAULT_DB

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="EVENTWIRE_DB",
    help="SQLite file or postgresql:// URL (env EVENTWIRE_DB).",
)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library exceptions into 'Error: ...' and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except EventwireError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def print_table(rows: list[dict[str, Any]], columns: list[str], max_width: int = 40) -> None:
    """A plain fixed-width table; long cells are cut with an ellipsis."""
    if not rows:
        click.echo("(none)")
        return

    def cell(value: Any) -> str:
        text = "" if value is None else str(value).replace("\n", " ")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def echo_issues(issues: list, stream=None) -> None:
    for issue in issues:
        click.echo(str(issue), err=True)
    if stream is None:
        sys.stderr.flush()
