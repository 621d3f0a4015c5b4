"""compare/, round 7: one relayed source under two names, counts that confirm a figure, and more.

Each rule was found by hand-judging what compare emits on real coverage
(benchmarks/conflict_audit.py, tuning half); the sentences and names are our own.
"""

from __future__ import annotations

import pytest

from story_records import article as _article
from storyline.compare import compare_story
from storyline.compare.damage import damage_counts
from storyline.compare.days import happening_days, resolve
from storyline.compare.money import sums
from storyline.compare.sources import same_source, source_key
from storyline.model import Analysis, Article, Attribution


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
            "More than 120 people have been arrested in the unrest.",
            "Police have detained more than 300 protesters.",
            False,
        ),
        ("At least 25 people were killed in the blast.", "The blast killed 27 people, officials said.", False),
        ("At least 25 people were killed in the blast.", "The blast killed 25 people, officials said.", True),
        ("About 25 people were killed in the blast.", "The blast killed 26 people, officials said.", True),
    ],
)
def test_compare_counts_corroborate_only_a_figure_two_sources_give(a: str, b: str, confirmed: bool) -> None:
    story = compare_story([_article("a1", a), _article("a2", b)])
    assert not story.conflicts
    assert bool([f for f in story.corroborated if f.kind == "number"]) == confirmed


# --- a quake's magnitude and depth ------------------------------------------------------------


def _quake(aid: str, lead: str, rest: str = "") -> Analysis:
    """An article whose lead is ``lead``; two filler sentences of its own push ``rest`` out of the lead."""
    later = f" Rescue team {aid} reached the valley. Roads near camp {aid} were blocked."
    return _article(aid, lead + later + rest)


def test_compare_two_magnitudes_of_one_quake_conflict() -> None:
    one = _quake("a1", "A magnitude 5.9 earthquake struck the Selm valley on Tuesday.")
    two = _quake("a2", "A 5.6-magnitude tremor shook the Selm valley on Tuesday, cracking walls.")
    (conflict,) = [c for c in compare_story([one, two]).conflicts if c.attribute == "magnitude"]
    assert sorted(v.value for v in conflict.values) == ["5.6", "5.9"]


def test_compare_one_magnitude_written_two_ways_corroborates() -> None:
    one = _quake("a1", "A magnitude 5.9 earthquake struck the Selm valley on Tuesday.")
    two = _quake("a2", "A 5 . 9 - magnitude tremor shook the Selm valley on Tuesday, cracking walls.")
    story = compare_story([one, two])
    assert not story.conflicts
    assert [f for f in story.corroborated if f.attribute == "magnitude"]


@pytest.mark.parametrize(
    "other",
    [
        " An aftershock of magnitude 5.7 rattled the farms an hour later.",  # another quake of the series
        " Last year, a 5.7-magnitude tremor injured two farmers in the hills.",  # background
        " In 2011 a magnitude 5.7 earthquake shook the hills nearby.",  # background
        " Officials recalled that a 5.7 magnitude tremor had rattled the hills.",  # not the lead, not "the quake"
    ],
)
def test_compare_magnitudes_of_other_quakes_are_not_read(other: str) -> None:
    one = _quake("a1", "A magnitude 5.9 earthquake struck the Selm valley on Tuesday.")
    two = _quake("a2", "An earthquake shook the Selm valley on Tuesday, cracking walls.", other)
    assert not compare_story([one, two]).conflicts


def test_compare_magnitudes_half_a_unit_apart_are_two_quakes() -> None:
    one = _quake("a1", "A magnitude 5.9 earthquake struck the Selm valley on Tuesday.")
    two = _quake("a2", "A magnitude 4.6 earthquake struck the Selm valley on Thursday.")
    story = compare_story([one, two])
    assert not story.conflicts
    assert not [f for f in story.corroborated if f.attribute == "magnitude"]


