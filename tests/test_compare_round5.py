"""compare/, round 5: copies of one wire story that link/duplicates did not join, and speakers one sentence names.

Each rule was found by hand-judging what compare emits on real coverage
(benchmarks/conflict_audit.py, tuning half); the sentences and names are our own.
"""

from __future__ import annotations

from typing import Any

from story_records import article as _article
from story_records import span as _span
from storyline.compare import compare_story
from storyline.compare.context import StoryContext
from storyline.compare.values import Speaker, named_in_full, speakers_agree
from storyline.model import Analysis, Entity, Quote, Role


def _titled(aid: str, text: str, name: str, title: str) -> Analysis:
    role = Role(title, None, *_span(text, title))
    return _article(aid, text, entities=[Entity("p1", name, "PERSON", roles=(role,), mentions=(_span(text, name),))])


# Two versions of one wire story: the rewrite keeps two sentences word for word and edits the one with the title.
_KEPT = (
    "The ferry service between the two islands was suspended for the rest of the week. "
    "Harbour officials said the storm had damaged two of the landing stages on the north shore. "
)
_FIRST = _KEPT + "Lena Marsh, a partner in the shipping firm, later told reporters that the crossing was off."
_REWRITE = (
    "Lena Marsh, a partner in the shipping firm, told reporters the crossing was cancelled before noon. "
    + _KEPT
    + "Repairs are expected to take a month."
)
_OTHER = "Passengers waited at the quay on Tuesday, said Lena Marsh, a partner in the shipping firm."


def test_compare_rewrite_of_one_wire_story_counts_once() -> None:
    """Two versions of one wire text are one source, though their bodies differ too much to be near-duplicates."""
    versions = [_titled("a1", _FIRST, "Lena Marsh", "partner"), _titled("a2", _REWRITE, "Lena Marsh", "partner")]
    assert not compare_story(versions).corroborated
    (fact,) = compare_story([*versions, _titled("a3", _OTHER, "Lena Marsh", "partner")]).corroborated
    assert fact.origins == 2 and len(fact.sources) == 3


def test_compare_articles_sharing_only_quotes_are_independent() -> None:
    """Two outlets quoting one speaker share the quote's sentence; that is no shared text."""
    said = '"The crossing will reopen as soon as the landing stages are safe again," Lena Marsh said.'
    one = _article("a1", said + " Ferries are the only link to the islands in the winter months.")
    two = _article("a2", said + " Most residents work on the mainland and cross each morning by boat.")
    context = StoryContext.build([one, two], None, None)
    assert not context.shares_text("a1", "a2")


def test_compare_same_long_sentence_in_two_articles_is_copied() -> None:
    context = StoryContext.build([_article("a1", "x"), _article("a2", "y")], None, None)
    long = "Harbour officials said the storm had damaged two of the landing stages on the north shore."
    assert context.copied("a1", long, "a2", long)
    assert not context.copied("a1", "The ferry was cancelled.", "a2", "The ferry was cancelled.")  # too short to tell
    quoted = '"The storm damaged two of the landing stages on the north shore," Marsh said.'
    assert not context.copied("a1", quoted, "a2", quoted)  # the words outside the quote are few
    edited = "Officials said the storm damaged landing stages on the north shore badly."
    assert not context.copied("a1", long, "a2", edited)  # edited, and the articles share no text


_WORDS = "We will rebuild every house on this street before winter comes"


def test_compare_speaker_named_beside_a_group_is_no_conflict() -> None:
    """One outlet gives the quote to the group its sentence names, another to the group's officer: no conflict."""
    group = f'"{_WORDS}," said Harbor Works Group chief Dana Kettle.'
    person = f'"{_WORDS}," said Dana Kettle, who leads Harbor Works Group.'
    analyses = [
        _article("a1", group, quotes=[Quote(_WORDS, "direct", *_span(group, _WORDS), speaker="Harbor Works Group")]),
        _article("a2", person, quotes=[Quote(_WORDS, "direct", *_span(person, _WORDS), speaker="Dana Kettle")]),
    ]
    assert not compare_story(analyses).conflicts


