"""Precision on commentary (issue 28 item 3, precision10): an act whose object is a thing and
whose words are not given ("lauded the move", "ruled specifically on this case") reports no
speech (``cues.not_speech`` rule "thing_object", data/not_speech.txt [thing_objects]). Real
sentences of judged PTC round 11 (development since it was scored) where the tagger proposed
them, beside sentences the judged rounds 1-10 or PolNeAR dev count with the same verbs (an
"as" complement, "for" and a gerund, a clause)."""

import pytest

from conftest import not_speech_rule, span_of




@pytest.mark.parametrize("text, source, cue, content", [
    # PTC article790665855
    ("In June, the Supreme Court ruled specifically on this case noting that collecting such information actually "
     "does constitute a search and therefore requires a warrant.",
     "the Supreme Court", "ruled specifically on", "this case"),
    ("In July, President Donald Trump nominated D.C.\nCircuit Court of Appeals Judge Brett Kavanaugh to the Supreme "
     "Court.",
     "President Donald Trump", "nominated", "D.C.\nCircuit Court of Appeals Judge Brett Kavanaugh to the Supreme Court"),
    # PTC article763761219
    ("Gun control advocates including the group Everytown for Gun Safety lauded the move.",
     "Gun control advocates including the group Everytown for Gun Safety", "lauded", "the move"),
    ("The conference is advocating measures to strengthen the regulation of gun sales and dealers, as well as ban "
     "assault weapons and large-capacity magazines.",
     "The conference", "is advocating", "measures to strengthen the regulation of gun sales and dealers, as well as "
     "ban assault weapons and large-capacity magazines"),
    # PTC article111111131
    ("Tuesday's meeting, convened at a luxury hotel on the island of Sentosa, came just three months after Trump "
     "accepted North Korea's invitation for talks on the spot.",
     "Trump", "accepted", "North Korea's invitation for talks on the spot"),
    ("As part of the advance work, Trump commissioned a highly produced video meant to convince Kim to relinquish "
     "his weapons and open his country to outside investment.",
     "Trump", "commissioned", "a highly produced video meant to convince Kim to relinquish his weapons and open his "
     "country to outside investment"),
    # PTC article731513824
    ("The KirchenZeitung then quotes a commentary, saying:", "The KirchenZeitung", "then quotes", "a commentary"),
    # PTC article727569885
    ("Targeted liquidation operations by our Israeli allies against Iranian Quds Force leaders were foiled after "
     "Obama tipped off Tehran on Israel’s intentions.",
     "Obama", "tipped off", "Tehran on Israel’s intentions"),
    ("Trump also referenced the recent widespread Iranian protests, crushed with extreme ruthlessness by the Iranian "
     "Revolutionary Guard Corps and its Basij auxiliary militia.",
     "Trump", "also referenced", "the recent widespread Iranian protests, crushed with extreme ruthlessness by the "
     "Iranian Revolutionary Guard Corps and its Basij auxiliary militia"),
    # PTC article698092698
    ("On Friday, Lombardo effectively agreed with the company’s statement, though he argued that the 9:59 p.m.",
     "Lombardo", "effectively agreed with", "the company’s statement"),
    # PTC article762200179
    ("Blanc argued that the administration was transparent with Congress, referencing Lew's own testimony.",
     "Blanc", "referencing", "Lew's own testimony"),
    # PTC article723793978
    ("From Reuters:Wikipedia has a page devoted to “ List of Grenade Attacks in Sweden ,” which lists 80 different "
     "attacks beginning in 2014.",
     "which", "lists", "80 different attacks beginning in 2014"),
])
def test_an_act_on_a_thing_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "thing_object"


@pytest.mark.parametrize("text, source, cue, content", [
    # judged PTC rounds 1-10 count these (article735815173, article730149656, article697959084)
    ("Danny Davis, a Democrat, after an article in The Daily Caller said he lauded Farrakhan on Monday as “an "
     "outstanding human being.”",
     "he", "lauded", "Farrakhan on Monday as “an outstanding human being.”"),
    ("The ADL described the video as “venomous.”", "The ADL", "described", "the video as “venomous.”"),
    ("Jeff then describes a scene in which he and his wife were walking through the main lobby when screams and "
     "gunfire erupted.",
     "Jeff", "then describes", "a scene in which he and his wife were walking through the main lobby when screams "
     "and gunfire erupted"),
    # PolNeAR dev (nyt_2016-10-02_a-curious-plan-to-fight-climate-; breitbart_2016-09-30_the-latest-trump-urges-supporter)
    ("In January, Gov. Earl Ray Tomblin of West Virginia lauded Mr. Clarke in his state-of-the-state address for "
     "helping develop \"new and innovative ideas.\"",
     "Gov. Earl Ray Tomblin of West Virginia", "lauded", "Mr. Clarke in his state-of-the-state address for helping "
     "develop \"new and innovative ideas.\""),
    ("citizenship, but offered no proof.", "", "offered", "no proof"),
    # a ruling with a clause is not a thing (PTC article790665855)
    ("Circuit’s decision not to rehear a case in which a three-judge panel had ruled that police violated a "
     "suspected drug dealer’s Fourth Amendment rights.",
     "a three-judge panel", "had ruled", "that police violated a suspected drug dealer’s Fourth Amendment rights"),
])
def test_what_the_conventions_count_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None
