"""Rules that read one temporal expression and resolve it to an ISO value.

Each rule is a regular expression with named groups plus a handler. The same
pattern serves twice: ``find_rule_spans`` scans an article for expressions
(spaCy's DATE entities miss "over the weekend", "late on Tuesday" and cut
"the second day ended early" too long), and ``read`` resolves a piece of text
that spaCy found. A handler returns a ``Reading``, or None when the text is not
a date at all (a duration, an age, an anniversary), which is how durations are
kept out. Absolute forms go through dateparser, which infers a missing year
from the publication date (``RELATIVE_BASE``) and the tense
(``PREFER_DATES_FROM``); relative forms dateparser does not know ("over the
weekend", "earlier this week") are calendar arithmetic here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from ..model import Granularity
from . import timevalues as tv

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Tense = Literal["past", "present", "future"]

MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MON = rf"(?:{MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[.,:]\d)"
YEAR = r"(?:1[89]\d\d|2[01]\d\d)(?!\w|[.,]\d)"
WDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TO = r"\s*(?:-|–|—|(?i:to|through|and|until|till)\b)\s*"
MOD = (
    r"(?:(?i:early|mid|late)(?:-|\s+)|(?i:the\s+)?(?i:end|beginning|start|middle|first\s+half|second\s+half"
    r"|first\s+week|last\s+week|first\s+days|last\s+days)\s+(?i:of)\s+)"
)
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a couple of": 2, "a couple": 2,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "opening": 1,
}  # fmt: skip
COUNT = r"(?:\d{1,3}|a\s+couple(?:\s+of)?|a\s+few|few|several|many|" + "|".join(NUMBERS) + ")"
ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|final|last|closing|" + "|".join(ORDINALS) + ")"
UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
# Named days that are not "the most recent Friday": "Black Friday", "Bloody Sunday".
NAMED_DAYS = ("Ash", "Black", "Good", "Holy", "Maundy", "Palm", "Easter", "Super", "Bloody", "Cyber", "Shrove", "Patch")
NOT_NAMED = "".join(f"(?<!{word} )" for word in NAMED_DAYS)


@dataclass(frozen=True, slots=True)
class When:
    """What a relative expression is resolved against: the publication day and the tense."""

    ref: date | None
    tense: Tense = "past"


@dataclass(frozen=True, slots=True)
class Reading:
    """What one expression means.

    ``kind`` is "date" (value final, possibly None), "ordinal" ("the second day":
    ``step`` is the day number, resolved later against the story's anchor) or
    "narrative" ("the next day": ``step`` units after the previous date).
    """

    value: str | None
    granularity: Granularity
    anchor: str | None = None
    kind: Literal["date", "ordinal", "narrative"] = "date"
    step: int = 0
    unit: str = "day"


Handler = Callable[[re.Match[str], When], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and its handler; ``before`` is context that must precede but is not part of it."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    finder: re.Pattern[str] | None


RULES: list[Rule] = []


def rule(name: str, pattern: str, *, before: str | None = "", find: bool = True) -> Callable[[Handler], Handler]:
    """Register a handler for ``pattern``; ``before`` (a regex) is required context for finding it."""

    def register(handler: Handler) -> Handler:
        finder = None
        if find:
            prefix = rf"(?:{before})" if before else ""
            finder = re.compile(rf"(?<![\w.]){prefix}(?P<core>{pattern})")
        RULES.append(Rule(name, re.compile(pattern), handler, finder))
        return handler

    return register


# ---------------------------------------------------------------- helpers


def published(when: When) -> str | None:
    return f"published:{when.ref.isoformat()}" if when.ref else None


def count_of(text: str | None) -> int | None:
    """A small count written in digits or words; None for vague ones ("several")."""
    if text is None:
        return None
    text = re.sub(r"\s+", " ", text.lower())
    return int(text) if text.isdigit() else NUMBERS.get(text)


def unit_of(text: str) -> str:
    return re.sub(r"s$", "", text.lower())


UNIT_GRANULARITY: dict[str, Granularity] = {"week": "week", "month": "month", "year": "year", "decade": "year"}


def unit_granularity(unit: str) -> Granularity:
    return UNIT_GRANULARITY.get(unit, "day")


@functools.lru_cache(maxsize=64)
def _parser(ref: date | None, prefer: str) -> DateDataParser:
    """One dateparser per (publication day, preference); building one is the slow part."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str, ref: date | None, prefer: str) -> tuple[str, Granularity] | None:
    data = _parser(ref, prefer).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    day: date = data.date_obj.date()
    return tv.value_for_unit(day, data.period)


def parse_absolute(text: str, when: When, has_year: bool) -> Reading:
    """Resolve an absolute form with dateparser; a missing year needs the publication day.

    Without a year and without a publication date the value stays None: the
    year is never taken from today's clock.
    """
    if not has_year and when.ref is None:
        return Reading(None, "day" if re.search(r"\d", text) else "month")
    found = _parse(text, when.ref, "current_period")
    if found and not has_year and when.ref:
        found = _tense_year(text, found, when)
    if found is None:
        return Reading(None, "unknown")
    return Reading(found[0], found[1], "absolute" if has_year else published(when))


def _tense_year(text: str, found: tuple[str, Granularity], when: When) -> tuple[str, Granularity] | None:
    """Move a year-less date to the past or future side of the publication day, by tense."""
    bounds = tv.interval(found[0])
    if bounds is None or when.ref is None:
        return found
    if when.tense == "past" and bounds[0] > when.ref:
        return _parse(text, when.ref, "past")
    if when.tense == "future" and bounds[1] < when.ref:
        return _parse(text, when.ref, "future")
    return found


def strip_mod(text: str) -> str:
    """The expression without "mid-", "early", "the end of": they keep its granularity."""
    return re.sub(rf"^{MOD}", "", text).strip()


def weekday_index(name: str) -> int:
    return ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(name.lower())


def weekday_near(ref: date, weekday: int, rel: str, tense: Tense) -> date:
    """The weekday meant by "Tuesday", "last Tuesday", "next Tuesday" from the publication day.

    Plain weekdays are the most recent one on or before the publication day
    unless the verb is future; "next"/"last" always exclude the day itself.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if rel == "last":
        return ref - timedelta(days=back or 7)
    if rel == "next":
        return ref + timedelta(days=ahead or 7)
    if tense == "future" or rel == "coming":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


# ---------------------------------------------------------------- absolute forms


def _day_range(first: str, last: str, year: str | None, when: When) -> Reading | None:
    """A range of days from its two ends; an end before the start moves to the next year."""
    lo = parse_absolute(f"{first} {year or ''}".strip(), when, bool(year))
    hi = parse_absolute(f"{last} {year or ''}".strip(), when, bool(year))
    if lo.value is None or hi.value is None:
        return Reading(None, "range")
    high = hi.value
    if high < lo.value and not year:
        high = _shift_year(high, 1)
    if high <= lo.value:
        return None
    return Reading(tv.range_value(lo.value, high), "range", lo.anchor)


def _shift_year(value: str, count: int) -> str:
    return f"{int(value[:4]) + count:04d}{value[4:]}"


RANGE_MD = (
    rf"(?:{WDAY},?\s+)?(?P<m1>{MON})\s+(?P<d1>{DAY}){TO}(?:(?P<m2>{MON})\s+)?(?P<d2>{DAY})(?:\s?,?\s+(?P<y>{YEAR}))?"
)
RANGE_DM = rf"(?P<d1>{DAY})(?:\s+(?P<m2>{MON}))?{TO}(?P<d2>{DAY})\s+(?P<m1>{MON})(?:\s?,?\s+(?P<y>{YEAR}))?"


@rule("range_md", RANGE_MD)
def range_month_day(m: re.Match[str], when: When) -> Reading | None:
    """ "February 17-18", "Feb. 28 to March 2, 2026"."""
    return _day_range(f"{m['m1']} {m['d1']}", f"{m['m2'] or m['m1']} {m['d2']}", m["y"], when)


@rule("range_dm", RANGE_DM)
def range_day_month(m: re.Match[str], when: When) -> Reading | None:
    """ "17-18 February 2026", "28 February to 2 March" (m2 is then the first month)."""
    return _day_range(f"{m['m2'] or m['m1']} {m['d1']}", f"{m['m1']} {m['d2']}", m["y"], when)


@rule("range_months", rf"(?P<m1>{MONTH_FULL})(?:\s+(?P<y1>{YEAR}))?{TO}(?P<m2>{MONTH_FULL})\s?,?\s+(?P<y>{YEAR})")
def range_months(m: re.Match[str], when: When) -> Reading | None:
    """ "May-June 2025", "December 2024 to March 2025"."""
    lo = parse_absolute(f"{m['m1']} {m['y1'] or m['y']}", when, True)
    hi = parse_absolute(f"{m['m2']} {m['y']}", when, True)
    if lo.value is None or hi.value is None or hi.value <= lo.value:
        return None
    return Reading(tv.range_value(lo.value, hi.value), "range", "absolute")


@rule("range_years", rf"(?P<y1>{YEAR})\s?[-–/]\s?(?P<y2>{YEAR}|\d\d(?![-\d]))")
def range_years(m: re.Match[str], when: When) -> Reading | None:
    """ "2014-2015", "2025-26": a two-digit end shares the century of the start."""
    first = int(m["y1"])
    last = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if not first < last <= first + 50:
        return None
    return Reading(tv.range_value(tv.year_value(first), tv.year_value(last)), "range", "absolute")


@rule("between_years", rf"(?i:between|from)\s+(?P<y1>{YEAR})\s+(?i:and|to|until|through)\s+(?P<y2>{YEAR})")
def between_years(m: re.Match[str], when: When) -> Reading | None:
    """ "between 2014 and 2016"."""
    return range_years(m, when)


@rule(
    "day_of_month", rf"(?i:the\s+)?(?P<which>(?i:first|last))\s+(?i:day\s+of)\s+(?P<m1>{MON})(?:\s?,?\s+(?P<y>{YEAR}))?"
)
def day_of_month(m: re.Match[str], when: When) -> Reading | None:
    """ "the first day of March 2026": the month's first or last day."""
    month = parse_absolute(f"{m['m1']} {m['y'] or ''}".strip(), when, bool(m["y"]))
    bounds = tv.interval(month.value)
    if bounds is None:
        return Reading(None, "day")
    day = bounds[0] if m["which"].lower() == "first" else bounds[1]
    return Reading(tv.day_value(day), "day", month.anchor)


@rule("date_mdy", rf"(?:{WDAY},?\s+)?(?P<m1>{MON})\s+(?P<d1>{DAY})(?:\s?,?\s+(?P<y>{YEAR}))?")
def date_month_day(m: re.Match[str], when: When) -> Reading | None:
    """ "April 30, 2025", "Wednesday, February 18, 2026", "Feb. 3"."""
    return parse_absolute(m[0], when, bool(m["y"]))


@rule("date_dmy", rf"(?:{WDAY},?\s+)?(?:(?i:the)\s+)?(?P<d1>{DAY})(?:\s+of)?\s+(?P<m1>{MON})(?:\s?,?\s+(?P<y>{YEAR}))?")
def date_day_month(m: re.Match[str], when: When) -> Reading | None:
    """ "30 April 2025", "the 5th of May"."""
    return parse_absolute(m[0], when, bool(m["y"]))


@rule("iso", r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<dd>\d{2})(?!\d)")
def iso_date(m: re.Match[str], when: When) -> Reading | None:
    """ "2025-04-30"."""
    try:
        return Reading(date(int(m["y"]), int(m["mo"]), int(m["dd"])).isoformat(), "day", "absolute")
    except ValueError:
        return None


@rule("numeric", r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})", find=False)
def numeric_date(m: re.Match[str], when: When) -> Reading | None:
    """ "30/4/2025": read only when day and month cannot be swapped (one part above 12)."""
    a, b = int(m["a"]), int(m["b"])
    if a <= 12 and b <= 12 and a != b:
        return Reading(None, "day")
    return parse_absolute(m[0], when, True)


