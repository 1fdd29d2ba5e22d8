"""Abbreviations: "The NHC" is the "National Hurricane Center (NHC)" the article spelled out.

>>> abbreviations("the National Hurricane Center (NHC) said")
{'NHC': 'National Hurricane Center'}
"""

from __future__ import annotations

import re

from newstrace.extract.speakers.names import POSSESSIVE, clean_name, tokens

# an abbreviation defined in the article: "the World Health Organization (WHO)", "the
# Philippine Institute of Volcanology and Seismology (Phivolcs)"
# (the brackets are found first and the words before them read back from there: one regex
# for both backtracked over every long capitalised token, quadratic in its length)
_ABBREVIATION = re.compile(r"\s\(([A-Z][A-Za-z&]{1,11})\)")
_CAPITALISED = re.compile(r"[A-Z][\w'’&.-]*")
_JOINERS = frozenset({"of", "for", "and", "on", "to", "the", "in", "de", "&", "from", "at"})


def spelled_out(src):
    """An abbreviation the article spelled out, alone or after "the": the name it stands for.

    'The NHC predicted', after 'the National Hurricane Center (NHC)' -> National Hurricane
    Center (an organisation; a person when the article names a person so); also the
    initials of an organisation the article names, never spelled out in brackets ("The
    USGS" after "the U.S. Geological Survey").
    """
    abbr = POSSESSIVE.sub("", re.sub(r"^the\s+", "", src.bare, flags=re.IGNORECASE))  # "Stardom's"
    full = src.art.abbreviations.get(abbr) or src.art.initials.get(abbr)
    if full:
        kind = "person" if any(tokens(p.text) == tokens(full) for p in src.art.persons) else "org"
        return src.resolved(full, kind)
    return None


def abbreviations(text: str) -> dict[str, str]:
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
        if abbr in words[1:] and not abbr.isupper() and len(capitals) <= 5:
            best = capitals[0]  # a short name, not letters: "World Wonder Ring Stardom (Stardom)"
        for i in reversed(capitals if best is None else []):  # shortest first
            initials = "".join(w[0] for w in words[i:] if w[:1].isupper())
            if abbr.isupper() and initials == abbr.replace("&", ""):
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


