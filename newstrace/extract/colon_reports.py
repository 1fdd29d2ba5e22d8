r"""Reports introduced by a line that ends in a colon: "RT reports:", "Ritter writes:".

Commentary quotes another outlet's or a writer's words as a paragraph of their own, set
off by a line that names them and ends in a speech verb and a colon:

    RT reports:
    In anticipation of potential clashes at the border, American soldiers have begun …

The tagger, trained on newspaper prose, misses the paragraph or reads the whole line as
a source with a colon for its cue ("Fox 5 reports" / ":"). The judged samples
(docs/extraction.md) mark the name as the source, the verb as the cue and the paragraph
below as the content. The content is the next line that has words (one paragraph; a
report that runs on over more lines is cut at its first).

Pure functions over the text and the spans; no model.
"""

from __future__ import annotations

import re

from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

# the verbs that introduce a report set below them (present and past, as the articles use them)
_VERBS = ("reports|reported|writes|wrote|says|said|adds|added|explains|explained|notes|noted|continues|continued|"
          "states|stated|declares|declared|tweets|tweeted|tells|told|recounts|recounted|observes|observed|"
          "concludes|concluded")
# "<source> [adverb] <verb>:" ending a line; the source a short run of words opening the line
# (or following a sentence's end on it), no clause of its own
_INTRO = re.compile(
    rf"(?:^|(?<=[.!?]\s))[ \t]*(?P<source>[A-Z0-9][^\n.!?:;]{{0,80}}?)[ \t]+"
    rf"(?P<cue>(?:[a-z]+ly[ \t]+|also[ \t]+)?(?:{_VERBS})):[ \t]*$",
    re.MULTILINE,
)
MAX_SOURCE_WORDS = 8
_QUOTES = "\"“”‘’'«» \t\u00a0"


def _next_line(text: str, i: int) -> tuple[int, int] | None:
    """The words of the first line after ``i`` that has any (quotation marks trimmed)."""
    while i < len(text):
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        s, e = i, end
        while s < e and text[s] in _QUOTES:
            s += 1
        while e > s and text[e - 1] in _QUOTES:
            e -= 1
        if e > s:
            return s, e
        i = end + 1
    return None


