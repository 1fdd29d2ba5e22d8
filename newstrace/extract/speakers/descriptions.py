"""Descriptions as speakers: what is left when no rule names anyone ("an unidentified
Islamic State militant", "event organizers"), in a headline too; and whether a
description names one or many ("Prosecutors", "Six Gannett newspapers")."""

from __future__ import annotations

import re
from dataclasses import replace

from newstrace.extract.speakers.names import clean_description, speaker_key
from newstrace.extract.speakers.words import (
    AGENT_NOUNS, COMPANY_NOUNS, EDGE_PUNCT, GENDERED_NOUNS, ORG_HEADS, PERSON_NOUNS, PUBLIC_BODY_WORDS, QUANTIFIERS,
    TITLE_WORDS)


def headline_description(src):
    """In a headline (title case, or the first line before a blank one) a description is
    itself: NER reads title case badly, so no name is looked for in it.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("Retired General Reveals Plan\\n\\nThe plan is old.", "Retired General")
    ('Retired General', 'headline_description')

    A description of an organisation is the first the body names with its head word:

    >>> resolve_one("Thai political party withdraws nomination.\\n\\nOn Saturday, the Thai Raksa Chart Party "
    ...             "withdrew the princess as its candidate.", "Thai political party")
    ('Thai Raksa Chart Party', 'headline_description')

    and of a person, the first the lead names with its place near:

    >>> resolve_one("Hong Kong leader announces withdrawal of extradition bill.\\n\\nOn Wednesday, Carrie Lam, "
    ...             "the chief executive of Hong Kong, announced that her government will withdraw the bill.",
    ...             "Hong Kong leader")
    ('Carrie Lam', 'headline_description')
    """
    art = src.art
    first_line = art.text.find("\n")
    title = 0 < first_line and src.end <= first_line and art.text.startswith("\n", first_line + 1)
    if art.in_headline(src.start) or title:  # (a title that ends with a full stop, as Wikinews' do)
        body = _body_organisation(art, src.desc)
        if body:
            return src.resolved(body, "org")
        person = _body_person(art, src.desc)
        if person:
            return src.resolved(person, "person")
        subject = _body_subject(art, src)
        if subject:
            return subject
    if art.in_headline(src.start):
        return src.resolved(src.desc or None, "description")
    return None


def _body_subject(art, src):
    """The one a headline's description stands for where the lead tells the same act: the
    person or organisation named right before the headline's verb in the body's first three
    sentences ("Driver in New Hampshire multi-motorcycle crash pleads not guilty", then
    "Volodoymyr Zhukovskyy, 23, pleaded not guilty").

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = ("Driver in New Hampshire multi-motorcycle crash pleads not guilty.\\n\\nActing via his lawyers, "
    ...      "Volodoymyr Zhukovskyy, 23, pleaded not guilty on Tuesday to seven counts of negligent homicide.")
    >>> resolve_all(t, [("Driver in New Hampshire multi-motorcycle crash", "pleads")])
    [('Volodoymyr Zhukovskyy', 'headline_description')]
    """
    verb = src.cue.split()[0].casefold() if src.cue.split() else ""
    stem = _verb_stem(verb)
    words = re.split(r"\s(?:of|in|at|for|from|on|with)\s", src.desc, maxsplit=1)[0].split()
    if len(stem) < 3 or stem in _NO_ACT or looks_plural(src.desc) or not words \
            or not any(w[:1].islower() for w in src.desc.split()) or not (words[-1][:1].islower() or len(words) == 1):
        return None  # (a name is no description: "U.S.", "2016 Democrats")
    # the body: from its first line that is no headline nor dateline ("Friday, June 28, 2019")
    lo = next((m.start() for m in re.finditer(r"(?m)^[^\S\n]*\S", art.text) if m.start() > 0
               and not art.in_headline(m.end() - 1) and not _DATELINE.match(art.text, m.end() - 1)), -1)
    if lo < 0:
        return None
    first = art.sentence_of(lo)
    hi = art.sent_starts[first + 3] if first + 3 < len(art.sent_starts) else len(art.text)
    for w in re.finditer(r"\b[a-z]+\b", art.text[lo:hi]):
        at = lo + w.start()
        if _verb_stem(w.group(0)) != stem or art.quoted(at):
            continue
        opening = art.sent_starts[art.sentence_of(at)]
        named = [n for n in art.names if opening <= n.start and n.end <= at and n.label in ("PERSON", "ORG")
                 and _SUBJECT_GAP.fullmatch(art.text, n.end, at)]
        if named:
            n = named[-1]
            if n.label == "PERSON":
                return src.resolved(art.fullest(n.text), "person")
            return src.resolved(re.sub(r"^(?:the|a|an)\s+", "", art.fullest(n.text, "ORG"), flags=re.IGNORECASE), "org")
        return None  # (the first telling of the act only)
    return None


