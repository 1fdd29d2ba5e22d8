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
    python bench/speakers_eval.py --snapshot FILE [--compare EARLIER]

``--snapshot FILE`` resolves every gold source of PolNeAR train and dev (the first
annotator's .ann of each article, all of its attributions together, as the pipeline
does) and writes one JSON line per source (article, index, source text, speaker, rule);
with ``--compare EARLIER`` it prints every source whose speaker differs from that earlier
snapshot: the check that a change of the rules moved only what it meant to.

``--speed N`` also times this module's per-article work (NER + sentences, speaker
resolution on the gold attribution spans, citation extraction) on the first N PolNeAR
train articles, one process, and prints milliseconds per article.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newstrace.extract.citations import extract_citations  # noqa: E402
from newstrace.extract.nlp import analyse, load_nlp  # noqa: E402
from newstrace.extract.speakers import resolve, resolve_speakers, speaker_key  # noqa: E402
from newstrace.extract.speakers.descriptions import looks_plural  # noqa: E402
from newstrace.records import SpanAttribution  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "speakers.jsonl"
HELD_OUT = ROOT / "tests" / "gold" / "speakers_heldout.jsonl"
INTERVIEWS = ROOT / "tests" / "gold" / "speakers_interviews.jsonl"
FRESH = ROOT / "tests" / "gold" / "speakers_fresh.jsonl"
TEXT_DIRS = [ROOT / "examples" / "baghuz-2019", ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text",
             ROOT / "tests" / "fixtures" / "speakers", ROOT / "tests" / "fixtures" / "interviews",
             ROOT / "tests" / "fixtures" / "speakers_fresh", ROOT / "tests" / "fixtures" / "speakers_rounds"]
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


GROUP_PRONOUNS = {"they", "them", "their", "we", "us", "our"}


def source_class(text: str, source: list[list[int]], speaker: str | None) -> str:
    """The class a fresh round reports a source under: 'none' when it names no one (the
    right answer is no speaker), 'pronoun' (one: "he", "it", "who"), 'group' (many: "they",
    "we", "police", "the researchers", "Craig Zadan and Neil Meron"), 'name' or
    'description' ("the company", "the Wooster professor")."""
    if speaker is None:
        return "none"
    words = " ".join(text[s:e] for s, e in source).split()
    low = " ".join(words).casefold().strip(",.")
    if low in GROUP_PRONOUNS:
        return "group"
    if len(words) == 1 and low in PRONOUNS:
        return "pronoun"
    if " and " in f" {low} " or looks_plural(" ".join(words)):
        return "group"
    kind = source_kind(text, source)
    return "description" if kind == "pronoun" else kind


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
            right = [row["speaker"], *row.get("accept", ())]  # a round may accept another mention of the group
            ok = any(speaker_key(speaker) == speaker_key(r) and (speaker is None) == (r is None) for r in right)
            kind = source_class(text, row["source"], row["speaker"]) if "round" in gold.name \
                else source_kind(text, row["source"])
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


ROUNDS = ROOT / "tests" / "fixtures" / "speakers_rounds"
WIKINEWS = ROOT.parent / "shared" / "corpora" / "wikinews"
ECB_DEV = ROOT.parent / "shared" / "corpora" / "ecbplus-dev" / "text"


def round_gold(n: int) -> Path:
    return ROOT / "tests" / "gold" / f"speakers_round{n}.jsonl"


def _slug(title: str) -> str:
    """A Wikinews title as the fixtures name their files (60 characters at most)."""
    return re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:60]


def _read_before() -> str:
    """Every text of this checkout that a session may have read an article through: the
    fixtures, the tests, the docs, the README, the benchmarks."""
    parts = []
    for folder in ("tests", "docs", "bench", "examples"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".txt", ".py", ".md", ".jsonl", ".json", ".html", ".csv"):
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
    parts.append((ROOT / "README.md").read_text(encoding="utf-8"))
    return "\n".join(parts)


def _seen(text: str, before: str) -> bool:
    """Whether a sentence of 40 characters or more of ``text`` stands in ``before``."""
    return any(len(s) >= 40 and s in before for s in re.split(r"(?<=[.!?])\s+|\n+", text))


