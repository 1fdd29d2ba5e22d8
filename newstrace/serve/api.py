"""The JSON API under /api/: the same data as the pages, documented by the OpenAPI schema
(/api/openapi.json). Lists are paged: ``limit`` (1-100) items a page, and the ``next``
cursor of a page asks for the following one; every item has its stable id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from newstrace.queries import (
    MAX_CURSOR, MAX_PAGE, MAX_QUERY, ArticleSummary, CitationCount, CitationEdge, MentionView, NameCount,
    OutletProfile, OutletSummary, Page, SpeakerProfile, SpeakerSummary, StatementSummary, StorySummary,
)
from newstrace.records import Attribution, Citation, RunFigures
from newstrace.serve import downloads

router = APIRouter(prefix="/api", tags=["api"])


# each parameter needs a Query object of its own (FastAPI names a shared one after its first use)
def limit_param():
    return Query(20, ge=1, le=MAX_PAGE, description=f"items per page (1-{MAX_PAGE})")


def cursor_param():
    return Query(None, max_length=MAX_CURSOR, description="the `next` value of the previous page")


def text_param():
    return Query(None, max_length=MAX_QUERY)


ID = 500  # longest id, name or key accepted in a path


@dataclass
class StoryPage:
    items: list[StorySummary]
    next: str | None = None
    total: int | None = None


@dataclass
class ArticlePage:
    items: list[ArticleSummary]
    next: str | None = None


@dataclass
class StatementPage:
    items: list[StatementSummary]
    next: str | None = None


@dataclass
class MentionPage:
    items: list[MentionView]
    next: str | None = None


@dataclass
class SpeakerPage:
    items: list[SpeakerSummary]
    next: str | None = None


@dataclass
class OutletPage:
    items: list[OutletSummary]
    next: str | None = None


@dataclass
class StoryDetail:
    story: StorySummary
    outlets: list[NameCount]
    articles: ArticlePage
    statements: StatementPage
    citations: list[CitationCount]


@dataclass
class StatementDetail:
    statement: StatementSummary
    spread: list[ArticleSummary]  # the articles that quote it, earliest first
    mentions: MentionPage


@dataclass
class ArticleDetail:
    article: ArticleSummary
    text: str
    author: str | None
    attributions: list[Attribution]
    citations: list[Citation]
    copies: list[ArticleSummary]  # articles that repeat this one


@dataclass
class Hit:
    kind: str
    id: str
    text: str
    snippet: str
    highlights: list[tuple[int, int]]  # spans of ``snippet`` that matched
    speaker: str | None = None
    outlet: str | None = None
    published: str | None = None
    articles: int | None = None
    speaker_id: str | None = None


@dataclass
class SearchPage:
    items: list[Hit]
    next: str | None = None
    total: int | None = None  # matches ranked, at most SEARCH_WINDOW


@dataclass
class Overview:
    totals: dict[str, int]
    runs: list[RunFigures] = field(default_factory=list)


@dataclass
class DownloadInfo:
    name: str
    media_type: str
    description: str
    url: str


def _page(cls, page: Page):
    return cls(**{k: getattr(page, k) for k in cls.__dataclass_fields__})


def stores(request: Request):
    return request.app.state.stores


def unmark(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet without its \\x02...\\x03 marks, and the spans they marked.

    >>> unmark("rise against the \\x02Crusaders\\x03 and")
    ('rise against the Crusaders and', [(17, 26)])
    """
    out, spans, start = [], [], None
    n = 0
    for ch in snippet:
        if ch == "\x02":
            start = n
        elif ch == "\x03":
            if start is not None:
                spans.append((start, n))
            start = None
        else:
            out.append(ch)
            n += 1
    return "".join(out), spans


@router.get("/overview", response_model=Overview, summary="How much the store holds, and the latest runs")
def overview(request: Request):
    store = stores(request).get()
    return Overview(store.totals(), store.runs(limit=10))


@router.get("/stories", response_model=StoryPage, summary="Stories, newest first")
def story_list(request: Request, limit: int = limit_param(), cursor: str | None = cursor_param(),
               q: str | None = Query(None, max_length=MAX_QUERY, description="words an article of the story holds")):
    return _page(StoryPage, stores(request).get().story_list(limit, cursor, q))


@router.get("/stories/{story}", response_model=StoryDetail, summary="A story: its articles, statements and citations")
def story(request: Request, story: str, limit: int = limit_param()):
    store = stores(request).get()
    summary = _found(store.story_summary(bounded_id(story)), "story", story)
    return StoryDetail(summary, store.story_outlets(story), _page(ArticlePage, store.story_articles(story, limit)),
                       _page(StatementPage, store.story_statements(story, limit)), store.story_citations(story))


@router.get("/stories/{story}/articles", response_model=ArticlePage, summary="A story's articles, by time")
def story_articles(request: Request, story: str, limit: int = limit_param(), cursor: str | None = cursor_param()):
    store = stores(request).get()
    _found(store.story_summary(bounded_id(story)), "story", story)
    return _page(ArticlePage, store.story_articles(story, limit, cursor))


@router.get("/stories/{story}/statements", response_model=StatementPage,
            summary="Statements quoted in a story, most quoted first")
def story_statements(request: Request, story: str, limit: int = limit_param(), cursor: str | None = cursor_param()):
    store = stores(request).get()
    _found(store.story_summary(bounded_id(story)), "story", story)
    return _page(StatementPage, store.story_statements(story, limit, cursor))


@router.get("/statements/{statement}", response_model=StatementDetail,
            summary="A statement's trail: its spread and its mentions")
