"""A view held, in the frame "X considers Y (to be) Z":

    Mayor Schaaf declared that she considered it her "duty" to warn criminal illegals.
    … the nearest US border crossing at McAllen, Texas, which many consider to be the safest option.
    … many Muslims throughout history have considered their entire religion to be at war with …
    … the Muslims who consider themselves and their religion to be at war with us?

The judged PTC rounds count these as what the holder holds (rounds 2, 6 and 7: every
active "consider" with an object and its complement outside quotations, 4 of 4), and none
of the forms left out here: the passive ("is considered a much bigger threat", "was
considered to be jeopardized"), a modal or an order ("should consider looking into",
"consider these steps"), a question ("Whom do you consider to be …?"), a negation ("no
longer considers"), a gerund or a plain object ("consider homeschooling", "never even
considered fleeing"). The frame: the verb in an active finite form, then either "to be"
right after it (the object is a relative pronoun before it: "which many consider to be
…") or an object of one to six words and "to be", or a pronoun object ("it", "him",
"themselves") and its complement. The content is the object and the complement, to the
clause's end. Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.extract.evaluations import clause_end
from newstrace.extract.frames import source_before
from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

_PRONOUN = r"(?:it|him|her|them|us|me|himself|herself|itself|themselves|ourselves|myself)"
_FRAME = re.compile(
    rf"(?<![\w’'-])(considers|considered|consider)\s+(?:"
    rf"(to\s+be)\s+|((?:[\w’'-]+\s+){{0,5}}?[\w’'-]+\s+to\s+be)\s+|({_PRONOUN}(?:\s+and\s+[\w’'-]+(?:\s+[\w’'-]+)?)?)\s+"
    r"(?=(?:a|an|the|his|her|their|its|our|my|to\s+be|[\"“‘]|[a-z]+(?:ly|ful|ous|ive|al|ic|ible|able)\b)))")
# before the verb: a passive, a modal, a negation, a question's auxiliary, "to"
_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|should|would|could|might|may|must|will|can|shall|to|not|"
                     r"never|longer|do|does|did|you|we|I)\s+(?:\w+ly\s+|even\s+)?$", re.IGNORECASE)
MIN_WORDS = 3
# "to be" right after the verb: its object is a relative pronoun before the holder ("which many consider")
_RELATIVE = re.compile(r"\b(?:which|that|whom|who)\s+(?:[\w’'-]+\s+){1,3}$", re.IGNORECASE)


def considered(text: str, spans: list[SpanAttribution], mask: bytearray | None = None) -> list[SpanAttribution]:
    """An attribution for each active "consider" with an object and its complement, whose
    verb no attribution of ``spans`` has in its cue, outside quotations (``mask``).

    >>> t = "Mayor Schaaf declared that she considered it her duty to warn criminal illegals in her area."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.content[0][0]:a.content[0][1]]) for a in considered(t, [])]
    [('she', 'it her duty to warn criminal illegals in her area')]
    >>> considered("Police arrested the man considered to be the country’s largest arms dealer.", [])
    []
    >>> t = "Whom do you consider to be the most corrupt politician? The outbreak is considered a bigger threat."
    >>> considered(t, [])
    []
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    found = []
    for m in _FRAME.finditer(text):
        cs, ce = m.span(1)
        if any(taken[cs:ce]) or mask is not None and mask[cs] or _BEFORE.search(text, max(0, cs - 30), cs):
            continue
        line_start = text.rfind("\n", 0, cs) + 1
        if not text[line_start:cs].strip():
            continue  # an order opening its line: "Consider this: …"
        if m.group(2) and not _RELATIVE.search(text, max(0, cs - 40), cs):
            continue  # "the man considered to be the country’s largest arms dealer": a participle
        start = m.start(2) if m.group(2) else m.start(3) if m.group(3) else m.start(4)
        end = clause_end(text, m.end())
        content = text[start:end].rstrip(" ,:;")
        if len(content.split()) < MIN_WORDS or "?" in text[m.end():end + 1]:
            continue
        source = source_before(text, cs)
        found.append(SpanAttribution(source=[source] if source else [], cue=[(cs, ce)],
                                     content=[(start, start + len(content))], score=0.5))
    return found
