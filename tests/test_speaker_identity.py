"""One speaker per person across the store (link/speakers.py): aliases joined, namesakes
apart, unknown speakers confined to their article, incremental and relink-stable.

Attributions are placed by hand over real articles (the seed reports, PolNeAR read from
../shared at test time) with the speaker strings the extract stage gives them, so these
tests check the speaker index alone."""

from __future__ import annotations

import hashlib

import pytest

from newstrace.link import Linker
from newstrace.link.speakers import names_agree, parse_person, speaker_kind
from newstrace.records import Article, Attribution
from newstrace.store import Store

from conftest import POLNEAR, needs_shared
from test_link import seed_store


def _article(article_id: str, text: str, order: int, **meta) -> Article:
    return Article(id=article_id, text=text, title=text.split("\n", 1)[0], order=order,
                   fingerprint=hashlib.sha1(text.encode()).hexdigest(), **meta)


def _attributions(article: Article, speakers: list[tuple[str | None, str | None]]) -> list[Attribution]:
    """One attribution per (speaker, source as written), its source span where the source is
    written in the text (else nowhere)."""
    out = []
    for n, (speaker, mention) in enumerate(speakers, 1):
        at = article.text.find(mention) if mention else -1
        source = [(at, at + len(mention))] if at >= 0 else []
        out.append(Attribution(id=f"{article.id}#a{n}", article=article.id, kind="indirect", source=source,
                               cue=[], content=[(0, 1)], content_text=article.text[:1], speaker=speaker,
                               speaker_mention=mention))
    return out


def _polnear(name: str) -> str:
    for split in ("train", "dev"):
        path = POLNEAR / split / "text" / f"{name}.txt"
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(name)


# real PolNeAR articles with the speaker strings the extract stage gives them (main, PolNeAR
# train + dev run): (article, [(speaker, source as written), ...])
POLNEAR_ARTICLES = [
    ("nyt_2016-06-28_clinton-and-warren-team-up-on-tr", [("Hillary Rodham Clinton", "Mrs. Clinton")]),
    ("wash-post_2015-11-16_clinton-s-claim-that-percent-of-", [("Clinton", "Clinton")]),
    ("nyt_2016-10-04_in-avoiding-tax-trump-is-merely-", [("Donald J. Trump", "Donald J. Trump")]),
    ("breitbart_2016-05-04_ann-coulter-and-then-there-was-t", [("Trump", "Trump")]),
    ("usa-today_2016-05-05_spoiler-no-more-kasich-ends-bid", [("Trump", "Trump")]),
    ("west-journal_2016-04-18_trump-s-son-says-the-battle-agai", [("Eric Trump", "Eric Trump")]),
    ("politico_2016-04-20_dnc-chair-dismisses-sanders-accu",
     [("Debbie Wasserman Schultz", "Democratic National Committee Chair Debbie Wasserman Schultz")]),
    ("breitbart_2016-07-25_dnc-issues-deep-and-sincere-apol", [("Wasserman Schultz", "DNC Chair Debbie Wasserman Schultz")]),
    ("west-journal_2016-03-15_hillary-just-insulted-the-bengha", [("Patricia Smith", "Patricia Smith")]),
    ("politico_2016-03-07_how-donald-trump-scrambles-the-g", [("Smith", "Smith"), ("Donald Trump", "Trump")]),
]


@pytest.fixture(scope="module")
def polnear_store():
    store = Store(":memory:")
    linker = Linker(store)
    for order, (name, speakers) in enumerate(POLNEAR_ARTICLES):
        article = _article(name, _polnear(name), order)
        linker.add(article, _attributions(article, speakers), [], "hand")
    return store, linker


def _speaker_of(store: Store, article: str, speaker: str) -> str:
    (row,) = store.db.execute("SELECT DISTINCT speaker_id FROM attributions WHERE article=? AND speaker=?",
                              (article, speaker)).fetchall()
    return row[0]