def statement(request: Request, statement: str, limit: int = limit_param()):
    store = stores(request).get()
    summary = _found(store.statement_summary(bounded_id(statement)), "statement", statement)
    return StatementDetail(summary, store.statement_spread(statement),
                           _page(MentionPage, store.statement_mentions(statement, limit)))


@router.get("/statements/{statement}/mentions", response_model=MentionPage,
            summary="Every mention of a statement with its sentence, earliest first")
def statement_mentions(request: Request, statement: str, limit: int = limit_param(),
                       cursor: str | None = cursor_param()):
    store = stores(request).get()
    _found(store.statement_summary(bounded_id(statement)), "statement", statement)
    return _page(MentionPage, store.statement_mentions(statement, limit, cursor))


@router.get("/speakers", response_model=SpeakerPage, summary="Speakers by name")
def speaker_list(request: Request, limit: int = limit_param(), cursor: str | None = cursor_param(),
                 q: str | None = Query(None, max_length=MAX_QUERY, description="part of the name, any case")):
    return _page(SpeakerPage, stores(request).get().speaker_list(limit, cursor, q))


@router.get("/speakers/{key:path}/statements", response_model=StatementPage,
            summary="A speaker's statements, most repeated first")
def speaker_statements(request: Request, key: str, limit: int = limit_param(), cursor: str | None = cursor_param()):
    store = stores(request).get()
    page = store.speaker_statements(bounded_id(key), limit, cursor)
    if not page.items and cursor is None:
        _found(store.speaker_profile(key), "speaker", key)  # no statements: a 404 unless the speaker exists
    return _page(StatementPage, page)


@router.get("/speakers/{key:path}", response_model=SpeakerProfile,
            summary="A speaker: the names they were given and who quoted them")
def speaker(request: Request, key: str):
    profile = stores(request).cached(f"speaker:{bounded_id(key)}", lambda store: store.speaker_profile(key))
    return _found(profile, "speaker", key)


@router.get("/outlets", response_model=OutletPage, summary="Outlets that published or were cited, by name")
def outlet_list(request: Request, limit: int = Query(100, ge=1, le=MAX_PAGE), cursor: str | None = cursor_param()):
    return _page(OutletPage, stores(request).get().outlet_list(limit, cursor))


@router.get("/outlets/{name:path}/articles", response_model=ArticlePage, summary="An outlet's articles, newest first")
def outlet_articles(request: Request, name: str, limit: int = limit_param(), cursor: str | None = cursor_param()):
    return _page(ArticlePage, stores(request).get().outlet_articles(bounded_id(name), limit, cursor))


@router.get("/outlets/{name:path}", response_model=OutletProfile,
            summary="An outlet: whom it quotes, whom it cites, who cites it (self-citations marked)")
def outlet(request: Request, name: str):
    profile = stores(request).cached(f"outlet:{bounded_id(name)}", lambda store: store.outlet_profile(name))
    return _found(profile, "outlet", name)


@router.get("/articles/{article:path}", response_model=ArticleDetail,
            summary="An article with its attributions and citations")
def article(request: Request, article: str):
    store = stores(request).get()
    summary = _found(store.article_summary(bounded_id(article)), "article", article)
    full = store.article(article)
    return ArticleDetail(summary, full.text, full.author, list(store.attributions(article=article)),
                         list(store.citations(article=article)), store.article_copies(article))


@router.get("/citations", response_model=list[CitationEdge],
            summary="The citation graph: citing outlet -> cited outlet, heaviest first")
def citations(request: Request, limit: int = Query(200, ge=1, le=1000)):
    return stores(request).get().citation_graph(limit)


@router.get("/search", response_model=SearchPage, summary="Full-text search over statements or articles")
def search(request: Request, q: str = Query(..., min_length=1, max_length=MAX_QUERY),
           kind: Literal["statements", "articles"] = "statements",
           speaker: str | None = text_param(), outlet: str | None = text_param(),
           since: str | None = Query(None, max_length=10, description="YYYY-MM-DD"),
           until: str | None = Query(None, max_length=10, description="YYYY-MM-DD"),
           limit: int = limit_param(), cursor: str | None = cursor_param()):
    pool = stores(request)
    if not pool.has_search():
        raise HTTPException(503, "this database has no search index: run `newstrace serve` once with write access")
    store = pool.get()
    find = store.search_statements if kind == "statements" else store.search_articles
    page = find(q, speaker=speaker, outlet=outlet, since=since, until=until, limit=limit, cursor=cursor)
    hits = []
    for h in page.items:
        text, spans = unmark(h.snippet)
        hits.append(Hit(h.kind, h.id, h.text, text, spans, h.speaker, h.outlet, h.published, h.articles,
                        h.speaker_id))
    return SearchPage(hits, page.next, page.total)


@router.get("/exports", response_model=list[DownloadInfo], summary="The exports that can be downloaded")
def exports(request: Request):
    return [DownloadInfo(d.name, d.media_type, d.description, f"/exports/{d.name}")
            for d in downloads.DOWNLOADS.values()]


def download_response(request: Request, name: str) -> StreamingResponse:
    if name not in downloads.DOWNLOADS:
        raise HTTPException(404, f"no export named {name!r}")
    d = downloads.DOWNLOADS[name]
    return StreamingResponse(downloads.stream(request.app.state.database, name), media_type=d.media_type,
                             headers={"content-disposition": f'attachment; filename="{name}"'})


def bounded_id(value: str) -> str:
    if len(value) > ID:
        raise HTTPException(400, f"identifier longer than {ID} characters")
    return value


def _found(value, what: str, key: str):
    if value is None:
        raise HTTPException(404, f"no {what} {key!r}")
    return value
