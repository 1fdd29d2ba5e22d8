"""The shared Wikinews sample (../shared/corpora/wikinews, CC BY 2.5) as newstrace JSONL,
ids "wn000", "wn001", ... in the order of wikinews_2019.csv then wikinews_2020.csv (the
ids tests/gold/speaker_identity_wikinews.jsonl refers to).

    python bench/wikinews_jsonl.py OUT.jsonl
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

WIKINEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "wikinews"


def main(out: str) -> None:
    csv.field_size_limit(10**8)
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for year in ("2019", "2020"):
            with open(WIKINEWS / f"wikinews_{year}.csv", encoding="utf-8", newline="") as rows:
                for row in csv.DictReader(rows):
                    f.write(json.dumps({"id": f"wn{n:03d}", "url": row["url"], "title": row["title"],
                                        "published": row["date"], "text": row["text"]}) + "\n")
                    n += 1
    print(f"{n} articles in {out}")


if __name__ == "__main__":
    main(sys.argv[1])
