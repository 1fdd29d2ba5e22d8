"""Who is speaking: each attribution's source resolved to the fullest name the article
gives ("he says" -> "Abu Abdul-Azim", "Trump" -> "Donald Trump", "the spokesperson" ->
"Mustafa Bali"), else to its description ("an unidentified Islamic State militant").

No coreference model runs offline here, so resolution is a list of small named rules of
news prose over the named entities and sentence bounds (``registry.RULES``, one module
per family: ``pronouns``, ``roles``, ``persons``, ``organisations``, ``works``, ...), tried
in order; the first that answers decides and its name is kept with the speaker. The word
lists the rules read are data files (``data/``).

>>> from newstrace.records import SpanAttribution as A
>>> t = "Abu Abdul-Azim says we lost. “We won,” he says."
>>> [(s.speaker, s.rule) for s in resolve(t, [A([(0, 14)], [(15, 19)], [(20, 27)]),
...                                           A([(39, 41)], [(42, 46)], [(29, 35)])])]
[('Abu Abdul-Azim', 'head_person'), ('Abu Abdul-Azim', 'he_she')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from typing import NamedTuple

from newstrace.extract.speakers.article import Article, article_of
from newstrace.extract.speakers.base import Resolved, Source
from newstrace.extract.speakers.interviews import (
    FIRST_PERSON_REACH, asked_in_interview, first_person, interview_answers, without_label)
from newstrace.extract.speakers.names import (
    byline_person, clean_name, is_short_form_or_equal, speaker_key, trim_trailers)
from newstrace.extract.speakers.registry import RULE_NAMES, RULES, STAGE_NAMES, Rule, apply_rules
from newstrace.extract.speakers.words import EDGE_PUNCT, FIRST
from newstrace.records import SpanAttribution

__all__ = ["Speaker", "resolve", "resolve_speakers", "speaker_key", "clean_name", "is_short_form_or_equal",
           "byline_person", "asked_in_interview", "interview_answers", "RULES", "RULE_NAMES", "STAGE_NAMES", "Rule"]


class Speaker(NamedTuple):
    """An attribution's speaker and the name of the rule that decided it."""

    speaker: str | None
    rule: str


def resolve(text: str, attributions: list[SpanAttribution], doc=None, author: str | None = None,
            skip: frozenset[str] | set[str] = frozenset()) -> list[Speaker]:
    """The speaker of each attribution, with the rule that decided it: the fullest name the
    article gives its source, else the source's description; None where an attribution
    has no source span, or one that is a pronoun the article does not resolve.

    ``doc`` is a spaCy Doc of ``text`` with entities (``newstrace.extract.nlp.analyse``);
    it is made when not given. ``author`` is the article's byline, when known: the "I" of
    a column or letter, outside quotations and interview turns, is its one named author.
    ``skip`` names rules of ``RULES`` to switch off.
    """
    if doc is None:
        from newstrace.extract.nlp import analyse

        doc = analyse(text)
    elif doc.text != text:
        raise ValueError("doc is not a Doc of text: offsets would not line up")
    art = article_of(text, doc)
    author = byline_person(author)
    order = sorted(range(len(attributions)), key=lambda i: _source_start(attributions[i]))
    results: list[Resolved | None] = [None] * len(attributions)
    deferred = []
    previous: Resolved | None = None
    history: list[Resolved] = []
    for i in order:
        att = attributions[i]
        if not att.source:
            results[i] = Resolved(None, "none", -1, list(att.content), rule="no_source")
            continue
        fragments = within_paragraph(text, sorted(att.source), min((s for s, _ in att.cue), default=None))
        fragments = whole_tokens(text, fragments)
        start = min(s for s, _ in fragments)
        end = trim_trailers(text, start, max(e for _, e in fragments))
        end = _without_country(art, text, start, end)
        fragments = [(s, min(e, end)) for s, e in fragments if s < end]
        fragments, turn = without_label(art, fragments)
        if turn is not None and not fragments:  # the source is a turn's label ("((WN))"): its speaker
            kind = "none" if not turn.speaker else "org" if turn.speaker == "Wikinews" else "person"
            results[i] = Resolved(turn.speaker, kind, start, list(att.content), rule="turn_label")
            continue
        source = " ".join(text[s:e] for s, e in fragments)
        if source.strip(EDGE_PUNCT).casefold() in FIRST and "first_person" not in skip:
            deferred.append(i)  # "I" inside a quote: the quote's speaker, known later
            continue
        cue = " ".join(text[s:e] for s, e in sorted(att.cue))
        res = apply_rules(Source(art, source, start, end, previous, att.content, cue, history, skip), skip)
        res.content = list(att.content)
        results[i] = res
        if res.kind != "none":
            previous = res
            history.append(res)
    # what a first-person source reads of the others: those placed near it, by place
    placed = sorted((r.position, k) for k, r in enumerate(results) if r is not None)
    for i in deferred:
        att = attributions[i]
        start = min(s for s, _ in att.source)
        near = placed[bisect_left(placed, (start - FIRST_PERSON_REACH, -1)):
                      bisect_left(placed, (start + FIRST_PERSON_REACH, -1))]
        results[i] = first_person(art, att, start, [results[k] for _, k in sorted(near, key=lambda x: x[1])], author)
        results[i].rule = "first_person"
        insort(placed, (results[i].position, i))
    # a pronoun nothing resolved ("they", "I" in an op-ed) names nobody: no speaker, as for
    # an attribution without a source (its source span still says what the text gave)
    return [Speaker(r.speaker if r.kind != "pronoun" else None, r.rule or "description") for r in results]


