"""`eventwire train`: rebuild a trained component from its training data (one command each)."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import click

from ..errors import EventwireError
from .options import user_errors

PTC_TRAIN = Path("../shared/corpus/external/ptc-train/gold.jsonl")


@click.group("train")
def command() -> None:
    """Train eventwire's learned components (needs: pip install 'eventwire[train]').

    Example:

    \b
        eventwire train framing                     # PTC training set + own examples -> packaged model
        eventwire train framing --cv 5              # 5-fold cross-validation by article, no model written
        eventwire train events                      # own event training corpora -> packaged classifier
        eventwire train events --cv 5               # cross-validated figures by fold, no model written
    """


@command.command("framing")
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", type=click.Path(file_okay=False), help="Model folder (default: the packaged model).")
@click.option(
    "--cv", "folds", type=click.IntRange(2, 20), help="Cross-validate with this many folds instead."
)
@click.option(
    "--threshold", type=click.FloatRange(0.05, 0.95), default=None, help="Span probability cut-off."
)
@click.option("--json", "as_json", is_flag=True, help="Print the cross-validation figures as JSON.")
@user_errors
def framing(
    gold: tuple[str, ...], out: str | None, folds: int | None, threshold: float | None, as_json: bool
) -> None:
    """Train the framing span tagger and technique classifier on gold framing spans.

    GOLD files default to ../shared/corpus/external/ptc-train/gold.jsonl (SemEval-2020 Task 11's
    PTC training set) plus the project's own examples in data/training/framing/. Training takes
    a few minutes on two cores; the model card is data/models/framing/MODEL_CARD.md.

    \b
    Example:

    \b
        eventwire train framing
        eventwire train framing my-gold.jsonl --out my-model/ && eventwire analyze a.txt  # see docs
    """
    from ..extras import require

    require("train")
    from ..framing.lexicon import Lexicon
    from ..framing.tagger import DEFAULT_THRESHOLD, MODEL_DIR
    from ..framing.train import OWN_EXAMPLES, cross_validate, parse_gold, train
    from ..nlp.model import load_model

    paths = [Path(p) for p in gold]
    if not paths:
        if not PTC_TRAIN.exists():
            raise EventwireError(f"no GOLD given and {PTC_TRAIN} not found: pass gold JSONL files")
        paths = [PTC_TRAIN, *sorted(OWN_EXAMPLES.glob("*.jsonl"))]
    started = time.monotonic()
    click.echo(f"parsing {len(paths)} gold file(s)…", err=True)
    items = parse_gold(paths, load_model(None), Lexicon.load())
    click.echo(f"{len(items)} articles parsed in {time.monotonic() - started:.0f} s", err=True)
    if folds:
        thresholds = [threshold] if threshold else [0.3, 0.4, 0.5]
        with tempfile.TemporaryDirectory() as work:
            result = cross_validate(
                items, folds, Path(work), thresholds, lambda line: click.echo(line, err=True)
            )
        if as_json:
            click.echo(json.dumps(result))
        else:
            for t, m in result["mean"].items():
                click.echo(f"threshold {t}: P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")
        return
    folder = Path(out) if out else MODEL_DIR
    train(items, folder, threshold or DEFAULT_THRESHOLD)
    click.echo(f"model written to {folder} ({time.monotonic() - started:.0f} s)")


@command.command("events")
@click.option("--out", type=click.Path(file_okay=False), help="Model folder (default: the packaged model).")
@click.option(
    "--cv",
    "folds",
    type=click.IntRange(2, 20),
    help="Only cross-validate with this many folds, print by fold.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the cross-validation figures as JSON.")
@user_errors
def events(out: str | None, folds: int | None, as_json: bool) -> None:
    """Train the event classifier on data/training/events/ (fixed seed; a few minutes on two cores).

    Settings (C, temperature, veto/add thresholds) are chosen by 5-fold cross-validation by
    record; the model card is data/models/events/MODEL_CARD.md.

    \b
    Example:

    \b
        eventwire train events
        eventwire train events --cv 5
    """
    from ..extras import require

    require("train")
    from ..events.train import train_events

    started = time.monotonic()
    report = train_events(
        Path(out) if out else None, folds or 5, write=not folds, say=lambda line: click.echo(line, err=True)
    )
    if as_json:
        click.echo(json.dumps({k: v for k, v in report.items() if k != "event_types"}))
    else:
        for i, f in enumerate(report["by_fold"], 1):
            click.echo(
                f"fold {i}: P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f} "
                f"sub-type {f['sub_type_acc']:.3f} event type {f['event_type_acc']:.3f}"
            )
        m = report["mean"]
        click.echo(
            f"mean:   P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} "
            f"sub-type {m['sub_type_acc']:.3f} event type {m['event_type_acc']:.3f}"
        )
        click.echo(f"ECE {report['ece_uncalibrated']:.3f} -> {report['ece']:.3f} (T={report['temperature']})")
    if not folds:
        click.echo(
            f"model written to {out or 'the packaged model folder'} ({time.monotonic() - started:.0f} s)"
        )
