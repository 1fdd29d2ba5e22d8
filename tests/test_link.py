"""Linking on the seed reports, with attribution spans placed by hand, so that these
tests check the linker alone, whatever the extractor finds."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from newstrace.extract.quotes import classify, quote_mask
from newstrace.link import Linker
from newstrace.link.statements import linking_text
from newstrace.link.normalize import american, mention_span, segments, shingles, tokens
from newstrace.records import Article, Attribution, span_text
from newstrace.store import Store

from conftest import SEEDS

ABU = "If we used to hold thousands of kilometers"
CRUSADERS = "rise against the"
BALI = "This is not a victory announcement"
MUJAHIR = "This slaughter in those two mosques"


def article(name: str, order: int, text: str | None = None, **meta) -> Article:
    text = text if text is not None else (SEEDS / f"{name}.txt").read_bytes().decode("utf-8")
    return Article(
        id=name, text=text, title=text.split("\n", 1)[0], order=order,
        fingerprint=hashlib.sha1(" ".join(text.casefold().split()).encode()).hexdigest(), **meta,
    )


def quote_at(a: Article, start_words: str, n: int, speaker: str) -> Attribution:
    """An attribution whose content is the quotation that starts with ``start_words``."""
    start = a.text.index(start_words)
    end = start
    mask = quote_mask(a.text)
    while end < len(a.text) and mask[end]:
        end += 1
    content = [(start, end)]
    return Attribution(
        id=f"{a.id}#a{n}", article=a.id, kind=classify(a.text, content, mask), source=[], cue=[],
        content=content, content_text=span_text(a.text, content), speaker=speaker,
    )


def seed_store() -> tuple[Store, Linker, Article, Article]:
    store = Store(":memory:")
    linker = Linker(store)
    breitbart = article("000_17fc5a22881fa018", 0, outlet="Breitbart", published="2019-03-20")
    sputnik = article("003_461b67336f7667d7", 1, outlet="Sputnik", published="2019-03-21")
    linker.add(breitbart, [
        quote_at(breitbart, CRUSADERS, 1, "an unidentified Islamic State militant"),
        quote_at(breitbart, ABU, 2, "Abu Abdul-Azim"),
    ], [], "hand")
    linker.add(sputnik, [
        quote_at(sputnik, MUJAHIR, 1, "Mujahir"),
        quote_at(sputnik, BALI, 2, "Mustafa Bali"),
        quote_at(sputnik, ABU, 3, "Abu Abdul-Azim"),
        quote_at(sputnik, CRUSADERS, 4, "A second audio recording"),
    ], [], "hand")
    return store, linker, breitbart, sputnik


def test_shared_quotes_become_one_statement_each():
    store, _, breitbart, sputnik = seed_store()
    shared = {s.text.split()[0]: s for s in store.statements() if len(s.mentions) > 1}
    assert set(shared) == {"If", "rise"}
    abu = shared["If"]
    assert abu.speaker == "Abu Abdul-Azim"
    assert abu.first_seen == breitbart.id  # published a day earlier
    assert [m.article for m in abu.mentions] == [breitbart.id, sputnik.id]
    # the quote was re-cased ("Other World" / "other world") and kept whole
    assert "Almighty God are different" in abu.text or "almighty God are different" in abu.text
    crusaders = shared["rise"]
    assert crusaders.speaker == "an unidentified Islamic State militant"
    singletons = [s for s in store.statements() if len(s.mentions) == 1]
    assert {s.speaker for s in singletons} == {"Mujahir", "Mustafa Bali"}


def test_a_quotation_in_doubled_apostrophes_joins_the_same_statement():
    """An archive's plain text (the New York Times' in PolNeAR) quotes ''like this'': the
    quoted words, not the reporter's frame around them, are the wording linked."""
    store, linker, breitbart, _ = seed_store()
    abu = next(s for s in store.statements() if s.text.startswith("If we used"))
    quoted = abu.text[:abu.text.index(",")]  # "If we used to hold thousands of kilometers ..."
    text = f"A militant said in the video that ''{quoted}'' and that the fight was not over."
    times = article("nyt-style", 2, text=text, outlet="The New York Times")
    content = [(text.index("that"), len(text) - 1)]
    a = Attribution(id="nyt-style#a1", article=times.id, kind=classify(text, content), source=[], cue=[],
                    content=content, content_text=span_text(text, content), speaker="Abu Abdul-Azim")
    assert a.kind == "mixed"
    assert linking_text(text, a, quote_mask(text)) == [quoted]
    linker.add(times, [a], [], "hand")
    again = next(s for s in store.statements() if s.id == abu.id)
    assert [m.article for m in again.mentions][-1] == "nyt-style"


