"""Speakers: each attribution's source resolved to the fullest name the article gives."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.extract.nlp import analyse, load_nlp
from newstrace.extract.speakers import resolve_speakers, speaker_key
from newstrace.records import SpanAttribution

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "speakers.jsonl"
SEEDS = ("000_17fc5a22881fa018", "003_461b67336f7667d7")
POLNEAR_DEV = ROOT.parent / "shared" / "corpora" / "polnear" / "dev" / "text"


def _gold(article: str) -> list[dict]:
    with open(GOLD, encoding="utf-8") as f:
        return [row for row in map(json.loads, f) if row["article"] == article]


def _atts(rows: list[dict]) -> list[SpanAttribution]:
    return [SpanAttribution([tuple(s) for s in r["source"]], [tuple(s) for s in r["cue"]],
                            [tuple(s) for s in r["content"]]) for r in rows]


def _one(text: str, source: str, cue: str, nth: int = 0) -> SpanAttribution:
    """An attribution whose source is the ``nth`` occurrence of ``source``; cue after it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(source, start + 1)
    cue_at = text.index(cue, start + len(source))
    end = cue_at + len(cue)
    return SpanAttribution([(start, start + len(source))], [(cue_at, end)], [(end, end)])


@pytest.mark.parametrize("article", SEEDS)
def test_seed_speakers_exactly(article):
    with open(ROOT / "examples" / "baghuz-2019" / f"{article}.txt", encoding="utf-8", newline="") as f:
        text = f.read()
    rows = _gold(article)
    assert len(rows) >= 7
    for row in rows:  # the gold offsets are real: they cover what the file says
        assert all(0 <= s < e <= len(text) for frag in ("source", "cue", "content") for s, e in row[frag])
    assert resolve_speakers(text, _atts(rows), analyse(text)) == [r["speaker"] for r in rows]


def test_seed_speakers_read_by_eye():
    text = (ROOT / "examples" / "baghuz-2019" / "003_461b67336f7667d7.txt").read_text(encoding="utf-8")
    atts = [_one(text, "SDF spokesperson Mustafa Bali", "said"),
            _one(text, "a militant who identifies himself as Abu Abdul-Azim", "says"),
            _one(text, "he", "claims", nth=text[:text.index("he claims")].count("he")),
            _one(text, "the Times", "asks", nth=1)]
    assert text[atts[2].source[0][0]:atts[2].source[0][1] + 7] == "he claims"
    assert resolve_speakers(text, atts) == ["Mustafa Bali", "Abu Abdul-Azim", "Mujahir", "The New York Times"]


def test_gold_accuracy():
    """Seeds plus 10 PolNeAR dev articles, read and resolved by hand (bench/speakers_eval.py)."""
    if not POLNEAR_DEV.exists():
        pytest.skip("PolNeAR dev is read from ../shared/corpora")
    sys.path.insert(0, str(ROOT / "bench"))
    import speakers_eval

    scores = speakers_eval.evaluate()
    right, total = scores["overall"]
    assert total >= 120
    # measured 116/123 = 0.943 (names 59/59, pronouns 16/16, descriptions 35/42)
    assert right / total >= 0.85
    assert scores["name"][0] / scores["name"][1] >= 0.9
    assert scores["pronoun"][0] / scores["pronoun"][1] >= 0.85


