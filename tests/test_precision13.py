"""Precision on commentary (issue 28 item 3, precision12): one test per class of round 12's
false hits (development since it was scored), with real sentences: round 12's, beside
sentences of the same class from PTC train articles no round judged and from PolNeAR train
(found by grep), and sentences of the same words that must stay attributions (the judged
rounds 1-11's gold, PolNeAR dev's annotation)."""

import pytest

from newstrace.extract.base import SpanAttribution
from newstrace.extract.cues import not_speech
from newstrace.extract.quotes import quote_mask
from conftest import not_speech_rule, span_of




# 1. an act on a thing (signing, sponsoring, naming, discovering, going after, justifying,
#    attacking "the X of", making a choice, receiving a call, worrying about)
@pytest.mark.parametrize("text, source, cue, content", [
    # judged round 12 (PTC article696264594, article699478811, article730652769)
    ("She signed a petition in support of BDS activists being allowed to enter Israel.",
     "She", "signed a petition in support of", "BDS activists being allowed to enter Israel"),
    ("Other AJHS Academic Council members who signed the pro-BDS activist petition include Ari Kelman, "
     "Riv-Ellen Prell, Deborah Dash Moore, Rachel Kranson, Libby Garland and Kirsten Fermaglich.",
     "who", "signed", "the pro-BDS activist petition"),
    ("The American Jewish Historical Society is co-sponsoring a JVP anti-Israel event by two opponents of "
     "Israel, one of whom has defended Hamas.",
     "The American Jewish Historical Society", "is co-sponsoring", "a JVP anti-Israel event"),
    ("An organization that hands out the Emma Lazarus Award, named after a passionate Zionist, at its posh "
     "dinners is hosting attacks on the existence of Israel.",
     "", "named after", "a passionate Zionist"),
    ("He justified hijacking planes, described suicide bombers as “taking the supreme sacrifice” and "
     "defended Hezbollah as “an armed-resistance movement”",
     "He", "justified", "hijacking planes"),
    ("She went after Iran instead.", "She", "went after", "Iran instead"),
    ("When the American Jewish Historical Society hosts and co-sponsors an event by a BDS hate group attacking "
     "the existence of Israel and featuring a speaker who had defended terrorism and anti-Semitism, the choice "
     "becomes easy.",
     "BDS hate group", "attacking", "the existence of Israel"),
    ("Even as the Myers scandal continues to simmer, the AJHS partnership with JVP is making the choice "
     "painfully clear.",
     "the AJHS partnership with JVP", "is making the", "choice"),
    ("On Sunday, February 11, the Rio Grande City Station received a call from a concerned citizen regarding "
     "suspicious activity at a residence.",
     "Rio Grande City Station", "received a call from a concerned citizen regarding", "suspicious activity at a residence"),
    ("There are lessons here for the Center for Jewish History and the American Jewish Historical Society, for "
     "those on the inside who see the corruption of their organizations every day and for those on the outside "
     "who are worried about speaking up.",
     "who", "are worried", "about speaking up"),
    # judged round 11 (PTC article723883127), false there too
    ("Pope Francis is now attacking the credibility of child sex abuse victims.",
     "Pope Francis", "is now attacking", "the credibility of child sex abuse victims"),
    # PolNeAR train (breitbart_2016-02-08_the-latest-nh-towns-cast-first-v; not annotated there)
    ("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”",
     "Trump", "went after", "Bush"),
])
def test_an_act_on_a_thing_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "thing_object"


