"""What users get where PolNeAR's annotators chose otherwise (issue 28): one test per error
class a judged sample of real articles showed, each with a real sentence (the issue's
own examples, textacy's quotation tests, PolNeAR dev, PTC read from ../shared)."""

from __future__ import annotations

import pytest

from conftest import POLNEAR, SHARED, needs_shared
from newstrace.extract import analyse, attribution_conventions, extract_spans
from newstrace.extract.cues import not_speech
from newstrace.extract.embeds import embedded_posts
from newstrace.extract.headlines import headline_span
from newstrace.extract.quotes import classify, one_attribution_per_quote, quote_mask
from newstrace.records import Article, SpanAttribution

PTC = SHARED / "corpora" / "ptc" / "train" / "articles"


def _at(text: str, words: str, start: int = 0) -> list[tuple[int, int]]:
    i = text.index(words, start)
    return [(i, i + len(words))]


def _ptc(article_id: str) -> str:
    with open(PTC / f"{article_id}.txt", encoding="utf-8", newline="") as fh:
        return fh.read()


def test_a_headline_is_never_an_attribution():
    text = "Iraq advice claim sparks new row\n\nThe attorney general warned that the war was illegal, the paper said."
    head = SpanAttribution(_at(text, "Iraq advice"), _at(text, "claim"), _at(text, "sparks new row"))
    body = SpanAttribution(_at(text, "the paper"), _at(text, "said"), _at(text, "The attorney general warned"))
    assert headline_span(text) == (0, 32)
    kept = attribution_conventions(text, [head, body])
    assert body in kept and all(a.cue[0][0] > 32 for a in kept)


@needs_shared(POLNEAR)
def test_polnear_headline_is_kept_for_its_scorer_but_not_for_users():
    name = "breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-"
    path = next((POLNEAR / "dev" / "text").glob(name + "*.txt"))
    text = path.read_text(encoding="utf-8")
    title_end = text.index("\n")
    (spans,) = extract_spans([text])
    assert any(a.cue and a.cue[0][0] < title_end for a in spans)  # PolNeAR annotates it
    (analysis,) = analyse([Article(id="pence", text=text)])
    assert analysis.attributions and all(min(s for s, _ in a.content + a.cue) > title_end
                                         for a in analysis.attributions)


