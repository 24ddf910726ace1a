"""`eventwire stages`: the registered stages, in pipeline order, with what each reads and writes."""

from __future__ import annotations

import click

from ..pipeline import DEFAULT_STAGES, stage_graph, stage_table
from .options import print_json, user_errors


@click.command("stages")
@click.option("--graph", is_flag=True, help="Print the stage graph as a Mermaid flowchart.")
@click.option("--json", "as_json", is_flag=True, help="Print the declarations as JSON.")
@user_errors
def command(graph: bool, as_json: bool) -> None:
    """List the analysis stages in order: what each requires, uses when present, and assigns.

    Example:

    \b
        eventwire stages
        eventwire stages --graph > stages.mmd
    """
    rows = stage_table(DEFAULT_STAGES)
    if as_json:
        print_json(rows)
    elif graph:
        click.echo(stage_graph(DEFAULT_STAGES))
    else:
        for row in rows:
            click.echo(
                f"{row['order']}. {row['name']:<8} requires: {', '.join(row['requires']) or '-'}"
                f" | uses: {', '.join(row['uses']) or '-'} | assigns: {', '.join(row['assigns'])}"
            )
