"""training/train_gpu.py, the GPU recipe of the default model, run on the CPU on a few
PolNeAR train articles: a teacher, a control and a student that learns from the teacher,
written in the format export_onnx reads. Needs torch (the training extras)."""

from __future__ import annotations

import json
import time

import pytest

from conftest import POLNEAR, REPO, needs_shared

torch = pytest.importorskip("torch")


def _six_articles(train):
    """The first six PolNeAR train articles as a train folder (its calibration third: two)."""
    import shutil

    for sub in ("text", "attributions"):
        (train / sub).mkdir(parents=True)
        for f in sorted((POLNEAR / "train" / sub).iterdir())[:6]:
            shutil.copy(f, train / sub / f.name)


@pytest.fixture(scope="module")
def gpu():
    import sys

    sys.path.insert(0, str(REPO / "training"))
    import train_gpu

    return train_gpu


def test_int8_packing_keeps_matrices_within_half_a_step(gpu):
    g = torch.Generator().manual_seed(0)
    state = {"w": (torch.randn(64, 384, generator=g) * 0.05).half(), "b": torch.randn(384, generator=g).half(),
             "n": torch.tensor(3)}
    packed = gpu.pack_int8(state)
    assert packed["w"]["q"].dtype == torch.int8 and packed["b"] is state["b"] and packed["n"] is state["n"]
    back = gpu.unpack(packed)
    step = state["w"].float().abs().amax(1, keepdim=True) / 127
    assert ((back["w"].float() - state["w"].float()).abs() <= step / 2 + 1e-3).all()
    assert back["w"].dtype == torch.float16 and back["b"] is state["b"]


@needs_shared(POLNEAR / "train")
def test_teacher_control_and_student_train_and_differ_only_by_the_teacher(gpu, tmp_path):
    data, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    gpu.prepare(data, POLNEAR / "train", max_articles=6)
    base = dict(lr=1.5e-4, epochs=1.0, max_steps=2, cpu=True, deadline=time.time() + 600)
    teacher = gpu.train_model(dict(base, name="teacher", layers=6, features=True, seed=21), data, work)
    assert teacher["steps"] == 2 and teacher["articles"] == 6 and not teacher["stopped_at_deadline"]
    control = gpu.train_model(dict(base, **gpu.STUDENT, name="control"), data, work)
    student = gpu.train_model(dict(base, **gpu.STUDENT, name="student", soft=0.5,
                                       teachers=[str(work / "teacher.pt")]), data, work)
    assert student["teachers"] == ["teacher"] and student["soft"] == 0.5 and control["soft"] == 0.0
    c, s = (torch.load(work / f"{n}.pt", weights_only=False) for n in ("control", "student"))
    # the checkpoint format of train_tagger.save: what export_onnx and the runtime read
    assert c["cfg"] == dict(layers=4, features=False, phases=[(round(2 / control["steps_per_epoch"], 3), 1.5e-4)],
                            decode={"reach": 64})
    assert c["state"].keys() == s["state"].keys()
    assert all(v.dtype == torch.float16 for v in c["state"].values() if v.is_floating_point())
    # same seed, same windows, same steps: only the teacher's share of the loss differs
    diff = max((c["state"][k].float() - s["state"][k].float()).abs().max().item() for k in c["state"])
    assert diff > 0
    json.dumps(student)  # the summary the GPU run writes


@needs_shared(POLNEAR / "train")
def test_held_out_models_leave_out_the_calibration_third(gpu, tmp_path):
    """The epochs were chosen on the third of train that calibrate.py scores: a held-out
    model must not train on it."""
    data, work = tmp_path / "data", tmp_path / "work"
    work.mkdir()
    gpu.prepare(data, POLNEAR / "train", max_articles=9)
    meta = gpu.train_model(dict(gpu.STUDENT, name="h", lr=1.5e-4, epochs=1.0, max_steps=1, cpu=True,
                                    holdout=True, deadline=time.time() + 600), data, work)
    assert meta["articles"] == 6 and meta["held_out"] == "calibration third"


@needs_shared(POLNEAR / "train")
def test_export_puts_a_model_in_place_only_once_it_is_done(gpu, tmp_path):
    """export writes the model, its cut-off (from the held-out twin) and, where one can be
    fitted, its reranker; a run that fails midway leaves the weights folder as it was
    (it once left default.json without a cut-off and the shipped reranker deleted)."""
    import shutil

    data, work, train, weights = (tmp_path / n for n in ("data", "work", "train", "weights"))
    work.mkdir()
    gpu.prepare(data, POLNEAR / "train", max_articles=6)
    spec = dict(gpu.STUDENT, lr=1.5e-4, epochs=1.0, max_steps=1, cpu=True, deadline=time.time() + 600)
    gpu.train_model(dict(spec, name="m"), data, work)
    gpu.train_model(dict(spec, name="h", holdout=True), data, work)
    _six_articles(train)  # the articles trained on: a calibration third of two
    shutil.copytree(REPO / "newstrace/extract/tagger/weights", weights)
    before = {f.name: f.read_bytes() for f in weights.iterdir()}

    with pytest.raises(FileNotFoundError):
        gpu.export(work / "m.pt", weights, holdout=tmp_path / "missing.pt", train=train)
    assert {f.name: f.read_bytes() for f in weights.iterdir()} == before

    gpu.export(work / "m.pt", weights, holdout=work / "h.pt", train=train)
    recipe = json.loads((weights / "default.json").read_text())
    assert recipe["meta"]["steps"] == 1 and "min_score_cue" in recipe["decode"]
    # one step of training proposes nothing to fit a reranker on: the cut-off alone
    assert "rerank" not in recipe["decode"] and not (weights / "default.rerank.json").exists()
    assert (weights / "default.encoder.onnx").read_bytes() != before["default.encoder.onnx"]
    assert all((weights / n).read_bytes() == b for n, b in before.items() if not n.startswith("default."))


