"""Statements: passages of words that get repeated, and every place each was quoted.

The grain (PRODUCT.md, "What a statement is"): each contiguous quoted fragment of an
attribution is a mention; passages that articles quote apart are separate statements
even when one speaker said them together; a quotation that holds two statements is a
mention of each and never merges them; the same words by clearly different people are
not one statement; a fragment too short to trace (five words or fewer) is none.

How. Each fragment's words (``normalize.tokens``) form a *wording*; identical wordings
share one node (short ones, under ten words and six content words, only when their
speakers may be one: ``speaker_key``), found by its words alone: most quotations repeat
a wording already seen, and cost one lookup. A new wording is aligned (``align.compare``)
with the wordings that share most of its winnowed word trigrams (each trigram's postings
read shortest wording first and a few dozen at most, so a popular statement's hundreds
of wordings cost no more than a rare one's few); each pair that quotes one passage
becomes an edge, with the stretch it covers on each side. Wordings joined by edges form
a family, cut into statements shortest wording first (``decompose``): a wording that
shares a passage with shorter ones joins their statement; one that shares disjoint
passages with two statements is a mention of each, over the part of its words that each
covers; one that shares nothing opens a statement. Shortest first makes the result
independent of arrival order: the passages are those articles quote apart, whichever
came first. A new wording is placed from its neighbours' passages alone when that leaves
every other wording's passages as they were (a longer wording never changes a shorter
one's; it may widen the stretch of a longer one that matched): what cutting the whole
family again would give, at the cost of its edges. Otherwise (it opens a passage that
longer wordings held, or holds two) the family is cut again whole, and ids stay with the
statement that keeps most of an old one's wordings. Everything lives in SQLite (the
tables below), so linking is incremental: one article's fragments touch only their
families, in one batch of writes per article.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from newstrace.extract.quotes import quoted_parts
from newstrace.extract.speakers import is_short_form_or_equal
from newstrace.link.align import AlignSettings, Match, compare, content_words, might_share, word_total
from newstrace.link.evidence import clearly_different, is_name, one_person, proper_words, speaker_group
from newstrace.link.normalize import GAP, sentence_ends, shingle_hashes, tokens, winnow, word_count, words_of
from newstrace.link.occasions import disagree, venues
from newstrace.records import PRONOUNS, Article, Attribution


@dataclass(frozen=True, slots=True)
class LinkSettings:
    align: AlignSettings = field(default_factory=AlignSettings)
    # winnowing window over a wording's trigrams: any run of window + 2 words that two
    # wordings share puts one of its trigrams in the index under both
    window: int = 3
    # wordings read per chosen trigram, the shortest first: enough to find a statement's
    # passages, few enough that a trigram in thousands of wordings costs no more
    postings: int = 64
    # wordings aligned with a new one: those sharing most chosen trigrams (the shorter
    # first on a tie), and for each trigram none of those holds, the best that does
    candidates: int = 64
    # words a stretch must share with another wording's passage to be a mention of it
    overlap: int = 3
    # capitalised words two articles share to tell one story (evidence for a short passage)
    same_story: int = 3
    # place a new wording from its neighbours when that changes no other wording's
    # passages; False cuts the whole family each time (the reference the tests compare)
    local: bool = True


def linking_text(text: str, attribution: Attribution, mask: bytearray | None = None) -> list[str]:
    """The words that identify a statement: the quoted words of a direct or mixed
    attribution (the frame around them is the reporter's), else its whole content."""
    return [text[s:e] for s, e in fragments(text, attribution, mask)]


def fragments(text: str, attribution: Attribution, mask: bytearray | None = None) -> list[tuple[int, int]]:
    """The character spans of an attribution's mentions: each contiguous quoted fragment
    (a paragraph of a longer quotation is a fragment of its own) of a direct or mixed
    attribution, else each span of its content.

    >>> t = '"Rise against them," he said. "Take revenge."'
    >>> a = Attribution("x#a1", "x", "direct", [], [], [(0, 45)], t)
    >>> [t[s:e] for s, e in fragments(t, a)]
    ['Rise against them,', 'Take revenge.']
    """
    spans = attribution.content
    if attribution.kind != "indirect":
        parts = quoted_parts(text, attribution.content, mask)
        if parts and word_count([text[s:e] for s, e in parts]) >= 3:
            spans = parts
    out = []
    for s, e in spans:
        for line_start, line in _lines(text[s:e]):
            if line.strip():
                out.append((s + line_start, s + line_start + len(line)))
    return out


def _lines(text: str):
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1


def in_chunks(items: list, size: int = 500):
    """``items`` in pieces of at most ``size``, each with its "?,?,..." placeholders: an IN
    list stays under SQLite's bound-variable limit."""
    for i in range(0, len(items), size):
        chunk = items[i : i + size]
        yield chunk, ",".join("?" * len(chunk))


def _statement_id(attribution_id: str) -> str:
    return "s" + hashlib.blake2b(attribution_id.encode(), digest_size=6).hexdigest()


def free_id(db: sqlite3.Connection, table: str, make, key: str, taken: set[str] | frozenset = frozenset()) -> str:
    """``make(key)``, or ``make(key + "#2")``, ``#3``, ... : the first not in ``table``
    (nor in ``taken``).

    Ids come from the article or attribution that opened the statement or story, and such
    a row outlives its opener when the opener's article is replaced (re-extracted by
    another model, edited text) while other articles still hold it: the replacement's
    attribution or article of the same id must then open a new one under another id.
    """
    if table not in ("statements", "stories"):  # a name, not a value: it cannot be a parameter
        raise ValueError(f"no ids are made for table {table!r}")
    candidate, n = make(key), 1
    while candidate in taken or db.execute(f"SELECT 1 FROM {table} WHERE id=?", (candidate,)).fetchone():
        n += 1
        candidate = make(f"{key}#{n}")
    return candidate


# speaker names repeat across statements: their checks are cached
_short_form = lru_cache(maxsize=1 << 14)(is_short_form_or_equal)
_named = lru_cache(maxsize=1 << 14)(is_name)
_tokens = lru_cache(maxsize=1 << 13)(tokens)  # a wording's text and its words, read again at each cut


@lru_cache(maxsize=1 << 12)
def _ends(stored: str) -> frozenset[int]:
    """A wording's sentence ends as ``statement_nodes.ends`` stores them (most wordings
    end one sentence at the same few places: read once, not once per alignment)."""
    return frozenset(int(i) for i in stored.split())


def _by_person(names: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int, int]]:
    """Mention counts per person: a short form ("Petrov") counts for the one fuller name it
    fits ("General Anna Petrov"), as each article names the person in its own way; a short
    form that fits several ("Trump": Donald, Ivanka) keeps its own count. Keys are the
    fullest names, values (mentions, length, -first place) for ``max``.

    >>> _by_person({"Anna Petrov": (2, -1), "Petrov": (3, -2), "Ivan Sokolov": (4, -3)})
    {'Anna Petrov': (5, 11, -1), 'Ivan Sokolov': (4, 12, -3)}
    """
    out: dict[str, tuple[int, int, int]] = {}
    for (name, (count, first)), full in zip(names.items(), _fullest(tuple(names))):
        n, _, at = out.get(full, (0, 0, first))
        out[full] = (n + count, len(full), max(at, first))
    return out


@lru_cache(maxsize=1 << 14)
def _fullest(names: tuple[str, ...]) -> tuple[str, ...]:
    """For each of ``names``, the name it counts for in ``_by_person`` (a statement's
    speakers are read again after every article that quotes it: the same few names)."""
    out = []
    for name in names:
        fuller = [f for f in names if f != name and _short_form(name, f)]
        full = fuller[0] if len(fuller) == 1 else name
        if len(fuller) > 1:  # fits more than one: fuller names that are themselves one person?
            longest = max(fuller, key=len)
            if all(_short_form(f, longest) for f in fuller):
                full = longest
        out.append(full)
    return tuple(out)



# --- cutting a family of wordings into statements ----------------------------------------

@dataclass(slots=True)
class _Node:
    id: int
    words: list[str]
    size: int  # words, elisions not counted
    key: str


Region = tuple[int, int, int, int, int]  # lo, hi (the words it covers), core lo, core hi, label


def _carry(regions, o0: int, o1: int, n0: int, n1: int, overlap: int) -> list[tuple[object, int, int]]:
    """Another wording's passages carried over the stretch it shares with this one
    (``o0:o1`` of its words, ``n0:n1`` of this one's): (label, start, end) on this one.

    >>> _carry([(0, 6, 0, 6, "a"), (6, 12, 6, 12, "b")], 4, 12, 0, 8, 3)
    [('b', 2, 8)]
    """
    out = []
    scale = (n1 - n0) / max(1, o1 - o0)
    for lo, hi, _, _, label in regions:
        s, e = max(lo, o0), min(hi, o1)
        if e - s < min(overlap, hi - lo):
            continue
        out.append((label, n0 + round((s - o0) * scale), n0 + round((e - o0) * scale)))
    return out


