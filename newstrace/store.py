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
from newstrace.outlets import outlet_kind
from newstrace.records import Article, Attribution, Citation, Mention, OutletEdge, Speaker, Statement, Story

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
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _spans(value: str) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in json.loads(value)]


class Store:
    """The newstrace database. Safe to open again on a file a killed run left behind."""

    def __init__(self, path: str | Path):
        self.path = str(path)
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
            # a store made before speakers had ids: the column now, the ids at the next relink
            self._add_columns("attributions", {"speaker_id": "TEXT", "speaker_rule": "TEXT"})
            self.db.execute("CREATE INDEX IF NOT EXISTS attributions_speaker_id ON attributions(speaker_id)")
            self._add_columns("stories", {"anchor": "TEXT", "label_article": "TEXT"})
            # candidate stories by term within a time window (link/stories.py)
            self._add_columns("story_terms", {"first_day": "TEXT", "last_day": "TEXT"})
            self.db.execute("CREATE INDEX IF NOT EXISTS story_terms_term_day ON story_terms(term, last_day)")
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (str(SCHEMA_VERSION),),
            )

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
                " speaker, speaker_mention, statement, score, speaker_id, speaker_rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        a.id, a.article, a.kind, json.dumps(a.source), json.dumps(a.cue),
                        json.dumps(a.content), a.content_text, a.speaker, a.speaker_mention,
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
            duplicate_of=row["duplicate_of"],
        )

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
        for source, target, kind, article in self.db.execute(
                "SELECT r.outlet, c.outlet, c.kind, c.article FROM citations c JOIN articles r ON r.id = c.article"
                " WHERE r.outlet IS NOT NULL AND r.outlet != '' ORDER BY r.ord, r.id, c.start"):
            own = kind == "self" or target == source
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
                (origin, reason, _now()),
            )

    def failures(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.execute("SELECT origin, reason FROM failures ORDER BY origin")]

    # --- counts -----------------------------------------------------------------

    _TABLES = {"articles", "attributions", "citations", "statements", "stories", "failures", "speakers"}

    def count(self, table: str) -> int:
        if table not in self._TABLES:  # table names cannot be bound parameters
            raise ValueError(f"unknown table {table!r}")
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
