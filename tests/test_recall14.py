"""Round 14's false hits (issue 28 item 3, recall14; round 14 is development since it was
scored at 1f3cec9): one test per class with real sentences: round 14's (ECB+ dev commentary,
Wikinews reports), beside sentences of the same class from other ECB+ dev texts and PolNeAR
train (found by grep), and sentences of the same words that must stay attributions."""

import pytest

from conftest import not_speech_rule


# 1. a likelihood or a forecast with no one speaking: "He's expected to", "figures to",
#    "are only predicted to", "there is little to indicate"
@pytest.mark.parametrize("text, source, cue, content", [
    # round 14 (ECB+ dev e593307a2, e63cda814; Wikinews wn070)
    ("He's expected to stay safe barring a basketball apocolypse (or a bad loss to the Knicks tonight).",
     "", "'s expected", "to stay safe barring a basketball apocolypse"),
    ("While fellow fired coaches Eddie Jordan and Sam Mitchell seem assured of another top job as soon as next "
     "year, Cheeks surprisingly figures to land closer to the Randy Wittman/P.J. Carlesimo pile.",
     "Cheeks", "surprisingly figures", "to land closer to the Randy Wittman/P.J. Carlesimo pile"),
    ("While the Angels are being lumped in with the big spenders of baseball (read: New York Yankees and Boston "
     "Red Sox), there is little to indicate the Angels' off-season plans included dropping $20MM per on Teixeira.",
     "", "little to indicate", "the Angels' off-season plans included dropping $20MM per on Teixeira"),
    # other ECB+ dev text and PolNeAR train, the same frames
    ("He's expected to be charged with the hit-and-run by noon on Friday.",
     "", "'s expected", "to be charged with the hit-and-run by noon on Friday"),
    ("Obama's approval rating has been above 50 percent in national polls, an above-average popularity that "
     "figures to benefit Clinton this fall.",
     "that", "figures", "to benefit Clinton this fall"),
    ("Marco Rubio, whose hometown, Miami, is projected to be largely underwater within the not too distant future.",
     "Miami", "is projected", "to be largely underwater within the not too distant future"),
])
def test_a_likelihood_with_no_speaker_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "raising"


# 2. a win enjoyed, a vote to do a thing: acts, their words not given
@pytest.mark.parametrize("text, source, cue, content, rule", [
    # round 14 (Wikinews wn256; ECB+ dev e1b1ea667)
    ("Jarrod Kidston enjoyed the win.", "Jarrod Kidston", "enjoyed", "the win", "thing"),
    ("With that move threatening to kill the dairy, Palin fired the board and appointed another, which voted to "
     "give the dairy more money.",
     "which", "voted", "to give the dairy more money", "commitment"),
    # other ECB+ dev texts, the same acts
    ("Bettie's life and photos enjoyed a revival of interest in 1976 with the publishing of the book, A Nostalgic "
     "Look at Bettie Page.",
     "Bettie's life and photos", "enjoyed", "a revival of interest in 1976", "thing"),
    ("In September, the People's Council, a 2,507-member assembly of presidential appointees, town elders and "
     "others, voted to abolish itself and cede most of its powers to an expanded parliament.",
     "the People's Council", "voted", "to abolish itself and cede most of its powers to an expanded parliament",
     "commitment"),
])
def test_an_act_with_a_thing_is_no_speech(text, source, cue, content, rule):
    assert not_speech_rule(text, source, cue, content) == rule


# must stay: speech with a clause or a quotation after the same words, and saying beside them
@pytest.mark.parametrize("text, source, cue, content", [
        # ECB+ dev (a speaker's "nothing to indicate" stays his)
    ("Kelly, the police commissioner, said Tuesday that there was “ nothing to indicate that this shooting "
     "was outside the guidelines.",
     "Kelly, the police commissioner", "said", "that there was “ nothing to indicate that this shooting "
     "was outside the guidelines"),
    # PolNeAR train (a message delivered with its words; a prediction by a speaker)
    ("Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: \"It's time to quit "
     "attacking various people that you competed with or various minority groups in the country and get on "
     "message.\"",
     "Senate Majority Leader Mitch McConnell, R-Ky.", "delivered a blunt message to Trump",
     "\"It's time to quit attacking various people that you competed with or various minority groups in the "
     "country and get on message.\""),
    ("Ginsburg said in an interview with The Associated Press last week that she didn’t want to think about "
     "the possibility that Trump would be president and predicted that Democrat Hillary Clinton will win",
     "Ginsburg", "predicted", "that Democrat Hillary Clinton will win"),
])
def test_speech_beside_them_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 3. a content cut before a relative clause inside its own clause runs on to the clause's verb
def _carried(text, source, cue, content):
    from conftest import span_of
    from newstrace.extract.clause_ends import carry_past_relatives

    a = carry_past_relatives(text, [span_of(text, source, cue, content)])[0]
    return [text[s:e] for s, e in a.content]


