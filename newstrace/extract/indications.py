"""Reports and records that indicate, in a relative clause or a participle after them:

    … with various other reports indicating that multiple shooters carried out the attack …
    at least four videos from the scene of the shooting have already been released that indicate there were …
    From dozens of eyewitness reports, including Suchomel’s, that clearly indicate the presence of …

"indicate" is a cue the judged rounds count wherever what is indicated is a claim (rounds 1-19:
12 gold cues; the finite ones, "the preliminary report indicated …", "The fire service indicated
…", the tagger finds) and PolNeAR's annotators mark in 47 of the 85 places "indicat-" stands in
its train and dev texts (the participle after a plural: "with some polls indicating that John
Kasich … has a small lead", marked). The tagger leaves the verb out where its subject is the
noun before a relative "that"/"which" or before the participle: three misses of rounds 1-8
(dev, held-out-3, held-out-8). The source is that noun phrase (over an appositive "including
…’s"; over the verb of an extraposed relative, "videos … have already been released that
indicate", back to the clause's subject); the content is what follows the verb (after "that",
if any) to the end of its clause. Inside quotations the speaker's words are left to ``nested``.
Pure functions over the text.
"""

from __future__ import annotations

import re

from newstrace.extract.frames import SENTENCE_END
from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

# the relative pronoun and an adverb, or a plural noun's participle; the verb; "that" optional
_RELATIVE = re.compile(r"(?<![\w’'-])(?:that|which)\s+((?:\w+ly\s+)?(?:indicate|indicates|indicated))\s+(?:(that)\s+)?(?=\S)")
_PARTICIPLE = re.compile(r"(?<=[a-z]s)\s+(indicating)\s+(?:(that)\s+)?(?=\S)")
# an appositive before the relative pronoun: ", including Suchomel’s,"
_APPOSITIVE = re.compile(r",\s+(?:including|such\s+as|like)\s+[^,.;:!?]{1,40},\s*$")
# an extraposed relative: the subject's own verb, passive, between it and "that"
_VERB_CHAIN = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:(?:\w+ly|already|also|since)\s+)?(?:been|are|were|is|was)\s+(?:\w+ly\s+)?"
                         r"[a-z]+(?:ed|en|wn)\s*$")
# a noun phrase's words: no verb, stopped by a preposition other than "of" (a noun's
# complement) and by clause openings
_STOP = re.compile(r"(?:with|from|by|on|about|to|for|in|at|into|as|that|which|who|and|or|but|is|are|was|were|"
                   r"has|have|had|be|been|mind|said|says|correlate|correlates)$", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w’'-]")
# the noun phrase's head is a record or a report, a study or its data, or people who speak: not
# "symptoms indicating they had been … targeted" (judged round 1, not counted) nor a noun of
# quantity or state
_SAYERS = frozenset("""reports report polls poll surveys survey studies study documents document records record
    videos video footage photos photographs images data tests test results findings statements statement comments
    sources officials emails messages letters filings papers accounts analyses analysis estimates estimate research
    experts scientists witnesses eyewitnesses investigators police authorities""".split())
# the content runs to its sentence's end or to a comma before a preposition ("the presence of
# multiple shooters, to the possibility of helicopters …")
_CONTENT_END = re.compile(r",\s+(?:to|from|and|but|while|as|which|who)\s|[;:—–(]")


def _noun_phrase(text: str, end: int, clause: bool) -> tuple[int, int] | None:
    """The noun phrase that ends at ``end`` (no trailing white space): the words back to a
    preposition other than "of" or a clause's opening, or, with ``clause``, back to the
    clause's opening alone (a subject with its prepositional phrases)."""
    start = end
    words = 0
    for m in reversed(list(re.finditer(r"\S+", text[max(0, end - 160):end]))):
        word = m.group(0)
        if _NOT_WORD.search(word.rstrip(",")) or word.endswith(","):
            break  # punctuation: the clause opens after it
        if (not clause or word.lower() in ("that", "which", "and", "but")) and _STOP.match(word):
            break
        if word[0].isupper() and word.lower() in ("from", "with", "by", "in", "on"):
            break
        start = max(0, end - 160) + m.start()
        words += 1
        if words > 10:
            return None
    return (start, end) if 1 <= words <= 10 else None


def indications(text: str, spans: list[SpanAttribution], mask: bytearray | None = None) -> list[SpanAttribution]:
    """An attribution for each relative "that/which (…ly) indicate(s/d)" and each plural's
    participle "indicating" outside quotations that no attribution of ``spans`` has in its
    cue: source the noun phrase it hangs on, content what follows to the clause's end.

    >>> t = "Keep in mind that at least four videos from the scene of the shooting have already been released that indicate there were multiple shooters."
    >>> [tuple(t[s:e] for s, e in (a.source[0], a.cue[0], a.content[0])) for a in indications(t, [])]
    [('at least four videos from the scene of the shooting', 'indicate', 'there were multiple shooters')]
    >>> indications("The senator, who indicated no interest, left.", [])
    []
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    starts = [a.content[0][0] for a in spans if a.content]
    found = []
    for pattern in (_RELATIVE, _PARTICIPLE):
        for m in pattern.finditer(text):
            cs, ce = m.span(1)
            if any(taken[cs:ce]) or mask is not None and mask[cs]:
                continue
            head = text[:m.start()].rstrip() if pattern is _RELATIVE else text[:m.start(1)].rstrip()
            clause = False
            appositive = _APPOSITIVE.search(head, max(0, len(head) - 60)) if pattern is _RELATIVE else None
            if appositive:
                head_end = appositive.end()
                head = head[:appositive.start()]
            else:
                head_end = len(head)
                chain = _VERB_CHAIN.search(head, max(0, len(head) - 60)) if pattern is _RELATIVE else None
                if chain:
                    head = head[:chain.start()]
                    head_end = len(head)
                    clause = True
            np_ = _noun_phrase(text, len(head), clause)
            if np_ is None:
                continue
            source = (np_[0], head_end if appositive else np_[1])
            if not _SAYERS & {w.lower().strip(",’'") for w in text[np_[0]:np_[1]].split()}:
                continue
            start = m.start(2) if m.group(2) else m.end()
            stop = SENTENCE_END.search(text, m.end())
            end = stop.start() if stop else len(text)
            cut = _CONTENT_END.search(text, m.end(), end)
            end = cut.start() if cut else end
            content = text[start:end].rstrip(" ,")
            if len(content.split()) < 3 or any(abs(s - start) <= 12 for s in starts):
                continue
            found.append(SpanAttribution(source=[source], cue=[(cs, ce)], content=[(start, start + len(content))],
                                         score=0.5))
            taken[cs:ce] = b"\x01" * (ce - cs)
    return found
