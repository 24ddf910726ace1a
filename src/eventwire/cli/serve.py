"""`eventwire serve`: the HTTP API and the web pages over one database."""

from __future__ import annotations

import logging

import click

from ..api.app import DEFAULT_ANALYZE_QUEUE, DEFAULT_ANALYZE_TIMEOUT, DEFAULT_MAX_BODY
from ..api.jobs import MAX_PENDING_JOBS
from ..api.security import MIN_TOKEN_CHARS, TOKEN_ENV, is_loopback, token_problem
from .options import db_option, user_errors

log = logging.getLogger(__name__)


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    help=f"API token required on every request (env {TOKEN_ENV}). "
    f"Required when --host is not a loopback address: at least {MIN_TOKEN_CHARS} characters, no spaces.",
)
@click.option("--read-only", is_flag=True, help="Refuse storing analyses and ingest jobs.")
@click.option(
    "--max-body-mb",
    default=DEFAULT_MAX_BODY / 2**20,
    show_default=True,
    type=click.FloatRange(0.001),
    help="Largest request body accepted (413 above it).",
)
@click.option(
    "--analyze-timeout",
    default=DEFAULT_ANALYZE_TIMEOUT,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Seconds one /analyze may wait and run (504 above it).",
)
@click.option(
    "--analyze-queue",
    default=DEFAULT_ANALYZE_QUEUE,
    show_default=True,
    type=click.IntRange(0, 1000),
    help="Analyses that may wait while one runs (503 with Retry-After above it).",
)
@click.option(
    "--analysis-processes",
    default=2,
    show_default=True,
    type=click.IntRange(0, 32),
    help="Processes that analyze /analyze requests, one article each at a time (0: a thread of the "
    "server process). A long article occupies one while others answer, and one over --analyze-timeout "
    "is stopped. Each holds its own models (about 300 MB).",
)
@click.option(
    "--max-jobs",
    default=MAX_PENDING_JOBS,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Ingest jobs that may wait or run at once (503 with Retry-After above it).",
)
@click.option(
    "--basemap",
    type=click.Path(exists=True, file_okay=False),
    help="Folder of base-map GeoJSON layers (default: the packaged Syria and neighbours outlines).",
)
@click.option(
    "--tiles-url",
    help="Optional online tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
    "(off by default; the page offers a toggle).",
)
@user_errors
def command(db, host, port, token, read_only, max_body_mb, basemap, tiles_url, **limits) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web pages (/ui/).

    Binding to an address other than loopback needs a strong API token (at least
    16 characters, no spaces), so a database is never exposed to the network without one.

    Example:

    \b
        eventwire serve --db eventwire.db --port 8000
        EVENTWIRE_TOKEN=$(openssl rand -hex 24) eventwire serve --db eventwire.db --host 0.0.0.0
    """
    _check_token(host, token)
    if tiles_url and not tiles_url.startswith(("https://", "http://")):
        raise click.BadParameter("must be an http(s) URL template with {z}/{x}/{y}", param_hint="--tiles-url")
    import uvicorn

    from ..api.app import create_app
    from ..pipeline import default_pipeline

    if not limits["analysis_processes"]:
        # load the models now, so the first analysis from the page is not the slow one
        click.echo("eventwire: loading the analysis pipeline…", err=True)
        default_pipeline().initialize()
    app = create_app(
        db,
        token=token,
        read_only=read_only,
        max_body=int(max_body_mb * 2**20),
        basemap_dir=basemap,
        tiles_url=tiles_url,
        **limits,  # analyze_timeout, analyze_queue, analysis_processes, max_jobs
    )
    processes = app.state.settings.processes
    if processes is not None:
        click.echo(f"eventwire: starting {processes.size} analysis processes…", err=True)
        if not processes.wait_ready():
            processes.close()
            raise click.ClickException("the analysis processes did not start; see the messages above")
    click.echo(f"eventwire: serving {db} on http://{host}:{port}/ui/ (API docs at /docs)", err=True)
    uvicorn.run(
        app, host=host, port=port, log_level="info" if log.getEffectiveLevel() <= logging.INFO else "warning"
    )


def _check_token(host: str, token: str | None) -> None:
    """A public bind needs a token, and one that is not guessable; any token must be sendable."""
    import secrets

    example = f"{TOKEN_ENV}={secrets.token_urlsafe(24)}"
    if not is_loopback(host) and not token:
        raise click.ClickException(
            f"refusing to listen on {host} without an API token: pass --token or set {TOKEN_ENV} "
            f"(for example {example}), or bind to 127.0.0.1"
        )
    problem = token_problem(token) if token else None
    if problem is None:
        return
    # a token with spaces cannot be sent intact in a header; a weak one only guards loopback
    if not is_loopback(host) or any(c.isspace() or not c.isprintable() for c in token or ""):
        raise click.ClickException(
            f"refusing this API token: it {problem}. Use a long random one, for example {example}"
        )
    click.echo(f"eventwire: warning: the API token {problem} (accepted on loopback only)", err=True)
