"""Named errors of the library; the CLI turns each into one clear line."""

from __future__ import annotations

import re


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


class OutputError(NewstraceError):
    """The output folder (exports, report) cannot be made or written."""


# what must not reach a terminal raw: C0 and C1 controls (escape sequences, line breaks),
# bidirectional and zero-width marks, and the surrogate escapes of bytes that are not UTF-8
_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape of a byte that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    r"""``text`` made safe to print as one line of a terminal: control characters (escape
    sequences, line breaks), bidirectional and zero-width marks written as Python escapes.

    >>> print(shown("esc\x1b[2J.txt"), shown("two\nlines.txt"), shown("rtl\u202egnp.txt"))
    esc\x1b[2J.txt two\nlines.txt rtl\u202egnp.txt
    """
    return _UNSHOWN.sub(_escape, str(text))
