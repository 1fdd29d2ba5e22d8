"""What the speaker rules know about one article, computed once: its names (NER's,
cleaned, with the persons NER called organisations), sentences, headline lines, quotations,
the roles and titles it gives people, the abbreviations it spells out, its outlets and,
in an interview, whose turn each paragraph is."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from newstrace.extract.citations import _find_mentions, _resolve_short_forms
from newstrace.extract.speakers.names import clean_name, is_short_form, is_short_form_or_equal, tokens
from newstrace.extract.speakers.abbreviations import abbreviations
from newstrace.extract.speakers.words import (
    FEMALE, GENDERED_NOUNS, MALE, NEWS_FEMALE, NEWS_MALE, NOT_ROLES, OCCUPATION_RE, ORG_HEADS, ORG_WORDS, PERSON_NOUNS,
    SHE, SHIP_PREFIXES, SURNAMES_FIRST, TITLE_ROLES, TITLE_WORDS, TITLES)
from newstrace.extract.turns import Turn, may_have_turns, speaker_turns

_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]*)\.\s+$")  # "Gov. " right before a name
# "NAME, 39, who has waived her right", "NAME said he": the pronoun is the name's (not one
# after "of": "Leopold Stokowski, who fathered two of her sons" is no "her")
_PRONOUN_AFTER = re.compile(
    r"(?:,\s*\d{1,3})?,\s+who\s+[^,.;:!?\"“”()]{0,60}?(?<!\bof )\b(?P<who>his|her|himself|herself)\b"
    r"|\s+(?:said|says|added|told\s+\w+|explained|insisted|argued|claimed|wrote)\s+(?:that\s+)?(?P<said>he|she)\b")
# a capitalised word that speaks alone ("Maróth said")
# (verbs a person speaks with, not a body: "Geingob tweeted", not "Moody's warned")
_SAID_AFTER = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:said|says|told|noted|added|stated|pointed out|wrote|argued|tweeted|"
                         r"explained|insisted|replied|recalled|admitted|testified)\b")
_BORN = re.compile(r"(?<![\w-])born\s+$")  # (not "South Korean-born Monte Haines")
# a description that opens a sentence and ends in a comma before a name in apposition
_APPOSED_SUBJECT = re.compile(r"\W*(?:(?:But|And|Then|Meanwhile)\s+)?(?:A|An|The|Another|One)\s+[^,.;:!?\"“”()]{2,100},\s*")
# a sentence that opens with a prepositional phrase: "In an interview with ", "According to "
_FRONTED = re.compile(r"\W*(?:In|At|During|After|Before|With|Following|Since|Unlike|Like|According\s+to|Under|From|"
                      r"For|To|On|Despite|Against|Besides|Beside|(?:Speaking|Talking|Writing|Responding)\s+(?:to|with))"
                      r"\s[^,.;:!?\"“”]*$")
# a title, then two or three capitalised words and no more
_TITLED = re.compile(r"\b(?P<title>[A-Z][a-z]+)\.?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b(?!\s+[A-Z])")
# a role word in lower case, then titles or a place, or "of" and a body, right before a name
_ROLE_BEFORE_TITLES = re.compile(r"\b([a-z][a-z-]+)\s+(?:of\s+(?:the\s+)?)?(?:[A-Z][\w.'’-]*\s+){1,4}$")
_ROLE_OF_AFTER = re.compile(r"^,\s+(?:(?:a|an|the|his|her|its|our)\s+(?:[a-z][\w'’-]*\s+){0,2}?)?([a-zà-ÿ][a-zà-ÿ-]+)\s+of\s+")
# a role before what it is responsible for: "Gáspár Maróth, the Hungarian Government commissioner responsible for"
_ROLE_THEN_SCOPE = re.compile(r"^(?:['’]s)?,\s+(?:a|an|the|his|her|its|our)\s+(?:[\w.'’-]+\s+){0,4}?"
                              r"([a-z][a-z-]+)\s+(?:responsible\s+for|in\s+charge\s+of|for|at|in|on|with)\s+")
# a role in lower case, a comma, then the name in apposition: "England's transport
# secretary, Grant Shapps,"
_ROLE_THEN_COMMA = re.compile(r"\b([a-z][a-z-]+),\s+$")
# "the House Oversight and " right before an organisation NER named from "Reform Committee"
_CUT_AT_AND = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w'’.-]*\s+){1,4}(?:and|&|of|for)\s+)$")
# two to four capitalised words (Spanish particles between them: "de", "del", "de la", "y"),
# then a comma or a verb of saying: a name in apposition or one who speaks
_NAME_THEN = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z][\w'’-]+(?:\s+(?:(?:de|del|de\s+la|y)\s+)?[A-Z][\w'’-]+){1,3})"
    r"(?=,\s|\s+(?:said|says|told|noted|added|stated|wrote|argued|announced|explained)\b)")
_TITLE_LINE = 300  # a longer first line is a paragraph (as ingest's title_line has it)
_POSSESSIVE_IN = re.compile(r"['’]s\s")
_MRS = re.compile(r"\b(?:Mrs|Ms|Miss)\.?\s*$")
_GENDERED = "|".join(sorted(GENDERED_NOUNS, key=len, reverse=True))
# a noun of gender as the name's role: "His sister, Mahnefah Gray", "Councilwoman Ana Lopez", "her son Tom"
_ROLE_BEFORE = re.compile(rf"\b({_GENDERED})(?:-in-law)?\s*,?\s+$", re.IGNORECASE)
# or set after it: "Al Smith, her husband," "Ann Lee, the mother of two,"
_ROLE_AFTER = re.compile(rf"^,\s+(?:his|her|their|the|a|an)\s+(?:[\w'’-]+\s+){{0,2}}?({_GENDERED})\b(?![’']s\b)",
                         re.IGNORECASE)  # not a possessor: "Mary Smith, the boy's mother,"


@dataclass(slots=True)
class Name:
    text: str  # cleaned name
    start: int
    end: int
    label: str  # PERSON, ORG, ...
    sentence: int
    gender: str | None = None
    headline: bool = False  # in a title-case line, where NER glues words to names



class Article:
    """What resolution needs to know about one article, computed once (``article_of``)."""

    def __init__(self, text: str, doc) -> None:
        self.text = text
        self.sent_starts = self._sentence_starts(doc)
        self._lower: set[str] | None = None  # the words the text writes in lower case, read once if asked
        self._headline: dict[int, bool] = {}
        self.names: list[Name] = []
        self.first_surnames: dict[str, str] = {}  # "Rosselló": "Ricardo Rosselló Nevares"
        others: list[tuple[str, int, str]] = []  # places, buildings and works NER named: some are persons
        for ent in doc.ents:
            name = clean_name(ent.text)
            if ent.label_ in ("FAC", "LOC", "WORK_OF_ART"):
                others.append((ent.text, ent.start_char, ent.label_))
            # a person behind titles NER took for an organisation or a work ("Undersheriff James Gage")
            behind = _person_after_titles(name) if ent.label_ in ("ORG", "WORK_OF_ART") else None
            if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE") and not behind:
                continue
            if ent.label_ == "PERSON":
                name = self._without_leading_noun(OCCUPATION_RE.sub("", name), ent.start_char)
            name = behind or name
            if not name or not re.search(r"[A-Za-z]", name):
                continue
            start = ent.start_char + ent.text.find(name) if name in ent.text else ent.start_char
            # a ship ("INS Mysore") is no person: a body that may speak for its crew
            label = "ORG" if ent.label_ == "PERSON" and name.split()[0] in SHIP_PREFIXES and " " in name else ent.label_
            label = "PERSON" if behind else label
            self.names.append(
                Name(name, start, start + len(name), label, self.sentence_of(ent.start_char),
                      self._gender(name, ent.start_char), self.in_headline(ent.start_char))
            )
        self._end_at_possessives()
        self._persons_cut_short(text)
        self._couples(text)
        self._people_called_organisations(text)
        self._people_mislabelled(text, others)
        self._surnames_mislabelled(text)
        self._surname_of_body(text)
        self._names_untagged(text)
        self._surnames_untagged(text)
        self._titled_untagged(text)
        self._organisations_cut(text)
        self._organisations_cut_at_and(text)
        self._organisations_of_place(text)
        self._birth_names(text)
        self.names.sort(key=lambda n: n.start)  # by place: bisected (name_starts)
        self.persons = sorted((n for n in self.names if n.label == "PERSON"), key=lambda n: n.start)
        self.person_starts = [p.start for p in self.persons]
        self._fullest: dict[tuple[str, str, str | None], str] = {}
        self._names_by_end: dict[str, tuple[dict[str, int], dict, dict[str, int]]] = {}
        self._orgs: dict[str, Name] | None = None
        self._by_text: dict[str, list[Name]] | None = None
        self._person_tokens: set[tuple[str, ...]] | None = None
        self.name_starts = [n.start for n in self.names]
        self._genders: dict[str, str | None] = {}
        self._votes: dict[str, tuple[int, int]] | None = None
        self.outlets = _find_mentions(text)
        _resolve_short_forms(self.outlets)
        self.roles = self._roles()
        self.title_roles = self._title_roles()
        self.abbreviations = abbreviations(text)
        self.initials: dict[str, str] = {}  # (not spelled out: "the_company" does not count these)
        self._initials_unspelled(text)
        self._turns: list[Turn] | None = None
        self._headlines: dict[str, set[tuple[str, ...]]] = {}

    def lower_words(self) -> set[str]:
        """The words the text writes in lower case (read once)."""
        if self._lower is None:
            self._lower = set(re.findall(r"\b[a-z][a-z'’-]+\b", self.text))
        return self._lower

    def _without_leading_noun(self, name: str, start: int) -> str:
        """A person's name without the common noun NER took into it where a sentence
        opens with the person's role: "Lawyer Alexis Kougias" (a noun of persons),
        "Voter Kitty Mak" (before a first name, a word the article writes in lower case or
        that ends as nouns of agents do: -er, -or, -ist, -ant, -ent).

        (A first name is kept: "Will Smith", though "will" is a common word.)"""
        words = name.split()
        if len(words) < 3 or not words[0][:1].isupper() or not name[:1].isupper():
            return name
        first, given = words[0].casefold(), words[1].casefold()
        # the place of a title before the name: "First Minister of Scotland Nicola Sturgeon"
        # (NER: "Scotland Nicola Sturgeon"), also a place that is a first name too ("Prime
        # Minister of India Narendra Modi": "India")
        of = re.search(r"\b([A-Z][\w-]*)\s+of\s+$", self.text[max(0, start - 40):start])
        if of and (given in FEMALE | MALE or of.group(1).casefold() in TITLES):
            return name.split(None, 1)[1]
        if first in FEMALE | MALE:
            return name
        if first in PERSON_NOUNS or first in GENDERED_NOUNS:
            return name.split(None, 1)[1]
        if given not in FEMALE | MALE or self.sent_starts[self.sentence_of(start)] < start - 3:
            return name
        lower = self.lower_words()
        if first in lower or f"{first}s" in lower or re.search(r"[a-z](?:er|or|ist|ant|ent)$", first):
            return name.split(None, 1)[1]
        return name

    def persons_within(self, start: int, end: int) -> list[Name]:
        """The persons named from ``start`` (included) to ``end`` (excluded), by where they start."""
        return self.persons[bisect_left(self.person_starts, start):bisect_left(self.person_starts, end)]

    @property
    def turns(self) -> list[Turn]:
        """The interview's labelled turns ([] for news prose)."""
        if self._turns is None:
            # not the names NER glues together in title-case lines ("Bernie Sanders Pins The
            # Rise Of ISIS ..."), which would make a headline a speaker's label
            names = [self.fullest(p.text) for p in self.persons if not p.headline]
            self._turns = speaker_turns(self.text, names) if may_have_turns(self.text) else []
        return self._turns

    @staticmethod
    def _sentence_starts(doc) -> list[int]:
        if doc.has_annotation("SENT_START"):
            return [s.start_char for s in doc.sents]
        return [0] + [m.end() for m in re.finditer(r"[.!?][\"”’']?\s+|\n+", doc.text)]

    def in_headline(self, pos: int) -> bool:
        """Whether ``pos`` is on a line written in title case ("Clinton Hid Past Health ..."),
        or on the text's first line when a blank line follows it, as a title does (ingest's
        rule: "Game over: Will Sanders come down ...", where NER reads "Will Sanders")."""
        start = self.text.rfind("\n", 0, pos) + 1
        if start in self._headline:
            return self._headline[start]
        end = self.text.find("\n", pos)
        self._headline[start] = self._title_case(start, end) or (
            start == 0 and end > 0 and self.text.startswith("\n", end + 1) and end < _TITLE_LINE
            and not self.text[:end].rstrip().endswith((".", '"', "”")))
        return self._headline[start]

    def _title_case(self, start: int, end: int) -> bool:
        words = re.findall(r"[A-Za-z][\w'’-]*", self.text[start:end if end >= 0 else len(self.text)])
        long_words = [w for w in words if len(w) > 3]
        return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)

    def quoted(self, pos: int) -> bool:
        """Whether ``pos`` lies between quotation marks (counted from its paragraph start)."""
        para = self.text.rfind("\n", 0, pos) + 1
        opened = self.text.count("“", para, pos) - self.text.count("”", para, pos)
        straight = self.text.count('"', para, pos) % 2
        return opened > 0 or straight == 1

    def in_question(self, pos: int) -> bool:
        """Whether the sentence at ``pos`` ends with a question mark (before any closing
        quotation mark)."""
        k = self.sentence_of(pos)
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.text)
        return self.text[self.sent_starts[k]:end].rstrip().rstrip("\"”’'").endswith("?")

    def opens_sentence(self, name: Name) -> bool:
        """Whether ``name`` opens its sentence (after a word or two: "But Guardian, ...")."""
        return self.sent_starts[name.sentence] >= name.start - 25

    def is_subject(self, name: Name) -> bool:
        """Whether ``name`` is its sentence's subject: it opens the sentence, or stands in
        apposition to a description that does ("A professor of economics at the University
        of Athens, Yanis Varoufakis, did not go to work")."""
        if self.opens_sentence(name):
            return True
        opening = self.text[self.sent_starts[name.sentence]:name.start]
        return bool(_APPOSED_SUBJECT.fullmatch(opening)) and bool(re.match(r"\s*,\s", self.text[name.end:name.end + 3]))

    def fronted_object(self, name: Name, pronoun: int) -> bool:
        """Whether ``name`` is the object in a phrase that opens the sentence of a pronoun
        at ``pronoun`` and ends right before it, which the pronoun cannot stand for: "In
        an interview with Dawn, she said" (she is not Dawn); "In Mujahir's recording, he
        claims" (a possessive) may be Mujahir."""
        opening = self.text[self.sent_starts[self.sentence_of(pronoun)]:name.start]
        # (the name's body after it too: "Speaking to Martin Smith of PBS, he said")
        return bool(_FRONTED.match(opening)) and bool(re.fullmatch(
            r"(?:\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})?\s*,\s*",
            self.text[name.end:pronoun]))

    def sentence_of(self, pos: int) -> int:
        lo, hi = 0, len(self.sent_starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if self.sent_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid
        return lo

    def _gender(self, name: str, start: int) -> str | None:
        before = self.text[max(0, start - 6):start]
        if _MRS.search(before):
            return "f"
        if re.search(r"\bMr\.?\s*$", before):
            return "m"
        # a role that says it ("His sister, Mahnefah Gray") before any list of first names
        role = _ROLE_BEFORE.search(self.text, max(0, start - 30), start) \
            or _ROLE_AFTER.match(self.text[start + len(name):start + len(name) + 60])
        if role:
            return GENDERED_NOUNS[role.group(1).casefold()]
        # a first name says the gender only before a surname: a name alone is a surname
        # ("Clinton", "Carter" are also men's first names); a census name that East Asian
        # names put first as a surname says nothing ("Ma Ngok")
        first = tokens(name)[:1] if len(tokens(name)) > 1 else ()
        if first and first[0] in SURNAMES_FIRST and first[0] not in NEWS_FEMALE | NEWS_MALE:
            return None
        if first and first[0] in FEMALE:
            return "f"
        if first and first[0] in MALE:
            return "m"
        return None

    def _persons_cut_short(self, text: str) -> None:
        """A person's name NER ended before its last word, where the article names that word
        alone as a person elsewhere: "Judge Amy Berman Jackson" (NER: "Amy Berman"; "Judge
        Jackson stated" later). The capitalised word right after the name (one space, the same
        line, no other capitalised word after it) joins the name, when NER gave it no name of
        its own there and it is no word the text writes in lower case, no title and no
        organisation's word.

        >>> from newstrace.extract.nlp import analyse
        >>> t = ("Paul Manafort was sentenced by Judge Amy Berman Jackson to 73 months in federal prison. "
        ...      "Judge Jackson stated that it was fair.")
        >>> [n.text for n in article_of(t, analyse(t)).persons if "Jackson" in n.text][0]
        'Amy Berman Jackson'
        """
        alone = {n.text for n in self.names if n.label == "PERSON" and re.fullmatch(r"[A-Z][\w'’-]+", n.text)}
        if not alone:
            return
        starts = {n.start for n in self.names}
        lower = None
        for n in self.names:
            if n.label != "PERSON" or n.headline or not 1 <= len(n.text.split()) <= 3 or n.text in alone:
                continue
            m = re.match(r" ([A-Z][\w'’-]+)(?![\w'’-]| +[A-Z])", text[n.end:n.end + 40])
            if not m or m.group(1) not in alone or n.end + 1 in starts or n.text.endswith(m.group(1)):
                continue
            lower = self.lower_words() if lower is None else lower
            word = m.group(1).casefold()
            if word in lower or word in TITLE_WORDS or word in ORG_WORDS:
                continue
            n.text, n.end = f"{n.text} {m.group(1)}", n.end + m.end()
            n.gender = n.gender or self._gender(n.text, n.start)

    def _couples(self, text: str) -> None:
        """Two people named with one surname, "Cherie and Sean O'Donnell", "David and Louise
        Turpin": the first name alone (a known first name NER named a person, or left
        untagged) is that surname's person, "Cherie O'Donnell" (then "Cherie said" is her).

        >>> from newstrace.extract.nlp import analyse
        >>> t = "The judge sentenced David and Louise Turpin to life in prison. David Turpin said nothing."
        >>> sorted({n.text for n in article_of(t, analyse(t)).persons})
        ['David Turpin', 'Louise Turpin']
        """
        at = {n.end: n for n in self.names}  # (by where they end: "Honour Cherie", a title NER took in)
        for n in list(self.names):
            words = n.text.split()
            if n.label != "PERSON" or n.headline or len(words) < 2 or not _first_name(words[0]) \
                    or any(w.casefold() in ORG_WORDS for w in words):
                continue
            m = re.search(r"(?<![\w'’.-])([A-Z][a-z'’-]+) and $", text[max(0, n.start - 30):n.start])
            if not m or not _first_name(m.group(1)) or m.group(1) in ("And", "But"):
                continue
            start = n.start - len(m.group(0))
            before = re.search(r"([A-Z][\w'’.-]*)[ \t]+$", text[max(0, start - 30):start])
            if before and (_first_name(before.group(1)) or before.group(1).casefold().rstrip(".") in TITLES):
                continue  # a surname: "Laurence Mark and Bill Condon", "Mr. Kasich and Jeb Bush" (not "Honour Cherie")
            if re.match(r"[ \t]+[A-Z]", text[n.end:n.end + 3]):
                continue  # a body's name: "the Bill and Hillary Clinton Foundation"
            first = at.get(start + len(m.group(1)))
            if first is not None and (first.label not in ("PERSON", "NORP", "ORG") or first.start < start - 30
                                      or not first.text.endswith(m.group(1))):
                continue
            full = f"{m.group(1)} {' '.join(words[1:])}"
            if first is None:
                first = Name(full, start, start + len(m.group(1)), "PERSON", n.sentence)
                self.names.append(first)
            first.text, first.label, first.start = full, "PERSON", start
            first.gender = self._gender(full, start)

    def _people_called_organisations(self, text: str) -> None:
        """en_core_web_sm often calls a person an organisation ("Gáspár Maróth", "Nikki
        Haley", "Morgan Tsvangirai": ORG). Two or three capitalised words with no word of an
        organisation's name are a person's name when the first is a known first name, or
        when the article names the last one alone as a person or as one who speaks
        ("Maróth said", "Tsvangirai")."""
        persons = {n.text for n in self.names if n.label == "PERSON"}
        lower = speaking = None  # read from the text once, and only if some ORG may be a person
        for n in self.names:
            words = n.text.split()
            if n.label != "ORG" or not 2 <= len(words) <= 3 or n.headline \
                    or not all(re.fullmatch(r"[A-Z][\w'’-]+", w) for w in words) \
                    or any(w.casefold() in ORG_WORDS for w in words) \
                    or (len(words) == 3 and " ".join(words[1:]) in persons):  # "Fault Ted Cruz": glued
                continue
            first, last = words[0].casefold(), words[-1]
            if lower is None:
                lower = self.lower_words()
                speaking = set(re.findall(_SAID_AFTER, text))
            # not "New Hampshire Sanders", "Spokeswoman Haley Morris": words the text also
            # writes in lower case are not first names
            if first in lower or first in PERSON_NOUNS:
                continue
            if _first_name(words[0]) or last in persons or last in speaking:
                n.label = "PERSON"
                bare = self._without_leading_noun(n.text, n.start)  # "Voter Kitty Mak"
                n.start, n.text = n.end - len(bare), bare
                n.gender = n.gender or self._gender(n.text, n.start)

    def _people_mislabelled(self, text: str, others: list[tuple[str, int, str]]) -> None:
        """A person's name NER gave another label, or glued to a place, a title or an
        organisation before it: "Qeshm island governor Heydar Alishbandi told AFP" (FAC),
        "protester Paris Kyriakides" (FAC; "Kyriakides said" later), "Hugh Jackman" (GPE;
        "Jackman" a person elsewhere), "Qeshm Governor Mehdi Irannejad" (a work), "Hong Kong
        director of Amnesty International Man-kei Tam said" (ORG). The last two or three
        capitalised words are the person's name when they hold no word of an organisation,
        title or lower-case prose, and the last is a person NER named alone elsewhere or one
        who speaks ("Tam said"), or the first a known first name; where words stand before
        them inside the entity, the last of those is a title or ends an organisation's name.
        A place (GPE) is a person only by the last word (never by a first name: "Santa Clara")."""
        persons = {n.text for n in self.names if n.label == "PERSON" and " " not in n.text}
        full_persons = {n.text for n in self.names if n.label == "PERSON" and " " in n.text}
        speaking = set(re.findall(_SAID_AFTER, text))
        lower = self.lower_words()
        cands = [(n.text, n.start, n.label, n) for n in self.names if n.label in ("ORG", "GPE") and not n.headline]
        cands += [(clean_name(t), s + max(0, t.find(clean_name(t))), lab, None) for t, s, lab in others
                  if not self.in_headline(s)]
        for name, start, label, entity in cands:
            words = name.split()
            if len(words) < 2:
                continue
            for k in (3, 2):
                if len(words) < k:
                    continue
                person, before = words[-k:], words[:-k]
                if k == 3 and " ".join(person[1:]) in full_persons:
                    continue  # a word glued to a person NER knows: "Fault Ted Cruz", "Imagine Brad Thor"
                if not all(re.fullmatch(r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)?", w) for w in person) \
                        or any(w.casefold() in lower or w.casefold() in ORG_WORDS or _title_like(w) for w in person):
                    continue
                last = person[-1]
                known = last in persons or last in speaking
                if before and not (_title_like(before[-1]) or before[-1].casefold() in ORG_WORDS):
                    continue
                if not (known or (label != "GPE" and _first_name(person[0]))):
                    continue
                at = start + name.rfind(" ".join(person))
                end = at + len(" ".join(person))
                if entity is not None and before and before[-1].casefold() in ORG_WORDS:
                    entity.text = " ".join(before)  # the organisation before the person keeps its name
                    entity.end = entity.start + len(entity.text)
                elif entity is not None:
                    self.names.remove(entity)
                self.names.append(Name(" ".join(person), at, end, "PERSON", self.sentence_of(at),
                                       self._gender(" ".join(person), at)))
                break

    def _birth_names(self, text: str) -> None:
        """A birth name is no other person, nor the name the article calls the person by:
        "Ginger Baker was born Peter Edward Baker in Lewisham" is a mention of Ginger Baker
        (a "he" after it is Ginger Baker's); with no person named before it in its sentence
        it is dropped."""
        for n in [n for n in self.names if n.label == "PERSON" and _BORN.search(text, max(0, n.start - 8), n.start)]:
            before = [p for p in self.names if p.label == "PERSON" and p.end < n.start and p.sentence == n.sentence
                      and p is not n]
            self.names.remove(n)
            if before:
                p = max(before, key=lambda p: p.start)
                self.names.append(Name(p.text, n.start, n.end, "PERSON", n.sentence, n.gender or p.gender, n.headline))

    def _surnames_mislabelled(self, text: str) -> None:
        """A person's surname NER labelled a place or an organisation, with the first name
        before it left out, where the article names that person in full elsewhere:
        "Jamal Khashoggi, a Saudi national, was a columnist" (NER: "Khashoggi", GPE)."""
        full = {n.text for n in self.names if n.label == "PERSON" and len(n.text.split()) == 2}
        for n in [n for n in self.names if n.label in ("ORG", "GPE") and " " not in n.text and not n.headline]:
            m = re.search(r"\b([A-Z][\w'’-]+) $", text[max(0, n.start - 30):n.start])
            if m and f"{m.group(1)} {n.text}" in full:
                self.names.remove(n)
                at = n.start - len(m.group(1)) - 1
                self.names.append(Name(f"{m.group(1)} {n.text}", at, n.end, "PERSON", self.sentence_of(at),
                                       self._gender(f"{m.group(1)} {n.text}", at)))

    def _surname_of_body(self, text: str) -> None:
        """A person's surname and the body they are of, which NER took for one organisation,
        where the article names that person in full before: "Wilson of C-MORE" after "Sam
        Wilson" (the surname a person's, "C-MORE" an organisation)."""
        surnames = {n.text.split()[-1] for n in self.names if n.label == "PERSON" and len(n.text.split()) >= 2}
        for n in [n for n in self.names if n.label == "ORG" and not n.headline]:
            m = re.fullmatch(r"([A-Z][\w'’-]+) of ((?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})", n.text)
            if m and m.group(1) in surnames and not any(
                    p.label == "PERSON" and p.text.endswith(n.text) for p in self.names):
                self.names.remove(n)
                body = n.start + m.start(2)
                self.names.append(Name(m.group(1), n.start, n.start + len(m.group(1)), "PERSON",
                                       n.sentence, self._gender(m.group(1), n.start)))
                self.names.append(Name(m.group(2), body, n.end, "ORG", n.sentence))

    def _names_untagged(self, text: str) -> None:
        """A person's full name NER gave no label, in apposition or speaking: "Ricardo
        Rosselló Nevares, Puerto Rico's governor, announced ..." (later "Rosselló said").
        Two to four capitalised words (particles "de", "del", "y" between them) before a
        comma or a verb of saying, touching no name NER gave, none of them a word the text
        writes in lower case, a title or an organisation's word, are a person's name when
        the first is a known first name, or when one of the others is a person NER named
        alone elsewhere or one who speaks ("Rosselló said")."""
        single = {n.text for n in self.names if n.label == "PERSON" and " " not in n.text}
        speaking: dict[str, list[int]] = {}  # (where: "the Founding Fathers wrote" is no evidence of itself)
        for m in _SAID_AFTER.finditer(text):
            speaking.setdefault(m.group(1), []).append(m.start(1))
        taken = sorted((n.start, n.end) for n in self.names)
        lower = None
        for m in _NAME_THEN.finditer(text):
            start, end = m.span("name")
            if self.in_headline(start) or re.search(r"[A-Z][\w'’.-]*[ \t]+$", text[max(0, start - 30):start]):
                continue  # (the end of a longer run of capitalised words)
            k = bisect_left(taken, (end, -1))
            if k and taken[k - 1][1] > start or k < len(taken) and taken[k][0] < end:
                continue  # NER named some of it
            words = [w for w in m.group("name").split() if w[:1].isupper()]
            if any(w.endswith(("'", "’")) or re.search(r"['’]s$", w) or w.isupper() for w in words):
                continue  # a possessor or initials are no part of a name: "Democracy Corps’ Stan Greenberg", "PAC"
            lower = self.lower_words() if lower is None else lower
            if any(w.casefold() in lower or w.casefold() in ORG_WORDS or _title_like(w) for w in words):
                continue
            if not (_first_name(words[0]) or any(w in single or any(not start <= at < end for at in speaking.get(w, ()))
                                                 for w in words[1:])):
                continue
            self.names.append(Name(m.group("name"), start, end, "PERSON", self.sentence_of(start),
                                   self._gender(m.group("name"), start)))
            taken.insert(k, (start, end))

    def _surnames_untagged(self, text: str) -> None:
        """The surname of a person the article names in full is that person wherever it
        stands alone, whatever NER made of it there: "Waseem appeared in a news conference
        ..." after "Mohammed Waseem" (NER gave that "Waseem" no label, and twice ORG).
        Not a word next to another capitalised word (a name of its own: "Kimani Gray")."""
        surnames = {}
        for n in self.names:
            words = n.text.split()
            if n.label == "PERSON" and len(words) > 1 and not n.headline \
                    and re.fullmatch(r"[A-Z][\w'’-]+", words[-1]) and words[-1].casefold() not in FEMALE | MALE:
                surnames[words[-1]] = n
        # a first surname of two (Spanish: "Rosselló" of "Ricardo Rosselló Nevares"), where the
        # article writes it alone as a name NER gave or as one who speaks, and no other person
        # ends with it
        alone = {n.text for n in self.names if " " not in n.text and n.label in ("PERSON", "ORG")}
        alone |= set(re.findall(_SAID_AFTER, text))
        for n in list(self.names):
            words = n.text.split()
            if n.label == "PERSON" and len(words) == 3 and not n.headline and words[1] in alone \
                    and re.fullmatch(r"[A-Z][\w'’-]+", words[1]) and not _first_name(words[1]) \
                    and words[1] not in surnames and _first_name(words[0]):
                surnames[words[1]] = n
                self.first_surnames.setdefault(words[1], n.text)
        # not a word the article also writes in lower case ("Mark Young" and "Young people")
        lower = self.lower_words()
        surnames = {w: n for w, n in surnames.items() if w.casefold() not in lower}
        self.first_surnames = {w: full for w, full in self.first_surnames.items() if w in surnames}
        if not surnames:
            return
        taken = [(n.start, n.end) for n in self.names]
        for n in self.names:
            if n.label == "ORG" and n.text in surnames and not self._next_to_capital(n.start, n.end):
                n.label = "PERSON"
        starts = sorted(s for s, _ in taken)
        ends = {s: e for s, e in taken}
        for word in surnames:
            for m in re.finditer(rf"(?<![\w'’.-]){re.escape(word)}(?![\w-])", text):
                k = bisect_left(starts, m.end())
                if k and ends[starts[k - 1]] > m.start() or self._next_to_capital(m.start(), m.end()) \
                        or self.in_headline(m.start()):
                    continue  # inside a name NER gave, or part of another
                self.names.append(Name(word, m.start(), m.end(), "PERSON", self.sentence_of(m.start())))

    def _organisations_cut(self, text: str) -> None:
        """A person NER cut out of an organisation's name the article gives elsewhere is that
        organisation: "Rogaland Fire" (PERSON) of "Rogaland Fire and Rescue requested"."""
        orgs = {n.text for n in self.names if n.label == "ORG" and " " in n.text}
        # (not two persons NER took for one organisation: "Braynard and Chrabaszcz")
        surnames = {n.text.split()[-1] for n in self.names if n.label == "PERSON" and " " in n.text}
        for n in self.names:
            if n.label == "PERSON" and n.text not in surnames:  # ("Braynard" of Matt Braynard stays his)
                whole = max((o for o in orgs if len(o) > len(n.text) and text.startswith(o, n.start)
                             and not text[n.end:n.start + len(o)].strip().startswith(("'", "’"))
                             and not surnames & set(o[len(n.text):].split())),
                            key=len, default=None)
                if whole:
                    n.label, n.text, n.end, n.gender = "ORG", whole, n.start + len(whole), None

    def _organisations_cut_at_and(self, text: str) -> None:
        """An organisation's name NER began after its "and" or "of": "Reform Committee" of
        "the House Oversight and Reform Committee" is the whole name (capitalised words after
        "the", then "and", "&", "of" or "for"), when it ends with a word of organisations."""
        for n in self.names:
            if n.label != "ORG" or n.headline or not n.text[:1].isupper() or n.text.split()[0] in ("The", "A", "An") \
                    or n.text.split()[-1].casefold() not in ORG_WORDS | ORG_HEADS:
                continue
            m = _CUT_AT_AND.search(text, max(0, n.start - 80), n.start)
            # (not two names joined: "the FBI and Justice Department")
            if m and not any(o is not n and m.start(1) <= o.start < n.start for o in self.names):
                n.text, n.start = text[m.start(1):n.end], m.start(1)

    def _organisations_of_place(self, text: str) -> None:
        """An organisation's name NER ended before "of" and the place or body it is of: "the
        Supreme Court" + "of" + "the United Kingdom" is one name, "the Supreme Court of the
        United Kingdom" (as NER itself reads "the Parliament of the United Kingdom"), when
        it ends with a word of organisations."""
        self.names.sort(key=lambda n: n.start)
        drop = set()
        org_words = " ".join(n.text for n in self.names if n.label == "ORG")
        for k, n in enumerate(self.names[:-1]):
            g = self.names[k + 1]
            # (a place NER called a person, which the article names an organisation after:
            # "Puerto Rico" of "the Puerto Rico Senate")
            place = g.label in ("GPE", "ORG") \
                or g.label == "PERSON" and re.search(rf"\b{re.escape(g.text)} [A-Z]", org_words)
            if n.label == "ORG" and place and not n.headline and k not in drop \
                    and n.text.split()[-1].casefold() in ORG_WORDS | ORG_HEADS \
                    and re.fullmatch(r"\s+of\s+", text[n.end:g.start]) and n.sentence == g.sentence:
                n.text, n.end = text[n.start:g.end], g.end
                drop.add(k + 1)
        if drop:
            self.names = [n for k, n in enumerate(self.names) if k not in drop]

    def _initials_unspelled(self, text: str) -> None:
        """An abbreviation the article uses without spelling it out in brackets, made of the
        initials of an organisation it names in full: "The USGS" after "the U.S. Geological
        Survey" (a dotted abbreviation gives all its letters)."""
        for n in self.names:
            if n.label != "ORG" or n.headline:
                continue
            words = [w for w in re.sub(r"^(?:the|a|an)\s+", "", n.text, flags=re.IGNORECASE).split() if w[:1].isupper()]
            if len(words) < 2:
                continue
            initials = "".join(re.sub(r"[^A-Z]", "", w) if re.fullmatch(r"(?:[A-Z]\.)+", w) else w[0] for w in words)
            if len(initials) >= 3 and initials not in self.abbreviations and initials not in self.initials \
                    and re.search(rf"(?<![\w.-]){initials}(?![\w-])", text):
                self.initials[initials] = clean_name(re.sub(r"^(?:the|a|an)\s+", "", n.text, flags=re.IGNORECASE))

    def _titled_untagged(self, text: str) -> None:
        """A name of two or three capitalised words after a title is a person's, where NER
        gave those words no name: "Princess Ubolratana Mahidol", "Governor Ricardo Rosselló
        Nevares". Not words the text also writes in lower case or titles themselves ("Vice
        President"), nor an organisation's words ("General Motors Company")."""
        taken = sorted((n.start, n.end) for n in self.names)
        lower = None
        for m in _TITLED.finditer(text):
            if m.group("title").casefold() not in TITLE_WORDS or self.in_headline(m.start()):
                continue
            start, end = m.span("name")
            k = bisect_left(taken, (end, -1))
            if k and taken[k - 1][1] > start or k < len(taken) and taken[k][0] < end:
                continue  # NER named some of it
            words = [w.casefold() for w in m.group("name").split()]
            lower = self.lower_words() if lower is None else lower
            if any(w in lower or w in TITLE_WORDS or w in ORG_WORDS for w in words):
                continue
            self.names.append(Name(m.group("name"), start, end, "PERSON", self.sentence_of(start),
                                   self._gender(m.group("name"), start)))

    def _next_to_capital(self, start: int, end: int) -> bool:
        """Whether a capitalised word stands right before or after ``start:end`` (same line)."""
        return bool(re.search(r"[A-Z][\w'’.-]*[ \t]+$", self.text[max(0, start - 30):start])
                    or re.match(r"(?:['’]s)?[ \t]+[A-Z]", self.text[end:end + 30]))

    def _end_at_possessives(self) -> None:
        """A person's name that NER ran on past a possessive ("Trump’s Jewish supporters",
        "Cruz’s Iowa") ends at it, when what comes before is a person the article names
        elsewhere; "Swiss People’s Party" and "Dave Leip’s Atlas" stay whole."""
        others = [tokens(n.text) for n in self.names if n.label == "PERSON" and not _POSSESSIVE_IN.search(n.text)]
        for n in self.names:
            cut = _POSSESSIVE_IN.search(n.text) if n.label == "PERSON" else None
            if cut and any(is_short_form(tokens(n.text[:cut.start()]), o) for o in others):
                n.text, n.end = n.text[:cut.start()], n.start + cut.start()

    def fullest(self, name: str, label: str = "PERSON", gender: str | None = None) -> str:
        """The longest name of the article that ``name`` is a short form of; with
        ``gender`` (a "Mrs." or "Mr." before it), of two persons or more who share the
        word, those of that gender or of none known: "Mrs. Clinton" is not the Bill Clinton
        an article names first."""
        key = (name, label, gender)
        if key not in self._fullest:
            self._fullest[key] = self._find_fullest(name, label, gender)
        return self._fullest[key]

    def _full_names_gender(self, spellings: list[str]) -> str | None:
        """The gender one person's full spellings say (a first name, a "Mrs." before one),
        None when they say none or two."""
        genders = {n.gender for n in self.persons if n.gender and n.text in spellings and len(tokens(n.text)) > 1}
        return genders.pop() if len(genders) == 1 else None

    def _find_fullest(self, name: str, label: str, gender: str | None = None) -> str:
        """The fullest name ``name`` is a short form of: of one person's spellings, the
        longest ("Donald J. Trump" for "Trump"); of different persons who share the word,
        the one the article makes most of: named in its headline, else named in full most
        often, else named first ("Murphy": the Chris Murphy of the headline, not the Anne
        Marie Murphy of a later paragraph; a court case's "Trump v. Trump" is no person).
        One word is a surname before it is a first name: "Jack noted" after "Gov. Jack
        Dalrymple ... said Brian Jack" is Brian Jack."""
        toks = tokens(name)
        if not toks:
            return name
        if label == "PERSON" and name in self.first_surnames:
            return self.first_surnames[name]
        counts, by_end, rank = self._name_index(label)
        cands = sorted(set(by_end.get(toks[-1], ())), key=rank.__getitem__)
        if len(toks) == 1:
            surnames = [c for c in cands if len(tokens(c)) > 1 and tokens(c)[-1] == toks[0]]
            cands = surnames or sorted(set(by_end.get(("first", toks[0]), ())), key=rank.__getitem__)
        persons: list[list[str]] = []  # spellings of one person, in the article's order
        for cand in cands:
            if not is_short_form(toks, tokens(cand)) or not self.reliable(cand):
                continue
            same = next((p for p in persons if any(is_short_form_or_equal(cand, o) or is_short_form_or_equal(o, cand)
                                                   for o in p)), None)
            if same is None:
                persons.append([cand])
            else:
                same.append(cand)
        if gender is not None and len(persons) > 1:
            # a choice between namesakes ("Bill Clinton", "Hillary Clinton"): the title's
            # gender decides; one person alone keeps the name (a first name's gender is a
            # guess: "Lindsey Graham")
            persons = [p for p in persons if self._full_names_gender(p) in (None, gender)] or persons
        if label != "PERSON":
            # an organisation's name with the place or body it is of: "the Supreme Court" is
            # the "Supreme Court of the United Kingdom" the article names, not the headline's
            # "UK Supreme Court"; one word ("Parliament") only where no other name ends with it;
            # and only where the article's text introduces the body by that name (its first
            # mention after the headline line): not "the Prohibition Party of Illinois", a
            # branch named once after "the Prohibition Party"
            of = {c for c in counts if tokens(c)[:len(toks) + 1] == (*toks, "of")}
            if len({tokens(c) for c in of}) == 1 and (len(toks) > 1 or all(
                    tokens(c) == toks for p in persons for c in p)) and self._first_body_mention(toks) in of:
                return max(of, key=lambda c: (len(c), counts[c]))
        if not persons and label == "PERSON":
            persons = self._with_suffix(toks, by_end, rank)
        if not persons:
            return name
        headline = self._headline_tokens(label)
        chosen = max(persons, key=lambda p: (any(tokens(c) in headline for c in p), sum(counts[c] for c in p),
                                             -rank[p[0]]))
        # the longest spelling, of equals the most named
        return max(chosen, key=lambda c: (len(tokens(c)), counts[c], -rank[c]))

    def _with_suffix(self, toks: tuple[str, ...], by_end: dict, rank: dict) -> list[list[str]]:
        """Where no name ends with the surname, the names that end with it and a suffix:
        "DeBartolo" is the "Edward J. DeBartolo Jr." the article names (but "Trump" stays
        the "Donald Trump" of an article that names "Donald Trump Jr." too: a fallback).

        >>> from newstrace.extract.speakers.testing import resolve_one
        >>> t = ("Trump granted Edward J. DeBartolo Jr. a full pardon. DeBartolo, who used to own the San "
        ...      "Francisco 49ers football team, was convicted of misprision of a felony in 1998.")
        >>> resolve_one(t, "DeBartolo, who used to own the San Francisco 49ers football team,")
        ('Edward J. DeBartolo Jr', 'head_person')
        """
        found: list[str] = []
        for suffix in _NAME_SUFFIXES:
            for cand in by_end.get(suffix, ()):
                ct = tokens(cand)
                if len(ct) > 2 and (is_short_form(toks, ct[:-1]) or toks == ct[:-1]) and self.reliable(cand):
                    found.append(cand)
        return [sorted(set(found), key=rank.__getitem__)] if found and len({tokens(c) for c in found}) == 1 else []

    def _first_body_mention(self, toks: tuple[str, ...]) -> str | None:
        """The first name after the headline line that is ``toks`` or opens or ends with them."""
        first_line = self.text.find("\n")
        for n in self.names:
            if n.label != "PERSON" and not n.headline and n.start > first_line:
                t = tokens(n.text)
                if t[:len(toks)] == toks or t[-len(toks):] == toks:
                    return n.text
        return None

    def reliable(self, name: str) -> bool:
        """Whether a spelling NER gave is a name: not a court case ("Trump v. Trump"), not
        names joined by a hyphen ("Trump-Clinton"), not opened by a word the text also
        writes in lower case ("Telling Jeb Bush", "Beneath Clinton", "World")."""
        if " v. " in name or " vs. " in name or re.fullmatch(r"[A-Z]\w+-[A-Z]\w+", name) \
                or re.search(r"\s[—–-]\s", name):  # (a double surname has a first name before it)
            return False
        words = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE).split()
        if not words:
            return False
        first = words[0]
        return not (first.casefold() in self.lower_words() and first.casefold() not in FEMALE | MALE)

    def _headline_tokens(self, label: str) -> set[tuple[str, ...]]:
        """The names (as tokens) of ``label`` that the headline lines give."""
        if label not in self._headlines:
            self._headlines[label] = {tokens(n.text) for n in self.names
                                      if n.headline and (n.label == label or label == "ANY")}
        return self._headlines[label]

    def labelled(self, name: str, labels: tuple[str, ...]) -> Name | None:
        """The first entity of the article whose text is ``name``, with one of ``labels``."""
        if self._by_text is None:
            self._by_text = {}
            for n in self.names:
                self._by_text.setdefault(n.text, []).append(n)
        return next((n for n in self._by_text.get(name, ()) if n.label in labels), None)

    def org_by_text(self) -> dict[str, Name]:
        """The first ORG of each name of over three characters that opens with a capital."""
        if self._orgs is None:
            self._orgs = {}
            for n in self.names:
                if n.label == "ORG" and len(n.text) > 3 and n.text[:1].isupper():
                    self._orgs.setdefault(n.text, n)
        return self._orgs

    def _name_index(self, label: str) -> tuple[dict[str, int], dict, dict[str, int]]:
        """Per label: how often each name occurs (outside headlines), the names by their
        last token and by ("first", their first token), and each name's rank in the
        article's order, built once: a book-length text has
        thousands of names, and reading them all for each name asked about was quadratic."""
        if label not in self._names_by_end:
            counts: dict[str, int] = {}
            for n in self.names:
                if (n.label == label or label == "ANY") and not n.headline \
                        and not (n.label != "PERSON" and ", " in n.text):  # "Prohibition Party, Reform Party"
                    counts[n.text] = counts.get(n.text, 0) + 1
            by_end: dict = {}
            for cand in counts:
                ct = tokens(cand)
                if ct:
                    by_end[ct[-1]] = by_end.get(ct[-1], ()) + (cand,)
                    by_end[("first", ct[0])] = by_end.get(("first", ct[0]), ()) + (cand,)
            self._names_by_end[label] = (counts, by_end, {c: i for i, c in enumerate(counts)})
        return self._names_by_end[label]

    def person_full(self, name: str) -> str | None:
        """The full name of a person of the article that ``name`` is (a short form of)."""
        toks = tokens(name)
        if not toks:
            return None
        full = self.fullest(name, "PERSON")
        if full != name:
            return full
        if self._person_tokens is None:
            self._person_tokens = {tokens(p.text) for p in self.persons if not p.headline}
        return name if toks in self._person_tokens else None

    def gender_of(self, full: str) -> str | None:
        if full not in self._genders:
            self._genders[full] = self._find_gender(full)
        return self._genders[full]

    def _find_gender(self, full: str) -> str | None:
        genders = {n.gender for n in self.persons if n.gender and is_short_form_or_equal(n.text, full)}
        if genders:
            return genders.pop() if len(genders) == 1 else None
        he, she = 0, 0
        for name, (m, f) in self._pronoun_votes().items():
            if is_short_form_or_equal(name, full):
                he, she = he + m, she + f
        if he > 3 * she:
            return "m"
        if she > 3 * he:
            return "f"
        return None

    def _pronoun_votes(self) -> dict[str, tuple[int, int]]:
        """For each name, how often it was followed by a he or a she in two forms that
        leave no doubt whom the pronoun means: "Emily Spanton, 39, who has waived her
        right ..." and "Bash said he ...". For first names ``FEMALE`` and ``MALE`` do
        not list."""
        if self._votes is None:
            votes: dict[str, list[int]] = {}
            for p in self.persons:
                if p.headline or self.quoted(p.start):
                    continue
                m = _PRONOUN_AFTER.match(self.text, p.end)
                if m:
                    tally = votes.setdefault(p.text, [0, 0])
                    tally[(m.group("who") or m.group("said")).casefold() in SHE] += 1
            self._votes = {k: (v[0], v[1]) for k, v in votes.items()}
        return self._votes

    def _roles(self) -> list[tuple[str, str, int]]:
        """(role head word, person, position): 'SDF spokesperson Mustafa Bali',
        'Mustafa Bali, the SDF spokesman,'."""
        roles = []
        for p in self.persons:
            before = self.text[max(0, p.start - 60):p.start]
            m = re.search(r"\b([A-Za-z][a-z-]+)\s+(?:[A-Z][a-z]*\.\s+)?$", before)
            if m and m.group(1).casefold() not in NOT_ROLES:
                roles.append((m.group(1).casefold(), p.text, p.start))
            # a role in lower case before a title or a place, or before "of" and a body:
            # "archbishop Monsenor Jorge Eduardo Scheinig", "director of Amnesty International Man-kei Tam"
            m = _ROLE_BEFORE_TITLES.search(before)
            if m and m.group(1) in TITLE_WORDS and (not roles or roles[-1][1:] != (p.text, p.start)
                                                    or roles[-1][0] != m.group(1)):
                roles.append((m.group(1), p.text, p.start))
            after = self.text[p.end:p.end + 80]
            m = _ROLE_THEN_COMMA.search(before)
            # (a full name: "his father, Rafael," may be any Rafael of the article)
            if m and m.group(1) in TITLE_WORDS and re.match(r"^(?:['’]s)?,", after) and " " in p.text:
                roles.append((m.group(1), p.text, p.start))
            # (a capitalised title too: "Geoff Hoon, the Defence Secretary,"; "our" in a
            # broadcaster's prose: "John Simpson, our world affairs editor,"; a place's or a
            # body's: "Ricardo Rosselló Nevares, Puerto Rico's governor,")
            m = re.match(r"^(?:['’]s)?,\s+(?:a|an|the|his|her|its|our|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s)\s+"
                         r"(?:[\w.'’-]+\s+){0,4}?([A-Za-z][a-z-]+)\s*[,.;]", after)
            if m:
                roles.append((m.group(1).casefold(), p.text, p.start))
            else:
                # the role before what it is responsible for or where: "Gáspár Maróth, the
                # Hungarian Government commissioner responsible for defence,"
                m = _ROLE_THEN_SCOPE.match(after)
                if m and m.group(1) in PERSON_NOUNS | TITLE_WORDS:
                    roles.append((m.group(1), p.text, p.start))
            # "Carrie Lam, the chief executive of Hong Kong,": the role before "of"
            m = _ROLE_OF_AFTER.match(after)
            if m and m.group(1) in TITLE_WORDS:
                roles.append((m.group(1), p.text, p.start))
        return roles

    def _title_roles(self) -> list[tuple[str, str, int]]:
        """(role, person, position) from abbreviated titles: 'Ohio Gov. John Kasich' is a
        governor, 'Dr. Connie Mariano' a doctor."""
        roles = []
        for p in self.persons:
            t = _TITLE_BEFORE.search(self.text[max(0, p.start - 8):p.start])
            if t and t.group(1) in TITLE_ROLES:
                roles.append((TITLE_ROLES[t.group(1)], p.text, p.start))
        return roles



_last_article: list[tuple[object, Article]] = []  # (doc, its Article): the one made last


# what follows a surname in a full name ("Edward J. DeBartolo Jr.", as ``tokens`` spell it)
_NAME_SUFFIXES = ("jr", "sr", "ii", "iii", "iv")


def _first_name(word: str) -> bool:
    """A known first name, or a hyphenated one with a known part ("Nils-Erik", "Jean-Luc")."""
    low = word.casefold()
    return low in FEMALE or low in MALE or ("-" in low and any(p in FEMALE or p in MALE for p in low.split("-") if p))


def _title_like(word: str) -> bool:
    """A word set before a name as a title or a role: "Detective", "Constable", "Dist.",
    and a title with a prefix ("Undersheriff", "Vice-Chancellor")."""
    low = word.casefold().rstrip(".")
    return low in TITLE_WORDS or any(low.endswith(t) and len(t) >= 5 and low[:-len(t)].strip("-") in _PREFIXES
                                     for t in TITLE_WORDS)


_PREFIXES = frozenset({"under", "vice", "deputy", "sub", "co", "assistant", "acting"})


def _person_after_titles(name: str) -> str | None:
    """The person's name that ends ``name`` behind words of titles and roles, when it opens
    with a known first name.

    >>> _person_after_titles("Detective Constable Daniel Dubé"), _person_after_titles("Undersheriff James Gage")
    ('Daniel Dubé', 'James Gage')
    >>> _person_after_titles("Crown Prosecution Service") is None and _person_after_titles("Bank of Will Smith") is None
    True
    """
    words = name.split()
    for i in range(1, len(words) - 1):
        if _first_name(words[i]) and len(words) - i <= 3 and all(_title_like(w) for w in words[:i]) \
                and all(re.fullmatch(r"[A-Z][\w'’-]+", w) for w in words[i:]):
            return " ".join(words[i:])
    return None


def article_of(text: str, doc) -> Article:
    """The Article of ``doc``: made once, though the extract stage asks three things of
    one article in turn (its interviewer's questions, its speakers, its answers). The doc
    is held with it, so that it is the same doc, not one made where it was."""
    if _last_article and _last_article[0][0] is doc and _last_article[0][1].text == text:
        return _last_article[0][1]
    art = Article(text, doc)
    _last_article[:] = [(doc, art)]
    return art
