"""The draw of held-out judged round 18 (issue 28; docs/extraction.md, "Round 18"), reproducible.

    python bench/judged_round18_draw.py [--start 22b5314] [--next 4]

Prints counts, ids, titles, dates and URLs only, never an article's text:

1. the Wikinews pool exactly as ``bench/speakers_eval.py``'s ``draw_round`` computes ``pool_w``
   (1,500-5,000 characters of text, at least two quotation marks or a " said", no sentence of
   40 characters or more standing anywhere in the checkout's tests, docs, bench, examples or
   README), over the tree of commit ``--start`` (main 22b5314, the round's starting state,
   exported with ``git archive``: nothing added since counts);
2. less the ten articles speaker round 18 draws from that pool (``draw_round(18, 10, 0, 2818)``:
   ``random.Random(2818).sample(sorted(pool_w), 10)``, the ECB+ sample of 0 taking no randomness);
3. less every Wikinews article an earlier round read though its text is not in the repository:
   a ``wnNNN`` id (as bench/wikinews_jsonl.py numbers the rows) named anywhere in that tree
   (round 14's six Wikinews reports, tests/gold/speaker_identity_wikinews.jsonl's articles and any
   other), or the article's URL, its URL's page name, its title or its title's slug (title and slug
   when 12 characters or more) standing there;
4. then ``random.Random(1818).sample(sorted(rest), 12)``, and the next ``--next`` in the same random
   order (``random.Random(1818).sample(sorted(rest), 12 + NEXT)`` extends the same order: sample
   draws one index at a time) for any drawn article with fewer than two attributions.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import speakers_eval  # noqa: E402


def wikinews_rows() -> list[dict]:
    """Every row of the Wikinews sample with its ``wnNNN`` id (bench/wikinews_jsonl.py's numbering)."""
    csv.field_size_limit(10**9)
    rows, n = [], 0
    for year in ("2019", "2020"):
        with open(speakers_eval.WIKINEWS / f"wikinews_{year}.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                rows.append(dict(row, id=f"wn{n:03d}"))
                n += 1
    return rows


def pool(tree: Path, rows: list[dict]) -> list[tuple[str, str, str]]:
    """``draw_round``'s ``pool_w`` (slug, text, credit) over the checkout at ``tree``."""
    root, speakers_eval.ROOT = speakers_eval.ROOT, tree
    try:
        before = speakers_eval._read_before()
    finally:
        speakers_eval.ROOT = root

    def speaks(text: str) -> bool:  # as draw_round
        return text.count('"') + text.count("“") >= 2 or " said" in text

    pool_w = []
    for row in rows:
        text = f"{row['title'].strip()}.\n\n{row['text'].strip()}"
        if 1500 <= len(row["text"]) <= 5000 and speaks(text) and not speakers_eval._seen(row["text"], before):
            pool_w.append((speakers_eval._slug(row["title"]), text,
                           f'"{row["title"].strip()}", Wikinews, {row["date"][:10]}, {row["url"]}'))
    return pool_w


def named(tree: Path) -> str:
    """The text of tests/, docs/, bench/, examples/ and README.md of the tree, every file."""
    parts = [p.read_text(encoding="utf-8", errors="replace") for folder in ("tests", "docs", "bench", "examples")
             for p in sorted((tree / folder).rglob("*")) if p.is_file()]
    return "\n".join(parts + [(tree / "README.md").read_text(encoding="utf-8", errors="replace")])


def read_before(row: dict, text: str, ids: set[str]) -> list[str]:
    """Why an earlier round may have read ``row`` though its text is not in the tree (empty: not named)."""
    why = []
    if row["id"] in ids:
        why.append("id")
    page = row["url"].rstrip("/").rsplit("/", 1)[-1]
    for what, s in (("url", row["url"].split("//", 1)[-1]), ("page", page),
                    ("page", urllib.parse.unquote(page)), ("page", urllib.parse.unquote(page).replace("_", " ")),
                    ("title", row["title"].strip()), ("slug", speakers_eval._slug(row["title"]))):
        if len(s) >= 12 and s in text and what not in why:
            why.append(what)
    return why


def draw(start: str = "22b5314", n_next: int = 4) -> dict:
    """The round's draw over the tree of commit ``start``: the pool's size, speaker round 18's ids,
    the ids named in the tree (with why), the rest's size, and the drawn order (12 + ``n_next``
    rows of the Wikinews sample, each with its ``id``). Nothing is printed."""
    rows = wikinews_rows()
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", start], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        tree = Path(tmp)
        pool_w = pool(tree, rows)
        text = named(tree)
    by_slug: dict[str, list[dict]] = {}
    for row in rows:
        by_slug.setdefault(speakers_eval._slug(row["title"]), []).append(row)
    assert all(len(by_slug[slug]) == 1 for slug, _, _ in pool_w), "two pool articles share a slug"
    speakers18 = random.Random(2818).sample(sorted(pool_w), 10)
    left = [p for p in pool_w if p not in speakers18]
    ids = set(re.findall(r"\bwn\d{3}\b", text))
    read = {p[0]: why for p in left if (why := read_before(by_slug[p[0]][0], text, ids))}
    rest = [p for p in left if p[0] not in read]
    order = random.Random(1818).sample(sorted(rest), 12 + n_next)
    assert order[:12] == random.Random(1818).sample(sorted(rest), 12)
    return {"rows": len(rows), "pool": len(pool_w), "speakers18": [by_slug[p[0]][0]["id"] for p in speakers18],
            "named": {by_slug[slug][0]["id"]: why for slug, why in read.items()}, "rest": len(rest),
            "order": [by_slug[p[0]][0] for p in order]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--start", default="22b5314", help="the commit whose tree decides what was read")
    parser.add_argument("--next", type=int, default=4, help="how many more of the same order to list")
    args = parser.parse_args(argv)
    d = draw(args.start, args.next)
    print(f"Wikinews rows: {d['rows']}; pool_w at {args.start}: {d['pool']}")
    print(f"speaker round 18 (Random(2818).sample(sorted(pool_w), 10)), excluded: {' '.join(d['speakers18'])}")
    print(f"named in tests/, docs/, bench/, examples/ or README at {args.start} (read by an earlier round), "
          f"excluded: {len(d['named'])}")
    for wid, why in d["named"].items():
        print(f"  {wid} ({', '.join(why)})")
    print(f"rest: {d['rest']}")
    print("Random(1818).sample(sorted(rest), 12), then the next in the same order (*):")
    for k, row in enumerate(d["order"]):
        print(f"  {k + 1:2d}{'*' if k >= 12 else ' '} {row['id']}  {len(row['text']):5d} chars  "
              f'"{row["title"].strip()}", Wikinews, {row["date"][:10]}, {row["url"]}')


if __name__ == "__main__":
    main()
