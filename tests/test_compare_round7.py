"""compare/, round 7: one relayed source under two names, counts that confirm a figure, and more.

Each rule was found by hand-judging what compare emits on real coverage
(benchmarks/conflict_audit.py, tuning half); the sentences and names are our own.
"""

from __future__ import annotations

import pytest

from story_records import article as _article
from storyline.compare import compare_story
from storyline.compare.sources import same_source, source_key
from storyline.model import Analysis, Attribution


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kelmar Relief sources", "A spokesman for the Kelmar Relief"),
        ("a spokesperson from Harwick Mills", "A spokeswoman for Harwick Mills"),
        ("NGS", "the Norland Geological Survey"),
        ("Geological Survey", "the Norland Geological Survey"),
        ("Dana Kettle", "Kettle"),
    ],
)
def test_two_names_of_one_relayed_source_are_one_source(a: str, b: str) -> None:
    assert same_source(a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("police", "Selm police"), ("NGS", "Dana Kettle"), ("Kelmar Relief", "Valmora Aid")]
)
def test_different_sources_stay_apart(a: str, b: str) -> None:
    assert not same_source(a, b)


def test_source_key_keeps_the_body_not_the_mouthpiece() -> None:
    assert source_key("A spokesman for the Kelmar Relief Group") == "kelmar relief group"
    assert source_key("Kelmar Relief Group officials") == "kelmar relief group"


def _relayed(aid: str, text: str, source: str) -> Analysis:
    """An article whose whole text the article attributes to ``source``."""
    return _article(aid, text, attributions=[Attribution(source, "said", text, 0, len(text))])


def test_compare_one_group_relayed_by_two_outlets_is_not_corroborated() -> None:
    one = _relayed("a1", "Kelmar Relief sources said that 14 people were killed in the flood.", "Kelmar Relief sources")
    two = _relayed(
        "a2", "A spokesman for the Kelmar Relief said 14 people died in the flood.", "A spokesman for the Kelmar Relief"
    )
    assert not [f for f in compare_story([one, two]).corroborated if f.kind == "number"]
    third = _article("a3", "The flood killed 14 people in the valley on Tuesday.")
    (fact,) = [f for f in compare_story([one, two, third]).corroborated if f.kind == "number"]
    assert fact.origins == 2


@pytest.mark.parametrize(
    ("a", "b", "confirmed"),
    [
        (
            "More than 200 people have been arrested in the unrest.",
            "Police have detained more than 400 protesters.",
            False,
        ),
        ("At least 40 people were killed in the blast.", "The blast killed 43 people, officials said.", False),
        ("At least 40 people were killed in the blast.", "The blast killed 40 people, officials said.", True),
        ("About 40 people were killed in the blast.", "The blast killed 42 people, officials said.", True),
    ],
)
def test_compare_counts_corroborate_only_a_figure_two_sources_give(a: str, b: str, confirmed: bool) -> None:
    story = compare_story([_article("a1", a), _article("a2", b)])
    assert not story.conflicts
    assert bool([f for f in story.corroborated if f.kind == "number"]) == confirmed