@rule("month_year", rf"(?P<mod>{MOD})?(?P<m1>{MON})\s?,?\s+(?P<y>{YEAR})")
def month_year(m: re.Match[str], when: When) -> Reading | None:
    """ "May 2025", "mid-February 2026", "the end of March 2025"."""
    return parse_absolute(strip_mod(m[0]), when, True)


@rule("month_mod", rf"(?P<mod>{MOD})(?P<m1>{MONTH_FULL})\b(?!\s*\d)")
def month_with_mod(m: re.Match[str], when: When) -> Reading | None:
    """ "mid-February", "early March": the year comes from the publication day."""
    return parse_absolute(m["m1"], when, False)


@rule("month_rel", rf"(?P<rel>(?i:last|next|this\s+past|this\s+coming|this))\s+(?P<m1>{MONTH_FULL})\b(?!\s*\d)")
def month_relative(m: re.Match[str], when: When) -> Reading | None:
    """ "last May" (the latest May before this month), "next March", "this April"."""
    if when.ref is None:
        return Reading(None, "month")
    rel = {"this past": "last", "this coming": "next"}.get(re.sub(r"\s+", " ", m["rel"].lower()), m["rel"].lower())
    tense: Tense = "past" if rel == "last" else "future" if rel == "next" else when.tense
    month = parse_absolute(m["m1"], When(when.ref, tense), False)
    if month.value and rel != "this" and month.value == tv.month_value(when.ref.year, when.ref.month):
        month = Reading(_shift_year(month.value, -1 if rel == "last" else 1), "month", month.anchor)
    return month


