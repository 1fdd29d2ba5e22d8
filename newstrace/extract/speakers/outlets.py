"""News outlets as speakers: an outlet named as the whole source ("the New York Times",
"the Times", "Sputnik") and "the newspaper" for the outlet named last."""

from __future__ import annotations

import re
from dataclasses import replace

from newstrace.extract.speakers.groups import the_company
from newstrace.extract.speakers.words import EDGE_PUNCT, MEDIA_NOUNS


def outlet_named(src):
    """An outlet that is the whole source (an article before it aside).

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("The letter was leaked, the New York Times reported.", "the New York Times")
    ('The New York Times', 'outlet_named')
    """
    text = src.art.text
    for o in src.art.outlets:
        if o.outlet and src.start <= o.start and o.end <= src.end:
            rest = (text[src.start:o.start] + text[o.end:src.end]).strip(EDGE_PUNCT + "s").casefold()
            if rest in ("", "the"):
                return src.resolved(o.outlet, "org")
    return None


def media_noun(src):
    """'the newspaper', 'the network' (three words at most): the outlet named last.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("The Orlando Sentinel obtained the memo. The newspaper said it was genuine.", "The newspaper")
    ('The Orlando Sentinel', 'media_noun')
    >>> resolve_one("Regulators fined the broadcaster Tokyo Broadcasting System on Monday. The network said it "
    ...             "would appeal.", "The network")
    ('Tokyo Broadcasting System', 'media_noun')
    """
    words = src.desc.casefold().split()
    if 2 <= len(words) <= 3 and words[0] == "the" and words[-1] in MEDIA_NOUNS:
        outlet = last_outlet(src.art, src.start)
        if outlet:
            return src.resolved(outlet, "org")
        if words[-1] in ("network", "broadcaster"):
            # no outlet of the list: a broadcaster is a business ("broadcast corporation
            # ABS-CBN ... the network"), the one ``the_company`` finds
            return the_company(replace(src, text="the company"))
    return None


def last_outlet(art, start: int) -> str | None:
    """The outlet named last before ``start`` ("the Orlando Sentinel ... The newspaper")."""
    best = None
    for o in art.outlets:
        if o.outlet and o.end <= start:
            best = (o.start, o.outlet)
    for n in art.names:
        if n.label == "ORG" and n.end <= start and re.search(
                r"\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Sentinel|Chronicle|Register|Inquirer|Star)$",
                n.text) and (best is None or n.start > best[0]):
            best = (n.start, n.text)
    return best[1] if best else None
