"""Who is speaking: each attribution's source resolved to the fullest name the article
gives ("he says" -> "Abu Abdul-Azim", "Trump" -> "Donald Trump", "the spokesperson" ->
"Mustafa Bali"), else to its description ("an unidentified Islamic State militant").

No coreference model runs offline here, so resolution is built on the named entities,
sentence bounds and a few rules of news prose: a pronoun continues the speaker of the
previous attribution unless a new person was named in between; a definite description
("the spokesperson", "the senator") is the person the article earlier gave that role or
title to, or, in a headline or lead, the one it names next; "his tweet" is his; an age or a
bracket after a name is not part of it ("Jason Chaffetz (R-Utah)"), and an abbreviation is
what the article spelled out for it ("the National Hurricane Center (NHC)").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from dataclasses import dataclass
from functools import lru_cache

from newstrace.extract.citations import _find_mentions, _resolve_short_forms
from newstrace.extract.turns import Turn, may_have_turns, speaker_turns, turn_at, turns_over
from newstrace.records import SpanAttribution

_TITLES = (
    "mr mrs ms miss dr sen senator rep representative gov governor president vice pres "
    "secretary gen general col lt sgt capt adm judge justice rev father sheikh sir lord "
    "lady prof professor speaker mayor chairman chairwoman former late ambassador "
    "attorney minister prime premier king queen prince princess pope dame hon sens reps"
).split()
_TITLE_RE = re.compile(r"^(?:(?:" + "|".join(_TITLES) + r")\.?\s+)+", re.IGNORECASE)
# what news prose sets before a person's name like a title ("Broadcaster Piers Morgan"),
# which NER takes into the name; only stripped from persons ("Cardinal Health" is a company)
_OCCUPATION_RE = re.compile(
    r"^(?:(?:cardinal|archbishop|bishop|rabbi|imam|broadcaster|journalist|columnist|commentator|host|anchor|"
    r"actor|actress|singer|rapper|comedian|author|economist|historian|coach|detective|sheriff)\s+)+(?=[A-Z])",
    re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
# the role an abbreviated title gives the person it precedes
_TITLE_ROLES = {
    "Gen": "general", "Dr": "doctor", "Sen": "senator", "Rep": "representative", "Gov": "governor",
    "Adm": "admiral", "Col": "colonel", "Lt": "lieutenant", "Sgt": "sergeant", "Capt": "captain",
    "Prof": "professor", "Maj": "major", "Cmdr": "commander", "Supt": "superintendent",
}
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]*)\.\s+$")  # "Gov. " right before a name
_EDGE_PUNCT = " \t\n,;:.!?\"'“”‘’()[]—–-"

_HE = {"he", "him", "himself", "his"}
_SHE = {"she", "her", "herself", "hers"}
# "NAME, 39, who has waived her right", "NAME said he": the pronoun is the name's
_PRONOUN_AFTER = re.compile(
    r"(?:,\s*\d{1,3})?,\s+who\s+[^,.;:!?\"“”()]{0,60}?\b(?P<who>his|her|himself|herself)\b"
    r"|\s+(?:said|says|added|told\s+\w+|explained|insisted|argued|claimed|wrote)\s+(?:that\s+)?(?P<said>he|she)\b")
_FIRST = {"i", "me", "my", "we", "us", "our", "myself", "ourselves"}
_GROUP = {"they", "them", "themselves", "it", "itself", "its", "their"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "another", "one", "some"}
_PREPOSITIONS = {"for", "of", "to", "with", "from", "by", "about", "on", "against", "at", "in", "near"}
_POSSESSORS = {"his", "her", "their", "its", "our", "my", "your", "both", "all"}
_QUANTIFIERS = {"some", "several", "many", "most", "few", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten", "dozens", "hundreds", "thousands", "all", "both", "other", "these", "those"}
# sources that name no one: a determiner or a word left alone by a broken span
_NO_ONE = {"", "the", "a", "an", "by", "former", "together", "other"}
_NOT_ROLES = _DETERMINERS | _PREPOSITIONS | {"and", "said", "says", "told", "by"}
_NAME_INTRO = re.compile(
    r"\b(?:identif(?:y|ies|ied) (?:him|her|them)sel(?:f|ves) (?:only )?as|identified (?:only )?as|"
    r"known (?:only )?as|named|called|calling (?:him|her)self|going by|who goes by)\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|van|von|de|del|da))*)"
)

# Common first names by gender, enough for "she" vs "he" among US and world politicians.
_FEMALE = set(
    "hillary nancy elizabeth sarah kellyanne carly melania ivanka michelle chelsea hope huma "
    "jill debbie donna kamala maxine susan susana nikki condoleezza madeleine theresa angela "
    "marine mary maria anna anne ann jane janet joan karen kate katie kathleen katherine "
    "catherine laura linda lisa margaret megyn patricia rachel rebecca ruth sandra sharon "
    "stephanie tammy tulsi amy barbara betsy claire cynthia diane dianne ellen emily "
    "gabrielle gretchen heidi jennifer jessica julia julie kelly kirsten lindsey lori "
    "marsha martha mia michele monica nicole pam pamela paula robin rosa sally samantha "
    "shannon sheila sonia tina valerie wendy alexandria ilhan rashida ayanna liz ashley "
    "jen dana erin gloria greta katy omarosa sarah huckabee samantha loretta sally yvette "
    "mazie tammy patty lisa shelley jeanne dina jacqueline caroline christine cheryl".split()
)
_MALE = set(
    "donald barack bill bernie joe mike michael john george jeb ted marco ben chris rand paul "
    "mitt newt rudy rudolph reince steve stephen sean jeff jim james robert bob richard "
    "david tim tom thomas mark matt matthew kevin eric corey jared harry mitch lindsey "
    "scott rick ron gary evan jason josh joshua brian robby tony anthony vladimir xi "
    "recep benjamin emmanuel justin boris abu mustafa mohammed muhammad ahmed ali omar "
    "william charles frank peter andrew adam alan larry lester chuck dick elijah jerry "
    "jesse luis martin mario nick patrick ryan sam samuel walter wayne jon jonathan "
    "newt kasich rex roger rush stephen tucker bret bernard carl dan daniel douglas "
    "edward frederick greg henry jack jake kenneth marcus mujahir neil oliver raymond "
    "roy russell steven todd travis victor vincent".split()
) - {"lindsey"}
# what may stand between a name and its "who": "Marco Rubio of Florida, who", "Kasich (R), who",
# and (for "who" only: "X, the president of the union, which" is the union) an apposition,
# "Danny Davis, a Democrat of Illinois, who"
_RELATIVE_GAP = (
    r"(?:,?\s+(?:Jr|Sr|II|III|IV)\b\.?)?"  # "Donald Trump Jr., who"
    r"(?:['’]s)?(?:\s+(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^)]*\))?"
)
_RELATIVE_GAP_WHICH = re.compile(_RELATIVE_GAP + r"\s*,?\s*")
_RELATIVE_GAP_WHO = re.compile(_RELATIVE_GAP + r"(?:\s*,\s+(?:a|an|the)\s+[^,.;:!?()\"“”]{1,60}?\s*,)?\s*,?\s*")
# words of organisations' names, which a person's name of two or three words lacks
_ORG_WORDS = frozenset(
    "agency airlines air association authority bank board bureau center centre church co college commission "
    "committee company corp corporation council court department forces foundation fund group inc institute "
    "international league ltd media ministry network news office organisation organization party police post "
    "press project radio report review service services society studios times tribune tv union university "
    "world journal magazine herald daily".split())
# a capitalised word that speaks alone ("Maróth said")
_SAID_AFTER = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:said|says|told|noted|added|stated|pointed out|wrote|argued)\b")
_TITLE_LINE = 300  # a longer first line is a paragraph (as ingest's title_line has it)
_POSSESSIVE_IN = re.compile(r"['’]s\s")
_MRS = re.compile(r"\b(?:Mrs|Ms|Miss)\.?\s*$")
# what news prose puts after a name that is not part of it: an age ("Adamowicz, 53,"), a
# party and state ("Jason Chaffetz (R-Utah)"), an abbreviation ("the National Hurricane
# Center (NHC)"); matched at the end of a source, repeatedly
_TRAILER = re.compile(r"(?:\s*,\s*\d{1,3}|\s*\([^()\n]{1,40}\))[\s,;:.]*$")
# an abbreviation defined in the article: "the World Health Organization (WHO)", "the
# Philippine Institute of Volcanology and Seismology (Phivolcs)"
# (the brackets are found first and the words before them read back from there: one regex
# for both backtracked over every long capitalised token, quadratic in its length)
_ABBREVIATION = re.compile(r"\s\(([A-Z][A-Za-z]{1,11})\)")
_CAPITALISED = re.compile(r"[A-Z][\w'’&.-]*")
_JOINERS = frozenset({"of", "for", "and", "on", "to", "the", "in", "de", "&"})


@dataclass(slots=True)
class _Name:
    text: str  # cleaned name
    start: int
    end: int
    label: str  # PERSON, ORG, ...
    sentence: int
    gender: str | None = None
    headline: bool = False  # in a title-case line, where NER glues words to names


def speaker_key(name: str | None) -> str:
    """A key under which spellings of one speaker's name compare equal.

    >>> speaker_key("Abu Abdul-Azim") == speaker_key("abu abdul-azim")
    True
    >>> speaker_key("Sen. Marco Rubio's")
    'marco rubio'
    """
    if not name:
        return ""
    key, previous = name, None
    while key != previous:  # a key is its own key: repeat the step until nothing changes
        previous, key = key, _key_step(key)
    return key


def _key_step(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    # case folded first, so that "VICE A" and "vice a", "0'S" and "0's" agree
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE.sub("", " ".join(text.split()).strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT)
    text = _TITLE_RE.sub("", text) or text  # titles go, unless that is all there is
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    return re.sub(r"^(?:the )+", "", text)


def clean_name(name: str) -> str:
    """A name or description without titles, possessive, quotes and outer punctuation.

    >>> clean_name("Sen. Marco Rubio's")
    'Marco Rubio'
    """
    text = " ".join(name.split()).strip(_EDGE_PUNCT)
    text = _POSSESSIVE.sub("", text).strip(_EDGE_PUNCT)
    stripped = _TITLE_RE.sub("", text)
    # keep a title that is all there is ("the President") or that precedes no name
    if stripped and stripped[:1].isupper():
        text = stripped
    return text


def _clean_description(text: str) -> str:
    desc = " ".join(text.split())
    # a quotation mark the source span cut from its pair ('a "former elected official')
    if desc.count('"') % 2:
        desc = desc.replace('"', "")
    if desc.count("“") != desc.count("”"):
        desc = desc.replace("“", "").replace("”", "")
    desc = " ".join(desc.split()).strip(_EDGE_PUNCT)
    desc = _POSSESSIVE.sub("", desc).strip(_EDGE_PUNCT)
    first, _, rest = desc.partition(" ")
    if first in {"The", "A", "An", "This", "These", "Those", "Some", "Another", "Other", "Two", "Three"} \
            and rest[:1].islower():  # "The Tennessean" is a name
        desc = first.lower() + " " + rest
    return desc


@lru_cache(maxsize=4096)
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(speaker_key(name).split())


def _is_short_form(short: list[str], full: list[str]) -> bool:
    """'Trump' of 'Donald J. Trump', 'Hillary' of 'Hillary Clinton', 'Abdul-Azim' ..."""
    if not short or len(short) >= len(full):
        return False
    if len(short) == 1:
        return short[0] in (full[0], full[-1])
    if short[-1] != full[-1]:
        return False
    it = iter(full)
    return all(tok in it for tok in short)


class _Article:
    """What resolution needs to know about one article, computed once (``_article_of``)."""

    def __init__(self, text: str, doc) -> None:
        self.text = text
        self.sent_starts = self._sentence_starts(doc)
        self._headline: dict[int, bool] = {}
        self.names: list[_Name] = []
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
                continue
            name = clean_name(ent.text)
            if ent.label_ == "PERSON":
                name = _OCCUPATION_RE.sub("", name)
            if not name or not re.search(r"[A-Za-z]", name):
                continue
            start = ent.start_char + ent.text.find(name) if name in ent.text else ent.start_char
            self.names.append(
                _Name(name, start, start + len(name), ent.label_, self.sentence_of(ent.start_char),
                      self._gender(name, ent.start_char), self.in_headline(ent.start_char))
            )
        self._end_at_possessives()
        self._people_called_organisations(text)
        self.names.sort(key=lambda n: n.start)  # by place: bisected (name_starts)
        self.persons = sorted((n for n in self.names if n.label == "PERSON"), key=lambda n: n.start)
        self.person_starts = [p.start for p in self.persons]
        self._fullest: dict[tuple[str, str], str] = {}
        self._names_by_end: dict[str, tuple[dict[str, int], dict, dict[str, int]]] = {}
        self._orgs: dict[str, _Name] | None = None
        self._by_text: dict[str, list[_Name]] | None = None
        self._person_tokens: set[tuple[str, ...]] | None = None
        self.name_starts = [n.start for n in self.names]
        self._genders: dict[str, str | None] = {}
        self._votes: dict[str, tuple[int, int]] | None = None
        self.outlets = _find_mentions(text)
        _resolve_short_forms(self.outlets)
        self.roles = self._roles()
        self.title_roles = self._title_roles()
        self.abbreviations = _abbreviations(text)
        self._turns: list[Turn] | None = None

    def persons_within(self, start: int, end: int) -> list[_Name]:
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

    def opens_sentence(self, name: _Name) -> bool:
        """Whether ``name`` opens its sentence (after a word or two: "But Guardian, ...")."""
        return self.sent_starts[name.sentence] >= name.start - 25

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
        first = _tokens(name)[:1]
        if first and first[0] in _FEMALE:
            return "f"
        if first and first[0] in _MALE:
            return "m"
        return None

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
                    or any(w.casefold() in _ORG_WORDS for w in words) \
                    or (len(words) == 3 and " ".join(words[1:]) in persons):  # "Fault Ted Cruz": glued
                continue
            first, last = words[0].casefold(), words[-1]
            if lower is None:
                lower = set(re.findall(r"\b[a-z][a-z'’-]+\b", text))
                speaking = set(re.findall(_SAID_AFTER, text))
            # not "New Hampshire Sanders", "Spokeswoman Haley Morris": words the text also
            # writes in lower case are not first names
            if first in lower or first in _PERSON_NOUNS:
                continue
            if first in _MALE or first in _FEMALE or last in persons or last in speaking:
                n.label = "PERSON"
                n.gender = n.gender or self._gender(n.text, n.start)

    def _end_at_possessives(self) -> None:
        """A person's name that NER ran on past a possessive ("Trump’s Jewish supporters",
        "Cruz’s Iowa") ends at it, when what comes before is a person the article names
        elsewhere; "Swiss People’s Party" and "Dave Leip’s Atlas" stay whole."""
        others = [_tokens(n.text) for n in self.names if n.label == "PERSON" and not _POSSESSIVE_IN.search(n.text)]
        for n in self.names:
            cut = _POSSESSIVE_IN.search(n.text) if n.label == "PERSON" else None
            if cut and any(_is_short_form(_tokens(n.text[:cut.start()]), o) for o in others):
                n.text, n.end = n.text[:cut.start()], n.start + cut.start()

    def fullest(self, name: str, label: str = "PERSON") -> str:
        """The longest name of the article that ``name`` is a short form of."""
        key = (name, label)
        if key not in self._fullest:
            self._fullest[key] = self._find_fullest(name, label)
        return self._fullest[key]

    def _find_fullest(self, name: str, label: str) -> str:
        toks = _tokens(name)
        best, best_len, best_count = name, len(toks), 0
        if not toks:
            return best
        counts, by_end, rank = self._name_index(label)
        # a short form ends with its full name's last token, or (one token) is its first;
        # of equals, the one the article names first (``counts`` is in the article's order)
        cands = set(by_end.get(toks[-1], ()) + (by_end.get(("first", toks[0]), ()) if len(toks) == 1 else ()))
        for cand in sorted(cands, key=rank.__getitem__):
            ct = _tokens(cand)
            if _is_short_form(toks, ct) and (len(ct), counts[cand]) > (best_len, best_count):
                best, best_len, best_count = cand, len(ct), counts[cand]
        return best

    def labelled(self, name: str, labels: tuple[str, ...]) -> _Name | None:
        """The first entity of the article whose text is ``name``, with one of ``labels``."""
        if self._by_text is None:
            self._by_text = {}
            for n in self.names:
                self._by_text.setdefault(n.text, []).append(n)
        return next((n for n in self._by_text.get(name, ()) if n.label in labels), None)

    def org_by_text(self) -> dict[str, _Name]:
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
                ct = _tokens(cand)
                if ct:
                    by_end[ct[-1]] = by_end.get(ct[-1], ()) + (cand,)
                    by_end[("first", ct[0])] = by_end.get(("first", ct[0]), ()) + (cand,)
            self._names_by_end[label] = (counts, by_end, {c: i for i, c in enumerate(counts)})
        return self._names_by_end[label]

    def person_full(self, name: str) -> str | None:
        """The full name of a person of the article that ``name`` is (a short form of)."""
        toks = _tokens(name)
        if not toks:
            return None
        full = self.fullest(name, "PERSON")
        if full != name:
            return full
        if self._person_tokens is None:
            self._person_tokens = {_tokens(p.text) for p in self.persons if not p.headline}
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
        right ..." and "Bash said he ...". For first names ``_FEMALE`` and ``_MALE`` do
        not list."""
        if self._votes is None:
            votes: dict[str, list[int]] = {}
            for p in self.persons:
                if p.headline or self.quoted(p.start):
                    continue
                m = _PRONOUN_AFTER.match(self.text, p.end)
                if m:
                    tally = votes.setdefault(p.text, [0, 0])
                    tally[(m.group("who") or m.group("said")).casefold() in _SHE] += 1
            self._votes = {k: (v[0], v[1]) for k, v in votes.items()}
        return self._votes

    def _roles(self) -> list[tuple[str, str, int]]:
        """(role head word, person, position): 'SDF spokesperson Mustafa Bali',
        'Mustafa Bali, the SDF spokesman,'."""
        roles = []
        for p in self.persons:
            before = self.text[max(0, p.start - 60):p.start]
            m = re.search(r"\b([A-Za-z][a-z-]+)\s+(?:[A-Z][a-z]*\.\s+)?$", before)
            if m and m.group(1).casefold() not in _NOT_ROLES:
                roles.append((m.group(1).casefold(), p.text, p.start))
            after = self.text[p.end:p.end + 80]
            m = re.match(r"^(?:['’]s)?,\s+(?:a|an|the|his|her|its)\s+(?:[\w.'’-]+\s+){0,4}?([a-z][a-z-]+)\s*[,.;]", after)
            if m:
                roles.append((m.group(1), p.text, p.start))
        return roles

    def _title_roles(self) -> list[tuple[str, str, int]]:
        """(role, person, position) from abbreviated titles: 'Ohio Gov. John Kasich' is a
        governor, 'Dr. Connie Mariano' a doctor."""
        roles = []
        for p in self.persons:
            t = _TITLE_BEFORE.search(self.text[max(0, p.start - 8):p.start])
            if t and t.group(1) in _TITLE_ROLES:
                roles.append((_TITLE_ROLES[t.group(1)], p.text, p.start))
        return roles


