"""The maximum article length: refused before any work, with a message; the batch goes on."""

from __future__ import annotations

from eventwire.core import ingest
from eventwire.errors import Errors
from eventwire.models import Article
from eventwire.nlp.language import MAX_ARTICLE_CHARS, skip_reason
from eventwire.store import Store

REPORT = "Rebels shelled the town of Kharkiv on Monday, killing four civilians, police said.\n"


def long_text() -> str:
    return REPORT * (MAX_ARTICLE_CHARS // len(REPORT) + 1)


def test_the_pipeline_refuses_an_over_long_article_without_parsing(nlp_pipeline):
    text = long_text()
    assert len(text) > MAX_ARTICLE_CHARS
    analysis = nlp_pipeline.analyze(Article(id="big", text=text, language="en"))
    assert not analysis.analyzed
    assert analysis.reason == Errors.E070.format(chars=len(text), limit=MAX_ARTICLE_CHARS)
    assert analysis.stages == []  # checked before any stage ran (spaCy would raise E088)


def test_an_article_at_the_limit_is_allowed():
    text = (REPORT * (MAX_ARTICLE_CHARS // len(REPORT) + 1))[:MAX_ARTICLE_CHARS]
    assert skip_reason(Article(id="edge", text=text, language="en")) is None


def test_ingest_reports_the_long_file_and_stores_the_rest(tmp_path, nlp_pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_long.txt").write_text(long_text(), encoding="utf-8")  # passes --max-mb 10
    (folder / "b_short.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / "t.db"
    report = ingest([folder], db, pipeline=nlp_pipeline, update_views=False)
    bad = [i for i in report.issues if i.fatal]
    assert len(bad) == 1 and bad[0].where.endswith("a_long.txt")
    assert f"over the {MAX_ARTICLE_CHARS:,}-character limit" in bad[0].message
    assert report.added == 1 and report.failed == 0
    with Store(db) as store:
        assert len(store.article_ids()) == 1


def test_ingest_reports_a_long_jsonl_record_with_its_line(tmp_path, nlp_pipeline):
    import json

    path = tmp_path / "c.jsonl"
    lines = [{"id": "ok1", "text": REPORT}, {"id": "big", "text": long_text()}, {"id": "ok2", "text": REPORT}]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    report = ingest([path], tmp_path / "t.db", pipeline=nlp_pipeline, update_views=False)
    bad = [i for i in report.issues if i.fatal]
    assert [i.where for i in bad] == [f"{path}:2"]
    assert report.added == 2
