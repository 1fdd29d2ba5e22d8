"""Ingest: files and folders of news articles in, ``Article`` records out.

Reads plain text (``.txt``), saved web pages (``.html``, ``.htm``), JSON Lines exports
(``.jsonl``, ``.ndjson``) and ``.json`` files, with sidecar metadata
(``metadata.tsv``/``metadata.csv``, ``NAME.meta.json``). A file or record that cannot be
read is yielded as a ``BadInput`` in its place, so one bad file never stops a run.

>>> from newstrace.ingest import read_articles
>>> [a.title for a in read_articles("examples/baghuz-2019")]  # doctest: +SKIP
['Crumbling Islamic State Tells Jihadists: Attack ‘Europe, the World’ to Avenge Losses', None]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from newstrace.errors import BadInput
from newstrace.ingest.boilerplate import strip_boilerplate
from newstrace.ingest.decode import decode_text, file_name, storable
from newstrace.ingest.metadata import (
    META_JSON_SUFFIX,
    SIDECAR_TABLES,
    SidecarTable,
    article_key,
    date_from_dateline,
    date_from_path,
    normalise_date,
    normalise_outlet,
    outlet_from_path,
    pick,
    read_meta_json,
    read_sidecar_table,
)
from newstrace.ingest.text import fingerprint, read_text_article, title_line
from newstrace.outlets import outlet_from_url
from newstrace.records import Article

__all__ = ["IngestOptions", "read_articles", "fingerprint", "normalise_date", "normalise_outlet",
           "strip_boilerplate", "FORMATS"]

# file extension -> format; other files are ignored (brat .ann, images, notes...)
FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
           ".json": "json"}


@dataclass
class IngestOptions:
    """How to read articles.

    outlet: the outlet of articles for which neither the file, its URL nor a sidecar
        names one (the CLI's ``--outlet``).
    clean: strip web boilerplate lines; False keeps the text exactly as decoded from the
        file, so that offsets are offsets into the file (``extract --format spans``).
    max_bytes: a larger file is a BadInput ("too large: N bytes").
    max_chars: an article with a longer text is a BadInput: a news article is under
        100,000 characters, the longest transcripts a few hundred thousand; a text of
        millions is a dump read as one article (a 15 MB one held a run for minutes and
        more than 24 GB before this limit), better split.
    id_prefix: put before every article id ("day2/"), to keep apart the articles of two
        input folders whose files have the same names.
    skip: paths not to read inside the input folder (the run's own output folder and
        database, so that a run never reads its exports back as articles).
    """

    outlet: str | None = None
    clean: bool = True
    max_bytes: int = 50_000_000
    max_chars: int = 2_000_000
    id_prefix: str = ""
    skip: tuple[str, ...] = ()


def read_articles(path: str | os.PathLike, options: IngestOptions | None = None) -> Iterator[Article | BadInput]:
    """The articles of a file or folder, in input order, and a BadInput for each file or
    record that cannot be read.

    A folder is walked recursively in sorted order; hidden entries (".git") are skipped,
    and symbolic links are followed only while they stay inside the folder. An article
    read from a file has as id its path relative to the folder without extension
    ("sub/x" for sub/x.txt), or its stem when ``path`` is the file itself; a JSONL record
    keeps its own id. Ids are unique within a run: a repeated id is a BadInput.

    >>> for item in read_articles("examples/baghuz-2019"):  # doctest: +SKIP
    ...     print(item.id if isinstance(item, Article) else f"skipped {item}")
    000_17fc5a22881fa018
    003_461b67336f7667d7
    """
    for item in _Run(options or IngestOptions()).read(Path(path)):
        if isinstance(item, BadInput):  # names and ids in it may come from anywhere: make them storable
            item = BadInput(file_name(item.path), storable(item.reason))
        yield item


def format_of(name: str) -> str | None:
    """The format of a file by its name, or None for files ingest does not read."""
    lower = name.casefold()
    if lower.endswith(META_JSON_SUFFIX):
        return None  # a sidecar, not an article
    return FORMATS.get(os.path.splitext(lower)[1])


class _Run:
    """The state of one read_articles call: options, running order, ids seen."""

    def __init__(self, options: IngestOptions):
        self.options = options
        self.order = 0
        self.first_read: dict[str, str] = {}  # article id -> origin of its first reading
        self.skip = {os.path.realpath(p) for p in options.skip}

    def read(self, path: Path) -> Iterator[Article | BadInput]:
        try:
            is_dir = path.is_dir()
            path.stat()
        except FileNotFoundError:
            yield BadInput(str(path), "no such file or folder")
            return
        except OSError as exc:
            yield BadInput(str(path), f"unreadable: {_reason(exc)}")
            return
        if is_dir:
            root = os.path.realpath(path)
            yield from self._folder(root, Path(root), "", [], (root,))
            return
        fmt = format_of(path.name)
        if fmt is None:
            yield BadInput(str(path), f"not an article file (reads {', '.join(sorted(FORMATS))})")
            return
        if not path.is_file():
            yield BadInput(str(path), "not a regular file")  # a pipe or device would block the read
            return
        # a single file: its folder is the input folder, for the sidecars beside it
        folder = Path(os.path.realpath(path.absolute().parent))
        names = _listing(folder)
        tables: list[SidecarTable] = []
        for item in self._tables(str(folder), folder, "", names):
            if isinstance(item, BadInput):
                yield item
            else:
                tables.append(item)
        name = file_name(path.name)
        yield from self._guarded(self._file(path, name, PurePosixPath(name).stem, fmt, tables, names, str(folder)),
                                 name)

    # -- walking

    def _folder(self, root: str, folder: Path, rel: str, tables: list[SidecarTable],
                ancestors: tuple[str, ...]) -> Iterator[Article | BadInput]:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield BadInput(rel or str(folder), f"unreadable folder: {_reason(exc)}")
            return
        names = {e.name: e for e in entries}
        local: list[SidecarTable] = []
        for item in self._tables(root, folder, rel, names):
            if isinstance(item, BadInput):
                yield item
            else:
                local.append(item)
        tables = local + tables  # the nearest sidecar is asked first
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden: .git, .DS_Store, editor files
            name = file_name(entry.name)  # bytes that are not UTF-8 in a name written as \\xNN
            child = f"{rel}/{name}" if rel else name
            fmt = format_of(entry.name)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as exc:
                if fmt:
                    yield BadInput(child, f"unreadable: {_reason(exc)}")
                continue
            target = os.path.realpath(entry.path)
            if target in self.skip:
                continue  # this run's own output folder or database
            if entry.is_symlink() and not _inside(root, target):
                # paths are confined to the input folder: a link out of it is not followed
                if is_dir or fmt:
                    yield BadInput(child, "symbolic link leads outside the input folder; not followed")
                continue
            if is_dir:
                if target in ancestors:
                    continue  # a link back to a folder above: a loop
                yield from self._folder(root, Path(entry.path), child, tables, ancestors + (target,))
            elif is_file and fmt:
                yield from self._guarded(
                    self._file(Path(entry.path), child, article_key(child), fmt, tables, names, root), child)
            elif fmt and not is_file:
                yield BadInput(child, "broken symbolic link" if entry.is_symlink() else "not a regular file")

    @staticmethod
    def _guarded(items: Iterator[Article | BadInput], where: str) -> Iterator[Article | BadInput]:
        """The items of one file; a failure no reader foresaw ends that file with one
        BadInput, never the run."""
        try:
            yield from items
        except RecursionError:
            yield BadInput(where, "nested too deeply to read")
        except Exception as exc:  # noqa: BLE001 - one file's problem, named, and the run goes on
            yield BadInput(where, f"could not be read ({type(exc).__name__}: {exc})")

    def _tables(self, root: str, folder: Path, rel: str, names: dict) -> Iterator[SidecarTable | BadInput]:
        for name in SIDECAR_TABLES:
            if name not in names:
                continue
            where = f"{rel}/{name}" if rel else name
            text = self._sidecar_text(root, folder / name, where)
            if isinstance(text, BadInput):
                yield text
            elif text is not None:
                yield read_sidecar_table(text, name, rel, where)

    def _sidecar_text(self, root: str, path: Path, where: str) -> str | BadInput | None:
        if not _inside(root, os.path.realpath(path)):
            return BadInput(where, "symbolic link leads outside the input folder; not followed")
        raw = self._bytes(path, where)
        return raw if isinstance(raw, BadInput) else decode_text(raw, where)

    def _bytes(self, path: Path, where: str) -> bytes | BadInput:
        try:
            size = path.stat().st_size
            if size > self.options.max_bytes:
                return BadInput(where, f"too large: {size} bytes")
            return path.read_bytes()
        except OSError as exc:
            return BadInput(where, f"unreadable: {_reason(exc)}")

    # -- reading one file

    def _file(self, path: Path, rel: str, article_id: str, fmt: str, tables: list[SidecarTable],
              names: dict, root: str) -> Iterator[Article | BadInput]:
        meta = None
        for name in (path.name + META_JSON_SUFFIX, PurePosixPath(path.name).stem + META_JSON_SUFFIX):
            if name in names:
                where = str(PurePosixPath(rel).with_name(name))
                text = self._sidecar_text(root, path.with_name(name), where)
                meta = read_meta_json(text, where) if isinstance(text, str) else text
                if isinstance(meta, BadInput):
                    yield meta  # the article is still read, without this sidecar
                    meta = None
                break
        raw = self._bytes(path, rel)
        if isinstance(raw, BadInput):
            yield raw
            return
        file = file_name(os.path.abspath(path))
        stem = PurePosixPath(rel).stem
        if fmt in ("text", "html"):
            fills = _fills(meta, tables, article_id, stem)
            if fmt == "text":
                article = read_text_article(raw, rel, article_id)
            else:
                from newstrace.ingest.html import read_html_article  # trafilatura loads on demand

                url = next((pick(f, "url") for f in fills if pick(f, "url")), None)
                article = read_html_article(raw, rel, article_id, url=url)
            yield self._finish(article, fills, title_from_text=fmt == "text", path_hints=True, file=file)
            return
        from newstrace.ingest.jsonl import read_json_articles, read_jsonl_articles

        reader = read_jsonl_articles if fmt == "jsonl" else read_json_articles
        for article in reader(raw, rel, article_id):
            if isinstance(article, BadInput):
                yield article
            else:
                # records are matched to sidecar rows by their own id
                yield self._finish(article, _fills(meta, tables, article.id, article.id), title_from_text=False,
                                   file=file)

    def _finish(self, article: Article | BadInput, fills: list[dict], title_from_text: bool,
                path_hints: bool = False, file: str | None = None) -> Article | BadInput:
        """Clean the text, fill metadata from sidecars and options, check the id.
        An article nothing else dates is dated by a dateline at its top; with
        ``path_hints`` (a file of one article) first by its path, and its outlet may come
        from its name or folder when newstrace knows it. What the article or a sidecar says
        comes first."""
        if isinstance(article, BadInput):
            return article
        if len(article.text) > self.options.max_chars:
            return BadInput(article.origin, f"too long for one article: {len(article.text):,} characters "
                                            f"(at most {self.options.max_chars:,}; split it)")
        if self.options.clean:
            article.text = strip_boilerplate(article.text)
            if not article.text.strip():
                return BadInput(article.origin, "no article text left once web boilerplate is removed")
        if not article.title and title_from_text:
            article.title = title_line(article.text)
        for name in ("title", "url", "author"):
            if not getattr(article, name):
                setattr(article, name, next((v for v in (pick(f, name) for f in fills) if v), None))
        article.published = next(
            (d for d in map(normalise_date, [article.published, *(pick(f, "published") for f in fills)]) if d),
            None)
        if not article.published:
            article.published = (date_from_path(article.id) if path_hints else None) or date_from_dateline(article.text)
        article.outlet = (
            normalise_outlet(article.outlet)
            or next((o for o in (normalise_outlet(pick(f, "outlet")) for f in fills) if o), None)
            or (outlet_from_url(article.url) if article.url else None)
            or (outlet_from_path(article.id) if path_hints else None)
            or normalise_outlet(self.options.outlet)
        )
        for name in ("id", "text", "title", "url", "outlet", "published", "author", "origin"):
            value = getattr(article, name)
            if isinstance(value, str):  # SQLite stores UTF-8: no half surrogate pairs from JSON
                setattr(article, name, storable(value))
        article.id = storable(self.options.id_prefix) + article.id
        article.file = file
        first = self.first_read.get(article.id)
        if first is not None:
            return BadInput(article.origin, f"duplicate id {article.id}, first read from {first}")
        self.first_read[article.id] = article.origin or article.id
        article.fingerprint = fingerprint(article.text)
        article.order = self.order
        self.order += 1
        return article


def _fills(meta: dict | None, tables: list[SidecarTable], article_id: str, stem: str | None) -> list[dict]:
    """The sidecar records that describe an article, most specific first."""
    found = [meta] if meta else []
    for table in tables:
        row = table.lookup(article_id, stem)
        if row:
            found.append(row)
    return found


def _listing(folder: Path) -> dict:
    try:
        return {e.name: e for e in os.scandir(folder)}
    except OSError:
        return {}


def _inside(root: str, target: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or type(exc).__name__).lower()