@pytest.mark.parametrize("sentence, source, cue, content, rule", [
    # the predicates that report no speech
    ("The inquiry is expected to clear the minister.", "The inquiry", "is expected", "to clear the minister",
     "raising"),
    ("The prime minister is thought to favour a delay.", "The prime minister", "is thought",
     "to favour a delay", "raising"),
    ("The memo appears to contradict the minister's account.", "The memo", "appears",
     "to contradict the minister's account", "raising"),
    # a rhetorical question in the writer's voice
    ("Can we really trust what the ministry says?", "we", "trust", "what the ministry says?", "writers_voice"),
    ("Voters are concerned about the cost of housing.", "Voters", "are concerned about", "the cost of housing",
     "not_communication"),
    ("The company declined to comment.", "The company", "declined", "to comment", "no_comment"),
    # negated saying (PTC 729561658, 735815173, judged round 1)
    ("The professor did not concede that Australia was a country.", "The professor", "did not concede",
     "that Australia was a country", "negated"),
    ("The congressman wasn’t sure why the ADL wrote that he had been misquoted.", "The congressman",
     "wasn’t sure", "why the ADL wrote that he had been misquoted", "negated"),
    # a topic after a cue that ends in a preposition (PTC 999000125, 111111114)
    ("Patel pushed back on the officials’ remarks.", "Patel", "pushed back on", "the officials’ remarks", "topic"),
    ("Rombot learned of the policy change.", "Rombot", "learned of", "the policy change", "topic"),
    # acts on things and topics with a noun phrase for object (PTC 711716996, 725824328,
    # 758477392: judged rounds 1-2, development data)
    ("A federal judge on Monday ordered U.S. immigration officials to delay any efforts to deport 51 Indonesians "
     "living illegally in New Hampshire.", "A federal judge", "ordered",
     "U.S. immigration officials to delay any efforts to deport 51 Indonesians living illegally in New Hampshire",
     "thing"),
    ("TPM has published the photo above with Muhammad’s permission.", "TPM", "has published", "the photo above",
     "thing"),
    ("During Obama’s presidential campaign, conservatives pushed multiple apparently racially motivated conspiracy "
     "theories about Obama’s religion and supposed ties to Islam.", "conservatives", "pushed",
     "multiple apparently racially motivated conspiracy theories about Obama’s religion and supposed ties to Islam",
     "thing"),
    ("The state department has issued a health alert to its staff in China.", "The state department",
     "has issued", "a health alert to its staff in China", "thing"),
    # hypothetical saying in the writer's or reader's voice (PTC 786731884, 727869189)
    ("Reading Obama’s 1995 memoir, you might almost get the impression that after a prudent first term, during "
     "his second he might side with Black Lives Matter.", "you", "might almost get the impression",
     "that after a prudent first term, during his second he might side with Black Lives Matter", "hypothetical"),
    ("Could we possibly say, for instance, that it’s impossible to judge the presidency of Donald Trump relative "
     "to past presidents?", "we", "possibly say",
     "that it’s impossible to judge the presidency of Donald Trump relative to past presidents", "hypothetical"),
    # naming and evidential passives (PTC 731178960)
    ("Solar flares have been known to cause power grid failures.", "Solar flares", "have been known",
     "to cause power grid failures", "raising"),
    ("Although this storm has been categorized as “G-1,” which means it is minor, it could still cause some "
     "havoc.", "this storm", "has been categorized as", "“G-1,”", "raising"),
    # wishes, plans and aims (PTC 725276027, 793467906, judged rounds 1-4)
    ("Basically Saris wants these illegals to never leave.", "Saris", "wants", "these illegals to never leave",
     "wish"),
    ("Following the flyby, NASA plans to use the spacecraft to study the outer heliosphere.", "NASA", "plans",
     "to use the spacecraft to study the outer heliosphere", "wish"),
    ("They are left-wing Democrats seeking to get Hillary Clinton elected in 2016.", "left-wing Democrats",
     "seeking", "to get Hillary Clinton elected in 2016", "wish"),
    # a request for a thing, a question about a topic (PTC 771406408, 759337941)
    ("Fearing potential threats to the family, they asked for reinforcements.", "they", "asked",
     "for reinforcements", "request_for_thing"),
    ("When The Daily Caller News Foundation asked prosecutors about the disclosure, Awan’s lawyer said he had "
     "learned of the forthcoming story from a source on Capitol Hill.", "The Daily Caller News Foundation",
     "asked", "prosecutors about the disclosure", "request_for_thing"),
    # knowing and perceiving (PTC 771406408, 732610971, 698719689, judged round 4)
    ("They heard Kobili Traore chanting Muslim prayers and Koranic verses.", "They", "heard",
     "Kobili Traore chanting Muslim prayers and Koranic verses", "perception"),
    ("Orban has seen the influence of George Soros and his organizations in Hungary.", "Orban", "has seen",
     "the influence of George Soros and his organizations in Hungary", "perception"),
    ("They’ve also seen an unexpected number of cases of pneumonic plague, which transmits more easily from "
     "person to person.", "They", "’ve also seen", "an unexpected number of cases of pneumonic plague", "perception"),
    ("Ebola virus disease, formerly known as Ebola haemorrhagic fever, is a severe, often fatal illness in humans.",
     "Ebola virus disease", "formerly known as", "Ebola haemorrhagic fever", "raising"),
    # looking for what is not yet known (PTC 111111114, 758477392, rounds 1-2)
    ("She is currently weighing whether she can order a longer delay to give the affected people time to renew "
     "their efforts to gain legal status.", "She", "is currently weighing",
     "whether she can order a longer delay", "inquiry"),
    ("Authorities are also investigating whether or not Kazi was suffering from any mental health issues.",
     "Authorities", "are also investigating", "whether or not Kazi was suffering from any mental health issues",
     "inquiry"),
    ("US investigators are looking into whether the employee in China has been affected by a \"sonic attack\".",
     "US investigators", "are looking into", "whether the employee in China has been affected", "inquiry"),
    # findings and names with no one speaking; the writer's impersonal frames (rounds 1-4)
    ("A new experimental vaccine has been shown to be effective against the virus.", "A new experimental vaccine",
     "has been shown", "to be effective against the virus", "raising"),
    ("In January, Traore was determined to be fit to stand trial.", "Traore", "was determined",
     "to be fit to stand trial", "raising"),
    ("One thing to note is that Christianity is not Europe's \"last hope,\" it's the world's \"only hope.\"", "One",
     "thing to note is", "that Christianity is not Europe's", "raising"),
    ("Symptoms include swollen lymph nodes, called buboes, as well as fever.", "", "called", "buboes", "naming"),
    ("The product is a \"gun fabricator\" called the Ghost Gunner.", "", "called", "the Ghost Gunner", "naming"),
    # writing about a topic; acts on things (PTC 771406408, 999000599, 696246189)
    ("I wrote about the murder of Sarah Halimi last year.", "I", "wrote about", "the murder of Sarah Halimi",
     "topic"),
    ("The authorities allowed him to commit the crime.", "The authorities", "allowed", "him to commit the crime",
     "thing"),
    ("The photo went viral, with people spreading cover-up conspiracies.", "people", "spreading",
     "cover-up conspiracies", "thing"),
    # intentions, eagerness, awareness, a plea, refusing and failing (PTC 999000870, 763440871,
    # 786250729, 761874505, 723883127, 770156851: judged round 5, read after scoring)
    ("Most of them intend to take the Pacific coast route to reach the US.", "Most of them", "intend",
     "to take the Pacific coast route to reach the US", "wish"),
    ("We here at The Remnant are always eager to promote the home-schooling movement.",
     "We here at The Remnant", "are always eager", "to promote the home-schooling movement", "wish"),
    ("Of course, anyone who paid attention was aware of Google’s attempts to interfere on Clinton’s behalf.",
     "anyone", "aware of", "Google’s attempts to interfere on Clinton’s behalf", "not_communication"),
    ("Saucier, who lives in Vermont, pleaded guilty in 2016 to taking photos inside the USS Alexandria.",
     "Saucier, who lives in Vermont,", "pleaded guilty", "to taking photos inside the USS Alexandria",
     "not_communication"),
    ("Karadima’s victims reported it as early as 2002, but officials refused to believe them.", "officials",
     "refused", "to believe them", "negated"),
    ("For decades, America’s elites failed to see that the transnational moment was passing.",
     "America’s elites", "failed to see", "that the transnational moment was passing", "negated"),
    # a negation right before the cue (PTC 732610971)
    ("Orban said they do not think the fight is hopeless.", "they", "think", "the fight is hopeless", "negated"),
    # acts of governments and stances with an object, in commentary (PTC 711622457, 774145019,
    # 999001241, 770156851: rounds 5-6); saying negated by "nothing to say" (711622457)
    ("Syed Muzaffar Shah Qadri’s preaching of hatred and jihad violence was so hardline that he was banned from "
     "preaching in Pakistan, but the UK Home Office welcomed him into Britain.", "the UK Home Office", "welcomed",
     "him into Britain", "thing"),
    ("The Trump administration has levied tough sanctions on Russia.", "The Trump administration", "has levied",
     "tough sanctions on Russia", "thing"),
    ("He recently signed an immigration decree requiring asylum seekers to apply at their point of entry to the "
     "country and barring illegal immigrants from requesting asylum.", "He", "barring",
     "illegal immigrants from requesting asylum", "thing"),
    ("Since the Cold War, America’s elites have been exhibiting symptoms of that congenital blindness associated "
     "since Rome with declining and falling empires.", "America’s elites", "have been exhibiting symptoms of",
     "that congenital blindness associated since Rome with declining and falling empires", "thing"),
    ("Chris Bryant had nothing to say about any of those jihad preachers entering Britain with no problem.",
     "Chris Bryant", "had nothing to say about", "any of those jihad preachers entering Britain with no problem",
     "negated"),
])
def test_predicates_that_report_no_speech_are_not_cues(sentence, source, cue, content, rule):
    a = SpanAttribution(_at(sentence, source) if source else [], _at(sentence, cue), _at(sentence, content))
    assert not_speech(sentence, a, quote_mask(sentence)) == rule


