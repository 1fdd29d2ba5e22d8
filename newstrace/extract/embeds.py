r"""Embedded posts: a tweet that a web page quotes keeps its signature line when the page
is saved as text,

    Hopefully Mexico will stop this onslaught at their Northern Border.
    All Democrats fault for weak laws!
    — Donald J. Trump (@realDonaldTrump) October 18, 2018

and the words above the signature are that account's: an attribution whose source is
the signature's name and handle and which has no cue (the convention of the judged
samples, docs/extraction.md). The tagger, trained on newspaper prose, finds such posts
only when the article introduces them ("Trump wrote in a series of tweets: …").

Pure functions over the text and the spans; no model.
"""

from __future__ import annotations

import re

from newstrace.records import SpanAttribution

# "— Name (@handle) Month D, YYYY" (the date that embeds print), on its own line or
# after the post's words; a hyphen only where a dash would stand (space or line start)
# (a title's period may have broken the name over two lines, as a sentence splitter leaves
# it: "— Sec.\nKirstjen Nielsen (@SecNielsen) November 14, 2018"; the source is the name)
_SIGNATURE = re.compile(
    r"(?:(?<=\s)|^)[—–-]{1,2}[ \t]?(?:[A-Z][a-z]{1,4}\.\n)?(?P<source>[^\n—–()]{1,80}? \(@\w{1,15}\))[ \t]+"
    r"[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}",
    re.MULTILINE,
)
# what ends a post's text but is no words of it: links to its picture or page
_LINK = re.compile(r"(?:pic\.twitter\.com/|https?://)\S+$")
# a line of tags, handles and links only ("#Immigration #Border pic.twitter.com/…"), read
# word by word (one regex over the line backtracks exponentially on links glued together)
_TAG_WORD = re.compile(r"(?:[#@]\w+)+|pic\.twitter\.com/\S+|https?://\S+")
POST_CHARS = 280  # the longest post; lines above the signature beyond it are the article's
MAX_LINES_BACK = 6
MAX_LINE = 2000  # a longer line is the article's, whatever links end it


def _words_of_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The post's words in text[start:end] (one line): links at its end dropped; None for
    an empty line or one of tags and links only."""
    piece = text[start:end]
    if not piece.strip() or len(piece) > MAX_LINE or all(_TAG_WORD.fullmatch(w) for w in piece.split()):
        return None
    # links peeled off the end one by one (a regex over all of them backtracks on a long line)
    while True:
        head, _, last = text[start:end].rstrip().rpartition(" ")
        if not head or not _LINK.match(last):
            break
        end = start + len(head)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _post_before(text: str, signature_start: int, reported: bytearray) -> tuple[int, int] | None:
    """The span of the post's words before a signature on its line, else in the lines
    above it, up to a line of the article's own: one that reports speech (``reported``
    marks the characters of the attributions found), ends with a colon ("Trump tweeted:")
    or would make the post longer than a post can be."""
    line_start = text.rfind("\n", 0, signature_start) + 1
    # a post's last paragraph may share the signature's line; its earlier ones stand above
    span = _words_of_line(text, line_start, signature_start)
    end = line_start - 1  # the line before
    for _ in range(MAX_LINES_BACK):
        if end < 0:
            break
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if _SIGNATURE.search(line):
            break  # the post before this one
        words = _words_of_line(text, start, end)
        if words is None:
            if span is None:  # a line of tags or links between the words and the signature
                end = start - 1
                continue
            break
        if any(reported[start:end]) or text[words[1] - 1] == ":" or (
                span is not None and words[1] - words[0] + span[1] - span[0] > POST_CHARS):
            break
        span = (words[0], span[1] if span is not None else words[1])
        end = start - 1
    return span


def embedded_posts(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    r"""An attribution (source: the signature's name and handle; no cue) for each embedded
    post whose words no attribution holds yet.

    >>> t = ("Trump tweeted on Thursday:\nAll Democrats fault for weak laws!\n"
    ...      "— Donald J. Trump (@realDonaldTrump) October 18, 2018\nThe caravan grew.")
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.content[0][0]:a.content[0][1]]) for a in embedded_posts(t, [])]
    [('Donald J. Trump (@realDonaldTrump)', 'All Democrats fault for weak laws!')]
    """
    taken = [f for a in spans for f in a.content]
    reported = bytearray(len(text))
    for a in spans:
        for s, e in a.source + a.cue:
            reported[s:e] = b"\x01" * (e - s)
    found = []
    for m in _SIGNATURE.finditer(text):
        post = _post_before(text, m.start(), reported)
        if post is None or any(s < post[1] and post[0] < e for s, e in taken):
            continue
        found.append(SpanAttribution([m.span("source")], [], [post], 1.0))
        taken.append(post)
    return found
