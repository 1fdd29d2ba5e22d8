"""Stories and wire copies on real text: the story stage alone (no extraction) over ECB+
articles read from ../shared (skipped when absent), and the duplicate check on the seeds."""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

from newstrace.link import Linker
from newstrace.link.duplicates import similarity
from newstrace.link.stories import StoryIndex, Unit, average_link, linear_part, load_model, pair_score, pair_sums, scores
from newstrace.records import Article
from newstrace.store import Store

from conftest import SEEDS

ECB = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "ecbplus-dev"
needs_ecb = pytest.mark.skipif(not ECB.exists(), reason="../shared/corpora/ecbplus-dev not present")


def ecb_article(article_id: str, order: int) -> Article:
    text = (ECB / "text" / f"{article_id}.txt").read_text(encoding="utf-8")
    head, _, rest = text.partition("\n\n")
    return Article(id=article_id, text=text, title=head if rest and "\n" not in head else None, order=order,
                   fingerprint=hashlib.sha1(text.encode()).hexdigest())


def ecb_gold() -> dict[str, str]:
    rows = [json.loads(line) for line in (ECB / "stories.jsonl").read_text().splitlines() if line.strip()]
    return {r["article"]: r["story"] for r in rows}


def group(articles: list[Article]) -> tuple[Store, dict[str, list[str]]]:
    """Store ``articles`` and run the story stage over them in the given order."""
    store = Store(":memory:")
    index = StoryIndex(store.db)
    with store.transaction():
        for article in articles:
            store.put_article(article, [], [], "test")
        for article in articles:
            index.add(article)
    return store, {s.id: s.articles for s in store.stories()}


def bcubed_f1(gold: dict[str, str], stories: dict[str, list[str]]) -> float:
    sys.path.insert(0, str(ECB.parent.parent / "bench"))
    from stories_eval import score

    return score(gold, [{"id": k, "articles": v} for k, v in stories.items()])["bcubed"]["f1"]


# twin events of one topic: two actresses entering rehab, two Oscar hosts announced, two
# pin-up and film stars dying, two directors hired for a sequel, two arsons in Alaska
TWIN_TOPICS = ("1", "2", "4", "6", "13")


@needs_ecb
def test_twin_events_stay_apart_and_their_articles_together():
    gold = ecb_gold()
    chosen = []
    for topic in TWIN_TOPICS:
        for half in ("ecb", "ecbplus"):
            chosen += sorted(a for a, s in gold.items() if s == f"{topic}-{half}")[:5]
    articles = [ecb_article(a, n) for n, a in enumerate(chosen)]
    random.Random(7).shuffle(articles)
    _, stories = group(articles)
    for members in stories.values():
        assert len({gold[a] for a in members}) == 1, [gold[a] for a in members]  # never two twins in one story
    together = {}
    for members in stories.values():
        story = gold[members[0]]
        together[story] = max(together.get(story, 0), len(members))
    assert sum(together.values()) >= 0.8 * len(chosen), together


@needs_ecb
def test_same_grouping_gets_the_same_ids_in_any_order():
    gold = ecb_gold()
    chosen = sorted(a for a, s in gold.items() if s in ("1-ecb", "1-ecbplus"))
    first = [ecb_article(a, n) for n, a in enumerate(chosen)]
    second = list(reversed(first))
    _, one = group(first)
    _, other = group(second)
    by_members = {frozenset(v): k for k, v in other.items()}
    same = [k for k, v in one.items() if frozenset(v) in by_members]
    assert same and all(by_members[frozenset(one[k])] == k for k in same)


@needs_ecb
def test_ecbplus_dev_floor_and_adding_in_batches_gives_one_runs_stories():
    """The story stage alone over the 462 ecbplus-dev texts (no statements: nothing is
    extracted here), in input order; then the same articles added in two batches, the
    second shuffled: B-cubed F1 within the order spread of one run."""
    gold = ecb_gold()
    ids = sorted(gold)
    articles = [ecb_article(a, n) for n, a in enumerate(ids)]
    _, stories = group(articles)
    f1 = bcubed_f1(gold, stories)
    assert f1 >= 0.90, f1  # measured 0.918 (docs/stories.md)

    store = Store(":memory:")
    index = StoryIndex(store.db)
    half = len(articles) // 2
    later = articles[half:]
    random.Random(3).shuffle(later)
    for batch in (articles[:half], later):
        with store.transaction():
            for article in batch:
                store.put_article(article, [], [], "test")
                index.add(article)
    incremental = bcubed_f1(gold, {s.id: s.articles for s in store.stories()})
    assert abs(incremental - f1) <= 0.02, (incremental, f1)


