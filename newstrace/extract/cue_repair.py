"""A cue the tagger cut short: an auxiliary or adverb for cue, the verb of saying after it.

    The media outlet also reported that the Mexican government has sent 500 police.
    Trump also asked that other important documents be declassified as well.
    … those whom we are told we may have to fight?

The tagger found the attribution but marked "also" or "are" as its cue, the verb beside
it left out (in the content, or between cue and content); ``cues.not_speech`` then drops
it, a cue of function words alone ("function_words"), and the report is lost (issue 28,
recall10: three in judged rounds 1-10). Where such a cue is followed at once by a word of
the cue lexicon (``data/cue_lexicon.txt``, counted from PolNeAR's annotations), the verb
joins the cue and leaves the content. Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.extract.frames import cue_words
from newstrace.records import SpanAttribution

# the words a cut-short cue is made of: auxiliaries and adverbs before a verb
_SHORT = frozenset("also are is was were has have had been be then later still just even already "
                   "previously recently".split())
_NEXT = re.compile(r"[ \t]+([A-Za-z’'-]+)")


def repair_cues(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each cue of auxiliaries and adverbs alone extended over the lexicon
    verb right after it (taken out of the content where the content held it).

    >>> t = "The media outlet also reported that the Mexican government has sent 500 police."
    >>> a = SpanAttribution([(0, 16)], [(17, 21)], [(31, 78)])
    >>> [(t[s:e], [t[x:y] for x, y in b.content]) for b in repair_cues(t, [a]) for s, e in b.cue]
    [('also reported', ['that the Mexican government has sent 500 police'])]
    >>> t = "This testimony also backs up claims by another eyewitness."
    >>> b = SpanAttribution([(0, 14)], [(26, 28)], [(29, 57)])
    >>> repair_cues(t, [b]) == [b]
    True
    """
    out = []
    for a in spans:
        words = " ".join(text[s:e] for s, e in a.cue).lower().split()
        if not words or not all(w in _SHORT for w in words):
            out.append(a)
            continue
        m = _NEXT.match(text, a.cue[-1][1])
        if m is None or m.group(1).lower() not in cue_words():
            out.append(a)
            continue
        vs, ve = m.span(1)
        cue = a.cue[:-1] + [(a.cue[-1][0], ve)]
        # the verb leaves the content ("are | told we may have to fight" -> "we may have to fight")
        content = []
        for s, e in a.content:
            if s < ve and e > vs:
                s = ve + len(text[ve:e]) - len(text[ve:e].lstrip())
            if s < e:
                content.append((s, e))
        out.append(SpanAttribution(source=a.source, cue=cue, content=content or a.content, score=a.score))
    return out
