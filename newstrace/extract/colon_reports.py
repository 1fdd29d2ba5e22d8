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
    r"\b(?P<between>[^.!?:;\n“”\"()]{0,100}?)$")
# a colon that ends a line, found first (it is rare); the frame read back from it
_LINE_COLON = re.compile(r":[ \t]*$", re.MULTILINE)
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
    for colon in _LINE_COLON.finditer(text):
        m = _FRAMED.search(text, max(0, colon.start() - 160), colon.start())
        if m is None:
            continue
        cs, ce = m.span("cue")
        if len(m.group("between").split()) > MAX_WORDS_BETWEEN or mask is not None and mask[cs]:
            continue
        content = _next_line(text, colon.end())
        if content is None or len(text[content[0]:content[1]].split()) < 3:
            continue
        # the tagger's attribution of the verb whose content stops at the colon
        holder = [k for k, a in enumerate(spans) if any(s < ce and cs < e for s, e in a.cue)]
        if holder:
            a = spans[holder[0]]
            if len(holder) == 1 and a.content and all(cs <= s and e <= colon.end() for s, e in a.content) \
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
        if any(taken[cs:ce]) or any(taken[colon.end():content[1]]):
            continue
        found.append(SpanAttribution([source], [(cs, ce)], [content], 0.5))
    return spans + found


# a finite verb, read without a parser: an auxiliary, a past form in -ed, or a common irregular
# verb (what opens a predicate such as "gave the only answer he could", "has some harsh words")
_AUX = {"has", "have", "had", "is", "are", "was", "were", "does", "did", "do", "will", "would", "can", "could",
        "may", "might", "must", "should", "gets", "got", "gave", "gives", "sent", "sends", "made", "makes", "took",
        "takes", "put", "puts", "said", "says", "told", "tells", "wrote", "writes", "quotes", "spoke", "speaks",
        "went", "goes", "came", "comes", "left", "brought", "brings", "offered", "offers", "sees", "saw", "knew",
        "knows", "thinks", "thought", "continues", "adds", "notes", "explains", "argues", "insists", "warns"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "our", "their", "my",
                "he", "she", "it", "they", "we", "i", "one", "another", "some", "many", "several"}
_PREPOSITIONS = {"among", "in", "on", "at", "for", "from", "with", "after", "before", "as", "of", "to", "by", "like",
                 "such", "including", "during", "under", "over", "about", "here", "there", "what", "when", "if"}
_PRESENTATIONAL = re.compile(r"(?:Here[’']s|Here (?:is|are)|This is|These are|Following is|Below is)\b", re.IGNORECASE)


def _predicate(words: list[re.Match]) -> int | None:
    """The index of the first word of the predicate in a clause's ``words``: the first finite
    verb after a subject of one to eight words (a name, or a noun phrase that opens on a
    determiner or a capital), or None where no verb follows such a subject."""
    for k, w in enumerate(words):
        word = w.group(0).strip("“”\"‘’'()")
        low = word.lower()
        if k == 0:
            if not (word[:1].isupper() or low in _DETERMINERS) or low in _PREPOSITIONS:
                return None
            continue
        if low in _AUX or re.fullmatch(r"[a-z]{3,}ed", word):
            return k if k <= 8 else None
    return None


# nouns of what is said, beside the cue lexicon's words ("gave the only answer he could:", "has some
# harsh words to …:", "had advice for …:")
_SAYING_NOUNS = {"answer", "answers", "words", "advice", "message", "reply", "response", "statement", "remarks",
                 "comments", "question", "questions", "quote", "quotes", "quoted", "warning", "verdict", "view",
                 "explanation", "account", "take", "thoughts", "opinion", "assessment", "summary", "plea"}


def _says(text: str, start: int, end: int) -> bool:
    """Whether a word of saying (the cue lexicon's, or ``_SAYING_NOUNS``) stands in text[start:end]."""
    from newstrace.extract.frames import cue_words

    lexicon = cue_words()
    return any(w in lexicon or w in _SAYING_NOUNS for w in re.findall(r"[a-z]+", text[start:end].lower()))


def _has_verb(text: str, frags: list[tuple[int, int]]) -> bool:
    """Whether a finite verb (``_AUX``, a form in -ed, a contraction) stands in ``frags``."""
    return any(w.lower() in _AUX or re.fullmatch(r"[a-z]{3,}ed|\w+[’'](?:re|ve|ll|d)", w)
               for s, e in frags for w in re.findall(r"[\w’']+", text[s:e]))


def _passive(text: str, frags: list[tuple[int, int]]) -> bool:
    """Whether ``frags`` read as a passive ("were exhorted to")."""
    return bool(re.match(r"(?:is|are|was|were|been|being)\s+[a-z]{3,}(?:ed|en)\b", " ".join(text[s:e] for s, e in frags)))


