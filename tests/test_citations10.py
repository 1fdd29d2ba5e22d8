"""Citations missed or wrongly found on the judged PTC rounds 1-10 (issue 28 item 4), one
class a test, each with the real sentence (PTC articles of the judged rounds; the precision
guards from PolNeAR and ECB+ dev texts). Each case failed on the code before (main
3805d82), except the guards, which hold a right answer the new rules must not lose."""

from __future__ import annotations

import pytest

from newstrace.extract.citations import _fullest_name, extract_citations


def _cited(text: str) -> list[tuple[str, str, str, str]]:
    return [(c.outlet, c.cue, c.kind, text[c.span[0]:c.span[1]]) for c in extract_citations(text)]


# a reposted piece's header: headline, byline, outlet, date
@pytest.mark.parametrize("sentence, expected", [
    ("“Federal prosecutors reviewing altered election documents tied to Florida Democrats,” by Matt Dixon, "
     "Politico, November 14, 2018:\nTALLAHASSEE — The Florida Department of State last week asked",
     ("Politico", "credit", "media", "Politico")),
    ("“UK ambassador conveys concerns over Trump retweet to White House,” by Rowena Mason, Guardian, "
     "November 30, 2017:\n…Chris Bryant, a senior Labour backbencher, has written to",
     ("The Guardian", "credit", "media", "Guardian")),
    ("AUTHORITIES PUT BRAKES ON INFORMATION FLOW IN LAS VEGAS SHOOTING By Rachel Crosby Las Vegas "
     "Review-Journal, October 26, 2017: Fifty-eight people killed.",
     ("Las Vegas Review-Journal", "credit", "media", "Las Vegas Review-Journal")),
    ("Police identify suspect in death of 2 Ohio police officers by SARAH WYNN, WSYX/WTTE Saturday, "
     "February 10th 2018 COLUMBUS, Ohio (WSYX/WTTE) - The Westerville",
     ("WSYX", "credit", "media", "WSYX")),
    ("The Latest: Police identify suspect in 2 officers' shootings By The Associated Press WESTERVILLE, "
     "Ohio — Feb 10, 2018 Police in Ohio have identified",
     ("Associated Press", "by", "media", "The Associated Press")),
])
def test_bylines_of_reposted_pieces(sentence, expected):
    assert expected in _cited(sentence)


# a block introduced as an outlet's, and reprint credits that name the writer
@pytest.mark.parametrize("sentence, expected", [
    ("America's Immigration Voice.\n\nFrom TPM:\nThe Photo That Never Saw The Light of Day",
     ("Talking Points Memo", "from", "media", "TPM")),
    ("accusations against Kavanaugh?\nMore from the Washington Times:\nSen. Dianne Feinstein",
     ("The Washington Times", "more from", "media", "Washington Times")),
    ("This article was originally published by Tyler Durden at Zero Hedge\nBeing the paragon",
     ("Zero Hedge", "originally published at", "media", "Zero Hedge")),
    ("A report from RT tells the tale:\nThe Central American migrant caravan",
     ("RT", "report from", "media", "RT")),
])
def test_blocks_and_reprints(sentence, expected):
    assert expected in _cited(sentence)


# cues the frames before did not cover
@pytest.mark.parametrize("sentence, expected", [
    # the cue after the outlet's clause, inverted
    ("he received a new MAGA hat signed by the president himself, reported The Daily Wire.",
     ("The Daily Wire", "reported", "media", "The Daily Wire")),
    # a relative clause between the outlet and its verb
    ("The Guardian, which did not identify the sources for its reporting, said that Manafort met with Assange",
     ("The Guardian", "said", "media", "The Guardian")),
    # more verbs of reporting
    ("The New York Times hypothesized that this was done, in part, to avoid the kind of conflicts",
     ("The New York Times", "hypothesized", "media", "The New York Times")),
    # the outlet's journalist in an -ing form; an interview as "sat down with"
    ("Here’s The Federalist’s Mollie Hemingway explaining:\nOur relationship with Russia",
     ("The Federalist", "explaining", "media", "The Federalist")),
    ("Hillary Clinton sat down with Recode’s Kara Swisher this weekend to answer questions",
     ("Recode", "sat down with", "media", "Recode")),
    # an appearance with words between it and "on"; an episode of a programme
    ("During an appearance with Tucker Carlson on Fox, Rep. Scott Perry (R-Pa.) said he’s seen credible evidence",
     ("Fox News", "appearance on", "media", "Fox")),
    ("“Tumbling is an unusual state of rotation,” Fraser said during Sunday’s episode of the BBC’s "
     "long-running Sky at Night show.", ("BBC", "episode of", "media", "BBC")),
    # what was told between the verb and "to"; a title in quotation marks
    ("the officers who stormed Stephen Paddock’s hotel room revealed new details to 60 Minutes that finally explain",
     ("CBS News", "revealed new details to", "media", "60 Minutes")),
    ("Palermo, who has done various interviews since the attack, appeared on “The Blast” with a series of comments",
     ("The Blast", "appeared on", "media", "The Blast")),
    # "reports by" with no article; a piece of a kind "on" the outlet
    ("the man also pulled his hair while taking the hat, according to reports by News4SA.",
     ("News4SA", "according to reports by", "media", "News4SA")),
    ("“ignores the clear Revelation of God,” Cordes wrote in a response on kath.net.",
     ("kath.net", "wrote in a response on", "media", "kath.net")),
])
def test_cue_frames(sentence, expected):
    assert expected in _cited(sentence)