def test_a_lightly_edited_wire_copy_is_a_duplicate_and_another_outlets_report_is_not():
    """The Breitbart seed report with 30 of its first 300 words changed and another
    headline is a copy of it; Sputnik's report of the same events is not."""
    original = (SEEDS / "000_17fc5a22881fa018.txt").read_text(encoding="utf-8")
    other = (SEEDS / "003_461b67336f7667d7.txt").read_text(encoding="utf-8")
    words = original.split(" ")
    for position in range(5, 300, 10):  # 30 words replaced, spread over the first 300
        words[position] = "changed"
    copy = "Islamic State urges attacks on Europe\n\n" + " ".join(words[1:])
    assert 0.75 <= similarity(original, copy) < 0.95
    store = Store(":memory:")
    linker = Linker(store)
    for n, (name, text) in enumerate((("breitbart", original), ("sputnik", other), ("copy", copy))):
        linker.add(Article(id=name, text=text, order=n, fingerprint=hashlib.sha1(text.encode()).hexdigest()),
                   [], [], "test")
    assert store.article("copy").duplicate_of == "breitbart"
    assert store.article("sputnik").duplicate_of is None
    # a copy never counts twice in its story's size
    story = store.story_of("copy")
    assert story == store.story_of("breitbart")
    size = store.db.execute("SELECT size FROM stories WHERE id=?", (story,)).fetchone()[0]
    assert size == len([a for a in store.articles(story=story) if not a.duplicate_of])


@needs_ecb
def test_a_story_that_holds_two_events_splits_and_the_part_with_its_anchor_keeps_the_id():
    """Tara Reid's and Lindsay Lohan's rehab stories (a twin topic) stored as one story, as an
    order of arrival could have made them; the next Lohan article clusters the story's
    articles again with it: two stories, the one that holds the earliest article keeps the
    id, the other is named after its own earliest article."""
    gold = ecb_gold()
    reid = sorted(a for a, s in gold.items() if s == "1-ecb")[:6]
    lohan = sorted(a for a, s in gold.items() if s == "1-ecbplus")[:7]
    store, stories = group([ecb_article(a, n) for n, a in enumerate(reid + lohan[:6])])
    index = StoryIndex(store.db)
    with store.transaction():  # merge whatever the stage made into one story
        units = [u for story in list(stories) for u in index._member_units(story)]
        merged = index._store_group(units, sorted(stories))
        for story in stories:
            if story != merged:
                index._drop(story)
    (only,) = [s.id for s in store.stories()]
    anchor = min(reid + lohan[:6])  # undated: the smallest id
    assert only == merged == _id_from(anchor)
    with store.transaction():
        last = ecb_article(lohan[6], 99)
        store.put_article(last, [], [], "test")
        index.add(last)
    after = {s.id: set(s.articles) for s in store.stories()}
    assert sorted(map(len, after.values())) == [6, 7], after
    keeps = next(k for k, v in after.items() if anchor in v)
    other = next(k for k, v in after.items() if anchor not in v)
    assert keeps == merged and other == _id_from(min(after[other]))
    assert {gold[a] for a in after[keeps]} == {gold[anchor]} and len({gold[a] for a in after[other]}) == 1


@needs_ecb
def test_a_story_whose_replaced_article_held_two_events_together_splits():
    """Tara Reid's and Lohan's rehab stories stored as one story; one Lohan article is taken
    out (a new version of it is coming): the story's articles are clustered again, two
    stories, the part with the anchor keeping the id."""
    gold = ecb_gold()
    reid = sorted(a for a, s in gold.items() if s == "1-ecb")[:6]
    lohan = sorted(a for a, s in gold.items() if s == "1-ecbplus")[:6]
    store, stories = group([ecb_article(a, n) for n, a in enumerate(reid + lohan)])
    index = StoryIndex(store.db)
    with store.transaction():
        units = [u for story in list(stories) for u in index._member_units(story)]
        merged = index._store_group(units, sorted(stories))
        for story in stories:
            if story != merged:
                index._drop(story)
    assert [s.id for s in store.stories()] == [merged]
    with store.transaction():
        index.remove(lohan[-1])
    after = {s.id: set(s.articles) for s in store.stories()}
    assert sorted(after.values(), key=len) == [set(lohan[:-1]), set(reid)], after
    anchor = min(reid + lohan)
    assert _id_from(anchor) == merged and anchor in after[merged]
    sizes = dict(store.db.execute("SELECT id, size FROM stories").fetchall())
    assert sorted(sizes.values()) == [5, 6]


def _id_from(article_id: str) -> str:
    return "t" + hashlib.blake2b(article_id.encode(), digest_size=6).hexdigest()


