"""Speakers: one id for each person or organisation across the whole store.

The extract stage gives each attribution ``speaker``, the fullest name its article gives
("Donald J. Trump", "Ms. Pelosi", "Trump"), else a description ("the spokesman"), and
``speaker_mention``, the source as written ("he"). This index resolves those strings
across articles: each person or organisation gets one speaker id with every name it was
given, and two people who share a name stay two.

How a speaker string is read (``speaker_kind``, ``parse_person``):

- a pronoun, a description ("the spokesman", "an unidentified Islamic State militant") or
  a group ("Critics", "Democrats") is no one across the corpus: kind ``unknown``, one
  speaker per description per article (a bare pronoun: per attribution), so that it
  never joins unrelated people;
- a news outlet, a name with an organisation's word ("the Clinton campaign", "Justice
  Department") or an acronym ("FBI") is an ``organisation``, one per name across the store;
- any other name is a ``person``: first name, middle names, surname and suffix, with the
  words news prose sets before names ("House Speaker", "Crooked") left out.

How a person's mention finds its speaker (``SpeakerIndex.add``): names that agree on the
surname and suffix, whose first and middle names do not differ ("Donald J. Trump" and
"Donald Trump", not "George W. Bush" and "George H. W. Bush"), and whose gender (titles,
pronouns, first names) and party ("(R-Utah)") do not conflict, are one person when the
first names are equal. A bare surname ("Trump", "Mr. Jordan") joins a person of that
surname when its article writes that person's full name, or when its article names
enough of the people and things that person appears with elsewhere (the shared names,
each weighted by how rare it is in the store, reach ``SpeakerSettings.min_context``);
otherwise it stays a speaker of its own, so two Smiths of unrelated stories stay apart.

Incremental, inside the caller's transaction: ``add`` links an article's attributions,
``remove`` takes a stored article out again (its evidence is read from the same text, so
what it added is exactly what goes); ``clear`` forgets everything for a relink.

>>> from newstrace.store import Store
>>> from newstrace.records import Article, Attribution
>>> store = Store(":memory:")
>>> index = SpeakerIndex(store.db)
>>> def put(aid, text, speakers):
...     a = Article(id=aid, text=text, fingerprint=aid)
...     atts = [Attribution(id=f"{aid}#a{n}", article=aid, kind="direct", source=[], cue=[], content=[],
...                         content_text="", speaker=s) for n, s in enumerate(speakers, 1)]
...     store.put_article(a, atts, [], "hand")
...     index.add(a, atts)
...     return [t.speaker_id for t in atts]
>>> first = put("x", "Nancy Pelosi said it. Ms. Pelosi of the House said so.", ["Nancy Pelosi"])
>>> second = put("y", "Ms. Pelosi of the House said no. Nancy Pelosi said it again.", ["Ms. Pelosi"])
>>> first == second
True
"""

from __future__ import annotations

import hashlib
import math
import re
import sqlite3
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from newstrace.outlets import canonical_outlet
from newstrace.records import PRONOUNS, Article, Attribution

_WORDS = Path(__file__).parent / "words"