def test_first_seen_falls_back_to_input_order_without_dates():
    store = Store(":memory:")
    linker = Linker(store)
    later = article("003_461b67336f7667d7", 0)
    earlier = article("000_17fc5a22881fa018", 1)
    linker.add(later, [quote_at(later, ABU, 1, "Abu Abdul-Azim")], [], "hand")
    linker.add(earlier, [quote_at(earlier, ABU, 1, "Abu Abdul-Azim")], [], "hand")
    (statement,) = store.statements()
    assert statement.first_seen == later.id


def test_seed_reports_make_one_story_and_an_unrelated_article_another():
    store, linker, _, _ = seed_store()
    other_text = (
        "Magnitogorsk apartment building collapses after explosion\n\n"
        "An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of Russia. "
        "A suspected gas leak led to an explosion, followed by the ten-storey building coming down. "
        "A total of 39 are confirmed dead, officials told state media."
    )
    linker.add(article("wikinews-magnitogorsk", 2, other_text, published="2019-01-04"), [], [], "hand")
    stories = list(store.stories())
    assert sorted(len(s.articles) for s in stories) == [1, 2]
    baghuz = next(s for s in stories if len(s.articles) == 2)
    assert baghuz.label.startswith("Crumbling Islamic State")


def test_an_untitled_article_names_its_story_by_its_names_and_words_on_one_line():
    # a JSONL record without a title (the Wikinews export's layout: dateline, blank lines):
    # the label is the story's key names and words, never the opening characters
    store = Store(":memory:")
    text = ("Saturday, January 12, 2019 \n\n\nA United-States-based team of scientists released "
            "a report on Friday on the decline of insects in the American Midwest.")
    untitled = article("wn:10", 0, text)
    untitled.title = None
    Linker(store).add(untitled, [], [], "hand")
    (story,) = store.stories()
    assert story.label.startswith("American Midwest: ") and "insects" in story.label
    assert "\n" not in story.label and not story.label.startswith("Saturday")


def test_running_an_article_again_changes_nothing():
    store, linker, breitbart, _ = seed_store()
    before = [(s.id, s.text, len(s.mentions)) for s in store.statements()]
    stories_before = [(s.id, s.articles) for s in store.stories()]
    linker.add(breitbart, [
        quote_at(breitbart, CRUSADERS, 1, "an unidentified Islamic State militant"),
        quote_at(breitbart, ABU, 2, "Abu Abdul-Azim"),
    ], [], "hand")
    assert [(s.id, s.text, len(s.mentions)) for s in store.statements()] == before
    assert [(s.id, s.articles) for s in store.stories()] == stories_before


def test_a_republished_copy_is_a_duplicate_in_the_same_story():
    store, linker, breitbart, _ = seed_store()
    copy_text = breitbart.text.replace("Please let us know if you're having issues with commenting.", "")
    copy = article("copy-of-000", 5, copy_text, outlet="Some Aggregator")
    linker.add(copy, [], [], "hand")
    stored = store.article("copy-of-000")
    assert stored.duplicate_of == breitbart.id
    assert store.story_of("copy-of-000") == store.story_of(breitbart.id)


def test_relink_rebuilds_the_same_links():
    store, linker, _, _ = seed_store()
    before = sorted((s.id, len(s.mentions), s.first_seen) for s in store.statements())
    linker.rebuild()
    assert sorted((s.id, len(s.mentions), s.first_seen) for s in store.statements()) == before
    assert len(list(store.stories())) == 1


# --- normalisation ------------------------------------------------------------------

words = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), min_size=3, max_size=30)


@given(words, st.sampled_from(['"{}"', "“{}”", "{}", "‘{}’", "''{}''", "``{}''"]), st.booleans())
def test_case_and_quotation_marks_do_not_change_a_wording(ws, quoting, upper):
    text = " ".join(ws)
    variant = quoting.format(text.upper() if upper else text)
    assert segments(variant) == segments(text)
    assert shingles([variant]) == shingles([text])


@given(words, st.integers(min_value=1, max_value=29))
def test_a_truncated_wording_shares_only_shingles_of_the_whole(ws, cut):
    cut = min(cut, len(ws) - 1)
    whole = shingles([" ".join(ws)])
    trimmed = shingles([" ".join(ws[:cut]) + " … " + " ".join(ws[cut:])])
    assert trimmed <= whole