def test_a_groups_score_from_its_sums_is_the_average_over_its_pairs_of_articles():
    """What makes group-average linkage cheap: summed vectors give the average pair score."""
    vectors = [
        {"w": {"quake": 0.8, "iran": 0.6}, "t": {"quake": 1.0}, "n": {"qeshm": 1.0}, "d": {"n5.9": 1.0}, "y": {"y2008": 1.0},
         "when": {"2008-09-10": 0.8, "2008-09-09": 0.6}},
        {"w": {"quake": 0.6, "dubai": 0.8}, "t": {}, "n": {"dubai": 1.0}, "d": {}, "y": {"y2005": 1.0}},
        {"w": {"iran": 1.0}, "t": {"iran": 1.0}, "n": {"qeshm": 0.6, "iran": 0.8}, "d": {"n5.9": 1.0}, "y": {}},
        {"w": {"dubai": 1.0}, "t": {"tremor": 1.0}, "n": {}, "d": {}, "y": {"y2008": 1.0}, "when": {"2008-09-10": 1.0}},
    ]
    units = [Unit(sums=v, statements=Counter({"s1": 1}) if i % 2 else Counter(), article=str(i))
             for i, v in enumerate(vectors)]
    model = load_model()
    pair = scores(units, linear_part(pair_sums(units), model), model)
    summed = [Unit(sums={f: dict(Counter(a.sums.get(f, {})) + Counter(b.sums.get(f, {}))) for f in {*a.sums, *b.sums}},
                   size=2,
                   statements=a.statements + b.statements) for a, b in ((units[0], units[1]), (units[2], units[3]))]
    expected = (pair[0, 2] + pair[0, 3] + pair[1, 2] + pair[1, 3]) / 4
    assert abs(pair_score(summed[0], summed[1], model) - expected) < 1e-9
    assert average_link(units[:1], model) == [[0]]


POLNEAR = ECB.parent / "polnear"
POLNEAR_SETS = ("polnear-events", "polnear-windows2", "polnear-windows3", "polnear-windows4", "polnear-windows5")
# the least articles and events of several articles each set holds (windows5 is a short window)
POLNEAR_SET_SIZES = {"polnear-windows5": (65, 8)}


