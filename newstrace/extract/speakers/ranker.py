"""Where the rules guess, a small learned ranker decides: "he", "she" and a description no
rule named anyone for ("the union", "the sheriff's department", "the email") are resolved
by scoring every candidate the article offers before them (the persons and organisations
it names, the speakers so far, the rules' own answer) and a "nobody" candidate (an
unresolved pronoun, the description kept as it is), and taking the best. "They", "it" and
"who" stay with the rules: fitted on the 35 and 18 such sources labelled, the ranker did
worse than the rules in cross-validation (training/train_speaker_ranker.py).

The score is a conditional logit (a softmax over one source's candidates) of features
that say what news prose says about reference: distance in characters, sentences and
paragraphs; salience (mentions so far, in the headline, in the lead, speaker so far,
the speaker just before, the one before that); the subject of a sentence; gender (a
"she" is never a man, nor a body of several words); words the description shares with the candidate's name or with the words around
its mentions ("the website" after "news website Znak.com"); the kind of candidate; and
whether the rules chose it. Its weights are ``data/ranker.json`` (about 3 KB, read with
the standard library), fitted by ``training/train_speaker_ranker.py`` (numpy) on sources
labelled by reading; no model download.

>>> from newstrace.extract.speakers.testing import resolve_one
>>> t = "Jeremy Boreing sent an email to the members. The email said the club would close."
>>> resolve_one(t, "The email")
('Jeremy Boreing', 'ranked_description')
>>> resolve_one(t, "The email", skip={"ranked_description"})
('the email', 'description')
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from newstrace.extract.speakers.article import _APPOSED_SUBJECT as _APPOSED, Name
from newstrace.extract.speakers.base import Resolved
from newstrace.extract.speakers.names import POSSESSIVE, is_short_form_or_equal, speaker_key
from newstrace.extract.speakers.words import (
    AGENT_NOUNS, COLLECTIVE_NOUNS, COMPANY_NOUNS, DATA, DETERMINERS, GROUP, HE, MEDIA_NOUNS, ORG_HEADS,
    PERSON_NOUNS, POSSESSORS, PREPOSITIONS, PUBLIC_BODY_WORDS, QUANTIFIERS, RELATIVE, SHE, TITLE_WORDS, WORKS)

# how far back (characters) candidates are read, per kind of source; a description reads
# the whole article before it ("the union" named in the lead, resolved at the end)
_REACH = {"he_she": 3000, "description": 10**9}
# a description in the lead may name its person after it ("The former secretary of
# state ... Hillary Clinton"): names this far after it are candidates too
_AFTER = 400
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# words of a description that carry no meaning of their own for matching
_STOP = DETERMINERS | POSSESSORS | PREPOSITIONS | QUANTIFIERS | {"and", "or", "its", "their", "his", "her", "who", "which"}

# a description that says whose it is: "Reid's publicist", "his lawyer", "a spokesman for Bush"
_OWNED = re.compile(r"\w['’]s?\s|\b(?:his|her|their|its)\s|\s(?:for|of)\s", re.IGNORECASE)
# what the ranker recorded while ``record`` is on (training: training/train_speaker_ranker.py)
RECORDED: list[dict] | None = None


def source_kind(low: str, desc: str) -> str | None:
    """The kind of source the ranker reads, or None: 'he_she' or 'description' (a lower-case
    description, "the union", "Chelyabinsk's governor").

    >>> [source_kind(s.casefold(), s) for s in ("He", "its", "who", "the union", "Tesco", "the National Guard")]
    ['he_she', None, None, 'description', None, None]
    """
    if low in HE or low in SHE:
        return "he_she"
    if low in GROUP or low in RELATIVE or low.split(" ", 1)[0] == "who":
        return None  # "they", "it", "who": the rules (fitted on 35 and 18 sources, the ranker did worse)
    words = desc.split()
    if not words or not (words[0][:1].islower() or (len(words) > 1 and POSSESSIVE.search(words[0]))):
        return None
    # a name after its article ("the National Hurricane Center") is no description; nor is
    # someone's agent ("the prime minister's spokesman", "his lawyer"), who speaks for
    # another and whom the role rules name when the article does
    if not any(w[:1].islower() and w.casefold() not in DETERMINERS | POSSESSORS for w in words
               if not POSSESSIVE.search(w)) or (_head(desc) in AGENT_NOUNS and _OWNED.search(desc)) \
            or (head_class(_head(desc)) == "people" and not POSSESSIVE.search(words[0])):
        return None  # (and a plural of people is a group of its own: "many Trump supporters")
    return "description"


@dataclass
class Candidate:
    name: str
    kind: str  # person, org, place, group (NORP), pair ("A and B"), desc (a description that spoke), none
    mentions: list = field(default_factory=list)  # names (article.Name) of it before (and just after) the source
    spoke: int = 0  # how often it was resolved as a speaker before
    last_spoke: int = -1  # where
    rule: bool = False  # the rules' answer


def _head(desc: str) -> str:
    """The head word of a description: its last word before a comma, preposition or clause."""
    head = re.split(r",|\s(?:in|of|at|from|for|on|with|including|who|that|which|to|by)\s", desc, maxsplit=1)[0]
    words = [w.casefold() for w in _WORD.findall(head)]
    return POSSESSIVE.sub("", words[-1]) if words else ""


def head_class(word: str) -> str:
    """What a description's head word names: person, org, media, work, people or other.

    >>> [head_class(w) for w in ("spokesman", "union", "newspaper", "statement", "officials", "event")]
    ['person', 'org', 'media', 'work', 'people', 'other']
    """
    if word in MEDIA_NOUNS:
        return "media"
    if word in PERSON_NOUNS or word in AGENT_NOUNS:
        return "person"
    if word in ORG_HEADS or word in COMPANY_NOUNS or word in COLLECTIVE_NOUNS or word in PUBLIC_BODY_WORDS:
        return "org"
    if word in WORKS or word in ("warning", "warnings", "report", "announcement", "description", "website", "site"):
        return "work"
    if word.endswith("s") and not word.endswith("ss"):
        return "people"
    return "other"


def _stem(word: str) -> str:
    word = POSSESSIVE.sub("", word.casefold())
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _content_words(desc: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(desc) if w.casefold() not in _STOP and len(w) > 2}


def candidates(src, kind: str, rule_answer: Resolved | None) -> list[Candidate]:
    """The candidates of one source, one per speaker (merged by ``speaker_key``), nobody first."""
    art = src.art
    by_key: dict[str, Candidate] = {}

    own_key = speaker_key(src.desc)

    def add(name: str | None, ckind: str) -> Candidate | None:
        key = speaker_key(name)
        if not key or key == own_key:
            return None
        cand = by_key.get(key)
        if cand is None:
            cand = by_key[key] = Candidate(name, ckind)
        return cand

    content = [(s, e) for s, e in src.content]
    sentence = art.sentence_of(src.start)
    lo = max(0, src.start - _REACH[kind])
    hi = src.end + _AFTER if kind == "description" and art.sentence_of(src.start) <= 1 else src.start
    for n in art.names[bisect_left(art.name_starts, lo):bisect_left(art.name_starts, hi)]:
        if src.start <= n.start < src.end or any(s <= n.start < e for s, e in content):
            continue  # the source itself, the speaker's own words
        if kind == "he_she" and n.label == "PERSON" and n.sentence == sentence and art.fronted_object(n, src.start):
            continue  # "In an interview with Dawn, she said": not Dawn
        if n.label == "PERSON":
            cand = add(art.fullest(n.text), "person")
        elif n.label == "ORG":
            person = art.person_full(n.text)
            cand = add(person, "person") if person else add(
                re.sub(r"^(?:the|a|an)\s+", "", art.fullest(n.text, "ORG"), flags=re.I), "org")
        else:
            cand = add(n.text, "place" if n.label == "GPE" else "group")
        if cand is not None:
            cand.mentions.append(n)
    if kind == "description" and head_class(_head(src.desc)) == "org":
        # the body a description's head names, spelled in capitals where NER saw a place or
        # nothing: "Los Angeles County Sheriff's Department" for "the sheriff's department"
        for start, end, name in _capitalised_bodies(art.text, _head(src.desc), lo, src.start):
            cand = add(name, "org")
            if cand is not None:
                cand.mentions.append(Name(name, start, end, "ORG", art.sentence_of(start), None, art.in_headline(start)))
    for res in src.history:
        if res.speaker and res.kind in ("person", "org", "description") and res.position < src.start:
            ckind = "pair" if " and " in res.speaker else res.kind if res.kind != "description" else "desc"
            # (a person who spoke with a group, "Hillary Clinton and her surrogates", spoke too)
            member = _with_group_member(res.speaker)
            for cand in (add(res.speaker, ckind), add(member, "person") if member else None):
                if cand is not None:
                    cand.spoke += 1
                    cand.last_spoke = res.position
    if rule_answer is not None and rule_answer.kind not in ("pronoun", "none") and rule_answer.speaker:
        ckind = "pair" if " and " in rule_answer.speaker else {"description": "desc"}.get(rule_answer.kind,
                                                                                            rule_answer.kind)
        cand = add(rule_answer.speaker, ckind)
        if cand is not None:
            cand.rule = True
    found = list(by_key.values())
    if kind == "he_she":  # a "she" is no man, nor a body (agreement is grammar, not a weight);
        # a one-word "organisation" may be a person NER misread ("Burton")
        gender = "f" if src.low in SHE else "m"
        found = [c for c in found if _gender(art, c) in (None, gender)
                 and (c.kind in ("person", "desc") or (c.kind == "org" and " " not in c.name))]
    return [Candidate(None, "none", rule=rule_answer is None or rule_answer.kind == "pronoun"
                      or speaker_key(rule_answer.speaker) == speaker_key(src.desc))] + found


def features(src, kind: str, cands: list[Candidate]) -> list[dict[str, float]]:
    """One feature dict per candidate (``candidates``)."""
    art = src.art
    sentence = art.sentence_of(src.start)
    para_at = _paragraph_starts(art)
    paragraph = bisect_left(para_at, src.start + 1)
    low = src.low
    desc = src.desc
    dwords = _content_words(desc) if kind == "description" else set()
    head = _head(desc) if kind == "description" else ""
    hclass = head_class(head) if head else "other"
    # whose the description says it is: "Powell's office", "the chain's press release"
    owner_m = re.match(r"(?:the\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)['’]s?\s", desc) if kind == "description" else None
    owner = owner_m.group(1) if owner_m else None
    gender = "f" if low in SHE else "m" if low in HE else None
    # the people the article gave the description's head as a role ("SDF spokesperson Mustafa Bali")
    role_keys = {speaker_key(art.fullest(p)) for r, p, pos in art.roles + art.title_roles
                 if r == head and pos < src.start + _AFTER} if kind == "description" else set()
    history = [r for r in src.history if r.speaker and r.kind in ("person", "org", "description")]
    last_key = speaker_key(_with_group_member(history[-1].speaker) or history[-1].speaker) if history else ""
    before_last_key = speaker_key(_with_group_member(history[-2].speaker) or history[-2].speaker) \
        if len(history) > 1 else ""
    # the order of candidates by their last mention (or speech) before the source, nearest first
    near = sorted(range(1, len(cands)), key=lambda i: -_last_place(cands[i], src.start))
    recency = {i: r for r, i in enumerate(near)}
    topic = _topic(art, src.start) if kind == "he_she" else None
    out = []
    for i, c in enumerate(cands):
        f: dict[str, float] = {}
        if c.kind == "none":
            f[f"none:{kind}"] = 1.0
            f["none_rule"] = float(c.rule)
            if kind == "description":
                first = desc.split()[0].casefold() if desc.split() else ""
                f["none_indefinite"] = float(first in ("a", "an", "one", "some", "another", "many", "several", "two")
                                             or first.isdigit() or first in QUANTIFIERS)
                f["none_possessive"] = float(bool(re.search(r"\w['’]s?\s", desc)))
                f["none_long"] = min(len(desc.split()), 10) / 10
                f[f"none_head:{hclass}"] = 1.0
                f["none_capital"] = float(any(w[:1].isupper() for w in desc.split()[1:]))
            out.append(f)
            continue
        f[f"kind:{kind}:{c.kind}"] = 1.0
        f["rule"] = float(c.rule)
        f["rank0"] = float(recency.get(i) == 0)
        f["rank"] = 1.0 / (1 + recency.get(i, 9))
        place = _last_place(c, src.start)
        before = [m for m in c.mentions if m.start < src.start]
        if place >= 0:
            f["dist"] = math.log1p(max(0, src.start - place)) / 8
            s_dist = sentence - art.sentence_of(place)
            f["same_sentence"] = float(s_dist == 0)
            f["sentence_before"] = float(s_dist == 1)
            f["sentences"] = min(s_dist, 6) / 6
            f["paragraphs"] = min(paragraph - bisect_left(para_at, place + 1), 3) / 3
        else:
            f["after_only"] = 1.0
        f["mentions"] = math.log1p(len(before))
        f["headline"] = float(any(m.headline for m in c.mentions))
        f["lead"] = float(any(m.sentence <= 1 for m in c.mentions))
        f["spoke"] = math.log1p(c.spoke)
        f["last_speaker"] = float(speaker_key(c.name) == last_key)
        f["speaker_before_last"] = float(speaker_key(c.name) == before_last_key and before_last_key != last_key)
        if before:
            m = before[-1]
            f["subject"] = float(art.opens_sentence(m) and not art.quoted(m.start))
            f["quoted"] = float(art.quoted(m.start))
            if gender:  # another person made a sentence's subject since: a "he" likelier theirs
                f["subjects_since"] = min(sum(1 for o in cands[1:] if o is not c and any(
                    m.end <= x.start < src.start and art.opens_sentence(x) and not art.quoted(x.start)
                    for x in o.mentions if x.label == "PERSON")), 3) / 3
            f["adjacent"] = float(src.start - m.end <= 3)
        if gender:
            # a person brought in as the subject of a sentence since the last speaker spoke
            f["topic_new"] = float(topic is not None and bool(c.mentions) and c.mentions[0].start == topic
                                   and (not history or history[-1].position < topic))
            g = _gender(art, c)
            f["gender_match"] = float(g == gender)
            f["gender_clash"] = float(g is not None and g != gender)
        if before:
            near_subject = f.get("subject", 0.0) * float(sentence - art.sentence_of(before[-1].start) <= 1)
            f["subject_near"] = near_subject
        # (a description of a person that spoke is no NER spelling: "a senior officer" opens
        # with a lower-case word; one of a thing, "a video of the episode", stays unreliable)
        spoke_as_person = c.kind == "desc" and head_class(_head(c.name)) == "person"
        f["unreliable"] = float(not spoke_as_person and (not _reliable(art, c.name)
                                                         or (bool(c.mentions) and all(m.headline for m in c.mentions))))
        if kind == "description":
            f[f"head:{hclass}:{c.kind}"] = 1.0
            f[f"last_speaker:{hclass}"] = f["last_speaker"]
            f[f"subject_near:{hclass}"] = f.get("subject_near", 0.0)
            if owner and c.kind in ("person", "org", "place") and (
                    is_short_form_or_equal(owner, c.name) or is_short_form_or_equal(c.name, owner)):
                f[f"owner:{hclass}"] = 1.0
            own = {_stem(w) for w in _WORD.findall(c.name)}
            f["name_words"] = len(dwords & own) / len(dwords) if dwords else 0.0
            around = set()
            for m in c.mentions:
                around |= _words_around(art, m)
            f["context_words"] = len(dwords & (around - own)) / len(dwords) if dwords else 0.0
            f["role"] = float(speaker_key(c.name) in role_keys)
            f["outlet"] = float(any(o.outlet and speaker_key(o.outlet) == speaker_key(c.name) for o in art.outlets))
        out.append(f)
    return out


def _capitalised_bodies(text: str, head: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Capitalised names that end with ``head`` ("... County Sheriff's Department") or open
    with it ("Ministry of Foreign Affairs") between ``lo`` and ``hi``."""
    word = re.escape(head[:1].upper() + head[1:])
    pattern = re.compile(rf"(?P<before>(?:(?!(?:The|A|An|This|That)\b)[A-Z][\w'’.&-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?){{0,6}})"
                         rf"{word}s?(?P<after>\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:and\s+)?[A-Z][\w'’.&-]*){{0,5}})?\b")
    found = []
    for m in pattern.finditer(text, lo, hi):
        if m.group("before") or m.group("after"):
            found.append((m.start(), m.end(), m.group(0)))
    return found


