"""What someone wrote or said speaks for them: "his tweet", "Rubio's press release", "a
report by The Atlantic", "NEOC data", and "the statement" the last speaker spoke in."""

from __future__ import annotations

import re
from dataclasses import replace

from newstrace.extract.speakers import roles
from newstrace.extract.speakers.article import Article
from newstrace.extract.speakers.base import Resolved
from newstrace.extract.speakers.descriptions import fuller_mention
from newstrace.extract.speakers.interviews import in_turn
from newstrace.extract.speakers.names import clean_name, tokens
from newstrace.extract.speakers.pronouns import pronoun
from newstrace.extract.speakers.words import EDGE_PUNCT, PUBLIC_BODY_WORDS, WORKS


def work_author(src):
    """Who wrote or spoke the work that is the source.

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> resolve_one("Marco Rubio wrote to voters. Rubio's press release said he would win.", "Rubio's press release")
    ('Marco Rubio', 'work_author')
    >>> resolve_one("Stocks ran low, according to the News.com.au report.", "the News.com.au report")
    ('News.com.au', 'work_author')
    >>> t = ("According to a survey published in 2017 by the Royal Pharmaceutical Society, 84% of surveyed "
    ...      "Britons did not wash their hands.")
    >>> resolve_one(t, "a survey published in 2017 by the Royal Pharmaceutical Society")
    ('Royal Pharmaceutical Society', 'work_author')
    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = "The Native American Rights Fund filed a lawsuit against Montana. The complaint notes many lack cars."
    >>> resolve_all(t, [("The Native American Rights Fund", "filed"), ("The complaint", "notes")])[-1]
    ('The Native American Rights Fund', 'work_author')
    """
    art, text = src.art, src.text
    # a work the tagger cut before its owner: "A tweet sent from Biden's Twitter account"
    after = _SENT_BY.match(art.text, src.end)
    if after and _A_WORK.fullmatch(src.bare):
        text = f"{src.bare} {after.group('by')}"
    # "a statement posted to his official Twitter account": the account's owner's statement
    posted = _POSTED_TO.fullmatch(src.bare)
    if posted:
        text = f"{posted.group('owner')} {posted.group('work')}"
    # "Part of the judge's statement reads": a span the tagger began at "of"
    if re.match(r"of\s+(?:the|an?)\s", src.bare):
        text = src.bare[3:]
    res = _author(art, text, src.start, src.end, src.previous, src.content, src.history)
    if res is None:
        res = _filer(src)
    if res is None and _A_WORK.fullmatch(src.bare):
        res = _fronted_work_owner(src)
    if res is None:
        res = _work_named_before(src)
    if res is None:
        res = _body_work(src)
    if res is None:
        res = _country_work(src)
    if res is None:
        res = _research_team(src)
    if res is not None and posted:
        res.work = posted.group("work")  # ("It also stated ...": the same statement, ``they_it``)
    return res


_PLATFORMS = ("Twitter", "Facebook", "Instagram", "YouTube", "Weibo")
_A_WORK = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:%s)" % "|".join(WORKS))
_SENT_BY = re.compile(r"\s+(?P<by>(?:sent|posted|released|issued|published)\s+(?:from|by)\s+(?:the\s+)?"
                      r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,5}(?:['’]s?)?(?:\s+(?:%s))?)" % "|".join(
                          ("Twitter account", "Facebook page", "account", "office", "website")))
_POSTED_TO = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?P<work>%s)\s+(?:sent|posted|released|issued|published|shared)\s+"
    r"(?:from|by|to|on|via)\s+(?P<owner>his|her|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}['’]s?)\s+"
    r"(?:official\s+|verified\s+)?(?:%s)?\s*(?:account|page|website|site|feed|channel|blog)" % (
        "|".join(WORKS), "|".join(_PLATFORMS)))
# "In a statement announcing the pick, the Association of Flight Attendants called ...":
# the work of a phrase that opens the sentence is the subject's after the comma
_FRONTED_IN = re.compile(r"(?:^|[.!?\n][\"”’']?\s+)(?:[Ii]n|[Tt]hrough|[Vv]ia)\s+$")


