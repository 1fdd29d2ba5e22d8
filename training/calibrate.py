"""Calibrate the tagger's cue-confidence cut-off on PolNeAR train; write it into the recipe.

    python training/calibrate.py                 # default, fast and accurate
    python training/calibrate.py --variant fast

The tagger proposes an attribution for every run of pieces its cue head tags; the mean
cue probability over the run (``SpanAttribution.score``) says how sure it is. Dropping the
least sure trades recall for precision. This script tags every ``--every``-th article of
``../shared/corpora/polnear/train`` (never dev or test) with no cut-off, scores each cut-off
from 0 to 0.94 (steps of 0.02) with the shared scorer, and keeps the one with the best attribution
partial F1 (ties: the lower). The value goes into ``weights/<variant>.json`` under
``decode`` (key ``min_score_<roles>``), where ``Tagger`` reads it.

The tagger has seen these articles in training; it still scores about the same on them as
on dev (it is far from fitting train), which is what makes them usable for this one
number. About 1 minute (fast) and 3 minutes (default) on the 2-core development machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newstrace.extract.tagger import VARIANTS, WEIGHTS, Tagger  # noqa: E402
from training.polnear import calibration_ids  # noqa: E402


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("attribution_eval", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["attribution_eval"] = module  # its dataclasses look themselves up here
    spec.loader.exec_module(module)
    return module


def calibrate(variant: str, train: Path, every: int, scorer, weights: Path, threads: int,
              roles: str | None = None) -> dict:
    arts, _ = scorer.load_gold(train, warn=lambda m: None)
    ids = calibration_ids(arts, every)
    # the cut-off alone, also for a variant with a reranker (used when it is switched off)
    tagger = Tagger(variant, threads=threads, weights=weights, roles=roles, min_score=0.0, rerank=False)
    texts = [arts[i].text for i in ids]
    found = {}
    for aid, spans in zip(ids, tagger.extract(texts)):
        art = arts[aid]
        found[aid] = [(s.score, scorer.make_attribution(
            art.text, {"source": s.source, "cue": s.cue, "content": s.content})) for s in spans]
    subset = {i: arts[i] for i in ids}
    table = []
    for k in range(0, 48):
        cut = k / 50
        preds = {i: [a for score, a in found[i] if score >= cut and a.content] for i in ids}
        s = scorer.evaluate(subset, preds)["scores"]
        table.append((cut, s["attribution/partial"]["f1"], s["cue/exact"]["f1"],
                      s["content/exact"]["f1"]))
    best = max(table, key=lambda r: (r[1], -r[0]))
    return {"roles": tagger.roles, "articles": len(ids), "cut": best[0],
            "attribution_partial_f1": best[1], "at_zero": table[0][1], "table": table}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variant", default="all", choices=["all", *VARIANTS, "default-features"])
    ap.add_argument("--train", default=str(ROOT.parent / "shared/corpora/polnear/train"))
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared/bench/attribution_eval.py"))
    ap.add_argument("--every", type=int, default=3, help="tag every N-th train article")
    ap.add_argument("--weights", default=str(WEIGHTS))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the recipe")
    args = ap.parse_args(argv)
    scorer = load_scorer(Path(args.scorer))
    weights = Path(args.weights)
    for variant in (VARIANTS if args.variant == "all" else (args.variant,)):
        r = calibrate(variant, Path(args.train), args.every, scorer, weights, args.threads)
        print(f"{variant} ({r['roles']}): cut-off {r['cut']:.2f} on {r['articles']} train articles, "
              f"attribution partial F1 {r['at_zero']:.3f} -> {r['attribution_partial_f1']:.3f}")
        for cut, att, cue, cnt in r["table"][::4]:
            print(f"  {cut:.2f}  attribution partial {att:.3f}  cue exact {cue:.3f}  content exact {cnt:.3f}")
        if args.dry_run:
            continue
        recipe = weights / f"{variant}.json"
        blob = json.loads(recipe.read_text())
        blob.setdefault("decode", {})[f"min_score_{r['roles']}"] = r["cut"]
        blob["decode"]["calibrated_on"] = f"one PolNeAR train article in {args.every} ({r['articles']})"
        recipe.write_text(json.dumps(blob, indent=1) + "\n")
        print(f"wrote {recipe}")


if __name__ == "__main__":
    main()
