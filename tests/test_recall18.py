"""Rounds 1-17's misses and content boundaries by class (issue 28 item 3, recall18; rounds 1-17
are development): one test per class with real sentences from the judged rounds
(tests/gold/*judged*.jsonl), PolNeAR and ECB+, each with the contents the tagger gave, beside
sentences of the same build that must stay as they are."""

import pytest

from newstrace.extract.clause_ends import according_to_clauses
from newstrace.extract.quotes import quote_mask
from newstrace.extract.viewpoints import to_viewpoints
from newstrace.records import SpanAttribution


def _at(text, words, after=""):
    i = text.index(words, text.index(after) + len(after) if after else 0)
    return [(i, i + len(words))]


def _according(text, source, content, content_after=""):
    """The tagger's attribution: "according to", its source, and the content it cut."""
    return SpanAttribution(_at(text, source), _at(text.lower(), "according to"), _at(text, content, content_after))


def _content(text, a):
    return " | ".join(text[slice(*c)] for c in a.content)


# 1. "…, according to X.": the tagger opened the clause inside a phrase; it opens at the sentence's
#    start, as the judged gold has it (and PolNeAR train 241 times of 299)
@pytest.mark.parametrize("text, source, cut, expected", [
    # PTC article705035735 (round 8)
    ("Marburg virus disease (MVD), which causes severe viral hemorrhagic fever, ranks among the most virulent "
     "pathogens known to infect humans, according to the World Health Organization.", "the World Health Organization",
     "viral hemorrhagic fever, ranks among the most virulent pathogens known to infect humans",
     "Marburg virus disease (MVD), which causes severe viral hemorrhagic fever, ranks among the most virulent "
     "pathogens known to infect humans"),
    # PTC article762956953 (round 9): the tagger opened inside the name
    ("Mohammad-Javad Larijani, an international affairs assistant in the Iran’s judiciary, disclosed in "
     "Farsi-language remarks broadcast on Iran’s state-controlled television that Iranian intelligence officials "
     "secretly helped provide the al Qaeda attackers with passage and gave them refuge in the Islamic Republic, "
     "according to an English translation published by Al Arabiya.", "an English translation published by Al Arabiya",
     "Larijani, an international affairs assistant in the Iran’s judiciary, disclosed in Farsi-language remarks "
     "broadcast on Iran’s state-controlled television that Iranian intelligence officials secretly helped provide "
     "the al Qaeda attackers with passage and gave them refuge in the Islamic Republic",
     "Mohammad-Javad Larijani, an international affairs assistant in the Iran’s judiciary, disclosed in "
     "Farsi-language remarks broadcast on Iran’s state-controlled television that Iranian intelligence officials "
     "secretly helped provide the al Qaeda attackers with passage and gave them refuge in the Islamic Republic"),
    # PTC article703821117 (round 13): a wh-word after a verb opens no clause of its own
    ("That’s where the transcript ends according to few secret records of the CIA that were recently released by "
     "the National Archives.", "few secret records of the CIA", "where the transcript ends",
     "That’s where the transcript ends"),
])
def test_a_clause_before_according_to_opens_at_its_sentence_start(text, source, cut, expected):
    a = _according(text, source, cut)
    assert _content(text, according_to_clauses(text, [a])[0]) == expected