def is_short_form_or_equal(name: str, full: str) -> bool:
    a, b = _tokens(name), _tokens(full)
    return a == b or _is_short_form(a, b)


@dataclass(slots=True)
class _Resolved:
    speaker: str | None
    kind: str  # "person", "org", "description", "pronoun", "none"
    position: int  # where the source starts
    content: list[tuple[int, int]]
    work: str | None = None  # "statement": resolved as "the statement" the speaker spoke in


def resolve_speakers(text: str, attributions: list[SpanAttribution], doc=None,
                     author: str | None = None) -> list[str | None]:
    """The speaker of each attribution: the fullest name the article gives its source,
    else the source's description; None where an attribution has no source span, or one
    that is a pronoun the article does not resolve.

    ``doc`` is a spaCy Doc of ``text`` with entities (``newstrace.extract.nlp.analyse``);
    it is made when not given. ``author`` is the article's byline, when known: the "I" of
    a column or letter, outside quotations and interview turns, is its one named author.

    >>> from newstrace.records import SpanAttribution as A
    >>> t = "Abu Abdul-Azim says we lost. “We won,” he says."
    >>> resolve_speakers(t, [A([(0, 14)], [(15, 19)], [(20, 27)]), A([(39, 41)], [(42, 46)], [(29, 35)])])
    ['Abu Abdul-Azim', 'Abu Abdul-Azim']
    """
    if doc is None:
        from newstrace.extract.nlp import analyse

        doc = analyse(text)
    elif doc.text != text:
        raise ValueError("doc is not a Doc of text: offsets would not line up")
    art = _article_of(text, doc)
    author = byline_person(author)
    order = sorted(range(len(attributions)), key=lambda i: _source_start(attributions[i]))
    results: list[_Resolved | None] = [None] * len(attributions)
    deferred = []
    previous: _Resolved | None = None
    for i in order:
        att = attributions[i]
        if not att.source:
            results[i] = _Resolved(None, "none", -1, list(att.content))
            continue
        fragments = sorted(att.source)
        start = min(s for s, _ in fragments)
        end = _trim_trailers(text, start, max(e for _, e in fragments))
        fragments = [(s, min(e, end)) for s, e in fragments if s < end]
        fragments, turn = _without_label(art, fragments)
        if turn is not None and not fragments:  # the source is a turn's label ("((WN))"): its speaker
            kind = "none" if not turn.speaker else "org" if turn.speaker == "Wikinews" else "person"
            results[i] = _Resolved(turn.speaker, kind, start, list(att.content))
            continue
        source = " ".join(text[s:e] for s, e in fragments)
        if source.strip(_EDGE_PUNCT).casefold() in _FIRST:
            deferred.append(i)  # "I" inside a quote: the quote's speaker, known later
            continue
        res = _resolve_one(art, source, start, end, previous, att.content)
        res.content = list(att.content)
        results[i] = res
        if res.kind != "none":
            previous = res
    # what a first-person source reads of the others: those placed near it, by place
    placed = sorted((r.position, k) for k, r in enumerate(results) if r is not None)
    for i in deferred:
        att = attributions[i]
        start = min(s for s, _ in att.source)
        near = placed[bisect_left(placed, (start - _FIRST_PERSON_REACH, -1)):
                      bisect_left(placed, (start + _FIRST_PERSON_REACH, -1))]
        results[i] = _first_person(art, att, start, [results[k] for _, k in sorted(near, key=lambda x: x[1])],
                                   author)
        insort(placed, (results[i].position, i))
    # a pronoun nothing resolved ("they", "I" in an op-ed) names nobody: no speaker, as for
    # an attribution without a source (its source span still says what the text gave)
    return [r.speaker if r and r.kind != "pronoun" else None for r in results]


