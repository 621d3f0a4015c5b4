"""compare/, round 10: an organisation's name written two ways across outlets.

The kind of claim comes from disagreements listed by hand on real coverage
(benchmarks/judgements/conflicts-recall-tuning.jsonl); the sentences and names
are our own.
"""

from __future__ import annotations

import pytest

from story_records import article as _article
from story_records import span as _span
from storyline.compare import compare_story
from storyline.compare.orgnames import OrgName, _words, near, variants
from storyline.model import Analysis, Entity


def _org(text: str) -> OrgName:
    words = _words(text)
    assert words is not None
    return OrgName(words, text, 0, len(text), "o1")


def _firm_article(aid: str, text: str, *names: str) -> Analysis:
    entities = [Entity(f"o{n}", name, "ORG", mentions=(_span(text, name),)) for n, name in enumerate(names, 1)]
    return _article(aid, text, entities=entities)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Harbor Supplies Ltd", "Harbor Suppliers Ltd", False),
        ("Kettle Brewing Works", "Kettle Brewery Works", False),
        ("Tall Reed Imports", "TallReed Imports Inc.", True),
        ("Selm Advisors", "Selm Advisers", True),
        ("Norland Trade Centre", "Norland Trade Center", True),
        ("Valmora Defence Board", "Valmora Defense Board", True),
        ("Norland Interior Ministry", "Norland Interior Minister", True),
        ("Alder Seafoods", "Alder Seafood", True),
        ("Kettle Printing", "Kettle Printers", False),
    ],
)
def test_two_forms_of_one_organisation_name_are_variants_or_not(a: str, b: str, same: bool) -> None:
    assert near(_org(a), _org(b))
    assert variants(_org(a), _org(b)) is same


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Selm Rovers", "Selm Wanderers"),  # another word: another club
        ("Norland Red Cross", "Norland Red Crescent"),  # the words part before five letters
        ("Harbor Supplies", "Harbor Supplies Group"),  # a word added
        ("Valmora Rail", "Valmora Railways Holdings"),
    ],
)
def test_organisations_with_another_word_are_not_one_name(a: str, b: str) -> None:
    assert not near(_org(a), _org(b))


def test_a_one_word_or_lower_case_name_is_no_organisation_name() -> None:
    assert _words("Harbor Ltd") is None
    assert _words("the harbor supplies") is None
    assert _words("The Harbor Supplies Company") == ("harbor", "supplies")


def test_compare_a_firm_named_two_ways_conflicts() -> None:
    one = _firm_article("a1", "The fire broke out at Harbor Supplies Ltd. on the quay in Selm.", "Harbor Supplies Ltd.")
    other = _firm_article(
        "a2", "Crews were called to Harbor Suppliers Ltd., a wholesaler in Selm.", "Harbor Suppliers Ltd."
    )
    [conflict] = compare_story([one, other]).conflicts
    assert conflict.attribute == "name"
    assert {v.value for v in conflict.values} == {"Harbor Supplies Ltd.", "Harbor Suppliers Ltd."}


def test_compare_a_firm_named_with_its_legal_form_or_its_spaces_closed_does_not_conflict() -> None:
    one = _firm_article("a1", "The fire broke out at Tall Reed Imports on the quay.", "Tall Reed Imports")
    other = _firm_article("a2", "Crews were called to TallReed Imports Inc. in Selm.", "TallReed Imports Inc.")
    assert not compare_story([one, other]).conflicts


def test_compare_two_firms_one_article_names_side_by_side_are_two_firms() -> None:
    text = "Harbor Supplies Ltd. and its rival Harbor Suppliers Ltd. share the quay."
    one = _firm_article("a1", text, "Harbor Supplies Ltd.", "Harbor Suppliers Ltd.")
    other = _firm_article("a2", "Crews were called to Harbor Suppliers Ltd. in Selm.", "Harbor Suppliers Ltd.")
    assert not compare_story([one, other]).conflicts


# --- an event told as background does not confirm the story's event ---------------------------


