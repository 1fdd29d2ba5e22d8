"""Groups and bodies named by a noun: "they" for the group the prose last made a subject
("The researchers used satellite imagery ... they observed"), "the company" for the
business the article is about, "the latter" and "the former" for the last two named."""

from __future__ import annotations

import re
from bisect import bisect_left

from newstrace.extract.speakers.names import clean_description, tokens
from newstrace.extract.speakers.pronouns import they_it
from newstrace.extract.speakers.words import (
    COLLECTIVE_NOUNS, COMPANY_NOUNS, GENDERED_NOUNS, GROUP, NOT_PEOPLE_PLURALS, PEOPLE_PLURALS, PREPOSITIONS, PUBLIC_BODY_WORDS)

# the endings of plurals that name people: "researchers", "scientists", "officials" (listed)
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "ees", "men", "ives")


def is_people(word: str) -> bool:
    """Whether a lower-case word names a group of people: a plural of people or a body.

    >>> [is_people(w) for w in ("researchers", "council", "police", "results", "numbers")]
    [True, True, True, False, False]
    """
    return word not in NOT_PEOPLE_PLURALS and (
        word in PEOPLE_PLURALS or word in COLLECTIVE_NOUNS or word.endswith(_PEOPLE_ENDINGS))

# where a noun phrase may open a sentence or a clause ("When the royal council met,")
_OPENER = re.compile(
    r"(?:^|[.;:!?][\"”’']?\s+|\n\s*|\b(?:[Ww]hen|[Aa]fter|[Bb]efore|[Aa]s|[Ww]hile|[Oo]nce|[Ss]ince|[Bb]ut|[Aa]nd|[Ss]o|"
    r"[Tt]hen)\s+)(?!(?:[Mm]any|[Mm]ost)\s+as\b)(?P<det>(?:[Tt]he|[Tt]hese|[Tt]hose|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Bb]oth|[Aa]ll)\s+)")
_WORD = re.compile(r"([\w’'-]+)(\s*)")


def _group_head(text: str, at: int) -> int | None:
    """Where the noun phrase that starts at ``at`` (after its determiner) ends, when within
    four words it reaches a group of people ("researchers", "council": ``is_people``) in
    lower case that ends it (before a verb or a comma, not before "of" or "who")."""
    pos = at
    for _ in range(4):
        m = _WORD.match(text, pos)
        if not m:
            return None
        word, pos = m.group(1), m.end()
        nxt = _WORD.match(text, pos)
        follows = nxt.group(1).casefold() if nxt and m.group(2) else ""
        if word[:1].islower() and is_people(word) and follows not in ("of", "who", "that", "which", "and", "'s", "’s"):
            return m.end(1)
        if not m.group(2) or text[pos:pos + 1] in ",.;:":
            return None
    return None


def group_subject(src):
    """'they', 'them', 'their' for the plural or collective noun phrase that last opened a
    sentence or a clause, in its sentence or the two before, outside quotations.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "When the royal council met, they chose to open the letter."
    >>> resolve_one(t, "they")
    ('the royal council', 'group_subject')
    """
    if src.low not in GROUP or src.low in ("it", "its", "itself"):
        return None
    art = src.art
    sentence = art.sentence_of(src.start)
    lo = art.sent_starts[max(0, sentence - 2)]
    best = None
    for m in _OPENER.finditer(art.text, lo, src.start):
        end = _group_head(art.text, m.end("det"))
        if end is not None and end <= src.start and not art.quoted(m.start("det")):
            best = art.text[m.start("det"):end]
    if best is None:
        return None
    return src.resolved(clean_description(best), "description")


