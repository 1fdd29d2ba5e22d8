"""How much content exact F1 a better content-boundary decision could win, at most.

    python training/content_oracle.py --weights TWIN_WEIGHTS

The roles pass gives each word piece a content probability; decoding keeps the pieces
above 0.5 (``core.content_runs``). This script decodes the held-out third of PolNeAR
train (``calibration_ids``, every third article: what a twin trained on the other two
thirds never saw) at several thresholds, scores each with the shared scorer, and then
scores an oracle that, for every predicted attribution, takes whichever threshold's
content matches a gold content exactly (same cue, other thresholds tried only where the
0.5 content matched none). The oracle's gain bounds what any reranking of these
boundaries (a learned threshold, a boundary classifier over the same probabilities)
could add. The cut-off alone, no reranker: the reranker keeps or drops attributions and
does not move contents.

WEIGHTS must be a twin that did not train on the third (``train_gpu.py`` makes one
for each recipe); with the shipped weights the figures are those of articles trained on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newstrace.extract.tagger import Tagger, core  # noqa: E402
from training.calibrate import load_scorer  # noqa: E402
from training.polnear import calibration_ids  # noqa: E402


def decode_at(threshold: float, variant: str, weights: str, texts: list[str], threads: int) -> list[list]:
    # the threshold is an argument of core.content_runs that the tagger does not expose:
    # swapped for the run, then restored
    original = core.content_runs
    core.content_runs = lambda pc, free, **k: original(pc, free, **{**k, "threshold": threshold})
    try:
        tagger = Tagger(variant, threads=threads, weights=weights, rerank=False)
        return list(tagger.extract(texts))
    finally:
        core.content_runs = original


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", required=True, help="a twin's weights folder")
    ap.add_argument("--variant", default="default")
    ap.add_argument("--train", default=str(ROOT.parent / "shared/corpora/polnear/train"))
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared/bench/attribution_eval.py"))
    ap.add_argument("--every", type=int, default=3)
    ap.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    scorer = load_scorer(Path(args.scorer))
    arts, _ = scorer.load_gold(Path(args.train), warn=lambda m: None)
    ids = calibration_ids(arts, args.every)
    subset = {i: arts[i] for i in ids}
    texts = [arts[i].text for i in ids]
    thresholds = [float(t) for t in args.thresholds.split(",")]
    if 0.5 not in thresholds:
        thresholds.append(0.5)

    def attribution(aid, s):
        return scorer.make_attribution(arts[aid].text, {"source": s.source, "cue": s.cue, "content": s.content})

    runs = {}
    for t in thresholds:
        runs[t] = {aid: [a for a in (attribution(aid, s) for s in spans) if a.content]
                   for aid, spans in zip(ids, decode_at(t, args.variant, args.weights, texts, args.threads))}
        f = scorer.evaluate(subset, runs[t])["scores"]
        print(f"threshold {t:.2f}: content exact {f['content/exact']['f1']:.3f}, "
              f"attribution partial {f['attribution/partial']['f1']:.3f}", flush=True)
    oracle, changed = {}, 0
    for aid in ids:
        gold = {g.content for g in arts[aid].gold}
        picked = []
        for a in runs[0.5][aid]:
            if a.content not in gold:
                alternatives = [b for t in thresholds if t != 0.5 for b in runs[t][aid]
                                if b.cue == a.cue and b.content in gold]
                if alternatives:
                    a, changed = alternatives[0], changed + 1
            picked.append(a)
        oracle[aid] = picked
    f = scorer.evaluate(subset, oracle)["scores"]
    print(f"oracle over {len(thresholds)} thresholds ({changed} contents changed, {len(ids)} articles): "
          f"content exact {f['content/exact']['f1']:.3f}, attribution partial {f['attribution/partial']['f1']:.3f}")


if __name__ == "__main__":
    main()
