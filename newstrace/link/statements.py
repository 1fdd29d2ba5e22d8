"""Statements: passages of words that get repeated, and every place each was quoted.

The grain (PRODUCT.md, "What a statement is"): each contiguous quoted fragment of an
attribution is a mention; passages that articles quote apart are separate statements
even when one speaker said them together; a quotation that holds two statements is a
mention of each and never merges them; the same words by clearly different people are
not one statement; a fragment too short to trace (five words or fewer) is none.

How. Each fragment's words (``normalize.tokens``) form a *wording*; identical wordings
share one node (short ones, under ten words and six content words, only when their
speakers may be one: ``speaker_key``). A new wording is aligned (``align.compare``) with
the wordings that share its rarest word trigrams (a winnowed postings index, so a shared
run of five words is always found); each pair that quotes one passage becomes an edge,
with the stretch it covers on each side. Wordings joined by edges form a family, and a
family is cut into statements afresh whenever it changes, shortest wording first: a
wording that shares a passage with shorter ones joins their statement; one that shares
disjoint passages with two statements is a mention of each, over the part of its words
that each covers; one that shares nothing opens a statement. Processing shortest first
makes the result independent of arrival order: the passages are those articles quote
apart, whichever came first, and ids stay with the statement that keeps most of an old
one's wordings. Everything lives in SQLite (the tables below), so linking is
incremental: one article's fragments touch only their families.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newstrace.extract.quotes import quoted_parts
from newstrace.extract.speakers import is_short_form_or_equal
from newstrace.link.align import AlignSettings, Match, compare, content_words, might_share, word_total
from newstrace.link.evidence import is_name, may_be_same_speaker, named_alike, proper_words, speaker_group
from newstrace.link.normalize import GAP, sentence_ends, shingle_hashes, tokens, winnow, word_count
from newstrace.records import PRONOUNS, Article, Attribution


@dataclass(frozen=True, slots=True)
class LinkSettings:
    align: AlignSettings = field(default_factory=AlignSettings)
    # winnowing window over a wording's trigrams: any run of window + 2 words that two
    # wordings share puts one of its trigrams in the index under both
    window: int = 3
    # a trigram in more wordings than this ("i do not") is too common to look up
    common: int = 1000
    # wordings aligned with a new one, those sharing most trigrams first
    candidates: int = 64
    # words a stretch must share with another wording's passage to be a mention of it
    overlap: int = 3
    # capitalised words two articles share to tell one story (evidence for a short passage)
    same_story: int = 3


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


# --- cutting a family of wordings into statements ----------------------------------------

@dataclass(slots=True)
class _Node:
    id: int
    words: list[str]
    size: int  # words, elisions not counted
    key: str


Region = tuple[int, int, int, int, int]  # lo, hi (the words it covers), core lo, core hi, label


def decompose(nodes: list[_Node], edges: list[tuple[int, int, int, int, int, int]], overlap: int = 3,
              holders: dict[int, list[tuple[str, int, int]]] | None = None, split_gap: int = 120
              ) -> dict[int, list[Region]]:
    """Cut wordings joined by ``edges`` (a, b, a0, a1, b0, b1: the stretch they share on
    each side) into statements: for each node, the regions of its words (lo, hi), the core
    that matched (core lo, core hi) and the statement label of each. Shortest first, so a
    longer wording joins the passages quoted apart in shorter ones.

    ``holders``: each node's fragments as (article, start, end). Two passages that are
    only ever quoted as the two halves of one quotation split around "he said" (in the
    same articles, one less than ``split_gap`` characters after the other) are one
    passage when a longer wording holds them together: the split was the reporter's, not
    a choice of words.

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
    holders = holders or {}
    by_node = {n.id: n for n in nodes}
    touching: dict[int, list[tuple[int, int, int, int, int]]] = defaultdict(list)
    for a, b, a0, a1, b0, b1 in edges:
        if a in by_node and b in by_node:
            touching[a].append((b, b0, b1, a0, a1))
            touching[b].append((a, a0, a1, b0, b1))
    regions: dict[int, list[Region]] = {}
    parent: list[int] = []  # labels made one (union-find)
    quoting: list[dict[str, set[tuple[int, int]]]] = []  # per label: article -> its fragments' spans

    def find(label: int) -> int:
        while parent[label] != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    def halves(first: int, second: int) -> bool:
        one, two = quoting[first], quoting[second]
        return bool(one) and one.keys() == two.keys() and all(
            any(0 <= s2 - e1 <= split_gap for _, e1 in one[a] for s2, _ in two[a]) for a in one)

    for node in sorted(nodes, key=lambda n: (n.size, n.key, n.id)):
        spans: dict[int, list[list[int]]] = defaultdict(list)
        for other, o0, o1, n0, n1 in touching[node.id]:
            for lo, hi, _, _, label in regions.get(other, ()):
                s, e = max(lo, o0), min(hi, o1)
                if e - s < min(overlap, hi - lo):
                    continue
                # the other's passage, carried over the shared stretch onto this wording
                scale = (n1 - n0) / max(1, o1 - o0)
                spans[find(label)].append([n0 + round((s - o0) * scale), n0 + round((e - o0) * scale)])
        if not spans:
            parent.append(len(parent))
            quoting.append({})
            regions[node.id] = [(0, len(node.words), 0, len(node.words), len(parent) - 1)]
        else:
            cores = sorted((min(s for s, _ in found), max(e for _, e in found), label)
                           for label, found in spans.items())
            for (_, _, first), (_, _, second) in zip(cores, cores[1:]):
                one, two = find(first), find(second)
                if one != two and halves(one, two):
                    parent[two] = one
                    for a, places in quoting[two].items():
                        quoting[one].setdefault(a, set()).update(places)
            joined: dict[int, list[int]] = {}
            for lo, hi, label in cores:
                span = joined.setdefault(find(label), [lo, hi])
                span[0], span[1] = min(span[0], lo), max(span[1], hi)
            cores = sorted((lo, hi, label) for label, (lo, hi) in joined.items())
            out: list[Region] = []
            for k, (lo, hi, label) in enumerate(cores):
                # the words between two passages go to the nearer; the ends to the first and last
                start = 0 if k == 0 else max(min(lo, (cores[k - 1][1] + lo) // 2), 0)
                end = len(node.words) if k == len(cores) - 1 else max(hi, (hi + cores[k + 1][0]) // 2)
                if k and cores[k - 1][1] > lo:  # overlapping passages keep their own stretches
                    start = lo
                if k < len(cores) - 1 and cores[k + 1][0] < hi:
                    end = hi
                out.append((start, end, lo, hi, label))
            if len(out) == 1:  # one passage: the whole wording is a mention of it
                out = [(0, len(node.words), out[0][2], out[0][3], out[0][4])]
            regions[node.id] = out
        for *_, label in regions[node.id]:
            for article, start, end in holders.get(node.id, ()):
                quoting[find(label)].setdefault(article, set()).add((start, end))
    return {node: [(lo, hi, c0, c1, find(label)) for lo, hi, c0, c1, label in rs] for node, rs in regions.items()}


class StatementIndex:
    """Assigns attributions to statements, inside the caller's transaction. Owns the
    ``statement_*`` tables (see ``Store``'s schema)."""

    def __init__(self, db: sqlite3.Connection, settings: LinkSettings | None = None):
        self.db = db
        self.settings = settings or LinkSettings()
        self._names: dict[str, frozenset[str]] = {}  # an article's proper words, for same-story evidence

    # --- adding -----------------------------------------------------------------------

    def add(self, article: Article, attributions: list[Attribution], mask: bytearray | None = None,
            **_ignored) -> set[str]:
        """Link the fragments of each attribution of a stored ``article``; the statements
        they belong to afterwards."""
        families: set[int] = set()
        touched: set[str] = set()
        opened: set[str] = set()  # statements of one mention, their speaker and first appearance set
        mine: list[str] = []
        for attribution in attributions:
            mine.append(attribution.id)
            for part, (s, e) in enumerate(fragments(article.text, attribution, mask)):
                found = tokens(article.text[s:e])
                words = [t for t, _, _ in found]
                if word_total(words) < self.settings.align.min_words:
                    continue  # too short to tell one statement from another
                ends = sentence_ends(article.text[s:e], found)
                node, family, state = self._node(words, ends, article.text[s:e], attribution.speaker or "", article)
                self.db.execute(
                    "INSERT INTO statement_fragments(attribution, article, part, start, end, node, speaker)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (attribution.id, article.id, part, s, e, node, attribution.speaker or ""))
                # a wording seen before keeps its passages, and one that shares none with
                # any other opens its own statement: only a new link cuts a family again
                if state == "seen":
                    touched.update(st for (st,) in self.db.execute(
                        "SELECT statement FROM statement_regions WHERE node=?", (node,)))
                elif state == "alone":
                    opened.add(self._open(node, found, article.text[s:e], attribution, article.id))
                else:
                    families.add(family)
        for family in families:
            cut = self._cut(family)
            touched |= cut
            opened -= cut  # cut again with others: its speaker and first appearance are read back
        touched |= self._point(mine)
        by_id = {a.id: a for a in attributions}
        for attribution_id, statement in self.db.execute(
                f"SELECT id, statement FROM attributions WHERE article=?", (article.id,)):
            if attribution_id in by_id:
                by_id[attribution_id].statement = statement
        for statement in touched - opened:
            self.refresh(statement)
        return touched | opened

    def _node(self, words: list[str], ends: set[int], text: str, speaker: str, article: Article
              ) -> tuple[int, int, str]:
        """The node of a wording (made, indexed and aligned with its neighbours when new),
        its family, and whether it was "seen" before, is new and "alone", or new and
        "linked" to others. Wordings shorter than a run keep apart by speaker
        (``evidence.speaker_group``): the same few words from two people are two nodes,
        which an edge joins when the speakers may be one."""
        size, order = word_total(words), article.order
        weak = size < self.settings.align.strong_words and content_words(words) < self.settings.align.strong_content
        mine = speaker_group(speaker) if size < self.settings.align.run else ""
        key = " ".join(words) + f"\x1f{mine}"
        row = self.db.execute("SELECT id, family, text_order FROM statement_nodes WHERE key=?", (key,)).fetchone()
        if row:
            if order < row[2]:  # the wording as the earliest article has it, however linked
                self.db.execute("UPDATE statement_nodes SET text=?, text_order=? WHERE id=?",
                                (" ".join(text.split()), order, row[0]))
                self._retext(row[0])
            return row[0], row[1], "seen"
        node = self.db.execute(
            "INSERT INTO statement_nodes(key, size, weak, speaker, text, text_order, ends, family)"
            " VALUES (?,?,?,?,?,?,?,0)",
            (key, size, int(weak), mine, " ".join(text.split()), order, " ".join(map(str, sorted(ends))))).lastrowid
        runs = shingle_hashes(words)
        grams = {g for run in runs for g in run}
        families = {node}
        for other, match in self._neighbours(node, words, ends, grams, speaker, article):
            a, b = (node, other) if node < other else (other, node)
            m = match if node < other else Match(match.b0, match.b1, match.a0, match.a1, match.matched,
                                                 match.longest, match.strong)
            self.db.execute(
                "INSERT OR IGNORE INTO statement_edges(a, b, a0, a1, b0, b1) VALUES (?,?,?,?,?,?)",
                (a, b, m.a0, m.a1, m.b0, m.b1))
            families.add(self.db.execute("SELECT family FROM statement_nodes WHERE id=?", (other,)).fetchone()[0])
        self._index(node, runs, grams)
        family = min(families)
        self.db.execute("UPDATE statement_nodes SET family=? WHERE id=?", (family, node))
        for other in families - {family, node}:
            self.db.execute("UPDATE statement_nodes SET family=? WHERE family=?", (family, other))
        return node, family, "alone" if families == {node} else "linked"

    def _open(self, node: int, found: list[tuple[str, int, int]], text: str, attribution: Attribution,
              article_id: str) -> str:
        """A statement of its own for a new wording that shares no passage: what cutting
        its one-node family and ``refresh`` would give, without reading them back."""
        statement = free_id(self.db, "statements", _statement_id, attribution.id)
        shown = text[found[0][1]:found[-1][2]].strip('"“”„ ')
        who = attribution.speaker if attribution.speaker and attribution.speaker.casefold() not in PRONOUNS else None
        self.db.execute(
            "INSERT INTO statements(id, text, words, shingles, text_node, speaker, first_seen) VALUES (?,?,?,1,?,?,?)",
            (statement, " ".join(shown.split()), word_total([w for w, _, _ in found]), node, who, article_id))
        self.db.execute(
            "INSERT INTO statement_regions(node, lo, hi, core_lo, core_hi, statement) VALUES (?,?,?,?,?,?)",
            (node, 0, len(found), 0, len(found), statement))
        return statement

    def _retext(self, node: int) -> None:
        """The text of the statements whose text is this node's words."""
        (text,) = self.db.execute("SELECT text FROM statement_nodes WHERE id=?", (node,)).fetchone()
        spans = tokens(text)
        for statement, c0, c1 in self.db.execute(
                "SELECT g.statement, g.core_lo, g.core_hi FROM statement_regions g JOIN statements s"
                " ON s.id = g.statement WHERE g.node=? AND (s.text = '' OR s.text_node = ?)", (node, node)).fetchall():
            shown = text[spans[c0][1]:spans[max(c0, c1 - 1)][2]] if spans and c1 > c0 else text
            self.db.execute("UPDATE statements SET text=?, words=?, text_node=? WHERE id=?",
                            (shown.strip('"“”„ '), word_total([w for w, _, _ in spans[c0:c1]]), node, statement))

    def _index(self, node: int, runs: list[list[int]], grams: set[int]) -> None:
        chosen = winnow(runs, self.settings.window)
        self.db.executemany(
            "INSERT INTO statement_shingle_df(shingle, df) VALUES (?, 1)"
            " ON CONFLICT(shingle) DO UPDATE SET df = df + 1", [(g,) for g in grams])
        self.db.executemany("INSERT OR IGNORE INTO statement_postings(shingle, node) VALUES (?, ?)",
                            [(g, node) for g in chosen])

    def _neighbours(self, node: int, words: list[str], ends: set[int], grams: set[int], speaker: str,
                    article: Article):
        """The nodes a new wording shares a passage with, and the match with each."""
        if not grams:
            return []
        rare = []
        for chunk, marks in in_chunks(list(grams)):
            df = dict(self.db.execute(f"SELECT shingle, df FROM statement_shingle_df WHERE shingle IN ({marks})",
                                      chunk).fetchall())
            rare += [g for g in chunk if df.get(g, 0) < self.settings.common]
        hits: Counter[int] = Counter()
        for chunk, marks in in_chunks(rare):
            for other, count in self.db.execute(
                    f"SELECT node, COUNT(*) FROM statement_postings WHERE shingle IN ({marks}) GROUP BY node", chunk):
                if other != node:
                    hits[other] += count
        best = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:self.settings.candidates]
        rows = {}
        for chunk, marks in in_chunks([other for other, _ in best]):
            rows.update((i, (k, e)) for i, k, e in self.db.execute(
                f"SELECT id, key, ends FROM statement_nodes WHERE id IN ({marks})", chunk))
        out = []
        mine = set(words) - {GAP}
        short = self.settings.align.strong_words - 2  # wordings this short have few trigrams to share
        for other, shared in best:
            key, their_ends = rows[other]
            theirs = key.split("\x1f")[0].split(" ")
            if shared < 2 and min(len(words), len(theirs)) >= short:
                continue  # a run or a whole longer wording puts two chosen trigrams in common
            if not might_share(mine, theirs, self.settings.align):
                continue
            match = compare(words, theirs, self.settings.align, ends, {int(i) for i in their_ends.split()})
            if match is not None and self._speakers_allow(match, other, speaker, article):
                out.append((other, match))
        return out

    def _speakers_allow(self, match: Match, other: int, speaker: str, article: Article) -> bool:
        """Whether who speaks allows a match: a run of words links whoever speaks (a
        quote given to the wrong person, or read out by another, is still the same
        words); a shorter passage not when the speakers are clearly two people; a short
        one (not ``strong``) only when both are named alike, or when neither is clearly
        another and the two articles tell one story (a short phrase in unrelated stories
        is too common to trace)."""
        if match.matched >= self.settings.align.run:
            return True
        theirs = self.db.execute(
            "SELECT DISTINCT speaker, article FROM statement_fragments WHERE node=? LIMIT 50", (other,)).fetchall()
        possible = [(s, a) for s, a in theirs if may_be_same_speaker(speaker or None, s or None)]
        if match.strong or not possible:
            return bool(possible)
        if any(named_alike(speaker, s) for s, _ in possible):
            return True
        mine = proper_words(article.text)
        for _, other_article in possible[:5]:
            if len(mine & self._proper_words(other_article)) >= self.settings.same_story:
                return True
        return False

    def _proper_words(self, article_id: str) -> frozenset[str]:
        cached = self._names.get(article_id)
        if cached is None:
            row = self.db.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
            cached = proper_words(row[0]) if row else frozenset()
            if len(self._names) > 4096:
                self._names.clear()
            self._names[article_id] = cached
        return cached

    # --- cutting a family into statements -----------------------------------------------

    def _cut(self, family: int) -> set[str]:
        """Cut ``family`` into statements again; the statements it held before or after."""
        nodes = [_Node(i, key.split("\x1f")[0].split(" "), size, key) for i, key, size in self.db.execute(
            "SELECT id, key, size FROM statement_nodes WHERE family=?", (family,))]
        if not nodes:
            return set()
        ids = [n.id for n in nodes]
        edges, old, frags = [], [], []
        for chunk, marks in in_chunks(ids):
            edges += self.db.execute(
                f"SELECT a, b, a0, a1, b0, b1 FROM statement_edges WHERE a IN ({marks})", chunk).fetchall()
            old += self.db.execute(
                f"SELECT node, lo, hi, statement FROM statement_regions WHERE node IN ({marks})", chunk).fetchall()
            frags += self.db.execute(
                f"SELECT f.node, f.attribution, r.ord, f.article, f.start, f.end FROM statement_fragments f"
                f" JOIN articles r ON r.id = f.article WHERE f.node IN ({marks})", chunk).fetchall()
        holders: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
        for node, _, _, article, start, end in frags:
            holders[node].append((article, start, end))
        regions = decompose(nodes, edges, self.settings.overlap, holders)
        names = self._name(regions, old, frags, family)
        self.db.executemany("DELETE FROM statement_regions WHERE node=?", [(i,) for i in ids])
        self.db.executemany(
            "INSERT OR IGNORE INTO statement_regions(node, lo, hi, core_lo, core_hi, statement) VALUES (?,?,?,?,?,?)",
            [(node, lo, hi, c0, c1, names[label]) for node, rs in regions.items() for lo, hi, c0, c1, label in rs])
        before = {s for *_, s in old}
        after = set(names.values())
        for gone in before - after:
            if not self.db.execute("SELECT 1 FROM statement_regions WHERE statement=? LIMIT 1", (gone,)).fetchone():
                self.db.execute("DELETE FROM statements WHERE id=?", (gone,))
        for statement in after - before:
            if not self.db.execute("SELECT 1 FROM statements WHERE id=?", (statement,)).fetchone():
                self.db.execute("INSERT INTO statements(id, text, words, shingles) VALUES (?, '', 0, 0)",
                                (statement,))
        self._texts(regions, names, {n.id: n for n in nodes}, frags)
        self._point(sorted({a for _, a, *_ in frags}))
        return before | after

    def _name(self, regions: dict[int, list[Region]], old: list, frags: list, family: int) -> dict[int, str]:
        """A statement id for each label: the old statement whose regions it overlaps
        most (each old id to one label, the larger first; not one that wordings of
        another family still hold, as when a family parts), else a new id made from the
        attribution of its earliest fragment."""
        votes: dict[int, Counter[str]] = defaultdict(Counter)
        old_by_node = defaultdict(list)
        for node, lo, hi, statement in old:
            old_by_node[node].append((lo, hi, statement))
        size: Counter[int] = Counter()
        for node, rs in regions.items():
            for lo, hi, _, _, label in rs:
                size[label] += 1
                for olo, ohi, statement in old_by_node.get(node, ()):
                    if min(hi, ohi) > max(lo, olo):
                        votes[label][statement] += 1
        first: dict[int, tuple[int, str]] = {}
        by_node = defaultdict(list)
        for node, attribution, order, *_ in frags:
            by_node[node].append((order, attribution))
        for node, rs in regions.items():
            earliest = min(by_node.get(node) or [(1 << 62, "")])
            for *_, label in rs:
                first[label] = min(first.get(label, earliest), earliest)
        names: dict[int, str] = {}
        taken: set[str] = set()
        for chunk, marks in in_chunks(sorted({st for *_, st in old})):
            taken.update(st for (st,) in self.db.execute(
                "SELECT DISTINCT g.statement FROM statement_regions g JOIN statement_nodes n ON n.id = g.node"
                f" WHERE n.family != ? AND g.statement IN ({marks})", [family, *chunk]))
        for label in sorted(size, key=lambda lb: (-size[lb], first[lb])):
            for statement, _ in sorted(votes[label].items(), key=lambda kv: (-kv[1], kv[0])):
                if statement not in taken:
                    names[label] = statement
                    break
            taken.add(names.get(label, ""))
        for label in sorted(size, key=lambda lb: first[lb]):
            if label not in names:
                names[label] = free_id(self.db, "statements", _statement_id, first[label][1], taken)
                taken.add(names[label])
        return names

    def _texts(self, regions: dict[int, list[Region]], names: dict[int, str], nodes: dict[int, _Node],
               frags: list) -> None:
        """Each statement's text: the words of its longest core (the part of a wording that
        matched the passage), of equals the first in code-point order (not the most quoted:
        a wording quoted again takes a fast path that does not cut its family anew, so how
        often it was quoted when the family was last cut depends on the order of arrival)."""
        shown_of: dict[tuple[int, int, int], str | None] = {}

        def shown(node: int, c0: int, c1: int) -> str | None:
            if (node, c0, c1) not in shown_of:
                (text,) = self.db.execute("SELECT text FROM statement_nodes WHERE id=?", (node,)).fetchone()
                spans = tokens(text)
                words = text[spans[c0][1]:spans[max(c0, c1 - 1)][2]] if spans and c1 > c0 else text
                shown_of[node, c0, c1] = words.strip('"“”„ ') if spans else None
            return shown_of[node, c0, c1]

        best: dict[str, tuple] = {}
        for node, rs in regions.items():
            for lo, hi, c0, c1, label in rs:
                size = word_total(nodes[node].words[c0:c1])
                candidate = (size, node, c0, c1)
                current = best.get(names[label])
                # node ids follow arrival order: of equal cores, the text decides
                if current is None or size > current[0] or (
                        size == current[0] and (shown(node, c0, c1) or "") < (shown(*current[1:]) or "")):
                    best[names[label]] = candidate
        for statement, (size, node, c0, c1) in best.items():
            text = shown(node, c0, c1)
            if text is None:
                continue
            self.db.execute("UPDATE statements SET text=?, words=?, shingles=?, text_node=? WHERE id=?",
                            (text, size, len(regions), node, statement))

    def _point(self, attribution_ids: list[str]) -> set[str]:
        """Set each attribution's ``statement``: of the statements its fragments hold, the
        one that covers most of its words (the first fragment's, on a tie); None when no
        fragment is long enough to be a mention."""
        changed: set[str] = set()
        for chunk, marks in in_chunks(attribution_ids):
            covered: dict[str, Counter[str]] = {a: Counter() for a in chunk}
            place: dict[tuple[str, str], int] = {}
            for attribution, part, statement, lo, hi in self.db.execute(
                    f"SELECT f.attribution, f.part, g.statement, g.lo, g.hi FROM statement_fragments f"
                    f" JOIN statement_regions g ON g.node = f.node WHERE f.attribution IN ({marks})", chunk):
                covered[attribution][statement] += hi - lo
                place[attribution, statement] = min(place.get((attribution, statement), part), part)
            rows = []
            for attribution, counts in covered.items():
                best = max(counts, key=lambda s: (counts[s], -place[attribution, s], s), default=None)
                rows.append((best, attribution))
                if best:
                    changed.add(best)
            self.db.executemany("UPDATE attributions SET statement=? WHERE id=?", rows)
        return changed

    # --- taking articles out ------------------------------------------------------------

    def remove(self, article_id: str) -> set[str]:
        """Take an article's fragments out (before it is replaced); the statements they
        touched, cut again without them."""
        nodes = [n for (n,) in self.db.execute(
            "SELECT DISTINCT node FROM statement_fragments WHERE article=?", (article_id,))]
        families = {f for (f,) in self.db.execute(
            f"SELECT DISTINCT family FROM statement_nodes WHERE id IN ({','.join('?' * len(nodes))})", nodes)
        } if nodes else set()
        self.db.execute("DELETE FROM statement_fragments WHERE article=?", (article_id,))
        self.db.execute("UPDATE attributions SET statement=NULL WHERE article=?", (article_id,))
        for node in nodes:
            # the wording as its first quotation left in the store has it, or gone with the last
            row = self.db.execute(
                "SELECT f.start, f.end, r.text, r.ord FROM statement_fragments f JOIN articles r ON r.id = f.article"
                " WHERE f.node=? ORDER BY r.ord, f.id LIMIT 1", (node,)).fetchone()
            if row is None:
                self._drop_node(node)
            else:
                self.db.execute("UPDATE statement_nodes SET text=?, text_order=? WHERE id=?",
                                (" ".join(row[2][row[0]:row[1]].split()), row[3], node))
        touched: set[str] = set()
        for family in families:
            touched |= self._split(family)
        for statement in touched:
            self.refresh(statement)
        return touched

    def _drop_node(self, node: int) -> None:
        (key,) = self.db.execute("SELECT key FROM statement_nodes WHERE id=?", (node,)).fetchone()
        runs = shingle_hashes(key.split("\x1f")[0].split(" "))
        grams = {g for run in runs for g in run}
        self.db.executemany("UPDATE statement_shingle_df SET df = df - 1 WHERE shingle=?", [(g,) for g in grams])
        self.db.executemany("DELETE FROM statement_postings WHERE shingle=? AND node=?",
                            [(g, node) for g in winnow(runs, self.settings.window)])
        self.db.execute("DELETE FROM statement_edges WHERE a=? OR b=?", (node, node))
        old = [s for (s,) in self.db.execute("SELECT statement FROM statement_regions WHERE node=?", (node,))]
        self.db.execute("DELETE FROM statement_regions WHERE node=?", (node,))
        self.db.execute("DELETE FROM statement_nodes WHERE id=?", (node,))
        for statement in old:
            if not self.db.execute("SELECT 1 FROM statement_regions WHERE statement=? LIMIT 1", (statement,)).fetchone():
                self.db.execute("DELETE FROM statements WHERE id=?", (statement,))

    def _split(self, family: int) -> set[str]:
        """Families of what is left of ``family`` (a wording gone may have been all that
        joined two parts), each cut again."""
        ids = [i for (i,) in self.db.execute("SELECT id FROM statement_nodes WHERE family=?", (family,))]
        linked = defaultdict(list)
        for chunk, marks in in_chunks(ids):
            for a, b in self.db.execute(f"SELECT a, b FROM statement_edges WHERE a IN ({marks})", chunk):
                linked[a].append(b)
                linked[b].append(a)
        seen: set[int] = set()
        touched: set[str] = set()
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
            touched |= self._cut(start)
        return touched

    def clear(self) -> None:
        for table in ("statement_fragments", "statement_regions", "statement_edges", "statement_postings",
                      "statement_shingle_df", "statement_nodes", "statements"):
            self.db.execute(f"DELETE FROM {table}")  # fixed names, not input
        self.db.execute("UPDATE attributions SET statement=NULL")
        self.db.execute("DROP TABLE IF EXISTS statement_shingles")  # the index before this one

    # --- speaker and first appearance ---------------------------------------------------

    def refresh(self, statement: str) -> None:
        """Speaker and first appearance, from the mentions: the most quoted name (a short
        form counting for the fuller name it fits), a description only when no mention
        names the speaker; the earliest article (by date, then input order)."""
        rows = self.db.execute(
            "SELECT DISTINCT a.id, a.speaker, a.article, r.published, r.ord FROM statement_regions g"
            " JOIN statement_fragments f ON f.node = g.node JOIN attributions a ON a.id = f.attribution"
            " JOIN articles r ON r.id = a.article WHERE g.statement = ?", (statement,)).fetchall()
        if not rows:
            return
        ordered = sorted(rows, key=lambda r: (r[3] is None, r[3] or "", r[4], r[0]))
        first = ordered[0][2]
        counts: dict[str, list[int]] = {}
        for place, (_, speaker, *_rest) in enumerate(ordered):
            if speaker is not None:
                entry = counts.setdefault(speaker, [0, -place])
                entry[0] += 1
        names = _by_person({s: (n, at) for s, (n, at) in counts.items() if is_name(s)})
        described = {s: (n, len(s), at) for s, (n, at) in counts.items()
                     if s and not is_name(s) and s.casefold() not in PRONOUNS}
        speaker = None
        if names:
            speaker = max(names, key=names.get)
        elif described:
            speaker = max(described, key=described.get)
        self.db.execute("UPDATE statements SET speaker=?, first_seen=? WHERE id=?", (speaker, first, statement))
