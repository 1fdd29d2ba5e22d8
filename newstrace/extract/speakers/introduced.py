"""A person the source introduces by name: "a militant who identifies himself as Abu
Abdul-Azim", "a man known only as Mujahir"."""

from __future__ import annotations

import re

from newstrace.extract.speakers.names import clean_name

_NAME_INTRO = re.compile(
    r"\b(?:identif(?:y|ies|ied) (?:him|her|them)sel(?:f|ves) (?:only )?as|identified (?:only )?as|"
    r"known (?:only )?as|named|called|calling (?:him|her)self|going by|who goes by)\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|van|von|de|del|da))*)"
)


def named_as(src):
    """The name a source gives its person: "identifies himself as", "known as", "named".

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("A militant who identifies himself as Abu Abdul-Azim says they lost.",
    ...             "A militant who identifies himself as Abu Abdul-Azim")
    ('Abu Abdul-Azim', 'named_as')
    """
    m = _NAME_INTRO.search(src.text)
    if m:
        return src.resolved(src.art.fullest(clean_name(m.group("name"))), "person")
    return None
