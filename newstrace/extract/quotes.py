"""Quotation marks: which characters of an article are inside a quotation, and from
that whether an attribution is direct, indirect or mixed.

Pure functions over the article text; no model.
"""

from __future__ import annotations

import re

from newstrace.records import Fragments, Kind, SpanAttribution, merge_spans

OPENING = "“„‟«"
CLOSING = "”»"
STRAIGHT = '"'
_MARK = re.compile(f"[\n{OPENING}{CLOSING}{STRAIGHT}]")
# Doubled apostrophes as quotation marks (''like this'', as the New York Times archive's
# plain text writes them: a sixth of PolNeAR's articles) and the `` that opens a quotation
# in Penn-Treebank-style text.
_DOUBLED = re.compile(r"''|``")
_OPENS_AFTER = "([{—–-"


def quote_view(text: str) -> str:
    """``text`` with each doubled mark written as a curly one beside a space: the same
    length, so offsets into it are offsets into ``text``. '' opens where it starts a word
    (after a space, a bracket or a dash, before a letter), else closes.

    >>> quote_view("He called it ''contained'' in Syria.")
    'He called it  “contained”  in Syria.'
    """
    if "''" not in text and "``" not in text:
        return text
    out, last = [], 0
    for m in _DOUBLED.finditer(text):
        i = m.start()
        opening = m.group() == "``" or (
            (i == 0 or text[i - 1].isspace() or text[i - 1] in _OPENS_AFTER)
            and i + 2 < len(text) and not text[i + 2].isspace())
        out += [text[last:i], " “" if opening else "” "]
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def quote_mask(text: str, doubled: bool = True, across_paragraphs: bool = False) -> bytearray:
    """One byte per character of ``text``: 1 inside a quotation (marks excluded), else 0.

    Curly marks open and close; straight marks toggle; with ``doubled``, '' and `` are
    marks too (``quote_view``; the tagger's surface features were trained without them).
    A quotation that runs to the end of a paragraph without closing is closed there, which
    also handles the news convention of multi-paragraph quotes that reopen each paragraph.
    With ``across_paragraphs`` it runs on instead when the next paragraph does not open
    with a mark and its first mark closes a quotation (a quotation of several paragraphs
    marked only at its two ends).

    >>> list(quote_mask('a "bc" d'))
    [0, 0, 0, 1, 1, 0, 0, 0]
    >>> list(quote_mask("a ''bc'' d"))
    [0, 0, 0, 0, 1, 1, 0, 0, 0, 0]
    >>> t = 'He said "we lost.\\nWe will win." Then'
    >>> sum(quote_mask(t)), sum(quote_mask(t, across_paragraphs=True))
    (13, 20)
    """
    if doubled:
        text = quote_view(text)
    mask = bytearray(len(text))
    inside, start = False, 0
    for m in _MARK.finditer(text):  # only marks and line ends change the state
        i = m.start()
        if inside and i > start:
            mask[start:i] = b"\x01" * (i - start)
        ch = text[i]
        if ch == "\n" and inside and across_paragraphs and _runs_on(text, i + 1):
            pass
        elif ch == "\n" or ch in CLOSING:
            inside = False
        elif ch in OPENING:
            inside = True
        else:
            inside = not inside
        start = i + 1
    if inside and len(text) > start:
        mask[start:] = b"\x01" * (len(text) - start)
    return mask


_ANY_MARK = re.compile(f"[\n{OPENING}{CLOSING}{STRAIGHT}]")


