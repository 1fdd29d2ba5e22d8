"""Knowing, reported: "X knew that …", "X knows how …".

    Trump knew perfectly well that he could not destroy all of North Korea’s missiles.
    On the one hand, it knows that those records will further implicate it.
    … the pope knew from me how perverse and evil McCarrick was in his intentions.
    … and Sessions knew better than most that there was No Collusion!

The judged PTC rounds count a third person's knowing, affirmed in the past or present
tense, as what that person holds (as "believed that"): every "knew/knows that|how" with a
clause in rounds 1-12 outside quotations is an attribution there (6 of 6), and none of
the forms left out here is ("we don’t know what …", "Kim must know that …", "if he knew
the …", "Ellison knew what kind of man …"). The lexicon of ``frames`` leaves "knew" out
(PolNeAR marks it in 7 of 27 places in its train texts, mostly inside quotations, which
``nested`` reads). Only the inflected forms are read ("know" stands after modals and
negations), with at most a short phrase of manner or origin between ("perfectly well",
"better than most", "from me"), then "that" and a clause that opens with a subject, or
"how" and a clause (not "how to"). Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.extract.frames import _SUBJECT, MIN_WORDS, bare_subject, clause_content_end, source_before
from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

_BETWEEN = (r"(?:(?:perfectly|full|very|all\s+too)\s+well|well|better\s+than\s+(?:most|anyone|anybody|many)(?:\s+else)?|"
            r"all\s+along|from\s+(?:me|him|her|them|us|experience)|\w+ly)")
_KNEW = re.compile(rf"(?<![\w’'-])(knew|knows)\s+(?:{_BETWEEN}\s+)?(that|how)\s+(?=\S)", re.IGNORECASE)


# a sentence that opens "As many of you (undoubtedly) know" or "As we know all too well in
# Louisiana," then its main clause: what those who know hold (judged round 14 counts both;
# PolNeAR's "as you know" stand inside quotations, which ``nested`` reads); "know" alone,
# the subject one to four words
_AS_KNOW = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))As\s+((?:[\w’'-]+\s+){1,4}?)(?:\w+ly\s+)?(know|knows|knew)"
                      rf"(?:\s+{_BETWEEN})?(?:\s+in\s+[A-Z][\w’'-]*)?,?\s+(?=\S)")
# the main clause: a subject and a finite verb ("there was", "low intensity does")
_MAIN = re.compile(r"(?:there|it|he|she|they|we|the|a|an|[A-Z][\w’'-]*|[a-z]+\s+[a-z]+)\s+(?:\w+\s+)?"
                   r"(?:is|are|was|were|has|have|had|will|would|can|could|does|do|did)\b")


def as_known(text: str, spans: list[SpanAttribution], mask: bytearray | None = None) -> list[SpanAttribution]:
    """An attribution for each sentence that opens "As X know(s)" outside quotations, its
    content the main clause after, to the sentence's end.

    >>> t = "As many of you undoubtedly know there was a rather suspicious fire that burned the creamery."
    >>> [(t[slice(*a.source[0])], t[slice(*a.cue[0])], t[slice(*a.content[0])]) for a in as_known(t, [])]
    [('many of you', 'know', 'there was a rather suspicious fire that burned the creamery')]
    >>> as_known("As you know, the vote is today.", [])
    []
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    found = []
    for m in _AS_KNOW.finditer(text):
        cs, ce = m.span(2)
        if any(taken[cs:ce]) or mask is not None and mask[cs] or not _MAIN.match(text, m.end()):
            continue
        end = clause_content_end(text, m.end())
        content = text[m.end():end].rstrip(" ,;:\"”’'")
        if len(content.split()) < MIN_WORDS + 3:
            continue  # "As you know, the vote is today": a short aside
        source = m.span(1)
        source = (source[0], source[0] + len(m.group(1).rstrip()))
        found.append(SpanAttribution(source=[source], cue=[(cs, ce)],
                                     content=[(m.end(), m.end() + len(content))], score=0.5))
    return found


