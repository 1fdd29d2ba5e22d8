#!/usr/bin/env python3
"""Speed and memory of the whole pipeline (ingest, extract, link, store, report).

Runs `newstrace.run` on the PolNeAR train and dev texts (924 articles; the corpus folder
holds both splits and its metadata.tsv), into a fresh temporary folder, and prints
articles per second and peak memory.

    python bench/pipeline_speed.py [--corpus ../shared/corpora/polnear] [--workers 2] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import newstrace  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpora" / "polnear"))
    parser.add_argument("--workers", type=int, default=0, help="extraction processes (0: one per core)")
    parser.add_argument("--model", default="default")
    parser.add_argument("--limit", type=int, default=0, help="only the first N .txt files (0: all)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="newstrace-bench-"))
    corpus = Path(args.corpus)
    if args.limit:
        subset = tmp / "input"
        for path in sorted(corpus.rglob("*.txt"))[: args.limit]:
            target = subset / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        corpus = subset
    n_files = sum(1 for _ in corpus.rglob("*.txt"))
    settings = newstrace.Settings(model=args.model, workers=args.workers)
    start = time.perf_counter()
    report = newstrace.run(corpus, out=tmp / "out", settings=settings)
    elapsed = time.perf_counter() - start
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    workers = args.workers or os.cpu_count() or 1
    with newstrace.Store(report.database) as store:
        counts = {t: store.count(t) for t in ("articles", "attributions", "statements", "citations", "stories")}
    size = report.database.stat().st_size / 2**20
    print(f"corpus: {args.corpus} ({n_files} .txt files), model {args.model}, {workers} worker processes, {os.cpu_count()} cores")
    print(f"articles stored: {report.added} (failed: {len(report.failures)}) in {elapsed:.1f} s "
          f"(model loading and the report included)")
    print(f"throughput: {report.added / elapsed:.2f} articles/s")
    print(f"peak memory (max RSS): main process {main_peak:.0f} MiB, largest worker {child_peak:.0f} MiB, "
          f"all processes at most {main_peak + workers * child_peak:.0f} MiB")
    print("stored: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f"; database {size:.1f} MiB")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
