"""Hearers are not speakers: the person who "was told" something heard it; whoever told
them is the speaker ("Smith was told by the minister that ..."), else no one the text
names."""

from __future__ import annotations

import re

from newstrace.extract.speakers.names import clean_name

_TOLD = re.compile(r"\b(?:was|were|been|being|is|are|be|get|gets|got|getting)\s+(?:\w+ly\s+)?told\b", re.IGNORECASE)
# the teller after the cue: "was told by Foreign Secretary Jack Straw", "were told by police"
_BY = re.compile(r"\s*(?:,\s*)?by\s+(?P<by>(?:the\s+)?[\w.’'-]+(?:\s+[A-Z][\w.’'-]*){0,4})")


def told(src):
    """A source whose cue is "was told", "were told": whoever told them, when the text
    says ("by ..."), else no speaker.

    >>> from newstrace.extract.speakers import resolve
    >>> from newstrace.extract.speakers.testing import attribution
    >>> t = "Residents were told to stay off the roads. Ann Lee was told by police to leave."
    >>> [tuple(s) for s in resolve(t, [attribution(t, "Residents", "were told"), attribution(t, "Ann Lee", "was told")])]
    [(None, 'told'), ('police', 'told')]
    """
    if not _TOLD.search(src.cue):
        return None
    art = src.art
    told = art.text.find("told", src.end, src.end + 200)
    m = _BY.match(art.text, told + 4) if told >= 0 else None
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
