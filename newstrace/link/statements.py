"""Statements: the same words quoted in several articles become one statement.

Each statement keeps the set of hashed word trigrams of every wording it was quoted in
(the ``statement_shingles`` postings in SQLite). A new mention looks up the statements
that share its trigrams and joins those that contain most of it, or most of which it
contains: so a truncated quote, a quote trimmed with an ellipsis, or a longer one that
adds a sentence all land on the same statement. Index shape: add, query, persist, as in
datasketch, with SQLite behind it, so the index grows with the store and is never
rebuilt from scratch.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from dataclasses import dataclass

from newstrace.extract.quotes import quoted_parts
from newstrace.extract.speakers import is_short_form_or_equal
from newstrace.link.normalize import longest_shared_run, shingle_runs, shingles, word_count
from newstrace.records import PRONOUNS, Article, Attribution


@dataclass(frozen=True, slots=True)
class LinkSettings:
    # share of the shorter wording's trigrams that the other must contain
    containment: float = 0.75
    # wordings sharing fewer trigrams than this link only when identical, by one speaker
    min_shared: int = 3
    # wordings sharing fewer trigrams than this (a phrase of under 7 words: "sexual abuse
    # in the religious congregation") link only when their speakers agree or one is
    # unknown: two different speakers are more likely to share a phrase than a statement
    min_shared_other_speaker: int = 5
    # two wordings that each add quotes of their own ('"I have a real question ...," "A
    # lot will have to do with Israel ..."' and '"A lot will have to do with Israel ...,"
    # They may not be ...') share less than `containment` of either, yet the same ten
    # words in a row (8 trigrams in a row) are one statement's, when the speakers may be one
    shared_run: int = 8


def linking_text(text: str, attribution: Attribution, mask: bytearray | None = None) -> list[str]:
    """The words that identify a statement: the quoted words of a direct or mixed
    attribution (the frame around them is the reporter's), else its whole content."""
    if attribution.kind != "indirect":
        parts = quoted_parts(text, attribution.content, mask)
        if parts and word_count([text[s:e] for s, e in parts]) >= 3:
            return [text[s:e] for s, e in parts]
    return [text[s:e] for s, e in attribution.content]


def in_chunks(items: list, size: int = 500):
    """``items`` in pieces of at most ``size``, each with its "?,?,..." placeholders: an IN
    list stays under SQLite's bound-variable limit."""
    for i in range(0, len(items), size):
        chunk = items[i : i + size]
        yield chunk, ",".join("?" * len(chunk))


def _statement_id(attribution_id: str) -> str:
    return "s" + hashlib.blake2b(attribution_id.encode(), digest_size=6).hexdigest()


def free_id(db: sqlite3.Connection, table: str, make, key: str) -> str:
    """``make(key)``, or ``make(key + "#2")``, ``#3``, ... : the first not in ``table``.

    Ids come from the article or attribution that opened the statement or story, and such
    a row outlives its opener when the opener's article is replaced (re-extracted by
    another model, edited text) while other articles still hold it: the replacement's
    attribution or article of the same id must then open a new one under another id.
    """
    if table not in ("statements", "stories"):  # a name, not a value: it cannot be a parameter
        raise ValueError(f"no ids are made for table {table!r}")
    candidate, n = make(key), 1
    while db.execute(f"SELECT 1 FROM {table} WHERE id=?", (candidate,)).fetchone():
        n += 1
        candidate = make(f"{key}#{n}")
    return candidate


def _may_be_one(a: str | None, b: str | None, known: bool = False) -> bool:
    """Whether two speakers may be one: the same name or a short form of it, or either
    unknown (none, a pronoun), unless ``known`` asks for both to be named.

    >>> _may_be_one("Petrov", "General Anna Petrov"), _may_be_one("he", "Ann Lee")
    (True, True)
    >>> _may_be_one("the Watch Tower Society", "the leader of Roman Catholic Christianity")
    False
    >>> _may_be_one("they", "Trump", known=True)
    False
    """
    if not a or not b or a.casefold() in PRONOUNS or b.casefold() in PRONOUNS:
        return not known
    return a.casefold() == b.casefold() or is_short_form_or_equal(a, b) or is_short_form_or_equal(b, a)


def _is_name(speaker: str | None) -> bool:
    # "Abu Abdul-Azim" rather than "an unidentified militant" or "he"
    if not speaker:
        return False
    words = [w for w in speaker.replace("-", " ").split() if w[0].isalpha()]
    return bool(words) and words[0][0].isupper() and speaker.split()[0].lower() not in {"the", "a", "an"}


def _by_person(names: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int, int]]:
    """Mention counts per person: a short form ("Petrov") counts for the one fuller name it
    fits ("General Anna Petrov"), as each article names the person in its own way; a short
    form that fits several ("Trump": Donald, Ivanka) keeps its own count. Keys are the
    fullest names, values (mentions, length, -first place) for ``max``.

    >>> _by_person({"Anna Petrov": (2, -1), "Petrov": (3, -2), "Ivan Sokolov": (4, -3)})
    {'Anna Petrov': (5, 11, -1), 'Ivan Sokolov': (4, 12, -3)}
    """
    out: dict[str, tuple[int, int, int]] = {}
    for name, (count, first) in names.items():
        fuller = [f for f in names if f != name and is_short_form_or_equal(name, f)]
        full = fuller[0] if len(fuller) == 1 else name
        if len(fuller) > 1:  # fits more than one: fuller names that are themselves one person?
            longest = max(fuller, key=len)
            if all(is_short_form_or_equal(f, longest) for f in fuller):
                full = longest
        n, _, at = out.get(full, (0, 0, first))
        out[full] = (n + count, len(full), max(at, first))
    return out