@pytest.mark.parametrize("gold, total, floor", [
    # ten Wikinews articles (tests/fixtures/speakers): 131/175 = 0.749 when the file was
    # written (2026-11-30), held out; 140/175 since
    ("HELD_OUT", 175, 0.72),
    # three Wikinews interviews (tests/fixtures/interviews): 69/75 = 0.920, 36/75 before
    # interview turns were read (2026-11-30); read while the turns were written
    ("INTERVIEWS", 75, 0.88),
    # six fresh Wikinews articles (tests/fixtures/speakers_fresh): 57/93 = 0.613 held out
    # when the file was written (2026-12-01), 75/93 after that day's later rules
    ("FRESH", 93, 0.78),
])
def test_wikinews_gold_accuracy(gold, total, floor):
    """Wikinews articles (CC BY 2.5), the attributions the extractor found in them and the
    speakers read by hand (bench/speakers_eval.py --held-out, --interviews, --fresh)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import speakers_eval

    right, counted = speakers_eval.evaluate(gold=getattr(speakers_eval, gold))["overall"]
    assert counted == total
    assert right / counted >= floor


def test_full_names_titles_and_possessives():
    text = ("Republican nominee Donald Trump spoke in Ohio. Trump said the race was rigged. "
            "Sen. Marco Rubio's office said he disagreed. Sen. Marco Rubio's reply was brief.")
    atts = [_one(text, "Trump", "said", nth=1), _one(text, "Sen. Marco Rubio's", "reply", nth=1),
            _one(text, "Sen. Marco Rubio's office", "said")]
    assert resolve_speakers(text, atts) == ["Donald Trump", "Marco Rubio", "Sen. Marco Rubio's office"]


def test_pronouns_follow_the_speaker_and_gender():
    text = ("Hillary Clinton met Bernie Sanders on Monday. “We agree on a lot,” Sanders said. "
            "“It was a good talk,” she said. “I hope so,” he said.")
    atts = [_one(text, "Sanders", "said", nth=1), _one(text, "she", "said"), _one(text, "he", "said", nth=1)]
    assert text[atts[2].source[0][0]:atts[2].source[0][1]] == "he"
    assert resolve_speakers(text, atts) == ["Bernie Sanders", "Hillary Clinton", "Bernie Sanders"]


def test_roles_descriptions_and_missing_sources():
    text = ("SDF spokesperson Mustafa Bali said the fight went on. Later the spokesperson said it was over. "
            "An unidentified official said little. The group said nothing.")
    atts = [_one(text, "the spokesperson", "said"), _one(text, "An unidentified official", "said"),
            _one(text, "The group", "said"), SpanAttribution([], [], [(0, 10)])]
    assert resolve_speakers(text, atts) == ["Mustafa Bali", "an unidentified official", "the group", None]


def test_first_person_inside_a_quote_is_the_quoted_speaker():
    text = "“I think we will win,” Donald Trump said."
    outer = SpanAttribution([(23, 35)], [(36, 40)], [(0, 21)])
    inner = SpanAttribution([(1, 2)], [(3, 8)], [(9, 20)])
    assert resolve_speakers(text, [inner, outer]) == ["Donald Trump", "Donald Trump"]


def test_speaker_key():
    assert speaker_key("Abu Abdul-Azim") == speaker_key("abu abdul-azim") == "abu abdul azim"
    assert speaker_key("Sen. Marco Rubio's") == "marco rubio"
    assert speaker_key("José Martí") == speaker_key("Jose Marti")
    assert speaker_key("The New York Times") == speaker_key("the New York Times")
    assert speaker_key(None) == ""


@given(st.text(max_size=40))
def test_speaker_key_is_stable(name):
    key = speaker_key(name)
    assert speaker_key(key) == key
    assert speaker_key(name.upper()) == speaker_key(name.lower()) or not name.isascii()


def test_pipeline_is_small_and_cached():
    nlp = load_nlp()
    assert nlp is load_nlp()
    assert "ner" in nlp.pipe_names and "parser" not in nlp.pipe_names
    assert nlp.max_length >= 100_000


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="ab Cd.,“”\"'\nHe she said Mr. Trump", max_size=80), st.data())
def test_any_spans_resolve_without_error(text, data):
    n = len(text)
    spans = st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple), max_size=2)
    atts = [SpanAttribution(data.draw(spans), data.draw(spans), data.draw(spans)) for _ in range(data.draw(st.integers(0, 3)))]
    speakers = resolve_speakers(text, atts)
    assert len(speakers) == len(atts)
    assert all(s is None or isinstance(s, str) for s in speakers)


# Passages from English Wikinews (CC BY 2.5): "Arrest made as mayor of Gdańsk, Poland stabbed
# on stage" (2019-01-14), "Hurricane Humberto strengthens to Category 3 while approaching
# Bermuda" (2019-09-19) and "Bombs kill at least 20 at cathedral in Mindanao, Philippines"
# (2019-01-28).
GDANSK = ("An individual has been arrested after Paweł Adamowicz, mayor of the Polish city of Gdańsk, "
          "was stabbed last night whilst on stage at a fundraising event. He died today.\n\n\n"
          "Adamowicz, 53, has supported LGBT rights and and the inclusion of minority groups.")
HUMBERTO = ("In an advisory issued yesterday evening, the National Hurricane Center (NHC) confirmed that "
            "a hurricane warning for Hurricane Humberto, a category 3 hurricane, was in effect for "
            "Bermuda.\n\n\nThe NHC predicted that Humberto would pass by Bermuda Wednesday night, before "
            "beginning to weaken on Thursday.")

JOLO = ("Jolo, and the Sulu region it is within, were among the areas to vote against the measure.\n\n\n"
        "Arnel dela Vega of the army's Western Mindanao Command said the Abu Sayyaf Group are the "
        "suspected perpetrators.")


def test_ages_and_brackets_after_a_name_are_not_part_of_it():
    atts = [_one(GDANSK, "Adamowicz, 53,", "has supported")]
    assert resolve_speakers(GDANSK, atts) == ["Paweł Adamowicz"]
    atts = [_one(HUMBERTO, "the National Hurricane Center (NHC)", "confirmed")]
    assert speaker_key(resolve_speakers(HUMBERTO, atts)[0]) == speaker_key("National Hurricane Center")
    # "of ..." after a name says where the person works; NER found only "dela Vega"
    atts = [_one(JOLO, "Arnel dela Vega of the army's Western Mindanao Command", "said")]
    assert resolve_speakers(JOLO, atts) == ["Arnel dela Vega"]


def test_an_abbreviation_is_what_the_article_spelled_out():
    atts = [_one(HUMBERTO, "the National Hurricane Center (NHC)", "confirmed"),
            _one(HUMBERTO, "The NHC", "predicted")]
    first, second = resolve_speakers(HUMBERTO, atts)
    assert second == "National Hurricane Center"
    assert speaker_key(first) == speaker_key(second)  # one speaker, so one statement list


def test_an_abbreviation_spelled_out_with_commas():
    """A bundled Wikinews article (CC BY 2.5): "... United Nations Educational, Scientific and
    Cultural Organization (UNESCO) ... UNESCO also said ..."."""
    path = ROOT / "tests" / "fixtures" / "speakers" / "turkey-s-president-erdogan-proposes-converting-hagia-sophia.txt"
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    atts = [_one(text, "UNESCO", "also said", nth=2)]
    assert resolve_speakers(text, atts) == ["United Nations Educational, Scientific and Cultural Organization"]


@pytest.mark.parametrize("article, source, cue, speaker", [
    ("politico_2016-09-23_partisan-fireworks-over-clinton-", "Chaffetz (R-Utah)", "said", "Jason Chaffetz"),
    ("nyt_2016-10-02_a-curious-plan-to-fight-climate-", "Mr. Morgan of the Sierra Club", "said", "Peter Morgan"),
    ("huff-post_2016-10-07_frustrated-parents-rally-nationw", "AROS", "", "Alliance to Reclaim Our Schools"),
])
def test_polnear_sources_with_trailers(article, source, cue, speaker):
    """Sources as PolNeAR dev annotates them, read from ../shared (not copied here)."""
    paths = list(POLNEAR_DEV.glob(f"{article}*.txt")) if POLNEAR_DEV.exists() else []
    if not paths:
        pytest.skip("PolNeAR dev is read from ../shared/corpora")
    with open(paths[0], encoding="utf-8", newline="") as f:
        text = f.read()
    nth = 0 if source != "AROS" else text.count("(AROS)")  # the first "AROS" after its definition
    assert resolve_speakers(text, [_one(text, source, cue, nth=nth)]) == [speaker]


POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear"


@pytest.mark.parametrize("split, article, source, speaker", [
    # an epithet after the quote is the person the sentence before was about ...
    ("dev", "politico_2016-09-28_axelrod-calls-on-dean", "Obama's former campaign strategist", "David Axelrod"),
    # ... but a possessive description opening a sentence is someone new
    ("dev", "politico_2016-09-22_house-panel-votes-to-hold", "Pagliano's lawyer", "Pagliano's lawyer"),
    # a headline describes the speaker whom the story names after it
    ("dev", "west-journal_2016-09-15_retired-general-reveals", "Retired General", "Norman Ham"),
    ("dev", "west-journal_2016-09-14_clinton-hid-past-health", "Former White House Doctor", "Connie Mariano"),
    # an abbreviated title is a role: "The Ohio governor" is the "Ohio Gov. John Kasich" named before ...
    ("train", "breitbart_2016-02-20_the-latest-hillary-clint", "The Ohio governor", "John Kasich"),
    ("train", "breitbart_2016-03-02_christie-s-shell-shocked", "The governor", "Chris Christie"),
    # ... but "the senator" right after an untitled Cruz is Cruz, not the "Sen. John McCain" of paragraphs before
    ("train", "wash-post_2015-12-24_ted-cruz-constitutional", "the senator", "Ted Cruz"),
    # "She" is the woman named in the sentences before, not the man named since whose gender is not known
    ("train", "breitbart_2016-05-25_hacker-guccifer-clinton", "She", "Cynthia McFadden"),
    ("train", "wash-post_2016-06-06_clinton-wins-puerto-rico", "she", "Hillary Clinton"),
    # an organisation is a "they" as well as an "it"
    ("train", "breitbart_2015-11-18_ny-daily-news-paris", "They", "the New York Daily News"),
    # "the statement" after "In a statement, the Association ... called": the Association's
    ("dev", "politico_2016-09-30_flight-attendants-union", "The statement", "the Association of Flight Attendants"),
    ("train", "nyt_2015-12-03_columbia-defends-exxon-article", "The letter", "Exxon Mobil"),
    # a title NER takes into the name is not part of it
    ("train", "usa-today_2016-03-21_trump-campaign-makes-a-c", "Rabbi Rick Jacobs, president of the Union for Reform "
     "Judaism", "Rick Jacobs"),
    # what a person or a body wrote speaks for them
    ("train", "nyt_2016-05-27_clinton-faces-tight-primary-wi", "The poll by the Public Policy Institute of California",
     "Public Policy Institute of California"),
    ("train", "politico_2015-11-30_congress-set-to-dump-no-c", "a study by the Council of the Great City Schools",
     "Council of the Great City Schools"),
    ("dev", "west-journal_2016-09-14_clinton-hid-past-health", "her account", "Connie Mariano"),
    ("train", "politico_2016-07-11_gay-republicans-push-for", "Hoff’s letter", "Rachel Hoff"),
    ("train", "politico_2016-03-10_hillary-clinton-s-backsea", "Axelrod’s memoir", "David Axelrod"),
])
def test_roles_titles_and_headlines(split, article, source, speaker):
    """Every gold attribution of a PolNeAR article resolved together, as the pipeline does;
    read from ../shared (not copied here) and checked against the speaker read by hand."""
    folder = POLNEAR / split
    texts = list((folder / "text").glob(f"{article}*.txt")) if folder.exists() else []
    if not texts:
        pytest.skip("PolNeAR is read from ../shared/corpora")
    sys.path.insert(0, str(ROOT / "bench"))
    import speakers_eval

    with open(texts[0], encoding="utf-8", newline="") as f:
        text = f.read()
    atts = speakers_eval.polnear_spans(sorted((folder / "attributions").glob(f"{texts[0].stem}_*.ann"))[0])
    resolved = resolve_speakers(text, atts)
    found = [who for att, who in zip(atts, resolved)
             if att.source and " ".join(text[a:b] for a, b in sorted(att.source)) == source]
    assert found and set(found) == {speaker}


def _in_child(code: str, limit: int = 120) -> None:
    """Run ``code`` in a child process with a time limit, so that a rule gone quadratic
    fails the test instead of hanging the suite."""
    import subprocess

    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=limit)


def test_long_capitalised_runs_do_not_stall_the_rules():
    """A block of capitals (an encoded attachment, a shouted page) once made the
    abbreviation rule backtrack over every start: 32,000 letters took a minute."""
    _in_child("from newstrace.extract.speakers import resolve_speakers, speaker_key\n"
              "from newstrace.extract.speakers.abbreviations import abbreviations as _abbreviations\n"
              "from newstrace.extract.citations import extract_citations\n"
              "from newstrace.records import SpanAttribution as A\n"
              "t = 'A' * 60_000 + ' said the World Health Organization (WHO). ' + 'Aaa of the ' * 5_000\n"
              "assert _abbreviations(t) == {'WHO': 'World Health Organization'}\n"
              "extract_citations(t)\n"
              "t = t[50_000:]; s = t.index('the World')\n"
              "(who,) = resolve_speakers(t, [A([(s, s + 35)], [(s - 5, s - 1)], [(0, 5)])])\n"
              "assert speaker_key(who) == speaker_key('World Health Organization'), who\n")


