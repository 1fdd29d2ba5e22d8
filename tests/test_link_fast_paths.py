"""The statement linker's cheaper paths (branch scale11) give what the paths they replace
gave, on real sentences: a known wording's words without their spans (``words_of``), the
word count of a quotation without splitting it at elisions (``word_count``), the matching
blocks of two wordings (``align._blocks``, against the code it replaced) and the
attributions' spans written as JSON (``store._spans_json``)."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

import pytest
from rapidfuzz.distance import Indel

from newstrace.link import align
from newstrace.link.normalize import GAP, segments, tokens, word_count, words_of
from newstrace.store import Store, _spans_json

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus-dev" / "text"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/ecbplus-dev")


def _bench():
    spec = importlib.util.spec_from_file_location("link_scale", ROOT / "bench" / "link_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lines() -> list[str]:
    out = []
    for path in sorted(CORPUS.glob("*.txt"))[:150]:
        out += [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return out


def test_words_of_are_the_words_of_tokens():
    lines = _lines()
    # as outlets print quotations: curly apostrophes, elisions, upper case, British spelling
    lines += [w for w, _, _ in _bench().generate(3000)]
    lines += ["“We realised … it’s OVER...”", "I ’ m sure this year ’ s show", "won't . . . can't.. go…"]
    assert len(lines) > 5000
    differ = [line for line in lines if words_of(line) != [t for t, _, _ in tokens(line)]]
    assert not differ, differ[:3]
    assert any(GAP in words_of(line) for line in lines)


def test_word_count_counts_what_segments_finds():
    lines = _lines() + [w for w, _, _ in _bench().generate(3000)]
    # NFKC turns "½" into three characters, two of them words, and "…" into dots; an
    # apostrophe beside an elision joins nothing across it
    lines += ["½ of the vote", "the ﬁnal… word", "don'…t stop", "it’s 10 o’clock ... late", "Ⅻ o'clock"]
    differ = [line for line in lines if word_count([line]) != sum(len(words) for words in segments(line))]
    assert not differ, differ[:3]
    assert word_count(lines[:50]) == sum(len(words) for line in lines[:50] for words in segments(line))


def _blocks_reference(a, b, alo, ahi, blo, bhi, out):
    """``align._blocks`` as it was written before (main 51b095f): the reference."""
    if alo >= ahi or blo >= bhi:
        return
    found = [bl for bl in Indel.opcodes(a[alo:ahi], b[blo:bhi]).as_matching_blocks() if bl.size]
    if not found:
        return
    best = max(found, key=lambda bl: bl.size)
    i, j, k = best.a + alo, best.b + blo, best.size
    while i > alo and j > blo and a[i - 1] == b[j - 1]:
        i, j, k = i - 1, j - 1, k + 1
    while i + k < ahi and j + k < bhi and a[i + k] == b[j + k]:
        k += 1
    if b[blo:bhi].count(a[i]) > 1 or a[alo:ahi].count(a[i]) > 1:
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
    _blocks_reference(a, b, alo, i, blo, j, out)
    out.append((i, j, k))
    _blocks_reference(a, b, i + k, ahi, j + k, bhi, out)


def test_matching_blocks_are_those_of_the_code_they_replace():
    # wordings of one quotation as outlets print them, and of the next quotation
    mentions = _bench().generate(4000)
    by_statement: dict[int, list[list[str]]] = {}
    for wording, _, statement in mentions:
        by_statement.setdefault(statement, []).append(words_of(wording))
    pairs = []
    for wordings in by_statement.values():
        pairs += list(zip(wordings, wordings[1:]))
    firsts = [wordings[0] for wordings in by_statement.values()]
    pairs += list(zip(firsts, firsts[1:]))[:500]
    recurring = 0
    for a, b in pairs:
        sa = [w if w != GAP else f"\x00a{i}" for i, w in enumerate(a)]
        sb = [w if w != GAP else f"\x00b{i}" for i, w in enumerate(b)]
        mine, theirs = [], []
        align._blocks(sa, sb, 0, len(sa), 0, len(sb), mine)
        _blocks_reference(sa, sb, 0, len(sa), 0, len(sb), theirs)
        assert [tuple(bl) for bl in mine] == theirs, (a, b)
        recurring += len(set(a)) < len(a)
    assert len(pairs) > 1000 and recurring > 100  # the path for words that recur is taken


def test_spans_json_is_json_dumps(tmp_path: Path):
    cases = [[], [(0, 12)], [[3, 9], (15, 40)], ((1, 2),), [(True, 2)], [(1.5, 2)], [(1, 2, 3)], [{"a": 1, "b": 2}],
             [("x", 1)], [[10**20, -1]]]
    for case in cases:
        assert _spans_json(case) == json.dumps(case)
    # the attributions of real quotations as the store keeps them: the same columns
    bench = _bench()
    article, attributions = bench._article(bench.generate(10), 0)
    store = Store(tmp_path / "s.db")
    with store.transaction():
        store.put_article(article, attributions, [], "test")
    store.close()
    db = sqlite3.connect(tmp_path / "s.db")
    rows = db.execute("SELECT id, source, cue, content FROM attributions ORDER BY id").fetchall()
    db.close()
    want = sorted((a.id, json.dumps(a.source), json.dumps(a.cue), json.dumps(a.content)) for a in attributions)
    assert rows == want and len(rows) == 10
