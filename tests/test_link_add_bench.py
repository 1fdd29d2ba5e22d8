"""bench/link_add.py: an add to a copy of a bench store, its commits timed apart; the
store it was given left as it was, and the Store class as it was."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

from newstrace.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_link_add_times_the_commits_of_an_add_to_a_copy(tmp_path):
    link_add = _load("link_add")
    db = tmp_path / "store.db"
    mentions = link_add.link_scale.generate(1000)  # real quotations of the corpora
    link_add.link_scale.link(str(db), mentions, batch=50)
    transaction = Store.transaction
    row = link_add.main([str(db), "1000", "300", "--pragma", "wal_autocheckpoint=1000"])
    assert row["added"] == 300 and row["commits"] == 30  # ten mentions an article, one commit each
    assert 0 < row["commit_seconds"] < row["seconds"]
    assert 0 < row["commit_median_ms"] and row["slowest_20_commits_seconds"] <= row["commit_seconds"]
    assert row["written_mb"] > 0 and row["pragmas"] == ["wal_autocheckpoint=1000"]
    assert Store.transaction is transaction  # put back for whoever opens a store next
    # the store it was given is untouched, and the copy is gone
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 100
    con.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("store.db.trial")) == []
