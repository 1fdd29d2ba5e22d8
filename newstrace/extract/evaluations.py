"""Evaluative speech acts with an object: praising, blaming, naming someone something.

    Ellison praised him as “a role model”.
    Prosecutors accused Khweis of lying repeatedly over the last 15 months of the trial.
    Sarah’s brother said that the killer called Sarah and her daughter, “dirty Jews”.
    Soros compared Orban unfavorably to both the Nazis and the Communists.

PolNeAR's annotators count these (its guidelines: evaluations of an entity are
attributions); the tagger, trained on its text, finds them in news reports and misses
them in commentary, where they abound (issue 28: the largest class of misses in judged
round 4's commentary). Four frames, each a verb, its object and what the speaker said of
it: "as" (praised, denounced, vilified … X as Y), "of" (accused X of Y), a name given
(called X a Y, called X “Y”) and a comparison (compared X to Y). The content is the object
and what follows, to the end of the clause. Pure functions over the text; no model.
"""

from __future__ import annotations

import re

from newstrace.extract.frames import source_before
from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

_AS_VERBS = (r"praised|praises|praising|lauded|lauds|hailed|hails|vilified|vilifies|branded|brands|labell?ed|"
             r"denounced|denounces|derided|derides|decried|decries|dismissed|dismisses|portrayed|portrays|"
             r"characteri[sz]ed|characteri[sz]es|castigated|condemned|condemns|ridiculed|mocked|slammed|blasted")
# words that make "<cue> for/of/at X" an evaluation said of X, not a topic talked about
# ("apologised for hurting victims' feelings", "was highly critical of the media", "sharp
# denunciation of the regime", "crying out for the Party of Pelosi to save us"): cues.py keeps them
EVALUATIVE = frozenset(
    "apologized apologised apologizes apologises apologizing apologising apology apologies "
    "critical criticized criticised criticizes criticises criticizing criticising "
    "denounced denounces denouncing denunciation condemned condemns condemning condemnation "
    "praised praises praising praise blamed blames blaming thanked thanks thanking "
    "complained complains complaining lamented laments lamenting crying cried cries".split())
# an object: one to six words, no sentence punctuation ("Farrakhan on Monday", "his victim")
_OBJECT = r"(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+"
_AS = re.compile(rf"(?<![\w’'-])({_AS_VERBS})\s+({_OBJECT})\s+as\s+(?=\S)", re.IGNORECASE)
# accused: the object may hold an apposition ("victims of a notorious priest, the Rev. X, of “slander”")
_OF = re.compile(r"(?<![\w’'-])(accused|accuses|accusing|accuse)\s+((?:[\w’'.,-]+\s+){0,13}?[\w’'.-]+)\s+of\s+(?=\S)")
# a name given to a person named or a pronoun: "called her a dirty Jew", "called Jews “the enemy …”"
_NAMED = re.compile(
    r"(?<![\w’'-])(called|calls|calling|branded|brands|dubbed|dubs|labell?ed)\s+"
    r"((?:her|him|them|me|us|you|it|[A-Z][\w’'.-]*)(?:\s+(?:and\s+(?:her|his|their)\s+)?[A-Z]?[\w’'.-]+){0,3}?)"
    r",?\s+(?=(?:a|an)\s|[“\"‘])")
# the one compared is named or a pronoun of a person: "compared Orban to …", "and compared
# me to the great accuser" (the second verb of a pair whose first the tagger found)
_COMPARED = re.compile(r"(?<![\w’'-])(compared|compares|likened|likens)\s+((?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"
                       r"|(?:me|him|her|them|us))(?:\s+\w+ly)?)\s+(?:to|with)\s+(?=\S)")
# where the clause ends: a sentence's end, a semicolon, or a comma or "while" that opens
# another clause ("…, saying his rule evoked …", "… while hitting her")
# another clause's verb after a comma closes it too: the act told in a subject's modifier
# ("the woman accusing Brett Kavanaugh of sexual assault, has donated thousands …")
_CLAUSE_END = re.compile(r"[.!?…](?=\s|$|[\"”’'])|\n|;|,(?=[”\"’])|,\s+(?:saying|and|but|while|who|which|after|before|"
                         r"because|as|when|according|has|have|had|is|are|was|were|will|would)\b|"
                         r"\s+(?:while|and\s+(?:has|had|was|is|declared|said|says))\b")
# a title's full stop ends no clause ("the Rev.\nFernando Karadima")
_TITLE = re.compile(r"(?:^|\W)(?:Rev|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|Prof|Fr)$")
MIN_WORDS = 2


def clause_end(text: str, i: int) -> int:
    """Where the clause that runs on at ``i`` ends (a sentence's end, a semicolon, a comma
    that opens another clause)."""
    while True:
        m = _CLAUSE_END.search(text, i)
        if not m:
            return len(text)
        if text[m.start()] == "." and _TITLE.search(text, max(0, m.start() - 5), m.start()):
            i = m.end() + 1  # past the title and the line break after it
            continue
        return m.start()


