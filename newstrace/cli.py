"""The command line: a thin skin over the Python API (newstrace.run, extract_attributions).

Exit status: 0 all inputs read; 1 some inputs could not be read (each named on stderr,
one line each); 2 usage or fatal error.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from contextlib import contextmanager, nullcontext

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newstrace.errors import NewstraceError, shown
from newstrace.extract import MODELS
from newstrace.pipeline import Settings, extract_attributions, run
from newstrace.report.export import FORMATS, export

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def _say(message: str) -> None:
    """One line on stderr, whatever the file names and ids in it hold (escapes, line breaks)."""
    stderr.print(shown(message), markup=False)


class _WarningLine(logging.Handler):
    """The library's warnings ("read as cp1252") as one escaped line each."""

    def emit(self, record: logging.LogRecord) -> None:
        _say(f"newstrace: warning: {record.getMessage()}")


class _Stopped(BaseException):
    """SIGTERM or SIGINT, raised where the command is, so that it stops as after an error:
    the open transaction rolls back, the workers are killed, one line says so."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum, frame) -> None:
    for handled in (signal.SIGTERM, signal.SIGINT):
        signal.signal(handled, signal.SIG_DFL)  # a second signal ends the process at once
    raise _Stopped(signum)


@contextmanager
def _fatal(kept: str = ""):
    """Fatal errors and stopping signals as one line on stderr: exit 2 for an error, 128 +
    the signal's number for a signal. ``kept`` says what a stopped command leaves."""
    previous = {s: signal.signal(s, _stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    except _Stopped as stop:
        _say(f"newstrace: interrupted ({signal.Signals(stop.signum).name}){kept}")
        sys.exit(128 + stop.signum)
    except NewstraceError as e:
        _say(f"newstrace: error: {e}")
        sys.exit(2)
    except Exception as e:  # noqa: BLE001 - a bug: one line, the traceback on demand
        if os.environ.get("NEWSTRACE_DEBUG"):
            raise
        _say(f"newstrace: error: {type(e).__name__}: {e} (unexpected: please report it; "
             "NEWSTRACE_DEBUG=1 shows where)")
        sys.exit(2)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


_RESUME = "; every article stored before is kept: run the same command again to resume"


def _progress(quiet: bool, label: str):
    if quiet or not sys.stderr.isatty():
        return nullcontext(None)
    return Progress(
        SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=stderr, transient=False,
    )


class _Hook:
    """Counts what the pipeline reports, prints each failure as one line."""

    def __init__(self, bar):
        self.bar = bar
        self.task = bar.add_task("", total=None, rate="") if bar else None
        self.failed = 0

    def __call__(self, event: str, ident: str, detail: str) -> None:
        if event == "failed":
            self.failed += 1
            _say(f"newstrace: skipped {ident}: {detail}")
        elif self.bar is not None:
            self.bar.advance(self.task)
            task = self.bar.tasks[0]
            if task.elapsed:
                self.bar.update(self.task, rate=f"{task.completed / task.elapsed:.1f} articles/s")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newstrace")
def main() -> None:
    """Trace statements through the news: who said what, who repeated it, who cites
    whom, and which articles tell the same story."""
    log = logging.getLogger("newstrace")
    if not any(isinstance(h, _WarningLine) for h in log.handlers):
        log.addHandler(_WarningLine(logging.WARNING))
        log.propagate = False


@main.command("run")
@click.argument("path", type=click.Path(exists=True))
@click.option("--out", "out", type=click.Path(file_okay=False), help="Folder for the database, the JSONL exports and report.html.")
@click.option("--db", "database", type=click.Path(dir_okay=False), help="Database file (default: OUT/newstrace.db, else ./newstrace.db).")
@click.option("--model", type=click.Choice(sorted(MODELS)), default="default", show_default=True, help="Attribution extractor.")
@click.option("--outlet", help="Outlet of the articles that name none (from URL, metadata or sidecar).")
@click.option("--workers", type=int, default=0, help="Extraction processes (default: one per core).")
@click.option("--relink", is_flag=True, help="Rebuild statements and stories from the stored attributions first.")
@click.option("--id-prefix", default="", metavar="TEXT",
              help="Put TEXT before every article id read (e.g. day2/): keeps apart the articles of two input "
                   "folders whose files have the same names.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def run_command(path, out, database, model, outlet, workers, relink, id_prefix, quiet) -> None:
    """Read PATH (a file or folder of .txt, .html, .jsonl news), extract who said what and
    the media cited, link statements and stories, and store it all; with --out, also
    write articles/attributions/statements/citations/stories.jsonl and report.html."""
    settings = Settings(model=model, workers=workers, outlet=outlet, id_prefix=id_prefix)
    with _fatal(_RESUME), _progress(quiet, "articles") as bar:
        hook = _Hook(bar)
        report = run(path, out=out, database=database, settings=settings, relink=relink, on_progress=hook)
    if not quiet:
        where = f"; report: {report.out / 'report.html'}" if report.out else ""
        _say(
            f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
            f"{len(report.failures)} failed; database: {report.database}{where}"
        )
    sys.exit(1 if report.failures else 0)


@main.command("extract")
@click.argument("path", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["spans", "jsonl"]), default="spans", show_default=True,
              help="spans: the shared scorer's format; jsonl: also kind, speaker and texts.")
@click.option("--model", type=click.Choice(sorted(MODELS)), default="default", show_default=True)
@click.option("--workers", type=int, default=0, help="Extraction processes (default: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def extract_command(path, fmt, model, workers, quiet) -> None:
    """Print the attributions of each article under PATH as JSONL, one line per article.
    Offsets are into each file's text exactly as read (no boilerplate removal)."""
    with _fatal(), _progress(quiet, "articles") as bar:
        hook = _Hook(bar)
        for article, found in extract_attributions(
            path, model=model, workers=workers, with_speakers=(fmt == "jsonl"), on_progress=hook
        ):
            if fmt == "spans":
                rows = [{"source": a.source, "cue": a.cue, "content": a.content} for a in found]
            else:
                rows = [
                    {"id": a.id, "kind": a.kind, "speaker": a.speaker, "source": a.source, "cue": a.cue,
                     "content": a.content, "content_text": a.content_text,
                     "source_text": a.speaker_mention, "speaker_rule": a.speaker_rule}
                    for a in found.attributions
                ]
            record = {"id": article.id, "attributions": rows}
            if fmt == "jsonl":
                record["citations"] = [
                    {"outlet": c.outlet, "cue": c.cue, "span": c.span, "kind": c.kind} for c in found.citations
                ]
            click.echo(json.dumps(record, ensure_ascii=False))
    sys.exit(1 if hook.failed else 0)


@main.command("export")
@click.argument("source", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl, csv, parquet: every table; graphml: the outlet graph and who said what.")
@click.option("--out", "out", type=click.Path(file_okay=False), required=True, help="Folder to write the files in.")
def export_command(source, fmt, out) -> None:
    """Export the database SOURCE (a newstrace.db, or the folder `run --out` wrote) as
    JSONL, CSV or Parquet (one file per table: articles, attributions, statements,
    citations, stories, speakers, outlet_edges) or GraphML."""
    with _fatal():
        written = export(source, out, fmt)
    for name, rows in written.items():
        click.echo(f"{rows}\t{name}")


@main.command("serve")
@click.argument("target", metavar="OUT_DIR_OR_DB", type=click.Path())
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback lets other machines read the store.")
def serve_command(target, port, host) -> None:
    """Browse a store in a web browser: stories, statements' trails, speakers, outlets,
    the citation graph, search, a JSON API (/api) and the exports. Read-only."""
    from newstrace.serve import serve

    if host not in ("127.0.0.1", "localhost", "::1"):
        _say(f"newstrace: warning: listening on {host}: anyone who can reach it can read the store")
    try:  # not _fatal: uvicorn handles SIGINT and SIGTERM itself, and stops cleanly
        serve(target, host=host, port=port, on_ready=lambda line: _say(f"newstrace: {line}"))
    except NewstraceError as e:
        _say(f"newstrace: error: {e}")
        sys.exit(2)


if __name__ == "__main__":
    main()
