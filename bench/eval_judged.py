"""Attributions, kinds and citations on the hand-judged PTC sample (issue 28).

    python bench/eval_judged.py [--part round19|rounds1-18|round18|rounds1-17|round17|round17-paragraphs|rounds1-16|round16|round16-paragraphs|rounds1-15|round15|rounds1-14|round14|rounds1-13|round13|rounds1-12|round12|rounds1-11|round11|rounds1-10|round10|rounds1-9|round9|rounds1-8|round8|rounds1-7|round7|round6|rounds1-6|round5|rounds1-5|rounds1-4|round4|round3|round2|round1|held-out|round1-held-out|dev|all] [--model default] [--show] [--json]

The gold (``tests/gold/ptc_judged.jsonl``, ``ptc_judged_round2.jsonl``, ``_round3`` and ``_round4``: offsets only,
drawn and annotated as docs/extraction.md says) marks every attribution of the judged PTC
articles, with each attribution's kind and each article's media citations: round 1 (12
articles first held out, then read, and 6 for development: ``--part round1``) and round 2
(12 articles, six commentary pieces and six reports, held out, then read: ``--part round2``) and
round 3 (12 more, drawn the same way, held out, then read: ``--part round3``) and round 4 (12 more,
drawn the same way, held out, then read: ``--part round4``) and round 5 (12 more, drawn the same way,
held out, then read: ``--part round5``) and round 6 (12 more, drawn the same way, held out, then read:
``--part round6``, ``ptc_judged_round6.jsonl``) and round 7 (12 more, drawn the same way, held out:
``--part round7``, ``ptc_judged_round7.jsonl``, read since) and round 8 (12 more, drawn the same way, held
out: ``--part round8``, ``ptc_judged_round8.jsonl``; ``--part rounds1-7`` is the development rounds together,
``--part all`` every round) and round 9 (6 more, three commentary pieces and three reports, drawn the same
way, held out: ``--part round9``, ``ptc_judged_round9.jsonl``; ``--part rounds1-8`` is the development rounds
together) and round 10 (12 more, six commentary pieces and six reports, drawn the same way, held out:
``--part round10``, ``ptc_judged_round10.jsonl``; ``--part rounds1-9`` is the development rounds together) and round 11
(12 more, six commentary pieces and six reports, drawn the same way, held out: ``--part round11``,
``ptc_judged_round11.jsonl``; ``--part rounds1-10`` is the development rounds together) and round 12 (12 more, six
commentary pieces and six reports, drawn the same way from a wider pool, held out: ``--part round12``,
``ptc_judged_round12.jsonl``; ``--part rounds1-11`` is the development rounds together) and round 13 (one commentary
piece: the PTC train articles no earlier round had named or read ran out; held out: ``--part round13``,
``ptc_judged_round13.jsonl``; ``--part rounds1-12`` is the development rounds together) and round 14 (12 articles
from sources no extraction rule was fitted to, PTC train being used up: six ECB+ dev texts, all commentary, and six
Wikinews reports; held out: ``--part round14``, ``judged_round14.jsonl``, whose rows name their ``source``;
``--part rounds1-13`` is the development rounds together) and round 15 (12 ECB+ dev texts, six commentary pieces and
six reports; held out, scored once, read since: ``--part round15``, ``judged_round15.jsonl``; ``--part rounds1-14`` is the development rounds
together) and round 16 (12 more ECB+ dev texts, six commentary pieces and six reports, drawn the same way from the
texts no one had read; held out, scored once at main d3a4274, read since: ``--part round16``, ``judged_round16.jsonl``; ``--part rounds1-15`` is the
development rounds together; ``--part round16-paragraphs`` is round 16's gold in rounds 1-13's reading of texts of one
sentence a line, a quotation on a later line than its cue's an attribution of its own: bench/judged_paragraph_reading.py)
and round 17 (12 more ECB+ dev texts, six commentary pieces and six reports, drawn the same way from places 55-75 of
the same order, the last texts no one had read; held out, scored once at main e9a05ab, read since: ``--part round17``,
``judged_round17.jsonl``; ``--part rounds1-16`` is the development rounds together; ``--part round17-paragraphs`` is
round 17's gold in rounds 1-13's reading, written the same way) and round 18 (12 Wikinews reports, the ECB+ dev pool and
PTC train being spent: drawn by bench/judged_round18_draw.py from the Wikinews articles no one had read, news reports only,
Wikinews having no commentary; held out, scored once at main 7c21427, read since: ``--part round18``, ``judged_round18.jsonl``;
``--part rounds1-17`` is the development rounds together) and round 19 (the eleven Wikinews articles round 18's draw left
unopened and the shortest unread one over 5,000 characters, all reports: drawn by bench/judged_round19_draw.py; held out,
scored once by the lead at main ddedf4f, read since: ``--part round19``, the default, ``judged_round19.jsonl``; ``--part
rounds1-18`` is the development rounds together, ``--part all`` every round, 19 included). A round drawn and judged but
not yet scored goes in ``UNSCORED``, reached by its own part name alone, so that no plain command runs the extractor on
it before its one score. ``--part held-out`` is the latest scored round; round 1's first twelve, which
it named before round 15, are ``--part round1-held-out``. The texts are read from ../shared/corpora/ptc,
../shared/corpora/ecbplus-dev and ../shared/corpora/wikinews (research data and CC BY 2.5 texts, not copied here).

The articles are read as ``newstrace extract --format jsonl`` reads them (the text as in
the file, its first line as the title) and analysed as ``newstrace run`` analyses them
(``newstrace.extract.analyse``: attributions with kinds and speakers, and citations).
Printed:

- the shared scorer's tables (``../shared/bench/attribution_eval.py``) over a gold folder
  written to a temporary directory in PolNeAR's brat format;
- strict precision and recall, each prediction paired one to one with a gold attribution
  (largest content overlap first) and counted right only when their contents and cues
  share a character (or neither has a cue), overall and on commentary and reports;
- content boundaries of the right ones: exact (equal once edge punctuation and white
  space are trimmed, as the scorer trims), slightly off (token F1 >= 0.8), wrong;
- the kind's accuracy on the right ones;
- citations found and missed (an outlet named at a gold citation's place, with the same
  canonical name), and those found where the gold has none (optional gold citations,
  such as photo credits, count neither way).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
# the gold of each round, in order: round 1 (parts "held-out" and "dev"), PTC rounds 2-13,
# rounds 14 (ECB+ dev and Wikinews texts), 15, 16 and 17 (ECB+ dev texts), 18 (Wikinews texts)
GOLD_FILES = [ROOT / "tests" / "gold" / "ptc_judged.jsonl"] + [
    ROOT / "tests" / "gold" / f"ptc_judged_round{n}.jsonl" for n in range(2, 14)] + [
    ROOT / "tests" / "gold" / f"judged_round{n}.jsonl" for n in range(14, 20)]
LAST_ROUND = len(GOLD_FILES)
# rounds drawn and judged but not yet scored (held out): each reached by its own part name alone, never by
# the default part, "held-out" or "all", so that no plain command runs the extractor on them before the lead
# scores them once (then they move into GOLD_FILES; round 19 was here until its score)
UNSCORED: dict[str, Path] = {}


def round_labels(n: int) -> tuple[str, ...]:
    """The ``part`` labels of round ``n``'s gold rows."""
    return ("held-out", "dev") if n == 1 else (f"held-out-{n}",)