def test_the_seed_reports_militant_is_one_speaker_and_the_unnamed_one_stays_in_each_article():
    store, _, breitbart, sputnik = seed_store()
    abu = {_speaker_of(store, a.id, "Abu Abdul-Azim") for a in (breitbart, sputnik)}
    assert len(abu) == 1
    assert store.speaker(abu.pop()).kind == "person"
    unnamed = _speaker_of(store, breitbart.id, "an unidentified Islamic State militant")
    assert store.speaker(unnamed).kind == "unknown"
    assert [a.article for a in store.attributions(speaker=unnamed)] == [breitbart.id]
    kinds = {s.name: s.kind for s in store.speakers()}
    assert kinds["Mustafa Bali"] == "person" and kinds["A second audio recording"] == "unknown"


@needs_shared(POLNEAR)
def test_aliases_of_one_person_across_articles_get_one_speaker(polnear_store):
    store, _ = polnear_store
    hillary = _speaker_of(store, "nyt_2016-06-28_clinton-and-warren-team-up-on-tr", "Hillary Rodham Clinton")
    # "Clinton" in an article that never writes her first name: the names it shares with
    # the other article (Benghazi, the State Department ...) make her the one Clinton
    assert _speaker_of(store, "wash-post_2015-11-16_clinton-s-claim-that-percent-of-", "Clinton") == hillary
    debbie = _speaker_of(store, "politico_2016-04-20_dnc-chair-dismisses-sanders-accu", "Debbie Wasserman Schultz")
    assert _speaker_of(store, "breitbart_2016-07-25_dnc-issues-deep-and-sincere-apol", "Wasserman Schultz") == debbie
    assert _speaker_of(store, "politico_2016-03-07_how-donald-trump-scrambles-the-g", "Donald Trump") == \
        _speaker_of(store, "nyt_2016-10-04_in-avoiding-tax-trump-is-merely-", "Donald J. Trump")
    speaker = store.speaker(hillary)
    assert speaker.name == "Hillary Rodham Clinton" and set(speaker.aliases) == {"Hillary Rodham Clinton", "Clinton"}


@needs_shared(POLNEAR)
def test_namesakes_stay_apart(polnear_store):
    store, linker = polnear_store
    eric = _speaker_of(store, "west-journal_2016-04-18_trump-s-son-says-the-battle-agai", "Eric Trump")
    bare = _speaker_of(store, "breitbart_2016-05-04_ann-coulter-and-then-there-was-t", "Trump")
    donald = _speaker_of(store, "nyt_2016-10-04_in-avoiding-tax-trump-is-merely-", "Donald J. Trump")
    assert len({eric, bare, donald}) == 3  # "Trump" alone, where nothing tells which, joins no one
    assert linker.speakers.same_speaker(eric, bare) is None
    # a pollster called Smith in a New Hampshire primary story is not the mother of a
    # Benghazi victim called Patricia Smith
    patricia = _speaker_of(store, "west-journal_2016-03-15_hillary-just-insulted-the-bengha", "Patricia Smith")
    assert _speaker_of(store, "politico_2016-03-07_how-donald-trump-scrambles-the-g", "Smith") != patricia
    assert linker.speakers.same_speaker(eric, donald) is False


def test_a_mr_jordan_and_a_jordan_smith_in_one_article_are_two_people():
    text = ("Jordan Smith, a teacher, said the school would reopen. Mr. Jordan, the head of the parents' "
            "association, said he was not so sure. \"We will see,\" Mr. Jordan said.")
    store = Store(":memory:")
    article = _article("jordans", text, 0)
    Linker(store).add(article, _attributions(article, [("Jordan Smith", "Jordan Smith"), ("Jordan", "Mr. Jordan")]),
                      [], "hand")
    assert _speaker_of(store, "jordans", "Jordan Smith") != _speaker_of(store, "jordans", "Jordan")


