"""Headlines are never attributions.

A headline paraphrases the story ("Iraq advice claim sparks new row", "Pence: Gennifer
Flowers Won't Be at Debate"); what it attributes is told again, in full, below it. So the
attributions that a headline holds are dropped and a content that runs from the headline
into the body keeps its body part only.

The headline is the text's first line when it is the article's title (JSONL, HTML and
sidecar metadata give one) or, for a text without a title, when a blank line follows it
(the convention of plain-text articles, ``newstrace.ingest.text.title_line``).

PolNeAR annotates headlines like any sentence (47 of its 2,192 dev attributions), so the
spans that ``newstrace extract --format spans`` prints for its scorer keep them; the
attributions that ``analyse`` gives users do not.
"""

from __future__ import annotations

import re

from newstrace.ingest.text import title_line
from newstrace.records import SpanAttribution

# (a byte-order mark a plain-text file opens with is no part of its first line)
_FIRST_LINE = re.compile(r"\ufeff?[^\S\n]*([^\n]*)")


def headline_span(text: str, title: str | None = None) -> tuple[int, int] | None:
    """Where the headline stands at the top of ``text``, or None.

    >>> headline_span("Iraq advice claim sparks new row\\n\\nThe government said ...")
    (0, 32)
    >>> headline_span("Ann said so.\\nBob did not.") is None
    True
    >>> headline_span("Rain in Spain\\nIt rained, she said.", title="Rain in Spain")
    (0, 13)
    """
    m = _FIRST_LINE.match(text)
    line = m.group(1).strip()
    if not line:
        return None
    if title is not None and " ".join(title.split()).casefold() == " ".join(line.split()).casefold():
        return (m.start(1), _repeated(text, _under_kicker(text, m.start(1) + len(m.group(1).rstrip())), line))
    if title is None and title_line(text):
        return (m.start(1), _repeated(text, m.start(1) + len(m.group(1).rstrip()), line))
    return None


_BELOW = re.compile(r"\s*\n[^\S\n]*([^\n]*)")  # the next line that holds anything


def _repeated(text: str, end: int, line: str) -> int:
    r"""Where the headline ends when the body's first line repeats it (pages saved with
    the title above the story and again as its first line: "Caught on video: Gillum
    staffer makes racist statements and admits campaign is lying to voters", judged
    round 11): the copy is the headline too.

    >>> t = "Ann admits defeat\n\nAnn admits defeat\nThe count ended."
    >>> t[:_repeated(t, 17, "Ann admits defeat")]
    'Ann admits defeat\n\nAnn admits defeat'
    """
    m = _BELOW.match(text, end)
    if m and m.group(1).strip() and " ".join(m.group(1).split()).casefold() == " ".join(line.split()).casefold():
        return m.start(1) + len(m.group(1).rstrip())
    return end


_NEXT_LINE = re.compile(r"[^\S\n]*\n[^\S\n]*([^\n]+)\n[^\S\n]*\n")
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")


def _under_kicker(text: str, end: int) -> int:
    r"""Where the headline ends when the title is a short kicker ("Shock!") and the
    headline proper, in title case, stands on the line right below it, a blank line after
    ("Shock!\nThe Pope Is Now Openly Attacking Child Sexual Abuse Victims For “Slander”").

    >>> t = "Shock!\nThe Pope Is Now Openly Attacking Victims\n\nPope Francis said so."
    >>> t[:_under_kicker(t, 6)]
    'Shock!\nThe Pope Is Now Openly Attacking Victims'
    >>> t = "Shock!\nThe pope attacked the victims, he said.\n\nMore."
    >>> _under_kicker(t, 6)
    6
    """
    if len(_WORDS.findall(text[:end])) > 3:
        return end
    m = _NEXT_LINE.match(text, end)
    if not m:
        return end
    line = m.group(1).rstrip()
    long_words = [w for w in _WORDS.findall(line) if len(w) > 3]
    if len(long_words) >= 3 and not line.endswith(".") \
            and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words):
        return m.start(1) + len(line)
    return end


def drop_headline(text: str, spans: list[SpanAttribution], headline: tuple[int, int] | None
                  ) -> list[SpanAttribution]:
    """``spans`` without the attributions whose cue (or, with no cue, content) starts in
    the headline, and with the content fragments that lie in it taken out of the rest.

    >>> t = "Ann says rain ahead\\n\\nRain will fall, the forecast says."
    >>> a = SpanAttribution(source=[(0, 3)], cue=[(4, 8)], content=[(9, 19)])
    >>> b = SpanAttribution(source=[(37, 49)], cue=[(50, 54)], content=[(9, 35)])
    >>> [t[s:e] for x in drop_headline(t, [a, b], (0, 19)) for s, e in x.content]
    ['Rain will fall']
    """
    if headline is None:
        return spans
    start, end = headline

    def clipped(fragment):  # the fragment's part after the headline and the blank below it
        s, e = fragment
        if s < end:
            s = end
            while s < e and text[s].isspace():
                s += 1
        return (s, e)

    out = []
    for a in spans:
        anchor = (a.cue or a.content)[:1]
        if anchor and start <= anchor[0][0] < end:
            continue
        content = [f for f in map(clipped, a.content) if f[0] < f[1]]
        if not content:
            continue
        out.append(SpanAttribution(a.source, a.cue, content, a.score) if content != a.content else a)
    return out
