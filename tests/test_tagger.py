"""The trained attribution tagger (newstrace.extract.tagger): real model, real texts."""

from __future__ import annotations

import multiprocessing as mp

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import POLNEAR, REPO, SEEDS, needs_shared
from newstrace.extract.tagger import core, load_tagger
from newstrace.records import SpanAttribution


@pytest.fixture(scope="module")
def tagger():
    return load_tagger("default")


def _text(text, frags):
    return " ".join(text[s:e] for s, e in frags)


def _check_offsets(text, attrs):
    for a in attrs:
        assert isinstance(a, SpanAttribution)
        assert a.cue and a.content
        for frags in (a.source, a.cue, a.content):
            assert frags == sorted(frags)
            for s, e in frags:
                assert 0 <= s < e <= len(text)
                assert text[s:e].strip()


def test_unknown_variant():
    with pytest.raises(ValueError):
        load_tagger("huge")


def test_windows_cover_everything():
    for n in (0, 5, 254, 255, 1000):
        ws = core.windows(n)
        assert ws[0][0] == 0 and ws[-1][1] == n
        assert all(b - a <= core.WINDOW for a, b in ws)
        assert all(a2 <= b1 for (_, b1), (a2, _) in zip(ws, ws[1:]))


def test_bio_runs():
    tags = np.array([0, 1, 2, 2, 0, 2, 1, 1, 0])
    assert core.runs(tags) == [(1, 4), (5, 6), (6, 7), (7, 8)]


def test_source_span_drops_a_dangling_relative_pronoun():
    def source(text, part):
        a = text.index(part)
        s, e = core.source_span(text, a, a + len(part))
        return text[s:e]

    text = "Hoff, who runs the group, said the plan failed."
    assert source(text, "Hoff, who") == "Hoff"
    assert source(text, "Hoff, who runs the group") == "Hoff, who runs the group"
    # no comma: the pronoun is the source's own ("all of whom", "those who")
    assert source("All of whom said no.", "All of whom") == "All of whom"
    assert source("Those who voted said no.", "Those who") == "Those who"
    assert source("Which, said Ann, was fine.", "Which") == "Which"
    # word pieces are still widened to whole words
    assert source(text, "Hof") == "Hoff"


def test_content_span_takes_in_the_possessor_of_a_leading_s():
    def content(text, part, taken=()):
        a = text.index(part)
        s, e = core.content_span(text, a, a + len(part), taken)
        return text[s:e]

    # seed report 003: the content began at "'s", "New Zealand" left out
    nz = "Since the Friday attack, New Zealand's government has raised the threat level, the Herald reported."
    assert content(nz, "'s government has raised the threat level") == \
        "New Zealand's government has raised the threat level"
    assert content("He said Trump’s tactics were clear.", "’s tactics were clear") == "Trump’s tactics were clear"
    # a lower-case word before the name stays out; so does a source the content would reach into
    assert content("Critics said that Clinton's plan failed.", "'s plan failed") == "Clinton's plan failed"
    said = "Obama's plan failed, Obama said."
    assert content(said, "'s plan failed", taken=[(0, 5)]) == "'s plan failed"
    # "'s" that is not a possessive clitic, and contents that begin well, are left as they are
    assert content("It's 'special' he said.", "'special'") == "'special'"
    assert content(nz, "government has raised") == "government has raised"


