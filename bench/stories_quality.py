#!/usr/bin/env python3
"""Story quality of the story stage alone, over a stored run, in several input orders.

Copies a newstrace database (articles, attributions and statements already stored, e.g.
``/work/cache/ecb-main/newstrace.db``), forgets its stories, and groups its articles
again with ``StoryIndex`` in publication order (dated articles) then input order, the
order ``newstrace run --relink`` uses; then in ``--orders`` shuffled input orders. Each
grouping is scored with the shared scorer (``../shared/bench/stories_eval.py``) against a
gold file; the spread is max - min of B-cubed F1 over the shuffled orders. With
``--events-only`` only the articles of gold stories of two or more articles are grouped
(a stream of events told by several outlets, without the articles that stand alone).
``--undated`` forgets every publication date before grouping (an archive without dates);
``--by-outlet`` groups each outlet's articles on their own, one store per outlet (a
one-outlet archive); together they are the proxy of a one-outlet undated archive.

    python bench/stories_quality.py /work/cache/ecb-main/newstrace.db \\
        ../shared/corpora/ecbplus-dev/stories.jsonl --orders 5

Prints one JSON line per order and a summary line.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "bench"))

from stories_eval import read_gold, score  # noqa: E402

from newstrace.link.stories import StoryIndex, StorySettings  # noqa: E402
from newstrace.store import Store  # noqa: E402


def regroup(store: Store, order: list[str], settings: StorySettings, undated: bool = False) -> list[dict]:
    index = StoryIndex(store.db, settings)
    with store.transaction():
        index.clear()
        if undated:
            store.db.execute("UPDATE articles SET published=NULL")
        articles = {a.id: a for a in store.articles()}
        for article_id in order:
            index.add(articles[article_id])
    return [{"id": s.id, "label": s.label, "articles": s.articles} for s in store.stories()]


def regroup_by_outlet(store: Store, order: list[str], settings: StorySettings, undated: bool = False) -> list[dict]:
    """Each outlet's articles grouped on their own (the store forgets the others' stories)."""
    outlet = {a.id: a.outlet for a in store.articles()}
    stories = []
    for name in sorted({outlet[a] or "" for a in order}):
        stories += regroup(store, [a for a in order if (outlet[a] or "") == name], settings, undated)
    return stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("database")
    parser.add_argument("gold", help="gold stories (stories.jsonl layout); several: comma-separated")
    parser.add_argument("--orders", type=int, default=5, help="shuffled input orders (seeds 1..N)")
    parser.add_argument("--model", help="a story model JSON other than the shipped one")
    parser.add_argument("--out", help="write the publication-order stories here (stories.jsonl layout)")
    parser.add_argument("--events-only", action="store_true",
                        help="group only the articles of gold stories of two or more (a stream of events, no singletons)")
    parser.add_argument("--undated", action="store_true", help="forget publication dates before grouping")
    parser.add_argument("--by-outlet", action="store_true", help="group each outlet's articles on their own")
    parser.add_argument("--each", action="store_true",
                        help="also score each gold file of several on its own (publication order)")
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                        help="a StorySettings field other than its default (for experiments)")
    args = parser.parse_args()
    golds = {path: read_gold(path) for path in args.gold.split(",")}
    gold = {a: s for one in golds.values() for a, s in one.items()}
    with Store(args.database) as store:
        outlet_of = {a.id: a.outlet for a in store.articles()}
    if args.by_outlet:  # one outlet's archive: a story told by several outlets is one story in each
        gold = {a: f"{s}@{outlet_of.get(a)}" for a, s in gold.items()}
    if args.events_only:
        sizes = Counter(gold.values())
        gold = {a: s for a, s in gold.items() if sizes[s] > 1}
        golds = {path: {a: s for a, s in one.items() if a in gold} for path, one in golds.items()}
    alone = score(gold, [{"id": a, "articles": [a]} for a in gold])["bcubed"]
    print(json.dumps({"every_article_alone": alone}))
    overrides = {name: type(getattr(StorySettings(), name))(value)
                 for name, value in (item.split("=", 1) for item in args.setting)}
    settings = StorySettings(model=args.model, **overrides)
    with tempfile.TemporaryDirectory(prefix="stories-quality-") as tmp:
        copy = Path(tmp) / "newstrace.db"
        shutil.copy(args.database, copy)
        with Store(copy) as store:
            articles = [a for a in store.articles() if not args.events_only or a.id in gold]
            if args.undated:  # no dates: input order, then shuffled input orders
                runs = [("input", sorted(articles, key=lambda a: a.order))]
            else:
                runs = [("publication", sorted(articles, key=lambda a: (a.published is None, a.published or "", a.order)))]
            for seed in range(1, args.orders + 1):
                shuffled = articles[:]
                random.Random(seed).shuffle(shuffled)
                if not args.undated:  # a shuffled input order: dated articles still come in publication order
                    shuffled.sort(key=lambda a: (a.published is None, a.published or ""))
                runs.append((f"shuffle-{seed}", shuffled))
            f1s = []
            for name, ordered in runs:
                start = time.perf_counter()
                group = regroup_by_outlet if args.by_outlet else regroup
                stories = group(store, [a.id for a in ordered], settings, args.undated)
                seconds = time.perf_counter() - start
                result = score(gold, stories)
                if name == runs[0][0] and args.out:
                    with open(args.out, "w", encoding="utf-8") as f:
                        for s in stories:
                            f.write(json.dumps(s, ensure_ascii=False) + "\n")
                elif name != runs[0][0]:
                    f1s.append(result["bcubed"]["f1"])
                if name == runs[0][0] and args.each and len(golds) > 1:
                    for path, one in golds.items():
                        part = score(one, stories)
                        print(json.dumps({"order": name, "gold": path, "bcubed": part["bcubed"],
                                          "predicted_stories": part["predicted_stories"], "gold_stories": part["gold_stories"]}))
                print(json.dumps({"order": name, "bcubed": result["bcubed"], "predicted_stories": result["predicted_stories"],
                                  "gold_stories": result["gold_stories"], "seconds": round(seconds, 1)}))
    if f1s:
        print(json.dumps({"orders": len(f1s), "f1_min": min(f1s), "f1_max": max(f1s),
                          "f1_spread": round(max(f1s) - min(f1s), 4)}))


if __name__ == "__main__":
    main()
