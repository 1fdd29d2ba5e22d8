#!/usr/bin/env python3
"""Linking cost when one statement is quoted everywhere (a slogan, a leader's line).

The linker alone, no extraction: N articles, each a different report (its own sentences,
drawn from the Wikinews texts in ../shared/corpora/wikinews, so they are not near
duplicates of each other) that quotes the same sentence, one attribution each, linked one
by one into a fresh store in a temporary file. Prints the time per article at the start and
at the end (a statement's upkeep grows with its mentions), the time to replace one
article that no longer quotes it (its mentions leave, the rest are linked again), and a
refresh of the statement's speaker.

    python bench/link_popular.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newstrace.extract.quotes import classify, quote_mask  # noqa: E402
from newstrace.link import Linker  # noqa: E402
from newstrace.records import Article, Attribution, span_text  # noqa: E402
from newstrace.store import Store  # noqa: E402

QUOTE = "We will hold the line in the north until the last of the convoys has crossed the river safely"
SPEAKERS = ["General Anna Petrov", "Petrov", "the general", "she"]


def sentences(corpus: Path) -> list[str]:
    csv.field_size_limit(10**8)
    out = []
    for path in sorted(corpus.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = row.get("text") or row.get("content") or ""
                out += [s.strip() + "." for s in text.split(". ") if 8 <= len(s.split()) <= 40]
    return out


def report(n: int, pool: list[str], rng: random.Random, quote: bool = True) -> tuple[Article, list[Attribution]]:
    body = " ".join(rng.sample(pool, 6))
    line = f'"{QUOTE}," {SPEAKERS[n % len(SPEAKERS)]} said.' if quote else "Nothing was said."
    text = f"Report {n}\n\n{body}\n\n{line}\n\n{' '.join(rng.sample(pool, 4))}"
    article = Article(id=f"r{n}", text=text, title=f"Report {n}", order=n,
                      fingerprint=hashlib.sha1(text.encode()).hexdigest())
    if not quote:
        return article, []
    start = text.index(QUOTE)
    content = [(start - 1, start + len(QUOTE) + 2)]
    mask = quote_mask(text)
    return article, [Attribution(id=f"r{n}#a1", article=article.id, kind=classify(text, content, mask),
                                 source=[], cue=[], content=content, content_text=span_text(text, content),
                                 speaker=SPEAKERS[n % len(SPEAKERS)])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpora" / "wikinews"))
    args = parser.parse_args()
    pool = sentences(Path(args.corpus))
    rng = random.Random(20190320)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        linker = Linker(store)
        times = []
        for n in range(args.articles):
            article, attributions = report(n, pool, rng)
            t = time.perf_counter()
            linker.add(article, attributions, [], "bench")
            times.append(time.perf_counter() - t)
        (statement,) = [s for s in store.statements() if len(s.mentions) > 1]
        mentions = len(statement.mentions)
        t = time.perf_counter()
        linker.add(*report(0, pool, rng, quote=False), [], "bench")
        replace = time.perf_counter() - t
        t = time.perf_counter()
        for _ in range(10):
            with store.transaction():
                linker.statements.refresh(statement.id)
        refresh = (time.perf_counter() - t) / 10
        k = max(1, args.articles // 10)
        print(f"{args.articles} articles quoting one statement ({mentions} mentions, speaker "
              f"{store.statement(statement.id).speaker!r}); {len(pool)} Wikinews sentences as filler")
        print(f"link: {sum(times[:k]) / k * 1000:.1f} ms per article over the first {k}, "
              f"{sum(times[-k:]) / k * 1000:.1f} ms over the last {k}; {sum(times):.1f} s in all")
        print(f"replace one article (its quote gone; the other {mentions - 1} mentions linked again): "
              f"{replace * 1000:.0f} ms")
        print(f"refresh the statement's speaker and first appearance: {refresh * 1000:.1f} ms")
        store.close()


if __name__ == "__main__":
    main()
