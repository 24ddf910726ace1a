"""Bounded load on a local `eventwire serve`: listings and /analyze under 8 clients, a long
article in flight all along, then the server's memory across concurrent exports.

Runs only against 127.0.0.1, on a server it starts itself (a free loopback port, a temporary
database). The database is filled from ../shared/corpus/dev (when present) and examples/,
ingested once; ``--copies`` then repeats the stored articles under new ids (analyses copied,
not recomputed) so the exports have a corpus of a realistic size.

    .venv/bin/python benchmarks/load.py                  # 8 clients, 200 requests, 60 KB article
    .venv/bin/python benchmarks/load.py --clients 4 --requests 100 --long-kb 30 --exports 20

Prints p50/p95/max per kind of request with the status codes seen, the long analyses' times,
the server's RSS before -> after the concurrent exports, and the load average.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import dataclasses
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "gold.jsonl"
EXAMPLES = ROOT / "examples"
ALLOWED_HOST = "127.0.0.1"
LISTINGS = ("/articles?limit=50", "/events?limit=100", "/places?limit=100", "/outlets", "/facets",
            "/stories?limit=50", "/events?limit=20&offset=20&event_type=Battles")  # fmt: skip

# Written for this benchmark (no corpus text): short clauses recombined into a long report.
_SUBJECTS = ("Local officials", "A spokesman for the regional council", "Witnesses in the market",
             "An aid worker reached by phone", "The provincial governor", "Two residents")  # fmt: skip
_VERBS = ("said", "reported", "told reporters", "confirmed on Monday", "wrote in a statement")
_CLAIMS = ("that shelling damaged a school near the river crossing",
           "that a convoy carrying flour reached the northern villages",
           "that fighters withdrew from the hill overlooking the highway",
           "that three civilians were wounded when a mortar round hit a bakery",
           "that the water station had been out of service for a week",
           "that talks on reopening the border post would resume on Thursday",
           "that an armed group set up a checkpoint on the road to the airport",
           "that families returned to homes on the eastern edge of the town")  # fmt: skip


def synthetic_article(kb: float, seed: int = 0) -> str:
    """About ``kb`` kilobytes of news-like text in paragraphs, from this file's own phrases."""
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < kb * 1024:
        sentences = [f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_CLAIMS)}." for _ in range(4)]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs)


def refuse_other_hosts(host: str) -> str:
    if host != ALLOWED_HOST:
        raise SystemExit(f"load.py runs only against {ALLOWED_HOST} (got {host!r}); it starts its own server")
    return host


def free_port() -> int:
    with socket.socket() as s:
        s.bind((ALLOWED_HOST, 0))
        return s.getsockname()[1]


def fill_database(db: Path, copies: int) -> int:
    """Ingest the dev corpus and examples once, then repeat the stored articles ``copies`` times."""
    from eventwire.core import ingest
    from eventwire.store import Store

    sources = [p for p in (CORPUS, EXAMPLES) if p.exists()]
    ingest([str(p) for p in sources], str(db))
    with Store(str(db)) as store:
        originals = [store.get_article(r["id"]) for r in store.iter_article_rows()]
        for n in range(1, copies):
            for article in originals:
                analysis = store.get_analysis(article.id)
                if analysis is None:
                    continue
                new_id = f"{article.id}~copy{n}"
                # appended text keeps every stored offset valid, and makes the copy a new article
                text = article.text + f"\n(Repeated for the load benchmark, copy {n}.)"
                store.add(dataclasses.replace(article, id=new_id, text=text),
                          dataclasses.replace(analysis, article_id=new_id))  # fmt: skip
        return sum(1 for _ in store.iter_article_rows())


def request(
    port: int, method: str, path: str, body: bytes | None = None, timeout: float = 300
) -> tuple[int, float, int]:
    """(status, seconds, bytes read) of one request on a fresh connection."""
    start = time.perf_counter()
    conn = http.client.HTTPConnection(ALLOWED_HOST, port, timeout=timeout)
    try:
        headers = {"content-type": "application/json"} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        size = 0
        while chunk := response.read(65536):
            size += len(chunk)
        return response.status, time.perf_counter() - start, size
    finally:
        conn.close()


def start_server(db: Path, port: int, timeout: float) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("eventwire")
    cmd = [str(exe), "serve", "--db", str(db), "--host", ALLOWED_HOST, "--port", str(port),
           "--analyze-timeout", str(timeout)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"eventwire serve exited: {proc.stderr.read()[-2000:]}")
        try:
            if request(port, "GET", "/healthz", timeout=2)[0] == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("eventwire serve did not answer within 180 s")


