"""Cues the tagger did not propose: a word PolNeAR's annotators mark as a cue, then a
that-clause.

    The congressman insisted that The Daily Caller misquoted him.
    Smith's wife had told police in November that her husband carried a gun.

The tagger learned PolNeAR's text; on other writing it leaves some plain reports out
(issue 28: "insisted that", "had told police that"). The frame is
the one reported speech has in any register: a cue word, at most a short object (a
pronoun, a name, "police"), a time, then "that" and its clause, which is the content, up
to the end of its sentence. The cue words are those PolNeAR's annotators marked as cues
in at least half of the places they occur in its train texts (``data/cue_lexicon.txt``,
built by ``python -m newstrace.extract.frames ../shared/corpora/polnear/train``): a
lexicon counted from annotations, not a list of words met in the judged articles.
Attributions found so go through the same conventions as the tagger's (``cues.py``
drops "seemed that", a negated "did not claim that"). Pure functions over the text.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from newstrace.extract.quotes import covered
from newstrace.records import SpanAttribution

LEXICON = Path(__file__).resolve().parent / "data" / "cue_lexicon.txt"
# what may stand between the cue and "that": an object (pronoun, name, a few role nouns,
# "it very clear"), a time ("in November", "on Friday", "last week")
_OBJECT = (r"(?:(?:me|him|her|us|them|you|it|reporters|police|officials|journalists|investigators|"
           r"the\s+(?:court|committee|jury|judge|police|senate|house|public|audience|crowd|press))\s+|"
           r"(?:[A-Z][\w.’'-]*\s+){1,3})?")
# who is told may be any short noun phrase ("told an approving audience that", "told a town
# hall that"): after a verb of telling a that-clause is what was said, not a relative clause
_TOLD_OBJECT = r"(?:(?:a|an|the|his|her|their|its|our)\s+(?:[\w’'-]+\s+){1,3}|[a-z]+s\s+)?"
_TELLING = "told|tells|telling|tell|assured|assures|informed|informs|reminded|reminds|warned|warns"
_WHEN = (r"(?:(?:on|in|last|this|earlier|late|early)\s+(?:[A-Z][a-z]+|week|month|year|day|"
         r"morning|afternoon|evening|night|\d{4})(?:\s+\d{1,2})?,?\s+)?")
# where a sentence ends, for the rules that read one to its end (frames, nested, hearsay, bare_clauses)
SENTENCE_END = re.compile(r"[.!?…](?=\s|$|[\"”’'])|\n")
_CLAUSE_START = re.compile(r"(?:^|[.!?;:]\s+|\n|,\s+|\s(?:and|but|while|as|after|when|why|how|that|whether|if|"
                           r"because)\s+|[“\"(])")
MIN_WORDS = 3  # "said that so": no statement
# what opens the clause after "that": a subject (a pronoun, a determiner, a name, a number,
# a quotation), not a verb ("the person that I've talked to that did …": a relative clause)
_SUBJECT = re.compile(
    r"(?:[\"“‘']?\s*)(?:i|you|he|she|it|we|they|there|this|these|those|the|a|an|his|her|its|our|their|my|"
    r"your|no|every|each|both|any|such|one|two|three|if|when|while|because|after|"
    r"before|since|although|though|as|[A-Z][\w’'.-]*|\d[\w,.%$]*|\$)\b",
)
# a clause whose subject is a bare noun phrase or that opens with an adverb ("that multiple
# shooters carried out …", "that other important documents be declassified", "that
# internationally, the threat is …"): a lower-case word that is no preposition, quantifier
# or auxiliary, then a finite verb within the next words of the clause. "said that many
# years ago", "said that in 2016", "the person that did …" (a relative) stay out.
_NOT_OPENING = frozenset(
    "to in on at for with about of by from into over after before so many much more most less way day days time "
    "times year years again too as is was are were be been being can could would will should might may must did "
    "does do has have had not never also just even only very well once yet all up out back".split())
_FINITE = re.compile(r"(?:is|was|are|were|be|has|have|had|will|would|can|could|should|may|might|must|did|does|do|"
                     r"[a-z]{3,}ed)$")
_WORD = re.compile(r"[A-Za-z’'-]+|[,;:.!?()\[\]“”\"]")


def bare_subject(text: str, pos: int, words: int = 8) -> bool:
    """Whether the words at ``pos`` open a clause with a bare noun phrase or an adverb for
    its first word: no preposition, quantifier or auxiliary first, and a finite verb among
    the next ``words`` words before the clause's first stop.

    >>> t = "that multiple shooters carried out the attack"
    >>> bare_subject(t, 5), bare_subject("that many years ago, in Rome", 5), bare_subject("that did it", 5)
    (True, False, False)
    >>> bare_subject("that internationally, the threat is still low", 5)
    True
    >>> bare_subject("that promise to transform the economy but are likely to draw fire", 5)
    False
    """
    tokens = [m.group(0) for m in _WORD.finditer(text, pos, min(len(text), pos + 120))][: words + 1]
    if not tokens or not tokens[0][0].islower() or tokens[0].lower() in _NOT_OPENING:
        return False
    if len(tokens) > 1 and tokens[1] == "to":
        return False  # a relative clause's verb and its infinitive: "rules that promise to transform …"
    for n, tok in enumerate(tokens[1:], 1):
        if tok in ("but", "and", "or", "which", "who"):
            return False  # the finite verb after them is another clause's
        if tok in ".!?;:()[]“”\"" or tok == "," and n > 1:
            return False
        if _FINITE.match(tok):
            return True
    return False


# what makes a following "-s" word a noun's plural, not a verb ("amid reports that", "unanswered questions that")
_NOUN_BEFORE = re.compile(r"\b(?:the|these|those|many|some|several|other|numerous|various|such|any|no|all|of|amid|"
                          r"his|her|their|its|our|my|your|recent|new|\w+ed|\w+ous)\s+$", re.IGNORECASE)
# a cue someone would say, not one said: "to say that", "worth noting that"
_HYPOTHETICAL = re.compile(r"\b(?:to|worth|would|could|might|may|can|cannot|should|must)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def frame_after() -> re.Pattern[str]:
    """A comma or closing quotation mark, then a short subject and a cue word: where the
    content of the frame ends ("…, he told the Foundation on Sunday", "…,” said Jao")."""
    words = "|".join(sorted((re.escape(w) for w in cue_words()), key=len, reverse=True))
    return re.compile(rf"\s*[,”\"]+\s+(?:[\w’'.-]+\s+){{0,4}}?(?:{words})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """The lexicon's words, lower-cased.

    >>> {"said", "claimed", "insisted"} <= cue_words(), "claim" in cue_words()
    (True, False)
    """
    return frozenset(line.strip() for line in LEXICON.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def verb_forms(words: frozenset[str]) -> frozenset[str]:
    """The lexicon's verbs in their other finite forms: the third person and the participle
    of each past form it holds ("claimed" -> "claims", "claiming"; "reported" -> "reports";
    "concluded" -> "concludes"). The lexicon counts each form apart, and the present of a
    verb whose -s form is also a noun's plural ("reports", "claims") falls under its share
    where nouns are counted; before "that" and a clause the verb is the one read. The bare
    stem is left out: "the claim that" is a noun's clause.

    >>> sorted(verb_forms(frozenset({"claimed", "concluded", "said"})))
    ['claimed', 'claimes', 'claiming', 'claims', 'concluded', 'concludes', 'concluding', 'concluds', 'said']
    """
    out = set(words)
    for w in words:
        if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
            stem = w[:-2]  # "claim" or "conclud": both endings made, the one that is no word never matches
            out |= {stem + "s", stem + "es", stem + "ing"}
    return frozenset(out)


def bare_forms(words: frozenset[str]) -> frozenset[str]:
    """The bare verb of each past form the lexicon holds, for an emphatic "do" before it
    ("the report does state that …", "the sheriff did say that …", "I do believe that …"):
    the stem with and without a final "e" (the one that is no word never matches), and
    the bare forms of the irregular pasts the lexicon holds.

    >>> sorted(bare_forms(frozenset({"stated", "claimed", "said"})))
    ['claim', 'claime', 'say', 'stat', 'state']
    """
    out = set()
    for w in words:
        if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
            out |= {w[:-2], w[:-1]}
    out |= {bare for past, bare in _IRREGULAR.items() if past in words}
    return frozenset(out)


_IRREGULAR = {"said": "say", "told": "tell", "thought": "think", "wrote": "write", "knew": "know",
              "warned": "warn", "added": "add"}


@lru_cache(maxsize=1)
def _frame() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w) for w in verb_forms(cue_words())), key=len, reverse=True))
    bare = "|".join(sorted((re.escape(w) for w in bare_forms(cue_words())), key=len, reverse=True))
    # group 3: an emphatic "do" and the bare verb, one cue ("does state that")
    return re.compile(rf"(?<![\w’'-])(?:({words})\s+{_OBJECT}|({_TELLING})\s+{_TOLD_OBJECT}|"
                      rf"((?:do|does|did)\s+(?:{bare}))\s+{_OBJECT}){_WHEN}that\s+(?=\S)",
                      re.IGNORECASE)



def clause_content_end(text: str, start: int) -> int:
    """Where the clause whose content opens at ``start`` ends: its sentence's end, or the
    frame after it ("…, he told the Foundation on Sunday")."""
    end = SENTENCE_END.search(text, start)
    end = end.start() if end else len(text)
    after = frame_after().search(text, start, end)
    return after.start() if after else end

def that_clauses(text: str, spans: list[SpanAttribution], mask: bytearray | None = None) -> list[SpanAttribution]:
    """An attribution for each lexicon cue with a that-clause that no attribution of
    ``spans`` has as its cue; its source is what opens the clause before the cue. Cues
    inside quotations (``mask``, ``quotes.quote_mask``) are left to ``nested``: a speaker's
    own words run on ("I've said that many, many years ago").

    >>> t = "The congressman later insisted that the Daily Caller misquoted him."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.cue[0][0]:a.cue[0][1]], t[a.content[0][0]:a.content[0][1]])
    ...  for a in that_clauses(t, [])]
    [('The congressman', 'insisted', 'that the Daily Caller misquoted him')]
    >>> t = "Smith's wife had told police in November that her husband carried a gun."
    >>> [t[a.content[0][0]:a.content[0][1]] for a in that_clauses(t, [])]
    ['that her husband carried a gun']
    >>> t = "This, despite the fact that the report does state that bullet fragments were turned over."
    >>> [(t[a.source[0][0]:a.source[0][1]], t[a.cue[0][0]:a.cue[0][1]]) for a in that_clauses(t, [])]
    [('the report', 'does state')]
    """
    taken = covered(len(text), [f for a in spans for f in a.cue])
    starts = {a.content[0][0] for a in spans if a.content}
    found = []
    for m in _frame().finditer(text):
        cs, ce = m.span(next(g for g in (1, 2, 3) if m.group(g)))
        if any(taken[cs:ce]) or mask is not None and mask[cs]:
            continue
        if m.group(1) and text[cs:ce].lower() not in cue_words() and _NOUN_BEFORE.search(text, max(0, cs - 30), cs):
            continue  # a form the lexicon lacks read as a noun's plural: "so many unanswered questions that"
        that = m.end() - len(m.group(0)) + m.group(0).rfind("that")
        quoted = text[m.end()] in "\"“"  # 'told a town hall that “local, state and federal laws …”'
        # a bare subject only right after the cue: the object the frame lets stand between may
        # be any words ("asking supporters to back that decision with cash is common")
        bare = not text[ce:that].strip() and bare_subject(text, m.end())
        if not (quoted or bare or _SUBJECT.match(text, m.end())) or _HYPOTHETICAL.search(text, max(0, cs - 12), cs):
            continue  # "said that many years ago", "the person that I've talked to that did"
        end = clause_content_end(text, m.end())
        content = text[that:end].rstrip(" ,;:\"”’'")
        if len(content.split()) < MIN_WORDS + 1 or any(abs(s - that) <= 12 for s in starts):
            continue
        source = source_before(text, cs)
        found.append(SpanAttribution(source=[source] if source else [], cue=[(cs, ce)],
                                     content=[(that, that + len(content))], score=0.5))
    return found


# a sentence's opening, then a noun phrase with its apposition or a phrase of inclusion set off by
# commas, right before the cue: "The boy, Hunter Richard, said", "Four people, including my
# supervisor at the time, stated"
_APPOSITIVE = re.compile(r"(?:^|(?<=[.!?])\s+|\n)((?:the|a|an|[A-Z0-9])[^,.!?;:\n“”\"]*,\s+(?:including\s+)?"
                         r"[^,.!?;:\n“”\"]+,\s*)$", re.IGNORECASE)


def _appositive_opening(window: str) -> int | None:
    r"""Where a subject set off with an apposition opens, before a cue right after its
    closing comma; None where the window does not end so.

    >>> w = "hat in hand.\nThe boy, Hunter Richard, "
    >>> w[_appositive_opening(w):]
    'The boy, Hunter Richard, '
    >>> _appositive_opening("In 2016, after the vote, ") is None, _appositive_opening("said, ") is None
    (True, True)
    """
    m = _APPOSITIVE.search(window)
    if m is None or re.match(r"(?:in|on|at|after|before|when|while|as|if|but|and|so|yet|since|because|"
                             r"although|though|however|meanwhile|then|now|also)\b", m.group(1), re.IGNORECASE):
        return None
    return m.start(1)


def source_before(text: str, cue_start: int) -> tuple[int, int] | None:
    """The words from the opening of the clause to the cue, less auxiliaries and adverbs
    ("Smith's wife had" -> "Smith's wife"), when they are one to eight words."""
    window = text[max(0, cue_start - 120):cue_start]
    opening = max((m.end() for m in _CLAUSE_START.finditer(window)), default=0)
    words = list(re.finditer(r"\S+", window[opening:]))
    if not words:  # a subject with an apposition: "The boy, Hunter Richard, said …"
        opening = _appositive_opening(window)
        words = list(re.finditer(r"\S+", window[opening:])) if opening is not None else []
    while words and re.fullmatch(r"(?:has|had|have|also|then|later|once|would|will|was|were|is|are|"
                                 r"\w+ly)", words[-1].group(0), re.IGNORECASE):
        words.pop()
    if not 1 <= len(words) <= 8:
        return None
    base = max(0, cue_start - 120) + opening
    return base + words[0].start(), base + words[-1].end()


def build_lexicon(polnear_train: Path, share: float = 0.5, least: int = 5) -> list[str]:
    """The words marked as (part of) a cue in at least ``share`` of the places they occur
    in PolNeAR's train texts, and at least ``least`` times, and the forms (seen there
    twice or more) of the word families (``family``: "argue", "argues", "argued" …) that
    are; adverbs and words of two letters left out."""
    from training.polnear import load

    word = re.compile(r"[a-z][a-z’'-]*")
    marked, seen = Counter(), Counter()
    for doc in load(polnear_train):
        for g in doc.gold:
            marked.update({w for s, e in g.cue for w in word.findall(doc.text[s:e].lower())})
        seen.update(word.findall(doc.text.lower()))
    fam_marked, fam_seen = Counter(), Counter()
    for w, n in seen.items():
        fam_seen[family(w)] += n
        fam_marked[family(w)] += marked[w]

    def often_marked(m: int, n: int) -> bool:
        return m >= least and m >= share * n
    return sorted(w for w, n in seen.items()
                  if (often_marked(marked[w], n) or n >= 2 and often_marked(fam_marked[family(w)], fam_seen[family(w)]))
                  and not w.endswith("ly") and len(w) > 2)


def family(word: str) -> str:
    """A crude stem that puts a verb's or noun's regular forms together.

    >>> [family(w) for w in ("claim", "claims", "claimed", "claiming", "denies", "denied", "argue", "argued")]
    ['claim', 'claim', 'claim', 'claim', 'deny', 'deny', 'argu', 'argu']
    """
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    return word


if __name__ == "__main__":  # python -m newstrace.extract.frames ../shared/corpora/polnear/train
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    print("\n".join(build_lexicon(Path(sys.argv[1]))))