def test_same_speaker_says_true_false_or_not_known():
    store = Store(":memory:")
    linker = Linker(store)
    text = ("George W. Bush and George H. W. Bush spoke. Jeb Bush spoke. The spokesman spoke. "
            "The Justice Department said so. The FBI said so. Bush said so.")
    article = _article("bushes", text, 0)
    linker.add(article, _attributions(article, [
        ("George W. Bush", None), ("George H. W. Bush", None), ("the spokesman", "The spokesman"),
        ("Justice Department", "The Justice Department"), ("FBI", "The FBI")]), [], "hand")
    ids = {a.speaker: a.speaker_id for a in store.attributions(article="bushes")}
    same = linker.speakers.same_speaker
    assert same(ids["George W. Bush"], ids["George W. Bush"]) is True
    assert same(ids["George W. Bush"], ids["George H. W. Bush"]) is False
    assert same(ids["Justice Department"], ids["FBI"]) is False
    assert same(ids["the spokesman"], ids["George W. Bush"]) is None
    assert same(ids["FBI"], ids["George W. Bush"]) is None
    assert same(None, ids["FBI"]) is None


def test_replacing_and_relinking_leave_the_same_speakers():
    store, linker, breitbart, sputnik = seed_store()

    def snapshot():
        return sorted((a.id, a.speaker_id) for a in store.attributions()), sorted(
            (s.id, s.name, s.kind, tuple(s.aliases), s.attributions) for s in store.speakers())
    before = snapshot()
    linker.rebuild()
    assert snapshot() == before
    # the Breitbart report read again with other speakers: its old ones go, counts follow
    attributions = list(store.attributions(article=breitbart.id))
    for a in attributions:
        a.speaker_id = None
    attributions[1].speaker = "Abu Abdul Azim"
    breitbart.fingerprint = "changed"
    linker.add(breitbart, attributions, [], "hand")
    counts = dict(store.db.execute("SELECT speaker_id, COUNT(*) FROM attributions GROUP BY speaker_id"))
    for speaker in store.speakers():
        assert speaker.attributions == counts[speaker.id], speaker
    assert {s.name for s in store.speakers() if s.kind == "unknown"} == {
        "an unidentified Islamic State militant", "A second audio recording"}
    orphans = store.db.execute("SELECT COUNT(*) FROM attributions WHERE speaker_id IS NOT NULL"
                               " AND speaker_id NOT IN (SELECT id FROM speakers)").fetchone()[0]
    assert orphans == 0


@pytest.mark.parametrize("speaker, kind", [
    ("Nancy Pelosi", "person"), ("House Speaker Nancy Pelosi", "person"), ("Ms. Pelosi", "person"),
    ("the spokesman", "unknown"), ("an unidentified Islamic State militant", "unknown"), ("he", "unknown"),
    ("Critics", "unknown"), ("Hillary Clinton and Donald Trump", "unknown"), ("The New York Times", "organisation"),
    ("the Clinton campaign", "organisation"), ("Justice Department", "organisation"), ("DNC", "organisation"),
    ("former President Barack Obama", "person"),
])
def test_speaker_kinds(speaker, kind):
    assert speaker_kind(speaker) == kind


def test_names_of_one_person_agree_and_others_do_not():
    agree = [("Donald J. Trump", "Donald Trump"), ("Trump", "Donald J. Trump"), ("Crooked Hillary Clinton", "Hillary Clinton"),
             ("Attorney General Loretta E. Lynch", "Loretta Lynch"), ("Wasserman Schultz", "Debbie Wasserman Schultz"),
             ("Ms. Pelosi", "Nancy Pelosi"), ("George H.W. Bush", "George H. W. Bush")]
    differ = [("Eric Trump", "Donald Trump"), ("Donald Trump Jr.", "Donald Trump"), ("George W. Bush", "George H. W. Bush"),
              ("Bill Clinton", "Hillary Clinton"), ("Jordan Smith", "Mr. Jordan")]
    assert all(names_agree(parse_person(a), parse_person(b)) for a, b in agree)
    assert not any(names_agree(parse_person(a), parse_person(b)) for a, b in differ)