# local stations by their brand and channel; spaCy's person tag does not hide them
@pytest.mark.parametrize("sentence, expected", [
    ("because one of them wore a “Make American Great Again” hat, KENS5 reported.\nThe hats have become",
     ("KENS5", "reported", "media", "KENS5")),
    ("I didn’t think it would blow up to what it is now,” he said to News-4 San Antonio.",
     ("News-4 San Antonio", "said to", "media", "News-4 San Antonio")),
    # a guard (found before too): a network's channel with no space, from ECB+ dev
    ('"They had argued, from what I was told, they argued," Dorsey told NBC10\'s Rosemary Connors',
     ("NBC10", "told", "media", "NBC10")),
])
def test_station_brands(sentence, expected):
    assert expected in _cited(sentence)


def test_station_brand_is_spacy_person_still_cited():
    from newstrace.extract.nlp import analyse

    text = ("The woman claimed a man became extremely angry at her teenage son and his group of friends "
            "because one of them wore a “Make American Great Again” hat, KENS5 reported.\nThe hats")
    assert [(c.outlet, c.cue) for c in extract_citations(text, doc=analyse(text))] == [("KENS5", "reported")]


def test_a_station_takes_the_fullest_name_the_article_gives():
    text = ("atop it.\nFox 5 reports:\nSAN DIEGO -- People on the Mexican side of the border could be seen."
            "\nSTORY: http://via.kswbtv.com/Ky5E4 Posted by FOX 5 San Diego on Tuesday, November 13, 2018")
    assert ("FOX 5 San Diego", "reports", "media", "Fox 5") in _cited(text)
    assert _fullest_name("Fox 5 reports: the wall.", "Fox 5") == "Fox 5"


# outlets the table lacked, named in PTC's reprint credits and frames
@pytest.mark.parametrize("sentence, expected", [
    ("Oddly, as soon as some of the victims left Cuba, they stopped hearing noises.\n–SHTFPlan\nThe mysterious",
     ("SHTFplan", "credit", "media", "SHTFPlan")),
    ("Now it’s Trump’s turn.\nArticle posted with permission from The Free Thought Project\n",
     ("The Free Thought Project", "posted with permission from", "media", "The Free Thought Project")),
    ("As The American Mirror’s Kyle Olsen concludes so eloquently, Hillary Clinton appears to benefit",
     ("The American Mirror", "concludes", "media", "The American Mirror")),
    ("in Bethesda, Md., according to the NYDN, which claims to have obtained the letter on Friday.",
     ("New York Daily News", "according to", "media", "NYDN")),
    ("“You may not like the hat,” Gavino Zarate, secretary of the Harris County Green Party told Heavy.\n",
     ("Heavy", "told", "media", "Heavy")),
])
def test_outlets_added_to_the_table(sentence, expected):
    assert expected in _cited(sentence)


# platforms where something was said or posted (the convention since round 5's correction)
@pytest.mark.parametrize("sentence, expected", [
    ("President Donald Trump has taken to Twitter in order to call upon Attorney General Jeff Sessions",
     ("Twitter", "taken to", "platform", "Twitter")),
    ("Senator Patrick Leahy, a Democrat of Vermont, suggested on Twitter that the president’s directive",
     ("Twitter", "suggested on", "platform", "Twitter")),
    ("On their Facebook page, they wrote, “…We have since terminated this employee",
     ("Facebook", "page", "platform", "Facebook")),
    ("About the clip, on Facebook, Zakkout wrote above it, “Makes a lot of sense!”",
     ("Facebook", "on", "platform", "Facebook")),
])
def test_platforms_where_something_was_said(sentence, expected):
    assert expected in _cited(sentence)


def test_an_ambiguous_platform_name_speaking_is_no_citation():
    # Rumble is a bar here; Facebook is where it spoke
    text = "you are welcomed here!” Rumble said on Facebook that Jimenez worked as a “part-time door guy.”"
    assert _cited(text) == [("Facebook", "said on", "platform", "Facebook")]
    # a PolNeAR sentence: "in a Medium post" stays a citation of the platform
    text = "while Jeb Bush in a Medium post said he would put more conservative judges on the court"
    assert _cited(text) == [("Medium", "post", "platform", "Medium")]


# precision guards: what the new frames must not take
@pytest.mark.parametrize("sentence", [
    "The blast killed two people on Monday.",
    "He said he would move to a new job by the end of the year.",
    "Heavy fighting was reported in the north, officials said.",
    "From the start, the campaign said it would not comment.",
    "The report from the inspector general said the agency failed.",
    "She explained the decision to the committee on Tuesday.",
])
def test_frames_that_cite_no_outlet(sentence):
    assert _cited(sentence) == []
