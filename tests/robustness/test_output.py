"""Where a run writes: an --out inside the input folder, two input folders into one --out,
an --out that cannot be made."""

from __future__ import annotations

import shutil

import pytest

import newstrace
from newstrace.errors import OutputError
from robustness.support import SEEDS, cli, read_only, stored_ids

SEED_IDS = ["000_17fc5a22881fa018", "003_461b67336f7667d7"]


# -- fault 2: --out inside (or equal to) the input folder

def test_an_out_folder_inside_the_input_is_not_read_back(tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    out = folder / "trace"
    first = newstrace.run(folder, out=out)
    second = newstrace.run(folder, out=out)
    assert (first.added, len(first.failures)) == (2, 0)
    assert (second.added, second.updated, second.unchanged, second.failures) == (0, 0, 2, [])
    assert stored_ids(out) == SEED_IDS


def test_a_database_inside_the_input_is_not_read_back(tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    newstrace.run(folder, database=folder / "store" / "trace.json")  # an unlucky name
    again = newstrace.run(folder, database=folder / "store" / "trace.json")
    assert (again.added, again.unchanged, again.failures) == (0, 2, [])


def test_an_out_folder_equal_to_the_input_is_refused_before_anything_is_written(tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    result = cli("run", str(folder), "--out", str(folder), "--quiet")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"newstrace: error: --out {folder} is the input folder: the exports written there would be read back "
        "as articles by the next run; choose another folder (one inside the input folder is fine)"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in SEEDS.iterdir())
    with pytest.raises(OutputError):
        newstrace.run(folder / ".", out=folder)


# -- fault 3: the same relative name from two input folders into one --out

def _days(tmp_path):
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir()
    day2.mkdir()
    shutil.copy(SEEDS / "000_17fc5a22881fa018.txt", day1 / "article.txt")
    shutil.copy(SEEDS / "003_461b67336f7667d7.txt", day2 / "article.txt")
    return day1, day2


def test_another_article_under_a_stored_id_is_refused_and_the_stored_one_kept(tmp_path):
    day1, day2 = _days(tmp_path)
    out = tmp_path / "out"
    newstrace.run(day1, out=out)
    before = (out / "articles.jsonl").read_text()
    result = cli("run", str(day2), "--out", str(out), "--quiet")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"newstrace: skipped article.txt: another article is stored under the id article (read from "
        f"{day1 / 'article.txt'}); to keep both, run again with --id-prefix day2/"]
    assert (out / "articles.jsonl").read_text() == before
    kept = cli("run", str(day2), "--out", str(out), "--quiet", "--id-prefix", "day2/")
    assert kept.returncode == 0, kept.stderr
    assert sorted(stored_ids(out)) == ["article", "day2/article"]


def test_a_changed_file_at_the_same_path_replaces_its_article(tmp_path):
    day1, _ = _days(tmp_path)
    out = tmp_path / "out"
    newstrace.run(day1, out=out)
    path = day1 / "article.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Crumbling", "Collapsing"), encoding="utf-8")
    again = newstrace.run(day1, out=out)
    assert (again.added, again.updated, again.failures) == (0, 1, [])
    assert "Collapsing Islamic State" in (out / "articles.jsonl").read_text(encoding="utf-8")


def test_the_same_text_from_another_folder_is_the_same_article(tmp_path):
    day1, day2 = _days(tmp_path)
    shutil.copy(day1 / "article.txt", day2 / "article.txt")
    out = tmp_path / "out"
    newstrace.run(day1, out=out)
    again = newstrace.run(day2, out=out)
    assert (again.added, again.updated, again.unchanged, again.failures) == (0, 0, 1, [])


# -- fault 7: an --out that cannot be made

def test_an_out_folder_that_cannot_be_made_is_one_line_and_exit_2(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    with read_only(parent) as prefix:
        result = cli("run", str(SEEDS), "--out", str(parent / "sub" / "out"), "--quiet", prefix=prefix)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"newstrace: error: cannot create the output folder {parent / 'sub'}: ")
    assert line.endswith(("read-only file system", "permission denied"))