def people_word(src):
    """A capitalised word that opens its sentence and names a group of people ("Police",
    "Officials", "Authorities", "Activists"): a description, not a person's name, so that a
    "they" after it is that group. Not a word the article also writes capitalised inside a
    sentence (a name: "Sanders", "Waters").

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = ("Thames Valley Police said they had arrested a second man. Police said on Monday they "
    ...      "believe the theft involved a group of thieves.")
    >>> resolve_all(t, [("Thames Valley Police", "said"), ("Police", "said"), ("they", "believe")])[1:]
    [('police', 'people_word'), ('police', 'they_it')]
    """
    desc = src.desc
    if not desc or not desc[0].isupper() or re.search(r"\s", desc):
        return None
    low = desc.casefold()
    if not (low in PEOPLE_PLURALS or low in COLLECTIVE_NOUNS or (low.endswith("s") and is_people(low))):
        return None
    art = src.art
    for m in re.finditer(rf"\b{re.escape(desc)}\b", art.text):
        # (after a word in lower case or a comma; not the end of a longer name, "Thames Valley Police")
        if _IN_SENTENCE.search(art.text, max(0, m.start() - 30), m.start()) and not art.in_headline(m.start()):
            return None  # capitalised inside a sentence: a name
    # (in lower case, as a description: a capitalised one-word plural reads as a name to
    # ``looks_singular``, and an "it" after "Investors" is no investor)
    return src.resolved(low, "description")


_IN_SENTENCE = re.compile(r"(?:\b[a-z][\w'’-]*|[,;])\s+$")


def they_unresolved(src):
    """A 'they' or an 'it' that nothing above resolved: no speaker."""
    if src.low in GROUP:
        return src.resolved(src.low, "pronoun")
    return None


_COMPANY = re.compile(r"(?:the|this|that)\s+(?:[a-z-]+\s+)?(?P<noun>\w+)", re.IGNORECASE)


def the_company(src):
    """'the company', 'the firm': the business the article names most (by every spelling
    of its name, an abbreviation it spelled out included) before the source; not a public
    body ("the Federal Aviation Administration" named since is no company).

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = ("Acme Corp. makes rockets. Acme Corp. said sales rose. Regulators at the Federal "
    ...      "Aviation Administration said nothing. The company said it would hire.")
    >>> resolve_one(t, "The company")
    ('Acme Corp', 'the_company')
    """
    m = _COMPANY.fullmatch(src.desc)
    if not m or m.group("noun").casefold() not in COMPANY_NOUNS:
        return None
    art = src.art
    counts: dict[str, list] = {}
    for n in art.names[:bisect_left(art.name_starts, src.start)]:
        if n.label != "ORG" or n.headline or art.quoted(n.start) or src.start - n.start > 5000 \
                or any(o.start <= n.start < o.end for o in art.outlets if o.outlet):
            continue
        full = art.abbreviations.get(n.text) or art.fullest(n.text, "ORG")
        if any(w in PUBLIC_BODY_WORDS for w in tokens(full)) or art.person_full(n.text) \
                or (n.text.isupper() and n.text not in art.abbreviations) or not art.reliable(full):
            continue  # a body, a person NER called an organisation, a group known by letters, "World"
        entry = counts.setdefault(" ".join(tokens(full)), [0, 0, full])
        entry[0] += 1
        entry[1] = n.start
    # the last speaker, when a business (a short form NER left untagged: "Summit says ...
    # The studio wants"), is named where it spoke
    prev = src.previous
    if prev is not None and prev.kind == "org" and prev.speaker and prev.position <= src.start \
            and not any(w in PUBLIC_BODY_WORDS for w in tokens(prev.speaker)) and art.reliable(prev.speaker) \
            and not (prev.speaker.isupper() and prev.speaker not in art.abbreviations):  # not "NAACP"
        entry = counts.setdefault(" ".join(tokens(prev.speaker)), [0, 0, prev.speaker])
        entry[0] += 1
        entry[1] = max(entry[1], prev.position)
    if not counts:
        return None
    # a business named in the source's sentence or the three before ("the technology giant
    # Cisco Systems, ... helping the company think"; "Hasbro hosted a panel ... The company's
    # replica ... Asked about it, the company noted"), else the one named most
    lo = art.sent_starts[max(0, art.sentence_of(src.start) - 3)]
    near = [e for e in counts.values() if e[1] >= lo]
    _, _, full = max(near, key=lambda e: e[1]) if near else max(counts.values(), key=lambda e: (e[0], e[1]))
    return src.resolved(re.sub(r"^(?:the|a|an)\s+", "", full, flags=re.IGNORECASE), "org")


