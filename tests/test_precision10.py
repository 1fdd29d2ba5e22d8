"""Judged PTC rounds 1-10 (issue 28, item 3): the error classes fixed after round 10 was
scored, one test per class with the real sentences of the judged articles (round 10 is
development data since; docs/extraction.md, "Round 10")."""

from __future__ import annotations

import pytest

from newstrace.extract import attribution_conventions
from newstrace.extract.cues import not_speech
from newstrace.extract.noun_clauses import noun_clauses
from newstrace.extract.quotes import quote_mask
from newstrace.records import SpanAttribution


def _at(text: str, words: str, start: int = 0) -> list[tuple[int, int]]:
    i = text.index(words, start)
    return [(i, i + len(words))]


def _rule(sentence: str, source: str, cue: str, content: str | list[str]) -> str | None:
    contents = [content] if isinstance(content, str) else content
    frags = [f for c in contents for f in _at(sentence, c)]
    a = SpanAttribution(_at(sentence, source) if source else [], _at(sentence, cue), frags)
    return not_speech(sentence, a, quote_mask(sentence))


@pytest.mark.parametrize("sentence, source, cue, content, rule", [
    # acts of making public or naming, with a thing for object
    ("So to that end, Gun Owners of America has released the recent voting records of your congressman and "
     "senators.", "Gun Owners of America", "has released",
     "the recent voting records of your congressman and senators", "thing"),
    ("The problem with this latest fabrication is that Moreno had already released the visitor logs to the "
     "Mueller inquiry.", "Moreno", "had already released",
     "the visitor logs to the Mueller inquiry", "thing"),
    ("The Westerville Division of Police has identified the suspect in the death of two Westerville police "
     "officers as Quentin Lamar Smith.", "The Westerville Division of Police", "has identified",
     "the suspect in the death of two Westerville police officers as Quentin Lamar Smith", "thing"),
    # beginning an act
    ("The hospitals have also begun implementing preventative measures with attempts to stall the spread of "
     "the bacterial infection.", "The hospitals", "also begun",
     "implementing preventative measures with attempts to stall the spread of the bacterial infection", "thing"),
    # a demand for a thing
    ("said Las Vegas attorney Maggie McLetchie, who represents the Las Vegas Review-Journal and The Associated "
     "Press in their November action demanding the release of the reports.",
     "Maggie McLetchie", "demanding", "the release of the reports", "request_for_thing"),
    # a decision to act
    ("Clark County Nevada Coroner John Fudenberg has determined to defy a court order from a district court "
     "judge to release the autopsy report of Las Vegas shooter Stephen Paddock.",
     "Clark County Nevada Coroner John Fudenberg", "has determined",
     "to defy a court order from a district court judge to release the autopsy report of Las Vegas shooter "
     "Stephen Paddock", "commitment"),
    # questions held, not put
    ("Several representatives were curious about two FBI agents and one lawyer the IG report had not named.",
     "Several representatives", "were curious about",
     "two FBI agents and one lawyer the IG report had not named", "inquiry"),
    # the writer's own question
    ("My question is; how big of a leap would it be for a normal, rational adult to go from confronting "
     "administration officials to attacking the people who elected them to power?", "My", "question is",
     "how big of a leap would it be for a normal, rational adult to go from confronting administration "
     "officials to attacking the people who elected them to power?", "rhetorical_question"),
    # speech named, not said
    ("The tension in the room increased as Patel told more jokes in this vein until organizers of the event "
     "went up on stage to stop him, citing a change in program plans.", "Patel", "told", "more jokes",
     "named_speech"),
    ("The media has been hanging on every word the President says and arguing that his rhetoric is proof "
     "positive that he is some kind of Russian mole.", "the President", "says", "every word", "named_speech"),
    ("They spent several minutes answering specific questions.", "They", "spent several minutes answering",
     "specific questions", "named_speech"),
])
def test_predicates_that_report_no_speech(sentence, source, cue, content, rule):
    assert _rule(sentence, source, cue, content) == rule


def test_a_content_in_pieces_is_read_without_the_cue_between():
    # "was ordered" lies between the content's two pieces: its "was" is no verb of the content
    text = ("The coroner was ordered on January 11 to pay nearly $32,000 in legal costs to the Review-Journal "
            "because it refused to release public records.")
    assert _rule(text, "", "was ordered", ["The coroner", "to pay nearly $32,000 in legal costs to the "
                                           "Review-Journal"]) == "thing"
    text = "Later, a special counsel, Robert S. Mueller III, was appointed to carry out the investigation."
    assert _rule(text, "", "was appointed", ["a special counsel, Robert S. Mueller III,",
                                             "to carry out the investigation"]) == "thing"


def test_declining_to_say_is_saying_held_back():
    text = "Rep Mark Meadows asked if the two FBI agents were Kevin Clinesmith and Sally Moyer, which the IG declined to confirm."
    assert _rule(text, "the IG", "declined", ["which", "to confirm"]) == "negated"


