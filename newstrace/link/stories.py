"""Stories: articles about the same event, grouped incrementally as articles arrive.

An article is several TF-IDF vectors, one per kind of evidence, after Miranda et al.
(EMNLP 2018, "Multilingual Clustering of Streaming News"); the kinds are what tells twin
events apart (two earthquakes in one region, two actresses entering rehab):

- ``w``: content words of the whole article;
- ``t``: the words of its headline (weighted by the words' document frequency);
- ``n``: names, runs of capitalised words ("Lindsay Lohan", "Betty Ford Center") and
  their words;
- ``d``: numbers and years ("y2008", "n6.1");
- ``y``: the year it mentions most, if any (two reports of "the 2008 quake" and "the 2013
  quake" are twins, not one story);
- ``when``: for a dated article, the days it names, resolved against its publication day
  (``event_dates``: "Monday night's debate", "yesterday", "March 1"), by count, unit
  length: two reports of one event name its day in different words.

Weights are TF-IDF, the document frequencies counted in the store as articles arrive,
plus those of a small reference sample (``story_background.json``, Wikinews) so that the
first articles of a store are weighed sensibly too.

Same story or not is decided for pairs of articles: a logistic model
(``story_model.json``, trained by ``training/train_stories.py`` on labelled article pairs)
weighs the cosines of their vectors, the headline of one against the words of the other,
the statements they share (``Linker`` links statements first), whether their main years
agree, and the days between them when both are dated. Every feature but the days is a
sum over pairs of articles, so a group's summed vectors give the average over all pairs
of two groups' articles exactly: stories are made by group-average linkage of that
score, stopping below the model's threshold.

Streaming: a new article is scored against a few candidate stories; the ones it comes
close to (its neighbourhood, ``StorySettings.near``) are taken apart into their articles
and clustered again together with it, from single articles up. The neighbourhood thus
ends as a batch clustering of its articles would, whatever order they came in: a new
article can join a story, bridge two (a merge), or show that a story was two (a split).
A story of more than ``split_size`` articles takes part whole.

Candidates come from ``story_terms``, an index of each story's heaviest terms, within
``window_days`` of the article's date when dated: an article is compared with a handful
of stories, never with all of them.

Ids: a story's id is made from its anchor, the earliest of its articles by (publication
time, id), undated articles after dated ones; so the same grouping gets the same ids
whatever order the articles came in. A story keeps its id as long as it keeps its
anchor: when articles join it, when it absorbs another story (the merged story is named
after the earliest article of the union) and, in a split, the part that keeps the anchor
keeps the id while the other part is named after its own earliest article.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

import numpy as np

from newstrace.link.event_dates import event_dates
from newstrace.link.statements import in_chunks
from newstrace.records import Article

FIELDS = ("w", "t", "n", "d")
SUM_FIELDS = FIELDS + ("y", "when")  # a story's sums: its articles' vectors, main years and named days
# terms kept per field in an article's vector and in a story's sums (heaviest first)
ARTICLE_TERMS = {"w": 150, "t": 30, "n": 60, "d": 30, "when": 20}
STORY_TERMS = {"w": 600, "t": 120, "n": 300, "d": 100, "y": 50, "when": 60}
# what the pair model weighs (``story_model.json`` names them in this order or any other)
PAIR_FEATURES = ("w", "t", "n", "d", "when", "tw", "statements", "ysame", "ydiff", "dated", "log_gap", "near")

HEADLINE_WORDS = 30  # a longer "title" is a first paragraph, not a headline
MEMBERS_FOR_STATEMENTS = 200  # a large story's statements are read from this many of its articles
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.]*\d|\d|[.,!?;:\"“”()]")
_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True, slots=True)
class StorySettings:
    window_days: int = 30  # a dated article is compared with stories dated within this many days
    candidates: int = 10  # stories scored per article (the best by index score)
    neighbours: int = 3  # of those, at most this many are clustered again with the article
    near: float = -3.0  # ... those whose average score (logit) with the article is at least this
    split_size: int = 40  # a larger story takes part in a clustering whole, not article by article
    index_terms: tuple[int, int, int] = (40, 25, 10)  # words, names, numbers of a story in the story_terms index
    query_terms: tuple[int, int, int] = (20, 12, 5)  # words, names, numbers of an article looked up in it
    model: str | None = None  # a model JSON other than the shipped story_model.json (for experiments)


@dataclass(frozen=True, slots=True)
class PairModel:
    """Weights of the pair features, the bias, and the average score (logit) two groups
    must reach to be one story."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.0


@cache
def _stop_words() -> frozenset[str]:
    # spaCy's English list; imported on first use, since importing spaCy costs a second or
    # two that commands which never link (``newstrace --help``, ``extract``) need not pay
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@cache
def load_model(path: str | None = None) -> PairModel:
    """The pair model: the shipped ``story_model.json`` or the JSON at ``path``."""
    if path is None:
        data = json.loads(resources.files("newstrace.link").joinpath("story_model.json").read_text())
    else:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    weights = dict(zip(data["features"], map(float, data["weights"])))
    unknown = set(weights) - set(PAIR_FEATURES)
    if unknown:
        raise ValueError(f"{path or 'story_model.json'}: unknown features {sorted(unknown)}")
    return PairModel(weights, float(data["bias"]), float(data.get("threshold", 0.0)))


