"""The web application: one FastAPI app, HTML pages and a JSON API over one database.

Read-only: each worker thread reads through its own read-only SQLite connection; there
is no route that writes. Every response carries a Content-Security-Policy that allows no
script at all, so text from articles can never run, even if it slipped past escaping.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newstrace.errors import StoreError
from newstrace.queries import BadQuery
from newstrace.store import Store

log = logging.getLogger("newstrace.serve")

CACHED = 512  # whole-store figures and large speakers' profiles kept between requests
THREADS = 8  # worker threads, each with its own connection: two cores gain nothing from 40
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
     b" base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class Stores:
    """One read-only Store per worker thread (sqlite3 connections stay in their thread)."""

    def __init__(self, database: Path):
        self.database = Path(database)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[tuple, object]] = OrderedDict()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.database, readonly=True)
        return store

    def cached(self, key: str, make):
        """``make(store)``, computed again only when the store's data changed (the
        CACHED most recently used values are kept)."""
        store = self.get()
        version = store.data_version()
        with self._lock:
            hit = self._cache.get(key)
            if hit and hit[0] == version:
                self._cache.move_to_end(key)
                return hit[1]
        value = make(store)
        with self._lock:
            self._cache[key] = (version, value)
            while len(self._cache) > CACHED:
                self._cache.popitem(last=False)
        return value

    def has_search(self) -> bool:
        return self.get().db.execute(
            "SELECT 1 FROM sqlite_master WHERE name IN ('articles_fts', 'statements_fts')"
        ).fetchone() is not None


class SecurityHeaders:
    """Adds the security headers to every response (a plain ASGI wrapper: it does not
    buffer streamed downloads)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _warm(stores: Stores) -> None:
    """Work out the whole-store figures (counts, the citation graph) before the first
    page asks for them; on a large store they take a second or so."""
    from newstrace.serve import pages, svg

    try:
        stores.cached("totals", lambda store: store.totals())
        edges = stores.cached("citation_graph", pages.citation_graph)
        stores.cached("citation_network", lambda store: svg.network(edges))
    except Exception as e:  # a page that needs them will say what is wrong
        log.warning("could not prepare the store's figures: %s", e)


def allowed_hosts(host: str) -> list[str]:
    """Host headers the app answers: its own loopback names, so that a web page elsewhere
    cannot reach it through DNS rebinding; any host when bound to all interfaces."""
    if host in ("0.0.0.0", "::"):
        return ["*"]
    return sorted({host, "127.0.0.1", "localhost", "::1", "[::1]"})


def create_app(database: str | Path, host: str = "127.0.0.1") -> FastAPI:
    """The app over ``database`` (checked now: a missing or foreign file is a StoreError).

    >>> app = create_app("/nonexistent/newstrace.db")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    newstrace.errors.StoreError: /nonexistent/newstrace.db: no such database
    """
    database = Path(database)
    Store(database, readonly=True).close()  # fail now, with one clear message

    @asynccontextmanager
    async def lifespan(app):
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        threading.Thread(target=_warm, args=(app.state.stores,), daemon=True).start()
        yield

    app = FastAPI(
        title="newstrace",
        summary="Who said what, who repeated it, who cites whom: the newstrace store, read-only.",
        version="1",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: the schema is at /api/openapi.json
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.stores = Stores(database)
    app.state.database = database

    from newstrace.serve import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("newstrace.serve", "static")]), name="static")
    _handle_errors(app)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host))
    app.add_middleware(SecurityHeaders)
    return app


def error_response(request: Request, status: int, message: str, detail=None):
    """A JSON body under /api/, a page elsewhere; never a traceback."""
    if request.url.path.startswith("/api/"):
        body = {"error": message, "status": status}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status)
    from newstrace.serve.pages import render

    return HTMLResponse(render("error.html", request=request, status=status, message=message, detail=detail),
                        status_code=status)


_REASONS = {400: "bad request", 404: "not found", 405: "method not allowed", 503: "unavailable"}


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 405 else None
        response = error_response(request, exc.status_code, message or _REASONS.get(exc.status_code, "error"))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError):
        detail = [
            {"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or None, "problem": e.get("msg")}
            for e in exc.errors()
        ]
        return error_response(request, 400, "bad request: " + "; ".join(
            f"{d['parameter']}: {d['problem']}" for d in detail), detail)

    @app.exception_handler(BadQuery)
    async def bad_query(request: Request, exc: BadQuery):
        return error_response(request, 400, f"bad request: {exc}")

    @app.exception_handler(StoreError)
    async def store_gone(request: Request, exc: StoreError):
        return error_response(request, 503, f"database unavailable: {exc}")

    @app.exception_handler(sqlite3.Error)
    async def database_error(request: Request, exc: sqlite3.Error):
        log.error("database error on %s: %s", request.url.path, exc)
        return error_response(request, 503, "database error: the store could not be read (see the server log)")
