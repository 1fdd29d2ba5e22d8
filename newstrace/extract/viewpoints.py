"""A viewpoint opening a sentence: "For X, …" gives what follows as X's view.

    For Kim, these weapons are purely defensive, designed to prevent a US attack on his nation.
    For Chris Bryant, apparently “fascism” means “defense of Britain and its values …”

Readers count such a sentence as X's attribution with "For" for cue (the convention of
the judged PTC rounds, issue 28: six such attributions in rounds 1-7, all missed, and no
sentence-opening "For" + name + comma there that is not one); PolNeAR's tagger does not
propose them. X is a name (a capitalised phrase, not "For example", "For years"), with
its appositions ("For Garcia Zarate’s attorney, Matt Gonzalez, Ralph Nader’s running mate
…, the trial was …"); the content is the rest of the sentence when it holds a finite verb.
The same holds for a sentence that opens with a view's noun and its owner: "In their
minds, the assassination was committed by a lone nut …" (round 12), "In Müller's eyes,
…", "In the view of the court, …" (cue "In" and the noun, source the owner).
Pure functions over the text; no model.
"""

from __future__ import annotations

import re

from newstrace.extract.frames import SENTENCE_END
from newstrace.records import SpanAttribution

# "For" at a sentence's or a line's opening, a capitalised phrase, a comma
_FOR = re.compile(r"(?:^|(?<=[.!?…][\"”’' ]\s)|(?<=[.!?…]\s)|(?<=\n))For\s+([A-Z][^,.;:!?\n]{0,60}?),\s+")
# openings that are no one's name: "For example,", "For years,", "For the first time,"
_NOT_A_NAME = frozenset("""example instance now years decades months weeks days centuries generations
the this that these those many most some all one two three more example starters once
i we he she it they you
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday christmas easter god's heaven's""".split())
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|"
                     r"means|meant|seems|seemed)\b|\w+(?:ed|es)\b")
MIN_WORDS = 4
_VIEW_NOUN = r"(?:minds?|view|opinion|eyes|estimation|judge?ment)"
# "In" and the owner's view, at a sentence's or a line's opening (checked apart: a regex
# that opens with "In" is found fast)
_IN = re.compile(
    rf"\b(In)\s+(?:"
    rf"((?:his|her|their|its)|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,2}}[’']s)\s+(?:own\s+)?({_VIEW_NOUN})|"
    rf"the\s+({_VIEW_NOUN})\s+of\s+((?:the\s+)?[A-Z]?[\w.’'-]+(?:\s+[A-Z][\w.’'-]*){{0,3}}))"
    r",\s+")
_OPENING = re.compile(r"(?:^|[.!?…][\"”’']?\s+|\n)$")


