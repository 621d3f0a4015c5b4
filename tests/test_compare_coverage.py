"""compare/ on the kinds of text real multi-outlet coverage is made of.

Each rule here was found by hand-judging the conflicts and corroborations
compare emits on real coverage (benchmarks/conflict_audit.py); the sentences
are our own. Counts: parts of groups, other clauses, years, earlier
happenings, "no one". Titles: executives who hold two titles. Quotes: a
speaker described rather than named, a speaker the sentence does not name.
"""

from __future__ import annotations

from typing import Any

import pytest

from story_records import article as _article
from story_records import span as _span
from storyline.compare import compare_story
from storyline.compare.numbers import background, counts
from storyline.compare.offices import parse_titles, titles_compatible
from storyline.compare.values import names_compatible
from storyline.model import Analysis, Entity, Quote, Role


def _read(text: str) -> list[tuple[str, float, float]]:
    return [(c.attribute, c.low, c.high) for c in counts(text)]


# --- counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Radio reports said three of the five hikers died on the ridge.", [("killed", 3, 3)]),
        ("A father of 9 was killed when the roof fell.", [("children", 9, 9)]),  # his children, not a toll
        ("Doctors said one of the wounded was still in surgery.", []),
        ("The driver killed one cyclist and injured four others.", [("killed", 1, 1), ("injured", 4, 4)]),
        ("The 1987 flood that killed hundreds is still remembered.", []),
        ("Several dozen people were hurt in the crush.", []),
        ("No one was killed, the fire brigade said.", [("killed", 0, 0)]),
        ("The storm killed at least 14 people overnight.", [("killed", 14, float("inf"))]),
        ("Officials put the death toll at 31 on Sunday.", [("killed", 31, 31)]),
        ("About 2 , 400 people were evacuated from the valley.", [("displaced", 2040, 2760)]),
        ("Police arrested 6 around 3 a.m.", [("arrested", 6, 6)]),
    ],
)
def test_compare_counts_read_only_tallies_of_the_happening(text: str, expected: list[tuple[str, float, float]]) -> None:
    assert _read(text) == expected


def test_compare_counts_of_a_group_keep_the_group() -> None:
    (count,) = counts("The landslide killed four children in the school.")
    assert (count.attribute, count.group) == ("killed", "children")


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ("In 1999 a cyclone killed 40 people on the coast.", True),
        ("Last year a fire killed 12 people in the same market.", True),
        ("Some 3 million people died in the famine of 1921 , historians say.", True),
        ("In March , a gunman killed six people in another town.", True),
        ("More than 9,000 nurses marched on Saturday, the biggest strike since the law passed in 2011.", False),
        ("The blast killed 8 people on Tuesday.", False),
    ],
)
def test_compare_counts_dated_to_an_earlier_happening_are_background(text: str, earlier: bool) -> None:
    (count,) = counts(text)
    assert background(text, count.start, count.end) is earlier


def _toll_story(*texts: str) -> Any:
    return compare_story([_article(f"a{n}", t) for n, t in enumerate(texts)])


def test_compare_earlier_disaster_toll_is_no_conflict() -> None:
    story = _toll_story(
        "The flood killed 12 people on Monday. In 1999 a cyclone killed 40 people on the coast.",
        "At least 12 people were killed by the flood, officials said.",
    )
    assert not story.conflicts


def test_compare_none_killed_against_a_toll_is_a_conflict() -> None:
    story = _toll_story(
        "A relief group said no one was killed in the raid.",
        "Local officials said 9 people were killed in the raid.",
    )
    (conflict,) = story.conflicts
    assert conflict.subject == "people killed"
    assert {v.value for v in conflict.values} == {"no one was killed", "9 people were killed"}


def test_compare_open_counts_do_not_chain_corroboration() -> None:
    story = _toll_story(
        "The quake killed at least one person.",
        "Officials said 20 people were killed.",
        "Rescuers said 35 people were killed.",
    )
    facts = [f for f in story.corroborated if f.kind == "number"]
    assert all(not ("20" in f.value and "35" in f.value) for f in facts)


