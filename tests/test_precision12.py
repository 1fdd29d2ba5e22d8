"""Precision and citations on the judged PTC rounds (issue 28 items 3-4, precision11): one
test per class of error, each with real sentences: those of judged round 11 (development
since it was scored) that the class was read from, beside sentences of the same class from
PTC train articles no round judged and from PolNeAR train (found by grep, so that no rule
is fitted to one sentence), and sentences of the same words that stay."""

import pytest

from newstrace.extract import attribution_conventions
from newstrace.extract.base import SpanAttribution
from newstrace.extract.citations import extract_citations
from newstrace.extract.furniture import drop_furniture
from newstrace.extract.headlines import drop_headline, headline_span
from newstrace.extract.nested import nested_attributions
from newstrace.extract.quotes import quote_mask
from conftest import not_speech_rule, span_of




# 1. an act on a thing whose noun phrase carries a relative clause with its own verb
@pytest.mark.parametrize("text, source, cue, content", [
    # judged round 11 (PTC article999001033, article762200179)
    ("He points to specific campaign promises Gillum has made, including raising the corporate tax rate, "
     "before admitting they are lies.",
     "He", "points to", "specific campaign promises Gillum has made, including raising the corporate tax rate, "
     "before admitting they are lies"),
    ("The report focuses on $5.7 billion from Iranian oil sales that were frozen in Oman's Bank Muscat.",
     "The report", "focuses on", "$5.7 billion from Iranian oil sales that were frozen in Oman's Bank Muscat"),
    # PTC train, not judged (article778139122)
    ("It describes the tsunami of vindictive personal abuse that has been heaped upon Julian from well-known "
     "journalists, many claiming liberal credentials.",
     "It", "describes", "the tsunami of vindictive personal abuse that has been heaped upon Julian from well-known "
     "journalists, many claiming liberal credentials"),
    # PolNeAR train (politico_2016-07-02_sanders-california-supporters-ca, nyt_2015-12-09_terrorists-mock-bids-to-block-th)
    ("Activists here point to a number of factors that are fanning the embers.",
     "Activists here", "point to", "a number of factors that are fanning the embers"),
    ("They point to technology that has successfully eradicated large swaths of child pornography on the web.",
     "They", "point to", "technology that has successfully eradicated large swaths of child pornography on the web"),
])
def test_a_thing_with_a_relative_clause_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "thing_object"


@pytest.mark.parametrize("text, source, cue, content", [
    # a clause after a noun of saying is what was said, not a relative clause
    ("He pointed to reports that Trump had lied.", "He", "pointed to", "reports that Trump had lied"),
    # judged rounds 1-10 count it (PTC article697959084): "in which" and a subject
    ("Jeff then describes a scene in which he and his wife were walking through the main lobby when screams and "
     "gunfire erupted.",
     "Jeff", "then describes", "a scene in which he and his wife were walking through the main lobby when screams "
     "and gunfire erupted"),
])
def test_a_clause_after_the_noun_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 2. the first person's feelings and hopes
@pytest.mark.parametrize("text, source, cue, content", [
    # judged round 11 (PTC article698092698) and rounds 1-10 (article999000312, article774145019)
    ("I realize that in the heat of a shooting, particularly a mass shooting, it may take time for a clear "
     "timeline to develop.",
     "I", "realize", "that in the heat of a shooting, particularly a mass shooting, it may take time for a clear "
     "timeline to develop"),
    ("But I fear that state control of propaganda may be such that this massive “Big Lie” will never be "
     "overturned.",
     "I", "fear", "that state control of propaganda may be such that this massive “Big Lie” will never be "
     "overturned"),
    ("I’m kind of surprised there’s been this much angst over this press conference.",
     "I", "’m kind of surprised", "there’s been this much angst over this press conference"),
    # PTC train, not judged (article999001619), and PolNeAR train (usa-today_2016-06-08_party-unity-is-a-two-way-street)
    ("I hope the story [maligning Assange] turns out true.", "I", "hope", "the story [maligning Assange] turns out true"),
    ("I hope he keeps doing it.", "I", "hope", "he keeps doing it"),
    # the writer naming a thing (judged round 11, PTC article111111122)
    ("And yes, I call it the cut-of-his-jib test quite deliberately.",
     "I", "call", "it the cut-of-his-jib test quite deliberately"),
])
def test_the_first_persons_feelings_are_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "first_person_feeling"


