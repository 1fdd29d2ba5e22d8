"""The store's read side (newstrace/queries.py), its full-text index and the static report
built on it: on the seed reports and hostile articles (conftest.web_run)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstrace
from conftest import SEEDS
from newstrace.errors import StoreError
from newstrace.link import Linker
from newstrace.queries import MAX_PAGE, BadQuery, encode_cursor, fts_query
from newstrace.records import Article, RunFigures
from newstrace.report import html as report_html
from newstrace.store import Store

BREITBART, SPUTNIK = "000_17fc5a22881fa018", "003_461b67336f7667d7"


@pytest.fixture
def store(web_run):
    with Store(web_run / "newstrace.db", readonly=True) as s:
        yield s


def copy_of(web_run, tmp_path):
    target = tmp_path / "newstrace.db"
    shutil.copyfile(web_run / "newstrace.db", target)
    return target


def test_seed_story_statements_and_spread(store):
    story = store.article_summary(BREITBART).story
    summary = store.story_summary(story)
    assert (summary.articles, summary.copies) == (2, 0)
    articles = store.story_articles(story, limit=1)
    assert len(articles.items) == 1 and articles.next
    rest = store.story_articles(story, limit=1, cursor=articles.next)
    assert {articles.items[0].id, rest.items[0].id} == {BREITBART, SPUTNIK} and rest.next is None
    shared = [s for s in store.story_statements(story, limit=MAX_PAGE).items if s.articles == 2]
    assert {s.speaker for s in shared} >= {"Abu Abdul-Azim"}
    abu = next(s for s in shared if s.speaker == "Abu Abdul-Azim")
    assert {a.id for a in store.statement_spread(abu.id)} == {BREITBART, SPUTNIK}
    for m in store.statement_mentions(abu.id).items:
        text = store.article(m.article.id).text
        assert text[m.sentence_start:m.sentence_start + len(m.sentence)] == m.sentence
        assert "kilometers" in m.sentence or "crime" in m.sentence


def test_speaker_profile_gives_the_names_articles_used(store):
    (abu,) = store.speaker_list(q="Abu Abdul").items
    profile = store.speaker_profile(abu.key)
    assert (profile.name, profile.kind, profile.articles) == ("Abu Abdul-Azim", "person", 2)
    assert "he" in {n.name for n in profile.written}
    assert store.speaker_profile("Nobody At All") is None
    page = store.speaker_statements(abu.key, limit=1)
    assert page.items[0].articles == 2 and page.items[0].speaker_id == abu.key  # the most repeated first
    # descriptions ("the man") are speakers of one article, not listed among people
    assert all(s.kind != "unknown" for s in store.speaker_list(limit=100).items)


def test_self_citations_are_marked(store):
    reuters = store.outlet_profile("Reuters")
    assert [(c.outlet, c.self) for c in reuters.cites] == [("Reuters", True)]
    edges = store.citation_graph()
    assert [e.self for e in edges if e.citing == "Reuters" and e.cited == "Reuters"] == [True]
    assert not any(e.self for e in edges if e.citing != e.cited)


def test_search_filters_and_bounds(store):
    hits = store.search_statements("crusader")
    assert any("Crusaders" in h.text for h in hits.items)
    assert store.search_articles("Crusaders", outlet="Breitbart").total == 1
    assert store.search_articles("Crusaders", since="2020-01-01").total == 0
    with pytest.raises(BadQuery):
        store.search_statements("x" * 201)
    with pytest.raises(BadQuery):
        store.search_statements("...")
    with pytest.raises(BadQuery):
        store.search_articles("a", since="March 2019")
    with pytest.raises(BadQuery):
        store.story_list(limit=MAX_PAGE + 1)
    with pytest.raises(BadQuery):
        store.story_list(cursor="%%%")
    with pytest.raises(BadQuery):
        store.story_list(cursor=encode_cursor("only one value"))


def test_readonly_store_refuses_writes_and_foreign_files(web_run, tmp_path):
    with Store(web_run / "newstrace.db", readonly=True) as s, pytest.raises(sqlite3.OperationalError):
        s.db.execute("DELETE FROM articles")
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", readonly=True)
    (tmp_path / "junk.db").write_bytes(b"not sqlite" * 200)
    with pytest.raises(StoreError, match="not a newstrace database"):
        Store(tmp_path / "junk.db", readonly=True)
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE t (x)")
    other.close()
    with pytest.raises(StoreError, match="not a newstrace database"):
        Store(tmp_path / "other.db", readonly=True)


def test_search_index_follows_every_write(web_run, tmp_path):
    db = copy_of(web_run, tmp_path)
    with Store(db) as s:
        linker = Linker(s)
        article = s.article("hostile-1")
        assert s.search_articles("minister").total == 1
        # the article is replaced by a new version: its old words leave the index
        changed = Article(id="hostile-1", text="The mayor said \"the bridge stays shut\" on Friday.",
                          title="Bridge", order=article.order, fingerprint="changed")
        linker.add(changed, [], [], "test")
        assert s.search_articles("minister").total == 0
        assert s.search_articles("bridge").total == 1
        # relinking rewrites every statement: the statement index stays whole
        before = {h.id for h in s.search_statements("Crusaders").items}
        linker.rebuild()
        s.db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        s.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        after = {h.id for h in s.search_statements("Crusaders").items}
        assert len(after) == len(before) > 0


def test_a_database_made_before_the_search_index_gets_one(web_run, tmp_path):
    db = copy_of(web_run, tmp_path)
    con = sqlite3.connect(db)
    for name in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update",
                 "statements_fts_insert", "statements_fts_delete", "statements_fts_update"):
        con.execute(f"DROP TRIGGER {name}")
    con.execute("DROP TABLE articles_fts")
    con.execute("DROP TABLE statements_fts")
    con.execute("DROP TABLE runs")
    con.execute("DELETE FROM meta WHERE key='search_index'")
    con.commit()
    con.close()
    from newstrace.serve import prepare

    assert prepare(db) is None  # serve brings it up to date before it serves
    with Store(db, readonly=True) as s:
        assert s.search_articles("Crusaders").total == 2
        assert s.runs() == []


def test_each_run_records_its_figures(tmp_path):
    report = newstrace.run(SEEDS, out=tmp_path, settings=newstrace.Settings(workers=1))
    newstrace.run(SEEDS, out=tmp_path, settings=newstrace.Settings(workers=1))
    with Store(report.database, readonly=True) as s:
        second, first = s.runs()
    assert (first.added, first.failed, second.added, second.unchanged) == (2, 0, 0, 2)
    assert first.seconds > 0 and first.articles_per_second > 0 and first.input == str(SEEDS)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Articles per second" in html


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_search_text_is_a_valid_query_or_a_bad_query(text):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('rise against the Crusaders')")
    try:
        query = fts_query(text)
    except BadQuery:
        return
    db.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()  # never an FTS5 syntax error


def test_static_report_is_split_beyond_its_size_and_escaped(web_run, tmp_path, monkeypatch):
    monkeypatch.setattr(report_html, "SINGLE_FILE", 1)
    monkeypatch.setattr(report_html, "PAGE_ARTICLES", 1)
    with Store(web_run / "newstrace.db", readonly=True) as s:
        report_html.write_html(s, tmp_path / "report.html")
        stories = s.totals()["stories"]
    front = (tmp_path / "report.html").read_text(encoding="utf-8")
    pages = sorted((tmp_path / "report-files").glob("stories-*.html"))
    assert len(pages) == stories >= 2
    assert "report-files/stories-0001.html" in front
    everything = front + "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "<script" not in everything and 'href="javascript:' not in everything
    assert "&lt;script&gt;document.title" in everything
    # a repeated statement's trail names each article by title and date, not "Breitbart; Breitbart"
    assert "Crumbling Islamic State Tells Jihadists" in front and "first seen" in front
    assert "<h3 id=\"self-citations\">Self-citations</h3>" in front
    # a smaller run of the same folder: one file again, the pages removed
    monkeypatch.setattr(report_html, "SINGLE_FILE", 300)
    with Store(web_run / "newstrace.db", readonly=True) as s:
        report_html.write_html(s, tmp_path / "report.html")
    assert not (tmp_path / "report-files").exists()
    single = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'id="article-hostile-1"' in single and "Self-citations" in single


def test_run_figures_record(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.record_run(RunFigures("2026-01-01T00:00:00+00:00", "2026-01-01T00:00:04+00:00", 4.0, added=10, failed=1))
        (run,) = s.runs()
    assert (run.articles_per_second, run.failed) == (2.5, 1)