@pytest.mark.parametrize("text, source, cue, cut, whole", [
    # round 14 (Wikinews wn181)
    ("José Ortiz of the island's power authority said fixing the island's largest power plant, which was "
     "damaged by the quake, may take a year.",
     "José Ortiz of the island's power authority", "said", "fixing the island's largest power plant",
     "fixing the island's largest power plant, which was damaged by the quake, may take a year"),
    # PolNeAR train (its annotation runs on past the relative clause)
    ("The Sanders campaign responded Friday, saying industry lobbyists and fundraisers have donated to a super "
     "PAC supporting Clinton, and that the criticism, which is outlined in a report from Greenpeace, is fair game.",
     "The Sanders campaign", "saying", "that the criticism",
     "that the criticism, which is outlined in a report from Greenpeace, is fair game"),
])
def test_a_relative_clause_inside_the_content_is_carried(text, source, cue, cut, whole):
    assert _carried(text, source, cue, cut) == [whole]


# must stay: the writer's comment after the content ("…, which isn't true." in judged round 1's
# gold is the writer's: no verb of the content's clause follows the relative)
@pytest.mark.parametrize("text, source, cue, content", [
    ("Obama tried to say he had been in that church for years and never heard such things, which isn't true.",
     "Obama", "tried to say", "he had been in that church for years and never heard such things"),
])
def test_a_comment_after_the_content_stays_out(text, source, cue, content):
    assert _carried(text, source, cue, content) == [content]


# 4. a quotation's content ends at its closing mark at a paragraph's end
def _cut(text, start, end):
    from newstrace.extract.base import SpanAttribution
    from newstrace.extract.clause_ends import cut_quotes_at_paragraphs

    a = cut_quotes_at_paragraphs(text, [SpanAttribution([], [], [(text.index(start), text.index(end) + len(end))])])[0]
    return [text[s:e] for s, e in a.content]


def test_a_quotation_ends_at_its_paragraph():
    # round 14 (Wikinews wn256): the content ran on into the next paragraph
    text = ('Caloundra half back Jarrod Kidston enjoyed the win. "Yeah it was a good start from us, probably the best '
            'start from us in a while", Kidston said. "Then we just made a couple of mistakes and let them back in the '
            'game. They\'re a good outfit so they put points on pretty quick."\n\n\nThe visitors would run away with '
            'the result in the end.')
    assert _cut(text, '"Then we just', "The visitors would") == [
        '"Then we just made a couple of mistakes and let them back in the game. They\'re a good outfit so they put '
        'points on pretty quick."']


def test_a_quotation_of_two_paragraphs_stays_whole():
    # PolNeAR train (usa-today_2016-08-09_khans-trump-stirs-ugliness-musli): the first paragraph has no closing mark
    text = ('"They would come to me, personally close to me, and they\'ll say, \'Mr. Khan, you\'re a lawyer. Will we be '
            'thrown out of this country?\'\n\n"We go to school and our friends taunt us: \'You will be thrown out when '
            'Trump becomes president.\'"')
    assert _cut(text, '"They would', "president.\'\"") == [text]


# 5. a blog post's dateline on its own line is not part of the content below it
def _undated(text, start, end):
    from newstrace.extract.base import SpanAttribution
    from newstrace.extract.clause_ends import cut_datelines

    a = cut_datelines(text, [SpanAttribution([], [], [(text.index(start), text.index(end) + len(end))])])[0]
    return [text[s:e] for s, e in a.content]


def test_a_dateline_is_left_out():
    # round 14 (ECB+ dev e3cc4712a)
    text = ("Angels Withdraw Offer; Red Sox in Good Spot for Teixeira\n\nDecember 22nd, 2008 8:55 am\nThe Angels have "
            "withdrawn their offer to free-agent 1B Mark Teixeira, reports FoxSports. com and Yahoo! Sports.")
    assert _undated(text, "December 22nd", "1B Mark Teixeira") == [
        "The Angels have withdrawn their offer to free-agent 1B Mark Teixeira"]

