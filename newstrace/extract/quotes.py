"""Quotation marks: which characters of an article are inside a quotation, and from
that whether an attribution is direct, indirect or mixed.

Pure functions over the article text; no model.
"""

from __future__ import annotations

from newstrace.records import Fragments, Kind

OPENING = "“„‟«"
CLOSING = "”»"
STRAIGHT = '"'


def quote_mask(text: str) -> bytearray:
    """One byte per character of ``text``: 1 inside a quotation (marks excluded), else 0.

    Curly marks open and close; straight marks toggle. A quotation that runs to the end
    of a paragraph without closing is closed there, which also handles the news
    convention of multi-paragraph quotes that reopen each paragraph.

    >>> list(quote_mask('a "bc" d'))
    [0, 0, 0, 1, 1, 0, 0, 0]
    """
    mask = bytearray(len(text))
    inside = False
    for i, ch in enumerate(text):
        if ch == "\n":
            inside = False
        elif ch in OPENING:
            inside = True
        elif ch in CLOSING:
            inside = False
        elif ch == STRAIGHT:
            inside = not inside
        elif inside:
            mask[i] = 1
    return mask


def _quoted_share(mask: bytearray, text: str, content: Fragments) -> float:
    inside = total = 0
    for s, e in content:
        for i in range(max(s, 0), min(e, len(text))):
            if text[i].isalnum():
                total += 1
                inside += mask[i]
    return inside / total if total else 0.0


def classify(text: str, content: Fragments, mask: bytearray | None = None) -> Kind:
    """'direct' when the content is all quoted, 'indirect' when none of it is, else 'mixed'.

    >>> classify('He said "we won" today.', [(9, 15)])
    'direct'
    >>> classify('He said that "we" won.', [(8, 21)])
    'mixed'
    """
    mask = quote_mask(text) if mask is None else mask
    share = _quoted_share(mask, text, content)
    if share >= 0.95:
        return "direct"
    if share <= 0.05:
        return "indirect"
    return "mixed"


def quoted_parts(text: str, content: Fragments, mask: bytearray | None = None) -> Fragments:
    """The runs of ``content`` that lie inside quotation marks.

    >>> t = 'He called on them to "rise" and "fight back".'
    >>> [t[s:e] for s, e in quoted_parts(t, [(11, 44)])]
    ['rise', 'fight back']
    """
    mask = quote_mask(text) if mask is None else mask
    parts: Fragments = []
    for s, e in content:
        start = None
        for i in range(max(s, 0), min(e, len(text))):
            if mask[i] and start is None:
                start = i
            elif not mask[i] and start is not None:
                parts.append((start, i))
                start = None
        if start is not None:
            parts.append((start, min(e, len(text))))
    return [(s, e) for s, e in parts if text[s:e].strip()]