@cache
def _words(name: str) -> frozenset[str]:
    lines = (_WORDS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def is_group_word(text: str) -> bool:
    """Whether a source is one word that names a group or no one in particular, capitalised
    or not ("Authorities said", "Critics argue"): a description, not a name.

    >>> is_group_word("Authorities"), is_group_word("Steele")
    (True, False)
    """
    words = text.split()
    return len(words) == 1 and _norm(words[0]) in _words("group_words")


@cache
def _first_names() -> dict[str, str]:
    """Known first names -> 'm' or 'f': the speaker rules' list of names in the news, not
    the census lists beside it, which hold surnames too ("Clinton", "Jordan")."""
    from newstrace.extract.speakers.words import NEWS_FEMALE as FEMALE, NEWS_MALE as MALE

    names = {n: "m" for n in MALE}
    names.update({n: "f" for n in FEMALE})
    for n in MALE & FEMALE:
        del names[n]
    return names


@dataclass(frozen=True, slots=True)
class SpeakerSettings:
    # how much a bare surname's article must share with a person's other articles to be
    # that person: the sum, over the names both name, of ln(1 + articles / articles naming
    # it). One rare shared name is enough, one name most articles share is not.
    min_context: float = 1.0
    # names an article contributes to its speakers' contexts: its most frequent ones
    context_names: int = 30


_PARTICLES = frozenset({"de", "van", "von", "der", "den", "la", "le", "du", "del", "da", "di", "dos", "al", "el",
                        "bin", "ibn", "st"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father"})
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess"})
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$|^[A-Z][A-Z0-9&]{1,7}$")
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")
_NAME = re.compile(r"\b([A-Z][\w’'-]+(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]+)+)")
_IT = frozenset({"it", "its", "itself"})


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    """A word compared: accents off, case folded, outer punctuation off (hyphens stay).

    >>> _norm("Abdul-Azim,"), _norm("Matovič"), _norm("J.")
    ('abdul-azim', 'matovic', 'j')
    """
    word = unicodedata.normalize("NFKD", word)
    word = "".join(ch for ch in word if not unicodedata.combining(ch)).casefold()
    word = _POSSESSIVE.sub("", word.replace("’", "'"))
    return re.sub(r"[^\w-]+", "", word).strip("-")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name read into its parts (all normalised with ``_norm``)."""

    first: str | None  # None when only the surname is given ("Mr. Trump")
    middle: tuple[str, ...]
    surname: str
    suffix: str | None = None  # "jr", "sr", "ii", ...
    gender: str | None = None  # from a title in the name: "m" ("Mr."), "f" ("Ms.")


def parse_person(name: str) -> PersonName | None:
    """The parts of a person's name, or None when it is no name (a lower-case word in it).

    >>> parse_person("House Speaker Nancy Pelosi")
    PersonName(first='nancy', middle=(), surname='pelosi', suffix=None, gender=None)
    >>> parse_person("Donald J. Trump Jr.")
    PersonName(first='donald', middle=('j',), surname='trump', suffix='jr', gender=None)
    >>> parse_person("Ms. Pelosi").gender, parse_person("Bill de Blasio").surname
    ('f', 'de blasio')
    >>> parse_person("Trump supporters") is None
    True
    """
    # "H.W." is two initials
    words = [part for w in " ".join(name.split()).split()
             for part in (w.replace(".", ". ").split() if _INITIALS.match(w) else [w]) if _norm(part)]
    if not words:
        return None
    gender = None
    tokens = []
    for w in words:
        n = _norm(w)
        if not tokens and n in _words("role_words"):
            gender = gender or ("m" if n in _MALE_TITLES else "f" if n in _FEMALE_TITLES else None)
            continue  # a title or role before the name
        if w[0].islower() and n not in _PARTICLES and n not in _words("role_words"):
            return None  # "Trump supporters": a description
        tokens.append((w, n))
    if not tokens:
        return None
    suffix = None
    if len(tokens) > 1 and tokens[-1][1] in _SUFFIXES:
        suffix = tokens.pop()[1]
    surname = [tokens.pop()[1]]
    while tokens and tokens[-1][1] in _PARTICLES and tokens[-1][0][0].islower():
        surname.insert(0, tokens.pop()[1])
    given = [n for _, n in tokens]
    roles = [i for i, n in enumerate(given) if n in _words("role_words")]
    if roles:  # "Trump campaign manager Corey Lewandowski": the name starts after the roles
        given = given[roles[-1] + 1:]
    known = _first_names()
    if len(given) > 1 and given[0] not in known and any(g in known for g in given[1:]):
        given = given[next(i for i, g in enumerate(given) if g in known):]
    return PersonName(
        first=given[0] if given else None, middle=tuple(given[1:]),
        surname=" ".join(surname), suffix=suffix, gender=gender,
    )


def speaker_kind(speaker: str | None, mention: str | None = None) -> str | None:
    """'person', 'organisation' or 'unknown' (a pronoun, a description, a group) for a
    speaker string; None when there is none. ``mention``: the source as written ("it").

    >>> [speaker_kind(s) for s in ("Nancy Pelosi", "the spokesman", "Critics", "FBI", "he")]
    ['person', 'unknown', 'unknown', 'organisation', 'unknown']
    >>> speaker_kind("the Clinton campaign"), speaker_kind("The New York Times")
    ('organisation', 'organisation')
    """
    if not speaker or not speaker.strip():
        return None
    text = " ".join(speaker.split()).strip(" ,;:.\"'“”‘’()")
    if not text or text.casefold() in PRONOUNS:
        return "unknown"
    if canonical_outlet(text):
        return "organisation"
    rest = _DETERMINER.sub("", text)
    words = rest.split()
    # "former President Barack Obama": a lower-case role before a capitalised name
    while len(words) > 1 and words[0][:1].islower() and _norm(words[0]) in _words("role_words") \
            and words[1][:1].isupper():
        words = words[1:]
    rest = " ".join(words)
    if not words:
        return "unknown"
    normed = [_norm(w) for w in words]
    capitalised = [w for w in words if w[:1].isupper()]
    org_word = any(n in _words("organisation_words") for n in normed)
    if rest[:1].islower():  # a description, unless it names an organisation
        return "organisation" if capitalised and normed[-1] in _words("organisation_words") else "unknown"
    if len(words) == 1 and normed[0] in _words("group_words"):
        return "unknown"
    if len(words) == 1 and _ACRONYM.match(words[0]):
        return "organisation"
    if org_word:
        # "John Court" is a person: an organisation's word as the surname after a first name
        if not (len(words) > 1 and normed[0] in _first_names() and
                not any(n in _words("organisation_words") for n in normed[:-1])):
            return "organisation"
    if mention and mention.strip().casefold() in _IT:
        return "organisation"
    if parse_person(rest) is None:
        return "unknown"
    return "person"


def _organisation_key(name: str) -> str:
    """'The New York Times', 'NYT' -> one key; other names by their normalised words."""
    outlet = canonical_outlet(name)
    if outlet:
        return outlet.casefold()
    return " ".join(_norm(w) for w in _DETERMINER.sub("", " ".join(name.split())).split() if _norm(w))


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names of one person: one side lacks them, or they agree word by word (an
    initial agrees with a name it starts). "George W." and "George H. W." differ."""
    if not a or not b:
        return True
    if len(a) != len(b):
        return False
    return all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
               for x, y in zip(a, b))


def _firsts_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def names_agree(a: PersonName, b: PersonName) -> bool:
    """Whether two person names may be one person's (parts present on both sides agree).

    >>> names_agree(parse_person("Donald J. Trump"), parse_person("Trump"))
    True
    >>> names_agree(parse_person("George W. Bush"), parse_person("George H. W. Bush"))
    False
    >>> names_agree(parse_person("Donald Trump Jr."), parse_person("Donald Trump"))
    False
    """
    if a.surname != b.surname or a.suffix != b.suffix or (a.gender and b.gender and a.gender != b.gender):
        return False
    if _firsts_agree(a.first, b.first):
        return _middles_agree(a.middle, b.middle)
    # "Wasserman Schultz" of "Debbie Wasserman Schultz": a double surname without the first name
    for short, full in ((a, b), (b, a)):
        if not short.middle and full.middle and short.first == full.middle[-1] and short.first not in _first_names():
            return True
    return False


def _lean(one: int, other: int) -> bool:
    """Votes that lean clearly one way (more than twice the other side's)."""
    return one > 2 * other


@dataclass(slots=True)
class _Group:
    """One speaker string of one article, with what the article says about its bearer."""

    speaker: str
    kind: str
    attributions: list[Attribution]
    name: PersonName | None = None
    male: int = 0  # votes from titles, pronouns, a known first name
    female: int = 0
    republican: int = 0
    democrat: int = 0
    roles: set[str] = field(default_factory=set)  # "role senator": titles the article gives the name
    speaker_id: str | None = None

    @property
    def gender(self) -> str | None:
        # a known first name or a title says more than the pronouns the extract stage
        # resolved to this name, which are sometimes another person's
        if self.name and self.name.first and _first_names().get(self.name.first):
            return _first_names()[self.name.first]
        if self.name and self.name.gender:
            return self.name.gender
        return "m" if self.male > self.female else "f" if self.female > self.male else None

    @property
    def party(self) -> str | None:
        return "r" if self.republican > self.democrat else "d" if self.democrat > self.republican else None


def _groups(article: Article, attributions: list[Attribution], cues: _Cues | None = None) -> list[_Group]:
    """The article's speaker strings, in order of first appearance, with their evidence. A
    bare pronoun is a group of one attribution: two "he"s the article leaves unresolved may
    be two people."""
    by_speaker: dict[tuple[str, str], _Group] = {}
    for attribution in attributions:
        speaker = " ".join((attribution.speaker or "").split())
        if not speaker:
            continue
        key = (speaker, attribution.id if speaker.casefold() in PRONOUNS else "")
        group = by_speaker.get(key)
        if group is None:
            kind = speaker_kind(speaker, attribution.speaker_mention)
            group = by_speaker[key] = _Group(speaker, kind or "unknown", [])
        group.attributions.append(attribution)
    for group in by_speaker.values():
        if group.kind == "person":
            group.name = parse_person(_DETERMINER.sub("", group.speaker))
            if group.name is None:
                group.kind = "unknown"
            else:
                cues = cues or _cues(article.text)
                _person_evidence(cues, group)
    return list(by_speaker.values())


@dataclass(slots=True)
class _Cues:
    """What an article says next to the names it writes, read once per article, by the
    last word of the name ("obama"): the titles before it, the parties after or before it,
    and which first names it writes with which surnames."""

    titles: dict[str, Counter] = field(default_factory=dict)  # surname -> title words before it
    parties: dict[str, Counter] = field(default_factory=dict)  # surname -> "r" / "d"
    full: Counter = field(default_factory=Counter)  # (first, surname) written together


# a capitalised word right before a name of one or two words: "Mr. Obama", "President Barack
# Obama", "House Speaker Paul Ryan" (a lookahead, so that every word is tried as the title)
_TITLED = re.compile(r"(?=\b([A-Z][a-z]+)\.?\s+(?:[A-Z][\w.'’-]*\s+)?([A-Z][\w'’-]+)\b)")
_PARTY_AFTER = re.compile(r"\b([A-Z][\w'’-]+)\s*[(,]\s*([RD])\s*[-–.,]\s*[A-Z]")  # "Flake (R-Ariz.)"
_PARTY_BEFORE = re.compile(
    r"\b(Republican|Democratic|Democrat)\s+(?:Sen|Rep|Gov|Senator|Representative|Governor|candidate|nominee|"
    r"presidential candidate|presidential nominee)\.?\s+(?:[A-Z][\w.'’-]*\s+)?([A-Z][\w'’-]+)\b")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")


def _cues(text: str) -> _Cues:
    cues = _Cues()
    for title, last in _TITLED.findall(text):
        cues.titles.setdefault(_norm(last), Counter())[_norm(title)] += 1
    for last, party in _PARTY_AFTER.findall(text):
        cues.parties.setdefault(_norm(last), Counter())[party.lower()] += 1
    for party, last in _PARTY_BEFORE.findall(text):
        cues.parties.setdefault(_norm(last), Counter())["r" if party == "Republican" else "d"] += 1
    words = [(m.start(), m.end(), _norm(m.group())) for m in _CAPITALISED.finditer(text)]
    for i, (_, _, last) in enumerate(words):
        # up to two capitalised words between ("Hillary Rodham Clinton", "George H. W. Bush")
        for j in range(i - 1, max(i - 4, -1), -1):
            if text[words[j][1]:words[j + 1][0]].strip():
                break
            cues.full[words[j][2], last] += 1
    return cues


def _person_evidence(cues: _Cues, group: _Group) -> None:
    """Gender and party votes, and roles, for a person's speaker string in its article."""
    name = group.name
    if name is None:
        return
    votes = Counter()
    if name.gender:
        votes[name.gender] += 1
    if name.first and _first_names().get(name.first):
        votes[_first_names()[name.first]] += 1
    # titles in the source as written ("Mrs. Clinton said"); not the pronouns the extract
    # stage resolved to this name, which are too often another person's to tell people apart
    for attribution in group.attributions:
        words = {_norm(w) for w in (attribution.speaker_mention or "").split()}
        if words & _MALE_TITLES:
            votes["m"] += 1
        if words & _FEMALE_TITLES:
            votes["f"] += 1
    last = name.surname.split()[-1]
    titles = cues.titles.get(last, Counter())
    votes["m"] += titles["mr"]
    votes["f"] += titles["mrs"] + titles["ms"] + titles["miss"]
    votes.update(cues.parties.get(last, Counter()))
    # "President Obama", "Sen. Cruz": who the person is
    group.roles |= _roles([t.capitalize() for t in titles])
    group.roles |= _roles(group.speaker.split()[:-1])
    for attribution in group.attributions:
        group.roles |= _roles((attribution.speaker_mention or "").split())
    group.male, group.female = votes["m"], votes["f"]
    group.republican, group.democrat = votes["r"], votes["d"]


_ROLE_SPELLED = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president",
                 "gen": "general", "sec": "secretary", "adm": "admiral", "prof": "professor", "dr": "doctor",
                 "chairwoman": "chairman", "chair": "chairman", "spokeswoman": "spokesman",
                 "spokesperson": "spokesman", "congresswoman": "congressman"}
# role words that say nothing of who the person is
_NOT_ROLES = frozenset({"the", "of", "former", "late", "acting", "first", "u", "us", "uk", "crooked"}) | \
    _MALE_TITLES | _FEMALE_TITLES


def _roles(words: list[str]) -> set[str]:
    """The titles among ``words``, spelled out ("Sen." -> "role senator")."""
    out = set()
    for word in words:
        n = _norm(word)
        if n in _words("role_words") and n not in _NOT_ROLES and word[:1].isupper():
            out.add("role " + _ROLE_SPELLED.get(n, n))
    return out


def context_names(article: Article, limit: int = 30) -> list[str]:
    """The names an article writes (capitalised runs of two words or more), most frequent
    first: what its speakers appear with.

    >>> context_names(Article(id="x", text="The White House said so. White House aides and Nancy Pelosi."))
    ['white house', 'nancy pelosi']
    """
    counts: Counter[str] = Counter()
    for name in _NAME.findall(article.text):
        key = " ".join(_norm(w) for w in _DETERMINER.sub("", name).split() if _norm(w))
        if " " in key:
            counts[key] += 1
    return [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def _speaker_id(prefix: str, key: str) -> str:
    return prefix + hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


class SpeakerIndex:
    """Gives each attribution's speaker a store-wide id, inside the caller's transaction.

    Owns the tables ``speakers``, ``speaker_aliases``, ``speaker_context`` and
    ``speaker_name_df``, and the column ``attributions.speaker_id``.
    """

    def __init__(self, db: sqlite3.Connection, settings: SpeakerSettings | None = None):
        self.db = db
        self.settings = settings or SpeakerSettings()
        # speakers the last ``add`` merged into others (old id -> the id that remains), for
        # whoever keeps speaker ids of their own; attributions are updated here
        self.merged: dict[str, str] = {}

    # --- the public interface -----------------------------------------------------

    def add(self, article: Article, attributions: list[Attribution]) -> set[str]:
        """Give each attribution of a stored ``article`` its ``speaker_id`` (also set on the
        records); the speaker ids it touched."""
        self.merged = {}
        cues = _cues(article.text)
        groups = _groups(article, attributions, cues)
        names = context_names(article, self.settings.context_names)
        order = {"organisation": 0, "person": 1, "unknown": 2}
        # full names first, so that a bare surname of the same article finds them
        for group in sorted(groups, key=lambda g: (order[g.kind], g.name is None or g.name.first is None)):
            if group.kind == "unknown":
                group.speaker_id = self._unknown(article.id, group)
            elif group.kind == "organisation":
                group.speaker_id = self._organisation(group)
            else:
                group.speaker_id = self._person(group, names, cues)
        for group in groups:  # a speaker merged into another while the article was read
            while group.speaker_id in self.merged:
                group.speaker_id = self.merged[group.speaker_id]
        self._count(article, groups, names, +1)
        for group in groups:
            for attribution in group.attributions:
                attribution.speaker_id = group.speaker_id
            self.db.executemany("UPDATE attributions SET speaker_id=? WHERE id=?",
                                [(group.speaker_id, a.id) for a in group.attributions])
        touched = {g.speaker_id for g in groups if g.speaker_id}
        for speaker in touched:
            self._rename(speaker)
        return touched

    def remove(self, article_id: str) -> set[str]:
        """Take a stored article's attributions out of their speakers (before the article
        is deleted or replaced); a speaker left with none is deleted. The speakers it
        touched that remain."""
        row = self.db.execute("SELECT id, text, title FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            return set()
        article = Article(id=row[0], text=row[1], title=row[2])
        attributions = []
        for aid, speaker, mention, speaker_id in self.db.execute(
                "SELECT id, speaker, speaker_mention, speaker_id FROM attributions WHERE article=?", (article_id,)):
            attribution = Attribution(id=aid, article=article_id, kind="direct", source=[], cue=[], content=[],
                                      content_text="", speaker=speaker, speaker_mention=mention)
            attribution.speaker_id = speaker_id
            attributions.append(attribution)
        groups = [g for g in _groups(article, attributions) if g.kind != "unknown"]
        for group in groups:
            ids = {a.speaker_id for a in group.attributions}
            group.speaker_id = ids.pop() if len(ids) == 1 else None
        groups = [g for g in groups if g.speaker_id]
        self._count(article, groups, context_names(article, self.settings.context_names), -1)
        self.db.execute("UPDATE attributions SET speaker_id=NULL WHERE article=?", (article_id,))
        self.db.execute("DELETE FROM speaker_aliases WHERE speaker IN"
                        " (SELECT id FROM speakers WHERE kind='unknown' AND scope=?)", (article_id,))
        self.db.execute("DELETE FROM speakers WHERE kind='unknown' AND scope=?", (article_id,))
        left = set()
        for speaker in {g.speaker_id for g in groups}:
            if self.db.execute("SELECT attributions FROM speakers WHERE id=?", (speaker,)).fetchone()[0] <= 0:
                self._drop(speaker)
            else:
                self._rename(speaker)
                left.add(speaker)
        return left

    def clear(self) -> None:
        """Forget every speaker (``Linker.rebuild`` links all articles again)."""
        for table in ("speaker_context", "speaker_name_df", "speaker_aliases", "speakers"):
            self.db.execute(f"DELETE FROM {table}")  # fixed names, not input
        self.db.execute("DELETE FROM meta WHERE key='speaker_documents'")
        self.db.execute("UPDATE attributions SET speaker_id=NULL")

    def same_speaker(self, a: str | None, b: str | None) -> bool | None:
        """Whether speakers ``a`` and ``b`` (ids) are one: True when they are the same id;
        False when both are named and cannot be one (two organisations, or two persons
        whose names, gender or party disagree: "Donald Trump" and "Hillary Clinton",
        "George W. Bush" and "George H. W. Bush"); None when it is not known (either is
        missing or unknown, a person beside an organisation that may speak through them,
        a bare surname beside a person of that surname it was not joined to)."""
        if not a or not b:
            return None
        if a == b:
            return True
        rows = {r["id"]: r for r in self.db.execute(
            "SELECT id, kind, key, first, middle, suffix, male, female, republican, democrat"
            " FROM speakers WHERE id IN (?, ?)", (a, b))}
        if len(rows) < 2:
            return None
        ra, rb = rows[a], rows[b]
        if "unknown" in (ra["kind"], rb["kind"]) or ra["kind"] != rb["kind"]:
            return None
        if ra["kind"] == "organisation":
            return False
        if ra["key"] is None or rb["key"] is None:  # a first name alone
            return None if _firsts_agree(ra["first"], rb["first"]) else False
        if not names_agree(self._name(ra), self._name(rb)) or self._conflict(ra, rb):
            return False
        # both with first names, agreeing: the index would have joined them unless their
        # middle names told them apart, so they are two; a bare surname may be either
        return None if ra["first"] is None or rb["first"] is None else False

    # --- resolving ------------------------------------------------------------------

    def _unknown(self, article_id: str, group: _Group) -> str:
        """A speaker confined to its article: one per description, one per bare pronoun."""
        pronoun = group.speaker.casefold() in PRONOUNS
        key = group.attributions[0].id if pronoun else group.speaker.casefold()
        speaker = _speaker_id("su", f"{article_id}\0{key}")
        self.db.execute(
            "INSERT OR IGNORE INTO speakers(id, name, kind, key, scope) VALUES (?, ?, 'unknown', ?, ?)",
            (speaker, group.speaker, key, article_id))
        return speaker

    def _organisation(self, group: _Group) -> str:
        key = _organisation_key(group.speaker)
        row = self.db.execute("SELECT id FROM speakers WHERE kind='organisation' AND key=?", (key,)).fetchone()
        if row:
            return row[0]
        speaker = self._free_id(_speaker_id("so", f"{group.attributions[0].id}"))
        self.db.execute("INSERT INTO speakers(id, name, kind, key) VALUES (?, ?, 'organisation', ?)",
                        (speaker, canonical_outlet(group.speaker) or group.speaker, key))
        return speaker

    def _person(self, group: _Group, names: list[str], cues: _Cues) -> str:
        name = group.name
        assert name is not None
        candidates = [r for r in self.db.execute(
            "SELECT * FROM speakers WHERE kind='person' AND key=?", (name.surname,))
            if names_agree(self._name(r), name) and not self._conflicts_group(r, group)]
        scores = {r["id"]: self._score(r, group, names, cues) for r in candidates}
        full = [r for r in candidates if r["first"] is not None]
        bare = [r for r in candidates if r["first"] is None]
        if name.first is not None:
            if full:
                chosen = self._best(full, scores, need=False)
            else:  # a bare surname seen before, that this full name's article points to
                chosen = self._best(bare, scores, need=True)
                if chosen is not None:
                    self.db.execute("UPDATE speakers SET first=?, middle=? WHERE id=?",
                                    (name.first, " ".join(name.middle) or None, chosen["id"]))
                    chosen = self.db.execute("SELECT * FROM speakers WHERE id=?", (chosen["id"],)).fetchone()
        else:
            chosen = self._best(candidates, scores, need=True)
            if chosen is None and not self._title_in(group) and name.surname in _first_names():
                # a first name alone ("Bernie", "Hillary"), of a person seen elsewhere
                firsts = [r for r in self.db.execute(
                    "SELECT * FROM speakers WHERE kind='person' AND first=? AND key IS NOT NULL", (name.surname,))
                    if not self._conflicts_group(r, group)]
                first_scores = {r["id"]: (0, self._context(r["id"], names, group)) for r in firsts}
                chosen = self._best(firsts, first_scores, need=True)
        if chosen is not None:
            chosen = self._absorb(chosen, [r for r in candidates if self._evident(scores[r["id"]])])
            if name.first and name.middle and chosen["first"] == name.middle[-1] and name.first in _first_names():
                # "Wasserman Schultz" held the first part of a double surname as its first name
                self.db.execute("UPDATE speakers SET first=?, middle=? WHERE id=?",
                                (name.first, " ".join(name.middle), chosen["id"]))
            elif name.first and name.middle and not chosen["middle"]:
                self.db.execute("UPDATE speakers SET middle=? WHERE id=?", (" ".join(name.middle), chosen["id"]))
            return chosen["id"]
        speaker = self._free_id(_speaker_id("sp", group.attributions[0].id))
        self.db.execute(
            "INSERT INTO speakers(id, name, kind, key, first, middle, suffix) VALUES (?, ?, 'person', ?, ?, ?, ?)",
            (speaker, group.speaker, name.surname, name.first, " ".join(name.middle) or None, name.suffix))
        return speaker

    def _score(self, row: sqlite3.Row, group: _Group, names: list[str], cues: _Cues) -> tuple[int, float]:
        """How much the article points to a person: how often it writes their full name,
        and the names it shares with their other articles."""
        return self._written(row, cues), self._context(row["id"], names, group)

    def _evident(self, score: tuple[int, float]) -> bool:
        return score[0] > 0 or score[1] >= self.settings.min_context

    def _best(self, candidates: list[sqlite3.Row], scores: dict[str, tuple[int, float]],
              need: bool) -> sqlite3.Row | None:
        """Of the candidates, the one the article points to most: by its full name written
        in the article, then by the names shared with its other articles, then by how often
        it was quoted. ``need``: only one the article points to at all, and more than to
        any other."""
        if not candidates:
            return None
        if len(candidates) == 1 and not need:
            return candidates[0]
        ranked = sorted(candidates, key=lambda r: (*scores[r["id"]], r["attributions"]), reverse=True)
        best = ranked[0]
        if need and not self._evident(scores[best["id"]]):
            return None
        if need and len(ranked) > 1 and scores[ranked[1]["id"]] == scores[best["id"]]:
            return None  # the article points to two people alike
        return best

    def _absorb(self, chosen: sqlite3.Row, evident: list[sqlite3.Row]) -> sqlite3.Row:
        """Bare surnames ("Obama") kept apart for want of evidence, that an article now
        points to together with a full name ("Barack Obama") which is the only person of
        that surname they can be: one person. The speaker that remains."""
        full = chosen if chosen["first"] is not None else next((r for r in evident if r["first"] is not None), None)
        if full is None:
            return chosen
        bare = {r["id"]: r for r in [chosen, *evident] if r["first"] is None and r["id"] != full["id"]}
        for row in bare.values():
            if self._only_full(row, full):
                self._merge(row["id"], into=full["id"])
        return self.db.execute("SELECT * FROM speakers WHERE id=?", (full["id"],)).fetchone()

    def _only_full(self, bare: sqlite3.Row, full: sqlite3.Row) -> bool:
        """Whether ``full`` is the one person with a first name that ``bare`` may be."""
        others = [r for r in self.db.execute(
            "SELECT * FROM speakers WHERE kind='person' AND key=? AND first IS NOT NULL", (bare["key"],))
            if names_agree(self._name(r), self._name(bare)) and not self._conflict(r, bare)]
        return [r["id"] for r in others] == [full["id"]]

    def _merge(self, other: str, into: str) -> None:
        """Make speaker ``other`` part of ``into``: its attributions, names, votes, context."""
        self.db.execute("UPDATE attributions SET speaker_id=? WHERE speaker_id=?", (into, other))
        self.db.execute(
            "INSERT INTO speaker_aliases(speaker, alias, count, full) SELECT ?, alias, count, full"
            " FROM speaker_aliases WHERE speaker=? AND true"
            " ON CONFLICT(speaker, alias) DO UPDATE SET count = count + excluded.count", (into, other))
        self.db.execute(
            "INSERT INTO speaker_context(speaker, name, count) SELECT ?, name, count"
            " FROM speaker_context WHERE speaker=? AND true"
            " ON CONFLICT(speaker, name) DO UPDATE SET count = count + excluded.count", (into, other))
        self.db.execute(
            "UPDATE speakers SET (attributions, male, female, republican, democrat) = (SELECT"
            " speakers.attributions + o.attributions, speakers.male + o.male, speakers.female + o.female,"
            " speakers.republican + o.republican, speakers.democrat + o.democrat FROM speakers o WHERE o.id=?)"
            " WHERE id=?", (other, into))
        self._drop(other)
        self.merged[other] = into

    @staticmethod
    def _title_in(group: _Group) -> bool:
        return bool(group.name and group.name.gender) or any(
            _norm(w) in _words("role_words") for w in group.speaker.split()[:-1])

    @staticmethod
    def _written(row: sqlite3.Row, cues: _Cues) -> int:
        """How often the article writes the person's first name and surname together
        ("Hillary Clinton", "Hillary Rodham Clinton")."""
        if row["first"] is None or row["key"] is None:
            return 0
        return cues.full[row["first"], row["key"].split()[-1]]

    def _context(self, speaker: str, names: list[str], group: _Group) -> float:
        """How much the article's names say it is about this speaker: the names it shares
        with the speaker's other articles, each weighted by its rarity in the store."""
        own = set(group.name.surname.split()) if group.name else set()
        names = [n for n in names if not own & set(n.split())] + sorted(group.roles)
        if not names:
            return 0.0
        marks = ",".join("?" * len(names))
        shared = self.db.execute(
            f"SELECT d.df FROM speaker_context c JOIN speaker_name_df d ON d.name = c.name"
            f" WHERE c.speaker=? AND c.name IN ({marks})", [speaker, *names]).fetchall()
        row = self.db.execute("SELECT value FROM meta WHERE key='speaker_documents'").fetchone()
        documents = int(row[0]) if row else 0
        # the article being linked counts among the documents: a name every stored article
        # and this one write says nothing
        return sum(math.log((documents + 1) / (df + 1)) for (df,) in shared if df > 0)

    @staticmethod
    def _name(row: sqlite3.Row) -> PersonName:
        return PersonName(first=row["first"], middle=tuple((row["middle"] or "").split()),
                          surname=row["key"] or "", suffix=row["suffix"])

    @staticmethod
    def _conflict(a: sqlite3.Row, b: sqlite3.Row) -> bool:
        def gender(r):
            return "m" if _lean(r["male"], r["female"]) else "f" if _lean(r["female"], r["male"]) else None

        def party(r):
            return "r" if _lean(r["republican"], r["democrat"]) else "d" if _lean(r["democrat"], r["republican"]) else None
        return bool(gender(a) and gender(b) and gender(a) != gender(b)) or bool(
            party(a) and party(b) and party(a) != party(b))

    @staticmethod
    def _conflicts_group(row: sqlite3.Row, group: _Group) -> bool:
        """The person's gender (by first name, or as their other articles tell it) or party
        is not this one's."""
        known = _first_names().get(row["first"] or "")
        if group.gender and known and known != group.gender:
            return True
        if group.gender:
            if (group.gender == "m" and _lean(row["female"], row["male"])) or (
                    group.gender == "f" and _lean(row["male"], row["female"])):
                return True
        if group.party:
            if (group.party == "r" and _lean(row["democrat"], row["republican"])) or (
                    group.party == "d" and _lean(row["republican"], row["democrat"])):
                return True
        return False

    # --- bookkeeping ------------------------------------------------------------------

    def _free_id(self, candidate: str) -> str:
        n = 1
        base = candidate
        while self.db.execute("SELECT 1 FROM speakers WHERE id=?", (candidate,)).fetchone():
            n += 1
            candidate = _speaker_id(base[:2], f"{base}#{n}")
        return candidate

    def _alias(self, speaker: str, alias: str, count: int, full: bool) -> None:
        self.db.execute(
            "INSERT INTO speaker_aliases(speaker, alias, count, full) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(speaker, alias) DO UPDATE SET count = count + excluded.count",
            (speaker, alias, count, int(full)))

    def _count(self, article: Article, groups: list[_Group], names: list[str], sign: int) -> None:
        """Add (sign +1) or take away (-1) what an article's groups tell their speakers:
        attributions, aliases, gender and party votes, the names they appear with."""
        for group in groups:
            n = len(group.attributions)
            full = group.kind != "person" or bool(group.name and group.name.first)
            self._alias(group.speaker_id, group.speaker, sign * n, full)
            self.db.execute(
                "UPDATE speakers SET attributions = attributions + ?, male = male + ?, female = female + ?,"
                " republican = republican + ?, democrat = democrat + ? WHERE id=?",
                (sign * n, sign * int(group.gender == "m"), sign * int(group.gender == "f"),
                 sign * int(group.party == "r"), sign * int(group.party == "d"), group.speaker_id))
        if sign < 0:
            self.db.executemany("DELETE FROM speaker_aliases WHERE speaker=? AND count <= 0",
                                [(g.speaker_id,) for g in groups])
        named = {g.speaker_id: g for g in groups if g.kind in ("person", "organisation")}
        if named:
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES ('speaker_documents', ?) ON CONFLICT(key)"
                " DO UPDATE SET value = CAST(value AS INTEGER) + ?", (str(max(sign, 0)), sign))
            roles = sorted(set().union(*(g.roles for g in named.values())))
            self.db.executemany(
                "INSERT INTO speaker_name_df(name, df) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET df = df + ?",
                [(name, max(sign, 0), sign) for name in names + roles])
            rows = []
            for speaker, group in named.items():
                own = set(group.name.surname.split()) if group.name else set(_organisation_key(group.speaker).split())
                rows += [(speaker, name, sign, sign) for name in names if not own & set(name.split())]
                rows += [(speaker, role, sign, sign) for role in sorted(group.roles)]
            self.db.executemany(
                "INSERT INTO speaker_context(speaker, name, count) VALUES (?, ?, ?)"
                " ON CONFLICT(speaker, name) DO UPDATE SET count = count + ?", rows)
            if sign < 0:
                self.db.execute("DELETE FROM speaker_name_df WHERE df <= 0")
                self.db.executemany("DELETE FROM speaker_context WHERE speaker=? AND count <= 0",
                                    [(s,) for s in named])

    def _rename(self, speaker: str) -> None:
        """A speaker's name: its most used full name (a person's with a first name), the
        longer of equals, then the first in code-point order."""
        row = self.db.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker=? AND count > 0"
            " ORDER BY full DESC, count DESC, length(alias) DESC, alias LIMIT 1", (speaker,)).fetchone()
        if row:
            kind = self.db.execute("SELECT kind FROM speakers WHERE id=?", (speaker,)).fetchone()[0]
            name = (canonical_outlet(row[0]) or row[0]) if kind == "organisation" else row[0]
            self.db.execute("UPDATE speakers SET name=? WHERE id=?", (name, speaker))

    def _drop(self, speaker: str) -> None:
        for table, column in (("speaker_context", "speaker"), ("speaker_aliases", "speaker"), ("speakers", "id")):
            self.db.execute(f"DELETE FROM {table} WHERE {column}=?", (speaker,))  # fixed names
