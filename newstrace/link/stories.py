"""Stories: articles about the same event, grouped incrementally as articles arrive.

Single-pass clustering. Each article becomes a TF-IDF vector of its content words and
names (IDF from the document frequencies seen so far, kept in ``term_df``); each story
keeps a unit-length centroid of its articles (``story_terms``, top terms only). A new
article joins the story it is most similar to when the cosine, plus a bonus for each
statement it shares with the story's articles, reaches the threshold and the dates are
close; otherwise it starts a story. Candidate stories come from the ``story_terms``
term index, so the cost of an article does not grow with the number of stories.
"""

from __future__ import annotations

import hashlib
import math
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from newstrace.link.statements import free_id, in_chunks
from newstrace.records import Article

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NAME = re.compile(r"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)")


@dataclass(frozen=True, slots=True)
class StorySettings:
    threshold: float = 0.30  # cosine (plus statement bonus) needed to join a story
    statement_bonus: float = 0.20  # per statement shared with the story, at most two
    window_days: int = 10  # a dated article joins a story only within this many days
    article_terms: int = 60  # terms kept per article vector
    story_terms: int = 120  # terms kept per story centroid


@cache
def _stop_words() -> frozenset[str]:
    # spaCy's English list; imported on first use, since importing spaCy costs a second or
    # two that commands which never link (``newstrace --help``, ``extract``) need not pay
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def terms(article: Article) -> Counter[str]:
    """Counts of the content words and multi-word names of an article (title twice)."""
    counts: Counter[str] = Counter()
    stop = _stop_words()
    for text, weight in ((article.title or "", 2), (article.text, 1)):
        for word in _WORD.findall(text):
            w = word.lower().strip("’'-").replace("’", "'")
            if len(w) > 2 and w not in stop and not w.endswith("'s"):
                counts[w] += weight
            elif w.endswith("'s") and len(w) > 4 and w[:-2] not in stop:
                counts[w[:-2]] += weight
        for name in _NAME.findall(text):
            counts["_".join(name.lower().replace("’", "'").split())] += weight
    return counts


def label_of(title: str | None, text: str) -> str:
    """A story's label from its first article: the title, else the opening words."""
    return title or snippet(text)


def snippet(text: str, limit: int = 80) -> str:
    """A label for an untitled article: its opening words, white space made single spaces,
    cut at a word boundary within ``limit`` characters.

    >>> snippet("Saturday, January 12, 2019 \\n\\n\\nA team of scientists released a report on Friday.", 40)
    'Saturday, January 12, 2019 A team of…'
    """
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words.rfind(" ", 0, limit)
    return words[:cut if cut > 0 else limit] + "…"


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _story_id(article_id: str) -> str:
    return "t" + hashlib.blake2b(article_id.encode(), digest_size=6).hexdigest()


