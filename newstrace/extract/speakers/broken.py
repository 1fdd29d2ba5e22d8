"""Sources that name no one: what is left of a source the tagger broke ("the", "By", the
"s" of "let's", a stray letter)."""

from __future__ import annotations

from newstrace.extract.speakers.words import NO_ONE


def no_one(src):
    """A source of one word that names no one: no speaker (not the word as a "name").

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("Since 1983, the research team has banded chicks.", "the")
    (None, 'no_one')
    """
    word = src.low.removesuffix("'s").removesuffix("’s")
    if word in NO_ONE or (len(word) == 1 and word.isalpha() and word != "i"):
        return src.resolved(None, "pronoun")
    return None