def former_latter(src):
    """'the latter', 'the former': the second and the first of the two names (persons and
    organisations) last given before the source, in its sentence or the one before.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "The FAA and the National Transportation Safety Board began work, with the latter confirming it."
    >>> resolve_one(t, "the latter")
    ('National Transportation Safety Board', 'former_latter')
    """
    low = src.desc.casefold()
    if low not in ("the latter", "the former"):
        return None
    art = src.art
    lo = art.sent_starts[max(0, art.sentence_of(src.start) - 1)]
    named = [n for n in art.names[bisect_left(art.name_starts, lo):bisect_left(art.name_starts, src.start)]
             if n.label in ("PERSON", "ORG") and not art.quoted(n.start)]
    if len(named) < 2:
        return None
    n = named[-1] if low == "the latter" else named[-2]
    if n.label == "PERSON":
        return src.resolved(art.fullest(n.text), "person")
    return src.resolved(re.sub(r"^(?:the|a|an)\s+", "", art.fullest(n.text, "ORG"), flags=re.IGNORECASE), "org")


_PAIR = re.compile(r"(?:the|both|these|those)\s+(?:pair|couple|duo|two(?:\s+(?:men|women))?)|both(?:\s+(?:men|women))?",
                   re.IGNORECASE)


def pair(src):
    """'the pair', 'the couple', 'the duo', 'the two', 'both (men)': the two people the
    article joined last with "and" in the source's sentence or the two before, no one named
    since; else (not for a bare "both") the two who last spoke together, within 1,500
    characters.

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = ('"He is a star," said Laurence Mark and Bill Condon, the new producers of the show. '
    ...      '"He has style," the pair said in a statement.')
    >>> resolve_all(t, [("Laurence Mark and Bill Condon, the new producers of the show", "said"),
    ...                 ("the pair", "said")])[-1]
    ('Laurence Mark and Bill Condon', 'pair')
    >>> t = ("Sen. Marco Rubio (R-Fla.) and Sen. Ted Cruz (R-Texas) have some national-security expertise, "
    ...      "and both have put forward fairly detailed policy proposals.")
    >>> resolve_all(t, [("both", "have put forward")])[-1]
    ('Marco Rubio and Ted Cruz', 'pair')
    >>> t = ("Guests of Honour Cherie and Sean O'Donnell held a session on Saturday. The married couple are "
    ...      "among the most prominent builders. Sean had made over a thousand pairs. The couple encouraged "
    ...      "attendees to continue.")
    >>> resolve_all(t, [("The couple", "encouraged")])[-1]
    ("Cherie and Sean O'Donnell", 'pair')
    """
    if not _PAIR.fullmatch(src.bare):
        return None
    art = src.art
    sentence = art.sentence_of(src.start)
    lo = art.sent_starts[max(0, sentence - 2)]
    persons = [p for p in art.persons_within(lo, src.start) if not art.quoted(p.start)]
    if len(persons) >= 2 and _JOINED.fullmatch(art.text[persons[-2].end:persons[-1].start]):
        return src.resolved(_pair_name(art, *persons[-2:]), "person")
    # farther back (five sentences), where no one but the pair's own members became a
    # sentence's subject since: "Cherie and Sean O'Donnell ... held a session. The married
    # couple are ... under the name Don't Hug Cacti ... as Sean had made ... The couple encouraged"
    persons = [p for p in art.persons_within(art.sent_starts[max(0, sentence - 5)], src.start)
               if not art.quoted(p.start)]
    for k in range(len(persons) - 2, -1, -1):
        first, second = persons[k:k + 2]
        if _JOINED.fullmatch(art.text[first.end:second.start]):
            members = {art.fullest(first.text), art.fullest(second.text)}
            if all(art.fullest(p.text) in members or not art.is_subject(p) for p in persons[k + 2:]):
                return src.resolved(_pair_name(art, first, second), "person")
            break
    if src.low.startswith("both"):
        return None  # ("Both offer global reach": two companies, not the pair that spoke before)
    for res in reversed(src.history):
        if src.start - res.position > 1500:
            break
        if res.kind == "person" and res.speaker and res.speaker.count(" and ") == 1:
            return src.resolved(res.speaker, "person")
    return None


