"""Every export, downloadable from the web app, written from the store as it is asked for.

A download is either *rows* (an iterator of dicts, streamed as JSON Lines: the
``newstrace.report.export.EXPORTS`` functions) or a *file* writer (``write(store, path)``:
CSV, Parquet, GraphML, the writers of ``newstrace export``), written to a temporary file
and then streamed. Register another format with ``register``.

>>> sorted(DOWNLOADS)[:2]
['articles.csv', 'articles.jsonl']
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from newstrace.store import Store

# the module (newstrace.report re-exports a function of the same name)
export = importlib.import_module("newstrace.report.export")

CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Download:
    name: str  # the file name offered ("articles.jsonl")
    media_type: str
    description: str
    rows: Callable[[Store], Iterator[dict]] | None = None
    write: Callable[[Store, Path], object] | None = None


DOWNLOADS: dict[str, Download] = {}


def register(download: Download) -> None:
    """Offer ``download`` in the web app (its name must be a plain file name)."""
    if "/" in download.name or download.name.startswith(".") or (download.rows is None) == (download.write is None):
        raise ValueError(f"bad download {download.name!r}: a plain file name, and rows or write (one of them)")
    DOWNLOADS[download.name] = download


def _table_writer(table: str, write_format):
    return lambda store, path: write_format(path, export.TABLES[table](store), export.COLUMNS[table])


for _table, _rows in export.TABLES.items():
    register(Download(f"{_table}.jsonl", "application/x-ndjson; charset=utf-8",
                      f"{_table}, one JSON object a line", rows=_rows))
    register(Download(f"{_table}.csv", "text/csv; charset=utf-8",
                      f"{_table}, CSV (lists and spans as JSON text)", write=_table_writer(_table, export.write_csv)))
    if importlib.util.find_spec("pyarrow") is not None:  # the optional 'parquet' extra
        register(Download(f"{_table}.parquet", "application/vnd.apache.parquet",
                          f"{_table}, Parquet (nested types)", write=_table_writer(_table, export.write_parquet)))
register(Download("outlets.graphml", "application/graphml+xml", "the citation graph between outlets, GraphML (Gephi)",
                  write=lambda store, path: export.write_outlet_graphml(path, store)))
register(Download("speakers_statements.graphml", "application/graphml+xml",
                  "who said what: speakers and their statements, GraphML",
                  write=lambda store, path: export.write_speaker_graphml(path, store)))


def stream(database: Path, name: str) -> Iterator[bytes]:
    """The bytes of download ``name`` of ``database``, in chunks. Opens its own
    read-only connection, used from whichever worker thread asks for the next chunk
    (one at a time)."""
    download = DOWNLOADS[name]
    store = Store(database, readonly=True, check_same_thread=False)
    try:
        if download.rows is not None:
            buffer: list[str] = []
            size = 0
            for row in download.rows(store):
                line = json.dumps(row, ensure_ascii=False) + "\n"
                buffer.append(line)
                size += len(line)
                if size >= CHUNK:
                    yield "".join(buffer).encode("utf-8")
                    buffer, size = [], 0
            if buffer:
                yield "".join(buffer).encode("utf-8")
            return
        with tempfile.TemporaryDirectory(prefix="newstrace-download-") as tmp:
            path = Path(tmp) / name
            download.write(store, path)
            with open(path, "rb") as f:
                while chunk := f.read(CHUNK):
                    yield chunk
    finally:
        store.close()


def size_hint(database: Path, name: str) -> int | None:
    """The size of the same export written by the last run beside the database, if any
    (the app streams a fresh one; this is only shown as a guide)."""
    path = Path(database).parent / name
    try:
        return os.stat(path).st_size
    except OSError:
        return None
