"""The seed case end to end (PRODUCT.md): `newstrace run` on the two Baghuz reports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import newstrace
from conftest import SEEDS, SHARED, needs_shared

BREITBART, SPUTNIK = "000_17fc5a22881fa018", "003_461b67336f7667d7"


def rows(out, name):
    return [json.loads(line) for line in (out / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    report = newstrace.run(SEEDS, out=out)
    return report, out


def test_two_articles_one_story(seed_run):
    report, out = seed_run
    assert (report.added, report.failures) == (2, [])
    (story,) = rows(out, "stories.jsonl")
    assert sorted(story["articles"]) == [BREITBART, SPUTNIK]


def _statement_with(out, words):
    """The statement of the attributions that quote ``words`` (one statement for all)."""
    quoting = [a for a in rows(out, "attributions.jsonl") if words in a["content_text"].casefold()]
    assert quoting, f"no attribution quotes {words!r}"
    ids = {a["statement"] for a in quoting}
    assert len(ids) == 1 and None not in ids, f"{words!r} is quoted as several statements: {ids}"
    (statement,) = [s for s in rows(out, "statements.jsonl") if s["id"] in ids]
    return statement


def test_abu_abdul_azim_statement_linked_across_both_outlets(seed_run):
    _, out = seed_run
    statement = _statement_with(out, "thousands of kilometers and now only a few kilometers remain")
    assert {m["article"] for m in statement["mentions"]} == {BREITBART, SPUTNIK}
    assert statement["speaker"] == "Abu Abdul-Azim"
    assert statement["first_seen"] in (BREITBART, SPUTNIK)


def test_every_mention_of_it_names_abu_abdul_azim(seed_run):
    _, out = seed_run
    statement = _statement_with(out, "thousands of kilometers and now only a few kilometers remain")
    attributions = {a["id"]: a for a in rows(out, "attributions.jsonl")}
    for mention in statement["mentions"]:
        assert attributions[mention["attribution"]]["speaker"] == "Abu Abdul-Azim"


def test_call_to_rise_against_the_crusaders_linked_across_both(seed_run):
    _, out = seed_run
    statement = _statement_with(out, "take revenge for your religion")
    assert {m["article"] for m in statement["mentions"]} == {BREITBART, SPUTNIK}


@pytest.mark.parametrize("words, speaker", [
    ("this slaughter in those two mosques", "Mujahir"),
    ("this is not a victory announcement", "Mustafa Bali"),
])
def test_other_quotes_attributed_to_their_speakers(seed_run, words, speaker):
    _, out = seed_run
    found = [a for a in rows(out, "attributions.jsonl") if words in a["content_text"].casefold()]
    assert found and all(a["speaker"] == speaker for a in found)
    assert all(a["article"] == SPUTNIK for a in found)


def test_cited_media_of_each_article(seed_run):
    _, out = seed_run
    cited = {}
    for c in rows(out, "citations.jsonl"):
        cited.setdefault(c["article"], set()).add(c["outlet"])
    assert cited[BREITBART] == {"Associated Press"}
    assert {"The New York Times", "The Independent", "The New Zealand Herald", "Sputnik"} <= cited[SPUTNIK]
    assert cited[SPUTNIK] - {"The New York Times", "The Independent", "The New Zealand Herald", "Sputnik"} <= {
        "Twitter", "Telegram"}


def test_article_text_drops_web_furniture_but_offsets_hold(seed_run):
    _, out = seed_run
    articles = {a["id"]: a for a in rows(out, "articles.jsonl")}
    text = articles[BREITBART]["text"]
    assert "Please let us know if you're having issues with commenting." not in text
    assert "AP contributed to this report" in text
    for a in rows(out, "attributions.jsonl"):
        body = articles[a["article"]]["text"]
        assert " ".join(body[s:e] for s, e in a["content"]) == a["content_text"]


@needs_shared(SHARED / "tools" / "check_exports.py")
def test_exports_keep_the_contract(seed_run):
    _, out = seed_run
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "check_exports.py"), str(out), str(SEEDS)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_html_report_shows_the_story_and_statements(seed_run):
    _, out = seed_run
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Crumbling Islamic State Tells Jihadists" in html
    assert "Abu Abdul-Azim" in html and "Mustafa Bali" in html
    assert "<script" not in html
