"""Round 14's misses, second pass (issue 28 item 3, recall15; rounds 1-14 are development):
one test per class with real sentences from the judged rounds (tests/gold/*judged*.jsonl),
beside sentences of the same class from PolNeAR train or ECB+ dev (found by grep), and
sentences of the same words that must stay out."""

import pytest

from newstrace.extract import attribution_conventions
from newstrace.extract.bare_clauses import bare_clauses
from newstrace.extract.noun_clauses import unowned_clauses
from newstrace.extract.quotes import quote_mask
from newstrace.records import SpanAttribution


def _found(rule, text):
    out = rule(text, [], quote_mask(text))
    return [(text[slice(*a.source[0])] if a.source else "", " ".join(text[slice(*c)] for c in a.cue),
             " | ".join(text[slice(*c)] for c in a.content)) for a in out]


def _conventions(text):
    out = attribution_conventions(text, [], None, quote_mask(text))
    return [(text[slice(*a.source[0])] if a.source else "", " ".join(text[slice(*c)] for c in a.cue),
             " | ".join(text[slice(*c)] for c in a.content)) for a in out]


# 1. a belief whose clause opens with a noun phrase, not a pronoun: "thinks the incorrect date
#    was used", "believed such behavior was", 'thought Australia "is not a country,"'
@pytest.mark.parametrize("text, expected", [
    # PTC article769962236 (round 10), article729561658 (round 1)
    ("Immediately upon learning of the altercation, the bar announced that it had fired Jimenez because they believed such "
     "behavior was immoral, uncalled for, and not in keeping with Rumble’s welcoming personality.",
     ("they", "believed", "such behavior was immoral, uncalled for, and not in keeping with Rumble’s welcoming "
      "personality")),
    ("A professor at Southern New Hampshire University failed one of her student's assignments because the "
     "professor incorrectly thought Australia \"is not a country,\" according to a report in BuzzFeed News.",
     ("the professor", "thought", "Australia \"is not a country")),
    # PolNeAR train (the same frame)
    ("Clinton's advisers have long insisted they thought the primary would become competitive.",
     ("they", "thought", "the primary would become competitive")),
])
def test_a_belief_whose_clause_opens_with_a_noun_phrase(text, expected):
    assert expected in _found(bare_clauses, text)


def test_a_belief_that_opens_a_report_is_the_report_alone():
    # PolNeAR dev (wash-post_2016-09-25): the report's content holds the belief, marked once
    t = ("Charlotte Mayor Jennifer Roberts said Friday that she thinks the video should be released but said "
         "\"the question is the timing.\"")
    said = SpanAttribution(source=[(0, 32)], cue=[(33, 37)], content=[(45, t.index(" but"))])  # the tagger's
    out = attribution_conventions(t, [said], None, quote_mask(t))
    assert [" ".join(t[slice(*c)] for c in a.cue) for a in out] == ["said"]


@pytest.mark.parametrize("text", [
    # PTC article725824328 (round 2): a question put to him, no belief reported
    "Asked whether he thought the photo’s release would have affected Obama’s presidential campaign, Muhammad said, "
    "“I insist.",
    # PolNeAR train, the same
    "Asked by Starnes if he believed the situation was at the same level as the Benghazi attacks, Carson said that "
    "he did not, but was referring to the \"same kind of attitude.",
    # PTC article111111122 (round 11): the belief is the content of "let it be known that"
    "He sometimes praises Kavanaugh, but also let it be known that he thought the nominee had performed badly in his "
    "Fox News interview.",
])
def test_a_question_or_an_object_is_no_belief(text):
    assert [cue for _, cue, _ in _found(bare_clauses, text) if cue in ("thought", "believed")] == []


