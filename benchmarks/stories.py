"""Cost of the corpus views (copies + stories) as the corpus grows, against ingest time.

Usage::

    python benchmarks/stories.py                          # 500, 2,000 and 10,000 articles
    python benchmarks/stories.py --sizes 500,2000 --json

For each size N a synthetic corpus is written into a fresh SQLite store: N articles in
N/8 stories of one to fifteen articles over two years, each article ~150 words drawn from its
story's own words and names plus a Zipf-distributed background vocabulary shared by all,
with entities in its ``Analysis`` (texts are generated, so nothing is copied from any
corpus). Measured, wall clock:

- ``build``: ``update_corpus_views`` over the whole corpus in one run (copies + stories);
- ``add 100``: the same for 100 new articles added to the N already placed (the incremental
  case of ``eventwire ingest``);
- ``ingest``: the full pipeline's analysis time for N articles, extrapolated from analysing
  ``--sample`` real dev-corpus articles (``../shared/corpus/dev``) on this machine;
- B-cubed F1 of the synthetic stories, as a sanity check that the work is real.

Figures depend on machine load; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / ".." / "shared" / "corpus" / "dev" / "gold.jsonl"

_SYLLABLES = ["ka", "lo", "ri", "men", "tor", "va", "sel", "du", "mar", "quin", "bel", "os", "tra", "ne"]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


def synthetic(n: int, seed: int = 7) -> list[tuple[dict, list[tuple[str, str]], str]]:
    """[(article fields, entities, gold story)] for n articles, in random publication order."""
    rng = random.Random(seed)
    background = [_word(rng, 3) for _ in range(3000)]
    weights = [1 / (i + 1) for i in range(len(background))]
    out = []
    story = 0
    while len(out) < n:
        words = [_word(rng, 2) for _ in range(12)]
        names = [(_word(rng, 2).title() + " " + _word(rng, 3).title(), "PERSON"),
                 (_word(rng, 3).title(), "GPE")]  # fmt: skip
        day = rng.randrange(730)
        for _ in range(min(rng.randint(1, 15), n - len(out))):
            body = rng.choices(background, weights, k=110) + rng.choices(words, k=35)
            rng.shuffle(body)
            text = f"{names[0][0]} in {names[1][0]}: " + " ".join(body) + "."
            published = time.strftime("%Y-%m-%d", time.gmtime((18000 + day + rng.randint(0, 5)) * 86400))
            aid = f"syn-{len(out):06d}"
            out.append(({"id": aid, "text": text, "published": published}, names, f"s{story}"))
        story += 1
    rng.shuffle(out)
    return out


def _store(path: Path, rows) -> None:
    from eventwire.models import Analysis, Article, Entity
    from eventwire.store import Store

    with Store(path) as store:
        for fields, names, _ in rows:
            text = fields["text"]
            ents = [
                Entity(text=w, label=lab, start=text.index(w), end=text.index(w) + len(w)) for w, lab in names
            ]
            article = Article(language="en", outlet="Synthetic", **fields)
            store.add(
                article, Analysis(article_id=fields["id"], published=fields["published"], entities=ents)
            )


def _views(path: Path) -> float:
    from eventwire.store import Store
    from eventwire.stories import update_corpus_views

    with Store(path) as store:
        start = time.perf_counter()
        update_corpus_views(store)
        return time.perf_counter() - start


def _f1(path: Path, rows) -> float:
    from eventwire.eval.stories import bcubed, stored_stories
    from eventwire.store import Store

    with Store(path) as store:
        return bcubed(stored_stories(store), {f["id"]: g for f, _, g in rows})["f1"]


def ingest_rate(sample: int) -> float | None:
    """Articles per second of the full pipeline on real dev-corpus texts (None without them)."""
    if not DEV.exists() or sample <= 0:
        return None
    from eventwire.models import Article
    from eventwire.pipeline import default_pipeline

    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [rows[i % len(rows)] for i in range(sample)]
    pipeline = default_pipeline()
    pipeline.analyze(Article(id="warm", text=texts[0]["text"], language="en"))
    start = time.perf_counter()
    for i, r in enumerate(texts):
        pipeline.analyze(Article(id=f"b{i}", text=r["text"], published=r.get("published"), language="en"))
    return sample / (time.perf_counter() - start)


def run(sizes: list[int], sample: int) -> dict:
    rate = ingest_rate(sample)
    results = []
    for n in sizes:
        rows = synthetic(n + 100)
        base, extra = rows[:n], rows[n:]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.db"
            _store(path, base)
            build = _views(path)
            f1 = _f1(path, base)
            _store(path, extra)
            add = _views(path)
        ingest = n / rate if rate else None
        results.append({
            "articles": n, "build_s": round(build, 2), "add_100_s": round(add, 2),
            "build_ms_per_article": round(1000 * build / n, 2), "bcubed_f1": round(f1, 3),
            "ingest_s": round(ingest, 1) if ingest else None,
            "views_share_of_ingest": round(build / ingest, 3) if ingest else None,
        })  # fmt: skip
    return {
        "load_average": os.getloadavg(),
        "ingest_articles_per_s": rate and round(rate, 2),
        "sizes": results,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000,10000")
    parser.add_argument("--sample", type=int, default=40, help="dev articles analysed to time ingest")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    out = run([int(s) for s in args.sizes.split(",")], args.sample)
    if args.json:
        print(json.dumps(out, indent=2))
        return
    print(f"load average {out['load_average']}; ingest {out['ingest_articles_per_s']} articles/s")
    print(
        f"{'articles':>8} {'build s':>8} {'ms/art':>7} {'add 100 s':>9} {'ingest s':>9} "
        f"{'share':>6} {'B3 F1':>6}"
    )
    for r in out["sizes"]:
        print(f"{r['articles']:>8} {r['build_s']:>8} {r['build_ms_per_article']:>7} {r['add_100_s']:>9} "
              f"{r['ingest_s']!s:>9} {r['views_share_of_ingest']!s:>6} {r['bcubed_f1']:>6}")  # fmt: skip


if __name__ == "__main__":
    main()
