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


ECB_ROUNDS = {15: "judged_round15.jsonl", 16: "judged_round16.jsonl", 17: "judged_round17.jsonl"}  # twelve ECB+ dev texts each


def _round_file(n):
    path = eval_judged.GOLD_FILES[n - 1]
    assert path.name == ECB_ROUNDS[n]
    return path


def test_the_latest_round_is_round17_and_held_out_names_it():
    assert eval_judged.GOLD_FILES[-1].name == "judged_round17.jsonl"
    assert eval_judged.LAST_ROUND == 17
    assert eval_judged.PARTS["held-out"] == eval_judged.PARTS["round17"] == ("held-out-17",)
    assert eval_judged.PARTS["round16"] == ("held-out-16",)  # scored once; still addressable
    assert eval_judged.PARTS["round15"] == ("held-out-15",)
    assert eval_judged.PARTS["rounds1-16"] == tuple(
        label for n in range(1, 17) for label in eval_judged.round_labels(n))
    assert eval_judged.PARTS["rounds1-15"] == tuple(
        label for n in range(1, 16) for label in eval_judged.round_labels(n))
    assert eval_judged.PARTS["rounds1-14"] == tuple(
        label for n in range(1, 15) for label in eval_judged.round_labels(n))
    assert eval_judged.PARTS["round1-held-out"] == ("held-out",)


def test_the_default_part_is_the_latest_round(monkeypatch):
    seen = {}

    def stop(part):
        seen["part"] = part
        raise SystemExit(0)

    monkeypatch.setattr(eval_judged, "read_gold", stop)
    monkeypatch.setattr(eval_judged, "TEXTS", REPO)  # any folder that exists: the check before read_gold
    with pytest.raises(SystemExit):
        eval_judged.main([])
    assert seen["part"] == "round17"


def test_parts_select_their_rows():
    rows = [r for path in eval_judged.GOLD_FILES for r in _rows(path)]
    assert len(eval_judged.read_gold("all")) == len(rows)
    held = eval_judged.read_gold("held-out")
    assert [r["id"] for r in held] == [r["id"] for r in _rows(eval_judged.GOLD_FILES[-1])]
    assert held == eval_judged.read_gold("round17")
    development = eval_judged.read_gold("rounds1-16")
    assert len(development) + len(held) == len(rows)
    assert not {r["id"] for r in development} & {r["id"] for r in held}
    round16 = eval_judged.read_gold("round16")
    assert [r["id"] for r in round16] == [r["id"] for r in _rows(_round_file(16))]
    assert len(eval_judged.read_gold("rounds1-15")) + len(round16) == len(development)
    round15 = eval_judged.read_gold("round15")
    assert [r["id"] for r in round15] == [r["id"] for r in _rows(_round_file(15))]
    assert len(eval_judged.read_gold("rounds1-14")) + len(round15) == len(eval_judged.read_gold("rounds1-15"))


def test_no_text_is_judged_in_two_rounds():
    seen = {}
    for n, path in enumerate(eval_judged.GOLD_FILES, 1):
        for r in _rows(path):
            key = (r.get("source", "ptc"), r["id"])
            assert key not in seen, (key, seen.get(key), n)
            seen[key] = n


@pytest.mark.parametrize("n", sorted(ECB_ROUNDS))
def test_ecb_rounds_are_twelve_ecb_texts_half_commentary(n):
    rows = _rows(_round_file(n))
    assert len(rows) == 12 and len({r["id"] for r in rows}) == 12
    assert {r["source"] for r in rows} == {"ecbplus-dev"}
    assert {r["part"] for r in rows} == {f"held-out-{n}"}
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
@pytest.mark.parametrize("n", sorted(ECB_ROUNDS))
def test_ecb_round_texts_and_spans(n):
    """Rounds 15-17's texts are ECB+ dev files of 700-15,000 characters; every span is
    non-empty; a direct content opens and closes with a quotation mark, a mixed one holds one, no
    role overlaps another, and each citation's span is inside its text. Gold only: no extractor."""
    for row in _rows(_round_file(n)):
        text = eval_judged.read_text(row["id"], row["source"])
        assert 700 <= len(text) <= 15000
        for a in row["attributions"]:
            contents = [text[s:e] for s, e in a["content"]]
            assert all(c.strip() for c in contents), (row["id"], a)
            if a["kind"] == "direct":
                assert all(c[0] in QUOTES and c[-1] in QUOTES for c in contents), (row["id"], contents)
            if a["kind"] == "mixed":
                assert any(q in c for c in contents for q in QUOTES), (row["id"], contents)
            spans = [tuple(x) for role in ("source", "cue", "content") for x in a[role]]
            assert all(e1 <= s2 or e2 <= s1 for i, (s1, e1) in enumerate(spans) for s2, e2 in spans[i + 1:]), \
                (row["id"], a)