def _in_turn(art: _Article, start: int, second_person: bool) -> _Resolved | None:
    """Who "I" and "we" are in an interview's turn (its speaker), or, with
    ``second_person``, an interviewer's "you" (the person interviewed); None outside turns
    and inside quotations."""
    turn = turn_at(art.turns, start) if art.turns and not art.quoted(start) else None
    if turn is None or (second_person and not turn.asks):
        return None
    person = turn.put_to if second_person else turn.speaker
    if not person:
        return None
    return _Resolved(person, "org" if person == "Wikinews" else "person", start, [])


def _without_label(art: _Article, fragments: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], Turn | None]:
    """``fragments`` without the interview label they overlap ("MS We" -> "We", "WN))" ->
    nothing), and that label's turn; the tagger, which never saw interviews, takes labels
    into sources."""
    if not art.turns or not fragments:
        return fragments, None
    for t in turns_over(art.turns, min(s for s, _ in fragments), max(e for _, e in fragments)):
        if t.label_end > t.start and any(s < t.label_end and t.start < e for s, e in fragments):
            kept = []
            for s, e in fragments:
                kept += [(s, min(e, t.start)), (max(s, t.label_end), e)]
            return [(s, e) for s, e in kept if s < e and art.text[s:e].strip(_EDGE_PUNCT)], t
    return fragments, None


