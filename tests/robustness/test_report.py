"""How untrusted text direction shows in the report: isolated."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import newstrace


# -- fault 15: right-to-left overrides and zero-width marks are isolated in the report

class _Unisolated(HTMLParser):
    """Text holding a bidirectional control that no <bdi> or dir="auto" element encloses."""

    CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

    def __init__(self):
        super().__init__()
        self.open: list[bool] = []  # per open element: does it isolate its text?
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "link", "br", "img", "input", "hr"):
            self.open.append(tag == "bdi" or dict(attrs).get("dir") == "auto")

    def handle_endtag(self, tag):
        if self.open and tag not in ("meta", "link", "br", "img", "input", "hr"):
            self.open.pop()

    def handle_data(self, data):
        if any(ch in data for ch in self.CONTROLS) and not any(self.open):
            self.found.append(data)


def test_bidirectional_controls_in_article_fields_are_isolated_in_the_report(tmp_path):
    rlo, zw = "\u202e", "\u200f\u200b"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({
        "id": f"rtl{rlo}1", "title": f"Minister{rlo} resigns{zw}", "outlet": f"Daily{rlo} Planet",
        "url": f"https://example.org/{rlo}x",
        "text": (f'The minister said: "We will never{rlo} resign{zw}," on Monday. '
                 f'The minister said: "We will never{rlo} resign{zw}," again on Tuesday.\n'),
    }) + "\n" + json.dumps({
        "id": "plain", "outlet": "Other Paper",
        "text": f'Reporters wrote that the minister said: "We will never{rlo} resign{zw}," on Monday.\n',
    }) + "\n", encoding="utf-8")
    newstrace.run(feed, out=tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert rlo in html  # the text is shown as written...
    checker = _Unisolated()
    checker.feed(html)
    assert checker.found == []  # ...but its direction cannot leak into what surrounds it
