"""Named errors of the library; the CLI turns each into one clear line."""

from __future__ import annotations


class NewstraceError(Exception):
    """Base class of every error newstrace raises on purpose."""


class BadInput(NewstraceError):
    """One input (file, JSONL line, record) that cannot be read; the run goes on without it."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class StoreError(NewstraceError):
    """The database cannot be opened or is of an unknown schema version."""