def test_compare_depths_in_kilometres_and_miles_agree_and_far_apart_conflict() -> None:
    km = _quake("a1", "The tremor's focus lay at a depth of 20 kilometres under the Selm valley.")
    miles = _quake("a2", "The tremor's focus lay at a depth of 12 miles under the Selm valley.")
    deep = _quake("a3", "The tremor's focus lay at a depth of 45 km under the Selm valley.")
    assert not compare_story([km, miles]).conflicts
    (conflict,) = [c for c in compare_story([km, deep]).conflicts if c.attribute == "depth"]
    assert len(conflict.values) == 2


def test_a_depth_without_a_quake_is_not_read() -> None:
    one = _quake("a1", "The shaft of the old mine reaches a depth of 10 km below the hill.")
    two = _quake("a2", "The shaft of the old mine reaches a depth of 3 km below the hill.")
    assert not compare_story([one, two]).conflicts


def test_compare_twin_quakes_of_nearly_one_size_are_not_contradicted() -> None:
    one = _quake("a1", "A magnitude 5.9 earthquake struck the Selm valley on Tuesday.")
    two = _quake("a2", "A magnitude 5.8 earthquake struck the Selm valley on Tuesday.")
    twins = _quake("a3", "Two quakes shook the Selm valley.", " The first measured 5.9 and the second measured 5.8.")
    assert [c for c in compare_story([one, two]).conflicts if c.attribute == "magnitude"]
    assert not [c for c in compare_story([one, two, twins]).conflicts if c.attribute == "magnitude"]


def test_compare_past_quakes_listed_one_per_sentence_do_not_hide_a_disagreement() -> None:
    one = _quake("a1", "A magnitude 5.9 earthquake struck the Selm valley on Tuesday.")
    two = _quake(
        "a2",
        "A magnitude 5.6 earthquake struck the Selm valley on Tuesday.",
        " On April 20, a 5.8-magnitude tremor rattled the hills.",
    )
    assert [c for c in compare_story([one, two]).conflicts if c.attribute == "magnitude"]


# --- counts of damaged property ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "attribute", "low", "group"),
    [
        ("More than 120 homes were damaged by the storm.", "damaged", 121, "houses"),
        ("The flood damaged 25 homes and a bridge.", "damaged", 25, "houses"),
        ("Rioters left 85 damaged shops behind them.", "damaged", 85, "shops"),
        ("Some 12 buildings were completely destroyed.", "destroyed", 10, "buildings"),
        ("In Tarsk, 60 shops suffered heavy damage.", "damaged", 60, "shops in Tarsk"),
        ("Twenty cars were torched in Selm overnight.", "damaged", 20, "vehicles in Selm"),
    ],
)
def test_damage_counts_read_the_kind_of_property_and_where(sentence: str, attribute: str, low: int, group: str) -> None:
    (count,) = damage_counts(sentence)
    assert (count.attribute, count.low, count.group) == (attribute, low, group)


@pytest.mark.parametrize(
    "sentence",
    ["The 2019 storm damaged houses across the coast.", "Dozens of houses were damaged.", "The houses were damaged."],
)
def test_damage_counts_need_a_number_before_the_property(sentence: str) -> None:
    assert not list(damage_counts(sentence))


def test_compare_damaged_shops_in_one_city_conflict_and_other_places_do_not() -> None:
    one = _article("a1", "In Tarsk, 240 shops were damaged during the riots, the traders' union said.")
    two = _article("a2", "The riots left 90 damaged shops in Tarsk, according to the city council.")
    (conflict,) = compare_story([one, two]).conflicts
    assert conflict.subject == "shops in Tarsk damaged"
    town = _article("a3", "The riots left 15 damaged shops in Varn, the mayor said.")
    assert not compare_story([one, town]).conflicts


