#!/usr/bin/env python3
"""Build newstrace/link/story_background.json: document frequencies of the story stage's
terms (words, names, numbers) over the Wikinews sample in ../shared/corpora/wikinews
(295 articles, 2019-2021, CC BY 2.5: credit Wikinews, https://creativecommons.org/licenses/by/2.5/).

The story stage adds these counts to its own, so that a store of a few articles still
weighs "said" and "state" as common and "Baghuz" as rare; terms seen in fewer than two
articles are left out (they would only say "rare", which an unseen term says anyway).

    python training/story_background.py
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newstrace.link.stories import terms  # noqa: E402
from newstrace.records import Article  # noqa: E402


def main() -> None:
    df: Counter[str] = Counter()
    documents = 0
    for year in ("2019", "2020"):
        path = ROOT.parent / "shared" / "corpora" / "wikinews" / f"wikinews_{year}.csv"
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                text = f"{row['title']}\n\n{row['text']}"
                counts = terms(Article(id=row["url"], text=text, title=row["title"]))
                df.update({f"{field}:{t}" for field in ("w", "n", "d") for t in counts[field]})
                documents += 1
    kept = {t: c for t, c in sorted(df.items()) if c >= 2}
    out = {"source": "Wikinews sample 2019-2021 (CC BY 2.5, Wikinews)", "documents": documents, "df": kept}
    (ROOT / "newstrace" / "link" / "story_background.json").write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"{documents} documents, {len(kept)} terms")


if __name__ == "__main__":
    main()