_DATELINE = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*$",
                       re.MULTILINE)


def _verb_stem(word: str) -> str:
    """A verb without its ending: "pleads" and "pleaded" are "plead"; "says" and "said" "say"."""
    word = _IRREGULAR.get(word, word)
    for ending in ("ing", "ed", "es", "s", "d"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)].rstrip("e")
    return word.rstrip("e")


_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write", "writes": "write"}
# what news sets between a subject and its verb: an age, a time, an adverb ("Zhukovskyy, 23,
# pleaded", "Sea-Eye on Sunday renamed", "X also said")
_SUBJECT_GAP = re.compile(r"(?:,\s+\d{1,3},)?(?:\s+(?:on|last|this)\s+[A-Z]?[a-z]+)?(?:\s+(?:also|has|have|had|was|were))?\s+")
# verbs of saying: a headline's "X says" has no act of its own for the lead to tell again
_NO_ACT = frozenset({"say", "tell", "write", "report", "claim", "announc", "warn"})


def _body_person(art, desc: str) -> str | None:
    """The person a headline's description of one stands for, in the body's first three
    sentences: the first given the description's role ("Indiana governor endorses Cruz" ->
    "Gov. Mike Pence"), else the first whose apposition holds the description's place or
    people ("Hong Kong leader announces ..." -> "On Wednesday, Carrie Lam, the chief
    executive of Hong Kong, announced")."""
    words = desc.split()
    # "Fiancée of murdered Saudi journalist": the role is the word before "of"
    of = next((k for k, w in enumerate(words) if w == "of"), len(words))
    role_words = words[:of]
    head = role_words[-1].casefold() if role_words else ""
    if not 2 <= len(words) <= 6 or not 1 <= len(role_words) <= 4 or head not in PERSON_NOUNS | GENDERED_NOUNS.keys():
        return None
    places = [w for w in role_words[:-1] if w[:1].isupper()]
    first_line = art.text.find("\n")
    body = [k for k, at in enumerate(art.sent_starts) if at >= first_line and not art.in_headline(at + 2)]
    if first_line < 0 or not body:
        return None
    lo = art.sent_starts[body[0]]
    hi = art.sent_starts[body[0] + 3] if body[0] + 3 < len(art.sent_starts) else len(art.text)
    given = [(pos, person) for role, person, pos in art.roles + art.title_roles if role == head and lo <= pos < hi]
    if given:  # ("Texas federal judge", "transport secretary": any words before the role)
        return art.fullest(min(given)[1])
    if not places or of < len(words) or not all(w[:1].isupper() or w.casefold() in ("the", "a", "an")
                                                for w in role_words[:-1]):
        return None
    for p in art.persons_within(lo, hi):
        m = _APPOSED.match(art.text, p.end)
        if m and not p.headline and not art.quoted(p.start) \
                and all(re.search(rf"\b{re.escape(w)}\b", m.group(0)) for w in places):
            return art.fullest(p.text)
    return None


# a description set after a name between commas: ", the chief executive of Hong Kong,",
# ", Puerto Rico's governor,"
_APPOSED = re.compile(r",\s+(?:(?:the|a|an)\s+|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+)[^,;:()\"“”]{2,80},")