@rule("month_of_year", rf"(?P<m1>{MONTH_FULL})\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|next|this))\s+(?i:year)\b")
def month_of_relative_year(m: re.Match[str], when: When) -> Reading | None:
    """ "May last year", "March of next year"."""
    if when.ref is None:
        return Reading(None, "month")
    year = when.ref.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    month = parse_absolute(f"{m['m1']} {year}", when, True)
    return Reading(month.value, month.granularity, published(when)) if month.value else month


@rule(
    "month_span",
    rf"(?i:between|from)\s+(?P<m1>{MONTH_FULL})\s+(?i:and|to|until|through|till)\s+(?P<m2>{MONTH_FULL})\b(?!\s*\d)",
)
def month_span(m: re.Match[str], when: When) -> Reading | None:
    """ "between January and May", "from November to April": months of the publication year."""
    lo, hi = parse_absolute(m["m1"], when, False), parse_absolute(m["m2"], when, False)
    if lo.value is None or hi.value is None:
        return Reading(None, "range")
    high = hi.value if hi.value > lo.value else _shift_year(hi.value, 1)
    return Reading(tv.range_value(lo.value, high), "range", lo.anchor)


@rule(
    "month_bare",
    rf"(?P<m1>{MONTH_FULL})\b(?!\s*\d)",
    before=r"(?i:in|since|until|till|by|from|through|during|before|after)\s+",
)
def month_bare(m: re.Match[str], when: When) -> Reading | None:
    """ "in May": a month name, found only after a preposition (bare "May" is often a name)."""
    return parse_absolute(m["m1"], when, False)


