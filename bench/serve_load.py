#!/usr/bin/env python3
"""Load on the web app: requests/s and p50/p99 latency of its main pages and API calls over
a store of about 100,000 real articles, and the server's peak memory.

The store: extraction runs at about 15 articles/s here, so 100,000 articles are not
extracted again; the store is made of real runs already stored (SOURCES: newstrace run on
PolNeAR train+dev, 924 articles, and on ECB+ topics 1-22, 462 articles). Each is copied
REPLICAS times (73: 101,178 articles) under new ids ("<id>~07"), its articles, their
attributions and citations, and the statements, stories and speakers the real linker
made of them, with each copy's dates moved 35 days later than the one before. So every article,
attribution and link is newstrace's own output on real news; what is repeated is the
material, not the shape (a copy's statements and stories stay within that copy). The
linker's own indexes (shingles, bands, term vectors) are not copied: the app never reads
them. The copy goes through the store's own schema and triggers, so the full-text index
is built as a run would build it.

Then it starts the real server (`python -m newstrace serve`, uvicorn on a free loopback
port), sends a bounded number of requests per kind from CONCURRENCY client threads over
keep-alive connections, and reads the server's peak resident memory (VmHWM).

    python bench/serve_load.py [--db /tmp/web/bench100k/newstrace.db] [--replicas 73]
                               [--requests 200] [--concurrency 4] [--seed 7] [--sources DB ...]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newstrace.queries import encode_cursor  # noqa: E402
from newstrace.records import RunFigures  # noqa: E402
from newstrace.store import Store  # noqa: E402

# runs of the current newstrace (with speaker ids):
#   newstrace run ../shared/corpora/polnear --out /tmp/web/runs/polnear
#   newstrace run ../shared/corpora/ecbplus-dev/text --out /tmp/web/runs/ecb
SOURCES = [Path("/tmp/web/runs/polnear/newstrace.db"), Path("/tmp/web/runs/ecb/newstrace.db")]
SHIFT_DAYS = 35
# searches a reader might type: names, phrases, common and rare words (the last ones rare here)
SEARCHES = ["Trump", "Clinton emails", '"health care"', "border wall", "Sanders", "immigration", "Obama",
            "earthquake", "police shooting", "tax returns", "Supreme Court", "Putin", "refugees",
            "debate", "Brexit", "iPhone", "hurricane", "Crusaders"]


def _shifted(column: str, k: int) -> str:
    days = k * SHIFT_DAYS
    return (f"CASE WHEN {column} IS NULL THEN NULL WHEN length({column}) = 10 THEN date({column}, '+{days} days')"
            f" ELSE strftime('%Y-%m-%dT%H:%M:%S', {column}, '+{days} days') END")


def build(db: Path, replicas: int, sources: list[Path]) -> None:
    """The replicated store (see the module's docstring)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    store = Store(db)
    con = store.db
    offset = 0
    for n, source in enumerate(sources):
        con.execute(f"ATTACH DATABASE ? AS src{n}", (str(source),))  # only read from
    for k in range(replicas):
        tag = f"~{k:02d}"
        with store.transaction():
            for n, _ in enumerate(sources):
                src = f"src{n}"
                con.execute(
                    "INSERT INTO articles(id, url, outlet, title, published, author, origin, ord, fingerprint, text,"
                    " duplicate_of, story, extractor, added)"
                    f" SELECT id || :tag, url, outlet, title, {_shifted('published', k)}, author, origin,"
                    " ord + :offset,"
                    " fingerprint, text, duplicate_of || :tag, story || :tag, extractor, added"
                    f" FROM {src}.articles ORDER BY ord",
                    {"tag": tag, "offset": offset},
                )
                con.execute(
                    "INSERT INTO attributions(id, article, kind, source, cue, content, content_text, speaker,"
                    " speaker_mention, statement, score, speaker_id, speaker_rule)"
                    " SELECT article || :tag || substr(id, length(article) + 1), article || :tag, kind, source, cue,"
                    " content, content_text, speaker, speaker_mention, statement || :tag, score,"
                    f" speaker_id || :tag, speaker_rule FROM {src}.attributions",
                    {"tag": tag},
                )
                # speakers across the store: a copy's speakers are its own (ids tagged like the rest)
                con.execute(
                    "INSERT INTO speakers(id, name, kind, key, first, middle, suffix, scope, male, female,"
                    " republican, democrat, attributions)"
                    " SELECT id || :tag, name, kind, key, first, middle, suffix, scope || :tag, male, female,"
                    f" republican, democrat, attributions FROM {src}.speakers",
                    {"tag": tag},
                )
                con.execute(
                    "INSERT INTO speaker_aliases(speaker, alias, count, full)"
                    f" SELECT speaker || :tag, alias, count, full FROM {src}.speaker_aliases",
                    {"tag": tag},
                )
                con.execute(
                    "INSERT INTO citations(article, outlet, cue, kind, start, end)"
                    f" SELECT article || :tag, outlet, cue, kind, start, end FROM {src}.citations",
                    {"tag": tag},
                )
                con.execute(
                    "INSERT INTO statements(id, text, speaker, first_seen, words, shingles)"
                    f" SELECT id || :tag, text, speaker, first_seen || :tag, words, shingles FROM {src}.statements",
                    {"tag": tag},
                )
                con.execute(
                    "INSERT INTO stories(id, label, size, first_published, last_published, anchor, label_article)"
                    f" SELECT id || :tag, label, size, {_shifted('first_published', k)},"
                    f" {_shifted('last_published', k)}, anchor || :tag, label_article || :tag FROM {src}.stories",
                    {"tag": tag},
                )
                offset += con.execute(f"SELECT COALESCE(MAX(ord) + 1, 0) FROM {src}.articles").fetchone()[0]
        print(f"  copy {k + 1}/{replicas}: {store.count('articles')} articles", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - start
    now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    store.record_run(RunFigures(now, now, round(seconds, 1), added=store.count("articles"),
                                input="bench/serve_load.py: copies of the PolNeAR and ECB+ runs", model="default"))
    con.execute("ANALYZE")
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/api/overview")
            if c.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def targets(db: Path, rng: random.Random, n: int) -> dict[str, list[str]]:
    """The URLs to ask for, per kind, drawn at random from the store."""
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    stories = [r for r in con.execute("SELECT id, COALESCE(last_published, '') FROM stories")]
    repeated = [r[0] for r in con.execute(
        "SELECT statement FROM attributions WHERE statement IS NOT NULL GROUP BY statement"
        " HAVING COUNT(DISTINCT article) > 1")]
    statements = [r[0] for r in con.execute("SELECT id FROM statements ORDER BY random() LIMIT ?", (n,))]
    speakers = [r[0] for r in con.execute("SELECT id FROM speakers WHERE kind != 'unknown' AND attributions > 20")]
    names = [tuple(r) for r in con.execute("SELECT name, id FROM speakers WHERE kind != 'unknown' AND attributions > 20")]
    outlets = [r[0] for r in con.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]
    con.close()

    def pick(items, k=n):
        return [rng.choice(items) for _ in range(k)]

    def story_page(s):  # a page deep in the list: the one after a random story
        return "?" + urlencode({"cursor": encode_cursor(s[1], s[0])})

    # half of the statements asked for are repeated ones (longer trails), half any
    chosen = pick(repeated, n // 2) + statements[: n - n // 2]
    return {
        "story list (HTML, 30 a page)": [f"/stories{story_page(s)}" for s in pick(stories)],
        "story page (HTML)": [f"/stories/{quote(s[0], safe='')}" for s in pick(stories)],
        "statement page (HTML)": [f"/statements/{quote(s, safe='')}" for s in chosen],
        "search statements (HTML)": ["/search?" + urlencode({"q": q}) for q in pick(SEARCHES)],
        "search articles (HTML)": ["/search?" + urlencode({"q": q, "kind": "articles"}) for q in pick(SEARCHES)],
        "speaker page (HTML)": [f"/speakers/{quote(s, safe='')}" for s in pick(speakers)],
        "outlet page (HTML)": [f"/outlets/{quote(s, safe='')}" for s in pick(outlets)],
        "API stories (20 a page)": [f"/api/stories{story_page(s)}" for s in pick(stories)],
        "API story": [f"/api/stories/{quote(s[0], safe='')}" for s in pick(stories)],
        "API statement": [f"/api/statements/{quote(s, safe='')}" for s in chosen],
        "API search": ["/api/search?" + urlencode({"q": q}) for q in pick(SEARCHES)],
        "API speakers (20 a page)": [
            "/api/speakers?" + urlencode({"cursor": encode_cursor(*s)}) for s in pick(names)],
    }


def hammer(port: int, urls: list[str], concurrency: int) -> tuple[list[float], float, int]:
    """Latencies (s) of every request, wall time, and how many were not 200."""
    queue = list(enumerate(urls))
    lock = threading.Lock()
    times: list[float] = [0.0] * len(urls)
    bad = [0]

    def client():
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                i, url = queue.pop()
            t = time.perf_counter()
            c.request("GET", url)
            r = c.getresponse()
            r.read()
            times[i] = time.perf_counter() - t
            if r.status != 200:
                with lock:
                    bad[0] += 1
        c.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, time.perf_counter() - start, bad[0]


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="/tmp/web/bench100k/newstrace.db")
    parser.add_argument("--replicas", type=int, default=73)
    parser.add_argument("--requests", type=int, default=200, help="requests per kind")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sources", nargs="+", type=Path, default=SOURCES, help="stored runs to copy")
    args = parser.parse_args()
    db = Path(args.db)
    if not db.exists():
        print(f"building {db} ({args.replicas} copies of {', '.join(str(s) for s in args.sources)})", file=sys.stderr)
        build(db, args.replicas, args.sources)
    with Store(db, readonly=True) as store:
        totals = store.totals()
    print(f"store: {db} ({db.stat().st_size / 2**20:.0f} MiB): " + ", ".join(f"{v} {k}" for k, v in totals.items()))

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newstrace", "serve", str(db), "--port", str(port)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_ready(port, proc)
        rng = random.Random(args.seed)
        plan = targets(db, rng, args.requests)
        print(f"server: uvicorn on 127.0.0.1:{port}, {os.cpu_count()} cores; {args.requests} requests per kind, "
              f"{args.concurrency} clients, keep-alive; after 10 warm-up requests per kind")
        print(f"{'kind':32} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'non-200':>8}")
        results = {}
        for kind, urls in plan.items():
            hammer(port, urls[:10], 1)
            times, wall, bad = hammer(port, urls, args.concurrency)
            ms = sorted(t * 1000 for t in times)
            p99 = ms[min(len(ms) - 1, int(round(0.99 * (len(ms) - 1))))]
            results[kind] = {"rps": len(ms) / wall, "p50": statistics.median(ms), "p99": p99, "max": ms[-1], "bad": bad}
            print(f"{kind:32} {len(ms) / wall:7.1f} {statistics.median(ms):8.1f} {p99:8.1f} {ms[-1]:8.1f} {bad:8d}",
                  flush=True)
        print(f"server peak memory (VmHWM): {peak_rss_mib(proc.pid):.0f} MiB")
        print(json.dumps({"store": totals, "results": results, "peak_mib": peak_rss_mib(proc.pid)}))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
