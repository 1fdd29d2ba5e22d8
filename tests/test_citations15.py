"""Citations in the progressive ("X is reporting that …") and Collider, an outlet of film news.

Round 15 (held out, scored once at 070a767, development since) missed "The Hollywood Reporter and
Collider are reporting that …"; the same frame stands in ECB+ dev and PolNeAR train texts, each
sentence here as it is in its corpus. Only verbs of reporting and writing count: an outlet that
is the subject of someone else's report ("is reported to have") cites no one.
"""

import pytest

from newstrace.extract.citations import extract_citations


@pytest.mark.parametrize("text, expected", [
    # judged round 15 (ECB+ dev e73bffdaa)
    ("The only one who doesn ’ t have a deal in place is director Gary Ross and The Hollywood Reporter and "
     "Collider are reporting that he is in negotiations with Lionsgate to return.",
     [("The Hollywood Reporter", "reporting"), ("Collider", "reporting")]),
    # ECB+ dev e39a36e21 and e708dc123
    ("ESPN is reporting that the Nationals have offered Mark Teixeira an 8-year, $160 million contract.",
     [("ESPN", "reporting")]),
    ("MSNBC is reporting that the Indian Navy claims they have captured 23 pirates in the Gulf of Aden.",
     [("MSNBC", "reporting")]),
    # PolNeAR train (politico_2016-03-01, west-journal_2015-12-28)
    ("“The New York Times is claiming today that they had an off-the-record conversation with you in January,” "
     "Hannity started.", [("The New York Times", "claiming")]),
    ("Local news affiliate ABC 7 is reporting that a husband and wife were surprised to see a California "
     "Department of Transportation sign.", [("ABC 7", "reporting")]),
])
def test_an_outlet_reporting_in_the_progressive_is_cited(text, expected):
    assert [(c.outlet, c.cue) for c in extract_citations(text)] == expected


def test_collider_is_an_outlet_of_its_own():
    text = "Collider reported that he is in negotiations with Lionsgate to return."  # the frame above, past tense
    assert [(c.outlet, c.cue) for c in extract_citations(text)] == [("Collider", "reported")]


def test_a_subject_of_others_reports_cites_no_one():
    # PolNeAR dev's "also is reported to have called" frame with an outlet for subject: the outlet
    # is what is reported on, not the reporter
    text = "Fox News also is reported to have called the network's rivals “free riders”."
    assert extract_citations(text) == []
