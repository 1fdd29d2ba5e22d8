"""A quotation signed by a reference to a book's chapter and verse at the end of its
paragraph:

    “Leave them; they are blind guides.
    And if a blind man leads a blind man, both will fall into a pit.” (Matthew 15:14)

    Scio Cui credidi
    (2 Tim 1:12)

The reference is the source and there is no cue (judged PTC rounds 2 and 12: "(Matthew
15:14)", "(2 Tim 1:12)", "(Psalm 103:33-34)"). Read only where the reference closes a
paragraph, right after a closing quotation mark (the content is the quotation, back to its
opening mark, over its lines) or on a line of its own (the content is the line before, a
motto or verse of at most ``MAX_LINE`` characters). A reference inside a sentence ("…
the poll tax, “until they pay the tribute” (Koran 9:29) is a divinely ordained …", "as
Christ warned (John 15:22).") cites the writer's support, and is left alone. Pure
functions over the text.
"""

from __future__ import annotations

import re

from newstrace.records import SpanAttribution

MAX_LINE = 200
# "(Matthew 15:14)", "(2 Tim 1:12)", "(Psalm 103:33-34)", "(Lk. 14:26)"
_REFERENCE = re.compile(r"\(((?:[1-3]\s)?[A-Z][a-z]+\.?\s\d{1,3}:\d{1,3}(?:[-–]\d{1,3})?)\)[ \t]*(?=\n|$)")


def reference_lines(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """An attribution for each quotation or line that a chapter-and-verse reference closes,
    unless an attribution of ``spans`` already holds it.

    >>> t = "He knew it.\\n“Leave them; they are blind guides.\\nBoth will fall into a pit.” (Matthew 15:14)\\nMore."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.content[0][0]:a.content[0][1]]) for a in reference_lines(t, [])]
    [('Matthew 15:14', '“Leave them; they are blind guides.\\nBoth will fall into a pit.”')]
    >>> t = "Apostolic Nuncio\\nScio Cui credidi\\n(2 Tim 1:12)\\nBefore starting my writing, I give thanks."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.content[0][0]:a.content[0][1]]) for a in reference_lines(t, [])]
    [('2 Tim 1:12', 'Scio Cui credidi')]
    >>> reference_lines("Christ warned them (John 15:22). They did not listen.", [])
    []
    """
    found = []
    for m in _REFERENCE.finditer(text):
        before = text[:m.start()].rstrip(" \t")
        if before.endswith(("”", '"')) and not before.endswith("\n"):
            close = len(before)
            opening = text.rfind("“" if before.endswith("”") else '"', 0, close - 1)
            if opening < 0 or "\n\n" in text[opening:close] or close - opening > 2000:
                continue
            start, end = opening, close
        elif before.endswith("\n"):  # a line of its own: the line before is the words quoted
            end = len(before.rstrip("\n"))
            start = text.rfind("\n", 0, end) + 1
            if not 0 < end - start <= MAX_LINE:
                continue
        else:
            continue
        if len(text[start:end].split()) < 2 or any(s < end and start < e for a in spans for s, e in a.content):
            continue
        found.append(SpanAttribution(source=[m.span(1)], cue=[], content=[(start, end)], score=0.5))
    return found