@needs_shared(SHARED / "corpora" / "ecbplus-dev")
def test_round16_spans_hold_what_was_judged():
    """A few of round 16's spans, read back: the judge's strings at the gold's offsets (the first
    attribution of each text, and its citations), so that an offset shifted by one would fail."""
    rows = {r["id"]: r for r in _rows(_round_file(16))}
    texts = {i: eval_judged.read_text(i, "ecbplus-dev") for i in rows}

    def first(i):
        a = rows[i]["attributions"][0]
        return tuple(" | ".join(texts[i][s:e] for s, e in a[role]) for role in ("source", "cue")), a["kind"]

    assert first("ef336f182") == (("Lionsgate", "has long been open about"), "indirect")
    assert first("ec24848f3") == (("a source with knowledge of the 76ers' thinking", "said"), "direct")
    assert first("e9f09336e") == (("this L.A. Times story", "According to"), "indirect")
    assert first("e2d002d8c") == (("Team spokesman Tim Mead", "confirmed"), "mixed")
    assert first("e25d01ba4") == (("a defence spokesperson", "said"), "direct")
    cited = sorted((c["outlet"], texts[i][slice(*c["span"])], c["optional"]) for i, r in rows.items() for c in r["citations"])
    assert [c for c in cited if not c[2]] == [("Los Angeles Times", "L.A. Times", False), ("Sky News", "Sky News", False),
                                            ("The Hollywood Reporter", "The Hollywood Reporter", False)]
    counts = {t: sum(len(r["attributions"]) for r in rows.values() if r["type"] == t) for t in ("commentary", "report")}
    assert counts == {"commentary": 28, "report": 70}


@needs_shared(SHARED / "corpora" / "ecbplus-dev")
def test_round17_spans_hold_what_was_judged():
    """A few of round 17's spans, read back (gold only: nothing here runs the extractor on round 17,
    held out until it is scored once): the first attribution's source, cue and kind of five texts,
    every required citation, the two texts with no attribution, and the counts by class."""
    rows = {r["id"]: r for r in _rows(_round_file(17))}
    texts = {i: eval_judged.read_text(i, "ecbplus-dev") for i in rows}

    def first(i):
        a = rows[i]["attributions"][0]
        return tuple(" | ".join(texts[i][s:e] for s, e in a[role]) for role in ("source", "cue")), a["kind"]

    assert first("e7877db40") == (("The Academy of Motion Pictures Arts and Sciences", "announced"), "indirect")
    assert first("e24a664a5") == (("Authorities", "are now saying"), "indirect")
    assert first("ec88cb2cf") == (("", ""), "direct")  # a quotation with no source and no cue
    assert first("e3a423602") == (("authorities", "said"), "indirect")
    assert first("e6e61117c") == (("the Associated Press", "reported"), "indirect")
    cited = sorted((c["outlet"], texts[i][slice(*c["span"])], c["optional"]) for i, r in rows.items() for c in r["citations"])
    assert [c for c in cited if not c[2]] == [("The Associated Press", "The Associated Press", False),
                                            ("The Associated Press", "the Associated Press", False)]
    assert sorted(i for i, r in rows.items() if not r["attributions"]) == ["e3369c782", "e95cfe6fe"]
    counts = {t: sum(len(r["attributions"]) for r in rows.values() if r["type"] == t) for t in ("commentary", "report")}
    assert counts == {"commentary": 17, "report": 51}


@needs_shared(SHARED / "corpora" / "ecbplus-dev")
@pytest.mark.parametrize("n, moved_fragments", [(16, 12), (17, 4)])
def test_paragraph_reading_is_the_script_s_output_of_the_round_s_gold(n, moved_fragments):
    """``--part roundN-paragraphs`` (rounds 16 and 17) is written mechanically from round N's gold (no extractor):
    each later-line quotation fragment becomes a cue-less attribution of the same speaker, the
    rest is untouched (bench/judged_paragraph_reading.py)."""
    spec = importlib.util.spec_from_file_location("reading", REPO / "bench" / "judged_paragraph_reading.py")
    reading = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reading)
    judged = _rows(_round_file(n))
    stored = _rows(eval_judged.READINGS[f"round{n}-paragraphs"])
    assert [r["id"] for r in stored] == [r["id"] for r in judged]
    moved = 0
    for row, kept in zip(judged, stored):
        text = (SHARED / "corpora" / "ecbplus-dev" / "text" / f"{row['id']}.txt").read_text(encoding="utf-8")
        again, k = reading.paragraph_reading(row, text)
        assert again == kept
        moved += k
        # single-fragment attributions stay as they were, with their speakers
        assert {(tuple(map(tuple, a["content"])), a.get("speaker", "")) for a in row["attributions"]
                if len(a["content"]) == 1} <= {(tuple(map(tuple, a["content"])), a.get("speaker", ""))
                                               for a in kept["attributions"]}
        assert sorted(f for a in row["attributions"] for f in map(tuple, a["content"])) == \
            sorted(f for a in kept["attributions"] for f in map(tuple, a["content"]))
    assert moved == moved_fragments
    assert len(eval_judged.read_gold(f"round{n}-paragraphs")) == 12