# "roundN" alone; "rounds1-N": the rounds before N+1 together (development once N+1 was drawn);
# "held-out": the latest round (held out until it is scored once); "round1-held-out" and "dev":
# round 1's two parts (before round 15, "held-out" named round 1's first part)
ROUND_PARTS = {f"round{n}": round_labels(n) for n in range(1, LAST_ROUND + 1)} | {
    f"rounds1-{m}": tuple(label for n in range(1, m + 1) for label in round_labels(n)) for m in range(4, LAST_ROUND)}
PARTS = ROUND_PARTS | {"held-out": round_labels(LAST_ROUND), "round1-held-out": ("held-out",), "dev": ("dev",)}
# a round's gold in the other reading of one-sentence-a-line texts (bench/judged_paragraph_reading.py:
# a quotation on a later line than its cue's a cue-less attribution of its own, as rounds 1-13 read
# that layout), written from the round's gold before any output on it was seen; not part of "all"
READINGS = {f"round{n}-paragraphs": ROOT / "tests" / "gold" / f"judged_round{n}_paragraphs.jsonl" for n in (16, 17)}
TEXTS = SHARED / "corpora" / "ptc" / "train" / "articles"
ECB_DEV = SHARED / "corpora" / "ecbplus-dev" / "text"
WIKINEWS = SHARED / "corpora" / "wikinews"

