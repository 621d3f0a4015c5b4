"""The fast lookups answer as the slow ones did: the per-Doc index as spaCy, the one-pass date
scan as each rule's own, the mention index as ``entity_at``, cached name forms as fresh ones."""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Span

from storyline.analyze import docindex
from storyline.analyze.entities.entities import MentionIndex, _run_token, _run_tokens, entity_at, entity_named
from storyline.analyze.entities.names import Cluster
from storyline.analyze.entities.roles import is_title_word, may_be_title_word
from storyline.analyze.events.triggers import in_lexicon, token_triggers
from storyline.analyze.time import firstchars, scan
from storyline.analyze.time import rules as tr
from storyline.model import Entity

TEXT = (
    "Talks Resume in Vienna\n"
    "\n"
    "Foreign Minister Lena Varga met envoy Tomas Brandt in Vienna on Tuesday. "
    "The two sides agreed to meet again, a spokesperson for the Hungarian government said.\n"
    "\n\n"
    "“We are not there yet,” Varga told reporters after the meeting. She said the next round "
    "would start on March 3, 2026 in Geneva.\n"
    "According to Reuters, the European Union backs the plan.\n"
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def _walked_line(doc, i: int) -> tuple[int, int]:
    """Line bounds the slow way: walk to the tokens whose text or space holds a line break."""
    start, end = i, i + 1
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return start, end


def test_docindex_text_is_doc_text(doc) -> None:
    assert docindex.doc_text(doc) == doc.text == TEXT


def test_docindex_sentences_match_spacy(doc) -> None:
    assert [(s.start, s.end) for s in docindex.sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert docindex.sentence_starts(doc) == [s.start for s in doc.sents]
    for token in doc:
        assert docindex.sentence_bounds(token) == (token.sent.start, token.sent.end)
        assert docindex.sentence(token) == token.sent


def test_docindex_lines_match_walking(doc) -> None:
    bounds = {docindex.line_bounds(token) for token in doc}
    assert len(bounds) == 4  # the headline and three paragraphs
    for token in doc:
        assert docindex.line_bounds(token) == _walked_line(doc, token.i)


@pytest.mark.parametrize("text", ["No line break at all.", "\nStarts with one.", "Ends with two.\n\n", "a\nb"])
def test_docindex_lines_at_the_edges(nlp, text: str) -> None:
    doc = nlp(text)
    for token in doc:
        assert docindex.line_bounds(token) == _walked_line(doc, token.i)


def test_docindex_entities_match_doc_ents(doc) -> None:
    assert [(e.start, e.end, e.label_) for e in docindex.entities(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
    for token in doc:
        around = [e for e in doc.ents if e.start <= token.i < e.end]
        found = docindex.entity_of(token)
        got = (found.start, found.end, found.label_) if found is not None else None
        assert got == ((around[0].start, around[0].end, around[0].label_) if around else None)
        starting = [(e.start, e.end) for e in doc.ents if e.start == token.i]
        assert [(e.start, e.end) for e in docindex.entities_starting_at(token)] == starting
    for sent in doc.sents:
        assert [(e.start, e.end) for e in docindex.entities_within(doc, sent.start, sent.end)] == [
            (e.start, e.end) for e in sent.ents
        ]


def test_docindex_forget_entities_after_setting_ents(nlp) -> None:
    doc = nlp("Lena Varga met Tomas Brandt in Vienna.")
    assert docindex.entity_of(doc[0]) is not None
    doc.ents = [Span(doc, 3, 5, label="PERSON")]
    docindex.forget_entities(doc)
    assert docindex.entity_of(doc[0]) is None
    assert [(e.start, e.end, e.label_) for e in docindex.entities(doc)] == [(3, 5, "PERSON")]


def test_docindex_is_per_doc(nlp) -> None:
    first, second = nlp("One sentence here."), nlp("Another one.\nAnd a second line.")
    assert docindex.doc_text(first) == "One sentence here."
    assert docindex.doc_text(second) == second.text
    assert docindex.line_bounds(second[-1]) != docindex.line_bounds(second[0])


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "Between 2014 and 2016, and again in mid-2025, talks stalled; on Feb. 28 to March 2, 2026 they resumed.",
        "Late on Tuesday, three days ago, the second day of talks ended early; over the weekend, in May 2025.",
        "the 1990s, Q3 2024, 2025-04-30, last week, this coming Friday, 30 April 2025, Day 2 of the summit",
        "No dates at all here, only words.",
    ],
)
def test_time_scan_find_rule_spans_same_as_each_finder(text: str) -> None:
    expected = [
        (m.start("core"), m.end("core"), item.name)
        for item in tr.RULES
        if item.finder is not None
        for m in item.finder.finditer(text)
    ]
    assert [(start, end, item.name) for start, end, item in scan.find_rule_spans(text)] == expected


def _entity(entity_id: str, *mentions: tuple[int, int]) -> Entity:
    return Entity(id=entity_id, name=entity_id, type="PERSON", mentions=mentions)


def test_entities_mention_index_same_as_entity_at() -> None:
    entities = [
        _entity("a", (0, 10), (40, 45)),
        _entity("b", (5, 12), (40, 45), (60, 60)),
        _entity("c", (30, 50)),
        _entity("d", (100, 130)),
    ]
    index = MentionIndex(entities)
    queries = [(s, e) for s in range(0, 140, 3) for e in (s, s + 1, s + 4, s + 15)]
    for start, end in queries:
        assert index.at(start, end) is entity_at(entities, start, end), (start, end)


def test_entities_mention_index_prefers_the_first_on_a_tie() -> None:
    entities = [_entity("x", (10, 20)), _entity("y", (10, 20))]
    assert MentionIndex(entities).at(12, 14) is entities[0]
    assert MentionIndex(reversed(entities)).at(12, 14) is entities[1]


def test_names_cluster_forms_follow_new_spans(nlp) -> None:
    doc = nlp("Lena Varga spoke. Varga left. Later Ms. Varga returned.")
    cluster = Cluster(spans=[doc[0:2]], person=True)
    assert cluster.forms == ["Lena Varga"]
    cluster.spans.append(doc[4:5])
    assert cluster.forms == ["Lena Varga", "Varga"]
    cluster.spans[1] = doc[0:1]
    assert cluster.forms == ["Lena Varga", "Lena"]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?i:the\s+)?(?P<n>\d+)\s+days",
        r"(?i:ab)|Q\d",
        r"(?:(?i:early|late)\s+)?(?:Monday|Tuesday)\b",
        r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*",
        r"(?<![\w.])(?=\d)\d{4}s?",
        r"(?-i:x)y|(?i:Straße)",
    ],
)
def test_firstchars_guard_keeps_every_match(pattern: str) -> None:
    text = "The 3 days, the 12 DAYS; ab AB Q7 q7; late Monday, EARLY Tuesday; Jean-Paul 1990s and x ſtraße STRASSE xy"
    plain, guarded = re.compile(pattern), re.compile(firstchars.guarded(pattern))
    assert guarded.pattern != pattern
    for at in range(len(text)):
        one, two = plain.match(text, at), guarded.match(text, at)
        assert (one and one.group()) == (two and two.group()), at


