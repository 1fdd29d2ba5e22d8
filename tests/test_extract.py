"""The extract stage's promises that the rest of the pipeline relies on."""

from __future__ import annotations

from newstrace.extract import analyse, extract_spans
from newstrace.records import Article

from conftest import SEEDS


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
