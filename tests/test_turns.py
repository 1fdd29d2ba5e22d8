"""Interview turns (newstrace.extract.turns) and the speakers they give, on real Wikinews
interviews (tests/fixtures/interviews, CC BY 2.5) and the seed reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.extract.nlp import analyse
from newstrace.extract.speakers import interview_answers
from newstrace.extract.turns import speaker_turns, turn_at

ROOT = Path(__file__).resolve().parents[1]
INTERVIEWS = ROOT / "tests" / "fixtures" / "interviews"
SEEDS = ROOT / "examples" / "baghuz-2019"


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def _shared(corpus: str, name: str) -> str:
    """A text of ../shared/corpora (read there, never copied here); skips without it."""
    path = ROOT.parent / "shared" / "corpora" / corpus / name
    if not path.exists():
        pytest.skip(f"{corpus} is read from ../shared/corpora")
    return _read(path)


def _persons(text: str) -> list[str]:
    from newstrace.extract.speakers.article import Article as _Article

    art = _Article(text, analyse(text))
    return [art.fullest(p.text) for p in art.persons]


def test_bare_names_and_initials_once_the_article_is_an_interview():
    # "((Wikinews))"/"((WN))" ask; "Michael Siegel I am a professor ..." and then
    # "MS Although we used ..." answer, without brackets or colons
    text = _read(INTERVIEWS / "us-study-finds-correlation-between-youth-suicide-household-g.txt")
    turns = speaker_turns(text, _persons(text))
    labels = [(t.label, t.speaker, t.asks) for t in turns]
    assert labels[:2] == [("Wikinews", "Wikinews", True), ("Michael Siegel", "Michael Siegel", False)]
    assert ("MS", "Michael Siegel", False) in labels
    assert {t.speaker for t in turns} == {"Wikinews", "Michael Siegel"}
    answer = text.index("Although we used gun ownership data")
    turn = turn_at(turns, answer)
    assert turn.speaker == "Michael Siegel" and text[turn.start:turn.label_end] == "MS"
    # the narrative before the interview is nobody's turn
    assert turn_at(turns, text.index("The study reports")) is None


def test_colon_labels_and_initials():
    text = _read(INTERVIEWS / "male-magellanic-penguins-pine-for-pairings-wikinews-intervie.txt")
    turns = speaker_turns(text, _persons(text))
    assert {t.speaker for t in turns if not t.asks} == {"Natasha Gownaris"}
    assert turn_at(turns, text.index("We are not yet certain why females")).label == "NG"
    question = turn_at(turns, text.index("What prompted your curiosity"))
    assert question.asks and question.speaker == "Wikinews"


def test_news_prose_has_no_turns():
    for path in SEEDS.glob("*.txt"):
        text = _read(path)
        assert speaker_turns(text, _persons(text)) == []
    # one label is not an interview; a caption ("NameImage: ...") is not a label at all
    text = "Intro.\nQ: Why?\nAnswer text.\nJo JorgensenImage: Jo Jorgensen.\nI say vote."
    assert speaker_turns(text, ["Jo JorgensenImage", "Jo Jorgensen"]) == []


def test_only_questions_labelled_puts_them_to_the_person_named_most():
    text = ("Kokesh spoke with Wikinews. Adam Kokesh ran in 2018. Kokesh is a veteran. Arvin Vohra also ran.\n"
            "((WN)) Why did you join the party?\n((WN)) What can you do?\n")
    turns = speaker_turns(text, ["Adam Kokesh", "Arvin Vohra"])
    assert len(turns) == 2 and all(t.asks and t.put_to == "Adam Kokesh" for t in turns)
    # no clear favourite (half as often again as the next): nobody
    text = text.replace("Kokesh is a veteran.", "Vohra is a veteran.")
    assert [t.put_to for t in speaker_turns(text, ["Adam Kokesh", "Arvin Vohra"])] == [None, None]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["((WN)) ", "Ann Lee: ", "AL ", "Q: ", "A: ", "Image: ", "I think ", "so. ",
                                 "Why? ", "\n", "\n\n", "((x", "))", ":", "Lee"]), max_size=40))
def test_turns_are_ordered_disjoint_and_in_bounds(parts):
    text = "".join(parts)
    turns = speaker_turns(text, ["Ann Lee"])
    assert turns == [] or len(turns) >= 2
    last = 0
    for t in turns:
        assert last <= t.start <= t.label_end <= t.end <= len(text)
        last = t.end


def test_interviewer_questions_are_nobodys_statements():
    # the whole extraction: the tagger finds "you notice", "you think" in the questions;
    # they are asked, not said, so the pipeline keeps none of them; "You noted ..." is
    # the interviewer reporting what the interviewee said, and stays, as his
    from newstrace.extract import analyse
    from newstrace.records import Article

    text = _read(INTERVIEWS / "us-study-finds-correlation-between-youth-suicide-household-g.txt")
    [found] = analyse([Article(id="siegel", text=text)])
    questions = [text.index(q) for q in ("Did you notice any significant trends",
                                         "Why do you think that might be?")]
    for q in questions:
        end = text.index("?", q)
        assert not any(q <= a.cue[0][0] < end for a in found.attributions if a.cue)
    noted = [a for a in found.attributions if a.content_text.startswith("suicide attempts by youth were not")]
    assert [a.speaker for a in noted] == ["Michael Siegel"]
    answers = [a for a in found.attributions if a.speaker_mention in ("We", "we")]
    assert answers and {a.speaker for a in answers} == {"Michael Siegel"}


def test_interview_answers_are_statements_that_later_quotes_link_to(tmp_path):
    # an outlet quoting one line of Kurtzer's answer to Wikinews: the line is no tagged
    # attribution in the interview (no cue), but the answer is Kurtzer's statement, and
    # the later quote links to it, first seen in the interview
    import json
    import shutil

    import newstrace

    inputs = tmp_path / "in"
    inputs.mkdir()
    interview = "gregory-kurtzer-discusses-plans-for-rocky-linux-with-wikinew"
    shutil.copy(INTERVIEWS / f"{interview}.txt", inputs / "a_interview.txt")
    line = ("Red Hat has always been a tremendous supporter of Linux and open source, but that "
            "doesn't make Red Hat/IBM a good home for CentOS")
    assert line in _read(INTERVIEWS / f"{interview}.txt")
    (inputs / "b_report.txt").write_text(
        f'Rocky Linux founder backs Red Hat.\n\nThe founder of Rocky Linux, Gregory Kurtzer, was generous '
        f'to his old rival. "{line}," Kurtzer told Wikinews.\n', encoding="utf-8")
    newstrace.run(inputs, out=tmp_path / "out")
    attributions = {a["id"]: a for a in map(json.loads, open(tmp_path / "out" / "attributions.jsonl"))}
    answers = [a for a in attributions.values() if a["article"] == "a_interview" and not a["cue"]]
    assert answers and {a["speaker"] for a in answers} == {"Gregory Kurtzer"}
    assert all(a["kind"] == "direct" and a["source"] for a in answers)
    # the interviewer's questions are nobody's statements
    assert not any("Tell us about Rocky Linux" in a["content_text"] or "WN" in a["content_text"] for a in answers)
    statements = list(map(json.loads, open(tmp_path / "out" / "statements.jsonl")))
    [shared] = [s for s in statements if {m["article"] for m in s["mentions"]} == {"a_interview", "b_report"}]
    assert shared["speaker"] == "Gregory Kurtzer" and shared["first_seen"] == "a_interview"


def test_answers_only_where_someone_asks():
    # PolNeAR train: a Q&A with Diane Guerrero gives her answers; news prose that sets
    # names before the writer's own paragraphs ("Sanders: ...", "Jeb Bush: ...") gives none
    qa = _shared("polnear", "train/text/usa-today_2016-05-06_immigration-debate-hits-home-for.txt")
    answers = interview_answers(qa, analyse(qa))
    assert len(answers) >= 5 and {speaker for _, _, speaker in answers} == {"Diane Guerrero"}
    # a Q&A whose answers are only "A:": the person its headline names ("Q&A with Vice
    # President Joe Biden")
    biden = _shared("polnear", "train/text/politico_2016-02-19_q-a-with-vice-president-joe-bide.txt")
    answers = interview_answers(biden, analyse(biden))
    assert len(answers) >= 10 and {speaker for _, _, speaker in answers} == {"Joe Biden"}
    for name in ("usa-today_2016-02-09_new-hampshire-primary-game-on-wh",
                 "nyt_2016-07-11_from-failed-hopefuls-bold-ideas-"):
        text = _shared("polnear", f"train/text/{name}.txt")
        assert speaker_turns(text, _persons(text))  # labelled paragraphs, but nobody asks
        assert interview_answers(text, analyse(text)) == []


def test_q_and_a_with_full_stops():
    text = ("Ann Lee, the mayor, spoke to us. Lee has led the city since 2019.\n\n"
            "Q. What will you do about the bridge?\n\nA. We will rebuild it by 2027, and I have the money.\n\n"
            "Q. And the schools?\n\nA. They come next.\n")
    turns = speaker_turns(text, ["Ann Lee"])
    assert [(t.label, t.asks) for t in turns] == [("Q", True), ("A", False), ("Q", True), ("A", False)]
    assert [t.speaker for t in turns if not t.asks] == ["Ann Lee", "Ann Lee"]
    assert turns[0].put_to == "Ann Lee"


def test_transcripts_inside_news_end_where_the_article_goes_on():
    # PTC training articles (read from ../shared): a deposition quoted inside a report, and
    # a radio interview whose host is only ever "DB"
    deposition = _shared("ptc", "train/articles/article758512204.txt")
    answers = interview_answers(deposition, analyse(deposition))
    said = {deposition[c[0][0]:c[0][1]]: speaker for _, c, speaker in answers}
    # the lawyer's last words are his; the report going on after them ("Bacon did not
    # respond ...", the reprint credit) is nobody's answer, nor is "A:" beside named speakers
    assert said == {"I think we need to take a break before I explode.": "Jim Bacon"}
    radio = _shared("ptc", "train/articles/article778139122.txt")
    answers = interview_answers(radio, analyse(radio))
    assert {speaker for _, _, speaker in answers} == {"John Pilger"}
    assert not any("silence equals mass murder" in radio[c[0][0]:c[0][1]] for _, c, _ in answers)  # the host's