def _body_organisation(art, desc: str) -> str | None:
    """The organisation a headline's description of one stands for: the first the body
    names with the description's head word ("Thai political party withdraws ..." -> Thai
    Raksa Chart Party; "..., Canadian police report" -> Kamloops Police)."""
    words = desc.casefold().split()
    if not 2 <= len(words) <= 3 or not all(w.isalpha() for w in words):
        return None
    head = words[-1]
    if head not in ORG_HEADS | PUBLIC_BODY_WORDS | COMPANY_NOUNS:
        return None
    for n in art.names:
        if n.label == "ORG" and not n.headline and not art.quoted(n.start) \
                and head in (w.casefold() for w in n.text.split()[1:]):
            return re.sub(r"^(?:the|a|an)\s+", "", art.fullest(n.text, "ORG"), flags=re.IGNORECASE)
    return None


# a word after a body's name that makes it a modifier: "the Troy police chief", "the Indian navy's"
_MODIFIES = re.compile(r"['’]|\s+(?:%s)\b" % "|".join(sorted(TITLE_WORDS | AGENT_NOUNS, key=len, reverse=True)))
_THE_NOUN = re.compile(r"(?:the|this|that)\s+(?P<noun>[a-z]+)", re.IGNORECASE)


def fuller_mention(src):
    """'the government' after 'the government of Samoa' in its paragraph, its sentence or
    the three before: the fuller mention of the same noun, a body named by its place ("of" and a
    name) or by a name before the noun ("the Trump administration").

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = ("On December 5 and 6, the government of Samoa executed a planned shutdown of public "
    ...      "services. The government said 128 vaccination teams participated.")
    >>> resolve_one(t, "The government")
    ('the government of Samoa', 'fuller_mention')
    >>> t = ("For weeks, the Trump administration has been trying to add the question. In late June, the "
    ...      "court ruled against it. A few days later, Trump announced he would drop his bid. A few days later "
    ...      "the administration said he would use an executive order.")
    >>> resolve_one(t, "the administration")
    ('the Trump administration', 'fuller_mention')
    """
    m = _THE_NOUN.fullmatch(src.desc)
    if not m or m.group("noun").casefold() not in PUBLIC_BODY_WORDS | ORG_HEADS:
        return None
    art = src.art
    # (or anywhere in its paragraph: the tagger may cut a sentence at a quoted question)
    lo = min(art.sent_starts[max(0, art.sentence_of(src.start) - 3)], art.text.rfind("\n", 0, src.start) + 1)
    noun = re.escape(m.group("noun").casefold())
    fuller = re.compile(r"\b[Tt]he\s+(?:(%s)\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
                        r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(%s)\b)" % (noun, noun))
    found = [f for f in fuller.finditer(art.text, lo, src.start) if not art.quoted(f.start())]
    if not found:
        # else the one fuller mention of the article, before or after ("the military said
        # ..." where "the Indian military" is the only military it names)
        # (not one that modifies a noun after it: "the Troy police chief")
        found = [f for f in fuller.finditer(art.text) if not art.quoted(f.start()) and not art.in_headline(f.start())
                 and not _MODIFIES.match(art.text, f.end())]
        if len({speaker_key(clean_description(f.group(0))) for f in found}) != 1:
            return None
    return src.resolved(clean_description(found[-1].group(0)), "description")


def the_same(src):
    """'The same study', 'the same official': the speaker resolved last whose description or
    name has that noun (within 3,000 characters), as it was resolved.

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = ("One study in the Journal of Threatened Taxa from March noted authorities seized 126 skins. "
    ...      "The same study also noted over 370 jackal horns seized in the same period.")
    >>> resolve_all(t, [("One study in the Journal of Threatened Taxa from March", "noted"),
    ...                 ("The same study", "also noted")])[-1]
    ('One study in the Journal of Threatened Taxa from March', 'the_same')
    """
    m = _THE_SAME.fullmatch(src.bare)
    if m is None:
        return None
    noun = m.group("noun").casefold()
    for res in reversed(src.history):
        if src.start - res.position > 3000:
            break
        if res.speaker and noun in res.speaker.casefold().split():
            return src.resolved(res.speaker, res.kind)
    return None


_THE_SAME = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+same\s+(?P<noun>[a-z][\w-]*)")