@pytest.mark.parametrize("text, source, cue, content", [
    # PolNeAR dev counts these (usa-today_2016-09-08_candidates-vie-for-vets-suppo,
    # breitbart_2016-09-30_the-latest-trump-urges-suppor, nyt_2016-09-25_obama-says-african-american-muse,
    # wash-post_2016-09-08_virginian-could-make-history-): a person attacked, legislation signed
    # or sponsored
    ("During a national security speech earlier in the day, Trump attacked Clinton for her support of military "
     "action in Iraq and Libya, saying, \"She's trigger-happy and very unstable.\"",
     "Trump", "attacked", "Clinton for her support of military action in Iraq and Libya"),
    ("The Democratic presidential candidate’s call came after rival Donald Trump attacked Machado in "
     "early-morning tweets.", "rival Donald Trump", "attacked", "Machado"),
    ("Bush, who signed the legislation authorizing the building of the museum, and his wife, Laura, who spoke "
     "of her early brainstorming discussions with the museum's director, Lonnie Bunch.",
     "who", "signed", "the legislation authorizing the building of the museum"),
    ("And he sponsored the 2014 reauthorization of the Death in Custody Reporting Act, requiring state and local "
     "police to tell the federal government when someone dies in custody or during an arrest.",
     "he", "sponsored", "the 2014 reauthorization of the Death in Custody Reporting Act"),
    # stances the judged rounds 1-11 count (PTC article999000158, article735815173)
    ("Keith Ellison (D-MN), aka Hakim Muhammad, recently defended his ties to Nation of Islam leader Louis "
     "Farrakhan, who recently paralleled Jews with termites.",
     "Keith Ellison (D-MN), aka Hakim Muhammad,", "recently defended", "his ties to Nation of Islam leader Louis Farrakhan"),
    ("Danny Davis had defended Farrakhan.", "Danny Davis", "had defended", "Farrakhan"),
    # a worry with a clause (rounds 1-11's gold, PTC article723793978)
    ("Sweden's murder rate is relatively low in international terms, but gang violence has surged in recent years "
     "and Swedes are worried that the police are unable to cope.",
     "Swedes", "are worried", "that the police are unable to cope"),
])
def test_a_stance_or_a_legislative_act_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 2. the writer's idioms, proposals and goals
@pytest.mark.parametrize("text, source, cue, content, rule", [
    # judged round 12 (PTC article790483991, article700551604, article696264594, article699478811)
    ("The former Apostolic Nuncio to the United States has, as they say, doubled down.",
     "they", "say", "doubled down", "idiom"),
    ("It goes without saying that we here at The Remnant not only stand with Viganò but we thank God for him "
     "every day.", "It", "goes without saying", "that we here at The Remnant not only stand with Viganò", "raising"),
    ("President Trump has called the Iranian regime’s bluff with his announcement last week that he would do "
     "just that.", "President Trump", "has called", "the Iranian regime’s bluff", "idiom"),
    ("Let’s proceed from the opposite assumption: That the CIA, in partnership with the military and the Mafia, "
     "orchestrated the assassination.",
     "’s", "proceed from the opposite assumption:", "That the CIA, in partnership with the military and the Mafia, "
     "orchestrated the assassination", "writers_voice"),
    ("Now, let’s assume instead that Oswald was telling the truth when he said he was being framed.",
     "let’s", "assume instead", "that Oswald was telling the truth when he said he was being framed", "writers_voice"),
    ("They had to make certain that Oswald was not on to them and had not discovered that he was being set up "
     "for a frame-up.", "They", "had to make certain", "that Oswald was not on to them", "raising"),
    ("His goal is to “normalize Jewish anti-Zionism”.", "His", "goal is", "to “normalize Jewish anti-Zionism”", "wish"),
    # PTC train, not judged (article769962328, article701837665)
    ("After I got saved, as they say (John 3:3), I remember my mother calling me up.",
     "they", "say", "(John 3:3)", "idiom"),
    ("But let’s say that I’m right: that the CIA agreed to use its assets in Congress.",
     "’s", "say", "that I’m right", "writers_voice"),
])
def test_the_writers_idioms_and_proposals_are_no_speech(text, source, cue, content, rule):
    assert not_speech_rule(text, source, cue, content) == rule


