"""Fit the reranker that decides which of the tagger's attributions to keep (see
``newstrace/extract/tagger/rerank.py``) and switch the variant's recipe to it.

    python training/train_reranker.py --variant default
    python training/train_reranker.py --variant accurate

Tags every article of ``../shared/corpora/polnear/train`` (never dev or test) with the
variant, keeping every cue the tagger finds (no cut-off) and the punctuation repairs;
labels each proposal by whether the shared scorer's partial attribution match pairs it
with an annotated attribution; fits scikit-learn's HistGradientBoostingClassifier on the
proposals' shape (and, for the variants in WITH_ROLES, what the roles pass said of each)
and cue counts. The counts a training row sees come from the other folds' articles (as
they will for a new article, whose proposals are not in the counts). The threshold is the
one whose out-of-fold predictions (5 folds by article) give the best attribution partial
F1, against the single cut-off on the same proposals, which is also printed. Writes
``weights/<variant>.rerank.json`` and ``decode.rerank`` in ``<variant>.json``. About 11
minutes for default, 20 for accurate, on the 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newstrace.extract.tagger import VARIANTS, WEIGHTS, Tagger  # noqa: E402
from training.polnear import calibration_ids  # noqa: E402
from newstrace.extract.tagger.rerank import (  # noqa: E402
    ROLES, SHAPE, Reranker, count_features, cue_keys, shape_features, trees_from_sklearn, with_content)
from training.calibrate import load_scorer  # noqa: E402

FLOOR = 0.5  # every cue the tagger tags scores at least this (its mean non-O probability)
# the variants whose reranker also reads what the roles pass said (rerank.ROLES): fitted
# with them, balanced's gained nothing clear on dev, and fast has no roles pass
# (training/README.md); the others read the SHAPE columns alone
WITH_ROLES = ("default", "accurate")
SMOOTHING = 5.0
FOLDS = 5
THRESHOLDS = [round(0.2 + 0.02 * k, 2) for k in range(21)]


def proposals(variant: str, weights: Path, arts: dict, ids: list[str], scorer, threads: int,
              columns: tuple = SHAPE + ROLES):
    """Per article: the tagger's attributions, their shape rows, cue keys and labels."""
    tagger = Tagger(variant, threads=threads, weights=weights, min_score=FLOOR, rerank=False)
    out = {}
    for aid, (spans, roles) in zip(ids, tagger.propose(arts[i].text for i in ids)):
        art = arts[aid]
        spans, roles = with_content(spans, roles)
        pred = [scorer.make_attribution(art.text, {"source": s.source, "cue": s.cue, "content": s.content})
                for s in spans]
        gold = art.gold

        def weigh(i, j):  # the scorer's partial attribution match (score_attributions)
            g, p = gold[i], pred[j]
            if not all(scorer._agree(g.role(r), p.role(r)) for r in scorer.ROLES):
                return None
            s = sum(scorer.shared_chars(g.role(r), p.role(r)) for r in scorer.ROLES)
            return s, sum(scorer.length(g.role(r)) + scorer.length(p.role(r)) for r in scorer.ROLES) - s
        right = {j for _, j in scorer.match(len(gold), len(pred), weigh)}
        out[aid] = dict(spans=spans, pred=pred, shape=shape_features(art.text, spans, roles)[:, :len(columns)],
                        keys=[cue_keys(art.text, s) for s in spans],
                        label=np.array([j in right for j in range(len(spans))], dtype=int))
    return out


def count_tables(data: dict, ids) -> tuple[list[dict], float]:
    seen, right = [Counter() for _ in range(3)], [Counter() for _ in range(3)]
    labels = []
    for aid in ids:
        for key, y in zip(data[aid]["keys"], data[aid]["label"]):
            for k in range(3):
                seen[k][key[k]] += 1
                right[k][key[k]] += int(y)
            labels.append(y)
    tables = [{key: (right[k][key], seen[k][key]) for key in seen[k]} for k in range(3)]
    return tables, float(np.mean(labels)) if labels else 0.0


def design(data: dict, ids, tables, prior) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for aid in ids:
        d = data[aid]
        if not len(d["label"]):
            continue
        xs.append(np.hstack([d["shape"], count_features(d["keys"], tables, prior, SMOOTHING)]))
        ys.append(d["label"])
    if not xs:
        width = next(iter(data.values()))["shape"].shape[1] + 6 if data else 0
        return np.zeros((0, width)), np.zeros(0, dtype=int)
    return np.vstack(xs), np.concatenate(ys)