@cache
def _background() -> tuple[int, dict[str, int]]:
    """Document frequencies from a reference sample (``training/story_background.py``),
    added to the store's own so that a store of a few articles weighs terms sensibly."""
    data = json.loads(resources.files("newstrace.link").joinpath("story_background.json").read_text())
    return int(data["documents"]), data["df"]


def _word(token: str) -> str:
    w = token.lower().replace("’", "'").strip("'-")
    return w[:-2] if w.endswith("'s") else w


def _text(article: Article) -> str:
    # a plain-text file's byte-order mark (kept so that offsets are the file's) is no word
    return article.text[1:] if article.text.startswith("\ufeff") else article.text


def _body(article: Article) -> str:
    title, text = article.title or "", _text(article)
    return text[len(title):] if title and text.startswith(title) else text


def terms(article: Article) -> dict[str, Counter[str]]:
    """Counts of an article's terms by kind: words (``w``), headline words (``t``), names
    (``n``, from the body: headlines capitalise every word) and numbers (``d``); for a
    dated article, the days it names (``when``, ISO dates).

    >>> a = Article(id="x", title="Quake hits Iran", text="Quake hits Iran\\n\\nA 5.6 quake hit Qeshm Island in 2008.")
    >>> sorted(terms(a)["n"]), sorted(terms(a)["d"]), sorted(terms(a)["t"])
    (['island', 'qeshm', 'qeshm_island'], ['n5.6', 'y2008'], ['hits', 'iran', 'quake'])
    """
    counts = {f: Counter() for f in FIELDS}
    stop = _stop_words()
    for text, headline in ((article.title or "", True), (_body(article), False)):
        run: list[str] = []
        sentence_start = True
        single_at_start = False
        for token in _TOKEN.findall(text):
            if token in '.,!?;:"“”()' or token[0].isdigit():
                _names(run, single_at_start, counts["n"])
                run = []
                if token[0].isdigit():
                    number = token.replace(",", "").rstrip(".")
                    counts["d"][("y" if _YEAR.fullmatch(number) else "n") + number] += 1
                    sentence_start = False
                else:
                    sentence_start = token in '.!?"“”'
                continue
            word = _word(token)
            content = len(word) > 2 and word not in stop
            if content:
                counts["w"][word] += 1
                if headline:
                    counts["t"][word] += 1
            if token[0].isupper() and word not in stop and word and not headline:
                if not run:
                    single_at_start = sentence_start
                run.append(word)
            else:
                _names(run, single_at_start, counts["n"])
                run = []
            sentence_start = False
        _names(run, single_at_start, counts["n"])
    day = _day(article.published)
    if day:
        title, text = article.title or "", _text(article)
        text = text if text.startswith(title) else f"{title}\n\n{text}"
        counts["when"] = event_dates(text, day)
    return counts


def _names(run: list[str], at_sentence_start: bool, counts: Counter[str]) -> None:
    # one capitalised word opening a sentence is just sentence case
    if not run or (len(run) == 1 and at_sentence_start):
        return
    if len(run) > 1:
        counts["_".join(run)] += 1
    for word in run:
        if len(word) > 2:
            counts[word] += 1


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _top(weights: dict[str, float], k: int) -> dict[str, float]:
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:k])


def _article_unit(article: str, vector: dict, published: str | None, story: str | None = None) -> Unit:
    day = _day(published)
    ordinal = day.toordinal() if day else 0
    return Unit(sums=vector, size=1, dated=1 if day else 0, first=ordinal, last=ordinal, article=article, story=story)


def main_year(counts: dict[str, Counter[str]]) -> str | None:
    """The year an article mentions most (the earliest of a tie), as a ``d`` term.

    >>> main_year({"d": Counter({"y2008": 2, "y2013": 1, "n6.1": 3})})
    'y2008'
    """
    years = sorted((t, c) for t, c in counts["d"].items() if t.startswith("y"))
    return max(years, key=lambda tc: tc[1])[0] if years else None


class TermIds:
    """Numbers for terms, so that a vector becomes two arrays (term numbers, weights) once
    and dense matrices over a few units are made with numpy, not term by term."""

    LIMIT = 1_000_000  # terms numbered before starting afresh (a long run's memory stays bounded)

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.generation = 0  # arrays made before a fresh start must be made again

    def arrays(self, sums: dict[str, dict[str, float]]) -> tuple[int, dict[str, tuple[np.ndarray, np.ndarray]]]:
        if len(self.ids) > self.LIMIT:
            self.ids, self.generation = {}, self.generation + 1
        ids = self.ids
        out = {}
        for f in SUM_FIELDS:
            terms = sums.get(f, {})
            out[f] = (
                np.fromiter((ids.setdefault(t, len(ids)) for t in terms), dtype=np.int64, count=len(terms)),
                np.fromiter(terms.values(), dtype=float, count=len(terms)),
            )
        return self.generation, out


