"""Ingest: files and folders in, Article records (or BadInput) out."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.errors import BadInput
from newstrace.ingest import IngestOptions, read_articles
from newstrace.ingest.boilerplate import is_furniture, strip_boilerplate
from newstrace.ingest.metadata import normalise_date, normalise_outlet
from newstrace.records import Article

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO.parent / "shared" / "corpora"
# the seed reports; the repository's examples hold the same two files
SEEDS = next((p for p in (CORPORA / "seeds", REPO / "examples" / "baghuz-2019") if p.is_dir()), CORPORA / "seeds")
POLNEAR = CORPORA / "polnear"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpora/seeds not present")
needs_polnear = pytest.mark.skipif(not (POLNEAR / "metadata.tsv").is_file(), reason="PolNeAR not present")


def read(path, **options):
    """(articles, bad inputs) read from path."""
    items = list(read_articles(path, IngestOptions(**options)))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, BadInput)])


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# -- the seed reports


@needs_seeds
def test_seed_folder_gives_two_articles_with_ids_titles_and_origins():
    articles, bad = read(SEEDS)
    assert bad == []
    assert [a.id for a in articles] == ["000_17fc5a22881fa018", "003_461b67336f7667d7"]
    assert [a.order for a in articles] == [0, 1]
    assert [a.origin for a in articles] == ["000_17fc5a22881fa018.txt", "003_461b67336f7667d7.txt"]
    assert articles[0].title == "Crumbling Islamic State Tells Jihadists: Attack ‘Europe, the World’ to Avenge Losses"
    assert articles[0].text.startswith(articles[0].title + "\n\n")  # the text keeps its title line
    assert articles[1].title is None  # 003 opens with a paragraph, not a headline


@needs_seeds
def test_seed_000_loses_its_web_furniture_but_keeps_its_agency_credit():
    original = (SEEDS / "000_17fc5a22881fa018.txt").read_text(encoding="utf-8")
    assert "Follow Simon Kent on Twitter: or e-mail to:" in original
    (article,), _ = read(SEEDS / "000_17fc5a22881fa018.txt")
    assert article.id == "000_17fc5a22881fa018"
    assert "Please let us know if you're having issues with commenting." not in article.text
    assert "Follow Simon Kent on Twitter" not in article.text
    assert article.text.endswith("AP contributed to this report\n")
    # only lines went: what is left is the file's text up to the credit line
    assert original.startswith(article.text)


@needs_seeds
def test_clean_false_keeps_the_seed_file_exactly():
    (article,), _ = read(SEEDS / "000_17fc5a22881fa018.txt", clean=False)
    with open(SEEDS / "000_17fc5a22881fa018.txt", encoding="utf-8", newline="") as fh:
        assert article.text == fh.read()


@needs_seeds
def test_fingerprint_is_sha1_of_casefolded_whitespace_normalised_text(tmp_path):
    (article,), _ = read(SEEDS / "003_461b67336f7667d7.txt")
    expected = hashlib.sha1(" ".join(article.text.casefold().split()).encode()).hexdigest()
    assert article.fingerprint == expected
    relaid = article.text.upper().replace(" ", "  \n")
    (copy,), _ = read(write(tmp_path / "copy.txt", relaid))
    assert copy.fingerprint == article.fingerprint


# -- PolNeAR: offsets into the original file, metadata from its sidecar


@needs_polnear
def test_polnear_dev_texts_read_with_clean_false_are_the_decoded_files():
    folder = POLNEAR / "dev" / "text"
    articles, bad = read(folder, clean=False)
    files = sorted(folder.glob("*.txt"))
    assert bad == [] and len(articles) == len(files) > 0
    for article, path in zip(articles, files):
        assert article.id == path.stem
        with open(path, encoding="utf-8", newline="") as fh:
            assert article.text == fh.read()


@needs_polnear
def test_polnear_metadata_tsv_gives_outlet_published_and_author(tmp_path):
    name = "breitbart_2016-09-15_pat-caddell-democrat-voters-worr"
    shutil.copy(POLNEAR / "metadata.tsv", tmp_path / "metadata.tsv")
    (tmp_path / "dev" / "text").mkdir(parents=True)
    shutil.copy(POLNEAR / "dev" / "text" / f"{name}.txt", tmp_path / "dev" / "text")
    (article,), bad = read(tmp_path)
    assert bad == []
    assert article.id == f"dev/text/{name}"
    assert article.outlet == "Breitbart"  # "breitbart" in the sidecar, canonical name here
    assert article.published == "2016-09-15"
    assert article.author == "Dan Riehl"
    # the file's own headline wins over the sidecar's title
    assert article.title.startswith("Pat Caddell: Democrat Voters Worried")


def test_generic_metadata_csv_and_meta_json_sidecars_fill_what_the_file_lacks(tmp_path):
    write(tmp_path / "metadata.csv",
          "id,outlet,published,title,url,author\n"
          "a,The Daily Planet,\"March 20, 2019\",Sidecar title,https://planet.example/a,Lois Lane\n"
          "sub/b,,2019-03-21T08:30:00Z,,https://www.nytimes.com/2019/03/21/b.html,\n")
    write(tmp_path / "a.txt", "Headline of a\n\nIt rained in Metropolis.\n")
    write(tmp_path / "sub" / "b.txt", "It rained in New York, too.\n")
    write(tmp_path / "sub" / "b.meta.json", json.dumps({"title": "Rain in New York", "author": "Jim Doe"}))
    (a, b), bad = read(tmp_path)
    assert bad == []
    assert (a.id, a.title, a.outlet, a.published, a.url, a.author) == (
        "a", "Headline of a", "The Daily Planet", "2019-03-20", "https://planet.example/a", "Lois Lane")
    assert (b.id, b.title, b.outlet, b.published, b.author) == (
        "sub/b", "Rain in New York", "The New York Times", "2019-03-21T08:30:00+00:00", "Jim Doe")


@needs_polnear
def test_without_a_sidecar_the_file_name_dates_the_article_and_names_a_known_outlet(tmp_path):
    """PolNeAR's files without its metadata.tsv: "wash-post_2016-09-08_..." is The
    Washington Post's, of 2016-09-08 (as the sidecar says); a sidecar or the article's own
    metadata still comes first, a name without a date names no outlet, and a text whose
    first line is a dateline (Wikinews) is dated by it."""
    names = sorted(p.stem for p in (POLNEAR / "dev" / "text").glob("*.txt"))
    for name in names:
        shutil.copy(POLNEAR / "dev" / "text" / f"{name}.txt", tmp_path)
    write(tmp_path / "wikinews" / "magnitogorsk.txt",
          "Friday, January 4, 2019\n\nAn apartment building collapsed on Monday in Magnitogorsk.\n")
    write(tmp_path / "sun_spots.txt", "Sun spots\n\nThe Sun has spots, astronomers said.\n")
    write(tmp_path / "archive" / "2019" / "03" / "20" / "baghuz.txt", "Baghuz\n\nFighting went on.\n")
    articles, bad = read(tmp_path)
    assert bad == []
    got = {a.id: (a.outlet, a.published) for a in articles}
    sidecar = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            sidecar[row["filename"]] = (normalise_outlet(row["publisher"]), row["publication_date"])
    assert {n: got[n] for n in names} == {n: sidecar[n] for n in names}
    assert got["wikinews/magnitogorsk"] == (None, "2019-01-04")
    assert got["sun_spots"] == (None, None)
    assert got["archive/2019/03/20/baghuz"] == (None, "2019-03-20")

    # a JSONL record is dated by its dateline too, not by its file's name
    write(tmp_path / "feeds" / "2019-05-01.jsonl",
          '{"id": "wn1", "text": "Saturday, January 12, 2019\\n\\nScientists released a report."}\n'
          '{"id": "wn2", "text": "Scientists released another report."}\n')
    dated = {a.id: a.published for a in read(tmp_path)[0] if a.id.startswith("wn")}
    assert dated == {"wn1": "2019-01-12", "wn2": None}

    write(tmp_path / "metadata.csv", "id,outlet,published\n" f"{names[0]},The Daily Planet,2020-01-01\n")
    first = next(a for a in read(tmp_path)[0] if a.id == names[0])
    assert (first.outlet, first.published) == ("The Daily Planet", "2020-01-01")


def test_outlet_option_fills_only_what_nothing_else_gives(tmp_path):
    write(tmp_path / "feed.jsonl",
          '\ufeff{"id": "1", "text": "It rained.", "url": "https://www.reuters.com/world/rain"}\n'
          '{"id": "2", "text": "It snowed.", "outlet": "nyt"}\n'
          '{"id": "3", "text": "It hailed."}\n')
    articles, bad = read(tmp_path, outlet="Sputnik News")
    assert bad == []
    assert [a.outlet for a in articles] == ["Reuters", "The New York Times", "Sputnik"]


# -- HTML


def test_html_page_gives_title_date_outlet_and_the_article_without_furniture():
    (article,), bad = read(FIXTURES / "html")
    assert bad == []
    assert article.id == "iran-admits-downing-ukrainian-jet"
    assert article.title == "Iran admits downing Ukrainian jet, cites 'human error'"
    assert article.published == "2020-01-13"
    assert article.outlet == "Wikinews"
    assert article.url == "https://en.wikinews.org/wiki/Iran_admits_downing_Ukrainian_jet,_cites_%27human_error%27"
    assert 'Iranian President Hassan Rouhani said, "The Islamic Republic of Iran deeply regrets' in article.text
    assert "official apologies through diplomatic channels" in article.text
    for furniture in ("Random article", "Accept all cookies", "Share on Facebook", "Advertisement",
                      "Related news", "Sign up for our newsletter", "What a tragedy", "Privacy policy",
                      "Creative Commons"):
        assert furniture not in article.text, furniture


def test_html_cut_before_its_article_is_bad_input(tmp_path, caplog):
    page = (FIXTURES / "html" / "iran-admits-downing-ukrainian-jet.html").read_bytes()
    write(tmp_path / "menus-only.html", page[: page.index(b"<main>")])
    write(tmp_path / "empty-body.htm", "<html><head><title>x</title></head><body></body></html>")
    write(tmp_path / "cut-in-article.html", page[: page.index(b"<p>A few hours")])
    with caplog.at_level(logging.WARNING, logger="newstrace.ingest"):
        articles, bad = read(tmp_path)
    assert [(b.path, b.reason) for b in bad] == [
        ("empty-body.htm", "no article text found in HTML"),
        ("menus-only.html", "no article text found in HTML"),
    ]
    # a page cut inside its article still gives what it has, with a warning naming it
    assert [a.id for a in articles] == ["cut-in-article"]
    assert "Hassan Rouhani" in articles[0].text
    assert "cut-in-article.html" in caplog.text and "truncated" in caplog.text


# -- JSONL and JSON


def test_jsonl_reads_good_lines_and_names_each_bad_one():
    articles, bad = read(FIXTURES / "jsonl")
    assert [(a.id, a.origin) for a in articles] == [
        ("wikinews-2020-01-28-coronavirus-germany", "wikinews.jsonl:1"),
        ("wikinews:2", "wikinews.jsonl:2"),  # no id: <file id>:<line>
    ]
    first, second = articles
    assert (first.outlet, first.published) == ("Wikinews", "2020-01-28")
    assert first.title == "German authorities confirm first case of novel coronavirus in Germany"
    assert first.text.startswith("Yesterday evening, the Bavarian State Ministry")
    # "body", "date" and NewsAPI's {"source": {"name": ...}} are read too
    assert (second.title, second.published, second.outlet) == (
        "Germany says Alexei Navalny poisoned with Novichok", "2020-09-05", "Wikinews")
    assert [(b.path, b.reason.split(":")[0].split(" (")[0]) for b in bad] == [
        ("wikinews.jsonl:3", "not valid JSON"),
        ("wikinews.jsonl:4", "not an article object"),
        ("wikinews.jsonl:6", "no article text"),
        ("wikinews.jsonl:7", "duplicate id wikinews-2020-01-28-coronavirus-germany, first read from wikinews.jsonl"),
    ]
    assert bad[3].reason.endswith("first read from wikinews.jsonl:1")
    assert all("\n" not in b.reason for b in bad)


def test_json_file_with_a_list_of_articles(tmp_path):
    write(tmp_path / "export.json", json.dumps([
        {"id": 7, "content": "It rained.", "publication_date": "2019-03-20", "site": "bbc-news"},
        {"text": "It snowed.", "published": "not a date"},
        "oops",
    ]))
    articles, bad = read(tmp_path / "export.json")
    assert [(a.id, a.origin, a.published) for a in articles] == [
        ("7", "export.json:1", "2019-03-20"), ("export:2", "export.json:2", None)]
    assert articles[0].outlet == (normalise_outlet("bbc-news"))
    assert [(b.path, b.reason) for b in bad] == [("export.json:3", "not an article object (a JSON string)")]


def test_duplicate_ids_across_files_keep_the_first(tmp_path):
    write(tmp_path / "x.txt", "It rained.\n")
    write(tmp_path / "x.html", "<html><body><article><p>It rained again over the whole city today.</p>"
                               "</article></body></html>")
    articles, bad = read(tmp_path)
    assert [a.origin for a in articles] == ["x.html"]  # sorted: .html before .txt
    assert [(b.path, b.reason) for b in bad] == [("x.txt", "duplicate id x, first read from x.html")]


# -- bad files are reported, the rest goes on


def test_bad_files_are_named_and_the_run_goes_on(tmp_path, caplog):
    write(tmp_path / "a_empty.txt", b"")
    write(tmp_path / "b_blank.txt", b" \n\t\r\n")
    write(tmp_path / "c_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    write(tmp_path / "d_controls.txt", "\x01\x02\x03\x04\x05\x06\x07 ok \x0e\x0f\x10\x11\x12")
    write(tmp_path / "e_latin1.txt", "Café owner José Núñez said the rain was «terrible».\n".encode("latin-1"))
    write(tmp_path / "f_mixed.txt", "Café ".encode("utf-8") + "Café".encode("latin-1"))
    write(tmp_path / "g_undefined.txt", b"Price \x81 list\n")
    write(tmp_path / "h_good.txt", "It rained.\n")
    write(tmp_path / "notes.md", "# not an article")
    write(tmp_path / "x.ann", "T1\tSource 0 2\tIt")
    with caplog.at_level(logging.WARNING, logger="newstrace.ingest"):
        articles, bad = read(tmp_path)
    assert [(b.path, b.reason) for b in bad] == [
        ("a_empty.txt", "empty file (0 bytes)"),
        ("b_blank.txt", "empty file (only whitespace)"),
        ("c_image.txt", "binary file (contains NUL bytes)"),
        ("d_controls.txt", "binary file (mostly control characters)"),
        ("f_mixed.txt", "not UTF-8 text (invalid byte 0xe9 at offset 9)"),
        ("g_undefined.txt", "not UTF-8 text (invalid byte 0x81 at offset 6)"),
    ]
    assert [a.id for a in articles] == ["e_latin1", "h_good"]
    assert articles[0].text == "Café owner José Núñez said the rain was «terrible».\n"
    # the fallback decoding is visible: a warning names the file
    assert "e_latin1.txt" in caplog.text and "cp1252" in caplog.text


def test_too_large_files_are_refused(tmp_path):
    write(tmp_path / "big.txt", "It rained. " * 100)
    _, bad = read(tmp_path, max_bytes=1000)
    assert [(b.path, b.reason) for b in bad] == [("big.txt", "too large: 1100 bytes")]


def test_an_article_too_long_to_be_one_is_refused_and_the_rest_read(tmp_path):
    # a JSONL record as much as a file: the limit is on one article's text
    write(tmp_path / "a_long.txt", "It rained. " * 100)
    write(tmp_path / "b.jsonl", '{"id": "dump", "text": "%s"}\n{"id": "ok", "text": "It rained."}\n'
          % ("It rained. " * 100))
    articles, bad = read(tmp_path, max_chars=1000)
    assert [a.id for a in articles] == ["ok"]
    assert [(b.path, b.reason) for b in bad] == [
        ("a_long.txt", "too long for one article: 1,100 characters (at most 1,000; split it)"),
        ("b.jsonl:1", "too long for one article: 1,100 characters (at most 1,000; split it)")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_bad_input(tmp_path):
    path = write(tmp_path / "secret.txt", "It rained.\n")
    path.chmod(0)
    try:
        _, bad = read(tmp_path)
    finally:
        path.chmod(0o644)
    assert [(b.path, b.reason) for b in bad] == [("secret.txt", "unreadable: permission denied")]


def test_a_file_the_system_refuses_to_read_is_bad_input(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", "It rained.\n")
    write(tmp_path / "secret.txt", "It snowed.\n")
    real_read_bytes = Path.read_bytes

    def refuse(path):
        if path.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    articles, bad = read(tmp_path)
    assert [a.id for a in articles] == ["a"]
    assert [(b.path, b.reason) for b in bad] == [("secret.txt", "unreadable: permission denied")]


def test_missing_path_and_unsupported_file_are_bad_input(tmp_path):
    _, bad = read(tmp_path / "nowhere")
    assert bad[0].reason == "no such file or folder"
    _, bad = read(write(tmp_path / "notes.md", "# notes"))
    assert bad[0].reason.startswith("not an article file")


def test_utf8_bom_is_kept_as_the_file_reads_and_crlf_kept(tmp_path):
    # offsets into a .txt are the file's as open(encoding="utf-8") reads it, the BOM
    # included: the shared scorer and annotation tools count so (a PTC article starts so)
    raw = b"\xef\xbb\xbfHeadline\r\n\r\nIt rained.\r\n"
    write(tmp_path / "bom.txt", raw)
    (article,), _ = read(tmp_path, clean=False)
    with open(tmp_path / "bom.txt", encoding="utf-8", newline="") as fh:
        assert article.text == fh.read() == "\ufeffHeadline\r\n\r\nIt rained.\r\n"
    assert article.title == "Headline"
    write(tmp_path / "more.jsonl", b'\xef\xbb\xbf{"id": "j", "text": "It rained."}\n')
    (_, record), bad = read(tmp_path, clean=False)
    assert bad == [] and record.text == "It rained."


# -- the walk: sorted, recursive, confined


def test_folder_walk_is_sorted_recursive_and_names_ids_by_relative_path(tmp_path):
    write(tmp_path / "b.txt", "B.\n")
    write(tmp_path / "a" / "z.txt", "AZ.\n")
    write(tmp_path / "a" / "deeper" / "y.txt", "AY.\n")
    write(tmp_path / ".git" / "HEAD.txt", "hidden\n")
    articles, bad = read(tmp_path)
    assert bad == []
    assert [(a.id, a.origin, a.order) for a in articles] == [
        ("a/deeper/y", "a/deeper/y.txt", 0), ("a/z", "a/z.txt", 1), ("b", "b.txt", 2)]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_symlinks_leaving_the_input_folder_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    write(outside / "secret.txt", "Private notes.\n")
    inside = tmp_path / "input"
    write(inside / "story.txt", "It rained.\n")
    (inside / "leak.txt").symlink_to(outside / "secret.txt")
    (inside / "leakdir").symlink_to(outside, target_is_directory=True)
    (inside / "alias.txt").symlink_to(inside / "story.txt")  # stays inside: followed
    (inside / "loop").symlink_to(inside, target_is_directory=True)  # a loop: not walked again
    (inside / "gone.txt").symlink_to(inside / "deleted.txt")
    articles, bad = read(inside)
    assert [a.id for a in articles] == ["alias", "story"]
    assert all("Private" not in a.text for a in articles)
    assert sorted((b.path, b.reason) for b in bad) == [
        ("gone.txt", "broken symbolic link"),
        ("leak.txt", "symbolic link leads outside the input folder; not followed"),
        ("leakdir", "symbolic link leads outside the input folder; not followed"),
    ]


# -- boilerplate


FURNITURE = [
    "Please let us know if you're having issues with commenting.",
    "Follow Simon Kent on Twitter: or e-mail to:",
    "Follow Pam Key on Twitter @pamkeyNEN.",
    "Sign up for our newsletter",
    "Share this article",
    "Click here to listen to this interview.",
    "Read more: China Prepares for Moon Colony",
    "Advertisement",
    "Related: Islamic State loses its last village",
]
REPORTING = [
    "AP contributed to this report",
    "Follow the money, she said.",
    "Follow Trump on Twitter and you will see what he thinks.",
    "Sign up now, police urged residents.",
    '"Click here to win" was the subject line of the scam e-mail.',
    "Reuters reported that the group read more than 40 statements.",
    "Advertisements for the rally ran in three newspapers, the campaign said.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_recognised(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", REPORTING)
def test_reporting_lines_are_never_furniture(line):
    assert not is_furniture(line)
    text = f"It rained.\n\n{line}\n\nAdvertisement\n"
    assert line in strip_boilerplate(text)


LINES = st.one_of(
    st.sampled_from(FURNITURE + REPORTING + ["", "   ", "Comments", "Share", "Tags: rain, weather",
                                             "All rights reserved."]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(LINES, st.sampled_from(["\n", "\r\n", "\r", ""])), max_size=25))
def test_cleaning_is_idempotent_and_only_removes_whole_lines(parts):
    text = "".join(line + end for line, end in parts)
    cleaned = strip_boilerplate(text)
    assert strip_boilerplate(cleaned) == cleaned
    # never adds text: the cleaned text is some of the text's lines, whole and in order
    assert _is_made_of_lines(cleaned, text.splitlines(keepends=True))


def _is_made_of_lines(cleaned: str, lines: list[str]) -> bool:
    reachable = {0}  # positions in cleaned that a run of kept lines can end at
    for line in lines:
        reachable |= {pos + len(line) for pos in reachable if cleaned.startswith(line, pos)}
    return len(cleaned) in reachable


# -- dates and outlets


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
       st.sampled_from([None, timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=4))]))
def test_iso_datetimes_keep_their_instant(moment, tz):
    moment = moment.replace(microsecond=0, tzinfo=tz)
    normal = normalise_date(moment.isoformat())
    assert datetime.fromisoformat(normal) == moment
    assert normalise_date(normal) == normal


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_dates_stay_dates_in_every_spelling(day):
    iso = day.isoformat()
    for spelling in (iso, day.strftime("%Y%m%d"), day.strftime("%B %d, %Y"), day.strftime("%d %b %Y"),
                     day.strftime("%A, %B %d, %Y")):
        assert normalise_date(spelling) == iso, spelling


@given(st.one_of(st.text(max_size=40), st.integers(), st.none(), st.floats()))
def test_anything_else_is_a_valid_iso_date_or_none_and_never_raises(value):
    normal = normalise_date(value)
    if normal is not None:
        assert date.fromisoformat(normal[:10])
        assert normalise_date(normal) == normal


def test_unparseable_dates_are_none():
    for value in ("last Tuesday", "2019-13-01", "2019-02-30", "2019-03", "", "31/31/2019", 1553040000):
        assert normalise_date(value) is None, value
    assert normalise_date("Wed, 20 Mar 2019 10:00:00 GMT") == "2019-03-20T10:00:00+00:00"


def test_outlets_are_canonical_when_known_and_kept_otherwise():
    assert normalise_outlet("nyt") == "The New York Times"
    assert normalise_outlet("the UK Independent") == "The Independent"
    assert normalise_outlet("  The Daily   Planet ") == "The Daily Planet"
    assert normalise_outlet("") is None


def test_a_byte_order_mark_changes_no_check_and_no_headline(tmp_path):
    # a BOM with nothing after it is still an empty file; one Windows-1252 byte after it is
    # still read (with a warning); the headline of a file with a BOM is still found
    write(tmp_path / "empty.txt", b"\xef\xbb\xbf  \n")
    write(tmp_path / "cp.txt", b"\xef\xbb\xbfCaf\xe9 du port\n")
    articles, bad = read(tmp_path, clean=False)
    assert [b.reason for b in bad] == ["empty file (only whitespace)"]
    assert articles[0].text == "\ufeffCaf\u00e9 du port\n"
    from newstrace.extract.headlines import headline_span
    text = "\ufeffTrump says wall will be built soon\n\nThe president said it would."
    assert headline_span(text, "Trump says wall will be built soon") == (1, 35)
    assert headline_span(text) == (1, 35)
