"""The serve stage: a local web app and JSON API over a newstrace store, read-only.

    newstrace serve baghuz-out            # http://127.0.0.1:8000/

>>> database_of("/nonexistent")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
newstrace.errors.StoreError: /nonexistent: no such folder or database
"""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

from newstrace.errors import StoreError
from newstrace.store import SCHEMA_VERSION, Store

DATABASE_NAME = "newstrace.db"  # as newstrace.pipeline names it in an --out folder


def database_of(target: str | os.PathLike) -> Path:
    """The database a ``newstrace run --out`` folder holds, or ``target`` itself when it
    is a file."""
    path = Path(target)
    if path.is_dir():
        inside = path / DATABASE_NAME
        if not inside.is_file():
            raise StoreError(f"{path}: no {DATABASE_NAME} in this folder"
                             f" (run `newstrace run INPUT --out {path}` first)")
        return inside
    if not path.exists():
        raise StoreError(f"{path}: no such folder or database")
    return path


def prepare(database: Path) -> str | None:
    """Check the database and bring an older one up to date (adds the search index and new
    tables, once; the only write serve ever makes). Returns a warning line, or None: a store
    whose links an older newstrace made is served as it is, with a warning saying so."""
    with Store(database, readonly=True) as store:
        current = store.db.execute(
            "SELECT (SELECT 1 FROM meta WHERE key='search_index'), (SELECT 1 FROM sqlite_master WHERE name='runs'),"
            " (SELECT CAST(value AS INTEGER) >= ? FROM meta WHERE key='schema_version')", (SCHEMA_VERSION,)
        ).fetchone()
        stale = store.relink_pending()
    if not all(current):
        if not os.access(database, os.W_OK) or not os.access(database.parent, os.W_OK):
            return (f"{database}: made by an older newstrace and read-only here: run `newstrace run` on it once"
                    " with write access to bring it up to date (until then search and newer pages fail)")
        with Store(database) as store:  # the migration: search index and new tables
            stale = store.relink_pending()
    if stale:
        return (f"{database}: its statements and stories were linked by an older newstrace; the pages"
                " show them until `newstrace run` on its input (or with --relink) links them again")
    return None


def check_port(host: str, port: int) -> None:
    """Fail with one clear line when the address cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as e:
            in_use = e.errno == errno.EADDRINUSE
            why = "is in use; choose another with --port" if in_use else f"cannot be used ({e.strerror})"
            raise StoreError(f"{host}:{port} {why}") from None


def serve(target: str | os.PathLike, host: str = "127.0.0.1", port: int = 8000, on_ready=None) -> None:
    """Serve the store of ``target`` (a run's --out folder or a database file) until
    interrupted. Raises StoreError, with one clear message, when it cannot."""
    import uvicorn

    from newstrace.serve.app import create_app

    database = database_of(target)
    warning = prepare(database)
    if warning and on_ready:
        on_ready(f"warning: {warning}")
    check_port(host, port)
    app = create_app(database, host=host)
    if on_ready:
        shown = f"[{host}]" if ":" in host else host
        on_ready(f"serving {database} at http://{shown}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
