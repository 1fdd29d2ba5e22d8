"""States and expectations read as speech cues (issue 28 item 3, commentary17; rounds 1-16 are
development data): round 16's false hits (ECB+ dev, read since it was scored) beside sentences
of the same class from PTC train, ECB+ dev (not the unread pool) and PolNeAR, and sentences of
the same construction that must stay attributions (the judged rounds' gold, PolNeAR's
annotation). Each attribution is given as the tagger gave it (source, cue, content)."""

from __future__ import annotations

import pytest

from conftest import not_speech_rule, span_of


def _rule(text, a):
    from newstrace.extract.cues import not_speech
    from newstrace.extract.quotes import quote_mask

    return not_speech(text, a, quote_mask(text))


# 1. an obligation, no one speaking (PolNeAR train: 3 of 28 annotated)
@pytest.mark.parametrize("text, source, cue, content", [
    # round 16 (ECB+ ef336f182, a film blog post)
    ("The unanimously-praised Lawrence is also contractually obligated to reprise her role as Mystique in a sequel to "
     "last year's X - Men: First Class.", "The unanimously-", "is also contractually obligated",
     "to reprise her role as Mystique in a sequel to last year's X - Men"),
    # PTC train article729940206
    ("As part of her final class, for which she paid almost $1,000, students were required to complete a project "
     "outline last month in which they would compare a social norm in the US and another country.", "", "were required",
     "to complete a project outline last month"),
])
def test_an_obligation_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "raising"


def test_an_obligation_to_disclose_a_quotation_stays():
    # PolNeAR train (usa-today_2015-11-24), annotated there: the quotation is what is disclosed
    text = 'Respondents are obliged to disclose: "When did this person come to live in the United States?"'
    assert not_speech_rule(text, "Respondents", "are obliged to disclose:",
                           '"When did this person come to live in the United States?"') is None


# 2. the first person's certainty (PolNeAR train: 0 of 30 annotated; the judged gold: none)
@pytest.mark.parametrize("text, source, cue, content", [
    # round 16 (ECB+ ed658d7c5, a boxing column)
    ("The fact is that he shouldn't be in the ring at all but this is boxing and I'm sure that the former champion "
     "needs the money and that is why he is risking his life.", "I", "'m sure",
     "that the former champion needs the money and that is why he is risking his life"),
    # PTC train article696694316, article728972961
    ("I’m sure there are plenty of people out there qualified to examine it to see if it’s safe for Trad-Catholic "
     "consumption.", "I", "’m sure", "there are plenty of people out there qualified to examine it"),
    ("I am sure that my seminaries are contributing to the restoration of the Church.", "I", "am sure",
     "that my seminaries are contributing to the restoration of the Church"),
])
def test_the_first_persons_certainty_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "first_person_feeling"


def test_being_convinced_stays():
    # PolNeAR dev (usa-today_2016-09-16), annotated there: a belief, as "I believe"
    text = ("After living in different parts of the world, we are convinced this is the only country in which one can "
            "come from zero, work hard and become anything.")
    assert not_speech_rule(text, "we", "are convinced",
                           "this is the only country in which one can come from zero, work hard and become "
                           "anything") is None


# 3. a feeling with an infinitive or a "to"/"for" object (PolNeAR train: 2 of 37 annotated)
@pytest.mark.parametrize("text, source, cue, content", [
    # round 16 (ECB+ e92d992be, a report)
    ("O'Brien was excited to come back to Philadelphia because of his roots in the city.", "O'Brien", "was excited",
     "to come back to Philadelphia because of his roots in the city"),
    ("Cheeks, who is expected to speak at a press conference today, is excited to be coming back to Philadelphia "
     "because of all the success he enjoyed here as a player.", "", "is excited",
     "to be coming back to Philadelphia because of all the success he enjoyed here as a player"),
    # round 16 (ECB+ e97833732, an advocacy group's post; the tagger's source and content as given)
    ("The Endangered Species Coalition is incredibly grateful to President Obama, Secretary Locke and Secretary "
     "Salazar for their leadership on addressing the urgent environmental issues of species extinction and global "
     "warming.", "President Obama, Secretary Locke and Secretary Salazar for their leadership",
     "is incredibly grateful",
     "on addressing the urgent environmental issues of species extinction and global warming"),
])
def test_a_feeling_with_an_infinitive_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "feeling"


