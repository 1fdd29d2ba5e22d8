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

import hashlib
import json
import os
import sqlite3
import time
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from newstrace.errors import StoreError
from newstrace.outlets import outlet_kind
from newstrace.queries import _SELF, Queries, _spans
from newstrace.records import (
    Article, Attribution, Citation, Mention, OutletEdge, RunFigures, Speaker, Statement, Story,
)

# 2: speakers across the store, statements at the grain of the repeated words, story vectors,
# search, runs; 3: per-statement speaker counts, trigram postings by size, attributions of
# several statements. A store of an older version is brought up to date and relinked by
# its next run (the new tables are filled only by linking)
SCHEMA_VERSION = 3

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
    score REAL NOT NULL,
    speaker_id TEXT,  -- the speaker across the store (link/speakers.py)
    speaker_rule TEXT  -- the speaker rule that decided speaker (newstrace.extract.speakers.registry)
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
    shingles INTEGER NOT NULL DEFAULT 0,  -- wordings in its family (statement_nodes)
    text_node INTEGER                     -- the wording (statement_nodes) its text is from
);

-- Linker indexes: the statement index's wordings, fragments and passages (link/statements.py),
-- MinHash bands of articles, term weights of stories. Derived data: `newstrace run
-- --relink` rebuilds them.
CREATE TABLE IF NOT EXISTS statement_nodes (  -- one per distinct wording (normalised words)
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,       -- the words, \x1f, the speaker key of a wording under 20 words
    size INTEGER NOT NULL,          -- words, elisions not counted
    weak INTEGER NOT NULL,          -- short: links only the same speaker or an unknown one
    speaker TEXT NOT NULL,          -- the speaker key in `key`
    text TEXT NOT NULL,             -- the wording as the earliest article quotes it
    text_order INTEGER NOT NULL,    -- that article's place in the input order
    ends TEXT NOT NULL,             -- words after which a sentence ends (normalize.sentence_ends)
    family INTEGER NOT NULL         -- wordings joined by edges, cut into statements together
);
CREATE INDEX IF NOT EXISTS statement_nodes_family ON statement_nodes(family);
CREATE TABLE IF NOT EXISTS statement_fragments (  -- each quoted fragment long enough to trace
    id INTEGER PRIMARY KEY,
    attribution TEXT NOT NULL,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    part INTEGER NOT NULL,          -- its place among the attribution's fragments
    start INTEGER NOT NULL, end INTEGER NOT NULL,  -- characters of the article
    node INTEGER NOT NULL,
    speaker TEXT NOT NULL           -- speaker key (statements.speaker_key)
);
CREATE INDEX IF NOT EXISTS statement_fragments_node ON statement_fragments(node);
CREATE INDEX IF NOT EXISTS statement_fragments_attribution ON statement_fragments(attribution);
CREATE INDEX IF NOT EXISTS statement_fragments_article ON statement_fragments(article);
CREATE TABLE IF NOT EXISTS statement_edges (  -- two wordings that quote one passage, a < b
    a INTEGER NOT NULL, b INTEGER NOT NULL,
    a0 INTEGER NOT NULL, a1 INTEGER NOT NULL, b0 INTEGER NOT NULL, b1 INTEGER NOT NULL,  -- the shared words
    -- keyed by b, the newer wording: a new wording's edges go in together at the end of
    -- the table, not one to a page scattered over it (no index on a: both ends of an
    -- edge are in one family, so a family's edges are found by b alone)
    PRIMARY KEY (b, a)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statement_regions (  -- which words of a wording are a mention of which statement
    -- the key's columns first: SQLite 3.40's integrity_check misreads a WITHOUT ROWID
    -- table whose key columns come after others
    node INTEGER NOT NULL, lo INTEGER NOT NULL, statement TEXT NOT NULL,
    hi INTEGER NOT NULL,
    core_lo INTEGER NOT NULL, core_hi INTEGER NOT NULL,  -- the part that matched the passage
    PRIMARY KEY (node, lo, statement)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_regions_statement ON statement_regions(statement);
CREATE TABLE IF NOT EXISTS statement_postings (  -- winnowed word trigrams -> wordings
    shingle INTEGER NOT NULL, node INTEGER NOT NULL, PRIMARY KEY (shingle, node)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statement_shingle_df (  -- wordings per trigram, to skip common ones
    shingle INTEGER PRIMARY KEY, df INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS statement_grams (  -- winnowed word trigrams -> wordings, shortest first
    shingle INTEGER NOT NULL, size INTEGER NOT NULL, node INTEGER NOT NULL, PRIMARY KEY (shingle, size, node)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statement_speakers (  -- per statement and speaker string: fragments quoted, the earliest
    statement TEXT NOT NULL, speaker TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    first TEXT NOT NULL,            -- sort key of the earliest (published, input order, attribution)
    first_article TEXT NOT NULL,
    PRIMARY KEY (statement, speaker)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statement_families (  -- families whose cut joined the halves of a split quotation
    family INTEGER PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS statement_shared (  -- attributions whose fragments hold several statements
    attribution TEXT NOT NULL, statement TEXT NOT NULL, PRIMARY KEY (attribution, statement)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_shared_statement ON statement_shared(statement);

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
    first_published TEXT, last_published TEXT,
    anchor TEXT,          -- earliest article by (published, id): the story's id is made from it
    label_article TEXT    -- the most central article seen, whose headline is the label
);
CREATE TABLE IF NOT EXISTS story_terms (
    story TEXT NOT NULL, term TEXT NOT NULL, weight REAL NOT NULL,
    first_day TEXT, last_day TEXT,  -- the story's first and last publication day (NULL: undated)
    PRIMARY KEY (story, term)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_terms_term ON story_terms(term);
CREATE TABLE IF NOT EXISTS article_terms (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    term TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (article, term)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
-- the story stage's vectors: each article's term counts and unit vectors by field, each
-- story's summed vectors (JSON objects, see link/stories.py)
CREATE TABLE IF NOT EXISTS story_article_vectors (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    counts TEXT NOT NULL, vector TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_vectors (story TEXT PRIMARY KEY, sums TEXT NOT NULL);

-- Speakers across the store (link/speakers.py): persons and organisations with every
-- name they were given, and `unknown` speakers confined to one article (`scope`).
CREATE TABLE IF NOT EXISTS speakers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'unknown')),
    key TEXT,                   -- person: surname, organisation: its name key, unknown: description
    first TEXT, middle TEXT, suffix TEXT,
    scope TEXT,                 -- unknown: the article it belongs to
    male INTEGER NOT NULL DEFAULT 0, female INTEGER NOT NULL DEFAULT 0,  -- votes, one per article
    republican INTEGER NOT NULL DEFAULT 0, democrat INTEGER NOT NULL DEFAULT 0,
    attributions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS speakers_key ON speakers(kind, key);
CREATE INDEX IF NOT EXISTS speakers_first ON speakers(first);
CREATE INDEX IF NOT EXISTS speakers_scope ON speakers(scope);
CREATE TABLE IF NOT EXISTS speaker_aliases (
    speaker TEXT NOT NULL, alias TEXT NOT NULL, count INTEGER NOT NULL,
    full INTEGER NOT NULL DEFAULT 1,  -- 0: a bare surname, not a full name
    PRIMARY KEY (speaker, alias)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS speaker_context (
    speaker TEXT NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (speaker, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS speaker_name_df (name TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;

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
CREATE INDEX IF NOT EXISTS speakers_name ON speakers(name, id);
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


# Columns and indexes that stores made by older code of this schema version lack: added on
# open (fixed names and types)
_ADDED_COLUMNS = (
    # speakers' ids came after schema 2's first stores: the column now, the ids at the next relink
    ("attributions", {"speaker_id": "TEXT", "speaker_rule": "TEXT"}),
    ("stories", {"anchor": "TEXT", "label_article": "TEXT"}),
    ("articles", {"file": "TEXT"}),
    # a store made before statements had wordings: the column now, the wordings at the next relink
    ("statements", {"text_node": "INTEGER"}),
    # candidate stories by term within a time window (link/stories.py)
    ("story_terms", {"first_day": "TEXT", "last_day": "TEXT"}),
)
_ADDED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS attributions_speaker_id ON attributions(speaker_id)",
    "CREATE INDEX IF NOT EXISTS story_terms_term_day ON story_terms(term, last_day)",
    # a speaker's page reads only this index: their statements, articles and how they were
    # written (after the columns: older stores get speaker_id first)
    "CREATE INDEX IF NOT EXISTS attributions_speaker_id_statement"
    " ON attributions(speaker_id, statement, article, speaker_mention)",
)
# What a store is brought up to on open, in one word: a store stamped with it is up to date
# and opens without the write lock (a second process opening it, a reader, a run beside a
# run, does not wait for a writer)
MIGRATION = hashlib.sha256(
    repr((SCHEMA_VERSION, SCHEMA, SEARCH_SCHEMA, _ADDED_COLUMNS, _ADDED_INDEXES)).encode()).hexdigest()[:16]


# WAL pages (4 KiB each) after which a commit copies the WAL into the database: 64 MiB
WAL_CHECKPOINT_PAGES = 16384

# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def _spans_json(spans) -> str:
    """``json.dumps(spans)`` of a list of [start, end] pairs, written directly (three for
    each attribution stored); anything else through ``json.dumps``.

    >>> _spans_json([(3, 10), [12, 20]]), _spans_json([]), _spans_json([(True, 2)])
    ('[[3, 10], [12, 20]]', '[]', '[[true, 2]]')
    """
    if type(spans) not in (list, tuple):
        return json.dumps(spans)
    parts = []
    for pair in spans:
        if type(pair) not in (list, tuple) or len(pair) != 2 or type(pair[0]) is not int or type(pair[1]) is not int:
            return json.dumps(spans)
        parts.append(f"[{pair[0]}, {pair[1]}]")
    return "[" + ", ".join(parts) + "]"


def now() -> str:
    """The time now, UTC, to the second (ISO 8601): what the store records."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store(Queries):
    """The newstrace database. Safe to open again on a file a killed run left behind.

    ``readonly=True`` opens an existing database for reading only (the web app): nothing
    is created or migrated, and a missing or foreign file is a StoreError.
    """

    def __init__(self, path: str | Path, timeout: float = 30, readonly: bool = False,
                 check_same_thread: bool = True):
        """``timeout``: how long to wait, in seconds, for another process that is writing."""
        self.path = str(path)
        self.timeout = timeout
        self.readonly = readonly
        if readonly:
            self.db = self._open_readonly(check_same_thread)
            return
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves (see transaction()).
            # cached_statements: the linker's IN lists of every length are each a statement
            # of their own; 128 (the default) lets them push the fixed ones out of the cache
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=timeout, cached_statements=1024)
        except sqlite3.Error as e:
            raise self.trouble(e) from e
        self.db.row_factory = sqlite3.Row
        try:
            self._journal_mode_wal()
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # the WAL is copied into the database (and both synced) when it passes 64 MiB,
            # not SQLite's 4 MiB: an article's commit writes ~150 pages of index leaves
            # scattered over a large store, so at 4 MiB a checkpoint (two fsyncs, every page
            # written again) came every six or so articles. Committed transactions are in the
            # WAL either way: a killed run loses none of them, and the next open recovers them
            self.db.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            # up to 256 MiB of pages (SQLite's default is 2 MiB): the linker's indexes of a
            # store of a million mentions are read at random, each page again and again
            self.db.execute("PRAGMA cache_size=-262144")
            self._migrate()
        except sqlite3.Error as e:
            self.db.close()
            raise self.trouble(e) from e

    def _journal_mode_wal(self) -> None:
        """WAL mode, waiting as other writes do: SQLite answers "locked" at once, without
        its busy wait, while another process is turning a new database to WAL (two runs
        started together into one new --out)."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as e:
                if getattr(e, "sqlite_errorcode", 0) & 0xFF not in (_BUSY, _LOCKED) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

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
        version = SCHEMA_VERSION
        if found:
            stamps = dict(self.db.execute(
                "SELECT key, value FROM meta WHERE key IN ('schema_version', 'migration', 'search_index')"))
            version = int(stamps.get("schema_version", 0))
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: schema version {version} is newer than this newstrace "
                    f"({SCHEMA_VERSION}); upgrade newstrace"
                )
            if version == SCHEMA_VERSION and stamps.get("migration") == MIGRATION and "search_index" in stamps:
                return  # up to date: nothing to write, so no write lock to wait for
        with self.transaction():
            if version < SCHEMA_VERSION and self.db.execute(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='articles'").fetchone() \
                    and self.db.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
                # links made by an older linker (no speaker ids, other statements and stories):
                # the next run links everything again, in the same transaction as the upgrade
                self.set_relink_pending(True)
            self._rekey_edges()
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            for table, columns in _ADDED_COLUMNS:
                self._add_columns(table, columns)
            for statement in _ADDED_INDEXES:
                self.db.execute(statement)
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (str(SCHEMA_VERSION),),
            )
            self._migrate_search()
            self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('migration', ?)", (MIGRATION,))

    def _rekey_edges(self) -> None:
        """A store whose ``statement_edges`` is keyed (a, b) with an index on b (before
        2026-12-08): the same rows, keyed (b, a) without the index (in the transaction of
        the migration)."""
        row = self.db.execute(
            "SELECT sql FROM sqlite_master WHERE type='table' AND name='statement_edges'").fetchone()
        if row is None or "PRIMARY KEY (a, b)" not in row[0]:
            return
        self.db.execute("ALTER TABLE statement_edges RENAME TO statement_edges_old")
        self.db.execute(next(part for part in SCHEMA.split(";") if "TABLE IF NOT EXISTS statement_edges" in part))
        self.db.execute("INSERT INTO statement_edges(a, b, a0, a1, b0, b1)"
                        " SELECT a, b, a0, a1, b0, b1 FROM statement_edges_old ORDER BY b, a")
        self.db.execute("DROP TABLE statement_edges_old")  # and its index on b

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
            db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=self.timeout,
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

    def _add_columns(self, table: str, columns: dict[str, str]) -> None:
        """Columns a store made by an older newstrace lacks (fixed names and types)."""
        have = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
        for name, kind in columns.items():
            if name not in have:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")

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
                    article.text, article.duplicate_of, None, extractor, now(), article.file,
                ),
            )
            db.executemany(
                "INSERT INTO attributions(id, article, kind, source, cue, content, content_text,"
                " speaker, speaker_mention, statement, score, speaker_id, speaker_rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        a.id, a.article, a.kind, _spans_json(a.source), _spans_json(a.cue),
                        _spans_json(a.content), a.content_text, a.speaker, a.speaker_mention,
                        a.statement, a.score, a.speaker_id, a.speaker_rule,
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

    def ids_without_story(self) -> list[str]:
        """The ids of stored articles not yet in a story (a run places them when it ends),
        in publication order where it is known, else input order."""
        return [row[0] for row in self.db.execute(
            "SELECT id FROM articles WHERE story IS NULL ORDER BY published IS NULL, published, ord, id")]

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    # --- attributions and citations ---------------------------------------------

    def attributions(self, article: str | None = None, statement: str | None = None,
                     speaker: str | None = None) -> Iterator[Attribution]:
        """Attributions in article order (optionally of one article, statement or speaker id)."""
        query, args = "SELECT * FROM attributions", ()
        if article is not None:
            query, args = query + " WHERE article=?", (article,)
        elif statement is not None:
            query, args = query + " WHERE statement=?", (statement,)
        elif speaker is not None:
            query, args = query + " WHERE speaker_id=?", (speaker,)
        # attribution ids end in a running number: order by article, then by position
        for row in self.db.execute(query + " ORDER BY article, CAST(substr(id, instr(id, '#a') + 2) AS INTEGER)", args):
            yield Attribution(
                id=row["id"], article=row["article"], kind=row["kind"],
                source=_spans(row["source"]), cue=_spans(row["cue"]), content=_spans(row["content"]),
                content_text=row["content_text"], speaker=row["speaker"],
                speaker_mention=row["speaker_mention"], statement=row["statement"], score=row["score"],
                speaker_id=row["speaker_id"], speaker_rule=row["speaker_rule"],
            )

    def attributions_by_speaker(self) -> dict[str, list[str]]:
        """Each speaker id's attribution ids, in the order of ``attributions()``."""
        said: dict[str, list[str]] = {}
        for speaker_id, attribution in self.db.execute(
                "SELECT speaker_id, id FROM attributions WHERE speaker_id IS NOT NULL"
                " ORDER BY article, CAST(substr(id, instr(id, '#a') + 2) AS INTEGER)"):
            said.setdefault(speaker_id, []).append(attribution)
        return said

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

    def statements(self, mentions: bool = True) -> Iterator[Statement]:
        """Statements with their mentions, mentions in order of first appearance
        (``mentions=False``: without them, for a reader that takes them from the trail)."""
        for row in self.db.execute("SELECT * FROM statements ORDER BY id"):
            yield self._statement(row) if mentions else Statement(
                id=row["id"], text=row["text"], speaker=row["speaker"], mentions=[], first_seen=row["first_seen"])

    def statement(self, statement_id: str) -> Statement | None:
        row = self.db.execute("SELECT * FROM statements WHERE id=?", (statement_id,)).fetchone()
        return self._statement(row) if row else None

    def _statement(self, row: sqlite3.Row) -> Statement:
        # every attribution that holds the statement, in a fragment of its own or as a
        # part of a longer quotation
        mentions = [
            Mention(article=m["article"], attribution=m["attribution"])
            for m in self.db.execute(
                "SELECT DISTINCT f.attribution, f.article, r.published, r.ord FROM statement_regions g"
                " JOIN statement_fragments f ON f.node = g.node JOIN articles r ON r.id = f.article"
                " WHERE g.statement=? ORDER BY r.published IS NULL, r.published, r.ord, f.attribution",
                (row["id"],),
            )
        ]
        return Statement(
            id=row["id"], text=row["text"], speaker=row["speaker"],
            mentions=mentions, first_seen=row["first_seen"],
        )

    def statement_trail(self, statement_id: str) -> list[dict]:
        """How a statement spread: each mention in order of publication (then input
        order), with its article, outlet and time, the quoted fragment's span and the
        words of it that are this statement's (``words``: [lo, hi) of its normalised
        words; ``normalize.mention_span`` turns them into characters), ``copy_of`` (the
        article a wire copy repeats: not an independent repeat), ``first`` (the first
        appearance) and ``via`` (an outlet the article cites that had quoted the statement
        before it, as in "as first reported by the Times").

        >>> Store(":memory:").statement_trail("s0")
        []
        """
        rows = self.db.execute(
            "SELECT f.attribution, f.article, f.part, f.start, f.end, g.lo, g.hi, r.outlet, r.published, r.ord,"
            " r.duplicate_of FROM statement_regions g JOIN statement_fragments f ON f.node = g.node"
            " JOIN articles r ON r.id = f.article WHERE g.statement=?"
            " ORDER BY r.published IS NULL, r.published, r.ord, f.attribution, f.part", (statement_id,)).fetchall()
        cited: dict[str, set[str]] = {}
        for chunk in range(0, len(rows), 500):
            articles = sorted({r["article"] for r in rows[chunk:chunk + 500]})
            for article, outlet in self.db.execute(
                    f"SELECT article, outlet FROM citations WHERE kind='media' AND article IN"
                    f" ({','.join('?' * len(articles))})", articles):
                cited.setdefault(article, set()).add(outlet)
        trail, earlier = [], set()
        for n, r in enumerate(rows):
            via = sorted(cited.get(r["article"], set()) & earlier - {r["outlet"]})
            trail.append({
                "article": r["article"], "attribution": r["attribution"], "outlet": r["outlet"],
                "published": r["published"], "fragment": [r["start"], r["end"]], "words": [r["lo"], r["hi"]],
                "copy_of": r["duplicate_of"], "first": n == 0, "via": via[0] if via else None,
            })
            if r["outlet"]:
                earlier.add(r["outlet"])
        return trail

    def attribution_mentions(self, article_id: str) -> dict[str, list[tuple[str, int, int, int, int]]]:
        """The statements each attribution of an article holds: (statement, fragment start,
        fragment end, lo, hi), where [lo, hi) are the fragment's normalised words that are
        that statement's (``normalize.mention_span`` gives their characters)."""
        out: dict[str, list[tuple[str, int, int, int, int]]] = {}
        for attribution, statement, start, end, lo, hi in self.db.execute(
                "SELECT f.attribution, g.statement, f.start, f.end, g.lo, g.hi FROM statement_fragments f"
                " JOIN statement_regions g ON g.node = f.node WHERE f.article=? ORDER BY f.attribution, f.part, g.lo",
                (article_id,)):
            out.setdefault(attribution, []).append((statement, start, end, lo, hi))
        return out

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

    # --- speakers and the outlet graph --------------------------------------------

    def speakers(self, kind: str | None = None) -> Iterator[Speaker]:
        """Speakers across the store (optionally of one kind: person, organisation,
        unknown), most quoted first; aliases most used first."""
        query, args = "SELECT id, name, kind, attributions FROM speakers", ()
        if kind is not None:
            query, args = query + " WHERE kind=?", (kind,)
        aliases: dict[str, list[str]] = {}
        for speaker, alias in self.db.execute(
                "SELECT speaker, alias FROM speaker_aliases WHERE count > 0"
                " ORDER BY speaker, count DESC, length(alias) DESC, alias"):
            aliases.setdefault(speaker, []).append(alias)
        for row in self.db.execute(query + " ORDER BY attributions DESC, name, id", args).fetchall():
            yield Speaker(id=row[0], name=row[1], kind=row[2], aliases=aliases.get(row[0], []),
                          attributions=row[3])

    def speaker(self, speaker_id: str) -> Speaker | None:
        row = self.db.execute("SELECT id, name, kind, attributions FROM speakers WHERE id=?",
                              (speaker_id,)).fetchone()
        if row is None:
            return None
        aliases = [r[0] for r in self.db.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker=? AND count > 0"
            " ORDER BY count DESC, length(alias) DESC, alias", (speaker_id,))]
        return Speaker(id=row[0], name=row[1], kind=row[2], aliases=aliases, attributions=row[3])

    def outlet_graph(self, self_citations: bool = True) -> list[OutletEdge]:
        """Who cites whom: one edge per (citing outlet, cited outlet, self-citation or not),
        most citing articles first. A citation is a self-citation when extraction says so
        (kind ``self``: an outlet's own programme) or when it names the citing article's own
        outlet. Articles without an outlet cite from nowhere and are left out.

        >>> Store(":memory:").outlet_graph()
        []
        """
        edges: dict[tuple[str, str, bool], OutletEdge] = {}
        # the web pages' rule (queries._SELF), so that exports and pages count the same edges
        for source, target, own, article in self.db.execute(
                f"SELECT r.outlet, c.outlet, {_SELF}, c.article FROM citations c JOIN articles r ON r.id = c.article"
                " WHERE r.outlet IS NOT NULL AND r.outlet != '' ORDER BY r.ord, r.id, c.start"):
            own = bool(own)
            if own and not self_citations:
                continue
            edge = edges.get((source, target, own))
            if edge is None:
                edge = edges[(source, target, own)] = OutletEdge(
                    source=source, target=target, self_citation=own, citations=0, kind=outlet_kind(target))
            edge.citations += 1
            if not edge.articles or edge.articles[-1] != article:
                edge.articles.append(article)
        return sorted(edges.values(), key=lambda e: (-len(e.articles), -e.citations, e.source, e.target))

    def outlets(self) -> list[tuple[str, int]]:
        """Outlets that published stored articles, with how many, most first."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL AND outlet != ''"
            " GROUP BY outlet ORDER BY COUNT(*) DESC, outlet")]

    # --- failures ---------------------------------------------------------------

    def record_failure(self, origin: str, reason: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO failures(origin, reason, at) VALUES (?,?,?)"
                " ON CONFLICT(origin) DO UPDATE SET reason=excluded.reason, at=excluded.at",
                (origin, reason, now()),
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

    _TABLES = {"articles", "attributions", "citations", "statements", "stories", "failures", "speakers", "runs"}

    def count(self, table: str) -> int:
        if table not in self._TABLES:  # table names cannot be bound parameters
            raise ValueError(f"unknown table {table!r}")
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
