"""Property tests over every reader (text, HTML, JSON, JSONL, sidecars): whatever the
bytes (random, deeply nested, one huge line, any encoding), each input ends in an
article that the store accepts or in a BadInput whose line names the file and the
reason; never an exception."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newstrace.errors import BadInput, shown
from newstrace.ingest import read_articles
from newstrace.records import Article
from newstrace.store import Store

EXAMPLES = int(os.environ.get("NEWSTRACE_PROPERTY_EXAMPLES", "40"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "koi8-r",
             "shift_jis", "gb18030", "iso-8859-7"]
SENTENCE = "The minister said on Monday that the bridge would reopen in May after the repairs. "

# words, markup and escapes that readers trip over
_pieces = st.sampled_from([
    SENTENCE, "\n", "\r\n", "\x00", "\x1b[2J", "\u202e", "\u200b", "\ufeff", "\ud800", "é", "“", "<", ">", "&amp;",
    "<div>", "</div>", "<p>", "</p>", "<script>", "<!--", "]]>", "{", "}", "[", "]", '"', "\\", ":", ",",
    "\t", " " * 50, "x" * 1000,
])
texts = st.one_of(st.text(max_size=400), st.lists(_pieces, max_size=60).map("".join))


@st.composite
def encoded(draw, text_strategy=texts) -> bytes:
    """Text in a random encoding, the characters it cannot hold replaced."""
    text = draw(text_strategy)
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace") if text else b""


def nested(open_: str, close: str, inner: str = "") -> st.SearchStrategy[str]:
    return st.integers(0, 20_000).map(lambda n: open_ * n + inner + close * n)


def huge_line() -> st.SearchStrategy[str]:
    return st.integers(10_000, 400_000).map(lambda n: (SENTENCE * (n // len(SENTENCE) + 1))[:n])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=20), st.integers(), json_values),
        "text": st.one_of(texts, huge_line(), json_values),
        "body": texts, "title": st.one_of(texts, json_values), "url": texts, "outlet": json_values,
        "published": st.one_of(texts, json_values), "author": st.one_of(texts, json_values),
    },
)

raw_bytes = st.binary(max_size=2000)
json_bytes = st.one_of(
    raw_bytes, encoded(),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(records, max_size=4).map(lambda rs: json.dumps(rs).encode()),
    records.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    nested("[", "]").map(str.encode), nested('{"a":', "}", "1").map(str.encode),
)
jsonl_bytes = st.one_of(
    json_bytes,
    st.lists(st.one_of(records.map(json.dumps), st.text(max_size=80), nested("[", "]")), max_size=6)
    .map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")),
)
html_bytes = st.one_of(
    raw_bytes, encoded(),
    st.tuples(nested("<div>", "</div>", f"<p>{SENTENCE * 3}</p>"), texts).map(
        lambda t: f"<html><head><title>{t[1][:50]}</title></head><body>{t[0]}</body></html>".encode(
            "utf-8", "surrogatepass")),
    huge_line().map(lambda line: f"<html><body><p>{line}</p></body></html>".encode()),
)
text_bytes = st.one_of(raw_bytes, encoded(), huge_line().map(str.encode),
                       encoded(st.lists(_pieces, min_size=1, max_size=200).map("".join)))
names = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]), min_size=1,
                max_size=30).filter(lambda n: not n.startswith(".") and len(n.encode()) < 200)


def _check(folder: Path) -> list:
    """Read ``folder``; every item stores or is one clean line. Returns the items."""
    items = list(read_articles(folder))
    store = Store(":memory:")
    for item in items:
        if isinstance(item, Article):
            assert item.text.strip() and item.id
            for value in (item.id, item.text, item.title, item.url, item.outlet, item.published, item.author):
                if value is not None:
                    value.encode("utf-8")  # SQLite holds UTF-8: no lone surrogates
            store.put_article(item, [], [], "test")
        else:
            assert isinstance(item, BadInput), item
            line = shown(f"newstrace: skipped {item.path}: {item.reason}")
            line.encode("utf-8")
            assert "\n" not in line and "\x1b" not in line and item.path and item.reason
            store.record_failure(item.path, item.reason)
    store.close()
    return items


def _read(files: dict[str, bytes]) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        return _check(folder)


@PROPERTY
@given(data=text_bytes, name=names)
def test_text_files(data, name):
    assert len(_read({f"{name}.txt": data})) == 1


@PROPERTY
@given(data=html_bytes)
def test_html_files(data):
    assert len(_read({"page.html": data})) == 1


@PROPERTY
@given(data=json_bytes)
def test_json_files(data):
    assert _read({"feed.json": data})


@PROPERTY
@given(data=jsonl_bytes)
def test_jsonl_files(data):
    _read({"feed.jsonl": data})


@PROPERTY
@given(meta=json_bytes, table=st.one_of(encoded(), raw_bytes, st.lists(st.lists(texts, max_size=4), max_size=5)
                                       .map(lambda rows: "\n".join("\t".join(r) for r in rows).encode(
                                           "utf-8", "surrogatepass"))), csv=st.booleans())
def test_sidecars(meta, table, csv):
    """A per-file sidecar and a folder table of any content: the article is read anyway."""
    items = _read({"a.txt": SENTENCE.encode(), "a.meta.json": meta, "metadata.csv" if csv else "metadata.tsv": table})
    assert [i.id for i in items if isinstance(i, Article)] == ["a"]
