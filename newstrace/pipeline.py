"""The whole job: ingest -> extract -> link -> store -> report, incrementally.

Articles already stored with the same text and metadata are skipped, so running again on the same
input changes nothing and running on more input only adds. Per-article extraction runs
in worker processes; storing and linking run in this process, one transaction per
article, in input order, so results do not depend on the number of workers.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice, repeat
from pathlib import Path
from typing import Callable, Iterable, Iterator, TypeVar

from newstrace.errors import BadInput, OutputError
from newstrace.extract import MODELS, Analysis, analyse, extractor_id
from newstrace.ingest import IngestOptions, read_articles
from newstrace.link import Linker, LinkerSettings
from newstrace.records import Article, RunFigures
from newstrace.store import Store, now
from newstrace.workers import end_workers, worker_pool

T = TypeVar("T")
DATABASE_NAME = "newstrace.db"


@dataclass(slots=True)
class Settings:
    """Everything a run can be told, in one place."""

    model: str = "default"  # attribution extractor, see newstrace.extract.MODELS
    workers: int = 0  # processes for extraction; 0 = one per core
    batch: int = 8  # articles per worker task
    outlet: str | None = None  # outlet of articles that name none
    id_prefix: str = ""  # put before every article id read ("day2/"), see IngestOptions
    linker: LinkerSettings = field(default_factory=LinkerSettings)


@dataclass(slots=True)
class RunReport:
    database: Path
    out: Path | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[BadInput] = field(default_factory=list)


ProgressHook = Callable[[str, str, str], None]  # (event, article id or origin, detail)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _analyse_batch(articles: list[Article], model: str) -> list[Analysis | BadInput]:
    """Top-level so that worker processes can unpickle it. An article the extractor
    fails on becomes a BadInput; the rest of its batch is analysed one by one."""
    try:
        return list(analyse(articles, model))
    except (ImportError, OSError, MemoryError):
        raise  # a broken install or machine, not a bad article
    except Exception:
        if len(articles) == 1:
            article = articles[0]
            import traceback

            last = traceback.format_exc().strip().splitlines()[-1]
            return [BadInput(article.origin or article.id, f"extraction failed: {last}")]
        return [r for a in articles for r in _analyse_batch([a], model)]


def database_path(out: str | os.PathLike | None, database: str | os.PathLike | None) -> Path:
    if database is not None:
        return Path(database)
    if out is not None:
        return Path(out) / DATABASE_NAME
    return Path(DATABASE_NAME)


def run(
    path: str | os.PathLike,
    out: str | os.PathLike | None = None,
    database: str | os.PathLike | None = None,
    settings: Settings | None = None,
    relink: bool = False,
    on_progress: ProgressHook | None = None,
) -> RunReport:
    """Read ``path`` (file or folder), extract, link and store; with ``out``, write the
    exports and the HTML report there.

    >>> report = run("examples/baghuz-2019", out="/tmp/baghuz")  # doctest: +SKIP
    >>> report.added, len(report.failures)                      # doctest: +SKIP
    (2, 0)
    """
    settings = settings or Settings()
    if settings.model not in MODELS:
        raise ValueError(f"unknown model {settings.model!r}; choose from {', '.join(sorted(MODELS))}")
    notify = on_progress or (lambda event, ident, detail: None)
    db_path = database_path(out, database)
    if out is not None and os.path.isdir(path) and os.path.realpath(out) == os.path.realpath(path):
        raise OutputError(f"--out {out} is the input folder: the exports written there would be read back as "
                          "articles by the next run; choose another folder (one inside the input folder is fine)")
    _make_folder(db_path.parent)
    report = RunReport(database=db_path, out=Path(out) if out is not None else None)
    started, clock = now(), time.perf_counter()
    with Store(db_path) as store, _worded(store):
        linker = Linker(store, settings.linker)
        if relink:
            with store.transaction():
                linker.rebuild()
                store.set_relink_pending(False)
        # another model or other weights than a stored article was read with: read it again
        extractor = extractor_id(settings.model)
        # never read back what this run writes: its output folder, its database
        written = [db_path, *(Path(f"{db_path}{end}") for end in ("-wal", "-shm", "-journal"))]
        options = IngestOptions(outlet=settings.outlet, id_prefix=settings.id_prefix,
                                skip=tuple(map(str, written + ([Path(out)] if out is not None else []))))
        workers = settings.workers or os.cpu_count() or 1
        executor: ProcessPoolExecutor | None = None
        reread: set[str] = set()  # articles stored by another model, extracted again
        try:
            for chunk in _chunks(read_articles(path, options), 256):
                todo: list[Article] = []
                for item in chunk:
                    if isinstance(item, BadInput):
                        report.failures.append(item)
                        store.record_failure(item.path, item.reason)
                        notify("failed", item.path, item.reason)
                        continue
                    stored = store.version_of(item.id)
                    if stored is not None and stored[0][0] != item.fingerprint:  # VERSION_FIELDS[0]
                        clash = _replaced_by_another(store, item, path)
                        if clash is not None:
                            report.failures.append(clash)
                            store.record_failure(clash.path, clash.reason)
                            notify("failed", clash.path, clash.reason)
                            continue
                    if stored is None:
                        item.order = None  # its place comes when it is stored (Store.order_for)
                    elif stored[0] == Store.version(item) and stored[2] == extractor:
                        report.unchanged += 1
                        notify("unchanged", item.id, "")
                        continue
                    else:  # a changed (or re-extracted) article keeps its place in the input order
                        item.order = stored[1]
                        if stored[2] != extractor:
                            reread.add(item.id)
                    todo.append(item)
                if executor is None and workers > 1 and len(todo) > settings.batch:
                    executor = worker_pool(workers)
                for article, analysis in _analysed(todo, settings, executor, workers):
                    if isinstance(analysis, BadInput):
                        report.failures.append(analysis)
                        store.record_failure(analysis.path, analysis.reason)
                        notify("failed", analysis.path, analysis.reason)
                        continue
                    with store.transaction():  # one transaction: the article, its place, its links
                        if article.order is None:  # after the articles stored before it, by any run
                            article.order = store.order_for(article.id)
                        if article.id in reread:  # the relink it needs must survive a kill
                            store.set_relink_pending(True)
                        replaced = linker.add(article, analysis.attributions, analysis.citations, extractor,
                                              story=False)  # placed when the run ends, below
                    if replaced:
                        report.updated += 1
                    else:
                        report.added += 1
                    notify("stored", article.id, "")
        except BaseException:
            end_workers(executor)  # stopped midway (a signal, an error): their batches are not wanted
            raise
        finally:
            if executor is not None:
                executor.shutdown(cancel_futures=True)
        if store.relink_pending():
            # Statements kept the other model's wordings of the articles not yet re-read,
            # which can bridge this model's mentions (seen on the seed reports with the
            # default model of 2026-11-30): link everything again, in input order, as a
            # first run with this model would. Cheap beside the extraction it follows.
            # The pending relink is recorded with the first article read again, and
            # cleared with the relink, so that a run killed in between leaves it to the next.
            with store.transaction():
                linker.rebuild()
                store.set_relink_pending(False)
        # the run's articles (and any a killed run left) join stories in publication order
        # where it is known, else input order, as the issue of a stream would have them
        linker.place_in_stories()
        store.record_run(RunFigures(
            started, now(), round(time.perf_counter() - clock, 3), report.added, report.updated,
            report.unchanged, len(report.failures), str(path), settings.model,
        ))
        if out is not None:
            from newstrace.report import write_all

            try:
                # two runs into one --out write their exports one after the other, each
                # from one snapshot of the database taken once the other is done
                with _exclusive(Path(out)), store.snapshot():
                    write_all(store, Path(out))
            except OSError as e:
                raise OutputError(f"could not write {e.filename or out}: {_reason(e)}; {Store.RESUME}") from e
    return report


def _replaced_by_another(store: Store, article: Article, path) -> BadInput | None:
    """A BadInput when ``article`` would replace a different article stored under its id
    from another file (``day2/article.txt`` after ``day1/article.txt``); None when it is a
    new version of the stored one (same file) or nothing says where that one came from."""
    theirs = store.file_of(article.id)
    if theirs is None or article.file is None or theirs == article.file:
        return None
    folder = Path(os.path.abspath(path))
    name = (folder if folder.is_dir() else folder.parent).name or "NAME"
    return BadInput(article.origin or article.id, f"another article is stored under the id {article.id} (read from "
                                                  f"{theirs}); to keep both, run again with --id-prefix {name}/")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        where = e.filename if e.filename is not None else folder
        raise OutputError(f"cannot create the output folder {where}: {_reason(e)}") from e


def _reason(e: OSError) -> str:
    """What an OSError says, in the words a user acts on."""
    reason = (e.strerror or type(e).__name__).lower()
    if e.errno == errno.ENOSPC:
        return f"{reason} (the disk is full)"
    if e.errno == errno.EFBIG:
        return f"{reason} (a full disk or a file size limit?)"
    return reason


@contextmanager
def _exclusive(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (flock; where there is none, no lock)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def _worded(store: Store) -> Iterator[None]:
    """A database error midway (locked too long, disk full, file size limit) as a
    StoreError that says so, and that a rerun resumes."""
    try:
        yield
    except sqlite3.Error as e:
        raise store.trouble(e) from e


def _analysed(
    articles: list[Article], settings: Settings, executor: ProcessPoolExecutor | None, workers: int
) -> Iterator[tuple[Article, Analysis | BadInput]]:
    """(article, analysis) in input order, computed in the pool when there is one."""
    batches = list(_chunks(articles, settings.batch))
    if executor is None:
        for batch in batches:
            yield from zip(batch, _analyse_batch(batch, settings.model))
        return
    # keep a few batches in flight per worker so the workers never wait for the writer
    pending: list[tuple[list[Article], Future]] = []
    queue = iter(batches)
    ahead = 2 * workers
    for batch in islice(queue, ahead):
        pending.append((batch, executor.submit(_analyse_batch, batch, settings.model)))
    while pending:
        batch, future = pending.pop(0)
        results = future.result()
        nxt = next(queue, None)
        if nxt is not None:
            pending.append((nxt, executor.submit(_analyse_batch, nxt, settings.model)))
        yield from zip(batch, results)


def _spans_batch(articles: list[Article], model: str) -> list[list]:
    from newstrace.extract import extract_spans

    return extract_spans([a.text for a in articles], model)


def extract_attributions(
    path: str | os.PathLike,
    model: str = "default",
    workers: int = 0,
    batch: int = 8,
    with_speakers: bool = False,
    on_progress: ProgressHook | None = None,
) -> Iterator[tuple[Article, list]]:
    """Attributions of each article under ``path``, without storing anything.

    Offsets are into the text exactly as read from each file (no boilerplate removal),
    the contract of ``newstrace extract --format spans``. Yields (article, spans) where
    spans are ``SpanAttribution``; with ``with_speakers``, (article, Analysis) instead.
    """
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}; choose from {', '.join(sorted(MODELS))}")
    notify = on_progress or (lambda event, ident, detail: None)
    work = _analyse_batch if with_speakers else _spans_batch
    articles: list[Article] = []
    for item in read_articles(path, IngestOptions(clean=False)):
        if isinstance(item, BadInput):
            notify("failed", item.path, item.reason)
        else:
            articles.append(item)
    workers = min(workers or os.cpu_count() or 1, max(1, len(articles) // batch))
    batches = list(_chunks(articles, batch))
    pool = worker_pool(workers) if workers > 1 else None
    try:
        results = pool.map(work, batches, repeat(model)) if pool else (work(b, model) for b in batches)
        for b, found in zip(batches, results):
            for article, result in zip(b, found):
                if isinstance(result, BadInput):
                    notify("failed", result.path, result.reason)
                    continue
                notify("extracted", article.id, "")
                yield article, result
    except BaseException:
        end_workers(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
