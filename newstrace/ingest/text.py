"""Plain-text articles (``.txt``): the file's text as decoded, its first line as the title."""

from __future__ import annotations

import hashlib
import re

from newstrace.errors import BadInput
from newstrace.ingest.decode import decode_text
from newstrace.records import Article

MAX_TITLE = 300  # a longer first line is a paragraph, not a headline
_TITLE_LINE = re.compile(r"([^\r\n]+)\r?\n[^\S\r\n]*\r?\n")


def read_text_article(raw: bytes, where: str, article_id: str) -> Article | BadInput:
    """An Article whose text is the file decoded (no newline translation; a byte order
    mark kept as the character U+FEFF, so that offsets are the file's as Python reads it)."""
    text = decode_text(raw, where, keep_bom=True)
    if isinstance(text, BadInput):
        return text
    return Article(id=article_id, text=text, origin=where)


def title_line(text: str) -> str | None:
    """The first line of ``text`` when a blank line follows it (the headline convention of
    the seed reports and PolNeAR); the text keeps the line, so offsets stay the file's.

    >>> title_line("Rain in Spain\\n\\nIt rained.\\n"), title_line("It rained.\\nThen it stopped.\\n")
    ('Rain in Spain', None)
    """
    match = _TITLE_LINE.match(text)
    if not match:
        return None
    title = match.group(1).strip().lstrip("\ufeff").strip()
    return title if title and len(title) <= MAX_TITLE else None


def fingerprint(text: str) -> str:
    """sha1 hex of the text with whitespace runs made one space and case folded: equal for
    exact duplicates that differ only in layout or case.

    >>> fingerprint("Rain  in\\nSpain") == fingerprint("rain in spain")
    True
    """
    return hashlib.sha1(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()
