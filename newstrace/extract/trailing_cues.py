r"""A cue after a quotation belongs to that quotation, not to the next paragraph's.

    "Holy Father, I decided to write this letter to you …," Mr Cruz writes.
    © AFP Cardinal O'Malley (centre) accompanied the Pope in Latin America
    "Our story is well known …"

"writes" reports the quotation before it in its own line; the next quotation paragraph
carries the speaker on with no cue. The tagger, fit on PolNeAR where a cue often
introduces the quotation after it ("he said:"), sometimes gives the cue to the next
paragraph and leaves the first quotation with none (issue 28: judged rounds 4 and 5, the
same frame in both). When a line opens with a quotation that closes with a comma (or ?
or !), then a short source and the cue, and the attribution of that cue has for content
a quotation in a later line, the content becomes the quotation of the cue's line; the
later paragraph is left to ``continuation.add_continuations``. Pure functions over the
text.
"""

from __future__ import annotations

import re

from newstrace.records import SpanAttribution

# a line that opens with a quotation closed by , ? ! (or those inside the mark), then the
# source and the cue: '"…," Mr Cruz writes', '“…,” New Horizons Principal Investigator
# Alan Stern, of the Southwest Research Institute in Boulder, Colorado, notes'
_QUOTE_THEN_SOURCE = re.compile(r"[ \t\u00a0]*([\"“])[^\n]*?[,?!…]\s*([\"”])[ \t\u00a0]+"
                                r"(?:[^\s\"“”]+[ \t\u00a0]+){1,20}$")
# the cue right after the quotation, its source after it ('“They don’t work in
# counterintelligence,” said Meadows, who charged that the FBI gave the IG “false
# information” …'): whatever follows on the line, the quotation before is the cue's
_INVERTED = re.compile(r"[ \t\u00a0]*([\"“])[^\n\"“”]*?[,?!…]\s*([\"”])[ \t\u00a0]+$")
# after the cue, the line ends with no other quotation and no colon ("… notes in a
# statement.", "… said in Montana, while campaigning for the Republicans in the state ahead
# of next week’s midterm election.")
_LINE_REST = re.compile(r"[^\"“”:\n]{0,160}(?:\n|$)")


# the cue's line when the quotation closing on it opened lines above: no mark but the closing one
_CLOSE_THEN_SOURCE = re.compile(r"[^\n\"“”]*?[,?!…]\s*([\"”])[ \t\u00a0]+(?:[^\s\"“”]+[ \t\u00a0]+){1,20}$")
_OPENS_LINE = re.compile(r"[ \t\u00a0]*([\"“])[^\n\"“”]*$")
MAX_LINES_UP = 6


def _opened_above(text: str, line_start: int, cue_start: int) -> tuple[int, int] | None:
    r"""The quotation that closes on the cue's line and opens a line above it, the lines
    between holding no mark ('"Australia is a continent; it is not a country.\nThat error
    made it nearly impossible …," the professor wrote'), as (opening, closing mark end).

    >>> t = '"Australia is a continent.\nThat error made it impossible," the professor wrote.'
    >>> q = _opened_above(t, t.index("That"), t.index("wrote"))
    >>> t[q[0]:q[1]]
    '"Australia is a continent.\nThat error made it impossible,"'
    """
    m = _CLOSE_THEN_SOURCE.match(text, line_start, cue_start)
    if not m:
        return None
    end = line_start - 1
    for _ in range(MAX_LINES_UP):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        opened = _OPENS_LINE.fullmatch(text, start, end)
        if opened:
            return opened.start(1), m.end(1)
        if not text[start:end].strip() or any(ch in "\"“”" for ch in text[start:end]):
            return None
        end = start - 1
    return None


def quotes_before_cues(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    r"""``spans`` with each cue that follows a quotation in its own line given that
    quotation for content, when the tagger gave it a quotation in a later line; cueless
    attributions of the quotation so claimed are dropped.

    >>> t = '"I am tired of fighting," Mr Cruz writes.\n"Our story is well known."'
    >>> a = SpanAttribution([(26, 33)], [(34, 40)], [(42, 68)])
    >>> [t[s:e] for s, e in quotes_before_cues(t, [a])[0].content]
    ['"I am tired of fighting,"']
    """
    out, claimed = [], []
    for a in spans:
        if a.cue and a.content:
            cs, ce = a.cue[0][0], a.cue[-1][1]
            line_start = text.rfind("\n", 0, cs) + 1
            line_end = text.find("\n", ce)
            line_end = len(text) if line_end < 0 else line_end
            m = _QUOTE_THEN_SOURCE.match(text, line_start, cs)
            quote = (m.start(1), m.end(2)) if m else _opened_above(text, line_start, cs)
            inverted = _INVERTED.match(text, line_start, cs)  # '“…,” said Meadows, who charged …'
            if inverted:
                quote = quote or (inverted.start(1), inverted.end(2))
            if quote and a.content[0][0] > line_end and (
                    _LINE_REST.match(text, ce) and all(line_start <= s < cs for s, _ in a.source)
                    or inverted and all(line_start <= s < line_end for s, _ in a.source)):
                a = SpanAttribution(a.source, a.cue, [quote], a.score)
                claimed.append(quote)
        out.append(a)
    if not claimed:
        return spans
    # the quotation's cueless attribution (a continuation taken for one) gives way
    return [a for a in out if a.cue or not any(qs <= a.content[0][0] < qe for qs, qe in claimed)]