def test_a_long_run_without_spaces_is_one_token():
    """spaCy's tokenizer strips brackets off a run one at a time (quadratic: 100,000 of
    them took hours, and a whole `newstrace run` with them was killed after 10 minutes)."""
    _in_child("from newstrace.extract.nlp import analyse\n"
              "t = 'Title\\n\\n' + '(' * 50_000 + ')' * 50_000 + ' Officials in Gdansk said \"it is fine.\"\\n'\n"
              "doc = analyse(t)\n"
              # the run is longer than one NER piece (nlp.MAX_LENGTH): cut once, a few tokens
              "assert doc.text == t and len(doc) < 30, len(doc)\n"
              "assert [e.text for e in doc.ents] == ['Gdansk'], doc.ents\n")
    doc = analyse("Dr. Connie Mariano (retired) said \"no.\" See https://example.com/a?b=c.")
    assert [t.text for t in doc][:8] == ["Dr.", "Connie", "Mariano", "(", "retired", ")", "said", '"']


def test_two_people_who_spoke_together_are_a_they():
    # PolNeAR dev (nyt_2016-09-12): 'But Mr. Grassley and Mr. Leahy say ... they say.'
    text = ("Senators Charles E. Grassley and Patrick J. Leahy wrote to the committee.\n\n"
            "But Mr. Grassley and Mr. Leahy say other changes are needed.\n\n"
            "The program has expanded well beyond its original intent, they say.")
    src1 = text.index("Mr. Grassley and Mr. Leahy")
    cue1 = text.index("say other")
    src2 = text.rindex("they")
    atts = [
        SpanAttribution([(src1, src1 + len("Mr. Grassley and Mr. Leahy"))], [(cue1, cue1 + 3)],
                        [(cue1 + 4, text.index(".", cue1))]),
        SpanAttribution([(src2, src2 + 4)], [(src2 + 5, src2 + 8)], [(text.index("The program"), src2 - 2)]),
    ]
    first, second = resolve_speakers(text, atts)
    assert " and " in first and "Grassley" in first and "Leahy" in first
    assert second == first
    # an unresolved "they" is no speaker at all
    lone = "They said it would rain."
    assert resolve_speakers(lone, [SpanAttribution([(0, 4)], [(5, 9)], [(10, 23)])]) == [None]


@pytest.mark.parametrize("article, context, pronoun, speaker", [
    # an organisation named right before "which" or "that" ...
    ("politico_2016-09-23_partisan-fireworks-over-clinton-", "to the AP, which", "which", "AP"),
    ("nyt_2016-09-20_examining-the-u-n-s-record-on-ur", "U.N. Women, which", "which", "U.N. Women"),
    # ... a lone surname NER took for one, before "who", is the person
    ("west-journal_2016-09-21_chris-christie-calls-hillary-cli", "Christie, who", "who", "Chris Christie"),
    # a group of people before "who" (PolNeAR train)
    ("../../train/text/wash-post_2016-06-05_is-sanders-finally-connecting-wi", "Asian Americans, who", "who",
     "Asian Americans"),
    # a person before an apposition and "who" is the person; an organisation ending the
    # apposition before "which" is the organisation (PolNeAR train)
    ("../../train/text/nyt_2016-03-21_factory-workers-feel-sting-of-gl", "a senior analyst at Jefferies, who",
     "who", "Howard Rubel"),
    ("../../train/text/nyt_2016-01-30_traditionally-democrat-unions-ar", "Workers of America, which", "which",
     "the Communications Workers of America"),
    # but "a super PAC that" stays the description it is
    ("usa-today_2016-09-22_super-pac-haul-surges-past-b-sma", "a super PAC that", "that", "a super PAC"),
])
def test_relative_pronouns_after_names(article, context, pronoun, speaker):
    """PolNeAR dev sources, read from ../shared (not copied here)."""
    path = POLNEAR_DEV / f"{article}.txt"
    if not path.exists():
        pytest.skip("PolNeAR dev is read from ../shared/corpora")
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    start = text.index(context) + context.rindex(pronoun)
    end = start + len(pronoun)
    att = SpanAttribution([(start, end)], [(end + 1, end + 2)], [(end + 3, end + 20)])
    assert resolve_speakers(text, [att]) == [speaker]


@pytest.mark.parametrize("article, source_start, speaker", [
    # a group that just spoke is the next "they", by the head of its description (without the
    # members it names, "Proponents, including the United States Conference of Mayors": ``clause_cut``;
    # in lower case, a group's word, as ``people_word`` gives it: the same key as "Proponents")
    ("nyt_2016-09-12_visa-program-up-for-renewal-amid", "they say they support", "proponents"),
    # persons after a preposition, and those "and" joins to them, are not the source's head
    ("politico_2016-09-22_judge-rejects-new-york-times-req", "lawyers for both Donald and Ivana Trump",
     "lawyers for both Donald and Ivana Trump"),
    # an organisation named before with every word of the description
    ("train/nyt_2016-03-21_factory-workers-feel-sting-of-gl", "the union agreed", "United Steelworkers union"),
    ("wash-post_2016-09-25_federal-court-rules", "The appeals court ruled", "U.S. Court of Appeals"),
    # a name NER ran on past a possessive ("Trump’s Jewish supporters") is the person's
    ("train/politico_2015-12-03_trump-carson-flop-with-jewish-re", "Trump told The Associated Press",
     "Donald Trump"),
    # a name NER missed before an apposition or a relative clause, named in full elsewhere
    ("train/politico_2016-05-23_senate-candidates-stake-out-a-ra", "Jolly, who was elected", "David Jolly"),
    ("train/wash-post_2016-03-18_rabbis-vow-to-boycott-trump-spee", "Hicks, his campaign spokeswoman",
     "Hope Hicks"),
    # a first line that a blank line follows is a title, whatever its case: its "Will
    # Sanders" (NER's) is no fuller name of the article's Sanders
    ("train/wash-post_2016-06-09_game-over-will-sanders-come-down", "Sanders, who hadn", "Bernie Sanders"),
    # but a list is not an apposition
    ("train/politico_2016-06-14_sanders-scripts-his-primary-seas", "Sanders, his aides and those",
     "Sanders, his aides and those in attendance"),
    # "the company" is the business just named ("the technology giant Cisco Systems"), not
    # the last name with "Company" in it ("Moelis & Company")
    ("train/nyt_2016-01-07_personal-touch-helps-boutique-ba", "the company think", "Cisco Systems"),
])
def test_descriptions_of_many(article, source_start, speaker):
    """All of a PolNeAR article's gold attributions (dev unless named), read from ../shared."""
    sys.path.insert(0, str(ROOT / "bench"))
    import speakers_eval

    split, article = article.split("/") if "/" in article else ("dev", article)
    anns = sorted((POLNEAR / split / "attributions").glob(f"{article}*.ann"))
    if not anns:
        pytest.skip("PolNeAR is read from ../shared/corpora")
    with open(POLNEAR / split / "text" / f"{anns[0].stem.rsplit('_', 1)[0]}.txt", encoding="utf-8", newline="") as f:
        text = f.read()
    atts = speakers_eval.polnear_spans(anns[0])
    at = text.index(source_start)
    [k] = [k for k, a in enumerate(atts) if a.source and a.source[0][0] == at]
    assert resolve_speakers(text, atts)[k] == speaker


