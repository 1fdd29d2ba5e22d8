"""Requests, orders and threats with an infinitive: cues the tagger did not propose.

    Members have called upon Muslims in the U.S. to try to kill military personnel.
    A dispatcher calmly tells her to stay there.
    Her husband had threatened to kill her, their daughter and himself if she left him.

A directive reports what someone said others should do (or what the speaker said they
would do, for a threat): the judged rounds count them as attributions whatever the
register ("has told citizens to pause the tradition", "urged health officials to …",
"was urging students to vote against Lew" are found by the tagger; "police telling
frantic civilians to go in the other direction", "who urge people to petition the White
House", "has called on 10,000 blacks to stalk …" were not: issue 28, recall10). The frame: a verb
of asking, telling or urging, an object of one to six words (a pronoun, a name, a noun
phrase: who is asked), then "to" and a verb; or "threaten(ed) to" and a verb. The content
is the object and the infinitive, to the end of the clause. Inside quotations the speaker's
own words are left alone ("I'm asking you right now to share it"). The attributions found go
through the same conventions as the tagger's (``cues.py``). Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.extract.evaluations import clause_end
from newstrace.extract.frames import source_before
from newstrace.extract.quotes import covered, roles_covered
from newstrace.records import SpanAttribution

_ASKING = (r"urge|urges|urged|urging|ask|asks|asked|asking|tell|tells|told|telling|beg|begs|begged|begging|"
           r"implore|implores|implored|imploring|encourage|encourages|encouraged|encouraging|"
           r"(?:call|calls|called|calling)\s+(?:on|upon|for)")
# who is asked: one to six words, no sentence punctuation, no preposition first ("asked for
# money to fund", "told about the plan to …" are no directives)
_OBJECT = r"(?!(?:for|about|of|to|that|if|whether|what|how|why|when|where|questions?)\b)(?:[\w’'.,-]+\s+){0,5}?[\w’'.-]+"
# the infinitive's verb: a lower-case word, or a quotation of it ("to “punch a Zionist today.”")
_TO_VERB = r"\s+to\s+(?=[“\"‘]?(?!(?:the|a|an|his|her|their|its|this|that|be\s+\w+ed\s+by)\b)[a-z])"
_DIRECTIVE = re.compile(rf"(?<![\w’'-])({_ASKING})\s+({_OBJECT}){_TO_VERB}")
_THREAT = re.compile(rf"(?<![\w’'-])(threaten|threatens|threatened|threatening)(){_TO_VERB}")
# a clause's opening before the cue that makes it no report: "to ask him to", "would urge"
_NOT_REPORTED = re.compile(r"(?:\b(?:to|would|could|might|may|can|should|must|not|never|please|"
                           r"the|a|an|his|her|their|its)|n[’']t)\s+$", re.IGNORECASE)
# a passive ("are unlikely to be called upon again to lead"): who asked is not said
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# a relative pronoun for subject ("a man who has called on 10,000 blacks to …"), or the
# owner of a noun ("Maxine Waters’ call for Democrats to confront …")
_RELATIVE = re.compile(r"(?<![\w’'-])(who|which)\s+(?:(?:has|have|had|also|then|later|once|would|will|\w+ly)\s+)*$")
_OWNER = re.compile(r"(?<![\w’'-])((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:’s|'s|’|'))\s+$")
MIN_WORDS = 3


def _gerund_subject(text: str, source: tuple[int, int]) -> tuple[int, int] | None:
    """The subject of a gerund within the words before it: "reports of police telling …" ->
    "police"; "She accused her husband of threatening to …" -> "her husband"."""
    words = text[source[0]:source[1]]
    if re.search(r"\s(?:of|for|by)$", words):  # "accused her husband of": the preposition's object
        m = re.search(r"(?:(?:the|a|an|her|his|their|its|our|my)\s+)?[\w’'-]+(?=\s+(?:of|for|by)$)", words)
        return (source[0] + m.start(), source[0] + m.end()) if m else None
    last = list(re.finditer(r"\b(?:of|with|by|from|and|as|about|for|than|after)\s+", words))
    return (source[0] + last[-1].end(), source[1]) if last else source


def directives(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    """An attribution for each directive (a verb of asking, telling or urging, who is
    asked, "to" and a verb) or threat ("threatened to" and a verb) outside quotations whose
    verb no attribution of ``spans`` has in its cue, and none has content starting at.

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = "There were reports of police telling frantic civilians to go in the other direction."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.cue[0][0]:a.cue[0][1]], t[a.content[0][0]:a.content[0][1]])
    ...  for a in directives(t, [], quote_mask(t))]
    [('police', 'telling', 'frantic civilians to go in the other direction')]
    >>> t = "He asked for money to fund the wall, and told about the plan to build it."
    >>> directives(t, [], quote_mask(t))
    []
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    starts = [a.content[0][0] for a in spans if a.content]
    found = []
    for frame in (_DIRECTIVE, _THREAT):
        for m in frame.finditer(text):
            cs, ce = m.span(1)
            if any(taken[cs:ce]) or mask[cs] or "\n" in m.group(0) or not text[cs].islower():
                continue
            if _NOT_REPORTED.search(text, max(0, cs - 12), cs):
                continue  # "to ask them to", "the call for"
            if re.search(r"(?:ed|told)(?:\s+(?:on|upon|for))?$", m.group(1)) and _PASSIVE.search(text, max(0, cs - 20), cs):
                continue
            if frame is _DIRECTIVE and re.search(r"[,;:]\s|[.!?]\s+[A-Z]", m.group(2)):
                continue  # the object runs over a clause ("told reporters, who had gathered to …")
            if m.group(1).lower().endswith("for") and not re.match(r"(?:[A-Z]|(?:him|her|them|us|you|me)\b)", m.group(2)):
                continue  # a purpose, not who is called on: "calling for the killing of gays to end AIDS",
                #           "calling for a process to identify a successor"; "call for Democrats to confront" stays
            # the content opens with who is asked, or with "to" after a threat
            start = m.start(2) if m.group(2) else text.index("to", m.end(1))
            end = clause_end(text, m.end())
            content = text[start:end].rstrip(" ,:;")
            if content.count("“") > content.count("”") and text.startswith("”", start + len(content) + 1):
                content = text[start:start + len(content) + 2]  # the quotation's full stop and closing mark
            if len(content.split()) < MIN_WORDS or any(abs(s - start) <= 12 for s in starts):
                continue
            source = source_before(text, cs)
            before = text[max(0, cs - 60):cs]
            owner = _RELATIVE.search(before) or _OWNER.search(before)
            if owner:
                source = (cs - len(before) + owner.start(1), cs - len(before) + owner.end(1))
            elif text[m.start(1):].lower().startswith("call "):
                continue  # "call" is a noun here with no owner named ("a call for unity to …")
            if source is None:
                continue  # no one asks: "While voting and then asking supporters to back that decision …"
            if text[cs:ce].endswith("ing"):  # a gerund's subject: the noun phrase right before it
                source = _gerund_subject(text, source)
            found.append(SpanAttribution(source=[source] if source else [], cue=[(cs, ce)],
                                         content=[(start, start + len(content))], score=0.5))
            taken[cs:ce] = b"\x01" * (ce - cs)
    return found


