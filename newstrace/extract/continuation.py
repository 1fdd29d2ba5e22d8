r"""Quotation paragraphs that carry on the last speaker with no cue of their own.

News style quotes a speaker over several paragraphs and names them once:

    "We will rebuild," the mayor said. "It will take years.
    "But we will do it before winter."

(British papers leave the closing mark off between such paragraphs and open each one
again.) Each such paragraph is an attribution of its own, with no source and no cue; its
speaker is the running one (``continue_quotes`` in this package gives it). The tagger
sometimes folds one into the content of the attribution before (PolNeAR's train
annotators often did the same); here it becomes its own attribution again, so that one
attribution holds one paragraph's quotation.

Pure functions over the text and the spans; no model.
"""

from __future__ import annotations

import re

from newstrace.extract.quotes import OPENING, STRAIGHT, covered, quotation_end
from newstrace.records import SpanAttribution

# a paragraph that opens with a quotation mark (white space and a dash before it allowed)
_QUOTE_PARAGRAPH = re.compile(rf"^[ \t\u00a0]*[{OPENING}{STRAIGHT}]", re.MULTILINE)
# at most this many characters between the quotation carried on and the paragraph that
# carries it on (a blank line, a stray advertisement line)
MAX_GAP = 200
# a line between them this short is an aside of the page, not a paragraph of the article
SHORT_LINE = 30


def quote_paragraphs(text: str, mask: bytearray) -> list[tuple[int, int]]:
    r"""The quotations that open a paragraph: (start, end) of the quoted run, marks
    excluded.

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = 'He said: "Yes.\n"No," she said.\nOdd.'
    >>> [t[s:e] for s, e in quote_paragraphs(t, quote_mask(t))]
    ['No,']
    """
    out = []
    for m in _QUOTE_PARAGRAPH.finditer(text):
        s = m.end()
        e = quotation_end(mask, s)
        if e > s and text[s:e].strip():
            out.append((s, e))
    return out


def _paragraph_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def split_continuations(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    r"""Content fragments that are a quotation opening a later paragraph than the
    attribution's cue, with no cue of their own, become attributions of their own.

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = '"We won," Ann said.\n"And we will win again."'
    >>> a = SpanAttribution(source=[(10, 13)], cue=[(14, 18)], content=[(1, 7), (21, 43)])
    >>> [(x.cue, x.content) for x in split_continuations(t, [a], quote_mask(t))]
    [([(14, 18)], [(1, 7)]), ([], [(21, 43)])]
    """
    openings = {s: e for s, e in quote_paragraphs(text, mask)}
    starts = sorted(openings)
    cues = covered(len(text), [f for a in spans for f in a.cue])
    out = []
    for a in spans:
        if not a.cue:
            out.append(a)
            continue
        cue_paragraph = _paragraph_start(text, a.cue[0][0])
        kept, apart = [], []
        for s, e in _cut_at(text, a.content, starts):
            q = _opening_at(text, s, openings)
            if q is not None and _paragraph_start(text, s) > cue_paragraph and not any(cues[q[0]:q[1]]):
                apart.append((s, e))
            else:
                kept.append((s, e))
        if not kept or not apart:
            out.append(a)
            continue
        out.append(SpanAttribution(a.source, a.cue, kept, a.score))
        out.extend(SpanAttribution([], [], [f], a.score) for f in apart)
    return out


def _cut_at(text: str, content: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """The fragments of ``content`` cut where a quotation opens a paragraph inside one
    (the tagger's content sometimes runs on over several quotation paragraphs); each
    piece ends at its paragraph's end."""
    out = []
    for s, e in content:
        for q in starts:
            line_end = text.rfind("\n", s, q)
            if s + 1 < q < e and line_end > s:
                out.append((s, line_end))
                s = q - 1
        out.append((s, e))
    return out


def _opening_at(text: str, start: int, openings: dict[int, int]) -> tuple[int, int] | None:
    """The paragraph-opening quotation that a fragment starting at ``start`` begins
    (its mark may be inside or just outside the fragment)."""
    for s in (start, start + 1):
        if s in openings:
            return (s, openings[s])
    return None


def add_continuations(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    r"""``spans`` with an attribution (no source, no cue) for each quotation that opens a
    paragraph, holds nobody's cue or content, and follows, within ``MAX_GAP``
    characters and in the next paragraph, a quotation that is an attribution's content
    (or such a continuation itself).

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = '"We won," Ann said. "It took years.\n"But we did it."\n"And again."'
    >>> a = SpanAttribution(source=[(10, 13)], cue=[(14, 18)], content=[(1, 7), (21, 35)])
    >>> [t[s:e] for x in add_continuations(t, [a], quote_mask(t)) for s, e in x.content]
    ['We won', 'It took years.', 'But we did it.', 'And again.']
    """
    taken = covered(len(text), [f for a in spans for f in a.cue + a.content + a.source])
    quoted_ends = sorted(_own_end(text, e) for a in spans for s, e in a.content if any(mask[s:e]))
    added: list[SpanAttribution] = []
    for s, e in quote_paragraphs(text, mask):
        if any(taken[s:e]):
            if any(x[0] <= s < x[1] for a in spans for x in a.content):
                quoted_ends.append(e)  # a quotation some attribution holds: the next may carry it on
                quoted_ends.sort()
            continue
        before = [x for x in quoted_ends if x <= s]
        if not before:
            continue
        gap = text[before[-1]:s]
        if "\n" not in gap or len(gap) > MAX_GAP or not only_short_lines_between(gap):
            continue
        added.append(SpanAttribution([], [], [(s, e)], 1.0))
        quoted_ends.append(e)
        quoted_ends.sort()
    if not added:
        return spans
    return sorted(spans + added, key=lambda a: min(x for x, _ in a.cue + a.content + a.source))


def _own_end(text: str, end: int) -> int:
    r"""Where a content that ran on over a paragraph break into the next paragraph's opening
    mark ends, short of that break (the tagger's 'said it was "delighted" with the
    decision.\n\n"', whose next paragraph carries the quotation on).

    >>> t = 'said it was "delighted".\n\n"These two'
    >>> _own_end(t, t.index("These")), _own_end(t, t.index(".")), _own_end(t, len(t))
    (24, 23, 36)
    """
    start = end
    while start > 0 and (text[start - 1].isspace() or text[start - 1] in OPENING + STRAIGHT):
        start -= 1
    return start if "\n" in text[start:end] else end


def only_short_lines_between(gap: str) -> bool:
    """Whether the lines between two quotations are blank or short asides that are no
    sentence of the article ("Advertisement", "SPONSORED"), or a photo's caption with its
    credit ("© AFP Cardinal O'Malley (centre) accompanied the Pope in Latin America")."""
    return all(len(line.strip()) <= SHORT_LINE or not any(ch.isalnum() for ch in line)
               or line.lstrip().startswith("©") for line in gap.split("\n")[1:-1])
