"""The Python API: what the CLI, the HTTP layer and scripts call.

Every function here takes plain arguments with sensible defaults and returns model
objects; nothing prints.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest.readers import ReadIssue, make_article, read_paths
from .models import Analysis, Article
from .pipeline import Pipeline, default_pipeline
from .store import DEFAULT_DB, Store, freshness

log = logging.getLogger(__name__)


def analyze_article(article: Article, pipeline: Pipeline | None = None) -> Analysis:
    """Analyze one `Article` with the default (or a given) pipeline."""
    return (pipeline or default_pipeline()).analyze(article)


def analyze(
    text: str,
    *,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Analysis:
    """Analyze a text. ``published`` (YYYY-MM-DD) anchors relative dates ("on Saturday")."""
    article = make_article(text, published=published, outlet=outlet, title=title, url=url, id=id)
    return analyze_article(article, pipeline)


def read_articles(
    paths: Iterable[str | Path], issues: list[ReadIssue] | None = None, **options: Any
) -> Iterator[Article]:
    """Read articles from files, folders or "-" (stdin). Problems are appended to ``issues``."""
    return read_paths(paths, issues=issues, **options)


@dataclass
class IngestReport:
    """What an ingest run did. ``issues`` lists every skipped input and warning."""

    read: int = 0
    added: int = 0
    already_stored: int = 0
    not_analyzed: int = 0
    failed: int = 0
    events: int = 0
    issues: list[ReadIssue] = field(default_factory=list)
    views: dict = field(default_factory=dict)  # syndicated copies and stories updated

    @property
    def errors(self) -> int:
        """Records (or whole inputs) that were not stored: unreadable ones plus failed analyses."""
        return sum(1 for i in self.issues if i.fatal)

    @property
    def unreadable(self) -> int:
        """Records (or whole inputs) skipped because they could not be read."""
        return self.errors - self.failed

    @property
    def ok(self) -> bool:
        """True when every record was stored (or already was): the CLI's exit status."""
        return self.errors == 0

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "added": self.added,
            "already_stored": self.already_stored,
            "not_analyzed": self.not_analyzed,
            "failed": self.failed,
            "unreadable": self.unreadable,
            "errors": self.errors,
            "events": self.events,
            "views": self.views,
            "issues": [str(i) for i in self.issues],
        }


def ingest(
    paths: Iterable[str | Path],
    db: str | Path | Store = DEFAULT_DB,
    *,
    pipeline: Pipeline | None = None,
    progress: Callable[[Article], None] | None = None,
    replace: bool = False,
    update_views: bool = True,
    **read_options: Any,
) -> IngestReport:
    """Read, analyze and store articles. Already-stored articles are skipped, not re-analyzed.

    Each article is committed on its own, so an interruption loses at most the one in flight.
    Afterwards syndicated copies are marked and new events placed into stories
    (``update_views=False`` skips that, e.g. for bulk loads followed by one update); an
    update an earlier run did not finish is redone even when nothing new was added.
    A record that cannot be read, or whose analysis fails, is reported in ``issues`` (and
    counted in ``errors``) and the batch goes on.
    """
    pipeline = pipeline or default_pipeline()
    report = IngestReport()
    store = db if isinstance(db, Store) else Store(db)
    try:
        known = store.article_ids()
        fresh: list[Article] = []

        def pending() -> Iterator[Article]:
            for article in read_paths(paths, issues=report.issues, **read_options):
                report.read += 1
                if article.id in known and not replace:
                    report.already_stored += 1
                    if progress:
                        progress(article)
                    continue
                known.add(article.id)  # a repeat inside the same input counts once
                fresh.append(article)
                yield article

        for analysis in _analyze_safely(pending(), pipeline, report):
            article = fresh.pop(0)
            if analysis is not None:
                if not analysis.analyzed:
                    report.not_analyzed += 1
                    report.issues.append(
                        ReadIssue(
                            article.source or article.id, analysis.reason or "not analyzed", fatal=False
                        )
                    )
                if store.add(article, analysis, replace=replace):
                    report.added += 1
                    report.events += sum(1 for e in analysis.events if e.happened)
                else:
                    report.already_stored += 1
            if progress:
                progress(article)
        # also when nothing was added: an earlier update of the views may have died half way
        if update_views and (report.added or freshness.views_stale(store)):
            report.views = _update_views(store, report)
        store.record_issues(report.issues)
    finally:
        if not isinstance(db, Store):
            store.close()
    return report


def _update_views(store: Store, report: IngestReport) -> dict:
    """Mark copies and extend stories; a failure here loses nothing already stored.

    The views are marked stale until the update succeeds, so a failed or killed update is
    redone by the next ingest or the next read of the views.
    """
    try:
        return freshness.update_views(store)
    except Exception as exc:  # noqa: BLE001 - the articles are stored; views catch up next run
        log.warning("updating copies and stories failed", exc_info=True)
        message = f"not updated: {type(exc).__name__}: {exc}"
        report.issues.append(ReadIssue("corpus views", message, fatal=False))
        return {}


def _analyze_safely(
    articles: Iterator[Article], pipeline: Pipeline, report: IngestReport
) -> Iterator[Analysis | None]:
    """Analyze in batches (spaCy parses a batch at once), yielding each analysis as soon as it
    is ready so the caller stores it at once. If the pipeline raises, the rest of the batch is
    redone one by one, so only the bad article is lost."""
    batch: list[Article] = []

    def run(batch: list[Article]) -> Iterator[Analysis | None]:
        done = 0
        try:
            for analysis in pipeline.analyze_many(batch, batch_size=len(batch)):
                done += 1
                yield analysis
            return
        except Exception:  # noqa: BLE001 - isolate the failing article below
            log.debug("batch failed; retrying one by one", exc_info=True)
        for article in batch[done:]:
            try:
                yield pipeline.analyze(article)
            except Exception as exc:  # noqa: BLE001 - one bad article never aborts a batch
                report.failed += 1
                report.issues.append(
                    ReadIssue(article.source or article.id, f"analysis failed: {type(exc).__name__}: {exc}")
                )
                yield None

    for article in articles:
        batch.append(article)
        if len(batch) >= 16:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)
