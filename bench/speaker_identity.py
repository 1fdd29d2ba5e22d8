"""Speaker identity across the corpus: pairwise precision and recall of "same person".

A labelled unit is one speaker string in one article (``{"article", "speaker",
"person"}``, person null when the string names no one person). A pair of units is
"same" in the gold when both name one person, and in newstrace's output when their
attributions got one speaker id. Units whose person is null are left out.

    python bench/speaker_identity.py DB GOLD.jsonl [--misses]

prints pairs, precision, recall, F1 and, with --misses, the pairs it got wrong.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from itertools import combinations


def score(db_path: str, gold_path: str, misses: bool = False) -> dict:
    db = sqlite3.connect(db_path)
    units = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    units = [u for u in units if u.get("person")]
    predicted = {}
    missing = 0
    for u in units:
        ids = Counter(r[0] for r in db.execute(
            "SELECT speaker_id FROM attributions WHERE article=? AND speaker=?", (u["article"], u["speaker"])))
        if not ids:
            missing += 1
            predicted[(u["article"], u["speaker"])] = None
            continue
        predicted[(u["article"], u["speaker"])] = ids.most_common(1)[0][0]
    tp = fp = fn = 0
    wrong = []
    for a, b in combinations(units, 2):
        gold = a["person"] == b["person"]
        pa, pb = predicted[(a["article"], a["speaker"])], predicted[(b["article"], b["speaker"])]
        said = pa is not None and pa == pb
        if gold and said:
            tp += 1
        elif said:
            fp += 1
            wrong.append(("joined", a, b))
        elif gold:
            fn += 1
            wrong.append(("apart", a, b))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"units": len(units), "persons": len({u["person"] for u in units}), "gold_pairs": tp + fn,
           "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "missing": missing}
    if misses:
        seen = Counter()
        for why, a, b in wrong:
            key = (why, a["speaker"], b["speaker"], a["person"], b["person"])
            seen[key] += 1
        out["misses"] = [f"{why}: {sa!r} ({pa}) / {sb!r} ({pb}) x{n}" for (why, sa, sb, pa, pb), n in seen.most_common()]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("gold")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    result = score(args.db, args.gold, args.misses)
    for line in result.pop("misses", []):
        print(line)
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
