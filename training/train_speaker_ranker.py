"""Fit the speaker ranker (``newstrace/extract/speakers/ranker.py``): a conditional logit
over each source's candidates, written to ``newstrace/extract/speakers/data/ranker.json``.

    python training/train_speaker_ranker.py            # cross-validate, fit, write the weights
    python training/train_speaker_ranker.py --cv-only  # cross-validate only
    python training/train_speaker_ranker.py --list polnear --kinds he_she,description --sample 40 --seed 1

The labelled sources are (1) every source of the hand-checked speaker gold sets
(``tests/gold/speakers*.jsonl``, the fresh rounds included: a round's figure is held out
only until its misses were read) and (2) PolNeAR train sources labelled by reading for this
ranker (``training/speaker_ranker_labels.jsonl``: article id, source offsets and the
answer, no PolNeAR text). Each article is resolved as the pipeline resolves it, with the
ranker recording each source it would decide and its candidates' features; a candidate is
right when its ``speaker_key`` is the label's; nobody is right for a pronoun labelled null, a
description labelled as itself, and any source whose answer none of the candidates give (a
wrong name is worse than none: it files the words under someone).

``--list`` prints, for labelling by hand, sources the ranker would decide in PolNeAR train
articles (the first annotator's attributions), each with the text before it and the names
the article gives there, never the rules' or the ranker's answer.

Rounds named in ``--exclude-rounds`` are left out (to score a round with weights that never
saw it). Folds for cross-validation are by article. ``--new-only`` keeps the shipped weights
and fits only the features they lack (on every source, the shipped weights' excluded rounds
and ``--exclude-rounds`` left out): a feature added later moves no other weight.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import speakers_eval  # noqa: E402
from newstrace.extract.nlp import analyse  # noqa: E402
from newstrace.extract.speakers import is_short_form_or_equal, ranker, resolve, speaker_key  # noqa: E402
from newstrace.records import SpanAttribution  # noqa: E402

LABELS = ROOT / "training" / "speaker_ranker_labels.jsonl"
POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear"
OUT = ROOT / "newstrace" / "extract" / "speakers" / "data" / "ranker.json"


def gold_files(exclude_rounds: set[int]) -> list[Path]:
    files = [speakers_eval.GOLD, speakers_eval.HELD_OUT, speakers_eval.FRESH, speakers_eval.INTERVIEWS]
    n = 1
    while speakers_eval.round_gold(n).exists():
        if n not in exclude_rounds:
            files.append(speakers_eval.round_gold(n))
        n += 1
    return files


def polnear_article(article: str) -> tuple[str, list[SpanAttribution]]:
    """The text and first annotator's attributions of a PolNeAR article ('train/NAME')."""
    split, name = article.split("/", 1)
    root = POLNEAR / split
    ann = sorted((root / "attributions").glob(f"{name}_*.ann"))[0]
    with open(root / "text" / f"{name}.txt", encoding="utf-8", newline="") as f:
        return f.read(), speakers_eval.polnear_spans(ann)


def record(text: str, atts: list[SpanAttribution]) -> list[dict]:
    """What the ranker records for one article resolved whole."""
    ranker.RECORDED = []
    try:
        resolve(text, atts, analyse(text))
        return ranker.RECORDED
    finally:
        ranker.RECORDED = None


def _match(recorded: list[dict], source: list) -> dict | None:
    if not source:
        return None
    lo, hi = min(s for s, _ in source), max(e for _, e in source)
    return next((r for r in recorded if lo <= r["start"] < hi), None)


def examples(exclude_rounds: set[int] = frozenset()) -> list[dict]:
    """One example per labelled source the ranker decides: its article, kind, features and
    which candidates are right."""
    labelled: dict[str, list[dict]] = {}
    for path in gold_files(set(exclude_rounds)):
        for article, rows in speakers_eval.load_gold(path).items():
            labelled.setdefault(article, []).extend(dict(r, gold_set=path.stem) for r in rows)
    polnear_rows: dict[str, list[dict]] = {}
    if LABELS.exists():
        with open(LABELS, encoding="utf-8") as f:
            for r in map(json.loads, filter(str.strip, f)):
                polnear_rows.setdefault(r["article"], []).append(r)
    out = []
    for article, rows in labelled.items():
        text = speakers_eval.article_text(article)
        atts = [SpanAttribution([tuple(x) for x in r["source"]], [tuple(x) for x in r["cue"]],
                                [tuple(x) for x in r["content"]]) for r in rows]
        rec = record(text, atts)
        for r in rows:
            ex = _example(rec, r, r["speaker"], article, r["gold_set"])
            if ex:
                out.append(ex)
    for article, rows in polnear_rows.items():
        text, atts = polnear_article(article)
        rec = record(text, atts)
        for r in rows:
            ex = _example(rec, r, r["answer"], article, "polnear_labels")
            if ex:
                out.append(ex)
    return out


