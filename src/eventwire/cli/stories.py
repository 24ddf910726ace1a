"""`eventwire stories`: list stories (and syndicated copies), or show one story in full."""

from __future__ import annotations

import click

from ..errors import Errors, EventwireError
from ..store import Store
from ..store.freshness import update_views
from ..stories import get_story, list_copies, list_stories
from .options import db_option, json_option, print_json, print_table, user_errors


@click.command("stories")
@click.argument("story_id", required=False)
@db_option
@json_option
@click.option("--place", help="Only stories at or inside this place.")
@click.option("--from", "date_from", metavar="DATE", help="Only stories ending on or after DATE.")
@click.option("--to", "date_to", metavar="DATE", help="Only stories starting on or before DATE.")
@click.option("--outlet", help="Only stories one of whose outlets contains this text.")
@click.option("--copies", is_flag=True, help="List syndicated copies instead of stories.")
@click.option("--rebuild", is_flag=True, help="Recompute copies and stories from scratch first.")
@click.option("--no-update", is_flag=True, help="Show what is stored without bringing it up to date.")
@user_errors
def command(story_id, db, as_json, place, date_from, date_to, outlet, copies, rebuild, no_update) -> None:
    """List stories: every article, grouped with the other reports of its happening.

    Copies and stories are brought up to date first (only new articles are processed),
    unless --no-update; --rebuild recomputes them (after changed settings). --json lists
    each story with its articles (ids), outlets, dates, events, contradictions and copies.
    With STORY_ID, show that story: its events per outlet, figures,
    contradictions between outlets (each side with its evidence) and outlets' framing.

    Example:

    \b
        eventwire stories --db eventwire.db --place "Dara'a"
        eventwire stories S1a2b3c4d5e --db eventwire.db --json
        eventwire stories --rebuild --db eventwire.db
    """
    with Store(db) as store:
        if not no_update:
            update_views(store, rebuild=rebuild)
        if copies:
            rows = list_copies(store)
            if as_json:
                print_json(rows)
            else:
                print_table(rows, ["copy_id", "copy_outlet", "original_id", "original_outlet", "containment"])
            return
        if story_id:
            story = get_story(store, story_id)
            if story is None:
                raise EventwireError(Errors.E054.format(story_id=story_id))
            if as_json:
                print_json(story)
            else:
                _print_story(story)
            return
        rows = list_stories(store, place=place, date_from=date_from, date_to=date_to, outlet=outlet)
        if as_json:
            print_json(rows)
            return
        for r in rows:
            r["outlets"] = ", ".join(r["outlets"])
        columns = [
            "id",
            "date_start",
            "date_end",
            "n_events",
            "n_articles",
            "n_contradictions",
            "outlets",
            "title",
        ]
        print_table(rows, columns, max_width=70)


def _print_story(story: dict) -> None:
    click.echo(f"{story['id']}: {story['title']}")
    click.echo(
        f"{story['n_events']} events, {story['n_articles']} articles, outlets: {', '.join(story['outlets'])}"
    )
    click.echo("\nEvents")
    print_table(
        story["events"],
        ["date", "event_type", "sub_event_type", "location", "actor1", "fatalities", "outlet"],
    )
    click.echo("\nBy outlet")
    print_table(
        [{"outlet": o["outlet"], "articles": len(o["articles"]), "events": len(o["events"]),
          "figures": ", ".join(f"{k}={v}" for k, v in o["figures"].items())} for o in story["by_outlet"]],
        ["outlet", "articles", "events", "figures"],
    )  # fmt: skip
    click.echo(f"\nContradictions ({len(story['contradictions'])})")
    for c in story["contradictions"]:
        click.echo(
            f"- {c['field']} at {c['location']} ({c['date']}): {' vs '.join(str(v) for v in c['values'])}"
        )
        for side in c["sides"]:
            where = f"{side['outlet']}, {side['article_id']} {side['start']}-{side['end']}"
            click.echo(f'    {side["value"]}  [{where}]  "{side["evidence"]}"')
    click.echo("\nFraming by outlet")
    print_table(
        [{"outlet": f["outlet"], "spans": f["framing_spans"], "per_1000_words": f["per_1000_words"],
          "techniques": ", ".join(f"{k} {v}" for k, v in f["techniques"].items())} for f in story["framing"]],
        ["outlet", "spans", "per_1000_words", "techniques"],
        max_width=60,
    )  # fmt: skip
