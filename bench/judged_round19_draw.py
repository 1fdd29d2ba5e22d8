"""The draw of held-out judged round 19 (issue 28; docs/extraction.md, "Round 19"), reproducible.

    python bench/judged_round19_draw.py [--start 51b095f]

Prints counts, ids, titles, dates, URLs and character counts only, never an article's text.
Round 19 is twelve Wikinews articles (../shared/corpora/wikinews, CC BY 2.5; ids ``wnNNN`` as
bench/wikinews_jsonl.py numbers the rows):

1. the eleven that judged round 18's draw left unopened, in its order: places 13-23 of
   ``random.Random(1818).sample(sorted(rest), 23)`` over main 22b5314's tree
   (bench/judged_round18_draw.py, ``draw("22b5314", 11)``: its ``rest`` is 23, so this is the whole
   rest), which docs/extraction.md's round 18 section names as "the next in the same order";
2. and the shortest Wikinews article of more than 5,000 characters of text (longer than round 18's
   pool allowed) that the tree of ``--start`` does not name and holds no sentence of.

Each of the twelve is checked unread at ``--start`` (main 51b095f, this round's starting state,
exported with ``git archive``: nothing added since counts) as bench/judged_round18_draw.py checks:
no sentence of 40 characters or more of its text stands in the tree's tests, docs, bench, examples
or README (``speakers_eval._seen``), and neither its URL, page name, title or title slug
(``read_before``) stands there. Its ``wnNNN`` id may stand there for the eleven, and only in
docs/extraction.md: that file lists them by id as the round 18 draw's next, unopened places (an id
says nothing of a text); for the twelfth no id is expected either. The script fails (exit status 1)
on anything else.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import judged_round18_draw as round18  # noqa: E402
import speakers_eval  # noqa: E402

# judged round 18's draw, places 13-23 (docs/extraction.md: "the next in the same order")
NEXT_OF_ROUND18 = ["wn088", "wn129", "wn079", "wn189", "wn266", "wn135", "wn118", "wn094", "wn068", "wn284", "wn007"]
LONG = 5000  # the twelfth: the shortest unread article of more than this many characters of text


def _tree(start: str, tmp: str) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", start], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
    return Path(tmp)


def _files_naming(tree: Path, wid: str) -> list[str]:
    """The files of the tree's tests, docs, bench, examples and README that name ``wid``."""
    pattern = re.compile(rf"\b{wid}\b")
    paths = [p for folder in ("tests", "docs", "bench", "examples") for p in sorted((tree / folder).rglob("*"))
             if p.is_file()] + [tree / "README.md"]
    return [str(p.relative_to(tree)) for p in paths if pattern.search(p.read_text(encoding="utf-8", errors="replace"))]


def draw(start: str = "51b095f") -> dict:
    """The round's twelve over the tree of commit ``start``, each with why it is unread; and, for
    the twelfth, every shorter article over 5,000 characters with why it was passed over. Nothing
    is printed."""
    rows = round18.wikinews_rows()
    by_id = {row["id"]: row for row in rows}
    order18 = [row["id"] for row in round18.draw("22b5314", len(NEXT_OF_ROUND18))["order"]]
    with tempfile.TemporaryDirectory() as tmp:
        tree = _tree(start, tmp)
        root, speakers_eval.ROOT = speakers_eval.ROOT, tree
        try:
            before = speakers_eval._read_before()
        finally:
            speakers_eval.ROOT = root
        text = round18.named(tree)
        ids = set(re.findall(r"\bwn\d{3}\b", text))

        def unread(row: dict) -> dict:
            return {"named": round18.read_before(row, text, ids), "seen": speakers_eval._seen(row["text"], before),
                    "files": _files_naming(tree, row["id"]) if row["id"] in ids else []}

        passed, long = [], None
        for row in sorted((r for r in rows if len(r["text"]) > LONG), key=lambda r: (len(r["text"]), r["id"])):
            why = unread(row)
            if why["named"] or why["seen"]:
                passed.append((row["id"], len(row["text"]), why))
                continue
            long = row
            break
        drawn = [by_id[i] for i in NEXT_OF_ROUND18] + ([long] if long else [])
        checks = {row["id"]: unread(row) for row in drawn}
        docs = (tree / "docs" / "extraction.md").read_text(encoding="utf-8")
    listed = re.search(r"the next in the same order \(([^)]*)\)", docs)
    return {"rows": len(rows), "round18_order": order18, "listed": re.findall(r"\bwn\d{3}\b", listed[1]) if listed else [],
            "passed": passed, "drawn": drawn, "checks": checks}


def problems(d: dict) -> list[str]:
    """What is wrong with the draw (empty: the twelve are the brief's and each is unread)."""
    out = []
    if d["round18_order"][12:] != NEXT_OF_ROUND18:
        out.append(f"round 18's places 13-23 are {d['round18_order'][12:]}")
    if d["listed"] != NEXT_OF_ROUND18:
        out.append(f"docs/extraction.md's next list is {d['listed']}")
    if len(d["drawn"]) != 12:
        out.append("no unread article over 5,000 characters")
    for k, row in enumerate(d["drawn"]):
        why = d["checks"][row["id"]]
        expected = (["id"], ["docs/extraction.md"]) if k < len(NEXT_OF_ROUND18) else ([], [])
        if (why["named"], why["files"]) != expected or why["seen"]:
            out.append(f"{row['id']}: named {why['named']} in {why['files']}, a sentence in the tree: {why['seen']}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--start", default="51b095f", help="the commit whose tree decides what was read")
    args = parser.parse_args(argv)
    d = draw(args.start)
    print(f"Wikinews rows: {d['rows']}")
    print(f"judged round 18's draw over 22b5314, places 13-23 (never opened): {' '.join(d['round18_order'][12:])}")
    print(f"docs/extraction.md at {args.start} lists them as round 18's next: {' '.join(d['listed'])}")
    print(f"articles over {LONG:,} characters passed over, shorter than the twelfth (named or a sentence in the "
          f"tree at {args.start}): {len(d['passed'])}")
    for wid, n, why in d["passed"]:
        print(f"  {wid}  {n:6d} chars  ({', '.join(why['named'] + (['a sentence'] if why['seen'] else []))})")
    print(f"round 19, the twelve, each checked unread at {args.start}:")
    for k, row in enumerate(d["drawn"]):
        why = d["checks"][row["id"]]
        speaks = row["text"].count('"') + row["text"].count("“") >= 2 or " said" in row["text"]
        note = ("its id stands only in " + ", ".join(why["files"]) + " (round 18's next list: expected)"
                if why["files"] else "not named")
        print(f"  {k + 1:2d} {row['id']}  {len(row['text']):5d} chars  "
              f'"{row["title"].strip()}", Wikinews, {row["date"][:10]}, {row["url"]}')
        print(f"       {note}; URL, page, title, slug named: {[w for w in why['named'] if w != 'id'] or 'none'}; "
              f"a sentence of 40+ characters in the tree: {'yes' if why['seen'] else 'none'}; "
              f"quotation marks or a \" said\": {'yes' if speaks else 'no'}")
    wrong = problems(d)
    for w in wrong:
        print(f"PROBLEM: {w}")
    print("all twelve unread at " + args.start if not wrong else f"{len(wrong)} problems")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
