"""Accuracy of the trained tagger on PolNeAR dev, with the shared scorer.

    python bench/eval_extractor.py --model default [--out pred.jsonl] [--json] [--no-rerank]

Runs the tagger on GOLD/text/*.txt (offsets into the files as read: UTF-8, no newline
translation), writes predictions in the scorer's JSONL format and prints the scorer's
tables (../shared/bench/attribution_eval.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from newstrace.extract.tagger import VARIANTS  # noqa: E402


def predict(gold: Path, model: str, out: Path, threads: int, weights: str | None,
            backend: str | None, rerank: bool = True) -> float:
    from newstrace.extract.tagger import Tagger, load_tagger

    if rerank:
        tagger = load_tagger(model, threads=threads, backend=backend, weights=weights)
    else:  # the calibrated cue cut-off alone, also where the recipe names a reranker
        tagger = Tagger(model, threads=threads, backend=backend, weights=weights, rerank=False)
    paths = sorted((gold / "text").glob("*.txt"))
    texts = [p.read_bytes().decode("utf-8") for p in paths]
    t0 = time.time()
    with out.open("w", encoding="utf-8") as fh:
        for p, spans in zip(paths, tagger.extract(texts)):
            fh.write(json.dumps({"id": p.stem, "attributions": [
                {"source": [list(f) for f in a.source], "cue": [list(f) for f in a.cue],
                 "content": [list(f) for f in a.content]} for a in spans]}) + "\n")
    return time.time() - t0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(SHARED / "corpora/polnear/dev"))
    ap.add_argument("--model", default="default", choices=VARIANTS)
    ap.add_argument("--out", default="")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--weights", default=None, help="weights folder (default: shipped)")
    ap.add_argument("--backend", default=None, choices=["onnx", "torch"])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-rerank", action="store_true",
                    help="the cue cut-off alone, also where the model's recipe names a reranker")
    args = ap.parse_args(argv)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp()) / f"pred_{args.model}.jsonl"
    secs = predict(Path(args.gold), args.model, out, args.threads, args.weights, args.backend,
                   rerank=not args.no_rerank)
    print(f"predictions: {out} ({secs:.1f}s)", file=sys.stderr)
    cmd = [sys.executable, str(SHARED / "bench/attribution_eval.py"), args.gold, str(out)]
    if args.json:
        cmd.append("--json")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