def test_the_polnear_story_sets_are_disjoint_dated_and_name_real_articles():
    # each set is scored as if blind: an article labelled in two sets would let one leak into the other
    bench = Path(__file__).resolve().parents[1] / "bench" / "stories"
    seen: dict[str, str] = {}
    for name in POLNEAR_SETS:
        rows = [json.loads(line) for line in (bench / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        least_rows, least_events = POLNEAR_SET_SIZES.get(name, (190, 15))
        assert len(rows) >= least_rows, name
        for row in rows:
            assert set(row) == {"article", "story", "published", "outlet"}, row
            assert row["article"] not in seen, (row["article"], seen.get(row["article"]), name)
            seen[row["article"]] = name
            assert row["published"] == row["article"].split("_")[1]
            if POLNEAR.exists():
                assert (POLNEAR / f"{row['article']}.txt").exists(), row["article"]
        sizes = Counter(row["story"] for row in rows)
        assert sum(1 for k in sizes.values() if k > 1) >= least_events, name  # events of several articles, not all alone


@pytest.mark.skipif(not (ECB.parent.parent / "bench" / "stories_eval.py").exists(), reason="../shared/bench not present")
def test_a_second_reading_of_polnear_windows5_agrees_with_its_labels():
    """polnear-windows5 labelled again by another reader (branch stories9), blind to the first
    labels' memberships: the same 65 articles, and the two labellings agree at a B-cubed F1
    of 0.980 (measured; docs/stories.md), far above the story stage's 0.861 on the set, so
    the issue's 0.93 on these sets asks for what a reader does, not for agreement with noise."""
    bench = Path(__file__).resolve().parents[1] / "bench" / "stories"
    first, second = ({r["article"]: r["story"] for r in map(json.loads, (bench / name).read_text(encoding="utf-8").splitlines())}
                     for name in ("polnear-windows5.jsonl", "polnear-windows5-second.jsonl"))
    assert set(first) == set(second) and len(first) == 65
    stories: dict[str, list[str]] = {}
    for article, story in second.items():
        stories.setdefault(story, []).append(article)
    assert sum(1 for v in stories.values() if len(v) > 1) == 9  # events of several articles in the second reading
    f1 = bcubed_f1(first, stories)
    assert f1 >= 0.97, f1  # measured 0.980


def polnear_article(name: str, order: int) -> Article:
    """A PolNeAR article by file name, dated as its name dates it."""
    path = next(POLNEAR.glob(f"*/text/{name}.txt"))
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n\n")
    return Article(id=name, text=text, title=head if rest and "\n" not in head else None, order=order,
                   published=name.split("_")[1], fingerprint=hashlib.sha1(text.encode()).hexdigest())


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/corpora/polnear not present")
@pytest.mark.parametrize("same_event, twin", [
    # "Saturday night's Republican debate" (Feb. 9) and the live blog of the debate "Saturday,
    # Feb. 6, 2016" (Feb. 7); the twin: the Democrats' debate "tonight" (Thursday, Feb. 11)
    (("huff-post_2016-02-07_the-latest-gop-debate-kicked-off", "nyt_2016-02-09_rubio-is-tested-as-republican-ri"),
     "politico_2016-02-11_things-to-watch-in-tonight-s-deb"),
    # "Monday's showdown at Hofstra" (Sept. 26) and "the first presidential debate Monday
    # night" (Sept. 27); the twin: the vice-presidential debate of Tuesday, Oct. 4
    (("west-journal_2016-09-26_rush-limbaugh-hillary-asking-mod", "huff-post_2016-09-27_hillary-clinton-goes-after-donal"),
     "west-journal_2016-10-05_pence-gives-gop-a-boost-with-sol"),
])
def test_reports_naming_one_event_day_in_other_words_join_and_a_twin_on_another_day_does_not(same_event, twin):
    articles = [polnear_article(name, n) for n, name in enumerate((*same_event, twin))]
    _, stories = group(articles)
    assert sorted(map(sorted, stories.values())) == sorted([sorted(same_event), [twin]]), stories


def test_event_dates_read_leap_days_outlet_names_and_tenses():
    from datetime import date

    from newstrace.link.event_dates import event_dates

    # (review) Feb. 29 with no year is a day of the leap year nearest publication
    assert event_dates("born on Feb. 29", date(2016, 3, 5)) == {"2016-02-29": 1}
    # "USA Today" is no day; "today" is
    assert event_dates("USA Today reported it. He said today that", date(2016, 3, 5)) == {"2016-03-05": 1}
    # "until Friday" says nothing of the tense: the Friday before a Saturday's report
    assert event_dates("The office stayed open until Friday.", date(2016, 3, 5)) == {"2016-03-04": 1}


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/corpora/polnear not present")
def test_polnear_windows2_floor_over_its_texts_alone():
    """The story stage alone over polnear-windows2's 200 dated articles (no statements: nothing
    is extracted here), in publication order: the whole set, then only the articles of its
    events of several articles (a dated multi-outlet stream without the articles alone)."""
    rows = [json.loads(line) for line in (Path(__file__).resolve().parents[1] / "bench" / "stories"
                                          / "polnear-windows2.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: (r["published"], r["article"]))
    gold = {r["article"].split("/")[-1]: r["story"] for r in rows}
    articles = [polnear_article(name, n) for n, name in enumerate(gold)]
    _, stories = group(articles)
    f1 = bcubed_f1(gold, stories)
    assert f1 >= 0.87, f1  # measured 0.893 (docs/stories.md, stories7)
    sizes = Counter(gold.values())
    events = [a for a in articles if sizes[gold[a.id]] > 1]
    _, stories = group(events)
    f1 = bcubed_f1({a.id: gold[a.id] for a in events}, stories)
    assert f1 >= 0.75, f1  # measured 0.781


@needs_ecb
def test_error_classes_agree_with_the_shared_scorer_and_divide_precision_lost():
    """``bench/stories_errors.py`` on a real grouping: ecbplus-dev with each topic's twin
    events put in one story (a grouping that merges every twin pair)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    sys.path.insert(0, str(ECB.parent.parent / "bench"))
    from stories_errors import error_classes
    from stories_eval import score

    gold = ecb_gold()
    merged = {a: s.split("-")[0] for a, s in gold.items()}  # "13-ecb", "13-ecbplus" -> "13"
    found = error_classes(gold, merged)
    stories: dict[str, list[str]] = {}
    for a, s in merged.items():
        stories.setdefault(s, []).append(a)
    expected = score(gold, [{"id": k, "articles": v} for k, v in stories.items()])["bcubed"]
    assert abs(found["f1"] - expected["f1"]) < 1e-3 and abs(found["precision"] - expected["precision"]) < 1e-3, (found, expected)
    assert found["recall"] == 1.0 and found["lost_r"] == 0.0  # merging splits nothing
    assert found["alone"] == 0 and found["lost_p_alone"] == 0.0  # every ecbplus-dev story has several articles
    assert abs(found["lost_p_events"] - (1 - found["precision"])) < 1e-9 and found["precision"] < 0.6
