"""Sources that name no one: what is left of a source the tagger broke ("the", "By", the
"s" of "let's", a stray letter), and a negated quantifier ("No one expected", "No
organization immediately claimed")."""

from __future__ import annotations

import re

from newstrace.extract.speakers.words import NO_ONE


def no_one(src):
    """A source of one word that names no one: no speaker (not the word as a "name").

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("Since 1983, the research team has banded chicks.", "the")
    (None, 'no_one')
    >>> resolve_one("No organization immediately claimed responsibility.", "No organization")
    (None, 'no_one')
    """
    word = src.low.removesuffix("'s").removesuffix("’s")
    if word in NO_ONE or (len(word) == 1 and word.isalpha() and word != "i") or _NOBODY.fullmatch(src.bare):
        return src.resolved(None, "pronoun")
    return None


# "No one", "Nobody", "No organization", "None of the parties" (not "No 10", Downing Street)
_NOBODY = re.compile(r"(?:[Nn]o(?:body|[- ]one)|[Nn]one(?:\s+of\s+.+)?|[Nn]o\s+[a-z]+)")
