"""A noun of saying whose owner is named, with what was said as its predicate:

    Rubio’s response was that it’s unfair for the federal tax code to …
    Clinton’s response was: “Is Dalton Brody off Conn or Wisconsin?”
    But the pope’s reply to my testimony was: “I will not say a word!”
    The center of my testimony was that since at least June 23, 2013, the pope knew …

PolNeAR's annotators mark these (in its train texts: source "Rubio’s", cue "response
was", content the that-clause; "Sanders's point was that …", "Beck’s contention was that
…"), and so do the judged PTC rounds ("the pope’s reply to my testimony was: “…”"); the
tagger leaves most out. The frame: an owner (a possessive name or pronoun, optionally
after "the gist/center/heart/crux/core/essence/thrust of"), a noun of saying or holding,
at most a short phrase after it ("to my testimony", "on Sunday"), "was" or "is", then a
colon and the words after it (a quotation to its closing mark, else the sentence) or
"that" and a clause that opens with a subject. ``noun_clauses`` reads the noun's own
that-clause ("Marx’s suggestion that …"); this reads the predicate. Pure functions over
the text.
"""

from __future__ import annotations

import re

from newstrace.extract.frames import _SUBJECT, MIN_WORDS, SENTENCE_END, bare_subject, clause_content_end
from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

NOUNS = ("reply", "answer", "response", "retort", "message", "argument", "claim", "position", "point",
         "testimony", "statement", "explanation", "conclusion", "contention", "assertion", "excuse", "verdict",
         "advice", "complaint", "view", "promise", "pledge", "warning", "suggestion")
# the noun, a short phrase after it (no punctuation), the verb, then ":" or "that"; read first
# (a word of the list opens it), the owner then read back from the noun
_TAIL = re.compile(
    rf"\b({'|'.join(NOUNS)})"
    r"((?:\s+(?:to|on|about|for|in)\s+[^\s.,;:!?“”\"]+(?:\s+[^\s.,;:!?“”\"]+){0,4}?)?\s+(?:was|is|has\s+been))"
    r"(?:\s*(:)\s*|\s+(that)\s+(?=\S))")
_OWNER = r"((?:[A-Z][\w.’'-]*\s+){0,3}[\w.-]+[’']s|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Ii]ts)"
_PART = r"((?:[Tt]he\s+)?(?:gist|cent(?:er|re)|heart|crux|core|essence|thrust)\s+of\s+)?"
_BEFORE_NOUN = re.compile(rf"(?<![\w’'-]){_PART}{_OWNER}\s+(?:[a-z]+\s+)?$")
# the noun is the object of another noun's preposition: "a problem with Farage’s statement is that …"
_OF_BEFORE = re.compile(r"\b(?:of|with|about|in|on|to|for|from|by|at)\s+$", re.IGNORECASE)
# the possessive of a time is no owner: "last week’s statement"
_TIME = re.compile(r"(?:today|yesterday|week|month|year|day|night|morning|weekend|decade|century)[’']s$", re.IGNORECASE)


def predicate_nouns(text: str, spans: list[SpanAttribution], mask: bytearray | None = None) -> list[SpanAttribution]:
    """An attribution for each noun of saying with a named owner whose predicate is what
    was said (after "was:" or "was that"), where no attribution of ``spans`` has that noun
    in its cue, outside quotations (``mask``).

    >>> t = "But the pope’s reply to my testimony was: “I will not say a word!” But then he spoke."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.cue[0][0]:a.cue[0][1]], t[a.content[0][0]:a.content[0][1]])
    ...  for a in predicate_nouns(t, [])]
    [('pope’s', 'reply to my testimony was', '“I will not say a word!”')]
    >>> t = "Rubio’s response was that it’s unfair for the federal tax code to punish parents."
    >>> [(t[a.cue[0][0]:a.cue[0][1]], t[a.content[0][0]:a.content[0][1]]) for a in predicate_nouns(t, [])]
    [('response was', 'that it’s unfair for the federal tax code to punish parents')]
    >>> predicate_nouns("Last week’s statement was that the plant will close next year.", [])
    []
    >>> predicate_nouns("My view is that the plant will close next year.", [])
    []
    >>> predicate_nouns("The likeliest interpretation of his statement is that he is saying we must not speak.", [])
    []
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    starts = {a.content[0][0] for a in spans if a.content}
    found = []
    for m in _TAIL.finditer(text):
        o = _BEFORE_NOUN.search(text, max(0, m.start() - 80), m.start())
        if o is None:
            continue
        os_, oe = o.span(2)
        cs, ce = m.start(1), m.end(2)
        if any(taken[cs:ce]) or mask is not None and mask[cs] or "\n" in text[os_:ce] \
                or _TIME.search(text, os_, oe):
            continue
        if not o.group(1) and _OF_BEFORE.search(text, max(0, os_ - 12), os_):
            continue  # "The likeliest interpretation of his statement is that …": the writer's reading
        if o.group(2).lower() in ("my", "our") and re.search(r"\bis$", m.group(2)):
            continue  # the writer's present view ("My view is that …"): no report
        start = m.end()
        if m.group(4):  # "was that": a clause with its subject
            if not (_SUBJECT.match(text, m.end()) or bare_subject(text, m.end())):
                continue
            start = m.start(4)
            end = clause_content_end(text, m.end())
        elif text[start:start + 1] in "“\"":  # "was: “…”" to the closing mark
            close = text.find("”" if text[start] == "“" else '"', start + 1)
            if close < 0 or "\n\n" in text[start:close]:
                continue
            end = close + 1
        else:  # "was:" and a sentence
            stop = SENTENCE_END.search(text, start)
            end = stop.end() if stop and text[stop.start()] != "\n" else stop.start() if stop else len(text)
        content = text[start:end].rstrip(" ,;:") if not text[start:end].endswith(("”", '"')) else text[start:end]
        if len(content.split()) < MIN_WORDS or any(abs(s - start) <= 12 for s in starts):
            continue
        found.append(SpanAttribution(source=[(os_, oe)], cue=[(cs, ce)], content=[(start, start + len(content))],
                                     score=0.5))
    return found
