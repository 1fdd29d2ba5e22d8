"""Figures drawn on the server as SVG: a statement's spread over time and outlets, and the
citation network. Laid out here in Python (no JavaScript anywhere), rendered by the
templates with every label escaped.

>>> from newstrace.queries import ArticleSummary
>>> a = ArticleSummary("a1", "Title", "BBC", "2019-03-18", None)
>>> b = ArticleSummary("b1", "Title", "CNN", "2019-03-19", None)
>>> t = timeline([a, b], first="a1")
>>> [d.first for d in t.dots], [r.label for r in t.rows]
([True, False], ['BBC', 'CNN'])
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np

from newstrace.queries import ArticleSummary, CitationEdge

ROW_HEIGHT = 26
MAX_ROWS = 24  # outlets drawn on their own row; the rest share "other outlets"
LEFT = 190  # room for outlet names
PLOT_WIDTH = 640
UNDATED_WIDTH = 70


@dataclass(slots=True)
class Row:
    label: str
    y: float
    href: str | None


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    article: ArticleSummary
    first: bool
    copy: bool


@dataclass(slots=True)
class Tick:
    x: float
    label: str


@dataclass(slots=True)
class Timeline:
    width: int
    height: int
    left: int
    plot_right: float
    rows: list[Row] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    undated_x: float | None = None  # where undated articles stand, if any
    by_order: bool = False  # no dates at all: articles in input order


def _when(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        try:
            return datetime.combine(date.fromisoformat(published[:10]), datetime.min.time())
        except ValueError:
            return None


def timeline(articles: list[ArticleSummary], first: str | None) -> Timeline:
    """Where each article that quotes a statement stands: x its date, y its outlet (rows
    in order of each outlet's first appearance); undated articles stand in a column of
    their own on the right, or, when none is dated, in input order."""
    outlets: list[str] = []
    for a in articles:
        name = a.outlet or "unknown outlet"
        if name not in outlets:
            outlets.append(name)
    shown = outlets[:MAX_ROWS]
    labels = shown + (["other outlets"] if len(outlets) > MAX_ROWS else [])
    y_of = {name: 20 + i * ROW_HEIGHT for i, name in enumerate(labels)}
    rows = [Row(name, y_of[name], None if name in ("unknown outlet", "other outlets") else name) for name in labels]

    times = [_when(a.published) for a in articles]
    dated = [t for t in times if t is not None]
    undated = len(dated) < len(articles)
    by_order = not dated
    right = LEFT + PLOT_WIDTH
    plot_right = right - (UNDATED_WIDTH if undated and not by_order else 0)
    out = Timeline(right + 30, 20 + len(labels) * ROW_HEIGHT + 30, LEFT, plot_right, rows, by_order=by_order)

    lo, hi = (min(dated), max(dated)) if dated else (None, None)
    span = (hi - lo).total_seconds() if dated else 0.0
    if dated:
        out.ticks = _ticks(lo, hi, LEFT, plot_right - 10)
    if undated and not by_order:
        out.undated_x = plot_right + UNDATED_WIDTH / 2
    taken: dict[tuple[int, float], int] = {}  # dots at the same place step aside
    for i, (a, t) in enumerate(zip(articles, times)):
        name = a.outlet or "unknown outlet"
        y = y_of[name if name in y_of else "other outlets"]
        if by_order:
            x = LEFT + 10 + (plot_right - LEFT - 20) * (i / max(len(articles) - 1, 1))
        elif t is None:
            x = out.undated_x
        else:
            x = LEFT + 10 + (plot_right - LEFT - 20) * (((t - lo).total_seconds() / span) if span else 0.5)
        key = (round(x), y)
        n = taken.get(key, 0)
        taken[key] = n + 1
        out.dots.append(Dot(round(x + 7 * n, 1), y, a, a.id == first, bool(a.copy_of)))
    return out


def _ticks(lo: datetime, hi: datetime, x0: float, x1: float, most: int = 6) -> list[Tick]:
    """A few dated marks along the axis (days, months or years, by the span)."""
    span = (hi - lo).total_seconds()
    if span == 0:
        return [Tick((x0 + x1) / 2, lo.date().isoformat())]
    days = span / 86400
    ticks = []
    for i in range(most):
        t = lo + (hi - lo) * (i / (most - 1))
        label = t.strftime("%Y-%m-%d %H:%M") if days < 2 else t.date().isoformat() if days < 800 else str(t.year)
        ticks.append(Tick(x0 + (x1 - x0) * i / (most - 1), label))
    return ticks


@dataclass(slots=True)
class Node:
    name: str
    x: float
    y: float
    r: float
    cited: int  # articles citing it
    citing: int  # articles of it that cite others
    label_anchor: str  # "start" or "end": labels point away from the centre


@dataclass(slots=True)
class Edge:
    citing: str
    cited: str
    articles: int
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(slots=True)
class Network:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]


def network(edges: list[CitationEdge], size: int = 760, max_edges: int = 80, seed: int = 20190320) -> Network:
    """A force-directed layout (Fruchterman-Reingold, seeded, so the same graph is drawn
    the same way) of the heaviest citation edges between outlets; self-citations are
    left out (shown apart)."""
    kept = [e for e in edges if not e.self][:max_edges]
    names = sorted({e.citing for e in kept} | {e.cited for e in kept})
    if not names:
        return Network(size, size, [], [])
    index = {n: i for i, n in enumerate(names)}
    n = len(names)
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, (n, 2))
    weight = np.zeros((n, n))
    for e in kept:
        weight[index[e.citing], index[e.cited]] += math.log1p(e.articles)
    weight = weight + weight.T
    weight /= max(float(weight.max()), 1e-9)  # the heaviest link pulls with 1
    k = 2.5 / math.sqrt(n)  # the distance two linked nodes settle at, about
    temperature = 0.3
    for _ in range(300):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        repulse = (k * k / dist**2)[:, :, None] * delta
        attract = ((0.3 + weight) * (weight > 0) * dist / k)[:, :, None] * delta
        move = (repulse - attract).sum(axis=1)
        move -= pos * (0.5 * np.linalg.norm(pos, axis=-1, keepdims=True))  # gravity keeps unlinked parts near
        length = np.maximum(np.linalg.norm(move, axis=-1, keepdims=True), 1e-9)
        pos += move / length * np.minimum(length, temperature)
        temperature *= 0.985
    # fill the box (each axis on its own), leaving room for the labels
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    margin = np.array([160.0, 30.0])
    xy = margin + (pos - lo) / np.maximum(hi - lo, 1e-9) * (np.array([size, size * 0.8]) - 2 * margin)
    cited = {name: 0 for name in names}
    citing = {name: 0 for name in names}
    for e in kept:
        cited[e.cited] += e.articles
        citing[e.citing] += e.articles
    centre = float(xy[:, 0].mean())
    nodes = [
        Node(name, round(float(xy[i, 0]), 1), round(float(xy[i, 1]), 1),
             round(min(3 + 2 * math.sqrt(cited[name]), 16), 1), cited[name], citing[name],
             "start" if xy[i, 0] >= centre else "end")
        for i, name in enumerate(names)
    ]
    drawn = []
    for e in kept:
        a, b = nodes[index[e.citing]], nodes[index[e.cited]]
        dx, dy = b.x - a.x, b.y - a.y
        d = math.hypot(dx, dy) or 1.0
        # stop the line at the cited node's rim, where the arrow head goes
        drawn.append(Edge(e.citing, e.cited, e.articles, a.x, a.y, round(b.x - dx / d * (b.r + 3), 1),
                          round(b.y - dy / d * (b.r + 3), 1), round(0.8 + 0.8 * math.log1p(e.articles), 2)))
    return Network(size, round(size * 0.8), nodes, drawn)
