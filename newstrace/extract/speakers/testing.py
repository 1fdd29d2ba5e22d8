"""Small helpers for the rules' examples: an attribution built from the words of a
sentence, resolved as the pipeline resolves it.

>>> resolve_one("Later the spokesperson said it was over.", "the spokesperson")
('the spokesperson', 'description')
"""

from __future__ import annotations

from newstrace.records import SpanAttribution


def attribution(text: str, source: str, cue: str = "", nth: int = 0) -> SpanAttribution:
    """An attribution whose source is the ``nth`` occurrence of ``source`` in ``text``, its
    cue the first ``cue`` after it (or right after the source), its content what follows."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(source, start + 1)
    end = start + len(source)
    cue_at = text.index(cue, end) if cue else end
    cue_end = cue_at + len(cue)
    return SpanAttribution([(start, end)], [(cue_at, cue_end)], [(cue_end, max(cue_end, len(text) - 1))])


def resolve_all(text: str, sources: list[tuple[str, str]], skip=frozenset()) -> list[tuple[str | None, str]]:
    """(speaker, rule) for each (source, cue) of ``text``, each the first occurrence after
    the one before, resolved together."""
    from newstrace.extract.speakers import resolve

    atts, at = [], 0
    for source, cue in sources:
        nth = text[:text.index(source, at)].count(source)
        atts.append(attribution(text, source, cue, nth))
        at = atts[-1].source[0][1]
    return [tuple(s) for s in resolve(text, atts, skip=skip)]


def resolve_one(text: str, source: str, nth: int = 0, skip=frozenset()) -> tuple[str | None, str]:
    """(speaker, rule) of the one attribution whose source is ``source`` in ``text``."""
    from newstrace.extract.speakers import resolve

    return tuple(resolve(text, [attribution(text, source, nth=nth)], skip=skip)[0])


def resolve_gold(text: str, rows: list[dict]) -> dict[str, list[str | None]]:
    """The speakers a gold set's rows of one article resolve to (each row's ``source``,
    ``cue`` and ``content`` spans, resolved together with the article's analysis, as the
    pipeline resolves them), keyed by the source's words."""
    from newstrace.extract.nlp import analyse
    from newstrace.extract.speakers import resolve

    atts = [SpanAttribution([tuple(x) for x in r["source"]], [tuple(x) for x in r["cue"]],
                            [tuple(x) for x in r["content"]]) for r in rows]
    got: dict[str, list[str | None]] = {}
    for r, s in zip(rows, resolve(text, atts, analyse(text))):
        got.setdefault(" ".join(text[a:b] for a, b in r["source"]), []).append(s.speaker)
    return got