@pytest.mark.parametrize("sentence, source, cue, content", [
    ("Voters are concerned that rents will rise.", "Voters", "are concerned", "that rents will rise"),
    ("The minister warned of a long winter.", "The minister", "warned of", "a long winter"),
    ("She praised the plan as a model for Europe.", "She", "praised", "the plan as a model for Europe"),
    ('"I said no," I told them.', "I", "told", "I said no"),
    # PTC 786731884, 727869189: a cue of PolNeAR's lexicon before the preposition
    ("Twitter also lashed out at him for quoting directly from Islamic religious texts.", "Twitter",
     "also lashed out at", "him for quoting directly from Islamic religious texts"),
    ("Pope Benedict has warned against precisely the kind of accommodation.", "Pope Benedict",
     "has warned against", "precisely the kind of accommodation"),
    ("The Cuban government continues to deny they attacked U.S. diplomats.", "The Cuban government",
     "continues to deny", "they attacked U.S. diplomats"),
    # a verb of acts with a clause or with a word of saying in its cue (PTC 735265649)
    ('Mayor Schaaf declared that she considered it her "duty" to warn criminal illegals in her area.',
     "Mayor Schaaf", "declared", 'that she considered it her "duty" to warn criminal illegals in her area'),
    ("The White House issued a statement calling the test a clear violation.", "The White House",
     "issued a statement calling", "the test a clear violation"),
    ("He said we might see a delay.", "He", "said", "we might see a delay"),
    # (review) an act whose object is itself speech
    ("The ministry issued a statement condemning the attack.", "The ministry", "issued",
     "a statement condemning the attack"),
    ("The embassy issued a warning to travellers on Monday.", "The embassy", "issued", "a warning to travellers on Monday"),
    # a view held, a that-clause known, hearsay (PTC 732610971, 725276027, 759337941)
    ("Orban sees it as destroying the culture of Europe.", "Orban", "sees", "it as destroying the culture of Europe"),
    ("The illegal aliens know that minor kritarchs have no authority over deportations.", "The illegal aliens",
     "know", "that minor kritarchs have no authority over deportations"),
    ("The minister has not only said that the count was fair.", "The minister", "said", "that the count was fair"),
    # an evaluation said of someone or something, not a topic (PTC rounds 4-5: 728343601,
    # 723883127, 770156851, 694356862, 770376380)
    ("The Pope later apologised for hurting victims' feelings \"without meaning to\" but continued to insist.",
     "The Pope", "later apologised for", "hurting victims' feelings \"without meaning to\""),
    ("The emeritus archbishop of Santiago subsequently apologized for having refused to believe the victims "
     "from the start.", "The emeritus archbishop of Santiago", "subsequently apologized for",
     "having refused to believe the victims from the start"),
    ("With never-Trump conservatives bailing on the GOP and crying out for the Party of Pelosi to save us, some "
     "painful truths need to be restated.", "never-Trump conservatives", "crying out for", "the Party of Pelosi to save us"),
    ("President Trump’s sharp denunciation of the Iranian regime during his address represented a welcome "
     "departure.", "President Trump’s", "sharp denunciation of", "the Iranian regime"),
    # praise is said: "nothing but praise for" (PolNeAR counts it); a welcome with a clause
    ("The senator had nothing but praise for the governor.", "The senator", "had nothing but praise for",
     "the governor"),
    ("The minister welcomed that the talks would resume.", "The minister", "welcomed", "that the talks would resume"),
])
def test_speech_stays(sentence, source, cue, content):
    a = SpanAttribution(_at(sentence, source), _at(sentence, cue), _at(sentence, content))
    assert not_speech(sentence, a, quote_mask(sentence)) is None


def test_a_quotation_paragraph_that_carries_on_the_speaker_is_an_attribution():
    # British style: the closing mark left off between paragraphs, each one opened again
    text = ('"We will not be rushed," the prime minister\'s official spokesman said. "The advice was clear.\n'
            '"There is no question of a second resolution.\n'
            '"The cabinet has agreed."\n'
            'Mr Smith disagreed.')
    said = SpanAttribution(_at(text, "the prime minister's official spokesman"), _at(text, "said"),
                           _at(text, "We will not be rushed,") + _at(text, "The advice was clear."))
    out = attribution_conventions(text, [said])
    assert [text[a.content[0][0]:a.content[-1][1]] for a in out[1:]] == [
        "There is no question of a second resolution.", "The cabinet has agreed."]
    assert all(not a.source and not a.cue for a in out[1:])


@needs_shared(PTC)
def test_continuation_paragraphs_get_the_running_speaker_end_to_end():
    text = _ptc("article697959084")  # development part of the judged sample
    (analysis,) = analyse([Article(id="a", text=text)])
    carried = [a for a in analysis.attributions if not a.cue]
    assert [text[a.content[0][0]:a.content[0][1]].lstrip("\u201c")[:12] for a in carried] == [
        "Then I heard", "That was abo"]
    assert {a.kind for a in carried} == {"direct"}
    # both carry on the witness's quotation, not the "somebody" reported inside the first
    claimed = [a for a in analysis.attributions if a.cue and text[a.cue[0][0]:a.cue[0][1]] == "claimed"]
    assert claimed[-1].speaker and {a.speaker for a in carried} == {claimed[-1].speaker}


def test_two_cues_on_one_quotation_make_one_attribution():
    # PolNeAR dev (huff-post, 2016-09): "scolded him: “…,” she said. “…”"
    text = ("Democratic Sen. Claire McCaskill scolded him: \u201cThe scientific community is almost monolithic "
            "against you,\u201d she said. \u201cWhen you call a product a miracle, I don\u2019t understand why.\u201d")
    quote = _at(text, "The scientific community is almost monolithic against you,")
    scolded = SpanAttribution(_at(text, "Democratic Sen. Claire McCaskill"), _at(text, "scolded"), quote)
    said = SpanAttribution(_at(text, "she"), _at(text, "said"), quote)
    out = one_attribution_per_quote(text, [scolded, said])
    assert [text[s:e] for a in out for s, e in a.content] == [
        "The scientific community is almost monolithic against you,",
        "When you call a product a miracle, I don\u2019t understand why."]


def test_attributions_reported_inside_a_quotation():
    text = "\u201cAt that time, he had some things, I thought, he had to offer,\u201d Ellison added."
    said = SpanAttribution(_at(text, "Ellison"), _at(text, "added"), _at(text, "At that time, he had some things, I "
                                                                              "thought, he had to offer,"))
    out = attribution_conventions(text, [said])
    [inner] = [a for a in out if a is not said]
    assert text[inner.cue[0][0]:inner.cue[0][1]] == "thought"
    assert [text[s:e] for s, e in inner.content] == ["At that time, he had some things", "he had to offer"]


