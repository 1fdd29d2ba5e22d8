"""Citations: the outlets and platforms an article leans on, read from real text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.extract.citations import extract_citations
from newstrace.outlets import canonical_outlet, outlet_from_url, outlet_kind

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "baghuz-2019"


def _read(name: str) -> str:
    with open(SEEDS / f"{name}.txt", encoding="utf-8", newline="") as f:
        return f.read()


def _cited(text: str) -> list[tuple[str, str, str, str]]:
    return [(c.outlet, c.cue, c.kind, text[c.span[0]:c.span[1]]) for c in extract_citations(text)]


def test_breitbart_seed_cites_only_ap():
    text = _read("000_17fc5a22881fa018")
    # "Follow Simon Kent on Twitter" is the byline, not a source
    assert _cited(text) == [("Associated Press", "contributed", "media", "AP")]


def test_sputnik_seed_cites_its_four_outlets_and_two_platforms():
    text = _read("003_461b67336f7667d7")
    cited = _cited(text)
    assert {c[0] for c in cited} == {
        "The New York Times", "The Independent", "The New Zealand Herald", "Sputnik", "Twitter", "Telegram",
    }
    assert ("Telegram", "posted on", "platform", "Telegram") in cited
    assert ("Twitter", "said on", "platform", "Twitter") in cited
    assert ("The New York Times", "reported", "media", "New York Times") in cited
    # short and long forms resolve to one outlet, one Citation per place it is named
    assert ("The New York Times", "asks", "media", "Times") in cited
    assert ("The Independent", "reported", "media", "UK Independent") in cited
    assert ("The Independent", "noted", "media", "The Independent") in cited
    assert ("Sputnik", "reported", "media", "Sputnik") in cited
    assert len(cited) == 8


def test_article_id_is_set():
    [c] = extract_citations("Sputnik reported it.", article_id="003")
    assert (c.article, c.span) == ("003", (0, 7))


@pytest.mark.parametrize(
    "source, sentence, expected",
    [
        # sentences from PolNeAR train texts (../shared/corpora/polnear/train/text/<file>)
        ("politico_2015-11-24_clinton-s-iowa-dilemma.txt",
         "Chuck Grassley (R-Iowa) told POLITICO.", [("Politico", "told")]),
        ("west-journal_2016-01-20_wow-glenn-beck-just-responded-to.txt",
         "The Washington Times reports\xa0Beck will endorse Trump rival Sen.", [("The Washington Times", "reports")]),
        ("usa-today_2016-02-05_independents-alone-won-t-decide-.txt",
         "The Vermont senator, running against former secretary of State Hillary Clinton for the Democratic "
         "nomination, leads Clinton 50% to 40% among registered Democrats in New Hampshire, according to a "
         "CNN/WMUR poll.", [("CNN", "poll")]),
        ("nyt_2016-08-01_pressure-rises-on-trump-after-cr.txt",
         "Khan's criticism, writing on Twitter that the real issue at stake in the election was terrorism.",
         [("Twitter", "writing on")]),
        ("huff-post_2016-07-31_clinton-says-russians-hacked-dnc.txt",
         "WASHINGTON (Reuters) - U.S. Democratic presidential candidate Hillary Clinton said Russian "
         "intelligence services hacked into Democratic National Committee computers", [("Reuters", "dateline")]),
        ("wash-post_2016-02-09_barbs-and-pleas-before-n-h-vote.txt",
         'Reaching for the jugular, Trump said on CNN that Bush "has to bring his mother out and lug his '
         'mother around at 90 years old.', [("CNN", "said on")]),
        # an outlet named as someone's employer is not cited; the Times' report is
        ("nyt_2016-08-18_trump-hires-conservative-website.txt",
         "Roger Ailes, the former chairman of Fox News, also met with Mr. Trump that day, as The New York "
         "Times reported on Tuesday", [("The New York Times", "reported")]),
        # a local station by its network and channel is that station, not the network
        ("huff-post_2016-05-12_george-zimmerman-auctioning-off-.txt",
         "“I’m a free American,” he told Fox 35 in Orlando.", [("Fox 35", "told")]),
        ("west-journal_2015-12-28_drivers-are-so-shocked-by-these-.txt",
         "Caltrans told ABC 7 that someone had reprogrammed the sign, which as of Sunday had been reprogrammed back.",
         [("ABC 7", "told")]),
        # an outlet that reached someone for a comment
        ("politico_2016-04-09_trump-s-getting-trounced-in-indi.txt",
         "Contacted by POLITICO, a terse Miller agreed that she was not in the Trump camp",
         [("Politico", "contacted by")]),
        ("wash-post_2015-12-20_marco-rubio-s-strategic-stances.txt",
         "Rubio seemed to urge the opposite tactic in a speech to conservative pastors in Iowa and in an "
         "interview with the Christian Broadcasting Network.", [("CBN News", "interview with")]),
        # negatives: no outlet is leaned on
        ("breitbart_2016-03-15_the-latest-kasich-scores-all-del.txt",
         "McConnell told reporters that he had a conversation with the candidate Tuesday morning, the first "
         "time the two men spoke since December.", []),
        ("wash-post_2016-02-21_oregon-occupier-uses-st-amendmen.txt",
         'Santilli started his YouTube channel in 2009, and his first videos show a starkly different person '
         'than the long-haired "ambush journalist" of today.', []),
        ("nyt_2015-12-14_visa-screening-missed-attacker-s.txt",
         "It may seem surprising that a Facebook or Twitter post could go unnoticed in a background screening.", []),
        ("nyt_2015-12-15_white-house-schmoozing-season-ho.txt",
         "Ann Compton, who covered the White House for 40 years for ABC News, said she almost always treated the "
         "photo line as a crucial, although brief, opportunity to buttonhole the president with a question only he "
         "could answer.", []),
        ("politico_2016-07-06_atlantic-city-officials-welcome-.txt",  # a man named Guardian
         "Guardian said he understood why Clinton would travel here to scrutinize Trump’s failed ventures", []),
        ("nyt_2016-07-25_political-future-unsure-at-fox-a.txt",
         "In turn, the language on their shows often made its way to the stump speeches of candidates, and Fox "
         "News found itself playing host to those candidates night after night.", []),
        ("breitbart_2016-01-23_poll-donald-trump-ties-hillary-c.txt",
         "GOP frontrunner Donald Trump does better in a match up against Hillary Clinton or Michael Bloomberg "
         "than fellow GOP presidential candidates Sen. Ted Cruz (R-TX) and Sen. Marco Rubio (R-FL)", []),
    ],
)
def test_polnear_sentences(source, sentence, expected):
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear" / "train" / "text" / source
    if corpus.exists():  # the quote is real: check it against the corpus when it is here
        assert sentence in corpus.read_text(encoding="utf-8")
    assert [(c.outlet, c.cue) for c in extract_citations(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("the Daily Beast reported on Monday.", [("The Daily Beast", "reported")]),
        ("The Pocono Record reported that the bridge closed.", [("Pocono Record", "reported")]),
        ("The Pentagon reported no casualties.", []),
        ("He posted on X that he had won.", [("Twitter", "posted on")]),
        ("X said it would comply.", []),
        ("Independent voters said they were undecided.", []),
        ("The Times reported it first.", []),  # no antecedent: which Times is unknown
        ("The bill passed the Hill on Tuesday, The Hill reported.", [("The Hill", "reported")]),
        ("Michael Bloomberg said on Tuesday he would not run.", []),
        ("In an interview with the BBC, she said no.", [("BBC", "interview with")]),
        ("Associated Press writer Jane Doe contributed to this report.", [("Associated Press", "contributed")]),
        ("AP contributed to this report", [("Associated Press", "contributed")]),
        # an unknown outlet's name does not take the word that opens the sentence, nor the
        # sentence before (PTC and Wikinews sentences)
        ("But Swedish TV reported there were over 300 shootings.", [("Swedish TV", "reported")]),
        ("Terms of Use.\nThe Pocono Record reports:\nA watchdog group filed", [("Pocono Record", "reports")]),
        ("WHO has reported 2119 cases of the plague.", []),
        ("Schilling told WEEI: I replied to the post.", [("WEEI", "told")]),
    ],
)
def test_cues_and_names(sentence, expected):
    assert [(c.outlet, c.cue) for c in extract_citations(sentence)] == expected


def test_outlet_table():
    assert canonical_outlet("the UK Independent") == "The Independent"
    assert canonical_outlet("NYT") == "The New York Times"
    assert canonical_outlet("The Times of London") == "The Times"
    assert canonical_outlet("WSJ") == "The Wall Street Journal"
    assert canonical_outlet("Daily Planet") is None
    assert outlet_from_url("https://www.nytimes.com/2019/03/20/world/isis.html") == "The New York Times"
    assert outlet_from_url("https://edition.cnn.com/x") == "CNN"
    assert outlet_from_url("https://www.thetimes.co.uk/article/x") == "The Times"
    # an unknown site is its registered domain, by the Public Suffix List
    assert outlet_from_url("https://news.example.org/a") == "example.org"
    assert outlet_from_url("https://news.example.co.uk/a") == "example.co.uk"
    assert outlet_from_url("https://someone.blogspot.com/2019/x.html") == "someone.blogspot.com"
    assert outlet_from_url("https://en.wikinews.org/wiki/X") == "Wikinews"
    assert outlet_from_url("http://localhost:8000/a") == "localhost"
    assert outlet_kind("Telegram") == "platform" and outlet_kind("BBC") == "media"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "Times", "New York Times", "reported", "told", "CNN", "(Reuters)", "-",
                                 "said on", "Twitter", "X", "according to", "AP", "contributed", ",", ".", "Bob", "\n"]),
                max_size=25))
def test_spans_always_name_the_outlet(words):
    text = " ".join(words)
    for c in extract_citations(text):
        s, e = c.span
        assert 0 <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e] and text[s:e]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # issue 28: programmes and print titles cite the outlet that airs or prints them
        ("Mr Blair told Newsnight that the war was legal.", [("BBC", "told")]),
        ("In a statement to Newsnight, the ministry denied it.", [("BBC", "statement to")]),
        ("Mr Straw said on the Today programme that he had no regrets.", [("BBC", "said on")]),
        ("He told BBC One's Breakfast with Frost that the dossier was accurate.", [("BBC", "told")]),
        ("Mr Hoon told GMTV's Sunday programme that troops would stay.", [("GMTV", "told")]),
        ("The vice-chancellor told the Times Higher Education Supplement that fees would rise.",
         [("Times Higher Education", "told")]),
        ("Polly Toynbee wrote in the Guardian that the plan had failed.", [("The Guardian", "wrote in")]),
        ("Mr Cook claimed in the Observer that the intelligence was thin.", [("The Observer", "claimed in")]),
        ("The Catholic Herald also highlighted the bishops' concerns.", [("Catholic Herald", "highlighted")]),
        ("A poll for the Independent on Sunday found Labour ahead.", [("The Independent on Sunday", "poll for")]),
        ("Reprinted from WND.com.", [("WND", "reprinted from")]),
        ("Lew shared the experience on Facebook.", [("Facebook", "shared on")]),
        # not citations
        ("He said in his State of the Union that taxes would fall.", []),
        ("The observer said the vote was fair.", []),
    ],
)
def test_programmes_and_print_titles(sentence, expected):
    assert [(c.outlet, c.cue) for c in extract_citations(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # outlets the table learned 2026-12-07 (a wider list of US, European and world media),
        # in real sentences of PTC articles (../shared/corpora/ptc/train/articles)
        ("An ADL official told JTA on Friday that the group had reached out to Rep. Danny Davis.",
         [("JTA", "told")]),
        ("“We do not understand,” he said, after the Malian immigrant was found unfit to stand trial, "
         "20 Minutes reported Wednesday.", [("20 Minutes", "reported")]),
        ("“It doesn’t matter,” FBI spokeswoman Sandra Breault told the Las Vegas Review-Journal on Thursday.",
         [("Las Vegas Review-Journal", "told")]),
        ("The photographer, Askia Muhammad, told the Trice Edney News Wire that he “gave the picture up”.",
         [("Trice Edney News Wire", "told")]),
        # the names that are common words are outlets only in their outlet's form
        ("People said they were angry.", []),
        ("He told People magazine it was over.", [("People magazine", "told")]),
        ("Deadline reported it.", []),
    ],
)
def test_outlets_of_the_wider_table(sentence, expected):
    assert [(c.outlet, c.cue) for c in extract_citations(sentence)] == expected


def test_an_article_citing_its_own_outlet_is_self():
    text = "Mr Blair told the BBC that he was sorry, the Guardian reported."
    cited = [(c.outlet, c.kind) for c in extract_citations(text, outlet="BBC")]
    assert cited == [("BBC", "self"), ("The Guardian", "media")]
    assert [c.kind for c in extract_citations(text, outlet="bbc.co.uk")] == ["media", "media"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # outlets no table names, known by the word that ends a paper's name and a frame
        # only media or sources take (PTC articles of the judged sample's first round,
        # ../shared/corpora/ptc/train/articles: 770956434, 730061195, 758477392)
        # (in the outlet table since citations10, by its own name)
        ("Article posted with permission from The Washington Standard\n",
         [("The Washington Standard", "posted with permission from", "The Washington Standard")]),
        ("the home, which had a history of domestic violence calls, according to the Columbus Dispatch.\n",
         [("Columbus Dispatch", "according to", "Columbus Dispatch")]),
        ("However, Dr Toby Heys told the New Scientist in 2017 that an infrasound attack wouldn't be easy.",
         [("New Scientist", "told", "New Scientist")]),
        # the short form of an outlet named before resolves to it
        ("a woman can be heard crying before the line goes dead, the Cincinnati Enquirer reported.\n"
         "Police had gone there three weeks ago, records obtained by the Enquirer showed.",
         [("Cincinnati Enquirer", "reported", "Cincinnati Enquirer"),
          ("Cincinnati Enquirer", "obtained by", "Enquirer")]),
        # ... also when its head is a word short forms of known outlets use ("the Herald")
        ("a woman can be heard crying before the line goes dead, the Lakeland Herald reported.\n"
         "Police had gone there three weeks ago, records obtained by the Herald showed.",
         [("Lakeland Herald", "reported", "Lakeland Herald"), ("Lakeland Herald", "obtained by", "Herald")]),
        # a known outlet's own arm is that outlet (PTC 735815173)
        ("he wasn't sure if someone from his office had told the ADL he was misquoted, he told "
         "The Daily Caller News Foundation on Sunday.",
         [("The Daily Caller", "told", "The Daily Caller News Foundation")]),
        # PolNeAR train: papers the table does not name, in speech frames
        ("The Charlotte Observer found that 1 in 4 residents lived in poverty.",
         [("Charlotte Observer", "found", "Charlotte Observer")]),
        # names that groups and journals share with media: no citation in a speech frame
        ("The American Action Network says it will spend nearly $15 million.", []),
        ("Clinton spoke to the Planned Parenthood Action Network, her first campaign speech.", []),
        ("a new study published in the American Journal of Preventive Medicine on January 5", []),
    ],
)
def test_unknown_outlets_by_their_names_and_frames(sentence, expected):
    assert [(o, cue, span) for o, cue, _, span in _cited(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a sentence that opens with the cue (PTC 795693029, read after round 2 was scored)
    ("According to Breitbart, the caravan of migrants has grown to several thousand people.",
     [("Breitbart", "according to", "Breitbart")]),
    ("Trump wrote of the caravan in a series of tweets on Twitter.", [("Twitter", "tweets on", "Twitter")]),
])
def test_cues_that_open_a_sentence_or_name_tweets(sentence, expected):
    assert [(o, cue, span) for o, cue, _, span in _cited(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # outlets named with their kind, known or not (ECB+ dev, PTC train)
    ("Swedish police told the Danish tabloid Ekstra Bladet that the gang is trying to build up.",
     [("Ekstra Bladet", "told", "Ekstra Bladet")]),
    ("It's \"full of wounded,\" Iran's official news agency IRNA said.", [("IRNA", "said", "IRNA")]),
    ("The poll of 520 people published in the Kathimerini newspaper gave a 4.5 percent lead.",
     [("Kathimerini", "published in", "Kathimerini")]),
    ("Strauss-Kahn said in an interview in French newspaper Le Parisien Wednesday.",
     [("Le Parisien", "an interview in", "Le Parisien")]),
    ("\"My roots are there,\" he told the newspaper La Stampa on Monday.", [("La Stampa", "told", "La Stampa")]),
    ("He told the newspaper Tuesday that he would stay.", []),
    ("The Times newspaper also reported last week that he would stay.", []),
    # reprint credits (PTC 725276027)
    ("[Judge Extends Freeze On Indonesian Immigrants' Deportation, by Nate Raymond, Reuters, January 17, 2018] "
     "Federal officials", [("Reuters", "credit", "Reuters")]),
    ("[Potential Release Of Hundreds Of Illegals From Iraq, by Stephen Dinan, Washington Times, January 3, 2018]",
     [("The Washington Times", "credit", "Washington Times")]),
    # a network's affiliate is the station, not the network (PTC 111111121)
    ("\u201cFederal laws prohibit me from taking action,\u201d according to ABC affiliate WFAA.",
     [("WFAA", "according to", "WFAA")]),
    ("The incident \u2014 one of more than 700 police killings counted by The Washington Post this year \u2014 sparked",
     [("The Washington Post", "counted by", "The Washington Post")]),
    # PTC 741923579, 787955075, 712382330
    ("\u201cMotive a mystery in car explosion at Travis Air Force Base\u201d was the Los Angeles Times headline.",
     [("Los Angeles Times", "headline", "Los Angeles Times")]),
    ("Fox News further reported that a source familiar with the matter said so.",
     [("Fox News", "reported", "Fox News")]),
    ("In an interview with Catholic World Report (CWR) in December 2016, Cardinal Raymond Burke said",
     [("Catholic World Report", "interview with", "Catholic World Report")]),
    ("The Mueller Report said the campaign did not conspire.", []),
    # (review) the subject of what was told is no outlet; an abbreviation's dot ends no name
    ("He told the newspaper Clinton had been warned about the server.", []),
    ("He told the St. Petersburg Times newspaper that he was sorry.",
     [("St. Petersburg Times", "told", "St. Petersburg Times")]),
])
def test_outlets_by_kind_credits_affiliates_and_gathered_data(sentence, expected):
    assert [(o, cue, span) for o, cue, _, span in _cited(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # a syndication credit and a credit line after a reprinted passage (PTC 758469195,
    # 761874505, judged round 5; 697472447, 755170235 of PTC train)
    ("American in China injured in 'sonic attack'\n\n© Provided by Al Jazeera Secretary of State Mike Pompeo "
     "said the US was moving medical teams to China.", [("Al Jazeera", "provided by")]),
    ("He said he only wanted service mementos.\n–Fox News\n“They interpreted the law in my case to say it was "
     "criminal,” Saucier told Fox News.", [("Fox News", "credit"), ("Fox News", "told")]),
    ("Campos’s story and background remains a mystery.\n–Newsweek\nCampos’s co-worker said so.",
     [("Newsweek", "credit")]),
    # an outlet's journalist reports, reads, says (PTC 786250729, round 5; PolNeAR train)
    ("Fox News’ Tucker Carlson read an internal email on Monday night’s show.", [("Fox News", "read")]),
    ('"I never said that," Trump said, after CNBC\'s Becky Quick said it was on his website.', [("CNBC", "said")]),
    # a dash inside a sentence is no credit line
    ("The hosts — CNN and Fox News — were there.", []),
])
def test_credits_and_journalists(sentence, expected):
    assert [(c.outlet, c.cue) for c in extract_citations(sentence)] == expected
