"""A "he" or a "she" for a person the prose described and never named: the sentence before
made "one of the victims" or "a 17-year-old girl" the subject of a clause, and no one was
named since ("One of the victims decided to allow her name to be made public. She said ...").
The rules of ``pronouns`` read named persons only, and give such a pronoun the last woman or
man named before, often the one who spoke a paragraph earlier."""

from __future__ import annotations

import re

from newstrace.extract.speakers.groups import is_people
from newstrace.extract.speakers.words import AGENT_NOUNS, GENDERED_NOUNS, HE, PERSON_NOUNS, SHE

# a clause's subject: at the sentence's start, or after a conjunction or a comma; "one of the
# <people>" or an indefinite "a <person noun>", an apposition of a few words after it ("one of
# their daughters, aged 17,"), then a verb (a past tense or an auxiliary)
_SUBJECT = re.compile(
    r"(?:^[\"“]?|\b(?:[Aa]fter|[Ww]hen|[Bb]ecause|[Aa]s|[Ww]hile|[Bb]efore|[Ss]ince|[Uu]ntil|[Oo]nce|and|but|so|then)\s+)"
    r"(?P<d>[Oo]ne\s+of\s+(?:the|their|his|her|its|our|these|those)\s+(?:[a-z][\w-]*\s+){0,2}(?P<plural>[a-z][\w-]*)"
    r"|(?:[Aa]n?)\s+(?:[\w-]+\s+){0,3}?(?P<head>[a-z][\w-]*))"
    r"(?P<appos>,[^,.;:!?\"“”()]{1,40},)?\s+(?:[a-z]+ed|was|had|did|has|is)\b")
_PRONOUN = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)


def _singular(plural: str) -> str:
    """>>> [_singular(w) for w in ("daughters", "children", "women", "victims")]
    ['daughter', 'child', 'woman', 'victim']"""
    return {"children": "child", "women": "woman", "men": "man", "people": "person"}.get(
        plural, plural[:-1] if plural.endswith("s") else plural)


def described_person(src):
    """'She' opening a sentence, where the sentence before (same paragraph) made a person it
    did not name the subject of a clause, of the pronoun's gender by the noun ("one of their
    daughters") or by a pronoun of that person's later in that sentence ("decided to allow her
    name"), and no one was named since: that description, as written.

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = ("Prosecutor Kama Melly QC said the victims were vulnerable. One of the victims decided to "
    ...      "allow her name to be made public. She said she did this to show victims there is nothing "
    ...      "to be ashamed of.")
    >>> resolve_all(t, [("Prosecutor Kama Melly QC", "said"), ("She", "said")])[-1]
    ('One of the victims', 'described_person')
    >>> t = ("Louise Turpin was sentenced. The parents were arrested after one of their daughters, aged 17, "
    ...      "escaped and phoned 911. She did not know the address.")
    >>> resolve_all(t, [("Louise Turpin", "was"), ("She", "did not know")])[-1]
    ('one of their daughters', 'described_person')

    Not a person named in the description ("One of the candidates, Jane Doe, said"), nor one
    of the other gender ("One of the victims lost his job. She said").
    """
    if src.low not in HE and src.low not in SHE:
        return None
    art, start = src.art, src.start
    k = art.sentence_of(start)
    if k == 0 or art.text[art.sent_starts[k]:start].strip(" \t\"“'‘") or art.quoted(start):
        return None  # not a pronoun that opens its sentence
    lo, hi = art.sent_starts[k - 1], art.sent_starts[k]
    lo += len(art.text[lo:hi]) - len(art.text[lo:hi].lstrip())  # (a sentence that opens a paragraph)
    before = art.text[lo:hi]
    if "\n" in before.strip():
        return None  # (a paragraph between)
    gender = "f" if src.low in SHE else "m"
    for m in reversed(list(_SUBJECT.finditer(before))):
        noun = _singular(m.group("plural")) if m.group("plural") else m.group("head")
        if m.group("plural") and not is_people(m.group("plural")):
            continue
        if m.group("head") and noun not in PERSON_NOUNS and noun not in GENDERED_NOUNS and noun not in AGENT_NOUNS:
            continue
        said = GENDERED_NOUNS.get(noun)
        if said is None:  # the person's own pronouns after the subject, in that sentence
            seen = {("f" if p.casefold() in SHE else "m") for p in _PRONOUN.findall(before[m.end("d"):])}
            said = seen.pop() if len(seen) == 1 else None
        if said != gender:
            return None
        if art.persons_within(lo + m.start("d"), start) or art.quoted(lo + m.start("d")):
            return None  # someone named since, or inside the description
        return src.resolved(m.group("d"), "description")
    return None