# 2. nouns of accusation and report with a clause and no owner: "on charges he took …",
#    "on the heels of reports that …"; an owner's bare clause: "their claims they could face …"
@pytest.mark.parametrize("text, expected", [
    # round 14 (ECB+ dev e1b1ea667)
    ("A grand jury in December indicted Beus on charges he misused federal grant money, and he awaits trial.",
     ("", "charges", "he misused federal grant money")),
    ("Beus was indicted last year on charges he took at least $120,000 of that money for his own \"personal and "
     "discretionary use.\"",
     ("", "charges", "he took at least $120,000 of that money for his own \"personal and discretionary use")),
    # PTC article708071969 (round 2), article725276027 (round 3)
    ("News of infected patients running away from hospitals comes on the heels of reports that it is only a "
     "matter of time before the plague becomes resistant to the antibiotics that are currently being used to treat "
     "the outbreak.",
     ("", "reports", "that it is only a matter of time before the plague becomes resistant to the antibiotics that "
      "are currently being used to treat the outbreak")),
    ("District Judge Patti Saris in Boston expressed concern the Indonesians could be deported before their "
     "administrative appeals were finished, given their claims "
     "they could face religious persecution in the world’s largest majority-Muslim nation.",
     ("their", "claims", "they could face religious persecution in the world’s largest majority-Muslim nation")),
    # PolNeAR train, the same frame
    ("The ad also renews accusations Trump had used undocumented immigrants in the construction process for his "
     "sites.",
     ("", "accusations", "Trump had used undocumented immigrants in the construction process for his sites")),
])
def test_a_noun_of_accusation_or_report_with_its_clause(text, expected):
    assert expected in _found(unowned_clauses, text)


def test_charges_with_a_clause_survive_the_drop_of_acts_on_things():
    # round 14 (ECB+ dev e1b1ea667): "charges" is an act on a thing in not_speech's list
    t = ("A 57-year-old Wasilla woman has been indicted by a federal grand jury on charges she defrauded the state "
         "of Alaska and lied to the U.S. Department of Agriculture during the operation of the now-defunct "
         "Matanuska Creamery.")
    assert ("", "charges", "she defrauded the state of Alaska and lied to the U.S. Department of Agriculture during "
            "the operation of the now-defunct Matanuska Creamery") in _conventions(t)


@pytest.mark.parametrize("text", [
    # PTC article111111115 (round 3): the noun is the clause's object
    "Here are the eight accusations he faces:",
    # PTC article758477392 (round 1): a relative clause that opens with its verb
    "The findings echo similar reports that caused the US to recall non-essential embassy staff from Cuba in 2017, "
    "after at least 24 US citizens suffered symptoms indicating they had been deliberately and covertly targeted.",
    # PTC article703056647 (round 11): a report of others' report, not counted
    "This latest warning that the rainy season could worsen the outbreak comes on the heels of the reports that "
    "British aid workers said the epidemic will get worse before it gets better.",
    # PolNeAR train: "claims" with no owner is the verb, read by the verbs' rules
    "Podliska also claims he was the only one punished for improperly handling evidence, and that his firing was "
    "improper.",
])
def test_a_noun_as_object_or_a_relayed_report_stays_out(text):
    assert [cue for _, cue, _ in _found(unowned_clauses, text) if cue != "warning"] == []


# 3. knowing with no "that": a sentence opening "As many of you (undoubtedly) know"
def test_as_many_of_you_know_reports_the_main_clause():
    # round 14 (ECB+ dev e1b1ea667)
    t = ("As many of you undoubtedly know there was a rather suspicious fire that burned the old Matanuska Maid "
         "Creamery to the ground.")
    assert ("many of you", "know", "there was a rather suspicious fire that burned the old Matanuska Maid Creamery "
            "to the ground") in _conventions(t)


@pytest.mark.parametrize("text", [
    # PolNeAR dev nyt_2016-08-22: inside a quotation, left to nested
    "Mrs. Clinton replied, ''As you know, hearing nice things about your children is as good as it gets.''",
])
def test_as_you_know_in_a_quotation_or_an_aside_stays_out(text):
    assert [cue for _, cue, _ in _conventions(text) if cue == "know"] == []


# 4. the last conjunct of a reported clause, which the tagger made an attribution of its own
def test_a_reported_clause_holds_its_last_conjunct():
    # round 14 (Wikinews wn070): the tagger's two attributions of "He"
    t = ("He said he has arranged for 3000 of the National Guard to be available and has search and rescue teams at "
         "the ready and has requested U.S. President Donald Trump declare a state of emergency in Lousiana on the "
         "federal level.")
    said = SpanAttribution([(0, 2)], [(3, 7)], [(8, t.index(" and has requested"))])
    requested = SpanAttribution([(0, 2)], [(t.index("has requested"), t.index(" U.S."))],
                                [(t.index("U.S."), len(t) - 1)])
    out = attribution_conventions(t, [said, requested], None, quote_mask(t))
    contents = {" ".join(t[slice(*c)] for c in a.cue): t[slice(*a.content[0])] for a in out}
    assert contents["said"] == t[8:-1]
    assert contents["has requested"] == "U.S. President Donald Trump declare a state of emergency in Lousiana on the " \
                                        "federal level"


