"""The extract stage: who said what (attributions with resolved speakers) and which
media an article cites. Per-article work with no shared state, so it runs in worker
processes; models load once per process.

>>> from newstrace.extract import MODELS
>>> sorted(MODELS)
['accurate', 'balanced', 'default', 'fast']
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import lru_cache

from newstrace.extract.base import SpanExtractor
from newstrace.extract.continuation import MAX_GAP, add_continuations, only_short_lines_between, split_continuations
from newstrace.extract.quotes import attribution_kind, classify, one_attribution_per_quote, quote_mask
from newstrace.extract.speakers import is_short_form_or_equal
from newstrace.outlets import canonical_outlet
from newstrace.records import PRONOUNS, Article, Attribution, Citation, SpanAttribution, span_text

MODELS = {
    "default": "the trained tagger (MiniLM encoder, cue then source and content)",
    "fast": "the trained tagger, smaller and faster",
    "balanced": "the fast tagger with the per-cue roles pass: far fewer content errors, a quarter slower",
    "accurate": "two trained taggers averaged: more accurate, half as fast as default",
}


@lru_cache(maxsize=None)
def get_extractor(model: str = "default") -> SpanExtractor:
    """The span extractor called ``model`` (see ``MODELS``), loaded once per process."""
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}; choose from {', '.join(sorted(MODELS))}")
    from newstrace.extract.tagger import load_tagger

    return load_tagger(model)


def extractor_id(model: str = "default") -> str:
    """What the store records as an article's extractor: the model's name, a digest of its
    shipped recipe and one of the rules read after it (speakers, interview turns, quotation
    repairs, citations: this package's modules), so that a run with another model, with
    retrained weights, or with a newstrace whose rules changed extracts stored articles
    again ("default@3f2a….9c1e…")."""
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}; choose from {', '.join(sorted(MODELS))}")
    from newstrace.extract.tagger import weights_digest

    return f"{model}@{weights_digest(model)}.{_rules_digest()}"


@lru_cache(maxsize=1)
def _rules_digest() -> str:
    import hashlib
    from pathlib import Path

    h = hashlib.blake2b(digest_size=4)
    here = Path(__file__).parent
    # the rules' modules and their word lists (data/), subpackages' too
    for path in sorted([*here.rglob("*.py"), *here.rglob("data/*")]):
        h.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


@dataclass(slots=True)
class Analysis:
    """What the extract stage finds in one article."""

    attributions: list[Attribution]
    citations: list[Citation]


def _order(spans: SpanAttribution) -> tuple[int, int]:
    starts = [s for s, _ in spans.content + spans.cue + spans.source]
    return (min(starts) if starts else 0, spans.content[0][0] if spans.content else 0)


def continue_quotes(text: str, spans: list[SpanAttribution], speakers: list[str | None]) -> list[str | None]:
    r"""A quotation that opens a paragraph without a source of its own continues the
    quotation that closed the paragraph before (news style: "…," he said.¶"More…").

    >>> t = '"We won," Ann said.\n"And we will win again."'
    >>> a = SpanAttribution(source=[(10, 13)], cue=[(14, 18)], content=[(1, 7)])
    >>> b = SpanAttribution(source=[], cue=[], content=[(21, 44)])
    >>> continue_quotes(t, [a, b], ["Ann", None])
    ['Ann', 'Ann']
    """
    out = list(speakers)
    # an attribution reported inside another's content ("… somebody yell ‘…’ …") is not
    # the one a next paragraph carries on
    inner = [bool(a.cue) and any(b is not a and any(s <= a.cue[0][0] and a.cue[-1][1] <= e for s, e in b.content)
                                 for b in spans) for a in spans]
    for i in range(1, len(spans)):
        j = i - 1
        while j > 0 and inner[j]:
            j -= 1
        if out[i] is not None or spans[i].source or not out[j] or not spans[j].content:
            continue
        start = spans[i].content[0][0]
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip() not in ("", '"', "“"):
            continue  # not at the opening of a paragraph
        previous_end = max(spans[j].content[-1][1], spans[i - 1].content[-1][1])
        between = text[previous_end:line_start]
        # one line between at most, or only a page's asides ("Advertisement"), as
        # add_continuations accepts them
        if "\n" in between and len(between) < MAX_GAP and (
                between.count("\n") <= 2 or only_short_lines_between(between)):
            out[i] = out[j]
    return out


def unrelay_quotes(text: str, spans: list[SpanAttribution], speakers: list[str | None],
                   doc=None, mask: bytearray | None = None) -> list[str | None]:
    r"""A direct quote "sourced" to a news outlet that only relays it ("X says …, Sputnik
    reported. "…"") was spoken by the person quoted just before, not by the outlet. The
    outlet stays in the article's citations.

    Words that are not a bare quotation but the outlet's own sentence about them ('By the
    "standards of this world," Daesh may seem defeated, a militant who calls himself Abu Ali
    says in the video, Sputnik reported') are the person's only when that sentence names a
    person speaking ("Abu Ali says"): an outlet's paraphrase with a quoted word in it is
    otherwise the outlet's own.

    That person is looked for in the relaying paragraph first: the speaker of an earlier
    attribution there, else (when the tagger found no attribution of theirs) the last
    person ``doc`` (a spaCy Doc of ``text``) names there before the relaying cue; only then
    the speaker of an attribution in the paragraphs before, within 400 characters. (spaCy
    takes some outlets for persons: "Sputnik".)

    >>> t = 'Daesh lost, Ali says, Sputnik reported. "We are patient."'
    >>> a = SpanAttribution(source=[(12, 15)], cue=[(16, 20)], content=[(0, 10)])
    >>> b = SpanAttribution(source=[(22, 29)], cue=[(30, 38)], content=[(41, 56)])
    >>> unrelay_quotes(t, [a, b], ["Ali", "Sputnik"])
    ['Ali', 'Ali']
    """
    mask = quote_mask(text) if mask is None else mask
    out = list(speakers)
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"] if doc is not None else []
    names = [n for n in speakers if n] + [text[s:e] for s, e in persons]

    def fullest(name: str) -> str:  # "Hassan" -> "Ali Hassan", as the article names him elsewhere
        return max((n for n in names if is_short_form_or_equal(name, n)), key=len, default=name)
    for i, (spans_i, speaker) in enumerate(zip(spans, speakers)):
        if not speaker or canonical_outlet(speaker) is None:
            continue
        cue = span_text(text, spans_i.cue).casefold()
        if not _RELAY_CUE.search(cue):
            continue  # "the Times asks" is the outlet's own voice
        if classify(text, spans_i.content, mask) != "direct":
            inside = _speaking_person(text, spans_i.content, persons)
            out[i] = fullest(inside) if inside else speaker
            continue
        start = spans_i.content[0][0]
        cue_start = spans_i.cue[0][0]
        paragraph = text.rfind("\n", 0, min(start, cue_start)) + 1
        earlier = [j for j in range(i - 1, -1, -1)
                   if out[j] and canonical_outlet(out[j]) is None and out[j].casefold() not in PRONOUNS
                   and start - (spans[j].content[-1][1] if spans[j].content else 0) <= 400]
        here = [j for j in earlier if spans[j].content and spans[j].content[0][0] >= paragraph]
        named = [text[s:e] for s, e in persons
                 if paragraph <= s and e <= cue_start and canonical_outlet(text[s:e]) is None]
        if here:
            out[i] = out[here[0]]
        elif named:
            out[i] = fullest(named[-1])
        elif earlier:
            out[i] = out[earlier[0]]
    return out


def _speaking_person(text: str, content: list[tuple[int, int]], persons: list[tuple[int, int]]) -> str | None:
    """The last person named inside ``content`` right before a speech verb ("Abu Ali says",
    "Ali Hassan, 42, has said"), or None."""
    found = None
    for s, e in persons:
        if any(cs <= s and e <= ce for cs, ce in content) and _SPEAKING.match(text, e) \
                and canonical_outlet(text[s:e]) is None:
            found = text[s:e]
    return found


# after the name: an optional short aside (an age, a title), then the verb
_SPEAKING = re.compile(
    r"(?:,[^,.;\n]{1,40},)?\s+(?:has\s+|had\s+)?"
    r"(?:says|said|tells|told|claims|claimed|states|stated|adds|added|insists|insisted|warns|warned|"
    r"declares|declared|argues|argued|explains|explained|asserts|asserted)\b")

_RELAY_CUE = re.compile(r"\b(?:report\w*|according|cit\w+|quot\w+|carried|relayed|published)\b")


def attribution_conventions(text: str, spans: list[SpanAttribution], title: str | None = None,
                            mask: bytearray | None = None) -> list[SpanAttribution]:
    r"""What users get where PolNeAR's annotators chose otherwise (``extract_spans`` keeps
    PolNeAR's choices, which its scorer measures): no attribution in the headline, none
    whose predicate reports no speech (``cues.not_speech``), one
    attribution per quotation paragraph (a paragraph that carries on the last speaker's
    quotation with no cue of its own is an attribution with no source and no cue), and
    the attributions a speaker reports inside their quotation (``nested``); two cues
    that claim one quotation make one attribution of it
    (``quotes.one_attribution_per_quote``: on PolNeAR dev, 0.001 less attribution partial).

    >>> t = 'Ann: we won\n\n"We won," Ann said.\n"And we will win again."'
    >>> head = SpanAttribution(source=[(0, 3)], cue=[(3, 4)], content=[(5, 11)])
    >>> said = SpanAttribution(source=[(23, 26)], cue=[(27, 31)], content=[(14, 20)])
    >>> [(t[a.content[0][0]:a.content[0][1]], bool(a.cue)) for a in attribution_conventions(t, [head, said])]
    [('We won', True), ('And we will win again.', False)]
    """
    from newstrace.extract.abbreviations import past_abbreviations
    from newstrace.extract.bare_clauses import bare_clauses, with_reports
    from newstrace.extract.clause_ends import according_to_clauses, carry_conjunct_cues, carry_past_relatives, \
        carry_run_on_quotes, carry_that_clauses, carry_cut_phrases, carry_sentence_tails, carry_trailing_which, \
        cut_at_line_ends, open_at_determiners, \
        cut_datelines, cut_lines_before, cut_quotes_at_paragraphs, cut_topics_before_quotes, drop_connectives
    from newstrace.extract.colon_quotes import colon_quotes
    from newstrace.extract.considered import considered
    from newstrace.extract.cue_repair import repair_cues
    from newstrace.extract.cues import colon_cues, drop_not_speech
    from newstrace.extract.directives import directives, objects_into_contents
    from newstrace.extract.embeds import with_embedded_posts
    from newstrace.extract.evaluations import charged_with, evaluations
    from newstrace.extract.frames import that_clauses
    from newstrace.extract.furniture import drop_furniture
    from newstrace.extract.glosses import cut_glosses
    from newstrace.extract.headlines import drop_headline, headline_span
    from newstrace.extract.hearsay import hearsay, split_at_adverbs
    from newstrace.extract.indications import indications
    from newstrace.extract.knowledge import as_known, as_said, knowledge
    from newstrace.extract.nested import nested_attributions, quoted_contents
    from newstrace.extract.noun_clauses import noun_clauses, unowned_clauses
    from newstrace.extract.predicate_nouns import predicate_nouns
    from newstrace.extract.quote_blocks import quote_blocks
    from newstrace.extract.references import reference_lines
    from newstrace.extract.colon_reports import colon_clause_cues, colon_objects_to_quotes, colon_reports, \
        drop_wordless, framed_colon_reports, split_source_verb
    from newstrace.extract.trailing_cues import quotes_before_cues
    from newstrace.extract.viewpoints import to_viewpoints, viewpoints

    mask = quote_mask(text) if mask is None else mask
    spans = repair_cues(text, spans)  # "also | reported that": the verb joins the cue
    # cues the tagger left out, in the frame of reported speech ("had told police that …")
    spans = sorted(spans + that_clauses(text, spans, mask), key=_order)
    # and with no "that", and beliefs ("said she confused", "Officials also believe he had help")
    spans = sorted(spans + bare_clauses(text, spans, mask), key=_order)
    # a report in a "with" absolute phrase ("…, with local media reporting no-one was in …")
    spans = sorted(spans + with_reports(text, spans, mask), key=_order)
    # nouns of saying whose owner is named ("Marx’s suggestion that …", "arguments by X that …")
    spans = sorted(spans + noun_clauses(text, spans, mask), key=_order)
    # a noun of saying with what was said as its predicate ("the pope’s reply to my testimony
    # was: “…”")
    spans = sorted(spans + predicate_nouns(text, spans, mask), key=_order)
    # a quotation after a verb or a noun of saying and a colon ("told passengers: “…”")
    spans = sorted(spans + colon_quotes(text, spans, mask), key=_order)
    # evaluative acts with an object ("praised him as", "accused X of", "called her a …")
    spans = sorted(spans + evaluations(text, spans), key=_order)
    # requests, orders and threats with an infinitive ("police telling civilians to go …")
    spans = sorted(spans + directives(text, spans, mask), key=_order)
    spans = drop_headline(text, spans, headline_span(text, title))
    spans = drop_not_speech(text, spans, mask)
    # knowing reported ("Trump knew perfectly well that …", "knew from me how …"), after the
    # drop of perception verbs with a thing ("knew the man"), which the rule's frame excludes
    spans = sorted(spans + knowledge(text, spans, mask), key=_order)
    spans = sorted(spans + as_known(text, spans, mask), key=_order)  # "As many of you know there was …"
    spans = sorted(spans + as_said(text, spans, mask), key=_order)  # "As the Catechism … states (par. 2491), …"
    # nouns of accusation or report with a clause and no owner named ("on charges he took …"),
    # after that drop too, which takes "charges" for the act on a thing ("was charged in …")
    spans = sorted(spans + unowned_clauses(text, spans, mask), key=_order)
    spans = sorted(spans + charged_with(text, spans, mask), key=_order)  # "charges X with concealing …", after it too
    # "reports indicating that …", "videos … that indicate there were …": the noun phrase the verb hangs on
    spans = sorted(spans + indications(text, spans, mask), key=_order)
    # a view held ("she considered it her duty to warn …", "which many consider to be …"), after
    # that drop too, which takes "consider" with a thing ("consider homeschooling")
    spans = sorted(spans + considered(text, spans, mask), key=_order)
    spans = cut_glosses(text, spans, mask)  # "said “…” given the controversy …"
    spans = quotes_before_cues(text, spans)  # '"…," Mr Cruz writes.' is his, not the next paragraph's
    spans = one_attribution_per_quote(text, spans, mask)
    # "allegedly", "reportedly": the clause is someone unnamed's, though it holds a
    # quotation another attribution claims ("The killer had allegedly shouted, “…”")
    spans = sorted(spans + hearsay(text, spans, mask), key=_order)
    spans = split_at_adverbs(text, spans)  # "This was | reportedly | the first such occurrence"
    spans = sorted(spans + viewpoints(text, spans, mask), key=_order)  # "For Kim, these weapons are …"
    spans = sorted(spans + to_viewpoints(text, spans, mask), key=_order)  # "To Kavanaugh, bypassing … is …"
    spans = split_continuations(text, spans, mask)
    spans = add_continuations(text, spans, mask)
    spans = sorted(spans + colon_reports(text, spans), key=_order)  # "RT reports:" and the paragraph below
    # "… issued this edict:", "Mac Slavo recently reported for SHTFplan:" and the paragraph below
    spans = sorted(framed_colon_reports(text, spans, mask), key=_order)
    spans = sorted(spans + quote_blocks(text, spans), key=_order)  # a speech quoted as a block of lines
    spans = sorted(reference_lines(text, spans), key=_order)  # “…” (Matthew 15:14)
    spans = carry_trailing_which(text, spans)  # "were women, which constitutes about 650 …"
    spans = carry_sentence_tails(text, spans)  # "a storm surge of three to six feet (one to two meters)"
    spans = objects_into_contents(text, spans)  # "advised | residents of her city to make plans …"
    spans = drop_connectives(text, spans)  # "Meanwhile | …" is no part of what the Newsday reports
    spans = past_abbreviations(text, spans)  # "… prevent the U.N. from greasing …" is one sentence
    spans = carry_that_clauses(text, spans)  # "that by seeking secrecy, it’s an acknowledgment …"
    spans = carry_past_relatives(text, spans)  # "the plant, which was damaged …, may take a year"
    spans = carry_conjunct_cues(text, spans)  # "said he has arranged … and has requested …"
    spans = carry_cut_phrases(text, spans)  # "told to stay in | separate areas of the home"
    spans = according_to_clauses(text, spans)  # "Mohammad-Javad | Larijani … disclosed …, according to …"
    spans = cut_quotes_at_paragraphs(text, spans)  # '"…quick."⏎The visitors would' ends at the mark
    spans = cut_topics_before_quotes(text, spans)  # 'remarked of the flight, "I'm …"': the quotation
    spans = cut_datelines(text, spans)  # "December 22nd, 2008 8:55 am⏎" is a blog post's date
    lines_mask = quote_mask(text, across_paragraphs=True)  # quotations running over lines
    spans = cut_lines_before(text, spans, lines_mask)  # "Advertisement⏎“I don’t hear …,” the woman said"
    # "… at 6.1.⏎November 28, 2005⏎Ten people were killed …, officials said" starts at "Ten";
    # 'said it was 6.1.⏎A magnitude 6 quake …' ends at the line's end
    spans = cut_at_line_ends(text, spans, lines_mask)
    # "“At 10pm they closed every exit …⏎They gated them all …”": a quotation over lines is one content
    spans = carry_run_on_quotes(text, spans, lines_mask)
    spans = open_at_determiners(text, spans)  # "told The Sun Online the | crisis …" opens at "the"
    spans = drop_furniture(text, with_embedded_posts(text, spans))  # a poll widget says nothing
    # in text order whatever the steps added (continuation pieces, nested attributions):
    # the running speaker is read from the attribution before
    # inside quotations of one line, of several lines marked at their ends only (``lines_mask``:
    # "“Knowing Billy, …⏎His relationship with Randy was pretty strong.⏎I think it was hard for him
    # to let Chris go.⏎…”"), or whole contents over lines (``quoted_contents``)
    inside = quoted_contents(text, spans, mask)
    inside = bytearray(map(operator.or_, inside, lines_mask))
    spans = sorted(spans + nested_attributions(text, spans, inside), key=_order)
    # a quotation after a clause that ends in a colon: "Faggioli gave the only answer he could: “…”"
    spans = colon_clause_cues(text, spans)
    # "was quick to condemn the man’s actions:" and the cue-less quotation below it: one attribution
    # (where colon_clause_cues left the two apart)
    spans = colon_objects_to_quotes(text, spans, mask)
    spans = drop_wordless(text, spans)  # a content of a quotation mark or a colon alone says nothing
    return colon_cues(text, split_source_verb(text, spans))  # "Michael Steele: “…”" has a source, and no cue


def extract_spans(texts: list[str], model: str = "default") -> list[list[SpanAttribution]]:
    """Attribution spans for each text, in reading order (offsets into each text as given)."""
    extractor = get_extractor(model)
    return [sorted(found, key=_order) for found in extractor.extract(texts)]


def analyse(articles: list[Article], model: str = "default") -> list[Analysis]:
    """Attributions (with kind and speaker) and citations for each article."""
    from newstrace.extract.citations import extract_citations
    from newstrace.extract.nlp import pipe
    from newstrace.extract.speakers import asked_in_interview, interview_answers, resolve

    texts = [a.text for a in articles]
    found = extract_spans(texts, model)
    docs = pipe(texts)  # one spaCy Doc per text, shared by speakers and citations
    results = []
    for article, spans, doc in zip(articles, found, docs):
        spans = [s for s in spans if s.content]  # an attribution says something
        # nor is an interviewer's question anyone's statement ("Did you notice ...?")
        spans = [s for s, asked in zip(spans, asked_in_interview(article.text, spans, doc)) if not asked]
        mask = quote_mask(article.text)
        spans = attribution_conventions(article.text, spans, article.title, mask)
        resolved = resolve(article.text, spans, doc=doc, author=article.author)
        speakers = [r.speaker for r in resolved]
        continued = continue_quotes(article.text, spans, speakers)
        speakers = unrelay_quotes(article.text, spans, continued, doc, mask)
        # the rule that decided each speaker, or the repair after the rules that changed it
        rules = [r.rule if s == c == r.speaker else "continued_quote" if s == c else "relayed_quote"
                 for r, c, s in zip(resolved, continued, speakers)]
        # kinds read quotations that run over several paragraphs marked only at their ends
        runs_on = quote_mask(article.text, across_paragraphs=True)
        attributions = [
            Attribution(
                id=f"{article.id}#a{n}",
                article=article.id,
                kind=attribution_kind(article.text, s, runs_on),
                source=s.source,
                cue=s.cue,
                content=s.content,
                content_text=span_text(article.text, s.content),
                speaker=speaker,
                speaker_mention=span_text(article.text, s.source) or None,
                score=s.score,
                speaker_rule=rule,
            )
            for n, (s, speaker, rule) in enumerate(zip(spans, speakers, rules), 1)
        ]
        # an interview's answers, each its speaker's words though no cue says so; after the
        # tagger's, so that their ids do not move
        for n, (source, content, speaker) in enumerate(interview_answers(article.text, doc), len(spans) + 1):
            attributions.append(Attribution(
                id=f"{article.id}#a{n}", article=article.id, kind="direct", source=source, cue=[],
                content=content, content_text=span_text(article.text, content), speaker=speaker,
                speaker_mention=span_text(article.text, source) or None, speaker_rule="interview_answer"))
        citations = extract_citations(article.text, doc=doc, article_id=article.id, outlet=article.outlet)
        results.append(Analysis(attributions, citations))
    return results
