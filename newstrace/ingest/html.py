"""HTML pages (``.html``, ``.htm``): main text and metadata by trafilatura, never fetched.

trafilatura finds the article body among the page furniture (navigation, share buttons,
related links, comments, footer) and reads title, author, date (through htmldate: meta
tags such as ``article:published_time``, then the page itself), site name and canonical
URL. The text is trafilatura's main text, so offsets refer to it, not to the HTML.
"""

from __future__ import annotations

import logging
from html import escape
from html.parser import HTMLParser

import trafilatura
from trafilatura.utils import decode_file

from newstrace.errors import BadInput
from newstrace.ingest.decode import check_bytes
from newstrace.ingest.metadata import normalise_outlet
from newstrace.outlets import OUTLETS, outlet_from_url
from newstrace.records import Article

logger = logging.getLogger("newstrace.ingest")

MIN_SENTENCE_WORDS = 5
# lxml (libxml2) stops building the tree 256 elements deep, so text nested deeper is lost
# to trafilatura; such a page is read again with its nesting cut to this depth
MAX_DEPTH = 200


def read_html_article(raw: bytes, where: str, article_id: str, url: str | None = None) -> Article | BadInput:
    """An Article from a saved web page; ``url`` (from a sidecar) helps when the page has none."""
    bad = check_bytes(raw, where)
    if bad:
        return bad
    try:
        # bytes: trafilatura decodes them by the page's declared or detected charset
        doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False)
        if not _has_sentence(doc):
            flat = flatten(decode_file(raw))
            if flat is not None:  # text nested deeper than lxml builds: read the page flattened
                doc = trafilatura.bare_extraction(flat, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # a parser failure on one page must not stop the run
        return BadInput(where, f"HTML could not be parsed ({type(exc).__name__})")
    if not _has_sentence(doc):
        return BadInput(where, "no article text found in HTML")
    text = doc.text
    if b"</html" not in raw[-4096:].lower():
        logger.warning("%s: the page ends before </html>; it may be truncated", where)
    page_url = doc.url or url
    return Article(
        id=article_id,
        text=text,
        title=_clean(doc.title),
        url=page_url,
        outlet=page_outlet(page_url, doc.sitename),
        published=doc.date,
        author=_clean(doc.author),
        origin=where,
    )


def _has_sentence(doc) -> bool:
    """Whether trafilatura found article text: a page cut short before its article leaves
    only menus, short lines with no sentence."""
    text = getattr(doc, "text", None) if doc is not None else None
    return bool(text) and any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines())


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _Flattener(HTMLParser):
    """Writes a page back with every element nested deeper than ``MAX_DEPTH`` left out
    (its text kept). An event parser: no tree, no recursion, no depth limit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, written) of the elements open
        self.dropped = 0

    def _start(self, tag: str, attrs, closed: bool) -> None:
        keep = len(self.open) < MAX_DEPTH
        if keep:
            bits = "".join(f' {k}="{escape(v or "", quote=True)}"' for k, v in attrs)
            self.out.append(f"<{tag}{bits}{'/' if closed else ''}>")
        else:
            self.dropped += 1
        if not closed and tag not in _VOID:
            self.open.append((tag, keep))

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, True)

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                for name, written in reversed(self.open[i:]):
                    if written:
                        self.out.append(f"</{name}>")
                del self.open[i:]
                return

    def handle_data(self, data):
        script = self.open and self.open[-1][0] in ("script", "style")
        self.out.append(data if script else escape(data, quote=False))

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def flatten(page: str) -> str | None:
    """``page`` with its elements nested at most ``MAX_DEPTH`` deep, or None when none
    nests deeper (nothing to flatten).

    >>> flatten("<div>" * 300 + "<p>Deep text.</p>" + "</div>" * 300).count("<div>")
    200
    >>> flatten("<p>Shallow.</p>") is None
    True
    """
    parser = _Flattener()
    parser.feed(page)
    parser.close()
    return "".join(parser.out) if parser.dropped else None


def page_outlet(url: str | None, sitename: str | None) -> str | None:
    """The outlet of a page: a known outlet from its URL, else its site name, else its domain.

    >>> page_outlet("https://www.nytimes.com/2019/03/20/world/isis.html", "NYTimes.com")
    'The New York Times'
    >>> page_outlet("https://en.wikinews.org/wiki/X", "Wikinews")
    'Wikinews'
    """
    from_url = outlet_from_url(url) if url else None
    if from_url in OUTLETS:
        return from_url
    return normalise_outlet(sitename) or from_url


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if isinstance(value, str) else None
    return value or None