class StoryIndex:
    """Assigns stored articles to stories, inside the caller's transaction."""

    def __init__(self, db: sqlite3.Connection, settings: StorySettings | None = None):
        self.db = db
        self.settings = settings or StorySettings()

    def add(self, article: Article) -> str:
        """Put ``article`` (already stored, statements linked) in a story; return its id."""
        if article.duplicate_of:
            story = self._story_of(article.duplicate_of)
            if story:  # a copy joins its original's story and changes nothing else
                self._join(article, story, vector=None)
                return story
        counts = terms(article)
        self._count_terms(article.id, counts)
        vector = self._vector(counts)
        story, score = self._best_story(article, vector)
        if story is None or score < self.settings.threshold:
            story = free_id(self.db, "stories", _story_id, article.id)
            self.db.execute(
                "INSERT INTO stories(id, label, size) VALUES (?, ?, 0)",
                (story, label_of(article.title, article.text)),
            )
        self._join(article, story, vector)
        return story

    def _count_terms(self, article_id: str, counts: Counter[str]) -> None:
        self.db.executemany(
            "INSERT INTO article_terms(article, term, count) VALUES (?, ?, ?)",
            [(article_id, t, c) for t, c in counts.items()],
        )
        self.db.executemany(
            "INSERT INTO term_df(term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
            [(t,) for t in counts],
        )
        # the document count for IDF, kept beside term_df (COUNT(*) would scan every article)
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES ('documents', '1')"
            " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        row = self.db.execute("SELECT value FROM meta WHERE key='documents'").fetchone()
        n = int(row[0]) if row else 0
        weights: dict[str, float] = {}
        for chunk, marks in in_chunks(list(counts.items())):
            df = dict(self.db.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", [t for t, _ in chunk]))
            for term, count in chunk:
                idf = math.log((n + 1) / (df.get(term, 0) + 1)) + 1
                weights[term] = (1 + math.log(count)) * idf
        top = sorted(weights.items(), key=lambda kv: -kv[1])[: self.settings.article_terms]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {t: w / norm for t, w in top}

    def _best_story(self, article: Article, vector: dict[str, float]) -> tuple[str | None, float]:
        scores: Counter[str] = Counter()
        if vector:
            marks = ",".join("?" * len(vector))
            for story, term, weight in self.db.execute(
                f"SELECT story, term, weight FROM story_terms WHERE term IN ({marks})", list(vector)
            ):
                scores[story] += weight * vector[term]
        # statements this article shares with articles already in a story
        for story, shared in self.db.execute(
            "SELECT r.story, COUNT(DISTINCT a.statement) FROM attributions a"
            " JOIN attributions b ON b.statement = a.statement AND b.article != a.article"
            " JOIN articles r ON r.id = b.article"
            " WHERE a.article = ? AND a.statement IS NOT NULL AND r.story IS NOT NULL"
            " GROUP BY r.story",
            (article.id,),
        ):
            scores[story] += self.settings.statement_bonus * min(shared, 2)
        day = _day(article.published)
        best, best_score = None, 0.0
        for story, score in scores.most_common():
            if score < self.settings.threshold:
                break
            if day and not self._in_window(story, day):
                continue
            best, best_score = story, score
            break
        return best, best_score

    def _in_window(self, story: str, day: date) -> bool:
        first, last = self.db.execute(
            "SELECT first_published, last_published FROM stories WHERE id=?", (story,)
        ).fetchone()
        first_day, last_day = _day(first), _day(last)
        if not first_day or not last_day:
            return True
        window = timedelta(days=self.settings.window_days)
        return first_day - window <= day <= last_day + window

    def _story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def _join(self, article: Article, story: str, vector: dict[str, float] | None) -> None:
        self.db.execute("UPDATE articles SET story=? WHERE id=?", (story, article.id))
        if vector is not None:
            size = self.db.execute("SELECT size FROM stories WHERE id=?", (story,)).fetchone()[0]
            centroid = {
                t: w * size for t, w in self.db.execute("SELECT term, weight FROM story_terms WHERE story=?", (story,))
            }
            for t, w in vector.items():
                centroid[t] = centroid.get(t, 0.0) + w
            top = sorted(centroid.items(), key=lambda kv: -kv[1])[: self.settings.story_terms]
            norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
            self.db.execute("DELETE FROM story_terms WHERE story=?", (story,))
            self.db.executemany(
                "INSERT INTO story_terms(story, term, weight) VALUES (?, ?, ?)",
                [(story, t, w / norm) for t, w in top],
            )
            self.db.execute("UPDATE stories SET size = size + 1 WHERE id=?", (story,))
        # dates and label: the story is named after its earliest article
        first = self.db.execute(
            "SELECT title, text FROM articles WHERE story = ? ORDER BY published IS NULL, published, ord LIMIT 1",
            (story,),
        ).fetchone()
        self.db.execute(
            "UPDATE stories SET"
            " first_published = (SELECT MIN(published) FROM articles WHERE story = ?),"
            " last_published = (SELECT MAX(published) FROM articles WHERE story = ?),"
            " label = COALESCE(?, label)"
            " WHERE id = ?",
            (story, story, label_of(*first) if first else None, story),
        )
