"""False hits of all judged rounds by class (issue 28 items 3-4, precision15; rounds 1-14 are
development data): one test per class, with real sentences: the rounds' (PTC train for rounds
1-13, ECB+ dev for round 14's commentary), beside sentences of the same class from PolNeAR
train or dev (found by grep; not annotated there), and sentences of the same words that must
stay attributions (the judged rounds' gold, PolNeAR's annotation). Citations: the outlets and
frames the rounds missed, and the outlet table read from its data file."""

from __future__ import annotations

import pytest

from newstrace.extract.base import SpanAttribution
from newstrace.extract.citations import extract_citations
from newstrace.extract.cues import not_speech
from newstrace.extract.hearsay import hearsay
from newstrace.extract.nested import nested_attributions
from newstrace.extract.quotes import quote_mask
from newstrace.outlets import OUTLETS, OUTLETS_DATA, _read_outlets
from conftest import not_speech_rule


# 1. the writer bidding the reader: an imperative opening a sentence or a clause after ", and"
@pytest.mark.parametrize("text, source, cue, content", [
    # judged round 7 (PTC article703821117), round 6 (article711716996)
    ("Ask yourself: If someone has just assassinated the president of the United States, is he really going to "
     "take the time to hide the rifle?", "", "Ask",
     "If someone has just assassinated the president of the United States, is he really going to take the time to "
     "hide the rifle"),
    ("But here’s another example, a small but important one: Recall that Oswald supposedly hid the rifle before he "
     "headed down the steps from the sixth floor of the school book depository.", "", "Recall",
     "that Oswald supposedly hid the rifle before he headed down the steps from the sixth floor of the school book "
     "depository"),
    ("87 is the average Indonesian IQ , and note that average includes the higher average Chinese, so the locals "
     "really are a dull lot.", "87", "note", "that average includes the higher average Chinese"),
    # PolNeAR dev (usa-today_2016-09-29_can-you-imagine-if-trump-were-a-; not annotated there)
    ("Perhaps go a step further, and ask would you vote for an African American or Hispanic, man or woman, who said "
     "and did the same things as  Trump.", "you", "ask",
     "would you vote for an African American or Hispanic, man or woman"),
])
def test_the_writer_bidding_the_reader_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "writers_voice"


