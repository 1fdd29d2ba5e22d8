"""A judged round's gold in the other reading of one-sentence-a-line texts (issue 28).

ECB+ texts hold one sentence a line and no mark of paragraphs. Rounds 15-17's judges read a
quotation on a line after its cue's line (same speaker, no cue of its own) as a further content
fragment of that attribution (lines as sentences of one paragraph); rounds 1-13's gold reads the
same layout in PTC texts the other way, 98 times: such a quotation is a cue-less attribution of
its own that carries the running speaker (lines as paragraphs), which is also what newstrace
returns (docs/extraction.md, "Quotations on the next line where lines are sentences"). This
script writes the second reading mechanically from the first, without running the extractor:
a content fragment on a line that holds neither the attribution's cue nor its source becomes a
cue-less, source-less attribution with the same speaker (kind direct when it opens with a
quotation mark).

    python bench/judged_paragraph_reading.py tests/gold/judged_round16.jsonl tests/gold/judged_round16_paragraphs.jsonl
    python bench/judged_paragraph_reading.py tests/gold/judged_round17.jsonl tests/gold/judged_round17_paragraphs.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ECB_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "ecbplus-dev" / "text"
QUOTE_MARKS = "\"“‘'"


def paragraph_reading(row: dict, text: str) -> tuple[dict, int]:
    """``row`` with later-line fragments as attributions of their own, and how many moved."""
    def line(i: int) -> int:
        return text.count("\n", 0, i)

    attributions, moved = [], 0
    for a in row["attributions"]:
        roles = a["cue"] + a["source"]
        home = {line(s) for s, _ in roles} | {line(e - 1) for _, e in roles}
        if not home or len(a["content"]) < 2:
            attributions.append(a)
            continue
        keep, rest = [], []
        for s, e in a["content"]:
            (keep if line(s) in home or not keep else rest).append([s, e])
        attributions.append(dict(a, content=keep))
        for s, e in rest:
            attributions.append({"source": [], "cue": [], "content": [[s, e]],
                                 "kind": "direct" if text[s] in QUOTE_MARKS else a["kind"],
                                 "speaker": a.get("speaker", "")})
            moved += 1
    attributions.sort(key=lambda a: a["content"][0][0])
    return dict(row, attributions=attributions, part=row["part"] + "-paragraphs"), moved


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    rows, moved = [], 0
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            text = (ECB_DEV / f"{row['id']}.txt").read_text(encoding="utf-8")
            row, n = paragraph_reading(row, text)
            rows.append(row)
            moved += n
    Path(target).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} articles; {moved} later-line fragments made cue-less attributions")


if __name__ == "__main__":
    main()