def test_compare_count_confined_to_a_district_never_contradicts() -> None:
    story = _toll_story(
        "The storm killed 30 people across the province.",
        "In Oster district , 6 people were killed by falling trees.",
    )
    assert not story.conflicts


def test_compare_earlier_report_inside_an_article_is_its_own_voice() -> None:
    story = _toll_story(
        "A gunman shot three people, killing one, police said. A radio station first reported that two of the "
        "three victims died.",
        "One victim died in the attack.",
    )
    (conflict,) = story.conflicts
    assert "two of the three victims died" in {v.value for v in conflict.values}


# --- titles -----------------------------------------------------------------------------------


def test_compare_title_naming_two_offices_reads_both() -> None:
    assert len(parse_titles("club president and general manager")) == 2
    assert len(parse_titles("Trade and Industry Minister")) == 1


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("general manager", "club president", True),
        ("assistant general manager", "senior vice president", True),
        ("chief executive", "chairman", True),
        ("security council secretary", "defence minister", False),
        ("president", "prime minister", False),
    ],
)
def test_compare_executive_titles_held_together(a: str, b: str, compatible: bool) -> None:
    assert titles_compatible(parse_titles(a), parse_titles(b)) is compatible


def test_compare_titles_one_article_gives_together_are_no_conflict() -> None:
    texts = [
        "Team owner Rafe Dunmore said the season was over.",
        "Head coach Rafe Dunmore spoke after the game.",
        "Rafe Dunmore, the team owner and head coach, left early.",
    ]
    titles = [("Team owner",), ("Head coach",), ("team owner", "head coach")]
    analyses = []
    for n, (text, mine) in enumerate(zip(texts, titles, strict=True)):
        roles = tuple(Role(t, None, *_span(text, t)) for t in mine)
        entity = Entity("p1", "Rafe Dunmore", "PERSON", roles=roles, mentions=(_span(text, "Rafe Dunmore"),))
        analyses.append(_article(f"a{n}", text, entities=[entity]))
    assert not compare_story(analyses).conflicts


# --- who said it ------------------------------------------------------------------------------

_WORDS = "We will rebuild every house on this street before winter comes"


def _quoted(aid: str, sentence: str, speaker: str, via: str | None = None) -> Analysis:
    return _article(aid, sentence, quotes=[Quote(_WORDS, "direct", *_span(sentence, _WORDS), speaker=speaker, via=via)])


def test_compare_described_speaker_agrees_with_a_name() -> None:
    assert names_compatible("the 61-year-old", "Mara Vent")
    assert names_compatible("a local shopkeeper", "Mara Vent")
    assert not names_compatible("Mara Vent", "Olek Strand")


def test_compare_speaker_the_sentence_does_not_name_never_contradicts() -> None:
    named = _quoted("a1", f'"{_WORDS}," Mara Vent said.', "Mara Vent")
    unnamed = _quoted("b1", f'"{_WORDS}."', "Olek Strand")
    assert not compare_story([named, unnamed]).conflicts


def test_compare_two_named_speakers_of_one_quote_conflict() -> None:
    first = _quoted("a1", f'"{_WORDS}," Mara Vent said.', "Mara Vent")
    second = _quoted("b1", f'"{_WORDS}," Olek Strand said.', "Olek Strand")
    (conflict,) = compare_story([first, second]).conflicts
    assert conflict.kind == "disagreement"  # a quote is its speaker's own claim, not one attributed to them


def test_compare_protesters_detained_are_an_arrest_count() -> None:
    (count,) = counts("Police said more than 300 protesters were detained overnight.")
    assert count.attribute == "arrested"


def test_compare_unnamed_speakers_do_not_corroborate_each_other() -> None:
    first = _quoted("a1", f'"{_WORDS}."', "Mara Vent")
    second = _quoted("b1", f'"{_WORDS}."', "his lawyers")
    assert not [f for f in compare_story([first, second]).corroborated if f.kind == "speaker"]
    named = [_quoted("a1", f'"{_WORDS}," Vent said.', "Mara Vent"), _quoted("b1", f'"{_WORDS}," said Vent.', "Vent")]
    assert [f.kind for f in compare_story(named).corroborated] == ["speaker"]


