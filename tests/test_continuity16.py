"""A content that runs over a line break outside a quotation into another sentence (a
dateline, the previous sentence, the next one) is kept to its cue's lines (issue 28 item 3,
continuity16; round 15 is development data).

Real sentences: judged round 15 (ECB+ dev eec55140a, ee81e1e5b, e01c4b9a4), judged round 14
(ECB+ dev e1b1ea667), a judged PTC round (article723883127)."""

from __future__ import annotations

from newstrace.extract.clause_ends import cut_at_line_ends
from newstrace.extract.quotes import quote_mask
from newstrace.records import SpanAttribution


def _span(text: str, source: str, cue: str, content: str) -> SpanAttribution:
    def at(s: str) -> list[tuple[int, int]]:
        return [(text.index(s), text.index(s) + len(s))]
    return SpanAttribution(at(source), at(cue), at(content))


def _contents(text: str, spans: list[SpanAttribution]) -> list[list[str]]:
    return [[text[s:e].strip('"') for s, e in a.content] for a in spans]


def test_dateline_and_previous_sentence_left_out():
    # judged round 15, ee81e1e5b: the tagger's content opened inside the line two lines up
    text = ("Ten people are killed and about 50 hurt.\nU.S. Geological Survey puts the magnitude at 6.1.\n"
            "November 28, 2005\nTen people were killed and at least 50 injured when an earthquake razed mud-brick "
            "villages on the Persian Gulf island of Qeshm off Iran's southern coast Sunday, officials and state "
            "media said.")
    a = _span(text, "officials and state media", "said", text[text.index("S. Geological"):text.index(", officials")])
    out = cut_at_line_ends(text, [a], quote_mask(text, across_paragraphs=True))
    assert _contents(text, out) == [[
        "Ten people were killed and at least 50 injured when an earthquake razed mud-brick villages on the Persian "
        "Gulf island of Qeshm off Iran's southern coast Sunday"]]
    # e01c4b9a4: the content opened after the dateline's "02:"
    text = ("Last Updated: Monday, 28 November 2005, 02:24 GMT\nA powerful earthquake has hit southern Iran, killing "
            "at least 10 people, injuring dozens more and damaging several villages, officials say.")
    a = _span(text, "officials", "say", text[text.index("24 GMT"):text.index(", officials")])
    out = cut_at_line_ends(text, [a], quote_mask(text, across_paragraphs=True))
    assert _contents(text, out)[0][0].startswith("A powerful earthquake")


def test_next_sentence_left_out():
    # judged round 15, ee81e1e5b
    text = ("Tehran's seismologic center put the quake's magnitude at 5.9, but the U.S. Geological Survey in Golden, "
            "Colo., said it was 6.1.\nA magnitude 6 quake can cause severe damage.\nThe temblor was felt across "
            "the gulf in Oman and the United Arab Emirates.")
    a = _span(text, "the U.S. Geological Survey in Golden, Colo.", "said",
              "it was 6.1.\nA magnitude 6 quake can cause severe damage")
    out = cut_at_line_ends(text, [a], quote_mask(text, across_paragraphs=True))
    assert _contents(text, out) == [["it was 6.1."]]


def test_contents_that_run_over_lines_in_the_gold_stay():
    mask = quote_mask
    # judged round 15, eec55140a: a quotation over two lines, its cue on the second
    text = ('" I believe Brian Nichols did not win.\nIn his own words, he said it\'s not his DNA to stay in jail, '
            'which is what he has to look forward to the rest of his life," said Christina Greenway, daughter of '
            "slain court reporter Julie Ann Brandau.")
    a = _span(text, "Christina Greenway", "said", text[:text.index(" said Christina")])
    assert cut_at_line_ends(text, [a], mask(text, across_paragraphs=True)) == [a]
    # judged round 14, e1b1ea667: a report after its cue's colon, over several lines
    text = ("Courtesy of ADN:\nA 57-year-old Wasilla woman has been indicted by a federal grand jury on charges she "
            "defrauded the state of Alaska and lied to the U.S. Department of Agriculture during the operation of the "
            "now-defunct Matanuska Creamery.\nThe indictment also charges Valley Dairy CEO and investor Karen B. Olson "
            "with concealing the alleged criminal conduct of the former dairy manager, Kyle Beus.")
    a = _span(text, "ADN", "Courtesy of", text[text.index("A 57"):])
    assert cut_at_line_ends(text, [a], mask(text, across_paragraphs=True)) == [a]
    # a judged PTC round (article723883127): a line broken after "the Rev."
    text = ("Francis said that until he sees proof that Bishop Juan Barros was complicit in covering up the sex crimes "
            "of the Rev.\nFernando Karadima, such accusations against Barros are \u201call calumny.\u201d")
    a = _span(text, "Francis", "said", text[text.index("that until"):text.index("such accusations") - 2])
    assert cut_at_line_ends(text, [a], mask(text, across_paragraphs=True)) == [a]