# a parent's or a spouse's noun that says one of a couple: "The father said", "the wife"
_ONE_OF_COUPLE = re.compile(r"(?:the)\s+(?P<noun>father|mother|husband|wife)", re.IGNORECASE)


def one_of_couple(src):
    """'The father', 'the mother', 'the husband', 'the wife' (no one's): the one of that gender
    of the couple the article named last with one surname ("David and Louise Turpin").

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = ("The judge sentenced David and Louise Turpin to life in prison. The father said he loved his "
    ...      "children. The mother said she was sorry.")
    >>> resolve_all(t, [("The father", "said"), ("The mother", "said")])
    [('David Turpin', 'one_of_couple'), ('Louise Turpin', 'one_of_couple')]
    """
    m = _ONE_OF_COUPLE.fullmatch(src.bare)
    if m is None:
        return None
    art = src.art
    gender = GENDERED_NOUNS.get(m.group("noun").casefold())
    persons = [p for p in art.persons_within(0, src.start) if not art.quoted(p.start)]
    for first, second in reversed(list(zip(persons, persons[1:]))):
        a, b = art.fullest(first.text), art.fullest(second.text)
        if _JOINED.fullmatch(art.text[first.end:second.start]) and len(a.split()) > 1 \
                and a.split()[1:] == b.split()[1:]:
            fits = [n for n in (a, b) if art.gender_of(n) == gender]
            return src.resolved(fits[0], "person") if len(fits) == 1 else None
    return None


def _pair_name(art, first, second) -> str:
    """Two people joined, as the article wrote them where they share a surname ("Cherie and
    Sean O'Donnell"), else each in full ("Laurence Mark and Bill Condon")."""
    a, b = art.fullest(first.text), art.fullest(second.text)
    if len(a.split()) > 1 and a.split()[1:] == b.split()[1:] and f"{a.split()[0]} and {b}" in art.text:
        return f"{a.split()[0]} and {b}"
    return f"{a} and {b}"


# between two names joined: "Sen. Marco Rubio (R-Fla.) and Sen. Ted Cruz"
_JOINED = re.compile(r"(?:\s*\([^()]{1,30}\))?,?\s+(?:and|&)\s+(?:(?:[A-Z][a-z]{1,4}\.|[a-z]+)\s+){0,3}")


# a plural noun phrase that is a clause's subject: "State prosecutors charged", "The
# officers, although ...", "Penguins and other seabirds are"; its head in lower case, so no
# name ("Williams said") is read as a plural
_PLURAL_SUBJECT = re.compile(
    r"(?P<np>(?:(?:[Tt]he|[Tt]hese|[Tt]hose|[Bb]oth|[Aa]ll|[Mm]any|[Mm]ost|[Ss]everal|[Ss]ome|[Oo]ther)\s+)?"
    r"(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][\w-]*(?<![sui'’])s|(?<![\w-] )[A-Z][a-z-]*(?<![sui'’])s)"
    r"(?:\s+and\s+(?:other\s+|the\s+|their\s+)?(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*(?<![sui'’])s)?)"
    r"(?=\s*,|\s+(?:are|were|have|had|has|said|say|will|would|could|can|did|do|also|have|[a-z]+ed)\b)")
# a quantity of people as the subject, with what they do: "Hundreds of school children holding
# candles gathered"
_QUANTITY_SUBJECT = re.compile(
    r"(?P<np>(?:[Hh]undreds|[Tt]housands|[Dd]ozens|[Mm]illions|[Ss]cores|[Tt]ens\s+of\s+thousands)\s+of\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][\w-]*)(?:\s+[a-z]+ing(?:\s+[a-z][\w-]*){0,2}?)?)"
    r"(?=\s*,|\s+(?:are|were|have|had|has|said|say|will|would|could|can|did|do|also|[a-z]+ed)\b)")