def _fronted_work_owner(src) -> Resolved | None:
    """'In a statement ..., X verb': X, a person or an organisation NER names right after
    the phrase's comma, in the same sentence."""
    art = src.art
    if not _FRONTED_IN.search(art.text, max(0, src.start - 6), src.start):
        return None
    sentence = art.sentence_of(src.start)
    hi = art.sent_starts[sentence + 1] if sentence + 1 < len(art.sent_starts) else len(art.text)
    comma = art.text.find(",", src.end, hi)
    if comma < 0 or art.quoted(src.start):
        return None
    m = re.match(r",\s+(?:the\s+)?", art.text[comma:comma + 8])
    if m is None:
        return None
    for n in art.names:
        if comma < n.start <= comma + m.end() and n.label in ("PERSON", "ORG") and not art.quoted(n.start):
            if re.match(r"['’]s?\s", art.text[n.end:n.end + 3]):
                return None  # "In a statement ..., Trump's campaign said": the campaign's, not Trump's
            if n.label == "PERSON":
                return src.resolved(art.fullest(n.text), "person")
            return src.resolved(re.sub(r"^(?:the|a|an)\s+", "", art.fullest(n.text, "ORG"), flags=re.IGNORECASE), "org")
    return None


# "The website", "The original report": a work again, without its owner
_THE_WORK_AGAIN = re.compile(r"(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:[a-z][\w-]*\s+)?(?P<work>%s|web\s+site|footage)"
                             % "|".join(WORKS))


def _work_named_before(src) -> Resolved | None:
    """'The website', 'The original report': the owner the article gave that work when it
    named it last, in this sentence or the three before ("the USGS website ... The website
    reported", "a report on Wednesday by UpGuard ... The original report was not clear").

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = ("UAE authorities are now said to be contacting the US Geological Survey for details of this "
    ...      "seismic activity, which is already listed on the USGS website, www. earthquake. usgs. gov, under "
    ...      "the section for recent activity (see address below).\\nThe website reported 65 responses from Dubai.")
    >>> resolve_one(t, "The website")
    ('USGS', 'work_author')
    """
    m = _THE_WORK_AGAIN.fullmatch(src.bare)
    if m is None:
        return None
    art = src.art
    noun = m.group("work").split()[-1]
    noun = {"site": "site|website|web site", "website": "website|web site|site", "video": "video|footage",
            "footage": "footage|video"}.get(noun, re.escape(noun))
    # (and 500 characters at least: a web address splits sentences, "www. earthquake. usgs. gov")
    lo = max(0, min(art.sent_starts[max(0, art.sentence_of(src.start) - 4)], src.start - 500))
    # (one that opens a sentence too: "Footage from the City University Student Union showed")
    noun = "|".join(f"(?i:{a[0]}){a[1:]}" for a in noun.split("|"))
    for w in reversed(list(re.finditer(rf"\b(?:{noun})s?\b", art.text[lo:src.start]))):
        at, end = lo + w.start(), lo + w.end()
        if art.quoted(at):
            continue
        if re.search(r"\b[A-Z][\w-]*['’]s\s+[a-z]", art.text[end:src.start]):
            return None  # another's work named since: "Vessel Tracker's database had ...; the website noted"
        line_start = max(art.text.rfind("\n", lo, at), art.text.rfind(". ", lo, at)) + 1
        # the owner before the work ("the USGS website", "Rubio's press release") or after it
        # ("a report on Wednesday by UpGuard", "data from the Gun Violence Archive")
        before = re.search(r"(?:(?:[Aa]n?|[Tt]he)\s+)?(?:\S+\s+){0,4}$", art.text[line_start:at]).group(0)
        after = re.match(r"(?:\s+(?:on|in)\s+\w+)?(?P<by>\s+(?:by|from)\s+(?:the\s+)?[A-Z][\w.&’'-]*"
                         r"(?:\s+(?:of|for|and|the|[A-Z][\w.&’'-]*))*)",
                         art.text[end:end + 120])
        for phrase in ([f"a {w.group(0)}{after.group('by')}"] if after else []) + [
                before[k.start():] + w.group(0) for k in re.finditer(r"(?:^|(?<=\s))\S", before)]:
            phrase = " ".join(phrase.split())
            if phrase.casefold() == src.bare.casefold() or not re.search(r"[A-Z]", phrase):
                continue
            res = _author(art, phrase, src.start, src.end, None)
            if res is not None and res.kind in ("person", "org"):
                return res
        return _spoken_in(src, at, end)  # (only the last mention of the work)
    # further back, the work a speaker spoke in ("Ford said in a financial filing ... In the
    # filing itself Ford also made this point", six sentences before "According to the filing")
    earlier = [w for w in re.finditer(rf"\b(?:{noun})s?\b", art.text[:lo]) if not art.quoted(w.start())]
    if earlier:
        res = _spoken_in(src, earlier[-1].start(), earlier[-1].end())
        # (one the source's paragraph names again: "According to the filing, Ford voluntarily
        # disclosed"; not "Boistard said in a statement" paragraphs before another's "the statement")
        line_end = art.text.find("\n", src.end)
        paragraph = art.text[art.text.rfind("\n", 0, src.start) + 1:line_end if line_end >= 0 else len(art.text)]
        if res is not None and any(re.search(rf"\b{re.escape(w)}\b", paragraph, re.IGNORECASE)
                                   for w in tokens(res.speaker) if len(w) > 2):
            return res
    # "Znak.com further reported ... The website further reported": a site named by its domain
    if m.group("work").split()[-1] in ("site", "website"):
        domains = [d for d in _DOMAIN_IN_TEXT.findall(art.text, lo, src.start)]
        if domains:
            return src.resolved(domains[-1], "org")
    return None


