"""The word lists the speaker rules read: data files in ``data/`` (one entry a line, each
file saying where its words come from), and the few closed classes of English grammar
(pronouns, determiners, prepositions) that are part of the rules themselves.

>>> "spokesperson" in PERSON_NOUNS and "governor" in PERSON_NOUNS  # with the titles' roles
True
>>> TITLE_ROLES["Gov"]
'governor'
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).parent / "data"


def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>``, in file order, without comments and blank lines.

    >>> word_list("no_one.txt")[:3]
    ('the', 'a', 'an')
    """
    with open(DATA / name, encoding="utf-8") as f:
        return tuple(line.split("#", 1)[0].strip() for line in f if line.split("#", 1)[0].strip())


TITLES = word_list("titles.txt")
TITLE_RE = re.compile(r"^(?:(?:" + "|".join(TITLES) + r")\.?\s+)+", re.IGNORECASE)
# what news prose sets before a person's name like a title ("Broadcaster Piers Morgan"),
# which NER takes into the name; only stripped from persons ("Cardinal Health" is a company)
OCCUPATION_RE = re.compile(r"^(?:(?:" + "|".join(word_list("occupations.txt")) + r")\s+)+(?=[A-Z])", re.IGNORECASE)
# the role an abbreviated title gives the person it precedes
TITLE_ROLES = dict(line.split("\t") for line in word_list("title_roles.tsv"))
# first names by gender: newstrace's own list of names in the news, then the US census's
# (where the two disagree, the news list decides)
NEWS_FEMALE, NEWS_MALE = frozenset(word_list("first_names_female.txt")), frozenset(word_list("first_names_male.txt"))
FEMALE = NEWS_FEMALE | (frozenset(word_list("first_names_female_census.txt")) - NEWS_MALE)
MALE = NEWS_MALE | (frozenset(word_list("first_names_male_census.txt")) - NEWS_FEMALE)
# surnames that East Asian names put first: a census first name among them gives no gender
SURNAMES_FIRST = frozenset(word_list("surnames_first.txt"))
# nouns that give the person they name a gender ("His sister, Mahnefah Gray")
GENDERED_NOUNS = dict(line.split("\t") for line in word_list("gendered_nouns.tsv"))
# prefixes of ships' names ("INS Mysore"), which NER calls persons: vessels
SHIP_PREFIXES = frozenset(word_list("ship_prefixes.txt"))
ORG_WORDS = frozenset(word_list("organisation_words.txt"))
ORG_HEADS = frozenset(word_list("organisation_heads.txt"))
MEDIA_NOUNS = frozenset(word_list("media_nouns.txt"))
PERSON_NOUNS = frozenset(word_list("person_nouns.txt")) | frozenset(TITLE_ROLES.values())
# every word set before a name as a title or a role ("Detective Constable Daniel Dubé")
TITLE_WORDS = frozenset(TITLES) | frozenset(word_list("occupations.txt")) | PERSON_NOUNS | frozenset(GENDERED_NOUNS) \
    | frozenset(k.casefold() for k in TITLE_ROLES)
WORKS = word_list("works.txt")
COLLECTIVE_NOUNS = frozenset(word_list("collective_nouns.txt"))
COMPANY_NOUNS = frozenset(word_list("company_nouns.txt"))
AGENT_NOUNS = frozenset(word_list("agent_nouns.txt"))
PEOPLE_PLURALS = frozenset(word_list("people_plurals.txt"))
NOT_PEOPLE_PLURALS = frozenset(word_list("not_people_plurals.txt"))
PUBLIC_BODY_WORDS = frozenset(word_list("public_body_words.txt")) | ORG_HEADS
# sources that name no one: a determiner or a word left alone by a broken span
NO_ONE = frozenset(word_list("no_one.txt")) | {""}

# grammar: closed classes, part of the rules
EDGE_PUNCT = " \t\n,;:.!?\"'“”‘’()[]—–-"
HE = frozenset({"he", "him", "himself", "his"})
SHE = frozenset({"she", "her", "herself", "hers"})
FIRST = frozenset({"i", "me", "my", "we", "us", "our", "myself", "ourselves"})
GROUP = frozenset({"they", "them", "themselves", "it", "itself", "its", "their"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "another", "one", "some"})
PREPOSITIONS = frozenset({"for", "of", "to", "with", "from", "by", "about", "on", "against", "at", "in", "near"})
POSSESSORS = frozenset({"his", "her", "their", "its", "our", "my", "your", "both", "all"})
QUANTIFIERS = frozenset("many most several all both few two three four five other others more dozens hundreds "
                        "thousands millions".split())
NOT_ROLES = DETERMINERS | PREPOSITIONS | {"and", "said", "says", "told", "by"}
