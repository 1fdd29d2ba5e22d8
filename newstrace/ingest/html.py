"""HTML pages (``.html``, ``.htm``): main text and metadata by trafilatura, never fetched.

trafilatura finds the article body among the page furniture (navigation, share buttons,
related links, comments, footer) and reads title, author, date (through htmldate: meta
tags such as ``article:published_time``, then the page itself), site name and canonical
URL. The text is trafilatura's main text, so offsets refer to it, not to the HTML.
"""

from __future__ import annotations

import logging

import trafilatura

from newstrace.errors import BadInput
from newstrace.ingest.decode import check_bytes
from newstrace.ingest.metadata import normalise_outlet
from newstrace.outlets import OUTLETS, outlet_from_url
from newstrace.records import Article

logger = logging.getLogger("newstrace.ingest")

MIN_SENTENCE_WORDS = 5


def read_html_article(raw: bytes, where: str, article_id: str, url: str | None = None) -> Article | BadInput:
    """An Article from a saved web page; ``url`` (from a sidecar) helps when the page has none."""
    bad = check_bytes(raw, where)
    if bad:
        return bad
    try:
        # bytes: trafilatura decodes them by the page's declared or detected charset
        doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # a parser failure on one page must not stop the run
        return BadInput(where, f"HTML could not be parsed ({type(exc).__name__})")
    text = getattr(doc, "text", None) if doc is not None else None
    # a page cut short before its article leaves only menus: short lines, no sentence
    if not text or not any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines()):
        return BadInput(where, "no article text found in HTML")
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