# a work that a speaker of its sentence spoke in: "Ford said in a financial filing", "In the
# filing itself Ford also made this point"
_SAID_IN = re.compile(r"\b(?:said|says|stated|states|wrote|writes|announced|announces|noted|notes|reported|reports|"
                      r"disclosed|discloses|explained|added|revealed|argued|claimed)\s+in\s+"
                      r"(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$")
_FRONTED_WORK = re.compile(r"(?:^|[.!?\n][\"”’']?\s+)In\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$")


def _spoken_in(src, at: int, end: int) -> Resolved | None:
    """The work named again ("the filing") is the one a speaker of the sentence that named it
    last spoke in: that speaker, a person or an organisation already resolved, before the
    work ("Ford said in their filing") or after it where the work opens the sentence ("In the
    filing itself Ford also made this point").

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = ("Ford Motor Company announced an inquiry. Ford said in their filing the matter was narrow. "
    ...      "According to the filing, Ford told regulators in February.")
    >>> resolve_all(t, [("Ford Motor Company", "announced"), ("Ford", "said"), ("the filing", "")])[-1]
    ('Ford Motor Company', 'work_author')
    """
    art = src.art
    sentence = art.sentence_of(at)
    lo = art.sent_starts[sentence]
    hi = art.sent_starts[sentence + 1] if sentence + 1 < len(art.sent_starts) else len(art.text)
    spoke = [h for h in src.history if h.speaker and h.kind in ("person", "org") and lo <= h.position < src.start]
    if _SAID_IN.search(art.text, lo, at):
        before = [h for h in spoke if h.position < at]
        if before:
            return src.resolved(before[-1].speaker, before[-1].kind)
    elif _FRONTED_WORK.search(art.text, max(0, lo - 3), at):
        after = [h for h in spoke if end <= h.position < hi]
        if after:
            return src.resolved(after[0].speaker, after[0].kind)
    return None


_DOMAIN_IN_TEXT = re.compile(r"\b[A-Z][\w-]*(?:\.[a-z]{2,4})+\b")


