"""Linking many articles in one transaction (``StatementIndex.batch``: a relink, a bulk
load) gives the statements that linking them one by one gives, on real quotations."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest

from newstrace.extract.quotes import quote_mask
from newstrace.link.statements import LinkSettings, StatementIndex
from newstrace.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus-dev" / "text"


def _bench():
    spec = importlib.util.spec_from_file_location("link_scale", ROOT / "bench" / "link_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _linked(path: Path, bench, mentions, batch: int, settings: LinkSettings | None = None) -> dict[str, list]:
    articles = [bench._article(mentions[n:n + 10], n // 10) for n in range(0, len(mentions), 10)]
    store = Store(path)
    index = StatementIndex(store.db, settings)
    for first in range(0, len(articles), batch):
        with store.transaction():
            if batch > 1:
                with index.batch():
                    for article, attributions in articles[first:first + batch]:
                        store.put_article(article, attributions, [], "test")
                        index.add(article, attributions, quote_mask(article.text))
            else:
                article, attributions = articles[first]
                store.put_article(article, attributions, [], "test")
                index.add(article, attributions, quote_mask(article.text))
    store.close()
    db = sqlite3.connect(path)
    tables = {
        "statements": "SELECT id, text, speaker, first_seen, words, shingles, text_node FROM statements",
        "attributions": "SELECT id, statement FROM attributions",
        "speakers": "SELECT statement, speaker, mentions, first, first_article FROM statement_speakers",
        "regions": "SELECT node, lo, hi, core_lo, core_hi, statement FROM statement_regions",
        "shared": "SELECT attribution, statement FROM statement_shared",
        "fragments": "SELECT attribution, node FROM statement_fragments",
    }
    out = {name: sorted(db.execute(sql).fetchall(), key=repr) for name, sql in tables.items()}
    # the attributions of the last transaction are given their statements (in a batch, at
    # its end) as stored (earlier ones may have been pointed again by later articles)
    stored = dict(out["attributions"])
    last = [a for _, found in articles[(len(articles) - 1) // batch * batch:] for a in found]
    assert [a.statement for a in last] == [stored[a.id] for a in last] and any(a.statement for a in last)
    db.close()
    return out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora not here")
def test_a_batch_of_articles_links_as_one_article_at_a_time(tmp_path):
    bench = _bench()
    mentions = bench.generate(1500)  # real quotations as outlets print them, ten to an article
    one_by_one = _linked(tmp_path / "one.db", bench, mentions, 1)
    batched = _linked(tmp_path / "batch.db", bench, mentions, 40)
    assert len(one_by_one["statements"]) > 500 and any(s[2] for s in one_by_one["statements"])
    for name in one_by_one:
        assert batched[name] == one_by_one[name], name


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora not here")
def test_a_wording_that_holds_two_passages_is_placed_as_a_whole_cut_places_it(tmp_path, monkeypatch):
    """Real quotations as outlets print them (the scale bench's mentions): a wording
    that holds two passages of its family (a full quotation where others quote its two
    halves apart) is placed from its neighbours (``StatementIndex._place_several``), and
    every statement table is what cutting each family whole every time gives
    (``LinkSettings.local=False``)."""
    bench = _bench()
    mentions = bench.generate(10000)
    placed = []
    several = StatementIndex._place_several

    def counted(self, *args):
        placed.append(several(self, *args))
        return placed[-1]

    monkeypatch.setattr(StatementIndex, "_place_several", counted)
    local = _linked(tmp_path / "local.db", bench, mentions, 1)
    assert placed.count(True) >= 10 and False in placed  # both ways out are taken
    whole = _linked(tmp_path / "whole.db", bench, mentions, 1, LinkSettings(local=False))
    for name in local:
        assert local[name] == whole[name], name


def test_a_batch_refuses_to_run_outside_a_transaction():
    import pytest

    from newstrace.link import Linker
    from newstrace.store import Store

    store = Store(":memory:")
    with pytest.raises(RuntimeError, match="transaction"):
        with Linker(store).statements.batch():
            pass


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora not here")
def test_candidates_ranked_by_sqlite_are_those_counted_from_the_rows(tmp_path):
    """The candidates of a new wording, counted and ranked in SQLite (each wording's
    trigrams as the bits of one integer), are those counted from the postings' rows, in
    the same order with the same counts, on the wordings of real quotations as outlets
    print them: with the linker's cap, and with a cap of 4 where the wordings past it that
    hold a trigram none of the first four holds are added."""
    from newstrace.link.normalize import shingle_hashes, winnow

    bench = _bench()
    _linked(tmp_path / "c.db", bench, bench.generate(3000), 50)
    db = sqlite3.connect(tmp_path / "c.db")
    keys = [key for (key,) in db.execute("SELECT key FROM statement_nodes ORDER BY id")]
    assert len(keys) > 500
    for cap in (LinkSettings().candidates, 4):
        index = StatementIndex(db, LinkSettings(candidates=cap))
        past_cap = 0
        for key in keys:
            chosen = sorted(winnow(shingle_hashes(key.split("\x1f")[0].split(" ")), index.settings.window))
            found = index._candidates(chosen)
            assert found == index._candidates_listed(chosen), key
            past_cap += len(found) > cap
        assert past_cap >= (5 if cap == 4 else 0)  # 9 here
    db.close()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpora not here")
def test_speaker_counts_a_batch_holds_back_are_dropped_when_counted_afresh(tmp_path, monkeypatch):
    """In a batch the speaker counts its articles add are written once, at its end; a
    statement counted afresh (a cut took mentions from it) or dropped meanwhile forgets
    the counts held back for it, and every table is what linking article by article
    gives (real quotations as outlets print them)."""
    bench = _bench()
    mentions = bench.generate(10000)
    dropped = []
    drop = StatementIndex._drop_counts

    def counted(self, statement):
        dropped.append(statement in self._counts)
        return drop(self, statement)

    monkeypatch.setattr(StatementIndex, "_drop_counts", counted)
    batched = _linked(tmp_path / "batch.db", bench, mentions, 50)
    assert dropped.count(True) >= 2  # counts held back, then counted afresh or dropped (4 here)
    monkeypatch.setattr(StatementIndex, "_drop_counts", drop)
    one_by_one = _linked(tmp_path / "one.db", bench, mentions, 1)
    for name in one_by_one:
        assert batched[name] == one_by_one[name], name
