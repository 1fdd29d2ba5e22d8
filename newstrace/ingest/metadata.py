"""Article metadata: field names as exports spell them, dates, outlets, and sidecars.

Sidecars give metadata that the article files lack:

- ``metadata.tsv`` / ``metadata.csv`` in a folder, one row per article, for the files in
  that folder and below. Rows are matched by an ``id`` or ``filename`` column: the
  article's path relative to the sidecar's folder without extension, or its file name
  without extension (so PolNeAR's ``metadata.tsv`` matches ``dev/text/NAME.txt``).
- ``NAME.meta.json`` beside ``NAME.txt`` (or ``NAME.txt.meta.json``): one JSON object for
  that one file (for a JSONL file, for each of its records).

Column and key names are those of common exports (see ``FIELD_NAMES``), case-insensitive.
"""

from __future__ import annotations

import csv
import email.utils
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePosixPath

from newstrace.errors import BadInput
from newstrace.outlets import canonical_outlet

SIDECAR_TABLES = ("metadata.tsv", "metadata.csv")
META_JSON_SUFFIX = ".meta.json"

# the names each Article field goes by in JSONL exports and sidecars, first wins
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "filename", "file"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "publisher", "source", "site", "sitename", "site_name"),
    "published": ("published", "publication_date", "date", "published_at", "publishedat",
                  "pubdate", "datetime"),
    "author": ("author", "authors", "byline"),
}
META_FIELDS = ("title", "url", "outlet", "published", "author")


def pick(record: dict, name: str) -> str | None:
    """The first usable value of field ``name`` in ``record`` under any of its names.

    Accepts strings, an outlet given as ``{"name": ...}`` (NewsAPI's ``source``), and a list
    of author names; anything else counts as absent.

    >>> pick({"Publisher": "nyt", "date": "2016-09-12"}, "outlet")
    'nyt'
    """
    keys = {str(k).strip().casefold(): v for k, v in record.items()}
    for key in FIELD_NAMES[name]:
        value = keys.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ", ".join(v.strip() for v in value if v.strip())
        if isinstance(value, str) and value.strip() and value.strip().casefold() not in _NONE:
            return value.strip()
    return None


_NONE = {"none", "null", "n/a", "na", "-"}


def normalise_outlet(name: str | None) -> str | None:
    """The canonical name of an outlet when newstrace knows it, else the name as given.

    >>> normalise_outlet("nyt"), normalise_outlet("  Daily   Planet ")
    ('The New York Times', 'Daily Planet')
    """
    if not isinstance(name, str):
        return None
    name = " ".join(name.split())
    if not name:
        return None
    return known_outlet(name) or name


def known_outlet(name: str) -> str | None:
    """The canonical name of an outlet newstrace knows, also from an export slug, which is
    tried with spaces, then run together ("wash-post", "huff-post"); else None."""
    return (canonical_outlet(name) or canonical_outlet(re.sub(r"[-_]+", " ", name))
            or canonical_outlet(re.sub(r"[-_\s]+", "", name)))


_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_WORDY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y")