def test_replacing_an_article_whose_statement_others_still_quote():
    """The Breitbart report opens the Abu Abdul-Azim statement (its id comes from the
    attribution "000_…#a2"); Sputnik quotes it too. Re-extracted (another model), the
    report's "#a2" is now another quote: the old statement stays for Sputnik, and the new
    quote opens a statement of its own under another id, where it once hit the unique id."""
    store, linker, breitbart, sputnik = seed_store()
    (abu,) = [s for s in store.statements() if ABU.casefold() in s.text.casefold()]
    first_id = abu.id
    linker.add(breitbart, [quote_at(breitbart, "What is our crime", 2, "Abu Abdul-Azim")], [], "other model")
    statements = {s.id: s for s in store.statements()}
    assert {m.article for m in statements[first_id].mentions} == {sputnik.id}
    (crime,) = [s for s in statements.values() if "what is our crime" in s.text.casefold()]
    assert crime.id != first_id and {m.article for m in crime.mentions} == {breitbart.id}
    # and back: the first wording links to the surviving statement again, nothing is lost
    linker.add(breitbart, [quote_at(breitbart, ABU, 2, "Abu Abdul-Azim")], [], "hand")
    statements = {s.id: s for s in store.statements()}
    assert {m.article for m in statements[first_id].mentions} == {breitbart.id, sputnik.id}
    assert not any("what is our crime" in s.text.casefold() for s in statements.values())


def _id_from(article_id: str) -> str:
    return "t" + hashlib.blake2b(article_id.encode(), digest_size=6).hexdigest()


def test_replacing_an_article_whose_story_others_still_hold():
    """The same for stories: a story's id is made from its anchor, its earliest article by
    (published, id), here Breitbart's report (a day before Sputnik's). Replaced by a text
    about something else, the report leaves: the story that Sputnik's report keeps is
    named after its new anchor, and the replacement opens a story of its own."""
    store, linker, breitbart, sputnik = seed_store()
    (story,) = store.stories()
    assert story.id == _id_from(breitbart.id)
    other = ("Magnitogorsk apartment building collapses after explosion\n\n"
             "An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of Russia. "
             "A suspected gas leak led to an explosion, followed by the ten-storey building coming down.")
    linker.add(article(breitbart.id, breitbart.order, other, published="2019-01-04"), [], [], "hand")
    stories = {s.id: s.articles for s in store.stories()}
    assert stories == {_id_from(sputnik.id): [sputnik.id], _id_from(breitbart.id): [breitbart.id]}
    assert store.story_of(breitbart.id) != store.story_of(sputnik.id)


def _groups(store: Store) -> set[frozenset[str]]:
    return {frozenset(m.attribution for m in s.mentions) for s in store.statements()}


def test_a_quotation_that_holds_two_statements_is_a_mention_of_each_never_a_bridge():
    """Two sentences of one statement, quoted apart by two articles and together by a
    third, are two statements in whatever order the articles come; the third quotation is
    a mention of both, each over its own words, and replacing its article leaves the two
    as a first run without it would."""
    first = '"The river rose over the old stone bridge before dawn on Monday," the mayor said.'
    second = '"Hundreds of families left their homes in the lower town by noon," she said.'
    both = ('"The river rose over the old stone bridge before dawn on Monday. '
            'Hundreds of families left their homes in the lower town by noon," the mayor said.')
    for order in ([("a", first), ("b", second), ("c", both)], [("c", both), ("a", first), ("b", second)]):
        store = Store(":memory:")
        linker = Linker(store)
        for n, (name, text) in enumerate(order):
            x = article(name, n, text)
            linker.add(x, [quote_at(x, x.text[1:12], 1, "the mayor")], [], "hand")
        assert _groups(store) == {frozenset({"a#a1", "c#a1"}), frozenset({"b#a1", "c#a1"})}, order
        held = store.attribution_mentions("c")["c#a1"]
        text = store.article("c").text
        spans = sorted(text[s:e] for s, e in (mention_span(text, *h[1:]) for h in held))
        assert spans == ["Hundreds of families left their homes in the lower town by noon",
                         "The river rose over the old stone bridge before dawn on Monday"]
        # the attribution's one statement: of two quoted as often, the one covering most of its words
        (c,) = store.attributions(article="c")
        assert c.statement == next(s for s, *_ in held if s in {st.id for st in store.statements()
                                                                 if any(m.article == "b" for m in st.mentions)})

    linker.add(article("c", 0, "Nothing was said about the river."), [], [], "hand")
    assert _groups(store) == {frozenset({"a#a1"}), frozenset({"b#a1"})}
    linker.rebuild()
    assert _groups(store) == {frozenset({"a#a1"}), frozenset({"b#a1"})}


