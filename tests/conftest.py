"""Shared paths and fixtures. Corpora are read from ../shared (never copied here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "examples" / "baghuz-2019"
SHARED = REPO.parent / "shared"
POLNEAR = SHARED / "corpora" / "polnear"

sys.path.insert(0, str(Path(__file__).parent))  # lets test modules import conftest's names


def needs_shared(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present")


# --- the speaker rounds' fixtures and gold ----------------------------------------------


def round_text(article: str) -> str:
    """The text of a speaker round's fixture (tests/fixtures/speakers_rounds), as read."""
    with open(REPO / "tests" / "fixtures" / "speakers_rounds" / f"{article}.txt", encoding="utf-8", newline="") as f:
        return f.read()


def round_speakers(n: int, article: str) -> dict[str, list[str | None]]:
    """Every source text of ``article`` in speaker round ``n``'s gold with the speakers it
    resolves to, the article's attributions resolved together; shared by the rounds' tests."""
    import json

    from newstrace.extract.speakers.testing import resolve_gold

    with open(REPO / "tests" / "gold" / f"speakers_round{n}.jsonl", encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["article"] == article]
    assert rows, article
    return resolve_gold(round_text(article), rows)


# --- attributions written as strings, for the precision rounds' tests -------------------


def span_of(text: str, source: str, cue: str, content: str):
    """A SpanAttribution from its strings: each the first occurrence, the content the first
    after the cue (or before it where it stands only there: "“…?” Issa wanted to know");
    shared by the precision rounds' tests."""
    from newstrace.extract.base import SpanAttribution

    def at(s, after=0):
        if not s:
            return []
        i = text.index(s, after)
        return [(i, i + len(s))]
    c = at(cue)
    after = c[0][1] if content in text[c[0][1]:] else 0
    return SpanAttribution(at(source), c, at(content, after))


def not_speech_rule(text: str, source: str, cue: str, content: str) -> str | None:
    """The not-speech rule that drops the attribution given as strings, or None."""
    from newstrace.extract.cues import not_speech
    from newstrace.extract.quotes import quote_mask

    return not_speech(text, span_of(text, source, cue, content), quote_mask(text))


# --- a store for the web app's tests: the seed reports and hostile articles -------------


def polnear_speakers(prefix: str, split: str = "train") -> dict[str, list[str | None]]:
    """Every source text of a PolNeAR article (its first annotator's .ann, all resolved
    together as the speaker snapshot does) with the speakers it resolves to; shared by the
    speaker rounds' tests. PolNeAR's text stays in ../shared, not in this repository."""
    import sys

    from newstrace.extract.nlp import analyse
    from newstrace.extract.speakers import resolve

    sys.path.insert(0, str(REPO / "bench"))
    from speakers_eval import polnear_spans

    path = next((POLNEAR / split / "text").glob(f"{prefix}*.txt"))
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    atts = polnear_spans(sorted((POLNEAR / split / "attributions").glob(f"{path.stem}_*.ann"))[0])
    got: dict[str, list[str | None]] = {}
    for a, r in zip(atts, resolve(text, atts, analyse(text))):
        if a.source:
            got.setdefault(" ".join(text[s:e] for s, e in sorted(a.source)), []).append(r.speaker)
    return got


PWNED = "pwned"  # what an injected script would set the page title to
HOSTILE_ARTICLES = [
    {"id": "hostile-1",
     "title": f"<script>document.title='{PWNED}'</script>Minister <b>resigns</b>",
     "outlet": f"\"><svg onload=document.title='{PWNED}'>",
     "url": f"javascript:document.title='{PWNED}'",
     "published": "2019-03-20",
     "text": (f"The minister said: \"We will <img src=x onerror=\"document.title='{PWNED}';window.pwned=1\"> never resign,\" "
              f"on Monday. <script>document.title='{PWNED}'</script> "
              "\"Our <a href=\"javascript:alert(1)\">party</a> stands,\" the minister added, "
              "according to The New York Times.")},
    {"id": f"x\"><svg onload=document.title='{PWNED}'>",
     "title": "An id that is a payload",
     "outlet": "Reuters",
     "url": "https://example.org/news/\"><script>document.title='pwned'</script>",
     "published": "2019-03-21",
     "text": ("Police in Lyon said on Tuesday that \"no one was hurt in the fire at the depot,\" Reuters reported. "
              "\u202eThe mayor said \"the depot will reopen next week.\"")},
]


def write_hostile_feed(folder: Path) -> Path:
    import json

    path = folder / "hostile.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in HOSTILE_ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def web_run(tmp_path_factory):
    """A run (its --out folder) over the two seed reports and the hostile articles,
    built once per session for the web app's tests."""
    import shutil

    import newstrace

    inputs = tmp_path_factory.mktemp("web-input")
    for path in SEEDS.iterdir():
        shutil.copyfile(path, inputs / path.name)
    write_hostile_feed(inputs)
    out = tmp_path_factory.mktemp("web-out")
    report = newstrace.run(inputs, out=out, settings=newstrace.Settings(workers=1))
    assert report.failures == [], report.failures
    return out


@pytest.fixture(scope="session")
def web_server(web_run):
    """The real server (`python -m newstrace serve`, uvicorn) on a free loopback port;
    yields its base URL."""
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "newstrace", "serve", str(web_run), "--port", str(port)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"newstrace serve exited: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(base + "/api/overview", timeout=5) as r:
                if r.status == 200:
                    break
        except OSError:
            if time.time() > deadline:
                proc.kill()
                raise
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