def rss_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) of a process in MB, from /proc."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def summary(name: str, results: list[tuple[int, float, int]], only: int | None = None) -> str:
    """Percentiles of the requests' times (of those answered ``only`` when given) and their statuses."""
    times = sorted(t for status, t, _ in results if only is None or status == only)
    if not times:
        return f"{name:<10} no requests"
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    codes: dict[int, int] = {}
    for status, _, _ in results:
        if only is not None and status != only:
            continue
        codes[status] = codes.get(status, 0) + 1
    return (f"{name:<10} n={len(times):<4} p50={statistics.median(times):6.3f}s p95={p95:6.3f}s "
            f"max={times[-1]:6.3f}s status={dict(sorted(codes.items()))}")  # fmt: skip


def run_load(port: int, clients: int, total: int, long_kb: float, seed: int) -> dict[str, list]:
    """``total`` requests from ``clients`` threads (3 listings for each small /analyze) while
    one long article after another is analyzed."""
    rng = random.Random(seed)
    plan = [("analyze", None) if i % 4 == 3 else ("listing", rng.choice(LISTINGS)) for i in range(total)]
    results: dict[str, list] = {"listing": [], "analyze": [], "long": []}
    done = threading.Event()
    long_body = json.dumps({"text": synthetic_article(long_kb, seed), "title": "Long report"}).encode()

    def long_runner() -> None:
        while not done.is_set():
            results["long"].append(request(port, "POST", "/analyze", long_body))

    def one(i: int) -> None:
        kind, path = plan[i]
        if kind == "listing":
            results["listing"].append(request(port, "GET", path))
        else:
            text = synthetic_article(1, seed=seed * 1000 + i)
            results["analyze"].append(request(port, "POST", "/analyze", json.dumps({"text": text}).encode()))

    background = threading.Thread(target=long_runner, daemon=True)
    background.start()
    time.sleep(1.0)  # the long article is being analyzed before the clients start
    with cf.ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(total)))
    done.set()
    background.join()
    return results


def run_exports(port: int, pid: int, n: int) -> str:
    formats = ("jsonl", "events-csv", "geojson", "acled-csv")
    for fmt in formats:  # each format once, one at a time: code and tables loaded on first use
        request(port, "GET", f"/export/{fmt}")
    before = rss_mb(pid)
    with cf.ThreadPoolExecutor(n) as pool:
        got = list(pool.map(lambda i: request(port, "GET", f"/export/{formats[i % len(formats)]}"), range(n)))
    after = rss_mb(pid)
    sizes = sum(size for _, _, size in got)
    growth = after[0] - before[0]
    return (f"{summary('exports', got)}\n"
            f"exports    {n} concurrent, {sizes / 2**20:.1f} MB sent; server RSS {before[0]:.0f} -> "
            f"{after[0]:.0f} MB ({growth:+.0f}), peak {before[1]:.0f} -> {after[1]:.0f} MB")  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default=ALLOWED_HOST, help="must be 127.0.0.1")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--long-kb", type=float, default=60.0, help="size of the article kept in flight")
    parser.add_argument("--copies", type=int, default=4, help="repeat the stored corpus this many times")
    parser.add_argument("--exports", type=int, default=40, help="concurrent export requests (0: none)")
    parser.add_argument("--analyze-timeout", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    refuse_other_hosts(args.host)
    if not 1 <= args.clients <= 16 or not 1 <= args.requests <= 1000:
        raise SystemExit("bounded load: --clients 1..16, --requests 1..1000")
    with tempfile.TemporaryDirectory(prefix="eventwire-load-") as tmp:
        db = Path(tmp) / "load.db"
        t0 = time.perf_counter()
        articles = fill_database(db, args.copies)
        print(f"database   {articles} articles in {time.perf_counter() - t0:.0f} s", flush=True)
        port = free_port()
        server = start_server(db, port, args.analyze_timeout)
        try:
            print(f"server     eventwire serve on {ALLOWED_HOST}:{port} (pid {server.pid}); "
                  f"load average {os.getloadavg()[0]:.2f}", flush=True)  # fmt: skip
            t0 = time.perf_counter()
            results = run_load(port, args.clients, args.requests, args.long_kb, args.seed)
            wall = time.perf_counter() - t0
            print(f"load       {args.requests} requests, {args.clients} clients, {wall:.1f} s, "
                  f"a {args.long_kb:g} KB article in flight throughout")  # fmt: skip
            print(summary("listing", results["listing"]))
            print(summary("analyze", results["analyze"]))
            print(summary("analyze200", results["analyze"], only=200))
            print(summary("long", results["long"]))
            print(f"loadavg    {' '.join(f'{v:.2f}' for v in os.getloadavg())} (1, 5, 15 min)", flush=True)
            if args.exports:
                print(run_exports(port, server.pid, args.exports))
                print(f"loadavg    {' '.join(f'{v:.2f}' for v in os.getloadavg())} (1, 5, 15 min)")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
