"""The speaker rules, in the order they are tried: the first that answers decides, and its
name is recorded on the attribution (``Attribution.speaker_rule``).

Every rule is a function of one ``Source`` (``base.py``) that returns a ``Resolved`` or
None. A newcomer lists them, switches some off and tests them one by one:

>>> [rule.name for rule in RULES][:4]
['no_one', 'told', 'named_as', 'outlet_named']
>>> from newstrace.extract.speakers.testing import resolve_one
>>> t = "The Orlando Sentinel obtained the memo. The newspaper said it was genuine."
>>> resolve_one(t, "The newspaper")
('The Orlando Sentinel', 'media_noun')
>>> resolve_one(t, "The newspaper", skip={"media_noun"})
('the newspaper', 'description')

Two entries are a learned ranker, not a rule (``ranker.py``): ``ranked_he_she`` and
``ranked_description`` score the candidates of a "he", a "she" or a description and answer
only where their choice differs from the rules' (otherwise the rule's name is kept).

Three more names are recorded where no rule of this list is asked: ``no_source`` (the
attribution has no source span), ``turn_label`` (the source is an interview turn's
label, "((WN))"), and ``first_person`` ("I" and "we", resolved once the quotations around
them are: ``interviews.first_person``); and, in the extract stage, ``continued_quote`` and
``relayed_quote`` (``newstrace.extract.continue_quotes``, ``unrelay_quotes``, which change
a speaker after the rules) and ``interview_answer`` (an interview's answer paragraphs).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from newstrace.extract.speakers import (
    abbreviations, broken, described, descriptions, groups, hearers, introduced, organisations, outlets, persons, pronouns, ranker,
    relatives, roles, works)
from newstrace.extract.speakers.base import Resolved, Source


@dataclass(frozen=True)
class Rule:
    name: str
    apply: Callable[[Source], Resolved | None]

    @property
    def doc(self) -> str:
        """The first line of the rule's docstring: what it does."""
        return (self.apply.__doc__ or "").strip().split("\n", 1)[0]


RULES: tuple[Rule, ...] = (
    Rule("no_one", broken.no_one),
    Rule("told", hearers.told),
    Rule("named_as", introduced.named_as),
    Rule("outlet_named", outlets.outlet_named),
    Rule("abbreviation", abbreviations.spelled_out),
    Rule("head_person", persons.head_person),
    Rule("goes_on", pronouns.goes_on),
    Rule("described_person", described.described_person),
    Rule("ranked_he_she", ranker.ranked_he_she),
    Rule("he_she", pronouns.he_she),
    Rule("they_subject", groups.they_subject),
    Rule("they_it", pronouns.they_it),
    Rule("group_subject", groups.group_subject),
    Rule("they_unresolved", groups.they_unresolved),
    Rule("relative", relatives.relative),
    Rule("relative_then_name", relatives.relative_then_name),
    Rule("you", pronouns.you),
    Rule("head_org", organisations.head_org),
    Rule("the_same", descriptions.the_same),
    Rule("work_author", works.work_author),
    Rule("office_of", works.office_of),
    Rule("apposition", persons.apposition),
    Rule("name_after_comma", persons.name_after_comma),
    Rule("name_in_apposition", persons.name_in_apposition),
    Rule("role", roles.role),
    Rule("title_holder", roles.title_holder),
    Rule("org_by_head", organisations.org_by_head),
    Rule("the_company", groups.the_company),
    Rule("former_latter", groups.former_latter),
    Rule("pair", groups.pair),
    Rule("one_of_couple", groups.one_of_couple),
    Rule("media_noun", outlets.media_noun),
    Rule("epithet", roles.epithet),
    Rule("known_person", persons.known_person),
    Rule("headline_description", descriptions.headline_description),
    Rule("people_word", groups.people_word),
    Rule("capitalised_word", persons.capitalised_word),
    Rule("capitalised_words", persons.capitalised_words),
    Rule("name_before_apposition", persons.name_before_apposition),
    Rule("name_after_description", persons.name_after_description),
    Rule("name_after_noun", persons.name_after_noun),
    Rule("clause_cut", descriptions.clause_cut),
    Rule("fuller_mention", descriptions.fuller_mention),
    Rule("ranked_description", ranker.ranked_description),
    Rule("description", descriptions.description),
)
RULE_NAMES = tuple(rule.name for rule in RULES)
# the names recorded where the stage itself decides, not a rule of RULES
STAGE_NAMES = ("no_source", "turn_label", "first_person", "continued_quote", "relayed_quote", "interview_answer")


def apply_rules(src: Source, skip: frozenset[str] | set[str] = frozenset(),
                rules: tuple[Rule, ...] = RULES) -> Resolved:
    """The first answer of ``rules`` (all of them by default) not in ``skip``, with the
    answering rule's name; the description when none answers."""
    for rule in rules:
        if rule.name in skip:
            continue
        res = rule.apply(src)
        if res is not None:
            res.rule = res.rule or rule.name
            return res
    return src.resolved(src.desc or None, "description", rule="description")


def apply_rules_after(src: Source, after: str, skip: frozenset[str] | set[str] = frozenset()) -> Resolved:
    """What the rules after the one named ``after`` answer (the ranker's view of the rules'
    own choice: the rules before it have not answered)."""
    return apply_rules(src, skip, _rules_after(after))


@lru_cache(maxsize=None)
def _rules_after(after: str) -> tuple[Rule, ...]:
    return tuple(r for r in RULES[RULE_NAMES.index(after) + 1:] if not r.name.startswith("ranked_"))
