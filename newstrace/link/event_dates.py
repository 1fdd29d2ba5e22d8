"""The days a dated article names, resolved against its publication day.

Reports of one event name its day relative to their own publication ("Monday night's
debate", "on Tuesday", "yesterday", "March 1"): resolved, two reports of the same event
name the same calendar day in different words, while a twin event a week later names
another. The story stage compares these days (``stories.terms``, field ``when``).

Rules, each cheap and local:

- a weekday name is the last such day on or before publication ("on Tuesday", written on
  Wednesday: the day before); after "next", "coming" or a future tense a few words before
  ("will ... on Tuesday"), the first such day on or after publication; after "last",
  strictly before it;
- "yesterday" and "last night" are the day before, "today", "tonight" and "this
  morning/afternoon/evening" the day itself, "tomorrow" the day after;
- a month and day without a year ("March 1", "Jan. 25th", "25 January") is in the year
  that puts it nearest the publication day; with a year ("March 1, 2016"), as written.

>>> from datetime import date
>>> sorted(event_dates("Monday night's debate drew 84 million; on Tuesday, polls moved.", date(2016, 9, 28)).items())
[('2016-09-26', 1), ('2016-09-27', 1)]
>>> sorted(event_dates("Clinton will campaign in Ohio on Friday, before the Oct. 9 debate.", date(2016, 9, 28)).items())
[('2016-09-30', 1), ('2016-10-09', 1)]
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    **{m: i + 1 for i, m in enumerate(
        "january february march april may june july august september october november december".split())},
    **{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
       "oct": 10, "nov": 11, "dec": 12},
}
_MONTH = (r"(January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+((?:19|20)\d\d))?"
# "March 1", "Jan. 25th, 2016"; "May" alone is a verb too often: a day must follow
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}(?!\s*(?:%|percent|million|billion|points))")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b{_YEAR}")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
# ("today" in an outlet's name, "USA Today", "Russia Today", is no day)
_RELATIVE = re.compile(
    r"\b(yesterday|last night|(?<!USA )(?<!Russia )(?<!Psychology )today|tonight|this (?:morning|afternoon|evening)"
    r"|tomorrow)\b(?! (?-i:[A-Z]))", re.IGNORECASE)
_RELATIVE_DAYS = {"yesterday": -1, "last night": -1, "tomorrow": 1}
# a weekday after these (a few words before it) is ahead of publication, not behind
# ("until"/"by" say nothing of the tense: "stayed open until Friday" is behind)
_AHEAD = re.compile(r"\b(?:next|coming|upcoming|will|won't|'ll|’ll|scheduled|slated|set to|expected to|plans? to"
                    r"|ahead of)\b[^.!?;]{0,30}$", re.IGNORECASE)
_LAST = re.compile(r"\blast\s+$", re.IGNORECASE)


def event_dates(text: str, published: date) -> Counter[str]:
    """Counts of the days ``text`` names, as ISO dates, resolved against ``published``."""
    found: Counter[str] = Counter()
    for m in _WEEKDAY.finditer(text):
        before = text[max(0, m.start() - 40): m.start()]
        wanted = _WEEKDAYS.index(m.group(1).lower())
        if _LAST.search(before):
            back = (published.weekday() - wanted - 1) % 7 + 1
        elif _AHEAD.search(before):
            back = -((wanted - published.weekday()) % 7)
        else:
            back = (published.weekday() - wanted) % 7
        found[(published - timedelta(days=back)).isoformat()] += 1
    for m in _RELATIVE.finditer(text):
        word = m.group(1).lower()
        found[(published + timedelta(days=_RELATIVE_DAYS.get(word, 0))).isoformat()] += 1
    for m in _MONTH_DAY.finditer(text):
        _add_day(found, published, m.group(1), m.group(2), m.group(3))
    for m in _DAY_MONTH.finditer(text):
        _add_day(found, published, m.group(2), m.group(1), m.group(3))
    return found


def _add_day(found: Counter[str], published: date, month: str, day: str, year: str | None) -> None:
    number = _MONTHS[month.lower()]
    years = (int(year),) if year else (published.year - 1, published.year, published.year + 1)
    options = []
    for y in years:  # each year alone: Feb. 29 is a day in one year of four
        try:
            options.append(date(y, number, int(day)))
        except ValueError:  # "Feb. 30", "June 31": not a day
            pass
    if options:
        found[min(options, key=lambda d: abs((d - published).days)).isoformat()] += 1