def test_a_conjunct_of_the_cue_stays_out_of_the_content():
    # PTC article711716996 (round 2): "has been running" is Saris's, not what she thought
    t = ("Kritarch Saris thought she knew better and has been running a deliberate campaign to prevent the "
         "deportation of these Chinese illegal aliens.")
    thought = SpanAttribution([(0, 14)], [(15, 22)], [(23, t.index(" and has"))])
    running = SpanAttribution([(0, 14)], [(t.index("has been running"), t.index(" a deliberate"))],
                              [(t.index("a deliberate"), len(t) - 1)])
    out = attribution_conventions(t, [thought, running], None, quote_mask(t))
    assert [t[slice(*a.content[0])] for a in out if t[slice(*a.cue[0])] == "thought"] == ["she knew better"]


# 5. a trailing ", which …" that describes the reported clause's last noun is the clause's
def _carried(text, cue, content):
    a = SpanAttribution([(0, text.index(cue))], [(text.index(cue), text.index(cue) + len(cue))],
                        [(text.index(content), text.index(content) + len(content))])
    out = attribution_conventions(text, [a], None, quote_mask(text))
    return [text[slice(*b.content[0])] for b in out if b.cue == a.cue][0]


@pytest.mark.parametrize("text, cue, content, expected", [
    # round 14 (Wikinews wn200, wn070)
    ("Mysore Divisional Railway Manager Aparna Garg told Wikinews only 10% of the employees in the Mysore "
     "Division were women, which constitutes about 650 female employees.",
     "told", "only 10% of the employees in the Mysore Division were women",
     "only 10% of the employees in the Mysore Division were women, which constitutes about 650 female employees"),
    ("New Orleans and Jefferson Parish officials have said they are not concerned about the levees, which have "
     "about five or six feet of leeway for rising water.",
     "have said", "they are not concerned about the levees",
     "they are not concerned about the levees, which have about five or six feet of leeway for rising water"),
    # PolNeAR dev (wash-post_2016-09-16; annotated so)
    ("Obama emphasized that Burma's reforms were not complete, and human rights groups warned that the "
     "administration was relinquishing critical leverage over the military, which retains significant power.",
     "warned", "that the administration was relinquishing critical leverage over the military",
     "that the administration was relinquishing critical leverage over the military, which retains significant "
     "power"),
])
def test_a_trailing_which_that_describes_a_noun_is_carried(text, cue, content, expected):
    assert _carried(text, cue, content) == expected


@pytest.mark.parametrize("text, cue, content", [
    # PTC article999000158, article999001296 (rounds 1, 6): the writer's verdict on the report
    ("Obama tried to say he had been in that church for years and never heard such things, which isn't true.",
     "tried to say", "he had been in that church for years and never heard such things"),
    ("But affidavits released on Tuesday by the DOS show that documents from four different counties said the ballots could be returned by 5 p.m. on Thursday, which is "
     "not accurate.",
     "said", "the ballots could be returned by 5 p.m. on Thursday"),
    # PolNeAR dev (nyt_2016-09-16; annotated so): the noun is the relative's object
    ("Clinton has been frank in her acknowledgment that to pay for the many new social programs she has proposed, "
     "she needs to raise revenue, which she plans to do primarily through a tax increase on the rich.",
     "acknowledgment", "that to pay for the many new social programs she has proposed, she needs to raise revenue"),
    # PolNeAR dev (breitbart_2016-10-04; annotated so): a thing, no clause
    ("He made the criticism while showing support for Hillary Clinton’s “public option”, which would allow individuals ages 55 to 65 to "
     "buy into Medicare directly.",
     "showing support for", "Hillary Clinton’s “public option”"),
])
def test_a_verdict_an_object_relative_or_a_thing_stays_cut(text, cue, content):
    assert _carried(text, cue, content) == content


# 6. a sentence's last words that are a gloss in parentheses or a coming day are the content's
@pytest.mark.parametrize("text, cue, content, expected", [
    # round 14 (Wikinews wn070)
    ("Although its winds are only predicted to reach about 75 miles per hour (120 kph), the National Weather Service "
     "has issued a flash flood warning covering an area from Gulfport, "
     "Mississippi, to New Orleans and other forecasters predicted a storm surge of three to six feet (one to two "
     "meters).",
     "predicted", "a storm surge of three to six feet", "a storm surge of three to six feet (one to two meters)"),
    ("Meteorologists predict landfall Saturday morning.", "predict", "landfall", "landfall Saturday morning"),
])
def test_a_gloss_or_a_day_at_the_sentence_end_is_carried(text, cue, content, expected):
    assert _carried(text, cue, content) == expected


