"""A that-clause's content runs to its clause's end.

    On the other hand, it knows that by seeking continued secrecy, it’s essentially an
    implicit acknowledgment of guilt.

The tagger, fit on PolNeAR, sometimes stops a that-clause at a comma inside it ("that by
seeking continued secrecy"), leaving the clause's subject and verb out. A content that
opens with "that" right after its cue, and stops at a comma before the sentence ends with
no frame of reporting after the comma ("…, he said") and no conjunction or relative opening
what follows it ("…, but no reports have been issued …"), is carried on to the clause's end
(``frames.clause_content_end``), when what it left out holds a finite verb of its own and
no attribution's cue or source. Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.extract.frames import clause_content_end
from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

# the words left out hold a subject and a finite verb: "it’s essentially …", "the plan would …"
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do)\b|"
                     r"[’']s\b|\b\w+ed\b")

# a clause joined after the comma is the writer's next one: "…, but no reports have been issued …"
_COORDINATE = re.compile(r"\s*(?:but|and|or|yet|so|while|whereas|although|though|as|which|who|where|when|because|since)\b",
                         re.IGNORECASE)


def carry_that_clauses(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each that-clause content cut at a comma carried on to its clause's end.

    >>> t = "On the other hand, it knows that by seeking secrecy, it’s an acknowledgment of guilt. Then."
    >>> a = SpanAttribution([(19, 21)], [(22, 27)], [(28, 51)])
    >>> [t[s:e] for s, e in carry_that_clauses(t, [a])[0].content]
    ['that by seeking secrecy, it’s an acknowledgment of guilt']
    >>> t = "We are told that authorities watch the migrants, but no reports have been issued. Then."
    >>> a = SpanAttribution([(0, 2)], [(7, 11)], [(12, 47)])
    >>> [t[s:e] for s, e in carry_that_clauses(t, [a])[0].content]
    ['that authorities watch the migrants']
    """
    roles = covered(len(text), [f for a in spans for f in a.cue + a.source])
    out = []
    for a in spans:
        if len(a.content) == 1 and a.cue:
            s, e = a.content[0]
            if text.startswith("that ", s) and not text[a.cue[-1][1]:s].strip() and text[e:e + 1] == ",":
                end = clause_content_end(text, s + 5)
                rest = text[e + 1:end]
                if end > e + 1 and _FINITE.search(rest) and not _COORDINATE.match(rest) and not any(roles[e:end]):
                    a = SpanAttribution(a.source, a.cue, [(s, len(text[:end].rstrip(" ,;:")))], a.score)
        out.append(a)
    return out


# a relative clause set off by commas in the middle of the content, its main verb after it:
# "fixing the island's largest power plant, which was damaged by the quake, may take a year"
_INNER_RELATIVE = re.compile(r",\s*which\s+[^,.;:!?\n“”\"]+,\s+(?:may|might|will|would|could|can|should|must|is|are|"
                             r"was|were|has|have|had|does|did)\b")


def carry_past_relatives(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each content cut before a relative clause inside its own clause carried on
    to the clause's end: the tagger stops at ", which …," though the clause's verb follows it
    (PolNeAR train: 15 contents run on past such a clause, 3 stop before it; judged rounds 1-13:
    none stops before one).

    >>> t = "Ortiz said fixing the plant, which was damaged by the quake, may take a year. Then."
    >>> a = SpanAttribution([(0, 5)], [(6, 10)], [(11, 27)])
    >>> [t[s:e] for s, e in carry_past_relatives(t, [a])[0].content]
    ['fixing the plant, which was damaged by the quake, may take a year']
    >>> t = "Ortiz said the plant was damaged, which is not accurate, was the claim. Then."
    >>> a = SpanAttribution([(0, 5)], [(6, 10)], [(11, 32)])
    >>> [t[s:e] for s, e in carry_past_relatives(t, [a])[0].content]
    ['the plant was damaged, which is not accurate, was the claim']
    """
    roles = covered(len(text), [f for a in spans for f in a.cue + a.source])
    out = []
    for a in spans:
        if len(a.content) == 1 and a.cue and a.cue[-1][1] <= a.content[0][0]:
            s, e = a.content[0]
            m = _INNER_RELATIVE.match(text, e)
            if m:
                end = clause_content_end(text, m.end())  # (from past the relative: it is no frame)
                if end > m.end() and not any(roles[e:end]) and not re.search(r"[“”\"]", text[e:end]):
                    a = SpanAttribution(a.source, a.cue, [(s, len(text[:end].rstrip(" ,;:")))], a.score)
        out.append(a)
    return out


# a quotation's closing mark at a paragraph's end
_CLOSED_PARAGRAPH = re.compile(r"[”\"][ \t]*\n")


def cut_quotes_at_paragraphs(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each content fragment that opens with a quotation mark cut at the first
    closing mark that ends a paragraph: what follows is the next paragraph's ("…on pretty
    quick."⏎The visitors would …"). No content fragment that opens with a quotation mark runs
    on past such a mark in PolNeAR train's annotation (0 of 5,148) or the judged rounds' gold.

    >>> t = 'Kidston said: "It was a good start from us."\\nThe visitors would get back. Then.'
    >>> a = SpanAttribution([(0, 7)], [(8, 12)], [(14, 71)])
    >>> [t[s:e] for s, e in cut_quotes_at_paragraphs(t, [a])[0].content]
    ['"It was a good start from us."']
    """
    out = []
    for a in spans:
        content = []
        for s, e in a.content:
            lead = len(text[s:e]) - len(text[s:e].lstrip())
            if text[s + lead:s + lead + 1] in "“\"" and s + lead < e:
                m = _CLOSED_PARAGRAPH.search(text, s + lead + 1, e)
                if m and text[m.end():e].strip():
                    e = m.start() + 1
            content.append((s, e))
        if content != list(a.content):
            a = SpanAttribution(a.source, a.cue, content, a.score)
        out.append(a)
    return out


# a dateline on a line of its own: "December 22nd, 2008 8:55 am", "Tuesday, May 2, 2013"
_DATELINE = re.compile(r"\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                       r"Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}"
                       r"\s*(?:[ap]\.?m\.?)?)?[ \t]*\n\s*", re.IGNORECASE)


def cut_datelines(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with a dateline that opens a content fragment on a line of its own left out:
    a blog post's date is no one's words. No content fragment of PolNeAR train's annotation
    or of the judged rounds' gold opens with one.

    >>> t = "Posted by Al\\nDecember 22nd, 2008 8:55 am\\nThe Angels have withdrawn their offer, reports Fox."
    >>> a = SpanAttribution([(88, 91)], [(80, 87)], [(13, 78)])
    >>> [t[s:e] for s, e in cut_datelines(t, [a])[0].content]
    ['The Angels have withdrawn their offer']
    """
    out = []
    for a in spans:
        content = [(m.end(), e) if (m := _DATELINE.match(text, s)) and m.end() < e else (s, e) for s, e in a.content]
        if content != list(a.content):
            a = SpanAttribution(a.source, a.cue, content, a.score)
        out.append(a)
    return out