def test_compare_damage_count_for_a_place_is_a_part_of_the_whole() -> None:
    whole = _article("a1", "Roughly 25 homes were damaged by the flooding, officials said.")
    part = _article("a2", "The flooding damaged 6 homes in Selm, the agency said.")
    assert not compare_story([whole, part]).conflicts
    larger = _article("a3", "The flooding damaged more than 120 homes in Norland province, the agency said.")
    (conflict,) = compare_story([whole, larger]).conflicts  # a part cannot exceed the whole
    assert {v.source.article for v in conflict.values} == {"a1", "a3"}


# --- sums of money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "subject", "low", "currency"),
    [
        (
            "Kelmar agreed to buy Selm Robotics Inc. for $1.2 billion in cash and stock.",
            "price of robotics",
            1.176e9,
            "usd",
        ),
        ("Kelmar will pay $410 million for Varnwell, the companies said.", "price of varnwell", 401.8e6, "usd"),
        (
            "Kelmar is paying roughly $2.3 billion to acquire chip designer Varnwell.",
            "price of varnwell",
            1.955e9,
            "usd",
        ),
        ("Storm damage was put at $3 million by the insurers.", "cost of the damage", 2.94e6, "usd"),
        ("The riots caused 150 million euros of damage in Tarsk alone.", "cost of the damage in Tarsk", 147e6, "eur"),
    ],
)
def test_sums_read_what_they_are_of(sentence: str, subject: str, low: float, currency: str) -> None:
    (found,) = sums(sentence)
    assert (found.subject, found.currency) == (subject, currency)
    assert found.low == pytest.approx(low)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kelmar pays $190 million in cash for Varnwell, the balance in shares.",  # a part of the price
        "Kelmar agreed to buy the Dutch chip-maker for $2.3 billion.",  # a state's adjective is no company
        "In 2006 Kelmar bought Varnwell for $2 billion.",  # background
        "The company was valued at $5 million.",  # no acquisition, no damage
    ],
)
def test_sums_that_are_no_price_or_cost_are_not_read(sentence: str) -> None:
    assert not list(sums(sentence))


def test_compare_prices_of_one_acquisition_conflict_and_of_two_do_not() -> None:
    one = _article("a1", "Kelmar agreed to buy Varnwell for $410 million on Monday.")
    two = _article("a2", "Kelmar will pay $470 million for Varnwell, analysts said.")
    (conflict,) = compare_story([one, two]).conflicts
    assert conflict.subject == "price of varnwell"
    other = _article("a3", "Kelmar will pay $600 million for Ostrava Chips, analysts said.")
    assert not compare_story([one, other]).conflicts
    rounded = _article("a4", "Kelmar is buying Varnwell Inc. for about $400 million.")
    story = compare_story([one, rounded])
    assert not story.conflicts and [f for f in story.corroborated if f.kind == "money"]


def test_compare_costs_in_two_currencies_conflict_only_far_apart() -> None:
    dollars = _article("a1", "The riots caused damage of an estimated $170 million, the chamber said.")
    euros = _article("a2", "The riots caused 150 million euros of damage, the traders said on Monday.")
    assert not compare_story([dollars, euros]).conflicts
    small = _article("a3", "Storm damage was put at $3 million by the insurers on Tuesday.")
    assert compare_story([small, euros]).conflicts


def test_compare_a_cost_for_one_place_larger_than_the_whole_conflicts() -> None:
    whole = _article("a1", "Storm damage was put at $3 million by the insurers on Tuesday.")
    part = _article("a2", "The riots caused 150 million euros of damage in Tarsk alone, the traders said.")
    (conflict,) = compare_story([whole, part]).conflicts
    assert len(conflict.values) == 2


def test_compare_a_second_quake_of_nearly_one_size_makes_the_magnitudes_corroborate_only() -> None:
    one = _quake("a1", "A magnitude 5.9 earthquake struck the Selm valley on Tuesday.")
    two = _quake("a2", "A magnitude 5.7 earthquake struck the Selm valley on Tuesday.")
    series = _quake(
        "a3", "An earthquake hit the Selm valley.", " A second quake of magnitude 5.7 followed an hour later."
    )
    assert not [c for c in compare_story([one, two, series]).conflicts if c.attribute == "magnitude"]


