"""The judged rounds' gold files are whole (issue 28): every row names a text that stands in
../shared, every span lies inside that text with no white space at its ends, kinds, classes and
citation kinds are the ones the scorer knows, and the scorer's part names select the rounds they
say. Nothing here runs the extractor: the texts of a round drawn as held out are not analysed
before the round is scored once (bench/eval_judged.py --part held-out)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import REPO, SHARED, needs_shared

_spec = importlib.util.spec_from_file_location("eval_judged", REPO / "bench" / "eval_judged.py")
eval_judged = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_judged)

KINDS = {"direct", "indirect", "mixed"}
QUOTES = "\"“”‘’'"


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_latest_round_is_round15_and_held_out_names_it():
    assert eval_judged.GOLD_FILES[-1].name == "judged_round15.jsonl"
    assert eval_judged.LAST_ROUND == 15
    assert eval_judged.PARTS["held-out"] == eval_judged.PARTS["round15"] == ("held-out-15",)
    assert eval_judged.PARTS["rounds1-14"] == tuple(
        label for n in range(1, 15) for label in eval_judged.round_labels(n))
    assert eval_judged.PARTS["round1-held-out"] == ("held-out",)


def test_parts_select_their_rows():
    rows = [r for path in eval_judged.GOLD_FILES for r in _rows(path)]
    assert len(eval_judged.read_gold("all")) == len(rows)
    held = eval_judged.read_gold("held-out")
    assert [r["id"] for r in held] == [r["id"] for r in _rows(eval_judged.GOLD_FILES[-1])]
    development = eval_judged.read_gold("rounds1-14")
    assert len(development) + len(held) == len(rows)
    assert not {r["id"] for r in development} & {r["id"] for r in held}


def test_round15_is_twelve_ecb_texts_half_commentary():
    rows = _rows(eval_judged.GOLD_FILES[-1])
    assert len(rows) == 12 and len({r["id"] for r in rows}) == 12
    assert {r["source"] for r in rows} == {"ecbplus-dev"}
    assert {r["part"] for r in rows} == {"held-out-15"}
    assert sorted(r["type"] for r in rows) == ["commentary"] * 6 + ["report"] * 6


@needs_shared(SHARED / "corpora")
@pytest.mark.parametrize("path", eval_judged.GOLD_FILES, ids=lambda p: p.name)
def test_spans_lie_inside_their_texts(path):
    for row in _rows(path):
        text = eval_judged.read_text(row["id"], row.get("source", "ptc"))
        assert row["type"] in ("commentary", "report"), row["id"]
        for a in row["attributions"]:
            assert a["kind"] in KINDS, (row["id"], a)
            assert a["content"] and a["content"] == sorted(a["content"]), (row["id"], a)
            for role in ("source", "cue", "content"):
                for s, e in a[role]:
                    assert 0 <= s < e <= len(text), (row["id"], role, s, e)
                    assert text[s:e] == text[s:e].strip(), (row["id"], role, text[s:e])
        for c in row["citations"]:
            s, e = c["span"]
            assert 0 <= s < e <= len(text) and c["kind"] in ("media", "platform"), (row["id"], c)
            assert isinstance(c["optional"], bool) and c["outlet"], (row["id"], c)


@needs_shared(SHARED / "corpora" / "ecbplus-dev")
def test_round15_texts_and_spans():
    """Round 15's texts are ECB+ dev files of 700-15,000 characters; a direct content opens and
    closes with a quotation mark, a mixed one holds one, and no role overlaps another."""
    for row in _rows(eval_judged.GOLD_FILES[-1]):
        text = eval_judged.read_text(row["id"], row["source"])
        assert 700 <= len(text) <= 15000
        for a in row["attributions"]:
            contents = [text[s:e] for s, e in a["content"]]
            if a["kind"] == "direct":
                assert all(c[0] in QUOTES and c[-1] in QUOTES for c in contents), (row["id"], contents)
            if a["kind"] == "mixed":
                assert any(q in c for c in contents for q in QUOTES), (row["id"], contents)
            spans = [tuple(x) for role in ("source", "cue", "content") for x in a[role]]
            assert all(e1 <= s2 or e2 <= s1 for i, (s1, e1) in enumerate(spans) for s2, e2 in spans[i + 1:]), \
                (row["id"], a)
