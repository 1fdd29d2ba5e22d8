"""The draw of held-out speaker round 19 (issue 28 item 2; docs/speakers.md, "Round 19"), reproducible.

    python bench/speakers_round19_draw.py [--start 51b095f] [--write]

Prints counts and ids (with lengths, titles, dates and URLs) only, never an article's text; with
``--write`` it then writes the drawn articles to tests/fixtures/speakers_rounds/ (``title.\\n\\ntext``
named by the title's slug, as ``speakers_eval.draw_round`` does) and their credits to CREDITS.md.

The pool: Wikinews articles (the 2019 and 2020 sample, ``wnNNN`` as bench/wikinews_jsonl.py numbers
them) that are

1. short: under 1,500 characters of text;
2. about speech: at least two quotation marks (straight or curly opening) or a " said" in the text;
3. unread at commit ``--start`` (main 51b095f, exported with ``git archive``): no ``wnNNN`` id, URL,
   page name, title or title slug (12 characters or more) named in its tests/, docs/, bench/,
   examples/ or README (``judged_round18_draw.read_before``), no sentence of 40 characters or more
   standing there (``speakers_eval._seen``), and not one of speaker round 18's ten; then, stricter,
   the same two checks over every file of that tree (the package's doctests and data included);
4. not one of the twelve another helper of the same session judges (judge19: wn088, wn129, wn079,
   wn189, wn266, wn135, wn118, wn094, wn068, wn284, wn007, wn054).

Then ``random.Random(2919).sample(sorted(pool ids), 15)``.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import judged_round18_draw as d  # noqa: E402
import speakers_eval as se  # noqa: E402

JUDGE19 = ("wn088", "wn129", "wn079", "wn189", "wn266", "wn135", "wn118", "wn094", "wn068", "wn284",
           "wn007", "wn054")
SEED, N = 2919, 15


def _speaks(text: str) -> bool:
    return text.count('"') + text.count("“") >= 2 or " said" in text


def draw(start: str = "51b095f") -> dict:
    """The pool's stages and the drawn rows (each a row of the Wikinews sample with its ``id``)."""
    rows = d.wikinews_rows()
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", start], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        tree = Path(tmp)
        named = d.named(tree)
        root, se.ROOT = se.ROOT, tree
        try:
            before = se._read_before()
        finally:
            se.ROOT = root
        everything = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                               for p in sorted(tree.rglob("*")) if p.is_file())
    speakers18 = set(d.draw()["speakers18"]) if start != "22b5314" else set()
    ids = set(re.findall(r"\bwn\d{3}\b", named))
    all_ids = set(re.findall(r"\bwn\d{3}\b", everything))
    unread = [r for r in rows if not d.read_before(r, named, ids) and not se._seen(r["text"], before)
              and r["id"] not in speakers18]
    short = [r for r in unread if len(r["text"]) < 1500 and _speaks(r["text"])]
    strict = [r for r in short if not d.read_before(r, everything, all_ids) and not se._seen(r["text"], everything)]
    pool = [r for r in strict if r["id"] not in JUDGE19]
    by_id = {r["id"]: r for r in pool}
    drawn = random.Random(SEED).sample(sorted(by_id), N)
    return {"rows": len(rows), "unread": len(unread), "short": len(short), "strict": len(strict),
            "judge19_in_short": sorted(set(JUDGE19) & {r["id"] for r in short}), "pool": len(pool),
            "drawn": [by_id[i] for i in drawn]}


def write(drawn: list[dict], pool: int) -> None:
    se.ROUNDS.mkdir(parents=True, exist_ok=True)
    with open(se.ROUNDS / "CREDITS.md", "a", encoding="utf-8") as credits:
        credits.write(f"\n## Round 19 (drawn with bench/speakers_round19_draw.py, seed {SEED}: {pool} short "
                      f"Wikinews articles unread)\n\n")
        for row in drawn:
            name = se._slug(row["title"])
            path = se.ROUNDS / f"{name}.txt"
            assert not path.exists(), path
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(f"{row['title'].strip()}.\n\n{row['text'].strip()}")
            credits.write(f'- `{name}.txt` ({row["id"]}): "{row["title"].strip()}", Wikinews, {row["date"][:10]}, '
                          f'{row["url"]}\n')


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--start", default="51b095f", help="the commit whose tree decides what was read")
    parser.add_argument("--write", action="store_true", help="write the fixtures and credits")
    args = parser.parse_args(argv)
    got = draw(args.start)
    print(f"Wikinews rows {got['rows']}; unread at {args.start} {got['unread']}; under 1,500 characters with "
          f"speech {got['short']}; unread over the whole tree {got['strict']}; judge19's among the short: "
          f"{' '.join(got['judge19_in_short']) or 'none'}; pool {got['pool']}")
    print(f"random.Random({SEED}).sample(sorted(pool), {N}):")
    for row in got["drawn"]:
        print(f"  {row['id']}  {len(row['text']):5d} chars  {se._slug(row['title'])}  {row['date'][:10]}  {row['url']}")
    if args.write:
        write(got["drawn"], got["pool"])


if __name__ == "__main__":
    main()