def test_a_writers_aside_in_parentheses_stays_out():
    # PolNeAR dev (huff-post_2016-09-27; annotated so)
    t = ("The change in approach from Clinton is likely to placate nervous Democrats on Capitol Hill, who have argued "
         "that it helps down-ballot when Trump is painted as a greedy Republican and not as someone who is completely "
         "outside the norms of the Republican Party (which lets the rest of the GOP off the hook).")
    content = "that it helps down-ballot when Trump is painted as a greedy Republican and not as someone who is " \
              "completely outside the norms of the Republican Party"
    assert _carried(t, "have argued", content) == content


# 7. a report inside a quotation: "that" opens its content, as PolNeAR and the rounds' gold have it
@pytest.mark.parametrize("text, content", [
    # PTC article706777811 (round 7), article729410793 (round 10): "that" the conjunction, "that" the subject
    ("Conroy warned it is inevitable that the plague will spread due to the vast movement of people across the "
     "globe.\n“I believe that it’s 100 percent likely that plague will arrive in the UK once more – it’s just a "
     "question of ‘when’, not ‘if’.\nAnd it’s not an exaggeration to say that this is a real threat – a "
     "ticking time bomb that’s waiting to decimate the world,”",
     "that it’s 100 percent likely that plague will arrive in the UK once more – it’s just a question of ‘when’, "
     "not ‘if’."),
    ("The cardinal’s staff asked that CNA change his answer about liturgically “blessing” gay unions to: “There are "
     "no general solutions and I think that would not be right, because we are talking about pastoral care for "
     "individual cases, and that applies to other areas as well, which we cannot regulate, where we have no sets of "
     "rules.”",
     "that would not be right, because we are talking about pastoral care for individual cases, and that applies to "
     "other areas as well, which we cannot regulate, where we have no sets of rules."),
])
def test_a_nested_report_keeps_its_that(text, content):
    from newstrace.extract.nested import nested_attributions
    found = [" | ".join(text[slice(*c)] for c in a.content) for a in nested_attributions(text, [], quote_mask(text))]
    assert content in found


# 8. "spoke to the press …:" and a quotation, which the tagger gave the colon alone for cue
def test_spoke_before_a_colon_is_the_quotations_cue():
    # round 14 (Wikinews wn144): the tagger's attribution has ":" for cue
    t = ("Legislator Tanya Chan spoke to the press after the speech: \"I really urge [Lam], if she can’t govern Hong "
         "Kong, and has no determination to govern Hong Kong, and no ability or even capability of administrating "
         "Hong Kong, to please step down. This is the only way we can have a good future, the only way Hong Kong can "
         "go forward. Please, please Carrie Lam, please don’t let us suffer anymore. Please go.\"")
    colon = t.index(":")
    tagger = SpanAttribution([(0, 21)], [(colon, colon + 1)], [(colon + 2, len(t))])
    out = attribution_conventions(t, [tagger], None, quote_mask(t))
    assert [(" ".join(t[slice(*c)] for c in a.cue), t[slice(*a.content[0])][:12]) for a in out] == [
        ("spoke", "\"I really ur")]


# 9. after a verb of saying, a clause whose subject is a noun phrase with an auxiliary; a
#    time of day's and a month's full stop end no sentence; a writer's verdict stays out
def test_said_a_noun_phrase_clause_past_a_time_of_day():
    # PTC article999001296 (round 6)
    t = ("But affidavits released on Tuesday by the DOS show that documents from four different counties said the "
         "ballots could be returned by 5 p.m. on Thursday, which is not accurate.")
    assert ("documents from four different counties", "said", "the ballots could be returned by 5 p.m. on Thursday") \
        in _conventions(t)


def test_a_months_full_stop_ends_no_content():
    from newstrace.extract.abbreviations import past_abbreviations
    # PolNeAR dev (west-journal_2016-09-12; annotated to "Aug. 29")
    t = ("CNS reported Monday that the U.S. had accepted 11,491 Syrian refugees, 15 percent over the limit of 10,000, "
         "which was reached on Aug. 29.\n\nThe State Department")
    s = t.index("that the U.S.")
    a = SpanAttribution([(0, 3)], [(4, 12)], [(s, t.index(" 29") - 1)])
    assert t[slice(*past_abbreviations(t, [a])[0].content[0])].endswith("which was reached on Aug. 29")


