"""Speaker identity across the corpus: pairwise precision and recall of "same person".

A labelled unit is one speaker string in one article (``{"article", "speaker",
"person", "at"}``, person null when the string names no one person; ``at``: the first
content fragment of each attribution that had that speaker string in the run the unit
was labelled on). A pair of units is "same" in the gold when both name one person, and
in newstrace's output when their attributions got one speaker id. Units whose person is
null are left out.

A unit's attributions are found by position: at each of its ``at`` fragments, the
article's attribution whose content overlaps it most, when its speaker string now is
the labelled one or a fuller form of it (a later resolver gives "Barack Obama" where the
labelled run said "Obama"; not a group that joins it to others, "Trump and some Democrats").
One whose speaker is now someone else was resolved again (the
label follows the name it was given, so it says nothing of the new one): left out. Units
with no ``at`` are found by the speaker string. A unit that finds nothing is missing.

    python bench/speaker_identity.py DB GOLD.jsonl [--misses] [--all]

prints pairs, precision, recall, F1 (and, beside them, the figures with missing units counted
as kept apart from everyone) and, with --misses, the pairs it got wrong.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from itertools import combinations


def _by_position(db: sqlite3.Connection, unit: dict) -> list[str | None]:
    """The speaker ids found at the unit's ``at`` fragments (see the module's docstring)."""
    from newstrace.extract.speakers import is_short_form_or_equal

    found = []
    rows = [(r[0], r[1], json.loads(r[2])) for r in db.execute(
        "SELECT speaker_id, speaker, content FROM attributions WHERE article=?", (unit["article"],))]
    for s, e in unit["at"]:
        overlap = [(min(e, ce) - max(s, cs), sid, name) for sid, name, content in rows
                   for cs, ce in content if cs < e and s < ce]
        if overlap:
            _, sid, name = max(overlap, key=lambda o: o[0])
            # (a group that joins the labelled name to others, "Trump and some Democrats" for a
            # unit "Trump", is no fuller form of it: resolved again, to someone else)
            if name and is_short_form_or_equal(unit["speaker"], name) \
                    and (" and " not in name or " and " in unit["speaker"]):
                found.append(sid)
    return found


def score(db_path: str, gold_path: str, misses: bool = False, count_missing: bool = False) -> dict:
    """The figures over the units found (``count_missing``: over all units, the missing
    ones kept apart from everyone), the other view beside them."""
    db = sqlite3.connect(db_path)
    units = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    units = [u for u in units if u.get("person")]
    predicted = {}
    missing = 0
    for u in units:
        ids = Counter(_by_position(db, u) if "at" in u else [r[0] for r in db.execute(
            "SELECT speaker_id FROM attributions WHERE article=? AND speaker=?", (u["article"], u["speaker"]))])
        if not ids:
            missing += 1
            predicted[(u["article"], u["speaker"])] = None
            continue
        predicted[(u["article"], u["speaker"])] = ids.most_common(1)[0][0]
    found = [u for u in units if predicted[(u["article"], u["speaker"])] is not None]
    # a missing unit is counted apart from everyone (--all) or left out of the pairs (the
    # default: its attributions were resolved to someone else, which says nothing of identity)
    out = _pairs(units if count_missing else found, predicted, misses)
    other = _pairs(found if count_missing else units, predicted, False)
    out["missing"] = missing
    out["with_missing_left_out" if count_missing else "with_missing_apart"] = {
        k: other[k] for k in ("precision", "recall", "f1")}
    return out


def _pairs(scored: list[dict], predicted: dict, misses: bool) -> dict:
    tp = fp = fn = 0
    wrong = []
    for a, b in combinations(scored, 2):
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
    out = {"units": len(scored), "persons": len({u["person"] for u in scored}), "gold_pairs": tp + fn,
           "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
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
    parser.add_argument("--all", action="store_true", help="count missing units as kept apart from everyone")
    args = parser.parse_args(argv)
    result = score(args.db, args.gold, args.misses, args.all)
    for line in result.pop("misses", []):
        print(line)
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