@rule(
    "quarter",
    r"(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))\s+(?i:quarter\s+of)\s+"
    rf"(?P<y>{YEAR})|Q(?P<n>[1-4])\s+(?P<y2>{YEAR})",
)
def quarter(m: re.Match[str], when: When) -> Reading | None:
    """ "the first quarter of 2025", "Q3 2025": a range of three months."""
    number = int(m["n"]) if m["n"] else ordinal_number(m["q"]) or 4
    year = int(m["y"] or m["y2"])
    first = tv.month_value(year, 3 * number - 2)
    return Reading(tv.range_value(first, tv.month_value(year, 3 * number)), "range", "absolute")


@rule("unit_mod", rf"(?P<mod>{MOD})(?i:the)\s+(?P<unit>(?i:week|month|year))\b")
def unit_with_mod(m: re.Match[str], when: When) -> Reading | None:
    """ "by the end of the year": the current one, unless the clause is past (then unknown)."""
    unit = m["unit"].lower()
    if when.ref is None or when.tense == "past":
        return Reading(None, unit_granularity(unit))
    value, granularity = tv.value_for_unit(when.ref, unit)
    return Reading(value, granularity, published(when))


@rule("year_mod", rf"(?P<mod>{MOD})(?P<y>{YEAR})")
def year_with_mod(m: re.Match[str], when: When) -> Reading | None:
    """ "late 2025", "mid-2025", "the end of 2025"."""
    return Reading(m["y"], "year", "absolute")


@rule(
    "year",
    rf"(?P<y>{YEAR})(?![-–/]\d)",
    before=r"(?i:in|since|until|till|by|from|through|during|before|after|of|around|circa)\s+",
)
def year_bare(m: re.Match[str], when: When) -> Reading | None:
    """ "in 2025": a bare year, found only after a preposition (else it may be a number)."""
    return Reading(m["y"], "year", "absolute")


@rule("decade", r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[-\s])?(?P<dec>(?:1[89]|20)\d0)'?s\b")
def decade(m: re.Match[str], when: When) -> Reading | None:
    """ "the 1990s": a range of years."""
    first = int(m["dec"])
    return Reading(tv.range_value(tv.year_value(first), tv.year_value(first + 9)), "range", "absolute")


# ---------------------------------------------------------------- relative forms


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


def ordinal_number(word: str) -> int:
    """1 for "first"/"1st"/"opening"; 0 for "final"/"last" (known only from a range)."""
    word = word.lower()
    if word[:1].isdigit():
        return int(re.sub(r"\D", "", word))
    return ORDINALS.get(word, 0)