# a sentence whose subject is "he" or "she": it goes on about the subject before it
_PRONOUN_SUBJECT = re.compile(r"\W*(?:(?:But|And|Then|Later|Meanwhile|So)\s+)?(?:he|she)\b", re.IGNORECASE)


def _topic(art, start: int) -> int | None:
    """Where the person the sentences before a pronoun are about is named: the subject of
    the nearest sentence (of the three before) that has a named person for subject, read
    through sentences that quote someone or go on with "he"/"she" ("A professor ..., Yanis
    Varoufakis, did not go to work. But he rode his bicycle ... \"What I did witness ...\"
    he said": Varoufakis, not the speaker before him)."""
    sentence = art.sentence_of(start)
    for k in range(sentence - 1, max(-1, sentence - 4), -1):
        lo = art.sent_starts[k]
        hi = art.sent_starts[k + 1] if k + 1 < len(art.sent_starts) else len(art.text)
        opening = art.text[lo:hi].lstrip()
        if opening[:1] in "\"“'‘" or _PRONOUN_SUBJECT.match(opening):
            continue
        subject = next((p for p in art.persons_within(lo, hi) if _plain_subject(art, p, lo)), None)
        if subject is not None:
            return subject.start
    return None


# words that open a sentence and are no part of a name or title before it ("That includes
# Ross Perot", "If you want to see Trump's", "Recall Sen. John McCain")
_OPENERS = frozenset("that this these those if when while as after before although because since recall unlike like "
                     "in at on for with without during despite there it here what how why".split())


