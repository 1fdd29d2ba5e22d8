"""Names as text: the key under which spellings of one speaker compare equal, a name
without its title and possessive, short forms ("Trump" of "Donald J. Trump"), what a
byline names, and what news prose puts after a name that is not part of it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newstrace.extract.speakers.words import EDGE_PUNCT, TITLE_RE

POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
# what news prose puts after a name that is not part of it: an age ("Adamowicz, 53,"), a
# party and state ("Jason Chaffetz (R-Utah)"), an abbreviation ("the National Hurricane
# Center (NHC)"); matched at the end of a source, repeatedly
# an age, a parenthesis, or an apposition that opens a relative clause the span cut ("the
# Watch Tower Society, the organisation which"), a company's legal form after a comma
# ("Summit Entertainment, LLC")
_TRAILER = re.compile(r"(?:\s*,\s*\d{1,3}|\s*\([^()\n]{1,40}\)|\s*,\s+(?:the|an?)\s+[a-z][\w\s-]{0,40}?\s+(?:which|who|that)"
                      r"|(?<=[a-z]),\s+(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|PLC|plc|LLP)(?!\w))"
                      r"[\s,;:.]*$")


@lru_cache(maxsize=65536)  # asked for the same few names again and again (the ranker's candidates)
def speaker_key(name: str | None) -> str:
    """A key under which spellings of one speaker's name compare equal.

    >>> speaker_key("Abu Abdul-Azim") == speaker_key("abu abdul-azim")
    True
    >>> speaker_key("Sen. Marco Rubio's")
    'marco rubio'
    >>> speaker_key("NBC News") == speaker_key("NBC"), speaker_key("IRNA news agency")
    (True, 'irna')
    >>> speaker_key("the KTLA News") == speaker_key("KTLA")
    True
    """
    if not name:
        return ""
    key = _base_key(name)
    arm = _OUTLET_ARM.search(key)
    if arm and (key[:arm.start()] in _outlet_short_keys()
                or re.fullmatch(r"[A-Z]{3,6}", _LEADING_THE.sub("", name.strip()).split()[0].strip(EDGE_PUNCT))
                and " " not in key[:arm.start()]):
        return key[:arm.start()]  # an outlet by its own short name: "NBC" and "NBC News"
    return key


# An outlet's name after its own short form ("NBC News", "Hurriyet Daily News", "IRNA news
# agency"): the key of the short form, so that the article's own form ("NBC reported") and the
# outlet list's ("NBC News") name one speaker. Only where the outlet list gives both forms to one
# outlet, or the short form is an abbreviation of three to six capitals ("US News" stays).
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_OUTLET_ARM = re.compile(r" (?:daily news|news agency|news service|news network|news channel|news)$")


@lru_cache(maxsize=1)
def _outlet_short_keys() -> frozenset[str]:
    from newstrace.outlets import outlet_aliases

    forms: dict[str, set[str]] = {}
    for alias, outlet in outlet_aliases().items():
        forms.setdefault(outlet, {_base_key(outlet)}).add(_base_key(alias))
    short = set()
    for keys in forms.values():
        for k in keys:
            arm = _OUTLET_ARM.search(k)
            if arm and k[:arm.start()] in keys:
                short.add(k[:arm.start()])
    return frozenset(short)


def _base_key(name: str) -> str:
    """``name``'s key before outlets' short forms are read: ``_key_step`` until nothing changes
    (a key is its own key)."""
    key, previous = name, None
    while key != previous:
        previous, key = key, _key_step(key)
    return key


def _key_step(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    # case folded first, so that "VICE A" and "vice a", "0'S" and "0's" agree
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = POSSESSIVE.sub("", " ".join(text.split()).strip(EDGE_PUNCT)).strip(EDGE_PUNCT)
    text = TITLE_RE.sub("", text) or text  # titles go, unless that is all there is
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    return re.sub(r"^(?:the )+", "", text)


def clean_name(name: str) -> str:
    """A name or description without titles, possessive, quotes and outer punctuation.

    >>> clean_name("Sen. Marco Rubio's")
    'Marco Rubio'
    """
    text = " ".join(name.split()).strip(EDGE_PUNCT)
    text = POSSESSIVE.sub("", text).strip(EDGE_PUNCT)
    stripped = TITLE_RE.sub("", text)
    # keep a title that is all there is ("the President") or that precedes no name
    if stripped and stripped[:1].isupper():
        text = stripped
    return text


_LOOSE_START = re.compile(r"^(?:and|or|but|from)\s+(?=\S)")
# (a trailing one only after two words or more: "According to", "Officials in" stay)
_LOOSE_END = re.compile(r"(?<=\S)\s+(?:at|in|on|from|with|by)$")


def clean_description(text: str) -> str:
    """A description as a speaker: one line, no stray quotation mark or outer punctuation,
    its opening determiner in lower case unless a name follows.

    >>> clean_description('The former "elected official,')
    'the former elected official'
    >>> clean_description('and local police'), clean_description('the Greek Commerce Confederation at')
    ('local police', 'the Greek Commerce Confederation')
    """
    desc = " ".join(text.split())
    # a quotation mark the source span cut from its pair ('a "former elected official')
    if desc.count('"') % 2:
        desc = desc.replace('"', "")
    if desc.count("“") != desc.count("”"):
        desc = desc.replace("“", "").replace("”", "")
    desc = " ".join(desc.split()).strip(EDGE_PUNCT)
    desc = POSSESSIVE.sub("", desc).strip(EDGE_PUNCT)
    # a conjunction or preposition the span took from the words around it ("and local
    # police", "the Greek Commerce Confederation at")
    desc = _LOOSE_START.sub("", desc)
    if len(desc.split()) > 2:
        desc = _LOOSE_END.sub("", desc)
    first, _, rest = desc.partition(" ")
    if first in {"The", "A", "An", "This", "These", "Those", "Some", "Another", "Other", "Two", "Three"} \
            and rest[:1].islower():  # "The Tennessean" is a name
        desc = first.lower() + " " + rest
    return desc


@lru_cache(maxsize=4096)
def tokens(name: str) -> tuple[str, ...]:
    """The words of ``name``'s key.

    >>> tokens("Sen. Marco Rubio's")
    ('marco', 'rubio')
    """
    return tuple(speaker_key(name).split())


def is_short_form(short: list[str] | tuple[str, ...], full: list[str] | tuple[str, ...]) -> bool:
    """'Trump' of 'Donald J. Trump', 'Hillary' of 'Hillary Clinton', 'Abdul-Azim' ...

    >>> is_short_form(("trump",), ("donald", "j", "trump")), is_short_form(("ivanka",), ("donald", "trump"))
    (True, False)
    """
    if not short or len(short) >= len(full):
        return False
    if len(short) == 1:
        return short[0] in (full[0], full[-1])
    if short[-1] != full[-1]:
        return False
    it = iter(full)
    return all(tok in it for tok in short)


def is_short_form_or_equal(name: str, full: str) -> bool:
    """Whether ``name`` is ``full`` or a short form of it.

    >>> is_short_form_or_equal("Mr. Trump", "Donald Trump"), is_short_form_or_equal("Ivana Trump", "Donald Trump")
    (True, False)
    """
    a, b = tokens(name), tokens(full)
    return a == b or is_short_form(a, b)


def trim_trailers(text: str, start: int, end: int) -> int:
    """``end`` moved back over the ages, parentheses and their punctuation that close a
    source, as long as something is left before them.

    >>> t = "Jason Chaffetz (R-Utah), said"
    >>> t[:trim_trailers(t, 0, 24)]
    'Jason Chaffetz'
    """
    while True:
        m = _TRAILER.search(text, start, end)
        cut = None if m else _CUT_AFTER_NAME.search(text, start, end)
        if cut:  # (the joining word goes, the name before it stays)
            end = cut.end() - len(cut.group(0)) + len(re.match(r"\)|[\w.'’&-]*", cut.group(0)).group(0))
            continue
        if not m or not text[start:m.start()].strip(EDGE_PUNCT):
            return end
        end = m.start()


# a word that joins a name to what the span cut off ("University of Hawaii at Mānoa (UH
# Mānoa) and" the University of Southern California, "Trump for"): no part of it (after a
# capitalised word or a bracket only: "there were none of the hecklers or" stays as it is)
_CUT_AFTER_NAME = re.compile(r"(?:(?<=\))|\b(?=[A-Z])[\w.'’&-]+)\s+(?:and|or|of|on|for|from|with|by)\s*$")


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
