"""Exact and near-duplicate articles: the same wire story published on two sites.

An exact duplicate has the same fingerprint (normalised text). A near duplicate is
found with MinHash over word 5-grams (rensa) and locality-sensitive hashing: the
signature is cut into bands, each band hashed into ``article_bands`` in SQLite; an
article that shares a band with an earlier one is a candidate, confirmed when the
signatures agree on at least ``threshold`` of their positions (estimated Jaccard).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from array import array

import rensa

from newstrace.records import Article

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: a pair at Jaccard 0.8 shares a band with p > 0.999
ROWS = NUM_PERM // BANDS
SEED = 20190320
THRESHOLD = 0.8
_WORD = re.compile(r"\w+")


def signature(text: str) -> list[int]:
    words = _WORD.findall(text.casefold())
    grams = [" ".join(words[i : i + 5]) for i in range(max(len(words) - 4, 1))]
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


def _agreement(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b)) / NUM_PERM


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
            f"SELECT DISTINCT b.article, s.signature, r.ord FROM article_bands b"
            f" JOIN article_signatures s ON s.article = b.article"
            f" JOIN articles r ON r.id = b.article"
            f" WHERE b.band IN ({marks}) AND b.article != ? ORDER BY r.ord",
            (*keys, article.id),
        ).fetchall()
        for other, blob, _ in candidates:
            theirs = array("I")
            theirs.frombytes(blob)
            if _agreement(sig, list(theirs)) >= self.threshold:
                return self._original(other)
        return None

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
