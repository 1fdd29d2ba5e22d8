"""The web app over HTTP, as a user or a script meets it: `newstrace serve` on the seed
reports and hostile articles, asked through a real socket (the browser's view is in
test_browser.py)."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode

import pytest

from conftest import HOSTILE_ARTICLES, REPO

BREITBART, SPUTNIK = "000_17fc5a22881fa018", "003_461b67336f7667d7"


def get(base: str, path: str, method: str = "GET", headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(base + path, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get_json(base: str, path: str):
    status, headers, body = get(base, path)
    assert headers["content-type"].startswith("application/json"), (path, headers)
    return status, json.loads(body)


def html(base: str, path: str) -> str:
    status, headers, body = get(base, path)
    assert status == 200, (path, status, body[:300])
    assert headers["content-type"].startswith("text/html")
    return body.decode("utf-8")


def seed_story(base: str) -> str:
    _, article = get_json(base, f"/api/articles/{BREITBART}")
    return article["article"]["story"]


def shared_statement(base: str) -> dict:
    """The Abu Abdul-Azim statement both reports quote."""
    _, found = get_json(base, "/api/search?" + urlencode({"q": '"thousands of kilometers"'}))
    (hit,) = [h for h in found["items"] if h["articles"] == 2]
    return hit


def test_the_seed_story_page_lists_both_reports_and_the_shared_statements(web_server):
    story = seed_story(web_server)
    page = html(web_server, f"/stories/{story}")
    assert "Crumbling Islamic State Tells Jihadists" in page
    assert f"/articles/{BREITBART}" in page and f"/articles/{SPUTNIK}" in page
    assert "If we used to hold thousands of kilometers" in page
    assert "rise against the Crusaders" in page
    assert "Associated Press" in page and "The New York Times" in page  # its citations


def test_a_statement_trail_shows_every_mention_in_its_sentence(web_server):
    hit = shared_statement(web_server)
    assert hit["speaker"] == "Abu Abdul-Azim" and hit["speaker_id"].startswith("sp")
    page = html(web_server, f"/statements/{hit['id']}")
    assert f'href="/speakers/{hit["speaker_id"]}"><bdi>Abu Abdul-Azim</bdi>' in page
    assert page.count('class="mention"') >= 2
    assert f"/articles/{BREITBART}" in page and f"/articles/{SPUTNIK}" in page
    # the quoted words are marked inside the sentence they stand in
    assert re.search(r'<span class="content">[^<]*If we used to hold thousands', page)
    assert "first appearance" in page and "<svg" in page
    _, api = get_json(web_server, f"/api/statements/{hit['id']}")
    assert {a["id"] for a in api["spread"]} == {BREITBART, SPUTNIK}
    for m in api["mentions"]["items"]:
        text = m["sentence"]
        for s, e in m["content"]:  # spans are article offsets; the sentence holds them
            assert m["sentence_start"] <= s and e <= m["sentence_start"] + len(text)


def test_speaker_page_names_and_statements(web_server):
    speaker_id = shared_statement(web_server)["speaker_id"]
    page = html(web_server, f"/speakers/{speaker_id}")
    assert "<h1><bdi>Abu Abdul-Azim</bdi></h1>" in page and "person ·" in page
    assert "If we used to hold thousands of kilometers" in page
    assert "“he”" in page  # how articles wrote him
    _, profile = get_json(web_server, f"/api/speakers/{speaker_id}")
    assert profile["statements"] >= 1 and profile["articles"] == 2 and profile["kind"] == "person"
    assert "Abu Abdul-Azim" in {n["name"] for n in profile["names"]}
    # a name still finds the speaker's attributions (links from stores made before speaker ids)
    _, by_name = get_json(web_server, "/api/speakers/" + quote("Abu Abdul-Azim"))
    assert by_name["attributions"] == profile["attributions"]
    _, listed = get_json(web_server, "/api/speakers?q=abdul")
    assert [(s["key"], s["kind"]) for s in listed["items"]] == [(speaker_id, "person")]


def test_search_finds_crusaders_in_statements_and_articles(web_server):
    page = html(web_server, "/search?q=Crusaders")
    assert "<mark>Crusaders</mark>" in page
    _, found = get_json(web_server, "/api/search?q=crusader")  # stemmed: crusader finds Crusaders
    assert any("Crusaders" in h["snippet"] for h in found["items"])
    hit = found["items"][0]
    assert all(hit["snippet"][s:e].casefold().startswith("crusader") for s, e in hit["highlights"])
    _, articles = get_json(web_server, "/api/search?q=Crusaders&kind=articles")
    assert {h["id"] for h in articles["items"]} == {BREITBART, SPUTNIK}
    _, by_outlet = get_json(web_server, "/api/search?q=Crusaders&kind=articles&outlet=Breitbart")
    assert [h["id"] for h in by_outlet["items"]] == [BREITBART]
    for speaker in ("Abu Abdul-Azim", shared_statement(web_server)["speaker_id"]):  # a name or an id
        _, by_speaker = get_json(web_server, "/api/search?" + urlencode({"q": "kilometers", "speaker": speaker}))
        assert by_speaker["items"] and all(h["speaker"] == "Abu Abdul-Azim" for h in by_speaker["items"])
    _, dated = get_json(web_server, "/api/search?q=minister&kind=articles&since=2019-03-20&until=2019-03-20")
    assert [h["id"] for h in dated["items"]] == ["hostile-1"]


def test_lists_page_with_cursors_without_repeats(web_server):
    seen, cursor = [], None
    for _ in range(50):
        _, page = get_json(web_server, "/api/speakers?limit=3" + (f"&cursor={cursor}" if cursor else ""))
        seen += [s["key"] for s in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) > 3
    _, all_at_once = get_json(web_server, "/api/speakers?limit=100")
    assert [s["key"] for s in all_at_once["items"]] == seen and all_at_once["next"] is None
    names = [s["name"] for s in all_at_once["items"]]
    assert names == sorted(names) and "Abu Abdul-Azim" in names and "Mustafa Bali" in names
    _, one = get_json(web_server, "/api/stories?limit=1")
    _, two = get_json(web_server, f"/api/stories?limit=1&cursor={one['next']}")
    assert one["items"][0]["id"] != two["items"][0]["id"] and one["total"] >= 2


def test_outlet_page_separates_self_citations(web_server):
    page = html(web_server, "/outlets/Reuters")
    assert "Self-citations (1)" in page
    _, profile = get_json(web_server, "/api/outlets/Reuters")
    assert [c["self"] for c in profile["cites"] if c["outlet"] == "Reuters"] == [True]
    graph = html(web_server, "/citations")
    assert "<h2>Self-citations</h2>" in graph and "<svg" in graph


@pytest.mark.parametrize("path", ["/", "/stories", "/speakers", "/outlets", "/citations", "/exports", "/api",
                                  f"/articles/{BREITBART}", "/search?q=%22Europe%22&kind=articles"])
def test_every_page_answers_with_no_script_allowed(web_server, path):
    status, headers, body = get(web_server, path)
    assert status == 200
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp  # no script may run at all
    assert b"<script" not in body and b"https://cdn" not in body


def test_hostile_text_and_metadata_are_escaped_everywhere(web_server):
    payload_id = HOSTILE_ARTICLES[1]["id"]
    pages = [
        html(web_server, "/articles/hostile-1"),
        html(web_server, "/articles/" + quote(payload_id, safe="")),
        html(web_server, "/stories"),
        html(web_server, "/outlets"),
        html(web_server, "/search?q=minister&kind=articles"),
        html(web_server, "/search?q=resign"),
        html(web_server, "/citations"),
    ]
    for page in pages:
        assert "<script>" not in page and "<svg onload" not in page and "<img src=x" not in page
        assert 'href="javascript:' not in page.lower() and "<b>resigns</b>" not in page
        # no tag of the page carries an event handler (payloads are text: their "<" is escaped)
        assert not re.search(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", page)
    article = pages[0]
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;Minister &lt;b&gt;resigns&lt;/b&gt;" in article
    assert "javascript:document.title" in article  # shown as text, not as a link
    assert 'rel="noopener noreferrer nofollow"' in pages[1]  # an https URL is a link
    assert "&#34;&gt;&lt;svg onload=" in pages[1]  # the id, shown as text


def test_api_errors_are_4xx_json(web_server):
    for path, status in [("/api/stories?limit=1000", 400), ("/api/stories?limit=0", 400),
                         ("/api/stories?cursor=not-a-cursor", 400), ("/api/search?q=" + "a" * 201, 400),
                         ("/api/search?q=%22%22", 400), ("/api/search?q=x&since=yesterday", 400),
                         ("/api/stories/no-such-story", 404), ("/api/statements/nope", 404),
                         ("/api/speakers/" + "x" * 600, 400), ("/api/nothing-here", 404)]:
        got, body = get_json(web_server, path)
        assert got == status, (path, got, body)
        assert body["status"] == status and body["error"]
    got, headers, body = get(web_server, "/api/stories", method="POST")
    assert got == 405 and json.loads(body)["error"] == "method not allowed"
    got, headers, body = get(web_server, "/stories?cursor=zzz")
    assert got == 400 and b"bad cursor" in body and b"Traceback" not in body


def test_a_foreign_host_header_is_refused(web_server):
    # a page elsewhere that rebinds its name to 127.0.0.1 cannot read the store
    got, _, _ = get(web_server, "/api/overview", headers={"Host": "evil.example"})
    assert got == 400


def test_openapi_schema_documents_the_api(web_server):
    _, schema = get_json(web_server, "/api/openapi.json")
    for path in ["/api/stories", "/api/stories/{story}", "/api/statements/{statement}", "/api/speakers/{key}",
                 "/api/outlets/{name}", "/api/search", "/api/citations", "/api/exports"]:
        assert path in schema["paths"], path
    assert "StorySummary" in schema["components"]["schemas"]
    assert get(web_server, "/docs")[0] == 404  # Swagger UI would load scripts from a CDN


def test_exports_download_as_the_run_wrote_them(web_server, web_run):
    _, listing = get_json(web_server, "/api/exports")
    assert {d["name"] for d in listing} >= {"articles.jsonl", "statements.jsonl", "citations.jsonl"}
    for name in ("statements.jsonl", "stories.jsonl", "citations.jsonl"):
        status, headers, body = get(web_server, f"/exports/{name}")
        assert status == 200 and "attachment" in headers["content-disposition"]
        assert body == (web_run / name).read_bytes()
    assert get(web_server, "/exports/..%2Fnewstrace.db")[0] == 404


@pytest.mark.parametrize("fmt", ["csv", "graphml", "parquet"])
def test_every_export_format_downloads_as_newstrace_export_writes_it(web_server, web_run, tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="Parquet is the optional 'parquet' extra")
    from newstrace.report.export import export

    written = export(web_run / "newstrace.db", tmp_path, fmt)
    _, listing = get_json(web_server, "/api/exports")
    offered = {d["name"] for d in listing}
    for name in written:
        assert name in offered
        status, headers, body = get(web_server, f"/exports/{name}")
        assert status == 200 and f'filename="{name}"' in headers["content-disposition"]
        if fmt == "parquet":  # same rows (the file's metadata may differ)
            import pyarrow.parquet as pq

            (tmp_path / "got.parquet").write_bytes(body)
            assert pq.read_table(tmp_path / "got.parquet").to_pylist() == pq.read_table(tmp_path / name).to_pylist()
        else:
            assert body == (tmp_path / name).read_bytes(), name


def test_serving_never_writes_the_database(web_run, web_server):
    db = web_run / "newstrace.db"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for path in ["/", "/stories", "/citations", "/search?q=Crusaders", "/api/stories", "/exports/articles.jsonl"]:
        get(web_server, path)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("content", [None, b"this is not a database at all" * 100, b""])
def test_a_missing_or_corrupt_database_is_one_clear_line(tmp_path, content):
    target = tmp_path / "newstrace.db"
    if content is not None:
        target.write_bytes(content)
    result = subprocess.run([sys.executable, "-m", "newstrace", "serve", str(target), "--port", "1"],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(target) in lines[0] and "Traceback" not in result.stderr, result.stderr


def test_an_empty_folder_says_what_to_run(tmp_path):
    result = subprocess.run([sys.executable, "-m", "newstrace", "serve", str(tmp_path)],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "newstrace run" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_port_in_use_is_one_clear_line(web_run, web_server):
    port = web_server.rsplit(":", 1)[1]
    result = subprocess.run([sys.executable, "-m", "newstrace", "serve", str(web_run), "--port", port],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "in use" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_store_linked_by_an_older_newstrace_is_served_with_a_warning(tmp_path):
    """A store of schema 2 (before statement speaker counts) is brought up to date by serve,
    which says in one line that its links are an older newstrace's until a run relinks it."""
    import sqlite3

    from conftest import SEEDS
    from newstrace import run
    from newstrace.serve import prepare
    from newstrace.store import SCHEMA_VERSION

    run(SEEDS, out=tmp_path / "out")
    database = tmp_path / "out" / "newstrace.db"
    with sqlite3.connect(database) as db:
        db.execute("UPDATE meta SET value='2' WHERE key='schema_version'")
        db.execute("DROP TABLE statement_speakers")
    warning = prepare(database)
    assert warning and str(database) in warning and "older newstrace" in warning and "\n" not in warning
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert db.execute("SELECT COUNT(*) FROM statements").fetchone()[0] > 0  # served as it is
    assert prepare(database) == warning  # until a run relinks it
    run(SEEDS, out=tmp_path / "out")
    assert prepare(database) is None