def training_design(data: dict, ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``ids`` whose cue counts come from the other articles of ``ids`` (4 parts)."""
    xs, ys = [], []
    for q in range(4):
        part = ids[q::4]
        rest = [a for k, a in enumerate(ids) if k % 4 != q]
        x, y = design(data, part, *count_tables(data, rest))
        xs.append(x)
        ys.append(y)
    return np.vstack(xs), np.concatenate(ys)


def fit(x, y, seed: int = 0):
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, max_leaf_nodes=15,
                                          min_samples_leaf=40, random_state=seed).fit(x, y)


def scores(scorer, arts, data, ids, keep) -> dict:
    preds = {a: [p for p, k in zip(data[a]["pred"], keep[a]) if k] for a in ids}
    s = scorer.evaluate({a: arts[a] for a in ids}, preds)["scores"]
    return {k: s[k]["f1"] for k in ("attribution/partial", "cue/exact", "content/exact", "source/partial")}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variant", required=True, choices=[*VARIANTS, "default-features"])
    ap.add_argument("--train", default=str(ROOT.parent / "shared/corpora/polnear/train"))
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared/bench/attribution_eval.py"))
    ap.add_argument("--weights", default=str(WEIGHTS))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-articles", type=int, default=0, help="smoke runs: only the first N")
    ap.add_argument("--roles", choices=["yes", "no"], default=None,
                    help="read the roles columns (rerank.ROLES); default: yes for " + ", ".join(WITH_ROLES))
    ap.add_argument("--held-out-third", action="store_true",
                    help="fit on the third of train that calibrate.py reads (polnear.calibration_ids) only: for a "
                         "model that did not train on it (train_gpu.py --plan epochs), whose proposals "
                         "there look like those on new text; a model that trained on all of train "
                         "for 16 epochs is far surer of train than of dev")
    ap.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = ap.parse_args(argv)
    t0 = time.time()
    scorer = load_scorer(Path(args.scorer))
    weights = Path(args.weights)
    arts, _ = scorer.load_gold(Path(args.train), warn=lambda m: None)
    ids = sorted(arts)[:args.max_articles or None]
    if args.held_out_third:
        ids = calibration_ids(ids)
    with_roles = args.roles == "yes" if args.roles else args.variant in WITH_ROLES
    columns = SHAPE + ROLES if with_roles else SHAPE  # the roles columns come last
    data = proposals(args.variant, weights, arts, ids, scorer, args.threads, columns)
    n = sum(len(d["label"]) for d in data.values())
    print(f"{args.variant}: {n} proposals in {len(ids)} train articles, "
          f"{sum(int(d['label'].sum()) for d in data.values())} right ({time.time() - t0:.0f} s)")

    labels = np.concatenate([d["label"] for d in data.values()] or [np.zeros(0)])
    if len(labels) < 20 * FOLDS or labels.min() == labels.max():
        print(f"{args.variant}: too few proposals, or all of one kind, to fit a reranker on; "
              f"{args.variant}.json keeps its cut-off")
        return
    # out-of-fold probabilities, folds by article
    order = list(np.random.RandomState(0).permutation(ids))
    fold = {a: k % FOLDS for k, a in enumerate(order)}
    oof = {}
    for k in range(FOLDS):
        train_ids = [a for a in ids if fold[a] != k]
        test_ids = [a for a in ids if fold[a] == k and len(data[a]["label"])]
        model = fit(*training_design(data, train_ids))
        x, _ = design(data, test_ids, *count_tables(data, train_ids))
        p = model.predict_proba(x)[:, 1]
        at = 0
        for a in test_ids:
            m = len(data[a]["label"])
            oof[a], at = p[at:at + m], at + m
    for a in ids:
        oof.setdefault(a, np.zeros(0))
    table = [(t, scores(scorer, arts, data, ids, {a: oof[a] >= t for a in ids})) for t in THRESHOLDS]
    best_t, best = max(table, key=lambda r: (r[1]["attribution/partial"], -r[0]))
    cuts = [(c, scores(scorer, arts, data, ids, {a: data[a]["shape"][:, 0] >= c for a in ids}))
            for c in (0.6, 0.62, 0.64, 0.66, 0.68, 0.7, 0.72)]
    best_c, cut = max(cuts, key=lambda r: (r[1]["attribution/partial"], -r[0]))

    def row(s):
        keys = ("attribution/partial", "cue/exact", "content/exact", "source/partial")
        return " / ".join(f"{s[k]:.4f}" for k in keys)
    print("out of fold, attribution partial / cue exact / content exact / source partial:")
    print(f"  best single cut-off {best_c:.2f}: {row(cut)}")
    print(f"  reranker, threshold {best_t:.2f}: {row(best)}")
    for t, s in table[::3]:
        print(f"    threshold {t:.2f}: {row(s)}")

    # the shipped model: every article, counts from all of them
    model = fit(*training_design(data, ids))
    tables, prior = count_tables(data, ids)
    baseline, trees = trees_from_sklearn(model)
    blob = {"shape": list(columns), "threshold": best_t, "floor": FLOOR, "prior": prior, "smoothing": SMOOTHING,
            "cues": [{k: list(v) for k, v in sorted(t.items())} for t in tables],
            "baseline": baseline, "trees": trees,
            "meta": {"train": "../shared/corpora/polnear/train"
                     + (", the calibration third (held out of the model's training)" if args.held_out_third else ""),
                     "articles": len(ids), "proposals": n,
                     "out_of_fold": {"reranker": best, "cut_off": cut, "cut": best_c},
                     "model": "sklearn HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, "
                              "max_leaf_nodes=15, min_samples_leaf=40, random_state=0)",
                     "seconds": round(time.time() - t0)}}
    out = weights / f"{args.variant}.rerank.json"
    if args.dry_run:
        return
    out.write_text(json.dumps(blob, separators=(",", ":")) + "\n")
    # the numpy walk must give what scikit-learn gives
    x, _ = design(data, ids, tables, prior)
    gap = np.abs(Reranker(out).probability(x) - model.predict_proba(x)[:, 1]).max()
    if gap > 1e-6:
        raise SystemExit(f"{out}: the tree walk differs from scikit-learn by {gap:.2g}")
    recipe = weights / f"{args.variant}.json"
    info = json.loads(recipe.read_text())
    decode = info.setdefault("decode", {})
    decode["rerank"] = out.name  # min_score_<roles> stays: the cut-off used without it
    recipe.write_text(json.dumps(info, indent=1) + "\n")
    print(f"wrote {out} ({out.stat().st_size / 1e3:.0f} KB) and decode.rerank in {recipe} "
          f"({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