class StatementIndex:
    """Assigns attributions to statements, inside the caller's transaction."""

    def __init__(self, db: sqlite3.Connection, settings: LinkSettings | None = None):
        self.db = db
        self.settings = settings or LinkSettings()

    def add(self, article: Article, attributions: list[Attribution], mask: bytearray | None = None,
            reuse: str | None = None, refresh: bool = True) -> set[str]:
        """Link each attribution of a stored ``article`` to a statement (new or existing);
        the statements it touched. ``reuse``: an emptied statement (no wordings; see
        ``empty``) that the first wording matching no other statement fills, so that a
        statement formed again keeps its id and its age. ``refresh=False`` leaves the
        touched statements' speaker and first appearance to the caller (``refresh``), who
        links many articles into one statement and would otherwise read its mentions once
        per article."""
        touched: set[str] = set()
        for attribution in attributions:
            parts = linking_text(article.text, attribution, mask)
            grams = shingles(parts)
            if not grams:
                continue  # under three words: too short to tell one statement from another
            matched = self._query(grams, attribution.speaker, paraphrase=attribution.kind == "indirect",
                                  runs=shingle_runs(parts))
            wording = " … ".join(" ".join(p.split()) for p in parts)
            words = word_count(parts)
            if matched:
                (keep, keep_shared, keep_speaker), *others = matched
                for other, shared, their_speaker in others:
                    # a wording joins two statements on a long shared stretch with each, or
                    # when their speakers may be one: a short phrase in the mouth of an
                    # unknown speaker ("the former secretary of state", said by "they")
                    # does not make two speakers' statements one
                    strong = min(shared, keep_shared) >= self.settings.min_shared_other_speaker
                    if strong or _may_be_one(keep_speaker, their_speaker):
                        self._merge(other, into=keep)
            elif reuse and self.db.execute("SELECT 1 FROM statements WHERE id=? AND shingles=0", (reuse,)).fetchone():
                keep, reuse = reuse, None
            else:
                keep = free_id(self.db, "statements", _statement_id, attribution.id)
                self.db.execute(
                    "INSERT INTO statements(id, text, speaker, first_seen, words, shingles)"
                    " VALUES (?, ?, NULL, NULL, 0, 0)",
                    (keep, wording),
                )
            self.db.executemany(
                "INSERT OR IGNORE INTO statement_shingles(shingle, statement) VALUES (?, ?)",
                [(g, keep) for g in grams],
            )
            self.db.execute(
                "UPDATE attributions SET statement=? WHERE id=?", (keep, attribution.id)
            )
            attribution.statement = keep
            self.db.execute(
                "UPDATE statements SET"
                # the fullest wording; of equals, the first in code-point order, so that the
                # text does not depend on which article was linked first
                " text = CASE WHEN ? > words OR (? = words AND ? < text) THEN ? ELSE text END,"
                " words = MAX(words, ?),"
                " shingles = (SELECT COUNT(*) FROM statement_shingles WHERE statement = ?)"
                " WHERE id = ?",
                (words, words, wording, wording, words, keep, keep),
            )
            touched.add(keep)
            if refresh:
                self.refresh(keep)
        return touched

    def empty(self, statement: str) -> None:
        """Take every mention and wording out of ``statement`` but keep its row (id, age),
        to be filled again by ``add(..., reuse=statement)``."""
        self.db.execute("UPDATE attributions SET statement=NULL WHERE statement=?", (statement,))
        self.db.execute("DELETE FROM statement_shingles WHERE statement=?", (statement,))
        self.db.execute(
            "UPDATE statements SET text='', speaker=NULL, first_seen=NULL, words=0, shingles=0 WHERE id=?",
            (statement,))

    def drop_if_empty(self, statement: str) -> None:
        """Delete ``statement`` when no mention is left in it (after ``empty`` and ``add``)."""
        if not self.db.execute("SELECT 1 FROM attributions WHERE statement=? LIMIT 1", (statement,)).fetchone():
            self.db.execute("DELETE FROM statement_shingles WHERE statement=?", (statement,))
            self.db.execute("DELETE FROM statements WHERE id=?", (statement,))

    def _query(self, grams: set[int], speaker: str | None, paraphrase: bool = False,
               runs: list[list[int]] | None = None) -> list[tuple[str, int, str | None]]:
        """Statements this wording belongs to, oldest first: (id, trigrams shared, speaker).
        ``paraphrase``: the wording is a reporter's (an indirect attribution), so a short
        one links only to a statement of a speaker both sides name. ``runs``: the
        wording's trigrams in order (normalize.shingle_runs), for the statements that
        contain too little of it but share a long stretch in a row (``shared_run``)."""
        hits: Counter[str] = Counter()
        about: dict[str, tuple[int, int, str | None]] = {}
        for chunk, marks in in_chunks(list(grams)):
            for statement, count, rowid, size, their_speaker in self.db.execute(
                f"SELECT p.statement, COUNT(*), s.rowid, s.shingles, s.speaker"
                f" FROM statement_shingles p JOIN statements s ON s.id = p.statement"
                f" WHERE p.shingle IN ({marks}) GROUP BY p.statement",
                chunk,
            ):
                hits[statement] += count
                about[statement] = (rowid, size, their_speaker)
        matched = []
        for statement, shared in hits.items():
            rowid, size, their_speaker = about[statement]
            shorter = min(len(grams), size) or 1
            if shared / shorter < self.settings.containment and not (
                    runs and shared >= self.settings.shared_run
                    and _may_be_one(speaker, their_speaker, known=paraphrase)
                    and self._shared_run(statement, grams, runs) >= self.settings.shared_run):
                continue
            if shared < self.settings.min_shared:
                same_words = shared == len(grams) == size
                same_speaker = bool(speaker) and (speaker or "").casefold() == (their_speaker or "").casefold()
                if not (same_words and same_speaker):
                    continue
            if shared < self.settings.min_shared_other_speaker and not _may_be_one(
                    speaker, their_speaker, known=paraphrase):
                continue
            matched.append((rowid, statement, shared, their_speaker))
        return [(statement, shared, their) for _, statement, shared, their in sorted(matched)]

    def _shared_run(self, statement: str, grams: set[int], runs: list[list[int]]) -> int:
        """The longest stretch of the wording's trigrams, in a row, that ``statement`` has."""
        shared: set[int] = set()
        for chunk, marks in in_chunks(list(grams)):
            shared.update(g for (g,) in self.db.execute(
                f"SELECT shingle FROM statement_shingles WHERE statement=? AND shingle IN ({marks})",
                [statement, *chunk]))
        return longest_shared_run(runs, shared)

    def _merge(self, other: str, into: str) -> None:
        """A wording that bridges two statements makes them one (the older id stays)."""
        self.db.execute("UPDATE attributions SET statement=? WHERE statement=?", (into, other))
        self.db.execute(
            "INSERT OR IGNORE INTO statement_shingles(shingle, statement)"
            " SELECT shingle, ? FROM statement_shingles WHERE statement=?",
            (into, other),
        )
        self.db.execute("DELETE FROM statement_shingles WHERE statement=?", (other,))
        self.db.execute(
            "UPDATE statements SET"
            " text = (SELECT CASE WHEN o.words > statements.words"
            "                     OR (o.words = statements.words AND o.text < statements.text)"
            "                THEN o.text ELSE statements.text END"
            "         FROM statements o WHERE o.id = ?),"
            " words = MAX(words, (SELECT words FROM statements WHERE id = ?))"
            " WHERE id = ?",
            (other, other, into),
        )
        self.db.execute("DELETE FROM statements WHERE id=?", (other,))

    def refresh(self, statement: str) -> None:
        """Speaker and first appearance, from the mentions. SQLite counts the speakers, so
        Python reads one row per distinct speaker, not one per mention: a statement quoted
        in thousands of articles is refreshed each time one more quotes it."""
        order = "r.published IS NULL, r.published, r.ord, a.id"  # a fixed clause, no input in it
        # per speaker (None too): how many mentions, the place of its first one (ties go to
        # it) and that mention's article (SQLite gives a bare column from the MIN row), so
        # the one pass over the mentions also finds the first appearance, at place 1
        rows = self.db.execute(
            f"SELECT speaker, COUNT(*), MIN(n), article FROM (SELECT a.speaker, a.article,"
            f" ROW_NUMBER() OVER (ORDER BY {order}) AS n"
            f" FROM attributions a JOIN articles r ON r.id = a.article WHERE a.statement = ?)"
            f" GROUP BY speaker", (statement,)).fetchall()
        first = next((article for _, _, at, article in rows if at == 1), None)
        if first is None:
            return
        speakers = [(s, n, at) for s, n, at, _ in rows if s is not None]
        names = _by_person({s: (n, -at) for s, n, at in speakers if _is_name(s)})
        described = {s: (n, len(s), -at) for s, n, at in speakers
                     if s and not _is_name(s) and s.casefold() not in PRONOUNS}
        # the most quoted name; a description only when no mention names the speaker
        speaker = None
        if names:
            speaker = max(names, key=names.get)
        elif described:
            speaker = max(described, key=described.get)
        self.db.execute("UPDATE statements SET speaker=?, first_seen=? WHERE id=?", (speaker, first, statement))

