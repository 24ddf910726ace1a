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
@click.option(
    "--gate", type=click.FloatRange(0.0, 1.0), default=None, help="Article gate (share of marked tokens)."
)
@click.option(
    "--own-repeat", type=click.IntRange(1, 20), default=None, help="Times the CRF sees each own example."
)
@click.option("--json", "as_json", is_flag=True, help="Print the cross-validation figures as JSON.")
@user_errors
def framing(
    gold: tuple[str, ...],
    out: str | None,
    folds: int | None,
    threshold: float | None,
    gate: float | None,
    own_repeat: int | None,
    as_json: bool,
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
    from ..framing.tagger import DEFAULT_GATE, DEFAULT_THRESHOLD, MODEL_DIR
    from ..framing.train import OWN_EXAMPLES, OWN_REPEAT, cross_validate, parse_gold, train
    from ..nlp.model import load_model

    paths = [Path(p) for p in gold]
    if not paths:
        if not PTC_TRAIN.exists():
            raise EventwireError(f"no GOLD given and {PTC_TRAIN} not found: pass gold JSONL files")
        paths = [PTC_TRAIN, *sorted(OWN_EXAMPLES.glob("*.jsonl"))]
    started = time.monotonic()
    click.echo(f"parsing {len(paths)} gold file(s)…", err=True)
    lexicon = Lexicon.load()
    items = parse_gold(paths, load_model(None), lexicon)
    click.echo(f"{len(items)} articles parsed in {time.monotonic() - started:.0f} s", err=True)
    repeat = own_repeat or OWN_REPEAT
    if folds:
        thresholds = [threshold] if threshold is not None else [0.3, 0.4]
        gates = [gate] if gate is not None else [0.0, 0.03, 0.05]
        settings = [(t, g) for t in thresholds for g in gates]
        with tempfile.TemporaryDirectory() as work:
            result = cross_validate(
                items, folds, Path(work), settings, lambda line: click.echo(line, err=True), repeat, lexicon
            )
        if as_json:
            click.echo(json.dumps(result))
            return
        for key, parts in result.items():
            t, g = key.split("/")
            row = [f"threshold {t} gate {g}:"]
            for part, label in (("gold", "GOLD (every voice)"), ("own", "own examples (outlet)")):
                if part in parts:
                    m = parts[part]
                    row.append(f"{label} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")
            click.echo("  ".join(row))
        return
    folder = Path(out) if out else MODEL_DIR
    train(
        items,
        folder,
        threshold if threshold is not None else DEFAULT_THRESHOLD,
        gate if gate is not None else DEFAULT_GATE,
        repeat,
    )
    click.echo(f"model written to {folder} ({time.monotonic() - started:.0f} s)")


@command.command("events")
@click.option("--out", type=click.Path(file_okay=False), help="Model folder (default: the packaged model).")
@click.option("--cv", "folds", type=click.IntRange(2, 20), help="Only cross-validate, with this many folds.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@user_errors
def events(out: str | None, folds: int | None, as_json: bool) -> None:
    """Train the event classifier (sub-event type or no event, per sentence) on the project's
    training corpora in data/training/events/ (see their DATASHEET.md files).

    Cross-validation (5 folds by template unless --cv) sets the calibration temperature and
    the decision thresholds; then the model is fitted on everything and written (about two
    minutes on two cores). The model card is data/models/events/MODEL_CARD.md.

    \b
    Example:

    \b
        eventwire train events
        eventwire train events --cv 5 --json       # figures only, no model written
    """
    from ..extras import require

    require("train")
    from ..events.learn import train

    def say(line: str) -> None:
        click.echo(line, err=True)

    meta = train(Path(out) if out else None, k=folds or 5, write=folds is None, progress=say)
    figures = {"cv": meta["cv"], "temperature": meta["temperature"], "thresholds": meta["thresholds"]}
    if as_json:
        click.echo(json.dumps(figures))
        return
    cv = meta["cv"]
    click.echo(
        f"{cv['examples']} examples: accuracy {cv['accuracy']:.3f}, sub-type accuracy on events "
        f"{cv['sub_type_accuracy_on_events']:.3f}, calibration error {cv['ece_before']:.3f} -> "
        f"{cv['ece_after']:.3f} (temperature {meta['temperature']})"
    )
    click.echo("thresholds: " + ", ".join(f"{k} {v:.2f}" for k, v in meta["thresholds"].items()))
    if folds is None:
        click.echo(f"model written in {meta['seconds']:.0f} s")


POLNEAR_TRAIN = Path("../shared/corpus/external/polnear-train/gold.jsonl")


@command.command("claims")
@click.argument("gold", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), help="Weights file (default: the packaged one).")
@click.option(
    "--no-refit",
    is_flag=True,
    help="Fit on lines 4k+2 and 4k+3 only, so lines 4k+1 stay unseen for choosing claim-level settings.",
)
@user_errors
def claims(gold: str | None, out: str | None, no_refit: bool) -> None:
    """Train the learned attribution-cue detector on PolNeAR-style gold claims.

    GOLD defaults to ../shared/corpus/external/polnear-train/gold.jsonl. Every 4th article
    (line 0, 4, 8, ...) is kept back for evaluation and never read; about two minutes.

    \b
    Example:

    \b
        eventwire train claims
        sed -n '1~4p' ../shared/corpus/external/polnear-train/gold.jsonl > held-out.jsonl
        eventwire eval held-out.jsonl --layer claims
    """
    from ..extras import require

    require("train")
    from ..claims.learned import DEFAULT_WEIGHTS
    from ..claims.train import train

    path = Path(gold) if gold else POLNEAR_TRAIN
    if not path.exists():
        raise EventwireError(f"no GOLD given and {POLNEAR_TRAIN} not found: pass a gold JSONL file")
    about = train(path, Path(out) if out else DEFAULT_WEIGHTS, refit=not no_refit)
    click.echo(json.dumps(about, indent=1))