# the verbs whose object is who is asked, told or advised ("advised residents of her city to …")
_ASKED_VERB = re.compile(rf"(?:{_ASKING}|advise|advises|advised|advising|order|orders|ordered|ordering|instruct|instructs|"
                         r"instructed|instructing|direct|directs|directed|directing|press|pressed|pressing|warn|warns|"
                         r"warned|warning|request|requests|requested|requesting)$", re.IGNORECASE)
_OBJECT_BEFORE_TO = re.compile(rf"\s+({_OBJECT})\s+$")


def objects_into_contents(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with a directive's content that opens at "to" opened at who is asked: "The
    mayor … advised residents of her city to make plans and shelter in place" (judged round
    14: "residents of her city to make plans …"; the rounds' gold holds who is asked in 3 of
    3 such contents, PolNeAR train's annotation in 72 of 92), as ``directives`` reads them.

    >>> t = "The mayor advised residents of her city to make plans and shelter in place."
    >>> a = SpanAttribution([(0, 9)], [(10, 17)], [(40, 74)])
    >>> [t[s:e] for s, e in objects_into_contents(t, [a])[0].content]
    ['residents of her city to make plans and shelter in place']
    """
    roles = roles_covered(text, spans)
    out = []
    for a in spans:
        if a.cue and a.content and re.match(r"to\s", text[a.content[0][0]:a.content[0][0] + 3]):
            ce, cs = a.cue[-1][1], a.content[0][0]
            words = text[ce:cs]
            m = _OBJECT_BEFORE_TO.fullmatch(words)
            if 0 < cs - ce <= 60 and m and _ASKED_VERB.search(text[a.cue[-1][0]:ce]) \
                    and not re.search(r"[,;:]\s|[.!?]\s|\n", words) and not any(roles[ce:cs]):
                start = ce + m.start(1)
                a = SpanAttribution(a.source, a.cue, [(start, a.content[0][1]), *a.content[1:]], a.score)
        out.append(a)
    return out