_THE_FILING = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]heir|[Ii]ts)\s+(?:[\w-]+\s+)?"
                         r"(?P<kind>complaint|lawsuit|suit|petition)")
_FILED = re.compile(r"\b(?:filed|brought|lodged)\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,2}?"
                    r"(?P<kind>complaint|lawsuit|suit|petition)\b")


_THE_RULING = re.compile(r"(?:[Tt]he|[Tt]his|[Ii]ts|[Hh]is|[Hh]er)\s+(?:[\w-]+\s+)?(?:ruling|judgment|judgement|verdict)")
_RULED = re.compile(r"\b(?:ruled|issued\s+(?:a|an|the|its|his|her)\s+(?:[\w-]+\s+){0,2}?(?:ruling|judgment|judgement|verdict))\b")


def _filer(src) -> Resolved | None:
    """'The complaint', 'the lawsuit': who filed it, a speaker the article gave that act
    ("the American Civil Liberties Union of Montana and Native American Rights Fund filed a
    lawsuit against the state ... The complaint notes ...")."""
    # (and "the ruling", "the judgment": the court or judge who ruled)
    bare = re.sub(r"^(?:[Aa]ccording\s+to|[Uu]nder|[Ii]n)\s+", "", src.bare)
    if _THE_FILING.fullmatch(bare):
        acts = _FILED
    elif _THE_RULING.fullmatch(bare):
        acts = _RULED
    else:
        return None
    art = src.art
    filed = [m for m in acts.finditer(art.text, 0, src.start) if not art.quoted(m.start())]
    if not filed:
        return None
    at = filed[-1].start()
    sentence = art.sentence_of(at)
    for earlier in reversed(src.history):
        if earlier.kind in ("person", "org", "description") and earlier.position < at \
                and art.sentence_of(earlier.position) == sentence:
            return Resolved(earlier.speaker, earlier.kind, src.start, [])
    return None


# "Biden's Twitter (account)": the account on a platform speaks for its owner
_AUTHORED = re.compile(
    # (a body's name may keep its "the": "the WHO's situation report")
    r"(?P<owner>his|her|[Mm]y|[Oo]ur|[Yy]our|(?:[Tt]he\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w&-]*(?:['’]s?)|[Tt]he\s+[a-z]+['’]s)\s+"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:%s|%s)" % ("|".join(WORKS), "|".join(_PLATFORMS)))
_OWNER_KINDS = ("newspaper", "magazine", "daily", "website", "agency", "broadcaster", "office", "account",
                "Twitter account", "Facebook page")
_OUTLET_KINDS = ("newspaper", "magazine", "daily", "website", "agency", "broadcaster")
# "a Twitter post by Amy Cook", "data from the Gun Violence Archive", "a report by The Atlantic"
_WORKS_BY = re.compile(
    r"(?i:(?:(?:a|an|the|this|that|one|another)\s+)?(?:[\w-]+\s+){0,3}?(?:%s|report|reports|data|study|analysis|"
    r"poll|survey|figures|filing|website|site|page|feed|channel|averages|estimates|footage)\s+"
    r"(?:(?:released|issued|published|put\s+out|sent|posted|measured|compiled|conducted|commissioned)\s+"
    r"(?:(?:in|on|last)\s+(?:\d{4}|[A-Z][a-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?)\s+)?)?"  # "published in 2017 by"
    r"(?:by|from|of)\s+(?:the\s+)?)"
    # (eight words: "the reports by Johns Hopkins Center for Systems Science and Engineering")
    r"(?P<owner>[A-Z][\w.&’'-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w.&’'-]*)){0,8}(?:\s+police)?)"
    # the owner's kind after its name ("Ethnos newspaper"), its office ("Erdogan's office")
    r"(?:\s+(?P<kind>%s))?" % ("|".join(WORKS), "|".join(_OWNER_KINDS)))

