"""Exports people take elsewhere: every table as JSONL, CSV and Parquet with the same rows,
the outlet graph (self-citations apart) as GraphML that networkx reads, `newstrace export`."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys

import networkx as nx
import pyarrow.parquet as pq
import pytest

import newstrace
from newstrace.records import Article, Citation
from newstrace.report.export import COLUMNS, TABLES, from_csv_cell
from newstrace.store import Store

from conftest import POLNEAR, REPO, SEEDS, SHARED, needs_shared

BREITBART, SPUTNIK = "000_17fc5a22881fa018", "003_461b67336f7667d7"


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-export")
    newstrace.run(SEEDS, out=out)
    return out


def test_run_writes_speakers_and_speaker_ids(seed_out):
    speakers = {s["id"]: s for s in _jsonl(seed_out / "speakers.jsonl")}
    attributions = _jsonl(seed_out / "attributions.jsonl")
    assert all("speaker_id" in a for a in attributions)
    abu = {a["speaker_id"] for a in attributions if a["speaker"] == "Abu Abdul-Azim"}
    assert len(abu) == 1  # one speaker across the two reports
    (abu,) = abu
    assert speakers[abu]["name"] == "Abu Abdul-Azim" and speakers[abu]["kind"] == "person"
    assert {a["article"] for a in attributions if a["speaker_id"] == abu} == {BREITBART, SPUTNIK}
    assert sorted(speakers[abu]["attributions"]) == sorted(a["id"] for a in attributions if a["speaker_id"] == abu)
    for s in speakers.values():
        assert set(s) >= {"id", "name", "aliases", "kind", "attributions"} and s["kind"] in (
            "person", "organisation", "unknown")
    # every attribution with a speaker has a speaker id that is listed
    assert {a["speaker_id"] for a in attributions if a["speaker"]} <= set(speakers)


@needs_shared(SHARED / "tools" / "check_exports.py")
def test_run_exports_keep_the_contract(seed_out):
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "check_exports.py"), str(seed_out), str(SEEDS)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def exported(seed_out, tmp_path_factory):
    out = tmp_path_factory.mktemp("formats")
    for fmt in ("jsonl", "csv", "parquet", "graphml"):
        newstrace.export(seed_out, out / fmt, fmt)
    return out


def test_csv_and_parquet_read_back_as_the_jsonl_rows(exported):
    for table in TABLES:
        expected = _jsonl(exported / "jsonl" / f"{table}.jsonl")
        assert expected or table == "outlet_edges", table
        kinds = dict(COLUMNS[table])
        with open(exported / "csv" / f"{table}.csv", encoding="utf-8", newline="") as f:
            from_csv = [{name: from_csv_cell(cell, kinds[name]) for name, cell in row.items()}
                        for row in csv.DictReader(f)]
        # CSV has one null for strings: an empty string reads back as null
        expected_csv = [{k: (None if v == "" else v) for k, v in row.items()} for row in expected]
        assert from_csv == expected_csv, table
        assert pq.read_table(exported / "parquet" / f"{table}.parquet").to_pylist() == expected, table
        if expected:  # the columns are the JSONL fields, in order
            assert list(expected[0]) == [name for name, _ in COLUMNS[table]], table


def test_the_jsonl_export_is_what_run_wrote(seed_out, exported):
    for table in ("articles", "attributions", "statements", "citations", "stories", "speakers"):
        assert (exported / "jsonl" / f"{table}.jsonl").read_bytes() == (seed_out / f"{table}.jsonl").read_bytes()


def test_graphml_is_read_by_networkx(exported):
    outlets = nx.read_graphml(exported / "graphml" / "outlets.graphml")
    assert outlets.is_directed()
    edge = outlets.edges["Breitbart", "Associated Press"]  # "AP contributed to this report"
    assert edge["self_citation"] is False and edge["articles"] == 1 and json.loads(edge["article_ids"]) == [BREITBART]
    assert outlets.nodes["Breitbart"]["articles"] == 1 and outlets.nodes["Associated Press"]["kind"] == "media"
    said = nx.read_graphml(exported / "graphml" / "speakers_statements.graphml")
    abu = [n for n, d in said.nodes(data=True) if d.get("label") == "Abu Abdul-Azim"]
    assert len(abu) == 1 and said.nodes[abu[0]]["type"] == "speaker"
    # his statement is quoted in both reports: one edge, its mentions counted
    assert max(d["mentions"] for _, _, d in said.out_edges(abu[0], data=True)) >= 2


def _stored(store: Store, article_id: str, text: str, outlet: str, citations: list[tuple[str, str, str]]):
    """An article of ``outlet`` citing (name as written, canonical outlet, kind) where written."""
    article = Article(id=article_id, text=text, outlet=outlet, fingerprint=hashlib.sha1(text.encode()).hexdigest())
    found = []
    for written, canonical, kind in citations:
        at = text.index(written)
        found.append(Citation(article=article_id, outlet=canonical, cue="reported", span=(at, at + len(written)),
                              kind=kind))
    store.put_article(article, [], found, "hand")


@needs_shared(POLNEAR)
def test_an_outlet_citing_itself_or_its_programmes_is_kept_apart():
    store = Store(":memory:")
    name = "politico_2015-11-24_clinton-s-iowa-dilemma"  # "..., a Clinton adviser told POLITICO."
    text = (POLNEAR / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8")
    _stored(store, name, text, "Politico", [("POLITICO", "Politico", "media")])
    # a programme of the citing outlet, as extraction marks it (kind "self")
    _stored(store, "fox-segment", "Fox & Friends reported the poll on Monday.", "Fox News",
            [("Fox & Friends", "Fox & Friends", "self")])
    _stored(store, "fox-ap", "The Associated Press reported the poll on Monday.", "Fox News",
            [("Associated Press", "Associated Press", "media")])
    edges = {(e.source, e.target): e for e in store.outlet_graph()}
    assert edges["Politico", "Politico"].self_citation
    assert edges["Fox News", "Fox & Friends"].self_citation
    assert not edges["Fox News", "Associated Press"].self_citation
    assert {(e.source, e.target) for e in store.outlet_graph(self_citations=False)} == {("Fox News", "Associated Press")}


def test_exports_and_web_pages_mark_the_same_self_citations():
    """An outlet written in another case by the input's metadata ("POLITICO") is still the
    outlet cited as "Politico": the exports' graph follows the web pages' rule."""
    store = Store(":memory:")
    _stored(store, "p1", "A Clinton adviser told POLITICO on Monday.", "POLITICO", [("POLITICO", "Politico", "media")])
    (edge,) = store.outlet_graph()
    assert edge.self_citation
    assert store.outlet_graph(self_citations=False) == []
    (page_edge,) = store.citation_graph()
    assert page_edge.self


def test_cli_export_writes_each_format_and_refuses_a_missing_database(seed_out, tmp_path):
    cli = [sys.executable, "-m", "newstrace", "export"]
    done = subprocess.run([*cli, str(seed_out), "--format", "csv", "--out", str(tmp_path / "csv")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "speakers.csv" in done.stdout and (tmp_path / "csv" / "outlet_edges.csv").exists()
    missing = tmp_path / "nothing-here"
    missing.mkdir()
    failed = subprocess.run([*cli, str(missing), "--out", str(tmp_path / "x")], capture_output=True, text=True)
    assert failed.returncode == 2
    assert failed.stderr.strip().count("\n") == 0 and "no newstrace database" in failed.stderr
    assert not (missing / "newstrace.db").exists()


def test_export_errors_are_one_line_with_control_characters_escaped(tmp_path):
    """A folder name holding a terminal escape: the error names it escaped, on one line."""
    hostile = tmp_path / "out\x1b[2J"
    hostile.mkdir()
    result = subprocess.run([sys.executable, "-m", "newstrace", "export", str(hostile), "--out", str(tmp_path / "x")],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