def _example(recorded: list[dict], row: dict, answer: str | None, article: str, gold_set: str) -> dict | None:
    rec = _match(recorded, row["source"])
    if rec is None:
        return None
    keys = {speaker_key(a) for a in [answer, *row.get("accept", ())] if a}
    right = [i for i, (name, kind) in enumerate(rec["candidates"]) if kind != "none" and speaker_key(name) in keys]
    if not right and gold_set == "polnear_labels" and answer:
        # a label read by hand may give a name shorter or longer than the article's fullest
        right = [i for i, (name, kind) in enumerate(rec["candidates"]) if kind in ("person", "org", "place")
                 and (is_short_form_or_equal(answer, name) or is_short_form_or_equal(name, answer))]
    reachable = bool(right)
    if not right:
        # nobody: no speaker, or the description kept; also where the answer is none of the
        # candidates, for a wrong name is worse than none (it files words under someone)
        right = [0]
    return {"article": article, "kind": rec["kind"], "features": rec["features"], "right": right,
            "gold_set": gold_set, "reachable": reachable, "rule": _rule_index(rec), "source": rec["source"],
            "start": rec["start"], "names": [name for name, _ in rec["candidates"]], "answer": answer}


def _rule_index(rec: dict) -> int:
    return next((i for i, f in enumerate(rec["features"]) if f.get("rule") or f.get("none_rule")), 0)


def matrices(exs: list[dict], names: list[str]) -> list[tuple[np.ndarray, list[int]]]:
    index = {n: i for i, n in enumerate(names)}
    out = []
    for ex in exs:
        x = np.zeros((len(ex["features"]), len(names)))
        for i, f in enumerate(ex["features"]):
            for k, v in f.items():
                if k in index:
                    x[i, index[k]] = v
        out.append((x, ex["right"]))
    return out


def fit(data: list[tuple[np.ndarray, list[int]]], n_features: int, l2: float, steps: int = 600,
        start: np.ndarray | None = None, free: np.ndarray | None = None) -> np.ndarray:
    """Weights of the conditional logit: maximise the log of the probability mass on the
    right candidates, minus ``l2`` times the squared weights (Adam, full batch). With
    ``start`` and ``free`` (a mask), only the free weights move from ``start``."""
    w = np.zeros(n_features) if start is None else start.astype(float).copy()
    m = np.zeros(n_features)
    v = np.zeros(n_features)
    data = [(x, r) for x, r in data if r]
    for t in range(1, steps + 1):
        grad = 2 * l2 * w
        for x, right in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = np.zeros_like(p)
            q[right] = p[right] / p[right].sum()
            grad -= x.T @ (q - p)
        grad /= len(data)
        if free is not None:
            grad = grad * free
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def accuracy(data, w, exs) -> dict[str, list[int]]:
    scores: dict[str, list[int]] = {}
    for (x, right), ex in zip(data, exs):
        best = int(np.argmax(x @ w))
        for key in ("all", ex["kind"]):
            s = scores.setdefault(key, [0, 0, 0])
            s[0] += best in right
            s[1] += ex.get("rule", 0) in right  # the rules' answer
            s[2] += 1
    return scores


def cross_validate(exs: list[dict], names: list[str], l2: float, folds: int = 5,
                   start: np.ndarray | None = None, free: np.ndarray | None = None) -> dict[str, list[int]]:
    articles = sorted({e["article"] for e in exs})
    random.Random(28).shuffle(articles)
    fold_of = {a: i % folds for i, a in enumerate(articles)}
    total: dict[str, list[int]] = {}
    for k in range(folds):
        train = [e for e in exs if fold_of[e["article"]] != k]
        test = [e for e in exs if fold_of[e["article"]] == k]
        w = fit(matrices(train, names), len(names), l2, start=start, free=free)
        for key, s in accuracy(matrices(test, names), w, test).items():
            t = total.setdefault(key, [0, 0, 0])
            for i in range(3):
                t[i] += s[i]
    return total


