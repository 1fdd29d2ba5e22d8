"""Bytes to text, refusing what is not text: empty, binary and mis-encoded files.

Text is decoded with no newline translation, so that offsets into it are offsets into the
file as an annotator (brat, PolNeAR) counts them.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import unicodedata

from newstrace.errors import BadInput

logger = logging.getLogger("newstrace.ingest")

FALLBACK_ENCODING = "cp1252"  # Windows-1252, a superset of Latin-1's printable characters
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
MAX_CONTROL_SHARE = 0.1  # above this share of control characters a "text" is binary


def check_bytes(raw: bytes, where: str) -> BadInput | None:
    """A BadInput for bytes that cannot be an article whatever the format, else None."""
    if not raw:
        return BadInput(where, "empty file (0 bytes)")
    if not raw.strip():
        return BadInput(where, "empty file (only whitespace)")
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return BadInput(where, "binary file (contains NUL bytes)")
    return None


def decode_text(raw: bytes, where: str, keep_bom: bool = False) -> str | BadInput:
    """The text of a file, decoded as UTF-8 exactly (no newline translation).

    A UTF-8 byte order mark is stripped (as Python's "utf-8-sig" does), so offset 0 is the
    first character of the text, unless ``keep_bom``: then it is the text's first
    character, U+FEFF, as ``open(path, encoding="utf-8")`` reads it (plain-text articles,
    whose offsets must be the original file's, as annotation tools and the shared scorer
    count them). A UTF-16 file with its byte order mark is decoded as UTF-16. Bytes that are not UTF-8 are decoded as Windows-1252 only when that gives
    clean text (no control characters, no UTF-8 sequences that it would garble), and a
    warning names the file; otherwise the file is a BadInput.

    >>> decode_text("Caf\\u00e9\\r\\n".encode(), "x.txt")
    'Café\\r\\n'
    """
    bad = check_bytes(raw, where)
    if bad:
        return bad
    skipped = 0  # bytes of a UTF-8 byte-order mark
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            return BadInput(where, f"not UTF-16 text (invalid bytes at offset {exc.start})")
    else:
        if raw.startswith(codecs.BOM_UTF8):
            # the BOM is a marker, not text: decoded (and checked) without it, put back
            # as its character when offsets must be the file's
            raw, skipped = raw[len(codecs.BOM_UTF8):], len(codecs.BOM_UTF8)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _fallback(raw)
            byte, offset = raw[exc.start], exc.start + skipped
            if text is None:
                return BadInput(where, f"not UTF-8 text (invalid byte 0x{byte:02x} at offset {offset})")
            logger.warning("%s: not UTF-8 (invalid byte 0x%02x at offset %d); read as %s",
                           where, byte, offset, FALLBACK_ENCODING)
    if not text.strip():
        return BadInput(where, "empty file (only whitespace)")
    controls = sum(1 for ch in text if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc")
    if controls > MAX_CONTROL_SHARE * len(text):
        return BadInput(where, "binary file (mostly control characters)")
    return "\ufeff" + text if keep_bom and skipped else text


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    r"""``text`` with each lone surrogate (half a UTF-16 pair, which JSON may escape as
    "\ud800" and UTF-8 cannot hold) replaced by U+FFFD: one character for one, so
    offsets into the text hold.

    >>> storable("rain \ud83d today")
    'rain \ufffd today'
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def file_name(name: str) -> str:
    r"""A file name as text that can be stored and shown: the bytes of a name that are
    not UTF-8 (``os.fsdecode`` keeps them as surrogate escapes) written as ``\xNN``.

    >>> file_name(os.fsdecode(b"caf\xe9.txt"))
    'caf\\xe9.txt'
    """
    if not _SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return storable(name)


def _fallback(raw: bytes) -> str | None:
    """``raw`` as Windows-1252 if that reads as clean text, else None."""
    if _UTF8_MULTIBYTE.search(raw):
        return None  # mixed encodings: Windows-1252 would turn the UTF-8 parts into mojibake
    try:
        text = raw.decode(FALLBACK_ENCODING)
    except UnicodeDecodeError:
        return None  # bytes Windows-1252 leaves undefined: not text in that encoding either
    if any(ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc" for ch in text):
        return None
    return text
