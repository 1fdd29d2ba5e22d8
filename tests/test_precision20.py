"""precision20: false hits wrong under both readings (the judged rounds' and PolNeAR's), with real
sentences of the judged rounds (PTC train rounds 1, 4, 6, 7, 8 and 10, ECB+ dev rounds 15 and 17,
Wikinews round 18) and of PolNeAR train and dev, and the near misses that must stay
(docs/extraction.md, `precision20`)."""

from newstrace.extract import attribution_conventions
from newstrace.extract.colon_reports import colon_objects_to_quotes, drop_wordless
from newstrace.extract.cues import not_speech
from newstrace.extract.quotes import quote_mask
from newstrace.records import SpanAttribution


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    i = text.index(part, after)
    return i, i + len(part)


def attribution(text: str, source: str | None, cue: str | None, content: str) -> SpanAttribution:
    return SpanAttribution([span(text, source)] if source else [], [span(text, cue)] if cue else [],
                           [span(text, content)], 1.0)


def words(text: str, frags) -> list[str]:
    return [text[s:e] for s, e in frags]


# round 10 (PTC 769962236, commentary): the cue's object up to the colon, the quotation below cue-less
WHATABURGER = ("The attack took place in a Whataburger restaurant, and the corporation was quick to condemn the "
               "man’s actions:\n“We were shocked to see this video and certainly don’t condone this type of customer "
               "behavior in our restaurants.”")
# round 15 (ECB+ dev eec55140a, report): the colon alone for content, the source between
NICHOLS = ('The judge had advice for anyone who deals with Nichols in the future:\n" Do not trust Mr. Nichols ever '
           'again.\nEver again.\nBecause he can not be trusted."')


def test_object_before_colon_takes_the_quotation_below():
    t = WHATABURGER
    cue = attribution(t, "the corporation", "was quick to condemn", "the man’s actions:")
    quote = attribution(t, None, None, t[t.index("“"):])
    out = colon_objects_to_quotes(t, [cue, quote], quote_mask(t))
    assert len(out) == 1
    assert words(t, out[0].cue) == ["was quick to condemn"]
    assert words(t, out[0].content) == [t[t.index("“"):]]
    assert words(t, out[0].source) == ["the corporation"]


def test_colon_alone_with_the_source_between_takes_the_quotation_below():
    t = NICHOLS
    cue = SpanAttribution([span(t, "who deals with Nichols in the future")], [span(t, "had advice for")],
                          [span(t, ":")], 1.0)
    quote = attribution(t, None, None, t[t.index('" Do'):])
    out = colon_objects_to_quotes(t, [cue, quote], quote_mask(t))
    assert [(words(t, a.cue), words(t, a.content)[0][:20]) for a in out] == [(["had advice for"], '" Do not trust Mr. N')]


def test_through_the_conventions():
    t = WHATABURGER
    cue = attribution(t, "the corporation", "was quick to condemn", "the man’s actions:")
    quote = attribution(t, None, None, t[t.index("“"):])
    out = attribution_conventions(t, [cue, quote])
    assert [(words(t, a.cue), words(t, a.content)[0][:12]) for a in out] == [(["was quick to condemn"], "“We were sho")]


def test_a_clause_before_the_colon_keeps_its_own_content():
    # the content is a clause, not an object: the quotation below stays apart
    t = "Ryan said that the bill had two problems:\n“The first is the cost.”"
    said = attribution(t, "Ryan", "said", "that the bill had two problems:")
    quote = attribution(t, None, None, "“The first is the cost.”")
    assert len(colon_objects_to_quotes(t, [said, quote], quote_mask(t))) == 2


def test_a_quotation_with_its_own_cue_is_not_taken():
    t = WHATABURGER
    cue = attribution(t, "the corporation", "was quick to condemn", "the man’s actions:")
    quote = SpanAttribution([span(t, "the corporation")], [span(t, "condemn")], [span(t, t[t.index("“"):])], 1.0)
    assert len(colon_objects_to_quotes(t, [cue, quote], quote_mask(t))) == 2


def test_wordless_content_dropped():
    # round 10 (PTC 727493378, commentary): a closing mark left of a quotation cut at its paragraph
    t = '21," said Review-Journal Editor-in-Chief Keith Moyer added.'
    a = SpanAttribution([span(t, "Review-Journal Editor-in-Chief Keith Moyer")], [span(t, "added")], [(2, 3)], 1.0)
    assert drop_wordless(t, [a]) == []
    assert attribution_conventions(t, [a]) == []


def test_a_content_with_words_stays():
    t = '"It was 21," said Review-Journal Editor-in-Chief Keith Moyer.'
    a = attribution(t, "Review-Journal Editor-in-Chief Keith Moyer", "said", '"It was 21,"')
    assert drop_wordless(t, [a]) == [a]


