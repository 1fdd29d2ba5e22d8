"""Content boundaries by class on the judged rounds 1-18 (issue 28 item 3, bounds20; development
figures): real sentences from the judged rounds' texts (PTC train, ECB+ dev, Wikinews) and from
PolNeAR, beside sentences of the same shape that must stay as they are."""

import pytest

from newstrace.extract import attribution_conventions
from newstrace.extract.clause_ends import carry_run_on_quotes, open_at_determiners
from newstrace.extract.quotes import quote_mask
from newstrace.records import SpanAttribution


def _at(text, phrase, upto=None):
    """The span of ``phrase`` in ``text`` (to the end of ``upto`` when given)."""
    s = text.index(phrase)
    return (s, text.index(upto, s) + len(upto) if upto else s + len(phrase))


def _contents(text, spans):
    return [[text[s:e] for s, e in a.content] for a in spans]


# PTC article697444415 (judged round 1, development): a quotation of three sentences, a sentence a
# line, marked at its two ends only
PALERMO = ("“Every other night at the concert, everybody kinda exited right off Las Vegas Blvd, that was standard, that "
           "was routine, you get out of the concert and you go down to the next casino,” he continued.\n"
           "“At 10pm they closed every exit on Las Vegas Blvd, every single one.\n"
           "They gated them all closed with chain-link fences, 10:08 the shooting started and we were pigs sitting in "
           "a corral.\n"
           "We only had one exit to go out of…..everyone was just kinda following the sheep.”\n"
           "Palermo makes clear this confused concert goers who had used the normal exits in the past.")


def test_a_quotation_over_lines_is_one_content():
    first = _at(PALERMO, "At 10pm", "in a corral")  # the first two lines, as the tagger's continuation read them
    out = carry_run_on_quotes(PALERMO, [SpanAttribution([], [], [first])], quote_mask(PALERMO, across_paragraphs=True))
    assert _contents(PALERMO, out) == [[PALERMO[first[0]:PALERMO.index("sheep.") + len("sheep.")]]]


def test_a_quotation_over_lines_end_to_end():
    said = SpanAttribution([_at(PALERMO, "he continued")[:1] + (PALERMO.index("he continued") + 2,)],
                           [_at(PALERMO, "continued")], [_at(PALERMO, "Every other", "casino,")])
    out = attribution_conventions(PALERMO, [said])
    quoted = [c for c in _contents(PALERMO, out) if c[0].startswith("At 10pm")]
    assert quoted == [[PALERMO[PALERMO.index("At 10pm"):PALERMO.index("sheep.") + len("sheep.")]]]


# ECB+ dev e64c3ae47 (judged round 16): a report nested in the quotation ends with its sentence
BILLY = ('"Knowing Billy, it\'s not easy to let a coach go.\nHis relationship with Randy was pretty strong.\n'
         'I think it was hard for him to let Chris go.\nHe was excited about having Jimmy, but I don\'t think it ever '
         'gets easy."\nCheeks was one of the most popular 76ers from 1978-89.')


def test_a_report_nested_in_a_quotation_over_lines_keeps_its_sentence():
    think = SpanAttribution([_at(BILLY, "I think")[:1] + (BILLY.index("I think") + 1,)], [_at(BILLY, "think it was")[:1]
                            + (BILLY.index("think it was") + 5,)], [_at(BILLY, "it was hard", "Chris go")])
    out = carry_run_on_quotes(BILLY, [think], quote_mask(BILLY, across_paragraphs=True))
    assert _contents(BILLY, out) == [["it was hard for him to let Chris go"]]


# PTC article695833178 (judged round 3): a post of October 2017, when a post held 140 characters
LOOMER = ("And if Paddock really did act alone and this evidence is some sort of mistake, there is surely video footage "
          "proving so.\nNotice #StephenPaddock‘s van was last parked right next to a security camera inside “Garage "
          "East” @MandalayBay.\nThere is definitely footage.\nhttps://t.co/L1caGn6uqw — Laura Loomer (@LauraLoomer) "
          "October 6, 2017\nIt is also important to note that Paddock’s brother Eric has conducted a series of bizarre "
          "interviews.")


def test_a_post_of_2017_holds_140_characters():
    from newstrace.extract.embeds import embedded_posts

    posts = embedded_posts(LOOMER, [])
    assert [(LOOMER[slice(*a.source[0])], _contents(LOOMER, [a])[0]) for a in posts] == [
        ("Laura Loomer (@LauraLoomer)", ["Notice #StephenPaddock‘s van was last parked right next to a security camera "
                                         "inside “Garage East” @MandalayBay.\nThere is definitely footage."])]


def test_a_post_of_2018_holds_280_characters():
    from newstrace.extract.embeds import embedded_posts

    later = LOOMER.replace("October 6, 2017", "October 6, 2018")
    assert _contents(later, embedded_posts(later, []))[0][0].startswith("And if Paddock")


