"""Canonical names of news outlets, agencies and platforms.

One table serves ingest (an article's outlet from its URL) and citation extraction
(the outlets an article cites), so that "nytimes.com", "the New York Times" and
"NYT" are the same node of the citation graph.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from tld import get_fld

# The table is data: ``extract/data/outlets.tsv`` (canonical name, kind, the names it goes by
# in running text, web domains, and the names among them that are also other things).
OUTLETS_DATA = Path(__file__).resolve().parent / "extract" / "data" / "outlets.tsv"


def _read_outlets(path: Path = OUTLETS_DATA) -> tuple[dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]],
                                                    frozenset[str]]:
    """canonical name -> (kind, names it goes by in text, web domains), in the file's order,
    and the names that are also common words or other things ("Time", "X", "Medium", "The
    Sun"), which citation extraction accepts only with a cue that fits the kind of outlet. A
    canonical name written twice is an error (two rows would silently merge into one)."""
    table, ambiguous = {}, set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, aliases, domains, unclear = line.split("\t")
        if name in table:
            raise ValueError(f"{path.name}:{n}: {name!r} stands twice")
        table[name] = (kind, tuple(a.strip() for a in aliases.split(" | ") if a.strip()), tuple(domains.split()))
        ambiguous |= {a.strip() for a in unclear.split(" | ") if a.strip()}
    return table, frozenset(ambiguous)


OUTLETS, AMBIGUOUS_NAMES = _read_outlets()

_BY_DOMAIN = {d: name for name, (_, _, domains) in OUTLETS.items() for d in domains}
_BY_ALIAS = {
    alias.casefold(): name for name, (_, aliases, _) in OUTLETS.items() for alias in aliases + (name,)
}
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def canonical_outlet(name: str) -> str | None:
    """The canonical name of an outlet as written in text, or None if unknown.

    >>> canonical_outlet("the UK Independent")
    'The Independent'
    >>> canonical_outlet("CNN's")
    'CNN'
    """
    cleaned = _POSSESSIVE.sub("", " ".join(name.split()))
    key = _LEADING_THE.sub("", cleaned).casefold()
    return _BY_ALIAS.get(key) or _BY_ALIAS.get("the " + key)


def outlet_from_url(url: str) -> str | None:
    """The outlet of a URL: its canonical name when known, else its registered domain.

    >>> outlet_from_url("https://www.nytimes.com/2019/03/20/world/isis.html")
    'The New York Times'
    >>> outlet_from_url("https://news.bbc.co.uk/x"), outlet_from_url("http://192.168.0.1/a")
    ('BBC', '192.168.0.1')
    """
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    if not host:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):
        known = _BY_DOMAIN.get(".".join(parts[i:]))
        if known:
            return known
    # the registered domain by the Public Suffix List (tld ships a copy of it; courlan, of
    # trafilatura, already depends on it), so that "en.", "edition." or "m." of one site
    # make one outlet, while "a.blogspot.com" and "b.blogspot.com" stay two
    registered = get_fld(host, fix_protocol=True, fail_silently=True)
    if registered:
        return registered
    if parts[0] == "www":
        parts = parts[1:]
    return ".".join(parts) or None


def outlet_kind(name: str) -> str:
    """'media' or 'platform' for a canonical name; unknown outlets are media.

    >>> outlet_kind("Telegram")
    'platform'
    """
    entry = OUTLETS.get(name)
    return entry[0] if entry else "media"


def outlet_aliases() -> dict[str, str]:
    """Every name an outlet goes by in running text (case as written) -> its canonical name.

    "The Times" is left out: in text it is as often the New York or Los Angeles Times.
    """
    return {
        alias: name
        for name, (_, aliases, _) in OUTLETS.items()
        for alias in aliases + (name,)
        if alias not in _SHORT_FORMS
    }


_SHORT_FORMS = frozenset({"The Times"})
