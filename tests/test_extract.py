"""The extract stage's promises that the rest of the pipeline relies on."""

from __future__ import annotations

from newstrace.extract import analyse, extract_spans
from newstrace.records import Article

from conftest import SEEDS, SHARED, needs_shared


def seed_texts() -> list[str]:
    return [p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def test_an_articles_attributions_do_not_depend_on_its_neighbours():
    # a resumed run starts its batches elsewhere; results must not move with them
    first, second = seed_texts()
    together = extract_spans([first, second, first])
    assert together[0] == together[2] == extract_spans([first])[0]
    assert together[1] == extract_spans([second])[0]


def test_every_attribution_has_content_and_offsets_inside_the_text():
    for text, found in zip(seed_texts(), extract_spans(seed_texts())):
        assert found
        for a in found:
            assert a.content
            for s, e in a.source + a.cue + a.content:
                assert 0 <= s < e <= len(text)


def test_analysis_gives_kinds_speakers_and_ids_in_reading_order():
    text = seed_texts()[1]
    (analysis,) = analyse([Article(id="003", text=text)])
    ids = [a.id for a in analysis.attributions]
    assert ids == sorted(ids, key=lambda i: int(i.split("#a")[1]))
    starts = [min(s for s, _ in a.content + a.cue + a.source) for a in analysis.attributions]
    assert starts == sorted(starts)
    assert {a.kind for a in analysis.attributions} <= {"direct", "indirect", "mixed"}
    bali = [a for a in analysis.attributions if "not a victory announcement" in a.content_text]
    assert bali and {a.speaker for a in bali} == {"Mustafa Bali"} and {a.kind for a in bali} == {"direct"}


def test_a_relayed_quote_goes_to_the_person_named_in_the_relaying_paragraph():
    """"…, a militant who calls himself Abu Ali says, Sputnik reported. "…"": when the
    tagger has no attribution of Abu Ali's, the quote is still his, not that of whoever
    spoke in the paragraph before (the seed report 003's case once the reranker dropped a
    wrong attribution there)."""
    from newstrace.extract import unrelay_quotes
    from newstrace.extract.nlp import analyse as parse
    from newstrace.records import SpanAttribution

    text = ("Meanwhile, the militant group rejected the idea it was defeated.\n"
            "The group may seem beaten, a militant who calls himself Abu Ali Hassan says in a video, "
            'Sputnik reported. "We will return to every city we lost."')

    def at(words):
        s = text.index(words)
        return [(s, s + len(words))]
    group = SpanAttribution(source=at("the militant group"), cue=at("rejected"), content=at("the idea it was defeated"))
    relay = SpanAttribution(source=at("Sputnik"), cue=at("reported"),
                            content=at('"We will return to every city we lost."'))
    doc = parse(text)
    assert unrelay_quotes(text, [group, relay], ["the militant group", "Sputnik"], doc) == \
        ["the militant group", "Abu Ali Hassan"]
    # without the parse, the speaker of the paragraph before, as before
    assert unrelay_quotes(text, [group, relay], ["the militant group", "Sputnik"]) == \
        ["the militant group", "the militant group"]


def test_an_outlets_sentence_about_a_speaker_goes_to_that_speaker():
    """Sputnik's sentence in seed report 003, with the quotation after it, when the tagger
    finds only the outlet's cue: 'By the "standards of this world," Daesh may seem ..., a
    militant who identifies himself as Abu Abdul-Azim says in the video ..., Sputnik
    reported. "If we used to hold ..."' is Abu Abdul-Azim's. An outlet's paraphrase with a
    quoted word and a person who does not speak in it stays the outlet's."""
    from newstrace.extract import unrelay_quotes
    from newstrace.extract.nlp import analyse as parse
    from newstrace.records import SpanAttribution

    text = (SEEDS / "003_461b67336f7667d7.txt").read_text(encoding="utf-8")
    start = text.index('By the "standards of this world,"')
    cue = text.index("reported", start)
    quote = text.index('"If we used to hold', start)
    relay = SpanAttribution(source=[(cue - 8, cue - 1)], cue=[(cue, cue + 8)],
                            content=[(start, cue - 10), (quote, text.index("\n", quote))])
    assert text[cue - 8:cue - 1] == "Sputnik"
    assert unrelay_quotes(text, [relay], ["Sputnik"], parse(text)) == ["Abu Abdul-Azim"]

    paraphrase = 'Officials called Ali Hassan\'s plan "reckless," the Times reported.'
    s = paraphrase.index("Officials")
    relay = SpanAttribution(source=[(paraphrase.index("the Times"), paraphrase.index(" reported"))],
                            cue=[(paraphrase.index("reported"), len(paraphrase) - 1)],
                            content=[(s, paraphrase.index(" the Times"))])
    assert unrelay_quotes(paraphrase, [relay], ["The New York Times"], parse(paraphrase)) == ["The New York Times"]


def test_a_relayed_speaker_gets_the_fullest_name_the_article_gives():
    from newstrace.extract import unrelay_quotes
    from newstrace.extract.nlp import analyse as parse
    from newstrace.records import SpanAttribution

    text = ("Ali Hassan, the group's spokesman, spoke on Monday.\n"
            "The siege will end soon, Hassan said on Tuesday, Reuters reported.")
    s = text.index("The siege")
    cue = text.index("reported")
    relay = SpanAttribution(source=[(cue - 8, cue - 1)], cue=[(cue, cue + 8)], content=[(s, cue - 10)])
    assert text[cue - 8:cue - 1] == "Reuters"
    assert unrelay_quotes(text, [relay], ["Reuters"], parse(text)) == ["Ali Hassan"]


def test_a_text_longer_than_one_ner_piece_keeps_its_offsets_and_names():
    """Texts over nlp.MAX_LENGTH are read in pieces cut after a newline, one piece at a
    time (memory), and joined: the Doc's text is the text, and names past the cuts sit
    at their own offsets."""
    from newstrace.extract.nlp import MAX_LENGTH, analyse as parse

    paragraph = "Mayor Anna Petrov of Springfield said the bridge would reopen in May. " * 40 + "\n"
    text = paragraph * (2 * MAX_LENGTH // len(paragraph) + 3)
    assert len(text) > 2 * MAX_LENGTH
    doc = parse(text)
    assert doc.text == text
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert people and all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
    assert max(e.start_char for e in people) > 2 * MAX_LENGTH


POLITICO = SHARED / "corpora" / "polnear" / "dev" / "text" / "politico_2016-10-04_trump-not-walking-the-walk-on-hi.txt"


@needs_shared(POLITICO)
def test_a_split_quotation_keeps_its_first_part_when_the_proposal_holding_it_is_dropped():
    """PolNeAR dev (Politico, 2016-10-04): '"The unfairness of the tax laws is
    unbelievable," Trump said at a campaign stop this week. "It's something ..."'. The tagger
    also proposes "campaign" as a cue holding the first part; the reranker drops that
    proposal, and the first part goes to Trump's attribution with the second."""
    text = POLITICO.read_text(encoding="utf-8")
    first = text.index("The unfairness of the tax laws is unbelievable")
    second = text.index("It’s something I’ve been talking about")
    (trump,) = [a for a in extract_spans([text])[0] if any(s <= second < e for s, e in a.content)]
    assert any(s <= first < e for s, e in trump.content), [text[s:e] for s, e in trump.content]
    assert text[trump.source[0][0]:trump.source[0][1]] == "Trump"
