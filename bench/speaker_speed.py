"""What speaker resolution costs in the link stage: every stored article's attributions
given speaker ids again (SpeakerIndex.clear, then add in input order), on a copy of a
store, timed per article.

    python bench/speaker_speed.py DB

prints articles, attributions, total seconds, ms per article and the speakers made.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from newstrace.link.speakers import SpeakerIndex
from newstrace.store import Store


def main(db: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copy(db, copy)
        with Store(copy) as store:
            index = SpeakerIndex(store.db)
            articles = list(store.articles())
            attributions = {a.id: list(store.attributions(article=a.id)) for a in articles}
            with store.transaction():
                index.clear()
                start = time.perf_counter()
                for article in articles:
                    index.add(article, attributions[article.id])
                took = time.perf_counter() - start
            kinds = dict(store.db.execute("SELECT kind, COUNT(*) FROM speakers GROUP BY kind"))
    n = sum(len(v) for v in attributions.values())
    print(f"{len(articles)} articles, {n} attributions: {took:.2f} s, {1000 * took / len(articles):.2f} ms/article; "
          f"speakers {kinds}")


if __name__ == "__main__":
    main(sys.argv[1])