def test_replacing_an_article_links_the_rest_as_a_first_run_would():
    """The seed store with Breitbart's quotes replaced: the statements are those of a
    rebuild from what is stored, with the same ids for those that stay."""
    store, linker, breitbart, sputnik = seed_store()
    linker.add(breitbart, [quote_at(breitbart, "What is our crime", 2, "Abu Abdul-Azim")], [], "other model")
    incremental = {s.id: (frozenset(m.attribution for m in s.mentions), s.text, s.speaker, s.first_seen)
                   for s in store.statements()}
    linker.rebuild()
    rebuilt = {frozenset(m.attribution for m in s.mentions): (s.text, s.speaker, s.first_seen)
               for s in store.statements()}
    assert {k: tuple(v) for k, *v in incremental.values()} == rebuilt


def test_a_statements_speaker_counts_short_forms_for_the_fuller_name():
    """Three outlets quote one line: one names "General Anna Petrov", two say "Petrov".
    The statement is hers under the fullest name, not "Petrov" by two mentions to one; a
    surname that fits two people ("Petrov": Anna, Ivan) stays apart."""
    quote = '"We will hold the line in the north until the convoys have crossed," {} said.'
    store = Store(":memory:")
    linker = Linker(store)
    for n, who in enumerate(["General Anna Petrov", "Petrov", "Petrov"]):
        a = article(f"p{n}", n, quote.format(who))
        linker.add(a, [quote_at(a, "We will hold", 1, who)], [], "hand")
    (statement,) = store.statements()
    assert len(statement.mentions) == 3 and statement.speaker == "General Anna Petrov"

    for n, who in enumerate(["Ivan Petrov", "Ivan Petrov"], 3):
        a = article(f"p{n}", n, quote.format(who))
        linker.add(a, [quote_at(a, "We will hold", 1, who)], [], "hand")
    (statement,) = store.statements()
    # "Petrov" (2) could be either; Ivan Petrov (2) ties it and is the fuller name
    assert statement.speaker == "Ivan Petrov"


LINES = [
    "The river rose over the old stone bridge before dawn on Monday",
    "Hundreds of families left their homes in the lower town by noon",
    "The army sent boats and trucks to the villages along the valley",
    "We expect the water to fall slowly over the next three days",
    "Nobody should return home until the engineers have checked the walls",
]


@settings(deadline=None)  # the first example loads spaCy's stop words
@given(st.lists(st.tuples(st.integers(0, 5), st.lists(st.integers(0, 4), min_size=0, max_size=3)),
                min_size=1, max_size=12))
def test_linking_article_by_article_gives_what_a_rebuild_gives(steps):
    """Any sequence of articles stored and replaced (each quoting one or more of a few
    lines, joined in one quotation): the statements, as groups of mentions each with its
    words, are those of linking what is stored from scratch; every statement has a
    mention and every mention's statement exists."""
    store = Store(":memory:")
    linker = Linker(store)
    for name, picks in steps:
        quote = ". ".join(LINES[i] for i in picks)
        text = f'Report {name}.\n"{quote}," the mayor said.' if picks else f"Report {name}.\nNo quote."
        a = article(f"n{name}", name, text)
        linker.add(a, [quote_at(a, quote[:10], 1, "the mayor")] if picks else [], [], "hand")

    def state():
        out = set()
        for statement in store.statements():
            assert statement.mentions
            held = frozenset((m.attribution, lo, hi) for m in statement.mentions
                             for s_, _, _, lo, hi in store.attribution_mentions(m.article)[m.attribution]
                             if s_ == statement.id)
            out.add((held, statement.text))
        ids = {s.id for s in store.statements()}
        assert all(a.statement in ids for a in store.attributions() if a.statement)
        return out

    incremental = state()
    linker.rebuild()
    assert state() == incremental