def _plain_subject(art, p, lo: int) -> bool:
    """Whether person ``p`` is, in plain narration, the subject of the sentence opening at
    ``lo``: the sentence opens with it after nothing but titles or roles ("Red Sox owner John
    Henry has said"), or with a description it stands in apposition to; not in a quotation
    (also one in doubled apostrophes, as the New York Times prints them), not a possessive."""
    if art.quoted(p.start) or art.text.count("''", art.text.rfind("\n", 0, p.start) + 1, p.start) % 2 \
            or re.match(r"['’]s?\b", art.text[p.end:p.end + 2]):
        return False
    opening = art.text[lo:p.start]
    if _APPOSED.fullmatch(opening):
        return bool(re.match(r"\s*,\s", art.text[p.end:p.end + 3]))
    words = _WORD.findall(opening)
    if words and words[0].casefold() in ("but", "and", "then", "so", "meanwhile", "later", "now"):
        words = words[1:]
    return len(words) <= 6 and not (words and words[0].casefold() in _OPENERS) and all(
        w[:1].isupper() or w.casefold() in TITLE_WORDS or w.casefold() in ("of", "the", "owner") for w in words) \
        and not re.search(r"[,;:\"“”()]", opening.strip(" \t\n\"“”'‘’"))


def _last_place(c: Candidate, start: int) -> int:
    places = [m.start for m in c.mentions if m.start < start] + ([c.last_spoke] if c.last_spoke >= 0 else [])
    return max(places, default=-1)


