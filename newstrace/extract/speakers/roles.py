"""Roles and titles: "the spokesperson" is the person the article called "SDF spokesperson
Mustafa Bali"; "The Ohio governor" the "Ohio Gov. John Kasich" named before; "the Pope" the
"Pope Francis"; and an epithet after a quote ("the South Carolina Republican") the speaker
just named."""

from __future__ import annotations

import re
from bisect import bisect_left

from newstrace.extract.speakers.article import Article
from newstrace.extract.speakers.names import POSSESSIVE, clean_name, is_short_form_or_equal, tokens
from newstrace.extract.speakers.words import (
    AGENT_NOUNS, COLLECTIVE_NOUNS, DETERMINERS, PERSON_NOUNS, PUBLIC_BODY_WORDS)


def role(src):
    """'the spokesperson', 'The Ohio governor': the person the article gave that role or
    title before (in a headline or lead, the one it gives it next).

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = "SDF spokesperson Mustafa Bali said the fight went on. Later the spokesperson said it was over."
    >>> resolve_all(t, [("SDF spokesperson Mustafa Bali", "said"), ("the spokesperson", "said")])[-1]
    ('Mustafa Bali', 'role')
    """
    person = _role_person(src.art, src.desc, src.start, src.previous)
    return src.resolved(person, "person") if person else None


def title_holder(src):
    """'The President', 'the Pope': the person last called 'President ...', 'Pope ...'.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "Pope Francis met bishops in Rome.\\n\\nThe Pope said the church must change."
    >>> resolve_one(t, "The Pope")
    ('Francis', 'title_holder')
    """
    titled = _title_holder(src.art, src.desc, src.start)
    return src.resolved(titled, "person") if titled else None


def epithet(src):
    """'the South Carolina Republican' after "said Gowdy": the person who just spoke; so
    is '"...," Obama's former campaign strategist said' after "David Axelrod ... called
    on", but not "Trump's spokesman" after Trump, nor "Pagliano's lawyer has said"
    opening a sentence.

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = 'Trey Gowdy said the report was late. "We waited," the South Carolina Republican said.'
    >>> resolve_all(t, [("Trey Gowdy", "said"), ("the South Carolina Republican", "said")])[-1]
    ('Trey Gowdy', 'epithet')
    >>> t = "Prime Minister David Cameron spoke. Cameron will work with him, the prime minister's spokesman said."
    >>> resolve_all(t, [("Cameron", "will work"), ("the prime minister's spokesman", "said")])[-1]
    ("the prime minister's spokesman", 'description')
    """
    desc, content, start, previous = src.desc, src.content, src.start, src.previous
    words = desc.casefold().split()
    # "the spokesman" again after "the prime minister's spokesman" spoke: that one
    if len(words) == 2 and words[0] == "the" and previous and previous.kind == "description" \
            and (previous.speaker or "").casefold().split()[-1:] == words[-1:] and words[-1] in PERSON_NOUNS \
            and start - previous.position < 1200:
        return src.resolved(previous.speaker, "description")
    # someone's spokesman speaks for someone else: a new speaker
    if words and words[-1] in AGENT_NOUNS and re.search(r"\w['’]s?\s", desc):
        return None
    possessor = None
    if desc and POSSESSIVE.search(desc.split()[0]) and content and min(s for s, _ in content) < start:
        possessor = clean_name(desc.split()[0])
    if len(words) >= 2 and (words[0] == "the" or (possessor and possessor[:1].isupper())) \
            and "," not in desc:  # not a name with its apposition: "The Yankees, Boston's top rival"
        if words[-1] in PERSON_NOUNS and previous and previous.kind == "person" \
                and start - previous.position < 1200 and " and " not in desc \
                and not (possessor and is_short_form_or_equal(possessor, previous.speaker or "")) \
                and _owner(src.art, desc, start) != previous.speaker:
            return src.resolved(previous.speaker, "person")
    return None


def _owner(art: Article, desc: str, start: int) -> str | None:
    """Whom a description says its person belongs to: "the prime minister's spokesman"
    -> the person the article made prime minister; "Cameron's spokesman" -> David Cameron.
    Someone's spokesman is not that someone (the last speaker, when it was them)."""
    m = re.match(r"(?:the\s+)?(?P<owner>[^'’]+?)['’]s?\s+\S", desc, re.IGNORECASE)
    if not m:
        return None
    owner = m.group("owner")
    person = art.person_full(clean_name(owner))
    if person:
        return person
    the_owner = "the " + owner
    return _role_person(art, the_owner.casefold(), start) or _title_holder(art, "the " + owner.title(), start)


# the headline and the sentence after it: where news prose names a speaker after describing them
_LEAD_SENTENCES = 1


def _title_holder(art: Article, desc: str, start: int) -> str | None:
    """'The President' -> the person last called 'President ...' before the source
    ('President Donald Trump'), 'the Pope' -> 'Pope Francis': a capitalised title after
    "the" names an office the article gave someone. Not in a headline (title case)."""
    m = re.fullmatch(r"[Tt]he ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", desc)
    if not m or art.in_headline(start):
        return None
    title = re.compile(rf"\b{re.escape(m.group(1))}\s+$")
    # or after the name, as an apposition: "Geoff Hoon, the Defence Secretary,"
    after = re.compile(rf"(?:['’]s)?,\s+(?:the\s+)?(?:[\w.'’-]+\s+){{0,3}}?{re.escape(m.group(1))}\b")
    for p in reversed(art.persons[:bisect_left(art.person_starts, start)]):
        if not p.headline and (title.search(art.text[max(0, p.start - 30):p.start])
                               or after.match(art.text, p.end, p.end + 80)):
            return art.fullest(p.text)
    return None


