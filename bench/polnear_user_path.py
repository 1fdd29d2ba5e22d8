"""PolNeAR dev, the user path: the tagger's spans through ``attribution_conventions``, then the shared scorer.

    python bench/eval_extractor.py --model default --out /tmp/pred.jsonl
    python bench/polnear_user_path.py /tmp/pred.jsonl /tmp/user.jsonl [--list /tmp/user.tsv]

``eval_extractor.py`` scores the tagger's spans as ``newstrace extract --format spans`` prints
them; users get those spans after ``newstrace.extract.attribution_conventions`` (the rules
that drop predicates reporting no speech, nested attributions and the rest). This reads the
spans file ``eval_extractor.py --out`` wrote, runs the conventions over each dev text, writes
the result in the scorer's JSONL format and prints the scorer's figures (attribution partial,
content exact). ``--list`` writes one line per attribution kept (id, content start, source,
cue, content), to compare two versions line by line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def main(argv=None) -> int:
    from newstrace.extract import attribution_conventions
    from newstrace.records import SpanAttribution

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", help="eval_extractor.py --out file (the tagger's spans)")
    ap.add_argument("out", help="where to write the user path's attributions (scorer JSONL)")
    ap.add_argument("--gold", default=str(SHARED / "corpora/polnear/dev"))
    ap.add_argument("--list", default="", help="one line per attribution kept")
    args = ap.parse_args(argv)
    gold, out = Path(args.gold), Path(args.out)
    lines = []
    with out.open("w", encoding="utf-8") as fh:
        for line in Path(args.pred).open(encoding="utf-8"):
            d = json.loads(line)
            text = (gold / "text" / (d["id"] + ".txt")).read_bytes().decode("utf-8")
            spans = [SpanAttribution([tuple(x) for x in a["source"]], [tuple(x) for x in a["cue"]],
                                     [tuple(x) for x in a["content"]]) for a in d["attributions"]]
            res = attribution_conventions(text, [s for s in spans if s.content])
            fh.write(json.dumps({"id": d["id"], "attributions": [
                {"source": [list(f) for f in a.source], "cue": [list(f) for f in a.cue],
                 "content": [list(f) for f in a.content]} for a in res]}) + "\n")
            for a in res:
                g = lambda sp: " | ".join(text[s:e] for s, e in sp).replace("\n", "⏎")  # noqa: E731
                lines.append(f"{d['id']}\t{a.content[0][0] if a.content else -1}\tSRC={g(a.source)}\t"
                             f"CUE={g(a.cue)}\tCONT={g(a.content)[:100]}")
    if args.list:
        Path(args.list).write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    res = subprocess.run([sys.executable, str(SHARED / "bench/attribution_eval.py"), str(gold), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    s = json.loads(res.stdout)
    att, con = s["scores"]["attribution/partial"], s["scores"]["content/exact"]
    print(f"attribution partial F1 {att['f1']:.4f} (P {att['precision']:.4f}, R {att['recall']:.4f}); "
          f"content exact F1 {con['f1']:.4f}; {len(lines)} predicted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