# what follows a source's head and is no part of who speaks: a relative clause, the members
# named of a group ("The new members of the House, which include 235 Democrats", "many U.S.
# generals, including President Ulysses S. Grant,"); and after a name, its description in
# apposition ("UOKiK, the Polish anti-monopoly agency,", "The Yankees, Boston's top rival,")
_CLAUSE = re.compile(r"(?:,|\s+--?|\s*[—–])\s*(?:who|whom|whose|which|including|such\s+as)\b"
                     r"|\s+(?:including|such\s+as)\s")
_APPOSED_TO_NAME = re.compile(r",\s+(?:the|a|an|[A-Z][\w.-]*['’]s)\s+\w")
_ABBREVIATION = re.compile(r"\s+\([A-Z][\w&.-]{1,10}\)?$")  # "(IRGC)", its bracket cut or not


def clause_cut(src):
    """A source whose head is followed by a relative clause, the members of its group, or
    (after a name) a description in apposition: the head, as the rules resolve it.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = ("The Iranian Revolutionary Guard Corps (IRGC), which includes the Quds Force, declared that "
    ...      "Soleimani was martyred.")
    >>> resolve_one(t, "The Iranian Revolutionary Guard Corps (IRGC), which includes the Quds Force,")
    ('The Iranian Revolutionary Guard Corps', 'clause_cut')
    >>> t = "Reporters met one woman, who identified herself as the owner. She said it was loud."
    >>> resolve_one(t, "one woman, who identified herself as the")
    ('one woman', 'clause_cut')
    >>> t = "UOKiK, the Polish anti-monopoly agency, approved the deal on Monday."
    >>> resolve_one(t, "UOKiK, the Polish anti-monopoly agency,")
    ('UOKiK', 'clause_cut')
    """
    art = src.art
    if art.text[src.start:src.end] != src.text:
        return None  # (one fragment: the words as the article has them)
    m = _CLAUSE.search(src.text)
    if m is None:
        m = _APPOSED_TO_NAME.search(src.text)
        if m is None or not _a_name(src.text[:m.start()]):
            return None
    head = src.text[:m.start()].rstrip()
    if not head.strip(EDGE_PUNCT):
        return None
    from newstrace.extract.speakers.registry import apply_rules  # (here: the registry imports this module)

    # (not the ranker's: its weights were fitted on whole sources)
    res = apply_rules(replace(src, text=head, end=src.start + len(head)),
                      skip=set(src.skip) | {"clause_cut", "ranked_he_she", "ranked_description"})
    if res.speaker and res.rule == "description":
        res.speaker = _ABBREVIATION.sub("", res.speaker)  # ("The Iranian Revolutionary Guard Corps (IRGC)")
    res.rule = None  # (recorded as this rule's)
    return res


def _a_name(text: str) -> bool:
    """Whether ``text`` is a name: one to five words, each capitalised after a determiner."""
    words = [w for w in text.split() if w.casefold() not in ("the", "a", "an")]
    return 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words)


def description(src):
    """The source as a description: the last rule, which always answers.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("An unidentified official said little.", "An unidentified official")
    ('an unidentified official', 'description')
    """
    return src.resolved(src.desc or None, "description")


def looks_singular(name: str) -> bool:
    words = name.casefold().split()
    if words and (words[0] in QUANTIFIERS or words[0] in ("some", "those", "these")):
        return False  # "many", "some of them", "those who ...": a "he" is none of them
    last = name.split()[-1] if name.split() else ""
    return not (last.endswith("s") and last[:1].islower())


def looks_plural(name: str) -> bool:
    """Whether a description names many, by its head, the last word before any comma,
    preposition or relative clause: "Prosecutors", "Six Gannett newspapers in New Jersey,
    including the Asbury Park Press", "Several senior Democrats with ties to ..."; a
    capitalised plural counts only where no name can be: alone, or after a quantity."""
    head = re.split(r",|\s(?:in|of|at|from|for|on|with|including|who|that|which|to|by)\s", name, maxsplit=1)[0]
    words = head.split()
    last = words[-1] if words else ""
    if not looks_singular(name) or last.casefold() in ("people", "men", "women", "children", "police"):
        return True  # the older reading ("voters" at the end) stays
    if not last.endswith("s") or last.endswith(("ss", "'s", "’s", "us", "is")):
        return False
    return last[:1].islower() or len(words) == 1 or words[0].casefold() in QUANTIFIERS