def evaluations(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """An attribution for each evaluative act in one of the four frames whose verb no
    attribution of ``spans`` has in its cue; its source is what opens the clause before
    the verb.

    >>> t = "Prosecutors accused Khweis of lying repeatedly over the last 15 months of the trial."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.cue[0][0]:a.cue[0][1]], t[a.content[0][0]:a.content[0][1]])
    ...  for a in evaluations(t, [])]
    [('Prosecutors', 'accused', 'Khweis of lying repeatedly over the last 15 months of the trial')]
    >>> t = "Debra Katz, the lawyer of the woman accusing Kavanaugh of sexual assault, has donated to Obama."
    >>> [t[a.content[0][0]:a.content[0][1]] for a in evaluations(t, [])]
    ['Kavanaugh of sexual assault']
    >>> t = "He has remained silent about it and compared me to the great accuser, Satan."
    >>> [(t[a.cue[0][0]:a.cue[0][1]], t[a.content[0][0]:a.content[0][1]]) for a in evaluations(t, [])]
    [('compared', 'me to the great accuser, Satan')]
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    found = []
    for frame in (_AS, _OF, _NAMED, _COMPARED):
        for m in frame.finditer(text):
            cs, ce = m.span(1)
            if any(taken[cs:ce]) or "\n" in m.group(2) or frame is _NAMED and re.search(r"[’']s$", m.group(2)):
                continue  # "what he called Machado’s “sex tape”" names a thing
            end = clause_end(text, m.end())
            start = m.start(2)
            content = text[start:end].rstrip(" ,:")
            if content.count("“") > content.count("”") and text.startswith("”", start + len(content) + 1):
                content = text[start:start + len(content) + 2]  # the quotation's full stop and closing mark
            if len(re.findall(r"\w+", text[m.end():start + len(content)])) < MIN_WORDS - 1 \
                    or len(content.split()) < MIN_WORDS + 1:
                continue
            source = source_before(text, cs)
            found.append(SpanAttribution(source=[source] if source else [], cue=[(cs, ce)],
                                         content=[(start, start + len(content))], score=0.5))
            taken[cs:ce] = b"\x01" * (ce - cs)
    return found


# "charged X with Y": an accusation made, as "accused X of Y" (judged round 14: "The indictment
# also charges Valley Dairy CEO and investor Karen B. Olson with concealing …"; PolNeAR train
# marks 6 of its 11 "charge(d) X with", all the finite ones: "prosecutors charged the officer
# with murder"); not a passive ("was charged with") nor an infinitive ("threatened to charge")
_CHARGED = re.compile(r"(?<![\w’'-])(charged|charges)\s+(?!with\b)((?:[\w’'.-]+\s+){0,8}?[\w’'.-]+)\s+(with)\s+(?=\S)")
_NOT_ACTIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|to|not|never|would|could|might|may|can|should|must)"
                         r"\s+(?:(?:\w+ly|also|then|later|still|already|once)\s+)?$", re.IGNORECASE)


def charged_with(text: str, spans: list[SpanAttribution], mask: bytearray | None = None) -> list[SpanAttribution]:
    """An attribution for each finite "charged/charges X with Y" outside quotations whose verb
    no attribution of ``spans`` has in its cue: cue the verb and "with", content who is
    charged and with what, to the end of the clause. It runs after ``cues.drop_not_speech``,
    which takes "charged" with a thing for a legal act ("she was charged in the shooting").

    >>> t = "Over the past two weeks, prosecutors charged the officer with murder and Emanuel fired his chief."
    >>> [([t[s:e] for s, e in a.cue], [t[s:e] for s, e in a.content]) for a in charged_with(t, [])]
    [(['charged', 'with'], ['the officer', 'murder'])]
    >>> charged_with("Anthony Phillip LaSalle was also charged Friday with three counts of homicide.", [])
    []
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    found = []
    for m in _CHARGED.finditer(text):
        cs, ce = m.span(1)
        # (an initial's full stop stays in the object: "Karen B. Olson")
        if any(taken[cs:ce]) or mask is not None and mask[cs] or re.search(r"[,;:!?\n]|(?<!\b[A-Z])\.", m.group(2)):
            continue
        if _NOT_ACTIVE.search(text, max(0, cs - 20), cs):
            continue
        end = clause_end(text, m.end())
        other = re.search(r"\s+and\s+(?:[A-Z][\w’'-]*|he|she|they|we|I)\s+[a-z]", text[m.end():end])
        end = m.end() + other.start() if other else end  # "… with murder and Emanuel fired his chief"
        rest = text[m.end():end].rstrip(" ,;:")
        source = source_before(text, cs)
        if not rest or source is None:
            continue
        found.append(SpanAttribution(source=[source], cue=[(cs, ce), m.span(3)],
                                     content=[m.span(2), (m.end(), m.end() + len(rest))], score=0.5))
    return found