@pytest.mark.parametrize("text, source, cue, content", [
    # the judged rounds count these (PTC article774145019, article111111122); a quoted request stays
    ("So if you care about actual actions, I think there’s a lot to be happy about.",
     "I", "think", "there’s a lot to be happy about"),
    ("I've argued that too much disclosure is required.", "I", "'ve argued", "that too much disclosure is required"),
    ("“I encourage you to come forward, to make a report to law enforcement,” the bishop said.",
     "I", "encourage", "you to come forward, to make a report to law enforcement"),
    # a third person's fear is reported (judged PTC article706501640)
    ("He fears that it could evolve into something far more dangerous.",
     "He", "fears", "that it could evolve into something far more dangerous"),
])
def test_beliefs_arguments_requests_and_others_fears_stay(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 2b. the writer's present appeal, outside quotations
@pytest.mark.parametrize("text, source, cue, content", [
    # PTC train, not judged (article737194975, article782086447): the columnist's own appeal
    ("I urge you to order one for yourself and one (at least) for your friends and kinfolk.",
     "I", "urge", "you to order one for yourself and one (at least) for your friends and kinfolk"),
    ("I implore everyone, especially Bishops, to speak up in order to defeat this conspiracy of silence that is so "
     "widespread.",
     "I", "implore", "everyone, especially Bishops, to speak up in order to defeat this conspiracy of silence that is "
     "so widespread"),
    # judged rounds 11 (PTC article761546223) and 12 (article790483991; development since scored)
    ("I encourage all parents looking at alternatives to government schools —alternatives that provide children "
     "with a well-rounded education that introduces them to the history and ideas of liberty — to go to "
     "RonPaulCurriculum.com for more information about my homeschooling program.",
     "I", "encourage", "all parents looking at alternatives to government schools"),
    ("The faithful deserve to know.\nI would like to make a special appeal to Cardinal Ouellet.",
     "I", "would like", "to make a special appeal to Cardinal Ouellet"),
])
def test_the_writers_present_appeal_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "writers_appeal"


@pytest.mark.parametrize("text, source, cue, content", [
    # a quoted speaker's appeal (PolNeAR train, politico_2016-01-05_republicans-blast-obama-after-no)
    ("“I strongly urge the [Democratic People’s Republic of Korea] to implement fully its international "
     "obligations,” he said.",
     "I", "strongly urge", "the [Democratic People’s Republic of Korea] to implement fully its international "
     "obligations"),
    # the writer's past appeal is reported (a third person's too: judged PTC article732154721)
    ("I urged the committee to act.", "I", "urged", "the committee to act"),
    ("Orbán encouraged citizens to give life to more children.", "Orbán", "encouraged",
     "citizens to give life to more children"),
])
def test_quoted_and_past_appeals_stay(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


def test_a_feeling_inside_a_quotation_is_not_nested():
    # judged round 11 (PTC article111111131): "I hope …" is not counted, "I think …" is
    t = '"I hope it will be eventually. I think our whole relationship is going to be different," Trump said.'
    found = [(t[a.cue[0][0]:a.cue[0][1]]) for a in nested_attributions(t, [], quote_mask(t))]
    assert found == ["think"]


def test_what_i_believe_to_be_is_no_clause():
    # PTC article723844295 (judged) and article723823436 (PTC train, the same speech reported)
    t = ('"Like I said, nothing adds up, but I’m just telling you, I have received what I feel to be and believe to be '
         'credible evidence of a possible terrorist nexus," the sheriff said.')
    assert [t[a.cue[0][0]:a.cue[0][1]] for a in nested_attributions(t, [], quote_mask(t))] == []
    t = '"I believe that the count was fair, and I thought to ask," the mayor said.'
    assert [t[a.cue[0][0]:a.cue[0][1]] for a in nested_attributions(t, [], quote_mask(t))] == ["believe"]


# 3. an announcement that is the act it names
@pytest.mark.parametrize("text, source, cue, content", [
    # judged rounds (PTC article111111122, article111111115)
    ("But in the end, he announced his resignation in the wake of the scandal.", "he", "announced",
     "his resignation in the wake of the scandal"),
    # PolNeAR train (huff-post_2015-12-22_of-the-most-powerful-things-lati, huff-post_2016-01-12_tuesday-s-morning-email-presiden)
    ("Donald Trump announced his presidential candidacy in June.", "Donald Trump", "announced",
     "his presidential candidacy in June"),
    ("Media titan Rupert Murdoch announced his engagement to former supermodel Jerry Hall.",
     "Media titan Rupert Murdoch", "announced", "his engagement to former supermodel Jerry Hall"),
])
def test_an_announced_act_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "announced_act"


@pytest.mark.parametrize("text, source, cue, content", [
    # judged rounds 1-10 count these (PTC article773748383, article111111134, article111111131)
    ("In 2013, he announced his successful design of a plastic gun.", "he", "announced",
     "his successful design of a plastic gun"),
    ("The Trump campaign announced Manafort’s hire on March 29, 2016.", "The Trump campaign", "announced",
     "Manafort’s hire on March 29, 2016"),
    ("Trump announced he would end the regular military exercises.", "Trump", "announced",
     "he would end the regular military exercises"),
])
def test_other_announcements_stay(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 4. a video player's titles and the headline repeated as the first line
def test_a_video_players_titles_are_furniture():
    # judged round 11 (PTC article762200179)
    t = ("To access the rials, Iran wanted to convert them.\nJUST WATCHED Pompeo lays out US list of demands for Iran "
         "Replay More Videos ... MUST WATCH Pompeo lays out US list of demands for Iran 02:40\nThe report says so.")
    a = span_of(t, "WATCH Pompeo", "lays out", "US list of demands for Iran 02:")
    kept = span_of(t, "The report", "says", "so")
    assert drop_furniture(t, [a, kept]) == [kept]


def test_the_headline_repeated_as_first_line_is_the_headline():
    # judged round 11 (PTC article999001033)
    title = ("Caught on video: Gillum staffer makes racist statements and admits campaign is lying to voters")
    t = (title + "\n\n" + title + "\nIn the latest Project Veritas midterm election sting, staffers working for "
         "Florida Democratic candidate Andrew Gillum are caught on camera.")
    copy = t.index(title, 10)
    cue = t.index("admits", copy)
    a = SpanAttribution([(copy + 17, copy + 31)], [(cue, cue + 6)], [(cue + 7, len(t))])
    assert drop_headline(t, [a], headline_span(t, title)) == []
    assert attribution_conventions(t, [a], title) == []


# 5. citations: an apposition to the outlet's kind, a reference line, Project Veritas
def _cited(text):
    return [(c.outlet, c.cue, text[c.span[0]:c.span[1]]) for c in extract_citations(text)]


def test_an_outlet_in_apposition_and_its_later_mentions():
    # judged round 11 (PTC article731513824)
    t = ("The official diocesan newspaper, KirchenZeitung, announced on February 9 that homosexual couples were "
         "invited.\nAs the KirchenZeitung journalist adds: “This offer can be accepted.”\n"
         "The KirchenZeitung then quotes a commentary, saying:")
    assert _cited(t) == [("KirchenZeitung", "announced", "KirchenZeitung"), ("KirchenZeitung", "adds", "KirchenZeitung"),
                         ("KirchenZeitung", "quotes", "KirchenZeitung")]
    # Wikinews 2019 (the shared corpus): "One news site, Znak.com, claims …"
    t = "One news site, Znak.com, claims FSB sources have ascribed the explosion to a bomb."
    assert _cited(t) == [("Znak.com", "claims", "Znak.com")]


def test_a_person_of_the_outlet_is_no_citation():
    # PolNeAR train (nyt_2016-02-20_for-pope-it-s-bigger-than-trump-)
    t = ("Giovanni Maria Vian, the editor in chief of the Vatican's official newspaper, L'Osservatore Romano, said "
         "every pope was both religious and political.")
    assert _cited(t) == []


def test_a_reference_line_names_the_source():
    # judged round 11 (PTC article761968851, article698092698)
    t = "“Blue-collar pay growth now exceeds 4%…”\nCan it last?, The Economist, Magazine, November 14th 2017\nMore."
    assert _cited(t) == [("The Economist", "reference", "The Economist")]
    t = "the now infamously botched Vegas investigation:\nOctober 13, 2017, Legal Insurrection\n\nPolice and hotel"
    assert _cited(t) == [("Legal Insurrection", "reference", "Legal Insurrection")]
    # a credit with an author stays a credit (PTC article702111021); a place, a day or a table is no outlet
    t = "“That’s it.” U.S. Judge Wrestles With Issue, by Scott Malone, Reuters, October 20, 2017\nHe"
    assert _cited(t) == [("Reuters", "credit", "Reuters")]
    for line in ("WASHINGTON, DC, April 28, 2009", "Published 12:17 am, Monday, September 16, 2013",
                 "Source: BLS, The Employment Situation-May 2018, Table A-7, June 1, 2018."):
        assert _cited("Title\n\n" + line + "\nThe Obama administration said so.") == []


def test_an_outlets_sting_and_video():
    # judged round 11 (PTC article999001033) and PTC train (article999000136)
    t = "In the latest Project Veritas midterm election sting, staffers were caught on camera."
    assert _cited(t) == [("Project Veritas", "sting", "Project Veritas")]
    t = "In a new undercover video from Project Veritas, Omar Smith says so."
    assert _cited(t) == [("Project Veritas", "video from", "Project Veritas")]
    # PolNeAR train/dev: a topic between the outlet and its poll
    t = "The latest Reuters/Ipsos opinion poll released Friday shows a lead."
    assert _cited(t)[0][:2] == ("Reuters", "poll")
    # a verb between is no topic ("Politifact did a fact-check", "Time created a poll")
    assert _cited("Time created a poll on its website.") == []
