"""How often the same quoted words in two articles end up in one statement.

    newstrace run ../shared/corpora/polnear --out OUT      # or any corpus
    python bench/link_recall.py OUT [--words 10]

Reads only the exports of PRODUCT.md (articles.jsonl, attributions.jsonl). For every
direct or mixed attribution it takes the words inside quotation marks in its content
("", “”, ''), lower-cased, apostrophes dropped, and pairs it with the attributions of
other articles that quote the same ``--words`` words in a row. Such a pair is the same
statement, almost always (a ten-word run is not chance); the figure is the share of
pairs whose two attributions have the same ``statement``. A quote quoted in more than
30 articles is left out (boilerplate). What this cannot see: pairs the extractor did not
find (no attribution over the quote) and wrongly merged statements (precision, which
takes reading: the misses are printed for that).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

QUOTED = re.compile(r"[“\"]([^“”\"]{10,2000}?)[”\"]|''(.{10,2000}?)''", re.S)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold().replace("’", "").replace("'", ""))


def read_jsonl(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="the --out folder of newstrace run")
    ap.add_argument("--words", type=int, default=10, help="words in a row the two quotes share")
    ap.add_argument("--show", type=int, default=20, help="misses to print")
    args = ap.parse_args(argv)
    out = Path(args.out)
    texts = {a["id"]: a["text"] for a in read_jsonl(out / "articles.jsonl")}
    by_run: dict[str, set[str]] = defaultdict(set)
    atts: dict[str, dict] = {}
    for a in read_jsonl(out / "attributions.jsonl"):
        if a["kind"] == "indirect":
            continue
        text = texts[a["article"]]
        atts[a["id"]] = a
        for s, e in a["content"]:
            # one character each side: the quotation marks around a content
            for m in QUOTED.finditer(text[max(0, s - 1):e + 1]):
                w = words(m.group(1) if m.group(1) is not None else m.group(2))
                for i in range(len(w) - args.words + 1):
                    by_run[" ".join(w[i:i + args.words])].add(a["id"])
    pairs: set[tuple[str, str]] = set()
    for ids in by_run.values():
        one_per_article: dict[str, str] = {}
        for i in sorted(ids):
            one_per_article.setdefault(atts[i]["article"], i)
        chosen = sorted(one_per_article.values())
        if len(chosen) > 30:
            continue
        pairs.update((x, y) for k, x in enumerate(chosen) for y in chosen[k + 1:])
    same = [(x, y) for x, y in pairs if atts[x]["statement"] and atts[x]["statement"] == atts[y]["statement"]]
    print(f"attribution pairs in different articles whose quotes share {args.words} words in a row: "
          f"{len(pairs)}; in one statement: {len(same)} ({len(same) / max(1, len(pairs)):.3f})")
    for x, y in sorted(pairs - set(same))[:args.show]:
        a, b = atts[x], atts[y]
        print(f"  {a['speaker']!r} | {b['speaker']!r} | {a['content_text'][:60]!r} || {b['content_text'][:60]!r}")


if __name__ == "__main__":
    main()