def _runs_on(text: str, i: int) -> bool:
    r"""Whether a quotation left open at the paragraph end before ``i`` runs on into the
    next paragraph with words: it does not open with a mark, and the first mark of the
    paragraphs after it closes. Paragraphs with no mark at all are read past, up to
    ``RUN_ON_LINES`` of them within ``RUN_ON_CHARS`` ("“He got into the Islamic State.¶He
    was in their machinery.¶He was providing himself … to the organization.”": a
    quotation of three paragraphs marked only at its ends).

    >>> t = '“He got into it.\nHe was in their machinery.\nHe was providing his services.” More'
    >>> _runs_on(t, t.index("He was in")), _runs_on('“We won.\n“And again.”', 9)
    (True, False)
    """
    limit = min(len(text), i + RUN_ON_CHARS)
    lines = 0
    while i < limit and lines < RUN_ON_LINES:
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        line = text[i:end]
        i = end + 1
        if not line.strip():
            continue
        lines += 1
        if line.lstrip()[:1] in OPENING + STRAIGHT:
            return False
        m = _ANY_MARK.search(line)
        if not m:
            continue  # no mark: the quotation may run on through it
        if m.group() in OPENING:
            return False
        if m.group() in CLOSING:
            return True
        j = m.start()  # a straight mark closes after a word, before a space, punctuation or the end
        return j > 0 and not line[j - 1].isspace() and (j + 1 == len(line) or not line[j + 1].isalnum())
    return False


RUN_ON_LINES = 6
RUN_ON_CHARS = 2000


def _quoted_share(mask: bytearray, text: str, content: Fragments) -> float:
    inside = total = 0
    for s, e in content:
        for i in range(max(s, 0), min(e, len(text))):
            if text[i].isalnum():
                total += 1
                inside += mask[i]
    return inside / total if total else 0.0


# a word of two letters or more outside the marks ("that", "whether"), not a lone letter
# a stray mark leaves ("s" of "’s")
_UNQUOTED_WORD = re.compile(r"(?<![^\W_])[^\W_]{2,}(?![^\W_])")


def _unquoted_word(mask: bytearray, text: str, content: Fragments) -> bool:
    for s, e in content:
        s, e = max(s, 0), min(e, len(text))
        outside = "".join(ch if not mask[i] else " " for i, ch in zip(range(s, e), text[s:e]))
        if _UNQUOTED_WORD.search(outside):
            return True
    return False


def classify(text: str, content: Fragments, mask: bytearray | None = None) -> Kind:
    """'direct' when the content is all quoted; 'mixed' when it is indirect but quotes the
    speaker's own words (a quoted run of ``MIXED_WORDS`` words or more that is not a
    title); else 'indirect': a scare-quoted word or term, or a title, does not make a
    report of what someone said a quotation.

    >>> classify('He said "we won" today.', [(9, 15)])
    'direct'
    >>> classify('He said that they "won every single vote".', [(8, 41)])
    'mixed'
    >>> t = 'Burton claims that his favorite book is "One Hundred Years of Solitude".'
    >>> classify(t, [(14, 71)]), classify('Burton thinks that cats are "cuties".', [(14, 36)])
    ('indirect', 'indirect')

    Direct only when no word of the content stands outside the marks (issue 28 item 5): a
    that-clause that opens before the quotation is the writer's report of it.

    >>> t = 'She said that “putting the Guard on the terror list would punish its forces in the region.”'
    >>> classify(t, [(9, 91)]), classify(t, [(14, 91)])
    ('mixed', 'direct')
    """
    mask = quote_mask(text) if mask is None else mask
    share = _quoted_share(mask, text, content)
    if share >= 0.95 and not _unquoted_word(mask, text, content):
        return "direct"
    if share <= 0.05:
        return "indirect"
    if any(_speakers_words(text[s:e]) for s, e in quoted_parts(text, content, mask)):
        return "mixed"
    return "indirect"