def test_a_short_shared_phrase_links_only_one_speaker_or_one_story():
    """Wikinews, 2019: the Watch Tower Society on "sexual abuse in the religious
    congregation", and Pope Francis days later on reporting "cases of sexual abuse in the
    religious congregation to the higher church authorities": six words, two speakers in
    two stories, two statements. The same words from one named speaker are one; from an
    unnamed "he", one only where the two articles tell one story."""
    short = 'The society said it treats "sexual abuse in the religious congregation" as a sin.'
    long = ('The pope ordered "cases of sexual abuse in the religious congregation to the higher '
            'church authorities" to be reported.')
    story = " Pope Francis spoke in Vatican City to the Synod of Bishops."
    for first, second, context, one in [
            ("the Watch Tower Society", "the leader of Roman Catholic Christianity", "", False),
            ("Pope Francis", "Francis", "", True), ("Pope Francis", "he", "", False),
            ("Pope Francis", "he", story, True), ("Pope Francis", "Cardinal Pell", story, False)]:
        store = Store(":memory:")
        linker = Linker(store)
        a, b = article("a", 0, short + context), article("b", 1, long + context)
        linker.add(a, [quote_at(a, "sexual abuse", 1, first)], [], "hand")
        linker.add(b, [quote_at(b, "cases of", 1, second)], [], "hand")
        assert (len(list(store.statements())) == 1) is one, (first, second, context)


def test_an_unknown_speakers_short_phrase_joins_no_one_and_a_quotation_of_two_bridges_nothing():
    """PolNeAR train, 2016: "the former secretary of state" as the older voters', as
    Trump's, and "the former secretary of state all the same" from "they", in three
    unrelated articles: too short and too common to trace, three statements. A quotation
    that holds two long passages of two speakers is a mention of each, and the two stay
    two."""
    store = Store(":memory:")
    linker = Linker(store)
    for n, (who, words) in enumerate([("the older population", "the former secretary of state"),
                                      ("Trump", "the former secretary of state"),
                                      ("they", "the former secretary of state all the same")]):
        a = article(f"f{n}", n, f'Voters backed "{words}" in the poll.')
        linker.add(a, [quote_at(a, words[:10], 1, who)], [], "hand")
    assert _groups(store) == {frozenset({"f0#a1"}), frozenset({"f1#a1"}), frozenset({"f2#a1"})}

    long_a = "the river rose over the old stone bridge before dawn"
    long_b = "hundreds of families left their homes in the lower town"
    store = Store(":memory:")
    linker = Linker(store)
    for n, (who, words) in enumerate([("the mayor", long_a), ("the governor", long_b),
                                      ("they", f"{long_a} and {long_b}")]):
        a = article(f"g{n}", n, f'Reports said "{words}" on Monday.')
        linker.add(a, [quote_at(a, words[:10], 1, who)], [], "hand")
    assert _groups(store) == {frozenset({"g0#a1", "g2#a1"}), frozenset({"g1#a1", "g2#a1"})}


def test_a_short_paraphrase_links_only_speakers_both_sides_name():
    """An indirect attribution's words are the reporter's: "the rest of the world" from
    "we" does not join Rand Paul's statement that U.S. military spending dwarfs that of the
    rest of the world (PolNeAR train, 2016); the same short paraphrase of one named
    speaker in two articles is one statement."""
    def paraphrase(a: Article, words: str, speaker: str) -> Attribution:
        s = a.text.index(words)
        content = [(s, s + len(words))]
        return Attribution(id=f"{a.id}#a1", article=a.id, kind="indirect", source=[], cue=[], content=content,
                           content_text=words, speaker=speaker)

    paul = "U.S. military spending dwarfs that of the rest of the world"
    for speaker, one in [("we", False), (None, False), ("Rand Paul", True), ("Paul", True)]:
        store = Store(":memory:")
        linker = Linker(store)
        a = article("paul", 0, f"Rand Paul said {paul}.")
        b = article("other", 1, "We cannot police the rest of the world, we said.")
        linker.add(a, [paraphrase(a, paul, "Rand Paul")], [], "hand")
        linker.add(b, [paraphrase(b, "the rest of the world", speaker)], [], "hand")
        assert (len(list(store.statements())) == 1) is one, speaker


def test_wordings_that_each_add_quotes_of_their_own_link_on_ten_words_in_a_row():
    """PolNeAR train, 2015-2016: one outlet quotes Trump's "A lot will have to do with
    Israel ..." followed by "They may not be ...", another has "I have a real question ..."
    before it. Neither wording holds three quarters of the other, but they share the same
    ten words and more in a row: one statement, whoever the articles say spoke them (a
    quote given to the wrong person is still the same words). Seven words in a row are
    not enough."""
    shared = ("A lot will have to do with Israel and whether or not Israel wants to make the deal, "
              "whether or not Israel's willing to sacrifice certain things.")
    before = "I have a real question as to whether or not both sides want to make it, and I think both sides must."
    after = ("They may not be, and I understand that, and I'm okay with that. "
             "But then you're just not going to have a deal.")
    # seven words in a row: "a lot will have to do with"
    seven_a, seven_b = "A lot will have to do with Israel, of course.", "A lot will have to do with money, of course."
    cases = [(shared, shared, "Donald Trump", "Trump", True),
             (shared, shared, "Donald Trump", None, True),
             (shared, shared, "Donald Trump", "Benjamin Netanyahu", True),
             (seven_a, seven_b, "Donald Trump", "Trump", False)]
    for middle_a, middle_b, first, second, one in cases:
        store = Store(":memory:")
        linker = Linker(store)
        a = article("a", 0, f'Trump told them: "{middle_a} {after}"')
        b = article("b", 1, f'He said: "{before} {middle_b}"')
        linker.add(a, [quote_at(a, middle_a[:12], 1, first)], [], "hand")
        linker.add(b, [quote_at(b, before[:12], 1, second)], [], "hand")
        assert (len(list(store.statements())) == 1) is one, (middle_b[:30], second)