def colon_clause_cues(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    r"""``spans`` with a cue (and a source where it has none) for each attribution with no cue
    whose content opens right after a colon that ends a clause: the judged rounds take the
    words before the colon for cue ("Faggioli gave the only answer he could: “There are …”",
    "Amash has some harsh words to those who …:" and the quotation below, "The judge had advice
    for anyone who deals with Nichols in the future:"), and PolNeAR marks every such quotation
    with the colon or the verb for cue. The predicate (its first finite verb to the colon) is
    the cue and the words before it the source. Where the tagger took the predicate for another
    attribution's cue and the object before the colon for its content ("was quick to condemn" /
    "the man’s actions:"), that attribution takes the quotation for content. A name alone
    before the colon ("such as the prophetic Dr Azm Al Homoud:", "TAPPER:") is no clause, and
    "Here's what happened:" names no one.

    >>> t = "After a pause, Faggioli gave the only answer he could: “There are different responses.”"
    >>> a = SpanAttribution([(15, 23)], [], [(t.index("“"), len(t))])
    >>> [[t[s:e] for s, e in x.source + x.cue] for x in colon_clause_cues(t, [a])]
    [['Faggioli', 'gave the only answer he could:']]
    >>> t = "As for the vote, Amash has some harsh words to those who back him:\n“It will be too late.”"
    >>> [[t[s:e] for s, e in x.source + x.cue] for x in colon_clause_cues(t, [SpanAttribution([], [], [(t.index("“"), len(t))])])]
    [['Amash', 'has some harsh words to those who back him:']]
    >>> t = "Experts warned of it, such as the prophetic Dr Azm Al Homoud:\n“We should stop saying it.”"
    >>> colon_clause_cues(t, [SpanAttribution([], [], [(t.index("“"), len(t))])])[0].cue
    []
    """
    out = list(spans)
    drop = set()
    for n, a in enumerate(spans):
        # no cue, or the colon alone (which ``cues.colon_cues`` takes away after this)
        if any(text[s:e].strip(" :\t\n") for s, e in a.cue) or not a.content:
            continue
        i = a.content[0][0]
        while i > 0 and text[i - 1] in " \t\n\u00a0“\"‘'":
            i -= 1
        if i == 0 or text[i - 1] != ":" or "\n\n\n" in text[i:a.content[0][0]]:
            continue
        colon = i - 1
        line = text.rfind("\n", 0, colon) + 1
        if a.source and not all(line <= s and e <= colon for s, e in a.source):
            continue
        # the clause: after the last sentence end, comma, semicolon or dash on the colon's line,
        # and after "and" / "but" that join a clause to one before it
        start = line
        for m in re.finditer(r"[.!?;,—–]\s+|\s-\s|\s(?:and|but|so)\s+", text[line:a.source[0][0] if a.source else colon]):
            start = line + m.end()
        # the tagger's attribution of the predicate, its content the object before the colon
        # (not a clause of its own: "says his organization will probably sue:" keeps its content;
        # nor a passive's: "The nuns were exhorted to …:")
        holder = [k for k, b in enumerate(spans) if k != n and b.cue and b.content
                  and all(start <= s and e <= colon for s, e in b.cue)
                  and all(b.cue[-1][1] <= s and e <= colon + 1 for s, e in b.content)
                  and not _has_verb(text, b.content) and not _passive(text, b.cue)]
        if len(holder) == 1:
            b = spans[holder[0]]
            out[holder[0]] = SpanAttribution(b.source, b.cue, a.content, b.score)
            drop.add(n)
            continue
        if any(b.cue and all(start <= s and e <= colon for s, e in b.cue) for k, b in enumerate(spans) if k != n):
            continue  # "says his organization will probably sue:": the quotation is no new report
        if a.source:  # the words between the source the tagger found and the colon
            words = list(re.finditer(r"\S+", text[a.source[-1][1]:colon]))
            base, k = a.source[-1][1], 0
            if not words or not (words[0].group(0).lower() in _AUX or re.fullmatch(r"[a-z]{3,}ed", words[0].group(0))) \
                    or not _says(text, base, colon):
                continue
            out[n] = SpanAttribution(a.source, [(base + words[0].start(), colon + 1)], a.content, a.score)
            continue
        clause = text[start:colon]
        words = list(re.finditer(r"\S+", clause))
        k = None if _PRESENTATIONAL.match(clause) or not words else _predicate(words)
        # "it was the stage itself:" (no one's words), "The nuns were exhorted to …:" (the
        # addressees of a passive, not its speakers)
        if k is None or k == 1 and words[0].group(0).lower() in ("it", "this", "that", "there") \
                or k + 1 < len(words) and words[k].group(0).lower() in ("is", "are", "was", "were", "been", "being") \
                and re.fullmatch(r"[a-z]{3,}(?:ed|en)", words[k + 1].group(0)):
            continue
        if not _says(text, start + words[k].start(), colon):  # "Blue collar workers have beat this by …:"
            continue
        source = (start + words[0].start(), start + words[k - 1].end())
        out[n] = SpanAttribution([source], [(start + words[k].start(), colon + 1)], a.content, a.score)
    return [a for n, a in enumerate(out) if n not in drop]