def test_compare_speaker_rule_needs_the_whole_name_outside_the_quote() -> None:
    assert named_in_full("Dana Kettle", "said Harbor Works Group chief Dana Kettle")
    assert not named_in_full("Olek Kettle", "said Harbor Works Group chief Dana Kettle")  # a shared surname only
    assert not named_in_full("police", "police said")
    inside = Speaker("Harbor Works Group", " said the group.")  # the name stood only inside the quote
    assert not speakers_agree(inside, Speaker("Dana Kettle", " said Dana Kettle."))


def test_compare_president_and_executive_titles_neither_conflict_nor_corroborate() -> None:
    """A president of one body and an executive of another are two jobs: compatible, yet no confirmation."""
    from storyline.compare.offices import parse_titles, titles_compatible, titles_corroborate

    president, executive = parse_titles("Film Guild president"), parse_titles("marketing executive")
    assert titles_compatible(president, executive) and not titles_corroborate(president, executive)
    first = "The award went to the studio, said Film Guild president Ines Varga on Friday."
    second = "The long-serving marketing executive Ines Varga was elected on Thursday."
    story = compare_story(
        [
            _titled("a1", first, "Ines Varga", "Film Guild president"),
            _titled("a2", second, "Ines Varga", "marketing executive"),
        ]
    )
    assert not story.conflicts and not story.corroborated


# --- a participant's age and home town ----------------------------------------------------------


def _person_story(*sentences: str, name: str = "Dana Kettle") -> Any:
    analyses = []
    for n, text in enumerate(sentences):
        mentions = tuple(_span(text, part) for part in (name, name.split()[-1]) if part in text)[:1]
        analyses.append(_article(f"a{n}", text, entities=[Entity("p1", name, "PERSON", mentions=mentions)]))
    return compare_story(analyses)


def test_compare_person_facts_read_beside_the_name() -> None:
    from storyline.compare.persons import person_facts

    text = "Dana Kettle , 36 , of Harwick Falls was charged on Friday."
    entity = Entity("p1", "Dana Kettle", "PERSON", mentions=(_span(text, "Dana Kettle"),))
    facts = {(f.attribute, f.value) for f in person_facts(_article("a1", text, entities=[entity]))}
    assert facts == {("age", "36"), ("home town", "Harwick Falls")}
    before = "The 36-year-old Dana Kettle was charged."
    entity = Entity("p1", "Dana Kettle", "PERSON", mentions=(_span(before, "Dana Kettle"),))
    assert [(f.attribute, f.value) for f in person_facts(_article("a2", before, entities=[entity]))] == [("age", "36")]
    for other in ("Dana Kettle of the harbour board spoke.", "Dana Kettle (14.5 points a game) led the team."):
        entity = Entity("p1", "Dana Kettle", "PERSON", mentions=(_span(other, "Dana Kettle"),))
        assert not list(person_facts(_article("a3", other, entities=[entity])))


def test_compare_two_home_towns_of_one_person_conflict_and_one_age_corroborates() -> None:
    story = _person_story(
        "Police stopped Dana Kettle, 36, of Harwick, two blocks away.",
        "Dana Kettle, 36, of Lomond, was held overnight, the court said.",
    )
    (conflict,) = story.conflicts
    assert conflict.attribute == "home town" and {v.value for v in conflict.values} == {"Harwick", "Lomond"}
    assert [f.value for f in story.corroborated if f.attribute == "age"] == ["36"]


def test_compare_town_and_town_with_its_state_agree() -> None:
    story = _person_story("Dana Kettle, 36, of Harwick, was held.", "Police named Dana Kettle, 36, of Harwick, Vt.")
    assert not story.conflicts


def test_compare_ages_a_birthday_apart_neither_conflict_nor_corroborate() -> None:
    story = _person_story(
        "Police stopped Dana Kettle, 36, near the bridge.", "Dana Kettle, 37, was sentenced on Monday."
    )
    assert not story.conflicts and not [f for f in story.corroborated if f.attribute == "age"]
    apart = _person_story(
        "Police stopped Dana Kettle, 36, near the bridge.", "Dana Kettle, 39, was sentenced on Monday."
    )
    assert [c.attribute for c in apart.conflicts] == ["age"]