# "Estimates by the Argentinian government", "reports from the ministry of internal affairs
# of Belarus": a public body in lower case, after "the", as the owner
_WORKS_BY_BODY = re.compile(
    r"(?i:(?:(?:a|an|the|this|that|one|another)\s+)?(?:[\w-]+\s+){0,3}?(?:%s|report|reports|data|study|analysis|"
    r"poll|survey|figures|estimates)\s+"
    r"(?:(?:released|issued|published|put\s+out|compiled|conducted)\s+)?(?:by|from|of)\s+)"
    r"(?P<owner>the\s+(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}?(?P<head>%s)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3}?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?)"
    % ("|".join(WORKS), "|".join(sorted(PUBLIC_BODY_WORDS - {"police"}))))

# "a March 14, 2019 NATO press release", "NEOC data", "a Quinnipiac University poll": the
# owner's name right before the work
_OWNERS_WORK = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+)?(?:[\w,]+\s+){0,4}?"
    r"(?P<owner>(?!(?:The|A|An|This|That|These|Those|Its|His|Her|Their)\b)[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})\s+"
    r"(?:press\s+release|release|report|data|poll|survey|study|analysis|filing|statement|website|web\s+site)")
# "The statement", and "in a statement", "in its letter", "with a short video", "wrote a
# heartfelt letter", "released a statement"
_THE_WORK = re.compile(r"(?:[Tt]he|[Tt]hat|[Tt]his)\s+(%s)" % "|".join(WORKS))
# "Their statement", "its report": the work of a body that just put one out (a person's "his
# statement" is ``pronoun``'s, by the owner's gender)
_THEIR_WORK = re.compile(r"(?:[Tt]heir|[Ii]ts)\s+(%s)" % "|".join(WORKS))
_RELEASED_A_WORK = re.compile(r"\b(?:issued|released|sent|put\s+out)\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(%s)\b"
                              % "|".join(WORKS))
# a statement and a (press) release are one work: "the military said in a statement ... the release said"
_SAME_WORK = {"release": "statement"}
_SAID_IN_A_WORK = re.compile(r"\bsaid\s+in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(statement|release)\b")
# a body described in lower case that speaks for itself: "the Indian military", "the ministry"
# (with the place or body it is of: "the government of American Samoa")
_A_BODY = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:%s)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
                     % "|".join(sorted(PUBLIC_BODY_WORDS)))
_IN_A_WORK = re.compile(
    r"\b(?:[Ii]n|[Ww]ith|[Tt]hrough|wrote|issued|released|sent|published|posted|penned)\s+"
    r"(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(%s)\b" % "|".join(WORKS))


