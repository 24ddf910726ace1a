"""`eventwire analyze`: print what eventwire finds in one or more articles."""

from __future__ import annotations

import click

from ..core import analyze_article, read_articles
from ..ingest.readers import ReadIssue
from ..models import Analysis, Article
from .options import echo_issues, print_table, user_errors


@click.command("analyze")
@click.argument("source", type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) when the input has none.")
@click.option(
    "--max-mb", type=float, default=10, show_default=True, help="Skip single-article files larger than this."
)
@click.option("--outlet", help="Outlet name when the input has none.")
@click.option(
    "--neutral", is_flag=True, help="Print a neutral, wire-style digest: events and claims with sources."
)
@user_errors
def command(
    source: str, fmt: str, published: str | None, max_mb: float, outlet: str | None, neutral: bool
) -> None:
    """Analyze FILE, DIR (recursively) or - (stdin) and print the Analysis.

    With --format json one article prints one JSON object; several print one JSON
    object per line (JSON Lines).

    Example:

    \b
        eventwire analyze article.txt --published 2018-07-01 --outlet "Press TV" --format json
    """
    issues: list[ReadIssue] = []
    articles = list(read_articles([source], issues, published=published, outlet=outlet, max_mb=max_mb))
    echo_issues(issues)
    if not articles:
        raise click.ClickException(f"no article could be read from {source}")
    for article in articles:
        analysis = analyze_article(article)
        if neutral:
            _print_neutral(article, analysis)
        elif fmt == "json":
            if len(articles) == 1:
                click.echo(analysis.to_json(indent=2))
            else:
                click.echo(analysis.to_json())
        else:
            _print_tables(article, analysis)


def _print_neutral(article: Article, analysis: Analysis) -> None:
    from ..claims.render import neutral_digest

    click.echo(neutral_digest(analysis, article))


def _print_tables(article: Article, analysis: Analysis) -> None:
    text = article.text
    head = f"== {article.title or article.source or article.id}"
    meta = ", ".join(
        f"{k}: {v}" for k, v in (("outlet", article.outlet), ("published", article.published)) if v
    )
    click.echo(head + (f" ({meta})" if meta else ""))
    if not analysis.analyzed:
        click.echo(f"not analyzed: {analysis.reason}")
        return
    click.echo(f"{len(analysis.sentences)} sentences, {len(text.split())} words")
    sections = [
        (
            "Places",
            analysis.places,
            ["mention", "name", "country", "admin1", "kind", "precision", "lat", "lon"],
        ),
        (
            "Events",
            [e for e in analysis.events],
            ["date", "event_type", "sub_event_type", "actor1", "location", "modality"],
        ),
        ("Claims", analysis.attributions, ["kind", "speaker", "organization", "via", "anonymous", "claim"]),
        ("Framing", analysis.framing, ["text", "technique", "neutral", "voice"]),
        ("Entities", analysis.entities, ["text", "label", "start", "end"]),
    ]
    for title, records, columns in sections:
        if not records and title != "Entities":
            continue
        click.echo(f"\n{title} ({len(records)})")
        print_table([r.as_dict() for r in records], columns)