def resolve_speakers(text: str, attributions: list[SpanAttribution], doc=None,
                     author: str | None = None) -> list[str | None]:
    """The speaker of each attribution (``resolve`` without the rules' names).

    >>> from newstrace.records import SpanAttribution as A
    >>> t = "Abu Abdul-Azim says we lost. “We won,” he says."
    >>> resolve_speakers(t, [A([(0, 14)], [(15, 19)], [(20, 27)]), A([(39, 41)], [(42, 46)], [(29, 35)])])
    ['Abu Abdul-Azim', 'Abu Abdul-Azim']
    """
    return [s.speaker for s in resolve(text, attributions, doc, author)]


def _without_country(art, text: str, start: int, end: int) -> int:
    """``end`` moved back over the country an organisation's name is followed by, after its
    abbreviation: "the Parliament of New South Wales (NSW), Australia"."""
    for n in art.names[bisect_left(art.name_starts, start):bisect_left(art.name_starts, end)]:
        if n.label == "GPE" and n.end == end and re.search(r"\)\s*,\s*$", text[start:n.start]):
            return trim_trailers(text, start, start + text[start:n.start].rindex(","))
    return end


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


def within_paragraph(text: str, fragments: list[tuple[int, int]], cue: int | None) -> list[tuple[int, int]]:
    r"""A source span cut to the paragraph of its cue: a span that runs across a blank line
    ("...Heidi Heitkamp (D-ND).\n\nFr. Frank Pavone, national director of Priests for
    Life," before "said") holds the end of the paragraph before, which is no part of the
    source. The piece next to the cue is kept.

    >>> t = "said Mr Ames.\n\nParty leader Bo Lee reiterated it."
    >>> [t[s:e] for s, e in within_paragraph(t, [(5, 34)], t.index("reiterated"))]
    ['Party leader Bo Lee']
    """
    start, end = fragments[0][0], max(e for _, e in fragments)
    breaks = list(_PARAGRAPH_BREAK.finditer(text, start, end))
    if not breaks:
        return fragments
    if cue is None or cue >= end:
        lo, hi = breaks[-1].end(), end
    elif cue < start:
        lo, hi = start, breaks[0].start()
    else:
        lo = max((b.end() for b in breaks if b.end() <= cue), default=start)
        hi = min((b.start() for b in breaks if b.start() >= cue), default=end)
    kept = [(max(s, lo), min(e, hi)) for s, e in fragments if s < hi and e > lo]
    kept = [(s, e) for s, e in kept if text[s:e].strip()]
    return kept or fragments


# characters of one token: a span that starts or ends between two of them cut a word ("&E" of "PG&E")
_IN_TOKEN = re.compile(r"[\w&]")


def whole_tokens(text: str, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Source fragments widened to whole tokens where the tagger cut one: "&E" of "PG&E's
    schedule" is "PG&E".

    A capital after a letter or digit opens a word glued to the one before (a live blog's
    "52PMBush"): the span is not widened over it.

    >>> t = "Customers of PG&E said the cuts were long. 8:52PMBush said so."
    >>> [t[s:e] for s, e in whole_tokens(t, [(15, 17), (49, 53)])]
    ['PG&E', 'Bush']
    """
    out = []
    for s, e in fragments:
        glued = s < e and text[s].isupper() and s > 0 and text[s - 1].isalnum()
        while not glued and 0 < s < e and _IN_TOKEN.match(text, s - 1) and _IN_TOKEN.match(text, s):
            s -= 1
        while s < e < len(text) and _IN_TOKEN.match(text, e - 1) and _IN_TOKEN.match(text, e):
            e += 1
        out.append((s, e))
    return out


def _source_start(att: SpanAttribution) -> int:
    return min((s for s, _ in att.source), default=min((s for s, _ in att.content), default=0))


