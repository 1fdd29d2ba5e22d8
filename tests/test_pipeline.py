"""The run as a user lives it: bad files, running twice, adding input, being killed,
hostile text, and the CLI's exit status."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newstrace
from conftest import REPO, SEEDS, SHARED, needs_shared

WIKINEWS = SHARED / "corpora" / "wikinews" / "wikinews_2019.csv"
NEWSTRACE = [sys.executable, "-m", "newstrace"]


def exports(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in
            ("articles.jsonl", "attributions.jsonl", "statements.jsonl", "citations.jsonl", "stories.jsonl")}


def wikinews_jsonl(path: Path, n: int) -> Path:
    """The first ``n`` Wikinews 2019 articles (CC BY 2.5) as a JSONL feed."""
    with open(WIKINEWS, newline="", encoding="utf-8") as f, open(path, "w", encoding="utf-8") as out:
        for i, row in enumerate(csv.DictReader(f)):
            if i == n:
                break
            out.write(json.dumps({"id": f"wikinews-{i:03d}", "url": row["url"], "title": row["title"],
                                  "published": row["date"], "text": row["text"]}) + "\n")
    return path


def test_running_twice_changes_nothing(tmp_path):
    first = newstrace.run(SEEDS, out=tmp_path)
    before = exports(tmp_path)
    second = newstrace.run(SEEDS, out=tmp_path)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert exports(tmp_path) == before
    assert first.added == 2


def test_another_model_reads_stored_articles_again(tmp_path):
    """A run with another model over the same database extracts every article again (it
    used to call them unchanged and keep the first model's attributions); the result is
    what a first run with that model gives, and running it again changes nothing."""
    from newstrace.extract import extractor_id
    from newstrace.pipeline import Settings

    fast_alone = tmp_path / "fast"
    newstrace.run(SEEDS, out=fast_alone, settings=Settings(model="fast"))
    newstrace.run(SEEDS, out=tmp_path / "both")
    switched = newstrace.run(SEEDS, out=tmp_path / "both", settings=Settings(model="fast"))
    assert (switched.added, switched.updated, switched.unchanged) == (0, 2, 0)
    with sqlite3.connect(tmp_path / "both" / "newstrace.db") as db:
        assert {r[0] for r in db.execute("SELECT extractor FROM articles")} == {extractor_id("fast")}
    ours, theirs = exports(tmp_path / "both"), exports(fast_alone)
    assert ours["articles.jsonl"] == theirs["articles.jsonl"]

    def rows(text, drop):
        return sorted(json.dumps({k: v for k, v in json.loads(line).items() if k not in drop}, sort_keys=True)
                      for line in text.splitlines())
    # statement ids come from the attribution that opened each statement, which may be the
    # first model's where a statement outlived the switch: compare all but the ids
    assert rows(ours["attributions.jsonl"], {"statement"}) == rows(theirs["attributions.jsonl"], {"statement"})
    assert rows(ours["statements.jsonl"], {"id"}) == rows(theirs["statements.jsonl"], {"id"})
    again = newstrace.run(SEEDS, out=tmp_path / "both", settings=Settings(model="fast"))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_a_store_from_older_rules_is_read_again(tmp_path):
    """Articles stored by a newstrace whose speaker or quotation rules differed (the same
    weights) are extracted again by the next run, as after a change of model."""
    from newstrace.extract import extractor_id

    newstrace.run(SEEDS, out=tmp_path)
    current = extractor_id("default")
    older = current.rsplit(".", 1)[0] + ".00000000"  # same weights, other rules
    with sqlite3.connect(tmp_path / "newstrace.db") as db:
        db.execute("UPDATE articles SET extractor=?", (older,))
    again = newstrace.run(SEEDS, out=tmp_path)
    assert (again.added, again.updated, again.unchanged) == (0, 2, 0)
    with sqlite3.connect(tmp_path / "newstrace.db") as db:
        assert {r[0] for r in db.execute("SELECT extractor FROM articles")} == {current}


@pytest.mark.parametrize("older", [1, 2])
def test_a_store_of_an_older_schema_is_linked_again_by_the_next_run(tmp_path, older):
    """A store made by an older newstrace (schema 1: no speaker ids, statements and stories
    of an older linker; schema 2: no per-statement speaker counts or sized postings) is
    upgraded when opened, and its next run links every article again though no article
    changed: the exports are those of a fresh run."""
    from newstrace.store import SCHEMA_VERSION

    newstrace.run(SEEDS, out=tmp_path / "fresh")
    newstrace.run(SEEDS, out=tmp_path / "old")
    with sqlite3.connect(tmp_path / "old" / "newstrace.db") as db:
        db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(older),))
        db.execute("UPDATE attributions SET speaker_id=NULL, statement=NULL")  # as an older linker left it
        if older == 2:  # tables a version-2 store never had
            db.execute("DROP TABLE statement_speakers")
            db.execute("DROP TABLE statement_grams")
    again = newstrace.run(SEEDS, out=tmp_path / "old")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    with sqlite3.connect(tmp_path / "old" / "newstrace.db") as db:
        assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert not db.execute("SELECT 1 FROM meta WHERE key='relink_pending'").fetchone()
    assert exports(tmp_path / "old") == exports(tmp_path / "fresh")


def test_adding_input_gives_what_one_run_gives(tmp_path):
    one_go = tmp_path / "one"
    newstrace.run(SEEDS, out=one_go)
    first_half = tmp_path / "first"
    first_half.mkdir()
    shutil.copy(SEEDS / "000_17fc5a22881fa018.txt", first_half)
    step = tmp_path / "step"
    newstrace.run(first_half, out=step)
    newstrace.run(SEEDS, out=step)
    assert exports(step) == exports(one_go)


def test_bad_files_are_named_and_the_rest_goes_on(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (inputs / "feed.jsonl").write_text('{"id": "ok-1", "text": "The mayor said the bridge would reopen in May."}\n'
                                       '{"id": "broken", "text": \n', encoding="utf-8")
    result = subprocess.run([*NEWSTRACE, "run", str(inputs), "--out", str(tmp_path / "out"), "--quiet"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, result.stderr
    assert any("empty.txt" in line for line in lines)
    assert any("binary.txt" in line for line in lines)
    assert any("feed.jsonl:2" in line for line in lines)
    ids = {json.loads(line)["id"] for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()}
    assert ids == {"000_17fc5a22881fa018", "003_461b67336f7667d7", "ok-1"}


def test_article_text_is_escaped_in_the_report(tmp_path):
    feed = tmp_path / "feed.jsonl"
    hostile = '<script>alert("x")</script> The minister said: "We will <b>never</b> resign," on Monday.'
    feed.write_text(json.dumps({"id": "x", "title": "<img src=x onerror=alert(1)>", "text": hostile}) + "\n")
    newstrace.run(feed, out=tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>never" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@needs_shared(WIKINEWS)
def test_a_killed_run_leaves_a_database_the_next_run_completes(tmp_path):
    feed = wikinews_jsonl(tmp_path / "wikinews.jsonl", 40)
    out = tmp_path / "out"
    proc = subprocess.Popen([*NEWSTRACE, "run", str(feed), "--out", str(out), "--quiet", "--workers", "1"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    db = out / "newstrace.db"
    deadline = time.time() + 240
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.5)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 5:
                break
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        # a run places its articles in stories when it ends (in publication order): killed
        # before, they wait, each stored whole with its attributions and statements
        assert con.execute("SELECT COUNT(*) FROM articles WHERE story IS NULL").fetchone()[0] == partial
        assert con.execute("SELECT COUNT(DISTINCT article) FROM attributions").fetchone()[0] > 0
    assert 5 <= partial < 40
    resumed = newstrace.run(feed, out=out)
    assert resumed.unchanged == partial and resumed.added == 40 - partial
    with sqlite3.connect(db) as con:  # the next run placed those it found waiting
        assert con.execute("SELECT COUNT(*) FROM articles WHERE story IS NULL").fetchone()[0] == 0
    clean = tmp_path / "clean"
    newstrace.run(feed, out=clean)
    with newstrace.Store(db) as a, newstrace.Store(clean / "newstrace.db") as b:
        assert a.count("articles") == b.count("articles") == 40
        assert a.count("attributions") == b.count("attributions")
        assert sorted(s.id for s in a.stories()) == sorted(s.id for s in b.stories())


def test_cli_extract_spans_format(tmp_path):
    result = subprocess.run([*NEWSTRACE, "extract", str(SEEDS), "--format", "spans", "--quiet"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["000_17fc5a22881fa018", "003_461b67336f7667d7"]
    for line in lines:
        text = (SEEDS / f"{line['id']}.txt").read_bytes().decode("utf-8")
        assert line["attributions"]
        for a in line["attributions"]:
            assert set(a) == {"source", "cue", "content"}
            for s, e in a["content"] + a["cue"] + a["source"]:
                assert 0 <= s < e <= len(text)


def test_a_file_that_is_not_a_newstrace_database_is_refused_untouched(tmp_path):
    db = tmp_path / "newstrace.db"
    db.write_bytes(b"notes I keep in a file that happens to have this name\n")
    result = subprocess.run([*NEWSTRACE, "run", str(SEEDS), "--out", str(tmp_path), "--quiet"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 2
    assert "not a newstrace database" in result.stderr and str(db.name) in result.stderr
    assert db.read_bytes() == b"notes I keep in a file that happens to have this name\n"


def test_report_names_no_speaker_none(tmp_path):
    """A repeated statement whose speaker is unknown says so in the report, not "None"."""
    feed = tmp_path / "in.jsonl"
    line = "the committee would meet again on Friday to vote on the new budget rules"
    texts = [f"The meeting ran late on Monday in the old town hall. They said {line}. Others disagreed sharply.\n",
             f"The march through the capital went on for a second week. They said {line}.\n"]
    feed.write_text("\n".join(json.dumps({"id": f"a{k}", "text": t}) for k, t in enumerate(texts)), encoding="utf-8")
    newstrace.run(feed, out=tmp_path / "out")
    statements = [json.loads(x) for x in (tmp_path / "out" / "statements.jsonl").read_text().splitlines()]
    assert any(s["speaker"] is None and len(s["mentions"]) == 2 for s in statements)
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<strong>None</strong>" not in html and "<strong>unknown</strong>" in html
