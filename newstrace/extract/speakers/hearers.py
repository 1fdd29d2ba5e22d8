"""Hearers are not speakers: the person who "was told" something heard it; whoever told
them is the speaker ("Smith was told by the minister that ..."), else no one the text
names. So for the others a passive addresses ("Affected travelers were advised to
contact their airlines", "Anyone with any information is asked to contact police")."""

from __future__ import annotations

import re

from newstrace.extract.speakers.names import clean_name

# the verbs whose passive subject is the one addressed, not the one speaking
_ADDRESSED = r"(?:told|asked|advised|urged|warned|instructed|informed|reminded|encouraged|invited|ordered)"
_TOLD = re.compile(r"\b(?:was|were|been|being|is|are|be|get|gets|got|getting)\s+(?:\w+ly\s+)?(?P<verb>%s)\b"
                   % _ADDRESSED, re.IGNORECASE)
# the teller after the cue: "was told by Foreign Secretary Jack Straw", "were told by police"
_BY = re.compile(r"\s*(?:,\s*)?by\s+(?P<by>(?:the\s+)?[\w.’'-]+(?:\s+[A-Z][\w.’'-]*){0,4})")


def told(src):
    """A source whose cue is "was told", "were told", "were advised", "is asked": whoever
    addressed them, when the text says ("by ..."), else no speaker.

    >>> from newstrace.extract.speakers import resolve
    >>> from newstrace.extract.speakers.testing import attribution
    >>> t = "Residents were told to stay off the roads. Ann Lee was told by police to leave."
    >>> [tuple(s) for s in resolve(t, [attribution(t, "Residents", "were told"), attribution(t, "Ann Lee", "was told")])]
    [(None, 'told'), ('police', 'told')]
    """
    verb = _TOLD.search(src.cue)
    if not verb:
        return None
    art = src.art
    told = art.text.find(verb.group("verb"), src.end, src.end + 80)
    if told < 0 or re.search(r"\bby\s+$", art.text[max(0, src.start - 4):src.start]):
        return None  # the source is not the one addressed: "Sanders was asked by host Bill Maher"
    m = _BY.match(art.text, told + len(verb.group("verb")))
    if m:
        named = [p for p in art.persons_within(m.start("by"), m.end("by")) if p.end <= m.end("by")]
        if named:  # "by Emergencies Minister Yevgeny Zinichev"
            return src.resolved(art.fullest(named[-1].text), "person")
        by = clean_name(m.group("by"))
        person = art.person_full(by)
        if person:
            return src.resolved(person, "person")
        if by[:1].isupper():
            return src.resolved(art.fullest(by, "ORG"), "org")
        return src.resolved(" ".join(m.group("by").split()), "description")
    return src.resolved(None, "pronoun")
