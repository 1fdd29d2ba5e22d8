"""Exports: every table as JSONL, CSV or Parquet, and the outlet graph as GraphML.

One row source per table (``TABLES``) feeds every format, so the field names are the same
everywhere; the fields PRODUCT.md fixes are never renamed (fields may be added). Each file
is written beside its final name and renamed over it, so a reader never sees half an
export.

How values that are not scalars are written (``COLUMNS`` gives each field's type):

- JSONL: as JSON (spans ``[[start, end], ...]``, lists, objects).
- CSV: a list or object is its JSON text in the cell (``[[0, 14]]``, ``["Nancy Pelosi",
  "Ms. Pelosi"]``); null is an empty cell; true/false are ``true``/``false``.
- Parquet: nested types: spans ``list<list<int64>>``, a span ``list<int64>``, names
  ``list<string>``, mentions ``list<struct<article, attribution>>``.

>>> sorted(TABLES)
['articles', 'attributions', 'citations', 'outlet_edges', 'speakers', 'statements', 'stories']
"""

from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable, Iterable, Iterator

from newstrace.errors import NewstraceError
from newstrace.link.normalize import mention_span
from newstrace.outlets import outlet_kind
from newstrace.store import Store

FORMATS = ("jsonl", "csv", "parquet", "graphml")


def article_rows(store: Store) -> Iterator[dict]:
    story = dict(store.db.execute("SELECT id, story FROM articles"))
    for a in store.articles():
        yield {
            "id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title,
            "published": a.published, "text": a.text, "author": a.author,
            "story": story.get(a.id), "duplicate_of": a.duplicate_of, "origin": a.origin,
        }


def _mentions_of(store: Store, article_id: str, text: str) -> dict[str, list[dict]]:
    """Per attribution, each statement it holds with the characters that are its words."""
    out: dict[str, list[dict]] = {}
    for attribution, held in store.attribution_mentions(article_id).items():
        out[attribution] = [{"statement": statement, "span": list(mention_span(text, start, end, lo, hi)),
                             "fragment": [start, end]} for statement, start, end, lo, hi in held]
    return out


def attribution_rows(store: Store) -> Iterator[dict]:
    article, held = None, {}
    for a in store.attributions():
        if a.article != article:  # attributions come article by article
            article = a.article
            stored = store.article(article)
            held = _mentions_of(store, article, stored.text) if stored else {}
        yield {
            "id": a.id, "article": a.article, "kind": a.kind, "speaker": a.speaker,
            "source": [list(f) for f in a.source], "cue": [list(f) for f in a.cue],
            "content": [list(f) for f in a.content], "content_text": a.content_text,
            "statement": a.statement, "speaker_mention": a.speaker_mention, "score": round(a.score, 4),
            "speaker_id": a.speaker_id,
            "speaker_rule": a.speaker_rule,
            # every statement the attribution's quoted fragments hold, with its span; the
            # `statement` above is the one that covers most of its words
            "statements": held.get(a.id, []),
        }


def statement_rows(store: Store) -> Iterator[dict]:
    texts: dict[str, str] = {}
    for s in store.statements(mentions=False):  # the trail holds the mentions, in their order
        trail = store.statement_trail(s.id)
        for step in trail:
            if step["article"] not in texts:
                if len(texts) > 1000:  # a few articles' texts at a time, not the corpus
                    texts.clear()
                texts[step["article"]] = store.article(step["article"]).text
            start, end = step["fragment"]
            lo, hi = step.pop("words")
            step["span"] = list(mention_span(texts[step["article"]], start, end, lo, hi))
        mentions = list(dict.fromkeys((t["article"], t["attribution"]) for t in trail))
        yield {
            "id": s.id, "text": s.text, "speaker": s.speaker,
            "mentions": [{"article": article, "attribution": attribution} for article, attribution in mentions],
            "first_seen": s.first_seen,
            "articles": len({article for article, _ in mentions}),
            "outlets": sorted({t["outlet"] for t in trail if t["outlet"]}),
            # the spread: every mention in order, copies of wire stories marked
            "trail": trail,
            "independent_articles": len({t["article"] for t in trail if not t["copy_of"]}),
        }


