"""The embedded store: one SQLite file (WAL, foreign keys, one transaction per article).

Everything newstrace knows lives here: articles, attributions, citations, statements,
stories, and the indexes the linker keeps to add articles incrementally. A run commits
each article together with its attributions, citations and links, so a run killed
midway leaves only whole articles behind and the next run picks up where it stopped.

>>> store = Store(":memory:")
>>> store.count("articles")
0
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from newstrace.errors import StoreError
from newstrace.queries import Queries
from newstrace.records import Article, Attribution, Citation, Mention, RunFigures, Statement, Story

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    url TEXT, outlet TEXT, title TEXT, published TEXT, author TEXT, origin TEXT,
    ord INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    text TEXT NOT NULL,
    duplicate_of TEXT,
    story TEXT,
    extractor TEXT NOT NULL,
    added TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles(fingerprint);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);

CREATE TABLE IF NOT EXISTS attributions (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    source TEXT NOT NULL, cue TEXT NOT NULL, content TEXT NOT NULL,  -- JSON [[s, e], ...]
    content_text TEXT NOT NULL,
    speaker TEXT, speaker_mention TEXT,
    statement TEXT,
    score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS attributions_article ON attributions(article);
CREATE INDEX IF NOT EXISTS attributions_statement ON attributions(statement);
CREATE INDEX IF NOT EXISTS attributions_speaker ON attributions(speaker);

CREATE TABLE IF NOT EXISTS citations (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    outlet TEXT NOT NULL, cue TEXT NOT NULL, kind TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    PRIMARY KEY (article, start, end)
);
CREATE INDEX IF NOT EXISTS citations_outlet ON citations(outlet);

CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    speaker TEXT,
    first_seen TEXT,
    words INTEGER NOT NULL DEFAULT 0,     -- length of `text`, to keep the fullest wording
    shingles INTEGER NOT NULL DEFAULT 0   -- size of its shingle set in statement_shingles
);

-- Linker indexes: word-shingle postings of statements, MinHash bands of articles,
-- term weights of stories. Derived data: `newstrace run --relink` rebuilds them.
CREATE TABLE IF NOT EXISTS statement_shingles (
    shingle INTEGER NOT NULL, statement TEXT NOT NULL, PRIMARY KEY (shingle, statement)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_shingles_statement ON statement_shingles(statement);

CREATE TABLE IF NOT EXISTS article_bands (
    band INTEGER NOT NULL, article TEXT NOT NULL, PRIMARY KEY (band, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_signatures (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    first_published TEXT, last_published TEXT
);
CREATE TABLE IF NOT EXISTS story_terms (
    story TEXT NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL, PRIMARY KEY (story, term)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_terms_term ON story_terms(term);
CREATE TABLE IF NOT EXISTS article_terms (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    term TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (article, term)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS failures (
    origin TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL
);

-- What each run did and how fast, for the report and the web app.
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL, finished TEXT NOT NULL, input TEXT, model TEXT,
    added INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL,
    failed INTEGER NOT NULL, seconds REAL NOT NULL
);

-- Read side (queries.py): newest stories first, a speaker's statements, an outlet's articles by date.
CREATE INDEX IF NOT EXISTS stories_newest ON stories(COALESCE(last_published, ''), id);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements(speaker);
-- a speaker's page reads only this index: their statements, articles and the names they were given
CREATE INDEX IF NOT EXISTS attributions_speaker_statement ON attributions(speaker, statement, article, speaker_mention);
CREATE INDEX IF NOT EXISTS articles_outlet_published ON articles(outlet, COALESCE(published, ''), id);
"""

# Full-text search (SQLite FTS5) over article titles and texts and statement texts. The
# indexes hold no copy of the text (external content): triggers keep them in step with
# every write, whoever writes. Kept apart from SCHEMA, whose statements split on ";".
_FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"  # "Crusader" finds "Crusaders"
SEARCH_SCHEMA = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles',"
    f" content_rowid='rowid', tokenize='{_FTS_TOKENIZER}')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(text, content='statements',"
    f" content_rowid='rowid', tokenize='{_FTS_TOKENIZER}')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN"
    " INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);"
    " END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);"
    " INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS statements_fts_insert AFTER INSERT ON statements BEGIN"
    " INSERT INTO statements_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS statements_fts_delete AFTER DELETE ON statements BEGIN"
    " INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END",
    # the linker rewrites statements often, their text seldom
    "CREATE TRIGGER IF NOT EXISTS statements_fts_update AFTER UPDATE OF text ON statements"
    " WHEN old.text IS NOT new.text BEGIN"
    " INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " INSERT INTO statements_fts(rowid, text) VALUES (new.rowid, new.text); END",
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _spans(value: str) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in json.loads(value)]