def _author(art: Article, source: str, start: int, end: int, previous: Resolved | None,
            content=(), history=()) -> Resolved | None:
    """'his tweet', "Rubio's press release", 'a report by The Atlantic': who wrote it.

    >>> from newstrace.extract.speakers.testing import resolve_all
    >>> t = ("The government of American Samoa issued a statement agreeing the issue should be decided by "
    ...      "Congress. Their statement also read that citizenship was a matter for the people.")
    >>> resolve_all(t, [("The government of American Samoa", "issued"), ("Their statement", "also read")])[-1]
    ('the government of American Samoa', 'work_author')
    """
    text = " ".join(source.split()).strip(EDGE_PUNCT)
    the = _THE_WORK.fullmatch(text) or _THEIR_WORK.fullmatch(text)
    # the last speaker, else one of the two before it ("... released a statement saying ...
    # A spokesperson told ... the statement read")
    for k, earlier in enumerate(reversed(history[-3:] if history else [previous] if previous else [])):
        if not the or earlier.kind not in ("person", "org", "description") or not 0 <= start - earlier.position < 1500 \
                or (earlier.kind == "person" and the.re is _THEIR_WORK) \
                or (earlier.kind == "description" and not _A_BODY.fullmatch(earlier.speaker or "")):
            continue
        # "In a statement ..., the Association of Flight Attendants called ... The statement
        # also referenced ...", "Exxon Mobil contended in its letter ... The letter also
        # accuses": the work the last speaker was just said to speak in (not "The Times said
        # Cook provided a written statement ... the statement said")
        sentence = art.sentence_of(earlier.position)
        lo = art.sent_starts[sentence]
        hi = art.sent_starts[sentence + 1] if sentence + 1 < len(art.sent_starts) else len(art.text)
        # (before the last: one it put out, or spoke in: "the military said in a statement")
        puts_out = (_IN_A_WORK,) if k == 0 else (_RELEASED_A_WORK, _SAID_IN_A_WORK)
        kind = _SAME_WORK.get(the.group(1), the.group(1))
        if _SAME_WORK.get(earlier.work, earlier.work) == kind \
                or any(_SAME_WORK.get(m.group(1), m.group(1)) == kind
                       for p in puts_out for m in p.finditer(art.text, lo, hi)):
            # (and "the statement" again after "The statement also said": the same one)
            return Resolved(earlier.speaker, earlier.kind, start, [], work=the.group(1))
    # (its date is no part of it: "the WHO's situation report dated March 16")
    m = _AUTHORED.fullmatch(text) or _AUTHORED.fullmatch(_WHEN.sub("", text))
    body = None if m else _WORKS_BY_BODY.fullmatch(_trim_apposition(text))
    if body:
        return Resolved(body.group("owner"), "org", start, [])
    if not m:
        m = _WORKS_BY.fullmatch(_trim_apposition(text)) or _WORKS_BY.fullmatch(text.split(",", 1)[0].strip()) \
            or _OWNERS_WORK.fullmatch(_WHEN.sub("", text))
        if not m or not m.group("owner")[:1].isupper():
            return None
    owner = re.sub(r"^[Tt]he\s+(?=[A-Z])", "", m.group("owner"))
    owner = re.sub(r"['’]s?$", "", owner) if owner[:1].isupper() else owner  # "PG&E's"
    # "a statement released by Erdogan's office", "a tweet sent from Biden's Twitter account"
    owner = re.sub(r"['’]s?\s+(?:office|%s)$" % "|".join(_PLATFORMS), "", owner)
    # "NEOC data": the National Emergency Operation Centre's
    if owner in art.abbreviations or owner in art.initials:
        return Resolved(art.abbreviations.get(owner) or art.initials[owner], "org", start, [])
    if owner.casefold() in ("my", "our", "your"):  # "our findings", an interviewer's "your release"
        return in_turn(art, start, second_person=owner.casefold() == "your")
    of_the = re.fullmatch(r"[Tt]he\s+([a-z]+)['’]s", m.group("owner"))
    if of_the:  # "the judge's statement": the judge's
        noun = of_the.group(1)
        person = roles._role_person(art, "the " + noun, start)
        if person:
            return Resolved(person, "person", start, [])
        named = _named_with(art, noun)  # "The hotel's website": the "Hotel Arpit Palace" the article names
        return Resolved(named, "org", start, []) if named else None
    if owner in ("his", "her"):
        res = pronoun(art, "he" if owner == "his" else "she", start, previous, content)
        return res if res.kind == "person" else None
    if re.search(r"\s(?:and|&)\s+(?:the\s+)?[A-Z]", owner):  # "a poll conducted by the New York Times and ABC News"
        return Resolved(re.sub(r"^(?:the|a|an)\s+", "", clean_name(owner), flags=re.I), "org", start, [])
    for o in art.outlets:  # "a recent report by The Atlantic"
        if o.outlet and start <= o.start and o.end <= end and tokens(o.outlet)[-1:] == tokens(owner)[-1:]:
            return Resolved(o.outlet, "org", start, [])
    name = clean_name(owner)
    person = art.person_full(name)
    if person:
        return Resolved(person, "person", start, [])
    org = art.fullest(name, "ORG")
    if any(n.label == "ORG" and tokens(n.text) == tokens(org) for n in art.names):
        return Resolved(org, "org", start, [])
    # "A statement from Surrey police"; "published by Ethnos newspaper" (a name NER left
    # untagged, said to be an outlet by the word after it)
    if _DOMAIN.fullmatch(owner) or owner.endswith(" police") \
            or (m.groupdict().get("kind") in _OUTLET_KINDS and re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}", owner)):
        return Resolved(owner, "org", start, [])
    return None