def nested_kind(text: str, span: SpanAttribution, mask: bytearray) -> Kind | None:
    """'indirect' for an attribution whose cue stands inside a quotation (``mask``) and whose
    content does not open a quotation of its own: a speaker's report inside their quotation
    ("“I knew this thing was coming, and …,” Brown said") is the speaker's report of what they
    knew, the marks theirs, not the one reported; the judged rounds class 42 of the 49 such
    reports found on rounds 1-16 indirect (recall17). None where ``classify`` decides.

    >>> t = '"I knew this thing was coming, and it was hard," Brown said.'
    >>> nested_kind(t, SpanAttribution([(1, 2)], [(3, 7)], [(8, 29)]), quote_mask(t))
    'indirect'
    """
    if not span.cue or not span.content or not mask[span.cue[0][0]]:
        return None
    s = span.content[0][0]
    if text[s:s + 1] in "\"“‘'«" or s > 0 and (text[s - 1] in "“‘«\"" or text[s - 1] == "'" and text[s - 2:s - 1].isspace()):
        return None  # "He said, ‘Thank you.’": the words quoted
    return "indirect"


def attribution_kind(text: str, span: SpanAttribution, mask: bytearray | None = None) -> Kind:
    """The kind of ``span``: a report inside its speaker's quotation is indirect
    (``nested_kind``); else as its content's marks say (``classify``)."""
    mask = quote_mask(text) if mask is None else mask
    return nested_kind(text, span, mask) or classify(text, span.content, mask)


# a quoted run of this many words or more inside indirect content is the speaker's own
# words ("called it “a total disgrace”"); shorter ones are a term or scare quotes
MIXED_WORDS = 3
_WORD = re.compile(r"[^\W_][\w’'-]*")
# words a title leaves in lower case ("One Hundred Years of Solitude")
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by",
                          "with", "from", "as", "but", "nor", "vs", "via", "de", "la", "du"})


def _speakers_words(run: str) -> bool:
    words = _WORD.findall(run)
    if len(words) < MIXED_WORDS:
        return False
    big = [w for w in words if w.casefold() not in _TITLE_SMALL]
    titled = bool(big) and words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() for w in big)
    return not titled


def quoted_parts(text: str, content: Fragments, mask: bytearray | None = None) -> Fragments:
    """The runs of ``content`` that lie inside quotation marks.

    >>> t = 'He called on them to "rise" and "fight back".'
    >>> [t[s:e] for s, e in quoted_parts(t, [(11, 44)])]
    ['rise', 'fight back']
    """
    mask = quote_mask(text) if mask is None else mask
    parts: Fragments = []
    for s, e in content:
        # the runs of marked bytes, cut at the span's ends (a regex scans them in C)
        parts += [m.span() for m in _MARKED.finditer(mask, max(s, 0), min(e, len(text)))]
    return [(s, e) for s, e in parts if text[s:e].strip()]


_MARKED = re.compile(rb"[^\x00]+")


# The second part of a split quotation: after "…," X said, within 80 characters and in
# the same paragraph (a quotation in the next one is mostly another attribution's).
_NEXT_QUOTE = re.compile(r"[^\n\"“”]{0,80}?[.,][ \t\u00a0]+[\"“]")
_CLOSES = re.compile(r"[,.!?]?\s*[\"”]")
# The first part of a split quotation: a quotation that closes with , ! ? … or a dash
# right before the attribution's cue or source ('"A," X said. "B."').
_CLOSED_BEFORE = re.compile(r"[,!?…—-][\"”][ \t\u00a0]*$")


