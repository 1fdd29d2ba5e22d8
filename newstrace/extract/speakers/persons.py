"""Persons as speakers: the person a source is about ("SDF spokesperson Mustafa Bali",
"John Podesta, Clinton's campaign chairman"), two people who speak together, a source that
is a person the article names in full elsewhere, and capitalised words NER missed
("Mujahir said", "Jolly, who was elected ...")."""

from __future__ import annotations

import re
from bisect import bisect_left

from newstrace.extract.speakers.article import Article, Name, _first_name, _title_like
from newstrace.extract.speakers.descriptions import looks_plural, looks_singular
from newstrace.extract.speakers.groups import is_people
from newstrace.extract.speakers.base import Resolved
from newstrace.extract.speakers.names import clean_name, tokens
from newstrace.extract.speakers.words import (
    AGENT_NOUNS, COMPANY_NOUNS, DETERMINERS, EDGE_PUNCT, FIRST, GENDERED_NOUNS, MEDIA_NOUNS, NEWS_FEMALE, NEWS_MALE, ORG_HEADS, ORG_WORDS, POSSESSORS,
    PERSON_NOUNS, PREPOSITIONS, QUANTIFIERS, SHIP_PREFIXES, TITLES)


def head_person(src):
    """The person the source is about, in full; two joined by "and" speak together.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "Mustafa Bali leads. SDF spokesperson Mustafa Bali said the fight went on."
    >>> resolve_one(t, "SDF spokesperson Mustafa Bali")
    ('Mustafa Bali', 'head_person')
    """
    art = src.art
    person = _head_person(art, src.start, src.end)
    if person is None:
        return _name_cut(src)
    both = _coordinated(art, person, src.start, src.end) or _coordinated_before(art, person, src.start, src.end)
    if both:
        return src.resolved(both, "person")
    name = art.fullest(_expand_left(art, person, src.start), gender=person.gender)
    suffix = _SUFFIX_AFTER.match(art.text, person.end, src.end)
    if suffix and tokens(name)[-1:] != (suffix.group(1).casefold(),) and tokens(name)[-1] in _SUFFIXES:
        name = f"{person.text} {suffix.group(1)}."  # "his father, Brent Bozell, Jr.", not the son "Brent Bozell III"
    group = _with_group(art, person, src.end)
    if group:
        return src.resolved(f"{name} and {group}", "person")  # (as two persons are)
    return src.resolved(name, "person")


def _with_group(art: Article, person: Name, end: int) -> str | None:
    """'Trump and his supporters', 'President Trump and the previous Congress', 'Siegel and
    colleagues including predoctoral fellow Anita Knopov': a person and a group speak together,
    the group as written (cut before "including", "who", a comma); not a second person (that
    is ``_coordinated``'s) nor a clause ("Trump and Clinton's campaign said")."""
    m = _AND_GROUP.match(art.text, person.end, end)
    if not m:
        return None
    rest = m.group("rest")
    if _VERB_BETWEEN.search(rest) or art.persons_within(m.start("rest"), m.end("rest")):
        return None
    words = rest.split()
    if words[0] not in _GROUP_OPENERS and not (words[0].islower() and looks_plural(rest)):
        return None
    # (not a clause: "Mr. Guajardo and his aides carry with them", "Trump and has aides"; not
    # a person NER left untagged nor a span cut before the noun: "Chuck Schumer and his House
    # counterpart Rahm Emanuel", "Sameh Shoukry and his Greek")
    if len(words) > 6 or any(w in _NOT_IN_A_GROUP for w in words) or words[0] != "the" and words[-1][:1].isupper() \
            and not words[-1].endswith("s"):  # ("other Republicans" is a group)
        return None
    return rest


_AND_GROUP = re.compile(r"\s+and\s+(?P<rest>[A-Za-z][\w'’ -]*?)\s*(?:,|\s+(?:including|who|which|among)\b|$)")
_GROUP_OPENERS = frozenset("his her their its the other others several many some".split())
_NOT_IN_A_GROUP = frozenset("has have had is are was were will would can could may might should do does did carry "
                            "carries them him it who that which".split())


