"""`eventwire eval`: score the pipeline against a gold JSONL file."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..errors import Errors, EventwireError
from ..eval.harness import CORPUS_LAYERS, LAYER_STAGES, LAYERS, ArticleResult, run_eval
from ..eval.stories import is_cluster_gold
from ..pipeline import Pipeline, default_pipeline

# Extra figures shown after P/R/F1 in the table, per layer.
TABLE_EXTRAS = {
    "places": ("acc_25km", "acc_161km", "exact_id", "unresolved"),
    "events": ("sub_type_acc", "actor1_acc", "date_acc", "fatalities_acc", "exact_f1"),
    "claims": ("via_acc", "anonymous_acc"),
    "framing": ("technique_acc",),
}


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def format_table(summary: dict[str, Any]) -> str:
    """A compact, aligned table of a summary from `EvalRun.summary()`."""
    lines = [f"{summary['articles']} articles; stages: {', '.join(summary.get('stages', []))}"]
    lines.append(f"{'layer':<8} {'P':>6} {'R':>6} {'F1':>6}  {'gold':>5} {'pred':>5}  other")
    for layer in LAYERS:
        if layer not in summary:
            continue
        m = summary[layer]
        extras = "  ".join(f"{key} {_fmt(m[key])}" for key in TABLE_EXTRAS[layer])
        if LAYER_STAGES[layer] not in summary.get("stages", [LAYER_STAGES[layer]]):
            extras += f"  (no {LAYER_STAGES[layer]} stage ran)"
        lines.append(
            f"{layer:<8} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}"
            f"  {m['gold']:>5} {m['predicted']:>5}  {extras}"
        )
    return "\n".join(lines)


def format_story_table(summary: dict[str, Any]) -> str:
    """B-cubed and pairwise figures of a story evaluation (``eval.stories.story_metrics``)."""
    lines = [
        f"{summary['articles']} articles ({summary['placed']} placed), {summary['gold_stories']} gold "
        f"stories, {summary['predicted_stories']} predicted; {summary.get('copies', 0)} copies",
        f"{'stories':<9} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for name in ("bcubed", "pairwise"):
        m = summary[name]
        lines.append(f"{name:<9} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}")
    return "\n".join(lines)


@click.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option(
    "--layer",
    "layers",
    multiple=True,
    type=click.Choice([*LAYERS, *CORPUS_LAYERS]),
    help="Score only this layer (repeatable). Default: all; 'stories' for a gold clustering.",
)
@click.option(
    "--db",
    help="Stories only: store to ingest into and keep (articles already there are not re-analyzed). "
    "Default: a temporary SQLite file.",
)
@click.option(
    "--report", type=click.Path(dir_okay=False, writable=True), help="Write an HTML error report here."
)
@click.option("--stages", help="Comma-separated stages to run (default: the default pipeline).")
@click.option(
    "--voices",
    type=click.Choice(["outlet", "all"]),
    default="outlet",
    show_default=True,
    help="Framing: score the outlet's voice only, or quoted speakers' spans too (as PTC annotates).",
)
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr.")
def command(
    gold: str,
    as_json: bool,
    layers: tuple[str, ...],
    db: str | None,
    report: str | None,
    stages: str | None,
    voices: str,
    progress: bool,
) -> None:
    """Analyze each gold article and score places, events, claims and framing; or, given a gold
    clustering (``gold_clusters.json`` with ``articles.jsonl`` beside it), score stories.

    Figures are micro-averaged over articles; definitions are in docs/eval.md.

    \b
    Example:

    \b
        eventwire eval ../shared/corpus/dev/gold.jsonl
        eventwire eval ../shared/corpus/dev/gold.jsonl --json --layer places
        eventwire eval ../shared/corpus/dev/gold.jsonl --report eval.html
        eventwire eval ../shared/corpus/external/ecbplus-dev/gold_clusters.json --layer stories
    """
    pipeline = Pipeline(stages=[s.strip() for s in stages.split(",") if s.strip()]) if stages else None
    corpus = [name for name in layers if name in CORPUS_LAYERS]
    if corpus or (not layers and is_cluster_gold(gold)):
        _corpus_eval(gold, corpus or ["stories"], layers, db, pipeline, as_json)
        return
    _article_eval(gold, as_json, layers, report, pipeline, progress, voices)


def _corpus_eval(gold, corpus, layers, db, pipeline, as_json) -> None:
    if len(layers) > len(corpus) or len(corpus) > 1:
        raise click.UsageError("--layer stories scores a gold clustering; give it alone")
    if not is_cluster_gold(gold):
        raise click.ClickException(Errors.E055.format(path=gold))
    try:
        summary = CORPUS_LAYERS[corpus[0]](gold, db=db, pipeline=pipeline)
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(summary, ensure_ascii=False) if as_json else format_story_table(summary))


def _article_eval(gold, as_json, layers, report, pipeline, progress, voices="outlet") -> None:
    from tqdm import tqdm

    with open(gold, encoding="utf-8") as handle:
        total = sum(1 for line in handle if line.strip())
    # a bar only on a terminal: in logs and pipes it is noise
    show = progress and sys.stderr.isatty()
    bar = tqdm(total=total, desc="eval", unit="article", file=sys.stderr, disable=not show, leave=False)

    def tick(result: ArticleResult) -> None:
        bar.update(1)

    try:
        run = run_eval(gold, layers=layers or None, pipeline=pipeline or default_pipeline(), on_article=tick,
                       framing_voices=voices)  # fmt: skip
    except EventwireError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        bar.close()
    summary = run.summary()
    if report:
        from ..eval.report import write_report

        write_report(run, report)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        click.echo(format_table(summary))
        if report:
            click.echo(f"report: {report}")
