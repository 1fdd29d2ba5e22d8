"""Disks that fill up, databases that are locked or read-only: one line that says which,
exit 2, nothing stored is lost, and the same command run again completes the work."""

from __future__ import annotations

import resource
import shlex
import sqlite3
import subprocess
import sys

import pytest

import newstrace
from newstrace.pipeline import Settings
from newstrace.store import Store
from robustness.support import NEWSTRACE, REPO, SEEDS, cli, exports, mount_prefix, read_only, write_articles

FILE_LIMIT = 600_000  # bytes: the database and its WAL outgrow it three articles into the run


def _limit_file_size():
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """Eight real articles and the exports of one uninterrupted run over them."""
    root = tmp_path_factory.mktemp("disk")
    folder = write_articles(root / "in", 8)
    newstrace.run(folder, out=root / "clean", settings=Settings(workers=1))
    return folder, exports(root / "clean")


# -- fault 8: a write that fails midway

def test_a_file_size_limit_midway_says_so_and_the_rerun_completes(tmp_path, articles):
    folder, clean = articles
    out = tmp_path / "out"
    result = cli("run", str(folder), "--out", str(out), "--quiet", "--workers", "1", preexec_fn=_limit_file_size)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"newstrace: error: could not write {out / 'newstrace.db'}: ")
    assert "full disk or a file size limit" in line
    assert line.endswith("every article stored before is kept: run the same command again to resume")
    with Store(out / "newstrace.db") as store:
        assert 0 < store.count("articles") < 8  # it failed midway
    newstrace.run(folder, out=out, settings=Settings(workers=1))
    assert exports(out) == clean


def test_a_full_disk_midway_says_so_and_the_rerun_completes(tmp_path, articles):
    """A real small filesystem (tmpfs in a mount namespace of its own), filled by the run,
    then grown, and the same command run again."""
    folder, clean = articles
    prefix = mount_prefix()
    if prefix is None:
        pytest.skip("no way to mount a small filesystem here (no unshare -m or -rm)")
    disk, keep = tmp_path / "disk", tmp_path / "keep"
    disk.mkdir()
    run = shlex.join([*NEWSTRACE, "run", str(folder), "--out", str(disk / "out"), "--quiet", "--workers", "1"])
    script = (f"mount -t tmpfs -o size=256k tmpfs {disk} && cd {shlex.quote(str(REPO))} && "
              f"{run} 2>{keep}.first; echo $? >{keep}.rc; mount -o remount,size=64m {disk} && "
              f"{run} 2>{keep}.second && cp -a {disk / 'out'} {keep}")
    done = subprocess.run([*prefix, "sh", "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (done.stderr, (tmp_path / "keep.second").read_text())
    assert (tmp_path / "keep.rc").read_text().strip() == "2"
    (line,) = (tmp_path / "keep.first").read_text().splitlines()
    assert line.startswith(f"newstrace: error: could not write {disk / 'out'}")
    assert "disk is full" in line and line.endswith("run the same command again to resume")
    assert exports(keep) == clean


# -- fault 9: a locked, a read-only database

def test_a_database_locked_by_another_process_says_locked(tmp_path):
    db = tmp_path / "newstrace.db"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(120)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        # an up-to-date store opens without writing, and reads go on beside the writer;
        # the first write waits, then says so (a run words it through Store.trouble)
        with Store(db, timeout=0.5) as store:
            assert store.count("articles") == 0
            with pytest.raises(sqlite3.OperationalError) as caught:
                with store.transaction():
                    pass
            message = str(store.trouble(caught.value))
    finally:
        holder.kill()
        holder.wait()
    assert "not a newstrace database" not in message
    assert message == (f"{db}: the database is locked by another process (waited 0.5 s); "
                       "run again when that process is done")


def test_a_read_only_database_says_read_only(tmp_path):
    out = tmp_path / "out"
    newstrace.run(SEEDS, out=out)
    with read_only(out) as prefix:
        result = cli("run", str(SEEDS), "--out", str(out), "--quiet", prefix=prefix)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert "not a newstrace database" not in line
    assert line.startswith(f"newstrace: error: {out / 'newstrace.db'}: the database is read-only")
