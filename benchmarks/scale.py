"""Benchmark: one process vs a Dask LocalCluster on the same corpus, and check the results match.

Builds a corpus of N articles from the shared dev corpus (``../shared/corpus/dev/gold.jsonl``,
each article repeated under new ids; text read at run time, never copied into the project),
then runs, each in a fresh database:

1. ``eventwire ingest CORPUS --db single.db``                (one process)
2. ``eventwire ingest CORPUS --db dist.db --workers 2``      (Dask, Parquet, then load)

and reports wall time, throughput, their ratio, peak memory of the single process and of
each Dask worker, and whether both databases hold the same rows (timestamps and issue
numbering aside; see eventwire.scale.verify). Both runs use a frozen copy of src/ (made
at the start, so edits to the working tree during the benchmark do not reach one run and
not the other) and one PYTHONHASHSEED (0 by
default, inherited by the workers), so the comparison is about the distributed machinery
and not about a stage that depends on hash order (tests/scale/test_determinism.py checks
that; ``--hash-seed random`` runs without the pin). The machine's load average is printed too:
other processes busy on the same cores make the ratio meaningless, and code edited
between the two runs makes the results differ — run it on a quiet machine and tree.

    .venv/bin/python benchmarks/scale.py --articles 2000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "corpus" / "dev" / "gold.jsonl"
EVENTWIRE = Path(sys.executable).with_name("eventwire")
SNAPSHOT: Path | None = None  # a frozen copy of src/, so both runs use the same code


def build_corpus(path: Path, n: int) -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    fields = ("url", "outlet", "published", "title", "text")
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = rows[i % len(rows)]
            record = {**{k: row[k] for k in fields}, "id": f"{row['id']}-{i:06d}"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed(args: list[str], seed: str) -> tuple[float, str]:
    started = time.monotonic()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    if SNAPSHOT:
        # ahead of the installed (editable) package, for the driver and, inherited, the workers
        env["PYTHONPATH"] = os.pathsep.join([str(SNAPSHOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    result = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return seconds, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-kb", type=int, default=64)
    parser.add_argument("--workdir", type=Path, help="keep corpus, databases and Parquet here")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--live-code", action="store_true",
        help="run the working tree's code, not a frozen copy (edits during the run skew the comparison)",
    )  # fmt: skip
    parser.add_argument(
        "--hash-seed", default="0",
        help="PYTHONHASHSEED for both runs (and so every worker); 'random' tests that no stage depends on it",
    )  # fmt: skip
    args = parser.parse_args()
    if not GOLD.exists():
        raise SystemExit(f"needs the shared dev corpus at {GOLD}")

    work = args.workdir or Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.jsonl"
    build_corpus(corpus, args.articles)
    global SNAPSHOT
    if not args.live_code:
        SNAPSHOT = work / "src"
        shutil.rmtree(SNAPSHOT, ignore_errors=True)
        shutil.copytree(
            REPO / "src" / "eventwire", SNAPSHOT / "eventwire", ignore=shutil.ignore_patterns("__pycache__")
        )
    single_db, dist_db = work / "single.db", work / "dist.db"
    for stale in (single_db, dist_db):
        for f in stale.parent.glob(stale.name + "*"):
            f.unlink()

    load_before = os.getloadavg()[0]
    single_s, _ = timed([str(EVENTWIRE), "ingest", str(corpus), "--db", str(single_db), "-q"], args.hash_seed)
    single_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    dist_s, out = timed([
        str(EVENTWIRE), "ingest", str(corpus), "--db", str(dist_db), "--workers", str(args.workers),
        "--parquet", str(work / "dist.parquet"), "--partition-kb", str(args.partition_kb), "--json", "-q",
        "--replace",
    ], args.hash_seed)  # fmt: skip
    report = json.loads(out)
    # other work on the machine during the runs skews the ratio: report it next to the figures
    load_after = os.getloadavg()

    sys.path.insert(0, str(SNAPSHOT or REPO / "src"))
    from eventwire.scale.verify import differences
    from eventwire.store import Store

    with Store(single_db) as a, Store(dist_db) as b:
        diffs = differences(a, b)
        stored = a.summary()
    figures = {
        "articles": args.articles,
        "stored": stored,
        "workers": args.workers,
        "single_seconds": round(single_s, 1),
        "single_articles_per_s": round(args.articles / single_s, 2),
        "dask_seconds": round(dist_s, 1),
        "dask_articles_per_s": round(args.articles / dist_s, 2),
        "throughput_ratio": round(single_s / dist_s, 2),
        "single_peak_mb": round(single_peak / 2**20, 1),
        "worker_peak_mb": report["worker_peak_mb"],
        "worker_cpu_share": report["worker_cpu_share"],
        "partitions": report["partitions"],
        "dask_load_seconds": report["load_seconds"],
        "load_average_1min_before_after": [round(load_before, 2), round(load_after[0], 2)],
        "load_average_15min_after": round(load_after[2], 2),
        "cores": os.cpu_count(),
        "identical": not diffs,
        "differences": diffs[:10],
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>22}: {value}")
    if diffs:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