@dataclass(slots=True)
class Unit:
    """An article, or a story taken whole, in a clustering: summed vectors (``SUM_FIELDS``)
    of its ``size`` articles, how many of them are dated and their first and last day
    (ordinals), the statements its articles quote (counted once per article)."""

    sums: dict[str, dict[str, float]]
    size: int = 1
    dated: int = 0
    first: int = 0
    last: int = 0
    statements: Counter[str] = field(default_factory=Counter)
    article: str | None = None  # the article it is, when it is one
    story: str | None = None  # the story it is or was in
    arrays: tuple | None = None  # ``TermIds.arrays`` of its sums, once made


def _dense(units: list[Unit], term_ids: TermIds, fields: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Units by rows, the terms of ``fields`` by shared columns (one matrix per field)."""
    for unit in units:
        if unit.arrays is None or unit.arrays[0] != term_ids.generation:
            unit.arrays = term_ids.arrays(unit.sums)
    ids = np.concatenate([u.arrays[1][f][0] for f in fields for u in units])
    columns, where = np.unique(ids, return_inverse=True)
    out, at = {}, 0
    for f in fields:
        m = np.zeros((len(units), max(len(columns), 1)))
        for i, unit in enumerate(units):
            terms, weights = unit.arrays[1][f]
            m[i, where[at : at + len(terms)]] = weights
            at += len(terms)
        out[f] = m
    return out


def pair_sums(units: list[Unit], statements: bool = True, term_ids: TermIds | None = None) -> dict[str, np.ndarray]:
    """For every two units, each linear pair feature summed over the pairs of their
    articles (for two articles: the feature itself): cosines by field, headline against
    words, shared statements, same and different main years, both dated."""
    term_ids = term_ids or TermIds()
    out: dict[str, np.ndarray] = {}
    dense = _dense(units, term_ids, SUM_FIELDS)  # one column space: headline words meet words
    for f in FIELDS + ("when",):
        out[f] = dense[f] @ dense[f].T
    tw = dense["t"] @ dense["w"].T
    out["tw"] = (tw + tw.T) / 2
    out["ysame"] = dense["y"] @ dense["y"].T
    has_year = dense["y"].sum(axis=1)
    out["ydiff"] = np.outer(has_year, has_year) - out["ysame"]
    dated = np.array([u.dated for u in units], dtype=float)
    out["dated"] = np.outer(dated, dated)
    if statements:
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for i, unit in enumerate(units):
            for s, k in unit.statements.items():
                rows.append(i)
                cols.append(vocab.setdefault(s, len(vocab)))
                vals.append(k)
        m = np.zeros((len(units), max(len(vocab), 1)))
        m[rows, cols] = vals
        out["statements"] = m @ m.T
    return out


def _gaps(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Days between the date ranges of every two units (0 when they overlap)."""
    return np.maximum(0.0, np.maximum(first[None, :] - last[:, None], first[:, None] - last[None, :]))


def linear_part(sums: dict[str, np.ndarray], model: PairModel) -> np.ndarray:
    """The model's score without its bias and the days between, summed over pairs of articles."""
    n = next(iter(sums.values())).shape[0]
    total = np.zeros((n, n))
    for name, matrix in sums.items():
        total += model.weights.get(name, 0.0) * matrix
    return total


def _day_part(model: PairModel, size: np.ndarray, dated: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """The days-between part of the average score of every two groups: the share of their
    pairs of articles that are both dated, times the model's weights of the log of the
    days between their date ranges (``log_gap``) and of its inverse (``near``: 1 / (1 + days))."""
    w_gap, w_near = model.weights.get("log_gap", 0.0), model.weights.get("near", 0.0)
    if not (w_gap or w_near):
        return np.zeros((len(size), len(size)))
    gaps = _gaps(first, last)
    return np.outer(dated, dated) / np.outer(size, size) * (w_gap * np.log1p(gaps) + w_near / (1.0 + gaps))


def scores(units: list[Unit], linear: np.ndarray, model: PairModel) -> np.ndarray:
    """The average score (logit) over the pairs of articles of every two units."""
    size = np.array([u.size for u in units], dtype=float)
    dated = np.array([u.dated for u in units], dtype=float)
    first = np.array([u.first for u in units], dtype=float)
    last = np.array([u.last for u in units], dtype=float)
    return model.bias + linear / np.outer(size, size) + _day_part(model, size, dated, first, last)


def pair_score(a: Unit, b: Unit, model: PairModel, shared_statements: float | None = None) -> float:
    """The average score of two units, as ``scores`` gives it, from their sparse sums (cheaper
    than ``pair_sums`` for one pair of large stories). ``shared_statements``: the statements
    feature summed over their pairs of articles, when known without the units' statements."""
    w = model.weights
    linear = sum(w.get(f, 0.0) * _dot(a.sums.get(f, {}), b.sums.get(f, {})) for f in FIELDS + ("when",))
    if w.get("tw"):
        tw = _dot(a.sums.get("t", {}), b.sums.get("w", {})) + _dot(b.sums.get("t", {}), a.sums.get("w", {}))
        linear += w["tw"] * tw / 2
    same = _dot(a.sums.get("y", {}), b.sums.get("y", {}))
    has = sum(a.sums.get("y", {}).values()) * sum(b.sums.get("y", {}).values())
    linear += w.get("ysame", 0.0) * same + w.get("ydiff", 0.0) * (has - same)
    if shared_statements is None:
        shared_statements = sum(k * b.statements.get(s, 0) for s, k in a.statements.items())
    linear += w.get("statements", 0.0) * shared_statements + w.get("dated", 0.0) * a.dated * b.dated
    size = np.array([a.size, b.size], dtype=float)
    days = _day_part(model, size, np.array([a.dated, b.dated], dtype=float),
                     np.array([a.first, b.first], dtype=float), np.array([a.last, b.last], dtype=float))
    return model.bias + linear / (a.size * b.size) + float(days[0, 1])


def average_link(units: list[Unit], model: PairModel, term_ids: TermIds | None = None) -> list[list[int]]:
    """Group-average linkage of ``units`` by the model's score: the two groups with the
    highest average score over their pairs of articles merge, until none reaches the
    model's threshold. Returns groups of indexes into ``units``."""
    n = len(units)
    if n < 2:
        return [[i] for i in range(n)]
    linear = linear_part(pair_sums(units, term_ids=term_ids), model)
    size = np.array([u.size for u in units], dtype=float)
    dated = np.array([u.dated for u in units], dtype=float)
    first = np.array([u.first for u in units], dtype=float)
    last = np.array([u.last for u in units], dtype=float)
    alive = np.ones(n, dtype=bool)
    groups = [[i] for i in range(n)]
    while True:
        score = model.bias + linear / np.outer(size, size) + _day_part(model, size, dated, first, last)
        score[~alive, :] = -np.inf
        score[:, ~alive] = -np.inf
        np.fill_diagonal(score, -np.inf)
        a, b = divmod(int(np.argmax(score)), n)
        if score[a, b] < model.threshold:
            break
        linear[a, :] += linear[b, :]
        linear[:, a] += linear[:, b]
        if dated[b]:
            first[a], last[a] = (min(first[a], first[b]), max(last[a], last[b])) if dated[a] else (first[b], last[b])
        size[a] += size[b]
        dated[a] += dated[b]
        alive[b] = False
        groups[a] += groups[b]
    return [sorted(groups[i]) for i in range(n) if alive[i]]


def _story_id(anchor: str) -> str:
    return "t" + hashlib.blake2b(anchor.encode(), digest_size=6).hexdigest()


def _anchor_key(published: str | None, article_id: str) -> tuple:
    return (published is None, published or "", article_id)


def label_for(title: str | None, text: str, sums: dict[str, dict[str, float]]) -> str:
    """A story's label: the headline of its most central article, or, for an untitled
    one, the story's heaviest names and words as they are written in that article.

    >>> label_for(None, "Rescuers in Qeshm searched the rubble.", {"n": {"qeshm": 2.0}, "w": {"rubble": 1.5, "qeshm": 1.0}})
    'Qeshm: rubble'
    """
    if _headline(title):
        return " ".join(title.split())
    names = [n for n in sorted(sums.get("n", {}), key=lambda t: -sums["n"][t]) if "_" in n][:2]
    if not names:
        names = sorted(sums.get("n", {}), key=lambda t: -sums["n"][t])[:2]
    covered = {w for n in names for w in n.split("_")}
    words = [w for w in sorted(sums.get("w", {}), key=lambda t: -sums["w"][t]) if w not in covered][:3]
    shown = [_as_written(text, n.replace("_", " ")) for n in names]
    label = ", ".join(shown)
    if words:
        label = f"{label}: {', '.join(words)}" if label else ", ".join(words)
    return label or "(untitled)"


def _headline(title: str | None) -> bool:
    """A title that reads as a headline: a paragraph taken for a title does not."""
    return bool(title and title.strip()) and len(title.split()) <= HEADLINE_WORDS


def _as_written(text: str, name: str) -> str:
    pattern = r"\s+".join(re.escape(part) for part in name.split())
    found = re.search(pattern, text, re.IGNORECASE)
    return " ".join(found.group().split()) if found else name.title()


class StoryIndex:
    """Assigns stored articles to stories, inside the caller's transaction. Owns the tables
    ``stories``, ``story_terms``, ``story_vectors``, ``story_article_vectors`` and
    ``term_df``."""

    def __init__(self, db: sqlite3.Connection, settings: StorySettings | None = None):
        self.db = db
        self.settings = settings or StorySettings()
        self.model = load_model(self.settings.model)
        self._parsed: dict[str, tuple[str, dict, tuple | None]] = {}  # article -> (stored JSON, parsed vector, arrays)
        self._term_ids = TermIds()
        self._sums: dict[str, tuple[str, dict]] = {}  # story -> (stored JSON, parsed sums)

    # --- public ---------------------------------------------------------------------

    def add(self, article: Article) -> str:
        """Put ``article`` (already stored, statements linked) in a story; return its id."""
        if article.duplicate_of:
            story = self._story_of(article.duplicate_of)
            if story:  # a copy joins its original's story and changes nothing else
                self.db.execute("UPDATE articles SET story=? WHERE id=?", (story, article.id))
                return story
        counts = terms(article)
        self._count(counts, +1)
        vector = self._vector(counts)
        stored = json.dumps(vector, sort_keys=True)
        self.db.execute(
            "INSERT OR REPLACE INTO story_article_vectors(article, counts, vector) VALUES (?, ?, ?)",
            (article.id, json.dumps(counts, sort_keys=True), stored),
        )
        self._parse(article.id, stored, vector)
        mine = _article_unit(article.id, vector, article.published)
        hood = self._neighbourhood(mine, _day(article.published))
        if not hood:
            return self._open(article, vector)
        return self._recluster(mine, hood)

    def remove(self, article_id: str) -> None:
        """Take an article (about to be replaced) out of its story and the term counts."""
        row = self.db.execute("SELECT counts, vector FROM story_article_vectors WHERE article=?", (article_id,)).fetchone()
        if row:
            counts = {f: Counter(c) for f, c in json.loads(row[0]).items()}
            self._count(counts, -1)
            self.db.execute("DELETE FROM story_article_vectors WHERE article=?", (article_id,))
        story = self._story_of(article_id)
        if not story:
            return
        self.db.execute("UPDATE articles SET story=NULL WHERE id=?", (article_id,))
        state = self._load(story)
        if row and state:
            vector = json.loads(row[1])
            for f in SUM_FIELDS:
                sums = state["sums"][f]
                for t, w in vector.get(f, {}).items():
                    left = sums.get(t, 0.0) - w
                    if left > 1e-9:
                        sums[t] = left
                    else:
                        sums.pop(t, None)
            state["size"] -= 1
        if not self.db.execute("SELECT 1 FROM articles WHERE story=? LIMIT 1", (story,)).fetchone():
            self._drop(story)
        elif state:
            self._refresh(story, self._save(state))
            self._regroup(self._rename_to_anchor(story))

    def clear(self) -> None:
        """Forget every story and count (before linking everything again)."""
        for table in ("story_terms", "story_vectors", "story_article_vectors", "stories", "term_df"):
            self.db.execute(f"DELETE FROM {table}")  # fixed names, not input
        self.db.execute("DELETE FROM meta WHERE key='documents'")
        self.db.execute("UPDATE articles SET story=NULL")

    # --- vectors --------------------------------------------------------------------

    def _count(self, counts: dict[str, Counter[str]], sign: int) -> None:
        keys = sorted({f"w:{t}" for t in counts["w"]} | {f"n:{t}" for t in counts["n"]} | {f"d:{t}" for t in counts["d"]})
        self.db.executemany(
            "INSERT INTO term_df(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            [(k, sign) for k in keys],
        )
        # the document count for IDF, kept beside term_df (COUNT(*) would scan every article)
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES ('documents', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + ?",
            (str(max(sign, 0)), sign),
        )

    def _vector(self, counts: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
        row = self.db.execute("SELECT value FROM meta WHERE key='documents'").fetchone()
        background_n, background_df = _background()
        n = (int(row[0]) if row else 0) + background_n
        keys = [f"w:{t}" for t in counts["w"]] + [f"n:{t}" for t in counts["n"]] + [f"d:{t}" for t in counts["d"]]
        df: dict[str, int] = {k: background_df.get(k, 0) for k in keys}
        for chunk, marks in in_chunks(keys):
            for term, count in self.db.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk):
                df[term] += count
        vector = {}
        for f in FIELDS:
            prefix = "w" if f == "t" else f  # headline words weigh as words
            weights = {
                t: (1 + math.log(c)) * (math.log((n + 1) / (df.get(f"{prefix}:{t}", 0) + 1)) + 1)
                for t, c in counts[f].items()
            }
            weights = _top(weights, ARTICLE_TERMS[f])
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            vector[f] = {t: round(w / norm, 6) for t, w in weights.items()}
        year = main_year(counts)
        vector["y"] = {year: 1.0} if year else {}
        days = _top(dict(counts.get("when", {})), ARTICLE_TERMS["when"])
        norm = math.sqrt(sum(c * c for c in days.values())) or 1.0
        vector["when"] = {t: round(c / norm, 6) for t, c in days.items()}
        return vector

    # --- neighbourhood and clustering -----------------------------------------------

    def _neighbourhood(self, mine: Unit, day: date | None) -> list[Unit]:
        """The stories close enough to the new article to be clustered again with it, as
        whole units, closest first (at most ``neighbours``, average score >= ``near``)."""
        shared = self._shared_statements(mine.article)
        ids = self._candidates(mine.sums, day)
        ids += sorted(set(shared) - set(ids))
        stories = [u for u in map(self._story_unit, ids) if u]
        score = {u.story: pair_score(mine, u, self.model, shared.get(u.story, 0)) for u in stories}
        ranked = sorted(stories, key=lambda u: (-score[u.story], u.story))
        return [u for u in ranked[: self.settings.neighbours] if score[u.story] >= self.settings.near]

    def _recluster(self, mine: Unit, hood: list[Unit]) -> str:
        """Cluster the new article and the articles of its neighbour stories again, from
        single articles up (a story larger than ``split_size`` stays whole), and store the
        groups as stories: joins, merges and splits. Returns the new article's story."""
        units = [mine]
        for story in hood:
            if story.size <= self.settings.split_size:
                units += self._member_units(story.story)
            else:
                units.append(story)
        self._fill_statements(units)
        groups = average_link(units, self.model, self._term_ids)
        self._keep_arrays(units)
        before: dict[str, set[str]] = {}
        for unit in units[1:]:
            before.setdefault(unit.story, set()).add(unit.article or f"story:{unit.story}")
        changed = []
        for group in groups:
            keys = {units[i].article or f"story:{units[i].story}" for i in group}
            stories = {units[i].story for i in group}
            if 0 not in group and len(stories) == 1 and before[next(iter(stories))] == keys:
                continue  # the same story as before
            changed.append(group)
        gone = sorted({units[i].story for g in changed for i in g if units[i].story})
        mine_story = None
        for group in changed:
            story = self._store_group([units[i] for i in group], gone)
            if 0 in group:
                mine_story = story
        for story in gone:
            if not self.db.execute("SELECT 1 FROM articles WHERE story=? LIMIT 1", (story,)).fetchone():
                self._drop(story)
        assert mine_story is not None
        return mine_story

    def _regroup(self, story: str) -> None:
        """Cluster the articles of ``story`` again after one of them left: the one that left
        may have been what held two groups together (a split; ids as in ``_recluster``: the
        part with the anchor keeps the id). A story larger than ``split_size`` stays whole."""
        units = self._member_units(story)
        if not 1 < len(units) <= self.settings.split_size:
            return
        self._fill_statements(units)
        groups = average_link(units, self.model, self._term_ids)
        self._keep_arrays(units)
        if len(groups) == 1:
            return
        gone = [story]
        for group in groups:
            self._store_group([units[i] for i in group], gone)
        for left in gone:
            if not self.db.execute("SELECT 1 FROM articles WHERE story=? LIMIT 1", (left,)).fetchone():
                self._drop(left)

    def _store_group(self, group: list[Unit], gone: list[str]) -> str:
        """Store one group of a clustering as a story named after its anchor."""
        singles = {u.article for u in group if u.article}
        wholes = {u.story for u in group if not u.article}
        sums: dict[str, dict[str, float]] = {f: {} for f in SUM_FIELDS}
        for unit in group:
            for f in SUM_FIELDS:
                target = sums[f]
                for t, w in unit.sums.get(f, {}).items():
                    target[t] = target.get(t, 0.0) + w
        size = sum(u.size for u in group)
        members: dict[str, str | None] = {}  # article (copies too) -> publication time
        label_articles = []
        for story in sorted({u.story for u in group if u.story}):
            row = self.db.execute("SELECT label_article FROM stories WHERE id=?", (story,)).fetchone()
            if row and row[0]:
                label_articles.append(row[0])
            for article, published, original in self.db.execute(
                "SELECT id, published, duplicate_of FROM articles WHERE story=?", (story,)
            ):
                if story in wholes or article in singles or original in singles:
                    members[article] = published
        newcomer = next((u.article for u in group if u.article and not u.story), None)
        if newcomer:
            members[newcomer] = self.db.execute("SELECT published FROM articles WHERE id=?", (newcomer,)).fetchone()[0]
        anchor = min(_anchor_key(published, article) for article, published in members.items())[2]
        story = _story_id(anchor)
        if story not in gone and self.db.execute("SELECT 1 FROM stories WHERE id=?", (story,)).fetchone():
            story = _story_id(anchor + "\n")  # a 48-bit collision with another story
        if story in gone:
            self._drop(story)
            gone.remove(story)
        label_article = next((a for a in label_articles if a in members), anchor)
        self.db.execute(
            "INSERT INTO stories(id, label, size, anchor, label_article) VALUES (?, '', ?, ?, ?)",
            (story, size, anchor, label_article),
        )
        for chunk, marks in in_chunks(sorted(members)):
            self.db.execute(f"UPDATE articles SET story=? WHERE id IN ({marks})", [story, *chunk])
        self._refresh(story, self._save({"id": story, "sums": sums, "size": size}), candidate=newcomer)
        return story

    def _fill_statements(self, units: list[Unit]) -> None:
        """The statements each unit's articles quote (a whole story: of up to
        ``MEMBERS_FOR_STATEMENTS`` of its articles)."""
        owner: dict[str, int] = {}
        for i, unit in enumerate(units):
            if unit.article:
                owner[unit.article] = i
            else:
                for (article,) in self.db.execute(
                    "SELECT v.article FROM articles a JOIN story_article_vectors v ON v.article = a.id"
                    " WHERE a.story=? LIMIT ?",
                    (unit.story, MEMBERS_FOR_STATEMENTS),
                ):
                    owner[article] = i
        for chunk, marks in in_chunks(list(owner)):
            for article, statement in self.db.execute(
                f"SELECT DISTINCT article, statement FROM attributions WHERE article IN ({marks}) AND statement IS NOT NULL",
                chunk,
            ):
                units[owner[article]].statements[statement] += 1

    def _member_units(self, story: str) -> list[Unit]:
        """The articles of ``story`` as units, by id: those it holds as articles, not the
        copies that only follow their original (they have no vector of their own)."""
        units = []
        for article, published, vector in self.db.execute(
            "SELECT a.id, a.published, v.vector FROM articles a JOIN story_article_vectors v ON v.article = a.id"
            " WHERE a.story=? ORDER BY a.id",
            (story,),
        ):
            parsed, arrays = self._parse(article, vector)
            unit = _article_unit(article, parsed, published, story)
            unit.arrays = arrays
            units.append(unit)
        return units

    def _parse(self, article: str, vector: str, parsed: dict | None = None) -> tuple[dict, tuple | None]:
        """An article's stored vector, parsed, and its ``TermIds`` arrays when made (cached)."""
        found = self._parsed.get(article)
        if found is None or found[0] != vector:
            if len(self._parsed) > 5_000:  # bounded (a parsed vector is some 20 kB): a long run keeps the recent ones
                self._parsed.clear()
            found = (vector, parsed or json.loads(vector), None)
            self._parsed[article] = found
        return found[1], found[2]

    def _keep_arrays(self, units: list[Unit]) -> None:
        for unit in units:
            found = self._parsed.get(unit.article) if unit.article else None
            if found and found[2] is None and unit.arrays is not None:
                self._parsed[unit.article] = (found[0], found[1], unit.arrays)

    def _story_unit(self, story: str) -> Unit | None:
        state = self._load(story)
        if state is None:
            return None
        days = state["days"]
        return Unit(
            sums=state["sums"], size=state["size"], dated=state["size"] if days else 0,
            first=days[0].toordinal() if days else 0, last=days[1].toordinal() if days else 0, story=story,
        )

    # --- stories --------------------------------------------------------------------

    def _candidates(self, vector: dict[str, dict[str, float]], day: date | None) -> list[str]:
        query = {f"{f}:{t}": w for f, k in zip(("w", "n", "d"), self.settings.query_terms)
                 for t, w in _top(vector[f], k).items()}
        if not query:
            return []
        scores: Counter[str] = Counter()
        marks = ",".join("?" * len(query))
        sql = f"SELECT story, term, weight FROM story_terms WHERE term IN ({marks})"
        if day is None:
            rows = self.db.execute(sql, list(query))
        else:  # dated stories within the window (the index on (term, last_day) finds them), and undated ones
            lo = date.fromordinal(day.toordinal() - self.settings.window_days).isoformat()
            hi = date.fromordinal(day.toordinal() + self.settings.window_days).isoformat()
            rows = self.db.execute(
                f"{sql} AND last_day >= ? AND first_day <= ? UNION ALL {sql} AND last_day IS NULL",
                [*query, lo, hi, *query],
            )
        for story, term, weight in rows:
            scores[story] += weight * query[term]
        return [s for s, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[: self.settings.candidates]]

    def _load(self, story: str) -> dict | None:
        row = self.db.execute(
            "SELECT v.sums, s.size, s.first_published, s.last_published, s.anchor, s.label_article"
            " FROM story_vectors v JOIN stories s ON s.id = v.story WHERE v.story=?",
            (story,),
        ).fetchone()
        if not row:
            return None
        first, last = _day(row[2]), _day(row[3])
        cached = self._sums.get(story)
        if cached is None or cached[0] != row[0]:
            cached = (row[0], json.loads(row[0]))
        sums = {f: dict(cached[1].get(f, {})) for f in SUM_FIELDS}  # a copy: callers add to it
        return {
            "id": story, "sums": sums, "size": max(int(row[1]), 1),
            "days": (first, last) if first and last else None, "anchor": row[4], "label_article": row[5],
        }

    def _save(self, state: dict) -> tuple[str | None, str | None]:
        """Store a story's sums, size and index terms; its articles' first and last
        publication times (what ``_refresh`` needs next)."""
        sums = {f: _top(state["sums"].get(f, {}), STORY_TERMS[f]) for f in SUM_FIELDS}
        state["sums"] = sums
        story = state["id"]
        stored = json.dumps(sums, sort_keys=True)
        self.db.execute("INSERT OR REPLACE INTO story_vectors(story, sums) VALUES (?, ?)", (story, stored))
        if len(self._sums) > 2_000:  # bounded (parsed sums are some 60 kB): a long run keeps the recent ones
            self._sums.clear()
        self._sums[story] = (stored, {f: dict(sums[f]) for f in SUM_FIELDS})
        self.db.execute("UPDATE stories SET size=? WHERE id=?", (state["size"], story))
        index = {f"{f}:{t}": w / state["size"] for f, k in zip(("w", "n", "d"), self.settings.index_terms)
                 for t, w in _top(sums[f], k).items()}
        dates = self.db.execute(
            "SELECT MIN(published), MAX(published) FROM articles WHERE story=?", (story,)
        ).fetchone()
        first, last = (dates[0][:10], dates[1][:10]) if dates[0] and dates[1] else (None, None)
        self.db.execute("DELETE FROM story_terms WHERE story=?", (story,))
        self.db.executemany(
            "INSERT INTO story_terms(story, term, weight, first_day, last_day) VALUES (?, ?, ?, ?, ?)",
            [(story, t, w, first, last) for t, w in index.items()],
        )
        return tuple(dates)

    def _open(self, article: Article, vector: dict[str, dict[str, float]]) -> str:
        story = _story_id(article.id)
        self.db.execute(
            "INSERT INTO stories(id, label, size, anchor, label_article) VALUES (?, ?, 1, ?, ?)",
            (story, "", article.id, article.id),
        )
        self.db.execute("UPDATE articles SET story=? WHERE id=?", (story, article.id))
        sums = {f: dict(vector.get(f, {})) for f in SUM_FIELDS}
        self._refresh(story, self._save({"id": story, "sums": sums, "size": 1}))
        return story

    def _drop(self, story: str) -> None:
        self.db.execute("DELETE FROM story_terms WHERE story=?", (story,))
        self.db.execute("DELETE FROM story_vectors WHERE story=?", (story,))
        self.db.execute("DELETE FROM stories WHERE id=?", (story,))
        self._sums.pop(story, None)

    def _refresh(self, story: str, dates: tuple[str | None, str | None], candidate: str | None = None) -> None:
        """Dates, anchor and label of ``story`` after its articles changed (``dates``: its
        articles' first and last publication times, as ``_save`` read them). The label
        article is the more central of the current one and ``candidate``."""
        first, last = dates
        anchor = self.db.execute(
            "SELECT id FROM articles WHERE story=? ORDER BY published IS NULL, published, id LIMIT 1", (story,)
        ).fetchone()[0]
        current = self.db.execute("SELECT label_article FROM stories WHERE id=?", (story,)).fetchone()[0]
        options = [a for a in dict.fromkeys([current, candidate]) if a and self._story_of(a) == story]
        state = self._load(story)
        label_article = self._most_central(options, state) if options and state else anchor
        row = self.db.execute("SELECT title, text FROM articles WHERE id=?", (label_article,)).fetchone()
        label = label_for(row[0], row[1], state["sums"] if state else {}) if row else ""
        self.db.execute(
            "UPDATE stories SET first_published=?, last_published=?, anchor=?, label_article=?, label=? WHERE id=?",
            (first, last, anchor, label_article, label, story),
        )

    def _most_central(self, articles: list[str], state: dict) -> str:
        """Of ``articles``, one with a headline before one without, then the closest to
        the story's sums (ties: the smaller id)."""
        best, best_score = articles[0], (-1, -1.0)
        for article in articles:
            row = self.db.execute(
                "SELECT v.vector, a.title FROM story_article_vectors v JOIN articles a ON a.id = v.article"
                " WHERE v.article=?", (article,)
            ).fetchone()
            if not row:
                continue
            vector = json.loads(row[0])
            score = (int(_headline(row[1])), round(sum(_dot(vector[f], state["sums"][f]) for f in ("w", "n")), 9))
            if score > best_score or (score == best_score and article < best):
                best, best_score = article, score
        return best

    def _rename_to_anchor(self, story: str) -> str:
        """Give ``story`` the id its anchor makes, when that changed (see the module doc)."""
        anchor = self.db.execute("SELECT anchor FROM stories WHERE id=?", (story,)).fetchone()[0]
        wanted = _story_id(anchor)
        if wanted == story:
            return story
        if self.db.execute("SELECT 1 FROM stories WHERE id=?", (wanted,)).fetchone():
            return story  # a 48-bit collision with another story: keep the old id
        self.db.execute("UPDATE stories SET id=? WHERE id=?", (wanted, story))
        self.db.execute("UPDATE story_vectors SET story=? WHERE story=?", (wanted, story))
        self.db.execute("UPDATE story_terms SET story=? WHERE story=?", (wanted, story))
        self.db.execute("UPDATE articles SET story=? WHERE story=?", (wanted, story))
        return wanted

    def _story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def _shared_statements(self, article: str | None) -> dict[str, int]:
        """For each story, the statements ``article`` shares with its articles, counted once
        per article that quotes them: the one narrow question this stage asks of the
        statement links."""
        if article is None:
            return {}
        return dict(self.db.execute(
            "SELECT r.story, COUNT(*) FROM (SELECT DISTINCT b.article, b.statement FROM attributions a"
            " JOIN attributions b ON b.statement = a.statement AND b.article != a.article"
            " WHERE a.article=? AND a.statement IS NOT NULL) x"
            " JOIN story_article_vectors v ON v.article = x.article JOIN articles r ON r.id = x.article"
            " WHERE r.story IS NOT NULL"
            " GROUP BY r.story",
            (article,),
        ).fetchall())