_last_article: list[tuple[object, _Article]] = []  # (doc, its _Article): the one made last


def _article_of(text: str, doc) -> _Article:
    """The _Article of ``doc``: made once, though the extract stage asks three things of
    one article in turn (its interviewer's questions, its speakers, its answers). The doc
    is held with it, so that it is the same doc, not one made where it was."""
    if _last_article and _last_article[0][0] is doc and _last_article[0][1].text == text:
        return _last_article[0][1]
    art = _Article(text, doc)
    _last_article[:] = [(doc, art)]
    return art


def asked_in_interview(text: str, attributions: list[SpanAttribution], doc) -> list[bool]:
    """Whether each attribution lies in a question an interviewer puts ("((WN)) Did you
    notice any trends ...?", "What measures do you think might help?"): asked, not said by
    anyone, so not a statement; "((WN)) You noted suicide attempts were ..." is one."""
    art = _article_of(text, doc)
    if not art.turns:
        return [False] * len(attributions)
    out = []
    for a in attributions:
        anchor = min(s for s, _ in (a.cue or a.source or a.content or [(0, 0)]))
        turn = turn_at(art.turns, anchor)
        out.append(bool(turn and turn.asks and art.in_question(anchor)))
    return out


# what a byline holds that is not one person: a desk, a wire, an outlet, several people
_NOT_A_PERSON = re.compile(
    r"\b(?:news|staff|editorial|editors?|board|press|reuters|associated|agency|agence|report(?:s|ers?)?|desk|"
    r"wire|team|bureau|contributors?|correspondents?|writers?|service|media|online|digital|and)\b|[,&@/\d]",
    re.IGNORECASE)


def byline_person(author: str | None) -> str | None:
    """The one person a byline names ("By Dan Riehl" -> "Dan Riehl"); None for a desk, a
    wire, an outlet or several authors ("Breitbart News", "Associated Press", "Ann Lee and
    Bo Chan").

    >>> byline_person("By Dan Riehl"), byline_person("Breitbart News"), byline_person("A. Lee and B. Chan")
    ('Dan Riehl', None, None)
    """
    if not author:
        return None
    name = re.sub(r"^\s*by\s+", "", " ".join(author.split()), flags=re.IGNORECASE).strip(" .")
    words = name.split()
    if not 2 <= len(words) <= 4 or _NOT_A_PERSON.search(name) or not all(w[:1].isupper() for w in words):
        return None
    return name


def interview_answers(text: str, doc) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]], str]]:
    """The answers of an interview, paragraph by paragraph: (the speaker's label as a
    source span, or [] for an answer without one; the paragraph as content; the speaker).
    A transcript's answer is its speaker's statement word for word, though no cue says
    so, and most of it holds none a tagger trained on news prose would find (on the
    Wikinews interviews, 8-47 % of the answers' text was inside an attribution).
    Paragraphs under six words ("No.", "Thank you.") are left out, and so is every turn of
    an article where nobody asks: news prose also sets names before paragraphs that are the
    writer's words ("Sanders: He won big ...", "Jeb Bush: Rewrite the tax code ...",
    "Hillary Clinton: 2,313 delegates"), which only a question and answer rules out."""
    art = _article_of(text, doc)
    if not any(turn.asks for turn in art.turns):
        return []
    out = []
    for turn in art.turns:
        if turn.asks or not turn.speaker:
            continue
        at = text.find(turn.label, turn.start, turn.label_end) if turn.label else -1
        source = [(at, at + len(turn.label))] if at >= 0 else []
        for m in re.finditer(r"[^\n]+", text[turn.label_end:turn.end]):
            s, e = turn.label_end + m.start(), turn.label_end + m.end()
            s = e - len(text[s:e].lstrip(" \t\u00a0:"))
            e = s + len(text[s:e].rstrip())
            if len(text[s:e].split()) >= 6:
                out.append((source, [(s, e)], turn.speaker))
    return out


def _trim_trailers(text: str, start: int, end: int) -> int:
    """``end`` moved back over the ages, parentheses and their punctuation that close a
    source, as long as something is left before them."""
    while True:
        m = _TRAILER.search(text, start, end)
        if not m or not text[start:m.start()].strip(_EDGE_PUNCT):
            return end
        end = m.start()


def _abbreviations(text: str) -> dict[str, str]:
    """Abbreviation -> what the article spells out for it, from "Full Name (ABBR)".

    The spelled-out name is the shortest run of capitalised words (joined by "of", "and",
    ...) before the brackets whose initials are the abbreviation's capitals ("National
    Crime Agency (NCA)", not "Nikki Holland of the UK's National Crime Agency"); failing
    that, the longest such run that starts with the abbreviation's first letter and has
    no more capitalised words than it has letters ("Federal Security Service (FSB)").
    """
    found: dict[str, str] = {}
    for m in _ABBREVIATION.finditer(text):
        abbr = m.group(1)
        lo = max(0, m.start() - 200)
        words = text[lo:m.start()].split()
        if lo and words and not text[lo - 1].isspace():
            words = words[1:]  # cut mid-word
        run: list[str] = []  # capitalised words and the joiners between them, read backwards
        capitalised = 0
        for w in reversed(words):
            # a comma only inside the run: "United Nations Educational, Scientific and Cultural
            # Organization (UNESCO)"
            if _CAPITALISED.fullmatch(w[:-1] if run and w.endswith(",") else w) and capitalised < 9:
                run.append(w)
                capitalised += 1
            elif w in _JOINERS and run:
                run.append(w)
            else:
                break
        words = run[::-1]
        while words and not words[0][:1].isupper():
            words.pop(0)
        capitals = [i for i, w in enumerate(words) if w[:1].isupper()]
        best = None
        for i in reversed(capitals):  # shortest first
            initials = "".join(w[0] for w in words[i:] if w[:1].isupper())
            if abbr.isupper() and initials == abbr:
                best = i
                break
        if best is None:
            for i in capitals:  # longest first
                if words[i][0] == abbr[0] and len([w for w in words[i:] if w[:1].isupper()]) <= len(abbr):
                    best = i
                    break
        if best is not None and abbr not in found:
            found[abbr] = clean_name(" ".join(words[best:]))
    return found


