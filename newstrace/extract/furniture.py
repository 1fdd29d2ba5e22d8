r"""A page's furniture is nobody's statement: a site's poll widget or video player pasted
into the text.

    … pic.twitter.com/1nGFRNJanJ take our poll - story continues below Should Jim Acosta …
    * Yes, he should have gotten it back.
    Email *
    Email This field is for validation purposes and should be left unchanged.
    Completing this poll grants you access to Truth Uncensored updates free of charge.
    You may opt out at anytime.
    You also agree to this site's Privacy Policy and Terms of Use.
    — Adolfo Flores (@aflores) November 13, 2018

The widget runs from "take our poll - story continues below" to the line that ends it
("… Privacy Policy and Terms of Use."); it sits in 61 PTC articles, sometimes between a
post's words and its signature. The tagger read "story continues below" as a cue, and a
post's words were taken from the widget's lines (issue 28: judged rounds 2 and 5).

A news site's video player leaves its titles on one line: "JUST WATCHED Pompeo lays out
US list of demands for Iran Replay More Videos ... MUST WATCH Pompeo lays out US list of
demands for Iran 02:40" (CNN's pages); the tagger read each title's verb as a cue (judged
round 11). The player runs from "JUST WATCHED" to the running time after "MUST WATCH".
Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.records import SpanAttribution

_WIDGET = re.compile(r"take our poll - story continues below.*?"
                     r"(?:Privacy Policy and Terms of Use\.?|(?=\n\n)|$)", re.DOTALL | re.IGNORECASE)
_PLAYER = re.compile(r"\bJUST WATCHED\b[^\n]*?\bMUST WATCH\b[^\n]*?\b\d{1,2}:\d{2}\b")
_MOST_LINES = 25  # a widget longer than this is not one: stop at its first line


def poll_widgets(text: str) -> list[tuple[int, int]]:
    r"""Where the poll widgets lie in ``text``.

    >>> t = "He said so.\ntake our poll - story continues below\nEmail *\nYou also agree to this site's Privacy Policy and Terms of Use.\nMore."
    >>> [t[s:e][-16:] for s, e in poll_widgets(t)]
    ['nd Terms of Use.']
    >>> t = "JUST WATCHED Pompeo lays out demands Replay More Videos ... MUST WATCH Pompeo lays out demands 02:40\nMore."
    >>> [t[s:e][-5:] for s, e in poll_widgets(t)]
    ['02:40']
    """
    out = []
    for m in _WIDGET.finditer(text):
        end = m.end() if text.count("\n", m.start(), m.end()) <= _MOST_LINES else text.find("\n", m.start())
        out.append((m.start(), len(text) if end < 0 else end))
    out.extend(m.span() for m in _PLAYER.finditer(text))
    return sorted(out)


def drop_furniture(text: str, spans: list[SpanAttribution]) -> list[SpanAttribution]:
    """``spans`` without the attributions whose cue, or most of whose content, lies in a
    poll widget or a video player; a content that opens before a widget and runs into it
    stops at the widget ("GOA Executive Director Erich Pratt writes:" and the paragraph above
    the widget: judged round 10), where its cue lies outside the widget and three words or
    more stand before it."""
    widgets = poll_widgets(text)
    if not widgets:
        return spans

    def inside(s: int, e: int) -> int:
        return sum(max(0, min(e, we) - max(s, ws)) for ws, we in widgets)

    def cut(a: SpanAttribution) -> SpanAttribution:
        if any(inside(s, e) for s, e in a.cue) or not a.content:
            return a
        s, e = a.content[0]
        if inside(s, s + 1):
            return a
        ws = min((w for w, _ in widgets if s < w < e), default=None)
        if ws is None or len(text[s:ws].split()) < 3:
            return a
        while ws > s and text[ws - 1].isspace():
            ws -= 1
        return SpanAttribution(a.source, a.cue, [(s, ws)], a.score)

    def furniture(a: SpanAttribution) -> bool:
        size = sum(e - s for s, e in a.content)
        return any(inside(s, e) for s, e in a.cue) or size > 0 and sum(inside(s, e) for s, e in a.content) > size / 2
    return [a for a in map(cut, spans) if not furniture(a)]
