"""The static HTML report: one self-contained file, opened in a browser, no server.

Article text is untrusted: every string reaches the page through Jinja2 with
autoescaping on, and the page loads no script and nothing from outside.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from newstrace.records import Article, Attribution
from newstrace.store import Store

_env = Environment(
    loader=PackageLoader("newstrace.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(slots=True)
class Segment:
    text: str
    roles: str  # space-separated CSS classes: "content", "source", "cue"


def segments(text: str, spans: list[tuple[int, int, str]], offset: int = 0) -> list[Segment]:
    """Cut ``text`` (which starts at ``offset`` of its article) at every boundary of
    ``spans`` (start, end, role; article offsets), each piece tagged with its roles.

    >>> [(s.text, s.roles) for s in segments("Bob said hi.", [(9, 11, "content"), (0, 3, "source")])]
    [('Bob', 'source'), (' said ', ''), ('hi', 'content'), ('.', '')]
    """
    local = [(s - offset, e - offset, role) for s, e, role in spans]
    bounds = sorted({0, len(text), *[p for s, e, _ in local for p in (s, e) if 0 <= p <= len(text)]})
    out = []
    for start, end in zip(bounds, bounds[1:]):
        roles = {role for s, e, role in local if s <= start and end <= e}
        out.append(Segment(text[start:end], " ".join(sorted(roles))))
    return out


def highlight(text: str, attributions: list[Attribution]) -> list[Segment]:
    """Cut ``text`` into segments at every span boundary, each tagged with its roles."""
    return segments(text, [(s, e, role) for a in attributions
                           for role, fragments in (("content", a.content), ("source", a.source), ("cue", a.cue))
                           for s, e in fragments])


def display_title(article: Article | None) -> str:
    """The title, or the opening words of an untitled article."""
    if article is None:
        return "?"
    if article.title:
        return article.title
    opening = " ".join(article.text[:200].split())
    return opening[:90] + ("…" if len(opening) > 90 else "")


_env.filters["headline"] = display_title


def _label(article: Article | None) -> str:
    if article is None:
        return "?"
    bits = [article.outlet or "unknown outlet"]
    if article.published:
        bits.append(article.published[:10])
    return " · ".join(bits)


def build_context(store: Store) -> dict:
    articles = {a.id: a for a in store.articles()}
    story_of = dict(store.db.execute("SELECT id, story FROM articles"))
    attributions: dict[str, list[Attribution]] = defaultdict(list)
    for a in store.attributions():
        attributions[a.article].append(a)
    citations: dict[str, list] = defaultdict(list)
    for c in store.citations():
        citations[c.article].append(c)

    statements = []
    by_story: dict[str, list] = defaultdict(list)
    for s in store.statements():
        seen = []
        for m in s.mentions:
            if m.article not in seen:
                seen.append(m.article)
        entry = {
            "id": s.id, "text": s.text, "speaker": s.speaker or "unknown",
            "first": articles.get(s.first_seen), "first_label": _label(articles.get(s.first_seen)),
            "trail": [{"article": articles[a], "label": _label(articles[a])} for a in seen if a in articles],
            "repeated": len(seen) > 1,
        }
        statements.append(entry)
        if entry["repeated"]:
            for story in {story_of.get(a) for a in seen}:
                if story:
                    by_story[story].append(entry)
    repeated = sorted((s for s in statements if s["repeated"]), key=lambda s: (-len(s["trail"]), s["text"]))
    by_id = {s["id"]: s for s in statements}

    def article_view(a: Article) -> dict:
        return {
            "article": a, "label": _label(a),
            "cited": sorted({c.outlet for c in citations.get(a.id, [])}),
            "attributions": [
                {"a": x, "statement": by_id.get(x.statement) if x.statement else None}
                for x in attributions.get(a.id, [])
            ],
            "segments": highlight(a.text, attributions.get(a.id, [])),
        }

    stories = []
    for story in store.stories():
        members = [articles[a] for a in story.articles if a in articles]
        stories.append({
            "id": story.id, "label": story.label,
            "articles": [article_view(a) for a in members],
            "outlets": sorted({a.outlet for a in members if a.outlet}),
            "statements": by_story.get(story.id, []),
        })
    stories.sort(key=lambda s: (-len(s["articles"]), s["label"]))

    graph: Counter[tuple[str, str]] = Counter()
    for article_id, cs in citations.items():
        citing = articles[article_id].outlet if article_id in articles else None
        for outlet in {c.outlet for c in cs}:
            graph[(citing or "unknown outlet", outlet)] += 1
    return {
        "counts": {
            "articles": len(articles), "attributions": sum(map(len, attributions.values())),
            "statements": len(statements), "repeated": len(repeated),
            "citations": sum(map(len, citations.values())), "stories": len(stories),
        },
        "stories": stories, "repeated": repeated,
        "graph": [{"citing": k[0], "cited": k[1], "count": v} for k, v in sorted(graph.items(), key=lambda kv: (-kv[1], kv[0]))],
        "failures": store.failures(),
    }


def write_html(store: Store, path: Path) -> None:
    html = _env.get_template("report.html").render(**build_context(store))
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, path)