# --- the grain, variants and hard negatives (PRODUCT.md, "What a statement is") ----------

def _link_pairs(pairs: list[tuple[str, str, str, str]], story: str = "") -> list[bool]:
    """For each (quotation, speaker, other quotation, other speaker), whether the two
    articles quoting them (each ending with ``story``) get one statement."""
    out = []
    for first, who, second, other in pairs:
        store = Store(":memory:")
        linker = Linker(store)
        for n, (quote, speaker) in enumerate([(first, who), (second, other)]):
            a = article(f"v{n}", n, f'The report said: "{quote}" That was all.{story}')
            linker.add(a, [quote_at(a, quote[:6], 1, speaker)], [], "hand")
        out.append(len(_groups(store)) == 1)
    return out


def test_variants_of_one_statement_link():
    """Truncated, re-cased, re-punctuated, curly and straight marks, an ellipsis for
    dropped words, one word changed, British and American spelling, a contraction."""
    abu = "If we used to hold thousands of kilometers and now only a few kilometers remain"
    assert all(_link_pairs([
        (abu + ", it is said that we lost.", "Abu Abdul-Azim", abu.upper(), "he"),
        (abu + ".", "Abu Abdul-Azim", "If we used to hold thousands of kilometers … a few kilometers remain",
         "Abu Abdul-Azim"),
        ("We will rebuild the bridge before the winter comes to the valley", "the mayor",
         "We would rebuild the bridge before the winter comes to the valley", "the mayor"),
        ("He probably realised if he didn't, he was going to be shot", "Ted Lee",
         "He probably realized if he did not, he was going to be shot", "Lee"),
        ("This is a sad day for the Kraft Foods family", "the company",
         "This is a sad time for the Kraft Foods family", "a statement"),
        ("rise against the Crusaders and take revenge for your religion", "a militant",
         "Rise against the crusaders ... take revenge for your religion!", "a second recording"),
    ], story=" Fighters in Baghuz told Reuters and the Associated Press of Syrian Democratic Forces.")) is True


def test_hard_negatives_stay_apart():
    """ECB+ and PolNeAR hard negatives: a set phrase from two speakers; a line and the
    retort that echoes it; a short talking point from two people in two stories."""
    assert _link_pairs([
        ("They are a very close family.", "Lon Wood", "We were a very close family.", "Singh"),
        ("There's a special place in hell for women who don't help each other.", "Madeleine Albright",
         "There is a special place in hell for women who vote for women just because they're women.",
         "a Christie supporter"),
        ("temperamentally unfit to be commander in chief", "Hillary Clinton",
         "He is temperamentally unfit to be commander in chief", "Rucker Culpepper"),
    ]) == [False, False, False]


def test_a_statements_trail_marks_the_first_appearance_copies_and_relays():
    """Three outlets quote Abu Abdul-Azim: Breitbart first, Sputnik citing it, and a
    republished copy of the Breitbart report."""
    store, linker, breitbart, sputnik = seed_store()
    copy = article("copy-of-000", 5, breitbart.text.replace("Please let us know", "Tell us"),
                   outlet="Some Aggregator", published="2019-03-22")
    linker.add(copy, [quote_at(copy, ABU, 1, "Abu Abdul-Azim")], [], "hand")
    store.db.execute("INSERT INTO citations(article, outlet, cue, kind, start, end) VALUES (?,?,?,?,?,?)",
                     (sputnik.id, "Breitbart", "reported", "media", 0, 5))
    (abu,) = [s for s in store.statements() if ABU.casefold() in s.text.casefold()]
    trail = store.statement_trail(abu.id)
    assert [(t["article"], t["first"], t["copy_of"], t["via"]) for t in trail] == [
        (breitbart.id, True, None, None), (sputnik.id, False, None, "Breitbart"),
        ("copy-of-000", False, breitbart.id, None)]