def _source_start(att: SpanAttribution) -> int:
    return min((s for s, _ in att.source), default=min((s for s, _ in att.content), default=0))


# how far from an "I" the quote it is in, or the person just quoted, may start: a quotation
# longer than this is a document, and reading every source of a book for each "I" was quadratic
_FIRST_PERSON_REACH = 20_000


def _first_person(art: _Article, att: SpanAttribution, start: int, results, author: str | None) -> _Resolved:
    source = " ".join(art.text[s:e] for s, e in att.source).strip(_EDGE_PUNCT)
    best = None
    for r in results:
        if r is None or r.speaker is None or r.kind == "pronoun":
            continue  # an unresolved "you" or "they" is nobody to hand on
        if any(s <= start < e for s, e in r.content):
            return _Resolved(r.speaker, r.kind, start, [])
        if r.kind != "person":
            continue
        if best is None or abs(r.position - start) < abs(best.position - start):
            best = r
    if best is not None and abs(best.position - start) < 400 and best.kind == "person" and art.quoted(start):
        return _Resolved(best.speaker, best.kind, start, [])
    in_turn = _in_turn(art, start, second_person=False)  # "((Aparna Garg)) As I told you ...": hers
    if in_turn:
        return in_turn
    if author and not art.turns and not art.quoted(start):  # a column's "I": its author
        return _Resolved(author, "person", start, [])
    return _Resolved(source, "pronoun", start, [])


def _resolve_one(
    art: _Article, source: str, start: int, end: int, previous: _Resolved | None, content=()
) -> _Resolved:
    text = art.text
    bare = source.strip(_EDGE_PUNCT)
    low = bare.casefold()
    word = low.removesuffix("'s").removesuffix("’s")
    if word in _NO_ONE or (len(word) == 1 and word.isalpha() and word != "i"):
        # the tagger's broken sources ("the", "'s" of "let's", "By"): no one to name
        return _Resolved(None, "pronoun", start, [])

    m = _NAME_INTRO.search(source)
    if m:
        return _Resolved(art.fullest(clean_name(m.group("name"))), "person", start, [])

    # an outlet named as the whole source: "the New York Times", "the Times", "Sputnik"
    for o in art.outlets:
        if o.outlet and start <= o.start and o.end <= end:
            rest = (text[start:o.start] + text[o.end:end]).strip(_EDGE_PUNCT + "s").casefold()
            if rest in ("", "the"):
                return _Resolved(o.outlet, "org", start, [])

    # an abbreviation the article spelled out: "The NHC" after "the National Hurricane Center (NHC)"
    abbr = re.sub(r"^the\s+", "", bare, flags=re.IGNORECASE)
    if abbr in art.abbreviations:
        full = art.abbreviations[abbr]
        kind = "person" if any(_tokens(p.text) == _tokens(full) for p in art.persons) else "org"
        return _Resolved(full, kind, start, [])

    person = _head_person(art, start, end)
    if person is not None:
        both = _coordinated(art, person, start, end)
        if both:
            return _Resolved(both, "person", start, [])
        return _Resolved(art.fullest(_expand_left(art, person, start)), "person", start, [])

    if low in _HE or low in _SHE:
        return _pronoun(art, low, start, previous, content)
    if low in _GROUP:
        singular = low in ("it", "its", "itself")
        # an organisation is an "it" or a "they" ("the Doris Day Animal Foundation said ...
        # Day, they said"); a description goes by its number
        if previous and previous.kind in ("org", "description") and start - previous.position < 600 \
                and ((previous.kind == "org" and not singular)
                     or (singular and _looks_singular(previous.speaker or ""))
                     or (not singular and previous.kind == "description" and _looks_plural(previous.speaker or ""))):
            return _Resolved(previous.speaker, previous.kind, start, [])
        # two people who just spoke together are a "they" ("Mr. Grassley and Mr. Leahy say
        # ... The program ... has expanded well beyond its original intent, they say")
        if previous and previous.kind == "person" and not singular and " and " in (previous.speaker or "") \
                and start - previous.position < 600:
            return _Resolved(previous.speaker, previous.kind, start, [])
        return _Resolved(low, "pronoun", start, [])
    if low in _RELATIVE or (low.split(" ", 1)[0] == "who" and " " in low):
        return _relative(art, start)  # also "who appointed Murphy to her position in 2017,"
    if low in ("you", "your", "yourself", "yourselves"):
        # an interviewer's "you" is the person interviewed; elsewhere the reader, or anyone
        return _in_turn(art, start, second_person=True) or _Resolved(low, "pronoun", start, [])

    org = _head_org(art, start, end)
    if org is not None:
        person = art.person_full(org.text)  # NER often calls a lone surname an ORG
        if person:
            return _Resolved(person, "person", start, [])
        return _Resolved(art.fullest(org.text, org.label), "org", start, [])

    desc = _clean_description(source)
    author = _author(art, source, start, end, previous, content)
    if author:
        return author
    person = _role_person(art, desc, start)
    if person:
        return _Resolved(person, "person", start, [])
    titled = _title_holder(art, desc, start)
    if titled:
        return _Resolved(titled, "person", start, [])
    org = _org_by_head(art, desc, start)
    if org:
        return _Resolved(org, "org", start, [])
    words = desc.casefold().split()
    if len(words) >= 2 and words[0] == "the":
        if words[-1] in _MEDIA_NOUNS and len(words) <= 3:
            outlet = _last_outlet(art, start)
            if outlet:
                return _Resolved(outlet, "org", start, [])
    # "the South Carolina Republican" after "said Gowdy": the speaker just named; so is
    # '"...," Obama's former campaign strategist said' after "David Axelrod ... called on",
    # but not "Trump's spokesman" after Trump, nor "Pagliano's lawyer has said" opening a sentence
    possessor = None
    if desc and _POSSESSIVE.search(desc.split()[0]) and content and min(s for s, _ in content) < start:
        possessor = clean_name(desc.split()[0])
    if len(words) >= 2 and (words[0] == "the" or (possessor and possessor[:1].isupper())):
        if words[-1] in _PERSON_NOUNS and previous and previous.kind == "person" \
                and start - previous.position < 1200 and " and " not in desc \
                and not (possessor and is_short_form_or_equal(possessor, previous.speaker or "")):
            return _Resolved(previous.speaker, "person", start, [])
    person = art.person_full(clean_name(desc)) if desc else None
    if person:
        return _Resolved(person, "person", start, [])
    if art.in_headline(start):
        return _Resolved(desc or None, "description", start, [])
    if desc and desc[0].isupper() and not re.search(r"\s", desc) and desc.casefold() not in _FIRST:
        # a capitalised single word the NER missed ("Mujahir said"): a name
        return _Resolved(art.fullest(clean_name(desc)), "person", start, [])
    if desc and re.fullmatch(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+", clean_name(desc)):
        return _Resolved(art.fullest(clean_name(desc)), "person", start, [])
    named = _named_before_apposition(art, desc, start) or _named_after_description(art, desc, start)
    if named is not None:
        return named
    return _Resolved(desc or None, "description", start, [])


_DESCRIPTION_THEN_NAME = re.compile(
    r"(?:[Oo]ne|[Aa]n?|[Tt]he|[Aa]nother)\s[^,]{2,60},\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:of|for|and|the|[A-Z][\w.&'’-]*)){0,6}?)(?:\s*\([^)]*\))?")


def _named_after_description(art: _Article, desc: str, start: int) -> _Resolved | None:
    """'One of these groups, the Syrian Democratic Forces (SDF)', 'One news site,
    Znak.com': the name that the description's apposition gives, when the article knows
    it as a person's or an organisation's."""
    m = _DESCRIPTION_THEN_NAME.fullmatch(desc or "")
    if not m:
        return None
    name = m.group("name")
    person = art.person_full(name)
    if person:
        return _Resolved(person, "person", start, [])
    # an organisation's: a place is no speaker ("a woman in Worcester, Massachusetts")
    if art.labelled(name, ("ORG",)) or art.labelled("the " + name, ("ORG",)):
        return _Resolved(art.fullest(name, "ORG"), "org", start, [])
    return None


_NAME_THEN_APPOSITION = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),\s+"
    r"(?!(?:including|and|or|but|like|such)\b)(?!(?:his|her|their|its|our|my|your)\b[^,]*\band\b)"
    r"(?:who|whose|a|an|the|[a-z]\w*)\b")