def _gender(art, c: Candidate) -> str | None:
    if c.kind != "person" or " and " in c.name:
        return None
    genders = {m.gender for m in c.mentions if m.gender}
    if len(genders) == 1:
        return genders.pop()
    return art.gender_of(c.name)


def _words_around(art, m) -> set[str]:
    """The words (stemmed) 60 characters either side of a mention, read once per article."""
    cache = _cache(art, "words_around")
    if m.start not in cache:
        cache[m.start] = {_stem(w) for w in _WORD.findall(art.text[max(0, m.start - 60):m.start])} | {
            _stem(w) for w in _WORD.findall(art.text[m.end:m.end + 60])}
    return cache[m.start]


def _reliable(art, name: str) -> bool:
    cache = _cache(art, "reliable")
    if name not in cache:
        cache[name] = art.reliable(name)
    return cache[name]


def _cache(art, name: str) -> dict:
    caches = getattr(art, "_ranker_caches", None)
    if caches is None:
        caches = art._ranker_caches = {}
    return caches.setdefault(name, {})


def _paragraph_starts(art) -> list[int]:
    starts = getattr(art, "_paragraph_starts", None)
    if starts is None:
        starts = [0] + [m.end() for m in _PARAGRAPH.finditer(art.text)]
        art._paragraph_starts = starts
    return starts


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The fitted weights (``data/ranker.json``); empty when none were fitted yet."""
    path = DATA / "ranker.json"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)["weights"]


def score(f: dict[str, float], w: dict[str, float]) -> float:
    return sum(v * w.get(k, 0.0) for k, v in f.items())


def rank(src, kind: str, after: str) -> Resolved | None:
    """The best candidate of ``src`` by the fitted weights; the rules' answer (those after
    ``after`` in the registry) is one candidate, and where the ranker chooses it, it is
    returned under the rule's own name (None for the last rule, ``description``, which then
    answers): ``ranked_*`` is recorded only where the ranker overrode the rules. With
    ``RECORDED`` set, the candidates and features are recorded and None returned, so the
    rules decide (training)."""
    from newstrace.extract.speakers.registry import apply_rules_after

    rule_answer = apply_rules_after(src, after, src.skip) if kind != "description" else None
    cands = candidates(src, kind, rule_answer)
    feats = features(src, kind, cands)
    if RECORDED is not None:
        RECORDED.append({"start": src.start, "end": src.end, "kind": kind, "source": src.text,
                         "candidates": [(c.name, c.kind) for c in cands], "features": feats,
                         "rule_answer": rule_answer.speaker if rule_answer else None})
        return None
    w = weights()
    if not w:
        return None
    best = max(range(len(cands)), key=lambda i: score(feats[i], w))
    c = cands[best]
    if c.rule:  # the ranker agrees with the rules: theirs is the answer, under their name
        return rule_answer
    if c.kind == "none":
        if kind == "description":
            return src.resolved(src.desc or None, "description")
        return src.resolved(src.low or None, "pronoun")
    kind_of = {"person": "person", "pair": "person", "org": "org", "place": "org", "group": "description",
               "desc": "description"}[c.kind]
    return src.resolved(c.name, kind_of)


def ranked_he_she(src):
    """'he', 'she': the candidate the ranker scores best (the rules' choice is one)."""
    if source_kind(src.low, src.desc) == "he_she":
        return rank(src, "he_she", "ranked_he_she")
    return None


def ranked_description(src):
    """A description no rule named anyone for: the person or organisation the ranker
    scores best, or the description itself."""
    if source_kind(src.low, src.desc) == "description":
        return rank(src, "description", "ranked_description")
    return None


def _with_group_member(speaker: str) -> str | None:
    """The person of a person who speaks with a group ("Hillary Clinton and her surrogates",
    ``persons._with_group``): the name before "and" when a lower-case group follows it."""
    first, sep, rest = speaker.partition(" and ")
    return first if sep and rest[:1].islower() and first[:1].isupper() else None