def complete_quotes(text: str, spans: list[SpanAttribution],
                    mask: bytearray | None = None) -> list[SpanAttribution]:
    """Three repairs of content spans that quotation marks make safe, as PolNeAR annotates:

    - a content fragment that starts or ends inside a quotation is widened to the whole
      quotation, unless that would cross a cue or source (a nested attribution such as
      '"Trump said he would win," Clinton said' keeps its inner content);
    - a split quotation ('"We won," Ann said. "And we will win again."') gets its second
      part, in the same paragraph, when no other attribution holds it. On PolNeAR train,
      annotators include that part 1,113 times out of 1,117 when no other attribution
      claims it;
    - and, the other way round, its first part when the content holds only the second
      (on PolNeAR train this changed 95 contents: 83 became right, 1 wrong).

    >>> t = '"We won," Ann said. "And we will win again."'
    >>> [a] = complete_quotes(t, [SpanAttribution([(10, 13)], [(14, 18)], [(1, 4)])])
    >>> [t[s:e] for s, e in a.content]
    ['We won,', 'And we will win again.']
    """
    text = quote_view(text)  # '' and `` as quotation marks, offsets unchanged
    mask = quote_mask(text, doubled=False) if mask is None else mask
    anchors = roles_covered(text, spans)
    out = []
    for a in spans:
        content = []
        for s, e in a.content:
            if 0 < s < len(text) and mask[s] and mask[s - 1]:
                q = _quotation_start(mask, s)
                if not any(anchors[q:s]):
                    s = q
            if 0 < e < len(text) and mask[e - 1] and mask[e]:
                q = quotation_end(mask, e)
                if not any(anchors[e:q]):
                    e = q
            content.append((s, e))
        out.append(SpanAttribution(a.source, a.cue, merge_spans(content), a.score))
    held = covered(len(text), [f for a in out for f in a.content])
    for k, a in enumerate(out):
        if not a.cue or not a.content:
            continue
        cue_start = a.cue[0][0]
        before = [f for f in a.content if f[1] <= cue_start]
        if not before or not _CLOSES.match(text, before[-1][1]) and text[before[-1][1] - 1] not in '"”':
            continue
        after = max(e for _, e in a.cue + a.source)
        m = _NEXT_QUOTE.match(text, after)
        if not m:
            continue
        q = m.end()
        e = quotation_end(mask, q)
        if e > q and not any(held[q:e]) and not any(anchors[after:q]) and text[q:e].strip():
            out[k] = add_fragment(a, (q, e), held)
    for k, a in enumerate(out):
        first_part = _first_part(text, a, mask, anchors, held) if a.cue and a.content else None
        if first_part:
            out[k] = add_fragment(a, first_part, held)
    return out


def add_fragment(a: SpanAttribution, fragment: tuple[int, int], held: bytearray) -> SpanAttribution:
    """``a`` with ``fragment`` added to its content; ``fragment`` is marked in ``held``
    (the characters some content holds) so that no later repair gives it to another."""
    s, e = fragment
    held[s:e] = b"\x01" * (e - s)
    return SpanAttribution(a.source, a.cue, merge_spans(a.content + [fragment]), a.score)


def _first_part(text: str, a: SpanAttribution, mask: bytearray, anchors: bytearray,
                held: bytearray) -> tuple[int, int] | None:
    """The quotation that ends right before ``a``'s cue or source, when ``a``'s content
    is a quotation after them in the same paragraph and nothing else holds that one."""
    roles = a.cue + a.source
    left, right = min(s for s, _ in roles), max(e for _, e in roles)
    first = a.content[0][0]
    if first <= right or "\n" in text[right:first]:
        return None
    # an opening mark (in quote_view a doubled '' opens as " “", one character later)
    if not any(mask[first:first + 3]):
        return None
    closed = _CLOSED_BEFORE.search(text, max(0, left - 6), left)
    if not closed or not mask[closed.start()]:  # the , ! ? must be inside the quotation
        return None
    s, e = _quotation_start(mask, closed.start()), closed.start() + 1  # keep the , ! ?
    if any(held[s:e]) or any(anchors[s:e]) or not any(ch.isalnum() for ch in text[s:e]):
        return None
    return (s, e)


def covered(n: int, frags: Fragments) -> bytearray:
    """One byte per character: 1 where one of ``frags`` lies."""
    out = bytearray(n)
    for s, e in frags:
        s, e = max(s, 0), min(e, n)
        if s < e:
            out[s:e] = b"\x01" * (e - s)
    return out


def roles_covered(text: str, spans) -> bytearray:
    """``covered`` for the sources and cues of ``spans``: where a content carried on would run
    into another attribution's frame."""
    return covered(len(text), [f for a in spans for f in a.cue + a.source])


