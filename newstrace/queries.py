"""The store's read side for people: paged, filtered queries for the web app and the report.

``Store`` inherits these methods; they only read. Lists come a page at a time, each
item with its stable id, and a page says how to ask for the next one with an opaque
``cursor`` (``Page.next``). Page sizes are bounded by ``MAX_PAGE`` and search text by
``MAX_QUERY``; anything out of bounds is a ``BadQuery``, which the web app answers with
a 400.

Speakers are named by a *speaker key*: their id across the store (``speakers.id``,
``attributions.speaker_id``, made by link/speakers.py); in a store made before speaker ids
and not relinked since, the resolved name an attribution carries (``attributions.speaker``).

>>> from newstrace.store import Store
>>> store = Store(":memory:")
>>> store.story_list(limit=10).items
[]
>>> fts_query('rise "against the Crusaders"')
'"rise" "against the crusaders"'
"""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from newstrace.errors import NewstraceError
from newstrace.records import RunFigures

MAX_PAGE = 100  # items per page, at most
MAX_QUERY = 200  # characters of search text, at most
MAX_TERMS = 16  # words and phrases in one search
MAX_CURSOR = 200  # characters of a cursor
SEARCH_WINDOW = 1000  # search ranks the newest this-many matches (bm25 over all would grow with the store)
SPREAD_POINTS = 2000  # articles drawn on a statement's timeline, at most
OUTLET_WINDOW = 500  # whom an outlet quotes and cites is read from its latest this-many articles
CONTEXT = 320  # characters read on each side of a mention to find its sentence

# a citation of the citing article's own outlet (or marked so by the extractor) is apart
_SELF = "(c.kind = 'self' OR (r.outlet IS NOT NULL AND c.outlet = r.outlet COLLATE NOCASE))"
_NEWEST_STORY = "COALESCE(s.last_published, '')"
_TITLE = "CASE WHEN r.title IS NULL OR trim(r.title) = '' THEN substr(r.text, 1, 200) END"


class BadQuery(NewstraceError, ValueError):
    """A request the store will not run: bad cursor, page size, date or search text."""


# --- records of the read side ---------------------------------------------------


@dataclass(slots=True)
class Page:
    """One page of a list; ``next`` is the cursor of the following page (None: last)."""

    items: list
    next: str | None = None
    total: int | None = None  # when known cheaply; search gives at most SEARCH_WINDOW


@dataclass(slots=True)
class ArticleSummary:
    id: str
    title: str  # the title, or the opening words of an untitled article
    outlet: str | None
    published: str | None
    url: str | None
    story: str | None = None
    copy_of: str | None = None  # the article this one repeats (a wire copy)


@dataclass(slots=True)
class StorySummary:
    id: str
    label: str
    articles: int  # every article, copies included
    copies: int
    outlets: int
    first_published: str | None
    last_published: str | None


@dataclass(slots=True)
class StatementSummary:
    id: str
    text: str
    speaker: str | None  # the speaker's name
    first_seen: str | None  # article id of the earliest mention
    articles: int  # articles that quote it
    outlets: int
    first_published: str | None = None
    speaker_id: str | None = None  # the speaker most of its mentions name, across the store


@dataclass(slots=True)
class MentionView:
    """One mention of a statement, with the sentence it stands in."""

    attribution: str
    kind: str
    speaker: str | None
    speaker_id: str | None
    speaker_mention: str | None  # the source as the article words it ("he", "the spokesman")
    content_text: str
    article: ArticleSummary
    sentence: str  # the sentence(s) around the attribution
    sentence_start: int  # offset of ``sentence`` in the article text
    content: list[tuple[int, int]]  # spans in the article text (the quoted words)
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]


@dataclass(slots=True)
class CitationCount:
    outlet: str  # the cited outlet (or, for ``cited_by``, the citing one)
    kind: str
    articles: int
    self: bool = False  # the outlet cites itself


@dataclass(slots=True)
class CitationEdge:
    citing: str
    cited: str
    articles: int
    self: bool = False


@dataclass(slots=True)
class NameCount:
    name: str
    count: int


@dataclass(slots=True)
class SpeakerSummary:
    key: str  # the speaker key (see the module's docstring)
    name: str
    attributions: int
    kind: str | None = None  # person, organisation, unknown (a description in one article)


@dataclass(slots=True)
class SpeakerProfile:
    key: str
    name: str
    attributions: int
    statements: int
    articles: int
    names: list[NameCount] = field(default_factory=list)  # the names they were given
    written: list[NameCount] = field(default_factory=list)  # the sources as written ("he", "the militant")
    outlets: list[NameCount] = field(default_factory=list)  # who quoted them, in how many articles
    kind: str | None = None


