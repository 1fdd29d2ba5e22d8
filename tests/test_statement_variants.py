"""Variants of one statement that outlets print, from PolNeAR's quote-links set
(bench/data/polnear-quote-links): each pair here was quoted by two articles of the
corpus, in these words. Each test fails on the linker before the rule it names."""

from __future__ import annotations

from test_link import _link_pairs

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


def test_words_moved_by_one_outlet_still_link():
    """USA Today and The Washington Post, 2016: Clinton on coal at a town hall in
    Columbus, with "coal miners and coal companies" in one and "coal companies and coal
    miners" in another outlet's quotation."""
    assert _link_pairs([
        ("We're going to put a lot of coal companies and coal miners out of business.", "Hillary Clinton",
         "We're going to put a lot of coal miners and coal companies out of business.", "Clinton"),
    ]) == [True]