def _named_with(art: Article, noun: str) -> str | None:
    """The one name of two words or more, outside the headline, that has ``noun`` as a
    capitalised word: "the hotel" of an article that names "The Hotel Arpit Palace".

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = ("The Hotel Arpit Palace in the Karol Bagh area of New Delhi caught fire yesterday morning. "
    ...      "The hotel's website estimated 120 people were in the building.")
    >>> resolve_one(t, "The hotel's website")
    ('Hotel Arpit Palace', 'work_author')
    """
    word = noun[:1].upper() + noun[1:]
    found = set()
    for m in re.finditer(rf"(?:\b[A-Z][\w'’&-]*\s+){{0,3}}\b{re.escape(word)}\b(?:\s+[A-Z][\w'’&-]*){{0,3}}", art.text):
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group(0))
        if len(name.split()) >= 2 and not art.in_headline(m.start()) and not art.quoted(m.start()):
            found.add(name)
    return found.pop() if len(found) == 1 else None


def _trim_apposition(text: str) -> str:
    """'a Twitter post by Amy Cook, director of the ... event' -> 'a Twitter post by Amy
    Cook'; 'a report from ABC Australia on March 3' -> 'a report from ABC Australia'."""
    return _WHEN.sub("", text.split(",", 1)[0].strip())


