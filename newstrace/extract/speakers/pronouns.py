"""Personal pronouns: "he" and "she" are the person of matching gender the prose last made
its subject, or the speaker going on; "they" and "it" are the organisation or group that
just spoke; an interviewer's "you" is the person interviewed."""

from __future__ import annotations

import re
from bisect import bisect_left

from newstrace.extract.speakers.article import Article
from newstrace.extract.speakers.base import Resolved
from newstrace.extract.speakers.descriptions import looks_plural, looks_singular
from newstrace.extract.speakers.interviews import in_turn
from newstrace.extract.speakers.names import speaker_key
from newstrace.extract.speakers.words import GROUP, HE, SHE, TITLE_WORDS


# a speech verb right after a name: "Burton explained", "Burton said"
_SPEAKS = re.compile(r"\s+(?:said|says|told|tells|explained|explains|added|adds|wrote|writes|argued|argues|noted|notes|"
                     r"insisted|insists|claimed|claims|stated|states|recalled|recalls|replied|replies)\b")
# cues that say the last speaker goes on: "He added:", "she continued", "he went on"
_GOES_ON = re.compile(r"^(?:also\s+)?(?:add(?:s|ed)?|continu(?:es|ed)|went\s+on|goes\s+on|concluded)\b", re.IGNORECASE)


def goes_on(src):
    """'He added:', 'she continued': the speaker of the attribution just before goes on,
    even where the paragraph between names others ('Lichtman said about McCain's effort to
    downplay his connections with Bush. He added ...' is Lichtman's).

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = 'Allan Lichtman said it was over. George Bush disagreed at the time. He added: "No."'
    >>> resolve_all(t, [("Allan Lichtman", "said"), ("He", "added")])[-1]
    ('Allan Lichtman', 'goes_on')
    """
    previous = src.previous
    if src.low not in HE and src.low not in SHE or not _GOES_ON.match(src.cue.strip()) or previous is None \
            or previous.kind != "person" or not 0 <= src.start - previous.position < 1500 \
            or " and " in (previous.speaker or ""):
        return None
    gender = src.art.gender_of(previous.speaker or "")
    if gender is not None and gender != ("f" if src.low in SHE else "m"):
        return None
    return src.resolved(previous.speaker, "person")


def he_she(src):
    """'he', 'she' (and their other cases): a person named earlier in the sentence; the
    previous speaker going on, unless a new person became a sentence's subject since; a
    person of that gender, or who opened a sentence, within two sentences; else the last
    person who may be one. Unresolved, no speaker.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "Hillary Clinton met Bernie Sanders on Monday. It was a good talk, she said."
    >>> resolve_one(t, "she")
    ('Hillary Clinton', 'he_she')
    """
    if src.low in HE or src.low in SHE:
        res = pronoun(src.art, src.low, src.start, src.previous, src.content)
        return res
    return None


def they_it(src):
    """'they', 'it', 'its': the organisation, group or pair that just spoke (within 600
    characters), by number; an organisation is a "they" as well as an "it".

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = "The Doris Day Animal Foundation said she died at home. She was 97, they said."
    >>> resolve_all(t, [("The Doris Day Animal Foundation", "said"), ("they", "said")])[-1]
    ('The Doris Day Animal Foundation', 'they_it')
    """
    low, previous, start = src.low, src.previous, src.start
    if low not in GROUP:
        return None
    singular = low in ("it", "its", "itself")
    # an organisation is an "it" or a "they" ("the Doris Day Animal Foundation said ...
    # Day, they said"); a description goes by its number
    if previous and previous.kind in ("org", "description") and start - previous.position < 600 \
            and ((previous.kind == "org" and not singular)
                 or (singular and looks_singular(previous.speaker or ""))
                 or (not singular and previous.kind == "description"
                     and (looks_plural(previous.speaker or "") or _people_body(previous.speaker or "")))):
        return src.resolved(previous.speaker, previous.kind)
    # a work that spoke in the sentence before is an "it": "according to a statement posted to
    # his official Twitter account. It also stated" (not '"The statement ..." Thursday's memo
    # ... it stated')
    if previous and previous.work and singular and start - previous.position < 600 \
            and src.art.sentence_of(start) == src.art.sentence_of(previous.position) + 1:
        return src.resolved(previous.speaker, previous.kind)
    # two people who just spoke together are a "they" ("Mr. Grassley and Mr. Leahy say
    # ... The program ... has expanded well beyond its original intent, they say")
    if previous and previous.kind == "person" and not singular and " and " in (previous.speaker or "") \
            and start - previous.position < 600:
        return src.resolved(previous.speaker, previous.kind)
    return None