def _quotation_start(mask: bytearray, i: int) -> int:
    while i > 0 and mask[i - 1]:
        i -= 1
    return i


def quotation_end(mask: bytearray, i: int) -> int:
    while i < len(mask) and mask[i]:
        i += 1
    return i


def one_attribution_per_quote(text: str, spans: list[SpanAttribution],
                              mask: bytearray | None = None) -> list[SpanAttribution]:
    """Two cues that claim one quotation ('X scolded him: "A," she said. "B."', 'X said
    she felt "A," she said.') make one attribution of it: the earlier cue keeps it; the
    later one takes the quotation that follows it in the same paragraph when no one
    holds that, and is dropped otherwise. A cue inside the other's content (a nested
    attribution) is no such pair.

    >>> t = 'Ann scolded him: "We won," she said. "And we will win again."'
    >>> a = SpanAttribution([(0, 3)], [(4, 11)], [(18, 25)])
    >>> b = SpanAttribution([(27, 30)], [(31, 35)], [(18, 25)])
    >>> [[t[s:e] for s, e in x.content] for x in one_attribution_per_quote(t, [a, b])]
    [['We won,'], ['And we will win again.']]
    """
    text = quote_view(text)
    mask = quote_mask(text, doubled=False) if mask is None else mask
    order = sorted(range(len(spans)), key=lambda k: spans[k].cue[0][0] if spans[k].cue else len(text))
    held = covered(len(text), [])
    out: dict[int, SpanAttribution] = {}
    for k in order:
        a = spans[k]
        mine = covered(len(text), a.content)
        earlier = [out[j] for j in out if out[j].cue and a.cue and out[j].content]
        clash = next((b for b in earlier if _shares_most(mine, b.content, a.content)
                      and not _inside(a.cue, b.content) and not _inside(b.cue, a.content)), None)
        if clash is not None and a.cue:
            # the earlier cue ran on into a later line whose quotation has its own cue
            # ('“A,” said Tabler.\n“B,” Tabler added.'): the line's cue takes its quotation
            clash = _cut_other_line(text, clash, a, out)
        if clash is None or not a.cue:
            out[k] = a
            for s, e in a.content:
                held[s:e] = b"\x01" * (e - s)
            continue
        after = max(e for _, e in a.cue + a.source)
        m = _NEXT_QUOTE.match(text, after)
        if m:
            q = m.end()
            e = quotation_end(mask, q)
            if e > q and not any(held[q:e]) and text[q:e].strip():
                out[k] = SpanAttribution(a.source, a.cue, [(q, e)], a.score)
                held[q:e] = b"\x01" * (e - q)
    return [out[k] for k in sorted(out)]


def _cut_other_line(text: str, b: SpanAttribution, a: SpanAttribution,
                    out: dict[int, SpanAttribution]) -> SpanAttribution | None:
    """None, and ``b`` without its fragments in the line of ``a``'s cue, when ``b``'s cue
    lies in another line and ``b`` keeps a fragment outside that line; else ``b``."""
    start = text.rfind("\n", 0, a.cue[0][0]) + 1
    end = text.find("\n", a.cue[0][0])
    end = len(text) if end < 0 else end
    if start <= b.cue[0][0] < end:
        return b
    rest = [(s, e) for s, e in b.content if not start <= s < end]
    if not rest or len(rest) == len(b.content):
        return b
    j = next(j for j in out if out[j] is b)
    out[j] = SpanAttribution(b.source, b.cue, rest, b.score)
    return None


def _shares_most(mine: bytearray, theirs: Fragments, own: Fragments) -> bool:
    """Whether most of the smaller of two contents lies in both."""
    shared = sum(mine[s:e].count(1) for s, e in theirs)
    return shared > 0.8 * min(sum(e - s for s, e in theirs), sum(e - s for s, e in own))


def _inside(fragments: Fragments, content: Fragments) -> bool:
    return any(cs <= s and e <= ce for s, e in fragments for cs, ce in content)
