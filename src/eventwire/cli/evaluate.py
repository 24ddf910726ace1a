"""`eventwire eval`: score the pipeline against a gold JSONL file."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..errors import EventwireError
from ..eval.harness import LAYER_STAGES, LAYERS, ArticleResult, run_eval
from ..pipeline import Pipeline, default_pipeline

# Extra figures shown after P/R/F1 in the table, per layer.
TABLE_EXTRAS = {
    "places": ("acc_25km", "acc_161km", "exact_id", "unresolved"),
    "events": ("sub_type_acc", "actor1_acc", "date_acc", "fatalities_acc"),
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


@click.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option(
    "--layer",
    "layers",
    multiple=True,
    type=click.Choice(list(LAYERS)),
    help="Score only this layer (repeatable). Default: all.",
)
@click.option(
    "--report", type=click.Path(dir_okay=False, writable=True), help="Write an HTML error report here."
)
@click.option("--stages", help="Comma-separated stages to run (default: the default pipeline).")
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr.")
def command(
    gold: str, as_json: bool, layers: tuple[str, ...], report: str | None, stages: str | None, progress: bool
) -> None:
    """Analyze each gold article and score places, events, claims and framing.

    Figures are micro-averaged over articles; definitions are in docs/eval.md.

    \b
    Example:

    \b
        eventwire eval ../shared/corpus/dev/gold.jsonl
        eventwire eval ../shared/corpus/dev/gold.jsonl --json --layer places
        eventwire eval ../shared/corpus/dev/gold.jsonl --report eval.html
    """
    from tqdm import tqdm

    pipeline = Pipeline(stages=[s.strip() for s in stages.split(",") if s.strip()]) if stages else None
    with open(gold, encoding="utf-8") as handle:
        total = sum(1 for line in handle if line.strip())
    # a bar only on a terminal: in logs and pipes it is noise
    show = progress and sys.stderr.isatty()
    bar = tqdm(total=total, desc="eval", unit="article", file=sys.stderr, disable=not show, leave=False)

    def tick(result: ArticleResult) -> None:
        bar.update(1)

    try:
        run = run_eval(gold, layers=layers or None, pipeline=pipeline or default_pipeline(), on_article=tick)
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