# words inside a name after which it must go on: "Qaboos bin" is not all of "Qaboos bin Said"
_NAME_PARTICLES = frozenset("bin ibn bint abu al el de del della da di du van von der den la le".split())


def _name_cut(src):
    """A source cut inside a person's name, before a word the tagger took for its cue
    ("Qaboos bin" of "Qaboos bin Said", where "Said" is read as the verb), or right after
    the title before it ("County sheriff's Sgt."): the whole name, when the source ends
    with a word that cannot end one; or one cut after the name, that opens with "of".

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = ("Xiaogang Wei of the Beijing Gender Health Education Institute commented on the Legislative "
    ...      "Yuan's decision.")
    >>> resolve_one(t, "of the Beijing Gender Health Education Institute")
    ('Xiaogang Wei', 'head_person')
    """
    words = src.bare.split()
    art = src.art
    # or cut after the name, at the body it is of: "of the Beijing Gender Health Education
    # Institute" of "Xiaogang Wei of the Beijing Gender Health Education Institute commented"
    if words[:1] == ["of"]:
        for p in art.persons_within(max(0, src.start - 60), src.start):
            if p.end <= src.start and not art.text[p.end:src.start].strip():
                return src.resolved(art.fullest(p.text), "person")
    if words and words[-1].casefold() in _NAME_PARTICLES:
        for p in art.persons_within(src.start, src.end):
            if p.end > src.end and art.text[src.end:p.end].strip() and len(art.text[src.end:p.end].split()) <= 2:
                return src.resolved(art.fullest(p.text), "person")
    # or cut after the title before it: "County sheriff's Sgt." of "... Sgt. Don Manumaleuna said"
    if src.text.split() and src.text.split()[-1].rstrip(".").casefold() in TITLES:
        for p in art.persons_within(src.end, src.end + 4):
            if not art.text[src.end:p.start].strip(" ."):
                return src.resolved(art.fullest(p.text), "person")
    return None


def apposition(src):
    """A description set between commas right after a name is that name's: "Met Éireann,
    the national meteorological service for Ireland, issued ...".

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = '"The situation will worsen," said Vasco Cordeiro, the regional president, as the storm came.'
    >>> resolve_one(t, "the regional president")
    ('Vasco Cordeiro', 'apposition')
    """
    art = src.art
    if not src.desc[:1].islower() or not art.text.startswith(",", src.end):
        return None
    # (the tagger may leave the article out: "UpGuard, a cybersecurity firm,")
    m = re.search(r",\s*(?:(?:a|an|the)\s+)?$", art.text[max(0, src.start - 8):src.start])
    if not m:
        return None
    comma = max(0, src.start - 8) + m.start()
    for n in reversed(art.names[:bisect_left(art.name_starts, src.start)]):
        if n.end < comma - 2:
            break
        if n.end in (comma, comma - 1) and n.label in ("PERSON", "ORG"):  # ("Éireann" may end on its accent)
            if n.label == "PERSON":
                return src.resolved(art.fullest(n.text), "person")
            return src.resolved(re.sub(r"^(?:the|a|an)\s+", "", art.fullest(n.text, "ORG"), flags=re.I), "org")
    return None


