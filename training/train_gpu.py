"""Train the default and fast attribution taggers on a GPU (the shipped recipes since
2026-11-30), and the experiments that chose them.

    python training/train_gpu.py default       # one command: prepare, train, export into the shipped weights folder
    python training/train_gpu.py fast          # the same for the fast model (and balanced, which reads it)
    python training/train_gpu.py accurate      # both of accurate's members, and the ensemble's cut-off and reranker

or in three steps, when the GPU is on another machine (as on 2026-11-30):

    python training/train_gpu.py prepare --out .gpu                    # PolNeAR train + MiniLM, 28 MB
    python training/train_gpu.py train --plan default --data .gpu --out OUT    # there: torch, numpy, safetensors
    python training/train_gpu.py export OUT/default.pt --holdout OUT/default-holdout.int8.pt --weights DIR

The default model is the CPU recipe's network (train_tagger.py: the first 4 MiniLM
layers, token heads and the per-cue roles pass, batches of 8 windows of 254 pieces) trained
in one AdamW schedule of 16 epochs (encoder lr 1.5e-4, heads 1e-3, 5 % warm-up, then linear
decay) from MiniLM itself. The CPU recipe stops at 4.75 epochs in three schedules because
each epoch costs 18 minutes there; on a GPU the 16 take about 3 minutes, and they score
higher (training/README.md, "Trained on a GPU"). The script reuses train_tagger's windows,
labels and collation, so both read PolNeAR the same way, and imports only torch, numpy and
safetensors: the newstrace package is entered below its __init__, which loads spaCy.

Plans (--plan), each model in its own process, as many at once as the plan allows:
  default  the shipped model ("default", 16 epochs) and its twin on two thirds of train,
           whose proposals on the other third set the cut-off and the reranker;
  features accurate's second member (the same with surface features, seed 14) and its
           twin (export --as default-features; training/README.md gives the steps);
  distill  four teachers over all 6 MiniLM layers (two read the surface features; seeds
           21-24; 8 epochs), a 4-layer control on gold alone (8 epochs), then a 4-layer
           student whose loss is 0.5 x the gold loss + 0.5 x the KL divergence from the
           teachers' averaged log-probabilities (cue, source and content heads and the
           per-cue roles pass) to its own, for as many steps as the control;
  epochs   8, 12 and 16 epochs trained on two thirds of train and scored on the third
           that calibrate.py reads (held out), and 12 and 16 on all of train;
  fast     the shipped fast model (since 2026-11-30; 2 layers narrowed to 512 feed-forward
           units after a first epoch, surface features; 16 epochs) and its twin
           (export --as fast; also fits balanced, which reads the same weights);
  narrowing the run that chose it: narrowed before training or after the first epoch,
           each with its twin;
  accurate default and features together (train_gpu.py accurate exports both members and
           fits the ensemble's cut-off and reranker on their twins);
  longer   the default recipe at 24 epochs, and its twin;
  deep     the default recipe over all 6 MiniLM layers, and its twin.
Several plans run at once when joined by commas (--plan fast,longer).
Each model stops early if its share of --budget runs out (it logs so). The word
embeddings stay frozen, read from the shipped int8 matrix, which is what the runtime reads.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import pickle
import random
import shutil
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# enter the newstrace package below its __init__ (which loads spaCy and the pipeline)
for _name, _path in (("newstrace", ROOT / "newstrace"), ("newstrace.extract", ROOT / "newstrace/extract")):
    if _name not in sys.modules:
        _mod = types.ModuleType(_name)
        _mod.__path__ = [str(_path)]
        sys.modules[_name] = _mod
sys.path.insert(0, str(ROOT / "training"))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from safetensors.torch import load_file, save_file  # noqa: E402

import polnear  # noqa: E402
import train_tagger as tt  # noqa: E402
from newstrace.extract.tagger import core  # noqa: E402
from newstrace.extract.tagger.model import FF, TaggerNet, load_minilm_into, prune_ffn  # noqa: E402

TEACHERS = [dict(name=f"teacher{i}", layers=6, features=bool(i % 2), seed=21 + i) for i in range(4)]
STUDENT = dict(layers=4, features=False, seed=13, decode=dict(reach=64))
# the models export calibrates (a cue cut-off and a reranker); an ensemble member has neither
CALIBRATED = ("default", "fast")
# the shipped models one command trains (`train_gpu.py default`, `fast`, `accurate`)
RECIPES = ("default", "fast", "accurate")
FAST = dict(layers=2, ff=512, features=True, seed=13, decode=dict(roles="nearest"))
EPOCHS, LR, HEAD_LR, BATCH, SOFT = 8.0, 1.5e-4, 1e-3, 8, 0.5


def prepare(out: Path, train: Path, max_articles: int = 0) -> None:
    """PolNeAR train as windows' raw material (docs, word pieces, surface features) and
    MiniLM's weights less the word embeddings, in fp16: what travels to the GPU machine."""
    out.mkdir(parents=True, exist_ok=True)
    docs = polnear.load(train)
    if max_articles:  # tests
        docs = docs[:max_articles]
    pieces = core.encode_texts([d.text for d in docs])
    feats = [core.feature_ids(d.text, p) for d, p in zip(docs, pieces)]
    with gzip.open(out / "train.pkl.gz", "wb") as fh:
        pickle.dump((docs, pieces, feats), fh, protocol=pickle.HIGHEST_PROTOCOL)
    minilm = load_file(str(core.encoder_dir() / "model.safetensors"))
    save_file({k: v.half().contiguous() for k, v in minilm.items() if "word_embeddings" not in k},
              str(out / "minilm.fp16.safetensors"))
    print(f"{len(docs)} articles -> {out}", flush=True)


