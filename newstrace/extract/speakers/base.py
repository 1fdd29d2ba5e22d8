"""The shapes every speaker rule shares: what a rule reads (``Source``: one attribution's
source span in its article, with the speaker resolved just before) and what it returns
(``Resolved``, or None when the rule does not apply, so that the next rule is tried)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from newstrace.extract.speakers.article import Article
from newstrace.extract.speakers.names import clean_description
from newstrace.extract.speakers.words import EDGE_PUNCT


@dataclass(slots=True)
class Resolved:
    speaker: str | None
    kind: str  # "person", "org", "description", "pronoun" (unresolved), "none"
    position: int  # where the source starts
    content: list[tuple[int, int]] = field(default_factory=list)
    work: str | None = None  # "statement": resolved as "the statement" the speaker spoke in
    rule: str | None = None  # the registry's name of the rule that decided


@dataclass
class Source:
    """One source span as the rules read it: ``text`` is the span's words (fragments
    joined), ``start``/``end`` its bounds in the article (trailers such as an age cut off),
    ``previous`` the last source resolved before it in reading order, ``content`` the
    attribution's content spans, ``cue`` its cue's words, ``history`` every source resolved
    before it (a speaker, not "none")."""

    art: Article
    text: str
    start: int
    end: int
    previous: Resolved | None = None
    content: tuple | list = ()
    cue: str = ""  # the attribution's cue, its fragments joined ("said", "was told")
    history: list[Resolved] = field(default_factory=list)  # the sources resolved before, in reading order
    skip: frozenset[str] | set[str] = frozenset()  # rules switched off (``resolve_speakers``' skip)

    @cached_property
    def bare(self) -> str:
        """The source without outer punctuation: 'He'."""
        return self.text.strip(EDGE_PUNCT)

    @cached_property
    def low(self) -> str:
        """The bare source in lower case: 'he'."""
        return self.bare.casefold()

    @cached_property
    def desc(self) -> str:
        """The source as a description (``clean_description``): 'the spokesman'."""
        return clean_description(self.text)

    def resolved(self, speaker: str | None, kind: str, **extra) -> Resolved:
        """A result at this source's place."""
        return Resolved(speaker, kind, self.start, [], **extra)