words_or_marks = st.lists(st.sampled_from(["we", "will", "rise", "colour", "don't", "it's", "U.S.", "…",
                                           "...", ",", "Colour", "realised", "“", "”", "'"]), max_size=20)


@given(words_or_marks)
def test_tokens_are_normal_and_point_into_the_text(parts):
    text = " ".join(parts)
    found = tokens(text)
    assert all(text[s:e].strip() for _, s, e in found)  # each token covers characters of the text
    assert [w for w, _, _ in found] == [w for w, _, _ in tokens(text.upper().replace("“", '"'))]
    assert not found or (found[0][0] != "…" and found[-1][0] != "…")
    assert all(american(w) == w for w, _, _ in found)  # normal forms are fixed points


def _linked(steps: list[tuple[int, list[tuple[int, int, int]]]], local: bool) -> set:
    """Statements (mentions with their words, text, speaker, first appearance) and each
    attribution's statement after linking ``steps``: (article, [(line, first word, last
    word), ...]) each one quotation of pieces of LINES, by one of two speakers."""
    from newstrace.link import LinkerSettings, LinkSettings

    store = Store(":memory:")
    linker = Linker(store, LinkerSettings(statements=LinkSettings(local=local)))
    for name, picks in steps:
        quote = ". ".join(" ".join(LINES[i].split()[lo:hi]) for i, lo, hi in picks)
        who = "the mayor" if name % 2 else "Anna Petrov"
        text = f'Report {name}.\n"{quote}," {who} said.' if picks else f"Report {name}.\nNo quote."
        a = article(f"n{name}", name, text, published=f"2019-03-{10 + name % 3}")
        linker.add(a, [quote_at(a, quote[:8], 1, who)] if picks else [], [], "hand")
    out = set()
    for statement in store.statements():
        held = frozenset((m.attribution, lo, hi) for m in statement.mentions
                         for s_, _, _, lo, hi in store.attribution_mentions(m.article)[m.attribution]
                         if s_ == statement.id)
        out.add((held, statement.text, statement.speaker, statement.first_seen))
    pointed = {a.id: a.statement for a in store.attributions()}
    names = {s.id: frozenset(m.attribution for m in s.mentions) for s in store.statements()}
    return out | {("points", frozenset((a, names.get(s)) for a, s in pointed.items()))}


@settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.integers(0, 7), st.lists(
    st.tuples(st.integers(0, 4), st.integers(0, 3), st.integers(9, 12)), min_size=0, max_size=2)),
    min_size=1, max_size=14))
def test_placing_a_new_wording_among_its_neighbours_gives_what_cutting_its_family_whole_gives(steps):
    """A new wording is placed from its neighbours' passages when that changes no other
    wording's (``LinkSettings.local``); any sequence of articles (stored and replaced,
    quoting truncated pieces of a few lines, alone and together) gives what cutting each
    family whole every time gives."""
    assert _linked(steps, local=True) == _linked(steps, local=False)


def test_an_attribution_of_two_statements_points_to_the_one_quoted_more_often():
    """'"A," the mayor said. "B."': one attribution whose fragments hold two statements
    that other articles quote apart. Its one ``statement`` (what a reader follows from it;
    ``statements`` lists both) is the one quoted more often, though B has more words; when
    B comes to be quoted more often, it points to B."""
    a, b = LINES[0], LINES[3] + " and the roads will open again on Friday"
    store = Store(":memory:")
    linker = Linker(store)
    text = f'Report z.\n"{a}," the mayor said. "{b}."'
    z = article("z", 0, text)
    content = [(text.index(a) - 1, text.index(a) + len(a) + 2), (text.index(b) - 1, len(text))]
    both = Attribution(id="z#a1", article="z", kind="direct", source=[], cue=[], content=content,
                       content_text=span_text(text, content), speaker="the mayor")
    linker.add(z, [both], [], "hand")
    for n, line in enumerate([a, a, b, b, b], 1):
        x = article(f"x{n}", n, f'Report x{n}.\n"{line}," the mayor said.')
        linker.add(x, [quote_at(x, line[:10], 1, "the mayor")], [], "hand")
        statements = {s.id: s for s in store.statements()}
        (pointed,) = store.attributions(article="z")
        quoted = statements[pointed.statement].text
        assert quoted.startswith(LINES[0] if n < 4 else LINES[3]), (n, quoted)
    assert len(store.attribution_mentions("z")["z#a1"]) == 2


