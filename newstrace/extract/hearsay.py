"""Hearsay adverbs: "allegedly" and "reportedly" attribute the clause they sit in to
someone unnamed.

    The killer had allegedly shouted, “Allahu Akbar”.
    He allegedly assaulted the Jewish woman and hit her mercilessly.

The writer does not assert that the killer shouted: someone alleged it. Readers count
such a clause as an attribution with the adverb for cue and no source (issue 28: all
three "allegedly" of judged round 4 were missed; PolNeAR's text has one in its dev set,
so the tagger rarely proposes them). The content is the clause, from the opening of its
sentence (or of its relative or joined clause) to its end, less the adverb. Pure functions over the text; no model.
"""

from __future__ import annotations

import re

from newstrace.extract.frames import SENTENCE_END
from newstrace.extract.nested import trim
from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

_ADVERB = re.compile(r"(?<![\w’'-])(?:allegedly|reportedly)(?![\w’'-])", re.IGNORECASE)
# the start of the clause before the adverb: a sentence's opening, a semicolon, a colon
_OPENING = re.compile(r"(?:^|[.!?…;:](?:[\"”’'])?\s+|\n)")
# "are allegedly thought to be": the predicate after is itself an evidential one
_RAISING = re.compile(r"\s+(?:thought|believed|said|expected|known|reported|rumou?red)\s+to\b")
MIN_WORDS = 3  # "who allegedly did": no clause
# the clause names who reports it: "Symptoms … reportedly varied dramatically from person to
# person, according to The Associated Press" (that attribution is the clause's; precision15)
_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
# the clause the adverb sits in opens later than its sentence where a relative opens it ("the
# abuse he suffered and which Bishop Barros allegedly witnessed", "the same woman who reportedly
# told …": the relative word with it), where ", and" or ", but" joins it to the clause before
# ("…, the Nationals lack confidence, and the O’s have reportedly only offered …"), or where an
# opening phrase set off by a comma stands before its pronoun subject ("And, to no one's surprise,
# she's allegedly a Dem donor"); it ends before a clause joined with ", but" and a subject (", but
# she says she managed …") or a dash and a participle (" – proving that the FBI …"): each the
# judged gold's (rounds 3, 5, 6, 8, 14)
_RELATIVE = re.compile(r"(?<![\w’'-])(?:who|which|whom)\s+[^,;:()\n]*$", re.IGNORECASE)
_JOINED = re.compile(r",\s+(?:and|but)\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|"
                     r"does|did|do|\w+ed)\b)(?=[^,;:()\n]+$)", re.IGNORECASE)
# a clause before the one joined (not a list of names: "Pfizer, GlaxoSmithKline, Johnson & Johnson,
# and Eli Lilly were all allegedly targeted …")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\b|"
                     r"[’']s\b|\b\w+ed\b", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r",\s+(?=(?:he|she|it|they|we|I|you)(?:[’']\w+)?(?:\s+\w+)?\s*$)")
_NEXT_CLAUSE = re.compile(r",\s+but\s+(?:he|she|it|they|we|I|you|[A-Z][\w’'-]+)\s|\s+[–—]\s+\w+ing\b")


def _clause(text: str, opening: int, s: int, e: int, end: int) -> tuple[int, int]:
    """The start and end of the clause around an adverb at ``s``..``e`` in the sentence
    ``opening``..``end``."""
    before = text[opening:s]
    joined = _JOINED.search(before)
    if joined and not _FINITE.search(before, 0, joined.start()):
        joined = None
    m = _RELATIVE.search(before) or joined or _PRONOUN_SUBJECT.search(before)
    if m:
        opening += m.start() if m.re is _RELATIVE else m.end()
    m = _NEXT_CLAUSE.search(text, e, end)
    return opening, m.start() if m else end


def hearsay(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    """An attribution for each "allegedly" or "reportedly" outside quotations that no
    attribution of ``spans`` has for its whole cue.

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = "He allegedly assaulted the Jewish woman and hit her mercilessly."
    >>> [[t[s:e] for s, e in a.content] for a in hearsay(t, [], quote_mask(t))]
    [['He', 'assaulted the Jewish woman and hit her mercilessly']]
    """
    # a cue that is the adverb alone; "had allegedly shouted" is the killer's shout, the
    # hearsay about it is another attribution
    cues = covered(len(text), [f for a in spans for f in a.cue if _ADVERB.fullmatch(text[f[0]:f[1]].strip())])
    found = []
    for m in _ADVERB.finditer(text):
        s, e = m.span()
        if any(cues[s:e]) or mask[s] or _RAISING.match(text, e):
            continue
        window = text[max(0, s - 400):s]
        opening = max((o.end() for o in _OPENING.finditer(window)), default=0) + max(0, s - 400)
        end = SENTENCE_END.search(text, e)
        end = end.start() if end else len(text)
        opening, end = _clause(text, opening, s, e, end)
        before = (opening, s)
        after = (e, end)
        frags = [f for f in (trim(text, before, ",;:"), trim(text, after, ",;:")) if f[0] < f[1]]
        words = sum(len(re.findall(r"\w+", text[a:b])) for a, b in frags)
        if words < MIN_WORDS or not frags or frags[-1][0] < e:
            continue  # no predicate after the adverb ("he did so, allegedly.")
        # the adverb says how a speech was reported, and that speech is an attribution of its
        # own: "as Senate Majority Leader Mitch McConnell reportedly warned, that …"; or the
        # clause names who reports it ("…, according to The Associated Press")
        if any(cs > e and not text[e:cs].strip() for a in spans for cs, _ in a.cue[:1]) \
                or _ACCORDING.search(text, e, end):
            continue
        found.append(SpanAttribution(source=[], cue=[(s, e)], content=frags, score=0.5))
    return found



def split_at_adverbs(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with a content that holds its own cue, "reportedly" or "allegedly", cut
    around it: "This was reportedly the first such occurrence" reports "This was | the first
    such occurrence" (judged round 14 and round 8's gold: 2 of 2), as ``hearsay`` reads it.

    >>> t = "This was reportedly the first such occurrence."
    >>> a = SpanAttribution([], [(9, 19)], [(0, 45)])
    >>> [t[s:e] for s, e in split_at_adverbs(t, [a])[0].content]
    ['This was', 'the first such occurrence']
    """
    out = []
    for a in spans:
        if len(a.cue) == 1 and _ADVERB.fullmatch(text[a.cue[0][0]:a.cue[0][1]].strip()):
            cs, ce = a.cue[0]
            frags = []
            for s, e in a.content:
                if s < cs and ce < e:
                    frags += [f for f in (trim(text, (s, cs), ",;:"), trim(text, (ce, e), ",;:")) if f[0] < f[1]]
                else:
                    frags.append((s, e))
            if frags != list(a.content):
                a = SpanAttribution(a.source, a.cue, frags, a.score)
        out.append(a)
    return out
