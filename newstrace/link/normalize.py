"""Normalising statement text so that the same words compare equal however an outlet
punctuated, cased, quoted or trimmed them.

"rise against the Crusaders and … take revenge" and "rise against the crusaders and…
take revenge" give the same segments: an ellipsis marks words left out, so it splits a
statement into segments and no shingle spans it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# "…", "...", ". . ." and "..." glued to words all mark an elision
_ELLIPSIS = re.compile(r"…|\.\s*\.(?:\s*\.)+|\.\.")
_APOSTROPHES = re.compile(r"[’‘`´']")
_WORD = re.compile(r"\w+")

SHINGLE_SIZE = 3


def segments(text: str) -> list[list[str]]:
    """Lower-cased word tokens of ``text``, split where an ellipsis elides words.

    >>> segments("Rise against the Crusaders and… take REVENGE!")
    [['rise', 'against', 'the', 'crusaders', 'and'], ['take', 'revenge']]
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    out = []
    for part in _ELLIPSIS.split(text):
        # "God's" and "God’s" must agree: drop apostrophes inside words
        words = _WORD.findall(_APOSTROPHES.sub("", part))
        if words:
            out.append(words)
    return out


def normal_form(text: str) -> str:
    """One string per statement wording: segments joined, an elision shown as ' … '.

    >>> normal_form("“If we used to hold thousands of kilometers…,” he")
    'if we used to hold thousands of kilometers … he'
    """
    return " … ".join(" ".join(words) for words in segments(text))


def _hash(shingle: str) -> int:
    # 8 bytes of blake2b as a signed 64-bit integer, the range SQLite stores natively;
    # Python's hash() is salted per process and would not survive a restart.
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big", signed=True)


def shingles(text_parts: list[str], size: int = SHINGLE_SIZE) -> set[int]:
    """Hashed word ``size``-grams of each part and segment (none spans a gap).

    >>> len(shingles(["one two three four"]))
    2
    """
    out: set[int] = set()
    for part in text_parts:
        for words in segments(part):
            for i in range(len(words) - size + 1):
                out.add(_hash(" ".join(words[i : i + size])))
    return out


def shingle_runs(text_parts: list[str], size: int = SHINGLE_SIZE) -> list[list[int]]:
    """The hashed word ``size``-grams of each part and segment in order, one list per
    segment: which of them another wording shares in a row says how long a stretch of
    words the two have in common.

    >>> [len(r) for r in shingle_runs(["one two three four … five six seven"])]
    [2, 1]
    """
    return [[_hash(" ".join(words[i : i + size])) for i in range(len(words) - size + 1)]
            for part in text_parts for words in segments(part) if len(words) >= size]


def longest_shared_run(runs: list[list[int]], shared: set[int]) -> int:
    """The most consecutive shingles of ``runs`` that are all in ``shared``.

    >>> longest_shared_run([[1, 2, 3, 4], [5, 6]], {2, 3, 5, 6})
    2
    """
    best = 0
    for run in runs:
        n = 0
        for g in run:
            n = n + 1 if g in shared else 0
            best = max(best, n)
    return best


def word_count(text_parts: list[str]) -> int:
    return sum(len(words) for part in text_parts for words in segments(part))
