"""Exact and near-duplicate articles: the same wire story published on two sites.

An exact duplicate has the same fingerprint (normalised text). A near duplicate is a
lightly edited reprint: tens of words of a few hundred changed, another headline, a
paragraph cut or added. Candidates are found with MinHash over word 3-grams (rensa) and
locality-sensitive hashing: the signature is cut into ``BANDS`` bands of ``ROWS`` rows,
each band hashed into ``article_bands`` in SQLite; an article that shares a band with an
earlier one is a candidate (a pair at 3-gram Jaccard 0.5 shares one with p > 0.99, at
0.2 with p = 0.29). A candidate is confirmed on the words themselves: the share of the
two texts' words that line up in order (Indel similarity, rapidfuzz) reaches
``THRESHOLD``. Two reports of one event by two outlets share few 3-grams and far fewer
words in order, so they are never confirmed.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from array import array

import rensa
from rapidfuzz.distance import Indel

from newstrace.records import Article

BANDS = 42
ROWS = 3
NUM_PERM = BANDS * ROWS
SEED = 20190320
SHINGLE = 3  # words per shingle: one changed word spoils 3 shingles, not 5
CANDIDATES = 20  # articles sharing the most bands, the only ones read word by word
THRESHOLD = 0.75  # words in order shared, 2 * LCS / (words of both): three quarters, 60 of 300 words changed pass
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def signature(text: str) -> list[int]:
    words = _words(text)
    grams = [" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))]
    minhash = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update(grams)
    return list(minhash.digest())


def _band_keys(sig: list[int]) -> list[int]:
    keys = []
    for b in range(BANDS):
        chunk = array("I", sig[b * ROWS : (b + 1) * ROWS]).tobytes()
        digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: str, b: str) -> float:
    """The share of the two texts' words that line up in order (2 * LCS / total words).

    >>> round(similarity("The quick brown fox jumps over the lazy dog", "the quick red fox jumps over a lazy dog"), 2)
    0.78
    """
    return Indel.normalized_similarity(_words(a), _words(b))


class DuplicateIndex:
    """Finds the earlier article a new one repeats, and remembers the new one."""

    def __init__(self, db: sqlite3.Connection, threshold: float = THRESHOLD):
        self.db = db
        self.threshold = threshold

    def find(self, article: Article, sig: list[int]) -> str | None:
        """The id of the earliest stored article that ``article`` repeats, if any.
        ``sig`` is ``signature(article.text)``, computed once by the caller."""
        row = self.db.execute(
            "SELECT id FROM articles WHERE fingerprint=? AND id != ? AND ord < ? ORDER BY ord LIMIT 1",
            (article.fingerprint, article.id, article.order),
        ).fetchone()
        if row:
            return self._original(row[0])
        keys = _band_keys(sig)
        marks = ",".join("?" * len(keys))
        candidates = self.db.execute(
            f"SELECT b.article, COUNT(*) AS bands, r.text FROM article_bands b"
            f" JOIN articles r ON r.id = b.article"
            f" WHERE b.band IN ({marks}) AND b.article != ? GROUP BY b.article ORDER BY bands DESC, r.ord"
            f" LIMIT {CANDIDATES}",
            (*keys, article.id),
        ).fetchall()
        best, best_similarity = None, self.threshold
        words = _words(article.text)
        for other, _, text in candidates:
            found = Indel.normalized_similarity(words, _words(text))
            if found >= best_similarity:
                best, best_similarity = other, found
        return self._original(best) if best else None

    def _original(self, article_id: str) -> str:
        # point at the first of a chain, so every copy names the same original
        row = self.db.execute("SELECT duplicate_of FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row and row[0] else article_id

    def add(self, article: Article, sig: list[int]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO article_signatures(article, signature) VALUES (?, ?)",
            (article.id, array("I", sig).tobytes()),
        )
        self.db.execute("DELETE FROM article_bands WHERE article=?", (article.id,))
        self.db.executemany(
            "INSERT OR IGNORE INTO article_bands(band, article) VALUES (?, ?)",
            [(k, article.id) for k in _band_keys(sig)],
        )