def test_compare_counts_go_on_with_a_background_paragraph() -> None:
    text = "In May last year a flood hit the valley. Nine people died in the flood."
    (count,) = counts(text)
    assert background(text, count.start, count.end)
    text = "In May last year a flood hit the valley. On Sunday nine people died in a new flood."
    (count,) = counts(text)
    assert not background(text, count.start, count.end)


# --- where it happened ------------------------------------------------------------------------


def test_compare_opposite_sides_of_one_town_conflict() -> None:
    story = _toll_story(
        "The tremor struck 40 kilometres north of Velm on Friday.",
        "The quake's centre lay 25 miles ( 40 km ) east of the town of Velm.",
        "It was felt 40 km northeast of Velm , residents said.",
    )
    (conflict,) = story.conflicts
    assert conflict.subject == "located relative to Velm"
    assert len(conflict.values) == 2  # north and east disagree; northeast agrees with both


def test_compare_bearings_far_apart_do_not_corroborate() -> None:
    story = _toll_story("The plant lies 10 miles south of Orvik.", "A driver was stopped 60 miles south of Orvik.")
    assert not story.conflicts
    assert not [f for f in story.corroborated if f.kind == "bearing"]
    story = _toll_story("The plant lies 10 miles south of Orvik.", "The plant is 16 km south of Orvik.")
    assert [f.kind for f in story.corroborated] == ["bearing"]


# --- round 2: count scope, capacities, one more victim, a parent's children -------------------


@pytest.mark.parametrize(
    ("narrow", "total"),
    [
        ('"We have received around 40 people with injuries," a doctor said.', "More than 300 people were injured."),
        ("Police made 60 arrests during Sunday 's marches.", "More than 250 people have been arrested in the unrest."),
        ("Around 12 people were seriously injured by the blast.", "Over 150 people were injured by the blast."),
        ("The depot holds enough blankets for 5,000 refugees.", "The camp now shelters about 11,000 refugees."),
    ],
)
def test_compare_count_of_a_narrower_scope_never_contradicts_the_total(narrow: str, total: str) -> None:
    assert not _toll_story(narrow, total).conflicts


def test_compare_more_without_than_is_a_lower_bound() -> None:
    assert _read("The collapse left more 40 people with serious injuries.") == [("injured", 41, float("inf"))]


def test_compare_injuring_a_third_counts_one_injured() -> None:
    assert _read("The gunman killed two clerks and wounded a third.") == [("killed", 2, 2), ("injured", 1, 1)]
    story = _toll_story(
        "The gunman killed two clerks and critically injured a third, police said.",
        "A gunman opened fire at the depot, killing two clerks and wounding two other people.",
    )
    (conflict,) = story.conflicts
    assert conflict.subject == "people injured"


def test_compare_a_parents_children_are_compared_and_are_no_toll() -> None:
    story = _toll_story("A mother of 7 was shot near the market.", "The victim, a mother of 8, died at the scene.")
    (conflict,) = story.conflicts
    assert conflict.subject == "children of the mother"
    assert not [c for c in counts("A mother of 7 was shot near the market.") if c.attribute == "killed"]


# --- round 2: clock times with their zone -----------------------------------------------------


def test_compare_same_clock_reading_in_two_zones_conflicts() -> None:
    story = _toll_story(
        "The tremor struck the valley at 0915 GMT, the survey said.",
        "It hit the valley at 9 : 15 a . m . local time .",
    )
    (conflict,) = story.conflicts
    assert conflict.attribute == "time"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The tremor struck at 0915 GMT on Monday.", "The tremor struck at 4 : 15 p . m . local time on Monday."),
        ("The blast went off at 11:05 UTC near the port.", "The blast went off at 7:05 a.m. EDT near the port."),
        ("The tremor struck at 0915 GMT.", "The tremor struck at 0920 GMT."),
    ],
)
def test_compare_times_naming_one_instant_agree(a: str, b: str) -> None:
    assert not _toll_story(a, b).conflicts


