"""Speaker resolution accuracy on hand-checked gold (tests/gold/speakers.jsonl).

Each gold line gives an attribution's spans in one article (a seed report in
examples/baghuz-2019 or a PolNeAR dev article read from ../shared) and the speaker a
reader resolves it to. We run ``resolve_speakers`` on the gold spans of each article
and compare ``speaker_key``s, overall and by the kind of source (pronoun, description,
name).

``--held-out`` scores tests/gold/speakers_heldout.jsonl instead: the attributions that
``newstrace extract`` found (spans as the extractor gave them, right or wrong) in ten
Wikinews articles (tests/fixtures/speakers), each speaker read by hand before the
resolver's answers were looked at, and not used to change the resolver since.

``--fresh`` scores tests/gold/speakers_fresh.jsonl: the same for six other Wikinews
articles (tests/fixtures/speakers_fresh), drawn at random on 2026-12-01 among those no
earlier session had read, each speaker read by hand before the resolver's answers were
looked at: the held-out figure for the rules of that day.

``--interviews`` scores tests/gold/speakers_interviews.jsonl: the attributions that
``newstrace extract`` found in three Wikinews interviews (tests/fixtures/interviews:
labelled turns "((WN))", "Natasha Gownaris:", "NG:", and bare "Michael Siegel" / "MS"),
each speaker read by hand. These three articles were read while the interview turns
(``newstrace.extract.turns``) were written, so they are not held out.

    python bench/speakers_eval.py [--held-out | --fresh | --interviews] [--show-errors] [--speed N]

``--speed N`` also times this module's per-article work (NER + sentences, speaker
resolution on the gold attribution spans, citation extraction) on the first N PolNeAR
train articles, one process, and prints milliseconds per article.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newstrace.extract.citations import extract_citations  # noqa: E402
from newstrace.extract.nlp import analyse, load_nlp  # noqa: E402
from newstrace.extract.speakers import resolve_speakers, speaker_key  # noqa: E402
from newstrace.records import SpanAttribution  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "speakers.jsonl"
HELD_OUT = ROOT / "tests" / "gold" / "speakers_heldout.jsonl"
INTERVIEWS = ROOT / "tests" / "gold" / "speakers_interviews.jsonl"
FRESH = ROOT / "tests" / "gold" / "speakers_fresh.jsonl"
TEXT_DIRS = [ROOT / "examples" / "baghuz-2019", ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text",
             ROOT / "tests" / "fixtures" / "speakers", ROOT / "tests" / "fixtures" / "interviews",
             ROOT / "tests" / "fixtures" / "speakers_fresh"]
PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "it", "its", "we", "i", "who", "which", "that"}


def article_text(article: str) -> str:
    for d in TEXT_DIRS:
        path = d / f"{article}.txt"
        if path.exists():
            with open(path, encoding="utf-8", newline="") as f:  # no newline translation
                return f.read()
    raise FileNotFoundError(article)


def source_kind(text: str, source: list[list[int]]) -> str:
    """'none', 'pronoun', 'name' (starts with a capital after any determiner) or 'description'."""
    if not source:
        return "none"
    words = " ".join(text[s:e] for s, e in source).split()
    if len(words) == 1 and words[0].casefold().strip(",.") in PRONOUNS:
        return "pronoun"
    content = [w for w in words if w.casefold() not in ("the", "a", "an")]
    if content and all(w[:1].isupper() or w[:1] in "'’" for w in content):
        return "name"
    return "description"


def load_gold(path: Path = GOLD) -> dict[str, list[dict]]:
    by_article: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                by_article[row["article"]].append(row)
    return by_article


def evaluate(show_errors: bool = False, gold: Path = GOLD) -> dict[str, tuple[int, int]]:
    scores: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    elapsed = 0.0
    articles = load_gold(gold)
    for article, rows in articles.items():
        text = article_text(article)
        atts = [SpanAttribution([tuple(x) for x in r["source"]], [tuple(x) for x in r["cue"]],
                                [tuple(x) for x in r["content"]]) for r in rows]
        t0 = time.perf_counter()
        got = resolve_speakers(text, atts, analyse(text))
        elapsed += time.perf_counter() - t0
        for row, speaker in zip(rows, got):
            ok = speaker_key(speaker) == speaker_key(row["speaker"]) and (speaker is None) == (row["speaker"] is None)
            kind = source_kind(text, row["source"])
            for key in ("overall", kind):
                scores[key][0] += ok
                scores[key][1] += 1
            if show_errors and not ok:
                src = " ".join(text[s:e] for s, e in row["source"])
                print(f"  {article[:40]:40} {kind:11} {src!r:40} gold={row['speaker']!r} got={speaker!r}")
    scores["_seconds"] = [round(elapsed * 1000), len(articles)]
    return {k: tuple(v) for k, v in scores.items()}


def polnear_spans(ann_path: Path) -> list[SpanAttribution]:
    """The gold attributions of one PolNeAR .ann file as SpanAttributions."""
    spans, atts = {}, []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0][1:].isdigit():
            continue  # the rest of a span's text that holds a line break
        if parts[0].startswith("T"):
            offsets = parts[1].split(" ", 1)[1]
            spans[parts[0]] = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
        elif parts[0].startswith("E"):
            roles = dict(x.split(":") for x in parts[1].split()[1:])
            atts.append(SpanAttribution(*(spans.get(roles.get(k), []) for k in ("Source", "Cue", "Content"))))
    return atts


def speed(n: int) -> None:
    root = ROOT.parent / "shared" / "corpora" / "polnear" / "train"
    names = sorted(p.stem for p in (root / "text").glob("*.txt"))[:n]
    anns = {p.name.rsplit("_", 1)[0]: p for p in (root / "attributions").glob("*.ann")}
    work = []
    for name in names:
        with open(root / "text" / f"{name}.txt", encoding="utf-8", newline="") as f:
            work.append((f.read(), polnear_spans(anns[name])))
    load_nlp()
    analyse("Warm up, said Reuters.")
    t_nlp = t_speakers = t_citations = 0.0
    cpu0 = time.process_time()  # CPU time: less skewed than wall time when other jobs share the cores
    for text, atts in work:
        t0 = time.perf_counter()
        doc = analyse(text)
        t1 = time.perf_counter()
        resolve_speakers(text, atts, doc)
        t2 = time.perf_counter()
        extract_citations(text, doc)
        t3 = time.perf_counter()
        t_nlp, t_speakers, t_citations = t_nlp + t1 - t0, t_speakers + t2 - t1, t_citations + t3 - t2
    cpu = time.process_time() - cpu0
    t0 = time.perf_counter()
    docs = list(load_nlp().pipe([text for text, _ in work], batch_size=8))
    t_piped = time.perf_counter() - t0
    assert len(docs) == len(work)
    k = 1000 / len(work)
    chars = sum(len(t) for t, _ in work) / len(work)
    print(f"speed on {len(work)} PolNeAR train articles ({chars:.0f} chars on average), ms/article: "
          f"NER+sentences {t_nlp * k:.1f}, speakers {t_speakers * k:.1f}, citations {t_citations * k:.1f}, "
          f"total {(t_nlp + t_speakers + t_citations) * k:.1f}; NER+sentences with nlp.pipe(batch_size=8) "
          f"{t_piped * k:.1f}; CPU time of the per-article loop {cpu * k:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="score tests/gold/speakers_heldout.jsonl")
    parser.add_argument("--fresh", action="store_true", help="score tests/gold/speakers_fresh.jsonl")
    parser.add_argument("--interviews", action="store_true", help="score tests/gold/speakers_interviews.jsonl")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--speed", type=int, default=0, metavar="N")
    args = parser.parse_args()
    gold = HELD_OUT if args.held_out else FRESH if args.fresh else INTERVIEWS if args.interviews else GOLD
    scores = evaluate(args.show_errors, gold)
    ms, n_articles = scores.pop("_seconds")
    for key in ("overall", "pronoun", "description", "name", "none"):
        if key in scores:
            right, total = scores[key]
            print(f"{key:12} {right:4d}/{total:<4d} {right / total:.3f}")
    print(f"articles {n_articles}, resolve_speakers with NER: {ms} ms in all")
    if args.speed:
        speed(args.speed)


if __name__ == "__main__":
    main()