# 10. a noun of saying whose owner "from" names ("news from … GM Tony Reagins that …")
@pytest.mark.parametrize("text, expected", [
    # round 14 (ECB+ dev e63cda814); PTC article735815173 (round 1), the clause past "Rep."
    ("With last night's news from Los Angeles Angels GM Tony Reagins that the team has made an eight-year contract "
     "offer (dollars undisclosed) to 1B Mark Teixeira, the trade rumor being reported, most recently by John "
     "Perrotto at Baseball Prospectus, about the Angels going after San Diego Padres' ace is likely caput.",
     ("Los Angeles Angels GM Tony Reagins", "news",
      "that the team has made an eight-year contract offer (dollars undisclosed) to 1B Mark Teixeira")),
    ("The JTA's awkward attempt to whitewash the newly revealed CBC anti-Semitism included a claim from the ADL that "
     "Rep. Davis had been misquoted.",
     ("the ADL", "claim", "that Rep. Davis had been misquoted")),
])
def test_a_noun_of_saying_whose_owner_from_names(text, expected):
    from newstrace.extract.noun_clauses import noun_clauses
    assert expected in _found(noun_clauses, text)


# 11. who is asked, told or advised opens a directive's content
@pytest.mark.parametrize("text, cue, content, expected", [
    # round 14 (Wikinews wn070)
    ("The mayor of New Orleans, LaToya Cantrell, advised residents of her city to make plans and shelter in place.",
     "advised", "to make plans and shelter in place", "residents of her city to make plans and shelter in place"),
    # PolNeAR dev (nyt_2016-09-08; annotated so)
    ("Mr. Obama, who understood that a legislative push would be fruitless, told his advisers to figure out how to "
     "enact deep emissions cuts without Congress.",
     "told", "to figure out how to enact deep emissions cuts without Congress",
     "his advisers to figure out how to enact deep emissions cuts without Congress"),
])
def test_who_is_asked_opens_the_directives_content(text, cue, content, expected):
    assert _carried(text, cue, content) == expected


# 12. a sentence's connective before "according to X," is no part of what X reports
def test_a_connective_before_according_to_stays_out():
    # round 14 (ECB+ dev e3cc4712a): the tagger's two fragments
    t = ("Meanwhile, according to the Newsday, Teixeira still has an eight-year offer on the table from the Red Sox, "
         "worth roughly $22 million per season.")
    tagger = SpanAttribution([(24, 35)], [(11, 23)], [(0, 9), (37, len(t) - 1)])
    out = attribution_conventions(t, [tagger], None, quote_mask(t))
    assert [[t[slice(*c)] for c in a.content] for a in out] == [[
        "Teixeira still has an eight-year offer on the table from the Red Sox, worth roughly $22 million per season"]]


# 13. a content that holds its own "reportedly" is cut around it
def test_a_content_is_cut_around_its_reportedly():
    # round 14 (Wikinews wn144): the tagger's content runs over its cue
    t = ("The council was adjourned and Lam later delivered the speech via video. This was reportedly the first such "
         "occurrence.")
    s = t.index("This was")
    tagger = SpanAttribution([], [(t.index("reportedly"), t.index("reportedly") + 10)], [(s, len(t) - 1)])
    out = attribution_conventions(t, [tagger], None, quote_mask(t))
    assert [[t[slice(*c)] for c in a.content] for a in out if a.cue == tagger.cue] == [
        ["This was", "the first such occurrence"]]


# 14. "charged X with Y" in the active: an accusation, as "accused X of Y"
@pytest.mark.parametrize("text, expected", [
    # round 14 (ECB+ dev e1b1ea667); PolNeAR train (annotated so)
    ("The indictment also charges Valley Dairy CEO and investor Karen B. Olson with concealing the alleged criminal "
     "conduct of the former dairy manager, Kyle Beus.",
     ("The indictment", "charges with", "Valley Dairy CEO and investor Karen B. Olson | concealing the alleged "
      "criminal conduct of the former dairy manager, Kyle Beus")),
    ("On Nov. 24, Cook County prosecutors charged Van Dyke with first-degree murder, and Emanuel released the video "
     "a few hours later.",
     ("Cook County prosecutors", "charged with", "Van Dyke | first-degree murder")),
])
def test_charged_with_is_an_accusation(text, expected):
    from newstrace.extract.evaluations import charged_with
    assert expected in _found(charged_with, text)


def test_charged_in_the_passive_is_no_accusation():
    from newstrace.extract.evaluations import charged_with
    # ECB+ dev ebf3431b3
    assert _found(charged_with, "Anthony Phillip LaSalle was also charged Friday with three counts of criminal "
                                "vehicular homicide.") == []
