"""Headlines are never attributions.

A headline paraphrases the story ("Iraq advice claim sparks new row", "Pence: Gennifer
Flowers Won't Be at Debate"); what it attributes is told again, in full, below it. So the
attributions that a headline holds are dropped and a content that runs from the headline
into the body keeps its body part only.

The headline is the text's first line when it is the article's title (JSONL, HTML and
sidecar metadata give one) or, for a text without a title, when a blank line follows it
(the convention of plain-text articles, ``newstrace.ingest.text.title_line``).

PolNeAR annotates headlines like any sentence (47 of its 2,192 dev attributions), so the
spans that ``newstrace extract --format spans`` prints for its scorer keep them; the
attributions that ``analyse`` gives users do not.
"""

from __future__ import annotations

import re

from newstrace.ingest.text import title_line
from newstrace.records import SpanAttribution

# (a byte-order mark a plain-text file opens with is no part of its first line)
_FIRST_LINE = re.compile(r"\ufeff?[^\S\n]*([^\n]*)")


def headline_span(text: str, title: str | None = None) -> tuple[int, int] | None:
    """Where the headline stands at the top of ``text``, or None.

    >>> headline_span("Iraq advice claim sparks new row\\n\\nThe government said ...")
    (0, 32)
    >>> headline_span("Ann said so.\\nBob did not.") is None
    True
    >>> headline_span("Rain in Spain\\nIt rained, she said.", title="Rain in Spain")
    (0, 13)
    """
    m = _FIRST_LINE.match(text)
    line = m.group(1).strip()
    if not line:
        return None
    if title is not None and " ".join(title.split()).casefold() == " ".join(line.split()).casefold():
        return (m.start(1), m.start(1) + len(m.group(1).rstrip()))
    if title is None and title_line(text):
        return (m.start(1), m.start(1) + len(m.group(1).rstrip()))
    return None


def drop_headline(text: str, spans: list[SpanAttribution], headline: tuple[int, int] | None
                  ) -> list[SpanAttribution]:
    """``spans`` without the attributions whose cue (or, with no cue, content) starts in
    the headline, and with the content fragments that lie in it taken out of the rest.

    >>> t = "Ann says rain ahead\\n\\nRain will fall, the forecast says."
    >>> a = SpanAttribution(source=[(0, 3)], cue=[(4, 8)], content=[(9, 19)])
    >>> b = SpanAttribution(source=[(37, 49)], cue=[(50, 54)], content=[(9, 35)])
    >>> [t[s:e] for x in drop_headline(t, [a, b], (0, 19)) for s, e in x.content]
    ['Rain will fall']
    """
    if headline is None:
        return spans
    start, end = headline

    def clipped(fragment):  # the fragment's part after the headline and the blank below it
        s, e = fragment
        if s < end:
            s = end
            while s < e and text[s].isspace():
                s += 1
        return (s, e)

    out = []
    for a in spans:
        anchor = (a.cue or a.content)[:1]
        if anchor and start <= anchor[0][0] < end:
            continue
        content = [f for f in map(clipped, a.content) if f[0] < f[1]]
        if not content:
            continue
        out.append(SpanAttribution(a.source, a.cue, content, a.score) if content != a.content else a)
    return out
