"""Saying that is only supposed, appearances and things asked about (issue 28 item 3, commentary18;
rounds 1-17 are development data): the judged rounds' commentary false hits of each class beside
sentences of the same construction from PTC train, ECB+ dev and PolNeAR train, and sentences that
must stay attributions (the judged rounds' gold, a cue beside the class's words). Each attribution
is given as the tagger gave it (source, cue, content)."""

from __future__ import annotations

import pytest

from conftest import not_speech_rule


# 1. a condition opened after an adverb or conjunction (PolNeAR train: 4 of 51 "if / unless" and
# a subject before a verb of saying or believing annotated as cues)
@pytest.mark.parametrize("text, source, cue, content", [
    # PTC train article729578579
    ("In fact, unless Cardinal O’Malley – who has, as of this writing, remained silent – comes forward and says that "
     "he didn’t hand the letter over pope, there is really only one; that the pope lied.", "Cardinal O’Malley", "says",
     "that he didn’t hand the letter over pope"),
])
def test_a_condition_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "hypothetical"


def _after(text: str, source: str, cue: str, content: str):
    """The attribution whose source is the last occurrence of ``source`` before ``cue`` (the "he"
    after "if", not the one in "then")."""
    from newstrace.extract.base import SpanAttribution

    c = text.index(cue)
    s = text.rindex(source, 0, c)
    k = text.index(content, c + len(cue))
    return SpanAttribution([(s, s + len(source))], [(c, c + len(cue))], [(k, k + len(content))])


@pytest.mark.parametrize("text, source, cue, content", [
    # round 17 (ECB+ e0ab84702, a sports blog post)
    ("But then again, Boras is a patient man, especially if he thinks more money could be around the corner.",
     "he", "thinks", "more money could be around the corner"),
    # PolNeAR train (nyt_2016-03-04), not annotated there
    ("But they may want to reconsider after this week -- especially if they care about protecting the pro-business "
     "rulings that are among the late Justice Antonin Scalia's most important legacies.", "they", "care about",
     "protecting the pro-business rulings"),
])
def test_a_condition_after_especially_is_no_speech(text, source, cue, content):
    from newstrace.extract.cues import not_speech
    from newstrace.extract.quotes import quote_mask

    assert not_speech(text, _after(text, source, cue, content), quote_mask(text)) == "hypothetical"


def test_the_report_around_a_condition_stays():
    # the same PolNeAR sentence: the officials' "say" is theirs, the "if" is inside its content
    text = ("Democratic Party officials say that, even if they thought it was appropriate, a recount of Monday’s vote "
            "could not be done.")
    assert not_speech_rule(text, "Democratic Party officials", "say",
                           "that, even if they thought it was appropriate, a recount of Monday’s vote could not be "
                           "done") is None


# 2. an alternative not taken (PolNeAR train: 2 of 52 gerunds after "rather than / instead of")
_FAGGIOLI = ("But rather than lamenting what secularism has wrought on marital life in Germany, reasserting the "
             "Church’s position on marriage, and insisting that the faithful strive to live according to her laws, "
             "Faggioli argues that the Church ought to bend to the will of secular society.")


@pytest.mark.parametrize("text, source, cue, content", [
    # round 1 (PTC article727869189, held out then read)
    (_FAGGIOLI, "", "lamenting", "what secularism has wrought on marital life in Germany"),
    (_FAGGIOLI, "Faggioli", "insisting", "that the faithful strive to live according to her laws"),
    ("Rather than making a straightforward case for why Pope Francis has changed the Church for the better, Faggioli "
     "rejected the possibility of evaluating his papacy in terms of “continuity” with past popes, since doing so would "
     "assume that “Christianity at some point .", "Faggioli", "making a straightforward case for",
     "why Pope Francis has changed the Church for the better"),
    # PTC train article781768042
    ("And instead of protesting the murder of 58 million innocent babies (Proverbs 6:17), they merely pass it off as "
     'a "choice," that being the lessons that they learned from the media', "they", "protesting",
     "the murder of 58 million innocent babies"),
])
def test_an_alternative_not_taken_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "hypothetical"


def test_the_main_clause_after_an_alternative_stays():
    # round 1's gold: Faggioli's "argues" is said
    assert not_speech_rule(_FAGGIOLI, "Faggioli", "argues",
                           "that the Church ought to bend to the will of secular society") is None


# 3. a counterfactual and a modal's purpose (PolNeAR train: 0 of 4 "would have said …"; 2 of 10
# "would / could / might", a verb, "to" and a verb of saying)
@pytest.mark.parametrize("text, source, cue, content", [
    # round 12 (PTC article700551604)
    ("That would enable the CIA to blame the assassination on a communist, which, not coincidentally, was the advice "
     "that the Pentagon and the CIA were doling out to Latin American military dictatorships at the School of the "
     "Americas.", "the CIA", "to blame", "the assassination on a communist"),
    # round 6 (PTC article774145019)
    ("Any intellectually honest review of the last decade of foreign policy would lead one to admit that President "
     "Trump has most assuredly been tougher on Putin and Russia than Obama ever was.", "honest", "to admit",
     "that President Trump has most assuredly been tougher on Putin and Russia than Obama ever was"),
])
def test_a_counterfactual_or_a_modals_purpose_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "hypothetical"