def draw_round(n_round: int, wikinews: int, ecb: int, seed: int) -> list[tuple[str, str, str]]:
    """Articles drawn at random (``seed``) for a fresh speaker round, none of them read
    before: Wikinews news articles of 1,500 to 5,000 characters and ECB+ dev texts of 800
    to 5,000 characters, each with at least two quotation marks or a "said", and no
    sentence of which stands anywhere in this checkout (fixtures of earlier rounds
    included). Written to tests/fixtures/speakers_rounds/ as (id, text, credit)."""
    import csv
    import random

    csv.field_size_limit(10**9)
    before = _read_before()

    def speaks(text: str) -> bool:
        return text.count('"') + text.count("“") >= 2 or " said" in text

    pool_w = []
    for year in ("2019", "2020"):
        with open(WIKINEWS / f"wikinews_{year}.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                text = f"{row['title'].strip()}.\n\n{row['text'].strip()}"
                if 1500 <= len(row["text"]) <= 5000 and speaks(text) and not _seen(row["text"], before):
                    pool_w.append((_slug(row["title"]), text,
                                   f'"{row["title"].strip()}", Wikinews, {row["date"][:10]}, {row["url"]}'))
    pool_e = []
    for path in sorted(ECB_DEV.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        if 800 <= len(text) <= 5000 and speaks(text) and not _seen(text, before):
            pool_e.append((f"ecb-{path.stem}", text, f"ECB+ dev text {path.stem} (news text, not copyrighted; "
                                                     f"corpus CC BY 3.0, Cybulska and Vossen, LREC 2014)"))
    rng = random.Random(seed)
    drawn = rng.sample(sorted(pool_w), wikinews) + rng.sample(sorted(pool_e), ecb)
    ROUNDS.mkdir(parents=True, exist_ok=True)
    with open(ROUNDS / "CREDITS.md", "a", encoding="utf-8") as credits:
        credits.write(f"\n## Round {n_round} (drawn with --draw {n_round} --seed {seed}: {len(pool_w)} Wikinews "
                      f"and {len(pool_e)} ECB+ dev articles unread)\n\n")
        for name, text, credit in drawn:
            with open(ROUNDS / f"{name}.txt", "w", encoding="utf-8", newline="") as f:
                f.write(text)
            credits.write(f"- `{name}.txt`: {credit}\n")
    return drawn


def polnear_snapshot(path: Path) -> list[dict]:
    """Every PolNeAR train and dev gold source with the speaker it resolves to, written to ``path``."""
    from newstrace.extract.nlp import pipe

    rows, work = [], []
    for split in ("train", "dev"):
        root = ROOT.parent / "shared" / "corpora" / "polnear" / split
        firsts: dict[str, Path] = {}
        for ann in sorted((root / "attributions").glob("*.ann")):
            firsts.setdefault(ann.stem.rsplit("_", 1)[0], ann)
        for name, ann in sorted(firsts.items()):
            with open(root / "text" / f"{name}.txt", encoding="utf-8", newline="") as f:
                work.append((f"{split}/{name}", f.read(), polnear_spans(ann)))
    for (name, text, atts), doc in zip(work, pipe([t for _, t, _ in work])):
        for k, (att, who) in enumerate(zip(atts, resolve(text, atts, doc))):
            if att.source:
                rows.append({"article": name, "index": k, "source": " ".join(text[s:e] for s, e in sorted(att.source)),
                             "speaker": who.speaker, "rule": who.rule})
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return rows


def compare_snapshots(rows: list[dict], earlier: Path) -> int:
    """Print the sources whose speaker differs from ``earlier``'s; return how many."""
    with open(earlier, encoding="utf-8") as f:
        before = {(r["article"], r["index"]): r for r in map(json.loads, f)}
    changed = 0
    for r in rows:
        old = before.get((r["article"], r["index"]))
        if old is None or old["speaker"] != r["speaker"]:
            changed += 1
            print(f"  {r['article'][:50]:50} {r['source'][:40]!r:42} {old and old['speaker']!r} -> "
                  f"{r['speaker']!r} ({r.get('rule')})")
    print(f"{len(rows)} PolNeAR gold sources, {changed} speakers changed")
    return changed


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
    parser.add_argument("--round", type=int, metavar="N", help="score tests/gold/speakers_roundN.jsonl")
    parser.add_argument("--draw", type=int, metavar="N", help="draw the articles of fresh round N (with --seed)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--wikinews", type=int, default=5, help="with --draw: how many Wikinews articles")
    parser.add_argument("--ecb", type=int, default=5, help="with --draw: how many ECB+ dev texts")
    parser.add_argument("--snapshot", type=Path, metavar="FILE", help="resolve all PolNeAR gold sources into FILE")
    parser.add_argument("--compare", type=Path, metavar="EARLIER", help="with --snapshot: print what changed")
    args = parser.parse_args()
    if args.draw:
        for name, text, _ in draw_round(args.draw, args.wikinews, args.ecb, args.seed):
            print(f"{name}\t{len(text)}")
        return
    if args.snapshot:
        rows = polnear_snapshot(args.snapshot)
        if args.compare:
            compare_snapshots(rows, args.compare)
        return
    gold = HELD_OUT if args.held_out else FRESH if args.fresh else INTERVIEWS if args.interviews else GOLD
    gold = round_gold(args.round) if args.round else gold
    scores = evaluate(args.show_errors, gold)
    ms, n_articles = scores.pop("_seconds")
    for key in ("overall", "pronoun", "description", "group", "name", "none"):
        if key in scores:
            right, total = scores[key]
            print(f"{key:12} {right:4d}/{total:<4d} {right / total:.3f}")
    print(f"articles {n_articles}, resolve_speakers with NER: {ms} ms in all")
    if args.speed:
        speed(args.speed)


if __name__ == "__main__":
    main()