def test_a_columns_i_is_its_one_named_author(tmp_path):
    # the byline arrives with the article (JSONL "author", a sidecar, HTML metadata); a
    # desk or several names are no one to give an "I" to
    import json

    import newstrace

    text = ("I have covered city hall for a decade. I believe the budget will fail, "
            "and the mayor's office says it will not.\n")
    rows = [{"id": "col", "author": "By Dana Whitfield", "text": text},
            {"id": "desk", "author": "Breitbart News", "text": text},
            {"id": "none", "text": text}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    newstrace.run(tmp_path / "in.jsonl", out=tmp_path / "out")
    found = {}
    for a in map(json.loads, open(tmp_path / "out" / "attributions.jsonl")):
        if a["speaker_mention"] == "I":
            found.setdefault(a["article"], set()).add(a["speaker"])
    assert found["col"] == {"Dana Whitfield"}
    assert found["desk"] == {None} and found["none"] == {None}


def test_broken_sources_name_no_one():
    # the tagger sometimes leaves a source of one word: "the", the "s" of "let's", "By";
    # those name no one, while "U.S." and "42%" are what the text gives
    text = "Since 1983, the research team has banded chicks. 42% say so. U.S. officials say it works. Let's hope."
    def att(word):
        start = text.index(word)
        return SpanAttribution([(start, start + len(word))], [(start, start)], [(start, start + 1)])
    lets = text.index("'s hope")
    broken = SpanAttribution([(lets, lets + 2)], [(lets + 3, lets + 7)], [(lets + 3, lets + 8)])
    speakers = resolve_speakers(text, [att("the"), att("42%"), att("U.S."), broken])
    assert speakers[0] is None and speakers[3] is None
    assert speakers[1] == "42%" and speakers[2] is not None


def test_a_capitalised_title_is_the_person_last_given_it():
    # Wikinews, 2020: "Prime Minister Igor Matovič ... Council spokesperson Barend Leyts ...
    # the Prime Minister apologised": the office's holder, not the last person named
    def speaker(text):
        s, c = text.index("the Prime Minister"), text.index("apologised")
        att = SpanAttribution([(s, s + len("the Prime Minister"))], [(c, c + 10)], [(c + 11, len(text) - 1)])
        return resolve_speakers(text, [att])[0]

    text = ("Prime Minister Igor Matovič posted a message on Facebook on Friday.\n\n"
            "Council spokesperson Barend Leyts said procedures had been followed.\n\n"
            "Later the Prime Minister apologised to the people of his country.")
    assert speaker(text) == "Igor Matovič"
    # a title no one was given is no one's
    assert speaker(text.replace("Prime Minister Igor", "Mr. Igor")) != "Igor Matovič"


def test_people_ner_calls_organisations_are_people():
    """en_core_web_sm tags "Gáspár Maróth" (Wikinews, 2019) as an organisation and the bare
    "Maróth" as a place; a name of two capitalised words whose surname speaks alone is a
    person's, so "Maróth said" is Gáspár Maróth. "New Hampshire Sanders" is not a name."""
    text = ("The newspaper published an interview with Gáspár Maróth, the government commissioner.\n\n"
            "Maróth said the bid won after lengthy negotiations.")
    s = text.index("Maróth said")
    att = SpanAttribution([(s, s + 6)], [(s + 7, s + 11)], [(s + 12, len(text) - 1)])
    assert resolve_speakers(text, [att]) == ["Gáspár Maróth"]


@pytest.mark.parametrize("text, source, speaker", [
    # a "he" is none of "many" (Wikinews, 2019: "many offered ... Grivik was demonstrating
    # ... He hopes"): the person named since, not the description
    ("While many offered furry versions of old products, Grivik was demonstrating screens. He hopes it works.",
     "He", "Grivik"),
    # a source that opens with "who" is the name before it
    ("President Trump, who appointed Murphy in 2017, responded on Twitter.", "who appointed Murphy in 2017,",
     "Trump"),
    # a descriptor before an organisation's name ends with a media noun
    ("On Monday, Hungarian daily newspaper Magyar Nemzet revealed a deal.", "Hungarian daily newspaper Magyar Nemzet",
     "Magyar Nemzet"),
])
def test_descriptions_that_name_or_count(text, source, speaker):
    atts = []
    if "many offered" in text:
        m = text.index("many offered")
        atts.append(SpanAttribution([(m, m + 4)], [(m + 5, m + 12)], [(m + 13, m + 40)]))
    s = text.index(source)
    e = s + len(source)
    atts.append(SpanAttribution([(s, e)], [(e + 1, e + 6)], [(e + 7, len(text) - 1)]))
    assert resolve_speakers(text, atts)[-1] == speaker


@pytest.mark.parametrize("text, source, speaker", [
    # what an owner put out speaks for the owner: named before the work ...
    ("The alliance published figures. According to a March 14, 2019 NATO press release, Hungary spent 1.15%.",
     "a March 14, 2019 NATO press release", "NATO"),
    ("The National Emergency Operation Centre (NEOC) met. As of Sunday, NEOC data showed a 95% rate.",
     "NEOC data", "National Emergency Operation Centre"),
    # ... or after it, released by them
    ("Late on Sunday the statement released by Fox News said the debate would go on.",
     "the statement released by Fox News", "Fox News"),
])
def test_a_work_speaks_for_its_owner(text, source, speaker):
    s = text.index(source)
    e = s + len(source)
    att = SpanAttribution([(s, e)], [(e + 1, e + 5)], [(e + 6, len(text) - 1)])
    assert resolve_speakers(text, [att]) == [speaker]


def test_a_description_then_the_name_it_gives():
    # Wikinews, 2019: "One of these groups, the Syrian Democratic Forces (SDF), opposed ..."
    text = ("The US had been allied with Kurdish groups. One of these groups, the Syrian Democratic Forces "
            "(SDF), opposed the withdrawal. A woman in Worcester, Massachusetts, said it was sad.")
    atts = []
    for source, cue in [("One of these groups, the Syrian Democratic Forces (SDF),", "opposed"),
                        ("A woman in Worcester, Massachusetts,", "said")]:
        s, c = text.index(source), text.index(cue)
        atts.append(SpanAttribution([(s, s + len(source))], [(c, c + len(cue))], [(c + len(cue) + 1, c + 30)]))
    sdf, woman = resolve_speakers(text, atts)
    assert sdf == "Syrian Democratic Forces"
    assert woman == "a woman in Worcester, Massachusetts"  # a place is no speaker


def test_the_statement_again_is_the_same_statement():
    # Wikinews, 2019: "Donald Trump, in a statement ..., announced ... The statement also
    # said ... which, the statement said, European nations have refused to repatriate"
    text = ("Late on Sunday, President Donald Trump, in a statement delivered via the press secretary, "
            "announced troops would leave. The statement also said the group was defeated. "
            "Turkey would guard the fighters, which, the statement said, Europe refused to take back.")
    atts = []
    for source, cue in [("President Donald Trump", "announced"), ("The statement", "also said"),
                        ("the statement", "said, Europe")]:
        s, c = text.index(source), text.index(cue)
        atts.append(SpanAttribution([(s, s + len(source))], [(c, c + 4)], [(c + 5, c + 20)]))
    assert resolve_speakers(text, atts) == ["Donald Trump"] * 3


def test_rules_are_listed_in_order_and_each_can_be_switched_off():
    from newstrace.extract.speakers import RULE_NAMES, RULES, STAGE_NAMES
    from newstrace.extract.speakers.testing import resolve_one

    assert RULE_NAMES[0] == "no_one" and RULE_NAMES[-1] == "description"
    assert len(set(RULE_NAMES) | set(STAGE_NAMES)) == len(RULE_NAMES) + len(STAGE_NAMES)
    assert all(rule.doc for rule in RULES)  # each says what it does
    text = ("SDF spokesperson Mustafa Bali said the fight went on.\n\n"
            "Later the spokesperson said it was over.")
    assert resolve_one(text, "the spokesperson") == ("Mustafa Bali", "role")
    assert resolve_one(text, "the spokesperson", skip={"role"}) == ("the spokesperson", "description")


def test_the_rule_that_decided_is_stored_and_exported(tmp_path):
    """``speaker_rule`` on each attribution, in the store (a column an older file gains when
    opened) and in attributions.jsonl."""
    import json
    import shutil
    import sqlite3

    import newstrace
    from newstrace.extract.speakers import RULE_NAMES, STAGE_NAMES
    from newstrace.store import Store

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as db:  # an attributions table as files made before the column
        db.execute("CREATE TABLE attributions (id TEXT PRIMARY KEY, article TEXT NOT NULL, kind TEXT NOT NULL, "
                   "source TEXT NOT NULL, cue TEXT NOT NULL, content TEXT NOT NULL, content_text TEXT NOT NULL, "
                   "speaker TEXT, speaker_mention TEXT, statement TEXT, score REAL NOT NULL)")
    for _ in range(2):  # and opening it again changes nothing
        with Store(old) as store:
            columns = [row[1] for row in store.db.execute("PRAGMA table_info(attributions)")]
            assert columns.count("speaker_rule") == 1
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(ROOT / "examples" / "baghuz-2019" / "003_461b67336f7667d7.txt", inputs)
    newstrace.run(inputs, out=tmp_path / "out")
    rows = [json.loads(line) for line in open(tmp_path / "out" / "attributions.jsonl", encoding="utf-8")]
    by_mention = {(r["speaker_mention"], r["speaker"]): r["speaker_rule"] for r in rows}
    assert by_mention[("SDF spokesperson Mustafa Bali", "Mustafa Bali")] == "head_person"
    assert by_mention[("he", "Mujahir")] == "he_she"
    assert {r["speaker_rule"] for r in rows} <= set(RULE_NAMES) | set(STAGE_NAMES)


# The speaker errors users met (issue 28), each on real text: PolNeAR train articles read
# from ../shared (not copied here) and the bundled Wikinews fixtures.
@pytest.mark.parametrize("article, source_start, cue, speaker", [
    # "He added" after a paragraph or a sentence that names another person: the speaker goes on
    ("usa-today_2016-08-10_historians-clinton-obama-linked-", "He added, though", "added", "Allan Lichtman"),
    ("politico_2016-07-06_lewandowski-fbi-director-acted-a", "He added, “Crooked", "added", "Donald Trump"),
    # someone's spokesman is not that someone, though they spoke just before
    ("huff-post_2016-05-16_trump-says-he-s-unlikely-to-have", "the prime minister’s spokesman said", "said",
     "the prime minister’s spokesman"),
    # two people who share a word of their names: one word is a surname first ...
    ("politico_2016-04-03_cruz-tops-trump-in-north-dakota-", "Jack noted", "noted", "Brian Jack"),
    ("politico_2016-04-09_trump-s-getting-trounced-in-indi", "John said the three", "said", "Tom John"),
    # ... and of two who share a surname, the one the headline names
    ("politico_2016-08-08_how-newtown-gave-chris-murphy-a-", "Murphy said. “So, essentially", "said",
     "Chris Murphy"),
])
def test_speaker_errors_users_met(article, source_start, cue, speaker):
    path = POLNEAR / "train" / "text" / f"{article}.txt"
    if not path.exists():
        pytest.skip("PolNeAR is read from ../shared/corpora")
    sys.path.insert(0, str(ROOT / "bench"))
    import speakers_eval

    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    atts = speakers_eval.polnear_spans(sorted((POLNEAR / "train" / "attributions").glob(f"{article}*.ann"))[0])
    at = text.index(source_start)
    mine = [k for k, a in enumerate(atts) if a.source and a.source[0][0] == at]
    if not mine:  # the annotators left it out: the attribution as the tagger gives it
        word = source_start.split()[0] if not source_start.startswith("the prime") else "the prime minister’s spokesman"
        cue_at = text.index(cue, at + len(word))
        atts.append(SpanAttribution([(at, at + len(word))], [(cue_at, cue_at + len(cue))],
                                    [(cue_at + len(cue) + 1, cue_at + len(cue) + 40)]))
        mine = [len(atts) - 1]
    assert resolve_speakers(text, atts)[mine[0]] == speaker


@pytest.mark.parametrize("article, source, cue, speaker", [
    # the tagger's source ran across a blank line: the paragraph of the cue holds the source
    ("breitbart_2016-07-22_tim-kaine-fully-em", "Joe Manchin (D-WV), Bob Casey Jr. (D-PA), Joe Donnelly "
     "(D-IN), and Heidi Heitkamp (D-ND).\n\nFr. Frank Pavone, national director of Priests for Life,", "said",
     "Frank Pavone"),
    ("huff-post_2016-05-19_ferguson-is-not-am", "Rep. Lacy Clay (D-Mo.):\n\nLibby Schaaf, the mayor of "
     "Oakland, California,", "also spoke out", "Libby Schaaf"),
    # whoever "was told" heard it: no speaker the text names
    ("west-journal_2015-12-09_the-email-that-makes-benghazi-lo", "the Hilary Clinton-run State Department",
     "was told", None),
])
def test_sources_as_the_tagger_gives_them(article, source, cue, speaker):
    paths = list((POLNEAR / "train" / "text").glob(f"{article}*.txt")) if POLNEAR.exists() else []
    if not paths:
        pytest.skip("PolNeAR is read from ../shared/corpora")
    with open(paths[0], encoding="utf-8", newline="") as f:
        text = f.read()
    assert resolve_speakers(text, [_one(text, source, cue)]) == [speaker]


def test_who_was_told_by_whom():
    # Wikinews (CC BY 2.5), "Magnitogorsk apartment building collapses after explosion,
    # dozens dead": "he was told by Emergencies Minister Yevgeny Zinichev of ..."
    path = ROOT / "tests" / "fixtures" / "speakers" / "magnitogorsk-apartment-building-collapses-after-explosion-do.txt"
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    assert resolve_speakers(text, [_one(text, "he", "was told by", nth=text[:text.index("he was told")].count("he"))]) \
        == ["Yevgeny Zinichev"]


def test_a_pronoun_after_a_name_ner_took_for_an_organisation():
    # textacy's own quotation test: spaCy reads "Burton" as an ORG; a "he" is no company
    text = 'Burton explained from a podium. "I love cats," he said.'
    assert resolve_speakers(text, [_one(text, "he", "said")]) == ["Burton"]


def test_a_name_or_title_in_the_same_phrase_or_earlier():
    # PolNeAR train (nyt_2015-12-09): the name stands in the source's own phrase
    text = ("''There should be common ground the government and tech can find to address this concern and make "
            "sure the American people are safe,'' said Josh Earnest, the White House press secretary, echoing "
            "comments made earlier by President Obama.")
    assert resolve_speakers(text, [_one(text, "Josh Earnest, the White House press secretary,", "echoing")]) \
        == ["Josh Earnest"]
    # a broadcaster's "our correspondent" and a title given after a name are the person named
    text = ("John Simpson, our world affairs correspondent, reached Baghdad on Monday.\n\n"
            "Our correspondent said the city was calm. Geoff Hoon, the Defence Secretary, flew in later.\n\n"
            "The Defence Secretary said the troops would stay.")
    assert resolve_speakers(text, [_one(text, "Our correspondent", "said"),
                                   _one(text, "The Defence Secretary", "said")]) == ["John Simpson", "Geoff Hoon"]


@pytest.mark.parametrize("n, total, floor", [
    # fresh rounds (tests/fixtures/speakers_rounds, docs/speakers.md), each judged before
    # the resolver of its day was run on it; held out: 74/94, 96/110, 60/77. Read since,
    # and 86/94, 98/110, 66/77 after the rules that followed
    (1, 94, 0.89), (2, 110, 0.86), (3, 77, 0.82),
    # round 4 (2026-12-06, with the ranker): 59/72 held out, as main's rules; 61/72 after
    (4, 72, 0.82),
    # round 5 (2026-12-06): 73/79 held out (main's rules 72/79); the ranker's weights never saw it
    (5, 79, 0.90),
    # round 6 (2026-12-07, seed 2806): 66/97 held out, main's resolver (024d82d); misses read since,
    # development data of speakers7 (81/97 after its rules)
    (6, 97, 0.83),
    # round 7 (2026-12-07, seed 2807): 59/85 held out, speakers7's resolver and main's alike
    (7, 85, 0.69),
])
def test_fresh_speaker_rounds(n, total, floor):
    sys.path.insert(0, str(ROOT / "bench"))
    import speakers_eval

    right, counted = speakers_eval.evaluate(gold=speakers_eval.round_gold(n))["overall"]
    assert counted == total
    assert right / counted >= floor


def test_round17_is_judged_and_held_out_without_resolving_it():
    """Round 17 (seed 2817, Wikinews only) is held out until the lead scores it once: this
    reads its gold and fixtures only, never the resolver. Ten articles of their own, 88
    sources, each a span of its article; a source the extractor left empty is no speaker's
    and every other has one; no article of it stands in an earlier round's gold."""
    sys.path.insert(0, str(ROOT / "bench"))
    import speakers_eval

    rows = [json.loads(line) for line in speakers_eval.round_gold(17).read_text(encoding="utf-8").splitlines()]
    articles = sorted({r["article"] for r in rows})
    assert (len(rows), len(articles)) == (88, 10)
    credits = (speakers_eval.ROUNDS / "CREDITS.md").read_text(encoding="utf-8")
    section = credits.split("## Round 17 (drawn with --draw 17 --seed 2817:")[1].split("\n## ")[0]
    assert sorted(line.split("`")[1][:-4] for line in section.splitlines() if line.startswith("- `")) == articles
    for r in rows:
        text = speakers_eval.article_text(r["article"])
        assert all(0 <= s < e <= len(text) for s, e in r["source"] + r["cue"] + r["content"])
        assert r["cue"] and (r["speaker"] is None) == (not r["source"]), r
        assert "accept" not in r or (r["speaker"] and r["accept"]), r
    earlier = {json.loads(line)["article"] for n in range(1, 17)
               for line in speakers_eval.round_gold(n).read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not earlier & set(articles)


def test_the_ranker_decides_where_the_rules_guess_and_says_so():
    from newstrace.extract.speakers import ranker
    from newstrace.extract.speakers.testing import resolve_all, resolve_one

    assert ranker.weights() and (ranker.DATA / "ranker.json").stat().st_size < 20_000  # shipped small
    text = "Jeremy Boreing sent an email to the members. The email said the club would close."
    assert resolve_one(text, "The email") == ("Jeremy Boreing", "ranked_description")
    assert resolve_one(text, "The email", skip={"ranked_description"}) == ("the email", "description")
    text = ("Los Angeles County Sheriff's Department deputies found the car. "
            "The sheriff's department said no one was hurt.")
    assert resolve_one(text, "The sheriff's department") == ("Los Angeles County Sheriff's Department",
                                                               "ranked_description")
    # where it agrees with the rules, the rule's name stays; a "she" is never a man
    text = ("Hillary Clinton met Bernie Sanders on Monday. “We agree on a lot,” Sanders said. "
            "“It was a good talk,” she said.")
    assert resolve_all(text, [("Sanders", "said"), ("she", "said")])[-1] == ("Hillary Clinton", "he_she")
    # someone's publicist or agent is not that someone (Wikinews-style sentence)
    text = "The actress Tara Reid's publicist confirmed that Reid was admitted."
    assert resolve_one(text, "The actress Tara Reid's publicist")[0] != "Tara Reid"


def test_ranker_recording_leaves_the_rules_to_decide():
    from newstrace.extract.speakers import ranker
    from newstrace.extract.speakers.testing import resolve_one

    text = "Jeremy Boreing sent an email to the members. The email said the club would close."
    ranker.RECORDED = []
    try:
        assert resolve_one(text, "The email") == ("the email", "description")
        recorded = ranker.RECORDED
    finally:
        ranker.RECORDED = None
    assert [r["kind"] for r in recorded] == ["description"]
    names = [name for name, _ in recorded[0]["candidates"]]
    assert names[0] is None and "Jeremy Boreing" in names  # nobody first, then the candidates


def test_an_apposition_without_its_article_and_a_short_name_in_brackets():
    # Wikinews (CC BY 2.5), "540 million private Facebook records found on public Internet"
    # (2019-04-08) and "Japanese professional wrestler and Netflix star Hana Kimura dies aged
    # 22" (2020-05-24): the tagger left "a" out of the source; "(Stardom)" is no acronym
    text = ("According to a report on Wednesday by UpGuard, a cybersecurity firm, two databases containing "
            "user data from Facebook were found on Amazon.com web servers.")
    assert resolve_speakers(text, [_one(text, "cybersecurity firm", "found")]) == ["UpGuard"]
    text = ("Japanese female professional wrestler Hana Kimura has died, wrestling promotion World Wonder Ring "
            "Stardom (Stardom) announced yesterday. Stardom's official statement yesterday read \"We are sorry.\"")
    assert resolve_speakers(text, [_one(text, "Stardom's", "official statement")]) == ["World Wonder Ring Stardom"]


def test_a_rule_switched_off_answers_nowhere_not_even_inside_the_ranker():
    """``skip`` switches a rule off for ablations: the ranker's view of the rules' own
    answer must not bring it back under its name."""
    from newstrace.extract.speakers.testing import resolve_one

    t = "John Smith arrived in Paris on Monday. He said the talks would go on."
    assert resolve_one(t, "He") == ("John Smith", "he_she")
    assert resolve_one(t, "He", skip={"he_she"})[1] != "he_she"
