"""Rounds 1-19's misses by class (issue 28 items 3 and 4, recall21; round 19 is development data):
"indicate" in a relative clause or a participle after the reports, videos or polls it hangs on,
which the tagger left with no cue (judged rounds 1, 3 and 8; PolNeAR train marks the one such
participle it holds), and a platform something was posted to ("posted a photo to Twitter",
round 19). Real sentences from the judged rounds (PTC train, Wikinews) and PolNeAR train, beside
sentences of the same shape that must stay as they are."""

import pytest

from newstrace.extract import attribution_conventions
from newstrace.extract.citations import extract_citations
from newstrace.extract.indications import indications
from newstrace.extract.quotes import quote_mask


def _roles(text, a):
    return tuple(" | ".join(text[s:e] for s, e in frags) for frags in (a.source, a.cue, a.content))


@pytest.mark.parametrize("text, expected", [
    # judged round 1 (dev), article697444415
    ("Brett Schoening, the Las Vegas Metropolitan Police Department's sheriff since the attack, appeared on "
     "“The Blast” with a series of shocking comments that correlate with various other reports indicating that "
     "multiple shooters carried out the attack and that the FBI is actively covering this up.",
     ("various other reports", "indicating",
      "that multiple shooters carried out the attack and that the FBI is actively covering this up")),
    # judged round 3, article695833178: a relative clause after its subject's verb
    ("Keep in mind that at least four videos from the scene of the shooting have already been released that "
     "indicate there were multiple shooters.",
     ("at least four videos from the scene of the shooting", "indicate", "there were multiple shooters")),
    # judged round 8, article703806098: over an appositive, the adverb in the cue
    ("From dozens of eyewitness reports, including Suchomel’s, that clearly indicate the presence of multiple "
     "shooters, to the possibility of helicopters being used in the attack, the American people are left "
     "with questions.",
     ("dozens of eyewitness reports, including Suchomel’s,", "clearly indicate", "the presence of multiple shooters")),
    # PolNeAR train (marked there: source "some polls", cue "indicating")
    ("The race appears closer in Ohio, with some polls indicating that John Kasich, the governor there, has a "
     "small lead.",
     ("some polls", "indicating", "that John Kasich, the governor there, has a small lead")),
])
def test_indications_found(text, expected):
    assert [_roles(text, a) for a in indications(text, [], quote_mask(text))] == [expected]
    # and through the conventions users get, once
    found = [_roles(text, a) for a in attribution_conventions(text, [])]
    assert expected[1] in [cue for _, cue, _ in found]


@pytest.mark.parametrize("text", [
    # judged round 1 (held-out), not counted there: symptoms are no report
    "In addition, at least 24 US citizens suffered symptoms indicating they had been deliberately and covertly "
    "targeted.",
    # a person's relative clause with "who" is the tagger's; a finite verb is too
    "The senator, who indicated no interest in the post, left the room.",
    "The preliminary report indicated the Paddock died of a gun shot wound to the head.",
    # inside a quotation the speaker's words are left to ``nested``
    'Hay added, "Our work indicates that local management provides a degree of insurance against stresses."',
])
def test_indications_left_alone(text):
    assert indications(text, [], quote_mask(text)) == []


def test_posted_to_platform():
    # judged round 19, wn284
    t = ("Shortly after Rittenhouse's release, one of his lawyers posted a photo to Twitter showing him and actor "
         "Ricky Schroder standing next to each other and smiling.")
    assert [(c.outlet, c.cue) for c in extract_citations(t)] == [("Twitter", "posted to")]


@pytest.mark.parametrize("text", [
    # PolNeAR train: "posts" is a noun here, and the staff are not the platform
    "On Twitter, people can flag and report posts to Twitter staff members around the world.",
    "He sent the clip to Twitter for review.",
])
def test_posted_to_left_alone(text):
    assert [c.cue for c in extract_citations(text) if c.cue.endswith(" to")] == []
