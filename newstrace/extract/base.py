"""The contract every attribution extractor keeps, so that models can replace or join
the rules without touching the rest of the pipeline."""

from __future__ import annotations

from typing import Iterable, Iterator, Protocol

from newstrace.records import SpanAttribution


class SpanExtractor(Protocol):
    """Finds attributions in raw article text.

    ``extract`` returns one list per text, in order. Offsets are Python string indices
    into the text exactly as given (no normalisation), end exclusive. Implementations
    may batch internally; they must be safe to call from a worker process.
    """

    name: str

    def extract(self, texts: Iterable[str]) -> Iterator[list[SpanAttribution]]: ...
