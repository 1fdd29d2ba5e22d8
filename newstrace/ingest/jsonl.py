"""JSON Lines exports (``.jsonl``, ``.ndjson``: one article per line) and ``.json`` files
(one article object, or a list of them).

Each record needs its text under ``text`` (or ``body``/``content`` when ``text`` is
absent); ``id``, ``title``, ``url``, ``outlet`` (``source``, ``site``, ``publisher``),
``published`` (``date``, ``publication_date``) and ``author`` are optional (see
``metadata.FIELD_NAMES``). A record without an ``id`` is named after its file and record
number: ``<file id>:<n>``, where the file id is the file's path relative to the input
folder without extension and n counts from 1 (the line of a JSONL file, the item of a
JSON list); so line 12 of ``feeds/today.jsonl`` is ``feeds/today:12``.

A record that cannot be read (bad JSON, not an object, no text) is a BadInput naming its
place (``today.jsonl:12``); the other records go on.
"""

from __future__ import annotations

import json
from typing import Iterator

from newstrace.errors import BadInput
from newstrace.ingest.decode import check_bytes, decode_text
from newstrace.ingest.metadata import pick
from newstrace.records import Article

TEXT_KEYS = ("text", "body", "content")
# Python's JSON parser recurses once per level: '[' * 100000 exhausts the stack
TOO_DEEP = "JSON nested too deeply to read"


def read_jsonl_articles(raw: bytes, where: str, file_id: str) -> Iterator[Article | BadInput]:
    """The articles of a JSONL file, one per non-blank line, in line order."""
    bad = check_bytes(raw, where)
    if bad:
        yield bad
        return
    for number, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        place = f"{where}:{number}"
        text = decode_text(line, place)
        if isinstance(text, BadInput):
            yield text
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield BadInput(place, f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield BadInput(place, TOO_DEEP)
            continue
        yield record_article(record, place, f"{file_id}:{number}")


def read_json_articles(raw: bytes, where: str, file_id: str) -> Iterator[Article | BadInput]:
    """The articles of a ``.json`` file: one object, or a list of objects."""
    text = decode_text(raw, where)
    if isinstance(text, BadInput):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield BadInput(where, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    except RecursionError:
        yield BadInput(where, TOO_DEEP)
        return
    if isinstance(value, dict):
        yield record_article(value, where, file_id)
    elif isinstance(value, list) and not value:
        yield BadInput(where, "empty JSON list: no articles")
    elif isinstance(value, list):
        for number, record in enumerate(value, 1):
            yield record_article(record, f"{where}:{number}", f"{file_id}:{number}")
    else:
        yield BadInput(where, "JSON must hold an article object or a list of them")


def record_article(record: object, place: str, default_id: str) -> Article | BadInput:
    """An Article from one JSON record; metadata is kept as given (normalised later).

    >>> a = record_article({"id": 7, "body": "It rained.", "source": {"name": "Reuters"}}, "x.jsonl:1", "x:1")
    >>> a.id, a.text, a.outlet, a.origin
    ('7', 'It rained.', 'Reuters', 'x.jsonl:1')
    """
    if not isinstance(record, dict):
        return BadInput(place, f"not an article object (a JSON {_json_type(record)})")
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
    if text is None:
        return BadInput(place, 'no article text (needs a non-empty "text", "body" or "content" string)')
    article_id = record.get("id")
    if article_id is None or (isinstance(article_id, str) and not article_id.strip()):
        article_id = default_id
    elif isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    elif isinstance(article_id, str):
        article_id = article_id.strip()
    else:
        return BadInput(place, f'"id" must be a string or an integer, not a JSON {_json_type(article_id)}')
    return Article(
        id=article_id,
        text=text,
        title=pick(record, "title"),
        url=pick(record, "url"),
        outlet=pick(record, "outlet"),
        published=pick(record, "published"),
        author=pick(record, "author"),
        origin=place,
    )


def _json_type(value: object) -> str:
    return {dict: "object", list: "list", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)