# bodies of people that news refers to as "they": "According to the research team, ... which they
# note", "the family said they planned a private funeral"
_PEOPLE_BODIES = frozenset("team group panel crew delegation family staff jury".split())


def _people_body(description: str) -> bool:
    """Whether a description's head is a body of people that is a "they" ("the research team").

    >>> _people_body("the research team"), _people_body("the team's report"), _people_body("the company")
    (True, False, False)
    """
    head = re.split(r",|\s(?:in|of|at|from|for|on|with|including|who|that|which|to|by)\s", description, maxsplit=1)[0]
    words = head.split()
    return bool(words) and words[-1] in _PEOPLE_BODIES  # (in lower case: "Team Sky" is a name)


def you(src):
    """An interviewer's "you" is the person interviewed; elsewhere the reader, or anyone
    (no speaker)."""
    if src.low in ("you", "your", "yourself", "yourselves"):
        return in_turn(src.art, src.start, second_person=True) or src.resolved(src.low, "pronoun")
    return None


def pronoun(art: Article, low: str, start: int, previous: Resolved | None, content=()) -> Resolved:
    """Whom "he" or "she" (``low``) at ``start`` stands for; an unresolved pronoun when no one."""
    gender = "f" if low in SHE else "m"
    sentence = art.sentence_of(start)
    # names inside the speaker's own words ("God's Law," he says) are not the speaker; and
    # only names before the pronoun, from its sentence's start or 2,600 characters back
    # (the farthest any rule below looks), are read: a long text has thousands
    lo = bisect_left(art.person_starts, min(art.sent_starts[sentence], start - 2600))
    hi = bisect_left(art.person_starts, start)
    # nor the object of a phrase that opens the pronoun's sentence ("In an interview with Dawn, she said")
    persons = [p for p in art.persons[lo:hi] if not any(s <= p.start < e for s, e in content)
               and not (p.sentence == sentence and art.fronted_object(p, start))]

    def compatible(name: str, g: str | None) -> bool:
        g = g or art.gender_of(name)
        return g is None or g == gender

    # inside a quotation, a person the same quotation named before it ('McGurk later wrote, "...
    # Trump later expanded the operation down the ERV. He touts these operations ..."'): not
    # the one quoted
    if art.quoted(start):
        opened = max(art.text.rfind('"', art.text.rfind("\n", 0, start) + 1, start), art.text.rfind("“", 0, start))
        inside = [p for p in persons if opened < p.start and p.end <= start and art.quoted(p.start)
                  and compatible(art.fullest(p.text), p.gender)]
        if inside:
            return Resolved(art.fullest(inside[-1].text), "person", start, [])
    # a person named earlier in the same sentence ("In Mujahir's recording, he claims")
    same = [p for p in persons if p.sentence == sentence and p.end <= start and not art.quoted(p.start)
            and compatible(art.fullest(p.text), p.gender)]
    if same:
        # the sentence's subject, known to be of the pronoun's gender, before others whose
        # gender is not known: in "Vanderbilt was married to ... conductor Leopold Stokowski
        # ...; but, according to her memoirs", Gloria Vanderbilt (not in "... officer Jason
        # Van Dyke shooting McDonald, the community began calling for Emanuel to resign, a
        # decision which he has refused": no person opens that sentence)
        subject = [p for p in same if art.is_subject(p) and (p.gender or art.gender_of(art.fullest(p.text))) == gender]
        unknown = all(p.gender is None and art.gender_of(art.fullest(p.text)) is None
                      for p in same if p.start > (subject[0].start if subject else start))
        return Resolved(art.fullest((subject if subject and unknown else same)[-1].text), "person", start, [])
    # the previous speaker goes on speaking unless a new person became a sentence's subject
    if previous and previous.kind in ("person", "description") and start - previous.position < 1500:
        prev_key = speaker_key(previous.speaker)
        newcomer = False
        for p in persons:
            if previous.position < p.start < start and art.is_subject(p) and not art.quoted(p.start):
                full = art.fullest(p.text)
                if speaker_key(full) != prev_key and compatible(full, p.gender):
                    newcomer = True
        if previous.kind == "description":
            carry = looks_singular(previous.speaker or "") and not re.search(
                r"\b(?:and|they|them|she|he|her|his|its|their)\b", previous.speaker or "", re.IGNORECASE)
        else:
            carry = compatible(previous.speaker or "", None)
        if carry and not newcomer:
            return Resolved(previous.speaker, previous.kind, start, [])
    before = [p for p in persons if p.end <= start and start - p.end < 2500]
    # within two sentences, a person known to be a "she" (or a "he"), or who opened a
    # sentence, before others whose gender is not known: in 'she was raped by Quirin,
    # Redouane, and ... She told the court', Spanton; in 'Ronald Reagan was once asked ...
    # He responded', Reagan
    # (one who is the object of a preposition, "pardoned by Trump", "the murder of journalist
    # Jamal Khashoggi", "the character of Anya Jenkins", only where another fits: see
    # ``object_of_preposition``)
    window = [p for p in reversed(before) if p.sentence >= sentence - 2]
    fits = []
    for p in window:
        full = art.fullest(p.text)
        known = p.gender or art.gender_of(full)
        opener = art.opens_sentence(p) and not art.quoted(p.start)
        if known == gender or (known is None and opener):
            fits.append((p, full))
    subjects = [(p, full) for p, full in fits if not object_of_preposition(art, p)]
    if subjects or fits:
        return Resolved((subjects or fits)[0][1], "person", start, [])
    for p in reversed(before):
        full = art.fullest(p.text)
        if compatible(full, p.gender):
            return Resolved(full, "person", start, [])
    # no person at all: a one-word "organisation" that opened a sentence just before and
    # spoke is a person NER misread, for a "he" is no company ('Burton explained from a podium. "I
    # love cats," he said.')
    for n in reversed(art.names[bisect_left(art.name_starts, art.sent_starts[max(0, sentence - 2)]):
                               bisect_left(art.name_starts, start)]):
        if n.label == "ORG" and re.fullmatch(r"[A-Z][a-z'’-]+", n.text) and not n.headline \
                and art.opens_sentence(n) and not art.quoted(n.start) and _SPEAKS.match(art.text, n.end) \
                and not any(o.start <= n.start < o.end for o in art.outlets if o.outlet):
            return Resolved(n.text, "person", start, [])
    return Resolved(low, "pronoun", start, [])



