"""Stories: articles about the same event, grouped incrementally as articles arrive.

The method follows Miranda et al. (EMNLP 2018, "Multilingual Clustering of Streaming
News"): an article is several TF-IDF vectors, one per kind of evidence, and a small
learned model weighs how close each is to a story. The kinds of evidence are what tells
twin events apart (two earthquakes in one region, two actresses entering rehab):

- ``w``: content words of the whole article;
- ``t``: the words of its headline (weighted by the words' document frequency);
- ``n``: names, runs of capitalised words ("Lindsay Lohan", "Betty Ford Center") and
  their words;
- ``d``: numbers and years ("y2008", "n6.1").

Weights are TF-IDF, the document frequencies counted in the store as articles arrive,
plus those of a small reference sample (``story_background.json``, Wikinews) so that the
first articles of a store are weighed sensibly too.

A story keeps, for each kind, the sum of its articles' unit vectors, so an article's dot
product with the sum over the story's size is its average cosine with the story's
articles (group-average linkage, exactly, without touching the articles). The features
of (article, story) are those averages, the headline of one against the words of the
other, the days between the article and the story's dates when both are dated, and the
statements they share (``Linker`` links statements first). A logistic model
(``story_model.json``, trained by ``training/train_stories.py`` on labelled streams)
turns them into the probability that the article belongs; it joins the most probable
story when that is at least one half, else opens a story.

Order: when an article joins a story, the story is compared with its neighbours in the
same way (sums against sums): two stories that the model finds one are merged, so a
bridging article that arrives late joins what an earlier order would have kept apart.

Candidates come from ``story_terms``, an index of each story's heaviest terms, within
``window_days`` of the article's date when dated: an article is compared with a handful
of stories, never with all of them.

Ids: a story's id is made from its anchor, the earliest of its articles by (publication
time, id), undated articles after dated ones; so the same grouping gets the same ids
whatever order the articles came in. When a new article becomes the anchor, or two
stories merge (the merged story takes the anchor of the union), the id changes;
otherwise it stays.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from newstrace.link.statements import in_chunks
from newstrace.records import Article

FIELDS = ("w", "t", "n", "d")
# terms kept per field in an article's vector and in a story's sums (heaviest first)
ARTICLE_TERMS = {"w": 150, "t": 30, "n": 60, "d": 30}
STORY_TERMS = {"w": 600, "t": 120, "n": 300, "d": 100}

HEADLINE_WORDS = 30  # a longer "title" is a first paragraph, not a headline
COMPACT_TERMS = (100, 40)  # words, names of an article in its compact vector
MEMBERS_FOR_CLOSEST = 20  # articles of a story compared one by one with a newcomer (the latest added)
MEMBERS_FOR_MERGE = 10  # of the smaller story, when two stories are compared
# an article that repeats this many statements (quoted passages, ``link/statements.py``)
# of a story's articles joins it: on both labelled sets, 100 of 100 article pairs that
# shared two or more statements were one story (pairs sharing one: 240 of 253)
STATEMENTS_FOR_ONE_STORY = 2
MEMBERS_FOR_STATEMENTS = 200  # a large story's statements are sampled from this many articles
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.]*\d|\d|[.,!?;:\"“”()]")
_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True, slots=True)
class StorySettings:
    window_days: int = 30  # a dated article is compared with stories dated within this many days
    candidates: int = 10  # stories scored in full per article (the best by index score)
    index_terms: tuple[int, int, int] = (40, 25, 10)  # words, names, numbers of a story in the story_terms index
    query_terms: tuple[int, int, int] = (20, 12, 5)  # words, names, numbers of an article looked up in it
    model: str | None = None  # a model JSON other than the shipped story_model.json (for experiments)


@cache
def _stop_words() -> frozenset[str]:
    # spaCy's English list; imported on first use, since importing spaCy costs a second or
    # two that commands which never link (``newstrace --help``, ``extract``) need not pay
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@cache
def _model(path: str | None = None) -> tuple[tuple[str, ...], tuple[float, ...], float]:
    if path is None:
        data = json.loads(resources.files("newstrace.link").joinpath("story_model.json").read_text())
    else:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    return tuple(data["features"]), tuple(data["weights"]), float(data["bias"])


@cache
def _background() -> tuple[int, dict[str, int]]:
    """Document frequencies from a reference sample (``training/story_background.py``),
    added to the store's own so that a store of a few articles weighs terms sensibly."""
    data = json.loads(resources.files("newstrace.link").joinpath("story_background.json").read_text())
    return int(data["documents"]), data["df"]


