"""Throughput of eventwire against spaCy alone, on the same texts, in one process.

Usage::

    python benchmarks/throughput.py                      # dev corpus repeated to 500 articles
    python benchmarks/throughput.py --n 1000 --stages nlp,geo --json

Prints start-up time (import + spaCy model + every stage's resources, e.g. the gazetteer),
articles/s for (a) spaCy's ``nlp.pipe`` alone and (b) the full eventwire analysis (which
includes that same parse), the ratio of their times, and the peak RSS of the process.
Both runs see identical texts; a short warm-up precedes each so first-call costs land in
start-up, not in throughput. Figures are wall-clock and depend on machine load.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / ".." / "shared" / "corpus" / "dev" / "gold.jsonl"


def peak_rss_mb() -> float:
    # ru_maxrss is kilobytes on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if platform.system() == "Darwin" else rss / 1024


def load_texts(path: Path, n: int) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        raise SystemExit(f"no articles in {path}")
    # Repeat the corpus until at least n articles; ids stay unique so nothing is deduplicated.
    out = []
    while len(out) < n:
        for row in rows:
            out.append({**row, "id": f"{row['id']}#{len(out)}"})
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="JSONL with a 'text' per line")
    parser.add_argument("--n", type=int, default=500, help="articles to time (corpus repeated)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--stages", help="comma-separated stages (default: eventwire's default pipeline)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    if not args.gold.is_file():
        raise SystemExit(f"corpus not found: {args.gold}")
    rows = load_texts(args.gold, args.n)

    t0 = time.perf_counter()
    from eventwire.models import Article
    from eventwire.pipeline import Pipeline

    stages = [s.strip() for s in args.stages.split(",") if s.strip()] if args.stages else None
    pipeline = Pipeline(stages=stages).initialize()
    nlp = pipeline.nlp
    startup = time.perf_counter() - t0
    if nlp is None:
        raise SystemExit("the pipeline has no 'nlp' stage; nothing to compare against")

    texts = [r["text"] for r in rows]
    articles = [
        Article(
            id=r["id"], text=r["text"], published=r.get("published"), outlet=r.get("outlet"), language="en"
        )
        for r in rows
    ]
    warm = articles[:8]

    # (a) spaCy alone: the same pipeline object eventwire parses with.
    for _ in nlp.pipe(t.text for t in warm):
        pass
    t1 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    spacy_s = time.perf_counter() - t1

    # (b) the full analysis, parse included.
    for _ in pipeline.analyze_many(warm):
        pass
    t2 = time.perf_counter()
    n_done = sum(1 for _ in pipeline.analyze_many(articles, batch_size=args.batch_size))
    full_s = time.perf_counter() - t2

    figures = {
        "articles": n_done,
        "characters": sum(map(len, texts)),
        "stages": list(pipeline.stage_names),
        "startup_s": round(startup, 2),
        "spacy_articles_per_s": round(len(texts) / spacy_s, 1),
        "eventwire_articles_per_s": round(n_done / full_s, 1),
        "time_ratio_eventwire_over_spacy": round(full_s / spacy_s, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "python": platform.python_version(),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"articles            {figures['articles']} ({figures['characters']:,} characters)")
        print(f"stages              {', '.join(figures['stages'])}")
        print(f"start-up            {figures['startup_s']:.2f} s (import + model + stage resources)")
        print(f"(a) spaCy nlp.pipe  {figures['spacy_articles_per_s']:.1f} articles/s")
        print(f"(b) eventwire       {figures['eventwire_articles_per_s']:.1f} articles/s")
        print(
            f"ratio b/a           {figures['time_ratio_eventwire_over_spacy']:.2f}x the time of spaCy alone"
        )
        print(f"peak RSS            {figures['peak_rss_mb']:.0f} MB")
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])