def colon_reports(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    r"""An attribution for each line "<source> <verb>:" whose next paragraph no attribution
    holds yet.

    >>> t = "RT reports:\nIn anticipation of potential clashes, soldiers have begun reinforcing.\nMore."
    >>> [[t[s:e] for s, e in a.source + a.cue + a.content] for a in colon_reports(t, [])]
    [['RT', 'reports', 'In anticipation of potential clashes, soldiers have begun reinforcing.']]
    >>> colon_reports("The question is what he said:\nNothing.", [])
    []
    """
    taken = covered(len(text), [f for a in spans for f in a.source + a.cue + a.content])
    found = []
    for m in _INTRO.finditer(text):
        s, e = m.span("source")
        # "In January, I reported:", "First, Politico reports:": the name after the opening
        # phrase; "Cardinal Henri de Lubac, writing in 1985, …, said:": the name before the asides
        parts = text[s:e].split(",")
        if len(parts) > 1:
            if parts[-1].strip():
                s = e - len(parts[-1])
            else:
                e = s + len(parts[0])
        if text[s:e].lstrip().startswith("As "):
            s = text.index("As ", s) + 3
        while s < e and text[s].isspace():
            s += 1
        source = text[s:e]
        words = source.split()
        if not words or len(words) > MAX_SOURCE_WORDS or words[0].lower() in ("what", "that", "this", "here", "it"):
            continue
        # a source is a name or a noun phrase, not a clause ("The question is what he")
        if re.search(r"\b(?:is|are|was|were|what|who|which|that|if|when|how|why)\b", source):
            continue
        content = _next_line(text, m.end())
        if not words or content is None or any(taken[m.start("source"):content[1]]):
            continue
        found.append(SpanAttribution([(s, e)], [m.span("cue")], [content], 1.0))
    return found


def split_source_verb(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    r"""An attribution whose cue is a colon alone and whose source ends in one of the verbs
    ("Fox 5 reports" / ":") gets the verb as its cue.

    >>> t = "Fox 5 reports:\nSAN DIEGO -- People were seen."
    >>> a = SpanAttribution([(0, 13)], [(13, 14)], [(15, len(t))])
    >>> [[t[s:e] for s, e in x.source + x.cue] for x in split_source_verb(t, [a])]
    [['Fox 5', 'reports']]
    """
    out = []
    for a in spans:
        if len(a.source) == 1 and a.cue and all(text[s:e].strip() == ":" for s, e in a.cue):
            s, e = a.source[0]
            m = re.search(rf"[ \t]+(?:(?:[a-z]+ly|also)[ \t]+)?(?:{_VERBS})$", text[s:e])
            if m and m.start() > 0:
                a = SpanAttribution([(s, s + m.start())], [(s + m.start() + len(m.group()) - len(m.group().lstrip()), e)],
                                    a.content, a.score)
        out.append(a)
    return out


# what may stand between a cue and its line-ending colon as the tagger's whole content: an
# object or a topic of a few words, no clause ("the man’s actions", "about its specific
# inclusion of Planned Parenthood"), or the colon alone
_COLON_END = re.compile(r"[ \t]*:[ \t]*(?:\n|$)")
_CLAUSE_IN = re.compile(r"\b(?:that|is|are|was|were|has|have|had|will|would|can|could|said|says)\b|[\"“”]")
MAX_OBJECT_WORDS = 10


def colon_objects_to_quotes(text: str, spans: list[SpanAttribution], mask: bytearray) -> list[SpanAttribution]:
    r"""A cue whose content is only the words up to a colon that ends its line, above a
    quotation the tagger gave no cue: the quotation is that cue's content, one attribution.

    "the corporation was quick to condemn the man’s actions:" then a paragraph "“We were
    shocked to see this video …”" (judged round 10), "The judge had advice for anyone who
    deals with Nichols in the future:" then "" Do not trust Mr. Nichols ever again. …"" (round
    15): the gold of both marks the quotation as the content of that cue, and so would PolNeAR's
    reading of a quotation announced by a colon; the tagger gave the colon's object (or the
    colon alone) to the cue and the quotation to no one, two false hits for one attribution.

    >>> from newstrace.extract.quotes import quote_mask
    >>> t = 'The firm was quick to condemn his actions:\n“We were shocked to see this video.”'
    >>> cue = SpanAttribution([(0, 8)], [(9, 29)], [(30, 41)])
    >>> quote = SpanAttribution([], [], [(43, 79)])
    >>> [[t[s:e] for s, e in a.cue + a.content] for a in colon_objects_to_quotes(t, [cue, quote], quote_mask(t))]
    [['was quick to condemn', '“We were shocked to see this video.”']]
    """
    merged, dropped = {}, set()
    for i, a in enumerate(spans):
        if not a.cue or not a.content or i in dropped:
            continue
        end = max(e for _, e in a.content)
        start = min(s for s, _ in a.content)
        if start < a.cue[-1][1]:
            continue  # the content after the cue
        colon = _COLON_END.match(text, end) or (text[end - 1:end] == ":" and _COLON_END.match(text, end - 1))
        if not colon:
            continue
        # all between the cue and the colon a phrase of a few words (the source may stand there:
        # "had advice for anyone who deals with Nichols in the future:")
        between = text[a.cue[-1][1]:colon.start()]
        if len(between.split()) > MAX_OBJECT_WORDS or _CLAUSE_IN.search(between) or re.search(r"[.!?;\n]", between):
            continue
        line = colon.end()
        while line < len(text) and text[line] in " \t\n\u00a0":
            line += 1
        for j, b in enumerate(spans):
            if j == i or b.cue or not b.content or j in dropped or b.content[0][0] != line:
                continue
            if text[line] not in "\"“‘«" or not mask[line + 1:line + 2].count(1):
                continue
            merged[i] = SpanAttribution(a.source, a.cue, b.content, a.score)
            dropped.add(j)
            break
    return [merged.get(i, a) for i, a in enumerate(spans) if i not in dropped]


def drop_wordless(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` without the attributions whose content holds no letter: a quotation mark or a
    colon left of a content cut at a paragraph ("21," said … Keith Moyer added." gives '"'; "had
    advice for … the future:" gives ':'); those with no content at all stay for the steps that
    read them.

    >>> t = '21," said Keith Moyer added.'
    >>> drop_wordless(t, [SpanAttribution([(9, 20)], [(21, 26)], [(2, 3)])])
    []
    """
    return [a for a in spans if not a.content or re.search(r"[^\W\d_]", "".join(text[s:e] for s, e in a.content))]