@dataclass(slots=True)
class OutletSummary:
    name: str
    articles: int  # its own articles in the store
    citations: int  # times articles (of others or its own) cite it


@dataclass(slots=True)
class OutletProfile:
    name: str
    articles: int
    first_published: str | None
    last_published: str | None
    quotes: list[SpeakerSummary] = field(default_factory=list)  # speakers it quotes most ...
    cites: list[CitationCount] = field(default_factory=list)  # ... and media it cites, in its latest `window` articles
    cited_by: list[CitationCount] = field(default_factory=list)  # every article that cites it, by outlet
    window: int = OUTLET_WINDOW


@dataclass(slots=True)
class SearchHit:
    kind: str  # "statement" or "article"
    id: str
    text: str  # the statement, or the article title
    snippet: str  # matched words between \x02 and \x03 (marked by the caller)
    speaker: str | None = None
    outlet: str | None = None
    published: str | None = None
    articles: int | None = None  # for a statement: articles that quote it
    speaker_id: str | None = None


# --- cursors and query text -----------------------------------------------------


def encode_cursor(*values: Any) -> str:
    """An opaque cursor for the values that resume a list.

    >>> decode_cursor(encode_cursor("2019-03-18", "s1"), 2)
    ['2019-03-18', 's1']
    """
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int) -> list:
    if len(cursor) > MAX_CURSOR:
        raise BadQuery("cursor too long")
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise BadQuery("bad cursor (use the `next` value of the previous page)") from None
    if not isinstance(values, list) or len(values) != arity or not all(isinstance(v, (str, int)) for v in values):
        raise BadQuery("bad cursor (use the `next` value of the previous page)")
    return values


def _offset(cursor: str | None) -> int:
    if cursor is None:
        return 0
    (offset,) = decode_cursor(cursor, 1)
    if not isinstance(offset, int) or offset < 0:
        raise BadQuery("bad cursor")
    return offset


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise BadQuery(f"limit must be between 1 and {MAX_PAGE}")
    return limit


_PHRASE = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def fts_query(text: str) -> str:
    """An FTS5 query from what a person typed: words must all match (in any order),
    "quoted words" match as a phrase, a trailing * matches a prefix. Every term is a
    quoted FTS5 string, so no FTS5 syntax can be injected.

    >>> fts_query('Crusaders')
    '"crusaders"'
    >>> fts_query('kilomet* OR "few   kilometers"')
    '"kilomet"* "or" "few kilometers"'
    >>> fts_query('<script>alert(1)</script>')
    '"script" "alert" "1" "script"'
    """
    if len(text) > MAX_QUERY:
        raise BadQuery(f"search text longer than {MAX_QUERY} characters")
    terms = []
    for phrase, bare in _PHRASE.findall(text):
        words = _WORD.findall((phrase or bare).casefold())
        if not words:
            continue
        if phrase:
            terms.append('"' + " ".join(words) + '"')
        else:
            prefix = bare.endswith("*") and len(words) == 1
            terms.extend(f'"{w}"' for w in words)
            if prefix:
                terms[-1] += "*"
    if not terms:
        raise BadQuery("nothing to search for: give at least one word")
    if len(terms) > MAX_TERMS:
        raise BadQuery(f"more than {MAX_TERMS} words or phrases")
    return " ".join(terms)