def _role_person(art: Article, desc: str, start: int, previous=None) -> str | None:
    """'the spokesperson' -> the person the article called 'SDF spokesperson' before; in the
    headline or the lead, where the name often comes after ('Retired General Reveals ...',
    then 'Retired U.S. Air Force Gen. Norman Ham'), the person it next gives that role."""
    words = desc.split()
    # "a federal judge in Texas": the role is the word before a place or a body after it
    at = next((k for k, w in enumerate(words) if k >= 2 and w in ("in", "of", "at", "from", "for")), len(words))
    where: list[str] = []  # the place or body, which an earlier holder must have near ("The president of Turkey")
    if at < len(words) and all(w[:1].isupper() or w in ("the", "and") for w in words[at + 1:]):
        words, where = words[:at], [w for w in words[at + 1:] if w[:1].isupper()]
    headline = art.in_headline(start)
    owners = ("the", "this", "our", "his", "her", "their")  # "his daughter": the one named "his daughter X"
    # "A federal judge ruled ...", then "U.S. District Judge Gray Miller ruled ...": a lead's
    # indefinite description is the one person the next sentence gives its role
    indefinite = words[:1] in (["a"], ["A"], ["an"], ["An"]) and art.sentence_of(start) <= _LEAD_SENTENCES
    if len(words) < 2 or not (headline or ((words[0].casefold() in owners or indefinite) and words[-1].islower())):
        return None
    if any(w[:1].isupper() for w in words[1:-1] if w.casefold() not in DETERMINERS) and len(words) > 4:
        return None
    head = words[-1].casefold()
    if head not in PERSON_NOUNS and (head in PUBLIC_BODY_WORDS or head in COLLECTIVE_NOUNS):
        return None  # a body is no person's role: 'Obama Administration Flips Bush' (NER: "Flips Bush")
    found = [(pos, person) for role, person, pos in art.roles if role == head and pos < start
             and all(w in art.text[max(0, pos - 60):pos + len(person) + 80] for w in where)]
    if found and re.search(r"\b[a-z]+['’]s\s", desc) and previous is not None \
            and art.fullest(max(found)[1]) != previous.speaker:
        # "the beer distributor's president" is of the distributor, not the "Park Dietz,
        # president of Threat Assessment Group" named before; "the ship's owner" is the owner
        # who just spoke
        found = []
    if found and not indefinite:
        return art.fullest(max(found)[1])
    person = None if indefinite else _titled_person(art, words, head, start)
    if person:
        return person
    if head not in PERSON_NOUNS | AGENT_NOUNS:
        return None
    if indefinite or not (headline or art.sentence_of(start) <= _LEAD_SENTENCES):
        # "The ship's owner said ...", then "Wicharn Sirichaiekawat, owner of the Ekawat
        # Nava 5, said": the next sentence names the one person the article gives the role;
        # only a role of someone's (not '"...," the senator said', then "Sen. Claire McCaskill")
        if not (indefinite or words[0].casefold() in ("his", "her", "their") or re.search(r"\w['’]s?$", words[-2])):
            return None
        sentence = art.sentence_of(start)
        hi = art.sent_starts[sentence + 2] if sentence + 2 < len(art.sent_starts) else len(art.text)
        holders = {art.fullest(person) for role, person, pos in art.roles + art.title_roles if role == head}
        later = [(pos, person) for role, person, pos in art.roles + art.title_roles
                 if role == head and start < pos < hi and not art.quoted(pos)]
        return art.fullest(min(later)[1]) if later and len(holders) == 1 else None
    if headline or art.sentence_of(start) <= _LEAD_SENTENCES:
        # cataphora: the first person given the role after the source, outside the
        # headline (whose title case makes NER read "Endorsed Trump" as a person)
        later = [(pos, person) for role, person, pos in art.roles + art.title_roles
                 if role == head and start < pos < start + 1500 and not art.in_headline(pos)]
        if later:
            return art.fullest(min(later)[1])
    return None


def _titled_person(art: Article, words: list[str], head: str, start: int) -> str | None:
    """'The Ohio governor' -> the 'Ohio Gov. John Kasich' named before. A bare 'the senator'
    is the last person so titled unless someone else was named since, in its sentence, the
    one before or the last 400 characters: in 'Cruz defends ...: "...," the senator says',
    Cruz, untitled, is meant, not the 'Sen. John McCain' named paragraphs before."""
    places = [w for w in words[1:-1] if w[:1].isupper()]
    holders = [(pos, person) for role, person, pos in art.title_roles if role == head and pos < start
               and all(w in art.text[max(0, pos - 40):pos] for w in places)]
    if not holders:
        return None
    if places:
        return art.fullest(max(holders)[1])
    names = {art.fullest(person) for _, person in holders}
    sentence = art.sentence_of(start)
    for p in reversed(art.names):
        if p.start >= start:
            continue
        if p.sentence < sentence - 1 and start - p.end > 400:
            break
        person = p.text if p.label == "PERSON" else art.person_full(p.text)  # NER's ORG "Christie"
        # a person is someone the article names in full somewhere ("People complaining ..." is not)
        if person is None or art.quoted(p.start) or p.headline or len(tokens(art.fullest(person))) < 2:
            continue
        if art.fullest(person) not in names:
            return None
        break
    return art.fullest(max(holders)[1])