def normalise_date(value: object) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``) or datetime for ``value``, None if it is not one.

    Understands ISO 8601 (``2019-03-20``, ``20190320``, ``2019-03-20T10:00Z``), e-mail and
    RSS dates (``Wed, 20 Mar 2019 10:00:00 GMT``) and English ``March 20, 2019``.
    A date stays a date: no time is invented. Never raises.

    >>> normalise_date("Wed, 20 Mar 2019 10:00:00 GMT"), normalise_date("20 March 2019")
    ('2019-03-20T10:00:00+00:00', '2019-03-20')
    >>> normalise_date("last Tuesday") is None
    True
    """
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 64:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).isoformat(timespec="seconds")
    except ValueError:
        pass
    parsed = None
    if ":" in text:  # without a time the e-mail parser would invent midnight
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
    if parsed is not None:
        return parsed.isoformat(timespec="seconds")
    wordy = _WEEKDAY.sub("", text)
    for fmt in _WORDY_FORMATS:
        try:
            return datetime.strptime(wordy, fmt).date().isoformat()
        except ValueError:
            continue
    return None


# a date in a file's path as archives name them: 2019-03-20, 2019_03_20, 2019/03/20 (the
# separators are required: a run of 8 digits in an id or a hash is not taken for a date)
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_/.])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_path(article_id: str) -> str | None:
    """The date a file's path gives (its last one), for articles that carry none.

    >>> date_from_path("nyt_2016-10-02_trump-taxes"), date_from_path("2019/03/20/baghuz")
    ('2016-10-02', '2019-03-20')
    >>> date_from_path("000_17fc5a22881fa018"), date_from_path("report-2019-02-30") is None
    (None, True)
    """
    found = None
    for m in _PATH_DATE.finditer(article_id):
        try:
            found = date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
        except ValueError:
            continue
    return found


def outlet_from_path(article_id: str) -> str | None:
    """The outlet a file's name starts with, or a folder it is in, when newstrace knows
    that outlet and the path also dates the article: the archive conventions
    "nyt_2016-10-02_trump-taxes" and "reuters/2019-03-20-baghuz". Without a date, a
    "sun_spots" or "time/notes" is not taken for an outlet.

    >>> outlet_from_path("wash-post_2016-09-08_virginia"), outlet_from_path("reuters/2019-03-20-baghuz")
    ('The Washington Post', 'Reuters')
    >>> outlet_from_path("000_17fc5a22881fa018"), outlet_from_path("time/notes_2") is None
    (None, True)
    """
    if date_from_path(article_id) is None:
        return None
    parts = article_id.split("/")
    for candidate in (re.split(r"[_ ]", parts[-1], maxsplit=1)[0], *reversed(parts[:-1])):
        if not candidate or candidate[:1].isdigit():
            continue
        known = known_outlet(candidate)
        if known:
            return known
    return None


def date_from_dateline(text: str) -> str | None:
    r"""The date of a text whose first lines include one that is only a date (Wikinews:
    "Friday, January 4, 2019"), else None.

    >>> date_from_dateline("Friday, January 4, 2019\n\nAn apartment building collapsed.")
    '2019-01-04'
    >>> date_from_dateline("Rain in Spain\n\nIt rained on March 3, 2019.") is None
    True
    """
    lines = [line.strip() for line in text[:400].splitlines() if line.strip()][:3]
    return next((d for d in map(normalise_date, lines) if d), None)


@dataclass
class SidecarTable:
    """The rows of one ``metadata.tsv``/``metadata.csv``, by article key."""

    folder: str  # the sidecar's folder relative to the input folder ("" for the input folder)
    rows: dict[str, dict] = field(default_factory=dict)

    def lookup(self, article_id: str, stem: str | None = None) -> dict | None:
        """The row for an article (its id relative to the input folder, its file stem)."""
        key = article_id
        if self.folder:
            prefix = self.folder + "/"
            key = article_id[len(prefix):] if article_id.startswith(prefix) else None
        if key is not None and key in self.rows:
            return self.rows[key]
        return self.rows.get(stem) if stem is not None else None


_ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".ndjson", ".json")


def _row_key(value: str) -> str:
    value = value.strip().replace("\\", "/")
    lower = value.casefold()
    for suffix in _ARTICLE_SUFFIXES:
        if lower.endswith(suffix):
            return value[: -len(suffix)]
    return value


def read_sidecar_table(text: str, name: str, folder: str, where: str) -> SidecarTable | BadInput:
    """Parse a sidecar table; ``name`` ends in .tsv (tab-separated, no quoting) or .csv."""
    if name.casefold().endswith(".tsv"):
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().casefold() for h in (reader.fieldnames or [])]
        id_column = next((reader.fieldnames[header.index(k)] for k in FIELD_NAMES["id"] if k in header), None)
        if id_column is None:
            return BadInput(where, "sidecar has no id or filename column")
        table = SidecarTable(folder)
        for row in reader:
            key = row.get(id_column)
            if isinstance(key, str) and key.strip():
                # the first row for a key wins, as in the rest of ingest
                table.rows.setdefault(_row_key(key), {k: v for k, v in row.items() if k is not None})
    except csv.Error as exc:
        return BadInput(where, f"sidecar is not valid {name.rsplit('.', 1)[-1].upper()} ({exc})")
    return table


def read_meta_json(text: str, where: str) -> dict | BadInput:
    """Parse a per-file ``NAME.meta.json`` sidecar (one JSON object)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return BadInput(where, f"sidecar is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
    except RecursionError:  # Python's JSON parser recurses once per level
        return BadInput(where, "sidecar JSON nested too deeply to read")
    if not isinstance(value, dict):
        return BadInput(where, "sidecar must hold one JSON object")
    return value


def article_key(rel_path: str) -> str:
    """An article's id from its path relative to the input folder: no extension, "/" separators.

    >>> article_key("sub/x.txt"), article_key("000_17fc5a22881fa018.txt")
    ('sub/x', '000_17fc5a22881fa018')
    """
    return str(PurePosixPath(rel_path).with_suffix(""))
