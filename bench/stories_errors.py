#!/usr/bin/env python3
"""Where B-cubed is lost: a grouping's errors by class, against one or more gold files.

For each gold file: B-cubed P / R / F1 (``../shared/bench/stories_eval.py``'s definition:
per article, over every labelled article), and how the loss divides: precision lost by
articles that stand alone in the gold (put with others) and by articles of gold events
(put with another event), recall lost (events split), and the F1 a perfect precision or
a perfect recall would give with the other part as it is. With ``--database``, also the
same-event pairs within ``--days`` of each other by the pair model's logit, split or
joined, beside the different-story pairs of the same band: what share of a band is one
event, i.e. what lowering the bar to that band would buy and cost.

    python bench/stories_errors.py OUT/stories.jsonl bench/stories/polnear-events.jsonl,... \\
        [--database OUT/newstrace.db]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT.parent / "shared" / "bench"))

from stories_eval import read_gold  # noqa: E402  (the shared scorer's reader)

BANDS = ((-99.0, -6.0), (-6.0, -4.0), (-4.0, -2.0), (-2.0, -0.7), (-0.7, 99.0))


def read_stories(path: str) -> dict[str, str]:
    """Article -> predicted story, from a stories.jsonl."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                for article in row["articles"]:
                    out[article] = row["id"]
    return out


def error_classes(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """B-cubed P / R / F1 over the gold's articles and the loss by class (shares of the
    article count, so ``1 - precision`` = ``lost_p_alone + lost_p_events``). An article
    the grouping lacks counts as a story of its own."""
    pred = {a: pred.get(a, f"missing:{a}") for a in gold}
    size = Counter(gold.values())
    members: dict[str, list[str]] = defaultdict(list)
    for a, story in pred.items():
        members[story].append(a)
    n = len(gold)
    precision, recall = {}, {}
    for a in gold:
        same = sum(1 for b in members[pred[a]] if gold[b] == gold[a])
        precision[a], recall[a] = same / len(members[pred[a]]), same / size[gold[a]]
    p, r = sum(precision.values()) / n, sum(recall.values()) / n
    alone = [a for a in gold if size[gold[a]] == 1]
    return {
        "precision": p, "recall": r, "f1": 2 * p * r / (p + r),
        "lost_p_alone": sum(1 - precision[a] for a in alone) / n,
        "lost_p_events": sum(1 - precision[a] for a in gold if size[gold[a]] > 1) / n,
        "alone_put_with_others": sum(1 for a in alone if len(members[pred[a]]) > 1), "alone": len(alone),
        "lost_r": 1 - r, "f1_if_p1": 2 * r / (1 + r), "f1_if_r1": 2 * p / (1 + p),
    }


def pair_bands(database: str, gold: dict[str, str], pred: dict[str, str], days: int) -> list[dict]:
    """Pairs of labelled articles dated within ``days`` of each other, by the shipped pair
    model's logit: same-event pairs split and joined, different-story pairs."""
    import numpy as np

    from newstrace.link.stories import load_model
    from train_stories import labelled_units, pair_features

    units = labelled_units(database, gold)
    feats = pair_features(units)
    model = load_model()
    z = model.bias + sum(model.weights.get(k, 0.0) * m for k, m in feats.items())
    first = np.array([u.first for u in units])
    counts = {band: Counter() for band in BANDS}
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            a, b = units[i].article, units[j].article
            if abs(first[i] - first[j]) > days:
                continue
            band = next(k for k in BANDS if k[0] <= z[i, j] < k[1])
            kind = "different" if gold[a] != gold[b] else ("joined" if pred.get(a) == pred.get(b) else "split")
            counts[band][kind] += 1
    rows = []
    for band in BANDS:
        c = counts[band]
        same = c["split"] + c["joined"]
        rows.append({"logit": list(band), "same_split": c["split"], "same_joined": c["joined"],
                     "different": c["different"], "share_same": round(same / max(1, same + c["different"]), 3)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stories", help="a stories.jsonl (newstrace run --out DIR writes DIR/stories.jsonl)")
    parser.add_argument("gold", help="gold stories (stories.jsonl layout); several: comma-separated")
    parser.add_argument("--database", help="the stored run the stories came from: also the pair bands")
    parser.add_argument("--days", type=int, default=7, help="pairs dated at most this many days apart (pair bands)")
    args = parser.parse_args()
    pred = read_stories(args.stories)
    golds = {path: read_gold(path) for path in args.gold.split(",")}
    for path, gold in golds.items():
        print(json.dumps({"gold": path, **{k: round(v, 4) if isinstance(v, float) else v
                                           for k, v in error_classes(gold, pred).items()}}))
    if args.database:
        everything = {a: s for gold in golds.values() for a, s in gold.items()}
        for row in pair_bands(args.database, everything, pred, args.days):
            print(json.dumps(row))


if __name__ == "__main__":
    main()
