#!/usr/bin/env python3
"""Train the story model (newstrace/link/story_model.json): a logistic regression over the
features ``newstrace.link.stories.features`` computes for (article, story).

Examples come from labelled streams replayed with the gold grouping (teacher forcing): each
labelled article, in stream order, is scored against the candidate stories the story index
retrieves for it, exactly as at run time; a candidate is a positive example when it holds
the article's gold story, a negative otherwise; then the article joins its gold story (or
opens it). The stream is a stored run (articles, attributions, statements), so the
"statements shared" feature is the real one.

    python training/train_stories.py --set /work/cache/ecb-main/newstrace.db ../shared/corpora/ecbplus-dev/stories.jsonl \\
        --set /work/cache/polnear-main/newstrace.db bench/stories/polnear-events.jsonl --out newstrace/link/story_model.json

Each ``--set`` is replayed in publication order (input order when undated) and in
``--shuffles`` shuffled input orders. Numpy only (Newton's method, L2 penalty).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newstrace.link.stories import StoryIndex, _day, closest, compact, features, terms  # noqa: E402
from newstrace.store import Store  # noqa: E402

FEATURES = ["w", "t", "n", "d", "dated", "log_gap", "statements", "tw"]


def replay(database: str, gold: dict[str, str], seed: int | None, names: list[str]) -> list[tuple[list[float], int]]:
    examples = []
    with tempfile.TemporaryDirectory(prefix="train-stories-") as tmp:
        copy = Path(tmp) / "newstrace.db"
        shutil.copy(database, copy)
        with Store(copy) as store, store.transaction():
            index = StoryIndex(store.db)
            index.clear()
            articles = [a for a in store.articles() if a.id in gold]
            if seed is not None:
                random.Random(seed).shuffle(articles)
            articles.sort(key=lambda a: (a.published is None, a.published or ""))
            story_of_label: dict[str, str] = {}
            label_of_story: dict[str, str] = {}
            for article in articles:
                counts = terms(article)
                index._count(counts, +1)
                vector = index._vector(counts)
                store.db.execute(
                    "INSERT OR REPLACE INTO story_article_vectors(article, counts, vector) VALUES (?, ?, ?)",
                    (article.id, json.dumps(counts), json.dumps(vector)),
                )
                day = _day(article.published)
                mine = {"sums": vector, "size": 1, "days": (day, day) if day else None}
                shared = index._shared_statements([article.id])
                for story in index._candidates(vector, day):
                    nearest = closest([compact(vector)], index._member_vectors(story["id"]))
                    f = features(mine, story, shared.get(story["id"], 0), nearest)
                    examples.append(([f[name] for name in names], int(label_of_story[story["id"]] == gold[article.id])))
                label = gold[article.id]
                if label in story_of_label:
                    old = story_of_label[label]
                    new = index._join(index._load(old), article, vector)
                    del label_of_story[old]
                else:
                    new = index._open(article, vector)
                    new = index._rename_to_anchor(new)
                story_of_label[label], label_of_story[new] = new, label
    return examples


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method; the bias is not penalised."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.eye(xb.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -50, 50)))
        grad = xb.T @ (p - y) + penalty @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", nargs=2, action="append", metavar=("DATABASE", "GOLD"), required=True)
    parser.add_argument("--shuffles", type=int, default=2)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--features", default=",".join(FEATURES), help="comma-separated feature names")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rows: list[tuple[list[float], int]] = []
    names = []
    for database, gold_path in args.set:
        gold = {}
        with open(gold_path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    gold[row["article"]] = row["story"]
        for seed in [None, *range(1, args.shuffles + 1)]:
            found = replay(database, gold, seed, args.features.split(","))
            rows += found
            print(f"{database} order {seed or 'publication'}: {len(found)} examples, "
                  f"{sum(y for _, y in found)} positive", file=sys.stderr)
        names.append(Path(gold_path).name)
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows], dtype=float)
    weights, bias = fit(x, y, args.l2)
    model = {
        "features": args.features.split(","), "weights": [round(float(w), 4) for w in weights], "bias": round(bias, 4),
        "trained_on": names, "examples": len(rows), "positives": int(y.sum()),
    }
    Path(args.out).write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model))


if __name__ == "__main__":
    main()