def citation_rows(store: Store) -> Iterator[dict]:
    for c in store.citations():
        yield {"article": c.article, "outlet": c.outlet, "cue": c.cue, "span": list(c.span), "kind": c.kind}


def story_rows(store: Store) -> Iterator[dict]:
    for s in store.stories():
        yield {"id": s.id, "label": s.label, "articles": s.articles}


def speaker_rows(store: Store) -> Iterator[dict]:
    """Speakers across the store: ``attributions`` lists the ids of their attributions."""
    said = store.attributions_by_speaker()
    for s in store.speakers():
        yield {"id": s.id, "name": s.name, "aliases": s.aliases, "kind": s.kind,
               "attributions": said.get(s.id, [])}


def outlet_edge_rows(store: Store) -> Iterator[dict]:
    """The outlet graph: citing outlet -> cited outlet, self-citations apart."""
    for e in store.outlet_graph():
        yield {"source": e.source, "target": e.target, "self_citation": e.self_citation,
               "citations": e.citations, "articles": e.articles, "kind": e.kind}


TABLES: dict[str, Callable[[Store], Iterator[dict]]] = {
    "articles": article_rows,
    "attributions": attribution_rows,
    "statements": statement_rows,
    "citations": citation_rows,
    "stories": story_rows,
    "speakers": speaker_rows,
    "outlet_edges": outlet_edge_rows,
}

# each table's fields in order, with their type: str, int, float, bool, spans ([[s, e], ...]),
# span ([s, e]), strings (list of str), mentions (list of {article, attribution})
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "str"), ("url", "str"), ("outlet", "str"), ("title", "str"), ("published", "str"),
                 ("text", "str"), ("author", "str"), ("story", "str"), ("duplicate_of", "str"), ("origin", "str")],
    "attributions": [("id", "str"), ("article", "str"), ("kind", "str"), ("speaker", "str"), ("source", "spans"),
                     ("cue", "spans"), ("content", "spans"), ("content_text", "str"), ("statement", "str"),
                     ("speaker_mention", "str"), ("score", "float"), ("speaker_id", "str"),
                     ("speaker_rule", "str"), ("statements", "held")],
    "statements": [("id", "str"), ("text", "str"), ("speaker", "str"), ("mentions", "mentions"),
                   ("first_seen", "str"), ("articles", "int"), ("outlets", "strings"), ("trail", "trail"),
                   ("independent_articles", "int")],
    "citations": [("article", "str"), ("outlet", "str"), ("cue", "str"), ("span", "span"), ("kind", "str")],
    "stories": [("id", "str"), ("label", "str"), ("articles", "strings")],
    "speakers": [("id", "str"), ("name", "str"), ("aliases", "strings"), ("kind", "str"), ("attributions", "strings")],
    "outlet_edges": [("source", "str"), ("target", "str"), ("self_citation", "bool"), ("citations", "int"),
                     ("articles", "strings"), ("kind", "str")],
}

# `newstrace run` writes these (the JSONL files PRODUCT.md names, and the new ones)
EXPORTS = {f"{table}.jsonl": rows for table, rows in TABLES.items()}


def _replace(path: Path, write: Callable[[Path], int]) -> int:
    tmp = path.with_name(path.name + ".tmp")
    try:
        n = write(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)
    return n


