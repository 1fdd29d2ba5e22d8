"""Quote links: newstrace's statements and two reference rules, scored on a labelled set.

    python bench/quote_links.py predict INPUT OUT [--grain fragment|attribution] > PRED.jsonl
    python bench/quote_links.py reference INPUT quotebank|memetracker > PRED.jsonl
    python bench/quote_links.py table NAME INPUT OUT SET [NAME INPUT OUT SET ...]   # the rows
    python bench/quote_links.py materialise SET INPUT DIR   # a copy of SET with each `text`

``predict`` turns a run's exports into predicted mentions with offsets into the input
files. ``--grain attribution`` is what ../shared/tools/statement_mentions.py does (every
content fragment of an attribution under its one ``statement``); ``--grain fragment``
reads the ``statements`` field of attributions.jsonl (each statement a quoted fragment
holds, with the span of its words). ``reference`` clusters every quotation a regex finds
(straight or curly double marks, one line, at least five words: the quote-links README's
mention) by Quotebank's rule (the same text after lower-casing and dropping punctuation)
or MemeTracker's (a shared run of ten words, or one inside the other).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
# straight or curly double marks, and the New York Times archive's ''doubled apostrophes''
_QUOTE = re.compile(r"[\"“”]([^\"“”\n]+)[\"“”]|''([^'\n](?:[^\n]*?[^'\n])?)''|``([^\n]+?)''")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def inputs(src: Path) -> dict[str, str]:
    """Article id (path relative to ``src`` without extension, newstrace's id) -> text."""
    texts = {}
    for f in sorted(src.rglob("*.txt")):
        texts[str(f.relative_to(src).with_suffix(""))] = f.read_text(encoding="utf-8")
    for f in sorted(src.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts[row["id"]] = row["text"]
    return texts


def _nearest(original: str, piece: str, at: int) -> int | None:
    best, pos = None, original.find(piece)
    while pos != -1:
        if best is None or abs(pos - at) < abs(best - at):
            best = pos
        pos = original.find(piece, pos + 1)
    return best


def predict(src: Path, out: Path, grain: str = "fragment"):
    """Predicted mentions of a run, with offsets into the input files."""
    originals = inputs(src)
    stored = {}
    for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        stored[row["id"]] = row["text"]
    for line in (out / "attributions.jsonl").read_text(encoding="utf-8").splitlines():
        at = json.loads(line)
        art = at["article"]
        if art not in originals:
            continue
        if grain == "attribution":
            pieces = [(s, e, at["statement"]) for s, e in at["content"]] if at.get("statement") else []
        else:
            pieces = [(m["span"][0], m["span"][1], m["statement"]) for m in at.get("statements") or []]
        for s, e, cluster in pieces:
            piece = stored[art][s:e]
            if piece.strip():
                best = _nearest(originals[art], piece, s)
                if best is not None:
                    yield {"article": art, "start": best, "end": best + len(piece), "cluster": cluster}


def quotations(texts: dict[str, str]):
    """Every quotation of five words or more that the regex finds: (article, start, end, words)."""
    for art, text in texts.items():
        for m in _QUOTE.finditer(text):
            g = next(i for i in range(1, 4) if m.group(i) is not None)
            words = [w.lower().replace("’", "'") for w in _WORD.findall(m.group(g))]
            if len(words) >= 5:
                yield art, m.start(g), m.end(g), words


def _run(a: list[str], b: list[str], n: int) -> bool:
    grams = {tuple(a[i:i + n]) for i in range(len(a) - n + 1)}
    return any(tuple(b[i:i + n]) in grams for i in range(len(b) - n + 1))


def _inside(a: list[str], b: list[str]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    k = len(short)
    return any(long[i:i + k] == short for i in range(len(long) - k + 1))


def reference(src: Path, rule: str):
    found = list(quotations(inputs(src)))
    parent = list(range(len(found)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if rule == "quotebank":
        first: dict[str, int] = {}
        for i, (*_, words) in enumerate(found):
            parent[i] = root(first.setdefault(" ".join(words), i))
    else:
        # candidates share a 5-word run (implied by containment of a 5-word quote or a
        # 10-word run), then the rule itself decides
        index: dict[tuple, list[int]] = {}
        for i, (*_, words) in enumerate(found):
            for k in range(len(words) - 4):
                index.setdefault(tuple(words[k:k + 5]), []).append(i)
        for ids in index.values():
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    i, j = ids[x], ids[y]
                    if root(i) != root(j) and (_run(found[i][3], found[j][3], 10) or _inside(found[i][3], found[j][3])):
                        parent[root(i)] = root(j)
    for i, (art, s, e, _) in enumerate(found):
        yield {"article": art, "start": s, "end": e, "cluster": f"r{root(i)}"}


def _score(pred: list[dict], labelled: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.writelines(json.dumps(p) + "\n" for p in pred)
    result = subprocess.run([sys.executable, str(SHARED / "bench" / "quote_links_eval.py"), f.name,
                             "--set", str(labelled)], capture_output=True, text=True, check=True)
    Path(f.name).unlink()
    return json.loads(result.stdout)


def table(sets: list[tuple[str, Path, Path, Path]]) -> None:
    """Rows for each set: (name, input folder, a run's exports, labelled set)."""
    print("| set | system | pairwise P / R / F1 | B-cubed F1 | hard negatives merged | aligned |")
    print("|---|---|---|---|---|---|")
    for name, src, out, labelled in sets:
        systems = [("Quotebank's rule (exact after normalising)", list(reference(src, "quotebank"))),
                   ("MemeTracker's rule (10-word run or containment)", list(reference(src, "memetracker"))),
                   ("newstrace, fragments (`statements` field)", list(predict(src, out, "fragment"))),
                   ("newstrace, attributions (`statement`, statement_mentions.py)",
                    list(predict(src, out, "attribution")))]
        for system, pred in systems:
            r = _score(pred, labelled)
            pw = r["pairwise"]
            print(f"| {name} | {system} | {pw['precision']:.3f} / {pw['recall']:.3f} / **{pw['f1']:.3f}** |"
                  f" {r['bcubed']['f1']:.3f} | {r['hard_negatives_merged']} | {r['gold_mentions_aligned']} |")


def main(argv: list[str]) -> None:
    if argv[0] == "predict":
        grain = argv[argv.index("--grain") + 1] if "--grain" in argv else "fragment"
        for row in predict(Path(argv[1]), Path(argv[2]), grain):
            print(json.dumps(row))
    elif argv[0] == "reference":
        for row in reference(Path(argv[1]), argv[2]):
            print(json.dumps(row))
    elif argv[0] == "materialise":
        texts = inputs(Path(argv[2]))
        out = Path(argv[3])
        out.mkdir(parents=True, exist_ok=True)
        for name in ("gold.jsonl", "hard_negatives.jsonl"):
            rows = [json.loads(line) for line in (Path(argv[1]) / name).read_text(encoding="utf-8").splitlines()]
            for row in rows:
                for m in (row, row.get("a"), row.get("b")):
                    if m and "article" in m:
                        m["text"] = texts[m["article"]][m["start"]:m["end"]]
            (out / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif argv[0] == "table":
        sets = []
        for i in range(1, len(argv), 4):
            sets.append((argv[i], Path(argv[i + 1]), Path(argv[i + 2]), Path(argv[i + 3])))
        table(sets)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