@rule(
    "narrative",
    r"(?i:the)\s+(?P<rel>(?i:next|following|previous|preceding|same))\s+"
    r"(?P<unit>(?i:day|morning|afternoon|evening|night|week|month|year))\b"
    r"|(?:(?i:later|earlier)\s+)?(?i:that)\s+(?P<that>(?i:day|morning|afternoon|evening|night|week|month|year))\b"
    r"|(?i:the\s+day\s+)(?P<side>(?i:before|after))(?=\s*[,.;:)]|\s*$)",
)
def narrative(m: re.Match[str], when: When) -> Reading | None:
    """ "the next day", "the previous week", "that day": counted from the date told before."""
    word = (m["rel"] or m["side"] or "same").lower()
    step = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}.get(word, 0)
    unit = (m["unit"] or m["that"] or "day").lower()
    unit = unit if unit in ("week", "month", "year") else "day"
    return Reading(None, unit_granularity(unit), kind="narrative", step=step, unit=unit)


# ---------------------------------------------------------------- not dates

QUANTITY = rf"(?:\d[\d,.]*|{COUNT}|half|whole|entire|full|all|more|less)"
DURATION_UNIT = r"(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|centuries|nights?|weekends?)"
NOT_DATES = [
    # a quantity of time with nothing that places it: "about six hours", "the whole year"
    re.compile(
        rf"(?i)(?!.*\b(?:ago|after|before|later|earlier|prior|since)\b)(?:.*\b)?{QUANTITY}\b.*\b{DURATION_UNIT}\b.*"
    ),
    re.compile(
        r"(?i)(?:the\s+)?(?:(?:past|last|next|previous|coming|recent|few)\s+)*"
        rf"{DURATION_UNIT}(?:\s+(?:long|old))?"
    ),
    re.compile(r"(?i).*\b(?:year|month|week|day)s?[-\s]old\b.*|.*\b(?:aged?|under|over)\s+\d.*"),
    re.compile(r"(?i)(?:daily|weekly|monthly|annual|annually|yearly|quarterly|each|every)\b.*"),
    re.compile(rf"(?i)(?:(?!{MONTH_FULL}|\d{{4}}).)*\banniversary\b(?:(?!{MONTH_FULL}|\d{{4}}).)*"),
    re.compile(r"(?i).*\d+-(?:year|month|week|day|hour)\b.*"),
    # no letters at all: ages ("58"), scores and records ("21-12-7")
    re.compile(r"[^A-Za-z]*"),
]
# A text spaCy calls a date but no rule reads must at least say something about time.
TIME_WORDS = re.compile(
    r"(?i)\b(?:day|days|week|weeks|month|months|year|years|decade|decades|century|centuries|spring|summer"
    r"|autumn|fall|winter|season|holidays?|christmas|easter|thanksgiving|ramadan|hanukkah|diwali|eid"
    r"|weekend|morning|afternoon|evening|night|tonight|today|yesterday|tomorrow|era|quarter|eve|dawn)\b"
)


def after_named_day(text: str, start: int) -> bool:
    """True for the weekday of "Black Friday", "Good Friday": a named day, not a recent one."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in NAMED_DAYS


def is_not_date(text: str) -> bool:
    """Durations ("about six hours"), ages, frequencies, "fourth anniversary": not dates."""
    return any(pattern.fullmatch(text.strip()) for pattern in NOT_DATES)


# ---------------------------------------------------------------- entry points


def find_rule_spans(text: str) -> Iterator[tuple[int, int, Rule]]:
    """Every place a rule matches in ``text`` (overlapping; the caller keeps the longest)."""
    for item in RULES:
        if item.finder is None:
            continue
        for match in item.finder.finditer(text):
            yield match.start("core"), match.end("core"), item


def apply(item: Rule, text: str, when: When) -> Reading | None:
    """Resolve ``text`` with one rule (the one that found it)."""
    match = item.pattern.fullmatch(text)
    return item.handler(match, when) if match else None


def read(text: str, when: When, *, rules_only: bool = False) -> Reading | None:
    """Resolve an expression found by someone else (spaCy); None when it is not a date.

    The first rule that matches the whole text decides; a text no rule knows
    goes to dateparser if it names a month or a year, else it is kept as a
    temporal expression without a value ("the summer", "recent weeks").
    """
    text = re.sub(r"\s+", " ", text.strip())
    for item in RULES:
        if item.pattern.fullmatch(text):
            return apply(item, text, when)
    if rules_only or is_not_date(text):
        return None
    if re.search(rf"\b(?:{MONTH_FULL})\b|\b{YEAR}", text):
        has_year = re.search(rf"\b{YEAR}", text) is not None
        return parse_absolute(strip_mod(text), when, has_year)
    return Reading(None, "unknown") if TIME_WORDS.search(text) else None
