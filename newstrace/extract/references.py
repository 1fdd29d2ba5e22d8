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
    """``spans`` with an attribution for each quotation or line that a chapter-and-verse
    reference closes, unless an attribution with a cue or a source already holds it; the
    quotation paragraphs with neither (``continuation``: taken as carrying on the last
    speaker) that lie in it give way.

    >>> t = "He knew it.\\n“Leave them; they are blind guides.\\nBoth will fall into a pit.” (Matthew 15:14)\\nMore."
    >>> cont = SpanAttribution([], [], [(t.index('Leave'), t.index('guides.') + 7)])
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.content[0][0]:a.content[0][1]]) for a in reference_lines(t, [cont])]
    [('Matthew 15:14', '“Leave them; they are blind guides.\\nBoth will fall into a pit.”')]
    >>> t = "Apostolic Nuncio\\nScio Cui credidi\\n(2 Tim 1:12)\\nBefore starting my writing, I give thanks."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.content[0][0]:a.content[0][1]]) for a in reference_lines(t, [])]
    [('2 Tim 1:12', 'Scio Cui credidi')]
    >>> t = "He prayed.\\n“As long as I have life, I will sing to the Lord,\\nFor I rejoice in the Lord.”\\n(Psalm 103:33-34)\\n"
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.content[0][0]:a.content[0][1]]) for a in reference_lines(t, [])]
    [('Psalm 103:33-34', '“As long as I have life, I will sing to the Lord,\\nFor I rejoice in the Lord.”')]
    >>> reference_lines("Christ warned them (John 15:22). They did not listen.", [])
    []
    """
    found = []
    for m in _REFERENCE.finditer(text):
        before = text[:m.start()].rstrip(" \t")
        own_line = before.endswith("\n") or not before
        before = before.rstrip("\n") if own_line else before
        if before.endswith(("”", '"')) and (own_line or not before.endswith("\n")):
            close = len(before)  # a quotation, back to its opening mark, over its lines
            opening = text.rfind("“" if before.endswith("”") else '"', 0, close - 1)
            if opening < 0 or "\n\n" in text[opening:close] or close - opening > 2000:
                continue
            start, end = opening, close
        elif own_line:  # a line of its own: the line before is the words quoted
            end = len(before)
            start = text.rfind("\n", 0, end) + 1
            if not 0 < end - start <= MAX_LINE:
                continue
        else:
            continue
        inside = [a for a in spans if any(s < end and start < e for s, e in a.content)]
        if len(text[start:end].split()) < 2 or any(a.cue or a.source for a in inside):
            continue  # an attribution with a cue or a source holds the words already
        # quotation paragraphs taken as carrying on the speaker before give way to the reference
        spans = [a for a in spans if not any(a is b for b in inside)]
        found.append(SpanAttribution(source=[m.span(1)], cue=[], content=[(start, end)], score=0.5))
    return spans + found
