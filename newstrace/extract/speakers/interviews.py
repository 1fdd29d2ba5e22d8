"""Interviews and first persons: who "I" and "we" are in a labelled turn, whom an
interviewer's "you" means, an interviewer's questions (nobody's statements), the answers
(each its speaker's statement), and the "I" of a quotation (its speaker) or of a column
(its one named author). The turns themselves are read by ``newstrace.extract.turns``."""

from __future__ import annotations

import re

from newstrace.extract.speakers.article import Article, article_of
from newstrace.extract.speakers.base import Resolved
from newstrace.extract.speakers.words import EDGE_PUNCT
from newstrace.extract.turns import Turn, turn_at, turns_over
from newstrace.records import SpanAttribution


def in_turn(art: Article, start: int, second_person: bool) -> Resolved | None:
    """Who "I" and "we" are in an interview's turn (its speaker), or, with
    ``second_person``, an interviewer's "you" (the person interviewed); None outside turns
    and inside quotations."""
    turn = turn_at(art.turns, start) if art.turns and not art.quoted(start) else None
    if turn is None or (second_person and not turn.asks):
        return None
    person = turn.put_to if second_person else turn.speaker
    if not person:
        return None
    return Resolved(person, "org" if person == "Wikinews" else "person", start, [])


def without_label(art: Article, fragments: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], Turn | None]:
    """``fragments`` without the interview label they overlap ("MS We" -> "We", "WN))" ->
    nothing), and that label's turn; the tagger, which never saw interviews, takes labels
    into sources."""
    if not art.turns or not fragments:
        return fragments, None
    for t in turns_over(art.turns, min(s for s, _ in fragments), max(e for _, e in fragments)):
        if t.label_end > t.start and any(s < t.label_end and t.start < e for s, e in fragments):
            kept = []
            for s, e in fragments:
                kept += [(s, min(e, t.start)), (max(s, t.label_end), e)]
            return [(s, e) for s, e in kept if s < e and art.text[s:e].strip(EDGE_PUNCT)], t
    return fragments, None


_last_article: list[tuple[object, Article]] = []  # (doc, its Article): the one made last


def asked_in_interview(text: str, attributions: list[SpanAttribution], doc) -> list[bool]:
    """Whether each attribution lies in a question an interviewer puts ("((WN)) Did you
    notice any trends ...?", "What measures do you think might help?"): asked, not said by
    anyone, so not a statement; "((WN)) You noted suicide attempts were ..." is one."""
    art = article_of(text, doc)
    if not art.turns:
        return [False] * len(attributions)
    out = []
    for a in attributions:
        anchor = min(s for s, _ in (a.cue or a.source or a.content or [(0, 0)]))
        turn = turn_at(art.turns, anchor)
        out.append(bool(turn and turn.asks and art.in_question(anchor)))
    return out



def interview_answers(text: str, doc) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]], str]]:
    """The answers of an interview, paragraph by paragraph: (the speaker's label as a
    source span, or [] for an answer without one; the paragraph as content; the speaker).
    A transcript's answer is its speaker's statement word for word, though no cue says
    so, and most of it holds none a tagger trained on news prose would find (on the
    Wikinews interviews, 8-47 % of the answers' text was inside an attribution).
    Paragraphs under six words ("No.", "Thank you.") are left out, and so is every turn of
    an article where nobody asks: news prose also sets names before paragraphs that are the
    writer's words ("Sanders: He won big ...", "Jeb Bush: Rewrite the tax code ...",
    "Hillary Clinton: 2,313 delegates"), which only a question and answer rules out."""
    art = article_of(text, doc)
    if not any(turn.asks for turn in art.turns):
        return []
    out = []
    for turn in art.turns:
        if turn.asks or not turn.speaker:
            continue
        at = text.find(turn.label, turn.start, turn.label_end) if turn.label else -1
        source = [(at, at + len(turn.label))] if at >= 0 else []
        for m in re.finditer(r"[^\n]+", text[turn.label_end:turn.end]):
            s, e = turn.label_end + m.start(), turn.label_end + m.end()
            s = e - len(text[s:e].lstrip(" \t\u00a0:"))
            e = s + len(text[s:e].rstrip())
            if len(text[s:e].split()) >= 6:
                out.append((source, [(s, e)], turn.speaker))
    return out


# how far from an "I" the quote it is in, or the person just quoted, may start: a quotation
# longer than this is a document, and reading every source of a book for each "I" was quadratic
FIRST_PERSON_REACH = 20_000


def first_person(art: Article, att: SpanAttribution, start: int, results, author: str | None) -> Resolved:
    """Who "I", "we" at ``start`` are: the speaker of the quotation they stand in (of
    ``results``, the sources resolved near them), the person quoted just before when inside
    quotation marks, the speaker of the interview turn, or a column's one named ``author``;
    else an unresolved pronoun."""
    source = " ".join(art.text[s:e] for s, e in att.source).strip(EDGE_PUNCT)
    best = None
    for r in results:
        if r is None or r.speaker is None or r.kind == "pronoun":
            continue  # an unresolved "you" or "they" is nobody to hand on
        if any(s <= start < e for s, e in r.content):
            return Resolved(r.speaker, r.kind, start, [])
        if r.kind != "person":
            continue
        if best is None or abs(r.position - start) < abs(best.position - start):
            best = r
    if best is not None and abs(best.position - start) < 400 and best.kind == "person" and art.quoted(start):
        return Resolved(best.speaker, best.kind, start, [])
    turn_speaker = in_turn(art, start, second_person=False)  # "((Aparna Garg)) As I told you ...": hers
    if turn_speaker:
        return turn_speaker
    if author and not art.turns and not art.quoted(start):  # a column's "I": its author
        return Resolved(author, "person", start, [])
    return Resolved(source, "pronoun", start, [])
