"""The link stage: duplicates, speakers, statements and stories, kept up to date article by article.

``Linker.add`` runs inside the store transaction that writes the article, so an article
is stored and linked together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newstrace.extract.quotes import quote_mask
from newstrace.link.duplicates import DuplicateIndex, signature
from newstrace.link.speakers import SpeakerIndex, SpeakerSettings
from newstrace.link.statements import LinkSettings, StatementIndex
from newstrace.link.stories import StoryIndex, StorySettings
from newstrace.records import Article, Attribution, Citation
from newstrace.store import Store

__all__ = ["Linker", "LinkSettings", "StorySettings", "SpeakerSettings", "LinkerSettings"]


@dataclass(frozen=True, slots=True)
class LinkerSettings:
    statements: LinkSettings = field(default_factory=LinkSettings)
    stories: StorySettings = field(default_factory=StorySettings)
    speakers: SpeakerSettings = field(default_factory=SpeakerSettings)


class Linker:
    def __init__(self, store: Store, settings: LinkerSettings | None = None):
        self.store = store
        settings = settings or LinkerSettings()
        self.duplicates = DuplicateIndex(store.db)
        self.speakers = SpeakerIndex(store.db, settings.speakers)
        self.statements = StatementIndex(store.db, settings.statements, self.speakers)
        self.stories = StoryIndex(store.db, settings.stories)

    def add(
        self,
        article: Article,
        attributions: list[Attribution],
        citations: list[Citation],
        extractor: str,
        story: bool = True,
    ) -> bool:
        """Store ``article`` with what was extracted from it, and link it. True when it
        replaced an earlier version of the same article. With ``story=False`` it waits
        for ``place_in_stories`` (a run places its articles when it ends, in publication
        order)."""
        with self.store.transaction():
            replaced = self.store.fingerprint_of(article.id) is not None
            if replaced:
                self._unlink(article.id)
            sig = signature(article.text)
            article.duplicate_of = self.duplicates.find(article, sig)
            self.store.put_article(article, attributions, citations, extractor)
            self._link_article(article, attributions, sig)
            if story:
                self.stories.add(article)
        return replaced

    def place_in_stories(self, per_transaction: int = 500) -> int:
        """Put every stored article that is in no story yet into one, in publication order
        where it is known, else input order (articles join stories as they were published,
        not as a folder happens to list them), a transaction for each ``per_transaction``
        articles so that a kill keeps what was placed; the number placed."""
        waiting = self.store.ids_without_story()  # ids: a long run's texts are read a chunk at a time
        for start in range(0, len(waiting), per_transaction):
            with self.store.transaction():
                for article_id in waiting[start:start + per_transaction]:
                    self.stories.add(self.store.article(article_id))
        return len(waiting)

    def _link_article(self, article: Article, attributions: list[Attribution], sig: list[int]) -> None:
        """Every link but its story (a rebuild adds stories in publication order after)."""
        self.duplicates.add(article, sig)
        self.speakers.add(article, attributions)  # before statements: they may use speaker ids
        self.statements.add(article, attributions, quote_mask(article.text))

    def _unlink(self, article_id: str) -> None:
        """Take an article that is about to be replaced out of statements and stories."""
        db = self.store.db
        self.speakers.remove(article_id)
        self.statements.remove(article_id)
        db.execute("DELETE FROM article_bands WHERE article=?", (article_id,))
        self.stories.remove(article_id)

    def rebuild(self) -> None:
        """Forget every link and link all stored articles again, in input order.

        For when linking settings change; extraction results are kept."""
        db = self.store.db
        with self.store.transaction():
            self.statements.clear()
            for table in ("article_bands", "article_signatures"):
                db.execute(f"DELETE FROM {table}")  # fixed names, not input
            self.stories.clear()  # statements.clear() has set every attribution's statement to NULL
            db.execute("UPDATE articles SET duplicate_of=NULL")
            self.speakers.clear()
            articles = list(self.store.articles())
            with self.statements.batch():  # one transaction: statements' speakers read once, at the end
                for article in articles:
                    sig = signature(article.text)
                    article.duplicate_of = self.duplicates.find(article, sig)
                    db.execute("UPDATE articles SET duplicate_of=? WHERE id=?", (article.duplicate_of, article.id))
                    self._link_article(article, list(self.store.attributions(article=article.id)), sig)
            # stories take articles in publication order where it is known, else input order
            by_id = {article.id: article for article in articles}  # read above: not again
            for article_id in self.store.ids_without_story():
                self.stories.add(by_id[article_id])
