"""JSONL exports, with the fields PRODUCT.md fixes (names may grow, never change).

Each file is written beside its final name and renamed over it, so a reader never sees
half an export.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Iterator

from newstrace.link.normalize import mention_span
from newstrace.store import Store


def article_rows(store: Store) -> Iterator[dict]:
    story = dict(store.db.execute("SELECT id, story FROM articles"))
    for a in store.articles():
        yield {
            "id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title,
            "published": a.published, "text": a.text, "author": a.author,
            "story": story.get(a.id), "duplicate_of": a.duplicate_of, "origin": a.origin,
        }


def _mentions_of(store: Store, article_id: str, text: str) -> dict[str, list[dict]]:
    """Per attribution, each statement it holds with the characters that are its words."""
    out: dict[str, list[dict]] = {}
    for attribution, held in store.attribution_mentions(article_id).items():
        out[attribution] = [{"statement": statement, "span": list(mention_span(text, start, end, lo, hi)),
                             "fragment": [start, end]} for statement, start, end, lo, hi in held]
    return out


def attribution_rows(store: Store) -> Iterator[dict]:
    article, held = None, {}
    for a in store.attributions():
        if a.article != article:  # attributions come article by article
            article = a.article
            stored = store.article(article)
            held = _mentions_of(store, article, stored.text) if stored else {}
        yield {
            "id": a.id, "article": a.article, "kind": a.kind, "speaker": a.speaker,
            "source": [list(f) for f in a.source], "cue": [list(f) for f in a.cue],
            "content": [list(f) for f in a.content], "content_text": a.content_text,
            "statement": a.statement, "speaker_mention": a.speaker_mention, "score": round(a.score, 4),
            # every statement the attribution's quoted fragments hold, with its span; the
            # `statement` above is the one that covers most of its words
            "statements": held.get(a.id, []),
        }


def statement_rows(store: Store) -> Iterator[dict]:
    outlet = dict(store.db.execute("SELECT id, outlet FROM articles"))
    texts: dict[str, str] = {}
    for s in store.statements():
        trail = store.statement_trail(s.id)
        for step in trail:
            if step["article"] not in texts:
                if len(texts) > 1000:  # a few articles' texts at a time, not the corpus
                    texts.clear()
                texts[step["article"]] = store.article(step["article"]).text
            start, end = step["fragment"]
            lo, hi = step.pop("words")
            step["span"] = list(mention_span(texts[step["article"]], start, end, lo, hi))
        yield {
            "id": s.id, "text": s.text, "speaker": s.speaker,
            "mentions": [{"article": m.article, "attribution": m.attribution} for m in s.mentions],
            "first_seen": s.first_seen,
            "articles": len({m.article for m in s.mentions}),
            "outlets": sorted({outlet[m.article] for m in s.mentions if outlet.get(m.article)}),
            # the spread: every mention in order, copies of wire stories marked
            "trail": trail,
            "independent_articles": len({t["article"] for t in trail if not t["copy_of"]}),
        }


def citation_rows(store: Store) -> Iterator[dict]:
    for c in store.citations():
        yield {"article": c.article, "outlet": c.outlet, "cue": c.cue, "span": list(c.span), "kind": c.kind}


def story_rows(store: Store) -> Iterator[dict]:
    for s in store.stories():
        yield {"id": s.id, "label": s.label, "articles": s.articles}


EXPORTS = {
    "articles.jsonl": article_rows,
    "attributions.jsonl": attribution_rows,
    "statements.jsonl": statement_rows,
    "citations.jsonl": citation_rows,
    "stories.jsonl": story_rows,
}


def write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    with open(tmp, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n


def write_exports(store: Store, out: Path) -> dict[str, int]:
    """Write every export in ``out``; return the number of rows of each."""
    out.mkdir(parents=True, exist_ok=True)
    return {name: write_jsonl(out / name, rows(store)) for name, rows in EXPORTS.items()}
