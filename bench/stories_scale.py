#!/usr/bin/env python3
"""Time and peak memory of the story stage alone (``StoryIndex.add``, no extraction) for
streams of 10,000 and 100,000 articles, and for adding 1,000 articles to a store of
100,000.

The articles are real (ecbplus-dev, PolNeAR train+dev and the Wikinews sample from
``../shared/corpora``: about 1,700 texts), repeated and re-dated into a longer stream:
copy k of an article gets the id ``k/ID``; each round of the texts is dated at
``--per-day`` articles a day (50: a round fills 35 days), and the next round starts 60
days after, twice the story stage's comparison window: a text never meets its own copies,
so copies do not chain into one story, and every round is grouped as a stream of
distinct texts would be. Articles are stored first (not timed), then the story stage runs
over them in publication order, one transaction per ``--batch`` articles, each article
read from the store as it comes. Each case runs in a fresh process; peak memory is that
process's maximum resident set (``ru_maxrss``). Wall time depends on what else the
machine runs: each line also gives the process's CPU time and the load average at the
end, the number of stories and the largest story's size.

    python bench/stories_scale.py                 # 10k, 100k, 100k + 1k
    python bench/stories_scale.py --sizes 10000   # one case
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT))


def real_texts() -> list[tuple[str, str | None, str]]:
    """(id, title, text) of the real articles, in a fixed shuffled order."""
    found = []
    for path in sorted((SHARED / "ecbplus-dev" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        head, _, rest = text.partition("\n\n")
        found.append((f"ecb/{path.stem}", head if rest and "\n" not in head else None, text))
    for split in ("train", "dev"):
        for path in sorted((SHARED / "polnear" / split / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            found.append((f"pn/{path.stem}", text.split("\n", 1)[0], text))
    for year in ("2019", "2020"):
        with open(SHARED / "wikinews" / f"wikinews_{year}.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                found.append((f"wn/{row['url'].rsplit('/', 1)[-1]}", row["title"], f"{row['title']}\n\n{row['text']}"))
    random.Random(20190320).shuffle(found)
    return found


ROUND_GAP_DAYS = 60  # twice the story stage's 30-day window


def build(db: Path, size: int, per_day: int, start: int = 0) -> None:
    """Store ``size`` re-dated articles (ids ``k/ID``), numbered from ``start`` (not timed)."""
    from newstrace.records import Article
    from newstrace.store import Store

    texts = real_texts()
    first_day = date(2020, 1, 1)
    # each round of the texts fills len(texts) / per_day days; the next round starts after a
    # gap longer than the comparison window, so no two copies of a text are ever compared
    round_days = len(texts) // per_day + 1 + ROUND_GAP_DAYS
    with Store(db) as store, store.transaction():
        for n in range(start, start + size):
            ident, title, text = texts[n % len(texts)]
            day = (n // len(texts)) * round_days + (n % len(texts)) // per_day
            store.put_article(Article(
                id=f"{n // len(texts)}/{ident}", text=text, title=title, order=n,
                published=(first_day + timedelta(days=day)).isoformat(),
                fingerprint=hashlib.sha1(f"{n}".encode()).hexdigest(),
            ), [], [], "bench")


def link(db: Path, start: int, batch: int) -> dict:
    """Run the story stage over the articles numbered from ``start``; time and memory."""
    from newstrace.link.stories import StoryIndex
    from newstrace.store import Store

    with Store(db) as store:
        todo = [r[0] for r in store.db.execute(
            "SELECT id FROM articles WHERE ord >= ? ORDER BY published, ord", (start,)
        )]
        index = StoryIndex(store.db)
        began, cpu = time.perf_counter(), time.process_time()
        for i in range(0, len(todo), batch):
            with store.transaction():
                for article_id in todo[i : i + batch]:  # read as they come: 100,000 texts stay on disk
                    index.add(store.article(article_id))
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
        stories = store.count("stories")
        largest = store.db.execute("SELECT MAX(size) FROM stories").fetchone()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"articles": len(todo), "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
            "cpu_ms_per_article": round(1000 * cpu / len(todo), 2), "peak_mib": round(peak, 1), "stories": stories,
            "largest_story": largest,
            "load_average": round(os.getloadavg()[0], 1)}


def child(args: argparse.Namespace) -> None:
    print(json.dumps(link(Path(args.db), args.start, args.batch)))


def case(db: Path, start: int, batch: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--db", str(db), "--start", str(start), "--batch", str(batch)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--add", type=int, default=1000, help="articles added to the largest store")
    parser.add_argument("--per-day", type=int, default=50,
                        help="articles a day in the re-dated stream")
    parser.add_argument("--batch", type=int, default=100, help="articles per transaction")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="stories-scale-") as tmp:
        for size in sizes:
            db = Path(tmp) / f"stream-{size}.db"
            build(db, size, args.per_day)
            result = case(db, 0, args.batch)
            print(json.dumps({"case": f"{size} articles from empty", **result}), flush=True)
            if size == max(sizes) and args.add:
                build(db, args.add, args.per_day, start=size)
                result = case(db, size, args.batch)
                print(json.dumps({"case": f"{args.add} articles added to {size}", **result}), flush=True)
            db.unlink()


if __name__ == "__main__":
    main()
