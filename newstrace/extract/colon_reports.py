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


# a verb of saying, or a verb that sends a noun of saying ("issued this edict", "sent out a
# message"), then an object or an adjunct of one to ten words, and a colon ending the line:
# "Mac Slavo recently reported for SHTFplan:", "the caliph … sent out a message to the
# governors of the various Islamic provinces:" (``colon_quotes``' frame, with the quotation
# on the lines below instead of after the colon)
_SEND = r"(?:send|sends|sent|sending|issue|issues|issued|issuing|deliver|delivers|delivered|delivering)"
_NOUN = r"(?:message|signal|warning|edict|ultimatum|statement|reminder|decree|order|reply|response|answer)"
_FRAME_VERBS = (_VERBS + "|announced|announces|warned|warns|replied|replies|responded|responds|insisted|insists|"
                "proclaimed|proclaims|remarked")
_FRAMED = re.compile(
    rf"(?<![\w’'-])(?P<cue>(?:[a-z]+ly[ \t]+|also[ \t]+)?(?:{_FRAME_VERBS})|{_SEND}(?:[ \t]+out)?[ \t]+"
    rf"(?:a|an|the|this|that|his|her|their|its)[ \t]+(?:[a-z]+[ \t]+)?{_NOUN})"
    r"\b(?P<between>[^.!?:;\n“”\"()]{0,100}?):[ \t]*$",
    re.MULTILINE,
)
MAX_WORDS_BETWEEN = 10


def framed_colon_reports(text: str, spans: list[SpanAttribution],
                         mask: bytearray | None = None) -> list[SpanAttribution]:
    r"""``spans`` and an attribution for each line that ends in a verb of saying, its object or
    adjunct and a colon, with a source before the verb, whose next paragraph no attribution
    holds yet: the paragraph is the content (``colon_reports`` takes the line that ends on the
    verb). Where the tagger took the verb for cue and the words before the colon for its
    content ("recently reported for" / "SHTFplan"), the paragraph becomes that content.

    >>> t = ("In the early twelfth century, the Fatimid caliph Al-Amir bi-Ahkamillah issued this edict:\n"
    ...      "Now, the prior degradation of the infidels in this world is a punishment.")
    >>> [[t[s:e] for s, e in a.source + a.cue + a.content] for a in framed_colon_reports(t, [])]
    [['the Fatimid caliph Al-Amir bi-Ahkamillah', 'issued this edict', 'Now, the prior degradation of the infidels in this world is a punishment.']]
    >>> t = "Mac Slavo recently reported for SHTFplan:\nThe newest warning about the outbreak has been released."
    >>> tagger = SpanAttribution([(0, 9)], [(10, 31)], [(32, 40)])
    >>> [[t[s:e] for s, e in a.cue + a.content] for a in framed_colon_reports(t, [tagger])]
    [['recently reported for', 'The newest warning about the outbreak has been released.']]
    >>> t = "Here is what the manual states in part regarding the use of firearms:\nFirearms are often used in assassination."
    >>> [[t[s:e] for s, e in a.source + a.cue] for a in framed_colon_reports(t, [])]
    [['the manual', 'states']]
    >>> framed_colon_reports("Watch the full video of Beck’s remarks below:\n\nFollow Rebecca Mansour on Twitter.", [])
    []
    """
    from newstrace.extract.frames import source_before

    spans = list(spans)
    found = []
    for m in _FRAMED.finditer(text):
        cs, ce = m.span("cue")
        if len(m.group("between").split()) > MAX_WORDS_BETWEEN or mask is not None and mask[cs]:
            continue
        content = _next_line(text, m.end())
        if content is None or len(text[content[0]:content[1]].split()) < 3:
            continue
        # the tagger's attribution of the verb whose content stops at the colon
        holder = [k for k, a in enumerate(spans) if any(s < ce and cs < e for s, e in a.cue)]
        if holder:
            a = spans[holder[0]]
            if len(holder) == 1 and a.content and all(cs <= s and e <= m.end() for s, e in a.content) \
                    and not any(any(s < content[1] and content[0] < e for s, e in b.content) for b in spans):
                spans[holder[0]] = SpanAttribution(a.source, a.cue, [content], a.score)
            continue
        source = source_before(text, cs)
        if source is not None:  # "Here is what the manual states in part regarding …:"
            lead = re.match(r"(?:Here (?:is|are) )?what ", text[source[0]:source[1]], re.IGNORECASE)
            source = (source[0] + lead.end(), source[1]) if lead and lead.end() < source[1] - source[0] else source
        # a name or a noun phrase before the verb, no clause ("Watch the full video of Beck’s")
        if source is None or re.search(r"\b(?:is|are|was|were|if|when|how|why|what|[Ww]atch|[Ll]isten|[Rr]ead|[Ss]ee|As)\b"
                                       r"|[’']s?$", text[source[0]:source[1]]):
            continue
        taken = covered(len(text), [f for a in spans + found for f in a.source + a.cue + a.content])
        if any(taken[cs:ce]) or any(taken[m.end():content[1]]):
            continue
        found.append(SpanAttribution([source], [(cs, ce)], [content], 0.5))
    return spans + found
