"""Citations missed on the judged round 14 (issue 28 item 4; held out when scored, development
now), one class a test, each with the real sentence: round 14's ECB+ dev and Wikinews texts,
and the same classes met in PolNeAR train and ECB+ dev texts in the wider check. Each case
failed on the code before (main 5c89e36), except the guards, which hold an answer the new
rules must keep (no citation where the comma joins a subject, none for a name that is no
outlet)."""

from __future__ import annotations

import pytest

from newstrace.extract.citations import extract_citations
from newstrace.outlets import canonical_outlet, outlet_from_url


def _cited(text: str) -> list[tuple[str, str, str]]:
    return [(c.outlet, c.cue, text[c.span[0]:c.span[1]]) for c in extract_citations(text)]


# outlets that were missing from the table (extract/data/outlets.tsv): sports desks and
# networks, regional papers
@pytest.mark.parametrize("sentence, expected", [
    # wn123 (round 14)
    ('Third place and the bronze medal went to Abderrahman Samba of Qatar with a time of 48.03 seconds.\n\n\n'
     'Speaking to BBC Sport, Warholm said, "This was a very tough race."',
     [("BBC Sport", "speaking to", "BBC Sport")]),
    # ECB+ e6ab5c9e8
    ("Back in November, while attending a Georgia Tech football game, Teixeira told ESPN that he'd like "
     "to sign by Christmas.",
     [("ESPN", "told", "ESPN")]),
    # Wikinews (wider check)
    ("The Baltimore Sun reported Cummings had been sick and was missing from Capitol Hill.",
     [("The Baltimore Sun", "reported", "The Baltimore Sun")]),
    # PolNeAR train (wider check)
    ("Organizers added 160 security personnel along the parade route, up from 90 last year, the "
     "Sun-Times reported.",
     [("Chicago Sun-Times", "reported", "Sun-Times")]),
])
def test_outlets_added_to_the_table(sentence, expected):
    assert _cited(sentence) == expected


def test_table_data_reaches_names_and_domains():
    assert canonical_outlet("Yahoo! Sports") == "Yahoo Sports"
    assert canonical_outlet("ADN") == "Anchorage Daily News"
    assert outlet_from_url("https://www.startribune.com/x") == "Star Tribune"


# the outlet's journalist in a citing frame (round 14: wn181, e63cda814, e3cc4712a)
@pytest.mark.parametrize("sentence, expected", [
    ('One resident told Paul Rivera of WESH 2 news, "We\'re used to it."',
     [("WESH 2", "told", "WESH 2")]),
    ("the trade rumor being reported, most recently by John Perrotto at Baseball Prospectus, about the "
     "Angels going after San Diego Padres' ace is likely caput.",
     [("Baseball Prospectus", "reported by", "Baseball Prospectus")]),
    ("Similarly, Buster Olney of ESPN. com believes the Nationals do not expect to sign Teixeira.",
     [("ESPN", "believes", "ESPN. com")]),
    # ECB+ e39a36e21, PolNeAR train (wider check)
    ("However, unfortunately for the Angels, Ken Rosenthal of Fox Sports reports that two major-league "
     "sources said Teixeira would prefer to be on the East Coast for family reasons.",
     [("Fox Sports", "reports", "Fox Sports")]),
    ('"Look, it\'s a phony system," Trump told Bill O\'Reilly of Fox News this week.',
     [("Fox News", "told", "Fox News")]),
])
def test_journalist_of_outlet(sentence, expected):
    assert _cited(sentence) == expected


# blocks and frames of citing: "Courtesy of X:", "X has more here:", a kind between the cue
# and the name, outlets joined by "and", a letter to the paper
@pytest.mark.parametrize("sentence, expected", [
    ("Methinks somebody's milk just went sour.\nCourtesy of ADN:\nA 57-year-old Wasilla woman has been "
     "indicted by a federal grand jury",
     [("Anchorage Daily News", "courtesy of", "ADN")]),
    ("from the USDA.\nAlaska Dispatch has more here:\nBy the mid-1980s, Mat Maid was faltering",
     [("Alaska Dispatch News", "has more here", "Alaska Dispatch")]),
    ('The train had banners on it.\n\n\nSpeaking to newspaper Star of Mysore, B Shiva Parvathi said, '
     '"It is a proud moment for me"',
     [("Star of Mysore", "speaking to", "Star of Mysore")]),
    ("The Angels have withdrawn their offer to free-agent 1B Mark Teixeira, reports FoxSports. com and "
     "Yahoo! Sports.\nIn fact, Angels GM Tony Reagins later confirmed the report",
     [("Fox Sports", "reports", "FoxSports. com"), ("Yahoo Sports", "reports", "Yahoo! Sports")]),
    ("In a letter to The Mercury News, published on Monday, PG&E President and CEO Andy Vesey said",
     [("The Mercury News", "letter to", "The Mercury News")]),
])
def test_frames_of_citing(sentence, expected):
    assert _cited(sentence) == expected


# guards: a bare comma joins no cue to a subject; a person "of" something that is no outlet
@pytest.mark.parametrize("sentence, expected", [
    # PolNeAR train, Wikinews (the first form of the "and" rule took CNN and Time)
    ("According to Variety, CNN has gotten back to Trump with their response to Trump’s demands.",
     [("Variety", "according to", "Variety")]),
    ("According to NBC, Time also considered the United States Speaker of the House Nancy Pelosi.",
     [("NBC News", "according to", "NBC")]),
    # Wikinews
    ('the teen killed by police, was arrested while crossing the street," according to Danny Gold of '
     'Metropolis.', []),
])
def test_guards(sentence, expected):
    assert _cited(sentence) == expected