_QUANTIFIERS = frozenset("many most several all both few two three four five other others more dozens hundreds "
                         "thousands millions".split())


def _named_before_apposition(art: _Article, desc: str, start: int) -> _Resolved | None:
    """A name NER missed here, before an apposition or a relative clause: "Jolly, who was
    elected to Congress in 2014", "Trump, a Republican front-runner", "North Carolina's Ada
    Fisher, one of ...": a person the article names elsewhere, else a name of two
    capitalised words or more, else an organisation it names.
    Not "Many Democrats, including ...", not "Sanders, his aides and those in attendance"."""
    m = _NAME_THEN_APPOSITION.match(desc or "")
    if not m:
        return None
    name = re.split(r"['’]s?\s+", m.group(1))[-1] if re.search(r"\w['’]s?\s+[A-Z]", m.group(1)) else m.group(1)
    if not name or name.split()[0].casefold() in _DETERMINERS | _FIRST | _QUANTIFIERS:
        return None
    person = art.person_full(name)
    if person:
        return _Resolved(person, "person", start, [])
    if re.fullmatch(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+", name):
        # before NER's organisations: it calls "Maryam Violet" one, and "she" must find her
        return _Resolved(art.fullest(name), "person", start, [])
    org = art.labelled(name, ("ORG", "GPE", "NORP"))
    if org is not None:
        return _Resolved(art.fullest(org.text, org.label), "org", start, [])
    return None


# the headline and the sentence after it: where news prose names a speaker after describing them
_LEAD_SENTENCES = 1
_MEDIA_NOUNS = {"newspaper", "paper", "network", "outlet", "magazine", "broadcaster", "daily", "tabloid", "agency"}
_PERSON_NOUNS = set(
    "republican democrat senator congressman congresswoman lawmaker candidate nominee president governor "
    "mayor billionaire mogul businessman businesswoman secretary chairman chairwoman spokesman spokeswoman "
    "spokesperson leader official pollster strategist general actor actress singer host anchor minister "
    "frontrunner front-runner hopeful contender rival politician veteran commander director aide adviser "
    "advisor attorney lawyer judge speaker representative officer doctor physician professor".split()
) | set(_TITLE_ROLES.values())


def _last_outlet(art: _Article, start: int) -> str | None:
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


def _looks_singular(name: str) -> bool:
    words = name.casefold().split()
    if words and (words[0] in _QUANTIFIERS or words[0] in ("some", "those", "these")):
        return False  # "many", "some of them", "those who ...": a "he" is none of them
    last = name.split()[-1] if name.split() else ""
    return not (last.endswith("s") and last[:1].islower())


def _looks_plural(name: str) -> bool:
    """Whether a description names many, by its head, the last word before any comma,
    preposition or relative clause: "Prosecutors", "Six Gannett newspapers in New Jersey,
    including the Asbury Park Press", "Several senior Democrats with ties to ..."; a
    capitalised plural counts only where no name can be: alone, or after a quantity."""
    head = re.split(r",|\s(?:in|of|at|from|for|on|with|including|who|that|which|to|by)\s", name, maxsplit=1)[0]
    words = head.split()
    last = words[-1] if words else ""
    if not _looks_singular(name) or last.casefold() in ("people", "men", "women", "children", "police"):
        return True  # the older reading ("voters" at the end) stays
    if not last.endswith("s") or last.endswith(("ss", "'s", "’s", "us", "is")):
        return False
    return last[:1].islower() or len(words) == 1 or words[0].casefold() in _QUANTIFIERS


def _head_person(art: _Article, start: int, end: int) -> _Name | None:
    """The person a source is about: 'SDF spokesperson Mustafa Bali', 'John Podesta,
    Clinton's campaign chairman', 'Nikki Holland of the National Crime Agency'; not
    'Trump's aides' or 'a spokesman for Clinton'."""
    inside = [p for p in art.persons_within(start, end) if p.end <= end]
    good = []
    objects: list[_Name] = []  # persons after a preposition, and those joined to them by "and"
    for p in inside:
        after = art.text[p.end:end]
        before = art.text[start:p.start]
        if re.match(r"^['’]s?\s+\S", after):
            continue  # possessive modifier: "Trump's aides"
        words = [w.casefold() for w in re.findall(r"\w+", before)[-2:]]
        if words and (words[-1] in _PREPOSITIONS or (len(words) == 2 and words[0] in _PREPOSITIONS
                                                     and words[1] in _DETERMINERS | _POSSESSORS)
                      or (words[-1] == "and" and any(re.fullmatch(r",?\s+and\s+", art.text[o.end:p.start])
                                                     for o in objects))):
            objects.append(p)
            continue  # "a spokesman for Clinton", "ties to both Clintons", "lawyers for Donald and Ivana Trump"
        good.append((p, after))
    if not good:
        return None
    for p, after in good:
        if not after.strip(_EDGE_PUNCT + "s") or re.match(r"^\s*(?:[,(]|and\b|who\b|which\b|of\b|—|–|-)", after):
            return p
    # every name modifies a noun ("the Clinton campaign", "Trump supporters"): no person
    return None


def _coordinated(art: _Article, first: _Name, start: int, end: int) -> str | None:
    """'Mark Blumenthal and Jon Cohen': two people speak together."""
    for p in art.persons_within(first.end + 1, end):
        if p.end <= end:
            between = art.text[first.end:p.start]
            if re.fullmatch(r",?\s+(?:and|&)\s+(?:(?:Sen|Rep|Gov|Mr|Mrs|Ms|Dr)\.?\s+)?", between) \
                    and not art.text[p.end:end].strip(_EDGE_PUNCT):
                return f"{art.fullest(first.text)} and {art.fullest(p.text)}"
    return None


def _expand_left(art: _Article, person: _Name, start: int) -> str:
    """'Nate Cohn' where NER found only 'Cohn', 'Arnel dela Vega' where it found 'dela
    Vega': a capitalised word opening the source."""
    if " " in person.text and person.text[:1].isupper():
        return person.text
    m = re.search(r"([A-Z][a-z]+)\s+$", art.text[start:person.start])
    if m and not art.text[start:start + m.start(1)].strip(_EDGE_PUNCT) \
            and m.group(1).casefold() not in _TITLES and not art.in_headline(start):
        return f"{m.group(1)} {person.text}"
    return person.text


# heads of descriptions that stand for an organisation the article named with the same
# word: "the archive" after "the Gun Violence Archive", "the embassy" after "the US Embassy".
# Not "the company": companies seldom carry the word, so the last one that did ("Moelis &
# Company") is rarely the one meant ("Cisco Systems ... helping the company")
_ORG_HEADS = frozenset(
    "agency archive association authority bank board bureau coalition commission committee "
    "council court department embassy federation foundation fund "
    "institute league ministry organisation organization party service society "
    "union university".split()
)


def _title_holder(art: _Article, desc: str, start: int) -> str | None:
    """'The President' -> the person last called 'President ...' before the source
    ('President Donald Trump'), 'the Pope' -> 'Pope Francis': a capitalised title after
    "the" names an office the article gave someone. Not in a headline (title case)."""
    m = re.fullmatch(r"[Tt]he ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", desc)
    if not m or art.in_headline(start):
        return None
    title = re.compile(rf"\b{re.escape(m.group(1))}\s+$")
    for p in reversed(art.persons[:bisect_left(art.person_starts, start)]):
        if not p.headline and title.search(art.text[max(0, p.start - 30):p.start]):
            return art.fullest(p.text)
    return None


def _org_by_head(art: _Article, desc: str, start: int) -> str | None:
    """'The archive' -> 'Gun Violence Archive': the last organisation named before the
    source, outside quotations and headlines, whose name has every word of the description
    ('the appeals court' is the 'Court of Appeals', not the Supreme Court; not 'his party',
    not 'a union'). A network is an outlet's (_last_outlet)."""
    words = desc.split()
    if not 2 <= len(words) <= 3 or words[0].casefold() not in ("the", "this") \
            or not all(w.islower() for w in words[1:]) or words[-1] not in _ORG_HEADS:
        return None
    for n in reversed(art.names[:bisect_left(art.name_starts, start)]):
        if n.label != "ORG" or n.headline or art.quoted(n.start) or "," in n.text:
            continue  # (a comma: two names NER glued, "Prohibition Party, Reform Party")
        own = [w.casefold() for w in re.findall(r"[\w'’.&-]+", n.text) if w.casefold() not in _DETERMINERS]
        if len(own) >= 2 and all(w in own or w + "s" in own for w in words[1:]):
            return re.sub(r"^(?:the|a|an)\s+", "", art.fullest(n.text, n.label), flags=re.IGNORECASE)
    return None


def _head_org(art: _Article, start: int, end: int) -> _Name | None:
    inside = [n for n in art.names[bisect_left(art.name_starts, start):bisect_left(art.name_starts, end)]
              if n.label in ("ORG", "NORP", "GPE") and n.end <= end]
    for n in inside:
        rest = (art.text[start:n.start] + art.text[n.end:end]).strip(_EDGE_PUNCT + "s").casefold()
        if rest in ("", "the") and n.label == "ORG":
            return n
    # "Crumbling Islamic State", "the embattled Clinton Foundation": ends with a known ORG
    source = art.text[start:end].strip(_EDGE_PUNCT)
    source = _POSSESSIVE.sub("", source)
    if art.persons_within(start, end):
        return None
    orgs = art.org_by_text()
    # the source's endings after each space, longest first, looked up among the ORGs
    for i in (k for k, ch in enumerate(source) if ch == " "):
        n = orgs.get(source[i + 1:])
        if n is not None:
            lead = source[:i].split()
            if all(w[:1].isupper() or w.casefold() in ("the", "a", "an") for w in lead) \
                    or lead[-1].casefold() in _MEDIA_NOUNS | _ORG_HEADS:  # "Hungarian daily newspaper X"
                return n
    return None


def _pronoun(art: _Article, low: str, start: int, previous: _Resolved | None, content=()) -> _Resolved:
    gender = "f" if low in _SHE else "m"
    sentence = art.sentence_of(start)
    # names inside the speaker's own words ("God's Law," he says) are not the speaker; and
    # only names before the pronoun, from its sentence's start or 2,600 characters back
    # (the farthest any rule below looks), are read: a long text has thousands
    lo = bisect_left(art.person_starts, min(art.sent_starts[sentence], start - 2600))
    hi = bisect_left(art.person_starts, start)
    persons = [p for p in art.persons[lo:hi] if not any(s <= p.start < e for s, e in content)]

    def compatible(name: str, g: str | None) -> bool:
        g = g or art.gender_of(name)
        return g is None or g == gender

    # a person named earlier in the same sentence ("In Mujahir's recording, he claims")
    same = [p for p in persons if p.sentence == sentence and p.end <= start and not art.quoted(p.start)
            and compatible(art.fullest(p.text), p.gender)]
    if same:
        return _Resolved(art.fullest(same[-1].text), "person", start, [])
    # the previous speaker goes on speaking unless a new person became a sentence's subject
    if previous and previous.kind in ("person", "description") and start - previous.position < 1500:
        prev_key = speaker_key(previous.speaker)
        newcomer = False
        for p in persons:
            if previous.position < p.start < start and art.opens_sentence(p):
                full = art.fullest(p.text)
                if speaker_key(full) != prev_key and compatible(full, p.gender):
                    newcomer = True
        if previous.kind == "description":
            carry = _looks_singular(previous.speaker or "") and not re.search(
                r"\b(?:and|they|them|she|he|her|his|its|their)\b", previous.speaker or "", re.IGNORECASE)
        else:
            carry = compatible(previous.speaker or "", None)
        if carry and not newcomer:
            return _Resolved(previous.speaker, previous.kind, start, [])
    before = [p for p in persons if p.end <= start and start - p.end < 2500]
    # within two sentences, a person known to be a "she" (or a "he"), or who opened a
    # sentence, before others whose gender is not known: in 'she was raped by Quirin,
    # Redouane, and ... She told the court', Spanton; in 'Ronald Reagan was once asked ...
    # He responded', Reagan
    for p in reversed(before):
        if p.sentence < sentence - 2:
            break
        full = art.fullest(p.text)
        known = p.gender or art.gender_of(full)
        opener = art.opens_sentence(p) and not art.quoted(p.start)
        if known == gender or (known is None and opener):
            return _Resolved(full, "person", start, [])
    for p in reversed(before):
        full = art.fullest(p.text)
        if compatible(full, p.gender):
            return _Resolved(full, "person", start, [])
    return _Resolved(low, "pronoun", start, [])


# what a person writes or says, whose words are theirs: "his tweet", "Rubio's press release"
_WORKS = (
    "statement statements tweet tweets post posts letter book memoir account remarks comments testimony "
    "op-ed column speech message email e-mail video release essay findings study paper research"
).split()
_AUTHORED = re.compile(
    r"(?P<owner>his|her|[Mm]y|[Oo]ur|[Yy]our|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*(?:['’]s?))\s+(?:[\w-]+\s+){0,3}?(?:%s)"
    % "|".join(_WORKS))
# "a Twitter post by Amy Cook", "data from the Gun Violence Archive", "a report by The Atlantic"
_WORKS_BY = re.compile(
    r"(?i:(?:(?:a|an|the|this|that|one|another)\s+)?(?:[\w-]+\s+){0,3}?(?:%s|report|reports|data|study|analysis|"
    r"poll|survey|figures|filing|website|site|page|feed|channel)\s+"
    r"(?:(?:released|issued|published|put\s+out)\s+)?(?:by|from|of)\s+(?:the\s+)?)"
    r"(?P<owner>[A-Z][\w.&’'-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w.&’'-]*)){0,6})" % "|".join(_WORKS))

# "a March 14, 2019 NATO press release", "NEOC data", "a Quinnipiac University poll": the
# owner's name right before the work
_OWNERS_WORK = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+)?(?:[\w,]+\s+){0,4}?"
    r"(?P<owner>(?!(?:The|A|An|This|That|These|Those|Its|His|Her|Their)\b)[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})\s+"
    r"(?:press\s+release|release|report|data|poll|survey|study|analysis|filing|statement)")
