"""compare/, round 8: arrests over nights of unrest however the unrest is called, and times in an
article that counts the quakes of a series.

Each rule was found by hand-judging what compare emits on real coverage
(benchmarks/conflict_audit.py); the sentences and names are our own.
"""

from __future__ import annotations

import pytest

from story_records import article as _article
from storyline.compare import compare_story
from storyline.compare.times import tells_of_series


@pytest.mark.parametrize(
    "nights",
    [
        "Four nights of protesting have left the harbour quarter tense.",
        "Crowds gathered night after night outside the town hall.",
        "Arrests over three straight nights have filled the cells.",
        "It was the fifth consecutive night of marches.",
    ],
)
def test_compare_arrests_over_several_nights_do_not_conflict_whatever_the_unrest_is_called(nights: str) -> None:
    one = _article("a1", f"Police detained 17 people in Varn. {nights}")
    other = _article("a2", "Police arrested 8 people in Varn, officials said.")
    assert not compare_story([one, other]).conflicts


def test_compare_arrests_of_one_happening_still_conflict() -> None:
    one = _article("a1", "Police detained 17 people in Varn. The protest lasted two hours.")
    other = _article("a2", "Police arrested 8 people in Varn, officials said.")
    assert compare_story([one, other]).conflicts


@pytest.mark.parametrize(
    ("text", "series"),
    [
        ("The first quake struck the coast at 10:15 local time.", True),
        ("Twin blasts shook the market on Monday.", True),
        ("The first of two strong tremors hit at dawn.", True),
        ("Two earthquakes rattled the valley.", True),
        ("The quake struck the coast at 10:15 local time.", False),
        ("It was the first time the town had been hit.", False),
    ],
)
def test_an_article_that_counts_the_quakes_of_a_series_tells_of_a_series(text: str, series: bool) -> None:
    assert tells_of_series(text) is series


def test_compare_time_in_an_article_counting_the_quakes_of_a_series_does_not_contradict() -> None:
    first = _article("a1", "The first quake struck the Selm coast at 10:15 local time. Many fled their homes.")
    other = _article("a2", "The quake struck the Selm coast at 11:40 local time, the survey said.")
    assert not compare_story([first, other]).conflicts
    alone = _article("a3", "The quake struck the Selm coast at 10:15 local time. Many fled their homes.")
    assert [c.attribute for c in compare_story([alone, other]).conflicts] == ["time"]