@pytest.mark.parametrize("text, source, cue, content", [
    # "they" speaking, with no "as" (rounds 1-11's "they told", PolNeAR's many "they say")
    ("They said the additional portion would be used to help local businesses.",
     "They", "said", "the additional portion would be used to help local businesses"),
    # "called" with a thing that is not a bluff
    ("Trump called the deal “the worst ever.”", "Trump", "called", "the deal “the worst ever.”"),
])
def test_speech_by_they_and_call_stays(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 3. conditions and the writer's questions
@pytest.mark.parametrize("text, source, cue, content, rule", [
    # judged round 12 (PTC article699478811, article790483991, article696264594)
    ("If Iran insists it can do what it wants militarily in terms of missile launches, then the United States "
     "can certainly act.", "Iran", "insists", "it can do what it wants militarily in terms of missile launches",
     "hypothetical"),
    ("If he had said: “Viganò lied,” he would have challenged my credibility while trying to affirm his own.",
     "he", "had said:", "“Viganò lied,”", "hypothetical"),
    ("“Qui tacet consentit” surely applies here, for if they deny my testimony, they have only to say so, and "
     "provide documentation to support that denial.", "they", "have only to say", "so", "hypothetical"),
    ("Does anybody with a modicum of sense really believe that such collaboration between the two rogue nations "
     "is not going on today?", "anybody with a modicum of sense", "really believe",
     "that such collaboration between the two rogue nations is not going on today", "rhetorical_question"),
    ("What would he think if he knew the anti-Israel purposes that CJH is putting his gift to?",
     "he", "think", "if he knew the anti-Israel purposes that CJH is putting his gift to", "rhetorical_question"),
    ("How can one avoid concluding that the reason they do not provide the documentation is that they know it "
     "confirms my testimony?", "one", "avoid concluding", "that the reason they do not provide the documentation",
     "rhetorical_question"),
    # PTC train, not judged (article721406153, article761674108)
    ("Does Cardinal Müller think we are fools?", "Cardinal Müller", "think", "we are fools", "rhetorical_question"),
    ("Do they believe their old agenda of open borders, amnesty, free trade globalism and democracy-crusading can "
     "become America's agenda again?", "they", "believe",
     "their old agenda of open borders, amnesty, free trade globalism and democracy-crusading can become America's "
     "agenda again", "rhetorical_question"),
])
def test_conditions_and_questions_are_no_speech(text, source, cue, content, rule):
    assert not_speech_rule(text, source, cue, content) == rule


@pytest.mark.parametrize("text, source, cue, content", [
    # an attribution in a relative clause of the writer's question stays (judged round 12,
    # PTC article696264594, in the gold)
    ("Is co-sponsoring events with a hate group that has sponsored talks by a woman who accused Jews of drinking "
     "blood also apolitical scholarship?", "who", "accused", "Jews of drinking blood"),
    # a quoted question stays (the speaker asks it; rounds 1-11's gold, PTC article765953146)
    ("“How did Comey see the report before it came out?” Rep. Darrell Issa wanted to know.",
     "Rep. Darrell Issa", "wanted to know", "“How did Comey see the report before it came out?”"),
    # "as if" opens no condition of saying (rounds 1-11, PTC article771655795)
    ("Wilson made the decision to go all in on the project, dropping out of law school at the University of "
     "Texas, as if to confirm his belief that technology supersedes law.",
     "his", "belief", "that technology supersedes law"),
])
def test_questions_and_ifs_of_others_stay(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) is None


# 4. evidence, not speech: "History tells us why …", "It would also explain why …"
@pytest.mark.parametrize("text, source, cue, content", [
    # judged round 12 (PTC article696264594, article700551604)
    ("History tells us why so many people are afraid to do the right thing when it counts.",
     "History", "tells", "why so many people are afraid to do the right thing when it counts"),
    ("It also tells us how irrelevant history makes them.", "It", "also tells", "how irrelevant history makes them"),
    ("It would also explain why the CIA was closely monitoring Oswald’s movements prior to the assassination.",
     "It", "would also explain", "why the CIA was closely monitoring Oswald’s movements prior to the assassination"),
])
def test_evidence_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "evidence"


def test_a_speaker_explaining_why_stays():
    # judged round 12's gold (PTC article699478811)
    text = ("She explained why the Trump administration decided to take “a comprehensive approach to confronting "
            "the Iranian regime,” which does not give the regime a get out of jail free card.")
    assert not_speech_rule(text, "She", "explained", "why the Trump administration decided to take “a comprehensive approach "
                 "to confronting the Iranian regime,”") is None


# 5. a concern named with no words, and a parse that puts the cue inside its content
def test_a_concern_named_is_no_content():
    # judged round 12 (PTC article699478811)
    text = "Other European allies have voiced similar concerns."
    assert not_speech_rule(text, "Other European allies", "have voiced", "similar concerns") == "no_content"
    # PolNeAR train counts a concern with its topic ("which has voiced concerns over Trump's views on Israel")
    text = "The establishment has voiced concerns over Trump's views on Israel."
    assert not_speech_rule(text, "The establishment", "has voiced", "concerns over Trump's views on Israel") is None


def test_a_cue_inside_its_content_is_garbage():
    # judged round 12 (PTC article790483991)
    text = ("Christ died for the Church, and Peter, Servus servorum Dei, is the first one called to serve the spouse "
            "of Christ.")
    i = text.index("one called")
    c = text.index("called")
    a = SpanAttribution([], [(c, c + 6)], [(i, text.index(" of Christ"))])
    assert not_speech(text, a, quote_mask(text)) == "garbage"
    # a hearsay adverb inside its content stays (judged round 12's gold, PTC article699478811)
    text = "the IRGC’s operational Al Qods arm reportedly established a command center and five bases there."
    c = text.index("reportedly")
    a = SpanAttribution([], [(c, c + 10)], [(0, len(text) - 1)])
    assert not_speech(text, a, quote_mask(text)) is None
    # a content in two pieces around its cue stays
    text = "“The European media,” he said, “have not ceased to suppress it.”"
    a = SpanAttribution([(22, 24)], [(25, 29)], [(0, 21), (31, len(text))])
    assert not_speech(text, a, quote_mask(text)) is None
