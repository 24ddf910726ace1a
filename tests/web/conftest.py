"""Browser-test fixtures: a live server on a free loopback port, Debian's Chromium via Playwright.

Browser tests skip when /usr/bin/chromium is missing, unless CI=true: then they fail, so a
CI run never passes without having driven a browser (``.ci/install-browser.sh`` installs it).
Screenshots go to a temporary folder of the test session, so a test run leaves the git tree
clean; with ``EVENTWIRE_SCREENSHOTS=screenshots`` (a folder, relative to the repository root)
they go there instead, which is how the committed ones in ``screenshots/`` are refreshed.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
REPO = Path(__file__).resolve().parents[2]
DEV_CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "gold.jsonl"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _browser_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium, or run .ci/install-browser.sh)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _browser_missing_reason()
    in_ci = os.environ.get("CI", "").lower() == "true"
    for item in items:
        if not {"page", "browser"} & set(getattr(item, "fixturenames", ())):
            continue
        item.add_marker(pytest.mark.browser)
        # in CI a missing browser is an error (the browser fixture fails), never a skip
        if reason is not None and not in_ci:
            item.add_marker(pytest.mark.skip(reason=reason))


def _load_sample_module():
    path = REPO / "tests" / "api" / "ew_sample_db.py"
    spec = importlib.util.spec_from_file_location("ew_sample_db", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ew_sample_db", module)
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def web_pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline().initialize()


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, web_pipeline) -> Path:
    db = tmp_path_factory.mktemp("web") / "web.db"
    _load_sample_module().build_sample_db(db, web_pipeline)
    return db


@contextlib.contextmanager
def serve(db: Path, pipeline):
    """The app over ``db`` served by uvicorn in a thread on 127.0.0.1; yields its base URL."""
    import uvicorn

    from eventwire.api import create_app

    port = _free_port()
    app = create_app(db, pipeline=pipeline)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="eventwire-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def dev_server(tmp_path_factory, web_pipeline):
    """The app over ../shared/corpus/dev (25 real articles) and examples/articles.jsonl; skips without."""
    from eventwire.core import ingest

    if not DEV_CORPUS.is_file():
        pytest.skip(f"{DEV_CORPUS} is missing (the shared development corpus)")
    db = tmp_path_factory.mktemp("dev") / "dev.db"
    ingest([str(DEV_CORPUS), str(REPO / "examples" / "articles.jsonl")], str(db), pipeline=web_pipeline)
    with serve(db, web_pipeline) as url:
        yield url


@pytest.fixture(scope="session")
def server(web_db, web_pipeline):
    """The app over the sample database, served for the whole session; yields its base URL."""
    with serve(web_db, web_pipeline) as url:
        yield url


@pytest.fixture(scope="package")
def browser():
    """Chromium for the tests of this package, closed when they are done.

    Playwright's sync API keeps an asyncio event loop marked as running in the main thread for
    as long as it is open; held for the whole session (scope "session"), every later test that
    calls ``asyncio.run`` (tests/api/test_streaming.py) failed with "cannot be called from a
    running event loop" whenever tests/web ran first.
    """
    reason = _browser_missing_reason()
    if reason is not None:
        pytest.fail(f"browser tests cannot run: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and any CSP violation report."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(msg.text))
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where browser tests write screenshots: ``$EVENTWIRE_SCREENSHOTS`` or a session temp folder."""
    wanted = os.environ.get("EVENTWIRE_SCREENSHOTS")
    folder = REPO / wanted if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