@pytest.mark.parametrize("text, content, kind", [
    # textacy's quotation tests: a title or scare quotes do not make a report mixed
    ('Burton claims that his favorite book is "One Hundred Years of Solitude".',
     'his favorite book is "One Hundred Years of Solitude"', "indirect"),
    ('Burton thinks that cats are "cuties".', 'cats are "cuties"', "indirect"),
    ("Ms K has said she intends to stand again.", "she intends to stand again", "indirect"),
    ('He called the plan "a total and complete disaster".', 'the plan "a total and complete disaster"', "mixed"),
    # a quotation over two paragraphs marked only at its ends is all quoted
    ('He said: "We only had one exit.\nEveryone was just following the sheep."',
     'We only had one exit.\nEveryone was just following the sheep.', "direct"),
])
def test_kinds(text, content, kind):
    assert classify(text, _at(text, content), quote_mask(text, across_paragraphs=True)) == kind


@pytest.mark.parametrize("sentence, source, cue, content", [
    # PTC 730061195 (judged round 1): cues the tagger leaves out, in the frame of reported speech
    ("Smith’s wife had told police in November that her husband illegally carried a “gun all of the time,” "
     "according to the Enquirer.", "Smith’s wife", "told",
     "that her husband illegally carried a “gun all of the time"),
    ("She told police that Quentin Smith had come home drunk earlier in the week.", "She", "told",
     "that Quentin Smith had come home drunk earlier in the week"),
    # PTC 111111121: who is told is any short noun phrase; a quotation opens the clause
    ("She told a town hall that “local, state and federal laws prohibit me from taking action,” according to ABC "
     "affiliate WFAA.", "She", "told", "that “local, state and federal laws prohibit me from taking action"),
    # PTC 735815173: the content ends where the next report begins
    ("The congressman wasn’t sure why the ADL wrote that he had been misquoted in his praise for the "
     "anti-Semite, he told The Daily Caller News Foundation on Sunday.", "the ADL", "wrote",
     "that he had been misquoted in his praise for the anti-Semite"),
])
def test_cues_in_the_frame_of_reported_speech(sentence, source, cue, content):
    from newstrace.extract.frames import that_clauses

    found = [(sentence[a.source[0][0]:a.source[0][1]] if a.source else "", sentence[a.cue[0][0]:a.cue[0][1]],
              sentence[a.content[0][0]:a.content[-1][1]]) for a in that_clauses(sentence, [], quote_mask(sentence))]
    assert (source, cue, content) in found


@pytest.mark.parametrize("sentence", [
    # a relative "that", a pronoun "that", a cue no one said, a cue inside a quotation
    "every other person that I’ve talked that did unfortunately get hit as well.",
    "He noted that many, many years ago.",
    "It is hard to say that the count was fair.",
    '"I’ve said that many, many years ago, and I said it again," Ellison said.',
])
def test_no_frame_where_that_opens_no_report(sentence):
    from newstrace.extract.frames import that_clauses

    assert that_clauses(sentence, [], quote_mask(sentence)) == []


@needs_shared(PTC)
def test_a_continuation_after_an_advertisement_line_keeps_the_running_speaker():
    # a Boston Globe report in PTC (article731762731); pages put "Advertisement" lines
    # between its paragraphs, here between a quotation and the paragraph carrying it on
    lines = _ptc("article731762731").split("\n")
    said = next(i for i, line in enumerate(lines) if line.startswith("\u201cMy expectation is"))
    text = "\n".join(lines[said - 1:said + 1] + ["", "Advertisement", ""] + lines[said + 1:said + 2])
    (analysis,) = analyse([Article(id="a", text=text)])
    carried = [a for a in analysis.attributions if not a.cue]
    assert [text[a.content[0][0]:a.content[0][1]].strip("\u201c\u201d") for a in carried] == [
        "I\u2019ve seen little that has changed."]
    assert carried[0].speaker == "Scanlan"


def test_attributions_come_out_in_text_order_when_a_continuation_is_split_off():
    # the tagger's content for the first speaker ran on over a later quotation paragraph,
    # past another speaker's attribution: the piece split off takes its place in the text,
    # so the running speaker of the paragraph is the one just before it
    text = ('"We will not be rushed," the spokesman said.\n'
            'Mr Smith said he disagreed.\n'
            '"There is no question of a second resolution."')
    first = SpanAttribution(_at(text, "the spokesman"), _at(text, "said"),
                            _at(text, "We will not be rushed,") + _at(text, "There is no question of a second resolution."))
    smith = SpanAttribution(_at(text, "Mr Smith"), _at(text, "said", 50), _at(text, "he disagreed"))
    out = attribution_conventions(text, [first, smith])
    starts = [min(s for s, _ in a.source + a.cue + a.content) for a in out]
    assert starts == sorted(starts) and len(out) == 3


@needs_shared(PTC)
def test_embedded_posts_are_their_accounts_words():
    # a report with six embedded tweets, each "… pic.twitter.com/… — Name (@handle) Date"
    # (PTC 999000894, judged round 3): the words above each signature are the account's,
    # links and lines of tags left out
    text = _ptc("article999000894")
    (analysis,) = analyse([Article(id="a", text=text)])
    posts = [a for a in analysis.attributions if a.speaker_mention and "(@" in a.speaker_mention]
    assert [(a.speaker, a.content_text[:30], a.cue) for a in posts] == [
        ("Iris Rodriguez", "Troops setting up barb wire un", []),
        ("Jolanie Martinez", "Active duty U.S. ARMY Troops a", []),
        ("John Moore", "C-wire stretches along the Rio", []),
        ("bananas in pajamas", "Someone sent my dad this video", []),
        ("Jose F Sanchez", "Happening Now: US troops perfo", []),
        ("John Moore", "U.S. Army troops, part of \u201cOpe", []),
    ]
    assert posts[2].content_text.endswith("ahead of US midterm elections.")  # "#Immigration … pic…" left out
    assert all(a.kind == "indirect" for a in posts)


