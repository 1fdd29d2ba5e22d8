"""Speaker classes that recur across the rounds and the older gold sets (docs/speakers.md,
"Classes that recur across every set, then round 10"): a "they" for the plural or
organisation subject the prose last gave, a work or document for its owner, two people
joined with a role between, "the government" after "the government of X", "who" after a
bare "police" or an age. Each test resolves a real article of those sets (Wikinews, ECB+)
on its gold spans, as the pipeline does, or holds real sentences of PolNeAR that a first
version moved the wrong way; all but the two guards failed before their fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstrace.extract.speakers.testing import resolve_gold

from conftest import polnear_speakers

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = {"heldout": "speakers", "fresh": "speakers_fresh", "interviews": "interviews"}


def _gold(name: str, article: str) -> dict[str, list[str | None]]:
    """Every source text of ``article`` in gold set ``name`` ("round7", "heldout", ...) with
    the speakers it resolves to, the article's attributions resolved together."""
    gold = ROOT / "tests" / "gold" / f"speakers_{name}.jsonl"
    folder = "speakers_rounds" if name.startswith("round") else FIXTURES[name]
    with open(ROOT / "tests" / "fixtures" / folder / f"{article}.txt", encoding="utf-8", newline="") as f:
        text = f.read()
    with open(gold, encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["article"] == article]
    return resolve_gold(text, rows)


def test_they_is_the_subject_group_or_organisation():
    # Wikinews, "Gunman opens fire in El Paso, Texas superstore" (held-out set): "State
    # prosecutors charged the suspect ..., they said Sunday"
    got = _gold("heldout", "gunman-opens-fire-in-el-paso-texas-superstore-more-than-20-d")
    assert [s.casefold() for s in got["they"]] == ["state prosecutors"]
    # Wikinews, "Turkey's president Erdogan proposes converting Hagia Sophia ..." (held-out):
    # "This Thursday the United States Commission on International Religious Freedom (USCIRF)
    # also criticized the move, ... They released a statement"
    got = _gold("heldout", "turkey-s-president-erdogan-proposes-converting-hagia-sophia")
    assert got["They"] == ["United States Commission on International Religious Freedom"] * 2
    # Wikinews, "Paris court jails two police in high-profile rape case" (held-out): the
    # officers brought in as subject, not the head of the investigators who spoke before
    got = _gold("heldout", "paris-court-jails-two-police-in-high-profile-rape-case")
    assert [s.casefold() for s in got["They"]] == ["the officers"]


def test_they_is_not_a_clause_opened_by_if():
    # Wikinews, "Ancient Egyptians collected wild ibis birds ..." (round 7): "If the birds had
    # been domesticated ..., they reasoned" -- a first version gave "If the birds"
    got = _gold("round7", "ancient-egyptians-collected-wild-ibis-birds-for-sacrifice-sa")
    assert "If the birds" not in got["they"]


POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear"
needs_polnear = pytest.mark.skipif(not (POLNEAR / "train").exists(), reason="../shared/corpora/polnear not here")




@needs_polnear
def test_they_is_no_organisation_that_modifies_a_noun_nor_a_plural_of_things():
    # PolNeAR train articles whose "they" a first version moved the wrong way (snapshot):
    # "While many World Bank watchers expect Mr. Kim to be reappointed, ..., they say" -- the
    # organisation modifies "watchers"; "Such efforts, they believe, ..." -- no people
    assert "World Bank" not in polnear_speakers("nyt_2016-08-26_u-s-nominates-jim-yong-kim")["they"]
    assert "Such efforts" not in polnear_speakers("politico_2016-03-23_sanders-scrambles-to-kee")["they"]