# "The statement", and "in a statement", "in its letter", "with a short video"
_THE_WORK = re.compile(r"(?:[Tt]he|[Tt]hat|[Tt]his)\s+(%s)" % "|".join(_WORKS))
_IN_A_WORK = re.compile(
    r"\b(?:[Ii]n|[Ww]ith|[Tt]hrough)\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(%s)\b" % "|".join(_WORKS))


def _author(art: _Article, source: str, start: int, end: int, previous: _Resolved | None,
            content=()) -> _Resolved | None:
    """'his tweet', "Rubio's press release", 'a report by The Atlantic': who wrote it."""
    text = " ".join(source.split()).strip(_EDGE_PUNCT)
    the = _THE_WORK.fullmatch(text)
    if the and previous and previous.kind in ("person", "org") and 0 <= start - previous.position < 1500:
        # "In a statement ..., the Association of Flight Attendants called ... The statement
        # also referenced ...", "Exxon Mobil contended in its letter ... The letter also
        # accuses": the work the last speaker was just said to speak in (not "The Times said
        # Cook provided a written statement ... the statement said")
        sentence = art.sentence_of(previous.position)
        lo = art.sent_starts[sentence]
        hi = art.sent_starts[sentence + 1] if sentence + 1 < len(art.sent_starts) else len(art.text)
        if previous.work == the.group(1) \
                or any(m.group(1) == the.group(1) for m in _IN_A_WORK.finditer(art.text, lo, hi)):
            # (and "the statement" again after "The statement also said": the same one)
            return _Resolved(previous.speaker, previous.kind, start, [], work=the.group(1))
    m = _AUTHORED.fullmatch(text)
    if not m:
        m = _WORKS_BY.fullmatch(_trim_apposition(text)) or _OWNERS_WORK.fullmatch(text)
        if not m or not m.group("owner")[:1].isupper():
            return None
    owner = m.group("owner")
    if owner in art.abbreviations:  # "NEOC data": the National Emergency Operation Centre's
        return _Resolved(art.abbreviations[owner], "org", start, [])
    if owner.casefold() in ("my", "our", "your"):  # "our findings", an interviewer's "your release"
        return _in_turn(art, start, second_person=owner.casefold() == "your")
    if owner in ("his", "her"):
        res = _pronoun(art, "he" if owner == "his" else "she", start, previous, content)
        return res if res.kind == "person" else None
    for o in art.outlets:  # "a recent report by The Atlantic"
        if o.outlet and start <= o.start and o.end <= end and _tokens(o.outlet)[-1:] == _tokens(owner)[-1:]:
            return _Resolved(o.outlet, "org", start, [])
    name = clean_name(owner)
    person = art.person_full(name)
    if person:
        return _Resolved(person, "person", start, [])
    org = art.fullest(name, "ORG")
    if any(n.label == "ORG" and _tokens(n.text) == _tokens(org) for n in art.names):
        return _Resolved(org, "org", start, [])
    return None


