"""Content around a parenthetical cue: 'Otherwise, she said, countries may steal growth.'

When the source and cue sit inside a sentence, set off by commas, the words before them
belong to what was said as much as the words after. PolNeAR annotates such content as two
fragments ('Otherwise' + 'countries may steal growth'); the tagger tends to find only the
part after the cue. Pure functions over the text and the spans; no model.
"""

from __future__ import annotations

import re

from newstrace.extract.quotes import add_fragment, covered, roles_covered
from newstrace.records import SpanAttribution

# The part before the commas is added only when it is this short (characters). Longer
# ones are mostly a sentence of their own that the comma happens to end ("Pence's press
# release linked to ..., he said, ..."). Chosen on PolNeAR train: 50 and 80 score the
# same, 200 lower.
MAX_LEAD = 50

# A full stop after these does not end a sentence ("Sen. Warren, he said, ...").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Inc|Co|Corp|vs|No|Rev|Prof|"
    r"Sgt|Capt|Adm|Maj|Ft|Mt)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])$")
# after the cue or source: a few more words of the attribution ("in a tweet"), then a comma
_CLOSING_COMMA = re.compile(r"[^,.;:!?\n\"“”]{0,40}?,\s*")
_TRIM = " \t\u00a0\n,\"“”"


def sentence_start(text: str, i: int) -> int:
    """Where the sentence holding character ``i`` begins: after the last line break, or
    after the last . ! ? before ``i`` that is followed by white space or a closing
    quotation mark and is not an abbreviation's full stop (white space skipped)."""
    j = i
    while j > 0:
        ch = text[j - 1]
        if ch == "\n":
            break
        if ch in ".!?" and j < len(text) and (text[j].isspace() or text[j] in "\"”’"):
            if ch != "." or not _ABBREVIATION.search(text, 0, j - 1):
                break
        j -= 1
    while j < i and text[j] in " \t\u00a0":
        j += 1
    return j


def complete_parenthetical(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """Give each attribution whose cue and source are set off by commas inside a
    sentence, and whose content starts right after them, the short lead before them.

    The lead is added only when no cue, source or other content lies in it, it is at most
    ``MAX_LEAD`` characters, and the content after the commas is not a quotation (after
    'On Tuesday, Trump tweeted, "..."' the lead sets the scene; annotators leave it out).

    >>> t = 'Otherwise, she said, countries may simply steal growth.'
    >>> [a] = complete_parenthetical(t, [SpanAttribution([(11, 14)], [(15, 19)], [(21, 54)])])
    >>> [t[s:e] for s, e in a.content]
    ['Otherwise', 'countries may simply steal growth']
    """
    anchors = roles_covered(text, spans)
    held = covered(len(text), [f for a in spans for f in a.content])
    out = []
    for a in spans:
        lead = _lead(text, a, anchors, held) if a.cue and a.content else None
        out.append(add_fragment(a, lead, held) if lead else a)
    return out


def _lead(text: str, a: SpanAttribution, anchors: bytearray, held: bytearray):
    roles = a.cue + a.source
    left, right = min(s for s, _ in roles), max(e for _, e in roles)
    comma = left
    while comma > 0 and text[comma - 1] in " \t\u00a0":
        comma -= 1
    comma -= 1
    after = _CLOSING_COMMA.match(text, right)
    if comma < 0 or text[comma] != "," or not after:
        return None
    rest = after.end()
    if rest >= len(text) or text[rest] in "\"“":
        return None
    if not any(abs(s - rest) <= 2 for s, _ in a.content):
        return None
    s, e = sentence_start(text, comma), comma
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if not 0 < e - s <= MAX_LEAD or any(anchors[s:e]) or any(held[s:e]):
        return None
    return (s, e)