def _word(token: str) -> str:
    w = token.lower().replace("’", "'").strip("'-")
    return w[:-2] if w.endswith("'s") else w


def _body(article: Article) -> str:
    title = article.title or ""
    return article.text[len(title):] if title and article.text.startswith(title) else article.text


def terms(article: Article) -> dict[str, Counter[str]]:
    """Counts of an article's terms by kind: words (``w``), headline words (``t``), names
    (``n``, from the body: headlines capitalise every word) and numbers (``d``).

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


def compact(vector: dict[str, dict[str, float]]) -> dict[str, float]:
    """An article's heaviest words and names in one vector, scaled so that the dot product
    of two is about the mean of their word and name cosines (cheap to compare often)."""
    scale = math.sqrt(0.5)
    out = {f"w:{t}": w * scale for t, w in _top(vector["w"], COMPACT_TERMS[0]).items()}
    out.update({f"n:{t}": w * scale for t, w in _top(vector["n"], COMPACT_TERMS[1]).items()})
    return out


def closest(a: list[dict[str, float]], b: list[dict[str, float]]) -> float:
    """The highest similarity between an article of ``a`` and one of ``b`` (lists of
    ``compact`` vectors): the single-link evidence beside the group averages."""
    best = 0.0
    for x in a:
        for y in b:
            best = max(best, _dot(x, y))
    return best


def features(a: dict, b: dict, shared_statements: int, nearest: float = 0.0) -> dict[str, float]:
    """What the model weighs, for two groups of articles (an article is a group of one):
    ``a``/``b`` hold ``sums`` (per field, summed unit vectors), ``size`` and ``days``
    (first, last publication day, or None); ``nearest`` is ``closest`` of their articles."""
    pairs = a["size"] * b["size"]
    out = {"closest": nearest}
    for f in FIELDS:
        out[f] = _dot(a["sums"][f], b["sums"][f]) / pairs  # average cosine over the pairs of articles
    out["tw"] = (_dot(a["sums"]["t"], b["sums"]["w"]) + _dot(b["sums"]["t"], a["sums"]["w"])) / (2 * pairs)
    if a["days"] and b["days"]:
        gap = max(0, (b["days"][0] - a["days"][1]).days, (a["days"][0] - b["days"][1]).days)
        out["dated"], out["log_gap"] = 1.0, math.log1p(gap)
    else:
        out["dated"], out["log_gap"] = 0.0, 0.0
    out["statements"] = float(min(shared_statements, 3))
    return out


def probability(feats: dict[str, float], model: str | None = None) -> float:
    """The model's probability that the two groups tell one story."""
    names, weights, bias = _model(model)
    z = bias + sum(w * feats[n] for n, w in zip(names, weights))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


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
        self._parsed: dict[str, tuple[str, dict]] = {}  # article -> (stored JSON, compact vector)
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
        self.db.execute(
            "INSERT OR REPLACE INTO story_article_vectors(article, counts, vector) VALUES (?, ?, ?)",
            (article.id, json.dumps(counts, sort_keys=True), json.dumps(vector, sort_keys=True)),
        )
        day = _day(article.published)
        mine = {"sums": vector, "size": 1, "days": (day, day) if day else None}
        best, best_key = None, (False, 0.5)
        shared = self._shared_statements([article.id])
        candidates = self._candidates(vector, day)
        quoting = sorted({s for s, k in shared.items() if k >= STATEMENTS_FOR_ONE_STORY} - {c["id"] for c in candidates})
        for story in candidates + [state for state in map(self._load, quoting) if state]:
            nearest = closest([compact(vector)], self._member_vectors(story["id"]))
            p = probability(features(mine, story, shared.get(story["id"], 0), nearest), self.settings.model)
            key = (shared.get(story["id"], 0) >= STATEMENTS_FOR_ONE_STORY, p)  # the statements rule first
            if key >= best_key:
                best, best_key = story, key
        if best is None:
            story_id = self._open(article, vector)
        else:
            story_id = self._join(best, article, vector)
        return self._merge_neighbours(story_id)

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
            for f in FIELDS:
                sums = state["sums"][f]
                for t, w in vector[f].items():
                    left = sums.get(t, 0.0) - w
                    if left > 1e-9:
                        sums[t] = left
                    else:
                        sums.pop(t, None)
            state["size"] -= 1
        if not self.db.execute("SELECT 1 FROM articles WHERE story=? LIMIT 1", (story,)).fetchone():
            self._drop(story)
        elif state:
            self._save(state)
            self._refresh(story)
            self._rename_to_anchor(story)

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
        return vector

    # --- stories --------------------------------------------------------------------

    def _candidates(self, vector: dict[str, dict[str, float]], day: date | None, exclude: str | None = None) -> list[dict]:
        query = {f"{f}:{t}": w for f, k in zip(("w", "n", "d"), self.settings.query_terms)
                 for t, w in _top(vector[f], k).items()}
        if not query:
            return []
        scores: Counter[str] = Counter()
        marks = ",".join("?" * len(query))
        sql = f"SELECT i.story, i.term, i.weight FROM story_terms i WHERE i.term IN ({marks})"
        args: list = list(query)
        if day is not None:
            lo = date.fromordinal(day.toordinal() - self.settings.window_days).isoformat()
            hi = date.fromordinal(day.toordinal() + self.settings.window_days).isoformat() + "\uffff"
            sql = (
                f"SELECT i.story, i.term, i.weight FROM story_terms i JOIN stories s ON s.id = i.story"
                f" WHERE i.term IN ({marks}) AND (s.last_published IS NULL OR"
                f" (s.last_published >= ? AND s.first_published <= ?))"
            )
            args += [lo, hi]
        for story, term, weight in self.db.execute(sql, args):
            scores[story] += weight * query[term]
        scores.pop(exclude, None)
        best = [s for s, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[: self.settings.candidates]]
        return [state for state in (self._load(s) for s in best) if state]

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
        sums = {f: dict(cached[1][f]) for f in FIELDS}  # a copy: callers add to it
        return {
            "id": story, "sums": sums, "size": max(int(row[1]), 1),
            "days": (first, last) if first and last else None, "anchor": row[4], "label_article": row[5],
        }

    def _save(self, state: dict) -> None:
        sums = {f: _top(state["sums"][f], STORY_TERMS[f]) for f in FIELDS}
        state["sums"] = sums
        story = state["id"]
        stored = json.dumps(sums, sort_keys=True)
        self.db.execute("INSERT OR REPLACE INTO story_vectors(story, sums) VALUES (?, ?)", (story, stored))
        if len(self._sums) > 20_000:  # bounded: a long run keeps the recent ones
            self._sums.clear()
        self._sums[story] = (stored, {f: dict(sums[f]) for f in FIELDS})
        self.db.execute("UPDATE stories SET size=? WHERE id=?", (state["size"], story))
        index = {f"{f}:{t}": w / state["size"] for f, k in zip(("w", "n", "d"), self.settings.index_terms)
                 for t, w in _top(sums[f], k).items()}
        self.db.execute("DELETE FROM story_terms WHERE story=?", (story,))
        self.db.executemany(
            "INSERT INTO story_terms(story, term, weight) VALUES (?, ?, ?)", [(story, t, w) for t, w in index.items()]
        )

    def _open(self, article: Article, vector: dict[str, dict[str, float]]) -> str:
        story = _story_id(article.id)
        self.db.execute(
            "INSERT INTO stories(id, label, size, anchor, label_article) VALUES (?, ?, 1, ?, ?)",
            (story, "", article.id, article.id),
        )
        self.db.execute("UPDATE articles SET story=? WHERE id=?", (story, article.id))
        self._save({"id": story, "sums": {f: dict(vector[f]) for f in FIELDS}, "size": 1})
        self._refresh(story)
        return story

    def _join(self, state: dict, article: Article, vector: dict[str, dict[str, float]]) -> str:
        for f in FIELDS:
            sums = state["sums"][f]
            for t, w in vector[f].items():
                sums[t] = sums.get(t, 0.0) + w
        state["size"] += 1
        self.db.execute("UPDATE articles SET story=? WHERE id=?", (state["id"], article.id))
        self._save(state)
        self._refresh(state["id"], candidate=article.id)
        return self._rename_to_anchor(state["id"])

    def _merge_neighbours(self, story: str) -> str:
        """Merge ``story`` with the neighbours the model finds the same story, best first."""
        for _ in range(8):  # each merge can bring a new neighbour in; a bound keeps it cheap
            state = self._load(story)
            if state is None:
                return story
            day = state["days"][1] if state["days"] else None
            shared = self._shared_statements(self._members(story)[:MEMBERS_FOR_STATEMENTS])
            best, best_p = None, 0.5
            mine = self._member_vectors(story)
            for other in self._candidates(self._per_article(state), day, exclude=story):
                theirs = self._member_vectors(other["id"])
                small, large = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
                nearest = closest(small[:MEMBERS_FOR_MERGE], large)
                p = probability(features(state, other, shared.get(other["id"], 0), nearest), self.settings.model)
                if p >= best_p:
                    best, best_p = other, p
            if best is None:
                return story
            story = self._merge(state, best)
        return story

    def _per_article(self, state: dict) -> dict[str, dict[str, float]]:
        return {f: {t: w / state["size"] for t, w in state["sums"][f].items()} for f in FIELDS}

    def _merge(self, a: dict, b: dict) -> str:
        keep, gone = (a, b) if a["size"] >= b["size"] else (b, a)
        for f in FIELDS:
            sums = keep["sums"][f]
            for t, w in gone["sums"][f].items():
                sums[t] = sums.get(t, 0.0) + w
        keep["size"] += gone["size"]
        self.db.execute("UPDATE articles SET story=? WHERE story=?", (keep["id"], gone["id"]))
        self._drop(gone["id"])
        self._save(keep)
        self._refresh(keep["id"], candidate=gone.get("label_article"))
        return self._rename_to_anchor(keep["id"])

    def _drop(self, story: str) -> None:
        self.db.execute("DELETE FROM story_terms WHERE story=?", (story,))
        self.db.execute("DELETE FROM story_vectors WHERE story=?", (story,))
        self.db.execute("DELETE FROM stories WHERE id=?", (story,))

    def _refresh(self, story: str, candidate: str | None = None) -> None:
        """Dates, size, anchor and label of ``story`` after its articles changed. The label
        article is the more central of the current one and ``candidate``."""
        first, last = self.db.execute(
            "SELECT MIN(published), MAX(published) FROM articles WHERE story=?", (story,)
        ).fetchone()
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

    def _member_vectors(self, story: str) -> list[dict[str, float]]:
        """The ``compact`` vectors of up to ``MEMBERS_FOR_CLOSEST`` of a story's articles, the latest added."""
        return [
            self._vector_cache(article, vector)
            for article, vector in self.db.execute(
                "SELECT v.article, v.vector FROM story_article_vectors v JOIN articles a ON a.id = v.article"
                " WHERE a.story=? ORDER BY v.rowid DESC LIMIT ?",
                (story, MEMBERS_FOR_CLOSEST),
            )
        ]

    def _vector_cache(self, article: str, vector: str) -> dict[str, float]:
        found = self._parsed.get(article)
        if found is None or found[0] != vector:
            if len(self._parsed) > 50_000:  # bounded: a long run keeps the recent ones
                self._parsed.clear()
            found = (vector, compact(json.loads(vector)))
            self._parsed[article] = found
        return found[1]

    def _story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def _members(self, story: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE story=?", (story,))]

    def _shared_statements(self, articles: list[str]) -> dict[str, int]:
        """For each story, how many statements ``articles`` share with its other articles:
        the one narrow question this stage asks of the statement links."""
        found: dict[str, set[str]] = {}
        for chunk, marks in in_chunks(articles):
            for story, statement in self.db.execute(
                "SELECT DISTINCT r.story, a.statement FROM attributions a"
                " JOIN attributions b ON b.statement = a.statement AND b.article != a.article"
                " JOIN articles r ON r.id = b.article"
                f" WHERE a.article IN ({marks}) AND a.statement IS NOT NULL AND r.story IS NOT NULL",
                chunk,
            ):
                found.setdefault(story, set()).add(statement)
        return {story: len(statements) for story, statements in found.items()}
