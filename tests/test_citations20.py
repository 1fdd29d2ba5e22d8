"""Outlets written as their web domain (issue 28 item 4; judged round 19 is development now):
"in remarks to UOL.com.br", "according to Tchadinfos.com", "Sources tell EW.com", each with
the real sentence (round 19's wn088, PTC train, ECB+ dev). The found cases failed on main
be2389d (UOL.com.br was no name at all; the others took no cue or kept the domain where the
outlet table knows its outlet; Kath.net's, found before, is kept); the guards hold shapes
that must stay out."""

from __future__ import annotations

import pytest

from newstrace.extract.citations import _domain_outlet, extract_citations


def _cited(text: str) -> list[tuple[str, str, str, str]]:
    return [(c.outlet, c.cue, c.kind, text[c.span[0]:c.span[1]]) for c in extract_citations(text)]


@pytest.mark.parametrize("sentence, expected", [
    # wn088 (judged round 19): a two-part ending, the table's outlet of uol.com.br
    ("Environmental Research Institute Director Ane Alencar, in remarks to UOL.com.br, said, "
     "\"This year we do not have an extreme drought.\"",
     [("UOL", "in remarks to", "media", "UOL.com.br")]),
    # PTC train (huff-post_2016-05-19_these-are-the-people-missing-in-): an unknown site, as written
    ("Her loved ones in Chad were devastated by the news, according to Tchadinfos.com.",
     [("Tchadinfos.com", "according to", "media", "Tchadinfos.com")]),
    # ECB+ dev ef028b168: "tell", and the table's outlet of ew.com
    ("Sources tell EW.com that Summit Entertainment is about to hire Chris Weitz.",
     [("Entertainment Weekly", "tell", "media", "EW.com")]),
    # ECB+ dev e1e619f12: found before, now under the table's name for usmagazine.com
    ("Lohan checked herself into Promises Treatment Center,\" her rep told UsMagazine.com.",
     [("Us Weekly", "told", "media", "UsMagazine.com")]),
    # PTC train article795689901: "Bloomberg.com" is Bloomberg, not a second node
    ("The number of migrants rose, according to a report by Bloomberg.com.",
     [("Bloomberg", "according to a report by", "media", "Bloomberg.com")]),
    # PTC train article786731884: the domain before the call sign "WND"
    ("Reprinted from WND.com.", [("WND", "reprinted from", "media", "WND.com")]),
    # PTC train article731513824: a site's own verb of writing (found on main too: a guard)
    ("As the Austrian Catholic website Kath.net writes, Harant must be quoting here AL 250.",
     [("kath.net", "writes", "media", "Kath.net")]),
])
def test_an_outlet_written_as_its_domain(sentence, expected):
    assert _cited(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # PTC train article761674108: a shop, no cue
    "The Death of Christendom, Superpower: Will America Survive to 2025? are available from Amazon.com.",
    # PTC train wash-post_2016-03-29: a company among others
    "the large warehouses where e-commerce companies such as Amazon.com package and ship goods",
    # PTC train article785801366: "visit" a site
    "Visit his site at JamieGlazov.com, follow him on Twitter: @JamieGlazov.",
    # USA Today (PTC train usa-today_2016-05-13): a shop's statement takes "said" only with a cue
    # that only media take ("A statement posted on the website GunBroker.com said")
    "A statement posted on the website GunBroker.com said listings are user generated.",
    # PTC train article729651527: an address and an e-mail, not names
    "Related\njmagder@postmedia.com\nTwitter.com/JasonMagder\nFacebook.com/JasonMagderJournalist\n",
    # PTC train usa-today_2016-01-13: an editor of a site, no cue on the site
    "\"They took it to Trump and the rest of the field,\" said Craig Robinson, editor of TheIowaRepublican.com.",
])
def test_a_domain_outside_a_citation_stays_out(sentence):
    assert _cited(sentence) == []


def test_a_known_domain_is_the_tables_outlet():
    assert _domain_outlet("Politico.com") == "Politico"
    assert _domain_outlet("TheHill.com") == "The Hill"
    assert _domain_outlet("UOL.com.br") == "UOL"
    assert _domain_outlet("CNN.com") == "CNN"
    assert _domain_outlet("Tchadinfos.com") == "Tchadinfos.com"