class Holders:
    """Where wordings are quoted, read from the store (``query(sql, args)``) only when the
    halves of a split quotation are in question: ``of(node)``, its fragments as (article,
    start, end); ``in_article(article)``, the article's fragments as (node, start, end).
    Built from a dict (node -> fragments) when there is no store."""

    def __init__(self, query=None, fixed: dict[int, list[tuple[str, int, int]]] | None = None):
        self.query = query  # query(sql, args) -> rows
        self._of: dict[int, list[tuple[str, int, int]]] = dict(fixed or {})
        self._in: dict[str, list[tuple[int, int, int]]] = {}

    def of(self, node: int) -> list[tuple[str, int, int]]:
        if node not in self._of:
            self._of[node] = [] if self.query is None else self.query(
                "SELECT article, start, end FROM statement_fragments WHERE node=?", (node,)).fetchall()
        return self._of[node]

    def in_article(self, article: str) -> list[tuple[int, int, int]]:
        if article not in self._in:
            if self.query is None:
                self._in[article] = [(n, s, e) for n, found in self._of.items() for a, s, e in found if a == article]
            else:
                self._in[article] = self.query(
                    "SELECT node, start, end FROM statement_fragments WHERE article=?", (article,)).fetchall()
        return self._in[article]


def _halves(holders: Holders, first: list[int], second: list[int], whole: int, repeats: set[int],
            split_gap: int = 120) -> bool:
    """Whether two passages, held by the wordings ``first`` and ``second`` (each in the
    order ``decompose`` cut them), are only ever quoted as the two halves of one
    quotation split around "he said" (``decompose``), asked when wording ``whole`` holds
    both; ``repeats``: the wordings that share a passage with ``whole``."""
    one_nodes, two_nodes = set(first), set(second)
    # an article that quotes the two together (in ``whole``, the wording being cut)
    # may also repeat some of the same words on their own: that is no quoting apart
    together = {a for a, _, _ in holders.of(whole)}

    def near(article: str) -> bool:
        found = holders.in_article(article)
        return any(0 <= s2 - e1 <= split_gap for n1, _, e1 in found if n1 in one_nodes
                   for n2, s2, _ in found if n2 in two_nodes)

    def quoting(node: int) -> set[str]:
        return {a for a, _, _ in holders.of(node) if node not in repeats or a not in together}

    # a cheap refusal: each article that quotes the first's first wording must hold
    # the second half near it (the full test reads every fragment of both)
    if not all(near(a) for a in quoting(first[0])):
        return False
    one = {a for n in first for a in quoting(n)}
    two = {a for n in second for a in quoting(n)}
    return bool(one) and one == two and all(near(a) for a in one)


