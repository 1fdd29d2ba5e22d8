"""Speaker turns: who holds the floor, paragraph by paragraph, in an interview or a
transcript.

Interviews print each turn after its speaker's label, at the start of a paragraph:
"((Aparna Garg))", "Natasha Gownaris:", "NG:", "Q:", "TRUMP:", and, once an article is
known to be an interview, a bare name or initials ("Michael Siegel I am a professor ...",
"MS Although we used ..."). In a turn, "I" and "we" are the turn's speaker, and the
interviewer's "you" is the person interviewed. News prose has no such labels, so an
article without at least two of them has no turns and nothing here changes how its
speakers are read.

A label counts only when it is an interviewer's or answerer's tag, a double-bracketed
label (Wikinews' form), or names a person of the article (in full, by surname, or by
initials): "Image:", "Long term:" or "At 2:" are not speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

_BRACKETED = re.compile(r"\(\(([^()\n]{1,60})\)\)[ \t\u00a0]*:?")
_QA_DOT = re.compile(r"([QA])\.(?=[ \t\u00a0])")  # "Q. What did you ...", "A. I think ..."
_COLON = re.compile(r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:(?=[ \t\u00a0]|$)")
# once an article is an interview: a person's name or initials alone before the answer
_BARE = re.compile(r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})(?=[ \t\u00a0]+[A-Z\"“‘'])")
_PARAGRAPH = re.compile(r"(?:^|\n)[ \t\u00a0]*(?=\S)")
_MAYBE_LABEL = re.compile(r"(?:^|\n)[ \t\u00a0]*(?:\(\(|[A-Z][\w.'’ \t-]{0,60}:|[QA]\.[ \t\u00a0])")
_INTERVIEWER_TAGS = {"q", "question", "interviewer", "wn", "wikinews", "int"}
_ANSWER_TAGS = {"a", "answer"}
_CAPTIONS = ("Image", "Photo", "File", "Video", "Picture")


@dataclass(frozen=True, slots=True)
class Turn:
    start: int  # where its label starts
    end: int  # where the next turn starts, or the text ends
    label: str
    label_end: int  # where its label (with brackets and colon) ends
    speaker: str | None  # the person (or outlet) the label stands for; None when unknown
    asks: bool  # an interviewer's turn
    put_to: str | None = None  # in an interviewer's turn, whom "you" means: the person interviewed


def speaker_turns(text: str, persons: list[str]) -> list[Turn]:
    """The labelled turns of ``text``, in order; [] unless it has at least two.

    ``persons`` are the fullest names of the article's persons (when only the questions
    are labelled, the one whose surname the text repeats most is the person interviewed).

    >>> t = "Intro.\\n((WN)) Why run?\\n((Ann Lee)) I want to win.\\n((WN)) And you?"
    >>> [(x.speaker, x.asks, t[x.start:x.end].strip()) for x in speaker_turns(t, ["Ann Lee"])]
    [('Wikinews', True, '((WN)) Why run?'), ('Ann Lee', False, '((Ann Lee)) I want to win.'), \
('Wikinews', True, '((WN)) And you?')]
    """
    starts = [m.end() for m in _PARAGRAPH.finditer(text)]
    people = _People(persons)
    found: list[tuple[int, int, str]] = []  # (where the label starts, where it ends, label)
    matches = [(s, _BRACKETED.match(text, s) or _COLON.match(text, s) or _QA_DOT.match(text, s)) for s in starts]
    # initials that open two paragraphs or more are a speaker's, even one the article never
    # names in full ("DB: ..." for the host of a radio interview)
    initials = Counter(m.group(1).strip() for _, m in matches if m and _is_initials(m.group(1).strip()))
    for s, m in matches:
        if m and m.group(1).rstrip().endswith(_CAPTIONS):
            continue  # "Bill HammonsImage: Bill Hammons.": a picture's caption, not a turn
        if m and (m.re is _BRACKETED or _tag(m.group(1)) or people.find(m.group(1))
                  or initials[m.group(1).strip()] >= 2):
            found.append((s, m.end(), m.group(1).strip()))
    if len(found) < 2:
        return []
    named = {people.find(label) for _, _, label in found} - {None}
    labelled = {s for s, _, _ in found}
    for initials in (False, True):  # bare names, then initials of the persons found so far
        for s in starts:
            m = _BARE.match(text, s)
            if s in labelled or not m or _title_case(text, s):
                continue
            words = m.group(1).split()
            for n in range(len(words), 0, -1):  # "Michael Siegel I am ...": the longest name
                label = " ".join(words[:n])
                if _is_initials(label) != initials or (n == 1 and not initials):
                    continue
                person = people.find(label, initials_of=named if initials else None)
                if person:
                    words_end = re.compile(r"\S+(?:[ \t]+\S+){%d}" % (n - 1)).match(text, s).end()
                    found.append((s, words_end, label))
                    labelled.add(s)
                    named.add(person)
                    break
    found.sort()

    speakers = [_speaker(label, people) for _, _, label in found]
    # a turn runs to the next label; the last one until the article goes on after it: a
    # paragraph that names its speaker ("Bacon did not respond to questions ...") or
    # credits the piece ("Reprinted with permission ...")
    ends = [found[k + 1][0] for k in range(len(found) - 1)] + [
        _last_turn_end(text, found[-1][1], _speaker(found[-1][2], people))]
    # who asks: the interviewer's tag, or a speaker whose turns (two or more) end in a
    # question mark, four in five at least ("((WSS)) : Which past U.S. president ...?"); an
    # answer that asks back once does not make its speaker the interviewer
    questions: dict[str | None, list[bool]] = {}
    for (s, _, label), speaker, end in zip(found, speakers, ends):
        questions.setdefault(speaker, []).append(text[s:end].strip().endswith("?"))
    askers = {sp for sp, q in questions.items() if len(q) >= 2 and sum(q) >= 0.8 * len(q)}
    parties = [p for p, (_, _, label) in zip(speakers, found) if p and not _tag(label) and p not in askers]
    counts = _mentions(text, persons)
    # the headline names whom an interview is with ("Q&A with Vice President Joe Biden",
    # "Wikinews interviews Craig Farquharson, ..."): the first line, when short
    first_line = text[:text.find("\n")] if "\n" in text else text
    headliner = _named_in(first_line, persons) if len(first_line) <= 200 else None
    counts = Counter({headliner: max(counts.values(), default=0) * 2 + 1}) if headliner else counts
    # who gives the answers that carry no name ("A:", or none after a question): the person
    # the headline names; else the one named speaker who answers, or, with none, the one
    # the text names most. Where "A:" stands beside named speakers ("BACON Q: ...",
    # "GILANI A: ...", then "Q: ..." and "A: ..." in a deposition) the named ones are not
    # the answerers, and it is not known
    answer_tags = any(_tag(label) == "answers" for _, _, label in found)
    answerer = headliner or (None if answer_tags and parties else _interviewed(parties, counts, None))
    turns: list[Turn] = []
    for k, (s, label_end, label) in enumerate(found):
        end = ends[k]
        asks = _tag(label) == "asks" or speakers[k] in askers
        speaker = speakers[k]
        if _tag(label) == "answers":
            speaker = answerer
        para_end = _paragraph_end(text, s)
        if asks and _tag(label) == "asks" and text[para_end:end].strip() and text[s:para_end].rstrip().endswith("?"):
            # a question is one paragraph; where the answers carry no label, the paragraphs
            # after it are the interviewee's (not after a closing remark: "DB: In the
            # library, silence is golden.")
            turns.append(Turn(s, para_end, label, label_end, speaker, True, _interviewed(parties, counts, speaker)))
            turns.append(Turn(para_end, end, "", para_end, answerer, False))
            continue
        turns.append(Turn(s, end, label, label_end, speaker, asks,
                          _interviewed(parties, counts, speaker) if asks else None))
    return turns


def may_have_turns(text: str) -> bool:
    """A cheap first look: whether ``text`` has two paragraphs that open like a label, as
    ``speaker_turns`` needs (news prose mostly has none, and is spared the rest)."""
    return len(_MAYBE_LABEL.findall(text, 0, len(text))) >= 2


def turn_at(turns: list[Turn], pos: int) -> Turn | None:
    """The turn that ``pos`` lies in (``turns`` in order, as ``speaker_turns`` gives them)."""
    k = bisect_right(turns, pos, key=lambda t: t.start) - 1
    return turns[k] if k >= 0 and turns[k].start <= pos < turns[k].end else None


def turns_over(turns: list[Turn], start: int, end: int) -> list[Turn]:
    """The turns that ``[start, end)`` overlaps, in order."""
    k = max(0, bisect_right(turns, start, key=lambda t: t.start) - 1)
    out = []
    while k < len(turns) and turns[k].start < end:
        if turns[k].end > start:
            out.append(turns[k])
        k += 1
    return out


def _interviewed(parties: list[str], counts: Counter, asker: str | None) -> str | None:
    """The one person who answers; failing labelled answers, the person the article names
    most, by a clear margin (half as often again as the next), who is not the asker."""
    answering = set(parties) - {asker, "Wikinews"}
    if len(answering) == 1:
        return answering.pop()
    if answering:
        return None
    # among full names ("Craig Farquharson", not "Groom", the seat he runs for)
    ranked = [(n, name) for name, n in counts.most_common() if name != asker]
    if ranked and ranked[0][0] and (len(ranked) == 1 or ranked[0][0] >= 1.5 * ranked[1][0]):
        return ranked[0][1]
    return None


def _mentions(text: str, persons: list[str]) -> Counter:
    """How often the text names each person of two or more words, by surname ("Blankenship",
    which NER often misses or calls an organisation, counts for "Don Blankenship")."""
    words = Counter(re.findall(r"\w+", text))  # one pass, however many persons
    counts: Counter = Counter()
    for full in set(persons):
        parts = full.split()
        if len(parts) > 1 and len(parts[-1]) > 1:
            surname = parts[-1]
            counts[full] = words[surname] if re.fullmatch(r"\w+", surname) else \
                len(re.findall(r"\b%s\b" % re.escape(surname), text))
    return counts


_CREDITS = re.compile(r"(?:Reprinted|Republished|Article posted|Originally published|Copyright|©|This (?:article|story|"
                      r"interview) (?:was|has been|first)|Follow |Read more|Related:|Sources?:)", re.IGNORECASE)


def _last_turn_end(text: str, label_end: int, speaker: str | None) -> int:
    """Where the article's last turn ends: before the first paragraph after its own that
    names its speaker by surname or credits the piece; else at the end of the text."""
    surname = re.compile(r"\b%s\b" % re.escape(speaker.split()[-1])) if speaker else None
    end = _paragraph_end(text, label_end)
    while end < len(text):
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text):
            break
        next_end = _paragraph_end(text, start)
        paragraph = text[start:next_end]
        if _CREDITS.match(paragraph) or (surname and surname.search(paragraph)):
            break
        end = next_end
    return end


def _paragraph_end(text: str, pos: int) -> int:
    """Where the paragraph that holds ``pos`` ends (past its last character)."""
    if pos >= len(text):
        return len(text)
    while pos < len(text) and text[pos] == "\n":  # from a line break, the next paragraph
        pos += 1
    end = text.find("\n", pos)
    return end if end >= 0 else len(text)


def _named_in(line: str, persons: list[str]) -> str | None:
    """The one person of two or more words whose surname ``line`` holds."""
    found = {full for full in set(persons)
             if len(full.split()) > 1 and re.search(r"\b%s\b" % re.escape(full.split()[-1]), line)}
    return found.pop() if len(found) == 1 else None


def _title_case(text: str, start: int) -> bool:
    """Whether the paragraph at ``start`` is a headline ("Bernie Sanders Pins The Rise Of
    ISIS On ..."), where a name at the start is no speaker's label."""
    end = text.find("\n", start)
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text[start:end if end >= 0 else len(text)]) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _tag(label: str) -> str | None:
    low = label.strip(" .").casefold()
    if low in _INTERVIEWER_TAGS or "wikinews" in low:
        return "asks"
    if low in _ANSWER_TAGS:
        return "answers"
    return None