# "As X reported, …", "as he said, …", "As I wrote in my October 11 article, …": a report set
# before or inside the clause it reports, which is its content (PolNeAR train marks each of its
# nine sentences that open "As X reported/noted/said/wrote/pointed out," and the clause after,
# to the sentence's end); the source one to seven words, no auxiliary ("As has been widely
# reported": no source named), then at most a parenthesis ("(par. 2491)") and a short phrase
# ("in a 2016 article", "for The Post") before the comma
_AS_SAID = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s)|(?<=\band\s)|(?<=\bbut\s))(?:As|as|Like|like)\s+"
    r"(?!(?:has|have|had|was|were|is|are|been|already|previously|widely|well|such|many|much)\b)"
    r"((?:[\w’'.-]+\s+){0,6}?[\w’'.-]+)\s+(?:\w+ly\s+)?"
    r"((?:has|have|had)\s+(?:said|noted|reported|written|documented|pointed\s+out|explained|argued|stated)|"
    r"said|says|wrote|writes|noted|notes|reported|reports|explained|explains|observed|argued|argues|stated|states|"
    r"pointed\s+out|put\s+it)\b(?:\s+\([^()]{1,30}\))?(?:\s+(?!(?:and|or|but|without|which|that|who)\b)"
    r"[^,.;:!?\n“”\"()]{1,40}?)?,\s+(?=\S)")
# a verb in what was read as the source makes "states", "reports" a noun ("as ballots still were
# being counted in some states, …", "As the jihadis move against non-Muslim states …")
_SOURCE_VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|move|moves|moved)\b",
                          re.IGNORECASE)
# a content that opens with its verb: the subject stands before "as" ("the agency whose
# officials, as … Jefferson Morley has documented, were secretly monitoring …")
_VERB_FIRST = re.compile(r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must)\b")


def as_said(text: str, spans: list[SpanAttribution], mask: bytearray | None = None) -> list[SpanAttribution]:
    """An attribution for each "as X said/reported/wrote …," outside quotations whose verb no
    attribution of ``spans`` has in its cue; its content the clause after the comma, to the
    clause's end (``frames.clause_content_end``).

    >>> t = "As the Catechism of the Catholic Church states (par. 2491), the seal of secrecy is not binding."
    >>> [(t[slice(*a.source[0])], t[slice(*a.cue[0])], t[slice(*a.content[0])]) for a in as_said(t, [])]
    [('the Catechism of the Catholic Church', 'states', 'the seal of secrecy is not binding')]
    >>> as_said("As has been widely reported, three bishops issued a profession.", [])
    []
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    found = []
    for m in _AS_SAID.finditer(text):
        cs, ce = m.span(2)
        if any(taken[cs:ce]) or mask is not None and mask[cs] or _SOURCE_VERB.search(m.group(1)):
            continue
        end = clause_content_end(text, m.end())
        content = text[m.end():end].rstrip(" ,;:")
        if len(content.split()) < MIN_WORDS:
            continue
        fragments = [(m.end(), m.end() + len(content))]
        if _VERB_FIRST.match(content) and text[m.start() - 2:m.start()] == ", ":
            subject = source_before(text, m.start() - 2)
            if subject is None:
                continue
            fragments.insert(0, subject)
        found.append(SpanAttribution(source=[m.span(1)], cue=[(cs, ce)], content=fragments, score=0.5))
    return found


def knowledge(text: str, spans: list[SpanAttribution], mask: bytearray | None = None) -> list[SpanAttribution]:
    """An attribution for each "knew/knows that|how" clause whose verb no attribution of
    ``spans`` has in its cue, outside quotations (``mask``); its source is what opens the
    clause before the verb.

    >>> t = "Trump knew perfectly well that he could not destroy all of North Korea’s missiles."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.cue[0][0]:a.cue[0][1]], t[a.content[0][0]:a.content[0][1]])
    ...  for a in knowledge(t, [])]
    [('Trump', 'knew', 'that he could not destroy all of North Korea’s missiles')]
    >>> knowledge("Nobody knows that better than me. He knows how to do it.", [])
    []
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    starts = {a.content[0][0] for a in spans if a.content}
    found = []
    for m in _KNEW.finditer(text):
        cs, ce = m.span(1)
        if any(taken[cs:ce]) or mask is not None and mask[cs]:
            continue
        start = m.start(2)
        if m.group(2).lower() == "that":
            if not (_SUBJECT.match(text, m.end()) or bare_subject(text, m.end())):
                continue  # "knows that better than me": a pronoun
        elif re.match(r"to\b", text[m.end():]):
            continue  # "knows how to do it": a skill
        end = clause_content_end(text, m.end())
        content = text[start:end].rstrip(" ,;:\"”’'")
        if len(content.split()) < MIN_WORDS + 1 or any(abs(s - start) <= 12 for s in starts):
            continue
        source = source_before(text, cs)
        found.append(SpanAttribution(source=[source] if source else [], cue=[(cs, ce)],
                                     content=[(start, start + len(content))], score=0.5))
    return found