def write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    def write(tmp: Path) -> int:
        n = 0
        with open(tmp, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        return n
    return _replace(path, write)


def csv_cell(value) -> str:
    """A value as a CSV cell: null empty, booleans ``true``/``false``, lists and objects as
    JSON text, the rest as written.

    >>> [csv_cell(v) for v in (None, True, [[0, 14]], ["Ms. Pelosi"], 0.5, "Reuters")]
    ['', 'true', '[[0, 14]]', '["Ms. Pelosi"]', '0.5', 'Reuters']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def from_csv_cell(cell: str, kind: str):
    """A CSV cell read back as the value it was written from (``kind``: a type of ``COLUMNS``).

    >>> from_csv_cell("[[0, 14]]", "spans"), from_csv_cell("", "str"), from_csv_cell("false", "bool")
    ([[0, 14]], None, False)
    """
    if cell == "":
        return [] if kind in ("spans", "span", "strings", "mentions", "held", "trail") else None
    if kind == "int":
        return int(cell)
    if kind == "float":
        return float(cell)
    if kind == "bool":
        return cell == "true"
    if kind in ("spans", "span", "strings", "mentions", "held", "trail"):
        return json.loads(cell)
    return cell


def write_csv(path: Path, rows: Iterable[dict], columns: list[tuple[str, str]]) -> int:
    def write(tmp: Path) -> int:
        n = 0
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow([name for name, _ in columns])
            for row in rows:
                out.writerow([csv_cell(row.get(name)) for name, _ in columns])
                n += 1
        return n
    return _replace(path, write)


def _arrow_schema(columns: list[tuple[str, str]]):
    import pyarrow as pa

    types = {
        "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
        "spans": pa.list_(pa.list_(pa.int64())), "span": pa.list_(pa.int64()), "strings": pa.list_(pa.string()),
        "mentions": pa.list_(pa.struct([("article", pa.string()), ("attribution", pa.string())])),
        # the statements an attribution's fragments hold, and a statement's trail
        "held": pa.list_(pa.struct([("statement", pa.string()), ("span", pa.list_(pa.int64())),
                                    ("fragment", pa.list_(pa.int64()))])),
        "trail": pa.list_(pa.struct([
            ("article", pa.string()), ("attribution", pa.string()), ("outlet", pa.string()),
            ("published", pa.string()), ("fragment", pa.list_(pa.int64())), ("copy_of", pa.string()),
            ("first", pa.bool_()), ("via", pa.string()), ("span", pa.list_(pa.int64()))])),
    }
    return pa.schema([(name, types[kind]) for name, kind in columns])


def write_parquet(path: Path, rows: Iterable[dict], columns: list[tuple[str, str]], batch: int = 50_000) -> int:
    """Rows as a Parquet file, written in row groups of ``batch`` rows (memory stays flat)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise NewstraceError("Parquet export needs pyarrow, which newstrace depends on: reinstall newstrace (pip install pyarrow==26.0.1)") from e
    schema = _arrow_schema(columns)

    def write(tmp: Path) -> int:
        n = 0
        with pq.ParquetWriter(str(tmp), schema) as writer:
            chunk: list[dict] = []
            for row in rows:
                chunk.append({name: row.get(name) for name, _ in columns})
                if len(chunk) >= batch:
                    writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                    n, chunk = n + len(chunk), []
            if chunk or n == 0:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
        return n
    return _replace(path, write)


_GRAPHML = "http://graphml.graphdrawing.org/xmlns"


def _graphml(nodes: dict[str, dict], edges: list[tuple[str, str, dict]], node_keys: dict[str, str],
             edge_keys: dict[str, str]) -> ET.ElementTree:
    """A directed GraphML document (what Gephi, yEd and networkx read); attribute types are
    GraphML's: string, int, boolean."""
    ET.register_namespace("", _GRAPHML)
    root = ET.Element(f"{{{_GRAPHML}}}graphml")
    for owner, keys in (("node", node_keys), ("edge", edge_keys)):
        for name, kind in keys.items():
            ET.SubElement(root, f"{{{_GRAPHML}}}key", {"id": f"{owner[0]}_{name}", "for": owner,
                                                       "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{_GRAPHML}}}graph", {"id": "G", "edgedefault": "directed"})

    def data(element, owner, values):
        for name, value in values.items():
            if value is None:
                continue
            item = ET.SubElement(element, f"{{{_GRAPHML}}}data", {"key": f"{owner}_{name}"})
            item.text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    for node, values in nodes.items():
        data(ET.SubElement(graph, f"{{{_GRAPHML}}}node", {"id": node}), "n", values)
    for n, (source, target, values) in enumerate(edges):
        data(ET.SubElement(graph, f"{{{_GRAPHML}}}edge", {"id": f"e{n}", "source": source, "target": target}),
             "e", values)
    return ET.ElementTree(root)


def _write_tree(path: Path, tree: ET.ElementTree, count: int) -> int:
    def write(tmp: Path) -> int:
        tree.write(tmp, encoding="utf-8", xml_declaration=True)
        return count
    return _replace(path, write)


def write_outlet_graphml(path: Path, store: Store) -> int:
    """The outlet graph: a node per outlet (``label``, ``kind`` media/platform, ``articles``
    it published in the store), an edge per (citing outlet, cited outlet, self-citation or
    not) with ``citations``, ``articles`` (how many cite) and ``article_ids`` (JSON list)."""
    published = dict(store.outlets())
    edges = store.outlet_graph()
    nodes: dict[str, dict] = {}
    for outlet in [*published, *(e.source for e in edges), *(e.target for e in edges)]:
        nodes.setdefault(outlet, {"label": outlet, "kind": outlet_kind(outlet), "articles": published.get(outlet, 0)})
    tree = _graphml(
        nodes,
        [(e.source, e.target, {"self_citation": e.self_citation, "citations": e.citations,
                               "articles": len(e.articles), "article_ids": json.dumps(e.articles)}) for e in edges],
        {"label": "string", "kind": "string", "articles": "int"},
        {"self_citation": "boolean", "citations": "int", "articles": "int", "article_ids": "string"},
    )
    return _write_tree(path, tree, len(edges))


def write_speaker_graphml(path: Path, store: Store) -> int:
    """Who said what: person and organisation speakers -> the statements they are quoted in
    (edge ``mentions``: how many times). Node ``type``: speaker or statement."""
    pairs = store.db.execute(
        "SELECT a.speaker_id, a.statement, COUNT(*) FROM attributions a JOIN speakers s ON s.id = a.speaker_id"
        " WHERE a.statement IS NOT NULL AND s.kind != 'unknown' GROUP BY a.speaker_id, a.statement"
        " ORDER BY a.speaker_id, a.statement").fetchall()
    speakers = {s.id: s for s in store.speakers() if s.kind != "unknown"}
    texts = dict(store.db.execute("SELECT id, text FROM statements"))
    nodes: dict[str, dict] = {}
    for speaker, statement, _ in pairs:
        s = speakers[speaker]
        nodes.setdefault(speaker, {"label": s.name, "type": "speaker", "kind": s.kind})
        nodes.setdefault(statement, {"label": texts.get(statement, "")[:200], "type": "statement", "kind": None})
    tree = _graphml(nodes, [(sp, st, {"mentions": n}) for sp, st, n in pairs],
                    {"label": "string", "type": "string", "kind": "string"}, {"mentions": "int"})
    return _write_tree(path, tree, len(pairs))


def write_exports(store: Store, out: Path) -> dict[str, int]:
    """Write every JSONL export in ``out`` (what ``newstrace run --out`` writes); return
    the number of rows of each."""
    out.mkdir(parents=True, exist_ok=True)
    return {name: write_jsonl(out / name, rows(store)) for name, rows in EXPORTS.items()}


def export_store(store: Store, out: Path, fmt: str = "jsonl") -> dict[str, int]:
    """Write every table of ``store`` in ``out`` in one format (``FORMATS``): one file per
    table (``attributions.csv`` ...), or for graphml the outlet graph (``outlets.graphml``)
    and who said what (``speakers_statements.graphml``). Rows (or edges) per file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        return {"outlets.graphml": write_outlet_graphml(out / "outlets.graphml", store),
                "speakers_statements.graphml": write_speaker_graphml(out / "speakers_statements.graphml", store)}
    written = {}
    for table, rows in TABLES.items():
        name = f"{table}.{fmt}"
        if fmt == "jsonl":
            written[name] = write_jsonl(out / name, rows(store))
        elif fmt == "csv":
            written[name] = write_csv(out / name, rows(store), COLUMNS[table])
        else:
            written[name] = write_parquet(out / name, rows(store), COLUMNS[table])
    return written


def export(source: str | os.PathLike, out: str | os.PathLike, fmt: str = "jsonl") -> dict[str, int]:
    """Export a newstrace database (``source``: the file, or the folder ``newstrace run
    --out`` wrote it in) to ``out`` in ``fmt`` (jsonl, csv, parquet, graphml); the rows
    written per file.

    >>> export("baghuz-out", "baghuz-csv", "csv")          # doctest: +SKIP
    {'articles.csv': 2, 'attributions.csv': 14, ...}
    """
    from newstrace.pipeline import DATABASE_NAME

    path = Path(source)
    if path.is_dir():
        path = path / DATABASE_NAME
    if not path.is_file():  # opening it would make an empty database
        raise NewstraceError(f"{path}: no newstrace database there")
    with Store(path) as store:
        return export_store(store, Path(out), fmt)