def _lay_out(cores: list[tuple[int, int, object]], length: int) -> list[Region]:
    """A wording's regions from the cores of its passages (lo, hi, label; in order): the
    words between two passages go to the nearer, the ends to the first and last;
    overlapping passages keep their own stretches; one passage is the whole wording."""
    out: list[Region] = []
    for k, (lo, hi, label) in enumerate(cores):
        start = 0 if k == 0 else max(min(lo, (cores[k - 1][1] + lo) // 2), 0)
        end = length if k == len(cores) - 1 else max(hi, (hi + cores[k + 1][0]) // 2)
        if k and cores[k - 1][1] > lo:
            start = lo
        if k < len(cores) - 1 and cores[k + 1][0] < hi:
            end = hi
        out.append((start, end, lo, hi, label))
    if len(out) == 1:
        out = [(0, length, out[0][2], out[0][3], out[0][4])]
    return out


def decompose(nodes: list[_Node], edges: list[tuple[int, int, int, int, int, int]], overlap: int = 3,
              holders: dict[int, list[tuple[str, int, int]]] | Holders | None = None, split_gap: int = 120,
              joined: list[tuple[int, int]] | None = None) -> dict[int, list[Region]]:
    """Cut wordings joined by ``edges`` (a, b, a0, a1, b0, b1: the stretch they share on
    each side) into statements: for each node, the regions of its words (lo, hi), the core
    that matched (core lo, core hi) and the statement label of each. Shortest first, so a
    longer wording joins the passages quoted apart in shorter ones.

    ``holders``: each node's fragments as (article, start, end). Two passages that are
    only ever quoted as the two halves of one quotation split around "he said" (in the
    same articles, one less than ``split_gap`` characters after the other) are one
    passage when a longer wording holds them together: the split was the reporter's, not
    a choice of words (an article that quotes them together may also repeat some of
    their words on their own). A passage quoted only inside the characters of the longer
    wording's own quotations (another attribution of the same article over some of
    them) was never quoted apart either: it joins the longer wording's nearest passage.
    Each such join is added to ``joined``.

    >>> a, b, ab = (_Node(i, w.split(), len(w.split()), w) for i, w in enumerate(
    ...     ["a b c d e f", "g h i j k l", "a b c d e f g h i j k l"]))
    >>> out = decompose([ab, a, b], [(0, 2, 0, 6, 0, 6), (1, 2, 0, 6, 6, 12)])
    >>> [(lo, hi) for lo, hi, *_ in out[2]], out[2][0][4] == out[0][0][4], out[2][1][4] == out[1][0][4]
    ([(0, 6), (6, 12)], True, True)
    >>> split = decompose([ab, a, b], [(0, 2, 0, 6, 0, 6), (1, 2, 0, 6, 6, 12)],
    ...                   holders={0: [("x", 0, 40)], 1: [("x", 52, 90)], 2: [("y", 0, 80)]})
    >>> len({label for rs in split.values() for *_, label in rs})
    1
    """
    if not isinstance(holders, Holders):
        holders = Holders(fixed=holders or {})
    by_node = {n.id: n for n in nodes}
    touching: dict[int, list[tuple[int, int, int, int, int]]] = defaultdict(list)
    for a, b, a0, a1, b0, b1 in edges:
        if a in by_node and b in by_node:
            touching[a].append((b, b0, b1, a0, a1))
            touching[b].append((a, a0, a1, b0, b1))
    regions: dict[int, list[Region]] = {}
    parent: list[int] = []  # labels made one (union-find)
    members: list[list[int]] = []  # per label: the nodes cut so far that hold it

    def find(label: int) -> int:
        while parent[label] != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    def within(piece: int, whole: int) -> bool:
        # every quotation of ``piece`` lies inside one of ``whole`` in the same article
        # (``whole``'s quotations by article: a popular statement is quoted in thousands)
        found = holders.of(piece)
        if not found:
            return False
        outer: dict[str, list[tuple[int, int]]] = {}
        for b, s2, e2 in holders.of(whole):
            outer.setdefault(b, []).append((s2, e2))
        return all(any(s2 <= s and e <= e2 for s2, e2 in outer.get(a, ())) for a, s, e in found)

    def halves(first: int, second: int, whole: int) -> bool:
        return _halves(holders, members[first], members[second], whole,
                       {other for other, *_ in touching[whole]}, split_gap)

    for node in sorted(nodes, key=lambda n: (n.size, n.key, n.id)):
        spans: dict[int, list[list[int]]] = defaultdict(list)
        for other, o0, o1, n0, n1 in touching[node.id]:
            for label, s, e in _carry(regions.get(other, ()), o0, o1, n0, n1, overlap):
                spans[find(label)].append([s, e])
        if not spans:
            parent.append(len(parent))
            members.append([])
            regions[node.id] = [(0, len(node.words), 0, len(node.words), len(parent) - 1)]
        else:
            cores = sorted((min(s for s, _ in found), max(e for _, e in found), label)
                           for label, found in spans.items())
            for (_, _, first), (_, _, second) in zip(cores, cores[1:]):
                one, two = find(first), find(second)
                if one != two and halves(one, two, node.id):
                    parent[two] = one
                    members[one] += members[two]
                    if joined is not None:
                        joined.append((one, two))
            labels = {find(label) for *_, label in cores}
            if len(labels) > 1:
                # a passage quoted only inside this wording's own quotations (another
                # attribution of the same article read some of the same characters) was
                # never quoted apart: it joins this wording's passage nearest to it (all
                # are one when none was quoted elsewhere)
                own = {label for label in labels if all(within(n, node.id) for n in members[label])}
                rest = [(lo, hi, label) for lo, hi, label in cores if find(label) not in own] or cores[:1]
                for lo, hi, label in cores if own else ():
                    if find(label) in own:
                        *_, target = min(rest, key=lambda c: (max(c[0] - hi, lo - c[1], 0), c))
                        one, two = find(target), find(label)
                        if one != two:
                            parent[two] = one
                            members[one] += members[two]
                            if joined is not None:  # as for halves: a later quotation may part them
                                joined.append((one, two))
            merged: dict[int, list[int]] = {}
            for lo, hi, label in cores:
                span = merged.setdefault(find(label), [lo, hi])
                span[0], span[1] = min(span[0], lo), max(span[1], hi)
            regions[node.id] = _lay_out(sorted((lo, hi, label) for label, (lo, hi) in merged.items()),
                                        len(node.words))
        for label in {find(label) for *_, label in regions[node.id]}:
            members[label].append(node.id)
    return {node: [(lo, hi, c0, c1, find(label)) for lo, hi, c0, c1, label in rs] for node, rs in regions.items()}


def _shown(text: str, c0: int, c1: int) -> str:
    """The characters of a wording's ``text`` that its words [c0, c1) cover, without the
    quotation marks around them: a statement's text."""
    spans = _tokens(text)
    words = text[spans[c0][1]:spans[max(c0, c1 - 1)][2]] if spans and c1 > c0 else text
    return words.strip('"“”„ ')


def _first_key(published: str | None, order: int, attribution: str) -> str:
    """A string that sorts mentions as statements order them: by publication (undated
    last), then input order, then attribution id.

    >>> _first_key("2019-03-20", 5, "a#1") < _first_key("2019-03-21", 0, "b#1") < _first_key(None, 0, "c#1")
    True
    """
    return f"{'1' if published is None else '0'}{published or ''}\x00{order + (1 << 40):015d}\x00{attribution}"


@dataclass(slots=True)
class _Placed:
    """A wording new in this article, with the edges it made."""

    node: int
    words: list[str]
    size: int
    key: str
    text: str
    family: int
    first: str  # the attribution of its earliest fragment
    edges: list[tuple[int, int, int, int, int]]  # other, stretch on this one (2), on the other (2)
    others: dict[int, tuple]  # other -> size, key, words


@dataclass(slots=True)
class _Work:
    """What one add or remove changed, for the bookkeeping after the cuts."""

    article: str | None
    touched: set[str] = field(default_factory=set)  # statements whose speaker and first appearance to read again
    dirty: set[str] = field(default_factory=set)  # statements that lost mentions: speakers counted afresh
    gained: list[tuple[int, str]] = field(default_factory=list)  # (node, statement) a wording newly holds
    repoint: set[int] = field(default_factory=set)  # wordings whose passages changed: their attributions
    retext: set[str] = field(default_factory=set)  # statements whose text to choose again


class StatementIndex:
    """Assigns attributions to statements, inside the caller's transaction. Owns the
    ``statement_*`` tables (see ``Store``'s schema)."""

    def __init__(self, db: sqlite3.Connection, settings: LinkSettings | None = None, speakers=None):
        self.db = db
        self.settings = settings or LinkSettings()
        self._names: dict[str, frozenset[str]] = {}  # an article's proper words, for same-story evidence
        self._grams_sql: dict[int, str] = {}
        # the speaker index (the Linker's), asked whether two speaker ids are one person;
        # made on first use when the statements are linked on their own
        self._speakers = speakers
        self._later: set[str] | None = None  # in a batch: statements whose speaker to read at its end
        # in a batch: speaker counts added by its articles, written at its end (statement ->
        # speaker -> [mentions, first key, its article], as _finish counts them)
        self._counts: dict[str, dict[str, list]] = {}
        # in a batch, what to point at its end: attributions of its articles (and their
        # objects, given their statement then), wordings whose passages changed, statements
        # quoted more or less often
        self._unpointed: dict[str, Attribution | None] = {}
        self._repointed: set[int] = set()
        self._recounted: set[str] = set()
        self._upgrade()

    def _x(self, sql: str, args=()) -> sqlite3.Cursor:
        """Run ``sql``; its rows are plain tuples (the store's connection makes sqlite3.Row,
        slower to build and to compare)."""
        cursor = self.db.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, args)

    def _upgrade(self) -> None:
        """A store linked before the trigram postings and speaker counts had their tables:
        fill them from the wordings and mentions it holds."""
        if self._x("SELECT 1 FROM statement_grams LIMIT 1").fetchone() or not self._x(
                "SELECT 1 FROM statement_nodes LIMIT 1").fetchone():
            return
        began = not self.db.in_transaction
        if began:
            self._x("BEGIN IMMEDIATE")
        with_rows = []
        for node, key, size in self._x("SELECT id, key, size FROM statement_nodes").fetchall():
            chosen = winnow(shingle_hashes(key.split("\x1f")[0].split(" ")), self.settings.window)
            with_rows += [(g, size, node) for g in chosen]
        self.db.executemany("INSERT OR IGNORE INTO statement_grams(shingle, size, node) VALUES (?,?,?)", with_rows)
        for (statement,) in self._x("SELECT id FROM statements").fetchall():
            self._count_afresh(statement)
        if began:
            self._x("COMMIT")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Link many articles in one transaction (a relink, a bulk load): each statement's
        speaker and first appearance are read once, at the end, instead of after every
        article that quotes it (a popular statement is quoted in thousands). The result is
        what linking them one by one gives; nothing reads a statement's speaker or first
        appearance while linking."""
        if self._later is not None:  # nested: the outer batch reads them
            yield
            return
        if not self.db.in_transaction:
            # a crash mid-batch must not leave statements without speaker or first appearance
            raise RuntimeError("StatementIndex.batch() needs an open transaction (Store.transaction())")
        self._later = set()
        self._unpointed, self._repointed, self._recounted = {}, set(), set()
        self._counts = {}
        try:
            yield
            self._add_counts({(st, sp): entry for st, found in self._counts.items() for sp, entry in found.items()})
            self._counts = {}
            self._point_later()
            for statement in sorted(self._later):
                self.refresh(statement)
        finally:
            self._later = None
            self._unpointed, self._repointed, self._recounted = {}, set(), set()
            self._counts = {}

    def _point_later(self) -> None:
        """The end of a batch: each attribution its articles hold, and each of other
        articles that linking one by one would have pointed again (its wording's passages
        changed, or it quotes several statements and one is now quoted more or less
        often), pointed once from what the batch left (``_point``)."""
        self._pointed = {}
        self._point_each(set(self._unpointed) | self._quoting_again(self._repointed, self._recounted))
        for attribution_id, attribution in self._unpointed.items():
            if attribution is not None:
                attribution.statement = self._pointed.get(attribution_id)

    def _quoting_again(self, nodes: set[int], statements: set[str], besides: str = "") -> set[str]:
        """The attributions to point again: those whose wordings' (``nodes``) passages
        changed, and those that quote several statements, one of which (``statements``)
        is now quoted more or less often; none of article ``besides``'s fragments."""
        found: set[str] = set()
        for chunk, marks in in_chunks(sorted(nodes)):
            found.update(a for (a,) in self._x(
                f"SELECT DISTINCT attribution FROM statement_fragments WHERE node IN ({marks}) AND article != ?",
                [*chunk, besides]))
        for chunk, marks in in_chunks(sorted(statements)):
            found.update(a for (a,) in self._x(
                f"SELECT DISTINCT attribution FROM statement_shared WHERE statement IN ({marks})", chunk))
        return found

    def _point_each(self, attribution_ids: set[str]) -> None:
        """``_point`` each of ``attribution_ids`` from the statements its fragments hold."""
        for chunk, marks in in_chunks(sorted(attribution_ids)):
            self._point(set(chunk), self._x(
                "SELECT f.attribution, f.part, f.speaker, g.statement, g.lo, g.hi FROM statement_fragments f"
                f" JOIN statement_regions g ON g.node = f.node WHERE f.attribution IN ({marks})", chunk).fetchall())

    # --- adding -----------------------------------------------------------------------

    def add(self, article: Article, attributions: list[Attribution], mask: bytearray | None = None) -> set[str]:
        """Link the fragments of each attribution of a stored ``article``; the statements
        they belong to afterwards."""
        work = _Work(article.id)
        align = self.settings.align
        found = []
        for attribution in attributions:
            for part, (s, e) in enumerate(fragments(article.text, attribution, mask)):
                text = article.text[s:e]
                words = words_of(text)  # their spans only for a new wording (_new_node)
                size = word_total(words)
                if size < align.min_words:
                    continue  # too short to tell one statement from another
                group = speaker_group(attribution.speaker) if size < align.run else ""
                found.append((attribution, part, s, e, words, text, " ".join(words) + f"\x1f{group}"))
        known: dict[str, tuple[int, int]] = {}  # key -> node, text_order
        for chunk, marks in in_chunks(sorted({f[-1] for f in found})):
            for node, key, order in self._x(
                    f"SELECT id, key, text_order FROM statement_nodes WHERE key IN ({marks})", chunk):
                known[key] = (node, order)
        placed: dict[int, _Placed] = {}
        merged: set[int] = set()  # new wordings that joined two families: those are cut whole
        rows: list[tuple] = []
        nodes: set[int] = set()
        for attribution, part, s, e, words, text, key in found:
            if key in known:
                node, order = known[key]
                if node in placed:
                    placed[node].first = min(placed[node].first, attribution.id)
                elif article.order < order:  # the wording as the earliest article has it, however linked
                    self._x("UPDATE statement_nodes SET text=?, text_order=? WHERE id=?",
                                    (" ".join(text.split()), article.order, node))
                    known[key] = (node, article.order)
                    work.retext.update(st for (st,) in self._x(
                        "SELECT statement FROM statement_regions WHERE node=?", (node,)))
            else:
                self._insert_fragments(rows)  # a new wording's speaker evidence reads the fragments before it
                new, joins = self._new_node(words, _tokens(text), text, attribution, article, key, s)
                placed[new.node] = new
                known[key] = (new.node, article.order)
                if joins:
                    merged.add(new.node)
                node = new.node
            rows.append((attribution.id, article.id, part, s, e, node, attribution.speaker or ""))
            nodes.add(node)
        self._insert_fragments(rows)
        self._place_all(placed, merged, nodes, work)
        self._finish(work, article, [a.id for a in attributions])
        if self._later is not None:  # pointed at the end of the batch
            self._unpointed.update((a.id, a) for a in attributions)
            return work.touched
        for attribution in attributions:
            attribution.statement = self._pointed.get(attribution.id)
        return work.touched

    def _insert_fragments(self, rows: list[tuple]) -> None:
        """Store the fragments in ``rows`` (and empty it)."""
        self.db.executemany(
            "INSERT INTO statement_fragments(attribution, article, part, start, end, node, speaker)"
            " VALUES (?,?,?,?,?,?,?)", rows)
        rows.clear()

    def _place_all(self, placed: dict[int, _Placed], merged: set[int], nodes: set[int], work: _Work) -> None:
        """Regions for the new wordings, family by family, shortest first; a family that one
        cannot be placed in without changing others' passages is cut whole."""
        family_of: dict[int, int] = {}
        for chunk, marks in in_chunks(sorted(nodes)):
            family_of.update((node, family) for node, family in self._x(
                f"SELECT id, family FROM statement_nodes WHERE id IN ({marks})", chunk))
        whole = {family_of[n] for n in merged}
        families = sorted(set(family_of.values()))
        for chunk, marks in in_chunks(families):
            # a family that joined the halves of a split quotation: every new quotation may part them
            whole.update(f for (f,) in self._x(
                f"SELECT family FROM statement_families WHERE family IN ({marks})", chunk))
        for new in list(placed.values()):  # an edge one new wording made is the other's too
            for other, n0, n1, o0, o1 in list(new.edges):
                if other in placed:
                    placed[other].edges.append((new.node, o0, o1, n0, n1))
                    placed[other].others[new.node] = (new.size, new.key, new.words)
        by_family: dict[int, list[_Placed]] = defaultdict(list)
        for new in placed.values():
            new.family = family_of[new.node]
            by_family[new.family].append(new)
        for family in sorted(by_family):
            if family in whole:
                continue
            for new in sorted(by_family[family], key=lambda p: (p.size, p.key)):
                if not (self.settings.local and self._place(new, work)):
                    whole.add(family)
                    break
        for family in sorted(whole):
            self._cut(family, work)

    def _new_node(self, words: list[str], spans: list[tuple[str, int, int]], text: str, attribution: Attribution,
                  article: Article, key: str, at: int = 0) -> tuple[_Placed, bool]:
        """A node for a new wording, indexed, with an edge to each neighbour it shares a
        passage with; whether it joined two families or more."""
        settings = self.settings
        size = word_total(words)
        ends = sentence_ends(text, spans)
        chosen = sorted(winnow(shingle_hashes(words), settings.window))
        speaker = attribution.speaker or ""
        edges: list[tuple[int, int, int, int, int]] = []
        others: dict[int, tuple] = {}
        families: set[int] = set()
        short = settings.align.strong_words - 2  # wordings this short have few trigrams to share
        # a run or a whole longer wording puts two chosen trigrams in common (the size, known
        # here, is at most the number of words with elisions that the test below reads)
        candidates = [(other, shared) for other, shared, other_size in self._candidates(chosen)
                      if shared >= 2 or len(words) < short or other_size < short]
        if candidates:
            rows = {}
            for chunk, marks in in_chunks([other for other, _ in candidates]):
                rows.update((r[0], r[1:]) for r in self._x(
                    f"SELECT id, key, ends, size, family FROM statement_nodes WHERE id IN ({marks})", chunk))
            mine = set(words) - {GAP}
            here = None  # where the article says these words were said: read at the first match
            for other, shared in candidates:
                other_key, their_ends, other_size, family = rows[other]
                theirs = other_key.split("\x1f")[0].split(" ")
                if shared < 2 and min(len(words), len(theirs)) >= short:
                    continue  # a run or a whole longer wording puts two chosen trigrams in common
                if not might_share(mine, theirs, settings.align):
                    continue
                match = compare(words, theirs, settings.align, ends, _ends(their_ends))
                if match is None:
                    continue
                if here is None:
                    here = venues(article.text, at)
                if self._speakers_allow(match, other, speaker, attribution.speaker_id, article, here):
                    edges.append((other, match.a0, match.a1, match.b0, match.b1))
                    others[other] = (other_size, other_key, theirs)
                    families.add(family)
        node = (self._x("SELECT MAX(id) FROM statement_nodes").fetchone()[0] or 0) + 1
        family = min(families) if families else node
        weak = size < settings.align.strong_words and content_words(words) < settings.align.strong_content
        group = key.rsplit("\x1f", 1)[1]
        shown = " ".join(text.split())
        self._x(
            "INSERT INTO statement_nodes(id, key, size, weak, speaker, text, text_order, ends, family)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (node, key, size, int(weak), group, shown, article.order,
             " ".join(map(str, sorted(ends))), family))
        # the new node has the highest id: it is always the edge's b
        self.db.executemany("INSERT OR IGNORE INTO statement_edges(a, b, a0, a1, b0, b1) VALUES (?,?,?,?,?,?)",
                            [(other, node, o0, o1, n0, n1) for other, n0, n1, o0, o1 in edges])
        self.db.executemany("INSERT OR IGNORE INTO statement_grams(shingle, size, node) VALUES (?,?,?)",
                            [(g, size, node) for g in chosen])
        for other in sorted(families - {family}):
            self._x("UPDATE statement_nodes SET family=? WHERE family=?", (family, other))
            self._x("DELETE FROM statement_families WHERE family=?", (other,))
        return _Placed(node, words, size, key, shown, family, attribution.id, edges, others), len(families) > 1

    def _candidates(self, chosen: list[int]) -> list[tuple[int, int, int]]:
        """Wordings that may share a passage with one whose chosen trigrams are ``chosen``,
        with how many they share and their size: of each trigram's postings the shortest
        wordings first (a few dozen at most); those sharing most, and for each trigram that
        none of them holds, the best that does."""
        if not chosen:
            return []
        if len(chosen) > 62:
            return self._candidates_listed(chosen)
        # counted and ranked by SQLite (four tenths less time than counting the rows here):
        # which of the trigrams each wording holds as the bits of one integer (the trigrams
        # are distinct: one bit each, 62 at most)
        sql = self._grams_sql.get(len(chosen))
        if sql is None:
            arms = " UNION ALL ".join(
                f"SELECT node, size, {1 << k} AS bit FROM (SELECT node, size FROM statement_grams"
                " WHERE shingle=? ORDER BY size, node LIMIT ?)" for k in range(len(chosen)))
            sql = self._grams_sql[len(chosen)] = (
                f"SELECT node, COUNT(*) AS shared, MIN(size) AS size, SUM(bit) FROM ({arms})"
                " GROUP BY node ORDER BY shared DESC, size, node")
        ranked = self._x(sql, [v for g in chosen for v in (g, self.settings.postings)]).fetchall()
        top = ranked[:self.settings.candidates]
        covered = 0
        for row in top:
            covered |= row[3]
        for row in ranked[self.settings.candidates:]:
            if row[3] & ~covered:
                top.append(row)
                covered |= row[3]
        return [(node, shared, size) for node, shared, size, _ in top]

    def _candidates_listed(self, chosen: list[int]) -> list[tuple[int, int, int]]:
        """``_candidates`` counted here from the postings' rows: for a wording of more
        chosen trigrams than an integer has bits (and the reference the tests compare)."""
        sql = self._grams_sql.get(-len(chosen))
        if sql is None:
            arm = ("SELECT * FROM (SELECT shingle, node, size FROM statement_grams WHERE shingle=?"
                   " ORDER BY size, node LIMIT ?)")
            sql = self._grams_sql[-len(chosen)] = " UNION ALL ".join([arm] * len(chosen))
        hits: dict[int, set[int]] = defaultdict(set)
        sizes: dict[int, int] = {}
        for gram, node, size in self._x(sql, [v for g in chosen for v in (g, self.settings.postings)]):
            hits[node].add(gram)
            sizes[node] = size
        ranked = sorted(hits, key=lambda n: (-len(hits[n]), sizes[n], n))
        top = ranked[:self.settings.candidates]
        covered = set().union(*(hits[n] for n in top)) if top else set()
        for node in ranked[self.settings.candidates:]:
            if hits[node] - covered:
                top.append(node)
                covered |= hits[node]
        return [(n, len(hits[n]), sizes[n]) for n in top]

    def _place(self, new: _Placed, work: _Work) -> bool:
        """Regions for a new wording from its shorter neighbours' passages, when that changes
        no other wording's passages: it holds at most one passage, and every longer
        neighbour it reaches holds that one alone (its matched stretch may widen). False,
        with nothing written, when the family must be cut whole."""
        overlap = self.settings.overlap
        regions: dict[int, list[tuple]] = defaultdict(list)
        for chunk, marks in in_chunks([other for other, *_ in new.edges]):
            for node, *region in self._x(
                    f"SELECT node, lo, hi, core_lo, core_hi, statement FROM statement_regions WHERE node IN ({marks})",
                    chunk):
                regions[node].append(tuple(region))
        mine = (new.size, new.key)
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        longer = []
        for other, n0, n1, o0, o1 in new.edges:
            if other not in regions:
                continue  # new in this article and longer: placed after this one
            if new.others[other][:2] < mine:
                for label, s, e in _carry(regions[other], o0, o1, n0, n1, overlap):
                    spans[label].append((s, e))
            else:
                longer.append((other, n0, n1, o0, o1))
        if len(spans) > 1:
            return self._place_several(new, spans, regions, longer, work)
        length = len(new.words)
        label = next(iter(spans), None)
        core = (min(s for s, _ in spans[label]), max(e for _, e in spans[label])) if spans else (0, length)
        shortest = None  # the family's shortest wording, when this one takes its place
        if label is None and longer:
            found = self._sole_statement(new)
            if found is None:
                return False
            label, shortest = found
        widened = []
        for other, n0, n1, o0, o1 in longer:
            carried = _carry([(0, length, 0, length, label)], n0, n1, o0, o1, overlap)
            if not carried:
                continue
            theirs = regions[other]
            if label is None or len(theirs) != 1 or theirs[0][4] != label:
                return False  # it would open or add a passage in a longer wording
            lo, hi, c0, c1, _ = theirs[0]
            w0, w1 = min(c0, min(s for _, s, _ in carried)), max(c1, max(e for *_, e in carried))
            if other == shortest:  # it opened the statement: now its core is what it shares with this one
                w0, w1 = min(s for _, s, _ in carried), max(e for *_, e in carried)
                shortest = None
            if (w0, w1) != (c0, c1):
                widened.append((other, lo, w0, w1))
        if shortest is not None:
            return False  # the family's shortest wording would open a statement of its own
        if not spans and label is not None:
            work.retext.add(label)  # the old shortest one's core narrowed: the text is chosen again
        if label is None:
            label = free_id(self.db, "statements", _statement_id, new.first)
            self._x("INSERT INTO statements(id, text, words, shingles) VALUES (?, '', 0, 0)", (label,))
        self._x(
            "INSERT INTO statement_regions(node, lo, hi, core_lo, core_hi, statement) VALUES (?,?,?,?,?,?)",
            (new.node, 0, length, core[0], core[1], label))
        self.db.executemany("UPDATE statement_regions SET core_lo=?, core_hi=? WHERE node=? AND lo=? AND statement=?",
                            [(w0, w1, other, lo, label) for other, lo, w0, w1 in widened])
        self._x("UPDATE statements SET shingles = shingles + 1 WHERE id=?", (label,))
        texts: dict[int, str] = {}
        for chunk, marks in in_chunks([other for other, *_ in widened]):  # read only for the widened
            texts.update((node, text) for node, text in self._x(
                f"SELECT id, text FROM statement_nodes WHERE id IN ({marks})", chunk))
        offers = [(new.node, new.words, new.text, *core)]
        offers += [(other, new.others[other][2], texts[other], w0, w1) for other, _, w0, w1 in widened]
        self._offer_text(label, offers, work)
        work.touched.add(label)
        return True

    def _place_several(self, new: _Placed, spans: dict[str, list[tuple[int, int]]],
                       regions: dict[int, list[tuple]], longer: list[tuple[int, int, int, int, int]],
                       work: _Work) -> bool:
        """Regions for a new wording that holds two passages or more of its family (its
        shorter neighbours carry several statements; ``_place`` has read their regions and
        found its ``longer`` neighbours), when that changes no other wording's passages;
        False, with nothing written, when the family must be cut whole. A cut of the whole
        family gives the same, since the family has joined no halves of a split
        quotation (``_place_all`` cuts those whole), when:

        - the passages are not the halves of one quotation as seen from this wording
          (``_halves``, asked of the wordings shorter than this one, as a cut asks it);
        - no other wording of the family is quoted in this article, and this one is
          quoted once in it: then no longer wording's question of halves (nor of a passage
          quoted only inside its quotations) changes for this one holding its passages
          (its only article holds no two quotations of the family);
        - each longer neighbour already holds every passage this one carries to it,
          within the words that passage covers there (a wording with one passage may
          widen that stretch, as in ``_place``).
        """
        overlap = self.settings.overlap
        length = len(new.words)
        labels = sorted(spans)
        marks = ",".join("?" * len(labels))
        if self._x(
                "SELECT 1 FROM statement_fragments f JOIN statement_nodes n ON n.id = f.node"
                " WHERE f.article=? AND f.node != ? AND n.family=? LIMIT 1",
                (work.article or "", new.node, new.family)).fetchone():
            return False
        if self._x("SELECT COUNT(*) FROM statement_fragments WHERE node=?", (new.node,)).fetchone()[0] != 1:
            return False
        # the wordings of the family that hold each passage, in the order a cut takes them
        holding: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        for statement, node, size, key in self._x(
                "SELECT g.statement, n.id, n.size, n.key FROM statement_regions g JOIN statement_nodes n"
                f" ON n.id = g.node WHERE n.family=? AND g.statement IN ({marks})", [new.family, *labels]):
            if (size, key) < (new.size, new.key):
                holding[statement].append((size, key, node))
        members = {label: sorted(holding[label]) for label in labels}
        if not all(members.values()):
            return False
        # a cut numbers passages in the order their first wordings open them: of two
        # passages over the same words of this one, the one opened first comes first
        cores = sorted((min(s for s, _ in spans[label]), max(e for _, e in spans[label]), members[label][0], label)
                       for label in labels)
        labels = [label for *_, label in cores]
        members = {label: [node for *_, node in found] for label, found in members.items()}
        holders = Holders(self._x)
        repeats = {other for other, *_ in new.edges}
        for first, second in zip(labels, labels[1:]):
            if _halves(holders, members[first], members[second], new.node, repeats):
                return False
        out = _lay_out([(lo, hi, label) for lo, hi, _, label in cores], length)
        widened = []
        for other, n0, n1, o0, o1 in longer:
            carried = _carry(out, n0, n1, o0, o1, overlap)
            if not carried:
                continue
            theirs = {region[4]: region for region in regions[other]}
            if any(label not in theirs for label, _, _ in carried):
                return False  # it would add a passage to a longer wording
            if len(theirs) > 1:
                if any(s < theirs[label][2] or e > theirs[label][3] for label, s, e in carried):
                    return False  # it would move a passage's stretch, and so the words each covers
                continue
            lo, hi, c0, c1, label = regions[other][0]
            w0, w1 = min(c0, min(s for _, s, _ in carried)), max(c1, max(e for *_, e in carried))
            if (w0, w1) != (c0, c1):
                widened.append((other, lo, w0, w1, label))
        self.db.executemany(
            "INSERT INTO statement_regions(node, lo, hi, core_lo, core_hi, statement) VALUES (?,?,?,?,?,?)",
            [(new.node, *region) for region in out])
        self.db.executemany("UPDATE statement_regions SET core_lo=?, core_hi=? WHERE node=? AND lo=? AND statement=?",
                            [(w0, w1, other, lo, label) for other, lo, w0, w1, label in widened])
        self.db.executemany("UPDATE statements SET shingles = shingles + 1 WHERE id=?", [(label,) for label in labels])
        texts: dict[int, str] = {}
        for chunk, marks in in_chunks([other for other, *_ in widened]):
            texts.update((node, text) for node, text in self._x(
                f"SELECT id, text FROM statement_nodes WHERE id IN ({marks})", chunk))
        for _, _, c0, c1, label in out:
            offers = [(new.node, new.words, new.text, c0, c1)]
            offers += [(other, new.others[other][2], texts[other], w0, w1)
                       for other, _, w0, w1, widened_label in widened if widened_label == label]
            self._offer_text(label, offers, work)
            work.touched.add(label)
        return True

    def _sole_statement(self, new: _Placed) -> tuple[str, int] | None:
        """The statement and the shortest wording of ``new``'s family, when every wording
        of it holds that one statement alone (one region each, no other family holds it)
        and ``new`` is shorter than all of them. Then a cut of the whole family has ``new``
        open the passage, and the old shortest (if it is a neighbour that carries it:
        ``_place`` checks) and through it every other wording carry it on as before, under
        the old id; only the old shortest's core becomes the stretch it shares with ``new``."""
        regions, nodes, statements, statement = self._x(
            "SELECT COUNT(*), COUNT(DISTINCT g.node), COUNT(DISTINCT g.statement), MIN(g.statement)"
            " FROM statement_nodes n JOIN statement_regions g ON g.node = n.id WHERE n.family=?",
            (new.family,)).fetchone()
        if not regions or regions != nodes or statements != 1:
            return None
        if self._x("SELECT COUNT(*) FROM statement_regions WHERE statement=?", (statement,)).fetchone()[0] != regions:
            return None
        node, size, key = self._x(
            "SELECT n.id, n.size, n.key FROM statement_nodes n JOIN statement_regions g ON g.node = n.id"
            " WHERE n.family=? ORDER BY n.size, n.key, n.id LIMIT 1", (new.family,)).fetchone()
        if (size, key) <= (new.size, new.key):
            return None  # it keeps opening the statement; the new one would open another
        return statement, node

    def _offer_text(self, statement: str, offers: list[tuple[int, list[str], str, int, int]], work: _Work) -> None:
        """Keep a statement's text the words of its longest core (of equals, the first in
        code-point order), given new or widened cores."""
        words, text, text_node = self._x(
            "SELECT words, text, text_node FROM statements WHERE id=?", (statement,)).fetchone()
        best = (words, text, text_node)
        for node, node_words, node_text, c0, c1 in offers:
            size = word_total(node_words[c0:c1])
            if size < best[0]:
                continue
            shown = _shown(node_text, c0, c1)
            if size > best[0] or shown < best[1]:
                best = (size, shown, node)
            elif node == text_node and shown != text:
                work.retext.add(statement)  # its own text widened over an elision: choose again
        if best != (words, text, text_node):
            self._x("UPDATE statements SET text=?, words=?, text_node=? WHERE id=?",
                            (best[1], best[0], best[2], statement))

    def _speakers_allow(self, match: Match, other: int, speaker: str, speaker_id: str | None,
                        article: Article, here: frozenset[str] = frozenset()) -> bool:
        """Whether who speaks allows a match: a run of words links whoever speaks (a
        quote given to the wrong person, or read out by another, is still the same
        words); a shorter passage not when the speakers are clearly two people; a short
        one (not ``strong``) only when both are one person, or when neither is clearly
        another and the two articles tell one story (a short phrase in unrelated stories
        is too common to trace). Who is one person: the store's speaker ids where they
        tell ("Labour's Mr Livingstone" and "Ken Livingstone" one, "George W. Bush" and
        "George H. W. Bush" two: ``evidence.one_person``), else the names. One person's
        words said at two venues the articles name are two statements (``occasions``)."""
        if match.matched >= self.settings.align.run:
            return not self._two_occasions(other, speaker, speaker_id, article, here)
        theirs = self._x(
            "SELECT DISTINCT f.speaker, a.speaker_id, f.article FROM statement_fragments f"
            " LEFT JOIN attributions a ON a.id = f.attribution WHERE f.node=? LIMIT 50", (other,)).fetchall()
        possible = []
        for their_speaker, their_id, other_article in theirs:
            one = one_person(speaker or None, their_speaker or None, speaker_id, their_id, self._same_speaker)
            if one is not False:
                possible.append((one, other_article))
        if match.strong or not possible:
            return bool(possible)
        if any(one for one, _ in possible):
            return True
        mine = proper_words(article.text)
        for _, other_article in possible[:5]:
            if len(mine & self._proper_words(other_article)) >= self.settings.same_story:
                return True
        return False

    def _two_occasions(self, other: int, speaker: str, speaker_id: str | None, article: Article,
                       here: frozenset[str]) -> bool:
        """Whether every quotation of wording ``other`` is the same person's words at
        another venue than ``here``, the venues this article names for its quotation."""
        if not here:
            return False
        theirs = self._x(
            "SELECT f.speaker, a.speaker_id, f.article, f.start FROM statement_fragments f"
            " LEFT JOIN attributions a ON a.id = f.attribution WHERE f.node=? LIMIT 50", (other,)).fetchall()
        for their_speaker, their_id, other_article, start in theirs:
            if one_person(speaker or None, their_speaker or None, speaker_id, their_id, self._same_speaker) is not True:
                return False  # another's reading of the words is still the words
            text = self._article_text(other_article)
            if not disagree(article.text, here, text, venues(text, start)):
                return False
        return bool(theirs)

    def _article_text(self, article_id: str) -> str:
        row = self._x("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else ""

    def _same_speaker(self, a: str, b: str) -> bool | None:
        """Whether speaker ids ``a`` and ``b`` are one person, as far as evidence goes: the
        speaker index's answer, except that two ids are two people only when the names it
        gives them are clearly two (it keeps "Andrew Wetzler" and a misspelt "Andrew
        Welzler", or "Charlie" and "Charlie Kafoury", apart for want of evidence, not
        because they differ; a bare "Trump" it gave to Ivanka Trump is not Donald Trump)."""
        if self._speakers is None:
            from newstrace.link.speakers import SpeakerIndex  # the index that owns the ids

            self._speakers = SpeakerIndex(self.db)
        known = self._speakers.same_speaker(a, b)
        if known is False:
            names = dict(self._x("SELECT id, name FROM speakers WHERE id IN (?, ?)", (a, b)).fetchall())
            return False if clearly_different(names.get(a), names.get(b)) else None
        return known

    def _proper_words(self, article_id: str) -> frozenset[str]:
        cached = self._names.get(article_id)
        if cached is None:
            cached = proper_words(self._article_text(article_id))
            if len(self._names) > 4096:
                self._names.clear()
            self._names[article_id] = cached
        return cached

    # --- cutting a family whole -------------------------------------------------------

    def _cut(self, family: int, work: _Work) -> None:
        """Cut ``family`` into statements again; only the wordings whose regions change are
        written."""
        nodes = [_Node(i, key.split("\x1f")[0].split(" "), size, key) for i, key, size in self._x(
            "SELECT id, key, size FROM statement_nodes WHERE family=?", (family,))]
        if not nodes:
            return
        ids = [n.id for n in nodes]
        edges, old_rows = [], []
        for chunk, marks in in_chunks(ids):
            # both ends of an edge are in the family: its edges are those whose b is
            # (the table's key), taken in the order of (a, b) as before
            edges += self._x(
                f"SELECT a, b, a0, a1, b0, b1 FROM statement_edges WHERE b IN ({marks})", chunk).fetchall()
            old_rows += self._x(
                f"SELECT node, lo, hi, core_lo, core_hi, statement FROM statement_regions WHERE node IN ({marks})",
                chunk).fetchall()
        edges.sort()
        old: dict[int, list[Region]] = defaultdict(list)
        for node, *region in old_rows:
            old[node].append(tuple(region))
        joined: list[tuple[int, int]] = []
        regions = decompose(nodes, edges, self.settings.overlap, Holders(self._x), joined=joined)
        names = self._name(regions, old, family, nodes)
        new = {node: sorted((lo, hi, c0, c1, names[label]) for lo, hi, c0, c1, label in rs)
               for node, rs in regions.items()}
        changed = [n for n in ids if new[n] != sorted(old.get(n, []))]
        self.db.executemany("DELETE FROM statement_regions WHERE node=?", [(n,) for n in changed])
        self.db.executemany(
            "INSERT INTO statement_regions(node, lo, hi, core_lo, core_hi, statement) VALUES (?,?,?,?,?,?)",
            [(n, *region) for n in changed for region in new[n]])
        before = {st for rs in old.values() for *_, st in rs}
        after = set(names.values())
        for gone in sorted(before - after):
            if not self._x("SELECT 1 FROM statement_regions WHERE statement=? LIMIT 1", (gone,)).fetchone():
                self._drop_statement(gone)
        for statement in sorted(after - before):
            self._x("INSERT OR IGNORE INTO statements(id, text, words, shingles) VALUES (?, '', 0, 0)",
                            (statement,))
        affected: set[str] = set()
        for n in changed:
            was = {st: (lo, hi) for lo, hi, _, _, st in old.get(n, [])}
            now = {st: (lo, hi) for lo, hi, _, _, st in new[n]}
            affected |= was.keys() | now.keys()
            work.dirty |= was.keys() - now.keys()
            work.gained += [(n, st) for st in sorted(now.keys() - was.keys())]
            if was.keys() != now.keys():
                work.repoint.add(n)
            elif was != now:  # the same statements over other words: which quotation holds which may change
                work.repoint.add(n)
        self._texts(new, affected & after, {n.id: n for n in nodes})
        work.touched |= affected & after
        if joined:
            self._x("INSERT OR IGNORE INTO statement_families(family) VALUES (?)", (family,))
        else:
            self._x("DELETE FROM statement_families WHERE family=?", (family,))

    def _name(self, regions: dict[int, list[Region]], old: dict[int, list[Region]], family: int,
              nodes: list[_Node]) -> dict[int, str]:
        """A statement id for each label: the old statement whose regions it overlaps
        most (each old id to one label, the larger first; not one that wordings of
        another family still hold, as when a family parts), else a new id made from the
        attribution of its earliest fragment."""
        place = {n.id: (n.size, n.key) for n in nodes}
        votes: dict[int, Counter[str]] = defaultdict(Counter)
        size: Counter[int] = Counter()
        opener: dict[int, tuple[int, str]] = {}  # the shortest wording that holds it
        holding: dict[int, list[int]] = defaultdict(list)
        for node, rs in regions.items():
            for lo, hi, _, _, label in rs:
                size[label] += 1
                holding[label].append(node)
                opener[label] = min(opener.get(label, place[node]), place[node])
                for olo, ohi, _, _, statement in old.get(node, ()):
                    if min(hi, ohi) > max(lo, olo):
                        votes[label][statement] += 1
        names: dict[int, str] = {}
        taken: set[str] = set()
        for chunk, marks in in_chunks(sorted({st for rs in old.values() for *_, st in rs})):
            taken.update(st for (st,) in self._x(
                "SELECT DISTINCT g.statement FROM statement_regions g JOIN statement_nodes n ON n.id = g.node"
                f" WHERE n.family != ? AND g.statement IN ({marks})", [family, *chunk]))
        for label in sorted(size, key=lambda lb: (-size[lb], opener[lb])):
            for statement, _ in sorted(votes[label].items(), key=lambda kv: (-kv[1], kv[0])):
                if statement not in taken:
                    names[label] = statement
                    break
            taken.add(names.get(label, ""))
        for label in sorted((lb for lb in size if lb not in names), key=lambda lb: opener[lb]):
            first = ""
            for chunk, marks in in_chunks(holding[label]):
                row = self._x(
                    "SELECT r.ord, f.attribution FROM statement_fragments f JOIN articles r ON r.id = f.article"
                    f" WHERE f.node IN ({marks}) ORDER BY r.ord, f.attribution LIMIT 1", chunk).fetchone()
                if row and (not first or tuple(row) < first):
                    first = tuple(row)
            names[label] = free_id(self.db, "statements", _statement_id, first[1] if first else str(label), taken)
            taken.add(names[label])
        return names

    def _texts(self, regions: dict[int, list[Region]], statements: set[str], nodes: dict[int, _Node]) -> None:
        """The text of each of ``statements``, from the family's regions: the words of its
        longest core (the part of a wording that matched the passage), of equals the first
        in code-point order; and how many wordings hold it."""
        if not statements:
            return
        longest: dict[str, int] = {}
        count: Counter[str] = Counter()
        cores: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for node, rs in regions.items():
            for _, _, c0, c1, statement in rs:
                if statement in statements:
                    size = word_total(nodes[node].words[c0:c1])
                    count[statement] += 1
                    if size >= longest.get(statement, 0):
                        if size > longest.get(statement, 0):
                            cores[statement] = []
                        longest[statement] = size
                        cores[statement].append((node, c0, c1))
        texts: dict[int, str] = {}
        needed = sorted({node for found in cores.values() for node, _, _ in found})
        for chunk, marks in in_chunks(needed):
            texts.update((node, text) for node, text in self._x(
                f"SELECT id, text FROM statement_nodes WHERE id IN ({marks})", chunk))
        for statement in sorted(statements):
            if statement not in cores:
                continue
            shown, node = min((_shown(texts[n], c0, c1), n) for n, c0, c1 in cores[statement])
            self._x("UPDATE statements SET text=?, words=?, shingles=?, text_node=? WHERE id=?",
                            (shown, longest[statement], count[statement], node, statement))

    def _retext(self, statement: str) -> None:
        """A statement's text chosen again from all the wordings that hold it."""
        rows = self._x(
            "SELECT g.node, g.lo, g.hi, g.core_lo, g.core_hi, n.key, n.size FROM statement_regions g"
            " JOIN statement_nodes n ON n.id = g.node WHERE g.statement=?", (statement,)).fetchall()
        regions = {node: [(lo, hi, c0, c1, statement)] for node, lo, hi, c0, c1, _, _ in rows}
        nodes = {node: _Node(node, key.split("\x1f")[0].split(" "), size, key) for node, *_, key, size in rows}
        self._texts(regions, {statement}, nodes)

    def _drop_statement(self, statement: str) -> None:
        self._drop_counts(statement)
        self._x("DELETE FROM statements WHERE id=?", (statement,))
        self._x("DELETE FROM statement_speakers WHERE statement=?", (statement,))

    # --- after the cuts: attributions, speakers, texts --------------------------------

    def _finish(self, work: _Work, article: Article | None = None, attribution_ids: list[str] = ()) -> None:
        """The bookkeeping of an add or a remove: each statement's speaker counts, each
        attribution's statement, each statement's text, speaker and first appearance."""
        self._pointed: dict[str, str | None] = {}
        counts: dict[tuple[str, str], list] = {}

        def count(statement: str, speaker: str, key: str, article_id: str) -> None:
            entry = counts.setdefault((statement, speaker), [0, key, article_id])
            entry[0] += 1
            if key < entry[1]:
                entry[1], entry[2] = key, article_id

        held = []
        if article is not None:
            held = self._x(
                "SELECT f.attribution, f.part, f.speaker, g.statement, g.lo, g.hi FROM statement_fragments f"
                " JOIN statement_regions g ON g.node = f.node WHERE f.article=?", (article.id,)).fetchall()
            for attribution, _, speaker, statement, _, _ in held:
                work.touched.add(statement)
                if statement not in work.dirty:
                    count(statement, speaker, _first_key(article.published, article.order, attribution), article.id)
        for node, statement in work.gained:
            if statement in work.dirty:
                continue
            for attribution, speaker, published, order, article_id in self._x(
                    "SELECT f.attribution, f.speaker, r.published, r.ord, f.article FROM statement_fragments f"
                    " JOIN articles r ON r.id = f.article WHERE f.node=? AND f.article != ?",
                    (node, work.article or "")):
                count(statement, speaker, _first_key(published, order, attribution), article_id)
        if self._later is None:
            self._add_counts(counts)
        else:  # in a batch, written once at its end (nothing reads them before)
            for (statement, speaker), (n, key, article_id) in counts.items():
                by_speaker = self._counts.setdefault(statement, {})
                entry = by_speaker.get(speaker)
                if entry is None:
                    by_speaker[speaker] = [n, key, article_id]
                else:  # as the upsert of one article after the other
                    entry[0] += n
                    if key < entry[1]:
                        entry[1], entry[2] = key, article_id
        for statement in sorted(work.dirty):
            self._count_afresh(statement)
        if self._later is not None:
            # in a batch, every attribution these would point is pointed once, at its end
            self._unpointed.update((a, None) for a in attribution_ids if a not in self._unpointed)
            self._repointed |= work.repoint
            self._recounted |= {st for st, _ in counts} | work.dirty
        else:
            if article is not None:
                self._point(set(attribution_ids), held)
            # attributions of other articles whose statement may have changed
            self._point_each(self._quoting_again(work.repoint, {st for st, _ in counts} | work.dirty,
                                                 work.article or "") - set(attribution_ids))
        for statement in sorted(work.retext):
            self._retext(statement)
        live = set()
        for chunk, marks in in_chunks(sorted(work.touched | work.dirty)):
            live.update(st for (st,) in self._x(f"SELECT id FROM statements WHERE id IN ({marks})", chunk))
        work.touched = live
        if self._later is not None:
            self._later |= live
            return
        for statement in sorted(live):
            self.refresh(statement)

    def _point(self, attribution_ids: set[str], held: list) -> None:
        """Set each attribution's ``statement`` from ``held`` (attribution, part, speaker,
        statement, lo, hi: the statements its fragments hold); None when no fragment is
        long enough to be a mention. Each quotation (the words of one fragment that one
        passage or overlapping passages cover) stands for the statement that covers most
        of its words; of several quotations that stand for several statements ('"A," he
        said. "B."', where other articles quote A and B apart), the attribution's is the
        one quoted most often (the one a reader follows from it: ``statements`` in the
        exports lists them all), then the one that covers most of its words, then the
        first. Such attributions are kept in ``statement_shared``, to be pointed again
        when those counts change."""
        covered: dict[str, Counter[str]] = {a: Counter() for a in attribution_ids}
        place: dict[tuple[str, str], int] = {}
        regions: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
        for attribution, part, _, statement, lo, hi in held:
            if attribution in covered:
                covered[attribution][statement] += hi - lo
                place[attribution, statement] = min(place.get((attribution, statement), part), part)
                regions[attribution, part].append((lo, hi, statement))
        stands: dict[str, set[str]] = defaultdict(set)  # attribution -> the statements its quotations stand for
        for (attribution, _), found in regions.items():
            found.sort()
            group: Counter[str] = Counter()
            end = -1
            for lo, hi, statement in [*found, (1 << 30, 1 << 30, "")]:
                if lo >= end and group:  # a quotation ends where the next passage does not overlap it
                    stands[attribution].add(max(group, key=lambda st: (group[st], st)))
                    group = Counter()
                group[statement] += hi - lo
                end = max(end, hi) if lo < end else hi
        covered = {a: Counter({st: n for st, n in counts.items() if st in stands[a]}) for a, counts in covered.items()}
        several = {st for counts in covered.values() if len(counts) > 1 for st in counts}
        quoted: dict[str, int] = {}
        for chunk, marks in in_chunks(sorted(several)):
            quoted.update((st, n) for st, n in self._x(
                f"SELECT statement, SUM(mentions) FROM statement_speakers WHERE statement IN ({marks})"
                " GROUP BY statement", chunk))
        ids = sorted(covered)
        current: dict[str, str | None] = {}
        was_shared: set[str] = set()
        for chunk, marks in in_chunks(ids):
            current.update((a, st) for a, st in self._x(
                f"SELECT id, statement FROM attributions WHERE id IN ({marks})", chunk))
            was_shared.update(a for (a,) in self._x(
                f"SELECT DISTINCT attribution FROM statement_shared WHERE attribution IN ({marks})", chunk))
        rows, shared = [], []
        for attribution in ids:
            counts = covered[attribution]
            if len(counts) > 1:
                best = max(counts, key=lambda s: (quoted.get(s, 0), counts[s], -place[attribution, s], s))
                shared += [(attribution, st) for st in counts]
            else:
                best = next(iter(counts), None)
            self._pointed[attribution] = best
            if current.get(attribution, best) != best:
                rows.append((best, attribution))
        self.db.executemany("DELETE FROM statement_shared WHERE attribution=?", [(a,) for a in sorted(was_shared)])
        self.db.executemany("INSERT OR IGNORE INTO statement_shared(attribution, statement) VALUES (?,?)", shared)
        self.db.executemany("UPDATE attributions SET statement=? WHERE id=?", rows)

    def _add_counts(self, counts: dict[tuple[str, str], list]) -> None:
        """Add mentions to statements' speaker counts ((statement, speaker) -> [mentions,
        first key, its article]), keeping the earliest."""
        self.db.executemany(
            "INSERT INTO statement_speakers(statement, speaker, mentions, first, first_article) VALUES (?,?,?,?,?)"
            " ON CONFLICT(statement, speaker) DO UPDATE SET mentions = mentions + excluded.mentions,"
            " first_article = CASE WHEN excluded.first < first THEN excluded.first_article ELSE first_article END,"
            " first = min(first, excluded.first)",
            [(st, sp, n, key, a) for (st, sp), (n, key, a) in counts.items()])

    def _drop_counts(self, statement: str) -> None:
        """Forget the counts of ``statement`` a batch holds back (they are counted afresh
        from every fragment, or the statement is gone)."""
        self._counts.pop(statement, None)

    def _count_afresh(self, statement: str) -> None:
        """A statement's speaker counts read again from every fragment that holds it."""
        self._drop_counts(statement)
        self._x("DELETE FROM statement_speakers WHERE statement=?", (statement,))
        counts: dict[str, list] = {}
        for attribution, speaker, published, order, article_id in self._x(
                "SELECT f.attribution, f.speaker, r.published, r.ord, f.article FROM statement_regions g"
                " JOIN statement_fragments f ON f.node = g.node JOIN articles r ON r.id = f.article"
                " WHERE g.statement=?", (statement,)):
            key = _first_key(published, order, attribution)
            entry = counts.setdefault(speaker, [0, key, article_id])
            entry[0] += 1
            if key < entry[1]:
                entry[1], entry[2] = key, article_id
        self.db.executemany(
            "INSERT INTO statement_speakers(statement, speaker, mentions, first, first_article) VALUES (?,?,?,?,?)",
            [(statement, sp, n, key, a) for sp, (n, key, a) in counts.items()])

    # --- taking articles out ------------------------------------------------------------

    def remove(self, article_id: str) -> set[str]:
        """Take an article's fragments out (before it is replaced); the statements they
        touched, cut again without them."""
        work = _Work(None)
        nodes = [n for (n,) in self._x(
            "SELECT DISTINCT node FROM statement_fragments WHERE article=?", (article_id,))]
        families: set[int] = set()
        for chunk, marks in in_chunks(nodes):
            families.update(f for (f,) in self._x(
                f"SELECT DISTINCT family FROM statement_nodes WHERE id IN ({marks})", chunk))
            work.dirty.update(st for (st,) in self._x(
                f"SELECT DISTINCT statement FROM statement_regions WHERE node IN ({marks})", chunk))
        work.retext |= work.dirty
        self._x("DELETE FROM statement_shared WHERE attribution IN"
                " (SELECT DISTINCT attribution FROM statement_fragments WHERE article=?)", (article_id,))
        self._x("DELETE FROM statement_fragments WHERE article=?", (article_id,))
        self._x("UPDATE attributions SET statement=NULL WHERE article=?", (article_id,))
        for node in nodes:
            # the wording as its first quotation left in the store has it, or gone with the last
            row = self._x(
                "SELECT f.start, f.end, r.text, r.ord FROM statement_fragments f JOIN articles r ON r.id = f.article"
                " WHERE f.node=? ORDER BY r.ord, f.id LIMIT 1", (node,)).fetchone()
            if row is None:
                self._drop_node(node)
            else:
                self._x("UPDATE statement_nodes SET text=?, text_order=? WHERE id=?",
                                (" ".join(row[2][row[0]:row[1]].split()), row[3], node))
        for family in sorted(families):
            self._split(family, work)
        self._finish(work)
        return work.touched

    def _drop_node(self, node: int) -> None:
        key, size, family = self._x("SELECT key, size, family FROM statement_nodes WHERE id=?", (node,)).fetchone()
        chosen = winnow(shingle_hashes(key.split("\x1f")[0].split(" ")), self.settings.window)
        self.db.executemany("DELETE FROM statement_grams WHERE shingle=? AND size=? AND node=?",
                            [(g, size, node) for g in chosen])
        # edges are keyed by b; those where it is a go to wordings of its family
        self._x("DELETE FROM statement_edges WHERE b=?", (node,))
        self._x("DELETE FROM statement_edges WHERE a=? AND b IN (SELECT id FROM statement_nodes WHERE family=?)",
                (node, family))
        old = [s for (s,) in self._x("SELECT statement FROM statement_regions WHERE node=?", (node,))]
        self._x("DELETE FROM statement_regions WHERE node=?", (node,))
        self._x("DELETE FROM statement_nodes WHERE id=?", (node,))
        for statement in old:
            if not self._x("SELECT 1 FROM statement_regions WHERE statement=? LIMIT 1", (statement,)).fetchone():
                self._drop_statement(statement)

    def _split(self, family: int, work: _Work) -> None:
        """Families of what is left of ``family`` (a wording gone may have been all that
        joined two parts), each cut again."""
        ids = [i for (i,) in self._x("SELECT id FROM statement_nodes WHERE family=?", (family,))]
        self._x("DELETE FROM statement_families WHERE family=?", (family,))
        linked = defaultdict(list)
        pairs = []
        for chunk, marks in in_chunks(ids):  # both ends in the family: found by b, the key
            pairs += self._x(f"SELECT a, b FROM statement_edges WHERE b IN ({marks})", chunk).fetchall()
        for a, b in sorted(pairs):
            linked[a].append(b)
            linked[b].append(a)
        seen: set[int] = set()
        for start in sorted(ids):
            if start in seen:
                continue
            part, todo = [], [start]
            seen.add(start)
            while todo:
                n = todo.pop()
                part.append(n)
                for m in linked[n]:
                    if m not in seen:
                        seen.add(m)
                        todo.append(m)
            self.db.executemany("UPDATE statement_nodes SET family=? WHERE id=?", [(start, n) for n in part])
            self._cut(start, work)

    def clear(self) -> None:
        for table in ("statement_fragments", "statement_regions", "statement_edges", "statement_postings",
                      "statement_shingle_df", "statement_grams", "statement_speakers", "statement_families",
                      "statement_shared", "statement_nodes", "statements"):
            self._x(f"DELETE FROM {table}")  # fixed names, not input
        self._x("UPDATE attributions SET statement=NULL")
        self._x("DROP TABLE IF EXISTS statement_shingles")  # the index before this one

    # --- speaker and first appearance ---------------------------------------------------

    def refresh(self, statement: str) -> None:
        """Speaker and first appearance, from the speaker counts: the most quoted name (a
        short form counting for the fuller name it fits), a description only when no
        mention names the speaker; the earliest article (by date, then input order)."""
        rows = sorted(self._x(
            "SELECT first, speaker, mentions, first_article FROM statement_speakers WHERE statement=?", (statement,)))
        if not rows:
            return
        first = rows[0][3]
        # the earlier a speaker is first quoted, the higher its place (a tie-break)
        counts = {speaker: (n, -place) for place, (_, speaker, n, _) in enumerate(rows)}
        names = _by_person({s: at for s, at in counts.items() if _named(s)})
        described = {s: (n, len(s), at) for s, (n, at) in counts.items()
                     if s and not _named(s) and s.casefold() not in PRONOUNS}
        speaker = None
        if names:
            speaker = max(names, key=names.get)
        elif described:
            speaker = max(described, key=described.get)
        self._x("UPDATE statements SET speaker=?, first_seen=? WHERE id=? AND"
                        " (speaker IS NOT ? OR first_seen IS NOT ?)", (speaker, first, statement, speaker, first))