_WHEN = re.compile(r"\s+(?:on|in|last|this|from|dated)\s+(?:(?:%s)\b|\d).*$" % "|".join(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December".split()))
# a web outlet NER leaves unnamed, known by its domain ("the News.com.au report")
_DOMAIN = re.compile(r"[A-Z][\w-]*(?:\.[a-z]{2,4})+")


# "the government statement", "A government order": the work of the body the noun names,
# named as the article names it nearby ("the government of Burundi")
_BODY_WORK = re.compile(r"(?:[Tt]he|[Aa]n?)\s+(?P<body>[a-z]+)\s+(?:%s|order|decree)" % "|".join(WORKS))


def _body_work(src) -> Resolved | None:
    """'The government statement', 'a government order': the body's, as ``fuller_mention``
    names "the government" there ("the government of Burundi", "the Samoan government")."""
    m = _BODY_WORK.fullmatch(src.bare)
    if m is None or m.group("body") not in PUBLIC_BODY_WORDS:
        return None
    res = fuller_mention(replace(src, text=f"the {m.group('body')}"))
    return res if res is not None and res.speaker else None


# a country's work: "The Turkish statement", "the US statement"
_COUNTRY_WORK = re.compile(r"(?:[Tt]he|[Aa]n?)\s+(?P<place>[A-Z][\w.]*)\s+(?:government\s+)?(?:%s)" % "|".join(WORKS))


def _country_work(src) -> Resolved | None:
    """'The Turkish statement', 'the US statement': the country's, as the article names it:
    the one place whose name opens as the adjective does ("Turkish", "Turkey") or whose
    initials the abbreviation is ("US", "the United States").

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = ("Then both nations issued statements speaking of an imminent incursion into northeast Syria, and "
    ...      "the US statement spoke of Turkey assuming the duty. The United States withdrew its troops.")
    >>> resolve_one(t, "the US statement")
    ('United States', 'work_author')
    """
    m = _COUNTRY_WORK.fullmatch(src.bare)
    if m is None:
        return None
    art, place = src.art, m.group("place").rstrip(".")
    letters = place.replace(".", "")
    places = {re.sub(r"^[Tt]he\s+", "", n.text) for n in art.names if n.label == "GPE" and not art.in_headline(n.start)}
    if letters.isupper() and 2 <= len(letters) <= 4:  # "US", "U.S", "UK": a place's initials
        found = {p for p in places if len(p.split()) == len(letters)
                 and "".join(w[0] for w in p.split()) == letters}
    elif len(place) >= 5:  # "Turkish": a place that opens with its first four letters
        found = {p for p in places if len(p) >= 4 and p[:4] == place[:4] and p != place}
    else:
        return None
    return src.resolved(found.pop(), "org") if len(found) == 1 else None


# a research work: "the study", "the hypothesis of the report", "The research"
_RESEARCH_WORK = re.compile(r"(?:(?:the|its|their)\s+(?:[a-z]+\s+)?"
                            r"(?:hypothesis|conclusions?|results?|findings)\s+of\s+)?"
                            r"(?:the|this|that|their|a|an)?\s*(?:new\s+|latest\s+|recent\s+)?"
                            r"(?:study|research|findings|paper|report|survey|analysis)", re.IGNORECASE)
# the research group it is by: "researchers from the University of Washington and Stanford
# University", "a team from the University of Hawaii at Mānoa (UH Mānoa) and the University of
# Southern California (USC)"
_RESEARCH_GROUP = re.compile(
    r"\b(?:(?:[Aa]n?|[Tt]he)\s+)?(?:(?!(?:by|from|of|with|for|to|and|said|says)\b)[\w-]+\s+){0,2}?"
    r"(?:team\s+of\s+(?:[a-z]+\s+)?(?:scientists|researchers|archaeologists|astronomers)\b"
    r"|(?:team|researchers|scientists)\s+(?:of\s+[a-z]+\s+)?(?:from|at)\s+"
    r"(?:the\s+)?[A-Z][\w'’-]*(?:(?:\s+\([A-Z][^()]{0,20}\))?\s+(?:(?:of|at|the|and|for|in|de)\s+)*[A-Z][\w'’-]*)*"
    r"(?:\s+\([A-Z][^()]{0,20}\))?)")


def _research_team(src) -> Resolved | None:
    """'the study', 'the hypothesis of the report': the research group the article named
    as the work's author before it ("a report by a team from the University of Hawaii at
    Mānoa (UH Mānoa) and the University of Southern California (USC)"), a group in lower case
    that ``_work_named_before`` does not read as a name.

    (Not a group only said to have published it: "scientists ... published a study ... The
    study found" was judged the study itself in round 5, and the team in rounds 7 and 15;
    the convention is not settled, so the rule keeps to a work named with "by" its group.)

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = ("The journal published a report by a team from the University of Hawaii at Manoa, saying the "
    ...      "bloom was new. According to the hypothesis of the report, the microbes grew.")
    >>> resolve_one(t, "the hypothesis of the report")
    ('a team from the University of Hawaii at Manoa', 'work_author')
    """
    if not _RESEARCH_WORK.fullmatch(src.bare):
        return None
    art = src.art
    found = None
    for w in _WORK_BY.finditer(art.text, 0, src.start):
        g = _RESEARCH_GROUP.match(art.text, w.end())
        if g and not art.quoted(g.start()):
            found = g
    if found is None:
        return None
    group = re.sub(r"\s+\([^()]*\)", "", found.group(0))
    return src.resolved(re.sub(r"^[Tt]he\s+", "the ", group), "description")


_WORK_BY = re.compile(r"\b(?:study|report|paper|research|findings|analysis|survey)\s+(?:published\s+)?by\s+")


def office_of(src):
    """'his office', 'her office': the office of the person the pronoun stands for, as
    "Elijah Cummings's office" (one's office speaks for one, and is not one).

    >>> from newstrace.extract.speakers.testing import resolve_one
    >>> t = "Representative John Smith died on Thursday in Baltimore. His death was announced by his office."
    >>> resolve_one(t, "his office")
    ("John Smith's office", 'office_of')
    """
    m = re.fullmatch(r"(his|her)\s+office", src.bare, re.IGNORECASE)
    if m is None:
        return None
    res = pronoun(src.art, "he" if m.group(1).casefold() == "his" else "she", src.start, src.previous, src.content)
    if res.kind != "person" or not res.speaker or " and " in res.speaker:
        return None
    return src.resolved(f"{res.speaker}'s office", "org")