def test_feature_ids_on_a_quotation():
    text = 'Ann said.\n"We WON," she said. NATO'
    p = core.encode_texts([text])[0]
    f = core.feature_ids(text, p)
    by_piece = {text[s:e]: int(x) for s, e, x in zip(p.starts.tolist(), p.ends.tolist(), f.tolist())}
    case, quote, para = (lambda x: x // 6), (lambda x: x // 2 % 3), (lambda x: x % 2)
    assert (case(by_piece["Ann"]), quote(by_piece["Ann"]), para(by_piece["Ann"])) == (2, 0, 1)
    assert (case(by_piece["We"]), quote(by_piece["We"])) == (2, 1)  # inside the quotation
    assert case(by_piece["WON"]) == 3 and case(by_piece["she"]) == 1
    assert quote(by_piece["she"]) == 0
    assert para(f[3]) == 1 and text[p.starts[3]] == '"'  # the mark opens the second paragraph
    assert quote(f[3]) == 2
    assert sum(para(x) for x in f.tolist()) == 2


# letters of every case class (titlecase ǅ, uncased ª, astral 𝐀, German ß), digits of
# other scripts, every quotation mark the features know, and line and other breaks
_FEATURE_ALPHABET = list('aZ "“”„‟«»\n\r\t.,AbÉéßǅªĳ٣1') + ["\U0001d400", "\u2028"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_FEATURE_ALPHABET), max_size=80))
def test_feature_ids_follow_their_definition(text):
    """One id per piece, in range, each part as its docstring defines it, read off the
    text character by character: case of the first character (and the second, for ALL
    CAPS), a quotation mark in the piece or else quote_mask, a line break since the piece
    before; and punctuation pieces are those without a letter or digit."""
    from newstrace.extract.quotes import quote_mask

    p = core.encode_texts([text])[0]
    f = core.feature_ids(text, p)
    assert f.shape == p.ids.shape
    assert ((0 <= f) & (f < core.N_FEATURES)).all()
    mask = quote_mask(text)
    punct = core.punctuation_pieces(text, p)
    for k, (s, e) in enumerate(zip(p.starts.tolist(), p.ends.tolist())):
        prev = p.ends[k - 1] if k else 0
        assert f[k] % 2 == (k == 0 or "\n" in text[prev:s])
        q = f[k] // 2 % 3
        if any(c in '"“”„‟«»' for c in text[s:e]):
            assert q == 2
        else:
            assert q == mask[s]
        c, nxt = text[s], text[s + 1] if s + 1 < e else ""
        case = (0 if not c.isalpha() else 1 if c.islower()
                else 3 if nxt.isalpha() and nxt.isupper() else 2)
        assert f[k] // 6 == case, (text[s:e], case)
        assert punct[k] == (not any(ch.isalnum() for ch in text[s:e]))
    w = core.window_features(f, 0, len(f))
    assert w[0] == 0 and w[-1] == 0 and len(w) == len(f) + 2


