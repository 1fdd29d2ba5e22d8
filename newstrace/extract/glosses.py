"""The writer's gloss after a quotation is not the speaker's content.

    Jim Scanlan, another survivor, said “the timing of it is too perfect” given the
    controversy last month surrounding Pope Francis’s remarks that …

Scanlan said the quoted words; "given the controversy …" is the writer's. The tagger, fit
on PolNeAR where contents run to the sentence's end, takes both (issue 28, judged round
4). When a content opens with a quotation that closes inside it and what follows the
closing mark opens an adjunct of the writer's (given, amid, despite, after …), the
content ends at the closing mark. Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.extract.quotes import quotation_end
from newstrace.records import SpanAttribution

_GLOSS = re.compile(r"[\s,]*(?:given|amid|amidst|despite|following|after|before|because|since|while|when|"
                    r"as|though|although|in the wake of|days after|weeks after|hours after)\b", re.IGNORECASE)


def cut_glosses(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    """``spans`` with each content that opens with a quotation and runs on into the
    writer's adjunct cut at the quotation's closing mark.

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = 'Scanlan said “the timing is too perfect” given the controversy last month.'
    >>> a = SpanAttribution([(0, 7)], [(8, 12)], [(13, 73)])
    >>> [t[s:e] for s, e in cut_glosses(t, [a], quote_mask(t))[0].content]
    ['“the timing is too perfect”']
    """
    out = []
    for a in spans:
        if len(a.content) == 1:
            s, e = a.content[0]
            first = next((i for i in range(s, min(e, s + 3)) if mask[i]), None)
            if first is not None:
                close = quotation_end(mask, first)
                close += close < len(text) and text[close] in "”\"’'»"  # the closing mark itself
                if close < e and _GLOSS.match(text, close, e):
                    a = SpanAttribution(a.source, a.cue, [(s, close)], a.score)
        out.append(a)
    return out