# a preposition (not "according to"), a determiner, and up to two words in lower case right
# before a name, which must be titles or roles ("of journalist Jamal Khashoggi"; not "from
# remarks Clinton made", "to bloody Sanders")
_OBJECT_OF = re.compile(r"(?<![Aa]ccording )\b(?:by|of|to|with|for|from|against|about|into|toward|towards|than)\s+"
                        r"(?:(?:the|a|an|his|her|their|its)\s+)?(?P<words>(?:[a-z][\w-]*\s+){0,2})$")


def object_of_preposition(art: Article, name) -> bool:
    """Whether a person's name is the object of a preposition in its sentence ("was pardoned
    by Trump", "the murder of journalist Jamal Khashoggi"), which a "he" or a "she" of the
    sentences after stands for less often than a clause's subject.

    >>> from newstrace.extract.nlp import analyse
    >>> from newstrace.extract.speakers.article import article_of
    >>> t = ("Former Trump adviser Michael Flynn was on stage. This was the first time Flynn made a public "
    ...      "speech since he was pardoned by Donald Trump.")
    >>> a = article_of(t, analyse(t))
    >>> [(p.text, object_of_preposition(a, p)) for p in a.persons if p.sentence == 1]
    [('Flynn', False), ('Donald Trump', True)]
    """
    lo = max(art.sent_starts[name.sentence], name.start - 60)
    m = _OBJECT_OF.search(art.text, lo, name.start)
    return bool(m) and all(w in TITLE_WORDS for w in m.group("words").split())
