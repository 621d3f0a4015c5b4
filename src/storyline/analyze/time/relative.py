"""Rules for relative dates: counted from the publication day or from another mention.

"yesterday", "on Tuesday", "late on Tuesday", "last week", "earlier this week",
"over the weekend", "two years ago" count from the publication day (and stay
None without one); "three days later", "the next day" count from the date told
before them; "the second day" waits for the story's anchor (see dates.py).
"""

from __future__ import annotations

import re
from datetime import timedelta

from . import values as tv
from .rules import (
    COUNT,
    NOT_NAMED,
    ORDINAL,
    UNIT,
    WDAY,
    Reading,
    When,
    count_of,
    ordinal_number,
    published,
    rule,
    unit_granularity,
    unit_of,
    weekday_index,
    weekday_near,
)


@rule(
    "deictic",
    r"(?:(?P<mod>(?i:earlier|later|early|late))\s+)?"
    r"(?P<w>(?i:yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)))"
    r"(?:\s+(?i:morning|afternoon|evening|night))?\b",
)
def deictic(m: re.Match[str], when: When) -> Reading | None:
    """ "yesterday", "earlier today", "last night", "tomorrow morning"."""
    if when.ref is None:
        return Reading(None, "day")
    word = re.sub(r"\s+", " ", m["w"].lower())
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    return Reading(tv.day_value(when.ref + timedelta(days=offset)), "day", published(when))


@rule(
    "rel_period",
    r"(?:(?P<mod>(?i:earlier|later|early|late))\s+|(?i:early|mid|late)-)?"
    r"(?:(?P<the>(?i:the))\s+)?(?P<rel>(?i:this|last|next|coming|past))\s+(?P<unit>(?i:week|month|year|weekend))\b",
)
def relative_period(m: re.Match[str], when: When) -> Reading | None:
    """ "last week", "earlier this week", "next month", "this year", "last weekend".

    "the past week" and "the last week" are durations, not dates, and are dropped.
    """
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "past" or (rel == "last" and m["the"]):
        return None
    if unit == "weekend":
        return weekend(when, rel)
    if when.ref is None:
        return Reading(None, unit_granularity(unit))
    step = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    value, granularity = tv.shift_unit(when.ref, unit, step)
    return Reading(value, granularity, published(when))


def weekend(when: When, rel: str) -> Reading:
    """Saturday and Sunday: the latest one for past tense, the coming one for the future."""
    if when.ref is None:
        return Reading(None, "range")
    saturday = when.ref - timedelta(days=(when.ref.weekday() - 5) % 7)
    coming = rel in ("next", "coming") or (rel == "this" and when.tense != "past") or when.tense == "future"
    if coming and saturday + timedelta(days=1) < when.ref:
        saturday += timedelta(days=7)
    elif rel == "last" and saturday + timedelta(days=1) >= when.ref:
        saturday -= timedelta(days=7)
    value = tv.range_value(tv.day_value(saturday), tv.day_value(saturday + timedelta(days=1)))
    return Reading(value, "range", published(when))


@rule("weekend", r"(?:(?i:over|during|at|on|through)\s+)?(?i:the)\s+(?i:weekend)\b(?!\s+of\b)")
def the_weekend(m: re.Match[str], when: When) -> Reading | None:
    """ "over the weekend": the weekend before publication, or after it in a future clause."""
    return weekend(when, "")


@rule(
    "weekday",
    rf"(?:(?P<mod>(?i:late|early))\s+(?:(?i:on)\s+)?)?(?:(?P<rel>(?i:last|next|this|coming))\s+)?"
    rf"{NOT_NAMED}(?P<wd>{WDAY})(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b",
)
def weekday(m: re.Match[str], when: When) -> Reading | None:
    """ "on Tuesday", "late on Tuesday", "next Friday", "Thursday night"."""
    if when.ref is None:
        return Reading(None, "day")
    rel = (m["rel"] or "").lower()
    day = weekday_near(when.ref, weekday_index(m["wd"]), rel, when.tense)
    return Reading(tv.day_value(day), "day", published(when))


