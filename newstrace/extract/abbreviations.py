"""A content cut at an abbreviation's full stop runs on to its sentence's end.

    … that powerful allies would help him prevent the U.N. from greasing the wheels of migration.
    … that if Senate Democrats want the FBI to investigate the accusations against Mr. Kavanaugh, …
    In their minds, the assassination was committed by a lone nut former U.S. Marine …

A full stop after a title ("Mr.", "Rep.", "Sen.") or inside an initialism ("U.S.", "U.N.")
ends no sentence when a word follows that does not open one; the tagger and the rules that
read a clause to its sentence's end (``frames.SENTENCE_END``) stop there all the same (the
judged PTC rounds: four contents cut so in rounds 1-11, one in round 12). A content whose
last fragment ends right before such a full stop is carried on to the sentence's real end,
or to a frame of reporting after it ("…, he said"), and never over another attribution's
cue or source. Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.extract.clause_ends import verdict_start
from newstrace.extract.frames import frame_after
from newstrace.extract.quotes import roles_covered
from newstrace.records import SpanAttribution

# a title before the full stop, or the last letter of an initialism ("U.S", "D.C", "U.N")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Rev|Prof|Sgt|Capt|Adm|Maj|Sens|Reps)"
                           r"|\b[A-Z]\.[A-Z](?:\.[A-Z])*"
                           # a time of day and a month ("by 5 p.m. on Thursday", "reached on Aug. 29")
                           r"|\b[ap]\.m|\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec))$")
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Rev|Prof|Sgt|Capt|Adm|Maj|Sens|Reps)$")
# after an initialism, these open a new sentence ("… in the U.S. The next day …")
_OPENER = re.compile(r"\s+(?:The|A|An|He|She|It|They|We|I|You|But|And|Or|So|Yet|In|On|At|For|If|When|While|"
                     r"This|That|These|Those|There|His|Her|Their|Its|Our|My|As|After|Before|Meanwhile|"
                     r"However|Still|Now|Then|Mr|Mrs|Ms|Dr)\b")
_END = re.compile(r"[.!?…](?=\s|$|[\"”’'])|\n")


def _abbreviation_stop(text: str, i: int) -> bool:
    """Whether the full stop at ``i`` closes an abbreviation and not its sentence."""
    if text[i:i + 1] != "." or not _ABBREVIATION.search(text, max(0, i - 12), i):
        return False
    after = text[i + 1:i + 3]
    if not after[:1] == " " or not after[1:2].strip():
        return False  # a line's end, or the text's
    return bool(_TITLE.search(text, max(0, i - 6), i)) or not _OPENER.match(text, i + 1)


def sentence_end(text: str, i: int) -> int:
    """Where the sentence running at ``i`` ends, past the abbreviations' full stops.

    >>> t = "He would prevent the U.N. from greasing the wheels. Then more."
    >>> t[:sentence_end(t, 0)]
    'He would prevent the U.N. from greasing the wheels'
    >>> t = "She moved to the U.S. The next day she left."
    >>> t[:sentence_end(t, 0)]
    'She moved to the U.S'
    """
    while True:
        m = _END.search(text, i)
        if m is None:
            return len(text)
        if _abbreviation_stop(text, m.start()):
            i = m.end()
            continue
        return m.start()


def past_abbreviations(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` with each content that stops at an abbreviation's full stop carried on to
    its sentence's end (or the frame of reporting after it).

    >>> t = "She said that allies would help him prevent the U.N. from greasing the wheels. More."
    >>> a = SpanAttribution([(0, 3)], [(4, 8)], [(9, 51)])
    >>> [t[s:e] for s, e in past_abbreviations(t, [a])[0].content]
    ['that allies would help him prevent the U.N. from greasing the wheels']
    """
    roles = roles_covered(text, spans)
    out = []
    for a in spans:
        if a.content:
            s, e = a.content[-1]
            if _abbreviation_stop(text, e):
                end = sentence_end(text, e + 1)
                after = frame_after().search(text, e + 1, end)
                end = after.start() if after else end
                end = verdict_start(text, e + 1, end)  # "…, which is not accurate" is the writer's
                end = len(text[:end].rstrip(" ,;:"))
                if end > e + 1 and not any(roles[e:end]):
                    a = SpanAttribution(a.source, a.cue, a.content[:-1] + [(s, end)], a.score)
        out.append(a)
    return out