def _speaker(label: str, people: _People) -> str | None:
    low = label.strip(" .").casefold()
    if low in ("wn",) or "wikinews" in low:
        return "Wikinews"
    if _tag(label):
        return None
    person = people.find(label)
    if person:
        return person
    # a bracketed label the article never names otherwise ("((Jaya))"): the label itself,
    # when it reads as a name, not as initials
    return label if label[:1].isupper() and not _is_initials(label) else None


def _is_initials(label: str) -> bool:
    letters = label.replace(".", "").replace(" ", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _words(name: str) -> list[str]:
    return [w.strip(".,").casefold() for w in name.split() if w.strip(".,")]


class _People:
    """The article's persons, indexed once for the labels: by their whole name and every
    tail of it ("Gownaris", "Natasha Gownaris"), and by initials ("NG")."""

    def __init__(self, persons: list[str]) -> None:
        self.by_words: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.by_initials: dict[str, set[str]] = defaultdict(set)
        for full in set(persons):
            toks = tuple(_words(full))
            if not toks:
                continue
            self.by_words[toks].add(full)
            if len(toks) > 1:
                for k in range(1, len(toks)):
                    self.by_words[toks[k:]].add(full)
                self.by_initials["".join(t[0] for t in toks)].add(full)

    def find(self, label: str, initials_of: set[str] | None = None) -> str | None:
        """The one person ``label`` names: in full, by surname (also in capitals, as
        transcripts write it), or by initials ("NG" for Natasha Gownaris; with
        ``initials_of``, only among those)."""
        words = tuple(_words(label))
        if not words:
            return None
        matches = set(self.by_words.get(words, ()))
        if _is_initials(label):
            key = label.replace(".", "").replace(" ", "").casefold()
            matches |= {f for f in self.by_initials.get(key, ()) if initials_of is None or f in initials_of}
        return matches.pop() if len(matches) == 1 else None