def viewpoints(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    """An attribution for each "For X, <clause>" outside quotations whose clause no
    attribution of ``spans`` already has for content.

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = "For Kim, these weapons are purely defensive, designed to prevent a US attack."
    >>> [[t[s:e] for s, e in r] for a in viewpoints(t, [], quote_mask(t)) for r in (a.source, a.cue, a.content)]
    [['Kim'], ['For'], ['these weapons are purely defensive, designed to prevent a US attack']]
    >>> t = "In their minds, the assassination was committed by a lone nut."
    >>> [[t[s:e] for s, e in r] for a in viewpoints(t, [], quote_mask(t)) for r in (a.source, a.cue, a.content)]
    [['their'], ['In', 'minds'], ['the assassination was committed by a lone nut']]
    >>> t = "For years, the plant has polluted the river."
    >>> viewpoints(t, [], quote_mask(t))
    []
    """
    out = []
    for m in _IN.finditer(text):
        if mask[m.start()] or not _OPENING.search(text, max(0, m.start() - 3), m.start()):
            continue
        owner = m.span(2) if m.group(2) else m.span(5)
        noun = m.span(3) if m.group(3) else m.span(4)
        end_match = SENTENCE_END.search(text, m.end())
        end = end_match.start() if end_match else len(text)
        content = text[m.end():end]
        if len(content.split()) < MIN_WORDS or not _FINITE.search(content) \
                or any(s <= m.end() < e for a in spans for s, e in a.content):
            continue
        out.append(SpanAttribution([owner], [m.span(1), noun], [(m.end(), end)]))
    for m in _FOR.finditer(text):
        name = m.group(1)
        if name.split()[0].casefold() in _NOT_A_NAME or mask[m.start()]:
            continue
        end_match = SENTENCE_END.search(text, m.end())
        end = end_match.start() if end_match else len(text)
        source_end, start = m.end(1), m.end()
        # appositions after the name ("Matt Gonzalez, Ralph Nader’s running mate …,"): no verb
        for _ in range(3):
            comma = text.find(", ", start, end)
            if comma < 0 or _FINITE.search(text, start, comma):
                break
            source_end, start = comma, comma + 2
        content = text[start:end]
        if len(content.split()) < MIN_WORDS or not _FINITE.search(content):
            continue
        if any(s <= start < e for a in spans for s, e in a.content):
            continue  # the tagger has this clause already
        out.append(SpanAttribution([(m.start(1), source_end)], [(m.start(), m.start() + 3)], [(start, end)]))
    return out


# "To" at a sentence's or a line's opening, whose view, a comma: a name ("To Kavanaugh, bypassing
# the courts … is “constitutional.”"), "them", "many", "some", "most", or "the" and a group ("To the
# rockabilly culture, she embodied …"); not "To me" nor "To us" (the writer's present view, which
# the judged rounds leave out), not an infinitive ("To be sure,", "To win the White House,"), nor
# "a" or a possessive ("To a person,", "To his credit,", "To his successor, Mr. Obama leaves …")
# (its opening checked apart, as "In"'s: a regex that opens with "To" is found fast)
_TO = re.compile(r"\bTo\s+([A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,4}|them|many|some|most|the(?:\s+[\w.’'-]+){1,4}),\s+")
_RELATIVE = re.compile(r"(?:who|which)\s[^,.;:!?\n“”\"]{1,80},\s+")
# what "To the …," names that holds no view: "To the extent …", "To the shock of the establishment"
_NOT_A_VIEW = frozenset("""extent shock surprise contrary end best degree point dismay delight horror chagrin amazement
astonishment relief disappointment consternation detriment benefit letter core hilt tune rescue date wit which that
this what""".split())


def to_viewpoints(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    """An attribution for each "To X, <clause>" outside quotations (cue "To", source X, content the
    rest of the sentence when it holds a finite verb) whose clause no attribution of ``spans``
    already has for content: a view held by X, as "For X, …" (``viewpoints``). PolNeAR train marks
    8 of its 11 such views ("To Frank, …", "To Sexton, …", "To Ms. Gil, …", "To them, …", "To many,
    …"; not "To White House officials, it was a show of respect …", "To her supporters, …", "To a
    lot of readers, …"); the judged rounds count 3 ("To Kavanaugh, …" twice, "To the rockabilly
    culture, she embodied …"). A relative clause after X goes with the source ("To Sexton, who has
    made something of a study of Trump rallies, Tuesday marked a turning point").

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = "To Kavanaugh, bypassing the courts and tracking an individual is “constitutional.” Then."
    >>> [[t[s:e] for s, e in r] for a in to_viewpoints(t, [], quote_mask(t)) for r in (a.source, a.cue, a.content)]
    [['Kavanaugh'], ['To'], ['bypassing the courts and tracking an individual is “constitutional']]
    >>> t = "To the rockabilly culture, she embodied the ideal woman-voluptuous and healthy."
    >>> [t[s:e] for a in to_viewpoints(t, [], quote_mask(t)) for s, e in a.source]
    ['the rockabilly culture']
    >>> t = "To be sure, the issue is complex. To his credit, he managed to rise to his feet."
    >>> to_viewpoints(t, [], quote_mask(t))
    []
    """
    out = []
    for m in _TO.finditer(text):
        if not _OPENING.search(text, max(0, m.start() - 3), m.start()):
            continue
        words = m.group(1).casefold().split()
        if mask[m.start()] or any(w.strip(".’'") in _NOT_A_VIEW for w in words) or _inside(text, m.start(), spans):
            continue
        end_match = SENTENCE_END.search(text, m.end())
        end = end_match.start() if end_match else len(text)
        start = m.end()
        source = m.span(1)
        relative = _RELATIVE.match(text, start, end)  # "To Sexton, who has made … rallies, Tuesday marked …"
        if relative:
            source, start = (source[0], relative.end() - 2), relative.end()
        content = text[start:end]
        if len(content.split()) < MIN_WORDS or not _FINITE.search(content):
            continue
        if any(s <= start < e for a in spans for s, e in a.content):
            continue  # the tagger has this clause already
        out.append(SpanAttribution([source], [(m.start(), m.start() + 2)], [(start, end)]))
    return out


def _inside(text: str, i: int, spans: list[SpanAttribution]) -> bool:
    """Whether ``i`` lies inside an attribution of ``spans`` ("…our own flaws….⏎To the victims of the
    Church, …": a content run on over the line), short of the line's first word that a content
    run on over a line break ends on ("…as defined by the Fourth Amendment.⏎To", which the line
    cuts take back)."""
    for a in spans:
        for s, e in a.source + a.cue:
            if s <= i < e:
                return True
        for s, e in a.content:
            if s <= i < e and not (text[i - 1:i] == "\n" and e <= i + 2):
                return True
    return False
