"""compare/, round 9: counts of any damaged, cut or severed things, and the colour of a vehicle.

Both kinds of claim come from disagreements listed by hand on real coverage
(benchmarks/judgements/conflicts-recall-tuning.jsonl); the sentences and names
are our own.
"""

from __future__ import annotations

import pytest

from story_records import article as _article
from storyline.compare import compare_story
from storyline.compare.colours import colours_compatible, vehicle_colours
from storyline.compare.damage import damage_counts


@pytest.mark.parametrize(
    ("text", "group", "low"),
    [
        ("Three undersea pipelines were cut off Selm on Friday.", "pipelines", 3),
        ("Two power lines in the Norland Sea suffered severe damage.", "lines", 2),
        ("At least four rail bridges between Varn and Selm were destroyed.", "bridges", 4),
    ],
)
def test_a_count_of_any_damaged_or_cut_things_is_read_by_its_noun(text: str, group: str, low: int) -> None:
    [count] = damage_counts(text)
    assert (count.group, count.low) == (group, low)


@pytest.mark.parametrize(
    "text",
    ["Five residents were hurt when the roof fell.", "Two officers were burned in Varn.", "Three days were lost."],
)
def test_people_and_spans_of_time_are_not_counted_as_damaged_things(text: str) -> None:
    assert not list(damage_counts(text))


def test_compare_two_cut_pipelines_against_three_conflict() -> None:
    one = _article("a1", "Traffic stopped after two undersea pipelines off Selm suffered severe damage.")
    other = _article("a2", "Three undersea pipelines were cut off Selm on Friday, the ministry said.")
    [conflict] = compare_story([one, other]).conflicts
    assert conflict.subject == "pipelines damaged"


def test_compare_cut_things_of_an_earlier_happening_do_not_conflict() -> None:
    one = _article("a1", "Three undersea pipelines were cut off Selm on Friday.")
    other = _article("a2", "Three undersea pipelines were cut off Selm. In January, five pipelines were cut.")
    assert not compare_story([one, other]).conflicts


@pytest.mark.parametrize(
    ("text", "vehicle", "weak"),
    [
        ("A grey Toyota Arrow knocked the cyclist over by the mill.", "Arrow", False),
        ("He drove a silver 2013 Norland Corsa.", "Corsa", False),
        ("Witnesses saw a 2013 gray Corsa near the temple.", "Corsa", False),
        ("A dark blue van was seen leaving.", "van", True),
        ("He fled in a red Toyota pickup.", "pickup", True),
    ],
)
def test_the_colour_of_a_vehicle_is_read_with_its_model(text: str, vehicle: str, weak: bool) -> None:
    [found] = vehicle_colours(text)
    assert (found.vehicle, found.weak) == (vehicle, weak)


@pytest.mark.parametrize(
    "text", ["The white House of Selm stood empty.", "A red Norland flag flew.", "She wore a black coat."]
)
def test_a_colour_of_no_vehicle_is_not_read(text: str) -> None:
    assert not list(vehicle_colours(text))


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ((frozenset({"gray"}), ""), (frozenset({"silver"}), ""), False),
        ((frozenset({"gray", "silver"}), ""), (frozenset({"silver"}), ""), True),
        ((frozenset({"gray"}), "dark"), (frozenset({"black"}), ""), True),
        ((frozenset({"blue"}), "dark"), (frozenset({"blue"}), ""), True),
    ],
)
def test_colours_compatible(a: tuple[frozenset[str], str], b: tuple[frozenset[str], str], compatible: bool) -> None:
    assert colours_compatible(a, b) is compatible


def test_compare_grey_and_silver_of_one_model_conflict_and_grey_and_gray_corroborate() -> None:
    one = _article("a1", "A grey Toyota Arrow ran into Dana Selm outside the Varn bakery.")
    two = _article("a2", "Officers want the gray 2013 Toyota Arrow that ran into Dana Selm.")
    three = _article("a3", "Dana Selm, a baker, lay in the road after a silver Toyota Arrow ran into her.")
    result = compare_story([one, two, three])
    [conflict] = result.conflicts
    assert conflict.attribute == "colour"
    assert any("gray" in fact.fact and "grey" in fact.fact for fact in result.corroborated)


def test_compare_colours_of_unnamed_cars_do_not_conflict() -> None:
    one = _article("a1", "Dana Selm stepped out of a silver car beside the Varn bakery.")
    two = _article("a2", "A black car ran into Dana Selm beside the Varn bakery.")
    assert not compare_story([one, two]).conflicts
