"""Outlets cited in two more ways: named in an apposition to their kind, and on a
reference line.

- An apposition ("The official diocesan newspaper, KirchenZeitung, announced …", "One
  news site, Znak.com, claims …") names an outlet the table may not know; with a verb
  of the unknown outlets' after it, it is a citation, and so is each later mention of the
  same name in a frame of citing ("The KirchenZeitung then quotes …", "the KirchenZeitung
  journalist adds: …"). A person of the outlet ("the editor of the Vatican's official
  newspaper, L'Osservatore Romano, said") is that person speaking, not a citation.
- A reference line under a quotation names its source: "Can it last?, The Economist,
  Magazine, November 14th 2017" (title, outlet, section, date) or "October 13, 2017,
  Legal Insurrection" (date, outlet). A place there is no outlet ("…, Washington,
  January 5, 2018"): with a spaCy Doc, names tagged as places or persons are left.

``extract_citations`` calls ``cited_names`` after its own rules, with the spans taken.

    >>> t = "The official diocesan newspaper, KirchenZeitung, announced it. The KirchenZeitung then quotes him."
    >>> [(c.outlet, c.cue) for c in cited_names(t, [])]
    [('KirchenZeitung', 'announced'), ('KirchenZeitung', 'quotes')]
    >>> t = "“It will not last.”\\nCan it last?, The Economist, Magazine, November 14th 2017\\nMore."
    >>> [(c.outlet, c.cue) for c in cited_names(t, [])]
    [('The Economist', 'reference')]
"""

from __future__ import annotations

import re

from newstrace.extract.citations import (_ALIASES, _KIND, _MONTH, _WEEKDAY, _POST_POSSESSIVE_VERB, _POST_VERB,
                                         _UNKNOWN_POST, _UNKNOWN_PRE)
from newstrace.records import Citation

_NAME = r"(?:[Tt]he )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}"
# "the official diocesan newspaper, KirchenZeitung," (a determiner, up to three words, the kind)
_APPOSITION = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_KIND}|website),"
    rf" ({_NAME}),"
)
# a person of the outlet is the one speaking: "the editor in chief of the Vatican's official newspaper, …"
_OF_BEFORE = re.compile(r"\bof\s+$")
# the outlet's journalist speaks for it: "the KirchenZeitung journalist adds:"
_STAFF = re.compile(r"^ (?:journalist|reporter|correspondent|columnist|editor|writer)s? (?:also |then )?"
                    r"(adds|added|says|said|writes|wrote|notes|noted|reports|reported|explains|explained)\b")
_ANNOUNCED = re.compile(r"^ (?:also |then |first )?(announced|announces)\b")
_DATE = rf"{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
# "Title, Outlet, Section, Date" (no "by" author: that is citations' credit line) and "Date, Outlet"
_REFERENCE_TAIL = re.compile(
    rf"(?m)^[^\n\[\]]{{3,200}}?, ({_NAME})(?:, [A-Z][a-z]+)?, {_DATE}\.?[ \t]*$")
# a day, a table, a state's code: "Published 12:17 am, Monday, September 16, 2013", "…, Table
# A-7, June 1, 2018", "WASHINGTON, DC, April 28, 2009"
_NOT_A_NAME = re.compile(rf"\d|^(?:{_WEEKDAY}|{_MONTH})$|^[A-Z.]+$")
_REFERENCE_DATE_FIRST = re.compile(rf"(?m)^{_DATE}, ({_NAME})[ \t]*$")


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in taken)


def _strip_the(name: str, s: int) -> tuple[str, int]:
    if name[:4] in ("The ", "the ") and name not in _ALIASES:
        return name[4:], s + 4
    return name, s


def apposition_citations(text: str, taken: list[tuple[int, int]]) -> list[Citation]:
    """Outlets named in an apposition to their kind, with a verb of theirs after it, and
    their later mentions in a frame of citing."""
    out: list[Citation] = []
    names: list[tuple[str, int]] = []
    for m in _APPOSITION.finditer(text):
        name, s = _strip_the(m.group(1), m.start(1))
        e = s + len(name)
        if _overlaps(s, e, taken) or _OF_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue
        # the kind named makes it an outlet: the known outlets' verbs, and "announced"
        cue = _POST_VERB.match(text[m.end():m.end() + 80]) or _ANNOUNCED.match(text[m.end():m.end() + 40])
        if not cue:
            continue
        outlet = _ALIASES.get(name, name)
        out.append(Citation(article="", outlet=outlet, cue=cue.group(1).lower(), span=(s, e)))
        names.append((name, e))
    for name, after in names:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[after:]):
            s, e = after + m.start(), after + m.end()
            if _overlaps(s, e, taken + [c.span for c in out]) or re.match(r" [A-Z]", text[e:e + 2]):
                continue
            start = s - 4 if text[max(0, s - 4):s] in ("the ", "The ") else s
            cue = _UNKNOWN_PRE.search(text[max(0, start - 80):start]) or _UNKNOWN_POST.match(text[e:e + 80]) \
                or _POST_POSSESSIVE_VERB.match(text[e:e + 80]) or _STAFF.match(text[e:e + 60])
            if cue:
                out.append(Citation(article="", outlet=_ALIASES.get(name, name), cue=cue.group(1).lower(), span=(s, e)))
    return out


def reference_citations(text: str, taken: list[tuple[int, int]], not_outlets: list[tuple[int, int]]) -> list[Citation]:
    """Outlets on a reference line of their own ("Can it last?, The Economist, Magazine,
    November 14th 2017"; "October 13, 2017, Legal Insurrection"). ``not_outlets``: spans
    of places and persons."""
    out: list[Citation] = []
    for pattern in (_REFERENCE_TAIL, _REFERENCE_DATE_FIRST):
        for m in pattern.finditer(text):
            name, s = m.group(1), m.start(1)
            if name not in _ALIASES:
                name, s = _strip_the(name, s)
            e = s + len(name)
            if _overlaps(s, e, taken + [c.span for c in out]) or _overlaps(s, e, not_outlets) \
                    or name not in _ALIASES and _NOT_A_NAME.search(name):
                continue
            if pattern is _REFERENCE_TAIL and re.search(r"\bby [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}$",
                                                        text[m.start():m.start(1)].rstrip(", ")):
                continue  # "…, by Scott Malone, Reuters, October 20, 2017": citations' credit line
            out.append(Citation(article="", outlet=_ALIASES.get(name, name), cue="reference", span=(s, e)))
    return out


def cited_names(text: str, taken: list[tuple[int, int]], doc=None) -> list[Citation]:
    """The citations of both rules, not overlapping ``taken`` (spans already cited)."""
    not_outlets = [(x.start_char, x.end_char) for x in doc.ents if x.label_ in ("GPE", "LOC", "PERSON")] \
        if doc is not None else []
    found = apposition_citations(text, taken)
    return found + reference_citations(text, taken + [c.span for c in found], not_outlets)