def test_a_counterfactual_is_no_speech():
    # round 12 (PTC article790483991): the second "he", under "would have"
    from newstrace.extract.cues import not_speech
    from newstrace.extract.quotes import quote_mask

    text = "If he had said: “Viganò lied,” he would have challenged my credibility while trying to affirm his own."
    assert not_speech(text, _after(text, "he", "have challenged", "my credibility"), quote_mask(text)) == "hypothetical"


def test_a_future_reported_stays():
    # ECB+ dev e20fa0c57: the modal is inside the content, not before the cue
    text = "Obama has said he would work to reverse the changes."
    assert not_speech_rule(text, "Obama", "has said", "he would work to reverse the changes") is None


# 4. sounding or looking like something (PolNeAR train: 4 of 49 annotated)
@pytest.mark.parametrize("text, source, cue, content", [
    # round 17 (ECB+ e0ab84702)
    ("Los Angeles general manager Tony Reagins has sounded like a broken record saying that resigning Teixeira was "
     "his top priority, and backed that up now with an eight-year offer.", "Los Angeles general manager Tony Reagins",
     "has sounded like", "a broken record"),
    # ECB+ e39a36e21
    ("Over six full seasons, his career stat line looks like this:. 290 average,. 919 OPS, 203 HR, 676 RBI", "",
     "looks like", "this"),
])
def test_an_appearance_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "raising"


def test_the_saying_after_an_appearance_stays():
    text = ("Los Angeles general manager Tony Reagins has sounded like a broken record saying that resigning Teixeira "
            "was his top priority, and backed that up now with an eight-year offer.")
    assert not_speech_rule(text, "Los Angeles general manager Tony Reagins", "saying",
                           "that resigning Teixeira was his top priority") is None


# 5. known to someone for a thing, the agent before "for" (the [reputation] class)
def test_known_by_someone_for_a_thing_is_no_speech():
    # round 17 (ECB+ ea4b656b8)
    text = ("Page is best known by her fans for her risque bondage films and pictures, and her infamous sense of "
            "style, which continues to influence everyone from mortician Goth girls to rockabilly cholas in my high "
            "school to Dita Von Teese, who's complete act is utterly ripped off from her.")
    assert not_speech_rule(text, "her fans", "is best known",
                           "for her risque bondage films and pictures, and her infamous sense of style") == "reputation"


# 6. a request for a thing, a clause attached to the thing
@pytest.mark.parametrize("text, source, cue, content", [
    # round 8 (PTC article702077783, article788726416)
    ("The Review-Journal also specifically asked about the more than 50,000 hours of overtime that Metro officers "
     "have logged since Oct. 1 on work directly related to the shooting investigation.", "The Review-Journal",
     "also specifically asked about", "the more than 50,000 hours of overtime that Metro officers have logged since "
     "Oct. 1 on work directly related to the shooting investigation"),
    ("Trump is simply asking for full transparency, in what has become a two year, multi-million dollar witch hunt, "
     "to find collusion where there is none.", "Trump", "is simply asking for",
     "full transparency, in what has become a two year, multi-million dollar witch hunt, to find collusion where "
     "there is none"),
])
def test_a_request_for_a_thing_with_a_clause_is_no_speech(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "request_for_thing"


def test_a_request_about_a_claim_stays():
    # PolNeAR train (a Carson article): the clause is what the noun holds, what was claimed
    text = ('"I\'m not going to say it is a mistake, so forget about it," said retired neurosurgeon Ben Carson, asked '
            "about his claims that he had received a scholarship offer from West Point, when he hadn't actually applied "
            "to the school.")
    assert not_speech_rule(text, "", "asked about",
                           "his claims that he had received a scholarship offer from West Point") is None


def test_an_order_with_a_relative_clause_stays():
    # round 1 (PTC article111111114): [things] still reads the whole content (PolNeAR train's gold
    # counts such acts on a noun phrase with a clause: "Palin posted a photo of herself and her son,
    # Trig, 6, who has Down Syndrome")
    text = ("A U.S. judge on Wednesday ordered the release of an illegal immigrant who is among 47 Indonesians in New "
            "Hampshire challenging the Trump administration’s order to deport them.")
    assert not_speech_rule(text, "A U.S. judge", "ordered",
                           "the release of an illegal immigrant who is among 47 Indonesians in New Hampshire") is None


# 7. "earlier" is an adverb: the verb after it decides
@pytest.mark.parametrize("text, source, cue, content", [
    # round 3 (PTC article725276027): an act on a thing ([things])
    ("U.S. District Judge Mark A Goldsmith, an Obama appointee, earlier had halted deportations for nearly 300 Iraqis, "
     "saying that although they had long been ordered removed, conditions on the ground in Iraq had changed and they "
     "deserved new hearings.",
     "Judge Mark A Goldsmith", "earlier had halted", "deportations for nearly 300 Iraqis"),
    # ECB+ dev e62d17c35
    ("The Interior Department earlier had declared the polar bear a threatened species because of the loss of Arctic "
     "sea ice, a change attributed to global warming.", "The Interior Department", "earlier had declared",
     "the polar bear a threatened species because of the loss of Arctic sea ice"),
])
def test_earlier_is_an_adverb(text, source, cue, content):
    assert not_speech_rule(text, source, cue, content) == "thing"
