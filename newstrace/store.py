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
import os
import sqlite3
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from newstrace.errors import StoreError
from newstrace.records import Article, Attribution, Citation, Mention, Statement, Story

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
    added TEXT NOT NULL,
    file TEXT  -- absolute path of the file it was read from (Article.file)
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
"""


# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _spans(value: str) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in json.loads(value)]


class Store:
    """The newstrace database. Safe to open again on a file a killed run left behind."""

    def __init__(self, path: str | Path, timeout: float = 30):
        """``timeout``: how long to wait, in seconds, for another process that is writing."""
        self.path = str(path)
        self.timeout = timeout
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves (see transaction()).
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
        except sqlite3.Error as e:
            raise self.trouble(e) from e
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as e:
            self.db.close()
            raise self.trouble(e) from e

    RESUME = "every article stored before is kept: run the same command again to resume"

    def trouble(self, error: sqlite3.Error) -> StoreError:
        """A StoreError that says what went wrong with this database, in words a user can
        act on: locked, read-only, disk full, not a newstrace database."""
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF  # the primary result code
        text = str(error)
        if code in (_BUSY, _LOCKED) or "locked" in text:
            return StoreError(f"{self.path}: the database is locked by another process (waited "
                              f"{self.timeout:g} s); run again when that process is done")
        if code == _READONLY or (code == _CANTOPEN and self._read_only()):
            return StoreError(f"{self.path}: the database is read-only ({text}); newstrace writes to it: "
                              "make it writable, or copy it and pass the copy with --db")
        if code == _CANTOPEN:
            return StoreError(f"{self.path}: cannot open the database ({text})")
        if code == _FULL:
            return StoreError(f"could not write {self.path}: the disk is full ({text}); {self.RESUME}")
        if code == _IOERR:
            return StoreError(f"could not write {self.path}: {text} (a full disk or a file size limit?); "
                              f"{self.RESUME}")
        if code in (_NOTADB, _CORRUPT):
            return StoreError(f"{self.path}: not a newstrace database ({text})")
        return StoreError(f"{self.path}: database error ({text}); {self.RESUME}")

    def _read_only(self) -> bool:
        folder = os.path.dirname(os.path.abspath(self.path))
        return not os.access(folder, os.W_OK) or (os.path.exists(self.path) and not os.access(self.path, os.W_OK))

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
            if "file" not in {r[1] for r in self.db.execute("PRAGMA table_info(articles)")}:
                self.db.execute("ALTER TABLE articles ADD COLUMN file TEXT")
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (str(SCHEMA_VERSION),),
            )

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
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:  # a failed COMMIT (disk full) leaves it open
                with suppress(sqlite3.Error):  # the first error says what went wrong
                    self.db.execute("ROLLBACK")
            raise

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Reads that all see the database as of one moment, while other processes go on
        writing (WAL): exports whose files agree with each other."""
        if self.db.in_transaction:
            yield self.db
            return
        self.db.execute("BEGIN")  # deferred: the first read fixes the snapshot
        try:
            yield self.db
        finally:
            with suppress(sqlite3.Error):
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

    def file_of(self, article_id: str) -> str | None:
        """The file a stored article was read from (None when unknown: a JSONL record of
        an older store)."""
        row = self.db.execute("SELECT file FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def next_order(self) -> int:
        row = self.db.execute("SELECT COALESCE(MAX(ord) + 1, 0) FROM articles").fetchone()
        return int(row[0])

    def order_for(self, article_id: str) -> int:
        """The input-order place of an article about to be stored: its own when it is
        stored already (another run may have stored it meanwhile), else after every stored
        article. Call it in the transaction that stores the article, so that two runs at
        once never hand out one place twice."""
        row = self.db.execute("SELECT ord FROM articles WHERE id=?", (article_id,)).fetchone()
        return int(row[0]) if row else self.next_order()

    def relink_pending(self) -> bool:
        """Whether articles were read again by another extractor since the last relink."""
        return self.db.execute("SELECT 1 FROM meta WHERE key='relink_pending'").fetchone() is not None

    def set_relink_pending(self, pending: bool) -> None:
        """Record (or clear) a pending relink; in the transaction of the change it is for."""
        if pending:
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('relink_pending', '1')")
        else:
            self.db.execute("DELETE FROM meta WHERE key='relink_pending'")

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
                " fingerprint, text, duplicate_of, story, extractor, added, file)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id, article.url, article.outlet, article.title, article.published,
                    article.author, article.origin, article.order, article.fingerprint,
                    article.text, article.duplicate_of, None, extractor, _now(), article.file,
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
            duplicate_of=row["duplicate_of"], file=row["file"],
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

    # --- counts -----------------------------------------------------------------

    _TABLES = {"articles", "attributions", "citations", "statements", "stories", "failures"}

    def count(self, table: str) -> int:
        if table not in self._TABLES:  # table names cannot be bound parameters
            raise ValueError(f"unknown table {table!r}")
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
