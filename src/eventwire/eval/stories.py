"""Scoring stories against a gold clustering: B-cubed and pairwise precision, recall, F1.

The gold file (``gold_clusters.json``) maps article ids to gold story ids under
``article_cluster``; the input articles are ``articles.jsonl`` beside it. Every gold
article is scored: one the store holds no story for counts as a story of its own.

- B-cubed (Bagga & Baldwin 1998): per article, precision = share of its predicted story
  that is in its gold story, recall = share of its gold story that is in its predicted
  story; both averaged over articles.
- Pairwise: over all pairs of articles, a pair is predicted when both are in one predicted
  story and gold when both are in one gold story; P, R, F1 over those pair sets.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import Errors, EventwireError
from ..store import Store

log = logging.getLogger(__name__)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def load_gold_clusters(path: str | Path) -> dict[str, str]:
    """article id -> gold story id from a ``gold_clusters.json`` file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EventwireError(Errors.E090.format(path=path, detail=exc)) from exc
    clusters = data.get("article_cluster") if isinstance(data, dict) else None
    if not isinstance(clusters, dict) or not clusters:
        raise EventwireError(Errors.E090.format(path=path, detail="no 'article_cluster' mapping"))
    return {str(k): str(v) for k, v in clusters.items()}


def is_cluster_gold(path: str | Path) -> bool:
    """True for a gold clustering (a JSON object with ``article_cluster``), not a gold JSONL."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "article_cluster" in data


def articles_beside(gold_path: str | Path) -> Path:
    """The ``articles.jsonl`` input that goes with a gold clustering."""
    path = Path(gold_path).with_name("articles.jsonl")
    if not path.exists():
        raise EventwireError(Errors.E091.format(path=path))
    return path


def _complete(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, str]:
    """Predicted labels of the gold articles; an unplaced article is a story of its own."""
    return {a: pred.get(a, f"\0alone:{a}") for a in gold}


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    labels = _complete(pred, gold)
    pred_size = Counter(labels.values())
    gold_size = Counter(gold.values())
    both = Counter((labels[a], gold[a]) for a in gold)
    if not gold:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = sum(both[(labels[a], gold[a])] / pred_size[labels[a]] for a in gold) / len(gold)
    r = sum(both[(labels[a], gold[a])] / gold_size[gold[a]] for a in gold) / len(gold)
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def _pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    labels = _complete(pred, gold)
    predicted = _pairs(Counter(labels.values()))
    true = _pairs(Counter(gold.values()))
    correct = _pairs(Counter((labels[a], gold[a]) for a in gold))
    p = correct / predicted if predicted else 0.0
    r = correct / true if true else 0.0
    return {"precision": p, "recall": r, "f1": _f1(p, r), "gold_pairs": true, "predicted_pairs": predicted}


def story_metrics(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, Any]:
    """``{"articles", "gold_stories", "predicted_stories", "bcubed": {...}, "pairwise": {...}}``."""
    labels = _complete(pred, gold)
    return {
        "articles": len(gold),
        "placed": sum(1 for a in gold if a in pred),
        "gold_stories": len(set(gold.values())),
        "predicted_stories": len(set(labels.values())),
        "bcubed": bcubed(pred, gold),
        "pairwise": pairwise(pred, gold),
    }


def stored_stories(store: Store) -> dict[str, str]:
    """article id -> story id of every article the store placed (copies included)."""
    return {
        r["article_id"]: r["story_id"]
        for r in store.db.query("SELECT article_id, story_id FROM story_articles")
    }


def evaluate_stories(
    gold_path: str | Path,
    *,
    db: str | Path | Store | None = None,
    pipeline: Any = None,
    rebuild: bool = True,
    settings: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Ingest the articles beside ``gold_path`` (into ``db``, default a temporary SQLite file;
    articles already stored there are not analyzed again), build stories, score them.

    ``rebuild`` rebuilds the stories from scratch first, so the figure reflects the current
    settings even on a database built earlier.
    """
    import tempfile

    from ..core import ingest
    from ..stories import update_corpus_views

    gold = load_gold_clusters(gold_path)
    articles = articles_beside(gold_path)

    def run(store: Store) -> dict[str, Any]:
        report = ingest([articles], store, pipeline=pipeline, update_views=False)
        views = update_corpus_views(store, rebuild=rebuild, settings=settings)
        out = story_metrics(stored_stories(store), gold)
        out["copies"] = views.get("copies", 0)
        out["ingest"] = {"added": report.added, "already_stored": report.already_stored}
        return out

    if isinstance(db, Store):
        return run(db)
    if db is not None:
        with Store(db) as store:
            return run(store)
    with (
        tempfile.TemporaryDirectory(prefix="eventwire-eval-") as tmp,
        Store(Path(tmp) / "stories.db") as store,
    ):
        return run(store)
