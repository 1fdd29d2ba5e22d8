"""A quotation introduced inside a sentence by a verb or a noun of saying and a colon:

    Mohamed Atta … told passengers over the intercom: “Stay quiet and you’ll be OK.”
    Trump could send a clear message to the CIA: “Give me what I want and I’ll give you …”

The judged PTC rounds count both (rounds 2 and 12); the tagger, fit on newspaper prose
where a colon rarely stands between the cue and its quotation, leaves some out, most where
an object or an adjunct stands between ("told passengers over the intercom:"). The frame:
a verb of saying (``_VERBS``) or a verb that sends a noun of saying ("send a clear
message", "issued this edict"), at most ten words of object and adjunct with no stop,
a colon, then a quotation in marks, which is the content, to its closing mark (over its
lines, within one paragraph break). ``colon_reports`` reads a line that ends in "X
reports:" and the paragraph below; this reads a quotation on the same line. Cues inside
quotations are left to ``nested``. Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.extract.frames import source_before
from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

_VERBS = (r"told|tells|telling|said|says|saying|declared|declares|wrote|writes|announced|announces|warned|warns|"
          r"replied|replies|responded|responds|added|adds|tweeted|tweets|shouted|yelled|screamed|explained|explains|"
          r"stated|states|insisted|insists|proclaimed|proclaims|asked|asks|posted|posts|remarked|remarks|"
          # "spoke to the press after the speech: “…”" (judged round 14)
          r"spoke|speaks|speaking")
# ("gave the only answer he could: “…”", round 1; precision20)
_SEND = (r"(?:send|sends|sent|sending|issue|issues|issued|issuing|deliver|delivers|delivered|delivering|"
         r"give|gives|gave|given|giving)")
_NOUN = r"(?:message|signal|warning|edict|ultimatum|statement|reminder|decree|order|reply|response|answer)"
# a colon before an opening mark, found first (it is rare); the verb or the noun read back from it
_COLON = re.compile(r":[ \t]*(?=[“\"])")
_BEFORE_COLON = re.compile(
    rf"(?<![\w’'-])((?:{_VERBS})|{_SEND}\s+(?:a|an|the|this|that|his|her|their|its)\s+(?:[a-z]+\s+)?{_NOUN})"
    r"\b([^.!?:;\n“”\"]{0,80}?)$")
MAX_WORDS_BETWEEN = 10


def colon_quotes(text: str, spans: list[SpanAttribution], mask: bytearray | None = None) -> list[SpanAttribution]:
    """An attribution for each verb or noun of saying with a colon and a quotation after it,
    where no attribution of ``spans`` holds the verb in its cue or the quotation in its
    content.

    >>> t = "Atta told passengers over the intercom: “Stay quiet and you’ll be OK.” Then he flew on."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.cue[0][0]:a.cue[0][1]], t[a.content[0][0]:a.content[0][1]])
    ...  for a in colon_quotes(t, [])]
    [('Atta', 'told', '“Stay quiet and you’ll be OK.”')]
    >>> t = "Trump could send a clear message to the CIA: “Give me what I want.”"
    >>> [t[a.cue[0][0]:a.cue[0][1]] for a in colon_quotes(t, [])]
    ['send a clear message']
    """
    # a quotation the tagger found with no cue, or with the colon alone for cue (which
    # ``cues.colon_cues`` takes away), is no claim on it: the cue found here is its cue, and
    # ``one_attribution_per_quote`` keeps the earlier cue's
    taken = covered(len(text), [f for a in spans for f in a.cue + (a.content if _worded(text, a.cue) else [])])
    found = []
    for colon in _COLON.finditer(text):
        m = _BEFORE_COLON.search(text, max(0, colon.start() - 160), colon.start())
        if m is None:
            continue
        cs, ce = m.span(1)
        if len(m.group(2).split()) > MAX_WORDS_BETWEEN or mask is not None and mask[cs]:
            continue
        start = colon.end()
        close = text.find("”" if text[start] == "“" else '"', start + 1)
        if close < 0 or "\n\n" in text[start:close] or close - start > 3000:
            continue
        end = close + 1
        if any(taken[cs:ce]) or any(taken[start:end]) or len(text[start:end].split()) < 2:
            continue
        source = source_before(text, cs)
        found.append(SpanAttribution(source=[source] if source else [], cue=[(cs, ce)], content=[(start, end)],
                                     score=0.5))
    return found


def _worded(text: str, cue: list[tuple[int, int]]) -> bool:
    """Whether ``cue`` holds a word (not nothing, nor a colon alone)."""
    return any(text[s:e].strip(" :\t\n") for s, e in cue)
