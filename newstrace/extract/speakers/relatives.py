"""Relative pronouns: "who", "which", "that" are the name or noun phrase right before them
("Norton, which declined to comment"; "Howard Rubel, a senior analyst at Jefferies, who";
"a 28-year-old Australian gunman who")."""

from __future__ import annotations

import re

from newstrace.extract.speakers.article import Article
from newstrace.extract.speakers.base import Resolved
from newstrace.extract.speakers.names import clean_description
from newstrace.extract.speakers.words import PREPOSITIONS, RELATIVE


def relative(src):
    """'who', 'which', 'that' (also "who appointed Murphy to her position in 2017,"): the
    person, organisation or description right before.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("The book came from W. W. Norton, which said it was proud of it.", "which")
    ('W. W. Norton', 'relative')
    >>> t = ("The show, hosted by Bernard McGuirk and Sid Rosenberg, who both worked for Imus, tweeted: "
    ...      '"I-Man. We salute you."')
    >>> resolve_one(t, "who both worked for Imus")
    ('Bernard McGuirk and Sid Rosenberg', 'relative')
    """
    if src.low in RELATIVE or (src.low.split(" ", 1)[0] == "who" and " " in src.low):
        res = _relative(src.art, src.start)
        if res.kind == "person" and _MANY.match(src.low):
            res.speaker = _pair_before(src.art, res.speaker, src.start) or res.speaker
        return res
    return None


# a "who" that speaks for more than one: "Bernard McGuirk and Sid Rosenberg, who both worked"
_MANY = re.compile(r"who\s+(?:both|each|together|jointly|all)\b")


def _pair_before(art: Article, second: str, start: int) -> str | None:
    """'Bernard McGuirk and Sid Rosenberg, who both': the two persons joined by "and" right
    before a relative pronoun that speaks for more than one."""
    persons = [p for p in art.persons if p.end <= start and start - p.end <= 100]
    if len(persons) < 2 or not re.fullmatch(r"\s*,?\s*", art.text[persons[-1].end:start]):
        return None
    first = persons[-2]
    if re.fullmatch(r",?\s+(?:and|&)\s+", art.text[first.end:persons[-1].start]):
        return f"{art.fullest(first.text)} and {second}"
    return None


def relative_then_name(src):
    """A source that opens with the relative pronoun of a clause whose subject is a name
    ("the award, with which Time credits an individual"): that name, resolved as a source
    of its own.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "Time magazine named her. She received the award, with which Time credits an individual."
    >>> resolve_one(t, "which Time")
    ('Time', 'relative_then_name')
    """
    m = re.match(r"(?:which|that|whom|whose)\s+(?=[A-Z])", src.bare)
    if not m:
        return None
    from newstrace.extract.speakers.base import Source
    from newstrace.extract.speakers.registry import apply_rules

    start = src.start + src.text.find(src.bare) + m.end()
    rest = Source(src.art, src.art.text[start:src.end], start, src.end, src.previous, src.content, src.cue,
                  src.history, src.skip)
    res = apply_rules(rest, src.skip)
    if res.kind not in ("person", "org"):
        return None
    res.position, res.rule = src.start, None  # (recorded as this rule's answer)
    return res


# what may stand between a name and its "who": "Marco Rubio of Florida, who", "Kasich (R), who",
# and (for "who" only: "X, the president of the union, which" is the union) an apposition,
# "Danny Davis, a Democrat of Illinois, who"
_RELATIVE_GAP = (
    r"(?:,?\s+(?:Jr|Sr|II|III|IV)\b\.?)?"  # "Donald Trump Jr., who"
    r"(?:['’]s)?(?:\s+(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^)]*\))?"
)
_RELATIVE_GAP_WHICH = re.compile(_RELATIVE_GAP + r"\s*,?\s*")
_RELATIVE_GAP_WHO = re.compile(_RELATIVE_GAP + r"(?:\s*,\s+(?:a|an|the)\s+[^,.;:!?()\"“”]{1,60}?\s*,)?"
                               r"(?:\s*,\s*\d{1,3}\s*,)?\s*,?\s*")  # (and an age: "Thomas Gray, 24, who")


