"""Organisations as speakers: the organisation a source is about ("Crumbling Islamic State",
"the embattled Clinton Foundation"), and "the court", "the embassy" for the organisation
last named with every word of the description."""

from __future__ import annotations

import re
from bisect import bisect_left

from newstrace.extract.speakers.article import Article, Name
from newstrace.extract.speakers.names import POSSESSIVE
from newstrace.extract.speakers.words import COMPANY_NOUNS, DETERMINERS, EDGE_PUNCT, MEDIA_NOUNS, ORG_HEADS


def head_org(src):
    """An organisation that is the source, or that ends it after capitalised words or a
    word for a medium; NER's lone surnames ("Christie", ORG) are the person's.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("The World Bank has warned of a slowdown.", "The World Bank")
    ('The World Bank', 'head_org')
    >>> resolve_one("The blaze was in a car, news broadcaster NRK later reported.", "news broadcaster NRK")
    ('NRK', 'head_org')
    >>> t = "The quake struck at noon, the U.S. Geological Survey in Golden, Colo., said."
    >>> resolve_one(t, "the U.S. Geological Survey in Golden, Colo.,")
    ('the U.S. Geological Survey', 'head_org')
    """
    art = src.art
    org = _head_org(art, src.start, src.end)
    if org is None:
        return None
    person = art.person_full(org.text)  # NER often calls a lone surname an ORG
    if person:
        return src.resolved(person, "person")
    return src.resolved(art.fullest(org.text, org.label), "org")


def org_by_head(src):
    """'the archive', 'the appeals court': the organisation named last with every word of
    the description (``_org_by_head``).

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "Data came from the Gun Violence Archive. The archive said 250 died."
    >>> resolve_one(t, "The archive")
    ('Gun Violence Archive', 'org_by_head')
    >>> t = "Day's animal foundation said she died at home. The Doris Day Animal Foundation was set up in 1978."
    >>> resolve_one(t, "Day's animal foundation")
    ('Doris Day Animal Foundation', 'org_by_head')
    """
    org = _org_by_head(src.art, src.desc, src.start)
    return src.resolved(org, "org") if org else None


def _org_by_head(art: Article, desc: str, start: int) -> str | None:
    """'The archive' -> 'Gun Violence Archive': the last organisation named before the
    source, outside quotations and headlines, whose name has every word of the description
    ('the appeals court' is the 'Court of Appeals', not the Supreme Court; not 'his party',
    not 'a union'). A network is an outlet's (_last_outlet)."""
    # (a place it is based in says which: "The Luxembourg-based court")
    words = [w for w in desc.split() if not _BASED.fullmatch(w)]
    # a word of the name as the possessor: "Day's animal foundation" (the Doris Day Animal Foundation)
    owner = re.fullmatch(r"([A-Z][\w-]*)['’]s?", words[0]) if words else None
    if owner:
        words = ["the", owner.group(1).casefold(), *words[1:]]
    if not 2 <= len(words) <= 3 + bool(owner) or words[0].casefold() not in ("the", "this") \
            or not all(w.islower() for w in words[1:]) or words[-1] not in ORG_HEADS:
        return None
    at = bisect_left(art.name_starts, start)
    later = set()
    for k, n in enumerate(reversed(art.names)):
        if n.label != "ORG" or n.headline or art.quoted(n.start) or "," in n.text \
                or not re.search(r"(?<!^)\b[A-Z]|^(?![Tt]he\b)[A-Z]", n.text):
            continue  # (a comma: two names NER glued, "Prohibition Party, Reform Party"; no capital: "the supreme court")
        own = [w.casefold() for w in re.findall(r"[\w'’.&-]+", n.text) if w.casefold() not in DETERMINERS]
        if len(own) >= 2 and all(w in own or w + "s" in own for w in words[1:]):
            full = re.sub(r"^(?:the|a|an)\s+", "", art.fullest(n.text, n.label), flags=re.IGNORECASE)
            if len(art.names) - k <= at:
                return full
            later.add(full)
    # else the one such organisation the article names after it ("Day's animal foundation"
    # in a lead, "the Doris Day Animal Foundation" further on); with a possessor only
    return later.pop() if owner and len(later) == 1 else None


# a place's compound before a kind: "US-based software company Red Hat"
_BASED = re.compile(r"[\w.]+-(?:based|owned|run|headquartered|listed|backed)")


# a place after an organisation: " in Golden, Colo.,"
_PLACE_AFTER = re.compile(r"\s+(?:in|at)\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)"
                          r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?[\s,.]*$")


def _head_org(art: Article, start: int, end: int) -> Name | None:
    inside = [n for n in art.names[bisect_left(art.name_starts, start):bisect_left(art.name_starts, end)]
              if n.label in ("ORG", "NORP", "GPE") and n.end <= end]
    for n in inside:
        after = art.text[n.end:end]
        place = _PLACE_AFTER.match(after)
        if place and any(g.label == "GPE" and g.start == n.end + place.start(1) for g in inside):
            after = ""  # where the body sits: "the U.S. Geological Survey in Golden, Colo.,"
        rest = (art.text[start:n.start] + after).strip(EDGE_PUNCT + "s").casefold()
        if rest in ("", "the") and n.label == "ORG":
            return n
        # the organisation's kind in lower case before it: "news broadcaster NRK", "the
        # toy company Hasbro"
        lead = art.text[start:n.start].split()
        if n.label == "ORG" and lead and not art.text[n.end:end].strip(EDGE_PUNCT) \
                and all(w.islower() or _BASED.fullmatch(w) for w in lead) \
                and lead[-1] in MEDIA_NOUNS | ORG_HEADS | COMPANY_NOUNS:
            return n
    # "Crumbling Islamic State", "the embattled Clinton Foundation": ends with a known ORG
    source = art.text[start:end].strip(EDGE_PUNCT)
    source = POSSESSIVE.sub("", source)
    if art.persons_within(start, end):
        return None
    orgs = art.org_by_text()
    # the source's endings after each space, longest first, looked up among the ORGs
    for i in (k for k, ch in enumerate(source) if ch == " "):
        n = orgs.get(source[i + 1:])
        if n is not None:
            lead = source[:i].split()
            if all(w[:1].isupper() or w.casefold() in ("the", "a", "an") for w in lead) \
                    or lead[-1].casefold() in MEDIA_NOUNS | ORG_HEADS:  # "Hungarian daily newspaper X"
                return n
    return None
