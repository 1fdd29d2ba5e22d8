"""The statement index's edges keyed by their newer wording (b, a): a store of the older
layout (keyed (a, b), an index on b) is rekeyed on open with the same rows, and links on
as a store made with the new layout does (real quotations as outlets print them)."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

from newstrace.extract.quotes import quote_mask
from newstrace.link.statements import StatementIndex
from newstrace.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus-dev" / "text"
OLD_EDGES = """CREATE TABLE statement_edges (
    a INTEGER NOT NULL, b INTEGER NOT NULL,
    a0 INTEGER NOT NULL, a1 INTEGER NOT NULL, b0 INTEGER NOT NULL, b1 INTEGER NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID"""


def _bench():
    spec = importlib.util.spec_from_file_location("link_scale", ROOT / "bench" / "link_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _link(path: Path, articles) -> None:
    store = Store(path)
    index = StatementIndex(store.db)
    for article, attributions in articles:
        with store.transaction():
            store.put_article(article, attributions, [], "test")
            index.add(article, attributions, quote_mask(article.text))
    store.close()


def _tables(path: Path) -> dict[str, list]:
    db = sqlite3.connect(path)
    out = {table: sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in (
        "statements", "statement_nodes", "statement_edges", "statement_regions", "statement_speakers",
        "statement_fragments")}
    out["attributions"] = sorted(db.execute("SELECT id, statement FROM attributions").fetchall(), key=repr)
    db.close()
    return out


def _to_old_layout(path: Path) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    db.execute("ALTER TABLE statement_edges RENAME TO new_edges")
    db.execute(OLD_EDGES)
    db.execute("CREATE INDEX statement_edges_b ON statement_edges(b)")
    db.execute("INSERT INTO statement_edges SELECT a, b, a0, a1, b0, b1 FROM new_edges")
    db.execute("DROP TABLE new_edges")
    db.execute("UPDATE meta SET value='before-rekeyed-edges' WHERE key='migration'")
    db.execute("COMMIT")
    db.close()


def test_a_new_store_keys_edges_by_the_newer_wording(tmp_path):
    Store(tmp_path / "s.db").close()
    db = sqlite3.connect(tmp_path / "s.db")
    assert "PRIMARY KEY (b, a)" in db.execute(
        "SELECT sql FROM sqlite_master WHERE name='statement_edges'").fetchone()[0]
    assert db.execute("SELECT name FROM sqlite_master WHERE tbl_name='statement_edges' AND type='index'"
                      " AND sql IS NOT NULL").fetchall() == []
    db.close()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora not here")
def test_a_store_of_the_old_layout_is_rekeyed_and_links_on_alike(tmp_path):
    bench = _bench()
    mentions = bench.generate(2000)
    articles = [bench._article(mentions[n:n + 10], n // 10) for n in range(0, len(mentions), 10)]
    first, rest = articles[:120], articles[120:]
    _link(tmp_path / "old.db", first)
    _link(tmp_path / "new.db", first)
    before = _tables(tmp_path / "old.db")
    assert len(before["statement_edges"]) > 200
    _to_old_layout(tmp_path / "old.db")
    Store(tmp_path / "old.db").close()  # rekeyed on open
    db = sqlite3.connect(tmp_path / "old.db")
    assert "PRIMARY KEY (b, a)" in db.execute(
        "SELECT sql FROM sqlite_master WHERE name='statement_edges'").fetchone()[0]
    assert not db.execute("SELECT 1 FROM sqlite_master WHERE name IN ('statement_edges_b', 'statement_edges_old')"
                          ).fetchone()
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    assert _tables(tmp_path / "old.db") == before
    _link(tmp_path / "old.db", rest)
    _link(tmp_path / "new.db", rest)
    assert _tables(tmp_path / "old.db") == _tables(tmp_path / "new.db")