EDGE = set(" \t\n\r\u00a0.,;:!?'\"‘’“”«»()[]{}-–—…")
TOKEN = re.compile(r"\w+|[^\w\s]")


def read_gold(part: str) -> list[dict]:
    """The judged articles of ``part``: a key of ``PARTS`` ("roundN", "rounds1-N", "held-out": the
    latest scored round; "round1-held-out" or "dev": round 1's two parts), "all" (every scored round), a
    key of ``READINGS`` or of ``UNSCORED`` (held out until scored once)."""
    if part in READINGS:
        return [json.loads(line) for line in READINGS[part].read_text(encoding="utf-8").splitlines() if line.strip()]
    if part in UNSCORED:
        return [json.loads(line) for line in UNSCORED[part].read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [json.loads(line) for path in GOLD_FILES
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = PARTS.get(part, (part,))
    return [r for r in rows if part == "all" or r["part"] in wanted]


def read_text(article_id: str, source: str = "ptc") -> str:
    """An article's text: a PTC train article by id (rounds 1-13); from round 14, the gold row's
    ``source`` names the corpus: "ecbplus-dev" (``../shared/corpora/ecbplus-dev/text/ID.txt`` as
    in the file) or "wikinews" (``wnNNN``, numbered as bench/wikinews_jsonl.py numbers the rows of
    wikinews_2019.csv then wikinews_2020.csv; the headline, a full stop, a blank line and the
    text, white space at both ends stripped, as the speaker rounds' fixtures hold them)."""
    if source == "ecbplus-dev":
        path = ECB_DEV / f"{article_id}.txt"
    elif source == "wikinews":
        return _wikinews()[article_id]
    else:
        path = TEXTS / f"{article_id}.txt"
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _wikinews(cache: dict = {}) -> dict:
    import csv

    if not cache:
        csv.field_size_limit(10**9)
        n = 0
        for year in ("2019", "2020"):
            with open(WIKINEWS / f"wikinews_{year}.csv", encoding="utf-8", newline="") as rows:
                for row in csv.DictReader(rows):
                    cache[f"wn{n:03d}"] = f"{row['title'].strip()}.\n\n{row['text'].strip()}"
                    n += 1
    return cache


def write_brat(gold: list[dict], folder: Path) -> None:
    """The gold as PolNeAR-style brat files, texts copied beside them."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for row in gold:
        text = read_text(row["id"], row.get("source", "ptc"))
        (folder / "text" / f"{row['id']}.txt").write_bytes(text.encode("utf-8"))
        lines, t = [], 0

        def span(kind, frags):
            nonlocal t
            t += 1
            where = ";".join(f"{s} {e}" for s, e in frags)
            lines.append(f"T{t}\t{kind} {where}\t{' '.join(text[s:e] for s, e in frags)}".replace("\n", " "))
            return f"T{t}"
        for n, a in enumerate(row["attributions"], 1):
            args = []
            for role, name in (("source", "Source"), ("cue", "Cue"), ("content", "Content")):
                if a[role]:
                    args.append(f"{name}:{span(name, a[role])}")
            trigger = span("Attribution", a["cue"] or a["content"][:1])
            kind = "Attribution" if a["source"] else "Attribution-no-source"
            lines.append(f"E{n}\t{kind}:{trigger} " + " ".join(args))
        (folder / "attributions" / f"{row['id']}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def analyse_articles(gold: list[dict], model: str) -> dict:
    """Per article id, newstrace's Analysis of it, read as ``newstrace extract`` reads files."""
    from newstrace.pipeline import extract_attributions

    with tempfile.TemporaryDirectory() as tmp:
        for row in gold:
            (Path(tmp) / f"{row['id']}.txt").write_bytes(read_text(row["id"], row.get("source", "ptc")).encode("utf-8"))
        return {a.id: found for a, found in extract_attributions(tmp, model=model, workers=1, with_speakers=True)}


def trim(text: str, frags) -> list[tuple[int, int]]:
    out = []
    for s, e in frags:
        while s < e and text[s] in EDGE:
            s += 1
        while e > s and text[e - 1] in EDGE:
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def chars(frags) -> set[int]:
    return {i for s, e in frags for i in range(s, e)}


def tokens(text: str, frags) -> set[int]:
    inside = chars(frags)
    return {m.start() for m in TOKEN.finditer(text) if any(i in inside for i in range(m.start(), m.end()))}


def boundary(text: str, gold, pred) -> str:
    g, p = trim(text, gold), trim(text, pred)
    if chars(g) == chars(p):
        return "exact"
    gt, pt = tokens(text, g), tokens(text, p)
    f1 = 2 * len(gt & pt) / (len(gt) + len(pt)) if gt or pt else 1.0
    return "slightly off" if f1 >= 0.8 else "wrong"


def pair(text: str, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, prediction index) whose contents share a character:
    those whose cues also agree first, then largest shared content first (so that a nested
    attribution, whose content lies inside its outer one's, pairs with its own gold rather
    than the outer one's: the pairing before 2026-12-07 took the largest shared content
    alone, and counted 'He said he "felt at ease" after Farrakhan claimed that Obama …' and
    its nested 'Farrakhan claimed …' both wrong when both were found)."""
    overlap = []
    for i, g in enumerate(gold):
        gc = chars(trim(text, g["content"]))
        for j, p in enumerate(pred):
            shared = len(gc & chars(trim(text, p["content"])))
            if shared:
                overlap.append((not cue_agrees(text, g, p), -shared, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, _, i, j in sorted(overlap):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def cue_agrees(text: str, g: dict, p: dict) -> bool:
    if not g["cue"] or not p["cue"]:
        return not g["cue"] and not p["cue"]
    return bool(chars(trim(text, g["cue"])) & chars(trim(text, p["cue"])))


def same_outlet(a: str, b: str) -> bool:
    """One outlet: the same name (case, a leading "the", spaces and hyphens aside: "News-4 San
    Antonio" and "News 4 San Antonio"), or names the outlet table gives one outlet ("9 News"
    and "Nine News")."""
    from newstrace.outlets import canonical_outlet

    def key(name):
        return re.sub(r"[\s.-]+", "", re.sub(r"^the ", "", name.casefold()))
    return key(a) == key(b) or canonical_outlet(a) is not None and canonical_outlet(a) == canonical_outlet(b)


def judge(gold: list[dict], analyses: dict, show: bool = False) -> dict:
    counts = defaultdict(int)
    for row in gold:
        text = read_text(row["id"], row.get("source", "ptc"))
        kind_of = row["type"]
        found = analyses.get(row["id"])
        preds = [{"source": a.source, "cue": a.cue, "content": a.content, "kind": a.kind,
                  "speaker": a.speaker} for a in (found.attributions if found else [])]
        golds = row["attributions"]
        pairs = pair(text, golds, preds)
        right = [(i, j) for i, j in pairs if cue_agrees(text, golds[i], preds[j])]
        right_p = {j for _, j in right}
        right_g = {i for i, _ in right}
        counts[f"{kind_of}/predicted"] += len(preds)
        counts[f"{kind_of}/gold"] += len(golds)
        counts[f"{kind_of}/right"] += len(right)
        for i, j in right:
            counts["boundary/" + boundary(text, golds[i]["content"], preds[j]["content"])] += 1
            counts["kind/right" if golds[i]["kind"] == preds[j]["kind"] else "kind/wrong"] += 1
            counts[f"kind/{golds[i]['kind']}->{preds[j]['kind']}"] += 1
        # citations
        cites = found.citations if found else []
        wanted = [c for c in row["citations"] if not c["optional"]]
        optional = [c for c in row["citations"] if c["optional"]]
        hit_gold, false = set(), []
        for c in cites:
            g = next((k for k, w in enumerate(wanted) if w["span"][0] < c.span[1] and c.span[0] < w["span"][1]), None)
            if g is not None and same_outlet(wanted[g]["outlet"], c.outlet):
                hit_gold.add(g)
            elif not any(o["span"][0] < c.span[1] and c.span[0] < o["span"][1] for o in optional):
                false.append(c)
        counts["citations/gold"] += len(wanted)
        counts["citations/found"] += len(hit_gold)
        counts["citations/false"] += len(false)
        if show:
            print(f"\n=== {row['id']} ({kind_of})")
            for j, p in enumerate(preds):
                if j not in right_p:
                    print(f"  FALSE  cue={_show(text, p['cue'])} src={_show(text, p['source'])} "
                          f"content={_show(text, p['content'], 90)}")
            for i, g in enumerate(golds):
                if i not in right_g:
                    print(f"  MISSED cue={_show(text, g['cue'])} src={_show(text, g['source'])} "
                          f"content={_show(text, g['content'], 90)}")
            for i, j in right:
                b = boundary(text, golds[i]["content"], preds[j]["content"])
                if b != "exact" or golds[i]["kind"] != preds[j]["kind"]:
                    print(f"  {b.upper():12} kind {golds[i]['kind']}->{preds[j]['kind']} "
                          f"gold={_show(text, golds[i]['content'], 70)} pred={_show(text, preds[j]['content'], 70)}")
            for k, w in enumerate(wanted):
                if k not in hit_gold:
                    print(f"  CITATION MISSED {w['outlet']} at {text[w['span'][0]:w['span'][1]]!r}")
            for c in false:
                print(f"  CITATION FALSE {c.outlet} ({c.cue}) at {text[c.span[0]:c.span[1]]!r}")
    return dict(counts)


def _show(text: str, frags, width: int = 40) -> str:
    s = " | ".join(text[a:b] for a, b in frags).replace("\n", "⏎")
    return repr(s if len(s) <= width else s[:width - 20] + "…" + s[-19:])


def summary(c: dict) -> dict:
    def ratio(a, b):
        return round(a / b, 3) if b else None
    out = {}
    for k in ("commentary", "report"):
        out[f"precision {k}"] = ratio(c.get(f"{k}/right", 0), c.get(f"{k}/predicted", 0))
        out[f"recall {k}"] = ratio(c.get(f"{k}/right", 0), c.get(f"{k}/gold", 0))
    right = c.get("commentary/right", 0) + c.get("report/right", 0)
    out["precision"] = ratio(right, c.get("commentary/predicted", 0) + c.get("report/predicted", 0))
    out["recall"] = ratio(right, c.get("commentary/gold", 0) + c.get("report/gold", 0))
    for b in ("exact", "slightly off", "wrong"):
        out[f"content {b}"] = ratio(c.get(f"boundary/{b}", 0), right)
    out["kind accuracy"] = ratio(c.get("kind/right", 0), right)
    out["citations found"] = f"{c.get('citations/found', 0)} of {c.get('citations/gold', 0)}"
    out["citations false"] = c.get("citations/false", 0)
    out["citation recall"] = ratio(c.get("citations/found", 0), c.get("citations/gold", 0))
    out["citation precision"] = ratio(c.get("citations/found", 0),
                                      c.get("citations/found", 0) + c.get("citations/false", 0))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", default=f"round{LAST_ROUND}", choices=[*sorted(ROUND_PARTS, key=lambda p: (-int(p.split("-")[-1].removeprefix("round")), p)),
                                                                    *READINGS, *UNSCORED, "held-out", "round1-held-out", "dev", "all"])
    ap.add_argument("--model", default="default")
    ap.add_argument("--show", action="store_true", help="every false, missed and misjudged attribution")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not TEXTS.exists():
        print(f"eval_judged: {TEXTS} not present", file=sys.stderr)
        return 1
    gold = read_gold(args.part)
    analyses = analyse_articles(gold, args.model)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "gold"
        write_brat(gold, folder)
        pred = Path(tmp) / "pred.jsonl"
        with pred.open("w", encoding="utf-8") as fh:
            for row in gold:
                found = analyses.get(row["id"])
                fh.write(json.dumps({"id": row["id"], "attributions": [
                    {"source": a.source, "cue": a.cue, "content": a.content}
                    for a in (found.attributions if found else [])]}) + "\n")
        scorer = [sys.executable, str(SHARED / "bench" / "attribution_eval.py"), str(folder), str(pred)]
        if args.json:
            scored = json.loads(subprocess.run(scorer + ["--json"], capture_output=True, text=True, check=True).stdout)
        else:
            subprocess.run(scorer, check=True)
        counts = judge(gold, analyses, show=args.show)
    result = summary(counts)
    if args.json:
        print(json.dumps({"part": args.part, "model": args.model, "judged": result, "counts": counts,
                          "scorer": {k: v for k, v in scored["scores"].items() if k.startswith("attribution/")
                                     or k.startswith("content/")}}, indent=1))
    else:
        print(f"\njudged ({args.part}, {len(gold)} articles, model {args.model}):")
        for k, v in result.items():
            print(f"  {k:22} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
