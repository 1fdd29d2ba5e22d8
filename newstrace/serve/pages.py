"""The HTML pages: each asks the store for one page of data and renders a template.

Templates are Jinja2 with autoescaping on; untrusted text is only ever printed through
it, URLs become links only when they are http(s), and names and quotes sit in
``<bdi>`` so that right-to-left text cannot reorder the page around them.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from newstrace.queries import MAX_CURSOR, MAX_PAGE, MAX_QUERY
from newstrace.report.html import Segment, day, safe_url, segments
from newstrace.serve import downloads, svg
from newstrace.serve.api import bounded_id, download_response, unmark

router = APIRouter(include_in_schema=False)

_env = Environment(
    loader=PackageLoader("newstrace.serve", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def segment_path(value: str) -> str:
    """A value quoted to stand as one path segment (ids may hold "/").

    >>> segment_path("train/a b")
    'train%2Fa%20b'
    """
    return quote(value, safe="")


def marked(snippet: str) -> Markup:
    """A search snippet with its matched words in <mark>, everything else escaped."""
    text, spans = unmark(snippet)
    out, at = [], 0
    for s, e in spans:
        out.append(escape(text[at:s]))
        out.append(Markup("<mark>") + escape(text[s:e]) + Markup("</mark>"))
        at = e
    out.append(escape(text[at:]))
    return Markup("").join(out)


def mention_segments(m) -> list[Segment]:
    """The sentence of a mention cut at its source, cue and content spans."""
    spans = [(s, e, role) for role, fragments in (("content", m.content), ("source", m.source), ("cue", m.cue))
             for s, e in fragments]
    return segments(m.sentence, spans, offset=m.sentence_start)


def with_query(request: Request, **changes) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return request.url.path + ("?" + urlencode(params) if params else "")


_env.filters.update(safe_url=safe_url, path=segment_path, marked=marked, day=day)
_env.globals.update(with_query=with_query, mention_segments=mention_segments)


def render(template: str, **context) -> str:
    return _env.get_template(template).render(**context)


def page(request: Request, template: str, **context) -> HTMLResponse:
    return HTMLResponse(render(template, request=request, **context))


def _store(request: Request):
    return request.app.state.stores.get()


def _found(value, what: str):
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


# one Query object per parameter (FastAPI names a shared one after its first use)
def cursor_param():
    return Query(None, max_length=MAX_CURSOR)


def text_param():
    return Query(None, max_length=MAX_QUERY)


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    store = _store(request)
    totals = request.app.state.stores.cached("totals", lambda store: store.totals())
    return page(request, "home.html", totals=totals, runs=store.runs(limit=5),
                stories=store.story_list(limit=10), exports=list(downloads.DOWNLOADS.values()))


@router.get("/stories", response_class=HTMLResponse)
def story_list(request: Request, q: str | None = text_param(), cursor: str | None = cursor_param()):
    return page(request, "stories.html", q=q or "", stories=_store(request).story_list(30, cursor, q or None))


@router.get("/stories/{story}", response_class=HTMLResponse)
def story(request: Request, story: str, cursor: str | None = cursor_param(), statements: str | None = cursor_param()):
    store = _store(request)
    summary = _found(store.story_summary(bounded_id(story)), "story")
    return page(request, "story.html", story=summary, outlets=store.story_outlets(story),
                articles=store.story_articles(story, 50, cursor),
                statements=store.story_statements(story, 30, statements),
                citations=store.story_citations(story))


@router.get("/statements/{statement}", response_class=HTMLResponse)
def statement(request: Request, statement: str, cursor: str | None = cursor_param()):
    store = _store(request)
    summary = _found(store.statement_summary(bounded_id(statement)), "statement")
    spread = store.statement_spread(statement)
    return page(request, "statement.html", statement=summary, spread=spread,
                timeline=svg.timeline(spread, summary.first_seen),
                mentions=store.statement_mentions(statement, 30, cursor))


@router.get("/speakers", response_class=HTMLResponse)
def speaker_list(request: Request, q: str | None = text_param(), cursor: str | None = cursor_param()):
    return page(request, "speakers.html", q=q or "", speakers=_store(request).speaker_list(MAX_PAGE, cursor, q or None))


@router.get("/speakers/{key:path}", response_class=HTMLResponse)
def speaker(request: Request, key: str, cursor: str | None = cursor_param()):
    store = _store(request)
    profile = _found(request.app.state.stores.cached(f"speaker:{bounded_id(key)}", lambda s: s.speaker_profile(key)),
                     "speaker")
    return page(request, "speaker.html", speaker=profile, statements=store.speaker_statements(key, 30, cursor))


@router.get("/outlets", response_class=HTMLResponse)
def outlet_list(request: Request, cursor: str | None = cursor_param()):
    return page(request, "outlets.html", outlets=_store(request).outlet_list(MAX_PAGE, cursor))


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet(request: Request, name: str, cursor: str | None = cursor_param()):
    store = _store(request)
    profile = _found(request.app.state.stores.cached(f"outlet:{bounded_id(name)}", lambda s: s.outlet_profile(name)),
                     "outlet")
    return page(request, "outlet.html", outlet=profile, articles=store.outlet_articles(name, 30, cursor))


def citation_graph(store):
    return store.citation_graph(400)


@router.get("/citations", response_class=HTMLResponse)
def citations(request: Request):
    pool = request.app.state.stores
    edges = pool.cached("citation_graph", citation_graph)
    drawing = pool.cached("citation_network", lambda store: svg.network(edges))
    return page(request, "citations.html", edges=[e for e in edges if not e.self],
                self_citations=[e for e in edges if e.self], network=drawing)


@router.get("/articles/{article:path}", response_class=HTMLResponse)
def article(request: Request, article: str):
    store = _store(request)
    summary = _found(store.article_summary(bounded_id(article)), "article")
    full = store.article(article)
    attributions = list(store.attributions(article=article))
    spans = [(s, e, role) for a in attributions
             for role, fragments in (("content", a.content), ("source", a.source), ("cue", a.cue))
             for s, e in fragments]
    return page(request, "article.html", article=summary, author=full.author, attributions=attributions,
                text=segments(full.text, spans), citations=list(store.citations(article=article)),
                copies=store.article_copies(article),
                original=store.article_summary(summary.copy_of) if summary.copy_of else None,
                cues={a.id: " ".join(full.text[s:e] for s, e in a.cue) for a in attributions})


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str | None = text_param(),
           kind: str = Query("statements", pattern="^(statements|articles)$"),
           speaker: str | None = text_param(), outlet: str | None = text_param(),
           since: str | None = Query(None, max_length=10), until: str | None = Query(None, max_length=10),
           cursor: str | None = cursor_param()):
    results = None
    pool = request.app.state.stores
    if q and not pool.has_search():
        raise HTTPException(503, "this database has no search index: run `newstrace serve` once with write access")
    if q:
        store = pool.get()
        find = store.search_statements if kind == "statements" else store.search_articles
        results = find(q, speaker=speaker or None, outlet=outlet or None, since=since or None,
                       until=until or None, limit=20, cursor=cursor)
    return page(request, "search.html", q=q or "", kind=kind, speaker=speaker or "", outlet=outlet or "",
                since=since or "", until=until or "", results=results)


@router.get("/exports", response_class=HTMLResponse)
def exports(request: Request):
    return page(request, "exports.html", exports=list(downloads.DOWNLOADS.values()),
                sizes={name: downloads.size_hint(request.app.state.database, name) for name in downloads.DOWNLOADS})


@router.get("/exports/{name}")
def download(request: Request, name: str):
    return download_response(request, name)


@router.get("/api", response_class=HTMLResponse)
def api_index(request: Request):
    schema = request.app.openapi()
    routes = [
        {"path": path, "summary": op.get("summary", ""),
         "parameters": [p["name"] for p in op.get("parameters", [])]}
        for path, ops in schema["paths"].items() for method, op in ops.items() if method == "get"
    ]
    return page(request, "api.html", routes=routes)
