"""The static HTML report: opened in a browser from the folder, no server.

A small run (up to ``SINGLE_FILE`` articles) is one self-contained ``report.html``. A
larger one is split: ``report.html`` holds the figures, the repeated statements and the
citation graph, and links to pages of stories in ``report-files/`` (about
``PAGE_ARTICLES`` articles a page, newest stories first), so no page grows with the
store. Everything is read through the Store's paged queries.

Article text is untrusted: every string reaches the page through Jinja2 with
autoescaping on, URLs are links only when http(s), and the pages load no script and
nothing from outside (a Content-Security-Policy says so to the browser).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from newstrace.queries import MAX_PAGE, StorySummary
from newstrace.records import Article, Attribution
from newstrace.store import Store

SINGLE_FILE = 300  # articles: up to this many, the report is one file
PAGE_ARTICLES = 200  # articles (with their texts) on one page of a split report
TOP_STATEMENTS = 100  # repeated statements listed on the front page
TOP_EDGES = 300  # citation links listed on the front page
FAILURES_SHOWN = 1000

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


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else None (never a javascript: or data: link).

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url(" JAVASCRIPT:x")
    ('https://example.org/a?b=1', None, None)
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def day(published: str | None) -> str:
    return published[:10] if published else "undated"


_env.filters.update(headline=display_title, safe_url=safe_url, day=day)


def _stories(store: Store) -> Iterator[StorySummary]:
    """Every story, newest first, a page at a time."""
    cursor = None
    while True:
        page = store.story_list(limit=MAX_PAGE, cursor=cursor)
        yield from page.items
        if not page.next:
            return
        cursor = page.next


def _story_view(store: Store, story: StorySummary) -> dict:
    """A story with everything the report shows of it."""
    articles, cursor = [], None
    while True:
        page = store.story_articles(story.id, limit=MAX_PAGE, cursor=cursor)
        articles += page.items
        if not page.next:
            break
        cursor = page.next
    views = []
    for summary in articles:
        full = store.article(summary.id)
        attributions = list(store.attributions(article=summary.id))
        views.append({
            "summary": summary, "article": full, "attributions": attributions,
            "cues": {a.id: " ".join(full.text[s:e] for s, e in a.cue) for a in attributions},
            "cited": sorted({c.outlet for c in store.citations(article=summary.id)}),
            "segments": highlight(full.text, attributions),
        })
    statements = [s for s in store.story_statements(story.id, limit=MAX_PAGE).items if s.articles > 1]
    return {
        "story": story, "articles": views, "outlets": store.story_outlets(story.id),
        "statements": [{"statement": s, "trail": store.statement_spread(s.id)} for s in statements],
        "citations": store.story_citations(story.id),
    }


def _front(store: Store) -> dict:
    edges = store.citation_graph(TOP_EDGES)
    totals = store.totals()
    return {
        "totals": totals, "runs": store.runs(limit=5),
        "repeated": [{"statement": s, "trail": store.statement_spread(s.id)}
                     for s in store.repeated_statements(TOP_STATEMENTS)],
        "edges": [e for e in edges if not e.self], "self_edges": [e for e in edges if e.self],
        "failures": store.failures()[:FAILURES_SHOWN],
    }


def write_html(store: Store, path: Path) -> None:
    """``report.html`` at ``path``; for a run of more than SINGLE_FILE articles, also its
    pages of stories in ``<stem>-files/`` beside it (replaced whole)."""
    path = Path(path)
    pages_dir = path.with_name(path.stem + "-files")
    context = _front(store)
    if context["totals"]["articles"] <= SINGLE_FILE:
        stories = [_story_view(store, s) for s in _stories(store)]
        _write(path, _env.get_template("report.html").render(**context, split=False, stories=stories, page_of={}))
        if pages_dir.exists():  # left by an earlier, larger run of this folder
            shutil.rmtree(pages_dir)
        return
    # which page each story goes on, known before any is written, so that a statement's
    # trail can link to articles on other pages
    pages: list[dict] = []
    page_of: dict[str, str] = {}
    for story in _stories(store):
        if not pages or pages[-1]["articles"] >= PAGE_ARTICLES:
            pages.append({"name": f"stories-{len(pages) + 1:04d}.html", "stories": [], "articles": 0})
        pages[-1]["stories"].append(story)
        pages[-1]["articles"] += story.articles
        page_of[story.id] = pages[-1]["name"]
    tmp = Path(tempfile.mkdtemp(prefix=pages_dir.name + ".", dir=path.parent))
    os.chmod(tmp, 0o755)  # mkdtemp makes it private; the report is for sharing
    try:
        for number, page in enumerate(pages, 1):
            views = [_story_view(store, story) for story in page["stories"]]
            _write(tmp / page["name"], _env.get_template("report_stories.html").render(
                stories=views, page=number, pages=len(pages), front=path.name, page_of=page_of))
        old = pages_dir.with_name(pages_dir.name + ".old")
        if pages_dir.exists():
            os.replace(pages_dir, old)
        os.replace(tmp, pages_dir)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _write(path, _env.get_template("report.html").render(
        **context, split=True, pages=pages, pages_dir=pages_dir.name,
        page_of={story: f"{pages_dir.name}/{name}" for story, name in page_of.items()}))


def _write(path: Path, html: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, path)
