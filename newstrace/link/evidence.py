"""What else than the words says two quotations are one statement: who is said to speak,
and whether the two articles tell one story.

Speakers are evidence, not a gate on strings: "Zadan" and "Craig Zadan and Neil Meron",
"Andrew Wetzler" and "Andrew Welzler" (a typo), "Larry Kroon" and "the church's
minister" may be one speaker; only two names that cannot be one person ("Angela Merkel",
"Barack Obama") say two. This is the one place that answers it, so that one speaker id
per person across the store can answer it first (``one_person``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from newstrace.extract.speakers import is_short_form_or_equal, speaker_key as name_key
from newstrace.link.speakers import is_group_word
from newstrace.records import PRONOUNS

_MEMBERS = re.compile(r"\s*(?:,|&|\band\b)\s*")
_CAPITALISED = re.compile(r"(?<![.!?\n]\s)(?<!^)\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b")


def is_name(speaker: str | None) -> bool:
    """"Abu Abdul-Azim", not "an unidentified militant", "the company", "he" or, capitalised
    at a sentence's start, "Authorities" (a group: the speakers across the store read it so
    too, ``link.speakers.is_group_word``).

    >>> is_name("Abu Abdul-Azim"), is_name("Authorities"), is_name("the company")
    (True, False, False)
    """
    if not speaker or speaker.casefold() in PRONOUNS or is_group_word(speaker):
        return False
    words = [w for w in speaker.replace("-", " ").split() if w[0].isalpha()]
    return bool(words) and words[0][0].isupper() and speaker.split()[0].lower() not in {"the", "a", "an"}


def _one_edit(a: str, b: str) -> bool:
    # equal but for one letter changed, added or dropped: "Wetzler" and "Welzler"
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _names_may_be_one(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    if ka == kb or is_short_form_or_equal(a, b) or is_short_form_or_equal(b, a):
        return True
    ta, tb = ka.split(), kb.split()
    return len(ta) == len(tb) and all(x == y or _one_edit(x, y) for x, y in zip(ta, tb))


def clearly_different(a: str | None, b: str | None) -> bool:
    """Whether two speakers are clearly two people: both named, and no person named in one
    ("Craig Zadan and Neil Meron" names two) may be one named in the other.

    >>> clearly_different("Zadan", "Craig Zadan and Neil Meron"), clearly_different("Andrew Wetzler", "Andrew Welzler")
    (False, False)
    >>> clearly_different("Larry Kroon", "the church's minister"), clearly_different("Angela Merkel", "Barack Obama")
    (False, True)
    """
    if not is_name(a) or not is_name(b):
        return False
    members_a = [m for m in _MEMBERS.split(a) if m] or [a]
    members_b = [m for m in _MEMBERS.split(b) if m] or [b]
    return not any(_names_may_be_one(x, y) for x in members_a for y in members_b)


def named_alike(a: str | None, b: str | None) -> bool:
    """Whether both speakers are named and the names may be one person.

    >>> named_alike("Merkel", "Angela Merkel"), named_alike("Merkel", "the chancellor")
    (True, False)
    """
    return is_name(a) and is_name(b) and not clearly_different(a, b)


@lru_cache(maxsize=1 << 14)
def speaker_group(speaker: str | None) -> str:
    """A key that parts identical short wordings by who says them: a name's key (the
    whole name: "Ivanka Trump" and "Donald Trump" are two), a description as written, ""
    when unknown. Wordings of two groups are two nodes, which an edge joins when the two
    may be one person (``one_person``): "Merkel" and "Angela Merkel" are, "Ivanka Trump"
    and "Donald Trump" are not.

    >>> speaker_group("Chancellor Angela Merkel"), speaker_group("the Publicist"), speaker_group("he")
    ('n:chancellor angela merkel', 'd:publicist', '')
    """
    if not speaker or speaker.casefold() in PRONOUNS:
        return ""
    if not is_name(speaker):
        words = speaker.casefold().split()
        return "d:" + " ".join(words[1:] if words[0] in ("the", "a", "an") and len(words) > 1 else words)
    key = name_key(speaker)
    return "n:" + (key or speaker.casefold())


def one_person(a: str | None, b: str | None, a_id: str | None = None, b_id: str | None = None,
               same_speaker: Callable[[str, str], bool | None] | None = None) -> bool | None:
    """Whether two speakers are one person: True, False (clearly two), or None (may be
    one: unknown, a description, a bare surname). The store's speaker ids answer first
    (``same_speaker(a_id, b_id)``: the speaker index, which has read first names,
    titles, parties and who appears with whom across the store); where they do not
    tell, the names: named alike is one, ``clearly_different`` is two.

    >>> one_person("Merkel", "Angela Merkel"), one_person("Angela Merkel", "Barack Obama"), one_person("he", "Obama")
    (True, False, None)
    >>> one_person("Mr L", "Ken L", "p1", "p1", lambda a, b: a == b or None)
    True
    >>> one_person("Bush", "Bush", "p1", "p2", lambda a, b: False)
    False
    """
    if a_id and b_id and same_speaker is not None:
        known = same_speaker(a_id, b_id)
        if known is not None:
            return known
    if clearly_different(a, b):
        return False
    return True if named_alike(a, b) else None


@lru_cache(maxsize=512)
def proper_words(text: str) -> frozenset[str]:
    """Capitalised words not at the start of a sentence: the names an article is about."""
    return frozenset(_CAPITALISED.findall(text))
