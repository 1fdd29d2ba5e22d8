"""Hostile input files: each ends in a stored article or in one line on stderr that names
the file (control characters escaped) and the reason; the run goes on."""

from __future__ import annotations

import json
import os
import shutil

import pytest

import newstrace
from newstrace.errors import BadInput
from newstrace.ingest import read_articles
from newstrace.records import Article
from robustness.support import SEEDS, cli, stored_ids

DEEP = "[" * 100_000 + "]" * 100_000
SEED_IDS = ["000_17fc5a22881fa018", "003_461b67336f7667d7"]


def _folder(tmp_path, files: dict) -> os.PathLike:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    for name, data in files.items():
        path = folder / os.fsdecode(name) if isinstance(name, bytes) else folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return folder


def _items(path):
    items = list(read_articles(path))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, BadInput)]


# -- fault 1: deep nesting in JSON, JSONL and a sidecar

def test_deeply_nested_json_is_one_bad_input_each_and_the_rest_is_read(tmp_path):
    folder = _folder(tmp_path, {
        "deep.jsonl": '{"id": "ok", "text": "The mayor said the bridge would reopen in May."}\n' + DEEP + "\n",
        "deep.json": DEEP,
        "000_17fc5a22881fa018.meta.json": DEEP,
    })
    articles, bad = _items(folder)
    assert sorted(a.id for a in articles) == sorted(SEED_IDS + ["ok"])
    assert sorted(b.path for b in bad) == ["000_17fc5a22881fa018.meta.json", "deep.json", "deep.jsonl:2"]
    assert all("nested too deeply" in b.reason for b in bad), bad


# -- faults 1, 5, 6 through the CLI: one escaped line per bad input, the rest stored

def test_a_run_over_hostile_files_says_one_escaped_line_each_and_stores_the_rest(tmp_path):
    """Found on the way: a file name with bytes that are not UTF-8 stopped the whole run
    (UnicodeEncodeError storing it); it is now read under an id that writes them \\xNN."""
    seed = (SEEDS / "000_17fc5a22881fa018.txt").read_bytes()
    folder = _folder(tmp_path, {
        "deep.jsonl": DEEP + "\n",
        "esc\x1b[2Jclear\x1b]0;pwned\x07.txt": b"",
        "two\nlines.txt": b"",
        "rtl\u202egnp.txt": b"",
        "feed.jsonl": json.dumps({"id": "x\x1b[31mred", "text": "The mayor said it."}) + "\n"
                      + json.dumps({"id": "x\x1b[31mred", "text": "A second text under the same id."}) + "\n",
        b"caf\xe9 report.txt": seed.replace(b"Crumbling", b"Crumbled"),
        b"empty \xff.txt": b"",
    })
    result = cli("run", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1")
    assert result.returncode == 1, result.stderr
    assert not any(ch in result.stderr for ch in "\x1b\x07\u202e")
    assert sorted(result.stderr.splitlines()) == sorted([
        "newstrace: skipped deep.jsonl:1: JSON nested too deeply to read",
        "newstrace: skipped esc\\x1b[2Jclear\\x1b]0;pwned\\x07.txt: empty file (0 bytes)",
        "newstrace: skipped two\\nlines.txt: empty file (0 bytes)",  # one line, the newline included
        "newstrace: skipped rtl\\u202egnp.txt: empty file (0 bytes)",
        "newstrace: skipped feed.jsonl:2: duplicate id x\\x1b[31mred, first read from feed.jsonl:1",
        "newstrace: skipped empty \\xff.txt: empty file (0 bytes)",
    ])
    assert sorted(stored_ids(tmp_path / "out")) == sorted([*SEED_IDS, "caf\\xe9 report", "x\x1b[31mred"])


def test_lone_surrogates_in_json_strings_do_not_stop_the_run(tmp_path):
    """Found while fixing 1: JSON may escape half a surrogate pair ("\\ud800"), which
    SQLite cannot store; the run stopped with UnicodeEncodeError."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "s\\udcff", "title": "T\\ud800", "text": "The mayor said \\ud83d it would rain."}\n')
    report = newstrace.run(feed, out=tmp_path / "out")
    assert report.added == 1 and not report.failures
    (row,) = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert row["id"] == "s\ufffd" and row["title"] == "T\ufffd"
    assert row["text"] == "The mayor said \ufffd it would rain."  # one character for one: offsets hold


# -- fault 10: HTML text deep inside nested elements

BODY = ("<p>The mayor said on Monday that the bridge would reopen in May, once the repairs to its "
        "northern span were finished. Residents of the old town welcomed the news.</p>")


@pytest.mark.parametrize("depth", [260, 5000])
def test_html_text_inside_deeply_nested_elements_is_read(tmp_path, depth):
    page = ("<html><head><title>Bridge to reopen</title></head><body>" + "<div>" * depth + BODY
            + "</div>" * depth + "</body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    articles, bad = _items(tmp_path / "page.html")
    assert bad == []
    assert articles[0].text.startswith("The mayor said on Monday that the bridge would reopen in May")
    assert articles[0].title == "Bridge to reopen"


def test_html_without_text_still_says_so(tmp_path):
    (tmp_path / "menu.html").write_text("<html><body>" + "<div>" * 300 + "<a href=/>Home</a>" + "</div>" * 300
                                        + "</body></html>", encoding="utf-8")
    articles, bad = _items(tmp_path / "menu.html")
    assert articles == [] and [b.reason for b in bad] == ["no article text found in HTML"]