@pytest.mark.parametrize("pattern", [r".x", r"[^a]b", r"(?:x)?", r"a*", r"(?i)abc", r"(?P<q>a)?(?P=q)b"])
def test_firstchars_unbounded_patterns_stay_as_they_are(pattern: str) -> None:
    assert firstchars.guarded(pattern) == pattern


def test_docindex_words_match_token_attributes(doc) -> None:
    words = docindex.words(doc)
    assert words.text == [t.text for t in doc]
    assert words.lower == [t.lower_ for t in doc]
    assert words.lemma == [t.lemma_.lower() for t in doc]
    assert words.pos == [t.pos_ for t in doc]
    assert words.dep == [t.dep_ for t in doc]


def test_plover_in_lexicon_admits_every_trigger(nlp) -> None:
    doc = nlp(
        "Rebels attacked the convoy and troops withdrew. The ministry staged talks, vowed to retaliate and "
        "imposed sanctions; protesters were ready to march while police arrested dozens and fired tear gas."
    )
    words = docindex.words(doc)
    triggering = [t.i for t in doc if token_triggers(t)]
    assert len(triggering) >= 6
    for i in triggering:
        assert in_lexicon(words.pos[i], words.lower[i], words.lemma[i]), doc[i].text
    assert not in_lexicon("DET", "the", "the")


def test_roles_may_be_title_word_admits_every_title(nlp) -> None:
    doc = nlp(
        "Defense Minister Lena Varga, Gen. Tomas Brandt, Mr. Orr and Dr. Ames met the envoys, "
        "the Spokesperson and President-elect Kaya; the ministers' aides and a senior adviser waited."
    )
    words = docindex.words(doc)
    titles = [t.i for t in doc if is_title_word(t)]
    assert len(titles) >= 6
    assert all(may_be_title_word(words.lower[i], words.lemma[i]) for i in titles)


def test_entities_run_tokens_same_as_run_token(nlp) -> None:
    doc = nlp("The Kyiv-Mohyla Academy and the Security Council met in New York - and in Rio de Janeiro.")
    assert _run_tokens(doc) == [_run_token(doc, i) for i in range(len(doc))]
    assert any(_run_tokens(doc))


@pytest.mark.parametrize("name", ["Varga", "Lena Varga", "Minister Varga", "Vargaa", "Brandt's", "ACME", "nobody", ""])
def test_entities_mention_index_named_same_as_entity_named(name: str) -> None:
    entities = [
        Entity(id="e1", name="Acme Corporation", type="ORG", aliases=("ACME",), mentions=((0, 16),)),
        Entity(id="e2", name="Lena Varga", type="PERSON", aliases=("Varga",), mentions=((20, 30), (50, 55))),
        Entity(id="e3", name="Tomas Brandt", type="PERSON", mentions=((60, 72),)),
    ]
    index = MentionIndex(entities)
    assert index.named(name) is entity_named(entities, name)
    assert index.named(name) is entity_named(entities, name)  # the second answer comes from the cache


@pytest.mark.parametrize("start, end", [(0, 5), (3, 40), (24, 24), (-4, 10), (90, 400), (len(TEXT) - 3, len(TEXT) + 9)])
def test_docindex_tokens_from_same_as_walking(doc, start: int, end: int) -> None:
    walked = [t.i for t in doc if start <= t.idx < end]
    assert list(docindex.tokens_from(doc, start, end)) == walked


def test_dates_tags_same_as_token_tags(nlp, doc) -> None:
    from storyline.analyze.time import dates

    assert dates._tags(doc) == [t.tag_ for t in doc]
    assert dates._tags(nlp("")) == []


def test_names_cluster_reads_each_span_text_once(nlp, monkeypatch) -> None:
    from storyline.analyze.entities import names

    doc = nlp("Anna Varga met Tom Alder in Selm. Varga said Alder agreed. Anna Varga left.")
    calls: list[str] = []
    real = names.clean_name
    monkeypatch.setattr(names, "clean_name", lambda text: calls.append(text) or real(text))
    cluster = Cluster(person=True)
    for span in (doc[0:2], doc[8:9], doc[13:15]):
        cluster.spans.append(span)
        assert cluster.name == "Anna Varga"
    assert cluster.forms == ["Anna Varga", "Varga"]
    assert len(calls) == 3