def test_a_post_of_several_lines_stops_at_the_articles_own_line():
    # PTC 795693029: three lines of one tweet above its signature, the article's line before
    text = ("Trump threatened to end the trade deal with Mexico as well if the caravan was not stopped.\n"
            "\u2026.The assault on our country at our Southern Border, including the Criminal elements and DRUGS "
            "pouring in, is far more important to me, as President, than Trade or the USMCA.\n"
            "Hopefully Mexico will stop this onslaught at their Northern Border.\n"
            "All Democrats fault for weak laws!\n"
            "\u2014 Donald J. Trump (@realDonaldTrump) October 18, 2018\n"
            "According to NBC News, the caravan has increased in size.")
    (post,) = embedded_posts(text, [])
    assert text[post.content[0][0]:post.content[0][1]].startswith("\u2026.The assault")
    assert text[post.content[0][0]:post.content[0][1]].endswith("weak laws!")
    assert text[post.source[0][0]:post.source[0][1]] == "Donald J. Trump (@realDonaldTrump)"


def test_a_post_sharing_its_signatures_line_keeps_its_lines_above_and_links_cost_little():
    text = ("Hopefully Mexico will stop this onslaught at their Northern Border.\n"
            "All Democrats fault for weak laws! \u2014 Donald J. Trump (@realDonaldTrump) October 18, 2018")
    (post,) = embedded_posts(text, [])
    assert text[post.content[0][0]:post.content[0][1]].startswith("Hopefully Mexico")
    # a hostile line of links before a signature: no post, and no quadratic regex
    hostile = "word" + " http://x" * 50_000 + "\n\u2014 A B (@ab) October 1, 2018"
    assert embedded_posts(hostile, []) == []


def test_links_glued_together_before_a_signature_cost_little():
    # (one regex over the line took seconds at 25 glued links and doubled with each more)
    hostile = "http://x" * 60 + " y\n\u2014 A B (@ab) October 1, 2018"
    (post,) = embedded_posts(hostile, [])
    assert hostile[post.content[0][0]:post.content[0][1]].endswith(" y")


@pytest.mark.parametrize("text", [
    # knowing, a hedge, a negated belief and a feeling inside quotations (PTC 999000599,
    # 732610971, 696246189, judged round 4): none reports anything
    "“Yeah, I know they all look alike,” Clinton joked.",
    "“And I don’t think it’s politically correct to say we value that,” she concluded.",
    "“We don’t think the fight is hopeless, on the contrary, we are winning,” Orban said.",
    "“We don’t really know what caused him to travel to Syria.”",
    "“I guess I was really afraid of them,” he said.",
    "“People feel more comfortable where they are taken in,” she said.",
])
def test_no_report_nested_in_a_quotation(text):
    from newstrace.extract.nested import nested_attributions
    assert nested_attributions(text, [], quote_mask(text)) == []


def test_a_belief_nested_in_a_quotation_stays():
    from newstrace.extract.nested import nested_attributions
    text = "“I thought you guys were the other party,” he said."
    (a,) = nested_attributions(text, [], quote_mask(text))
    assert text[a.cue[0][0]:a.cue[0][1]] == "thought"


@pytest.mark.parametrize("text, content", [
    # hearsay adverbs (PTC 771406408, 759337941, 111111121, 695833178; judged rounds 1-4)
    ("He allegedly assaulted the Jewish woman and hit her mercilessly.",
     ["He", "assaulted the Jewish woman and hit her mercilessly"]),
    ("This allegedly occurred during the same period in 2016 the DNC was hacked.",
     ["This", "occurred during the same period in 2016 the DNC was hacked"]),
    ("Guyger allegedly walked into the apartment of the neighbor, Botham Jean, and fatally shot him Sept 6.",
     ["Guyger", "walked into the apartment of the neighbor, Botham Jean, and fatally shot him Sept 6"]),
    ("The photo even has a handwritten note that was reportedly written by an FBI agent.",
     ["The photo even has a handwritten note that was", "written by an FBI agent"]),
])
def test_hearsay_adverbs_attribute_their_clause(text, content):
    (a,) = attribution_conventions(text, [])
    assert not a.source and [text[s:e] for s, e in a.cue] in (["allegedly"], ["reportedly"])
    assert [text[s:e] for s, e in a.content] == content


def test_hearsay_about_a_quotation_is_an_attribution_of_its_own():
    # PTC 771406408: the killer's shout, and that someone alleges it
    text = "The killer had allegedly shouted, “Allahu Akbar”.\nIn the tragic night, neighbours called."
    shout = SpanAttribution(_at(text, "The killer"), _at(text, "had allegedly shouted"), _at(text, "“Allahu Akbar”"))
    cues = [text[a.cue[0][0]:a.cue[0][1]] for a in attribution_conventions(text, [shout])]
    assert sorted(cues) == ["allegedly", "had allegedly shouted"]
    # an evidential predicate after the adverb is the attribution (PTC 758812201)
    text = "The illnesses are allegedly thought to be either a sonic attack or faulty gear."
    assert attribution_conventions(text, []) == []


@pytest.mark.parametrize("sentence, cue, content", [
    # evaluative acts with an object (PTC 771406408, 735815173, 732610971, 702077434;
    # judged rounds 1-4)
    ("“Ten years ago, the daughter of one of her neighbors pushed my sister down the stairs, and the next time "
     "she called her a dirty Jew,” he described.", "called", "her a dirty Jew"),
    ("Sarah’s brother said that the killer called Sarah and her daughter, “dirty Jews”.", "called",
     "Sarah and her daughter, “dirty Jews”"),
    ("An article in The Daily Caller said he lauded Farrakhan on Monday as “an outstanding human being.”",
     "lauded", "Farrakhan on Monday as “an outstanding human being.”"),
    ("Soros, for his part, compared Orban unfavorably to both the Nazis and the Communists, saying his rule "
     "evoked dark tones from the 1930’s.", "compared", "Orban unfavorably to both the Nazis and the Communists"),
    ("Prosecutors, who pushed for 35 years in prison, accused Khweis of lying repeatedly over the last 15 "
     "months of the trial.", "accused", "Khweis of lying repeatedly over the last 15 months of the trial"),
    ("Pope Francis’s remarks that accused victims of a notorious Chilean pedophile priest, the Rev.\nFernando "
     "Karadima, of “slander” against Bishop Juan Barros.", "accused",
     "victims of a notorious Chilean pedophile priest, the Rev.\nFernando Karadima, of “slander” against Bishop "
     "Juan Barros"),
])
def test_evaluative_acts_with_an_object(sentence, cue, content):
    from newstrace.extract.evaluations import evaluations
    (a,) = evaluations(sentence, [])
    assert sentence[a.cue[0][0]:a.cue[0][1]] == cue and sentence[a.content[0][0]:a.content[0][1]] == content


