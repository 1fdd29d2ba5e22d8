"""Variants of one statement that outlets print, from PolNeAR's quote-links set
(bench/data/polnear-quote-links): each pair here was quoted by two articles of the
corpus, in these words. Each test fails on the linker before the rule it names."""

from __future__ import annotations

from newstrace.extract.quotes import classify, quote_mask
from newstrace.link import Linker
from newstrace.records import Attribution, span_text
from newstrace.store import Store
from test_link import _groups, _link_pairs, article, quote_at

# what both articles of a pair are about: the same-story evidence a short passage needs
CAMPAIGN = " Donald Trump and Hillary Clinton spoke in Ohio; Paul Ryan and Mike Pence in Wisconsin."


def test_words_left_out_without_an_ellipsis_still_link():
    """Politico, 2015-12-03, twice in one article: Trump to the AP on Israel, and the
    reporter's shorter quotation of it that drops the middle with no mark and changes one
    word ("has" for "will have")."""
    assert _link_pairs([
        ("A lot will have to do with Israel and whether or not Israel wants to make the deal — whether "
         "or not Israel's willing to sacrifice certain things", "Donald Trump",
         "has to do with Israel and whether or not Israel’s willing to sacrifice certain things", "Trump"),
    ], story=CAMPAIGN) == [True]


def test_a_part_between_elisions_quoted_whole_links():
    """HuffPost and Politico, 2016-08-11: Trump to Hugh Hewitt. Politico's quotation
    leaves words out at an ellipsis and rewords its last part; the part before the
    ellipsis is Trump's two sentences, word for word."""
    assert _link_pairs([
        ("No, I meant he’s the founder of ISIS. I do. He was the most valuable player. I give him the most "
         "valuable player award", "Donald Trump",
         "I do. He was the most valuable player. … He was the founder.", "Trump"),
    ], story=CAMPAIGN) == [True]


def test_one_quotations_last_words_are_anothers_first():
    """HuffPost and USA Today, 2016-05: the Trayvon Martin Foundation on George
    Zimmerman's gun auction; each outlet cut the statement at another end."""
    story = " George Zimmerman listed the gun used to kill Trayvon Martin; the Trayvon Martin Foundation answered."
    assert _link_pairs([
        ("As such, the foundation has no comment on the actions of that person.", "the foundation",
         "has no comment on the actions of that person that murdered Trayvon.", "the Trayvon Martin Foundation"),
    ], story=story) == [True]


def test_names_reworded_before_the_same_ten_words_still_link():
    """HuffPost and USA Today, 2016-02-02: Alex Conant on Iowa caucus night. The names are
    reordered and reworded ("Trump or Cruz to be" / "Ted Cruz or Donald Trump as") and then
    both go on in the same ten words; the line and its retort ("... for women who don't
    help each other" / "... who vote for women ...") stay apart (test_link)."""
    assert _link_pairs([
        ("It’s probably a three-person race leaving here. If you don’t want Trump or Cruz to be the nominee, "
         "you better get on board with Marco Rubio.", "Alex Conant",
         "If you don't want Ted Cruz or Donald Trump as the nominee, you better get on board with Marco Rubio",
         "Conant"),
    ]) == [True]


def _attribution(a, n: int, first: str, last: str, speaker: str) -> Attribution:
    """A direct attribution whose content runs from the quotation starting with ``first``
    to the end of the one starting with ``last`` ('"A," he said. "B."')."""
    mask = quote_mask(a.text)
    start, end = a.text.index(first), a.text.index(last)
    while end < len(a.text) and mask[end]:
        end += 1
    content = [(start, end)]
    return Attribution(id=f"{a.id}#a{n}", article=a.id, kind=classify(a.text, content, mask), source=[], cue=[],
                       content=content, content_text=span_text(a.text, content), speaker=speaker)