def test_features_table_is_added_to_the_input(tmp_path):
    """Weights trained with --features ship <variant>.features.npy; the runtime adds its
    rows to the word embeddings. A zero table changes nothing; another one changes the
    encoder's input and so its output."""
    import shutil

    from newstrace.extract.tagger import WEIGHTS, Tagger

    for f in WEIGHTS.glob("default.*"):
        shutil.copy(f, tmp_path / f.name)
    text = (SEEDS / "003_461b67336f7667d7.txt").read_bytes().decode("utf-8")
    plain = list(Tagger("default", weights=tmp_path).extract([text]))
    np.save(tmp_path / "default.features.npy", np.zeros((core.N_FEATURES, 384), np.float32))
    assert list(Tagger("default", weights=tmp_path).extract([text])) == plain
    table = np.zeros((core.N_FEATURES, 384), np.float32)
    # on every first piece of a paragraph (not a constant: layer norm would remove it)
    table[1::2] = np.random.default_rng(0).normal(0, 0.5, (core.N_FEATURES // 2, 384))
    np.save(tmp_path / "default.features.npy", table)
    shifted = Tagger("default", weights=tmp_path)
    assert list(shifted.extract([text])) != plain
    assert shifted._feat.shape == (core.N_FEATURES, 384)


def test_seed_quote(tagger):
    text = (SEEDS / "000_17fc5a22881fa018.txt").read_bytes().decode("utf-8")
    [attrs] = list(tagger.extract([text]))
    _check_offsets(text, attrs)
    hits = [a for a in attrs if "thousands of kilometers" in _text(text, a.content)]
    assert hits, [(_text(text, a.cue), _text(text, a.content)[:60]) for a in attrs]
    a = hits[0]
    assert _text(text, a.cue) == "says"
    assert _text(text, a.source) in ("he", "Abu Abdul-Azim")


def test_split_quote_has_fragments(tagger):
    text = ('The mayor spoke on Monday. "We will rebuild the bridge," Smith said, '
            '"and we will do it before the winter comes."')
    [attrs] = list(tagger.extract([text]))
    _check_offsets(text, attrs)
    said = [a for a in attrs if _text(text, a.cue) == "said"]
    assert said
    a = said[0]
    assert _text(text, a.source) == "Smith"
    assert len(a.content) >= 2
    joined = _text(text, a.content)
    assert "rebuild the bridge" in joined and "before the winter" in joined


@needs_shared(POLNEAR / "dev")
def test_polnear_dev_offsets(tagger):
    paths = sorted((POLNEAR / "dev" / "text").glob("*.txt"))[:3]
    texts = [p.read_bytes().decode("utf-8") for p in paths]
    out = list(tagger.extract(texts))
    assert len(out) == len(texts)
    assert sum(len(x) for x in out) > 10
    for text, attrs in zip(texts, out):
        _check_offsets(text, attrs)


def test_long_text_and_empty(tagger):
    para = 'Officials said the plan would cost $3 billion. "It is a start," Jones told reporters. '
    text = para * 40  # many windows
    out = list(tagger.extract(["", "   ", text]))
    assert out[0] == [] and out[1] == []
    _check_offsets(text, out[2])
    cues = [a.cue[0] for a in out[2]]
    assert len(cues) == len(set(cues))  # each cue once despite overlapping windows
    assert sum(_text(text, a.cue) in ("said", "told") for a in out[2]) >= 60


def _worker(text):
    from newstrace.extract.tagger import load_tagger

    return [a.cue for a in next(load_tagger("fast").extract([text]))]


def test_fast_variant_in_worker_process():
    text = '"We are ready," the minister said on Tuesday.'
    with mp.get_context("spawn").Pool(1) as pool:
        [cues] = pool.map(_worker, [text])
    assert [text[s:e] for cue in cues for s, e in cue] == ["said"]


def test_results_do_not_depend_on_neighbours(tagger):
    texts = [p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    short = 'Short one. "Fine," he said.'
    together = list(tagger.extract([texts[0], short, texts[1], texts[0]]))
    assert together[0] == together[3] == next(tagger.extract([texts[0]]))
    assert together[2] == next(tagger.extract([texts[1]]))


@pytest.mark.parametrize("variant", ["default", "fast", "balanced", "accurate"])
def test_confidence_cut_off(variant):
    """The calibrated cut-off only removes the least sure cues; 0 keeps all of them."""
    from newstrace.extract.tagger import Tagger

    text = (SEEDS / "003_461b67336f7667d7.txt").read_bytes().decode("utf-8")
    # repairs=False: the punctuation repairs look at the other attributions kept
    everything = next(Tagger(variant, min_score=0.0, repairs=False).extract([text]))
    shipped = Tagger(variant, repairs=False, rerank=False)
    kept = next(shipped.extract([text]))
    assert 0 < shipped.min_score < 1  # calibrated (training/calibrate.py), in <variant>.json
    assert kept == [a for a in everything if a.score >= shipped.min_score]
    assert all(0 <= a.score <= 1 for a in everything)
    strict = next(Tagger(variant, min_score=0.99, repairs=False).extract([text]))
    assert len(strict) <= len(kept) <= len(everything)


def _ensemble_folder(tmp_path, members):
    import json

    from newstrace.extract.tagger import WEIGHTS

    folder = tmp_path / "-".join(members)
    folder.mkdir()
    for f in WEIGHTS.iterdir():
        (folder / f.name).symlink_to(f)
    (folder / "pair.json").write_text(json.dumps({"members": members}))
    return folder


def test_ensemble_members(tmp_path):
    """An ensemble averages its members' log-probabilities: of one model twice, it is that
    model; of two, the order of the members does not matter (each roles graph reads its
    own model's hidden states)."""
    from newstrace.extract.tagger import Tagger

    text = (SEEDS / "003_461b67336f7667d7.txt").read_bytes().decode("utf-8")

    def run(variant, weights=None):
        # one reach for all: the default model's recipe reads 64 pieces, a bare ensemble 128
        t = Tagger(variant, weights=weights, min_score=0.5, reach=64)
        return next(t.extract([text])), t

    alone, _ = run("default")
    twice, t = run("pair", _ensemble_folder(tmp_path, ["default", "default"]))
    assert len(t._runner.runners) == 2
    assert [(a.source, a.cue, a.content) for a in twice] == [(a.source, a.cue, a.content) for a in alone]
    assert [a.score for a in twice] == pytest.approx([a.score for a in alone], abs=1e-5)
    ab, t = run("pair", _ensemble_folder(tmp_path, ["default", "default-features"]))
    assert t._feat is not None  # the second member reads surface features
    ba, _ = run("pair", _ensemble_folder(tmp_path, ["default-features", "default"]))
    assert [(a.source, a.cue, a.content) for a in ab] == [(a.source, a.cue, a.content) for a in ba]
    assert [a.score for a in ab] == pytest.approx([a.score for a in ba], abs=1e-5)
    _check_offsets(text, ab)


def _tags_over(text, p, **roles):
    """Head tags (BIO: 1 begins, 2 continues) over the pieces of the given substrings."""
    tags = {k: np.zeros(len(p.ids), dtype=np.int64) for k in ("cue", "src", "cnt")}
    tags["cue_p"] = np.ones(len(p.ids), dtype=np.float32)
    for role, parts in roles.items():
        for part in parts:
            a = text.index(part)
            inside = [k for k, (s, e) in enumerate(zip(p.starts.tolist(), p.ends.tolist()))
                      if a <= s and e <= a + len(part)]
            tags[role][inside] = 2
            tags[role][inside[0]] = 1
    return tags


def test_nearest_keeps_one_content_run_unless_a_split_quotation():
    from newstrace.extract.tagger import _nearest

    # the content head also marked the source: the cue keeps the run nearest to it, not both
    text = "Later, TV host Bill Maher said it was wrong to compare the two faiths."
    p = core.encode_texts([text])[0]
    tags = _tags_over(text, p, cue=["said"], cnt=["TV host Bill Maher", "it was wrong to compare the two faiths"])
    [a] = _nearest(text, p, tags, core.punctuation_pieces(text, p))
    assert [text[s:e] for s, e in a.content] == ["it was wrong to compare the two faiths"]
    # a split quotation keeps both halves, across its source and cue
    text = '"We won," the mayor said, "and we will win again."'
    p = core.encode_texts([text])[0]
    tags = _tags_over(text, p, cue=["said"], src=["the mayor"], cnt=["We won", "and we will win again"])
    [a] = _nearest(text, p, tags, core.punctuation_pieces(text, p))
    assert [text[s:e] for s, e in a.content] == ["We won", "and we will win again"]
    assert [text[s:e] for s, e in a.source] == ["the mayor"]
    # a cue inside a content run (a nested attribution) splits it
    text = "Officials said Smith told them the plan had failed."
    p = core.encode_texts([text])[0]
    tags = _tags_over(text, p, cue=["said", "told"], src=["Officials", "Smith"],
                      cnt=["Smith told them the plan had failed"])
    got = {text[slice(*a.cue[0])]: [text[s:e] for s, e in a.content] for a in _nearest(text, p, tags, core.punctuation_pieces(text, p))}
    assert got["told"] == ["them the plan had failed"]
    assert not any("told" in c for contents in got.values() for c in contents)


@pytest.mark.parametrize("variant", ["default", "fast", "balanced", "accurate"])
def test_no_window_is_padded(variant):
    """A text's windows are batched by length: a short last window never rides padded
    along with full ones (padding costs the encoder as much as text)."""
    from newstrace.extract.tagger import Tagger

    text = (SEEDS / "000_17fc5a22881fa018.txt").read_bytes().decode("utf-8") * 3
    t = Tagger(variant)
    t._load()
    encode, masks = t._runner.encode, []
    t._runner.encode = lambda emb, fids, mask: masks.append(mask) or encode(emb, fids, mask)
    assert next(t.extract([text]))
    assert len(masks) > 1 and sum(len(m) for m in masks) > 2
    assert all(m.all() for m in masks)


def test_balanced_is_the_fast_model_with_the_roles_pass():
    """"balanced" has no weights of its own: its recipe names the fast model and says how to
    read it (the per-cue roles pass, each cue's rows within its reach), as a user could."""
    from newstrace.extract.tagger import Tagger

    text = (SEEDS / "003_461b67336f7667d7.txt").read_bytes().decode("utf-8")
    t = Tagger("balanced", rerank=False)  # its own reranker: test_model_keeps_what_its_reranker_keeps
    t._load()
    assert (t.roles, t.reach) == ("cue", 32) and 0 < t.min_score < 1
    assert t._runner._rol_args[0].endswith("fast.roles.onnx")
    run, widths = t._runner.roles, []
    t._runner.roles = lambda h, *a: widths.append(h.shape[1]) or run(h, *a)
    got = next(t.extract([text]))
    # a row is the cue and at most `reach` pieces each side of it
    assert widths and max(widths) <= 2 * 32 + 8
    assert got == next(Tagger("fast", roles="cue", reach=32, min_score=t.min_score).extract([text]))
    assert [a.content for a in got] != [a.content for a in next(Tagger("fast").extract([text]))]


def test_unsure_cues_get_no_roles_pass():
    """Cues under the cut-off are dropped before the per-cue roles graph runs, not after."""
    from newstrace.extract.tagger import Tagger

    text = (SEEDS / "003_461b67336f7667d7.txt").read_bytes().decode("utf-8")
    rows = {}
    for cut in (0.0, 0.99):
        t = Tagger("default", min_score=cut, repairs=False)
        t._load()
        run, seen = t._runner.roles, []
        t._runner.roles = lambda h, *a, run=run, seen=seen: seen.append(len(h)) or run(h, *a)
        out = next(t.extract([text]))
        rows[cut] = sum(seen)
        assert all(a.score >= cut for a in out)
    assert 0 < rows[0.99] < rows[0.0]


@needs_shared(POLNEAR / "train")
def test_calibration_on_train(tmp_path):
    """training/calibrate.py scores cut-offs with the shared scorer on train articles and
    writes the best into the recipe that Tagger reads."""
    import json
    import shutil
    import sys

    from newstrace.extract.tagger import WEIGHTS, Tagger

    sys.path.insert(0, str(REPO / "training"))
    import calibrate

    for name in ("fast.encoder.onnx", "fast.json", "fast.rerank.json"):
        shutil.copy(WEIGHTS / name, tmp_path / name)
    calibrate.main(["--variant", "fast", "--every", "80", "--threads", "1",
                    "--weights", str(tmp_path)])
    decode = json.loads((tmp_path / "fast.json").read_text())["decode"]
    cut = decode["min_score_nearest"]
    assert 0 <= cut < 0.95 and "train" in decode["calibrated_on"]
    t = Tagger("fast", weights=tmp_path, rerank=False)  # the cut-off is what is used without the reranker
    assert t.min_score is None  # read from the recipe on first use
    t._load()
    assert t.min_score == cut


@needs_shared(POLNEAR / "dev")
def test_annotator_agreement_bench_on_dev():
    """bench/annotator_agreement.py: the two dev articles that six annotators marked."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    import annotator_agreement

    result = annotator_agreement.agreement([POLNEAR / "dev"], "fast")
    assert (result["articles"], result["annotations"], result["annotator_pairs"]) == (2, 12, 60)
    humans, tagger = result["annotators"], result["tagger-fast"]
    for row in annotator_agreement.ROWS:
        assert 0 < tagger[row] <= 1 and 0 < humans[row] <= 1
        # a partial match is never harder to get than an exact one
        if row.endswith("/exact"):
            assert humans[row] <= humans[row.replace("/exact", "/partial")]
    # measured 0.903: annotators agree on most attributions, but not all
    assert 0.8 < humans["attribution/partial"] < 1


def test_prune_ffn_keeps_the_units_it_is_told():
    """Narrowing the feed-forward layers (training: a faster model) keeps the chosen
    units' weights in place: with the dropped units silenced beforehand, the narrow net
    encodes exactly as the wide one. Needs torch (the training extras); skipped without."""
    torch = pytest.importorskip("torch")
    from newstrace.extract.tagger.model import FF, TaggerNet, prune_ffn

    torch.manual_seed(0)
    wide = TaggerNet(n_layers=2, features=True).eval()
    keep = [torch.randperm(FF)[:100] for _ in wide.layers]
    with torch.no_grad():
        for layer, k in zip(wide.layers, keep):
            drop = torch.ones(FF, dtype=torch.bool)
            drop[k] = False
            layer.inter.weight[drop] = 0.0  # GELU(0) = 0: these units add nothing
            layer.inter.bias[drop] = 0.0
    score = [torch.zeros(FF).index_fill(0, k, 1.0) for k in keep]
    narrow = prune_ffn(wide, 100, score).eval()
    assert narrow.layers[0].inter.out_features == 100
    assert TaggerNet.from_cfg({"layers": 2, "features": True, "ff": 100}).state_dict().keys() \
        == narrow.state_dict().keys()
    emb, mask = torch.randn(2, 7, 384), torch.ones(2, 7, dtype=torch.long)
    with torch.no_grad():
        assert torch.allclose(wide.encode(emb, mask), narrow.encode(emb, mask), atol=1e-5)
        # and a wrong choice of units does not
        other = prune_ffn(wide, 100, [torch.rand(FF) for _ in wide.layers]).eval()
        assert not torch.allclose(wide.encode(emb, mask), other.encode(emb, mask), atol=1e-3)


def test_distillation_override_changes_only_the_distillation_phases(monkeypatch):
    """training --teacher/--soft: the control of a distillation experiment (soft 0) keeps
    the phase's rates and head lr, and the plain phases are left alone. Needs torch."""
    pytest.importorskip("torch")
    monkeypatch.syspath_prepend(str(REPO / "training"))
    from train_tagger import VARIANTS, with_distillation

    fast = VARIANTS["fast"]
    assert with_distillation(fast) == fast
    plain = with_distillation(fast, soft=0.0)["phases"]
    other = with_distillation(fast, "accurate")["phases"]
    assert plain[:-1] == other[:-1] == fast["phases"][:-1]
    assert plain[-1][:2] == other[-1][:2] == fast["phases"][-1][:2]
    assert plain[-1][2] == dict(fast["phases"][-1][2], soft=0.0)
    assert other[-1][2] == dict(fast["phases"][-1][2], teacher="accurate")
    assert with_distillation(VARIANTS["default"], "accurate", 0.5) == VARIANTS["default"]


def _two_tree_reranker(tmp_path, threshold=0.5):
    """A reranker file by hand: one split on the score column, one on has_src (NaN: left)."""
    import json

    from newstrace.extract.tagger.rerank import SHAPE

    col = {name: k for k, name in enumerate(SHAPE)}
    trees = [
        {"feature": [col["score"], 0, 0], "threshold": [0.7, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0],
         "leaf": [False, True, True], "missing_left": [True, False, False], "value": [0.0, -2.0, 1.0]},
        {"feature": [col["has_src"], 0, 0], "threshold": [0.5, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0],
         "leaf": [False, True, True], "missing_left": [True, False, False], "value": [0.0, -0.5, 0.5]},
    ]
    path = tmp_path / "x.rerank.json"
    path.write_text(json.dumps({"shape": list(SHAPE), "threshold": threshold, "floor": 0.5, "prior": 0.5,
                                "smoothing": 5, "cues": [{"said": [9, 10]}, {}, {}], "baseline": 0.25,
                                "trees": trees}))
    return path


def test_reranker_walks_its_trees(tmp_path):
    from newstrace.extract.tagger.rerank import SHAPE, Reranker

    r = Reranker(_two_tree_reranker(tmp_path))
    x = np.zeros((4, len(SHAPE) + 6))  # the file names SHAPE
    x[:, 0] = [0.9, 0.9, 0.6, 0.6]                 # score
    x[:, SHAPE.index("has_src")] = [1, 0, 1, np.nan]
    raw = 0.25 + np.array([1.0 + 0.5, 1.0 - 0.5, -2.0 + 0.5, -2.0 - 0.5])
    assert np.allclose(r.probability(x), 1 / (1 + np.exp(-raw)))
    # the cue counts: (right + smoothing x prior) / (seen + smoothing), and log(1 + seen)
    text = 'The plan works, he said.'
    att = SpanAttribution(source=[(16, 18)], cue=[(19, 23)], content=[(0, 14)], score=0.9)
    row = r.features(text, [att])[0]
    assert np.isclose(row[len(SHAPE)], (9 + 5 * 0.5) / (10 + 5)) and np.isclose(row[len(SHAPE) + 1], np.log(11))
    assert row[len(SHAPE) + 2] == 0.5 and row[len(SHAPE) + 3] == 0  # unseen first word: the prior
    shape = dict(zip(SHAPE, row))
    assert (shape["has_src"], shape["src_pron"], shape["cnt_before"], shape["gap"], shape["direct"]) == (1, 1, 1, 5, 0)
    assert r.keep(text, [att]) == [att]
    att.score = 0.6  # -2.0 + 0.5 + 0.25 < 0
    assert r.keep(text, [att]) == []


def test_reranker_reads_the_columns_its_file_names(tmp_path):
    """A file fitted on fewer shape columns (the 22 before the roles columns) is read with
    those, in its order; a column this version does not compute is refused."""
    import json

    from newstrace.extract.tagger.rerank import ROLES, SHAPE, Reranker

    text = 'The plan works, he said.'
    att = SpanAttribution(source=[(16, 18)], cue=[(19, 23)], content=[(0, 14)], score=0.9)
    roles = np.array([[0.9, 0.7, 1.5, 1.0]])
    path = _two_tree_reranker(tmp_path)
    blob = json.loads(path.read_text())
    assert len(Reranker(path).features(text, [att], roles)[0]) == len(SHAPE) + 6
    blob["shape"] = list(SHAPE + ROLES)
    path.write_text(json.dumps(blob))
    full = Reranker(path).features(text, [att], roles)[0]
    assert len(full) == len(SHAPE) + len(ROLES) + 6
    assert full[len(SHAPE):len(SHAPE) + len(ROLES)].tolist() == roles[0].tolist()
    blob["shape"] = ["has_src", "cnt_p_min", "score"]
    path.write_text(json.dumps(blob))
    assert Reranker(path).features(text, [att], roles)[0][:3].tolist() == [1.0, 0.7, 0.9]
    assert np.isnan(Reranker(path).features(text, [att])[0][1])  # no roles pass: unknown
    blob["shape"] = ["score", "no_such_column"]
    path.write_text(json.dumps(blob))
    with pytest.raises(ValueError, match="other columns"):
        Reranker(path)


@pytest.mark.parametrize("variant", ["default", "fast", "balanced", "accurate"])
def test_model_keeps_what_its_reranker_keeps(variant):
    """The shipped default, fast, balanced and accurate recipes read their rerankers: each keeps a subset of
    what the tagger proposes above the floor, and differs from the cut-off alone;
    rerank=False is that."""
    from newstrace.extract.tagger import Tagger

    text = (SEEDS / "000_17fc5a22881fa018.txt").read_bytes().decode("utf-8")
    reranked = Tagger(variant)
    kept = next(reranked.extract([text]))
    assert reranked._reranker is not None and reranked.min_score == reranked._reranker.floor
    proposer = Tagger(variant, min_score=reranked.min_score, rerank=False)
    proposed, roles = next(proposer.propose([text]))
    assert proposed == next(proposer.extract([text]))
    assert kept and all(a in proposed for a in kept) and len(kept) < len(proposed)
    # what the roles pass said of each content: known where there is a roles pass (all
    # but the fast model's token heads), one row per proposal, in their order
    assert roles.shape == (len(proposed), 4)
    assert np.isnan(roles).all() if variant == "fast" else np.isfinite(roles).mean() > 0.9
    x = reranked._reranker.features(text, proposed, roles)
    p = reranked._reranker.probability(x)
    assert kept == [a for a, q in zip(proposed, p) if q >= reranked._reranker.threshold]
    cut = Tagger(variant, rerank=False)
    next(cut.extract([text]))
    assert cut._reranker is None and cut.min_score > reranked.min_score
    with pytest.raises(ValueError, match="no reranker"):
        Tagger("default-features", rerank=True)._load()  # an ensemble member, read alone


def test_reranker_walk_matches_one_row_one_tree_at_a_time():
    """The vectorised walk of all trees at once gives what walking each tree for each row,
    node by node, gives, on the shipped trees (15 leaves each) and real rows."""
    import json

    from newstrace.extract.tagger import WEIGHTS, Tagger
    from newstrace.extract.tagger.rerank import Reranker

    text = (SEEDS / "000_17fc5a22881fa018.txt").read_bytes().decode("utf-8")
    proposed, roles = next(Tagger("default", min_score=0.5, rerank=False).propose([text]))
    for variant in ("default", "fast", "balanced", "accurate"):
        path = WEIGHTS / f"{variant}.rerank.json"
        blob, r = json.loads(path.read_text()), Reranker(path)
        x = r.features(text, proposed, roles)
        x = np.vstack([x, x[::-1] * 1.3])
        x[0, 3] = x[-1, 0] = np.nan

        def walk(row):
            raw = blob["baseline"]
            for t in blob["trees"]:
                n = 0
                while not t["leaf"][n]:
                    v = row[t["feature"][n]]
                    left = t["missing_left"][n] if np.isnan(v) else v <= t["threshold"][n]
                    n = t["left"][n] if left else t["right"][n]
                raw += t["value"][n]
            return 1 / (1 + np.exp(-raw))
        assert np.allclose(r.probability(x), [walk(row) for row in x], rtol=0, atol=1e-12)
        assert r.probability(x[:0]).shape == (0,)


@needs_shared(POLNEAR / "dev")
def test_reranker_training_rows_read_the_roles_columns_where_asked():
    """training/train_reranker.py labels the tagger's proposals with the shared scorer and
    gives each a row of the columns its variant's reranker reads: SHAPE, and for default
    (WITH_ROLES) what the roles pass said of it, known for every proposal of the pass."""
    import sys

    sys.path.insert(0, str(REPO))
    from newstrace.extract.tagger.rerank import ROLES, SHAPE
    from training import train_reranker
    from training.calibrate import load_scorer

    scorer = load_scorer(REPO.parent / "shared/bench/attribution_eval.py")
    arts, _ = scorer.load_gold(POLNEAR / "dev", warn=lambda m: None)
    ids = sorted(arts)[:3]
    assert train_reranker.WITH_ROLES == ("default", "accurate")
    with_roles = train_reranker.proposals("default", train_reranker.WEIGHTS, arts, ids, scorer, 2)
    shape_only = train_reranker.proposals("default", train_reranker.WEIGHTS, arts, ids, scorer, 2, SHAPE)
    for aid in ids:
        a, b = with_roles[aid], shape_only[aid]
        assert a["shape"].shape == (len(a["label"]), len(SHAPE) + len(ROLES))
        assert np.isfinite(a["shape"][:, len(SHAPE):]).all()
        assert np.array_equal(a["shape"][:, :len(SHAPE)], b["shape"])
    labels = np.concatenate([with_roles[aid]["label"] for aid in ids])
    assert 0 < labels.sum() < len(labels)  # right and wrong proposals both