@pytest.mark.parametrize("sentence", [
    "Many neighbours, woken by religious chanting, called the police.",  # PTC 771406408
    "Wilson unveiled a “gun fabricator” called the Ghost Gunner.",  # PTC 773748383
    "Trump attacked what he called Machado’s “sex tape” on Twitter.",  # PolNeAR dev
])
def test_no_evaluation_where_nothing_is_said_of_someone(sentence):
    from newstrace.extract.evaluations import evaluations
    assert evaluations(sentence, []) == []


def test_the_writers_gloss_after_a_quotation_is_not_the_content():
    # PTC 731762731, judged round 4
    text = ("Jim Scanlan, another survivor, said “the timing of it is too perfect” given the controversy last "
            "month surrounding Pope Francis’s remarks.")
    said = SpanAttribution(_at(text, "Jim Scanlan, another survivor"), _at(text, "said"),
                           [(text.index("“the"), len(text) - 1)])
    (a,) = attribution_conventions(text, [said])
    assert text[a.content[0][0]:a.content[-1][1]] == "“the timing of it is too perfect”"


@pytest.mark.parametrize("article, quote, cue, next_quote", [
    # PTC 730237078 (judged round 4) and 728343601 (round 5): the cue after a quotation
    # is that quotation's, the next quotation paragraph carries the speaker on
    ("article730237078", "“New Horizons has long been a mission of firsts", "notes in a statement",
     "“And now, we’ve been able to make images"),
    ("article728343601", "\"Holy Father, I decided to write this letter", "writes",
     "\"Our story is well known"),
    # the line goes on after the cue (PTC 999000894, judged round 3); the cue before ran on
    # into the quotation of a line with a cue of its own (694356862, round 5)
    ("article999000894", "“We have our military on the border", "said", "“And I noticed all that beautiful"),
    ("article694356862", "“The Iranian influence is spreading", "added", "“It’s a new monster"),
])
@needs_shared(PTC)
def test_a_cue_after_a_quotation_reports_that_quotation(article, quote, cue, next_quote):
    text = _ptc(article)
    (analysis,) = analyse([Article(id=article, text=text, title=text.split("\n", 1)[0])])
    q, n = text.index(quote), text.index(next_quote)
    first = [a for a in analysis.attributions if a.content and a.content[0][0] - 1 <= q < a.content[-1][1]]
    later = [a for a in analysis.attributions if a.content and a.content[0][0] - 1 <= n < a.content[-1][1]]
    assert [text[s:e] for a in first for s, e in a.cue] == [cue]
    assert later and all(not a.cue for a in later)


def test_a_colon_is_no_cue():
    # PTC 762152527 (judged round 2): the judges mark a source and no cue
    text = ("Another Republican who wants to stop investigating is former RNC Chair, Michael Steele: “There is no "
            "Spygate because there are no spies in the campaign.” The attitude of Steve Scalise is wishy-washy.")
    steele = SpanAttribution(_at(text, "former RNC Chair, Michael Steele"), _at(text, ":"),
                             _at(text, "“There is no Spygate because there are no spies in the campaign.”"))
    (a,) = attribution_conventions(text, [steele])
    assert a.cue == [] and a.source == steele.source and a.content == steele.content


@pytest.mark.parametrize("text, source, cue, content", [
    # reports nested in a quotation by a named person, with "assured", with a day before
    # "that" (PTC 728343601, judged round 5, read after scoring; 762152527, round 2)
    # (the report ends where Cruz's next clause is joined, as the round's gold has it: recall17)
    ('Mr Cruz says: "Holy Father, Juan Barros says he saw nothing and yet, there are dozens of us."',
     "Juan Barros", "says", "he saw nothing"),
    ('"When we gave him the letter for the Pope, he assured us he would give it to the Pope," she told AP.',
     "he", "assured", "he would give it to the Pope"),
    ("Evidence: “House Speaker Paul Ryan said Wednesday that Oversight Chairman Trey Gowdy was ‘accurate’.”",
     # "that" opens the content, as the round's gold has it (recall15)
     "House Speaker", "said", "that Oversight Chairman Trey Gowdy was ‘accurate’."),
])
def test_reports_nested_in_a_quotation(text, source, cue, content):
    from newstrace.extract.nested import nested_attributions
    found = [(text[a.cue[0][0]:a.cue[0][1]], text[a.content[0][0]:a.content[-1][1]])
             for a in nested_attributions(text, [], quote_mask(text))]
    assert (cue, content) in found


@pytest.mark.parametrize("sentence,source,cue,content", [
    # judged PTC rounds 1-5: saying with no "that", and beliefs, which the tagger left out
    ("When she was arrested three days later on manslaughter charges, Guyger said she confused Jean’s home for "
     "her own, confused Jean for an intruder, and shot him when he refused her commands, according to court "
     "documents.", "Guyger", "said", "she confused Jean’s home for her own, confused Jean for an intruder, "
     "and shot him when he refused her commands"),
    ("Candace Smith told officers they were separating, and that he left when she told him she was calling "
     "police.", "she", "told", "she was calling police"),
    ("The arrests came despite a press release tweeted by Libby Schaaf, the Democratic mayor of Oakland, which "
     "noted that “multiple credible sources” told her ICE would be conducting the raids in the Bay Area.",
     "multiple credible sources”", "told", "ICE would be conducting the raids in the Bay Area"),
    ("Authorities believe he may have had an accomplice, based on the elaborate planning on Sunday night’s "
     "rampage.", "Authorities", "believe",
     "he may have had an accomplice, based on the elaborate planning on Sunday night’s rampage"),
    ("Professor Paul Hunter has warned that, while it would be rather easy for an advanced country to contain "
     "the disease in its current form, he fears that it could evolve into something far more dangerous.",
     "he", "fears", "that it could evolve into something far more dangerous"),
    ("Muhammad said he did not release his copy of the photograph because he thought it would be perceived as "
     "a betrayal of that promise.", "he", "thought", "it would be perceived as a betrayal of that promise"),
    # PolNeAR dev: a belief nested in a report is the one who believes
    ("Trump said he believes Obama was born in the United States.", "he", "believes",
     "Obama was born in the United States"),
])
def test_reports_with_no_that_and_beliefs(sentence, source, cue, content):
    from newstrace.extract.bare_clauses import bare_clauses

    found = [(sentence[a.source[0][0]:a.source[0][1]], sentence[a.cue[0][0]:a.cue[0][1]],
              sentence[a.content[0][0]:a.content[-1][1]]) for a in bare_clauses(sentence, [], quote_mask(sentence))]
    assert (source, cue, content) in found


