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

from newstrace.extract.frames import clause_content_end, cue_words, frame_after
from newstrace.extract.quotes import covered, quotation_end, quote_mask, roles_covered
from newstrace.records import SpanAttribution

# the words left out hold a subject and a finite verb: "it’s essentially …", "the plan would …"
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do)\b|"
                     r"[’']s\b|\b\w+ed\b")

# a clause joined after the comma is the writer's next one: "…, but no reports have been issued …"
_COORDINATE = re.compile(r"\s*(?:but|and|or|yet|so|while|whereas|although|though|as|which|who|where|when|because|since)\b",
                         re.IGNORECASE)


def _carried(text: str, a: SpanAttribution, s: int, end: int) -> SpanAttribution:
    """``a`` with its one content fragment running from ``s`` to ``end``, less the trailing
    spaces and punctuation of a clause's end."""
    return SpanAttribution(a.source, a.cue, [(s, len(text[:end].rstrip(" ,;:")))], a.score)


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
    roles = roles_covered(text, spans)
    out = []
    for a in spans:
        if len(a.content) == 1 and a.cue:
            s, e = a.content[0]
            if text.startswith("that ", s) and not text[a.cue[-1][1]:s].strip() and text[e:e + 1] == ",":
                end = clause_content_end(text, s + 5)
                rest = text[e + 1:end]
                if end > e + 1 and _FINITE.search(rest) and not _COORDINATE.match(rest) and not any(roles[e:end]):
                    a = _carried(text, a, s, end)
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
    roles = roles_covered(text, spans)
    out = []
    for a in spans:
        if len(a.content) == 1 and a.cue and a.cue[-1][1] <= a.content[0][0]:
            s, e = a.content[0]
            m = _INNER_RELATIVE.match(text, e)
            if m:
                end = clause_content_end(text, m.end())  # (from past the relative: it is no frame)
                if end > m.end() and not any(roles[e:end]) and not re.search(r"[“”\"]", text[e:end]):
                    a = _carried(text, a, s, end)
        out.append(a)
    return out


# ", which …" after a reported clause: a relative that describes the clause's last noun
# ("were women, which constitutes about 650 female employees"); not a comment on whether
# the report is so ("…, which isn't true", "which is not accurate", "which the IG declined to
# confirm") nor a report of its own ("…, which stated as follows:")
_TRAILING_WHICH = re.compile(r",\s+which\s+")
_VERDICT = re.compile(r"(?:is|was|isn[’']t|wasn[’']t|are|were)\s+(?:not\s+|also\s+|simply\s+|just\s+)?(?:true|false|"
                      r"accurate|inaccurate|correct|incorrect|wrong|right|untrue|a\s+lie|the\s+case|nonsense|absurd)\b|"
                      r"[\w\s]{0,30}\b(?:declined|refused|failed|denied|confirm\w*|disput\w*|deni\w*)\b", re.IGNORECASE)
# a subject after "which" makes the noun its object ("revenue, which she plans to do …",
# "the rules, which the U.S. Court of Appeals …"): PolNeAR dev stops before those (2 of 2)
_OBJECT_RELATIVE = re.compile(r"(?:he|she|they|we|I|you|it|the|a|an|this|these|those|his|her|their|its|our|"
                              r"[A-Z][\w’'.-]*)\s")
# a content that is a clause: a finite verb ("were women"), no preposition first ("of his
# regulations"), no possessive "’s" or hyphenated "-fired" taken for one
_PREPOSITION = re.compile(r"(?:of|for|to|in|on|at|with|about|from|by|over|against)\b", re.IGNORECASE)
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|"
                          r"do)\b|(?<![\w’'-])[a-z]{3,}ed\b")
_WHICH_SAYS = re.compile(r"(?:\w+ly\s+)?(?:said|says|stated|states|reads|read|noted|notes|reported|reports|claims|"
                         r"claimed|added|adds|argued|argues|suggest\w*|impl\w+|show\w*|mean\w*|indicat\w*)\b")


def verdict_start(text: str, start: int, end: int) -> int:
    """Where a writer's verdict on the report (", which is not accurate") opens between
    ``start`` and ``end``; ``end`` where none does.

    >>> t = "the ballots could be returned by 5 p.m. on Thursday, which is not accurate."
    >>> t[:verdict_start(t, 0, len(t) - 1)]
    'the ballots could be returned by 5 p.m. on Thursday'
    """
    for m in _TRAILING_WHICH.finditer(text, start, end):
        if _VERDICT.match(text, m.end()):
            return m.start()
    return end