@pytest.mark.parametrize("text, source, cue, content", [
    # PolNeAR train (usa-today, Sanders): "recall" with its subject before it
    ("Sanders wants voters to recall that he took a rare and unpopular stand against the Iraq war when Clinton voted "
     "for it.", "voters", "recall", "that he took a rare and unpopular stand against the Iraq war"),
    # judged round 2's gold (PTC article770956434)
    ("At the Hammonds’ original sentencing, the judge noted that they are respected in the community.",
     "the judge", "noted", "that they are respected in the community"),
])
def test_recalling_and_noting_with_a_subject_stay(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 2. anyone at all for speaker
@pytest.mark.parametrize("text, source, cue, content", [
    # judged round 1 (PTC article706661242), round 7 (article703821117)
    ("Anyone who still thinks that political, intellectual, demographic and material factors are what really "
     "matter to history, and to society, ought to get with the multiculturalist/Identity Politics program.",
     "who", "still thinks", "that political, intellectual, demographic and material factors are what really matter "
     "to history, and to society"),
    ("And smear anyone who questions the official narrative as a “communist sympathizer” or a “conspiracy "
     "theorist.”", "who", "questions",
     "the official narrative as a “communist sympathizer” or a “conspiracy theorist.”"),
])
def test_anyone_at_all_is_no_speaker(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "hypothetical"


def test_a_named_speakers_who_stays():
    # judged round 1's gold (PTC article999000158)
    text = ("Keith Ellison (D-MN), aka Hakim Muhammad, recently defended his ties to Nation of Islam leader Louis "
            "Farrakhan, who recently paralleled Jews with termites.")
    assert not_speech_rule(text, "who", "recently paralleled", "Jews with termites") is None


# 3. evidence named as such, with a verb of suggesting
@pytest.mark.parametrize("text, source, cue, content", [
    # judged rounds (PTC article762152527, article790665855, article999001033, article703821117)
    ("If Ryan is correct, an investigation will show it; but the current evidence suggests he is wrong.",
     "the current evidence", "suggests", "he is wrong"),
    ("While Kavanaugh may be an ostensible supporter of the Second Amendment, his record indicates that he all but "
     "cannot stand the Fourth and he’s not that big a fan of the First either.",
     "his record", "indicates", "that he all but cannot stand the Fourth"),
    ("The video evidence confirms that Gillum is lying to Florida voters.",
     "The video evidence", "confirms", "that Gillum is lying to Florida voters"),
    ("The circumstantial evidence overwhelmingly establishes that Oswald was working for U.S. intelligence.",
     "The circumstantial", "overwhelmingly establishes", "that Oswald was working for U.S. intelligence"),
    ("At a press conference immediately after the president died, two treating physicians stated that the other "
     "wound — the one in the front of Kennedy’s neck — was an entry wound, which implied that Kennedy had been hit "
     "by another shot fired from the front.",
     "which", "implied", "that Kennedy had been hit by another shot fired from the front"),
])
def test_evidence_that_suggests_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "evidence"


@pytest.mark.parametrize("text, source, cue, content", [
    # what evidence and documents show or prove, the judged rounds' gold counts (PTC article999000312,
    # article695833178)
    ("My friend William Binney, probably the world’s greatest expert on electronic surveillance, former Technical "
     "Director of the NSA, has stated that it is impossible the DNC servers were hacked, the technical evidence "
     "shows it was a download to a directly connected memory stick.",
     "the technical evidence", "shows", "it was a download to a directly connected memory stick"),
    ("Moreover, against public law, the coroner has still not released the autopsy report for “Stephen Paddock” "
     "after an Intellihub article definitively proved the body recovered in Mandalay Bay room 32-135 was not "
     "Paddock’s.", "an Intellihub article", "definitively proved",
     "the body recovered in Mandalay Bay room 32-135 was not Paddock’s."),
])
def test_evidence_that_shows_or_a_document_that_proves_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 4. cases counted, not reported speech
@pytest.mark.parametrize("text, source, cue, content", [
    # judged rounds (PTC article698719689, article754179642)
    ("Of Madagascar’s 114 districts, 35 have reported cases of plague, including at least 10 cities.",
     "35", "have reported", "cases of plague"),
    ("All the cases were reported from a clinic at Ilkoko Iponge, located about 30 kilometres (20 miles) from "
     "Bikoro, where treatment capacities are limited, the WHO said.", "a clinic", "were reported", "All the cases"),
])
def test_cases_counted_are_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "counted"


def test_cases_counted_in_pieces():
    # judged round 3 (PTC article698719689): the content in two pieces around the cue
    text = ("Of the 684 cases reported as of October 12, 474 were the pneumonic plague, 156 bubonic and 1 "
            "septicemic plague.")
    i = text.index("reported")
    a = SpanAttribution([], [(i, i + 8)], [(0, text.index(" reported")), (text.index(", 474") + 1, len(text) - 1)])
    assert not_speech(text, a, quote_mask(text)) == "counted"


@pytest.mark.parametrize("text, source, cue, content", [
    # the judged rounds' gold counts officials reporting infections (PTC article700387229, article698719689)
    ("Officials have reported infections in 17 of the island nation’s 22 regions since the outbreak started in "
     "August.", "Officials", "have reported",
     "infections in 17 of the island nation’s 22 regions since the outbreak started in August"),
    ("This year, health officials report the infections started much earlier than usual, and they’re occurring in "
     "new areas, including urban settings.", "health officials", "report",
     "the infections started much earlier than usual"),
])
def test_officials_reporting_infections_stay(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 5. certainty, likelihood and deeds with no one speaking
@pytest.mark.parametrize("text, source, cue, content", [
    # judged rounds (PTC article703821117, article711566593, article754179642)
    ("While the CIA has never revealed the names of the people it targeted for assassination, there is little "
     "doubt that Arbenz, the president, was at the top of the list.",
     "", "is little doubt", "that Arbenz, the president, was at the top of the list"),
    ("Should that happen, Garcia Zarate has already proved five times that anybody can get away with violating "
     "U.S. immigration law.", "Garcia Zarate", "has already proved five times",
     "that anybody can get away with violating U.S. immigration law"),
    ("That outbreak killed more than 11,300 people out of nearly 29,000 registered cases, according to WHO "
     "estimates, although the real figure is thought to be significantly higher.",
     "", "thought", "to be significantly higher"),
    ("It would be safe to assume that the CIA continued developing and expanding on the assassination principles "
     "enunciated in that early assassination manual.", "", "to assume",
     "that the CIA continued developing and expanding on the assassination principles enunciated in that early "
     "assassination manual"),
    # PolNeAR train (not annotated there)
    ("And while I currently have no plans to endorse a candidate before Florida's March presidential primary, "
     "there is no doubt that Donald is a man who speaks and tweets his mind freely.",
     "", "is no doubt", "that Donald is a man who speaks and tweets his mind freely"),
])
def test_certainty_and_deeds_are_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "raising"


def test_a_thought_held_stays():
    # judged round 5's gold (PTC article111111122)
    text = ("He sometimes praises Kavanaugh, but also let it be known that he thought the nominee had performed badly "
            "in his Fox News interview.")
    assert not_speech_rule(text, "he", "thought", "the nominee had performed badly in his Fox News interview") is None


# 6. a passive act whose subject is all the content
@pytest.mark.parametrize("text, source, cue, content", [
    # judged rounds (PTC article727569885, article703056647, article754179642)
    ("Iranian material breaches of the JCPOA were all but ignored while Iran’s ballistic missile program was "
     "allowed to proceed at full speed.", "", "were all but ignored", "Iranian material breaches of the JCPOA"),
    ("The tradition has been banned since the outbreak began, but it is feared ceremonies have taken place "
     "regardless.", "the outbreak", "has been banned", "The tradition"),
    ("It is the DRC's ninth known outbreak of Ebola since 1976, when the deady viral disease was first identified "
     "in then-Zaire by a Belgian-led team.", "a Belgian-led team", "was first identified", "the deady viral disease"),
])
def test_a_passive_act_on_a_thing_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "passive_thing"


def test_a_passive_report_stays():
    # PolNeAR dev counts it (breitbart_2016-09-30_the-latest-trump-urges-supporter)
    text = "The registration issue was first reported by The Washington Post."
    assert not_speech_rule(text, "The Washington Post", "was first reported", "The registration issue") is None


# 7. the noun "calls" for a thing
@pytest.mark.parametrize("text, source, cue, content", [
    # judged rounds (PTC article111111115, article755393220, article790483991)
    ("Senator Al Franken announced his resignation on the Senate floor Thursday morning, as Democratic calls for his "
     "resignation mount following the latest sexual misconduct accusations against him.", "Democratic", "calls for",
     "his resignation mount following the latest sexual misconduct accusations against him"),
    ("It just so happens that at least one of these calls for regime change in Iran was caught on video last year.",
     "at least one of these", "calls for", "regime change in Iran"),
    ("The pope’s unwillingness to respond to my charges and his deafness to the appeals by the faithful for "
     "accountability are hardly consistent with his calls for transparency and bridge building.",
     "his", "calls for", "transparency and bridge building"),
])
def test_calls_for_a_thing_are_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "request_for_thing"


def test_the_verb_calls_for_stays():
    # judged round 1's gold (PTC article731178960)
    text = ("According to Seeker, the forecast calls for a high probability of a G-1 or “minor” storm, which could "
            "strengthen to a G-2 or “moderate” storm depending on how the stream of particles hit the Earth.")
    assert not_speech_rule(text, "the forecast", "calls for", "a high probability of a G-1 or “minor” storm") is None


# 7b. support and contradiction with a thing for object
@pytest.mark.parametrize("text, source, cue, content, rule", [
    # judged rounds (PTC article770156851, article732154721, article999000125)
    ("Second, in a reflexive response to 9/11, we invaded Afghanistan and Iraq, dumped over the regime in Libya, "
     "armed rebels to overthrow Bashar Assad in Syria, and backed Saudi intervention in a Yemeni civil war.",
     "", "backed", "Saudi intervention in a Yemeni civil war", "thing_object"),
    ("Billionaire George Soros, who famously backs many progressive initiatives around the world, locked horns with "
     "Orbán over the Central European University (CEU) he founded in 1989.",
     "who", "famously backs", "many progressive initiatives around the world", "thing_object"),
    ("Warren said that AAA made the right decision to remove Patel from the stage due to the nature of his jokes, "
     "which contradicted the sensitive nature of the event itself.",
     "which", "contradicted", "the sensitive nature of the event itself", "thing"),
])
def test_support_and_contradiction_of_a_thing_are_no_speech(text, source, cue, content, rule):
    assert not_speech_rule(text, source, cue, content) == rule


def test_backing_a_candidate_stays():
    # PolNeAR dev counts an endorsement (breitbart_2016-09-30_the-latest-trump-urges-supporter)
    text = " About a dozen people demonstrated outside the Dallas Morning News after it backed Clinton."
    assert not_speech_rule(text, "it", "backed", "Clinton") is None


# 8. idioms: a concession, a manner of speaking, a farewell
@pytest.mark.parametrize("text, source, cue, content", [
    # judged rounds (PTC article999000159, article789121265, article761610997)
    ("Having said that, gun owners can’t make informed choices if they don’t know who the pro-gun candidates are.",
     "", "said", "that, gun owners can’t make informed choices if they don’t know who the pro-gun candidates are"),
    ("Yet now the Democrats, including Feinstein, want to demand Christine Blasey Ford have her day in court, "
     "figuratively speaking, for her flimsy and meritless accusations against Kavanaugh?",
     "the Democrats, including Feinstein,", "figuratively speaking",
     "for her flimsy and meritless accusations against Kavanaugh"),
    ("Yet, Donald Trump captured the Republican nomination and won the presidency—by saying goodbye to all that.",
     "Donald Trump", "saying goodbye", "to all that"),
])
def test_idioms_are_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "idiom"


def test_said_that_and_a_comma_stays():
    # PolNeAR train (nyt, the machinists): a speaker's "said that, …"
    text = ("A machinists spokesman said that, ''At this point, any estimates of support for a candidate are more a "
            "passing snapshot.''")
    assert not_speech_rule(text, "A machinists spokesman", "said",
                           "that, ''At this point, any estimates of support for a candidate are more a passing "
                           "snapshot.''") is None


# 9. saying held back: left out, failed to say, no idea, no mention
@pytest.mark.parametrize("text, source, cue, content", [
    # judged rounds (PTC article703821117, article723844295, article111111131)
    ("He left out that former CIA Director Richard Helms was a perjurer.",
     "He", "left out", "that former CIA Director Richard Helms was a perjurer"),
    ("That’s because he failed to conclude his article with one great big important point about former CIA "
     "Director Richard Helms.", "he", "failed to conclude his article with one great big important point about",
     "former CIA Director Richard Helms"),
    ("Americans still have no idea what happened in Las Vegas in October.",
     "Americans", "still have no idea", "what happened in Las Vegas in October"),
    ('But there was no mentioning the previous US aim of "complete, verifiable and irreversible denuclearization."',
     "", "was no mentioning", 'the previous US aim of "complete, verifiable and irreversible denuclearization."'),
])
def test_saying_held_back_is_negated(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "negated"


# 10. what a cue names without saying it: lies told; "only"; a passive name
def test_lies_told_are_named_speech():
    # judged round 7 (PTC article703821117)
    text = "A CIA official who would tell falsehoods, even under oath, whenever he felt that “national security” required it."
    assert not_speech_rule(text, "who", "would tell", "falsehoods") == "named_speech"


def test_the_truth_said_stays():
    # PolNeAR dev counts it (wash-post_2016-09-26_ah-friends-once-more-ted-cruz-en)
    text = "The truth, the senator said, was that Trump had personally attacked his wife, Heidi, and his father, Rafael."
    assert not_speech_rule(text, "the senator", "said", "The truth") is None


def test_only_alone_is_no_cue():
    # judged round 6 (PTC article711716996)
    text = ("The only claim they have before a Federal court is if they got the due process that Congress gave those "
            "illegal aliens.")
    assert not_speech_rule(text, "", "only", "claim they have before a Federal court") == "function_words"


def test_a_passive_name_is_naming():
    # judged round 8 (PTC article727128296)
    text = 'The rounds he sold are called "tracer ammunition" – bullets that leave a visible trail when fired.'
    assert not_speech_rule(text, "", "are called", "The rounds he sold") == "naming"


# 11. the one spoken to asked what they think or wonder
def test_the_reader_wondering_is_the_writers_voice():
    # judged round 14 (ECB+ e3cc4712a)
    text = ("… in case you ’ re wondering, six articles and the Mets are not mentioned once as ever having interest "
            "in teixeira …")
    assert not_speech_rule(text, "you", "’ re wondering", "articles") == "writers_voice"


def test_a_question_put_to_you_inside_a_quotation_is_no_attribution():
    # judged round 6 (PTC article111111123); PolNeAR dev's user path drops five more such questions
    # ("… do you think billionaires need a massive tax break?"), none annotated
    text = ("“The fact that both parties only care if it scores political points is hypocritical,” she added.\n"
            "“Do you think a person who has dealt with any form of abuse by politicians is thinking about politics?\n"
            "No, we & are families are trying to heal.”\n")
    assert nested_attributions(text, [], quote_mask(text)) == []


def test_a_statement_inside_a_quotation_stays():
    # a speaker's belief inside the quotation, which the judged rounds' gold counts (PTC article697959084)
    text = ("“First of all, I think what needs to be said is that, from my perspective, there were multiple events "
            "that occurred around Las Vegas, up and down the Strip that night.")
    found = nested_attributions(text, [], quote_mask(text))
    assert [(text[a.source[0][0]:a.source[0][1]], text[a.cue[0][0]:a.cue[0][1]]) for a in found] == [("I", "think")]


# 12. hearsay adverbs in a clause that names its reporter
def test_reportedly_with_according_to_is_one_attribution():
    # judged round 3 (PTC article758469195): the gold has one attribution, "reportedly | according to"
    text = ("Symptoms, sounds and sensations reportedly varied dramatically from person to person, according to The "
            "Associated Press.")
    assert hearsay(text, [], quote_mask(text)) == []


def test_reportedly_alone_stays():
    # judged round 12's gold (PTC article699478811)
    text = ("Meanwhile, following the departure of the Kurds from Kirkuk, Iraq earlier this week, the IRGC’s "
            "operational Al Qods arm reportedly established a command center and five bases there.")
    found = hearsay(text, [], quote_mask(text))
    assert [text[a.cue[0][0]:a.cue[0][1]] for a in found] == ["reportedly"]


# citations the rounds missed, and the same frames elsewhere
@pytest.mark.parametrize("sentence, expected", [
    # judged round 12 (PTC article790483991, article699478811), round 7 (article703821117)
    ("Many thanks to our friends at LifeSiteNews, especially Diane Montagna, for the following translation and "
     "release of the follow-up testimony.",
     [("LifeSiteNews", "many thanks to our friends at", "LifeSiteNews")]),
    ("According to Debkafile, this constitutes “the first military facility Iran has ever established openly in "
     "Iraq.”", [("DEBKAfile", "according to", "Debkafile")]),
    ("This troubling issue arose again yesterday, November 2, in the Washington Post in an article entitled "
     "“Tantalizing Mystery of JFK Assassination Files Solved – 23 Years Ago.”",
     [("The Washington Post", "in", "Washington Post")]),
    # PolNeAR train (the wider check): hat tips
    ("But more importantly they’ve got to clean this thing up.”  (h/t The Hill.)",
     [("The Hill", "h/t", "The Hill")]),
])
def test_citations_missed_before(sentence, expected):
    assert [(c.outlet, c.cue, sentence[c.span[0]:c.span[1]]) for c in extract_citations(sentence)] == expected


def test_the_outlet_table_is_one_data_file(tmp_path):
    # every outlet, agencies and platforms too, comes from extract/data/outlets.tsv
    assert OUTLETS["Associated Press"] == ("media", ("Associated Press", "AP", "The Associated Press"),
                                           ("apnews.com", "ap.org"))
    assert OUTLETS["Telegram"][0] == "platform"
    assert _read_outlets()[0] == OUTLETS
    # a canonical name written twice is refused (two rows would merge into one)
    rows = [line for line in OUTLETS_DATA.read_text(encoding="utf-8").splitlines()
            if line.startswith(("Reuters\t", "Haaretz\t"))]
    twice = tmp_path / "outlets.tsv"
    twice.write_text("\n".join(rows + rows[:1]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Reuters"):
        _read_outlets(twice)