@pytest.mark.parametrize("sentence", [
    # a question to the reader, an emotion, a noun, saying not reported, the writer's opinion
    "Ever thought that the academic discipline of history has gone to the Diversity dogs?",
    "Hall is still worried that the termination might affect the criminal investigation.",
    "The fear they could be deported is real.",
    "It is hard to say he was wrong about that.",
    "I think it was a mistake to leave the deal.",
    # PolNeAR dev: an imperative, a noun after an adjective, "that" a determiner
    "Now tell this isn't a witch hunt of the highest order.",
    "Folks, this reeks of some of the greatest fear that I have ever seen.",
    "There are some who feel that way, but not among the vast majority.",
])
def test_no_bare_clause_where_nothing_is_reported(sentence):
    from newstrace.extract.bare_clauses import bare_clauses

    assert bare_clauses(sentence, [], quote_mask(sentence)) == []


@needs_shared(PTC)
def test_a_poll_widget_is_nobodys_statement():
    # PTC 999000158 (judged round 1) and 999000870 (round 5): the tagger read "story continues
    # below" as a cue, and a post's words were taken from the widget's lines
    from newstrace.extract.furniture import drop_furniture
    text = _ptc("article999000158")
    widget = SpanAttribution(_at(text, "our poll - story"), _at(text, "continues below"),
                             _at(text, "Should military force be used to stop the caravan of migrants marching"))
    ellison = SpanAttribution(_at(text, "Ellison", text.index("said Ellison")), _at(text, "said", text.index("said Ellison")),
                              _at(text, "I absolutely, unqualifiedly denounce and reject the views of Louis Farrakhan"))
    assert drop_furniture(text, [widget, ellison]) == [ellison]
    text = _ptc("article999000870")
    post = SpanAttribution(_at(text, "Adolfo Flores (@aflores)"), [],
                           [(text.index("Email *", text.index("Story with @Haleaziz")),
                             text.index("Terms of Use.", text.index("Story with @Haleaziz")) + 13)])
    assert drop_furniture(text, [post]) == []


# Commentary's false hits of the judged PTC rounds 1-7 (issue 28, `precision8`): appearance,
# a pronoun for all that is said, commitments, decisions, saying held back, modal and
# future saying, acts with an object, questions about a topic. Real sentences.
@pytest.mark.parametrize("sentence, source, cue, content, rule", [
    # appearance with no one appearing to say it; the writer's impersonal frame (757843275,
    # 761610997, 727736557)
    ("The World Health Organization has been warning about the “Ebola situation” in Congo, and it appears their "
     "only solution is an experimental vaccine.", "", "appears", "their only solution is an experimental vaccine",
     "raising"),
    ("After his 16 months in office, it appears as though the Trump presidency, no matter how brief, is going to "
     "be a watershed moment in U.S.", "it", "appears as", "though the Trump presidency", "raising"),
    ("It should be noted that Haig's rounds were probably not even used in the massacre.", "It should be",
     "noted", "that Haig's rounds were probably not even used in the massacre", "raising"),
    # nothing said but a pronoun (999000158, 735815173)
    ("One of them just actually has the nerve to say it.", "One of them", "just actually has the nerve to say",
     "it", "no_content"),
    ("CNN only mentioned it when it embedded Jake Tapper's tweets about the support for Farrakhan by Women's "
     "March leaders.", "CNN", "only mentioned", "it", "no_content"),
    # commitments, efforts and hopes with a to-infinitive or "for" (775448623, 766942310, 723883127)
    ("In addition to signing off on the public release of the 3-D printing tutorials, the State Department also "
     "agreed to pay nearly $40,000 of Mr. Wilson’s legal fees.", "the State Department", "also agreed",
     "to pay nearly $40,000 of Mr. Wilson’s legal fees", "commitment"),
    ("But it was agreed to temporarily stop the highly provocative US/South Korean war games simulating an "
     "invasion of the North, a key demand by Kim.", "", "it was agreed", "to temporarily stop the highly "
     "provocative US/South Korean war games", "commitment"),
    ("Wilson, an avowed anarchist who hopes for a world in which governments can’t stop individuals from getting "
     "guns, claimed his First Amendment right to free speech was being violated.", "who", "hopes for",
     "a world in which governments can’t stop individuals from getting guns", "commitment"),
    ("Pope Francis is now attacking the credibility of child sex abuse victims in a shocking move made at the end "
     "of a trip to Chile in which he had hoped to “heal” the wounds of said abuse.", "he", "had hoped",
     "to “heal” the wounds of said abuse", "commitment"),
    # decisions (765197039); a refusal (775448623)
    ("Now Farage has apparently decided that if he can’t beat them, he’ll join them — if not on Brexit, then in "
     "their stance of denial and appeasement regarding the global jihad threat.", "Farage",
     "has apparently decided", "that if he can’t beat them, he’ll join them", "decision"),
    ("But he lost at every stage of litigation, including a refusal by the Supreme Court to review a decision "
     "that the code could not be published during the course of the lawsuit.", "the Supreme Court", "a refusal",
     "to review a decision that the code could not be published", "negated"),
    # saying held back (757843275, 770376380)
    ("The WHO, however, stopped short of declaring the outbreak a global health emergency.", "The WHO",
     "stopped short of declaring", "the outbreak a global health emergency", "negated"),
    ("The Catholic Church as a whole has committed itself to Islamopandering, such that it is largely silent "
     "about the Muslim persecution of Christians that has taken place in the Middle East.", "it",
     "is largely silent about", "the Muslim persecution of Christians", "negated"),
    # modal and future saying, whoever the subject (711566593, 766942310, 761610997, 741923579, 770376380)
    ("When that happens, the killer’s public defender will call it a “vindication for the rights of "
     "immigrants.”", "the killer’s public defender", "will call", "it a “vindication for the rights of immigrants.”",
     "hypothetical"),
    ("There may be a few gestures of disarmament but Kim must know that his nukes are his means of survival.",
     "Kim", "know", "that his nukes are his means of survival", "hypothetical"),
    ("And perhaps someone can explain the wisdom of handing 4 percent of our GDP each year to an adversary "
     "nation.", "someone", "can explain", "the wisdom of handing 4 percent of our GDP", "hypothetical"),
    ("Sean Ragan might explain to us that authorities are also trying to determine whether the German invasion "
     "of Poland in September 1939 was motivated by Nazism.", "Sean Ragan", "might explain to",
     "that authorities are also trying to determine", "hypothetical"),
    ("But Gregory III should have understood, since he was a major part of the problem.", "Gregory III",
     "should have understood", "was a major part of the problem", "hypothetical"),
    # the writer's "let’s" (757843275)
    ("For their sake, let’s hope it works better than this year’s flu vaccine.", "’s", "hope",
     "it works better than this year’s flu vaccine", "writers_voice"),
    # acts with an object (766942310, 761610997); a question about a topic (999000158)
    ("Trump completely ignored America’s two old allies after his meeting with Kim.", "Trump",
     "completely ignored", "America’s two old allies", "thing"),
    ("Third, faithful to the free trade cult in which they were raised, Republicans championed NAFTA, the WTO, "
     "and MFN for China.", "Republicans", "championed", "NAFTA, the WTO, and MFN for China", "thing"),
    ("During a debate with Republican opponent Doug Wardlow, Ellison was asked about his previous support of "
     "Farrakhan.", "", "was asked about", "his previous support of Farrakhan", "request_for_thing"),
])
def test_commentary_predicates_that_report_no_speech(sentence, source, cue, content, rule):
    a = SpanAttribution(_at(sentence, source) if source else [], _at(sentence, cue), _at(sentence, content))
    assert not_speech(sentence, a, quote_mask(sentence)) == rule