def _relative(art: Article, start: int) -> Resolved:
    """'a 28-year-old Australian gunman who': the noun phrase before the pronoun."""
    word = re.match(r"\w+", art.text[start:])
    low = word.group(0).casefold() if word else ""
    before = art.text[max(0, start - 120):start]
    allowed = _RELATIVE_GAP_WHO if low in ("who", "whom", "whose") else _RELATIVE_GAP_WHICH
    for p in reversed(art.persons):
        gap = art.text[p.end:start] if 0 <= start - p.end <= 100 else None
        if gap is not None and allowed.fullmatch(gap):
            return Resolved(art.fullest(p.text), "person", start, [])
    named = _named_before(art, start, low)
    if named is not None and low in ("which", "that"):  # "Norton, which declined to comment"
        return named
    phrase = noun_phrase_before(before)
    if phrase:
        return Resolved(clean_description(phrase), "description", start, [])
    return named or Resolved(low or None, "pronoun", start, [])


_DETERMINER = re.compile(r"\b(?:a|an|the|A|An|The)\s")
_PHRASE_PREPOSITION = re.compile(r"\s(?:of|for|at|in|from|on|with)\s+$")


def noun_phrase_before(before: str) -> str | None:
    """The noun phrase that ends ``before`` (a relative pronoun follows): from its last
    determiner, carried left over "of", "for", "at" ... to the determiner before; or a bare
    plural after a preposition. Not a clause: 'arrested the pirates, who' is the pirates.

    >>> noun_phrase_before("the commandos boarded the Salahaddin and arrested the pirates, ")
    'the pirates'
    >>> noun_phrase_before("he met the president of the union "), noun_phrase_before("fired tear gas at demonstrators ")
    ('the president of the union', 'demonstrators')

    An abbreviation's full stops are inside the phrase, and a plural after a quantifier or
    "people" after a preposition is one too:

    >>> noun_phrase_before("Too wicked for the U.S. government, ")
    'the U.S. government'
    >>> noun_phrase_before("because although there have been some studies ")
    'some studies'
    >>> noun_phrase_before("could be spread directly from person to person by people ")
    'people'
    """
    tail = re.search(r"(?:[^,.;:!?\"“”()]|(?<=\b[A-Z])\.){1,80}?[,\s]*$", before)
    segment = tail.group(0) if tail else ""
    offset = len(before) - len(segment)
    dets = [m.start() for m in _DETERMINER.finditer(segment)]
    if dets:
        k = len(dets) - 1
        while k > 0 and _PHRASE_PREPOSITION.search(segment[:dets[k]]) \
                and not re.search(r"\b(?:and|or|but|who|which|that)\b", segment[dets[k - 1]:dets[k]]) \
                and len(segment[dets[k - 1]:dets[k]].split()) <= 6:
            k -= 1
        return before[offset + dets[k]:].rstrip(" ,\t\n") or None
    # ("according to police, who said", "killed by police who claim")
    bare = re.search(r"\s(?:of|for|at|in|from|on|with|by|among|against|to)\s+"
                     r"([a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,2}s|police|people)[,\s]*$", before)
    if bare is None:  # "some studies that", "many residents who"
        bare = re.search(r"\b((?:some|many|several|other|few|most|these|those)\s+(?:[a-z][a-z'’-]*\s+){0,2}"
                         r"[a-z][a-z'’-]*(?<![sui'’])s)[,\s]*$", before)
    return bare.group(1) if bare else None


_NAME_MAY_FOLLOW = PREPOSITIONS | {"the", "and", "or", "as", "than", "like", "including", "called", "named"}


def _named_before(art: Article, start: int, low: str) -> Resolved | None:
    """The organisation (for "which", "that") or group of people (for "who": "Democrats,
    who"; a lone surname NER took for an organisation: "Christie, who") named right before
    a relative pronoun, and not as the object of a preposition when the pronoun is "who"
    ("a star anchor at Fox News who" is the anchor)."""
    for n in reversed(art.names):
        if n.end < start - 60:
            break
        if n.label not in ("ORG", "NORP") or not n.start < n.end <= start \
                or not re.fullmatch(r"\s*,?\s*", art.text[n.end:start]):
            continue
        if low in ("which", "that"):
            # not "a super PAC that": an abbreviation after a lower-case modifier is a kind
            # of thing, the end of a description, which the caller reads whole
            previous = re.search(r"(\w+)\s+$", art.text[max(0, n.start - 30):n.start])
            if n.label != "ORG" or (previous and previous.group(1).islower()
                                    and previous.group(1) not in _NAME_MAY_FOLLOW and n.text.isupper()):
                return None
            return Resolved(art.fullest(n.text, n.label), "org", start, [])
        if re.search(r"\b(?:of|at|on|in|for|from|with|by|to)\s+(?:the\s+)?$", art.text[max(0, n.start - 20):n.start],
                     re.IGNORECASE):
            return None
        if n.label == "NORP":
            return Resolved(n.text, "description", start, [])
        person = art.person_full(n.text)
        return Resolved(person, "person", start, []) if person else None
    return None