def test_halves_of_a_split_quotation_join_though_the_article_quoting_them_together_repeats_one():
    """HuffPost and The Western Journal, 2016-08: Trump on Paul Ryan. HuffPost splits the
    quotation around "Trump told The Post"; the Western Journal quotes it whole and then
    repeats its last sentence on its own. Nowhere are the halves quoted apart: one
    statement."""
    first = "I like Paul, but these are horrible times for our country"
    second = ("We need very strong leadership. We need very, very strong leadership. And I’m just not quite "
              "there yet. I’m not quite there yet.")
    huff = article("huff", 0, f'Trump was asked about Ryan. "{first}," Trump told The Post. "{second}"')
    west = article("west", 1, f'Trump told The Post: "{first}. {second}" He said again: "I’m not quite there yet," '
                              "about Ryan.")
    store = Store(":memory:")
    linker = Linker(store)
    linker.add(huff, [_attribution(huff, 1, first[:6], second[:6], "Donald Trump")], [], "hand")
    linker.add(west, [quote_at(west, first[:6], 1, "Donald Trump"),
                      quote_at(west, "I’m not quite there yet,", 2, "Donald Trump")], [], "hand")
    assert _groups(store) == {frozenset({"huff#a1", "west#a1", "west#a2"})}


def test_one_statement_split_at_two_places_by_two_articles_stays_two_passages():
    """Breitbart, 2016-08-23 and 08-24: Mike Pence's statement of three sentences, split
    around "Pence said" after the second in one article and after the first in the other.
    Each article quotes a passage apart from the other: two statements, not one."""
    one = ("The fact Hillary Clinton’s official schedule was full of meetings with Clinton Foundation donors is "
           "further evidence of the pay-to-play politics at her State Department. No one is above the law.")
    two = ("The Clinton Foundation must be immediately shut down and an independent special prosecutor be "
           "appointed to determine if access to Hillary Clinton was for sale.")
    three = ("It would be a dereliction of duty by President Obama and his Justice Department if they fail to act "
             "on these startling new facts right now.")
    store = Store(":memory:")
    linker = Linker(store)
    x = article("x", 0, f'Pence spoke. "{one} {two}" Pence said. "{three}"{CAMPAIGN}')
    y = article("y", 1, f'Pence spoke. "{one}" Pence said. "{two} {three}"{CAMPAIGN}')
    for a, first, second in ((x, one, three), (y, one, two)):
        linker.add(a, [quote_at(a, first[:12], 1, "Mike Pence"), quote_at(a, second[:12], 2, "Mike Pence")],
                   [], "hand")
    assert len(_groups(store)) == 2


def test_a_second_reading_of_the_same_characters_does_not_cut_a_quotation():
    """The New York Times, 2016-05-18, and HuffPost, 2016-05-24: Clinton on her husband
    "in charge of revitalizing the economy, because, you know, he knows how to do it".
    The extraction read the Times' quotation twice: whole, and as two pieces of another
    attribution. The pieces are no quoting apart: the whole quotation is one statement,
    the one HuffPost repeats."""
    words = "in charge of revitalizing the economy, because, you know, he knows how to do it"
    story = " Hillary Clinton campaigned in Kentucky for the Democratic primary; Bill Clinton was there."
    nyt = article("nyt", 0, f'Clinton said her husband would be "{words}," at a rally.{story}')
    huff = article("huff", 1, f'Clinton said of her husband: "he knows how to do it."{story}')
    start = nyt.text.index(words)
    cut = start + words.index(", because")
    pieces = [(start, cut), (start + words.index("he knows"), start + len(words))]
    store = Store(":memory:")
    linker = Linker(store)
    linker.add(nyt, [
        quote_at(nyt, words[:6], 1, "Bill Clinton"),
        Attribution(id="nyt#a2", article="nyt", kind="direct", source=[], cue=[], content=pieces,
                    content_text=span_text(nyt.text, pieces), speaker=""),
    ], [], "hand")
    linker.add(huff, [quote_at(huff, "he knows", 1, "Hillary Clinton")], [], "hand")
    whole = store.attribution_mentions("nyt")["nyt#a1"]
    assert len(whole) == 1
    assert whole[0][0] == store.attribution_mentions("huff")["huff#a1"][0][0]