# 2. "According to X, …": the tagger stopped inside a phrase (or inside a quotation), or opened after
#    a scene set between the source's comma and the clause; the clause runs to the sentence's end
#    (PolNeAR train: 73 of 83 such contents) and opens after the source's comma
@pytest.mark.parametrize("text, source, cut, after, expected", [
    # PTC article731178960 (round 1): the tagger kept "the" alone
    ("According to Seeker, the forecast calls for a high probability of a G-1 or “minor” storm, which could "
     "strengthen to a G-2 or “moderate” storm depending on how the stream of particles hit the Earth.", "Seeker",
     "the", "Seeker, ",
     "the forecast calls for a high probability of a G-1 or “minor” storm, which could strengthen to a G-2 or "
     "“moderate” storm depending on how the stream of particles hit the Earth"),
    # PTC article698719689 (round 4)
    ("According to CNN, the cases were reported by both the World Health Organization (WHO) and the National Bureau "
     "for Risk and Disaster Management (BNGRC) in Madagascar.", "CNN", "the cases were reported by both", "",
     "the cases were reported by both the World Health Organization (WHO) and the National Bureau for Risk and "
     "Disaster Management (BNGRC) in Madagascar"),
    # PTC article790665855 (round 11): stopped inside a quotation
    ("According to Kavanaugh, the Fourth Amendment allows for searches “without individualized suspicion” when the "
     "government demonstrates a “special need” that “outweighs the intrusion on individual liberty.”", "Kavanaugh",
     "the Fourth Amendment allows for searches “without individualized suspicion” when the government demonstrates "
     "a “special need", "",
     "the Fourth Amendment allows for searches “without individualized suspicion” when the government demonstrates "
     "a “special need” that “outweighs the intrusion on individual liberty"),
    # PTC article787142429 (round 6): a day between the source's comma and the clause
    ("According to Breitbart, on Friday, 65 women from both the Republican and Democrat parties who have known "
     "Kavanaugh since high school defended his character and said he has always behaved “honorably” and treaded "
     "“women with respect.”", "Breitbart", "65 women from both the Republican and Democrat parties who have known "
     "Kavanaugh", "",
     "on Friday, 65 women from both the Republican and Democrat parties who have known Kavanaugh since high school "
     "defended his character and said he has always behaved “honorably” and treaded “women with respect"),
    # PTC article776616374 (round 10): a date, cut inside by the tagger; the connective before stays out
    ("Two days later, according to the official story, on August 4, 1962, the NSA reported that a second Gulf of "
     "Tonkin incident occurred and US ships were attacked once again.", "the official story",
     "1962, the NSA reported that a second Gulf of Tonkin incident occurred and US ships were attacked once again",
     "", "on August 4, 1962, the NSA reported that a second Gulf of Tonkin incident occurred and US ships were "
     "attacked once again"),
])
def test_a_clause_after_according_to_runs_from_the_sources_comma_to_the_sentence_end(
        text, source, cut, after, expected):
    a = _according(text, source, cut, after)
    assert _content(text, according_to_clauses(text, [a])[0]) == expected


@pytest.mark.parametrize("text, source, cut, after", [
    # PolNeAR dev wash-post_2016-09-08: a clause of its own after a preposition (its gold: "which it often is")
    ("A simple question elicits a methodical treatise, full of facts and historical data, about why the other side "
     "must be wrong - which it often is, according to Scott.", "Scott",
     "why the other side must be wrong - which it often is", ""),
    # PolNeAR train breitbart_2016-03-20: its gold opens after the sentence's connective
    ("Even so, in February he raised $5.7 million, and he had almost $5 million in cash at the start of March, "
     "according to his campaign finance documents.", "his campaign finance documents",
     "in February he raised $5.7 million, and he had almost $5 million in cash at the start of March", ""),
    # PTC article703821117 (round 13): inside a relative clause, whose main clause goes on; a quotation closed
    ("What is that great big important point that Shapira, who, according to his tagline on his article, “enjoys "
     "writing about people who have served in the military and intelligence communities,” left out of his article?",
     "his tagline on his article",
     "“enjoys writing about people who have served in the military and intelligence communities,”", ""),
])
def test_according_to_clauses_polnear_and_the_rounds_keep_stay(text, source, cut, after):
    a = _according(text, source, cut, after)
    assert _content(text, according_to_clauses(text, [a])[0]) == cut


def _views(text):
    return [(text[slice(*a.source[0])], text[slice(*a.cue[0])], _content(text, a))
            for a in to_viewpoints(text, [], quote_mask(text))]