def test_works_for_their_owners():
    # ECB+ dev ef7a47c1e (round 9): NER leaves "Ethnos" untagged; "newspaper" says what it is
    got = _gold("round9", "ecb-ef7a47c1e")
    assert got["An opinion poll published by Ethnos newspaper on Sunday"] == ["Ethnos"]
    # Wikinews, "NYC mayor de Blasio ends US presidential campaign" (round 5)
    got = _gold("round5", "nyc-mayor-de-blasio-ends-us-presidential-campaign")
    assert got["Polling averages measured by RealClearPolitics"] == ["RealClearPolitics"]
    # Wikinews, "President Trump says he can and may put US into state of emergency" (held-out)
    got = _gold("heldout", "president-trump-says-he-can-and-may-put-us-into-state-of-eme")
    assert got["The Internal Revenue Service website"] == ["Internal Revenue Service"]
    # Wikinews, "US president Trump announces troop withdrawal from Syria" (fresh set)
    got = _gold("fresh", "us-president-trump-announces-troop-withdrawal-from-syria")
    assert got["a statement released by Erdogan's office"] == ["Recep Tayyip Erdoğan"]
    # Wikinews, "Biden announces Kamala Harris as 2020 running mate" (round 7): the tagger's
    # span stops at "A tweet"; "sent from Biden's Twitter account" names the owner
    got = _gold("round7", "biden-announces-kamala-harris-as-2020-running-mate-in-us-pre")
    assert got["A tweet"] == ["Joe Biden"] and got["Biden's Twitter"] == ["Joe Biden"]


@needs_polnear
def test_a_statement_in_a_fronted_phrase_is_the_subjects():
    # PolNeAR dev, politico_2016-09-30 (seeds + PolNeAR dev gold): "In a statement announcing
    # the pick, the Association of Flight Attendants called Clinton ..."
    got = polnear_speakers("politico_2016-09-30_flight-attendants-union-en", "dev")
    assert got["a statement"] == ["Association of Flight Attendants"]


@needs_polnear
def test_a_fronted_statement_before_a_possessive_and_a_poll_by_two_outlets():
    # PolNeAR train (a snapshot on the way): "In a statement defending Lewandowski, Trump's
    # campaign said ..." is not Trump's; "a poll conducted by the New York Times and ABC News"
    # is both outlets', not ABC News alone
    assert not {"Trump", "Donald Trump"} & set(polnear_speakers("wash-post_2016-03-30_trump-sticking-by-his-c")["a statement"])
    got = polnear_speakers("west-journal_2016-07-14_hillary-clinton-visi")
    poll = next(k for k in got if k.startswith("a poll conducted by the"))
    assert got[poll] == ["New York Times and ABC News"]


def test_two_people_joined_along_with():
    # Wikinews, "Arizona, Florida, Illinois hold 2020 US presidential primaries" (round 6): NER
    # calls this "Klobuchar" a place
    got = _gold("round6", "arizona-florida-illinois-hold-2020-us-presidential-primaries")
    assert got["Klobuchar, along with Senator Ron Wyden of Oregon,"] == ["Amy Klobuchar and Ron Wyden"]


def test_the_government_is_the_fuller_mention_before():
    # Wikinews, "Samoan government ends state of emergency ..." (fresh set): "the government of
    # Samoa executed a planned shutdown ... The government said 128 vaccination teams participated"
    got = _gold("fresh", "samoan-government-ends-state-of-emergency-over-measles-outbr")
    assert got["The government"] == ["the government of Samoa"]


def test_who_after_a_bare_police_and_after_an_age():
    # Wikinews, "Gunman opens fire in El Paso ..." (held-out): "according to police, who said"
    got = _gold("heldout", "gunman-opens-fire-in-el-paso-texas-superstore-more-than-20-d")
    assert got["who"] == ["police"]
    # Wikinews, "Bystanders foil knife-wielding man on London Bridge ..." (held-out): "tour
    # manager Thomas Gray, 24, who cited", and "Mayor of London Sadiq Khan (no relation)"
    # (NER tags "London" and "Khan"; not the attacker Usman Khan)
    got = _gold("heldout", "bystanders-foil-knife-weilding-man-on-london-bridge-with-fir")
    assert got["who"] == ["Thomas Gray"]
    assert got["Mayor of London Sadiq Khan (no relation)"] == ["Sadiq Khan"]


def test_an_organisation_after_a_place_based_kind_and_an_apposition_cut_at_which():
    # Wikinews interview, "Gregory Kurtzer discusses plans for Rocky Linux ..." (interviews set)
    got = _gold("interviews", "gregory-kurtzer-discusses-plans-for-rocky-linux-with-wikinew")
    assert got["US-based software company Red Hat"] == ["Red Hat"]
    # Wikinews, "Pope Francis instructs reporting of sexual abuse ..." (held-out): the
    # tagger's span runs into the relative clause of an apposition
    got = _gold("heldout", "pope-francis-instructs-reporting-of-sexual-abuse-to-higher-c")
    assert got["the Watch Tower Society, the organisation which"] in (["Watch Tower Society"], ["the Watch Tower Society"])
