"""Quotation marks: the mask, and the repairs complete_quotes makes to content spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.extract.quotes import complete_quotes, quote_mask
from newstrace.records import SpanAttribution


def _find(text, word, start=0):
    i = text.index(word, start)
    return (i, i + len(word))


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
    inner = SpanAttribution([_find(t, "Trump")], [_find(t, "said")], [_find(t, "he would win")])
    outer = SpanAttribution([_find(t, "Clinton")], [_find(t, "said", 20)], [(1, 25)])
    got = complete_quotes(t, [inner, outer])
    assert _texts(t, got[0].content) == ["he would win,"]
    assert _texts(t, got[1].content) == ["Trump said he would win,"]


def test_split_quotation_gets_its_second_part():
    t = '"We will rebuild," Smith said. "And we will do it before winter." Then he left.'
    a = SpanAttribution([_find(t, "Smith")], [_find(t, "said")], [_find(t, "We will rebuild")])
    [b] = complete_quotes(t, [a])
    assert _texts(t, b.content) == ["We will rebuild,", "And we will do it before winter."]


def test_second_part_held_by_another_attribution_or_paragraph_is_left():
    t = '"We won," Ann said. "We lost," Bob replied.'
    ann = SpanAttribution([_find(t, "Ann")], [_find(t, "said")], [_find(t, "We won")])
    bob = SpanAttribution([_find(t, "Bob")], [_find(t, "replied")], [_find(t, "We lost")])
    got = complete_quotes(t, [ann, bob])
    assert _texts(t, got[0].content) == ["We won,"]
    assert _texts(t, got[1].content) == ["We lost,"]
    t = '"We won," Ann said.\n\n"And we will win again."'
    ann = SpanAttribution([_find(t, "Ann")], [_find(t, "said")], [_find(t, "We won")])
    assert _texts(t, complete_quotes(t, [ann])[0].content) == ["We won,"]


def test_unquoted_content_is_untouched():
    t = "The minister said that the bridge would reopen in May."
    a = SpanAttribution([_find(t, "The minister")], [_find(t, "said")], [(23, 40)])
    assert complete_quotes(t, [a]) == [a]


_chars = st.sampled_from(list('ab ."“”,\n') + ["said", "He", "x"])


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
    got = complete_quotes(text, spans)
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
@given(st.text(alphabet='ab \n"“”„‟«»\'', max_size=60))
def test_quote_mask_matches_its_definition(text):
    assert quote_mask(text) == _reference_mask(text)
