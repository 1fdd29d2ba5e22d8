"""Whether two wordings quote the same passage, and where in each.

Two wordings (normalised words, ``normalize.tokens``) are aligned by their matching
blocks of words in order: the longest block first, then the same on each side of it, as
difflib's Ratcliff-Obershelp matcher does, with each block found by rapidfuzz's ``Indel``
opcodes in C (a few microseconds a pair where difflib took tens). The blocks around
the longest one, each at most a few words from the next, make the shared stretch; it is
the same passage when it holds a long run of words in a row (MemeTracker's rule: ten) or
nearly all of the shorter wording (a truncated, re-punctuated or trimmed quote; one word
in ten may differ: "will"/"would"; words moved count as matched). An elision in either
wording matches nothing, so the words on each side of it align separately. Where neither
rule holds, three variants of one passage still are (``_variant``): the shorter held
whole while the longer has words it left out unmarked, one part between elisions held
whole, and one quotation's last words another's first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from rapidfuzz.distance import Indel

from newstrace.link.normalize import GAP


@cache
def stop_words() -> frozenset[str]:
    # spaCy's English list, as the story vectors use; imported on first use
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.replace("'", "").replace("’", "") for w in STOP_WORDS)


def content_words(words: list[str]) -> int:
    """How many of ``words`` carry content (not a function word, not an elision).

    >>> content_words(["we", "are", "at", "a", "fork", "in", "the", "road"])
    2
    """
    stop = stop_words()
    return sum(1 for w in words if w != GAP and w not in stop)


def word_total(words: list[str]) -> int:
    return len(words) - words.count(GAP)


@dataclass(frozen=True, slots=True)
class Match:
    """The stretch two wordings share: word-index spans [a0, a1) and [b0, b1) (end
    exclusive), the words matched in it, the longest run in a row, and whether it holds
    enough content to stand whoever speaks (``strong``)."""

    a0: int
    a1: int
    b0: int
    b1: int
    matched: int
    longest: int
    strong: bool


@dataclass(frozen=True, slots=True)
class AlignSettings:
    run: int = 10  # words in a row that make one passage whatever else differs (MemeTracker)
    min_words: int = 5  # a wording this short or shorter is no passage of its own
    per_changed: int = 10  # one word may differ in this many (will/would) ...
    exact_below: int = 10  # ... in wordings of at least this many; shorter ones match exactly
    bridge: int = 3  # unmatched words allowed between two blocks of one stretch
    strong_words: int = 10  # a stretch this long, ...
    strong_content: int = 6  # ... or with this many content words, stands whoever speaks
    overlap_words: int = 8  # one quote's last words as another's first: a run this long


def might_share(mine: set[str], other: list[str], settings: AlignSettings = AlignSettings()) -> bool:
    """A cheap test before ``compare``: whether the distinct words two wordings have in
    common are enough for either of its rules (a run, or the shorter held whole, one
    word in ten aside).

    >>> might_share(set("we will see them in court".split()), "see you in court".split())
    False
    """
    theirs = set(other)
    theirs.discard(GAP)
    shared = len(mine & theirs)
    short = min(len(mine), len(theirs))
    allowed = short // settings.per_changed + 1
    # distinct words: "the rest of the world" has four
    return shared >= min(settings.min_words, short) and (shared >= short - allowed or shared >= settings.run // 2)


def compare(a: list[str], b: list[str], settings: AlignSettings = AlignSettings(),
            ends_a: set[int] | None = None, ends_b: set[int] | None = None) -> Match | None:
    """The passage ``a`` and ``b`` share, or None when they share none. ``ends_a`` and
    ``ends_b``: where sentences end in each (``normalize.sentence_ends``); a stretch that
    neither holds whole must not diverge mid-sentence on both sides: "There's a special
    place in hell for women who don't help each other" and "... for women who vote for
    women ..." share ten words and are a line and its retort.

    >>> w = "we will see them in court".split()
    >>> m = compare(w, "i think we will see them in court soon".split())
    >>> (m.a0, m.a1, m.b0, m.b1, m.strong)
    (0, 6, 2, 8, False)
    >>> compare("they are a very close family".split(), "we were a very close family".split()) is None
    True
    >>> compare("this is a sad day for the kraft foods family".split(),
    ...         "this is a sad time for the kraft foods family".split()).matched
    9
    """
    if b < a:  # the same answer whichever wording comes first (ties between equal blocks)
        m = compare(b, a, settings, ends_b, ends_a)
        return m and Match(m.b0, m.b1, m.a0, m.a1, m.matched, m.longest, m.strong)
    # an elision matches nothing, not even an elision
    sa = [w if w != GAP else f"\x00a{i}" for i, w in enumerate(a)] if GAP in a else a
    sb = [w if w != GAP else f"\x00b{i}" for i, w in enumerate(b)] if GAP in b else b
    every: list[_Block] = []
    if sa and sb:
        _blocks(sa, sb, 0, len(sa), 0, len(sb), every)
    # the longest block anchors the stretch (the first of equals); a single word counts
    # only beside others
    blocks = every
    core, longest = -1, 1
    for k, bl in enumerate(blocks):
        if bl.size > longest:
            core, longest = k, bl.size
    if core < 0:
        return None
    lo = hi = core
    # grow the stretch from the longest block over neighbours a few words away on both sides
    while lo > 0 and _near(blocks[lo - 1], blocks[lo], a, b, settings.bridge):
        lo -= 1
    while hi + 1 < len(blocks) and _near(blocks[hi], blocks[hi + 1], a, b, settings.bridge):
        hi += 1
    chain = blocks[lo:hi + 1]
    matched = sum(bl.size for bl in chain)
    short = min(word_total(a), word_total(b))
    if short < settings.min_words:
        return None
    allowed = short // settings.per_changed if short >= settings.exact_below else 0
    if allowed and matched < short - allowed:
        matched += _moved(chain, a, b)
    contained = matched >= short - allowed and (allowed or _whole_segments(chain, a, b))
    if longest < settings.run and not contained:
        return _variant(blocks, a, b, settings, core, short, allowed, chain)
    a0, a1, b0, b1 = _bounds(chain)
    if not contained and ends_a is not None and ends_b is not None and (
            (_diverge(a1 < len(a), b1 < len(b), a1 - 1 in ends_a, b1 - 1 in ends_b)
             and not any(_resumes(blocks[hi], right, settings) for right in blocks[hi + 1:]))
            or (_diverge(a0 > 0, b0 > 0, a0 - 1 in ends_a, b0 - 1 in ends_b)
                and not any(_resumes(left, blocks[lo], settings) for left in blocks[:lo]))):
        return _variant(blocks, a, b, settings, core, short, allowed, chain)
    return _match(a, chain, settings)


def _bounds(chain) -> tuple[int, int, int, int]:
    """Where a stretch of blocks starts and ends in each wording: (a0, a1, b0, b1)."""
    return chain[0].a, chain[-1].a + chain[-1].size, chain[0].b, chain[-1].b + chain[-1].size


def _match(a: list[str], chain, settings: AlignSettings) -> Match:
    a0, a1, b0, b1 = _bounds(chain)
    matched = sum(bl.size for bl in chain)
    shared = a[a0:a1]
    strong = matched >= settings.strong_words or content_words(shared) >= settings.strong_content
    return Match(a0, a1, b0, b1, matched, max(bl.size for bl in chain), strong)


def _moved(chain, a: list[str], b: list[str]) -> int:
    """Words both sides have between the blocks of one stretch, in another order ("coal
    companies and coal miners" / "coal miners and coal companies"): words moved, not
    changed."""
    left, right = Counter(), Counter()
    for one, two in zip(chain, chain[1:]):
        left.update(w for w in a[one.a + one.size:two.a] if w != GAP)
        right.update(w for w in b[one.b + one.size:two.b] if w != GAP)
    return sum((left & right).values())


def _resumes(left, right, settings: AlignSettings) -> bool:
    # past a change of a few words on both sides ("Trump or Cruz to be" / "Ted Cruz or
    # Donald Trump as") the two wordings agree again: a word change, not an echo
    gap_a, gap_b = right.a - left.a - left.size, right.b - left.b - left.size
    return min(left.size, right.size) >= 3 and max(gap_a, gap_b) <= 2 * settings.bridge


def _variant(blocks, a: list[str], b: list[str], settings: AlignSettings, core: int, short: int,
             allowed: int, chain) -> Match | None:
    """The variants of one passage that a run or the shorter held whole with a few words
    apart miss: the shorter held whole while the longer has words it left out unmarked
    ("has to do with Israel and whether or not Israel's willing ..." from "... whether or
    not Israel wants to make the deal - whether or not Israel's willing ..."); one part
    between elisions held whole, as if quoted on its own ("I do. He was the most valuable
    player. … He was the founder."); one quote's last words the other's first ("... the
    foundation has no comment on the actions of that person." / "has no comment on the
    actions of that person that murdered Trayvon.")."""
    if allowed:
        shorter_is_a = word_total(a) <= word_total(b)
        lo = hi = core

        def dropped(left, right) -> bool:  # only the longer side has words between them
            gap = right.a - left.a - left.size if shorter_is_a else right.b - left.b - left.size
            return gap == 0 and min(left.size, right.size) >= 3

        while lo > 0 and (_near(blocks[lo - 1], blocks[lo], a, b, settings.bridge)
                          or dropped(blocks[lo - 1], blocks[lo])):
            lo -= 1
        while hi + 1 < len(blocks) and (_near(blocks[hi], blocks[hi + 1], a, b, settings.bridge)
                                        or dropped(blocks[hi], blocks[hi + 1])):
            hi += 1
        if sum(bl.size for bl in blocks[lo:hi + 1]) >= short - allowed:
            return _match(a, blocks[lo:hi + 1], settings)
    # (as long as the overlap of two cut quotations: a five-word stock phrase between two
    # elisions, "the American people deserve better", would join two statements of one speaker)
    held = [bl for bl in blocks if bl.size >= settings.overlap_words and (
        _segment(a, bl.a, bl.size) or _segment(b, bl.b, bl.size))]
    if held:
        return _match(a, [max(held, key=lambda bl: bl.size)], settings)
    a0, a1, b0, b1 = _bounds(chain)
    matched = sum(bl.size for bl in chain)
    # one word in ten may differ inside the stretch, as for the shorter held whole
    if matched >= settings.overlap_words and max(a1 - a0, b1 - b0) - matched <= matched // settings.per_changed and (
            (a0 == 0 and b1 == len(b) and a1 < len(a) and b0 > 0) or (b0 == 0 and a1 == len(a) and b1 < len(b) and a0 > 0)):
        return _match(a, chain, settings)
    return None


def _segment(words: list[str], start: int, size: int) -> bool:
    # words[start:start + size] is a whole part between elisions of a wording that has one
    end = start + size
    return GAP in words and (start == 0 or words[start - 1] == GAP) and (end == len(words) or words[end] == GAP)


class _Block(NamedTuple):
    a: int
    b: int
    size: int


def _blocks(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int, out: list[_Block]) -> None:
    """The matching blocks of ``a[alo:ahi]`` and ``b[blo:bhi]`` in order, appended to
    ``out``: the longest block of their longest common subsequence, grown over the equal
    words beside it (a subsequence may take one of its words from elsewhere: "A" of "A
    lot will ..." matched to an earlier "a") and, where words recur, moved to the
    earliest place it also fits, then the same on each side.

    >>> out = []; _blocks("x a b c d".split(), "a y a b c d".split(), 0, 5, 0, 6, out); out
    [_Block(a=1, b=2, size=4)]
    >>> out = []; _blocks("take out them".split(), "take out them and then take out them".split(), 0, 3, 0, 8, out); out
    [_Block(a=0, b=0, size=3)]
    """
    # (an empty range has none: the callers skip them)
    best = None
    size = 0
    for bl in Indel.opcodes(a[alo:ahi], b[blo:bhi]).as_matching_blocks():
        if bl.size > size:  # the first of the longest
            best, size = bl, bl.size
    if best is None:
        return
    i, j, k = best.a + alo, best.b + blo, size
    while i > alo and j > blo and a[i - 1] == b[j - 1]:
        i, j, k = i - 1, j - 1, k + 1
    while i + k < ahi and j + k < bhi and a[i + k] == b[j + k]:
        k += 1
    first = a[i]
    if b[blo:bhi].count(first) > 1 or a[alo:ahi].count(first) > 1:
        # words that recur: of equal blocks, the earliest in a, then in b (as difflib)
        # (positions by first word: the first ii whose k words b holds, at its first jj)
        starts: dict[str, list[int]] = {}
        for jj in range(blo, bhi - k + 1):
            starts.setdefault(b[jj], []).append(jj)
        found_at = None
        for ii in range(alo, ahi - k + 1):
            for jj in starts.get(a[ii], ()):
                if b[jj:jj + k] == a[ii:ii + k]:
                    found_at = ii, jj
                    break
            if found_at:
                i, j = found_at
                break
    if alo < i and blo < j:
        _blocks(a, b, alo, i, blo, j, out)
    out.append(_Block(i, j, k))
    if i + k < ahi and j + k < bhi:
        _blocks(a, b, i + k, ahi, j + k, bhi, out)


def _diverge(a_goes_on: bool, b_goes_on: bool, a_ends: bool, b_ends: bool) -> bool:
    # both wordings go on past the stretch, with other words, in the middle of a sentence
    return a_goes_on and b_goes_on and not a_ends and not b_ends


def _near(left, right, a: list[str], b: list[str], bridge: int) -> bool:
    """Whether two blocks, in order, are close enough on both sides to be one stretch: a
    few words apart, or apart at an elision (words one side left out)."""
    gap_a = a[left.a + left.size:right.a]
    gap_b = b[left.b + left.size:right.b]
    return (len(gap_a) <= bridge and len(gap_b) <= bridge) or GAP in gap_a or GAP in gap_b


def _whole_segments(chain, a: list[str], b: list[str]) -> bool:
    """For a short wording matched exactly: words the other side has between two blocks
    are words this side left out at an elision, not words inserted into its passage."""
    for left, right in zip(chain, chain[1:]):
        gap_a = [w for w in a[left.a + left.size:right.a]]
        gap_b = [w for w in b[left.b + left.size:right.b]]
        if any(w != GAP for w in gap_a) and GAP not in gap_b:
            return False
        if any(w != GAP for w in gap_b) and GAP not in gap_a:
            return False
    return True