def name_after_comma(src):
    """A description set before the name it describes, which then speaks: "A 15-year
    department veteran, Ortiz had hoped to become a detective" (the name follows the comma
    and is followed by no other name or list).

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "Jerry Ortiz was shot. A 15-year department veteran, Ortiz had hoped to become a detective."
    >>> resolve_one(t, "A 15-year department veteran")
    ('Jerry Ortiz', 'name_after_comma')
    """
    art = src.art
    words = src.desc.split()
    if not words or not (src.desc[:1].islower() or src.desc[:1].isdigit()) and words[0] not in ("A", "An", "The") \
            or len(words) > 6:
        return None
    m = re.match(r"\s*,\s+", art.text[src.end:src.end + 4])
    opening = art.sent_starts[art.sentence_of(src.start)]
    # (the description opens its sentence, as an appositive that fronts the subject does)
    if not m or not re.fullmatch(r"\W*(?:(?:A|An|The)\s+)?", art.text[opening:src.start]) \
            or not looks_singular(src.desc):
        return None
    at = src.end + m.end()
    # (a first name NER left out of the person: "The mayor of London, Sadiq Khan" with "Khan" alone)
    for p in art.persons_within(at, at + 40):
        if not re.match(r"\s*(?:,|and\b|or\b|\(|['’]s\b)", art.text[p.end:p.end + 6]) \
                and _FIRST_WORDS.fullmatch(art.text, at, p.start):
            return src.resolved(art.fullest(art.text[at:p.end]), "person")
    return None


_FIRST_WORDS = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,2}")


def name_in_apposition(src):
    """A description of one person with their name after a comma, in the source: "his wife,
    Amanda," is Amanda, "University of California, San Diego's chancellor, Pradeep Khosla"
    is Pradeep Khosla; the name a person NER found, two words or more, or one known first name
    (NER may call "Amanda" an organisation).

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "According to his wife, Amanda, Huber succumbed to a lung disorder."
    >>> resolve_one(t, "his wife, Amanda,")
    ('Amanda', 'name_in_apposition')
    """
    m = _PERSON_THEN_NAME.fullmatch(src.bare)
    if m is None:
        return None
    head = m.group("desc").split()[-1].casefold()
    if head not in PERSON_NOUNS and head not in GENDERED_NOUNS and head not in AGENT_NOUNS:
        return None
    art = src.art
    at = src.start + src.text.index(src.bare) + m.start("name")
    name = m.group("name")
    person = next((p for p in art.persons_within(at, at + len(name)) if p.start == at), None)
    if person is None and not _first_name(name.split()[0]) and len(name.split()) < 2:
        return None  # (two capitalised words after a person's description are a full name)
    return src.resolved(art.fullest(person.text if person else name), "person")


