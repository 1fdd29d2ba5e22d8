"""A second look at the tagger's attributions: which to keep.

The tagger proposes an attribution for every cue it tags. A single cut-off on the cue's
mean probability (``SpanAttribution.score``) was the only filter; this one also reads the
attribution's shape (cue length, has a source, pronoun source, content length and quotes,
what follows the cue, cue inside another attribution's content) and how often the cue's
words were real attributions among the tagger's proposals on PolNeAR train (smoothed
counts, ``cues`` in the weights file). A gradient-boosted tree ensemble, trained on the
tagger's proposals for every PolNeAR train article by ``training/train_reranker.py``,
gives each proposal the probability that it matches an annotated attribution; those under
the file's threshold (chosen on out-of-fold train proposals) are dropped.

The trees are written as plain arrays in ``weights/<variant>.rerank.json`` and walked here
with numpy: scikit-learn (which fits them) is a training dependency, not a run-time one,
and its ONNX converter (skl2onnx 1.20) fails on these models.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from newstrace.records import SpanAttribution

PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "who", "which", "that"})
QUOTE_MARKS = frozenset('"“”‘’\'«»')

# the shape columns this version computes; a weights file names those its trees were
# fitted on (rerankers fitted before the roles columns name the first 22), and the
# cue-count columns follow them
SHAPE = ("score", "cue_words", "cue_chars", "has_src", "src_pron", "src_words", "n_frag",
         "cnt_chars", "direct", "cnt_before", "gap", "cue_upper", "pos", "src_after",
         "after_that", "after_colon", "after_quote", "cnt_that", "cnt_to", "inside_other",
         "n_cands", "cnt_words")
# what the tagger's per-cue roles pass said of the content it gave (Tagger.propose: the
# mean and least content probability of the content's pieces, and the probability mass
# and number of pieces above 0.5 it left out of it); NaN where the model has no such
# pass (the fast model's token heads)
ROLES = ("cnt_p_mean", "cnt_p_min", "cnt_p_left", "cnt_n_left")


def cue_keys(text: str, att: SpanAttribution) -> tuple[str, str, str]:
    """The cue's words lower-cased, its first word and its last: what the counts are kept by."""
    words = " ".join(text[s:e] for s, e in att.cue).lower().split()
    return " ".join(words), (words[0] if words else ""), (words[-1] if words else "")


def shape_features(text: str, atts: list[SpanAttribution], roles: np.ndarray | None = None) -> np.ndarray:
    """One row of SHAPE + ROLES columns per attribution (each must have a cue and content);
    ``roles``: the ROLES columns, one row per attribution (None: unknown, NaN)."""
    rows = []
    # every content fragment with the attribution it belongs to, for "cue inside another
    # attribution's content" in one comparison per attribution (a pairwise loop was a
    # fortieth of the fast model's time)
    frags = np.array([(s, e, j) for j, other in enumerate(atts) for s, e in other.content],
                     dtype=np.int64).reshape(-1, 3)
    for k, att in enumerate(atts):
        cue = " ".join(text[s:e] for s, e in att.cue).lower()
        src = " ".join(text[s:e] for s, e in att.source).lower()
        cs, ce = att.cue[0][0], att.cue[-1][1]
        c0, c1 = min(s for s, _ in att.content), max(e for _, e in att.content)
        gap = max(0, c0 - ce) if c0 >= ce else max(0, cs - c1)
        after = text[ce:ce + 12].lstrip().lower()
        content = text[c0:c1]
        inside_other = bool(((frags[:, 0] <= cs) & (ce <= frags[:, 1]) & (frags[:, 2] != k)).any())
        rows.append((
            att.score, len(cue.split()), ce - cs, bool(att.source), src in PRONOUNS, len(src.split()),
            len(att.content), sum(e - s for s, e in att.content),
            any(c in QUOTE_MARKS for c in text[max(0, c0 - 1):c1 + 1]), c1 <= cs, gap,
            text[cs:cs + 1].isupper(), cs / max(1, len(text)),
            bool(att.source) and att.source[0][0] > ce,
            after.startswith("that"), after[:1] == ":", after[:1] in QUOTE_MARKS,
            content.lower().startswith("that "), content.lower().startswith("to "), inside_other,
            len(atts), len(content.split()),
        ))
    shape = np.array(rows, dtype=np.float64).reshape(len(atts), len(SHAPE))
    if roles is None:
        roles = np.full((len(atts), len(ROLES)), np.nan)
    return np.hstack([shape, np.asarray(roles, dtype=np.float64).reshape(len(atts), len(ROLES))])


def count_features(keys: list[tuple[str, str, str]], tables: list[dict], prior: float,
                   smoothing: float) -> np.ndarray:
    """Per key kind: the smoothed share of proposals with that key that were right, and
    log(1 + how many there were)."""
    out = np.zeros((len(keys), 2 * len(tables)))
    for i, key in enumerate(keys):
        for k, table in enumerate(tables):
            right, seen = table.get(key[k], (0, 0))
            out[i, 2 * k] = (right + smoothing * prior) / (seen + smoothing)
            out[i, 2 * k + 1] = np.log1p(seen)
    return out