def test_words_moved_by_one_outlet_still_link():
    """USA Today and The Washington Post, 2016: Clinton on coal at a town hall in
    Columbus, with "coal miners and coal companies" in one and "coal companies and coal
    miners" in another outlet's quotation."""
    assert _link_pairs([
        ("We're going to put a lot of coal companies and coal miners out of business.", "Hillary Clinton",
         "We're going to put a lot of coal miners and coal companies out of business.", "Clinton"),
    ]) == [True]


def test_two_quotations_cut_at_other_ends_with_a_word_changed_between_link():
    """ECB+ dev: Angela Merkel to the Bundestag, quoted from "This is about" by one outlet
    and up to "is at stake" by others, with "it"/"that" between."""
    assert _link_pairs([
        ("This is about nothing less than the future of Europe and with it the future of Germany in Europe",
         "Angela Merkel",
         "Nothing less than the future of Europe, and with that the future of Germany in Europe, is at stake",
         "Merkel"),
    ]) == [True]


def test_a_stock_phrase_between_elisions_joins_nothing():
    # (review) five words held whole between elisions are a stock phrase, not a passage
    from newstrace.link.align import compare
    from newstrace.link.normalize import GAP

    a = ["the", "american", "people", "deserve", "better", GAP, "and", "we", "will", "fight"]
    b = ["we", "know", "that", "the", "american", "people", "deserve", "better", "than", "this", "tax", "plan",
         "from", "washington"]
    assert compare(a, b) is None


# Trump's line at two rallies, as the Washington Post (2016-08-10) and the Western Journal
# (2016-09-12) report it (PolNeAR's quote-links set, a hard negative: one speaker, two
# occasions). The words are the same; the venues the articles name are not.
PORTLAND = ('At a rally in Portland, Maine, on Thursday afternoon, Trump included the Philippines on a list '
            'of countries he said had sent immigrants who had plotted to kill Americans. "We\'re letting people '
            'come in from terrorist nations that shouldn\'t be allowed, because you can\'t vet them," he said. '
            '"There\'s no way of vetting them. You have no idea who they are. This could be the great Trojan '
            'horse of all time."')
EVERETT = ('“Bad, bad things are going to happen,” Trump warned in Everett, Wash., recently. '
           '“This could be the great Trojan horse of all time.”')


def _statement_groups(texts: list[tuple[str, str, str]]) -> set[frozenset[str]]:
    store = Store(":memory:")
    linker = Linker(store)
    for n, (text, first, speaker) in enumerate(texts):
        a = article(f"t{n}", n, text)
        linker.add(a, [quote_at(a, first, 1, speaker)], [], "hand")
    return _groups(store)


def test_one_speakers_same_words_at_two_named_venues_are_two_statements():
    for order in ([(PORTLAND, "There's no way", "Trump"), (EVERETT, "This could be", "Donald Trump")],
                  [(EVERETT, "This could be", "Donald Trump"), (PORTLAND, "There's no way", "Trump")]):
        assert _statement_groups(order) == {frozenset({"t0#a1"}), frozenset({"t1#a1"})}, order


def test_the_same_words_at_one_venue_named_two_ways_or_unnamed_still_link():
    """Reports of one rally that name it differently ("in Portland" and "in Maine"), or a
    report that names no venue, do not part the words."""
    maine = 'Trump spoke at a rally in Bangor, Maine, and recalled Portland. "This could be the great Trojan horse of all time."'
    bare = 'Trump repeated his warning. "This could be the great Trojan horse of all time," he said.'
    for other in (maine, bare):
        assert _statement_groups([(PORTLAND, "There's no way", "Trump"),
                                  (other, "This could be", "Trump")]) == {frozenset({"t0#a1", "t1#a1"})}, other


def test_anothers_reading_of_the_words_at_another_venue_still_links():
    """Someone else quoting the line elsewhere is a mention of it, not a new utterance."""
    reading = 'At a town hall in Durham, N.C., Clinton read it out: "This could be the great Trojan horse of all time."'
    assert _statement_groups([(PORTLAND, "There's no way", "Trump"),
                                  (reading, "This could be", "Hillary Clinton")]) == {frozenset({"t0#a1", "t1#a1"})}