@rule(
    "ago",
    r"(?:(?i:about|some|nearly|almost|more\s+than|over|just|roughly|around|only|barely|less\s+than)\s+)?"
    rf"(?P<n>(?i:{COUNT}))\s+(?P<unit>(?i:{UNIT}))\s+"
    r"(?P<dir>(?i:ago|earlier|later|before|after|previously|prior))\b",
)
def units_ago(m: re.Match[str], when: When) -> Reading | None:
    """ "two years ago" (from publication), "three days later" (from the date before it).

    "two days after the vote" is relative to an event this rule does not know:
    it stays unresolved.
    """
    count, unit, direction = count_of(m["n"]), unit_of(m["unit"]), m["dir"].lower()
    granularity = unit_granularity(unit)
    if count is None or direction in ("before", "after", "prior"):
        return Reading(None, granularity)
    if direction in ("earlier", "later", "previously"):
        step = -count if direction in ("earlier", "previously") else count
        return Reading(None, granularity, kind="narrative", step=step, unit=unit)
    if when.ref is None:
        return Reading(None, granularity)
    value, granularity = tv.shift_unit(when.ref, unit, -count)
    return Reading(value, granularity, published(when))


@rule(
    "vague_relative",
    r"(?:(?i:just|only|mere)\s+)?(?P<unit>(?i:hours|days|weeks|months|years|decades))\s+"
    r"(?P<dir>(?i:ago|earlier|later|before|after|prior))\b",
)
def vague_relative(m: re.Match[str], when: When) -> Reading | None:
    """ "days before", "weeks later": a time relative to something, with no count to resolve."""
    return Reading(None, unit_granularity(unit_of(m["unit"])))


@rule("ordinal_day", rf"(?i:the)\s+(?P<ord>(?i:{ORDINAL}))\s+(?P<unit>(?i:day|week|month|year))\b")
def ordinal_day(m: re.Match[str], when: When) -> Reading | None:
    """ "the second day" (of talks): resolved later, when the story anchors its first day."""
    unit = m["unit"].lower()
    step = ordinal_number(m["ord"])
    if unit != "day":
        return Reading(None, unit_granularity(unit))
    return Reading(None, "day", kind="ordinal", step=step)


@rule("day_number", r"(?i:day)\s+(?P<num>(?i:one|two|three|four|five|six|seven|\d{1,2}))\b(?![.,:]?\d)")
def day_number(m: re.Match[str], when: When) -> Reading | None:
    """ "Day 2" of a summit: the same as "the second day"."""
    return Reading(None, "day", kind="ordinal", step=count_of(m["num"]) or 0)


@rule("ordinal_period", rf"(?i:its|their|his|her)\s+(?P<ord>(?i:{ORDINAL}))\s+(?P<unit>(?i:day|week|month|year))\b")
def ordinal_period(m: re.Match[str], when: When) -> Reading | None:
    """ "its fifth year": a period counted from an unknown start, kept without a value."""
    return Reading(None, unit_granularity(m["unit"].lower()))


@rule(
    "narrative",
    r"(?i:the)\s+(?P<rel>(?i:next|following|previous|preceding|same))\s+"
    r"(?P<unit>(?i:day|morning|afternoon|evening|night|week|month|year|period))\b"
    r"|(?:(?i:later|earlier)\s+)?(?i:that)\s+(?P<that>(?i:day|morning|afternoon|evening|night|week|month|year|period))\b"
    r"|(?i:the\s+day\s+)(?P<side>(?i:before|after))(?=\s*[,.;:)]|\s*$)",
)
def narrative(m: re.Match[str], when: When) -> Reading | None:
    """ "the next day", "the previous week", "that day": counted from the date told before.

    "the same period", "that period" is the date told before, whatever its granularity.
    """
    word = (m["rel"] or m["side"] or "same").lower()
    step = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}.get(word, 0)
    unit = (m["unit"] or m["that"] or "day").lower()
    if unit == "period":
        return Reading(None, "unknown", kind="narrative", step=0, unit="period") if step == 0 else None
    unit = unit if unit in ("week", "month", "year") else "day"
    return Reading(None, unit_granularity(unit), kind="narrative", step=step, unit=unit)