class Store(Queries):
    """The newstrace database. Safe to open again on a file a killed run left behind.

    ``readonly=True`` opens an existing database for reading only (the web app): nothing
    is created or migrated, and a missing or foreign file is a StoreError.
    """

    def __init__(self, path: str | Path, readonly: bool = False, check_same_thread: bool = True):
        self.path = str(path)
        self.readonly = readonly
        if readonly:
            self.db = self._open_readonly(check_same_thread)
            return
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves (see transaction()).
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open database ({e})") from e
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a newstrace database ({e})") from e

    def _migrate(self) -> None:
        found = self.db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if found:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: schema version {version} is newer than this newstrace "
                    f"({SCHEMA_VERSION}); upgrade newstrace"
                )
        with self.transaction():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (str(SCHEMA_VERSION),),
            )
            self._migrate_search()

    def _migrate_search(self) -> None:
        """The search indexes and their triggers; filled once from what a database made
        before them holds (then the triggers keep them up to date)."""
        for statement in SEARCH_SCHEMA:
            self.db.execute(statement)
        if not self.db.execute("SELECT 1 FROM meta WHERE key='search_index'").fetchone():
            self.rebuild_search_index()

    def rebuild_search_index(self) -> None:
        """Index every article and statement again (after a VACUUM, which may renumber rows)."""
        with self.transaction() as db:
            db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
            db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')")
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('search_index', '1')")

    def _open_readonly(self, check_same_thread: bool) -> sqlite3.Connection:
        path = Path(self.path)
        if not path.is_file():
            raise StoreError(f"{self.path}: no such database")
        try:
            # mode=ro: SQLite itself refuses every write on this connection
            db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30,
                                 isolation_level=None, check_same_thread=check_same_thread)
            db.row_factory = sqlite3.Row
            found = db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
            row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() if found else None
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: not a newstrace database ({e})") from e
        if row is None:
            db.close()
            raise StoreError(f"{self.path}: not a newstrace database (no schema version)")
        if int(row[0]) > SCHEMA_VERSION:
            db.close()
            raise StoreError(f"{self.path}: schema version {row[0]} is newer than this newstrace "
                             f"({SCHEMA_VERSION}); upgrade newstrace")
        return db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: all of it lands, or none of it does."""
        if self.db.in_transaction:  # nested: join the outer transaction
            yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # --- articles ---------------------------------------------------------------

    def fingerprint_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT fingerprint FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    VERSION_FIELDS = ("fingerprint", "title", "url", "outlet", "published", "author")

    def version_of(self, article_id: str) -> tuple[tuple, int, str] | None:
        """What decides whether an input article changed (its text and metadata), its
        place in the input order and the extractor it was read with; None when it is not
        stored."""
        row = self.db.execute(
            f"SELECT {', '.join(self.VERSION_FIELDS)}, ord, extractor FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        return (tuple(row)[:-2], row[-2], row[-1]) if row else None

    @classmethod
    def version(cls, article: Article) -> tuple:
        return tuple(getattr(article, name) for name in cls.VERSION_FIELDS)

    def next_order(self) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(ord) + 1, 0) FROM articles").fetchone()
        return int(row[0])

    def put_article(
        self,
        article: Article,
        attributions: list[Attribution],
        citations: list[Citation],
        extractor: str,
    ) -> None:
        """Store an article with what was extracted from it, replacing an older version."""
        with self.transaction() as db:
            db.execute("DELETE FROM articles WHERE id=?", (article.id,))
            db.execute(
                "INSERT INTO articles(id, url, outlet, title, published, author, origin, ord,"
                " fingerprint, text, duplicate_of, story, extractor, added)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id, article.url, article.outlet, article.title, article.published,
                    article.author, article.origin, article.order, article.fingerprint,
                    article.text, article.duplicate_of, None, extractor, _now(),
                ),
            )
            db.executemany(
                "INSERT INTO attributions(id, article, kind, source, cue, content, content_text,"
                " speaker, speaker_mention, statement, score) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        a.id, a.article, a.kind, json.dumps(a.source), json.dumps(a.cue),
                        json.dumps(a.content), a.content_text, a.speaker, a.speaker_mention,
                        a.statement, a.score,
                    )
                    for a in attributions
                ],
            )
            db.executemany(
                "INSERT OR IGNORE INTO citations(article, outlet, cue, kind, start, end)"
                " VALUES (?,?,?,?,?,?)",
                [(c.article, c.outlet, c.cue, c.kind, c.span[0], c.span[1]) for c in citations],
            )
            db.execute("DELETE FROM failures WHERE origin=?", (article.origin or article.id,))

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def articles(self, story: str | None = None) -> Iterator[Article]:
        """Articles in input order (optionally those of one story)."""
        if story is None:
            rows = self.db.execute("SELECT * FROM articles ORDER BY ord, id")
        else:
            rows = self.db.execute("SELECT * FROM articles WHERE story=? ORDER BY ord, id", (story,))
        for row in rows:
            yield self._article(row)

    @staticmethod
    def _article(row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"], text=row["text"], title=row["title"], url=row["url"],
            outlet=row["outlet"], published=row["published"], author=row["author"],
            origin=row["origin"], order=row["ord"], fingerprint=row["fingerprint"],
            duplicate_of=row["duplicate_of"],
        )

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    # --- attributions and citations ---------------------------------------------

    def attributions(self, article: str | None = None, statement: str | None = None) -> Iterator[Attribution]:
        query, args = "SELECT * FROM attributions", ()
        if article is not None:
            query, args = query + " WHERE article=?", (article,)
        elif statement is not None:
            query, args = query + " WHERE statement=?", (statement,)
        # attribution ids end in a running number: order by article, then by position
        for row in self.db.execute(query + " ORDER BY article, CAST(substr(id, instr(id, '#a') + 2) AS INTEGER)", args):
            yield Attribution(
                id=row["id"], article=row["article"], kind=row["kind"],
                source=_spans(row["source"]), cue=_spans(row["cue"]), content=_spans(row["content"]),
                content_text=row["content_text"], speaker=row["speaker"],
                speaker_mention=row["speaker_mention"], statement=row["statement"], score=row["score"],
            )

    def citations(self, article: str | None = None) -> Iterator[Citation]:
        query, args = "SELECT * FROM citations", ()
        if article is not None:
            query, args = query + " WHERE article=?", (article,)
        for row in self.db.execute(query + " ORDER BY article, start", args):
            yield Citation(
                article=row["article"], outlet=row["outlet"], cue=row["cue"],
                span=(row["start"], row["end"]), kind=row["kind"],
            )

    # --- statements and stories -------------------------------------------------

    def statements(self) -> Iterator[Statement]:
        """Statements with their mentions, mentions in order of first appearance."""
        for row in self.db.execute("SELECT * FROM statements ORDER BY id"):
            yield self._statement(row)

    def statement(self, statement_id: str) -> Statement | None:
        row = self.db.execute("SELECT * FROM statements WHERE id=?", (statement_id,)).fetchone()
        return self._statement(row) if row else None

    def _statement(self, row: sqlite3.Row) -> Statement:
        mentions = [
            Mention(article=m["article"], attribution=m["id"])
            for m in self.db.execute(
                "SELECT a.id, a.article FROM attributions a JOIN articles r ON r.id = a.article"
                " WHERE a.statement=? ORDER BY r.published IS NULL, r.published, r.ord, a.id",
                (row["id"],),
            )
        ]
        return Statement(
            id=row["id"], text=row["text"], speaker=row["speaker"],
            mentions=mentions, first_seen=row["first_seen"],
        )

    def stories(self) -> Iterator[Story]:
        for row in self.db.execute("SELECT * FROM stories ORDER BY first_published IS NULL, first_published, id"):
            articles = [
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM articles WHERE story=? ORDER BY published IS NULL, published, ord",
                    (row["id"],),
                )
            ]
            yield Story(id=row["id"], label=row["label"], articles=articles)

    # --- failures ---------------------------------------------------------------

    def record_failure(self, origin: str, reason: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO failures(origin, reason, at) VALUES (?,?,?)"
                " ON CONFLICT(origin) DO UPDATE SET reason=excluded.reason, at=excluded.at",
                (origin, reason, _now()),
            )

    def failures(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.execute("SELECT origin, reason FROM failures ORDER BY origin")]

    # --- runs -------------------------------------------------------------------

    def record_run(self, run: RunFigures) -> None:
        """Remember what a run did (the report and the web app show it)."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO runs(started, finished, input, model, added, updated, unchanged, failed, seconds)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (run.started, run.finished, run.input, run.model, run.added, run.updated,
                 run.unchanged, run.failed, run.seconds),
            )

    # --- counts -----------------------------------------------------------------

    _TABLES = {"articles", "attributions", "citations", "statements", "stories", "failures", "runs"}

    def count(self, table: str) -> int:
        if table not in self._TABLES:  # table names cannot be bound parameters
            raise ValueError(f"unknown table {table!r}")
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
