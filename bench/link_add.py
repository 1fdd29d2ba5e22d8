"""Where the time of an add goes: N bench mentions added to a copy of a stored bench store.

    python bench/link_add.py STORE SIZE N [--pragma P ...] [--profile cpu|wall FILE]
    e.g. python bench/link_add.py /tmp/million.db 1000000 10000

STORE is a store ``bench/link_scale.py`` left of SIZE mentions (keep one: ``link_scale.link``
into a path of your own). It is copied next to itself and synced to disk first, so that
each trial starts from the same store and no write-back of the copy falls into the add.
The N mentions are ``link_scale.py --add-to``'s, one article to a transaction. Prints the
add's wall and CPU time (its system time apart), and of them the commits' (median, and the 20 slowest: those that
checkpoint the WAL), the bytes written by system calls, and the close (its last
checkpoint). ``--pragma wal_autocheckpoint=1000`` sets a PRAGMA after the store opens (to
try settings without editing store.py); ``--profile cpu FILE`` writes a cProfile of the
add (CPU clock; ``wall`` for the wall clock).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import link_scale  # noqa: E402  (puts the repository first on sys.path)

from newstrace.store import Store  # noqa: E402


def _written() -> int:
    """Bytes this process has written by system calls (Linux)."""
    with open("/proc/self/io") as f:
        return int(next(line for line in f if line.startswith("wchar:")).split()[1])


def main(argv: list[str]) -> dict:
    parser = argparse.ArgumentParser(description="Time N bench mentions added to a copy of a kept bench store.")
    parser.add_argument("store", help="a store bench/link_scale.py left")
    parser.add_argument("size", type=int, help="how many mentions it holds")
    parser.add_argument("add", type=int, help="how many mentions to add")
    parser.add_argument("--pragma", action="append", default=[], help="a PRAGMA set after the store opens")
    parser.add_argument("--profile", nargs=2, metavar=("CLOCK", "FILE"), help="cProfile of the add: cpu or wall")
    args = parser.parse_args(argv)
    if args.profile and args.profile[0] not in ("cpu", "wall"):
        parser.error("--profile CLOCK is cpu or wall")
    store_path, size, add, pragmas, profile = args.store, args.size, args.add, args.pragma, args.profile
    trial = f"{store_path}.trial"
    for suffix in ("", "-wal", "-shm"):
        Path(trial + suffix).unlink(missing_ok=True)
    shutil.copyfile(store_path, trial)
    os.sync()

    opened, transaction, close = Store.__init__, Store.transaction, Store.close
    commits: list[float] = []
    closing: list[float] = []

    def init(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        for pragma in pragmas:
            self.db.execute(f"PRAGMA {pragma}")

    @contextmanager
    def timed(self):
        outer = not self.db.in_transaction
        with transaction(self) as db:
            yield db
            began = time.perf_counter()  # the body is done: what is left is the COMMIT
        if outer:
            commits.append(time.perf_counter() - began)

    def timed_close(self):
        began = time.perf_counter()
        close(self)
        closing.append(time.perf_counter() - began)

    Store.__init__, Store.transaction, Store.close = init, timed, timed_close
    try:
        more = link_scale.generate(add, offset=1)
        written, before = _written(), resource.getrusage(resource.RUSAGE_SELF)
        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile(time.process_time) if profile[0] == "cpu" else cProfile.Profile()
            profiler.enable()
        seconds, cpu = link_scale.link(trial, more, first_order=size // 10 + 1)
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile[1])
    finally:
        Store.__init__, Store.transaction, Store.close = opened, transaction, close
    usage = resource.getrusage(resource.RUSAGE_SELF)
    commits.sort()
    row = {"added": add, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
           "commits": len(commits), "commit_seconds": round(sum(commits), 2),
           "commit_median_ms": round(1000 * commits[len(commits) // 2], 2) if commits else 0,
           "slowest_20_commits_seconds": round(sum(commits[-20:]), 2),
           "written_mb": round((_written() - written) / 2**20, 1), "close_seconds": round(sum(closing), 2),
           "sys_seconds": round(usage.ru_stime - before.ru_stime, 2), "peak_mb": link_scale.peak_mb(),
           "load": round(os.getloadavg()[0], 2), "pragmas": pragmas}
    for suffix in ("", "-wal", "-shm"):
        Path(trial + suffix).unlink(missing_ok=True)
    return row


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
