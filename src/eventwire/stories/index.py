"""The stored story index: article vectors, document counts, postings for candidate retrieval.

Three tables (migration 3) hold it, so a new batch costs only its own articles:

- ``story_vectors``: each article's hashed term and entity weights (``features.py``);
- ``story_df``: how many articles hold each feature (the row with feature -1 counts the
  articles), from which inverse document frequencies are computed when needed — so the
  weights of old articles never have to be rewritten;
- ``story_terms``: postings of each article's most distinctive features; a new article's
  candidates are the stored articles sharing most of its own distinctive features.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from ..store import Store
from .features import ArticleFeatures

_DOCS = -1  # story_df row counting the indexed articles


class StoryIndex:
    """Document counts in memory (loaded once per run), vectors and postings read on demand."""

    def __init__(self, store: Store, *, postings: int = 30, candidates: int = 40, max_df: int = 200):
        self.store = store
        self.max_df = max_df
        self.postings = postings
        self.max_candidates = candidates
        self.df: dict[int, int] = {}
        self.docs = 0
        self._vectors: dict[str, ArticleFeatures] = {}
        self._df_delta: Counter[int] = Counter()

    # -- loading and clearing ------------------------------------------------------

    def load(self) -> None:
        rows = self.store.db.query("SELECT feature, df FROM story_df")
        self.df = {int(r["feature"]): int(r["df"]) for r in rows}
        self.docs = self.df.pop(_DOCS, 0)

    def clear(self) -> None:
        db = self.store.db
        for table in ("story_vectors", "story_df", "story_terms"):
            db.execute(f"DELETE FROM {table}")
        self.df, self.docs = {}, 0
        self._vectors.clear()

    def indexed(self) -> dict[str, str]:
        """article id -> ingested_at of every indexed article."""
        rows = self.store.db.query("SELECT article_id, ingested_at FROM story_vectors")
        return {r["article_id"]: r["ingested_at"] for r in rows}

    # -- weights ---------------------------------------------------------------------

    def idf(self, feat: int) -> float:
        return math.log((self.docs + 1) / (self.df.get(feat, 0) + 1)) + 1.0

    def weights(self, tf: dict[int, float]) -> dict[int, float]:
        """tf-idf weights, L2-normalised."""
        w = {k: v * self.idf(k) for k, v in tf.items()}
        norm = math.sqrt(sum(x * x for x in w.values()))
        return {k: x / norm for k, x in w.items()} if norm else {}

    # -- adding and removing ---------------------------------------------------------

    def count(self, features: list[ArticleFeatures]) -> None:
        """Add a batch's document counts (before scoring it, so the batch's words weigh right)."""
        for f in features:
            self.docs += 1
            for k in f.all_features():
                self.df[k] = self.df.get(k, 0) + 1
                self._df_delta[k] += 1
        self._df_delta[_DOCS] += len(features)

    def add(self, f: ArticleFeatures, ingested_at: str | None) -> None:
        """Store one article's vector and postings (its document counts were added by ``count``)."""
        db = self.store.db
        db.execute(
            "INSERT INTO story_vectors (article_id, ingested_at, published, features) VALUES (?, ?, ?, ?)",
            (f.article_id, ingested_at, f.published, f.encode()),
        )
        db.executemany(
            "INSERT INTO story_terms (feature, article_id) VALUES (?, ?)",
            [(k, f.article_id) for k in self._distinctive(f)],
        )
        self._vectors[f.article_id] = f

    def remove(self, article_id: str) -> None:
        """Forget an article (re-ingested or gone): its vector, postings and document counts."""
        db = self.store.db
        rows = db.query("SELECT features, published FROM story_vectors WHERE article_id = ?", (article_id,))
        if not rows:
            return
        old = ArticleFeatures.decode(article_id, rows[0]["features"], rows[0]["published"])
        for k in old.all_features():
            self.df[k] = max(0, self.df.get(k, 0) - 1)
            self._df_delta[k] -= 1
        self.docs = max(0, self.docs - 1)
        self._df_delta[_DOCS] -= 1
        db.execute("DELETE FROM story_vectors WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM story_terms WHERE article_id = ?", (article_id,))
        self._vectors.pop(article_id, None)

    def flush(self) -> None:
        """Write the changed document counts (inside the caller's transaction)."""
        db = self.store.db
        changed = {k: v for k, v in self._df_delta.items() if v}
        if not changed:
            return
        keys = list(changed)
        existing: set[int] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            existing.update(
                int(r["feature"])
                for r in db.query(f"SELECT feature FROM story_df WHERE feature IN ({marks})", chunk)
            )
        db.executemany(
            "UPDATE story_df SET df = df + ? WHERE feature = ?",
            [(v, k) for k, v in changed.items() if k in existing],
        )
        db.executemany(
            "INSERT INTO story_df (feature, df) VALUES (?, ?)",
            [(k, v) for k, v in changed.items() if k not in existing],
        )
        self._df_delta.clear()

    # -- retrieval -------------------------------------------------------------------

    def _distinctive(self, f: ArticleFeatures) -> list[int]:
        """The article's features with the highest tf-idf (text and entities together), leaving out
        features held by more than ``max_df`` articles: a posting list is then never longer than
        that, so retrieval cost does not grow with the corpus."""
        common = self.max_df
        scored = {k: v * self.idf(k) for k, v in f.text_tf.items() if self.df.get(k, 0) <= common}
        for k, v in f.entity_tf.items():
            if self.df.get(k, 0) <= common:
                scored[k] = max(scored.get(k, 0.0), v * self.idf(k))
        return [k for k, _ in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[: self.postings]]

    def candidates(self, f: ArticleFeatures) -> list[str]:
        """Stored articles sharing most of ``f``'s distinctive features, best first."""
        feats = self._distinctive(f)
        if not feats:
            return []
        marks = ", ".join("?" for _ in feats)
        rows = self.store.db.query(
            f"SELECT feature, article_id FROM story_terms WHERE feature IN ({marks})", feats
        )
        hits: Counter[str] = Counter()
        for r in rows:
            if r["article_id"] != f.article_id:
                hits[r["article_id"]] += self.idf(int(r["feature"]))
        return [a for a, _ in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[: self.max_candidates]]

    def vectors(self, article_ids: list[str]) -> dict[str, ArticleFeatures]:
        """Stored features of these articles (cached for the run)."""
        missing = [a for a in article_ids if a not in self._vectors]
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            for r in self.store.db.query(
                f"SELECT article_id, published, features FROM story_vectors WHERE article_id IN ({marks})",
                chunk,
            ):
                self._vectors[r["article_id"]] = ArticleFeatures.decode(
                    r["article_id"], r["features"], r["published"]
                )
        return {a: self._vectors[a] for a in article_ids if a in self._vectors}


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    """Dot product of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def summary(store: Store) -> dict[str, Any]:
    rows = store.db.query("SELECT df FROM story_df WHERE feature = ?", (_DOCS,))
    n = store.db.query("SELECT COUNT(*) AS n FROM story_df")[0]["n"]
    return {"articles": int(rows[0]["df"]) if rows else 0, "features": max(0, int(n) - 1)}
