"""Quotation marks and commas: the quote mask, and the repairs complete_quotes and
complete_parenthetical make to content spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.extract.parenthetical import MAX_LEAD, complete_parenthetical, sentence_start
from conftest import POLNEAR, needs_shared
from newstrace.extract.quotes import classify, complete_quotes, quote_mask, quote_view
from newstrace.records import SpanAttribution


def _find(text, word, start=0):
    i = text.index(word, start)
    return (i, i + len(word))


def _attribution(text, source, cue, content):
    """The attribution of the first ``source``, ``cue`` and ``content`` in ``text``."""
    return SpanAttribution([_find(text, source)], [_find(text, cue)], [_find(text, content)])


def _texts(text, frags):
    return [text[s:e] for s, e in frags]


def test_content_cut_inside_a_quotation_is_widened_to_it():
    t = 'Rubio said: "You have not been involved in a consequential decision."'
    s = t.index("consequential")
    a = SpanAttribution([_find(t, "Rubio")], [_find(t, "said")], [(s, s + 20)])
    [b] = complete_quotes(t, [a])
    assert _texts(t, b.content) == ["You have not been involved in a consequential decision."]


def test_nested_attribution_keeps_its_inner_content():
    t = '"Trump said he would win," Clinton said.'
    inner = _attribution(t, "Trump", "said", "he would win")
    outer = SpanAttribution([_find(t, "Clinton")], [_find(t, "said", 20)], [(1, 25)])
    got = complete_quotes(t, [inner, outer])
    assert _texts(t, got[0].content) == ["he would win,"]
    assert _texts(t, got[1].content) == ["Trump said he would win,"]


def test_split_quotation_gets_its_second_part():
    t = '"We will rebuild," Smith said. "And we will do it before winter." Then he left.'
    a = _attribution(t, "Smith", "said", "We will rebuild")
    [b] = complete_quotes(t, [a])
    assert _texts(t, b.content) == ["We will rebuild,", "And we will do it before winter."]


def test_second_part_held_by_another_attribution_or_paragraph_is_left():
    t = '"We won," Ann said. "We lost," Bob replied.'
    ann = _attribution(t, "Ann", "said", "We won")
    bob = _attribution(t, "Bob", "replied", "We lost")
    got = complete_quotes(t, [ann, bob])
    assert _texts(t, got[0].content) == ["We won,"]
    assert _texts(t, got[1].content) == ["We lost,"]
    t = '"We won," Ann said.\n\n"And we will win again."'
    ann = _attribution(t, "Ann", "said", "We won")
    assert _texts(t, complete_quotes(t, [ann])[0].content) == ["We won,"]


def test_split_quotation_gets_its_first_part():
    t = ('"There never was a stand-down order," said the base chief, speaking publicly for '
         'the first time. "At no time did I doubt that the team would leave."')
    a = _attribution(t, "the base chief", "said", "At no time did I doubt that the team would leave.")
    [b] = complete_quotes(t, [a])
    assert _texts(t, b.content) == ["There never was a stand-down order,",
                                    "At no time did I doubt that the team would leave."]


def test_split_quotation_in_doubled_apostrophes_gets_its_first_part():
    """The New York Times archive's ''doubled apostrophes'' (PolNeAR train, 2015): the
    tagger's content for the second part starts at its opening marks."""
    t = ("''The key to the success of these ventures was the broader market timing,'' Mr. Hedge "
         "said, referring to the two resorts. ''I assume they saw the luxury golf market returning.''")
    second = t.index("''I assume")
    a = SpanAttribution([_find(t, "Mr. Hedge")], [_find(t, "said")], [(second, len(t))])
    [b] = complete_quotes(t, [a])
    assert _texts(t, b.content) == ["The key to the success of these ventures was the broader market timing,",
                                    "''I assume they saw the luxury golf market returning.''"]


def test_first_part_held_by_another_attribution_or_before_a_full_stop_is_left():
    t = 'Ann asked, "Is it over?" Bob answered. "It is."'
    ann = _attribution(t, "Ann", "asked", "Is it over?")
    bob = _attribution(t, "Bob", "answered", "It is.")
    got = complete_quotes(t, [ann, bob])
    assert _texts(t, got[1].content) == ["It is."]
    # "...over." ends a sentence of its own: not the first part of Bob's quotation
    t = '"It is over." Bob answered. "It is."'
    bob = _attribution(t, "Bob", "answered", "It is.")
    assert _texts(t, complete_quotes(t, [bob])[0].content) == ["It is."]


def test_unquoted_content_is_untouched():
    t = "The minister said that the bridge would reopen in May."
    a = SpanAttribution([_find(t, "The minister")], [_find(t, "said")], [(23, 40)])
    assert complete_quotes(t, [a]) == [a]


_chars = st.sampled_from(list('ab ."“”,?\n') + ["said", "He", "x", "Mr.", ", he said, ", "''", "``", "'"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_chars, max_size=40).map("".join), st.data())
def test_repairs_only_widen_and_stay_inside_the_text(text, data):
    n = len(text)
    if n < 3:
        return
    spans = []
    for _ in range(data.draw(st.integers(0, 3))):
        cs = data.draw(st.integers(0, n - 1))
        s = data.draw(st.integers(0, n - 1))
        e = data.draw(st.integers(s + 1, n))
        spans.append(SpanAttribution([], [(cs, cs + 1)], [(s, e)]))
    got = complete_parenthetical(text, complete_quotes(text, spans))
    assert len(got) == len(spans)
    for before, after in zip(spans, got):
        assert after.cue == before.cue and after.source == before.source
        assert after.content == sorted(after.content)
        for s, e in after.content:
            assert 0 <= s < e <= n
        # every character of the old content is still content
        old = {i for s, e in before.content for i in range(s, e)}
        new = {i for s, e in after.content for i in range(s, e)}
        assert old <= new
    mask = quote_mask(text)
    assert len(mask) == n


