"""The HTML error report: per article and layer, what was missed, spurious or half right.

One self-contained page (no scripts, no external assets) a developer opens to decide
what to fix next: articles are listed worst first, and each layer shows the article text
with gold and predicted spans highlighted, plus the list of errors with their reasons.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from .harness import LAYER_STAGES, ArticleResult, EvalRun
from .result import MATCHED, MISSED, PARTIAL, SPURIOUS, Item

log = logging.getLogger(__name__)

# When spans overlap, the more urgent status colours the text.
_PRIORITY = {MISSED: 3, SPURIOUS: 2, PARTIAL: 1, MATCHED: 0}

_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border-bottom: 1px solid #ddd; padding: .2em .6em; text-align: right; }
td:first-child, th:first-child { text-align: left; }
.text { white-space: pre-wrap; background: #fafafa; border: 1px solid #eee; padding: .8em; }
mark { border-radius: 2px; padding: 0 1px; }
.st-matched { background: #c8efc8; } .st-partial { background: #ffe39a; }
.st-missed { background: #f9b4b4; } .st-spurious { background: #b9d3ff; }
li.st-matched, li.st-partial, li.st-missed, li.st-spurious { background: none; }
li .tag { display: inline-block; min-width: 5.5em; font-size: 85%; border-radius: 3px; padding: 0 .3em; }
summary { cursor: pointer; font-weight: 600; }
.quote { color: #555; font-style: italic; }
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def highlight(text: str, items: list[Item]) -> str:
    """The text as HTML with each item's span wrapped in a <mark> coloured by status."""
    cuts = {0, len(text)}
    for item in items:
        if 0 <= item.start < item.end <= len(text):
            cuts.update((item.start, item.end))
    bounds = sorted(cuts)
    parts: list[str] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        active = [i for i in items if i.start <= start and end <= i.end and i.start < i.end]
        segment = _esc(text[start:end])
        if not active:
            parts.append(segment)
            continue
        top = max(active, key=lambda i: _PRIORITY.get(i.status, 0))
        title = " | ".join(f"{i.status} {i.side}: {i.label}" for i in active)
        parts.append(f'<mark class="st-{top.status}" title="{_esc(title)}">{segment}</mark>')
    return "".join(parts)


def _item_line(text: str, item: Item) -> str:
    quote = text[item.start : item.end]
    if len(quote) > 160:
        quote = quote[:157] + "…"
    return (
        f'<li><span class="tag st-{item.status}">{item.status}</span> <b>{_esc(item.label)}</b> '
        f'<span class="quote">“{_esc(quote)}”</span> — {_esc(item.detail)}</li>'
    )


def _errors(result: ArticleResult) -> int:
    return sum(
        1 for score in result.layers.values() for item in score.items if item.status in (MISSED, SPURIOUS)
    )


def _summary_table(run: EvalRun) -> str:
    summary = run.summary()
    rows = []
    for layer in run.layers:
        m = summary[layer]
        extras = ", ".join(
            f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
            for k, v in m.items()
            if k not in ("precision", "recall", "f1")
        )
        rows.append(
            f"<tr><td>{layer}</td><td>{m['precision']:.3f}</td><td>{m['recall']:.3f}</td>"
            f"<td>{m['f1']:.3f}</td><td style='text-align:left'>{_esc(extras)}</td></tr>"
        )
    return (
        "<table><tr><th>layer</th><th>P</th><th>R</th><th>F1</th><th>other</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _article_section(result: ArticleResult) -> str:
    gold = result.gold
    meta = " · ".join(_esc(v) for v in (gold.outlet, gold.published) if v)
    out = [f'<section id="{_esc(gold.id)}"><h2>{_esc(gold.id)}</h2><p>{meta}</p>']
    if not result.analysis.analyzed:
        out.append(f"<p><b>not analyzed:</b> {_esc(result.analysis.reason)}</p>")
    for layer, score in result.layers.items():
        counts = {s: sum(1 for i in score.items if i.status == s) for s in _PRIORITY}
        head = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        if result.analysis.analyzed and LAYER_STAGES[layer] not in result.analysis.stages:
            head = f"{head} (no {LAYER_STAGES[layer]} stage ran)"
        errors = [i for i in score.items if i.status != MATCHED]
        errors.sort(key=lambda i: (-_PRIORITY[i.status], i.start))
        out.append(
            f"<details{' open' if errors else ''}><summary>{layer}: {_esc(head or 'nothing')}</summary>"
        )
        if errors:
            out.append("<ul>" + "".join(_item_line(gold.text, i) for i in errors) + "</ul>")
        out.append(f'<div class="text">{highlight(gold.text, score.items)}</div></details>')
    out.append("</section>")
    return "\n".join(out)


def render_report(run: EvalRun) -> str:
    """The whole report page as a string."""
    worst = sorted(run.articles, key=lambda r: (-_errors(r), r.gold.id))
    index_rows = "".join(
        f'<tr><td><a href="#{_esc(r.gold.id)}">{_esc(r.gold.id)}</a></td><td>{_errors(r)}</td>'
        + "".join(
            f"<td>{sum(1 for i in r.layers[layer].items if i.status == MISSED)}"
            f"/{sum(1 for i in r.layers[layer].items if i.status == SPURIOUS)}</td>"
            for layer in run.layers
        )
        + "</tr>"
        for r in worst
    )
    layer_heads = "".join(f"<th>{layer}<br>missed/spurious</th>" for layer in run.layers)
    stages, layers = _esc(", ".join(run.stages)), _esc(", ".join(run.layers))
    legend = " ".join(f'<mark class="st-{s}">{s}</mark>' for s in (MATCHED, PARTIAL, MISSED, SPURIOUS))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>eventwire eval report</title>
<style>{_CSS}</style></head><body>
<h1>eventwire eval report</h1>
<p>{len(run.articles)} articles · stages: {stages} · layers scored: {layers}</p>
{_summary_table(run)}
<p>Legend: {legend}. Hover a highlight to see the gold or predicted record.</p>
<h2>Articles, most errors first</h2>
<table><tr><th>article</th><th>errors</th>{layer_heads}</tr>{index_rows}</table>
{"".join(_article_section(r) for r in worst)}
</body></html>
"""


def write_report(run: EvalRun, path: str | Path) -> Path:
    """Write the report page; returns its path."""
    path = Path(path)
    path.write_text(render_report(run), encoding="utf-8")
    log.info("wrote eval report to %s", path)
    return path


__all__ = ["highlight", "render_report", "write_report"]
