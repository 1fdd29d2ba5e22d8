"""Round 18's misses by class (issue 28 item 3, recall19; round 18 is development from its one
score at main 7c21427): a report in a "with" absolute phrase ("…, with local media reporting
no-one was in the houses"), with real sentences from the judged round, ECB+ dev and PolNeAR
train, beside sentences of the same shape that hold no report and must stay as they are."""

import pytest

from newstrace.extract import attribution_conventions
from newstrace.extract.bare_clauses import with_reports
from newstrace.extract.quotes import quote_mask


def _found(text, spans=()):
    return [(text[slice(*a.source[0])], text[slice(*a.cue[0])], text[slice(*a.content[0])])
            for a in with_reports(text, list(spans), quote_mask(text))]


@pytest.mark.parametrize("text, expected", [
    # judged round 18, wn012 (Wikinews, "Iranian cargo plane crashes into Karaj houses")
    ("All but one of the sixteen on-board died; no deaths were reported on the ground, with local media "
     "reporting no-one was in the houses.",
     ("local media", "reporting", "no-one was in the houses")),
    # ECB+ dev e37763083
    ("Another survey, in Kathimerini daily, put disapproval of the government at 68 percent with 60 percent of "
     "those polled saying the riots were a social uprising rather than an outburst by an isolated fringe of "
     "violent protesters.",
     ("60 percent of those polled", "saying", "the riots were a social uprising rather than an outburst by an "
      "isolated fringe of violent protesters")),
    # PolNeAR train politico_2015-11-12_cruz-and-trump-tied-in-texas-pol (gold: "saying" is a cue)
    ("South Carolina Sen. Lindsey Graham comes in second, with 22 percent saying they would definitely not "
     "support him.",
     ("22 percent", "saying", "they would definitely not support him")),
])
def test_a_report_in_a_with_phrase(text, expected):
    assert _found(text) == [expected]


@pytest.mark.parametrize("text", [
    # PolNeAR train (none of these is a gold cue): no clause after the participle, or "with" is
    # no absolute phrase's
    "Cruz of Texas, who won, 27.6 percent to 24.3 percent, with 100 percent of precincts reporting.",
    "Allergan, the far smaller company, will end up buying Pfizer, with the combined company claiming residency "
    "in Ireland.",
    "He dismissed efforts by some Republicans to spotlight their differences with Trump while saying they still "
    "will vote for their party's nominee.",
    # inside a quotation the speaker's words are left to ``nested``
    '"We came out with the whole team saying we would win the league," he said.',
])
def test_no_report_in_a_with_phrase(text):
    assert _found(text) == []


def test_the_tagger_s_attribution_is_kept():
    text = ("All but one of the sixteen on-board died; no deaths were reported on the ground, with local media "
            "reporting no-one was in the houses.")
    found = with_reports(text, [], quote_mask(text))
    assert _found(text, found) == []  # that cue is taken: nothing added twice
    out = attribution_conventions(text, found)
    assert [text[slice(*a.cue[0])] for a in out] == ["reporting"]
