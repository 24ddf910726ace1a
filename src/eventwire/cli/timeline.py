"""`eventwire timeline PLACE`: every event at a place and inside it, in date order, with sources."""

from __future__ import annotations

import click

from ..store import Store
from ..store.freshness import update_views
from ..stories import control_changes, holders, timeline
from .options import db_option, json_option, print_json, print_table, user_errors


@click.command("timeline")
@click.argument("place")
@db_option
@json_option
@click.option("--from", "date_from", metavar="DATE", help="Earliest event date (YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Latest event date (YYYY-MM-DD).")
@click.option(
    "--control", is_flag=True, help="Show derived control changes (who took or settled the place when)."
)
@click.option("--include-copies", is_flag=True, help="List events of syndicated copies separately too.")
@click.option("--no-update", is_flag=True, help="Do not bring copies and stories up to date first.")
@user_errors
def command(place, db, as_json, date_from, date_to, control, include_copies, no_update) -> None:
    """Events at PLACE and inside it (a province includes its towns), oldest first.

    PLACE may be spelt any common way ("Dara'a", "Daraa", "Deraa"), be a country name or
    a GeoNames id. With --json, prints a JSON list of events, each with date, event_type,
    sub_event_type, location, outlet, article_id, notes and evidence; with --control, the
    control changes (who took, settled or disarmed which place when, per which outlets).

    Example:

    \b
        eventwire timeline "Dara'a" --db eventwire.db
        eventwire timeline "Dara'a" --db eventwire.db --control --json
    """
    with Store(db) as store:
        if not no_update:
            update_views(store)
        events = timeline(store, place, date_from=date_from, date_to=date_to, include_copies=include_copies)
    if control:
        changes = control_changes(events)
        if as_json:
            print_json(changes)
            return
        rows = [{**c, "outlets": ", ".join(c["outlets"])} for c in changes]
        print_table(rows, ["date", "location", "effect", "sub_event_type", "actor", "counterpart", "outlets"])
        held = holders(changes)
        if held:
            click.echo("\nLast reported holder")
            print_table(
                [{**h, "outlets": ", ".join(h["outlets"])} for h in held],
                ["location", "holder", "since", "outlets"],
            )
        return
    if as_json:
        print_json(events)
        return
    rows = [{**e, "outlets": ", ".join(e["outlets"])} for e in events]
    print_table(
        rows,
        ["date", "event_type", "sub_event_type", "location", "actor1", "fatalities", "outlets", "article_id"],
    )
