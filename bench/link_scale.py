"""The statement linker at scale: time, peak memory and accuracy on generated mentions.

    python bench/link_scale.py [SIZES ...] [--add N] [--batch B]   e.g. 10000 100000 --add 10000

For each size, in a fresh process and a fresh SQLite file: real quotations from
../shared/corpora (ECB+ dev, PolNeAR train+dev, Wikinews; eight words or more, none
sharing six words in a row with another) are the statements; each mention is one of
them as an outlet might print it, by the edits of PRODUCT.md's grain (truncated at
either end, re-cased, re-punctuated, curly or straight marks, words dropped for an
ellipsis, one word changed, British spelling), said by the statement's speaker under
one of a few spellings of the name; a quarter of the statements are quoted once (the
unrelated quotes). Mentions go ten to an article, one transaction per article, through
``StatementIndex.add`` (the linker's statement stage; duplicates and stories are other
benches). The truth is known, so it prints pairwise precision, recall and F1 with the
wall time, the CPU time of the process (the machine is shared: CPU time is what the
linker itself cost), the rate and the peak memory (max RSS of the process). ``--add N``
then times N more mentions (other wordings of the same statements) added to the store of
the largest size, in a fresh process that opens the store as a later run would (one
transaction per article). ``--batch B`` links B articles to a transaction through
``StatementIndex.batch``, as a relink or a bulk load does (the same statements); without
it, one transaction per article, as ``newstrace run`` stores them.

    python bench/link_scale.py --sample 100000 --at 1000000 [--add 10000]   # cost by slice

``--sample`` prints the wall and CPU time of each slice of 10,000 mentions as the store
grows (flat per-slice cost is linear growth).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
CORPORA = ROOT.parent / "shared" / "corpora"
_QUOTE = re.compile(r"[\"“”]([^\"“”\n]+)[\"“”]|''([^'\n](?:[^\n]*?[^'\n])?)''")
_WORD = re.compile(r"\w+")
SPELLINGS = [("ize", "ise"), ("yze", "yse"), ("or ", "our "), ("ter ", "tre ")]
SWAPS = {"will": "would", "would": "will", "can": "could", "is": "was", "the": "this", "we": "they"}


def real_quotes() -> list[str]:
    """Quotations of eight words or more, none sharing six words in a row with an earlier one."""
    paths = sorted((CORPORA / "ecbplus-dev" / "text").glob("*.txt"))
    paths += sorted(CORPORA.glob("polnear/*/text/*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for f in sorted((CORPORA / "wikinews").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    seen: set[tuple[str, ...]] = set()
    out = []
    for text in texts:
        for m in _QUOTE.finditer(text):
            quote = " ".join((m.group(1) or m.group(2)).split()).strip(" ,")
            words = [w.lower() for w in _WORD.findall(quote)]
            if len(words) < 8 or len(words) > 60:
                continue
            runs = {tuple(words[i:i + 6]) for i in range(len(words) - 5)}
            if runs & seen:
                continue
            seen |= runs
            out.append(quote)
    return out


def variant(quote: str, rng: random.Random) -> str:
    """The quote as one outlet might print it."""
    words = quote.split()
    edit = rng.randrange(8)
    if edit == 0 and len(words) > 12:  # truncated at the start or the end
        keep = rng.randint(int(len(words) * 0.7), len(words) - 1)
        words = words[-keep:] if rng.random() < 0.5 else words[:keep]
    elif edit == 1:
        words = [w.upper() if rng.random() < 0.5 else w.lower() for w in words]
    elif edit == 2:
        words = [w.strip(",;:") + ("," if rng.random() < 0.15 else "") for w in words]
    elif edit == 3 and len(words) > 14:  # an ellipsis for dropped words
        at = rng.randint(4, len(words) - 8)
        words = words[:at] + ["…" if rng.random() < 0.5 else "..."] + words[at + rng.randint(2, 4):]
    elif edit == 4 and len(words) >= 10:  # one word changed
        at = rng.randrange(len(words))
        words[at] = SWAPS.get(words[at].lower(), words[at] + "s")
    elif edit == 5:
        text = " ".join(words) + " "
        for a, b in SPELLINGS:
            text = text.replace(a, b)
        words = text.split()
    text = " ".join(words)
    return text.replace("'", "’") if rng.random() < 0.5 else text


def generate(size: int, seed: int = 26, offset: int = 0) -> list[tuple[str, str, int]]:
    """``size`` mentions: (wording, speaker, statement index)."""
    rng = random.Random(seed + offset)
    quotes = real_quotes()
    once = len(quotes) // 4  # quoted once: the unrelated ones
    mentions = [(quotes[i], f"Speaker {i}", i) for i in range(once)] if offset == 0 else []
    repeated = list(range(once, len(quotes)))
    while len(mentions) < size:
        i = repeated[min(int(rng.paretovariate(1.2)) - 1, len(repeated) - 1) if rng.random() < 0.3
                     else rng.randrange(len(repeated))]
        name = rng.choice([f"Speaker {i}", f"Mr. {i}", f"Dr. Speaker {i}", None])
        mentions.append((variant(quotes[i], rng), name, i))
    rng.shuffle(mentions)
    return mentions[:size]


def link(db_path: str, mentions: list[tuple[str, str, int]], first_order: int = 0,
         every: int = 0, batch: int = 1) -> tuple[float, float]:
    """Link ``mentions`` ten to an article, ``batch`` articles to a transaction; (wall
    seconds, CPU seconds). With ``every``, print the times of each slice of that many
    mentions."""
    from contextlib import nullcontext

    from newstrace.extract.quotes import quote_mask
    from newstrace.link.align import stop_words
    from newstrace.link.statements import StatementIndex
    from newstrace.store import Store

    stop_words()  # spaCy's word list: imported once, before the clock starts
    store = Store(db_path)
    index = StatementIndex(store.db)
    started, cpu = time.perf_counter(), time.process_time()
    slice_wall, slice_cpu = started, cpu
    for first in range(0, len(mentions), 10 * batch):
        # one transaction per article as `newstrace run` stores them, or per batch of
        # articles as a relink does (StatementIndex.batch)
        with store.transaction(), index.batch() if batch > 1 else nullcontext():
            for n in range(first, min(len(mentions), first + 10 * batch), 10):
                if every and n and n % every == 0:
                    now, now_cpu = time.perf_counter(), time.process_time()
                    print(json.dumps({"mentions": n, "slice_wall": round(now - slice_wall, 2),
                                      "slice_cpu": round(now_cpu - slice_cpu, 2)}), flush=True)
                    slice_wall, slice_cpu = now, now_cpu
                article, attributions = _article(mentions[n:n + 10], first_order + n // 10)
                store.put_article(article, attributions, [], "bench")
                index.add(article, attributions, quote_mask(article.text))  # once per article, as the Linker does
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    store.close()
    return seconds, cpu


def _article(chunk: list[tuple[str, str, int]], order: int):
    """One article quoting the mentions of ``chunk``, one line each; with its attributions."""
    from newstrace.records import Article, Attribution

    attributions, text = [], ""
    article_id = f"a{order}"
    for k, (wording, speaker, _) in enumerate(chunk):
        start = len(text) + 1
        text += f'"{wording}," {speaker or "he"} said.\n'
        attributions.append(Attribution(
            id=f"{article_id}#a{k + 1}", article=article_id, kind="direct", source=[], cue=[],
            content=[(start, start + len(wording))], content_text=wording, speaker=speaker))
    article = Article(id=article_id, text=text, order=order, published=None,
                      fingerprint=hashlib.sha1(text.encode()).hexdigest())
    return article, attributions


def pairwise(db_path: str, truth: dict[str, int]) -> tuple[float, float, float]:
    import sqlite3

    db = sqlite3.connect(db_path)
    predicted = dict(db.execute(
        "SELECT f.attribution, MIN(g.statement) FROM statement_fragments f JOIN statement_regions g"
        " ON g.node = f.node GROUP BY f.attribution"))
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts.values())  # noqa: E731
    gold = Counter(truth.values())
    pred = Counter(predicted.get(a, a) for a in truth)
    both = Counter((predicted.get(a, a), truth[a]) for a in truth)
    tp = pairs(both)
    p, r = tp / max(1, pairs(pred)), tp / max(1, pairs(gold))
    return p, r, 2 * p * r / max(1e-9, p + r)


def peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def one(size: int, add: int, every: int = 0, batch: int = 1) -> dict:
    """Link ``size`` mentions in this process (then ``add`` more in another); the figures."""
    with tempfile.TemporaryDirectory(prefix="link_scale") as tmp:
        db_path = f"{tmp}/scale.db"
        mentions = generate(size)
        seconds, cpu = link(db_path, mentions, every=every, batch=batch)
        peak = peak_mb()
        truth = {f"a{n // 10}#a{n % 10 + 1}": i for n, (_, _, i) in enumerate(mentions)}
        del mentions
        p, r, f = pairwise(db_path, truth)
        row = {"mentions": size, "batch": batch, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
               "per_second": round(size / seconds), "per_cpu_second": round(size / cpu),
               "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "peak_mb": peak,
               "db_mb": round(Path(db_path).stat().st_size / 2**20)}
        if add:
            out = subprocess.run([sys.executable, __file__, "--add-to", db_path, str(size), str(add)],
                                 capture_output=True, text=True, check=True)
            row.update(json.loads(out.stdout.strip().splitlines()[-1]))
        return row


def add_to(db_path: str, size: int, add: int) -> dict:
    """Time ``add`` new mentions linked into the store of ``size`` at ``db_path``."""
    more = generate(add, offset=1)
    seconds, cpu = link(db_path, more, first_order=size // 10 + 1)
    return {"added": add, "add_seconds": round(seconds, 2), "add_cpu_seconds": round(cpu, 2),
            "add_peak_mb": peak_mb()}


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--one":
        print(json.dumps(one(int(argv[1]), int(argv[2]), int(argv[3]), int(argv[4]))))
        return
    if argv and argv[0] == "--add-to":
        print(json.dumps(add_to(argv[1], int(argv[2]), int(argv[3]))))
        return
    add, batch = 0, 1
    for flag in ("--add", "--batch"):
        if flag in argv:
            at = argv.index(flag)
            value, argv = int(argv[at + 1]), argv[:at] + argv[at + 2:]
            add, batch = (value, batch) if flag == "--add" else (add, value)
    if argv and argv[0] == "--sample":
        every = int(argv[1])
        at = int(argv[argv.index("--at") + 1]) if "--at" in argv else 10 * every
        print(f"{len(real_quotes())} real quotations; times per slice of {every} mentions")
        print(json.dumps(one(at, add, every, batch)))
        return
    sizes = [int(a) for a in argv] or [10_000]
    print(f"{len(real_quotes())} real quotations; statements linked article by article (10 mentions each),"
          f" {batch} article(s) to a transaction")
    for k, size in enumerate(sizes):
        extra = add if k == len(sizes) - 1 else 0
        out = subprocess.run([sys.executable, __file__, "--one", str(size), str(extra), "0", str(batch)],
                             capture_output=True, text=True, check=True)
        print(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main(sys.argv[1:])
