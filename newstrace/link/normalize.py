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
from functools import lru_cache

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


@lru_cache(maxsize=1 << 18)  # the wordings of one statement share most of their trigrams
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


def word_count(text_parts: list[str]) -> int:
    """How many words ``segments`` finds in ``text_parts``, counted without splitting them
    (an elision is dots, spaces or "…": never inside a word, nor beside an apostrophe it
    would join two words across).

    >>> word_count(["Rise against the Crusaders and… take REVENGE!", "it’s o'clock"]) == sum(
    ...     len(w) for p in ["Rise against the Crusaders and… take REVENGE!", "it’s o'clock"] for w in segments(p))
    True
    """
    return sum(len(_WORD.findall(_APOSTROPHES.sub("", unicodedata.normalize("NFKC", part).casefold())))
               for part in text_parts)


# --- words with their places, for aligning one wording with another -------------------

GAP = "…"  # the token an elision becomes: it matches no word, so no run spans it
# an elision, or a word with the apostrophes inside it ("God’s", "don't")
# (a tokenised text's "I ’ m" and "year ’ s" are "I’m" and "year’s")
_TOKEN = re.compile(r"…|\.\s*\.(?:\s*\.)+|\.\.|\w+(?:[’‘`´']\w+|\s[’']\s(?:t|re|m|ve|ll|d|s)\b)*")

# British spellings written the American way, so that "realised" and "realized" are one
# word. Both sides of a comparison go through the same map, so a rule only has to avoid
# making two different words one ("four" must not become "for": the -our rule wants three
# letters before it).
_BRITISH = [
    (re.compile(r"^(\w{2,})is(e|ed|es|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^(\w{2,})ys(e|ed|es|ing)$"), r"\1yz\2"),
    (re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|ably|ful|less|er|ers)?$"), r"\1or\2"),
    (re.compile(r"^(\w{2,})tre(s|d)?$"), r"\1ter\2"),
    (re.compile(r"^(travel|cancel|model|label|counsel|fuel|signal|level|marvel|total|channel|quarrel|"
                r"tunnel|rival|shovel|panel|pedal|dial|equal|jewel)l(ed|ing|er|ers)$"), r"\1\2"),
]
_BRITISH_WORDS = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "programme": "program", "programmes": "programs", "grey": "gray", "cheque": "check", "tyre": "tire",
    "tyres": "tires", "aluminium": "aluminum", "judgement": "judgment", "ageing": "aging",
    "acknowledgement": "acknowledgment", "enrol": "enroll", "fulfil": "fulfill", "sceptical": "skeptical",
    "whilst": "while", "amongst": "among", "manoeuvre": "maneuver", "plough": "plow", "kerb": "curb",
}


@lru_cache(maxsize=1 << 16)
def american(word: str) -> str:
    """``word`` (lower case) in American spelling, where a rule knows it.

    >>> [american(w) for w in ["realised", "organisation", "colour", "four", "centre", "travelled"]]
    ['realized', 'organization', 'color', 'four', 'center', 'traveled']
    """
    if word in _BRITISH_WORDS:
        return _BRITISH_WORDS[word]
    for pattern, replacement in _BRITISH:
        if pattern.match(word):
            return pattern.sub(replacement, word)
    return word


_CONTRACTED = re.compile(r"^(\w+)['’‘`´](t|re|m|ve|ll|d|s)$")
_NOT = {"won": "will", "can": "can", "shan": "shall", "ain": "is"}
_AFTER = {"re": "are", "m": "am", "ve": "have", "ll": "will", "d": "would", "s": "is"}
# "it's" is "it is", but "John's" is John's
_IS_AFTER = {"it", "he", "she", "that", "there", "what", "here", "who", "where", "how", "this"}


def _expand(word: str) -> list[str]:
    """A contraction written out, so that "aren't" and "are not" compare equal.

    >>> _expand("aren’t"), _expand("won't"), _expand("it's"), _expand("john's"), _expand("cannot")
    (['are', 'not'], ['will', 'not'], ['it', 'is'], ["john's"], ['can', 'not'])
    """
    if word == "cannot":
        return ["can", "not"]
    m = _CONTRACTED.match(word)
    if not m:
        return [word]
    stem, tail = m.groups()
    if tail == "t" and stem.endswith("n"):
        return [_NOT.get(stem, stem[:-1]), "not"]
    if tail == "s" and stem not in _IS_AFTER:
        return [word]
    if tail == "s" and stem == "let":
        return ["let", "us"]
    return [stem, _AFTER[tail]] if tail in _AFTER else [word]