def test_speaker_ids_join_one_persons_names_and_part_namesakes():
    """A short line (nine words, too short to link whoever speaks): "Trump" in an article
    about Ivanka Trump is hers, and "Donald Trump" saying the same words is another
    person's statement; "Labour's Mr Livingstone" and "Ken Livingstone" are one person's
    (the speaker index joins them), though the names alone would part them."""
    def groups(cases):
        store = Store(":memory:")
        linker = Linker(store)
        for n, (text, who) in enumerate(cases):
            a = article(f"t{n}", n, text)
            linker.add(a, [quote_at(a, text[text.index('"') + 1:][:10], 1, who)], [], "hand")
        return _groups(store)

    line = "the best is yet to come for our family"
    assert groups([(f'Ivanka Trump spoke in New York. "{line}," Ivanka Trump said.', "Ivanka Trump"),
                   (f'Ivanka Trump spoke in New York. "{line}," Trump said.', "Trump"),
                   (f'Donald Trump spoke in Ohio. "{line}," Donald Trump said.', "Donald Trump")]) == {
        frozenset({"t0#a1", "t1#a1"}), frozenset({"t2#a1"})}
    # ECB+ (2012): the index keeps a misspelt name and a first name alone apart for want
    # of evidence, not because they are two people: the names may be one
    court = '"We will see them in court," said Andrew'
    assert groups([(f"The group sued on Monday. {court} Wetzler.", "Andrew Wetzler"),
                   (f"The group will sue. {court} Welzler.", "Andrew Welzler")]) == {frozenset({"t0#a1", "t1#a1"})}
    assert groups([('Kafoury spoke of his wife. "She was an essential point of our lives," Charlie Kafoury said.',
                    "Charlie Kafoury"),
                   ('Her husband Charlie spoke. "She was an essential point of our lives," Charlie said.',
                    "Charlie")]) == {frozenset({"t0#a1", "t1#a1"})}
    line = "we will not let the Olympics go to waste"
    assert groups([(f'Ken Livingstone, the Labour mayor, spoke in London. "{line}," Ken Livingstone said.',
                    "Ken Livingstone"),
                   (f'The mayor, Ken Livingstone, spoke. "{line}," said Labour\'s Mr Livingstone.',
                    "Labour's Mr Livingstone")]) == {frozenset({"t0#a1", "t1#a1"})}


def test_a_short_quotation_links_a_longer_one_of_the_same_article():
    """PolNeAR dev (HuffPost, 2016-09-20): the article quotes "this is not who we are"
    from "the former secretary of state", then the longer "Maybe I can ... this is not who
    we are" from Hillary Clinton: the speaker evidence of the later fragment reads the
    earlier fragment of the same article (one story, a description that may be her)."""
    short = "this is not who we are"
    long = "Maybe I can, by speaking directly to white people, say, look, this is not who we are"
    text = (f'Clinton spoke in Philadelphia on Monday. She said "{short}." Later, in Philadelphia, '
            f'Clinton added: "{long}," Hillary Clinton said.')
    a = article("hp", 0, text)
    store = Store(":memory:")
    Linker(store).add(a, [quote_at(a, short[:10], 1, "the former secretary of state"),
                          quote_at(a, long[:10], 2, "Hillary Clinton")], [], "hand")
    assert _groups(store) == {frozenset({"hp#a1", "hp#a2"})}


def test_a_group_at_a_sentence_start_is_no_name_that_parts_the_same_words():
    """ECB+ dev, the Wasilla Bible Church fire (2008): the fire chief James Steele's
    "We are definitely treating it as suspicious and as potential arson at this point",
    and another outlet's "Authorities described the fire as “suspicious and as potential
    arson.”" The capitalised "Authorities" is a group, not a named person clearly other
    than Steele, so the repeated words, too short to trace alone, are one statement where the
    two articles tell one story; two named people stay two."""
    story = " The fire broke out at the Wasilla Bible Church in Wasilla, Alaska, on Friday night."
    chief = ('"We are definitely treating it as suspicious and as potential arson at this point," '
             'James Steele, chief of the Central Mat-Su Fire Department, said.')
    group = 'Authorities described the fire as "suspicious and as potential arson."'
    for who, one in [("Authorities", True), ("Sarah Palin", False)]:
        store = Store(":memory:")
        linker = Linker(store)
        a, b = article("steele", 0, chief + story), article("group", 1, group + story)
        linker.add(a, [quote_at(a, "We are definitely", 1, "James Steele")], [], "hand")
        linker.add(b, [quote_at(b, "suspicious and", 1, who)], [], "hand")
        assert (len(list(store.statements())) == 1) is one, who
