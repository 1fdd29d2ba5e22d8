"""The store copies its WAL into the database only past 64 MiB (store.WAL_CHECKPOINT_PAGES),
not SQLite's 4 MiB: a process killed with more than that committed and not yet copied
leaves a database that opens whole, every committed article in it."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

from newstrace.store import WAL_CHECKPOINT_PAGES, Store
from robustness.support import REPO, paragraphs

SQLITE_DEFAULT_PAGES = 1000  # SQLite's own wal_autocheckpoint

# a child that stores real articles one transaction each, says how many are committed after
# each commit, and kills itself (SIGKILL: no close, no checkpoint) once the WAL holds more
# than SQLite's default threshold would have let it
CHILD = textwrap.dedent("""
    import hashlib, os, signal, sys
    from newstrace.records import Article
    from newstrace.store import Store
    from robustness.support import paragraphs

    paras = paragraphs()
    store = Store(sys.argv[1])
    limit = int(sys.argv[2]) * 4096
    k = 0
    while True:
        text = "\\n\\n".join(paras[(k + j) % len(paras)] for j in range(12)) + f"\\n\\nReport {k}."
        article = Article(id=f"art-{k}", text=text, order=k, title=f"Report number {k}",
                          fingerprint=hashlib.sha1(text.encode()).hexdigest())
        store.put_article(article, [], [], "test")
        k += 1
        print(k, flush=True)
        if os.path.getsize(sys.argv[1] + "-wal") > limit:
            os.kill(os.getpid(), signal.SIGKILL)
        if k == 2000:  # checkpointed all along: the WAL never grew past the limit
            sys.exit(3)
""")


def test_the_store_checkpoints_past_64_mib():
    store = Store(":memory:")
    assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_CHECKPOINT_PAGES == 16384


def test_killed_with_a_wal_past_the_old_threshold_the_store_opens_with_every_committed_article(tmp_path):
    db = tmp_path / "newstrace.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(db), str(2 * SQLITE_DEFAULT_PAGES)],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    committed = int(proc.stdout.split()[-1])
    # nothing was copied into the database: the WAL still holds more than 1000 pages' worth
    assert os.path.getsize(f"{db}-wal") > 2 * SQLITE_DEFAULT_PAGES * 4096
    store = Store(db)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.count("articles") == committed > 10
    # each article whole, its text as written, and found by the full-text index kept beside it
    paras = paragraphs()
    last = committed - 1
    text = "\n\n".join(paras[(last + j) % len(paras)] for j in range(12)) + f"\n\nReport {last}."
    assert store.article(f"art-{last}").fingerprint == hashlib.sha1(text.encode()).hexdigest()
    assert store.db.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?",
                            (f'"Report {last}"',)).fetchone()[0] >= 1
    store.close()
    # the next run's close copied the WAL in: the database file alone holds them all
    assert not os.path.exists(f"{db}-wal")
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == committed
    con.close()