def test_a_word_of_a_name_is_no_cue():
    # round 17 (ECB+ dev ec88cb2cf, commentary)
    t = ('Expect endless earthquake experts in the papers tomorrow, such as the prophetic Dr Azm Al Homoud:\n'
         '"We should stop saying the UAE is not in an earthquake prone area.')
    a = attribution(t, "the prophetic Dr Azm Al", "Homoud", '"We should stop saying the UAE is not in an earthquake prone area.')
    assert not_speech(t, a, quote_mask(t)) == "garbage"
    # round 8 (PTC 111111112, report)
    t = "Anti-fascism campaigners Hope Not Hate had campaigned for the pair to not be allowed into the UK."
    a = attribution(t, "Anti-fascism campaigners", "Hope", "Not Hate had campaigned for the pair to not be allowed into the UK")
    assert not_speech(t, a, quote_mask(t)) == "garbage"


def test_capitalised_cues_of_the_lexicon_and_of_headlines_stay():
    # PTC 695833178: "Tweeted" is a lexicon word
    t = "The picture “proves FBI misled public about #StephenPaddock’s check in date,” Loomer Tweeted."
    a = attribution(t, "Loomer", "Tweeted", "The picture “proves FBI misled public about #StephenPaddock’s check in date,”")
    assert not_speech(t, a, quote_mask(t)) is None
    # PolNeAR train (huff-post, 2016-02-07): a headline's capitals
    t = "Rubio Thinks Joe Biden Was A Really Effective Senator"
    a = attribution(t, "Rubio", "Thinks", "Joe Biden Was A Really Effective Senator")
    assert not_speech(t, a, quote_mask(t)) is None


def test_a_name_called_then_the_sentence_going_on():
    # round 18 (Wikinews wn234, report)
    t = ("Bontddu Hall dates to 1873, originally a 20-room mansion, and was a country retreat for the Mayor of "
         "Birmingham called Bryn Tirion before becoming a hotel.")
    a = attribution(t, None, "called", "Bryn Tirion before becoming a hotel")
    assert not_speech(t, a, quote_mask(t)) == "naming"


def test_is_called_with_the_sentence_going_on_stays():
    # PolNeAR train (west-journal, 2015-12-21), annotated there: a be-form before "called"
    t = ("The video, released in late November, is called No Respite after a passage from Quran verse 71 where it "
         "states")
    a = attribution(t, None, "called", "No Respite after a passage from Quran verse 71 where it states")
    assert not_speech(t, a, quote_mask(t)) is None


def test_a_particle_or_a_sum_is_no_cue():
    # round 7 (PTC 732154721, report)
    t = ("BUDAPEST, Hungary, February 19, 2018 (LifeSiteNews) – Brushing aside any semblance of political correctness, "
         "Hungary’s Prime Minister said in his state of the nation speech on Sunday that, “Christianity is Europe's last hope.”")
    a = attribution(t, "Hungary’s Prime Minister", "aside", "any semblance of political correctness")
    assert not_speech(t, a, quote_mask(t)) == "function_words"
    # round 6 (PTC 754508491, report)
    t = ("The outbreak has prompted urgent action from the World Health Organization (WHO) which has dispatched a team "
         "to the country and has released $1 million to support response efforts to stop the virus from spreading.")
    a = attribution(t, None, "1 million to support", "response efforts to stop the virus from spreading")
    assert not_speech(t, a, quote_mask(t)) == "garbage"


def test_gave_the_answer_before_a_colon_quotation():
    # round 1 (PTC 727869189, commentary): the tagger's colon cue is taken away, "gave … answer" is the cue
    from newstrace.extract.colon_quotes import colon_quotes
    t = ("After a few seconds’ pause, Faggioli gave the only answer he could: “There are different responses to the "
         "same question in different times.”")
    found = colon_quotes(t, [])
    assert [(words(t, a.source), words(t, a.cue)) for a in found] == [(["Faggioli"], ["gave the only answer"])]


def test_a_telephone_call_says_nothing():
    # round 1 (PTC 730036755, report)
    t = ("After the initial hang-up call at noon, a dispatcher called the number back and reached a woman who was "
         "crying and can be heard saying, \"won't let me in.\"")
    a = attribution(t, "a dispatcher", "called", "the number back")
    assert not_speech(t, a, quote_mask(t)) == "not_communication"
    # round 4 (PTC 771406408, commentary): a full stop missing after "police"
    t = ("Many neighbours, woken by the old woman’s screams or the assaulter’s religious chanting, called the police "
         "Some gave details about the exact location of the assault.")
    a = attribution(t, "Many neighbours", "called the police", "Some gave details about the exact location of the assault.")
    assert not_speech(t, a, quote_mask(t)) == "not_communication"


def test_a_call_to_say_and_a_name_given_stay():
    # round 1 (PTC 730036755): the saying after the call
    t = "20, officers went to the home after Quentin Smith's mother called police to say the couple was arguing."
    a = attribution(t, "Quentin Smith's mother", "called police to say", "the couple was arguing")
    assert not_speech(t, a, quote_mask(t)) is None
    # PolNeAR dev (wash-post, 2016-09-14), annotated there: a name given
    t = ("She has called the police shootings of African Americans across the country and the social unrest "
         "that followed “a national crisis.”")
    a = attribution(t, "She", "has called", "the police shootings of African Americans across the country")
    assert not_speech(t, a, quote_mask(t)) != "not_communication"