def _load(data: Path):
    with gzip.open(data / "train.pkl.gz", "rb") as fh:
        docs, pieces, feats = pickle.load(fh)
    minilm = load_file(str(data / "minilm.fp16.safetensors"))
    emb = torch.from_numpy(core.word_embeddings())
    return docs, pieces, feats, minilm, emb


def _log_probs(logits: torch.Tensor) -> torch.Tensor:
    return torch.log_softmax(logits.float(), -1)


def train_model(spec: dict, data: Path, work: Path) -> dict:
    """Train one model as ``spec`` says; write work/<name>.pt (fp16, the CPU recipe's
    checkpoint format) and return a summary."""
    dev = torch.device("cuda" if torch.cuda.is_available() and not spec.get("cpu") else "cpu")
    torch.backends.cuda.matmul.allow_tf32 = True
    torch.backends.cudnn.allow_tf32 = True
    t0 = time.time()
    docs, pieces, feats, minilm, emb = _load(data)
    if spec.get("max_articles"):
        docs, pieces, feats = (x[:spec["max_articles"]] for x in (docs, pieces, feats))
    if spec.get("holdout"):  # leave out the third that calibrate.py scores
        out_ids = set(polnear.calibration_ids(d.id for d in docs))
        docs, pieces, feats = zip(*[z for z in zip(docs, pieces, feats) if z[0].id not in out_ids])
    for f in (torch.manual_seed, random.seed, np.random.seed):
        f(spec["seed"])
    net = TaggerNet(n_layers=spec["layers"], features=spec["features"])
    load_minilm_into(net, minilm)
    net.to(dev).train()
    ff = spec.get("ff", FF)

    def narrowed(net):  # the fast recipe's feed-forward layers: the ff units that add most
        imp = tt.ffn_importance(net, docs, pieces, feats, emb, spec["seed"], BATCH)
        small = prune_ffn(net.cpu(), ff, imp).to(dev).train()
        print(f"[{spec['name']}] feed-forward layers narrowed to {ff} units at step {step}", flush=True)
        return small

    step = 0
    if ff != FF and not spec.get("prune_after"):  # from MiniLM's own activations
        net = narrowed(net)
    teachers = []
    for path in spec.get("teachers", []):
        blob = torch.load(path, map_location="cpu", weights_only=False)
        t = TaggerNet.from_cfg(blob["cfg"])
        t.load_state_dict({k: v.float() for k, v in blob["state"].items()})
        teachers.append(t.to(dev).eval())
    soft = spec.get("soft", 0.0) if teachers else 0.0
    enc = ("layers.", "pos", "tok_type", "emb_ln", "feat")

    def optimiser(net):
        return torch.optim.AdamW(
            [{"params": [p for n, p in net.named_parameters() if n.startswith(enc)], "lr": spec["lr"]},
             {"params": [p for n, p in net.named_parameters() if not n.startswith(enc)], "lr": HEAD_LR}],
            weight_decay=0.01, **({"fused": True} if dev.type == "cuda" else {}))

    opt = optimiser(net)
    bases = [g["lr"] for g in opt.param_groups]
    n_pieces = sum(len(p.ids) for p in pieces)
    spe = math.ceil(n_pieces / core.WINDOW / BATCH)
    plan = {"total": max(1, int(spe * spec["epochs"]))}
    if spec.get("max_steps"):
        plan["total"] = min(plan["total"], int(spec["max_steps"]))
    plan["warm"] = max(1, plan["total"] // 20)

    def set_lr(s):  # linear warm-up, then linear decay to 0 at plan["total"] (which may shrink)
        f = min(1.0, (s + 1) / plan["warm"]) * max(0.0, (plan["total"] - s) / max(1, plan["total"] - plan["warm"]))
        for g, base in zip(opt.param_groups, bases):
            g["lr"] = base * f
    ce = torch.nn.CrossEntropyLoss(ignore_index=-100)
    deadline = spec["deadline"]
    epoch, capped, marks = 0, False, {}
    m0, m1 = spec.get("timing_steps", (10, 60))  # the steps between which a step is timed
    print(f"[{spec['name']}] {dev} {spec['layers']} layers, features {spec['features']}, "
          f"{len(teachers)} teachers, {plan['total']} steps ({spe}/epoch), loaded in {time.time() - t0:.0f}s",
          flush=True)
    while step < plan["total"] and time.time() < deadline:
        if ff != FF and spec.get("prune_after") == epoch and epoch:
            # narrowed after a first epoch at full width (as the CPU recipe narrows its stage A);
            # a fresh optimiser for the narrowed weights, the same schedule going on
            net = narrowed(net)
            opt = optimiser(net)
        tw = time.time()
        wins = []
        for d, p, f in zip(docs, pieces, feats):
            wins.extend(tt.build_windows(d, p, f, random.randrange(core.WINDOW)))
        random.shuffle(wins)
        t_build = time.time() - tw
        for k in range(0, len(wins), BATCH):
            if step >= plan["total"] or time.time() >= deadline:
                break
            x, fids, mask, ycue, ysrc, ycnt, rows, cmask, dist, ind, yrole = (
                a.to(dev, non_blocking=True) for a in tt.collate(wins[k:k + BATCH], emb))
            h = net.encode(net.input_embeddings(x, fids), mask)
            lc, ls, lt = net.token_heads(h)
            loss = ce(lc.flatten(0, 1), ycue.flatten()) + 0.5 * (
                ce(ls.flatten(0, 1), ysrc.flatten()) + ce(lt.flatten(0, 1), ycnt.flatten()))
            lr_ = net.roles(h, mask, rows, cmask, dist, ind) if len(rows) else None
            if lr_ is not None:
                loss = loss + ce(lr_.flatten(0, 1), yrole.flatten())
            if teachers:
                with torch.no_grad():  # the ensemble: mean log-probabilities, renormalised
                    outs = []
                    for t in teachers:
                        th = t.encode(t.input_embeddings(x, fids), mask)
                        outs.append([_log_probs(o) for o in t.token_heads(th)]
                                    + ([_log_probs(t.roles(th, mask, rows, cmask, dist, ind))]
                                       if lr_ is not None else []))
                    target = [_log_probs(torch.stack(o).mean(0)) for o in zip(*outs)]
                kl = tt.kl_to(lc, target[0], ycue) + 0.5 * (
                    tt.kl_to(ls, target[1], ysrc) + tt.kl_to(lt, target[2], ycnt))
                if lr_ is not None:
                    kl = kl + tt.kl_to(lr_, target[3], yrole)
                loss = (1 - soft) * loss + soft * kl
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            set_lr(step)
            opt.step()
            step += 1
            if step in (m0, m1):
                if dev.type == "cuda":
                    torch.cuda.synchronize()
                marks[step] = time.time()
            if step == m1 and "budget_checked" not in plan:
                # steps this model can still afford before its deadline, building the
                # windows of each epoch included; the schedule shrinks to fit (once)
                plan["budget_checked"] = True
                per_step = (marks[m1] - marks[m0]) / (m1 - m0) + t_build / spe
                affordable = step + int((deadline - time.time() - 10) / per_step)
                print(f"[{spec['name']}] {per_step * 1000:.1f} ms a step ({t_build:.1f}s to build an "
                      f"epoch's windows); affordable {affordable} of {plan['total']}", flush=True)
                if affordable < plan["total"]:
                    plan["total"], capped = max(affordable, step + 1), True
            if step % 200 == 0:
                print(f"[{spec['name']}] epoch {epoch} step {step}/{plan['total']} loss {loss.item():.4f} "
                      f"{time.time() - t0:.0f}s", flush=True)
        epoch += 1
    stopped = step < plan["total"]
    net.eval()
    epochs_done = step / spe
    cfg = dict(layers=spec["layers"], features=spec["features"], phases=[(round(epochs_done, 3), spec["lr"])])
    if ff != FF:
        cfg["ff"] = ff
    if spec.get("decode"):
        cfg["decode"] = spec["decode"]
    meta = dict(recipe="training/train_gpu.py", name=spec["name"], seed=spec["seed"], steps=step,
                epochs=round(epochs_done, 3), planned_epochs=spec["epochs"], lr=spec["lr"], head_lr=HEAD_LR,
                batch=BATCH, soft=soft, teachers=[Path(p).stem for p in spec.get("teachers", [])],
                capped_by_budget=capped, stopped_at_deadline=stopped, articles=len(docs),
                held_out=("calibration third" if spec.get("holdout") else ""),
                seconds=round(time.time() - t0), device=str(dev),
                gpu=torch.cuda.get_device_name(0) if dev.type == "cuda" else "",
                torch=torch.__version__, derived_from=tt.DERIVED_FROM)
    if ff != FF:
        meta["feed_forward"] = (f"{ff} of MiniLM's {FF} units per layer, kept by importance on training windows "
                                f"(train_tagger.ffn_importance) " + (f"after {spec['prune_after']} epoch(s) at full "
                                "width" if spec.get("prune_after") else "of MiniLM's own layers, before training"))
    state = {k: v.detach().half().cpu() for k, v in net.state_dict().items()}
    out = work / f"{spec['name']}.pt"
    torch.save({"cfg": cfg, "state": state, "meta": meta}, str(out) + ".tmp")
    os.replace(str(out) + ".tmp", out)
    print(f"[{spec['name']}] done: {step} steps ({epochs_done:.2f} epochs), last loss {loss.item():.4f}, "
          f"{time.time() - t0:.0f}s -> {out}", flush=True)
    return dict(meta, steps_per_epoch=spe)


def _spawn(spec: dict, data: Path, work: Path) -> subprocess.Popen:
    log = open(work / f"{spec['name']}.log", "w")
    return subprocess.Popen([sys.executable, __file__, "worker", json.dumps(spec), "--data", str(data),
                             "--work", str(work)], stdout=log, stderr=subprocess.STDOUT)


# What comes back from a run (--out): "fp16" the checkpoint as trained; "halves" the same
# in two files (a 6-layer model is over the 16 MiB a returned file may have); "int8" its
# matrices quantised per row (half the size; for models only scored, never shipped).
PLANS = {
    # the shipped recipe (2026-11-30), the epochs plan's choice: the model, and the same
    # recipe on two thirds of train, whose scores on the other third set the cue cut-off
    "default": [dict(STUDENT, name="default", epochs=16.0, keep="fp16"),
                dict(STUDENT, name="default-holdout", epochs=16.0, holdout=True, keep="int8")],
    # a second member for accurate, trained as default but reading the surface features
    # (another seed), and its held-out twin for the ensemble's cut-off and reranker
    "features": [dict(STUDENT, name="default-features", features=True, seed=14, epochs=16.0, keep="fp16"),
                 dict(STUDENT, name="default-features-holdout", features=True, seed=14, epochs=16.0,
                      holdout=True, keep="int8")],
    # the first GPU run (2026-11-30): does learning from 6-layer teachers help the 4-layer model?
    "distill": [
        *[dict(t, epochs=8.0, share=0.48, keep="halves" if t["name"] == "teacher0" else None) for t in TEACHERS],
        dict(STUDENT, name="control", epochs=8.0, share=0.48, keep="fp16"),
        dict(STUDENT, name="student", epochs=8.0, after=[t["name"] for t in TEACHERS], steps_of="control",
             soft=SOFT, keep="fp16"),
    ],
    # the fast model's recipe since 2026-11-30 (2 layers of 512 feed-forward units, surface
    # features, read by the nearest decoding; narrowed after a first epoch at full width, as
    # the CPU recipe narrows its stage A), 16 epochs, and its twin
    "fast": [dict(FAST, name="fast", epochs=16.0, prune_after=1, keep="fp16"),
             dict(FAST, name="fast-holdout", epochs=16.0, prune_after=1, holdout=True, keep="int8")],
    # the run that chose it (2026-11-30): narrowed from MiniLM's own layers before training
    # ("fast") or after the first epoch ("fast-p1"), each with its twin, chosen on the
    # held-out third; and 24 epochs of the default recipe against the shipped 16 ("longer")
    "narrowing": [dict(FAST, name=f"fast{tag}{suffix}", epochs=16.0, holdout=held, keep="int8" if held else "fp16",
                       **({"prune_after": 1} if tag else {}))
                  for tag in ("", "-p1") for held, suffix in ((True, "-holdout"), (False, ""))],
    # does depth help? the default recipe over all 6 MiniLM layers (a quarter slower at run time)
    "deep": [dict(STUDENT, name="deep6", layers=6, epochs=16.0, keep="halves"),
             dict(STUDENT, name="deep6-holdout", layers=6, epochs=16.0, holdout=True, keep="int8")],
    "longer": [dict(STUDENT, name="default24", epochs=24.0, keep="fp16"),
               dict(STUDENT, name="default24-holdout", epochs=24.0, holdout=True, keep="int8")],
    # the second: how many epochs, chosen on the calibration third of train held out
    "epochs": [
        *[dict(STUDENT, name=f"holdout{e}", epochs=float(e), holdout=True, keep="int8") for e in (8, 12, 16)],
        *[dict(STUDENT, name=f"full{e}", epochs=float(e), keep="fp16") for e in (12, 16)],
    ],
}
# accurate's two members and their twins: the default and features plans at once
PLANS["accurate"] = PLANS["default"] + PLANS["features"]


def pack_int8(state: dict) -> dict:
    """Matrices as int8 with a scale per row (absmax / 127); other tensors as they are."""
    out = {}
    for k, v in state.items():
        if v.dtype.is_floating_point and v.dim() == 2 and v.numel() >= 1024:
            scale = (v.float().abs().amax(1, keepdim=True) / 127).clamp(min=1e-12)
            out[k] = {"q": torch.round(v.float() / scale).to(torch.int8), "scale": scale.half()}
        else:
            out[k] = v
    return out


def unpack(state: dict) -> dict:
    return {k: (v["q"].float() * v["scale"].float()).half() if isinstance(v, dict) else v
            for k, v in state.items()}


def train(data: Path, out: Path, budget: float, plan: str = "default", scale: float = 1.0,
          max_articles: int = 0, cpu: bool = False) -> None:
    """Run ``plan`` (PLANS) within ``budget`` seconds: each model starts as soon as those it
    learns from are done, and is written to ``out`` as soon as it is trained (so a run cut
    short keeps what it finished), with the log and a summary."""
    t0 = time.time()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(os.environ.get("TMPDIR", "/tmp")) / "newstrace-train-gpu"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    specs = [s for name in plan.split(",") for s in PLANS[name]]  # "fast,longer": both at once
    summary, running, todo = {}, {}, [dict(s) for s in specs]

    def collect(spec):
        p = work / f"{spec['name']}.pt"
        blob = torch.load(p, weights_only=False) if p.exists() else None
        summary[spec["name"]] = blob["meta"] if blob else None
        keep = spec.get("keep")
        if blob and keep:
            if keep == "fp16":
                shutil.copy(p, out / p.name)
            elif keep == "int8":
                torch.save(dict(blob, state=pack_int8(blob["state"]), packed="int8"), out / f"{spec['name']}.int8.pt")
            else:
                keys = sorted(blob["state"])
                for half, ks in (("a", keys[:len(keys) // 2]), ("b", keys[len(keys) // 2:])):
                    torch.save(dict(blob, state={k: blob["state"][k] for k in ks}), out / f"{spec['name']}.{half}.pt")
        with open(out / "log.txt", "w") as fh:
            for lp in sorted(work.glob("*.log")):
                fh.write(f"==== {lp.name}\n{lp.read_text()}\n")
        (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")
        print(f"{spec['name']}: {'done' if summary[spec['name']] else 'FAILED'} at {time.time() - t0:.0f}s",
              flush=True)

    if torch.cuda.is_available() and not cpu:
        print(torch.cuda.get_device_name(0), torch.__version__, flush=True)
    while todo or running:
        for spec in [s for s in todo if all(d in summary for d in s.get("after", []))]:
            todo.remove(spec)
            spec = dict(spec, epochs=spec["epochs"] * scale, lr=LR, max_articles=max_articles, cpu=cpu,
                        deadline=t0 + spec.get("share", 1.0) * budget - 25)
            spec.pop("keep", None)
            if spec.get("after"):
                spec["teachers"] = [str(work / f"{d}.pt") for d in spec.pop("after") if summary.get(d)]
            if spec.get("steps_of"):  # as many steps as the model it is compared with
                spec["max_steps"] = (summary.get(spec.pop("steps_of")) or {}).get("steps")
            running[spec["name"]] = (_spawn(spec, data, work), spec)
        for name, (proc, spec) in list(running.items()):
            if proc.poll() is None and time.time() > spec["deadline"] + 40:
                proc.kill()
                print(f"{name}: killed at the hard stop", flush=True)
            if proc.poll() is not None:
                del running[name]
                collect(next(s for s in specs if s["name"] == name))
        time.sleep(1)
    print(f"plan {plan} done in {time.time() - t0:.0f}s", flush=True)


def join_halves(a: Path, b: Path, out: Path) -> Path:
    """teacher0.a.pt + teacher0.b.pt -> one checkpoint."""
    x, y = (torch.load(p, weights_only=False) for p in (a, b))
    torch.save(dict(x, state={**x["state"], **y["state"]}), out)
    return out


def write_model(blob: dict, folder: Path, name: str = "default") -> None:
    """A checkpoint's ONNX graphs (int8) and recipe as folder/<name>.*, without a cut-off."""
    from export_onnx import export as to_onnx

    folder.mkdir(parents=True, exist_ok=True)
    if blob.get("packed") == "int8":
        blob = dict(blob, state=unpack(blob["state"]))
    torch.save(blob, folder / f"{name}.pt")
    to_onnx(folder / f"{name}.pt", folder, int8=True)
    (folder / f"{name}.pt").unlink()
    recipe = {"cfg": blob["cfg"], "meta": dict(blob["meta"], onnx="int8 dynamic per-channel, encoder "
                                               "with onnxruntime BERT fusions")}
    if blob["cfg"].get("decode"):
        recipe["decode"] = dict(blob["cfg"]["decode"])
    (folder / f"{name}.json").write_text(json.dumps(recipe, indent=1) + "\n")
    (folder / f"{name}.rerank.json").unlink(missing_ok=True)  # an earlier model's


def _fit_on_twins(variant: str, twins: Path, stage: Path, train: str, threads: int, whose: str) -> None:
    """Fit ``variant``'s cue cut-off and reranker on the proposals of the held-out twins in
    ``twins`` for the third of train they never saw, and write both into ``stage``'s recipe."""
    from calibrate import main as calibrate_main
    from train_reranker import main as train_reranker

    calibrate_main(["--variant", variant, "--weights", str(twins), "--train", train, "--threads", str(threads)])
    train_reranker(["--variant", variant, "--weights", str(twins), "--train", train,
                    "--threads", str(threads), "--held-out-third"])
    held = json.loads((twins / f"{variant}.json").read_text())["decode"]
    recipe = json.loads((stage / f"{variant}.json").read_text())
    decode = recipe.setdefault("decode", {})
    cuts = {k: v for k, v in held.items() if k.startswith("min_score_")}
    decode.update(cuts, calibrated_on=f"{held['calibrated_on']}, scored with {whose} trained on the other two thirds")
    (stage / f"{variant}.rerank.json").unlink(missing_ok=True)
    if held.get("rerank"):
        shutil.copy(twins / held["rerank"], stage / f"{variant}.rerank.json")
        decode["rerank"] = f"{variant}.rerank.json"
    (stage / f"{variant}.json").write_text(json.dumps(recipe, indent=1) + "\n")
    print(f"{variant}: cut-off {cuts}" + (" and reranker" if held.get("rerank") else
          " (no reranker: too few proposals)") + " fitted on the held-out third", flush=True)


def _put_in_place(stage: Path, weights: Path, variants: list[str]) -> None:
    """Copy ``variants``' files from the staged folder into ``weights`` (the last step, so a
    failed run leaves ``weights`` as it was); a reranker the stage no longer has goes."""
    for variant in variants:
        for f in sorted(stage.glob(f"{variant}.*")):
            shutil.copy(f, weights / f.name)
        if not (stage / f"{variant}.rerank.json").exists():
            (weights / f"{variant}.rerank.json").unlink(missing_ok=True)


def export(pt: Path, weights: Path, holdout: Path | None = None, threads: int = 2, name: str = "default",
           train: Path | None = None) -> None:
    """A checkpoint of this script as weights/<name>.*: the ONNX graphs (int8) and the
    recipe with its cue cut-off and reranker (and those of the decodings that read the same
    weights: balanced, for fast). Both are fitted on the third of train that
    ``holdout`` (the same recipe trained on the other two thirds) never saw, from that
    model's proposals there (calibrate.py; train_reranker.py --held-out-third): a model
    trained 16 epochs on all of train scores 0.91 attribution partial on that third against
    0.80 on dev, so its own proposals there would tune both to text it has memorised. When
    no reranker can be fitted (too few proposals) the recipe keeps the cut-off alone.

    Everything is written in a copy of ``weights`` first and the model's files are put in
    place only at the end, so that a run that fails leaves the folder as it was."""
    import tempfile

    from calibrate import main as calibrate_main

    train = str(train or ROOT.parent / "shared/corpora/polnear/train")
    weights.mkdir(parents=True, exist_ok=True)
    # the decodings that read these weights (balanced reads fast) are fitted again with them
    readings = [d for d, how in tt.DECODINGS.items() if how["model"] == name]
    with tempfile.TemporaryDirectory() as tmp:
        stage, twin = Path(tmp) / "stage", Path(tmp) / "twin"
        shutil.copytree(weights, stage)
        write_model(torch.load(pt, map_location="cpu", weights_only=False), stage, name)
        if name in CALIBRATED and holdout is None:
            print("no held-out model: the cut-off is calibrated on articles the model trained on", flush=True)
            calibrate_main(["--variant", name, "--weights", str(stage), "--train", train,
                            "--threads", str(threads)])
            for variant in readings:
                print(f"{variant} keeps its cut-off and reranker, fitted for other weights: export with "
                      "--holdout to fit them again", flush=True)
        elif name in CALIBRATED:
            shutil.copytree(stage, twin)
            write_model(torch.load(holdout, map_location="cpu", weights_only=False), twin, name)
            for variant in [name, *readings]:
                if variant != name:  # another decoding of these weights (balanced reads fast)
                    for folder in (twin, stage):
                        tt.write_decoding(variant, folder, error=sys.exit)
                _fit_on_twins(variant, twin, stage, train, threads, "the same recipe")
        # an ensemble member (default-features) is its graphs and recipe, read as the ensemble decodes
        _put_in_place(stage, weights, [name, *(readings if holdout is not None else [])])
    print(f"{name} in {weights}", flush=True)


def export_ensemble(name: str, members: dict[str, tuple[Path, Path]], weights: Path, threads: int = 2,
                    train: Path | None = None) -> None:
    """An ensemble (tt.ENSEMBLES: accurate reads default and default-features) from its
    members' checkpoints and their held-out twins (``members``: name -> (model, twin)):
    each member exported as ``export`` does (default with its own cut-off and reranker),
    then the ensemble's cut-off and reranker fitted on the twins' averaged proposals for
    the third of train they never saw. Written in a copy of ``weights``, put in place at
    the end, as ``export`` does."""
    import tempfile

    if sorted(members) != sorted(tt.ENSEMBLES[name]):
        raise ValueError(f"{name} reads {tt.ENSEMBLES[name]}, not {sorted(members)}")
    train = train or ROOT.parent / "shared/corpora/polnear/train"
    with tempfile.TemporaryDirectory() as tmp:
        stage, twins = Path(tmp) / "stage", Path(tmp) / "twins"
        shutil.copytree(weights, stage)
        for member, (pt, holdout) in members.items():
            export(pt, stage, holdout=holdout if member in CALIBRATED else None, threads=threads, name=member,
                   train=train)
        shutil.copytree(stage, twins)
        for member, (_, holdout) in members.items():
            write_model(torch.load(holdout, map_location="cpu", weights_only=False), twins, member)
        recipe = json.loads((stage / f"{name}.json").read_text())
        recipe["decode"] = {k: v for k, v in recipe.get("decode", {}).items()
                            if not k.startswith("min_score_") and k not in ("rerank", "calibrated_on")}
        (twins / f"{name}.json").write_text(json.dumps(recipe, indent=1) + "\n")
        (twins / f"{name}.rerank.json").unlink(missing_ok=True)
        _fit_on_twins(name, twins, stage, str(train), threads, "both members' twins")
        _put_in_place(stage, weights, [name, *members])
    print(f"{name} ({', '.join(members)}) in {weights}", flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--out", default=str(ROOT / ".gpu"))
    p.add_argument("--train", default=str(ROOT.parent / "shared/corpora/polnear/train"))
    p.add_argument("--max-articles", type=int, default=0, help="only the first N (tests)")
    p = sub.add_parser("train")
    p.add_argument("--data", default=str(ROOT / ".gpu"))
    p.add_argument("--out", required=True)
    p.add_argument("--budget", type=float, default=480.0, help="seconds for the whole plan")
    p.add_argument("--plan", default="default", help=f"one of {', '.join(PLANS)}, or several joined by commas")
    p.add_argument("--scale", type=float, default=1.0, help="multiply the epochs (smoke tests)")
    p.add_argument("--max-articles", type=int, default=0)
    p.add_argument("--cpu", action="store_true", help="smoke test without a GPU")
    for model in RECIPES:
        p = sub.add_parser(model, help=f"prepare, train (plan {model}) and export into --weights")
        p.add_argument("--train", default=str(ROOT.parent / "shared/corpora/polnear/train"))
        p.add_argument("--weights", default=str(ROOT / "newstrace/extract/tagger/weights"))
        p.add_argument("--budget", type=float, default=86400.0)
        p.add_argument("--cpu", action="store_true")
        p.add_argument("--scale", type=float, default=1.0, help="multiply the epochs (smoke runs)")
        p.add_argument("--max-articles", type=int, default=0, help="train on the first N only (smoke runs)")
    p = sub.add_parser("worker")
    p.add_argument("spec")
    p.add_argument("--data", required=True)
    p.add_argument("--work", required=True)
    p = sub.add_parser("export")
    p.add_argument("pt", help="a checkpoint of this script (join teacher0's halves with --halves)")
    p.add_argument("--halves", nargs=2, default=None)
    p.add_argument("--holdout", default=None, help="the same recipe trained without the calibration third")
    p.add_argument("--weights", required=True, help="the weights folder to write default.* into")
    p.add_argument("--as", dest="name", default="default",
                   help="write it as this model (default, fast; or default-features: accurate's second member, "
                        "no cut-off)")
    p.add_argument("--threads", type=int, default=2)
    a = ap.parse_args(argv)
    if a.cmd == "train" and not set(a.plan.split(",")) <= set(PLANS):
        ap.error(f"--plan: {a.plan!r}: each must be one of {', '.join(PLANS)}")
    if a.cmd == "prepare":
        prepare(Path(a.out), Path(a.train), a.max_articles)
    elif a.cmd == "train":
        train(Path(a.data), Path(a.out), a.budget, a.plan, a.scale, a.max_articles, a.cpu)
    elif a.cmd in RECIPES:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            prepare(Path(tmp) / "data", Path(a.train), a.max_articles)
            out = Path(tmp) / "out"
            train(Path(tmp) / "data", out, a.budget, a.cmd, a.scale, a.max_articles, a.cpu)
            if a.cmd in tt.ENSEMBLES:  # accurate: both members, then the ensemble's cut-off and reranker
                export_ensemble(a.cmd, {m: (out / f"{m}.pt", out / f"{m}-holdout.int8.pt")
                                        for m in tt.ENSEMBLES[a.cmd]}, Path(a.weights), train=Path(a.train))
            else:
                export(out / f"{a.cmd}.pt", Path(a.weights), holdout=out / f"{a.cmd}-holdout.int8.pt", name=a.cmd,
                       train=Path(a.train))
    elif a.cmd == "worker":
        torch.set_num_threads(2)
        train_model(json.loads(a.spec), Path(a.data), Path(a.work))
    else:
        pt = join_halves(Path(a.halves[0]), Path(a.halves[1]), Path(a.pt)) if a.halves else Path(a.pt)
        export(pt, Path(a.weights), Path(a.holdout) if a.holdout else None, threads=a.threads, name=a.name)


if __name__ == "__main__":
    main()
