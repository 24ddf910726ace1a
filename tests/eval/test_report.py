"""The HTML report: highlighted text, missed and spurious items listed, text escaped."""

from __future__ import annotations

from eventwire.eval.gold import GoldArticle
from eventwire.eval.harness import EvalRun, score_article
from eventwire.eval.report import highlight, render_report, write_report
from eventwire.eval.result import Item
from eventwire.models import Analysis, FramingSpan, Place

TEXT = "Clashes near <Tokar> & Kassala; the brave defenders held."
GOLD = {
    "id": "r1",
    "text": TEXT,
    "places": [{"mention": "Tokar", "name": "Tokar"}, {"mention": "Kassala", "name": "Kassala"}],
    "framing": [{"span": "brave defenders", "technique": "Loaded_Language", "neutral": "troops"}],
}


def analysis():
    start = TEXT.index("Kassala")
    return Analysis(
        article_id="r1",
        places=[
            Place(mention="Kassala", start=start, end=start + 7),
            Place(mention="Clashes", start=0, end=7),
        ],
        framing=[
            FramingSpan(
                text="brave",
                start=TEXT.index("brave"),
                end=TEXT.index("brave") + 5,
                technique="Loaded_Language",
            )
        ],
    )


def test_highlight_escapes_and_marks_overlaps():
    items = [Item("matched", "gold", 0, 7, "a"), Item("missed", "gold", 4, 12, "b <x>")]
    out = highlight("Clashes <near>", items)
    assert "&lt;nea</mark>r&gt;" in out
    assert out.count("<mark") == 3  # "Clas", "hes" (in both spans: missed wins), " <nea"
    assert 'class="st-missed" title="matched gold: a | missed gold: b &lt;x&gt;"' in out


def test_report_lists_missed_and_spurious(tmp_path):
    run = EvalRun(layers=("places", "framing"), stages=("nlp",))
    run.articles.append(score_article(GoldArticle.from_dict(GOLD), analysis(), run.layers))
    page = render_report(run)
    assert page.startswith("<!doctype html>")
    assert "Tokar → Tokar" in page and "not detected" in page  # missed gold place
    assert "spurious" in page and "Clashes" in page  # spurious prediction
    assert "&lt;Tokar&gt;" in page and "<Tokar>" not in page
    assert "partial" in page  # the framing span is only partly found
    path = write_report(run, tmp_path / "report.html")
    assert path.read_text(encoding="utf-8") == page