@lru_cache(maxsize=1 << 16)
def _as_compared(token: str) -> tuple[str, ...]:
    """The words one token of text compares as (a token recurs in thousands of quotations)."""
    token = token if token.isascii() else unicodedata.normalize("NFKC", token)
    return tuple(american(_APOSTROPHES.sub("", word)) for word in _expand(token.casefold().replace(" ", "")))


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` as they compare (case, apostrophes, contractions, quotation
    marks and British spelling made one), each with its character span in ``text``; an
    elision (… or ...) is the token ``GAP``, never first or last.

    >>> [t for t, _, _ in tokens("“We realised … it’s OVER...”")]
    ['we', 'realized', '…', 'it', 'is', 'over']
    >>> tokens("Rise, now")
    [('rise', 0, 4), ('now', 6, 9)]
    >>> [t for t, _, _ in tokens("I ’ m sure this year ’ s show")]
    ['i', 'am', 'sure', 'this', 'years', 'show']
    """
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t[0] in "….":
            if out and out[-1][0] != GAP:
                out.append((GAP, m.start(), m.end()))
            continue
        start, end = m.span()
        for word in _as_compared(t):
            out.append((word, start, end))
    while out and out[-1][0] == GAP:
        out.pop()
    return out


def words_of(text: str) -> list[str]:
    """The words of ``tokens(text)`` without their spans (a quotation whose wording is
    known needs no more; ``findall`` is cheaper than a match object per word).

    >>> words_of("“We realised … it’s OVER...”") == [t for t, _, _ in tokens("“We realised … it’s OVER...”")]
    True
    """
    out: list[str] = []
    for t in _TOKEN.findall(text):  # the pattern has no groups: each item is the whole match
        if t[0] in "….":
            if out and out[-1] != GAP:
                out.append(GAP)
            continue
        out += _as_compared(t)
    while out and out[-1] == GAP:
        out.pop()
    return out


def shingle_hashes(words: list[str], size: int = SHINGLE_SIZE) -> list[list[int]]:
    """Hashed word ``size``-grams of ``words``, one list per stretch between elisions.

    >>> [len(r) for r in shingle_hashes(["a", "b", "c", "d", GAP, "e", "f", "g"])]
    [2, 1]
    """
    runs, current = [], []
    for w in [*words, GAP]:
        if w == GAP:
            if len(current) >= size:
                runs.append([_hash(" ".join(current[i:i + size])) for i in range(len(current) - size + 1)])
            current = []
        else:
            current.append(w)
    return runs


def winnow(runs: list[list[int]], window: int) -> set[int]:
    """The smallest hash of every ``window`` consecutive ones in each run (all of a shorter
    run): two wordings that share ``window`` shingles in a row share a chosen one, so an
    index of the chosen ones finds every such pair at a fraction of the size (Schleimer,
    Wilkerson and Aiken, "Winnowing", SIGMOD 2003).

    >>> sorted(winnow([[5, 3, 9, 7, 1]], 3))
    [1, 3]
    """
    chosen: set[int] = set()
    for run in runs:
        if len(run) <= window:
            chosen.update(run)
            continue
        for i in range(len(run) - window + 1):
            chosen.add(min(run[i:i + window]))
    return chosen


def mention_span(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The characters of ``text`` that words [lo, hi) of the fragment ``text[start:end]``
    cover (the fragment's own span when they are out of its range).

    >>> t = 'He said: "Rise up … and fight!"'
    >>> s, e = mention_span(t, 10, 30, 0, 2); t[s:e]
    'Rise up'
    """
    found = tokens(text[start:end])
    if not found or lo >= hi or hi > len(found):
        return start, end
    return start + found[lo][1], start + found[hi - 1][2]


_SENTENCE_END = re.compile(r"[\s\"'”’“)\]]*[.!?;:—–]")


def sentence_ends(text: str, found: list[tuple[str, int, int]]) -> set[int]:
    """Indices of the tokens of ``text`` (``tokens(text)``) after which a sentence or a
    clause ends (. ! ? ; : or a dash), or an elision comes, or the text does.

    >>> t = "We won. Then, we left … home"
    >>> sorted(sentence_ends(t, tokens(t)))
    [1, 4, 5, 6]
    """
    ends = {len(found) - 1} if found else set()
    for i, (word, _, end) in enumerate(found):
        if word == GAP:
            ends.add(i - 1)
            ends.add(i)
        elif _SENTENCE_END.match(text, end) and not text.startswith("..", end) and text[end:end + 1] != "…":
            ends.add(i)
    return ends