@pytest.mark.parametrize(
    "night",
    ["It was the second night of rioting in the harbour quarter.", "Three nights of unrest have shaken the port."],
)
def test_compare_arrests_in_unrest_over_several_nights_do_not_conflict(night: str) -> None:
    one = _article("a1", f"Police detained 17 people in Varn. {night}")
    three = _article("a3", "Police arrested 8 people in Varn, officials said.")
    assert not compare_story([one, three]).conflicts
    assert compare_story([_article("a4", "Police detained 17 people in Varn."), three]).conflicts


# --- the day of the happening ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "weekday", "edge"),
    [
        ("Two men were arrested after Saturday's shooting in Varn.", "saturday", ""),
        ("The baker was shot dead late Friday outside his shop.", "friday", "night"),
        ("A gunman opened fire in the Selm market on Sunday.", "sunday", ""),
        ("Officers described the Tuesday night explosion as planned.", "tuesday", "night"),
        ("Police said Jonas Lind killed Dana Kettle on Monday.", "monday", ""),
    ],
)
def test_happening_days_bound_to_the_happening(sentence: str, weekday: str, edge: str) -> None:
    (day,) = happening_days(sentence)
    assert (day.weekday, day.edge) == (weekday, edge)


@pytest.mark.parametrize(
    "sentence",
    [
        "Neighbours gathered on Saturday outside the bakery where the owner had been stabbed.",  # not its day
        "A teenager appeared in court Thursday over the stabbing.",  # the hearing's day
        "A memorial for the stabbed baker was held on Sunday.",
        "In 2019 a man was shot dead on Friday in the same street.",  # background
        "Air defences shot down 20 drones on Tuesday.",  # no shooting of a person
        "Five people were killed on Monday in a strike on the port.",  # a toll: strikes fall on many days
        "The Tuesday attack on the depot was the third this month.",  # attacks: a war has one every day
    ],
)
def test_days_of_other_acts_are_not_the_happenings(sentence: str) -> None:
    assert not list(happening_days(sentence))


def test_happening_day_resolves_a_weekday_with_the_publication_date() -> None:
    (day,) = happening_days("The baker was shot dead on Saturday outside his shop.")
    assert resolve(day, "2026-03-03") == "2026-02-28"  # the Saturday before a Tuesday
    assert resolve(day, None) == "saturday"


def _dated(aid: str, text: str, published: str | None) -> Analysis:
    item = Article(aid, f"{aid}.txt", text, title=f"Report {aid}", outlet=f"Outlet {aid}", published=published)
    return Analysis(item)


def test_compare_two_days_of_one_shooting_conflict() -> None:
    one = _dated("a1", "Two men were arrested after Saturday's shooting in Varn.", "2026-03-03")
    two = _dated("a2", "The baker was shot dead on Sunday outside his shop in Varn.", "2026-03-03")
    (conflict,) = compare_story([one, two]).conflicts
    assert conflict.attribute == "day"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The baker was shot dead on Saturday outside his shop.", "A gunman opened fire on the baker on Feb. 28."),
        ("The baker was shot dead late Saturday outside his shop.", "The baker was shot dead early Sunday in Varn."),
        ("The baker was shot dead on Saturday outside his shop.", "The baker was killed on Saturday in Varn."),
    ],
)
def test_compare_one_day_told_two_ways_does_not_conflict(a: str, b: str) -> None:
    assert not compare_story([_dated("a1", a, "2026-03-03"), _dated("a2", b, "2026-03-03")]).conflicts


def test_compare_an_article_telling_of_two_shootings_on_two_days_never_contradicts() -> None:
    series = _dated("a1", "A guard was shot dead on Friday. Another man was shot dead on Sunday in Varn.", None)
    other = _dated("a2", "The baker was shot dead on Saturday outside his shop.", None)
    assert not compare_story([series, other]).conflicts
