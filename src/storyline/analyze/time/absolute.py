"""Rules for absolute dates: a calendar date, month, year, range or decade written out.

"April 30, 2025", "30 April 2025", "May 2025", "mid-February 2026",
"February 17-18", "between 2014 and 2016", "the 1990s", "the first quarter of
2025". A form without a year ("Feb. 3", "in May") takes it from the
publication day and the tense; without a publication day its value is None.
Registered in this order, which is also their priority on equal spans.
"""

from __future__ import annotations

import re
from datetime import date

from . import values as tv
from .rules import (
    DAY,
    MOD,
    MON,
    MONTH_FULL,
    TO,
    WDAY,
    YEAR,
    Reading,
    Tense,
    When,
    ordinal_number,
    parse_absolute,
    published,
    rule,
    strip_mod,
    unit_granularity,
)


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


@rule("decade", r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[-\s])?(?P<dec>(?:1[0-9]|20)\d0)'?s\b")
def decade(m: re.Match[str], when: When) -> Reading | None:
    """ "the 1990s": a range of ten years; "the 1800s" a century (1800-1899).

    A round hundred before 2000 names a century in English ("the 1700s"); "the
    2000s" is read as the decade, its usual sense in news.
    """
    first = int(m["dec"])
    span = 99 if first % 100 == 0 and first < 2000 else 9
    return Reading(tv.range_value(tv.year_value(first), tv.year_value(first + span)), "range", "absolute")