def _tagged(text, source, cue, content, upto=None):
    """An attribution of ``text`` with the spans of ``source``, ``cue`` and ``content`` (to ``upto``)."""
    return SpanAttribution([_at(text, source)] if source else [], [_at(text, cue)], [_at(text, content, upto)])


@pytest.mark.parametrize("text, source, cue, content, expected", [
    # PTC article701299732 (judged round 8)
    ("Dr. Ashok Chopra, a professor of microbiology and immunology at the University of Texas, told The Sun Online "
     "the crisis in Madagascar had yet to peak.", "Dr. Ashok Chopra", "told", "crisis", "the crisis in Madagascar had "
     "yet to peak."),
    # Wikinews wn012 (judged round 18)
    ('Boeing did not release any specific information about the initial build, telling Wikinews the company "extends '
     'its profound condolences to the families and friends of those lost[...] as well as our best wishes for the '
     'recovery of those injured."', "", "telling", "company", 'the company "extends its profound condolences to the '
     'families and friends of those lost[...] as well as our best wishes for the recovery of those injured."'),
])
def test_a_content_opens_at_its_determiner(text, source, cue, content, expected):
    a = SpanAttribution([_at(text, source)] if source else [], [_at(text, cue)], [(text.index(content), len(text))])
    assert _contents(text, open_at_determiners(text, [a])) == [[expected]]


@pytest.mark.parametrize("text, cue, content", [
    # PolNeAR train breitbart_2016-05-18_trump-s-investments-include-comp: the quoted words alone
    ("In March, Trump blasted Disney for its “outrageous practices” in requiring 250 Florida workers to train their "
     "foreign replacements before being laid off.", "blasted", "“outrageous practices”"),
    # PolNeAR train politico_2016-04-11 (the tagger's cue holds the article): the cue's, not the content's
    ("Weaver rejected the notion that the campaign is calling the senator unqualified.", "rejected the", "notion"),
])
def test_a_determiner_stays_out(text, cue, content):
    a = _tagged(text, "", cue, content, text[-2])
    assert open_at_determiners(text, [a]) == [a]


@pytest.mark.parametrize("text, expected", [
    # PTC article728343601 (judged round 5): a relative opens the clause
    ('In that letter, Mr Cruz accuses Bishop Barros of "doing all the dirty work of Fernando Karadima", and describes '
     'the abuse he suffered and which Bishop Barros allegedly witnessed.', ["which Bishop Barros", "witnessed"]),
    # PTC article787759779 (judged round 12): an opening phrase set off before the pronoun subject
    ("And, to no one's surprise, she's allegedly a Dem donor.", ["she's", "a Dem donor"]),
    # ECB+ dev e3cc4712a (judged round 14): a clause joined with ", and"
    ("ok, so, the Sox have the high offer, the Angels are out, the Nationals lack confidence, and the O ’ s have "
     "reportedly only offered seven years …", ["the O ’ s have", "only offered seven years"]),
    # PTC article787142429 (judged round 6): the clause ends before ", but she says …"
    ("Kavanaugh then allegedly covered the woman’s mouth with his hand and attempted to force himself on her, but she "
     "says she managed to free herself and bolt out of the room.",
     ["Kavanaugh then", "covered the woman’s mouth with his hand and attempted to force himself on her"]),
    # PolNeAR train west-journal_2016-07-01 and _06-20: a list of names, and ", but" with no subject after it
    ("Drug companies such as Pfizer, GlaxoSmithKline, Johnson & Johnson, and Eli Lilly were all allegedly targeted by "
     "the DNC for campaign contributions.", ["Drug companies such as Pfizer, GlaxoSmithKline, Johnson & Johnson, and Eli "
                                            "Lilly were all", "targeted by the DNC for campaign contributions"]),
    ("Hewlett Packard’s CEO Meg Whitman is a Republican, but has reportedly been critical of Trump throughout the "
     "campaign.", ["Hewlett Packard’s CEO Meg Whitman is a Republican, but has",
                   "been critical of Trump throughout the campaign"]),
])
def test_the_clause_of_a_hearsay_adverb(text, expected):
    from newstrace.extract.hearsay import hearsay

    assert _contents(text, hearsay(text, [], quote_mask(text))) == [expected]


def test_a_quotation_s_signature_line_is_no_content():
    # PolNeAR train huff-post_2016-03-10_trump-says-he-never-pledged-to-k: the quotation's last line signs
    # it; the gold's content ends with "the bomb."
    text = ('“It’s very interesting what’s happens with the Geneva Convention,” he said at one point.\n\n'
            '"Everybody believes in the Geneva Convention until they start losing and then it’s okay, let’s take out '
            'the bomb.\nDonald Trump."\n\nOr you can leave the international order to this guy.')
    first = _at(text, "Everybody", "the bomb.")
    out = carry_run_on_quotes(text, [SpanAttribution([], [], [first])], quote_mask(text, across_paragraphs=True))
    assert _contents(text, out) == [[text[slice(*first)]]]