def test_a_feeling_with_a_clause_stays():
    # PolNeAR train (wash-post_2016-04-07), annotated there
    text = ("The Mexican government is worried that Trump's rhetoric and wider anti-Mexican sentiment could hurt "
            "foreign investment.")
    assert not_speech_rule(text, "The Mexican government", "is worried",
                           "that Trump's rhetoric and wider anti-Mexican sentiment could hurt foreign investment") is None


# 4. seeing a thing, "ever" an adverb beside the cue
def test_seeing_a_thing_ever_is_perception():
    # round 16 (ECB+ ed658d7c5)
    text = ("It was the only time that I have ever seen a three punch combo downstairs and was probably the first for "
            "Bowe.")
    assert not_speech_rule(text, "I", "have ever seen", "a three punch combo downstairs") == "perception"


def test_ever_said_with_a_clause_stays():
    # the same construction with a verb of saying and a clause
    text = ("It was the only time that I have ever said that a three punch combo downstairs was probably the first "
            "for Bowe.")
    assert not_speech_rule(text, "I", "have ever said",
                           "that a three punch combo downstairs was probably the first for Bowe") is None


# 5. the writer's hedge in the impersonal passive with a modal
@pytest.mark.parametrize("text, source, cue, content", [
    # round 16 (ECB+ ed658d7c5; the judged gold: the writer's, not counted)
    ("The only defeat on Bowe's record was a loss to Evander Holyfield in 1993, but it can be argued that he was "
     "well on his way to losing both fights with Andrew Golota in 1996.", "but it can be", "argued",
     "that he was well on his way to losing both fights with Andrew Golota in 1996"),
    ("It can even be argued that Bowe lost to Zumbrun.", "It can even be", "argued", "that Bowe lost to Zumbrun"),
])
def test_it_can_be_argued_is_the_writers(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "raising"


def test_a_thing_it_stays():
    # PolNeAR train (breitbart_2016-05-03), annotated there: "it" is the thing mocked, no modal
    text = "And it is being mocked in the media as usual."
    assert not_speech_rule(text, "And it is being", "mocked", "in the media as usual") is None


# 6. a concession: "no matter what X says" (PolNeAR train: 0 of 5 annotated)
def test_no_matter_what_they_say_is_a_concession():
    # round 16 (ECB+ ec24848f3)
    text = "No matter what the stats say, Philly looks and plays slower this season."
    assert not_speech_rule(text, "the stats", "say", "Philly looks and plays slower this season") == "concession"


def test_no_matter_how_many_times_people_told_him_stays():
    # PolNeAR train (breitbart_2016-05-04): the telling happened
    text = ("A guy just won the Republican nomination for president by spending no money, hiring no pollsters, running "
            "virtually no TV ads, and just saying what he truly believed no matter how many times people told him he "
            "couldn’t say that.")
    assert not_speech_rule(text, "many times people", "told", "he couldn’t say that") is None


# 7. shown a thing, no one saying it
def test_shown_the_door_is_no_speech():
    # round 16 (ECB+ e92d992be)
    text = "Cheeks returns as Sixers' fixer Jim O'Brien was shown the door after a single tumultuous season."
    assert not_speech_rule(text, "", "shown", "the door") == "perception"


def test_shown_saying_stays():
    # PolNeAR train (huff-post_2016-01-02): a caption, the candidate shown discussing his plan
    text = ("The GOP presidential candidate is shown discussing his plan to temporarily ban Muslims from entering the "
            "United States.")
    assert not_speech_rule(text, "", "is shown",
                           "discussing his plan to temporarily ban Muslims from entering the United States") is None


# 8. a title conferred, in the passive (PolNeAR train: 1 of 6 annotated; the judged conventions)
@pytest.mark.parametrize("text, cue, content", [
    # round 16 (ECB+ ed8cdac00)
    ("The lanky Australian, who was recently named People magazine's Sexiest Man Alive, is best known for playing "
     "Wolverine in the \"X-Men\" franchise.", "was recently named", "People magazine's Sexiest Man Alive"),
    # ECB+ dev ed55a0be2, e2cc3bfc9
    ("Yes, Jackman was just named People's Sexiest Man Alive, and yes, he is Wolverine of \"X-Men\".",
     "was just named", "People's Sexiest Man Alive"),
    ("The larger boat, a 10-metre dhow, is named the Salahaddin.", "is named", "the Salahaddin"),
])
def test_a_title_conferred_is_no_speech(text, cue, content):
    assert not_speech_rule(text, "", cue, content) == "appointment"


def test_named_and_hyped_stays():
    # round 16's gold (ECB+ ed658d7c5) counts it: the fighter talked up
    text = ("Chris Arreola has been named and hyped incredibly but would probably give an effort before being stopped "
            "in a round or two.")
    a = span_of(text, "", "has been named", "Chris Arreola")
    assert _rule(text, a) is None


# 9. a participle before its noun, its article taken for a source
def test_a_participle_before_its_noun_is_no_cue():
    from newstrace.extract.base import SpanAttribution

    # round 16 (ECB+ ef336f182)
    text = ("So with by far the biggest hit in its history, Lionsgate is naturally keen to continue the series with "
            "Catching Fire, the already announced adaptation of Suzanne Collins's novel.")
    i = text.index("the already announced")
    a = SpanAttribution([(i, i + 3)], [(i + 4, i + 21)], [(i + 22, len(text) - 1)])
    assert text[i + 22:len(text) - 1] == "adaptation of Suzanne Collins's novel"
    assert _rule(text, a) == "garbage"
    text = "The unanimously-praised Lawrence is also contractually obligated to reprise her role."
    assert not_speech_rule(text, "The unanimously-", "praised", "Lawrence") == "garbage"


@pytest.mark.parametrize("text, source, cue, content", [
    # the judged gold of rounds 1-13 counts both (PTC article735815173, article786731884): a source
    # the tagger cut short, an article alone, away from its cue or before a clause
    ("The congressman wasn’t sure why the ADL wrote that he had been misquoted in his praise for the anti-Semite, and "
     "said he wasn’t sure if someone from his office had told the ADL he was misquoted.", "The", "said",
     "he wasn’t sure if someone from his office had told the ADL he was misquoted"),
    ("A last key point, the said, is to ridicule the enemy.", "the", "said", "is to ridicule the enemy"),
])
def test_an_article_for_source_elsewhere_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 10. the message named, nothing of it said
def test_announcing_the_decision_names_the_message():
    # round 16 (ECB+ e97833732)
    text = "The Department of Interior sent out this press release announcing the decision today."
    assert not_speech_rule(text, "this press release", "announcing", "the decision today") == "named_speech"


@pytest.mark.parametrize("text, source, cue, content", [
    # PolNeAR train (wash-post_2016-01-20), annotated there: where and when it was announced
    ("In the six months since announcing her decision in New York, Fiorina had waged a cross-country charm offensive, "
     "flying 100,000 miles to sell the merger to HP's big investors.", "Fiorina", "announcing",
     "her decision in New York"),
    # round 16's gold (ECB+ e97833732): what was announced
    ("Interior Secretary Ken Salazar and Commerce Secretary Gary Locke announced the restoration of rules under the "
     "Endangered Species Act.", "Interior Secretary Ken Salazar and Commerce Secretary Gary Locke", "announced",
     "the restoration of rules under the Endangered Species Act"),
])
def test_an_announcement_with_its_content_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 11. an expectation of a thing (a convention conflict: the judged gold counts none, PolNeAR's
# annotators 4 of 9; the spans for its scorer keep them)
@pytest.mark.parametrize("text, source, cue, content", [
    # round 16 (ECB+ ef336f182, ec24848f3)
    ("Having delivered a critically acclaimed, zeitgeist-tapping event movie, Ross is doubtless expecting a bigger "
     "figure for Catching Fire, but will Lionsgate pay it?", "Ross", "is doubtless expecting",
     "a bigger figure for Catching Fire"),
    ("\"Ed just wasn't seeing any progress,\" the source said, and Stefanski expected more from a team that had signed "
     "free agent Elton Brand to an $82 million deal and re-signed core players Iguodala and Williams for $80 million "
     "and $25 million, respectively.", "Stefanski", "expected",
     "more from a team that had signed free agent Elton Brand to an $82 million deal"),
])
def test_an_expectation_of_a_thing_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "expectation"


@pytest.mark.parametrize("text, source, cue, content", [
    # rounds 1-13's gold (PTC article111111123): a state of affairs expected
    ("Democratic party chairman Ken Martin said last week he expected the investigation to conclude soon.", "he",
     "expected", "the investigation to conclude soon"),
    # PolNeAR train (politico_2015-11-24), annotated there
    ("Many observers expect the Environmental Protection Agency to dial back the mandate — requiring refiners to use "
     "fewer gallons of ethanol than Congress had demanded when it created the program’s current version in 2007.",
     "Many observers", "expect", "the Environmental Protection Agency to dial back the mandate"),
])
def test_expecting_a_state_of_affairs_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 12. a decision made is an act, as "decided" is
def test_making_a_decision_is_no_speech():
    # rounds 1-13 (PTC article771655795, a commentary; the tagger's content)
    text = ("Wilson made the decision to go all in on the project, dropping out of law school at the University of "
            "Texas, as if to confirm his belief that technology supersedes law.")
    assert not_speech_rule(text, "Wilson", "made the decision",
                           "to confirm his belief that technology supersedes law") == "decision"


def test_making_the_case_stays():
    # the same construction with a noun of speech: PolNeAR train (nyt_2016-07-26), annotated there
    text = "They have made the case that she is too close to Wall Street banks."
    assert not_speech_rule(text, "They", "have made the case", "that she is too close to Wall Street banks") is None


# 13. a modal over two coordinated verbs, the second a cue: saying that has not happened (as
# "will call it …" alone; PolNeAR train: 1 of 6 annotated)
def test_a_modal_over_a_coordinated_cue_is_hypothetical():
    # round 16 (ECB+ e7966f165, a law firm's blog post)
    text = ("A personal injury attorney might review a hit-and-run accident case and suggest seeking punitive "
            "damages.")
    assert not_speech_rule(text, "A personal injury attorney", "suggest", "seeking punitive damages") == "hypothetical"


def test_a_past_coordinated_cue_stays():
    # PolNeAR train (wash-post_2016-06-29), annotated there: the same construction, no modal
    text = ("Presumptive Democratic presidential nominee Hillary Clinton called on Congress to pass a deal and said "
            "funding is needed.")
    assert not_speech_rule(text, "Presumptive Democratic presidential nominee Hillary Clinton", "said",
                           "funding is needed") is None


# 14. failing to do it, adverbs on either side of "to"
def test_failing_to_really_understand_is_negated():
    # round 16 (ECB+ e64c3ae47, a report)
    text = "The Sixers also failed to really understand O'Brien's defense, a sticking point even in the postseason."
    assert not_speech_rule(text, "The Sixers", "also failed to really understand", "O'Brien's defense") == "negated"


def test_an_adverb_before_an_acknowledgement_stays():
    # PolNeAR train (wash-post_2015-11-24), annotated there: "also" before a cue, no failing
    text = ("Both sides have also acknowledged that addressing the problems in the complicated tax code will take "
            "time, which will become more difficult as the presidential election draws near.")
    assert not_speech_rule(text, "Both sides", "have also acknowledged",
                           "that addressing the problems in the complicated tax code will take time") is None
