"""Runs ended by signals: no process outlives its run, whatever ends it, and what was
stored stays whole so that the same command run again completes the work exactly."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time

import pytest

import newstrace
from newstrace.pipeline import Settings
from robustness.support import end_group, exports, group, start, wait_for, write_articles


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    """Ten real articles: more than a batch, so that a run starts its worker pool."""
    return write_articles(tmp_path_factory.mktemp("signals") / "in", 10)


def _stored(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


# -- fault 4: workers and the resource tracker end with their run

@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["KILL", "TERM", "INT"])
def test_no_process_outlives_a_run_ended_by_a_signal(tmp_path, feed, sig):
    proc = start("run", str(feed), "--out", str(tmp_path / "out"), "--workers", "2", "--quiet")
    try:
        # the run itself, the resource tracker and two workers
        assert wait_for(lambda: len(group(proc.pid)) >= 4, 120), group(proc.pid)
        time.sleep(1.0)  # the workers are loading their models or extracting
        os.kill(proc.pid, sig)  # the run's own process only, as `kill` or a supervisor would
        proc.wait(timeout=60)
        left = wait_for(lambda: not group(proc.pid), 15) or group(proc.pid)
        assert left is True, f"still running after {sig.name}: {left}"
        if sig != signal.SIGKILL:
            assert proc.returncode == 128 + sig, proc.stderr.read()
            assert proc.stderr.read().strip().splitlines()[-1] == (
                f"newstrace: interrupted ({sig.name}); every article stored before is kept: "
                "run the same command again to resume")
    finally:
        end_group(proc.pid)


# -- kill -9 at a random moment, then the same command: the exports of an uninterrupted run
# (bench/faults.py does it again and again)

def test_killed_at_a_random_moment_the_resumed_run_gives_the_same_exports(tmp_path, feed):
    newstrace.run(feed, out=tmp_path / "clean", settings=Settings(workers=1))
    out = tmp_path / "out"
    db = out / "newstrace.db"
    target = random.Random().randint(1, 8)  # articles stored when the kill comes
    proc = start("run", str(feed), "--out", str(out), "--quiet", "--workers", "1")
    try:
        wait_for(lambda: proc.poll() is not None or _stored(db) >= target, 120, step=0.05)
        assert proc.poll() is None, "the run ended before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        end_group(proc.pid)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    resumed = newstrace.run(feed, out=out, settings=Settings(workers=1))
    assert resumed.unchanged >= target and resumed.unchanged + resumed.added == 10
    assert exports(out) == exports(tmp_path / "clean")