def list_for_labelling(kinds: set[str], sample: int, seed: int, skip: set[str], pattern: str = "") -> None:
    """Sources the ranker would decide in random PolNeAR train articles, with their context."""
    names = sorted(p.stem for p in (POLNEAR / "train" / "text").glob("*.txt"))
    rng = random.Random(seed)
    rng.shuffle(names)
    shown = 0
    for name in names:
        article = f"train/{name}"
        if article in skip:
            continue
        text, atts = polnear_article(article)
        seen: set[int] = set()
        rec = [r for r in record(text, atts) if r["kind"] in kinds and re.match(pattern, r["source"])
               and not (r["start"] in seen or seen.add(r["start"]))]
        if not rec:
            continue
        rec = rng.sample(rec, min(2, len(rec)))
        doc = analyse(text)
        ents = [(e.start_char, e.text, e.label_) for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
        for r in rec:
            ctx_lo = max(0, r["start"] - 700)
            shown += 1
            print(f"\n##### {shown} {article} [{r['start']}, {r['end']}] kind={r['kind']} source={r['source']!r}")
            print("HEAD:", text[:200].replace("\n", " / "))
            print("BEFORE:", text[ctx_lo:r["start"]].replace("\n", " / "), "[[" + text[r["start"]:r["end"]] + "]]",
                  text[r["end"]:r["end"] + 150].replace("\n", " / "))
            reach = 10**9 if r["kind"] == "description" else 3000
            print("NAMES:", "; ".join(sorted({f"{t} ({lab})" for s, t, lab in ents
                                              if r["start"] - reach < s < r["start"] + 400 and lab != "GPE"})))
            if shown >= sample:
                return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--exclude-rounds", default="", help="rounds left out, e.g. 4,5")
    parser.add_argument("--new-only", action="store_true",
                        help="keep the shipped weights and fit only the features they lack (a feature added "
                             "later moves nothing else)")
    parser.add_argument("--list", choices=["polnear"])
    parser.add_argument("--kinds", default="he_she,they_it,relative,description")
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pattern", default="", help="with --list: only sources that match this regular expression")
    args = parser.parse_args()
    if args.list:
        skip = set()
        if LABELS.exists():
            with open(LABELS, encoding="utf-8") as f:
                skip = {json.loads(line)["article"] for line in f if line.strip()}
        list_for_labelling(set(args.kinds.split(",")), args.sample, args.seed, skip, args.pattern)
        return
    t0 = time.time()
    exclude = {int(x) for x in args.exclude_rounds.split(",") if x}
    shipped = json.loads(OUT.read_text(encoding="utf-8")) if args.new_only else None
    if shipped:  # the rounds the shipped weights never saw stay unseen
        exclude |= set(shipped["excluded_rounds"])
    exs = examples(exclude)
    usable = [e for e in exs if e["right"]]
    names = sorted({k for e in usable for f in e["features"] for k in f})
    print(f"{len(exs)} sources the ranker decides, {len(usable)} usable "
          f"({sum(e['reachable'] for e in usable)} with the answer among the candidates); "
          f"{len(names)} features; {time.time() - t0:.0f} s to read")
    for kind in ("he_she", "they_it", "relative", "description"):
        n = [e for e in usable if e["kind"] == kind]
        print(f"  {kind:12} {len(n)}")
    start = free = None
    if shipped:
        start = np.array([shipped["weights"].get(n, 0.0) for n in names])
        free = np.array([0.0 if n in shipped["weights"] else 1.0 for n in names])
    cv = cross_validate(usable, names, args.l2, start=start, free=free)
    print(f"5-fold cross-validation by article (l2 {args.l2}): ranker right / rules' answer right / sources")
    for key, (r, rule, n) in sorted(cv.items()):
        print(f"  {key:12} {r:4d} {rule:4d} {n:4d}   {r / n:.3f} vs {rule / n:.3f}")
    if args.cv_only:
        return
    w = fit(matrices(usable, names), len(names), args.l2, start=start, free=free)
    fitted = accuracy(matrices(usable, names), w, usable)
    weights = {n: round(float(x), 4) for n, x in zip(names, w) if abs(x) >= 1e-4}
    OUT.write_text(json.dumps({
        "about": "speaker ranker weights (newstrace/extract/speakers/ranker.py), fitted by "
                 "training/train_speaker_ranker.py on the speaker gold sets and training/speaker_ranker_labels.jsonl",
        "sources": shipped["sources"] if shipped else len(usable), "l2": shipped["l2"] if shipped else args.l2,
        "excluded_rounds": sorted(exclude),
        **({"fitted_alone": {"features": sorted(n for n, f in zip(names, free) if f), "sources": len(usable),
                             "l2": args.l2, "folds_with_shipped_weights": {k: v[0] / v[2] for k, v in cv.items()}}}
           if shipped else {}),
        # (with the shipped weights kept, the folds are no cross-validation of theirs: theirs are kept)
        "cross_validated": shipped["cross_validated"] if shipped else {k: v[0] / v[2] for k, v in cv.items()},
        "weights": weights}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"fitted on all: {fitted['all'][0]}/{fitted['all'][2]}; {len(weights)} weights written to {OUT}")


if __name__ == "__main__":
    main()
