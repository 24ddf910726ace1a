"""Gazetteer and geo-stage benchmarks: load time, analysis RSS, geo share of analysis time, import.

Run from the repository root::

    .venv/bin/python benchmarks/gazetteer.py            # load + analysis over the dev corpus
    .venv/bin/python benchmarks/gazetteer.py --import-rows 1000000   # + a generated GeoNames file

Targets (issue 4): gazetteer load < 2 s, peak RSS of a full analysis < 1 GB with the default
index, geo stage ≤ 20% of total analysis time (issue 15), a 1-million-row import with bounded memory.
Each figure is measured in a fresh subprocess so one measurement does not warm another.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "corpus" / "dev" / "gold.jsonl"


def _run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


LOAD = """
import json, time, resource
t = time.perf_counter()
from eventwire.geo.gazetteer import Gazetteer
g = Gazetteer()
g.by_key("damascus")
print(json.dumps({"load_s": time.perf_counter() - t,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

ANALYSIS = """
import json, time, resource, sys
from eventwire.models import Analysis, Article
from eventwire.pipeline import Context, Pipeline, DEFAULT_STAGES, get_stage_class
stages = list(DEFAULT_STAGES)
for s in list(stages):
    try:
        get_stage_class(s)
    except Exception:
        stages.remove(s)  # a stage that has not landed yet
p = Pipeline(stages=stages).initialize()
timing = {s.name: 0.0 for s in p.stages}
arts = [json.loads(l) for l in open("GOLD")]
arts = [Article(id=a["id"], text=a["text"], published=a.get("published")) for a in arts]
t0 = time.perf_counter()
for _ in range(3):
    for a in arts:
        ctx = Context(article=a, analysis=Analysis(article_id=a.id, published=a.published))
        for st in p.stages:
            t = time.perf_counter()
            st(ctx)
            timing[st.name] += time.perf_counter() - t
total = time.perf_counter() - t0
print(json.dumps({"stages": stages, "articles": 3 * len(arts), "total_s": total,
                  "by_stage_s": timing, "geo_share": timing.get("geo", 0) / total,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

IMPORT = """
import json, time, resource, sys
from eventwire.geo.gazetteer import import_geonames
t = time.perf_counter()
stats = import_geonames(sys.argv[1], sys.argv[2], batch_size=5000)
print(json.dumps({"import_s": time.perf_counter() - t, "stats": stats,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def generate_geonames(path: Path, rows: int, seed: int = 7) -> None:
    """A GeoNames-format (19 columns) file of invented places, for import benchmarks."""
    rnd = random.Random(seed)
    syll = [
        "al",
        "tal",
        "kafr",
        "dayr",
        "ayn",
        "bir",
        "ras",
        "umm",
        "qar",
        "nab",
        "sham",
        "har",
        "mis",
        "zur",
    ]
    classes = [("P", "PPL")] * 8 + [("A", "ADM3"), ("H", "STM"), ("S", "HTL"), ("T", "MT")]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(rows):
            name = " ".join(rnd.choice(syll).title() + rnd.choice(syll) for _ in range(rnd.randint(1, 3)))
            fclass, fcode = rnd.choice(classes)
            alts = ",".join(name + suffix for suffix in ("", "a", "eh")[: rnd.randint(0, 3)])
            cols = [
                str(50_000_000 + i),
                name,
                name,
                alts,
                f"{rnd.uniform(-60, 70):.5f}",
                f"{rnd.uniform(-180, 180):.5f}",
                fclass,
                fcode,
                rnd.choice(["SY", "IQ", "SD", "YE", "UA"]),
                "",
                f"{rnd.randint(1, 20):02d}",
                "",
                "",
                "",
                str(rnd.randint(0, 50_000)),
                "",
                "0",
                "UTC",
                "2024-01-01",
            ]
            fh.write("\t".join(cols) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--import-rows", type=int, default=0, help="also benchmark importing N generated rows")
    ap.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args()

    _run(LOAD)  # builds the default index if this machine has none yet (not part of the figure)
    load = _run(LOAD)
    print(f"gazetteer load: {load['load_s']:.3f} s (target < 2 s), RSS {load['rss_mb']:.0f} MB")
    if args.gold.exists():
        code = ANALYSIS.replace('"GOLD"', repr(str(args.gold)))
        res = _run(code)
        print(
            f"analysis ({', '.join(res['stages'])}), {res['articles']} articles: {res['total_s']:.1f} s; "
            f"geo {res['by_stage_s'].get('geo', 0):.2f} s = {100 * res['geo_share']:.1f}% (target ≤ 20%); "
            f"peak RSS {res['peak_rss_mb']:.0f} MB (target < 1024)"
        )
    else:
        print(f"({args.gold} absent: analysis benchmark skipped)")
    if args.import_rows:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "generated.txt"
            t = time.perf_counter()
            generate_geonames(src, args.import_rows)
            print(
                f"generated {args.import_rows:,} rows ({src.stat().st_size / 1e6:.0f} MB) in "
                f"{time.perf_counter() - t:.1f} s"
            )
            out = subprocess.run(
                [sys.executable, "-c", IMPORT, str(src), str(Path(tmp) / "g.sqlite")],
                capture_output=True,
                text=True,
                check=True,
                cwd=REPO,
            )
            res = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"import: {res['import_s']:.1f} s, peak RSS {res['peak_rss_mb']:.0f} MB, {res['stats']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