def _trim_apposition(text: str) -> str:
    """'a Twitter post by Amy Cook, director of the ... event' -> 'a Twitter post by Amy Cook'."""
    return text.split(",", 1)[0].strip()


def _relative(art: _Article, start: int) -> _Resolved:
    """'a 28-year-old Australian gunman who': the noun phrase before the pronoun."""
    word = re.match(r"\w+", art.text[start:])
    low = word.group(0).casefold() if word else ""
    before = art.text[max(0, start - 120):start]
    allowed = _RELATIVE_GAP_WHO if low in ("who", "whom", "whose") else _RELATIVE_GAP_WHICH
    for p in reversed(art.persons):
        gap = art.text[p.end:start] if 0 <= start - p.end <= 100 else None
        if gap is not None and allowed.fullmatch(gap):
            return _Resolved(art.fullest(p.text), "person", start, [])
    named = _named_before(art, start, low)
    if named is not None and low in ("which", "that"):  # "Norton, which declined to comment"
        return named
    m = re.search(r"\b((?:a|an|the|A|An|The)\s+[^,.;:!?\"“”()]{1,80}?)[,\s]*$", before)
    if m:
        return _Resolved(_clean_description(m.group(1)), "description", start, [])
    return named or _Resolved(low or None, "pronoun", start, [])


_NAME_MAY_FOLLOW = _PREPOSITIONS | {"the", "and", "or", "as", "than", "like", "including", "called", "named"}


def _named_before(art: _Article, start: int, low: str) -> _Resolved | None:
    """The organisation (for "which", "that") or group of people (for "who": "Democrats,
    who"; a lone surname NER took for an organisation: "Christie, who") named right before
    a relative pronoun, and not as the object of a preposition when the pronoun is "who"
    ("a star anchor at Fox News who" is the anchor)."""
    for n in reversed(art.names):
        if n.end < start - 60:
            break
        if n.label not in ("ORG", "NORP") or not n.start < n.end <= start \
                or not re.fullmatch(r"\s*,?\s*", art.text[n.end:start]):
            continue
        if low in ("which", "that"):
            # not "a super PAC that": an abbreviation after a lower-case modifier is a kind
            # of thing, the end of a description, which the caller reads whole
            previous = re.search(r"(\w+)\s+$", art.text[max(0, n.start - 30):n.start])
            if n.label != "ORG" or (previous and previous.group(1).islower()
                                    and previous.group(1) not in _NAME_MAY_FOLLOW and n.text.isupper()):
                return None
            return _Resolved(art.fullest(n.text, n.label), "org", start, [])
        if re.search(r"\b(?:of|at|on|in|for|from|with|by|to)\s+(?:the\s+)?$", art.text[max(0, n.start - 20):n.start],
                     re.IGNORECASE):
            return None
        if n.label == "NORP":
            return _Resolved(n.text, "description", start, [])
        person = art.person_full(n.text)
        return _Resolved(person, "person", start, []) if person else None
    return None


def _role_person(art: _Article, desc: str, start: int) -> str | None:
    """'the spokesperson' -> the person the article called 'SDF spokesperson' before; in the
    headline or the lead, where the name often comes after ('Retired General Reveals ...',
    then 'Retired U.S. Air Force Gen. Norman Ham'), the person it next gives that role."""
    words = desc.split()
    headline = art.in_headline(start)
    if len(words) < 2 or not (headline or (words[0].casefold() in ("the", "this") and words[-1].islower())):
        return None
    if any(w[:1].isupper() for w in words[1:-1] if w.casefold() not in _DETERMINERS) and len(words) > 4:
        return None
    head = words[-1].casefold()
    found = [(pos, person) for role, person, pos in art.roles if role == head and pos < start]
    if found:
        return art.fullest(max(found)[1])
    person = _titled_person(art, words, head, start)
    if person:
        return person
    if (headline or art.sentence_of(start) <= _LEAD_SENTENCES) and head in _PERSON_NOUNS:
        # cataphora: the first person given the role after the source, outside the
        # headline (whose title case makes NER read "Endorsed Trump" as a person)
        later = [(pos, person) for role, person, pos in art.roles + art.title_roles
                 if role == head and start < pos < start + 1500 and not art.in_headline(pos)]
        if later:
            return art.fullest(min(later)[1])
    return None


def _titled_person(art: _Article, words: list[str], head: str, start: int) -> str | None:
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
        if person is None or art.quoted(p.start) or p.headline or len(_tokens(art.fullest(person))) < 2:
            continue
        if art.fullest(person) not in names:
            return None
        break
    return art.fullest(max(holders)[1])
