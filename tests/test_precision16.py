"""Commentary false hits by class (issue 28 item 3, commentary16; rounds 1-15 are development
data): the judged rounds' sentences (round 15: ECB+ dev, read since it was scored; rounds 1-13:
PTC train), beside sentences of the same class from ECB+ dev (not the unread pool) and PolNeAR
train, and sentences of the same words that must stay attributions (the judged rounds' gold,
PolNeAR's annotation). Each false hit is given as the tagger gave it (source, cue, content)."""

from __future__ import annotations

import pytest

from conftest import not_speech_rule


# 1. the writer assuring the reader, no one speaking (PolNeAR train: 0 of 4 annotated)
@pytest.mark.parametrize("text, source, cue, content", [
    # round 15 (ECB+ eb62255a6, a column)
    ("In the case of Teixeira, rest assured that the Sox want him, no matter what games are being played by club "
     "officials.", "", "rest assured",
     "that the Sox want him, no matter what games are being played by club officials"),
    # round 12 (PTC article700551604)
    ("Make no mistake about it: A deal is about to be made.", "", "Make no mistake about it:",
     "A deal is about to be made"),
])
def test_the_writers_assurance_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "writers_voice"


def test_an_assurance_given_by_someone_stays():
    # round 2's gold (PTC article758812201): "has assured" with its speaker
    text = "“The Chinese government has assured us they are also investigating and taking appropriate measures,” Lee continued."
    assert not_speech_rule(text, "The Chinese government", "has assured",
                           "they are also investigating and taking appropriate measures") is None


# 2. negation in a contraction written in tokens, as ECB+ texts write it
@pytest.mark.parametrize("text, source, cue, content", [
    # round 15 (ECB+ e73bffdaa)
    ("Lionsgate can ’ t hide that they don ’ t have the money, but they have to spend it wisely to ensure the "
     "quality of the franchise continues and Ross could get a good deal out of it.", "Lionsgate", "can ’ t hide",
     "that they don ’ t have the money"),
    # ECB+ dev e3779fd65 (the negation before the cue)
    ("Everybody was just standing there all confused, like they can ’ t believe that this happened over here.",
     "they", "believe", "that this happened over here"),
])
def test_a_spaced_contraction_negates(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "negated"


# 3. a plan made (PolNeAR train: 0 of 1 "made plans" annotated)
def test_a_plan_made_is_no_speech():
    # round 15 (ECB+ e12e59c9a, a report)
    text = ("Los Angeles County Sheriff Lee Baca, who was out of state attending a convention, made plans to return to "
            "Southern California immediately.")
    assert not_speech_rule(text, "Los Angeles County Sheriff Lee Baca", "made plans",
                           "to return to Southern California immediately") == "wish"


# 4. reputations: known, remembered, liked for, no one saying it (the judged gold counts none;
# PolNeAR counts them, and the scorer's spans keep them)
@pytest.mark.parametrize("text, source, cue, content", [
    # round 15 (ECB+ ebaf61781, ee81e1e5b)
    ("Bowe is most remembered for his three fights with Evander Holyfield and two tough bouts with Andrew Golota.",
     "", "is most remembered for", "his three fights with Evander Holyfield and two tough bouts with Andrew Golota"),
    ("It is famed for its palm forests, and its beaches are much loved by tourists and nesting sea turtles.",
     "tourists and nesting sea turtles", "are much loved", "its beaches"),
    # ECB+ dev e5b838cf3 (the be-form inside the cue) and PTC article793921939
    ("The X men star, who is known for his hard body, he has a softer side too.", "who", "is known for",
     "his hard body"),
    ("Born in Egypt and raised in the United States, Powell is well liked by Trump as well as the president’s "
     "daughter Ivanka and son-in-law, Jared Kushner.", "Trump", "is well liked", "Powell"),
])
def test_a_reputation_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "reputation"


def test_knowing_for_a_time_stays():
    # PolNeAR train (west-journal_2016-05-12_washington-post-assembles-a-siza), annotated there
    text = ("While it has been known for some time that this book was in the works, what was not entirely known was "
            "how extensive the research would be or how many staffers had been assigned to the task.")
    assert not_speech_rule(text, "", "it has been known for", "that this book was in the works") is None


# 5. appointments: naming someone to a post (the judged gold counts none; PolNeAR counts them)
@pytest.mark.parametrize("text, source, cue, content", [
    # round 15 (ECB+ e704c78e4, a blog post), round 4 (PTC article793467906)
    ("On Friday, the organization behind the Academy Awards named Australian actor Hugh Jackman as the host of "
     "February's annual show.", "the Academy Awards", "named",
     "Australian actor Hugh Jackman as the host of February's annual show"),
    ("In 2007, Powell was named to the Board of a Hillary Clinton project known as ‘Vital Voices’,another "
     "women-centric operation that touts Global Ambassadorial missions for women.", "", "was named",
     "to the Board of a Hillary Clinton project known as ‘Vital Voices’"),
    # ECB+ dev e9b12973b
    ("Assistant general manager Tony DiLeo was named interim coach.", "", "was named", "interim coach"),
])
def test_an_appointment_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "appointment"


@pytest.mark.parametrize("text, source, cue, content", [
    # round 8's gold (PTC article703806098): naming those behind an attack
    ("It is also important to keep in mind that multiple investigative reports conducted by other alternative "
     "media outlets have actually named government officials and private companies that may be behind the attack "
     "and so far there has been no official denial from either.",
     "multiple investigative reports conducted", "have actually named",
     "government officials and private companies that may be behind the attack"),
    # PolNeAR train (breitbart_2015-12-04): a suspect identified, annotated there
    ("6:45 pm – One of the suspects is named in media reports as Syed Farook.", "media reports", "named",
     "as Syed Farook"),
])
def test_naming_a_suspect_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 6. saying nothing about a thing
def test_saying_nothing_about_is_negated():
    # round 15 (ECB+ eb62255a6)
    text = ("Publicly and privately, the Sox are saying nothing about their interest in Teixeira and playing dumb "
            "every time his name comes up.")
    assert not_speech_rule(text, "the Sox", "are saying nothing about",
                           "their interest in Teixeira and playing dumb every time his name comes up") == "negated"


def test_saying_that_nothing_happened_stays():
    # PolNeAR train (wash-post_2016-03-30): what was said is "nothing happened"
    text = '"This was, in my opinion, made up," Trump told CNN then. "Everybody said nothing happened.'
    assert not_speech_rule(text, "Everybody", "said", "nothing happened") is None


# 7. an indictment is a legal act, as a charge (PolNeAR train: 1 of 16 annotated)
def test_an_indictment_is_an_act():
    # round 14 (ECB+ e1b1ea667); the "charges he took …" is its own attribution (unowned_clauses)
    text = ('Beus was indicted last year on charges he took at least $120,000 of that money for his own "personal and '
            'discretionary use."')
    assert not_speech_rule(text, "", "was indicted last year",
                           'charges he took at least $120,000 of that money for his own "personal and discretionary '
                           'use."') == "thing"