def with_content(atts: list[SpanAttribution], roles: np.ndarray | None = None
                 ) -> tuple[list[SpanAttribution], np.ndarray | None]:
    """The attributions that have a cue and content (the only ones rows are made for), and
    their ROLES rows when given."""
    whole = [k for k, a in enumerate(atts) if a.cue and a.content]
    rows = None if roles is None else np.asarray(roles).reshape(-1, len(ROLES))[whole]
    return [atts[k] for k in whole], rows


class Reranker:
    """Reads ``<variant>.rerank.json``; ``keep`` says which attributions stay."""

    def __init__(self, path: Path):
        blob = json.loads(Path(path).read_text())
        known = SHAPE + ROLES
        if not set(blob["shape"]) <= set(known):
            raise ValueError(f"{path}: fitted on other columns than this version computes: "
                             f"{sorted(set(blob['shape']) - set(known))}")
        self.columns = np.array([known.index(c) for c in blob["shape"]], dtype=np.int64)
        self.threshold = float(blob["threshold"])
        self.floor = float(blob["floor"])  # the tagger's cut-off under the reranker: none, in effect
        self.prior = float(blob["prior"])
        self.smoothing = float(blob["smoothing"])
        self.tables = [{k: tuple(v) for k, v in t.items()} for t in blob["cues"]]
        self.baseline = float(blob["baseline"])
        # every tree padded to the longest, stacked: all trees are walked at once, one step
        # a level (a Python loop over 100-300 trees was a tenth of the default model's time)
        trees = blob["trees"]
        width = max(len(t["value"]) for t in trees)

        def stack(key, dtype, pad):
            out = np.full((len(trees), width), pad, dtype=dtype)
            for k, t in enumerate(trees):
                out[k, :len(t[key])] = t[key]
            return out
        self.feature = stack("feature", np.int64, 0)
        self.threshold_at = stack("threshold", np.float64, 0.0)
        self.left = stack("left", np.int64, 0)
        self.right = stack("right", np.int64, 0)
        self.leaf = stack("leaf", bool, True)
        self.missing_left = stack("missing_left", bool, False)
        self.value = stack("value", np.float64, 0.0)

    def features(self, text: str, atts: list[SpanAttribution], roles: np.ndarray | None = None) -> np.ndarray:
        """The columns the trees read: the file's shape columns, then the cue counts."""
        keys = [cue_keys(text, a) for a in atts]
        return np.hstack([shape_features(text, atts, roles)[:, self.columns],
                          count_features(keys, self.tables, self.prior, self.smoothing)])

    def probability(self, x: np.ndarray) -> np.ndarray:
        """The probability, per row of ``x``, that the attribution is right."""
        n_trees, width = self.feature.shape
        # every (row, tree) pair walks down at once, by flat node number (tree x width +
        # node; np.take on 1-d arrays is cheaper than 2-d indexing); pairs drop out of the
        # walk at their leaf. This runs once per article.
        at = np.tile(np.arange(n_trees) * width, len(x))
        row_of = np.repeat(np.arange(len(x)) * x.shape[1], n_trees)
        flat_x = x.ravel()
        walking = np.arange(len(at))
        while len(walking):
            here = at.take(walking)
            inner = ~self.leaf.take(here)
            walking, here = walking[inner], here[inner]
            value = flat_x.take(row_of.take(walking) + self.feature.take(here))
            left = np.where(np.isnan(value), self.missing_left.take(here), value <= self.threshold_at.take(here))
            at[walking] = here - here % width + np.where(left, self.left.take(here), self.right.take(here))
        raw = self.baseline + self.value.take(at).reshape(len(x), n_trees).sum(1)
        return 1.0 / (1.0 + np.exp(-raw))

    def keep(self, text: str, atts: list[SpanAttribution], roles: np.ndarray | None = None
             ) -> list[SpanAttribution]:
        """The attributions whose probability reaches the threshold, in their order;
        ``roles``: their ROLES columns (Tagger.propose), one row each."""
        atts, roles = with_content(atts, roles)
        if not atts:
            return []
        p = self.probability(self.features(text, atts, roles))
        return [a for a, q in zip(atts, p) if q >= self.threshold]


def trees_from_sklearn(model) -> tuple[float, list[dict]]:
    """The baseline and trees of a fitted binary HistGradientBoostingClassifier, as lists."""
    trees = []
    for (predictor,) in model._predictors:
        n = predictor.nodes
        trees.append({"feature": n["feature_idx"].tolist(), "threshold": n["num_threshold"].tolist(),
                      "left": n["left"].tolist(), "right": n["right"].tolist(),
                      "leaf": n["is_leaf"].astype(bool).tolist(),
                      "missing_left": n["missing_go_to_left"].astype(bool).tolist(),
                      "value": n["value"].tolist()})
    return float(np.ravel(model._baseline_prediction)[0]), trees