def test_compare_time_read_only_when_the_happening_took_place_then() -> None:
    from storyline.compare.times import clock_times

    assert not list(clock_times("The minister will speak to reporters at 1400 GMT."))
    assert [t.minutes for t in clock_times("The ferry capsized and sank; it collapsed at 0310 GMT.")] == [190]


# --- round 2: names spelt differently --------------------------------------------------------


def _named(aid: str, sentence: str, *names: str) -> Analysis:
    entities = [Entity(f"p{n}", name, "PERSON", mentions=(_span(sentence, name),), start=_span(sentence, name)[0],
                       end=_span(sentence, name)[1]) for n, name in enumerate(names)]  # fmt: skip
    return _article(aid, sentence, entities=entities)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Corwin Haldane", "Corbin Haldane", True),  # a consonant changed: another name
        ("Marta Kellerson", "Marta Kelerson", False),  # a doubled letter
        ("Ilsa Del Rosario", "Ilsa DelRosario", False),  # a space
        ("Tarek Younis", "Tarek Yunis", False),  # a transliteration
        ("Nora J. Pellham", "Nora Pellham", False),  # a middle initial
        ("Jon Ardwell", "Jonathan Ardwell", False),  # a short form
        ("Dave Orlick", "David Orlick", False),  # a customary short form that is no prefix
        ("Davide Orlick", "Dave Orlick", False),  # ... of a longer form of the full name
        ("Petros Marayiou", "Petros Maragiou", False),  # Greek gamma written y or g
        ("Dane Orlick", "Dale Orlick", True),  # two different names still disagree
        ("Petra Vanloo", "Petra Lovanloo", True),  # a particle the other lacks
    ],
)
def test_compare_names_spelt_two_ways_conflict_unless_variants(a: str, b: str, conflict: bool) -> None:
    story = compare_story([_named("a0", f"The injured clerk, {a}, was taken away.", a),
                           _named("a1", f"Police named the clerk as {b} on Friday.", b)])  # fmt: skip
    assert bool([c for c in story.conflicts if c.attribute == "name"]) is conflict


def test_compare_two_near_names_in_one_article_are_two_people() -> None:
    story = compare_story([
        _named("a0", "Brothers Davin Orloff and Devin Orloff were both charged.", "Davin Orloff", "Devin Orloff"),
        _named("a1", "Devin Orloff was charged on Monday.", "Devin Orloff"),
    ])  # fmt: skip
    assert not story.conflicts


# --- round 2: titles ---------------------------------------------------------------------------


def test_compare_title_starts_at_its_first_capital() -> None:
    from storyline.compare.offices import parse_office

    assert parse_office("delighted Secretary") == parse_office("Secretary")
    assert parse_office("deputy Foreign Minister").rank == "deputy"


def test_compare_title_inside_a_quote_never_contradicts() -> None:
    quoted = 'Supporters chanted "Vote for Governor Ansel Brightwater" outside.'
    plain = "Senator Ansel Brightwater spoke on Tuesday."
    analyses = []
    for n, (text, title) in enumerate([(quoted, "Governor"), (plain, "Senator")]):
        role = Role(title, None, *_span(text, title))
        name = _span(text, "Ansel Brightwater")
        entity = Entity(
            "p1", "Ansel Brightwater", "PERSON", roles=(role,), mentions=(name,), start=name[0], end=name[1]
        )
        quotes = [Quote(text[text.index('"') + 1 : text.rindex('"')], "direct", text.index('"') + 1, text.rindex('"'),
                        speaker="Supporters")] if '"' in text else []  # fmt: skip
        analyses.append(_article(f"a{n}", text, entities=[entity], quotes=quotes))
    assert not [c for c in compare_story(analyses).conflicts if c.attribute == "role"]