def _raid(aid: str, text: str, sentence: str) -> Analysis:
    from storyline.model import Event

    return _article(aid, text, events=[Event("ASSAULT", sentence, *_span(text, sentence), actor="Norway")])


def test_compare_an_event_of_an_earlier_year_does_not_corroborate_the_story_event() -> None:
    now = "Norway shelled the harbour of Selm on Tuesday, the port authority said."
    then = "In March 2019, Norway shelled the harbour of Selm for a week."
    one = _raid("a1", now, now)
    other = _raid("a2", f"The port is closed. {then}", then)
    assert not [f for f in compare_story([one, other]).corroborated if f.kind == "event"]


def test_compare_the_same_event_told_by_two_outlets_still_corroborates() -> None:
    now = "Norway shelled the harbour of Selm on Tuesday, the port authority said."
    again = "Norway shelled the harbour of Selm on Tuesday."
    [fact] = [f for f in compare_story([_raid("a1", now, now), _raid("a2", again, again)]).corroborated]
    assert fact.kind == "event"


# --- a firm's officer and the firm give one statement ------------------------------------------


def _quoted(aid: str, text: str, speaker: str) -> Analysis:
    from storyline.model import Quote

    words = "Our thoughts are with every family on the quay tonight"
    return _article(aid, text, quotes=[Quote(words, "direct", *_span(text, words), speaker=speaker)])


def test_compare_a_firm_and_its_officer_named_with_a_plural_possessive_give_one_statement() -> None:
    one = _quoted("a1", "Alder Seafoods said in a statement: “Our thoughts are with every family on the quay tonight.”",
                  "Alder Seafoods")  # fmt: skip
    other = _quoted("a2", "Alder Seafood's Anna Varga told reporters, “Our thoughts are with every family on the quay "
                    "tonight.”", "Anna Varga")  # fmt: skip
    assert not compare_story([one, other]).conflicts


def test_compare_a_statement_given_to_an_unrelated_speaker_still_conflicts() -> None:
    one = _quoted("a1", "Alder Seafoods said in a statement: “Our thoughts are with every family on the quay tonight.”",
                  "Alder Seafoods")  # fmt: skip
    other = _quoted("a2", "Selm mayor Tom Alder told reporters, “Our thoughts are with every family on the quay "
                    "tonight.”", "Tom Alder")  # fmt: skip
    assert [c.attribute for c in compare_story([one, other]).conflicts] == ["said by"]


# --- a short first name spelt with and without an h ----------------------------------------------


def _person(eid: str, text: str, name: str) -> Entity:
    start, end = _span(text, name)
    return Entity(eid, name, "PERSON", mentions=((start, end),), start=start, end=end)


def _named(aid: str, text: str, name: str) -> Analysis:
    return _article(aid, text, entities=[_person("p1", text, name)])


def test_compare_a_short_first_name_with_and_without_an_h_is_one_name_spelt_two_ways() -> None:
    one = _named("a1", "Harbour master Jon Kettle said the quay would stay shut.", "Jon Kettle")
    other = _named("a2", "The quay stays shut, harbour master John Kettle told the council.", "John Kettle")
    [conflict] = compare_story([one, other]).conflicts
    assert conflict.attribute == "name"


@pytest.mark.parametrize(("a", "b"), [("Jon Kettle", "Jonathan Kettle"), ("Thom Kettle", "Tom Kettle")])
def test_compare_a_short_form_or_an_h_after_a_consonant_is_still_a_variant(a: str, b: str) -> None:
    one = _named("a1", f"Harbour master {a} said the quay would stay shut.", a)
    other = _named("a2", f"The quay stays shut, harbour master {b} told the council.", b)
    assert not compare_story([one, other]).conflicts


def test_compare_two_people_named_with_and_without_an_h_side_by_side_are_two_people() -> None:
    text = "Jon Kettle and his cousin John Kettle run the quay."
    both = _article(
        "a1",
        text,
        entities=[_person("p1", text, "Jon Kettle"), _person("p2", text, "John Kettle")],
    )
    other = _named("a2", "The quay stays shut, harbour master John Kettle told the council.", "John Kettle")
    assert not compare_story([both, other]).conflicts