def carry_trailing_which(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each reported clause cut before a trailing ", which …" that describes its
    last noun carried on to the sentence's end. Judged rounds 1-14: of the tagger's contents
    that stop before ", which", the gold runs four reported clauses on ("…, which contradicted
    the sensitive nature of the event itself", "the levees, which have about five or six feet of
    leeway …", "were women, which constitutes about 650 female employees", "the photos, which
    he said he wanted to show only to his family …") and stops at three writer's verdicts
    ("which isn't true", "which is not accurate", "which the IG declined to confirm") and one
    report ("which stated as follows:"), which stay out; contents that are no clause (a thing:
    "denied most of the allegations, which started to surface …") are not touched, nor "who".

    >>> t = "Garg told Wikinews only 10% of the employees were women, which constitutes about 650 women. Then."
    >>> a = SpanAttribution([(0, 4)], [(5, 9)], [(19, 55)])
    >>> [t[s:e] for s, e in carry_trailing_which(t, [a])[0].content]
    ['only 10% of the employees were women, which constitutes about 650 women']
    >>> t = "Obama tried to say he had never heard such things, which isn't true. Then."
    >>> a = SpanAttribution([(0, 5)], [(6, 18)], [(19, 49)])
    >>> [t[s:e] for s, e in carry_trailing_which(t, [a])[0].content]
    ['he had never heard such things']
    """
    roles = roles_covered(text, spans)
    out = []
    for a in spans:
        if len(a.content) == 1 and a.cue and a.cue[-1][1] <= a.content[0][0]:
            s, e = a.content[0]
            m = _TRAILING_WHICH.match(text, e)
            clause = re.match(r"that\b", text[s:s + 5], re.IGNORECASE) or (
                not _PREPOSITION.match(text, s) and _CLAUSE_VERB.search(text[s:e]))
            if m and clause and not _VERDICT.match(text, m.end()) and not _WHICH_SAYS.match(text, m.end()) \
                    and not _OBJECT_RELATIVE.match(text, m.end()):
                end = clause_content_end(text, m.end())
                if end > m.end() and not any(roles[e:end]) and not re.search(r"[“”\"]", text[e:end]):
                    a = _carried(text, a, s, end)
        out.append(a)
    return out


# what may close a sentence after its content and still be the content's: a parenthesis
# ("a storm surge of three to six feet (one to two meters)") or a time of what was reported
# ("predict landfall Saturday morning")
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow|tonight)"
# (a gloss, not an aside of the writer's: "(which lets the rest of the GOP off the hook)")
_TAIL = re.compile(rf"[ \t]*(?:\((?!(?:which|who|that|and|but|or|as|though|although|because|if|I|we|he|she|they|it|"
                   rf"you|see|via|read|sic|photo|editor|emphasis)\b)[^()\n]{{1,60}}\)|{_DAY}(?:\s+(?:morning|afternoon|evening|night))?)"
                   r"(?=[ \t]*[.!?](?:\s|$))")


def carry_sentence_tails(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each content that stops before its sentence's last words, where those
    are a parenthesis or a coming day, carried over them: "other forecasters predicted a storm
    surge of three to six feet (one to two meters).", "Meteorologists predict landfall Saturday
    morning." (judged round 14: both the gold's, both cut by the tagger).

    >>> t = "Forecasters predicted a storm surge of three to six feet (one to two meters). Then."
    >>> a = SpanAttribution([(0, 11)], [(12, 21)], [(22, 56)])
    >>> [t[s:e] for s, e in carry_sentence_tails(t, [a])[0].content]
    ['a storm surge of three to six feet (one to two meters)']
    """
    roles = roles_covered(text, spans)
    out = []
    for a in spans:
        if a.content and a.cue and a.cue[-1][1] <= a.content[0][0]:
            s, e = a.content[-1]
            m = _TAIL.match(text, e)
            if m and not any(roles[e:m.end()]):
                a = SpanAttribution(a.source, a.cue, [*a.content[:-1], (s, m.end())], a.score)
        out.append(a)
    return out


# a word no content ends on while its sentence goes on: an article or a possessive determiner,
# a preposition seldom left at a clause's end, a conjunction, an auxiliary. PolNeAR train's
# 22,525 contents end on one of them, a word after, 16 times ("in response to their |
# unpopularity", "the groups that brought them in | and say": a particle before "and" is left
# as it is); of the tagger's contents judged off on rounds 1-15 that end on one, the gold runs
# on in 14 and stops in 1 ("told to stay in | separate areas of the home", "at a caucus
# meeting in | 2005"); "from" is left out ("what animals these bones came from")
_CUT_WORD = re.compile(r"(?<![\w’'-])(?:the|a|an|their|its|our|my|your|of|at|into|in|between|after|while|when|"
                       r"whenever|since|because|whether|and|or|but|had|have|has|was|were|is|are|"
                       # the other prepositions and the relative words (recall17): PolNeAR train's
                       # contents of two words or more end on one of them, a word after, 9 times
                       # in 19,831 (first annotators), each a relative's head before its frame
                       # ("one that | many economists … applaud", "faster than | the Fed would
                       # like": another attribution's roles, which stop the carry); not "as",
                       # which opens the writer's clause as often ("condemned the launch as |
                       # Pyongyang fired three missiles", PolNeAR dev) as it goes on the content
                       r"on|for|to|with|by|about|against|under|through|without|during|towards?|onto|upon|within|"
                       r"among|than|that|who|whom|whose|which)$", re.IGNORECASE)

# a content that ends on a comma and a conjunction stops before them (PolNeAR dev: "that Oz firmly
# places business concerns above his scientific training, and | that’s something most …"; a relative
# too: "that police release department video of the shooting, which | the police have not done",
# where PolNeAR dev's gold stops at "shooting"), and a
# content carried on stops where another clause is joined after a comma
_JOINED_CLAUSE = re.compile(r",\s*(?:and|or|but|which|who)$", re.IGNORECASE)
_NEXT_CLAUSE = re.compile(r",\s*(?:but|and|or|yet|so|while|whereas|although|though|which|who|where|when|because|since)\b",
                          re.IGNORECASE)


def carry_cut_phrases(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each content that the tagger stopped on a word no content ends on ("the",
    "in", "while", "had"), its sentence going on, carried on to its clause's end
    (``frames.clause_content_end``: the sentence's end or a frame of reporting after it), where
    what it adds holds no attribution's role.

    >>> t = "They were told to stay in separate areas of the home. Then."
    >>> a = SpanAttribution([(0, 4)], [(5, 14)], [(15, 25)])
    >>> [t[s:e] for s, e in carry_cut_phrases(t, [a])[0].content]
    ['to stay in separate areas of the home']
    >>> t = "He felt at ease after Farrakhan claimed that Obama visited, he said. Then."
    >>> a = SpanAttribution([(60, 62)], [(63, 67)], [(0, 21)])
    >>> [t[s:e] for s, e in carry_cut_phrases(t, [a])[0].content]
    ['He felt at ease after Farrakhan claimed that Obama visited']
    """
    roles = roles_covered(text, spans)
    out = []
    for a in spans:
        if a.content:
            s, e = a.content[-1]
            joined = _JOINED_CLAUSE.search(text, max(s, e - 8), e)
            if joined and joined.start() > s:  # "…scientific training, and | that’s something …": the writer's
                a = SpanAttribution(a.source, a.cue, [*a.content[:-1], (s, joined.start())], a.score)
            elif _CUT_WORD.search(text, max(s, e - 12), e) and re.match(r"[ \t]+[\w“‘\"'(]", text[e:e + 2]) \
                    and not re.match(r"\s+(?:and|or|but|nor)\b", text[e:e + 6]):  # "brought them in | and say …"
                end = clause_content_end(text, e)
                after = _NEXT_CLAUSE.search(text, e, end)  # "… in a compromise rebuffed by Republicans, but Mrs. …"
                end = after.start() if after else end
                if end > e + 1 and not any(roles[e:end]):
                    a = SpanAttribution(a.source, a.cue, [*a.content[:-1], (s, len(text[:end].rstrip(" ,;:")))], a.score)
        out.append(a)
    return out


# a line with no quotation mark in it, before a line break
_PLAIN_LINE = re.compile(r"[^\n“”\"‘’]*\n")


# a line that ends on an abbreviation's full stop or a comma goes on on the next
_CONTINUED_LINE = re.compile(r"(?:(?<![\w’'-])(?:[A-Z][a-z]{0,3}|[a-z]{1,3}|[A-Z](?:\.[A-Z])+)\.|,)[ \t]*\n$")


def _closes_unopened(rest: str) -> bool:
    """Whether ``rest`` closes a quotation it did not open (one of several lines: "… right now.⏎I don't
    need to do anything anymore,' she told the magazine")."""
    return (rest.count("”") > rest.count("“") or rest.count('"') % 2 == 1
            or bool(re.search(r"[,.!?]['’]\s*$", rest)) and not re.match(r"['‘]", rest))


def cut_lines_before(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    """``spans`` with each content that opens on a line before its own, where that line holds no
    quotation mark and is no line of a quotation running over lines (``mask``: ``quote_mask(text,
    across_paragraphs=True)``), cut at the line break when what follows opens a quotation ("Keep up with this
    story and more by subscribing now⏎“I don’t hear my daughter crying anymore,” the woman said") or
    the attribution's cue stands after its content ("Advertisement⏎Some members are themselves
    survivors of abuse, according to …"). PolNeAR train: 1 of its 22,525 contents opens so (a
    numbered list's "3."); the judged rounds 1-15: the gold opens after the line break each time
    (a page's furniture, a caption's credit, a date, the sentence before).

    >>> t = "Advertisement\\nSome members are survivors of abuse, according to the AP."
    >>> a = SpanAttribution([(t.index("the AP"), len(t) - 1)], [(t.index("according to"), t.index(" the AP"))], [(0, 49)])
    >>> [t[s:e] for s, e in cut_lines_before(t, [a], quote_mask(t, across_paragraphs=True))[0].content]
    ['Some members are survivors of abuse']
    """
    out = []
    for a in spans:
        if a.content:
            s, e = a.content[0]
            roles = a.source + a.cue
            after = bool(a.cue) and a.cue[0][0] >= a.content[-1][1]
            while True:
                m = _PLAIN_LINE.match(text, s)
                if not m or m.end() >= e or any(r[0] < m.end() and s < r[1] for r in roles):
                    break
                if any(mask[s:m.end()]):
                    break  # a line of a quotation running over lines ('"…⏎Alright?⏎…," he said')
                rest = text[m.end():e].lstrip()
                if not (rest[:1] in "“\"" or after) or len(re.findall(r"\w+", rest)) < 3:
                    break  # (a content that stops at the next line's opening mark is the line's)
                if _CONTINUED_LINE.search(text[s:m.end()]) or _closes_unopened(rest):
                    break  # "TallGrass Distributors Ltd.⏎Christmas party", "… cardinals,⏎“Hamilton …"
                s = e - len(rest)
            if s != a.content[0][0]:
                a = SpanAttribution(a.source, a.cue, [(s, e), *a.content[1:]], a.score)
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


_NEWLINE = re.compile(r"\n")
# a line that ends a sentence: a full stop, a question or an exclamation mark after a small
# letter, a digit or a bracket (not "U.N.", not a title: "the Rev."), closing marks after it
_SENTENCE_END_LINE = re.compile(r"(?<=[a-z0-9%)\]])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bRev)(?<!\bNo)"
                                r"[.!?][\"”’')]*[ \t\u00a0]*$")


def cut_at_line_ends(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    r"""``spans`` with each content fragment kept to its cue's lines where it runs over a line
    break outside a quotation (``mask``: ``quote_mask(text, across_paragraphs=True)``) into
    another sentence: a fragment that opens inside an earlier line and runs down to its cue
    ('… puts the magnitude at 6.1.⏎November 28, 2005⏎Ten people were killed …, officials
    said') starts at the line after that break; one that runs on from its cue's line into
    the next, when the cue's line ends a sentence ('said it was 6.1.⏎A magnitude 6 quake can cause severe
    damage'), ends at that line's end. A line is a paragraph, or in some collections a sentence;
    either way the content of a cue on another line is not the reporter's next sentence. The
    judged rounds' gold has neither (a content that runs on from its cue's line follows a
    colon or an abbreviation's full stop: "the indictment says:⏎…", "the Rev.⏎Fernando").

    >>> t = "U.S. Geological Survey puts the magnitude at 6.1.\nNovember 28, 2005\nTen people died, officials said."
    >>> a = SpanAttribution([(85, 94)], [(95, 99)], [(2, 83)])
    >>> from newstrace.extract.quotes import quote_mask
    >>> [t[s:e] for s, e in cut_at_line_ends(t, [a], quote_mask(t, across_paragraphs=True))[0].content]
    ['Ten people died']
    >>> t = "Others said it was 6.1.\nA magnitude 6 quake can cause severe damage."
    >>> a = SpanAttribution([(0, 6)], [(7, 11)], [(12, 68)])
    >>> [t[s:e] for s, e in cut_at_line_ends(t, [a], quote_mask(t, across_paragraphs=True))[0].content]
    ['it was 6.1.']
    """
    out = []
    for a in spans:
        if not a.cue:
            out.append(a)
            continue
        cue_start, cue_end = a.cue[0][0], a.cue[-1][1]
        content = []
        cue_line_end = text.find("\n", cue_end)
        for s, e in a.content:
            breaks = [m.start() for m in _NEWLINE.finditer(text, s, e) if not any(mask[max(0, m.start() - 1):m.start() + 2])]
            before = [i for i in breaks if i < cue_start]
            line_start = text.rfind("\n", 0, s) + 1
            if before and text[line_start:s].strip():
                s = before[-1] + 1  # opens inside an earlier line
                while s < e and text[s].isspace():
                    s += 1
            after = cue_line_end if cue_line_end in breaks and cue_line_end > s else None
            if after is not None and _SENTENCE_END_LINE.search(text, text.rfind("\n", 0, after) + 1, after):
                e = after  # runs on past its line's sentence
                while e > s and text[e - 1].isspace():
                    e -= 1
            content.append((s, e))
        if content != list(a.content) and all(s < e for s, e in content):
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


# a reported clause's opening: a pronoun or a name, then its auxiliary ("he has arranged …")
_OPENING_AUX = re.compile(r"(?:that\s+)?(?:he|she|they|we|it|[A-Z][\w’'-]*)\s+(has|have|had|is|are|was|were|will|would)\s")


def carry_conjunct_cues(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with a reported clause carried over its last conjunct where the tagger made
    that conjunct another attribution of the same source: "He said he has arranged for 3000 of
    the National Guard to be available and has search and rescue teams at the ready and has
    requested U.S. President Donald Trump declare a state of emergency …" (judged round 14:
    "has requested" takes up the clause's "he has arranged", its auxiliary the same, so the
    clause holds it; it stays an attribution of its own too). The later conjunct's cue must
    follow the content after "and" alone, open with the auxiliary the content's clause opens
    with, and its source be the same span.

    >>> t = "He said he has arranged for troops to be ready and has requested Trump declare an emergency."
    >>> a = SpanAttribution([(0, 2)], [(3, 7)], [(8, 46)])
    >>> b = SpanAttribution([(0, 2)], [(51, 64)], [(65, 91)])
    >>> [t[s:e] for s, e in carry_conjunct_cues(t, [a, b])[0].content]
    ['he has arranged for troops to be ready and has requested Trump declare an emergency']
    """
    out = []
    for a in spans:
        if a.source and a.cue and a.content and len(a.content) == 1:
            opening = _OPENING_AUX.match(text, a.content[0][0])
            end = a.content[0][1]
            for b in spans:
                if b is a or b.source != a.source or not b.cue or not b.content or b.content[0][0] <= end:
                    continue
                joined = re.fullmatch(r"\s+and\s+", text[end:b.cue[0][0]])
                aux = re.match(r"(\w+)\s", text[b.cue[0][0]:b.cue[-1][1] + 1])
                if opening and joined and aux and aux.group(1).lower() == opening.group(1).lower():
                    a = SpanAttribution(a.source, a.cue, [(a.content[0][0], b.content[-1][1])], a.score)
                    break
        out.append(a)
    return out


# a sentence's connective, which links it to the one before and is no part of what is reported
_CONNECTIVE = re.compile(r"\W*(?:meanwhile|indeed|however|also|although|though|but|and|so|still|yet|moreover|furthermore|"
                         r"instead|in\s+fact|of\s+course|now|then|currently|additionally|besides|nonetheless|"
                         r"nevertheless|thus|therefore|hence|likewise|similarly|finally|again|at\s+the\s+same(?:\s+time)?)"
                         r"\W*", re.IGNORECASE)


def drop_connectives(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` without a first content fragment that is a connective alone, cut off from
    the rest by the source and cue ("Meanwhile, according to the Newsday, Teixeira still has
    …": the judged rounds' gold leaves "Meanwhile", "Indeed", "At the same time", "Although"
    out of all 4 such contents).

    >>> t = "Meanwhile, according to the Newsday, Teixeira still has an eight-year offer."
    >>> a = SpanAttribution([(24, 35)], [(11, 23)], [(0, 9), (37, 75)])
    >>> [t[s:e] for s, e in drop_connectives(t, [a])[0].content]
    ['Teixeira still has an eight-year offer']
    """
    return [SpanAttribution(a.source, a.cue, a.content[1:], a.score)
            if len(a.content) > 1 and _CONNECTIVE.fullmatch(text[a.content[0][0]:a.content[0][1]]) else a
            for a in spans]


# "according to" frames a whole clause: the sentence before it ("…, according to the World Health
# Organization") or after it ("According to Seeker, …"); the tagger, which reads such frames well
# on PolNeAR, opens or stops some inside a phrase ("Mohammad-Javad | Larijani", "the | forecast")
_ACCORDING_TO = re.compile(r"according\s+to(?:\s+(?:a|an|the))?", re.IGNORECASE)  # "according to a | statement …"
# what a clause before "according to" may open after, in its sentence (PolNeAR train leaves a
# sentence's opening phrase out of 58 of 299 such contents, each after a comma, a colon, a dash,
# a parenthesis, a conjunction or "with": "Even so, | in February he raised …")
_CLAUSE_OPENING = re.compile(r"(?:[,:;(—–-]|\b(?:and|but|or|nor|so|yet|now|then|with|while|as|because|since|though|"
                             r"although|whose|which|who|whom|that|if|when|where|whether))\s*$", re.IGNORECASE)
# a scene set between the source's comma and the clause: ", on Friday, ", ", in the mother's
# post on Facebook, which has since been taken down, " (judged rounds: the gold's, 3 of 3;
# PolNeAR train: no such content opens after one)
_CLAUSE_WORD = re.compile(r"(?:why|how|what|whatever|which|who|whom|whose|where|when|whether|that|if)\b", re.IGNORECASE)
_RELATIVE_WORD = re.compile(r"(?:that|which|who|whom|whose)\b", re.IGNORECASE)
_PREPOSITION_END = re.compile(r"\b(?:about|of|on|over|for|to|with|at|in|from|by|into|as|upon|regarding)\s*$",
                              re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|whose|whom|that)\W*$", re.IGNORECASE)
_SCENE = re.compile(r",\s+[^,.;:!?\n“”\"]{2,60}(?:,\s+[^,.;:!?\n“”\"]{1,60}){0,2},\s+")


def according_to_clauses(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each one-fragment content framed by "according to" made its clause whole
    in the cue's sentence: opened at the sentence's start where the tagger opened it inside a
    phrase ("…, according to the World Health Organization": PolNeAR train opens 241 of 299 such
    contents at the sentence's start, the rest after a comma, a colon, a dash, a conjunction or
    "with", where this leaves them), or carried on to the sentence's end where the tagger stopped
    it inside a phrase after "According to X," (PolNeAR train: 73 of 83 such contents run to the
    sentence's end) and opened after a scene set between the source's comma and the clause ("…,
    on Friday, 65 women …"). Judged rounds 1-16: 25 attributions framed so; 21 contents off before.

    >>> t = "Marburg virus disease, which causes severe viral fever, ranks among the worst, according to the WHO."
    >>> a = SpanAttribution([(t.index("the WHO"), len(t) - 1)], [(t.index("according"), t.index(" the WHO"))],
    ...                     [(t.index("viral"), t.index(", according"))])
    >>> [t[s:e] for s, e in according_to_clauses(t, [a])[0].content]
    ['Marburg virus disease, which causes severe viral fever, ranks among the worst']
    >>> t = "According to Breitbart, on Friday, 65 women who have known Kavanaugh since high school defended him. Then."
    >>> a = SpanAttribution([(13, 22)], [(0, 12)], [(t.index("65"), t.index(" since"))])
    >>> [t[s:e] for s, e in according_to_clauses(t, [a])[0].content]
    ['on Friday, 65 women who have known Kavanaugh since high school defended him']
    >>> t = "Even so, in February he raised $5.7 million, according to the records."
    >>> a = SpanAttribution([(t.index("the records"), len(t) - 1)], [(t.index("according"), t.index(" the records"))],
    ...                     [(9, t.index(", according"))])
    >>> [t[s:e] for s, e in according_to_clauses(t, [a])[0].content]
    ['in February he raised $5.7 million']
    """
    from newstrace.extract.abbreviations import sentence_end
    from newstrace.extract.parenthetical import sentence_start

    framed = [len(a.content) == 1 and bool(a.cue) and bool(_ACCORDING_TO.fullmatch(
        " ".join(text[s:e] for s, e in a.cue).strip())) for a in spans]
    if not any(framed):
        return spans
    roles = roles_covered(text, spans)
    return [_according_to_clause(text, a, roles, sentence_start, sentence_end) if f else a
            for a, f in zip(spans, framed)]


def _according_to_clause(text: str, a: SpanAttribution, roles: bytearray, sentence_start,
                         sentence_end) -> SpanAttribution:
    s, e = a.content[0]
    cue_start, cue_end = a.cue[0][0], a.cue[-1][1]
    opening = sentence_start(text, s)
    if cue_end <= s:  # "According to Seeker, the forecast calls for …"
        if opening > cue_start or _CLAUSE_WORD.match(text, s) and not text[cue_end:s].strip():
            return a  # what is the source: "according to | what | Nuncio Pietro Sambi wrote, …"
        frame_end = max([cue_end] + [f[1] for f in a.source if f[1] <= s])
        scene = _SCENE.fullmatch(text, frame_end, s)
        if scene and not any(roles[frame_end + 1:s]):
            s = frame_end + len(text[frame_end:s]) - len(text[frame_end:s].lstrip(", "))
        end = sentence_end(text, s)
        # stopped inside a phrase: a word (or a closing mark and a word) after it, no comma; not a
        # quotation closed, nor a relative clause's, whose main clause goes on ("Shapira, who,
        # according to his tagline, “enjoys writing about …,” left out …")
        if e < end and re.match(r"[”\"’']?[ \t]+[\w“‘\"'(]", text[e:e + 3]) and text[e - 1] not in "”\"’',;:" \
                and not _RELATIVE_BEFORE.search(text, max(0, cue_start - 12), cue_start):
            after = frame_after().search(text, e, end)  # '…a hard surface" before …, court sources said'
            end = verdict_start(text, e, after.start() if after else end)
            e = max(e, len(text[:end].rstrip(" ,;:")))
    elif e <= cue_start and opening < s:  # "…, according to the World Health Organization"
        while opening < s and text[opening] in "\"”’' \t\u00a0—–-":  # 'without delay." Clinton plans …'
            opening += 1
        # a content the tagger opened on the comma or colon after the sentence's opening phrase is
        # read from after it, and stays ("Still | , almost two in three Republican-leaning voters now
        # view Trump favorably", PolNeAR train's gold without the comma)
        first = s + len(text[s:e]) - len(text[s:e].lstrip(",:;—–- \t"))
        lead = text[opening:first]
        # a relative clause is left as it is ("a recurring counteroffensive by Trump | that put Makaeff
        # "through the wringer,"", PolNeAR train), and a clause of its own after a preposition ("about |
        # why the other side must be wrong - which it often is, according to Scott", PolNeAR dev); not
        # a wh-word after a verb ("That’s | where the transcript ends according to …", round 13)
        own_clause = _RELATIVE_WORD.match(text, first) or (
            _CLAUSE_WORD.match(text, first) and _PREPOSITION_END.search(lead))
        if lead and sentence_end(text, opening) >= cue_start and not _CLAUSE_OPENING.search(lead) \
                and not own_clause and not any(roles[opening:s]):
            s = opening
    return SpanAttribution(a.source, a.cue, [(s, e)], a.score)


# a cue that ends on the preposition of a topic ("remarked of", "commented on", "said about")
_TOPIC_CUE = re.compile(r"\s+(?:of|on|about)$", re.IGNORECASE)
# the topic: a phrase with no quotation mark or sentence end, then a comma and an opening mark
_TOPIC_BEFORE_QUOTE = re.compile(r"[^\"“”.;:!?\n]{2,120}?,\s*(?=[\"“])")


def cut_topics_before_quotes(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with a topic left out of a quotation's content: where the cue ends on "of",
    "on" or "about" and the content opens with a phrase, a comma and a quotation that runs to
    the content's end ('Bridenstine remarked of the remainder of the test flight, "I'm
    breathing …"'), the content is the quotation and the cue the verb (at most three words
    before the preposition; no cue word in the topic). PolNeAR train leaves the topic out of
    all 6 of its 'said of / about X, "…"' whose quotation follows (its 3 that take it in have
    a colon or "that" after the topic, where this does nothing); the judged gold leaves it
    out in both of its cases (rounds 14 and 18).

    >>> t = 'Bridenstine remarked of the flight, "I am relieved."'
    >>> a = SpanAttribution([(0, 11)], [(12, 23)], [(24, 52)])
    >>> b = cut_topics_before_quotes(t, [a])[0]
    >>> t[slice(*b.cue[0])], t[slice(*b.content[0])]
    ('remarked', '"I am relieved."')
    """
    out = []
    for a in spans:
        if len(a.cue) == 1 and len(a.content) == 1 and a.cue[0][1] <= a.content[0][0]:
            (cs, ce), (s, e) = a.cue[0], a.content[0]
            prep = _TOPIC_CUE.search(text, cs, ce)
            topic = _TOPIC_BEFORE_QUOTE.match(text, s, e)
            if prep and topic and not text[ce:s].strip() and _quote_to_end(text, topic.end(), e) \
                    and len(text[cs:prep.start()].split()) <= 3 \
                    and not any(w.lower() in cue_words() for w in re.findall(r"[\w’'-]+", topic.group(0))):
                # a verb and an adverb or two before the preposition ("wrote his first newspaper column
                # 43 years ago on that exact subject, "…"" is no topic of the quotation's), and no cue
                # in the topic ("footage of Trump saying, "…"": the quotation is his)
                a = SpanAttribution(a.source, [(cs, prep.start())], [(topic.end(), e)], a.score)
        out.append(a)
    return out


def _quote_to_end(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one quotation: its closing mark at the end, or none
    closed before the end (a quotation running on)."""
    inner = text[start + 1:end].rstrip()
    closing = [i for i, c in enumerate(inner) if c in "\"”"]
    return not closing or closing == [len(inner) - 1]


# a line that signs a quotation: a name, and a title after a comma ("Amy Pope, deputy homeland security
# advisor.": PolNeAR train's gold leaves both of its such lines out of the quotation's content)
_SIGNATURE_LINE = re.compile(r"[ \t]*[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){1,3}(?:,(?:[ \t]+[\w.’'-]+){1,8})?[.]?[ \t]*")
# what may stand between a content's end and the line break inside a quotation: the sentence's
# own end ("… in a corral|.⏎We only had …")
_LINE_END_PUNCT = " \t\u00a0.,;:!?…"


def carry_run_on_quotes(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    r"""``spans`` with each content fragment that stops at a line's end inside a quotation running
    on over lines (``mask``: ``quote_mask(text, across_paragraphs=True)``: the next line opens with
    no mark and the quotation closes further down) carried on to the quotation's end. Where lines
    are sentences, a quotation of several sentences stands on several lines marked at its two ends
    only ("“At 10pm they closed every exit …⏎They gated them all closed …⏎We only had one exit …”");
    the tagger and the cue-less continuations read a line at a time and stopped at the first. The
    judged rounds' gold (1-18) carries 175 contents over such a break and stops none at one but the
    reports nested inside a quotation (22: "I think it was hard for him to let Chris go.⏎He was
    excited …", the cue inside the quotation), which this leaves alone; so are a run another
    attribution's cue or source stands in, and an attribution's content there that has a cue.
    Cue-less continuations whose content the carried one now holds are dropped (one attribution per
    quote).

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = '“We were pigs in a corral.\nWe only had one exit.”\nPalermo makes clear this.'
    >>> a = SpanAttribution([], [], [(1, 25)])
    >>> [t[s:e] for s, e in carry_run_on_quotes(t, [a], quote_mask(t, across_paragraphs=True))[0].content]
    ['We were pigs in a corral.\nWe only had one exit.']
    """
    if not any(mask):
        return spans
    roles = [covered(len(text), a.cue + a.source) for a in spans]
    carried: dict[int, SpanAttribution] = {}
    for k, a in enumerate(spans):
        if not a.content or any(mask[s:e].count(1) for s, e in a.cue):
            continue  # a report nested inside a quotation ends where its own sentence ends
        content = list(a.content)
        i = 0
        while i < len(content):
            s, e = content[i]
            end = _run_on_end(text, e, mask)
            if end is None or not mask[e - 1]:
                i += 1
                continue
            if any(any(r[e:end]) for j, r in enumerate(roles) if j != k) or any(
                    b is not a and b.cue and any(x < end and y > e for x, y in b.content) for b in spans):
                i += 1
                continue
            later = [f for f in content[i + 1:] if f[0] < end]
            content[i:i + 1 + len(later)] = [(s, max([end] + [f[1] for f in later]))]
        if content != list(a.content):
            carried[k] = SpanAttribution(a.source, a.cue, content, a.score)
    if not carried:
        return spans
    held = covered(len(text), [f for a in carried.values() for f in a.content])
    out = []
    for k, a in enumerate(spans):
        if k in carried:
            out.append(carried[k])
        elif a.cue or a.source or not all(held[i] or not text[i].isalnum() for s, e in a.content for i in range(s, e)):
            out.append(a)
    return out


def _run_on_end(text: str, e: int, mask: bytearray) -> int | None:
    """Where the quotation that a content ending at ``e`` stops in ends, when ``e`` is a line's end
    (but for the sentence's last marks) inside a quotation that runs on over the next line."""
    j = e
    while j < len(text) and text[j] in _LINE_END_PUNCT:
        j += 1
    if j >= len(text) or text[j] != "\n" or not mask[j - 1]:
        return None
    k = j
    while k < len(text) and text[k].isspace():
        k += 1
    if k >= len(text) or not mask[k]:
        return None
    end = quotation_end(mask, k)
    last = text.rfind("\n", j, end)
    if last > 0 and text[end:end + 1] in "”\"" and _SIGNATURE_LINE.fullmatch(text, last + 1, end):
        end = last  # the quotation's last line signs it ("…let’s take out the bomb.⏎Donald Trump."): no words of it
    return end if end > k else None


# a determiner right before a content, on its line: "told The Sun Online the | crisis in Madagascar
# had yet to peak", "telling Wikinews the | company "extends …"", "has warned these | people to turn back"
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'-])(?:the|a|an|these|this|those)[ \t\u00a0]+$", re.IGNORECASE)


def open_at_determiners(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each content that opens right after a determiner no attribution's cue or
    source holds opened at the determiner: a noun phrase is not cut after its article ("told The
    Sun Online the | crisis in Madagascar had yet to peak", "telling Wikinews the | company "extends
    its profound condolences …"", "has warned these | people to turn back": judged rounds 8, 18 and
    6, the gold's phrase whole each time). A content that opens with a quotation mark keeps its
    start (PolNeAR's "for its | “outrageous practices”": the quoted words alone).

    >>> t = "Hotez told The Sun Online the crisis in Madagascar had yet to peak."
    >>> a = SpanAttribution([(0, 5)], [(6, 10)], [(30, 66)])
    >>> [t[s:e] for s, e in open_at_determiners(t, [a])[0].content]
    ['the crisis in Madagascar had yet to peak']
    """
    roles = roles_covered(text, spans)
    out = []
    for a in spans:
        if a.content:
            s, e = a.content[0]
            m = _DETERMINER_BEFORE.search(text, max(0, s - 12), s)
            if m and text[s:s + 1] not in "“\"‘'«" and not any(roles[m.start():s]):
                a = SpanAttribution(a.source, a.cue, [(m.start(), e), *a.content[1:]], a.score)
        out.append(a)
    return out