def _day(value: str | None, name: str) -> str | None:
    """A filter date as YYYY-MM-DD, or None when not given."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise BadQuery(f"{name} must be a date like 2019-03-18")


def _spans(value: str) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in json.loads(value)]


def _marks(n: int) -> str:
    return ",".join("?" * n)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n\s*")


def sentence_around(window: str, lo: int, hi: int) -> tuple[int, int]:
    """The bounds of the sentence(s) of ``window`` that hold ``[lo, hi)``.

    >>> w = 'It rained. Bob said "we stay" on Monday. Then it stopped.'
    >>> s, e = sentence_around(w, 20, 28); w[s:e]
    'Bob said "we stay" on Monday.'
    """
    start = 0
    for m in _SENTENCE_END.finditer(window, 0, max(lo, 0)):
        start = m.end()
    m = _SENTENCE_END.search(window, max(hi, start))
    end = m.start() + len(m.group().rstrip()) if m else len(window)
    return start, end


# --- the queries ----------------------------------------------------------------


class Queries:
    """Read queries of ``Store`` (mixed in; ``self.db`` is its connection)."""

    db: sqlite3.Connection

    # stories

    def story_list(self, limit: int = 20, cursor: str | None = None, q: str | None = None) -> Page:
        """Stories, newest first (by their latest article), optionally those with an
        article that matches the search text ``q``."""
        limit = _limit(limit)
        where, args = [], []
        if cursor is not None:
            newest, story = decode_cursor(cursor, 2)
            # the first term bounds the index range; the pair settles ties
            where.append(f"{_NEWEST_STORY} <= ? AND ({_NEWEST_STORY}, s.id) < (?, ?)")
            args += [newest, newest, story]
        if q:
            where.append(
                "s.id IN (SELECT r.story FROM articles r WHERE r.rowid IN (SELECT rowid FROM articles_fts"
                f" WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT {SEARCH_WINDOW}))"
            )
            args.append(fts_query(q))
        rows = self.db.execute(
            f"SELECT s.id, s.label, s.first_published, s.last_published, {_NEWEST_STORY} AS newest FROM stories s"
            f" {'WHERE ' + ' AND '.join(where) if where else ''}"
            f" ORDER BY {_NEWEST_STORY} DESC, s.id DESC LIMIT ?",
            (*args, limit + 1),
        ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        items = self._story_summaries(rows)
        total = None if q or cursor else self.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
        return Page(items, encode_cursor(rows[-1]["newest"], rows[-1]["id"]) if more else None, total)

    def story_summary(self, story: str) -> StorySummary | None:
        rows = self.db.execute(
            "SELECT id, label, first_published, last_published FROM stories WHERE id=?", (story,)
        ).fetchall()
        found = self._story_summaries(rows)
        return found[0] if found else None

    def _story_summaries(self, rows: list[sqlite3.Row]) -> list[StorySummary]:
        if not rows:
            return []
        counts = {
            r[0]: r[1:]
            for r in self.db.execute(
                "SELECT story, COUNT(*), SUM(duplicate_of IS NOT NULL), COUNT(DISTINCT outlet) FROM articles"
                f" WHERE story IN ({_marks(len(rows))}) GROUP BY story",
                [r["id"] for r in rows],
            )
        }
        return [
            StorySummary(r["id"], r["label"], *(counts.get(r["id"]) or (0, 0, 0)),
                         first_published=r["first_published"], last_published=r["last_published"])
            for r in rows
        ]

    def story_articles(self, story: str, limit: int = 50, cursor: str | None = None) -> Page:
        """A story's articles in order of publication (undated ones last, in input order)."""
        limit, offset = _limit(limit), _offset(cursor)
        rows = self.db.execute(
            f"SELECT r.id, r.title, {_TITLE} AS opening, r.outlet, r.published, r.url, r.story, r.duplicate_of"
            " FROM articles r WHERE r.story=? ORDER BY r.published IS NULL, r.published, r.ord, r.id"
            " LIMIT ? OFFSET ?",
            (story, limit + 1, offset),
        ).fetchall()
        return self._page([self._article_summary(r) for r in rows[:limit]], len(rows) > limit, offset + limit)

    def story_outlets(self, story: str) -> list[NameCount]:
        """The outlets of a story's articles, with how many articles each."""
        return [
            NameCount(r[0] or "unknown outlet", r[1])
            for r in self.db.execute(
                "SELECT outlet, COUNT(*) n FROM articles WHERE story=? GROUP BY outlet ORDER BY n DESC, outlet",
                (story,),
            )
        ]

    def story_statements(self, story: str, limit: int = 50, cursor: str | None = None) -> Page:
        """Statements quoted in a story, those quoted by most of its articles first."""
        limit, offset = _limit(limit), _offset(cursor)
        rows = self.db.execute(
            "SELECT a.statement, COUNT(DISTINCT a.article) n FROM attributions a JOIN articles r ON r.id = a.article"
            " WHERE r.story=? AND a.statement IS NOT NULL GROUP BY a.statement ORDER BY n DESC, a.statement"
            " LIMIT ? OFFSET ?",
            (story, limit + 1, offset),
        ).fetchall()
        found = self.statement_summaries([r[0] for r in rows[:limit]])
        return self._page([found[r[0]] for r in rows[:limit] if r[0] in found], len(rows) > limit, offset + limit)

    def story_citations(self, story: str) -> list[CitationCount]:
        """The media a story's articles cite, with how many articles cite each;
        self-citations are marked."""
        return [
            CitationCount(r[0], r[1], r[2], bool(r[3]))
            for r in self.db.execute(
                f"SELECT c.outlet, MIN(c.kind), COUNT(DISTINCT c.article) n, MAX({_SELF}) FROM citations c"
                " JOIN articles r ON r.id = c.article WHERE r.story=? GROUP BY c.outlet ORDER BY n DESC, c.outlet",
                (story,),
            )
        ]

    # statements

    def statement_summaries(self, ids: Iterable[str]) -> dict[str, StatementSummary]:
        """Statements by id, with how many articles and outlets quote each."""
        ids = list(dict.fromkeys(ids))
        out: dict[str, StatementSummary] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for r in self.db.execute(
                "SELECT s.id, s.text, s.speaker, s.first_seen, COUNT(DISTINCT a.article),"
                " COUNT(DISTINCT r.outlet), MIN(r.published),"
                " (SELECT x.speaker_id FROM attributions x WHERE x.statement = s.id AND x.speaker_id IS NOT NULL"
                "  GROUP BY x.speaker_id ORDER BY COUNT(*) DESC, x.speaker_id LIMIT 1)"
                " FROM statements s JOIN attributions a ON a.statement = s.id JOIN articles r ON r.id = a.article"
                f" WHERE s.id IN ({_marks(len(chunk))}) GROUP BY s.id",
                chunk,
            ):
                out[r[0]] = StatementSummary(*r)
        return out

    def statement_summary(self, statement: str) -> StatementSummary | None:
        return self.statement_summaries([statement]).get(statement)

    def statement_mentions(self, statement: str, limit: int = 50, cursor: str | None = None) -> Page:
        """Every mention of a statement, earliest first, each with its sentence."""
        limit, offset = _limit(limit), _offset(cursor)
        rows = self.db.execute(
            "SELECT a.id AS attribution, a.kind, a.speaker, a.speaker_id, a.speaker_mention, a.content_text,"
            " a.source, a.cue,"
            f" a.content, r.id, r.title, {_TITLE} AS opening, r.outlet, r.published, r.url, r.story, r.duplicate_of"
            " FROM attributions a JOIN articles r ON r.id = a.article WHERE a.statement=?"
            " ORDER BY r.published IS NULL, r.published, r.ord, a.article,"
            " CAST(substr(a.id, instr(a.id, '#a') + 2) AS INTEGER) LIMIT ? OFFSET ?",
            (statement, limit + 1, offset),
        ).fetchall()
        items = []
        for r in rows[:limit]:
            source, cue, content = _spans(r["source"]), _spans(r["cue"]), _spans(r["content"])
            spans = source + cue + content
            lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
            begin = max(0, lo - CONTEXT)
            (window,) = self.db.execute(
                "SELECT substr(text, ?, ?) FROM articles WHERE id=?", (begin + 1, hi - begin + CONTEXT, r["id"])
            ).fetchone()
            s, e = sentence_around(window, lo - begin, hi - begin)
            items.append(MentionView(
                r["attribution"], r["kind"], r["speaker"], r["speaker_id"], r["speaker_mention"], r["content_text"],
                self._article_summary(r), window[s:e], begin + s, content, source, cue,
            ))
        return self._page(items, len(rows) > limit, offset + limit)

    def statement_spread(self, statement: str) -> list[ArticleSummary]:
        """The articles that quote a statement, earliest first (at most SPREAD_POINTS)."""
        rows = self.db.execute(
            f"SELECT DISTINCT r.id, r.title, {_TITLE} AS opening, r.outlet, r.published, r.url, r.story,"
            " r.duplicate_of, r.ord FROM attributions a JOIN articles r ON r.id = a.article WHERE a.statement=?"
            " ORDER BY r.published IS NULL, r.published, r.ord, r.id LIMIT ?",
            (statement, SPREAD_POINTS),
        ).fetchall()
        return [self._article_summary(r) for r in rows]

    def repeated_statements(self, limit: int = 100) -> list[StatementSummary]:
        """The statements quoted in most articles (at least two), most first."""
        rows = self.db.execute(
            "SELECT statement, COUNT(DISTINCT article) n FROM attributions WHERE statement IS NOT NULL"
            " GROUP BY statement HAVING n > 1 ORDER BY n DESC, statement LIMIT ?",
            (limit,),
        ).fetchall()
        found = self.statement_summaries([r[0] for r in rows])
        return [found[r[0]] for r in rows if r[0] in found]

    # speakers

    def _speaker_column(self, key: str) -> str:
        """The column of ``attributions`` that names speaker ``key``: ``speaker_id`` when
        ``key`` is a speaker's id, else ``speaker`` (a name: stores made before speaker ids,
        and links that name a speaker)."""
        try:
            found = self.db.execute("SELECT 1 FROM speakers WHERE id=?", (key,)).fetchone()
        except sqlite3.OperationalError:  # no speakers table
            found = None
        return "speaker_id" if found else "speaker"

    def _has_speaker_ids(self) -> bool:
        try:
            return self.db.execute("SELECT 1 FROM speakers LIMIT 1").fetchone() is not None
        except sqlite3.OperationalError:
            return False

    def speaker_list(self, limit: int = 50, cursor: str | None = None, q: str | None = None) -> Page:
        """Speakers (persons and organisations) in alphabetical order, with how many
        attributions each; ``q`` keeps those whose name holds it (any case)."""
        limit = _limit(limit)
        if q is not None and len(q) > MAX_QUERY:
            raise BadQuery(f"search text longer than {MAX_QUERY} characters")
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" if q else None
        if not self._has_speaker_ids():
            return self._speaker_names(limit, cursor, like)
        after = decode_cursor(cursor, 2) if cursor is not None else ["", ""]
        where, args = "kind != 'unknown' AND (name, id) > (?, ?)", [*after]
        if like:
            where += " AND name LIKE ? ESCAPE '\\'"
            args.append(like)
        rows = self.db.execute(
            f"SELECT id, name, attributions, kind FROM speakers WHERE name >= ? AND {where}"
            " ORDER BY name, id LIMIT ?",
            (after[0], *args, limit + 1),
        ).fetchall()
        items = [SpeakerSummary(*r) for r in rows[:limit]]
        more = len(rows) > limit
        return Page(items, encode_cursor(items[-1].name, items[-1].key) if more else None)

    def _speaker_names(self, limit: int, cursor: str | None, like: str | None) -> Page:
        """speaker_list of a store made before speaker ids: the resolved names."""
        after = decode_cursor(cursor, 1)[0] if cursor is not None else ""
        having, args = "", [after]
        if like:
            having = " HAVING speaker LIKE ? ESCAPE '\\'"
            args.append(like)
        rows = self.db.execute(
            "SELECT speaker, COUNT(*) FROM attributions INDEXED BY attributions_speaker"
            f" WHERE speaker > ? GROUP BY speaker{having} ORDER BY speaker LIMIT ?",
            (*args, limit + 1),
        ).fetchall()
        items = [SpeakerSummary(r[0], r[0], r[1]) for r in rows[:limit]]
        return Page(items, encode_cursor(items[-1].key) if len(rows) > limit else None)

    def speaker_profile(self, key: str) -> SpeakerProfile | None:
        """A speaker: how often quoted, the names they were given, how articles wrote
        them, who quoted them."""
        column = self._speaker_column(key)
        (attributions,) = self.db.execute(f"SELECT COUNT(*) FROM attributions WHERE {column}=?", (key,)).fetchone()
        if not attributions:
            return None
        # DISTINCT over the (speaker, statement, ...) index streams; COUNT(DISTINCT) would sort
        (statements,) = self.db.execute(
            "SELECT COUNT(*) FROM (SELECT DISTINCT statement FROM attributions"
            f" WHERE {column}=? AND statement IS NOT NULL)",
            (key,),
        ).fetchone()
        written = [
            NameCount(r[0], r[1])
            for r in self.db.execute(
                f"SELECT COALESCE(speaker_mention, speaker) m, COUNT(*) n FROM attributions WHERE {column}=?"
                " AND m IS NOT NULL GROUP BY m ORDER BY n DESC, m LIMIT 30",
                (key,),
            )
        ]
        outlets = [
            NameCount(r[0] or "unknown outlet", r[1])
            for r in self.db.execute(
                "SELECT outlet, COUNT(*) n FROM articles"
                f" WHERE id IN (SELECT article FROM attributions WHERE {column}=?)"
                " GROUP BY outlet ORDER BY n DESC, outlet",
                (key,),
            )
        ]
        name, kind, names = key, None, []
        if column == "speaker_id":
            name, kind = self.db.execute("SELECT name, kind FROM speakers WHERE id=?", (key,)).fetchone()
            names = [
                NameCount(r[0], r[1])
                for r in self.db.execute(
                    "SELECT alias, count FROM speaker_aliases WHERE speaker=? AND count > 0"
                    " ORDER BY count DESC, length(alias) DESC, alias LIMIT 30",
                    (key,),
                )
            ]
        return SpeakerProfile(key, name, attributions, statements, sum(o.count for o in outlets), names or
                              [NameCount(key, attributions)], written, outlets[:30], kind)

    def speaker_statements(self, key: str, limit: int = 20, cursor: str | None = None) -> Page:
        """The statements a speaker is quoted saying, the most repeated first."""
        limit, offset = _limit(limit), _offset(cursor)
        column = self._speaker_column(key)
        rows = self.db.execute(
            f"SELECT statement, COUNT(DISTINCT article) n FROM attributions WHERE {column}=?"
            " AND statement IS NOT NULL GROUP BY statement ORDER BY n DESC, statement LIMIT ? OFFSET ?",
            (key, limit + 1, offset),
        ).fetchall()
        found = self.statement_summaries([r[0] for r in rows[:limit]])
        return self._page([found[r[0]] for r in rows[:limit] if r[0] in found], len(rows) > limit, offset + limit)

    # outlets

    def outlet_list(self, limit: int = 100, cursor: str | None = None) -> Page:
        """Outlets that published articles or were cited, by name."""
        limit = _limit(limit)
        after = decode_cursor(cursor, 1)[0] if cursor is not None else ""
        rows = self.db.execute(
            "SELECT name, SUM(articles), SUM(cited) FROM ("
            " SELECT outlet AS name, COUNT(*) AS articles, 0 AS cited FROM articles"
            "  WHERE outlet IS NOT NULL AND outlet > ? GROUP BY outlet"
            " UNION ALL SELECT outlet, 0, COUNT(*) FROM citations WHERE outlet > ? GROUP BY outlet)"
            " GROUP BY name ORDER BY name LIMIT ?",
            (after, after, limit + 1),
        ).fetchall()
        items = [OutletSummary(*r) for r in rows[:limit]]
        return Page(items, encode_cursor(items[-1].name) if len(rows) > limit else None)

    def outlet_profile(self, name: str) -> OutletProfile | None:
        """An outlet: its articles, whom it quotes, whom it cites and who cites it."""
        # the dates from the ends of the (outlet, date) index, not by reading every article
        row = self.db.execute(
            "SELECT (SELECT COUNT(*) FROM articles WHERE outlet=:o),"
            " (SELECT published FROM articles WHERE outlet=:o AND COALESCE(published, '') > ''"
            "  ORDER BY COALESCE(published, ''), id LIMIT 1),"
            " (SELECT published FROM articles WHERE outlet=:o ORDER BY COALESCE(published, '') DESC, id DESC LIMIT 1)",
            {"o": name},
        ).fetchone()
        cited_by = [
            CitationCount(r[0] or "unknown outlet", r[1], r[2], bool(r[3]))
            for r in self.db.execute(
                f"SELECT r.outlet, MIN(c.kind), COUNT(DISTINCT c.article) n, MAX({_SELF}) FROM citations c"
                " JOIN articles r ON r.id = c.article WHERE c.outlet=? GROUP BY r.outlet ORDER BY n DESC, r.outlet"
                " LIMIT 100",
                (name,),
            )
        ]
        if not row[0] and not cited_by:
            return None
        latest = ("(SELECT id, outlet FROM articles WHERE outlet=? ORDER BY COALESCE(published, '') DESC, id DESC"
                  f" LIMIT {OUTLET_WINDOW}) r")
        quotes = [
            SpeakerSummary(r[0], r[1] or r[0], r[2], r[3])
            for r in self.db.execute(
                "SELECT COALESCE(a.speaker_id, a.speaker) k, MIN(COALESCE(sp.name, a.speaker)), COUNT(*) n, sp.kind"
                f" FROM {latest} CROSS JOIN attributions a ON a.article = r.id"
                " LEFT JOIN speakers sp ON sp.id = a.speaker_id"
                " WHERE a.speaker IS NOT NULL AND COALESCE(sp.kind, '') != 'unknown'"
                " GROUP BY k ORDER BY n DESC, k LIMIT 30",
                (name,),
            )
        ]
        cites = [
            CitationCount(r[0], r[1], r[2], bool(r[3]))
            for r in self.db.execute(
                f"SELECT c.outlet, MIN(c.kind), COUNT(DISTINCT c.article) n, MAX({_SELF}) FROM {latest}"
                " CROSS JOIN citations c ON c.article = r.id GROUP BY c.outlet ORDER BY n DESC, c.outlet LIMIT 100",
                (name,),
            )
        ]
        return OutletProfile(name, row[0], row[1], row[2], quotes, cites, cited_by)

    def outlet_articles(self, name: str, limit: int = 50, cursor: str | None = None) -> Page:
        """An outlet's articles, newest first."""
        limit = _limit(limit)
        where, args = "r.outlet=?", [name]
        if cursor is not None:
            published, article = decode_cursor(cursor, 2)
            where += " AND COALESCE(r.published, '') <= ? AND (COALESCE(r.published, ''), r.id) < (?, ?)"
            args += [published, published, article]
        rows = self.db.execute(
            f"SELECT r.id, r.title, {_TITLE} AS opening, r.outlet, r.published, r.url, r.story, r.duplicate_of"
            f" FROM articles r WHERE {where} ORDER BY COALESCE(r.published, '') DESC, r.id DESC LIMIT ?",
            (*args, limit + 1),
        ).fetchall()
        items = [self._article_summary(r) for r in rows[:limit]]
        more = len(rows) > limit
        return Page(items, encode_cursor(items[-1].published or "", items[-1].id) if more else None)

    def citation_graph(self, limit: int = 200) -> list[CitationEdge]:
        """Who cites whom: citing outlet -> cited outlet, in how many articles, the
        heaviest edges first; self-citations marked."""
        return [
            CitationEdge(r[0] or "unknown outlet", r[1], r[2], bool(r[3]))
            for r in self.db.execute(
                f"SELECT r.outlet, c.outlet, COUNT(DISTINCT c.article) n, MAX({_SELF}) FROM citations c"
                " JOIN articles r ON r.id = c.article GROUP BY r.outlet, c.outlet ORDER BY n DESC, r.outlet, c.outlet"
                " LIMIT ?",
                (limit,),
            )
        ]

    # articles

    def article_summary(self, article: str) -> ArticleSummary | None:
        row = self.db.execute(
            f"SELECT r.id, r.title, {_TITLE} AS opening, r.outlet, r.published, r.url, r.story, r.duplicate_of"
            " FROM articles r WHERE r.id=?",
            (article,),
        ).fetchone()
        return self._article_summary(row) if row else None

    def article_copies(self, article: str, limit: int = 100) -> list[ArticleSummary]:
        """The articles that repeat this one (its wire copies)."""
        return [
            self._article_summary(r)
            for r in self.db.execute(
                f"SELECT r.id, r.title, {_TITLE} AS opening, r.outlet, r.published, r.url, r.story, r.duplicate_of"
                " FROM articles r WHERE r.duplicate_of=? ORDER BY r.published IS NULL, r.published, r.ord LIMIT ?",
                (article, limit),
            )
        ]

    # search

    def search_statements(
        self, q: str, speaker: str | None = None, outlet: str | None = None, since: str | None = None,
        until: str | None = None, limit: int = 20, cursor: str | None = None,
    ) -> Page:
        """Statements whose words match ``q`` (see ``fts_query``), optionally by one
        speaker or quoted by one outlet or between two dates; best matches first among
        the newest SEARCH_WINDOW."""
        limit, offset, match = _limit(limit), _offset(cursor), fts_query(q)
        since, until = _day(since, "since"), _day(until, "until")
        where, args = ["statements_fts MATCH ?"], [match]
        if speaker:  # a speaker's id, or a name
            where.append("s.id IN (SELECT statement FROM attributions WHERE speaker_id = ?"
                         " UNION SELECT statement FROM attributions WHERE speaker = ?)")
            args += [speaker, speaker]
        if outlet or since or until:
            inner, inner_args = self._article_filter(outlet, since, until)
            where.append(
                "EXISTS (SELECT 1 FROM attributions a JOIN articles r ON r.id = a.article"
                f" WHERE a.statement = s.id AND {inner})"
            )
            args += inner_args
        rows = self._ranked(
            "SELECT s.rowid, s.id, bm25(statements_fts) FROM statements_fts"
            f" JOIN statements s ON s.rowid = statements_fts.rowid WHERE {' AND '.join(where)}"
            f" ORDER BY statements_fts.rowid DESC LIMIT {SEARCH_WINDOW}",
            args,
        )
        page = rows[offset : offset + limit]
        found = self.statement_summaries([r[1] for r in page])
        items = []
        for rowid, ident, _ in page:
            s = found.get(ident)
            if s is None:
                continue
            (marked,) = self.db.execute(
                "SELECT highlight(statements_fts, 0, char(2), char(3)) FROM statements_fts"
                " WHERE statements_fts MATCH ? AND rowid = ?",
                (match, rowid),
            ).fetchone() or (s.text,)
            items.append(SearchHit("statement", s.id, s.text, marked, s.speaker, None, s.first_published,
                                   s.articles, s.speaker_id))
        return self._search_page(items, rows, limit, offset)

    def search_articles(
        self, q: str, speaker: str | None = None, outlet: str | None = None, since: str | None = None,
        until: str | None = None, limit: int = 20, cursor: str | None = None,
    ) -> Page:
        """Articles whose title or text match ``q``, with the same filters as
        ``search_statements`` (``speaker``: articles that quote that speaker)."""
        limit, offset, match = _limit(limit), _offset(cursor), fts_query(q)
        since, until = _day(since, "since"), _day(until, "until")
        where, args = ["articles_fts MATCH ?"], [match]
        if outlet or since or until:
            inner, inner_args = self._article_filter(outlet, since, until)
            where.append(inner)
            args += inner_args
        if speaker:  # a speaker's id, or a name
            where.append("EXISTS (SELECT 1 FROM attributions a WHERE a.article = r.id"
                         " AND (a.speaker_id = ? OR a.speaker = ?))")
            args += [speaker, speaker]
        rows = self._ranked(
            "SELECT r.rowid, r.id, bm25(articles_fts, 5.0, 1.0) FROM articles_fts"
            f" JOIN articles r ON r.rowid = articles_fts.rowid WHERE {' AND '.join(where)}"
            f" ORDER BY articles_fts.rowid DESC LIMIT {SEARCH_WINDOW}",
            args,
        )
        items = []
        for rowid, ident, _ in rows[offset : offset + limit]:
            a = self.article_summary(ident)
            (snippet,) = self.db.execute(
                "SELECT snippet(articles_fts, 1, char(2), char(3), '…', 24) FROM articles_fts"
                " WHERE articles_fts MATCH ? AND rowid = ?",
                (match, rowid),
            ).fetchone() or ("",)
            items.append(SearchHit("article", a.id, a.title, snippet, None, a.outlet, a.published))
        return self._search_page(items, rows, limit, offset)

    @staticmethod
    def _article_filter(outlet: str | None, since: str | None, until: str | None) -> tuple[str, list]:
        where, args = [], []
        if outlet:
            where.append("r.outlet = ?")
            args.append(outlet)
        if since:
            where.append("r.published >= ?")
            args.append(since)
        if until:
            where.append("substr(r.published, 1, 10) <= ?")
            args.append(until)
        return " AND ".join(where), args

    def _ranked(self, sql: str, args: list) -> list[tuple]:
        """(rowid, id, score) of a windowed FTS query, best score (lowest bm25) first."""
        try:
            rows = self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as e:  # a query fts_query let through that FTS5 still refuses
            raise BadQuery(f"search text not understood ({e})") from None
        return sorted((tuple(r) for r in rows), key=lambda r: (r[2], -r[0]))

    @staticmethod
    def _search_page(items: list, rows: list, limit: int, offset: int) -> Page:
        more = offset + limit < len(rows)
        return Page(items, encode_cursor(offset + limit) if more else None, len(rows))

    # runs and counts

    def runs(self, limit: int = 20) -> list[RunFigures]:
        """The latest runs, newest first."""
        return [
            RunFigures(r["started"], r["finished"], r["seconds"], r["added"], r["updated"], r["unchanged"],
                       r["failed"], r["input"], r["model"])
            for r in self.db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (_limit(limit),))
        ]

    def totals(self) -> dict[str, int]:
        """How many articles, attributions, statements, citations, stories and failures."""
        return {
            name: int(self.db.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0])  # fixed names
            for name in ("articles", "attributions", "statements", "citations", "stories", "failures")
        }

    def data_version(self) -> tuple:
        """Changes whenever articles are added or replaced or a run ends (for caches)."""
        return tuple(self.db.execute(
            "SELECT (SELECT MAX(rowid) FROM articles), (SELECT MAX(id) FROM runs), (SELECT COUNT(*) FROM stories)"
        ).fetchone())

    # helpers

    @staticmethod
    def _article_summary(r: sqlite3.Row) -> ArticleSummary:
        title = r["title"] if r["title"] and r["title"].strip() else _opening(r["opening"] or "")
        return ArticleSummary(r["id"], title, r["outlet"], r["published"], r["url"], r["story"], r["duplicate_of"])

    @staticmethod
    def _page(items: list, more: bool, next_offset: int) -> Page:
        """A page of an offset-paged list; ``more``: a row past this page was fetched."""
        return Page(items, encode_cursor(next_offset) if more else None)


def _opening(text: str) -> str:
    opening = " ".join(text.split())
    return opening[:90] + ("…" if len(opening) > 90 else "")