@needs_shared(POLNEAR / "train")
def test_fast_recipe_narrows_after_its_first_epoch_and_export_refits_balanced(gpu, tmp_path):
    """The fast model keeps 512 of MiniLM's feed-forward units per layer, chosen after a
    first epoch at full width; exported, it brings its own cut-off, and balanced (which
    reads the same weights with the roles pass) gets a cut-off fitted on the same twin."""
    import shutil

    data, work, train, weights = (tmp_path / n for n in ("data", "work", "train", "weights"))
    work.mkdir()
    gpu.prepare(data, POLNEAR / "train", max_articles=6)
    fast = next(s for s in gpu.PLANS["fast"] if s["name"] == "fast")
    twin = next(s for s in gpu.PLANS["fast"] if s["name"] == "fast-holdout")
    assert fast["prune_after"] == 1 and twin["holdout"] and fast["ff"] == 512
    run = dict(lr=1.5e-4, epochs=2.0, cpu=True, deadline=time.time() + 600)
    meta = gpu.train_model(dict({k: v for k, v in fast.items() if k != "keep"}, **run), data, work)
    gpu.train_model(dict({k: v for k, v in twin.items() if k != "keep"}, **run), data, work)
    blob = torch.load(work / "fast.pt", weights_only=False)
    assert blob["cfg"]["ff"] == 512 and blob["cfg"]["decode"] == {"roles": "nearest"}
    assert blob["state"]["layers.0.inter.weight"].shape == (512, 384)
    assert blob["state"]["layers.1.out.weight"].shape == (384, 512)
    assert "after 1 epoch" in meta["feed_forward"] and meta["epochs"] == 2.0

    _six_articles(train)
    shutil.copytree(REPO / "newstrace/extract/tagger/weights", weights)
    before = {f.name: f.read_bytes() for f in weights.iterdir()}
    gpu.export(work / "fast.pt", weights, holdout=work / "fast-holdout.pt", name="fast", train=train)
    recipe = json.loads((weights / "fast.json").read_text())
    assert recipe["cfg"]["ff"] == 512 and "min_score_nearest" in recipe["decode"]
    balanced = json.loads((weights / "balanced.json").read_text())
    assert balanced["model"] == "fast" and "min_score_cue" in balanced["decode"]
    assert "same recipe trained on the other two thirds" in balanced["decode"]["calibrated_on"]
    assert (weights / "fast.encoder.onnx").read_bytes() != before["fast.encoder.onnx"]
    # too few steps to fit rerankers on: the old ones go, as a cut-off alone replaces them
    assert "rerank" not in balanced["decode"] and not (weights / "balanced.rerank.json").exists()
    changed = {n for n, b in before.items() if not (weights / n).exists() or (weights / n).read_bytes() != b} | (
        {f.name for f in weights.iterdir()} - set(before))
    assert changed <= {f"fast.{x}" for x in ("encoder.onnx", "roles.onnx", "features.npy", "json", "rerank.json")} | {
        "balanced.json", "balanced.rerank.json"}


@needs_shared(POLNEAR / "train")
def test_accurate_exports_both_members_and_fits_the_ensemble_on_their_twins(gpu, tmp_path):
    """train_gpu.py accurate: default (with its own cut-off) and default-features, then
    accurate's cut-off fitted on the two twins' averaged proposals; nothing else changes."""
    import shutil

    data, work, train, weights = (tmp_path / n for n in ("data", "work", "train", "weights"))
    work.mkdir()
    gpu.prepare(data, POLNEAR / "train", max_articles=6)
    assert [s["name"] for s in gpu.PLANS["accurate"]] == [
        "default", "default-holdout", "default-features", "default-features-holdout"]
    for spec in gpu.PLANS["accurate"]:
        gpu.train_model(dict({k: v for k, v in spec.items() if k != "keep"}, lr=1.5e-4, epochs=1.0, max_steps=1,
                             cpu=True, deadline=time.time() + 600), data, work)
    _six_articles(train)
    shutil.copytree(REPO / "newstrace/extract/tagger/weights", weights)
    before = {f.name: f.read_bytes() for f in weights.iterdir()}
    members = {m: (work / f"{m}.pt", work / f"{m}-holdout.pt") for m in ("default", "default-features")}
    with pytest.raises(ValueError):
        gpu.export_ensemble("accurate", {"default": members["default"]}, weights, train=train)
    gpu.export_ensemble("accurate", members, weights, train=train)
    recipe = json.loads((weights / "accurate.json").read_text())
    assert recipe["members"] == ["default", "default-features"] and "min_score_cue" in recipe["decode"]
    assert "both members' twins" in recipe["decode"]["calibrated_on"]
    assert "min_score_cue" in json.loads((weights / "default.json").read_text())["decode"]
    assert json.loads((weights / "default-features.json").read_text())["meta"]["steps"] == 1
    changed = {n for n, b in before.items() if not (weights / n).exists() or (weights / n).read_bytes() != b}
    assert {"default.encoder.onnx", "default-features.encoder.onnx", "accurate.json"} <= changed
    assert all(n.split(".")[0] in ("default", "default-features", "accurate") for n in changed)
