"""Where a quotation was said, as the article tells it: evidence that one speaker's same
words are two utterances.

Campaign speakers repeat their lines from rally to rally ("This could be the great Trojan
horse of all time" at Portland, Maine, and again at Everett, Washington); the words alone
cannot part them. The venue the article names beside the quotation can: "At a rally in
Portland, Maine, ..." and "Trump warned in Everett, Wash., recently." A venue is read
only where articles write one (a place after "in" or "at" that a region follows, "in
Everett, Wash."; or a place after a word for an appearance, "a rally in Portland"), and
two venues disagree only when neither article names the other's place anywhere: reports
of one rally that name it differently ("in Portland" and "in Maine") do not disagree.
"""

from __future__ import annotations

import re
from functools import lru_cache

_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
# "in Everett, Wash.", "at Portland, Maine", "in Paris, France": a place and its region
_PLACE_AND_REGION = re.compile(rf"\b(?:in|at)\s+({_PLACE}),\s+(?:[A-Z][a-z]*\.(?:\s?[A-Z]\.)?|{_PLACE})")
# "a rally in Portland", "a town hall meeting at Durham": an appearance and its place
_APPEARANCE = re.compile(
    r"\b(?:rally|speech|event|stop|appearance|town hall|meeting|fundraiser|conference|address|remarks|visit|"
    rf"forum|debate|convention|gathering)\s+(?:[a-z]+\s+){{0,2}}(?:in|at)\s+({_PLACE})\b")
# capitalised words after "in"/"at" that are times or institutions, not places
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An His Her Their Its This That "
    "Congress Senate House Parliament Court Washington".split())
_QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]?|[‘'][^‘’'\n]{20,}[’']")


def _paragraph(text: str, at: int) -> str:
    start = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", at)
    return text[start + 2 if start >= 0 else 0:end if end >= 0 else len(text)]


def venues(text: str, at: int) -> frozenset[str]:
    """The places the paragraph around character ``at`` names as where someone spoke,
    outside its quotations (a place inside the quoted words is what was talked about).

    >>> sorted(venues("At a rally in Portland, Maine, on Thursday, Trump spoke. \\"A line,\\" he said.", 60))
    ['Portland']
    >>> sorted(venues('"Bad things," Trump warned in Everett, Wash., recently. "A line."', 50))
    ['Everett']
    >>> sorted(venues('"We fight in Paris, France," he said in January, Congress.', 10))
    []
    """
    return _venues(_paragraph(text, at))


@lru_cache(maxsize=1024)
def _venues(paragraph: str) -> frozenset[str]:
    # an article's new wordings in one paragraph ask the same (a relink or a bulk load)
    said = _QUOTED.sub(" ", paragraph)
    found = {m.group(1) for pattern in (_PLACE_AND_REGION, _APPEARANCE) for m in pattern.finditer(said)}
    return frozenset(p for p in found if p.split()[0] not in _NOT_PLACES)


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[A-Z][a-z]+", text))


def disagree(a_text: str, a_venues: frozenset[str], b_text: str, b_venues: frozenset[str]) -> bool:
    """Whether two quotations were said at two places: both articles name a venue, and
    neither names any of the other's venues anywhere in its text.

    >>> disagree("in Portland, Maine", frozenset({"Portland"}), "in Everett, Wash.", frozenset({"Everett"}))
    True
    >>> disagree("in Portland, Maine", frozenset({"Portland"}), "Portland's rally", frozenset({"Maine"}))
    False
    """
    if not a_venues or not b_venues or a_venues & b_venues:
        return False
    a_words, b_words = _words(a_text), _words(b_text)
    return not any(set(p.split()) <= b_words for p in a_venues) and not any(
        set(p.split()) <= a_words for p in b_venues)