# "his wife, Amanda", "San Diego's chancellor, Pradeep Khosla": a description opened by a
# determiner, a possessive or a place, its person-noun head, a comma, one to four capitalised words
_PERSON_THEN_NAME = re.compile(
    r"(?P<desc>(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[A-Z][^,]*?['’]s?)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*|"
    r"[A-Z][^,]*,\s+[A-Z][\w\s]*?['’]s\s+(?:[\w-]+\s+){0,2}?[a-z][\w-]*)"
    r",\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def known_person(src):
    """A description that is a person of the article, named in full elsewhere ("Trump").

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("Donald Trump spoke. Later trump said no.", "trump")
    ('Donald Trump', 'known_person')
    """
    person = src.art.person_full(clean_name(src.desc)) if src.desc else None
    return src.resolved(person, "person") if person else None


def capitalised_word(src):
    """A capitalised single word the NER missed ("Mujahir said"): a name.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("The fighters left the town. Maróth said they would return.", "Maróth")
    ('Maróth', 'capitalised_word')
    >>> resolve_one("He was hired by Summit Entertainment. Summit says no deal was signed.", "Summit")
    ('Summit Entertainment', 'capitalised_word')
    """
    desc = src.desc
    if desc and desc[0].isupper() and not re.search(r"\s", desc) and desc.casefold() not in FIRST:
        org = _org_opened_by(src.art, clean_name(desc))
        if org:
            return src.resolved(org, "org")
        full = src.art.fullest(clean_name(desc))
        if full == clean_name(desc):  # NER never named the person in full: a speaker already resolved may have
            full = _spoken_surname(src, full) or full
        return src.resolved(full, "person")
    return None


_SUFFIX_AFTER = re.compile(r",?\s+(Jr|Sr|II|III|IV)\b")
_SUFFIXES = ("jr", "sr", "ii", "iii", "iv")


def _spoken_surname(src, word: str) -> str | None:
    """The one person resolved before whose name ends with ``word`` ("Khosla" after "University
    of California, San Diego's chancellor, Pradeep Khosla" spoke, a name NER did not tag).

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = ('"Walter was the most brilliant scientist I have ever known," said University of California, San '
    ...      "Diego's chancellor, Pradeep Khosla. Khosla talked of Munk's countless discoveries.")
    >>> resolve_all(t, [("University of California, San Diego's chancellor, Pradeep Khosla", ""),
    ...                 ("Khosla", "talked of")])
    [('Pradeep Khosla', 'name_in_apposition'), ('Pradeep Khosla', 'capitalised_word')]
    """
    key = tokens(word)
    if is_people(word.casefold()):
        return None  # a group's word ("Democrats"), not a surname: "Some Democrats" is no fuller name of it
    found = {h.speaker for h in src.history if h.kind == "person" and h.speaker and " and " not in h.speaker
             and len(tokens(h.speaker)) > 1 and tokens(h.speaker)[-1:] == key
             and tokens(h.speaker)[0] not in QUANTIFIERS | DETERMINERS}
    return found.pop() if len(found) == 1 else None


def _org_opened_by(art: Article, word: str) -> str | None:
    """The organisation the article names in full whose name opens with ``word``, when
    no person goes by it: "Summit says" after "Summit Entertainment", as "Woolworths" is
    "Woolworths Group" (NER left the short form untagged)."""
    if art.person_full(word) or any(n.text == word and n.label != "ORG" for n in art.names):
        return None  # ("California", a place the article names, is not the California Democratic Party)
    key = tokens(word)
    fulls = {re.sub(r"^(?:the|a|an)\s+", "", art.fullest(n.text, "ORG"), flags=re.IGNORECASE)
             for n in art.names if n.label == "ORG" and not n.headline and len(tokens(n.text)) > 1
             and tokens(n.text)[:1] == key and tokens(n.text)[0] not in ("the", "a", "an")}
    return fulls.pop() if len(fulls) == 1 else None


def capitalised_words(src):
    """Two to four capitalised words NER did not take for a name: a person's name."""
    desc = src.desc
    if desc and re.fullmatch(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+", clean_name(desc)):
        org = _org_cut(src.art, clean_name(desc), src.start)
        if org:
            return src.resolved(org, "org")
        return src.resolved(_titled_surname(src.art, clean_name(desc)) or src.art.fullest(clean_name(desc)), "person")
    return None


def _titled_surname(art: Article, name: str) -> str | None:
    """A headline's "US Speaker Pelosi", "Texas Governor Abbott": a place and a title
    before the surname of a person the article names in full ("Nancy Pelosi").

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = ("US Speaker Pelosi announces Trump impeachment investigation.\\n\\nYesterday afternoon, "
    ...      "Nancy Pelosi, the Speaker of the House of Representatives, announced an inquiry.")
    >>> resolve_one(t, "US Speaker Pelosi")
    ('Nancy Pelosi', 'capitalised_words')
    """
    words = name.split()
    if len(words) < 2 or not any(_title_like(w) or w.casefold() in TITLES for w in words[:-1]):
        return None
    if not all(_title_like(w) or w.casefold() in TITLES or art.labelled(w, ("GPE", "NORP")) or w in ("US", "U.S.", "UK")
               for w in words[:-1]):
        return None
    full = art.person_full(words[-1])
    return full if full and full != words[-1] else None


def _org_cut(art: Article, name: str, start: int) -> str | None:
    """The organisation the article names in full before or at the source, whose name
    opens with ``name`` and goes on with "on", "of" or "for": "The United States
    Commission" that the tagger cut from "The United States Commission on Presidential
    Debates"."""
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    for n in art.names[:bisect_left(art.name_starts, start + 1)]:  # (NER's name may open where the source does)
        full = re.sub(r"^(?:the|a|an)\s+", "", n.text, flags=re.IGNORECASE)
        if n.label == "ORG" and re.match(rf"{re.escape(name)}\s+(?:on|of|for)\s+[A-Z]", full):
            return full
    return None


def name_before_apposition(src):
    """A name NER missed, before an apposition or a relative clause ("Jolly, who was
    elected to Congress in 2014"): see ``_named_before_apposition``."""
    return _named_before_apposition(src.art, src.desc, src.start)


def name_after_description(src):
    """'One of these groups, the Syrian Democratic Forces (SDF)': the name the
    description's apposition gives (``_named_after_description``)."""
    return _named_after_description(src.art, src.desc, src.start)


def name_after_noun(src):
    """A name NER missed or mislabelled, after the lower-case noun that describes it or
    before the body it belongs to: "an attendee Om Prakash" (NER: "Prakash", ORG), "the
    German cruise liner MS Columbus", "Suman Haripriya of the Hajo assembly" (ORG).
    See ``_named_around``.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one('Speaking to Reuters, an attendee Om Prakash said, "We have been drinking cow urine."',
    ...             "an attendee Om Prakash")
    ('Om Prakash', 'name_after_noun')
    >>> resolve_one('Suman Haripriya of the Hajo assembly said "Coronavirus is an airborne disease."',
    ...             "Suman Haripriya of the Hajo assembly")
    ('Suman Haripriya', 'name_after_noun')
    """
    return _named_around(src.art, src.desc, src.start)


# "an attendee Om Prakash": words that describe, the last of them in lower case, then a name
_NOUN_THEN_NAME = re.compile(r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\s+)?(?:[\w'’-]+\s+){0,4}[a-z][\w-]*\s+"
                             r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)")
_NOT_DESCRIBING = DETERMINERS | PREPOSITIONS | QUANTIFIERS | POSSESSORS | frozenset(
    {"and", "or", "but", "&", "nor", "plus", "like", "including", "inside", "outside", "among", "such", "as", "than",
     "via", "within", "across", "over", "under", "more", "most"})
# "Suman Haripriya of the Hajo assembly": a name, then the body or place it is of
_NAME_THEN_OF = re.compile(r"(?P<name>(?:[A-Z][\w'’-]*\s+){1,2}[A-Z][\w'’-]*)\s+(?:of|from|at)\s+(?!.*\sand\s+[A-Z])\S.*")
# (not two people: "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin")


def _named_around(art: Article, desc: str, start: int) -> Resolved | None:
    """The name inside a description (``name_after_noun``): a person the article names
    (in full where it does), a ship, a body it labels when the name is one word, else two
    or three capitalised words that are no title, no organisation's words, no place and
    nothing the text writes in lower case. Not "the acquisition Salling" (one word the
    article names nowhere as a body)."""
    m = _NOUN_THEN_NAME.fullmatch(desc or "")
    # (only words that describe: not "A reporter for USA Today", "these videos and NPR",
    # "many Latinos", "One operative inside Trump Tower", "companies including Coca-Cola")
    prefix = [w.casefold() for w in desc[:m.start("name")].split()] if m else []
    if m and (any(w in _NOT_DESCRIBING for w in prefix[1:]) or prefix[-1] in _NOT_DESCRIBING):
        m = None
    m = m or _NAME_THEN_OF.fullmatch(desc or "")
    if m is None or m.group("name").split()[0].casefold() in DETERMINERS:  # ("A Field Poll of ...")
        return None
    name = m.group("name")
    words = name.split()
    noun = desc[:m.start("name")].split()[-1].casefold() if m.start("name") else ""
    person = art.person_full(name)
    if person and person != name:  # (a longer name the article gives: "Nabisco" is "RJR Nabisco")
        return Resolved(person, "person", start, [])
    if words[0] in SHIP_PREFIXES and len(words) > 1:  # "MS Columbus": a ship speaks for its crew
        return Resolved(name, "org", start, [])
    if len(words) == 1:
        # a body after the noun of its kind ("the celebrity press ReganBooks"; not "a super PAC")
        org = art.labelled(name, ("ORG",))
        return Resolved(art.fullest(name, "ORG"), "org", start, []) \
            if org and noun in COMPANY_NOUNS | ORG_HEADS | MEDIA_NOUNS else None
    lower = art.lower_words()
    if any(w.casefold() in lower or w.casefold() in ORG_WORDS or _title_like(w) or w.casefold() in TITLES
           for w in words) or art.labelled(name, ("GPE", "NORP", "LOC", "FAC")):
        return None
    return Resolved(art.fullest(name), "person", start, [])


def _head_person(art: Article, start: int, end: int) -> Name | None:
    """The person a source is about: 'SDF spokesperson Mustafa Bali', 'John Podesta,
    Clinton's campaign chairman', 'Nikki Holland of the National Crime Agency'; not
    'Trump's aides' or 'a spokesman for Clinton'."""
    # (not an abbreviated title NER took for a name: "Atty" of "Dist. Atty. Steve Cooley")
    inside = [p for p in art.persons_within(start, end)
              if p.end <= end and not (p.text.casefold() in TITLES and art.text.startswith(".", p.end))]
    good = []
    objects: list[Name] = []  # persons after a preposition, and those joined to them by "and"
    # the members a group names: "Several Republican leaders, including Sen. John McCain, Kelly Ayotte"
    members = _A_MEMBER.search(art.text, start, end)
    for p in inside:
        after = art.text[p.end:end]
        before = art.text[start:p.start]
        if re.match(r"^['’]s?\s+\S", after):
            continue  # possessive modifier: "Trump's aides"
        words = [w.casefold() for w in re.findall(r"\w+", before)[-2:]]
        if members and members.start() < p.start or words and (
                words[-1] in PREPOSITIONS
                or (len(words) == 2 and words[0] in PREPOSITIONS and words[1] in DETERMINERS | POSSESSORS)
                or (words[-1] == "and"
                    and any(re.fullmatch(r",?\s+and\s+", art.text[o.end:p.start]) for o in objects))):
            objects.append(p)
            # "a spokesman for Clinton", "ties to both Clintons", "lawyers for Donald and Ivana Trump";
            # a member named of a group: "many U.S. generals, including President Ulysses S. Grant,"
            continue
        good.append((p, after))
    if not good:
        return None
    for p, after in good:
        if not after.strip(EDGE_PUNCT + "s") or re.match(r"^\s*(?:[,(]|and\b|who\b|which\b|of\b|—|–|-)", after):
            return p
        # or the body the person is at, where the name opens the source after titles and
        # roles: "Dr. Steven Wolf at Saint Francis" (not "Republican activists clamoring to
        # block Donald Trump from the GOP nomination")
        if re.match(r"^\s*(?:at|from)\b", after) and all(
                w[:1].isupper() or w.casefold() in DETERMINERS | POSSESSORS | PERSON_NOUNS
                for w in art.text[start:p.start].split()):
            return p
    # every name modifies a noun ("the Clinton campaign", "Trump supporters"): no person
    return None


# where a group's members named in it begin: "many U.S. generals, including President Ulysses S. Grant"
_A_MEMBER = re.compile(r"\b(?:including|such\s+as)\s")


def _coordinated(art: Article, first: Name, start: int, end: int) -> str | None:
    """'Mark Blumenthal and Jon Cohen': two people speak together; also with the second's
    titles or role between ('Senate Minority Whip Dick Durbin and incoming chair of the House
    Intelligence Committee Represenative Adam Schiff'), 'X, along with Senator Y of Oregon'."""
    for p in art.persons_within(first.end + 1, end):
        if p.end <= end:
            # (the first's body between: "Wilson of C-MORE and Nick Hawco of USC")
            between = _PLACE_AFTER.sub("", art.text[first.end:p.start])
            if (re.fullmatch(r",?\s+(?:and|&)\s+(?:(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr)\.?\s+)?", between)
                    or _JOINED_WITH_ROLE.fullmatch(between) and not _VERB_BETWEEN.search(between.lstrip(" ,"))) \
                    and _nothing_or_their_role(_PLACE_AFTER.sub("", art.text[p.end:end])):
                return f"{art.fullest(first.text)} and {art.fullest(p.text)}"
            return None  # (the next person named, only: not one past another)
    return None


def _nothing_or_their_role(rest: str) -> bool:
    """Whether what follows the second of two names in a source is nothing, or the pair's
    role in apposition, a plural: ", the new producers of the televised show"."""
    rest = rest.strip()
    if not rest.strip(EDGE_PUNCT):
        return True
    m = re.fullmatch(r",\s+(?:the|their|both|two)\s+(?P<role>[^;:()\"“”]+?)[\s,]*", rest)
    return bool(m) and looks_plural(m.group("role"))


def _coordinated_before(art: Article, second: Name, start: int, end: int) -> str | None:
    """'Klobuchar, along with Senator Ron Wyden of Oregon,' where NER took the first for a
    place: a name that opens the source and that the article gives a person in full."""
    m = re.match(r"\s*(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?P<between>.*)$",
                 art.text[start:second.start], re.DOTALL)
    if not m or not _JOINED_WITH_ROLE.fullmatch(m.group("between")) or _VERB_BETWEEN.search(m.group("between").lstrip(" ,")) \
            or _PLACE_AFTER.sub("", art.text[second.end:end]).strip(EDGE_PUNCT):
        return None
    first = art.person_full(m.group("name"))
    return f"{first} and {art.fullest(second.text)}" if first else None


# "and incoming chair of the House Intelligence Committee Represenative", ", along with Senator"
_JOINED_WITH_ROLE = re.compile(r",?\s+(?:and|&|along\s+with|together\s+with)\s+(?:the\s+)?"
                               r"(?:(?:[a-z][\w-]*|[A-Z][\w.'’-]*)\s+){0,10}")
_VERB_BETWEEN = re.compile(r"\b(?:said|says|told|tells|met|meets|spoke|asked|called|named|replaced|beat|defeated|"
                           r"joined|[a-z]+ed\s+(?:by|to|with))\b|[,;:()\"“”]\s*\S")
_PLACE_AFTER = re.compile(r"^\s+(?:of|from)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?")


def _expand_left(art: Article, person: Name, start: int) -> str:
    """'Nate Cohn' where NER found only 'Cohn', 'Arnel dela Vega' where it found 'dela
    Vega': a capitalised word opening the source."""
    if " " in person.text and person.text[:1].isupper():
        # (a known first name before a name of several words whose first is no common one, after a
        # title: "Police Senior Superintendent Yolanda Yu Hoi-kwan", NER's "Yu Hoi-kwan")
        m = re.search(r"(?:^|\s)(?<!\bof\s)([A-Z][a-z]+)\s+$", art.text[start:person.start])  # (not "of India")
        if m and _first_name(m.group(1)) and person.text.split()[0].casefold() not in NEWS_FEMALE | NEWS_MALE \
                and m.group(1).casefold() not in TITLES and not art.in_headline(start) \
                and not any(n.start <= start + m.start(1) < n.end for n in art.names):
            return f"{m.group(1)} {person.text}"
        return person.text
    m = re.search(r"([A-Z][a-z]+)\s+$", art.text[start:person.start])
    # (or a known first name after titles: "Mayor of London Sadiq Khan", NER's "Khan")
    if m and (not art.text[start:start + m.start(1)].strip(EDGE_PUNCT) or _first_name(m.group(1))
              or _untagged_given_name(art, start + m.start(1), m.group(1))) \
            and m.group(1).casefold() not in TITLES and not art.in_headline(start):
        return f"{m.group(1)} {person.text}"
    return person.text



def _untagged_given_name(art: Article, at: int, word: str) -> bool:
    """Whether the capitalised ``word`` at ``at``, right before a name NER tagged, is the
    rest of that name: no part of another name, no title, role or word the text writes in
    lower case ("Mayor of London Sadiq Khan", where NER tags "London" and "Khan")."""
    if word.casefold() in TITLES or word.casefold() in art.lower_words() or _title_like(word):
        return False
    return not any(n.start <= at < n.end for n in art.names)


_DESCRIPTION_THEN_NAME = re.compile(
    r"(?:[Oo]ne|[Aa]n?|[Tt]he|[Aa]nother)\s[^,]{2,60},\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:of|for|and|the|[A-Z][\w.&'’-]*)){0,6}?)(?:\s*\([^)]*\))?")


def _named_after_description(art: Article, desc: str, start: int) -> Resolved | None:
    """'One of these groups, the Syrian Democratic Forces (SDF)', 'One news site,
    Znak.com': the name that the description's apposition gives, when the article knows
    it as a person's or an organisation's."""
    m = _DESCRIPTION_THEN_NAME.fullmatch(desc or "")
    if not m:
        return None
    name = m.group("name")
    person = art.person_full(name)
    if person:
        return Resolved(person, "person", start, [])
    # an organisation's: a place is no speaker ("a woman in Worcester, Massachusetts")
    if art.labelled(name, ("ORG",)) or art.labelled("the " + name, ("ORG",)):
        return Resolved(art.fullest(name, "ORG"), "org", start, [])
    return None


_NAME_THEN_APPOSITION = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),\s+"
    r"(?!(?:including|and|or|but|like|such)\b)(?!(?:his|her|their|its|our|my|your)\b[^,]*\band\b)"
    r"(?:who|whose|a|an|the|[a-z]\w*)\b")


def _named_before_apposition(art: Article, desc: str, start: int) -> Resolved | None:
    """A name NER missed here, before an apposition or a relative clause: "Jolly, who was
    elected to Congress in 2014", "Trump, a Republican front-runner", "North Carolina's Ada
    Fisher, one of ...": a person the article names elsewhere, else a name of two
    capitalised words or more, else an organisation it names.
    Not "Many Democrats, including ...", not "Sanders, his aides and those in attendance"."""
    # "the People's Council, a 2,507-member assembly of ...": an organisation NER named with its "the"
    the = re.match(r"([Tt]he\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),\s+(?:a|an|the)\s", desc or "")
    org = the and (art.labelled(the.group(1), ("ORG",)) or art.labelled(the.group(1)[4:], ("ORG",)))
    if org:
        return Resolved(art.fullest(org.text, org.label), "org", start, [])
    m = _NAME_THEN_APPOSITION.match(desc or "")
    if not m:
        return None
    name = re.split(r"['’]s?\s+", m.group(1))[-1] if re.search(r"\w['’]s?\s+[A-Z]", m.group(1)) else m.group(1)
    if not name or name.split()[0].casefold() in DETERMINERS | FIRST | QUANTIFIERS:
        return None
    person = art.person_full(name)
    if person:
        return Resolved(person, "person", start, [])
    if re.fullmatch(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+", name):
        # before NER's organisations: it calls "Maryam Violet" one, and "she" must find her
        return Resolved(art.fullest(name), "person", start, [])
    org = art.labelled(name, ("ORG", "GPE", "NORP"))
    if org is not None:
        return Resolved(art.fullest(org.text, org.label), "org", start, [])
    # one word NER left alone, before "a resident of Ashgabat who declined to give her
    # surname": a person, by the apposition's person noun and its "who"
    appos = desc[m.end(1):]
    if re.fullmatch(r"[A-Z][a-z'’-]+", name) and name.casefold() not in art.lower_words() \
            and re.match(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?[a-z]+\s+of\s+[^,]*?\bwho\b", appos):
        return Resolved(name, "person", start, [])
    return None

