"""How far PolNeAR's annotators agree with each other, and the tagger with each of them,
scored by the shared scorer on the articles that several annotators marked.

    python bench/annotator_agreement.py [--model default|fast|accurate|none] [--json] [SPLIT ...]

SPLIT folders default to PolNeAR train and dev (never test). In them, 18 articles have
5 or 6 annotators' .ann files. Each ordered pair of annotators (A as gold, B as
prediction) counts once, pooled over articles like the scorer's micro average; so does
the tagger against every annotator of the same articles. This puts the scorer's figures
in proportion: an annotator who matches another annotator's every span exactly is rare,
and the tagger is trained on one annotator per article.

The tagger has seen the train articles (their first annotator's marks) in training; the
dev articles it has not.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from newstrace.extract.tagger import VARIANTS  # noqa: E402

# the rows issue 3 sets goals for, then the rest of the scorer's table
ROWS = ["attribution/partial", "content/exact", "content/overlap", "source/partial",
        "cue/exact", "direct/attribution/exact", "attribution/exact", "source/exact",
        "cue/partial", "content/partial", "direct/attribution/partial"]


def scorer():
    sys.path.insert(0, str(SHARED / "bench"))
    import attribution_eval

    return attribution_eval


def multi_annotated(split: Path) -> dict[str, list[Path]]:
    """Article name -> its .ann files (sorted), for the articles with two or more."""
    anns: dict[str, list[Path]] = defaultdict(list)
    for p in sorted((split / "attributions").glob("*.ann")):
        anns[p.stem.rsplit("_", 1)[0]].append(p)
    return {name: files for name, files in anns.items() if len(files) > 1}


def tag(texts: dict[str, str], model: str) -> dict[str, list]:
    """The tagger's SpanAttributions for each text, by name."""
    from newstrace.extract.tagger import load_tagger

    names = sorted(texts)
    return dict(zip(names, load_tagger(model, threads=2).extract([texts[n] for n in names])))


def agreement(splits: list[Path], model: str | None) -> dict:
    ae = scorer()
    annotations: dict[str, tuple[str, list]] = {}  # name -> (text, [attributions per annotator])
    for split in splits:
        for name, files in multi_annotated(split).items():
            text = ae.read_text(split / "text" / f"{name}.txt")
            annotations[name] = (text, [ae.read_brat(f, text)[0] for f in files])
    pairs_gold, pairs_pred = {}, {}
    for name, (text, marks) in annotations.items():
        for i, j in itertools.permutations(range(len(marks)), 2):
            key = f"{name}#{i}-{j}"
            pairs_gold[key] = ae.Article(key, text, gold=marks[i])
            pairs_pred[key] = marks[j]
    result = {"articles": len(annotations),
              "annotations": sum(len(m) for _, m in annotations.values()),
              "annotator_pairs": len(pairs_gold),
              "annotators": _f1(ae.evaluate(pairs_gold, pairs_pred))}
    if model:
        predicted = tag({n: t for n, (t, _) in annotations.items()}, model)
        gold, pred = {}, {}
        for name, (text, marks) in annotations.items():
            spans = [ae.make_attribution(text, {r: getattr(a, r) for r in ae.ROLES})
                     for a in predicted[name]]
            spans = [a for a in spans if a.content]
            for i, m in enumerate(marks):
                key = f"{name}#{i}"
                gold[key] = ae.Article(key, text, gold=m)
                pred[key] = spans
        result[f"tagger-{model}"] = _f1(ae.evaluate(gold, pred))
    return result


def _f1(evaluation: dict) -> dict[str, float]:
    return {row: round(evaluation["scores"][row]["f1"], 3) for row in ROWS}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("splits", nargs="*", type=Path,
                    default=[SHARED / "corpora/polnear/train", SHARED / "corpora/polnear/dev"])
    ap.add_argument("--model", default="default", choices=[*VARIANTS, "none"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = agreement(args.splits, None if args.model == "none" else args.model)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{result['articles']} articles with several annotators, "
          f"{result['annotations']} annotations, {result['annotator_pairs']} ordered pairs")
    columns = [k for k in result if k == "annotators" or k.startswith("tagger-")]
    print(f"{'F1 (shared scorer)':28s}" + "".join(f"{c:>16s}" for c in columns))
    for row in ROWS:
        print(f"{row:28s}" + "".join(f"{result[c][row]:16.3f}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
