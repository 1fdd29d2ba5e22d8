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