@pytest.mark.parametrize("sentence, source, cue, content", [
    # "May" the prime minister, not a modal (711622457)
    ("And so Chris Bryant, a senior Labour backbencher, has written to May urging her to go further.",
     "Chris Bryant", "urging", "her to go further"),
    # "that" stands for what was denied (727128296); a column's "I should say" (PolNeAR dev)
    ("Haig strongly denies that.", "Haig", "strongly denies", "that"),
    ("I should say that my father began his studies at MIT at age 16.", "I", "should say",
     "that my father began his studies at MIT at age 16"),
    # agreeing that, hoping that: said (PTC judged round 5)
    ("Local survivors of abuse said they were hopeful that there could be positive change in the church.",
     "Local survivors of abuse", "hopeful", "that there could be positive change in the church"),
    ("The two leaders agreed that the talks had gone well.", "The two leaders", "agreed",
     "that the talks had gone well"),
    # a quotation announced for the future stays
    ('The minister will say: "We are ready."', "The minister", "will say", '"We are ready."'),
])
def test_commentary_speech_stays(sentence, source, cue, content):
    a = SpanAttribution(_at(sentence, source), _at(sentence, cue), _at(sentence, content))
    assert not_speech(sentence, a, quote_mask(sentence)) is None


@needs_shared(PTC)
def test_a_headline_under_a_kicker_is_no_attribution():
    # PTC 723883127: "Shock!" is the title line, the headline proper stands below it
    text = _ptc("article723883127")
    (analysis,) = analyse([Article(id="a", text=text, title=text.split("\n", 1)[0])])
    headline_end = text.index("\n\n")
    assert headline_span(text, "Shock!") == (0, headline_end)
    assert all((a.cue or a.content)[0][0] > headline_end for a in analysis.attributions)
    assert any("Pope Francis is now attacking" not in a.content_text for a in analysis.attributions)


@pytest.mark.parametrize("sentence, source, content", [
    # the judged PTC rounds' "For X," (766942310, 711622457, 999000125, 711566593)
    ("For Kim, these weapons are purely defensive, designed to prevent a US attack on his nation.", "Kim",
     "these weapons are purely defensive, designed to prevent a US attack on his nation"),
    ("For Chris Bryant, apparently “fascism” means “defense of Britain and its values against jihad terror.”",
     "Chris Bryant", "apparently “fascism” means “defense of Britain and its values against jihad terror"),
    ("For Sofia Jao, BC ‘22, problems with the performance resided not in the set, but with Patel’s closing "
     "remarks.", "Sofia Jao, BC ‘22", "problems with the performance resided not in the set, but with Patel’s "
     "closing remarks"),
    ("For Garcia’s Zarate’s attorney, Matt Gonzalez, Ralph Nader’s running mate in the 2008 presidential election, "
     "the trial was all about Donald Trump.", "Garcia’s Zarate’s attorney, Matt Gonzalez, Ralph Nader’s running "
     "mate in the 2008 presidential election", "the trial was all about Donald Trump"),
])
def test_a_viewpoint_opening_a_sentence_is_an_attribution(sentence, source, content):
    from newstrace.extract.viewpoints import viewpoints

    (a,) = viewpoints(sentence, [], quote_mask(sentence))
    assert a.source == _at(sentence, source) and a.content == _at(sentence, content) and a.cue == [(0, 3)]


@pytest.mark.parametrize("sentence", [
    "For years, the plant has polluted the river.",
    "For example, the Church has committed itself to Islamopandering.",
    # scripture's "For" (PTC): a conjunction, not a viewpoint
    "For I know him, that he will command his children and his household after him.",
    # a quotation's own "For X," is its speaker's
    '"For Kim, these weapons are purely defensive," he said.',
])
def test_no_viewpoint_where_for_opens_no_one_s_view(sentence):
    from newstrace.extract.viewpoints import viewpoints

    assert viewpoints(sentence, [], quote_mask(sentence)) == []


@needs_shared(PTC)
def test_a_post_whose_signature_a_title_broke_over_two_lines():
    # PTC 999001297 (judged round 7): "— Sec.\nKirstjen Nielsen (@SecNielsen) November 14, 2018"
    text = _ptc("article999001297")
    posts = [a for a in embedded_posts(text, []) if text[a.source[0][0]:a.source[0][1]] == "Kirstjen Nielsen (@SecNielsen)"]
    assert len(posts) == 2
    assert text[posts[0].content[0][0]:posts[0].content[0][1]].startswith(
        "Border security is national security, and @DHSgov will enforce our nation's laws.")
