#!/usr/bin/env python3
"""Fault injection, the long version of tests/robustness: kill -9 at random moments,
SIGTERM and SIGINT, two runs at once, full disks and file size limits, a locked and a
read-only database, a folder of hostile files, and the property tests over every reader
with many more examples. Every run is the real CLI in its own process; after each fault
the same command is run again and its exports are compared, byte for byte, with those
of one uninterrupted run. Prints a table: cases tried, faults found, articles lost.

    python bench/faults.py [--articles 16] [--kills 24] [--signals 6] [--concurrent 3]
                           [--examples 300] [--lock-seconds 35] [--seed 29] [--only kill,disk,...]

Scenarios (--only): kill, signals, concurrent, disk, limit, lock, readonly, hostile, readers.
The disk and read-only scenarios mount (tmpfs, bind) in a mount namespace of their own
(unshare -m, or -rm for a user that is not root) and are skipped where that is refused.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from robustness.support import (  # noqa: E402
    NEWSTRACE, SEEDS, end_group, exports, group, mount_prefix, start, wait_for, write_articles,
)


@dataclass
class Tally:
    name: str
    cases: int = 0
    faults: list[str] = field(default_factory=list)
    lost: int | None = None  # articles of the uninterrupted run missing at the end
    seconds: float = 0.0

    def fault(self, what: str) -> None:
        self.faults.append(what)
        print(f"  FAULT {self.name}: {what}", flush=True)


def run_cli(*args: str, prefix: list[str] | None = None, timeout: float = 900, preexec_fn=None):
    return subprocess.run([*(prefix or []), *NEWSTRACE, *args], capture_output=True, text=True, cwd=REPO,
                          timeout=timeout, preexec_fn=preexec_fn)


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def compare(tally: Tally, out: Path, clean: dict[str, str], what: str) -> None:
    """The exports of a resumed run against those of the uninterrupted one."""
    try:
        got = exports(out)
    except OSError as e:
        tally.fault(f"{what}: exports missing ({e})")
        got = {}
    want_ids = {json.loads(line)["id"] for line in clean["articles.jsonl"].splitlines()}
    have_ids = {json.loads(line)["id"] for line in got.get("articles.jsonl", "").splitlines()}
    tally.lost = (tally.lost or 0) + len(want_ids - have_ids)
    if got != clean:
        differ = [name for name in clean if got.get(name) != clean[name]]
        tally.fault(f"{what}: exports differ from an uninterrupted run ({', '.join(differ)})")


def check_message(tally: Tally, stderr: str, what: str, must: tuple[str, ...]) -> None:
    if "Traceback" in stderr:
        tally.fault(f"{what}: traceback on stderr: {stderr[-300:]!r}")
        return
    lines = [line for line in stderr.splitlines() if line.startswith("newstrace: ")]
    if len(lines) != 1 or not all(m in lines[0] for m in must):
        tally.fault(f"{what}: expected one line with {must}, got {stderr[-300:]!r}")


def resume_and_compare(tally: Tally, feed: Path, out: Path, clean: dict[str, str], what: str) -> None:
    done = run_cli("run", str(feed), "--out", str(out), "--quiet", "--workers", "1")
    if done.returncode != 0:
        tally.fault(f"{what}: the resumed run failed (exit {done.returncode}): {done.stderr[-300:]!r}")
    compare(tally, out, clean, what)


# -- kill -9

def kills(feed: Path, clean: dict[str, str], clean_seconds: float, work: Path, n: int, rng: random.Random) -> Tally:
    """Rounds of three kills at random moments (model loading, storing, relinking,
    exporting), each round from an empty --out, then the same command to the end."""
    tally = Tally("kill -9 at random moments")
    round_no = 0
    while tally.cases < n:
        round_no += 1
        out = work / f"kill-{round_no}"
        for _ in range(min(3, n - tally.cases)):
            workers = rng.choice(["1", "2"])
            delay = rng.uniform(0.3, clean_seconds * 1.1)
            proc = start("run", str(feed), "--out", str(out), "--quiet", "--workers", workers)
            try:
                wait_for(lambda: proc.poll() is not None, delay, step=0.05)
                if proc.poll() is not None:
                    continue  # it finished first: not a kill
                whole_group = rng.random() < 0.5  # kill -9 the group, or only the run (its workers must follow)
                if whole_group:
                    os.killpg(proc.pid, signal.SIGKILL)
                else:
                    os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=60)
                tally.cases += 1
                left = wait_for(lambda: not group(proc.pid), 10) or group(proc.pid)
                if left is not True:
                    tally.fault(f"processes outlived kill -9 (workers {workers}): {left}")
            finally:
                end_group(proc.pid)
            db = out / "newstrace.db"
            if db.exists():
                with sqlite3.connect(db) as con:
                    if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                        tally.fault(f"round {round_no}: database damaged after a kill")
        resume_and_compare(tally, feed, out, clean, f"round {round_no}")
        shutil.rmtree(out, ignore_errors=True)
    return tally


# -- SIGTERM, SIGINT

def signals(feed: Path, clean: dict[str, str], clean_seconds: float, work: Path, n: int,
            rng: random.Random) -> Tally:
    tally = Tally("SIGTERM / SIGINT")
    for k in range(n):
        sig = (signal.SIGTERM, signal.SIGINT)[k % 2]
        out = work / f"signal-{k}"
        proc = start("run", str(feed), "--out", str(out), "--quiet", "--workers", rng.choice(["1", "2"]))
        try:
            # once the run is under way (its database open): before, Python is still starting
            wait_for(lambda: proc.poll() is not None or (out / "newstrace.db").exists(), 120, step=0.05)
            wait_for(lambda: proc.poll() is not None, rng.uniform(0.0, clean_seconds * 0.6), step=0.05)
            if proc.poll() is None:
                os.kill(proc.pid, sig)
                proc.wait(timeout=120)
                tally.cases += 1
                err = proc.stderr.read()
                finished = (out / "report.html").exists() and exports(out) == clean
                if proc.returncode in (0, -sig) and finished and not err:
                    pass  # the signal came as Python was exiting, the work done: it ends as Python does
                elif proc.returncode != 128 + sig:
                    tally.fault(f"{sig.name}: exit {proc.returncode}, not {128 + sig}: {err[-300:]!r}")
                else:
                    check_message(tally, err, sig.name, (f"interrupted ({sig.name})", "run the same command again"))
                left = wait_for(lambda: not group(proc.pid), 10) or group(proc.pid)
                if left is not True:
                    tally.fault(f"processes outlived {sig.name}: {left}")
        finally:
            end_group(proc.pid)
        resume_and_compare(tally, feed, out, clean, f"after {sig.name}")
    return tally


# -- two runs at once

def concurrent(feed: Path, work: Path, n: int, rng: random.Random) -> Tally:
    tally = Tally("two runs at once")
    files = sorted(feed.glob("*.txt"))
    halves = [work / "half-a", work / "half-b"]
    for half, part in zip(halves, (files[::2], files[1::2])):
        half.mkdir(exist_ok=True)
        for f in part:
            shutil.copy(f, half / f.name)
    for k in range(n):
        out = work / f"concurrent-{k}"
        procs = []
        for half in halves:
            procs.append(start("run", str(half), "--out", str(out), "--quiet", "--workers", rng.choice(["1", "2"])))
            time.sleep(rng.uniform(0, 2))
        for proc in procs:
            proc.wait(timeout=900)
            if proc.returncode != 0:
                tally.fault(f"round {k}: a run failed (exit {proc.returncode}): {proc.stderr.read()[-300:]!r}")
        tally.cases += 1
        with sqlite3.connect(out / "newstrace.db") as con:
            count, distinct = con.execute("SELECT COUNT(*), COUNT(DISTINCT ord) FROM articles").fetchone()
            unlinked = con.execute("SELECT COUNT(*) FROM articles WHERE story IS NULL").fetchone()[0]
        if (count, distinct, unlinked) != (len(files), len(files), 0):
            tally.fault(f"round {k}: {count} articles, {distinct} input-order places, {unlinked} unlinked")
        rows = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        tally.lost = (tally.lost or 0) + max(0, len(files) - count)
        if len(rows) != len(files):
            tally.fault(f"round {k}: articles.jsonl has {len(rows)} rows for {len(files)} articles")
        before = exports(out)
        for half in halves:  # both again, one after the other: nothing changes
            again = run_cli("run", str(half), "--out", str(out), "--quiet", "--workers", "1")
            if again.returncode != 0:
                tally.fault(f"round {k}: a rerun failed: {again.stderr[-300:]!r}")
        if exports(out) != before:
            tally.fault(f"round {k}: running both again changed the exports")
    return tally


# -- full disks, file size limits

def full_disks(feed: Path, clean: dict[str, str], work: Path, sizes: list[str]) -> Tally:
    tally = Tally("full disk (tmpfs)")
    prefix = mount_prefix()
    if prefix is None:
        tally.faults.append("skipped: cannot mount a small filesystem here")
        return tally
    for size in sizes:
        disk, keep = work / f"disk-{size}", work / f"keep-{size}"
        disk.mkdir()
        run = shlex.join([*NEWSTRACE, "run", str(feed), "--out", str(disk / "out"), "--quiet", "--workers", "1"])
        script = (f"mount -t tmpfs -o size={size} tmpfs {disk} && cd {shlex.quote(str(REPO))} && "
                  f"{run} 2>{keep}.first; echo $? >{keep}.rc; mount -o remount,size=256m {disk} && "
                  f"{run} 2>{keep}.second; echo $? >{keep}.rc2; cp -a {disk / 'out'} {keep}")
        subprocess.run([*prefix, "sh", "-c", script], capture_output=True, text=True, timeout=1800)
        tally.cases += 1
        rc = Path(f"{keep}.rc").read_text().strip()
        first = Path(f"{keep}.first").read_text()
        if rc == "2":
            check_message(tally, first, f"tmpfs {size}", ("disk is full", "run the same command again"))
        elif rc != "0":
            tally.fault(f"tmpfs {size}: exit {rc}: {first[-300:]!r}")
        if Path(f"{keep}.rc2").read_text().strip() != "0":
            tally.fault(f"tmpfs {size}: the run after growing the disk failed: {Path(f'{keep}.second').read_text()!r}")
        compare(tally, keep, clean, f"tmpfs {size}")
    return tally


def size_limits(feed: Path, clean: dict[str, str], work: Path, limits: list[int]) -> Tally:
    tally = Tally("file size limit (RLIMIT_FSIZE)")
    for limit in limits:
        out = work / f"limit-{limit}"

        def cap(limit=limit):
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        first = run_cli("run", str(feed), "--out", str(out), "--quiet", "--workers", "1", preexec_fn=cap)
        tally.cases += 1
        if first.returncode == 2:
            check_message(tally, first.stderr, f"limit {limit}", ("file size limit", "run the same command again"))
        elif first.returncode != 0:
            tally.fault(f"limit {limit}: exit {first.returncode}: {first.stderr[-300:]!r}")
        resume_and_compare(tally, feed, out, clean, f"limit {limit}")
    return tally


# -- locked, read-only

def locked(work: Path, seconds: float) -> Tally:
    """A database another process holds for longer than newstrace waits (30 s)."""
    tally = Tally("database locked by another process")
    out = work / "locked"
    first = run_cli("run", str(SEEDS), "--out", str(out), "--quiet", "--workers", "1")
    if first.returncode != 0:
        tally.fault(f"first run failed: {first.stderr[-300:]!r}")
        return tally
    hold = ("import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(float(sys.argv[2]))")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(out / "newstrace.db"), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    try:
        holder.stdout.readline()
        began = time.monotonic()
        run = run_cli("run", str(SEEDS), "--out", str(out), "--quiet", "--workers", "1")
        waited = time.monotonic() - began
    finally:
        holder.kill()
        holder.wait()
    tally.cases += 1
    if run.returncode != 2:
        tally.fault(f"exit {run.returncode}, not 2: {run.stderr[-300:]!r}")
    check_message(tally, run.stderr, "locked", ("locked by another process", "waited 30 s"))
    print(f"  locked: gave up after {waited:.1f} s", flush=True)
    again = run_cli("run", str(SEEDS), "--out", str(out), "--quiet", "--workers", "1")
    if again.returncode != 0:
        tally.fault(f"the run after the lock was released failed: {again.stderr[-300:]!r}")
    return tally


def read_only(work: Path) -> Tally:
    tally = Tally("read-only database, folder")
    prefix = mount_prefix()
    if prefix is None:
        tally.faults.append("skipped: cannot mount read-only here")
        return tally
    ro = 'p="$1"; shift; mount --bind "$p" "$p" && mount -o remount,bind,ro "$p" && exec "$@"'
    out = work / "readonly"
    run_cli("run", str(SEEDS), "--out", str(out), "--quiet", "--workers", "1")
    for target, args, must in (
        (out, ("--out", str(out)), ("the database is read-only",)),
        (out, ("--out", str(out / "sub" / "deeper")), ("cannot create the output folder", "read-only")),
        (out, ("--db", str(out / "other.db")), ("read-only",)),
    ):
        result = run_cli("run", str(SEEDS), *args, "--quiet", prefix=[*prefix, "sh", "-c", ro, "sh", str(target)])
        tally.cases += 1
        if result.returncode != 2:
            tally.fault(f"{args}: exit {result.returncode}, not 2: {result.stderr[-300:]!r}")
        check_message(tally, result.stderr, f"read-only {args}", must)
    return tally


# -- hostile files through the CLI

DEEP = "[" * 100_000 + "]" * 100_000


def hostile_files(folder: Path) -> dict[bytes, bytes]:
    """Bad inputs of every kind found so far; each must give exactly one line."""
    seed = (SEEDS / "000_17fc5a22881fa018.txt").read_bytes()
    return {
        b"empty.txt": b"", b"blank.txt": b" \n\t\n", b"binary.txt": bytes(range(256)) * 8,
        b"nul.txt": b"The mayor said\x00 it.", b"latin.txt": "Caf\xe9 \x81\x8d".encode("latin-1"),
        b"utf16-no-bom.txt": "The mayor said it would rain.".encode("utf-16-le"),
        b"deep.json": DEEP.encode(), b"deep.jsonl": DEEP.encode() + b"\n",
        b"deep-object.json": ('{"a":' * 50_000 + "1" + "}" * 50_000).encode(),
        b"list-of-numbers.json": b"[1, 2, 3]", b"empty-list.json": b"[]", b"string.json": b'"text"',
        b"not-json.json": b"{text: 'x'}", b"no-text.jsonl": b'{"id": "n1", "title": "no body"}\n',
        b"bad-id.jsonl": b'{"id": {"a": 1}, "text": "The mayor said it."}\n',
        b"menu.html": b"<html><body><a href=/>Home</a><a href=/x>News</a></body></html>",
        b"deep-menu.html": b"<html><body>" + b"<div>" * 5000 + b"<a>Home</a>" + b"</div>" * 5000 + b"</body></html>",
        b"binary.html": bytes(range(256)) * 8,
        b"esc\x1b[2Jclear\x1b]0;title\x07.txt": b"",
        b"two\nlines.txt": b"", b"rtl\xe2\x80\xaegnp.txt": b"", b"not-utf8-\xff.txt": b"",
        b"huge-line.txt": b"x" * 3_000_000,  # longer than an article may be
        b"000_17fc5a22881fa018.meta.json": DEEP.encode(),
        b"dangling.txt": None,  # a symbolic link to nowhere
        b"outside.txt": seed,  # a symbolic link out of the folder
    }


def hostile(work: Path) -> Tally:
    tally = Tally("hostile files (CLI)")
    folder = work / "hostile"
    shutil.copytree(SEEDS, folder)
    bad = hostile_files(folder)
    elsewhere = work / "elsewhere.txt"
    elsewhere.write_bytes(bad.pop(b"outside.txt"))
    os.symlink(elsewhere, os.path.join(os.fsencode(folder), b"outside.txt"))
    bad.pop(b"dangling.txt")
    os.symlink(work / "nowhere.txt", os.path.join(os.fsencode(folder), b"dangling.txt"))
    for name, data in bad.items():
        with open(os.path.join(os.fsencode(folder), name), "wb") as f:
            f.write(data)
    expected_lines = len(bad) + 2 + 2  # every bad file, the two links; [1, 2, 3] is three bad records
    result = run_cli("run", str(folder), "--out", str(work / "hostile-out"), "--quiet", "--workers", "1")
    tally.cases = len(bad) + 2
    lines = result.stderr.splitlines()
    if "Traceback" in result.stderr or result.returncode != 1:
        tally.fault(f"exit {result.returncode}: {result.stderr[-500:]!r}")
    if any("\x1b" in line or "\u202e" in line for line in lines):
        tally.fault("a raw control character reached stderr")
    if not all(line.startswith("newstrace: ") for line in lines):
        tally.fault(f"a line that is not newstrace's: {lines!r}")
    print(f"  hostile: {len(lines)} lines for {tally.cases} bad inputs (expected {expected_lines})", flush=True)
    for line in lines:
        print(f"    {line}")
    if len(lines) != expected_lines:
        tally.fault(f"{len(lines)} lines for {expected_lines} bad inputs")
    articles = work / "hostile-out" / "articles.jsonl"
    ids = {json.loads(x)["id"] for x in articles.read_text().splitlines()} if articles.exists() else set()
    if not {"000_17fc5a22881fa018", "003_461b67336f7667d7"} <= ids:
        tally.fault(f"the good files were not stored: {sorted(ids)}")
    return tally


def readers(examples: int) -> Tally:
    tally = Tally("readers (hypothesis)")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests/robustness/test_readers.py"], cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "NEWSTRACE_PROPERTY_EXAMPLES": str(examples)})
    tally.cases = 5 * examples
    if result.returncode != 0:
        tally.fault(result.stdout[-1500:])
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=16, help="articles cut from the seed reports")
    parser.add_argument("--kills", type=int, default=24)
    parser.add_argument("--signals", type=int, default=6)
    parser.add_argument("--concurrent", type=int, default=3)
    parser.add_argument("--examples", type=int, default=300, help="hypothesis examples per reader")
    parser.add_argument("--lock-seconds", type=float, default=35.0)
    parser.add_argument("--seed", type=int, default=29)
    parser.add_argument("--only", default="", help="comma-separated scenarios")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    want = (lambda name: not only or name in only)
    rng = random.Random(args.seed)

    work = Path(tempfile.mkdtemp(prefix="newstrace-faults-"))
    try:
        feed = write_articles(work / "in", args.articles)
        began = time.monotonic()
        done = run_cli("run", str(feed), "--out", str(work / "clean"), "--quiet", "--workers", "1")
        clean_seconds = time.monotonic() - began
        assert done.returncode == 0, done.stderr
        clean = exports(work / "clean")
        print(f"uninterrupted run: {args.articles} articles in {clean_seconds:.1f} s", flush=True)
        plan = [
            ("kill", lambda: kills(feed, clean, clean_seconds, work, args.kills, rng)),
            ("signals", lambda: signals(feed, clean, clean_seconds, work, args.signals, rng)),
            ("concurrent", lambda: concurrent(feed, work, args.concurrent, rng)),
            ("disk", lambda: full_disks(feed, clean, work, ["160k", "256k", "512k", "1m", "2m"])),
            ("limit", lambda: size_limits(feed, clean, work, [150_000, 400_000, 800_000, 1_500_000])),
            ("lock", lambda: locked(work, args.lock_seconds)),
            ("readonly", lambda: read_only(work)),
            ("hostile", lambda: hostile(work)),
            ("readers", lambda: readers(args.examples)),
        ]
        tallies = []
        for name, scenario in plan:
            if not want(name):
                continue
            print(f"{name} ...", flush=True)
            t0 = time.monotonic()
            tally = scenario()
            tally.seconds = time.monotonic() - t0
            tallies.append(tally)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n{'scenario':36} {'cases':>6} {'faults':>6} {'articles lost':>13} {'seconds':>8}")
    for t in tallies:
        faults = [f for f in t.faults if not f.startswith("skipped")]
        lost = "-" if t.lost is None else str(t.lost)
        note = "  (" + t.faults[0] + ")" if t.faults and t.faults[0].startswith("skipped") else ""
        print(f"{t.name:36} {t.cases:>6} {len(faults):>6} {lost:>13} {t.seconds:>8.0f}{note}")
    total_faults = sum(len([f for f in t.faults if not f.startswith("skipped")]) for t in tallies)
    print(f"{'total':36} {sum(t.cases for t in tallies):>6} {total_faults:>6} "
          f"{sum(t.lost or 0 for t in tallies):>13}")
    sys.exit(1 if total_faults else 0)


if __name__ == "__main__":
    main()