# where a clause may open inside a sentence
_CLAUSE = re.compile(r"(?:,\s+|\b)(?:[Aa]lthough|[Tt]hough|[Bb]ecause|[Ww]hile|[Ww]hen|[Aa]fter|[Ss]ince|[Bb]ut|[Aa]s)\s+")
# words that open no subject: pronouns, and conjunctions or prepositions that open a clause
# or a phrase ("If the birds had been ...", "In two cases ...")
# an organisation that opens its sentence (after "the" or a time: "This Thursday the United
# States Commission ...") and is followed by its verb ("also criticized", "said"), not a
# noun it modifies ("World Bank watchers", "The GOP contenders")
_ORG_OPENING = re.compile(r"\s*(?:(?:[Oo]n|[Tt]his|[Ll]ast|[Ee]arlier|[Ll]ater|[Ii]n)\s+\w+,?\s+)?(?:[Tt]he\s+)?")
_ORG_VERB = re.compile(r"(?:\)|\s*\([^)]{1,20}\))?\s+(?:(?:also|then|later|had|has|have|were|are|will|would|could|did)\s+)?"
                       r"(?:said|says|is|are|was|were|has|have|had|will|would|can|could|did|do|[a-z]+ed)\b")
_NOT_SUBJECT = frozenset("it its this that there these those he she they we you i if when while although though "
                         "because after before since as but and so then in on at for with by from of to unless until "
                         "once whether".split())


def they_subject(src):
    """'they', 'them', 'their': the plural noun phrase or the organisation that was the
    subject of a clause last, in the pronoun's sentence (before it) or the two before
    (further while the sentences between open with "They"), outside quotations; not
    before the organisation or group that spoke just before ('they_it' keeps that one).

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("State prosecutors charged the suspect with capital murder, they said Sunday.", "they")
    ('State prosecutors', 'they_subject')
    >>> t = ("On Thursday the United States Commission on International Religious Freedom criticized "
    ...      "the move. They released a statement.")
    >>> resolve_one(t, "They")
    ('United States Commission on International Religious Freedom', 'they_subject')
    """
    if src.low not in ("they", "them", "their", "themselves"):
        return None
    art = src.art
    sentence = art.sentence_of(src.start)
    first = max(0, sentence - 2)
    while first > 0 and first > sentence - 5 and re.match(r"\s*(?:They|These they)\b", art.text[art.sent_starts[first]:]):
        first -= 1  # "They found ... If ..., they reasoned": the subject of the "They" before
    lo = art.sent_starts[first]
    best: tuple[int, str, str] | None = None
    for n in art.names[bisect_left(art.name_starts, lo):bisect_left(art.name_starts, src.start)]:
        if n.label == "ORG" and not n.headline and not art.quoted(n.start) \
                and _ORG_OPENING.fullmatch(art.text, art.sent_starts[n.sentence], n.start) \
                and _ORG_VERB.match(art.text, n.end) and not art.person_full(n.text) \
                and not any(o.start <= n.start < o.end for o in art.outlets if o.outlet):
            full = art.abbreviations.get(n.text) or art.fullest(n.text, "ORG")
            full = re.sub(r"\s*\([^)]*\)?$", "", full)  # "... Religious Freedom (USCIRF"
            if not re.sub(r"^(?:the|a|an)\s+", "", full, flags=re.I)[:1].isupper():
                continue  # a lower-case "organisation" ("the royal council") is a description
            best = max(best or (n.start, "", ""), (n.start, re.sub(r"^(?:the|a|an)\s+", "", full, flags=re.I), "org"))
    starts = [art.sent_starts[k] for k in range(first, sentence + 1)]
    starts += [m.end() for m in _CLAUSE.finditer(art.text, lo, src.start)]
    for at in starts:
        at += len(art.text[at:]) - len(art.text[at:].lstrip())
        m = _PLURAL_SUBJECT.match(art.text, at, src.start) or _QUANTITY_SUBJECT.match(art.text, at, src.start)
        if not m or art.quoted(at) or m.group("np").split()[0].casefold() in _NOT_SUBJECT | PREPOSITIONS \
                or not is_people(m.group("head").casefold()):
            continue
        if best is None or at >= best[0]:  # (over an organisation NER cut from it: "State" of "State prosecutors")
            best = (at, clean_description(m.group("np")), "description")
    if best is None:
        return None
    prev = src.previous
    if prev is not None and prev.kind in ("org", "description", "person") and best[0] - 40 <= prev.position < src.start \
            and they_it(src) is not None:
        return None  # the group that spoke since, or the subject itself spoke: 'they_it' names it as it spoke
    return src.resolved(best[1], best[2])
