#!/usr/bin/env python3
"""Precision and recall of the near-duplicate check (``newstrace.link.duplicates``).

Labelled pairs, each decided alone (a store holding the first article; is the second
flagged ``duplicate_of`` it?):

- real reprints found in the corpora and judged by reading (``bench/stories/reprints.jsonl``:
  ids only; texts read from ``../shared/corpora``): lightly edited copies of one wire story
  (positives), heavier rewrites of one wire story ("versions", reported apart), and look-
  alikes that are not copies (templated Wikinews interviews: negatives);
- Wikinews articles (CC BY 2.5) edited by a known number of words of their first 300
  (``--edits``: each edit replaces, drops or inserts one word, spread at random) and given
  another headline: positives, by number of edits;
- negatives: pairs of different articles about one event by different outlets (the
  multi-article stories of ``bench/stories/polnear-events.jsonl`` and of ecbplus-dev,
  less the pairs judged reprints or versions) and Wikinews articles against each other.

    python bench/duplicates_eval.py

Prints one JSON line per group and a summary.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(ROOT))

from newstrace.link.duplicates import DuplicateIndex, signature  # noqa: E402
from newstrace.records import Article  # noqa: E402
from newstrace.store import Store  # noqa: E402


def wikinews() -> dict[str, tuple[str, str]]:
    found = {}
    for year in ("2019", "2020"):
        with open(SHARED / "wikinews" / f"wikinews_{year}.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                key = "wn:" + row["url"].rsplit("/", 1)[-1]
                found[key] = (row["title"], row["text"])
    return found


def text_of(article_id: str, wn: dict[str, tuple[str, str]]) -> str:
    if article_id.startswith("wn:"):
        title, body = wn[article_id]
        return f"{title}\n\n{body}"
    if "/text/" in article_id:
        return (SHARED / "polnear" / f"{article_id}.txt").read_text(encoding="utf-8")
    return (SHARED / "ecbplus-dev" / "text" / f"{article_id}.txt").read_text(encoding="utf-8")


def flagged(first: str, second: str) -> bool:
    store = Store(":memory:")
    index = DuplicateIndex(store.db)
    for n, (name, text) in enumerate((("first", first), ("second", second))):
        article = Article(id=name, text=text, order=n,
                          fingerprint=hashlib.sha1(" ".join(text.casefold().split()).encode()).hexdigest())
        sig = signature(text)
        article.duplicate_of = index.find(article, sig)
        store.put_article(article, [], [], "bench")
        index.add(article, sig)
    found = store.article("second").duplicate_of
    store.close()
    return found == "first"


def edited(text: str, edits: int, vocabulary: list[str], rnd: random.Random) -> str:
    words = text.split(" ")
    reach = min(len(words), 300)
    for position in sorted(rnd.sample(range(reach), min(edits, reach)), reverse=True):
        kind = rnd.choice(("replace", "drop", "insert"))
        if kind == "replace":
            words[position] = rnd.choice(vocabulary)
        elif kind == "drop":
            del words[position]
        else:
            words.insert(position, rnd.choice(vocabulary))
    return " ".join(words)


def another_headline(title: str, rnd: random.Random) -> str:
    words = title.split()
    rnd.shuffle(words)
    return " ".join(["Report:"] + words[: max(3, len(words) - 2)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", default="10,20,30,45,60", help="words changed of the first 300")
    parser.add_argument("--articles", type=int, default=60, help="Wikinews articles edited")
    args = parser.parse_args()
    rnd = random.Random(20190320)
    wn = wikinews()
    judged = [json.loads(line) for line in (ROOT / "bench" / "stories" / "reprints.jsonl").read_text().splitlines() if line]
    groups: dict[str, list[tuple[bool, bool]]] = {}

    def record(group: str, truth: bool, first: str, second: str) -> None:
        groups.setdefault(group, []).append((truth, flagged(first, second)))

    for row in judged:
        record(f"real {row['kind']}", row["kind"] == "reprint", text_of(row["a"], wn), text_of(row["b"], wn))

    long_enough = [k for k, (_, body) in sorted(wn.items()) if len(body.split()) >= 250]
    chosen = rnd.sample(long_enough, min(args.articles, len(long_enough)))
    vocabulary = [w for k in chosen for w in wn[k][1].split()[:200]]
    for edits in (int(e) for e in args.edits.split(",")):
        for key in chosen:
            title, body = wn[key]
            copy = f"{another_headline(title, rnd)}\n\n{edited(body, edits, vocabulary, rnd)}"
            record(f"edited {edits} words + headline", True, f"{title}\n\n{body}", copy)

    versions = {frozenset((r["a"], r["b"])) for r in judged}
    for name, gold_path in (("polnear-events", ROOT / "bench" / "stories" / "polnear-events.jsonl"),
                            ("ecbplus-dev", SHARED / "ecbplus-dev" / "stories.jsonl")):
        stories: dict[str, list[str]] = {}
        for line in gold_path.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                stories.setdefault(row["story"], []).append(row["article"])
        pairs = [p for members in stories.values() for p in itertools.combinations(sorted(members), 2)
                 if frozenset(p) not in versions]
        for a, b in rnd.sample(pairs, min(150, len(pairs))):
            record(f"same event, other article ({name})", False, text_of(a, wn), text_of(b, wn))
    for a, b in zip(chosen[::2], chosen[1::2]):
        record("wikinews, other article", False, text_of(a, wn), text_of(b, wn))

    tp = fp = fn = 0
    for group, results in groups.items():
        hits = sum(1 for truth, found in results if found)
        print(json.dumps({"group": group, "pairs": len(results), "flagged": hits}))
        if "version" in group:
            continue  # heavier rewrites: reported, not scored
        tp += sum(1 for truth, found in results if truth and found)
        fp += sum(1 for truth, found in results if not truth and found)
        fn += sum(1 for truth, found in results if truth and not found)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(json.dumps({"precision": round(precision, 4), "recall": round(recall, 4), "true_positives": tp,
                      "false_positives": fp, "false_negatives": fn}))


if __name__ == "__main__":
    main()
