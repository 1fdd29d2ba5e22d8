"""Candidate groups for a quote-link set: quotations of five words or more (straight or
curly double marks, the New York Times archive's ''doubled apostrophes'' and ``...'', one
line) in different articles that share a four-word run, grouped where two share two
such runs or more. What the judge reads, in context, before any linker runs.

    python bench/quote_link_candidates.py CORPUS_DIR SPLITS [FIRST LAST]

CORPUS_DIR holds split folders with a text/ folder each (PolNeAR: SPLITS train,dev);
article ids are paths relative to it without extension ("train/text/nyt_2016-..."),
newstrace's ids for a run on CORPUS_DIR. Prints groups FIRST to LAST (shuffled with a
fixed seed) with 150 characters of context, each quotation as [index] and <<text>>.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

QUOTE = re.compile(r"“([^“”\"\n]+)”|\"([^\"“”\n]+)\"|''([^'\n](?:[^\n]*?[^'\n])?)''|``([^\n]+?)''")
WORD = re.compile(r"\w+(?:['’]\w+)*")


def quotations(root: Path, splits: list[str]) -> list[tuple[str, int, int, list[str]]]:
    """(article id, start, end, lower-cased words) of every quotation of five words or
    more in the ``splits`` folders, in that order."""
    out = []
    for path in [p for split in splits for p in sorted((root / split / "text").glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        article = str(path.relative_to(root).with_suffix(""))
        for m in QUOTE.finditer(text):
            g = next(i for i in range(1, 5) if m.group(i) is not None)
            s, e = m.start(g), m.end(g)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            words = [w.lower().replace("’", "'") for w in WORD.findall(text[s:e])]
            if len(words) >= 5:
                out.append((article, s, e, words))
    return out


def groups(found: list[tuple[str, int, int, list[str]]]) -> list[list[int]]:
    runs: dict[tuple, set[int]] = defaultdict(set)
    for i, (*_, words) in enumerate(found):
        for k in range(len(words) - 3):
            runs[tuple(words[k:k + 4])].add(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in runs.values():
        if len(ids) > 40:  # a run in that many quotations is a set phrase
            continue
        for a, b in itertools.combinations(sorted(ids), 2):
            if found[a][0] != found[b][0]:
                shared[a, b] += 1
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (a, b), n in shared.items():
        if n >= 2:
            parent[root(a)] = root(b)
    by_root: dict[int, list[int]] = defaultdict(list)
    for i in range(len(found)):
        by_root[root(i)].append(i)
    out = sorted(sorted(g) for g in by_root.values() if len(g) > 1)
    random.Random(26).shuffle(out)
    return out


def main(argv: list[str]) -> None:
    root = Path(argv[0])
    found = quotations(root, argv[1].split(","))
    first, last = (int(argv[2]), int(argv[3])) if len(argv) > 3 else (0, 20)
    texts: dict[str, str] = {}
    for gi, group in enumerate(groups(found)[first:last], first):
        print(f"######## G{gi} ({len(group)})")
        for i in group:
            article, s, e, _ = found[i]
            if article not in texts:
                texts[article] = (root / f"{article}.txt").read_text(encoding="utf-8")
            t = texts[article]
            before = t[max(0, s - 150):s].replace("\n", " / ")
            print(f"[{i}] {article}\n    …{before}<<{t[s:e]}>>{t[e:e + 80]}…")


if __name__ == "__main__":
    main(sys.argv[1:])
