"""The report stage: exports others can take elsewhere, and a static HTML report."""

from __future__ import annotations

from pathlib import Path

from newstrace.report.export import export, export_store, write_exports
from newstrace.report.html import write_html
from newstrace.store import Store

__all__ = ["export", "export_store", "write_all", "write_exports", "write_html"]


def write_all(store: Store, out: Path) -> None:
    """The JSONL exports and ``report.html`` in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    write_exports(store, out)
    write_html(store, out / "report.html")