def test_parenthetical_cue_gets_the_lead_before_it():
    t = "Sales fell. Otherwise, she said, countries may simply steal growth from one another."
    a = _attribution(t, "she", "said", "countries may simply steal growth from one another")
    [b] = complete_parenthetical(t, [a])
    assert _texts(t, b.content) == ["Otherwise", "countries may simply steal growth from one another"]
    # an abbreviation's full stop does not end the sentence; more words of the cue may
    # sit before the second comma
    t = "Sen. Warren, Clinton said in a tweet, had been right all along."
    a = _attribution(t, "Clinton", "said", "had been right all along")
    assert _texts(t, complete_parenthetical(t, [a])[0].content) == [
        "Sen. Warren", "had been right all along"]


def test_parenthetical_lead_is_not_taken_when_it_sets_the_scene_or_is_held():
    # a quotation after the commas: the lead sets the scene, annotators leave it out
    t = 'On Tuesday, Trump tweeted, "It is rigged."'
    a = _attribution(t, "Trump", "tweeted", "It is rigged.")
    assert complete_parenthetical(t, [a]) == [a]
    # a long lead is mostly a sentence of its own
    lead = "The report, which ran to three hundred pages and took two years to write"
    assert len(lead) > MAX_LEAD
    t = lead + ", he said, was never published."
    a = _attribution(t, "he", "said", "was never published")
    assert complete_parenthetical(t, [a]) == [a]
    # the lead is another attribution's content, or holds another cue
    t = "Prices, Ann said, will rise, Bob said, within a year."
    ann = SpanAttribution([_find(t, "Ann")], [_find(t, "said")], [_find(t, "Prices"), _find(t, "will rise")])
    bob = SpanAttribution([_find(t, "Bob")], [_find(t, "said", 20)], [_find(t, "within a year")])
    assert complete_parenthetical(t, [ann, bob]) == [ann, bob]
    # content that does not start right after the commas
    t = "Otherwise, she said, countries may simply steal growth."
    a = _attribution(t, "she", "said", "steal growth")
    assert complete_parenthetical(t, [a]) == [a]


def test_sentence_start():
    t = "He left. Mr. Smith stayed, and U.S. officials, Dr. Jones said, agreed.\nNew line"
    assert t[sentence_start(t, t.index("agreed")):].startswith("Mr. Smith")
    assert t[sentence_start(t, t.index("line")):].startswith("New line")
    assert sentence_start(t, 3) == 0


def _reference_mask(text):
    """quote_mask's definition, one character at a time."""
    mask, inside = bytearray(len(text)), False
    for i, ch in enumerate(text):
        if ch == "\n" or ch in "”»":
            inside = False
        elif ch in "“„‟«":
            inside = True
        elif ch == '"':
            inside = not inside
        elif inside:
            mask[i] = 1
    return mask


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='ab \n"“”„‟«»\'`', max_size=60))
def test_quote_mask_matches_its_definition(text):
    assert quote_mask(text, doubled=False) == _reference_mask(text)
    # doubled marks: the same definition over the view, which keeps every offset
    view = quote_view(text)
    assert len(view) == len(text) and quote_mask(text) == _reference_mask(view)
    if "''" not in text and "``" not in text:
        assert view == text


def test_doubled_apostrophes_are_quotation_marks():
    t = "Mr. Obama said the Islamic State had been ''contained'' in Iraq."
    s = t.index("contained")
    assert _texts(t, [(i, i + 1) for i, q in enumerate(quote_mask(t)) if q]) == list("contained")
    assert classify(t, [(s, s + 9)]) == "direct"
    # one quoted word in indirect content is a scare quote, not a quotation (issue 28)
    assert classify(t, [(t.index("the Islamic"), len(t) - 1)]) == "indirect"
    t = "Mr. Obama said the Islamic State had been ''contained in every way'' in Iraq."
    assert classify(t, [(t.index("the Islamic"), len(t) - 1)]) == "mixed"
    # an apostrophe alone is no mark; `` opens (Penn Treebank style)
    assert not any(quote_mask("the students' fees, Ann's"))
    ptb = "``We won,'' he said"
    assert [i for i, q in enumerate(quote_mask(ptb)) if q] == list(range(ptb.index("We"), ptb.index("''")))


@needs_shared(POLNEAR / "train")
def test_new_york_times_split_quotation_in_doubled_apostrophes_is_completed():
    """PolNeAR's New York Times articles write quotations ''so'': a content the tagger
    cut inside one is widened to it, and a split quotation gets its second part, as for
    curly marks (the annotators include both parts)."""
    text = (POLNEAR / "train/text/nyt_2016-01-20_in-prisoner-swap-compassion-vs-c.txt").read_bytes().decode("utf-8")
    start = text.index("''You hear that a lot")
    t = text[start:text.index("\n", start)]
    first, second = "You hear that a lot, and I understand the point,", "This is a complicated world"
    source = "Representative Dan Kildee, a Michigan Democrat who flew to Germany with the family of Amir Hekmati, " \
             "another freed American"
    cut = _attribution(t, source, "said", "You hear that a lot, and I understand")
    [a] = complete_quotes(t, [cut])
    got = _texts(t, a.content)
    assert got[0] == first and got[1].startswith(second) and got[1].endswith("that we have to deal with.")


def test_first_part_needs_a_real_quotation():
    # a closing mark with no quotation before it (a typo): nothing to add
    t = 'Sales were up,” Bob said. “It is.”'
    bob = _attribution(t, "Bob", "said", "It is.")
    assert _texts(t, complete_quotes(t, [bob])[0].content) == ["It is."]