@pytest.mark.parametrize("sentence, source, cue, content", [
    # the same verbs with a clause, a quotation or an evaluation stay
    ("Immediately upon learning of the altercation, the bar announced that it had fired Jimenez because they "
     "believed such behavior was immoral, uncalled for, and not in keeping with Rumble’s welcoming personality.",
     "the bar", "announced", "that it had fired Jimenez because they believed such behavior was immoral, "
     "uncalled for, and not in keeping with Rumble’s welcoming personality"),
    ("Top Congressional Democrats Nancy Pelosi, Chuck Schumer, Adam Schiff and Mark Warner penned a joint letter "
     "to ODNI Director Dan Coates, Deputy AG Rod Rosenstein and FBI Director Christopher Wray demanding that the "
     "agencies defy President Trump.", "Top Congressional Democrats", "demanding",
     "that the agencies defy President Trump"),
    # PolNeAR dev: a demand that someone do something, and an act whose object speaks
    ("Donald Trump is demanding President Barack Obama make a pledge not to pardon Hillary Clinton, who has not "
     "been charged with nor convicted of any kind of crime.", "Donald Trump", "is demanding",
     "President Barack Obama make a pledge not to pardon Hillary Clinton"),
    ("The Clinton campaign released an ad this week showing Trump making remarks viewed by some as disparaging "
     "toward the military, including an attack on Arizona Sen. John McCain.", "The Clinton campaign",
     "released an ad this week showing", "Trump making remarks viewed by some as disparaging toward the military"),
    ("A report made public this week by Spencer Boudreau concluded he could not determine if students who "
     "organized against the three board members had anti-Semitic intentions.",
     "A report made public this week by Spencer Boudreau", "concluded",
     "he could not determine if students who organized against the three board members had anti-Semitic "
     "intentions"),
    ("About 30 minutes into Patel’s set, members of AAA interrupted the performance, denounced his jokes about "
     "racial identities and sexual orientation, and provided him with a few moments for closing remarks.",
     "members of AAA", "denounced", "his jokes about racial identities and sexual orientation"),
    ("Don Lemon thinks things like this, are just fine, and wants these people in the US.", "Don Lemon",
     "thinks", "things like this, are just fine"),
])
def test_reports_with_a_clause_or_an_evaluation_stay(sentence, source, cue, content):
    assert _rule(sentence, source, cue, content) is None


@pytest.mark.parametrize("sentence, source, cue, content", [
    ("Cardinal Paul Josef Cordes criticized fellow German Cardinal Reinhard Marx’s suggestion that Catholic "
     "priests should consider “blessing” same-sex relationships liturgically.", "German Cardinal Reinhard Marx’s",
     "suggestion", "that Catholic priests should consider “blessing” same-sex relationships liturgically"),
    ("Democrats echoed the IG report’s conclusion that there was no bias.", "the IG report’s", "conclusion",
     "that there was no bias"),
    ("To defend his position that remarried persons should be able to receive communion, Faggioli invoked "
     "the case of Germany, where 50 percent of Catholic marriages end in divorce.", "his", "position",
     "that remarried persons should be able to receive communion"),
    ("Wilson made the decision to go all in on the project, dropping out of law school at the University of "
     "Texas, as if to confirm his belief that technology supersedes law.", "his", "belief",
     "that technology supersedes law"),
])
def test_a_noun_of_saying_with_its_owner_and_clause_is_an_attribution(sentence, source, cue, content):
    (found,) = noun_clauses(sentence, [], quote_mask(sentence))
    got = [sentence[s:e] for s, e in found.source + found.cue + found.content]
    assert got == [source, cue, content]
    kept = attribution_conventions(sentence, [])
    assert any(a.cue == found.cue for a in kept)


@pytest.mark.parametrize("sentence", [
    # no owner named: whose statement it is, "said" says
    "O’Malley, the archbishop of Boston, said in the statement that the pope had “given much prayerful "
    "consideration” to the membership of the panel.",
])
def test_a_noun_with_no_owner_or_a_relative_clause_is_left_alone(sentence):
    assert noun_clauses(sentence, [], quote_mask(sentence)) == []


def test_a_cue_right_after_a_quotation_takes_it_whatever_follows_on_its_line():
    # the tagger gave "said Meadows" the next paragraph's quotation (Issa's question)
    from newstrace.extract.trailing_cues import quotes_before_cues

    text = ("“They don’t work in counterintelligence,” said Meadows, who charged that the FBI gave the IG “false "
            "information” and altered key witness reports.\n“How did Comey see the report before it came out?” "
            "Rep. Darrell Issa wanted to know.")
    said = SpanAttribution(_at(text, "Meadows"), _at(text, "said"),
                           _at(text, "“How did Comey see the report before it came out?”"))
    (fixed,) = quotes_before_cues(text, [said])
    assert [text[s:e] for s, e in fixed.content] == ["“They don’t work in counterintelligence,”"]
