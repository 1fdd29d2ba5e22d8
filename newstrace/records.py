"""The records that travel between the pipeline stages.

ingest -> Article; extract -> Attribution, Citation; link -> Statement, Story;
store keeps them all; report writes them out. Every span is a list of (start, end)
character offsets into ``Article.text`` (Python string indices, end exclusive):
strings are derived from the text when shown, so offsets can never drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
Fragments = list[Span]
Kind = Literal["direct", "indirect", "mixed"]

# a speaker left as a bare pronoun says nothing about who spoke
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "him", "her", "them", "us", "me"})


def merge_spans(spans: Fragments, gap: int = 0) -> Fragments:
    """Sorted spans, those that overlap or lie at most ``gap`` apart joined into one.

    >>> merge_spans([(5, 9), (0, 3), (3, 4), (8, 12)])
    [(0, 4), (5, 12)]
    """
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s - out[-1][1] <= gap:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def span_text(text: str, fragments: Fragments, sep: str = " ") -> str:
    """The text that ``fragments`` cover, fragments joined by ``sep``.

    >>> span_text("Bob said: it rains, and it pours.", [(10, 18), (24, 32)])
    'it rains it pours'
    """
    return sep.join(text[s:e] for s, e in fragments)


@dataclass(slots=True)
class Article:
    """One news article as newstrace stores it (decoded, boilerplate removed)."""

    id: str  # path relative to the input folder without extension, or the JSONL id
    text: str  # the text every offset refers to
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # canonical outlet name ("Breitbart", "The New York Times")
    published: str | None = None  # ISO 8601 date or datetime, as precise as known
    author: str | None = None
    origin: str | None = None  # where it was read from ("seeds/000.txt", "feed.jsonl:12")
    order: int = 0  # input order; breaks ties where publication time is unknown
    fingerprint: str = ""  # sha1 of the normalised text; equal for exact duplicates
    duplicate_of: str | None = None  # id of the article this one repeats (near-duplicate)


@dataclass(slots=True)
class SpanAttribution:
    """What an extractor finds: the three roles of one attribution, as spans."""

    source: Fragments
    cue: Fragments
    content: Fragments
    score: float = 1.0  # extractor confidence in [0, 1]


@dataclass(slots=True)
class Attribution:
    """Who said what, in one article: spans plus what newstrace derives from them."""

    id: str  # "<article id>#a<n>", stable for a given article text and extractor
    article: str
    kind: Kind
    source: Fragments
    cue: Fragments
    content: Fragments
    content_text: str
    speaker: str | None = None  # fullest name the article gives, else the description
    speaker_mention: str | None = None  # the source text as written ("he", "the spokesman")
    statement: str | None = None  # id of the Statement this is a mention of
    score: float = 1.0
    speaker_id: str | None = None  # id of the Speaker (person, organisation) across the store


@dataclass(slots=True)
class Citation:
    """A media outlet or platform an article leans on ("according to Reuters")."""

    article: str
    outlet: str  # canonical name ("The New York Times", "Associated Press", "Twitter")
    cue: str  # how it is cited: "reported", "according to", "contributed", "told", ...
    span: Span  # where the outlet is named in the article text
    kind: Literal["media", "platform", "self"] = "media"  # self: the article's own outlet


@dataclass(slots=True)
class Mention:
    article: str
    attribution: str


@dataclass(slots=True)
class Statement:
    """One statement and every place it was quoted."""

    id: str
    text: str  # canonical text: the longest mention's content
    speaker: str | None
    mentions: list[Mention] = field(default_factory=list)
    first_seen: str | None = None  # article id of the earliest mention


@dataclass(slots=True)
class Story:
    """Articles that tell the same story (event)."""

    id: str
    label: str
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Speaker:
    """One person or organisation across the store, with every name it was given; or an
    ``unknown`` speaker (a description, a bare pronoun) confined to one article."""

    id: str
    name: str  # its most used full name
    kind: Literal["person", "organisation", "unknown"]
    aliases: list[str] = field(default_factory=list)  # every name it was given, most used first
    attributions: int = 0


@dataclass(slots=True)
class OutletEdge:
    """Articles of one outlet citing another: ``source`` (the citing articles' outlet) ->
    ``target`` (the outlet or platform they cite). ``self_citation``: an outlet citing
    itself or its own programmes, kept apart from its citations of others."""

    source: str
    target: str
    self_citation: bool
    citations: int  # how many times, over all the articles
    articles: list[str] = field(default_factory=list)  # the citing articles, in input order
    kind: str = "media"  # the target's kind: "media" or "platform"
