"""newstrace traces statements through the news: who said what, who repeated it, who
cites whom, and which articles tell the same story.

>>> import newstrace
>>> report = newstrace.run("examples/baghuz-2019", out="baghuz-out")   # doctest: +SKIP
>>> store = newstrace.Store(report.database)                           # doctest: +SKIP
>>> [s.speaker for s in store.statements() if len(s.mentions) > 1]     # doctest: +SKIP
['Abu Abdul-Azim', ...]
"""

from newstrace.errors import BadInput, NewstraceError, StoreError
from newstrace.pipeline import RunReport, Settings, extract_attributions, run
from newstrace.report.export import export
from newstrace.records import (Article, Attribution, Citation, Mention, OutletEdge, SpanAttribution, Speaker, Statement,
                               Story)
from newstrace.store import Store

__version__ = "0.1.0"

__all__ = [
    "run", "extract_attributions", "export", "Settings", "RunReport", "Store",
    "Article", "Attribution", "Citation", "Mention", "SpanAttribution", "Statement", "Story", "Speaker", "OutletEdge",
    "BadInput", "NewstraceError", "StoreError",
]