# 3. "To X, …": a view held by X, as "For X, …" (PolNeAR train marks 5 of its 8; the rounds count 3)
@pytest.mark.parametrize("text, expected", [
    # PTC article790665855 (round 11), twice
    ("To Kavanaugh, bypassing the courts and tracking an individual without their consent is “constitutional.” In "
     "this line of thinking, the Fourth Amendment is not violated even if police trespass on someone’s physical "
     "property, or track someone’s cell phone.",
     [("Kavanaugh", "To",
       "bypassing the courts and tracking an individual without their consent is “constitutional")]),
    ("To Kavanaugh, sweeping programs that collect information from innocent citizens’ phones are not in conflict "
     "with having the right to be free from unlawful search and seizure.",
     [("Kavanaugh", "To", "sweeping programs that collect information from innocent citizens’ phones are not in "
       "conflict with having the right to be free from unlawful search and seizure")]),
    # ECB+ e32ce09b5 (round 17)
    ("To the rockabilly culture, she embodied the ideal woman-voluptuous and healthy, with that leveling sneer.",
     [("the rockabilly culture", "To", "she embodied the ideal woman-voluptuous and healthy, with that leveling "
       "sneer")]),
    # PolNeAR train west-journal_2016-02-17 and wash-post_2016-02-21 (both its gold)
    ("To Sharp, Trump is the “kind-hearted and caring” man who saved her family’s farm back in 1986 in the wake of "
     "her father’s suicide.",
     [("Sharp", "To", "Trump is the “kind-hearted and caring” man who saved her family’s farm back in 1986 in the "
       "wake of her father’s suicide")]),
    ("To many, Santilli is a provocateur, mouthpiece and broadcaster for the anti-government patriot movement, "
     "often screaming into a bullhorn while in Burns at any whiff of opposition.",
     [("many", "To", "Santilli is a provocateur, mouthpiece and broadcaster for the anti-government patriot "
       "movement, often screaming into a bullhorn while in Burns at any whiff of opposition")]),
])
def test_to_x_opens_a_view_held_by_x(text, expected):
    assert _views(text) == expected


@pytest.mark.parametrize("text", [
    # PolNeAR dev wash-post: a recipient (not its gold)
    "To his successor, Mr. Obama leaves an ambitious and divisive legacy: a raft of new emissions rules.",
    # PolNeAR train wash-post_2016-05-23 (not its gold)
    "To the extent she talks about Trump, her message will be the obvious: that a Trump presidency is too risky in "
    "all respects.",
    # ECB+ ebe2423ab; ECB+ ea4b656b8 (round 17: the writer's view, left out)
    "To his credit, he managed to rise to his feet, but the referee then waved it off.",
    "To me, she'll always be the kooky, naive Christian portrayed by Gretchen Mol in The Notorious Bettie Page.",
    # PolNeAR train: an infinitive
    "To be sure, Mrs. Clinton has been pushed to some of these positions by Mr. Sanders.",
])
def test_to_openings_that_name_no_view_stay_out(text):
    assert _views(text) == []


def test_a_view_holders_relative_clause_goes_with_the_source():
    # PolNeAR train huff-post_2016-06-17 (its gold: cue "To")
    text = ("To Sexton, who has made something of a study of Trump rallies, Tuesday marked a turning point. He had "
            "attended four previous Trump events since he began following presidential campaigns from both parties "
            "last year.")
    assert _views(text) == [("Sexton, who has made something of a study of Trump rallies", "To",
                             "Tuesday marked a turning point")]


def test_according_to_stops_at_another_frame_after_it():
    # ECB+ e83014cae: the words after the quotation close on "court sources said"
    text = ("According to forensic doctors and independent experts hired by the Grigoropoulos family, the bullet \"is a "
            "bit deformed, which showed the bullet touched a hard surface\" before entering the boy's chest, court "
            "sources said last night.")
    a = _according(text, "forensic doctors and independent experts hired by the Grigoropoulos family",
                   "the bullet \"is a bit deformed, which showed the bullet touched a hard surface")
    assert _content(text, according_to_clauses(text, [a])[0]) == (
        "the bullet \"is a bit deformed, which showed the bullet touched a hard surface\" before entering the "
        "boy's chest")
